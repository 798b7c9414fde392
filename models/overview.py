"""Read-only summaries the screens show (counts, recent activities, history)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from models.schema import (
    Activity,
    AttendanceSession,
    HourEntry,
    Item,
    SyncLog,
    Volunteer,
)
from models.schema.enums import ApprovalStatus, SessionStatus


@dataclass(frozen=True)
class HoursSummary:
    approved_minutes: int
    pending_minutes: int
    pending_entries: int
    attendances: int
    open_sessions: int


def hours_summary(session: Session) -> HoursSummary:
    approved, pending, pending_n = session.execute(
        select(
            func.coalesce(
                func.sum(case((HourEntry.status == ApprovalStatus.APPROVED, HourEntry.minutes))), 0
            ),
            func.coalesce(
                func.sum(case((HourEntry.status == ApprovalStatus.PENDING, HourEntry.minutes))), 0
            ),
            func.coalesce(func.sum(case((HourEntry.status == ApprovalStatus.PENDING, 1))), 0),
        )
    ).one()
    attendances = session.scalar(
        select(func.count())
        .select_from(AttendanceSession)
        .where(AttendanceSession.status != SessionStatus.DISCARDED)
    )
    open_sessions = session.scalar(
        select(func.count())
        .select_from(AttendanceSession)
        .where(AttendanceSession.status == SessionStatus.OPEN)
    )
    return HoursSummary(
        int(approved), int(pending), int(pending_n), int(attendances or 0), int(open_sessions or 0)
    )


@dataclass(frozen=True)
class SyncRow:
    id: uuid.UUID
    direction: str
    org_code: str
    created_at: datetime
    file_name: str
    status: str


def sync_history(session: Session, *, limit: int = 200) -> list[SyncRow]:
    rows = session.scalars(select(SyncLog).order_by(SyncLog.created_at.desc()).limit(limit))
    return [
        SyncRow(r.id, str(r.direction), r.org_code, r.created_at, r.file_name, r.status)
        for r in rows
    ]


def holds_data(session: Session) -> bool:
    """True once the database holds any item, volunteer or activity."""
    return any(
        session.scalar(select(table.id).limit(1)) is not None
        for table in (Item, Volunteer, Activity)
    )
