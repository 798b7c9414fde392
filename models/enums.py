"""Closed sets of values stored as short strings (readable in SQL and in bundles)."""

from __future__ import annotations

from enum import StrEnum


class DonorKind(StrEnum):
    INDIVIDUAL = "individual"
    CORPORATE = "corporate"
    ANONYMOUS = "anonymous"


class IntakeChannel(StrEnum):
    WALK_IN = "walk_in"
    COURIER = "courier"
    PICKUP = "pickup"
    CORPORATE_DELIVERY = "corporate_delivery"
    IMPORT = "import"


class Grade(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    UNSELLABLE = "X"


class ItemStatus(StrEnum):
    RECEIVED = "received"
    SORTED = "sorted"
    ON_SHELF = "on_shelf"
    SOLD = "sold"
    PASSED_ON = "passed_on"
    RECYCLED = "recycled"
    DISCARDED = "discarded"


class ItemEventKind(StrEnum):
    RECEIVED = "received"
    SORTED = "sorted"
    SHELVED = "shelved"
    SOLD = "sold"
    PASSED_ON = "passed_on"
    RECYCLED = "recycled"
    DISCARDED = "discarded"
    TRANSFERRED = "transferred"
    LABEL_PRINTED = "label_printed"
    NOTE = "note"


class ActivityState(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    EXPORTED = "exported"


class ScanSource(StrEnum):
    CAMERA = "camera"
    SCANNER = "scanner"
    MANUAL = "manual"
    PAPER = "paper"


class ScanOutcome(StrEnum):
    CHECK_IN = "check_in"
    CHECK_OUT = "check_out"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


class SessionStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    RESOLVED = "resolved"
    DISCARDED = "discarded"


class HourKind(StrEnum):
    SESSION = "session"
    SUPPLEMENTAL = "supplemental"
    CORRECTION = "correction"


class ApprovalStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class RequestStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"


class SyncDirection(StrEnum):
    EXPORT = "export"
    IMPORT = "import"
