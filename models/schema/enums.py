"""The enums live in ``models.enums`` (importable without loading the schema)."""

from models.enums import (
    ActivityState,
    ApprovalStatus,
    DonorKind,
    Grade,
    HourKind,
    IntakeChannel,
    ItemEventKind,
    ItemStatus,
    RequestStatus,
    ScanOutcome,
    ScanSource,
    SessionStatus,
    SyncDirection,
)

__all__ = [
    "ActivityState",
    "ApprovalStatus",
    "DonorKind",
    "Grade",
    "HourKind",
    "IntakeChannel",
    "ItemEventKind",
    "ItemStatus",
    "RequestStatus",
    "ScanOutcome",
    "ScanSource",
    "SessionStatus",
    "SyncDirection",
]
