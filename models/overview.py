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
    Badge,
    DonationBatch,
    Donor,
    HourEntry,
    Item,
    Store,
    SyncLog,
    Volunteer,
)
from models.schema.enums import ActivityState, ApprovalStatus, SessionStatus


@dataclass(frozen=True)
class InventorySummary:
    items: int
    batches: int
    donors: int
    by_status: dict[str, int]
    by_store: dict[str, int]  # 'S01 静安旗舰店' -> items
    estimated_value_fen: int


def inventory_summary(session: Session) -> InventorySummary:
    by_status = {
        str(status): count
        for status, count in session.execute(
            select(Item.status, func.count()).group_by(Item.status)
        )
    }
    by_store = {
        f"{code} {name}": count
        for code, name, count in session.execute(
            select(Store.code, Store.name, func.count(Item.id))
            .join(Item, Item.store_id == Store.id)
            .group_by(Store.code, Store.name)
            .order_by(Store.code)
        )
    }
    value = session.scalar(select(func.coalesce(func.sum(Item.unit_value_fen * Item.quantity), 0)))
    return InventorySummary(
        items=sum(by_status.values()),
        batches=session.scalar(select(func.count()).select_from(DonationBatch)) or 0,
        donors=session.scalar(select(func.count()).select_from(Donor)) or 0,
        by_status=by_status,
        by_store=by_store,
        estimated_value_fen=int(value or 0),
    )


@dataclass(frozen=True)
class PeopleSummary:
    volunteers: int
    active: int
    with_badge: int
    with_consent: int


def people_summary(session: Session) -> PeopleSummary:
    row = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((Volunteer.active.is_(True), 1), else_=0)), 0),
            func.coalesce(func.sum(case((Volunteer.consent_at.is_not(None), 1), else_=0)), 0),
        ).where(Volunteer.merged_into_id.is_(None))
    ).one()
    with_badge = session.scalar(
        select(func.count(func.distinct(Badge.volunteer_id))).where(Badge.retired_at.is_(None))
    )
    return PeopleSummary(int(row[0]), int(row[1]), int(with_badge or 0), int(row[2]))


@dataclass(frozen=True)
class ActivityRow:
    id: uuid.UUID
    title: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    state: ActivityState
    location: str | None
    capacity: int | None
    attendances: int


def activities(session: Session, *, limit: int = 500) -> list[ActivityRow]:
    counts = (
        select(AttendanceSession.activity_id, func.count().label("n"))
        .where(AttendanceSession.status != SessionStatus.DISCARDED)
        .group_by(AttendanceSession.activity_id)
        .subquery()
    )
    rows = session.execute(
        select(Activity, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.activity_id == Activity.id)
        .order_by(Activity.starts_at.desc())
        .limit(limit)
    )
    return [
        ActivityRow(
            a.id, a.title, a.kind, a.starts_at, a.ends_at, a.state, a.location, a.capacity, int(n)
        )
        for a, n in rows
    ]


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
