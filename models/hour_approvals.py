"""Approving and rejecting hour entries.

Approval asks for the staff PIN when one is set.  A volunteer's day over the
second-approval threshold (all approved and pending minutes of that local day)
needs a first approval and then a second one by another member of staff.  In
bulk, entries of sessions flagged for review are skipped: approving such an
entry on its own is the review.  Every decision writes an audit row with the
entry before and after; only approved minutes ever count.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import audit, organisation
from models.clock import as_utc, utcnow
from models.errors import N_, UserError
from models.hour_recalc import ENTITY, load_rules
from models.hour_rules import HourRules
from models.schema import AttendanceSession, HourEntry
from models.schema.enums import ApprovalStatus
from models.volunteers import clean_staff

MAX_REASON = 500


def clean_reason(reason: str | None, missing: str = N_("Give a reason.")) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise UserError(missing)
    if len(text) > MAX_REASON:
        raise UserError(N_("The reason has at most {limit} characters."), limit=MAX_REASON)
    return text


def load_entry(session: Session, entry_id: uuid.UUID) -> HourEntry:
    entry = session.get(HourEntry, entry_id)
    if entry is None:
        raise UserError(N_("This hour entry no longer exists."))
    return entry


def snapshot(entry: HourEntry) -> dict[str, Any]:
    return {
        "kind": entry.kind,
        "volunteer_id": entry.volunteer_id,
        "activity_id": entry.activity_id,
        "work_date": entry.work_date,
        "started_at": entry.started_at,
        "ended_at": entry.ended_at,
        "minutes": entry.minutes,
        "status": entry.status,
        "decided_by": entry.decided_by,
        "second_approver": entry.second_approver,
        "corrects_id": entry.corrects_id,
    }


# ----------------------------------------------------------------------------- approvals


@dataclass(frozen=True)
class ApprovalResult:
    approved: tuple[uuid.UUID, ...] = ()
    awaiting_second: tuple[uuid.UUID, ...] = ()  # first approval given
    rejected: tuple[uuid.UUID, ...] = ()
    skipped: tuple[uuid.UUID, ...] = ()  # needs review, or same approver twice


def _check_pin(session: Session, pin: str | None) -> None:
    if not organisation.check_staff_pin(session, pin or ""):
        raise UserError(N_("The staff PIN is not correct."))


def _day_total(session: Session, entry: HourEntry) -> int:
    total = session.scalar(
        select(func.coalesce(func.sum(HourEntry.minutes), 0)).where(
            HourEntry.volunteer_id == entry.volunteer_id,
            HourEntry.work_date == entry.work_date,
            HourEntry.status != ApprovalStatus.REJECTED,
        )
    )
    return int(total or 0)


def _needs_review(session: Session, entry: HourEntry) -> bool:
    if entry.session_id is None:
        return False
    row = session.get(AttendanceSession, entry.session_id)
    return row is not None and row.needs_review


_NOT_PENDING = {
    ApprovalStatus.APPROVED: N_(
        "This entry is already approved; approved hours change only by a correction."
    ),
    ApprovalStatus.REJECTED: N_(
        "This entry is already rejected; add a supplemental entry if hours are missing."
    ),
}
_SAME_APPROVER = N_(
    "This day is over {limit} minutes and needs a second approval by another member of staff."
)


def _approve_one(
    session: Session,
    entry: HourEntry,
    *,
    staff: str,
    rules: HourRules,
    now: datetime,
    bulk: bool,
) -> str:
    """'approved', 'awaiting' or 'skipped'; single approvals raise instead of skipping."""
    if entry.status is not ApprovalStatus.PENDING:
        if bulk:
            return "skipped"
        raise UserError(_NOT_PENDING[entry.status])
    if bulk and _needs_review(session, entry):
        return "skipped"
    before = snapshot(entry)
    limit = rules.second_approval_over_day_minutes
    if rules.needs_second_approval(_day_total(session, entry)):
        if entry.decided_by is None:
            entry.decided_by = staff
            entry.decided_at = now
            session.flush()
            audit.record(
                session,
                staff=staff,
                action=f"{ENTITY}.first_approval",
                entity=ENTITY,
                entity_id=entry.id,
                before=before,
                after=snapshot(entry),
            )
            return "awaiting"
        if entry.decided_by == staff:
            if bulk:
                return "skipped"
            raise UserError(_SAME_APPROVER, limit=limit)
        entry.second_approver = staff
    else:
        entry.decided_by = staff
        entry.decided_at = now
    entry.status = ApprovalStatus.APPROVED
    session.flush()
    audit.record(
        session,
        staff=staff,
        action=f"{ENTITY}.approve",
        entity=ENTITY,
        entity_id=entry.id,
        before=before,
        after=snapshot(entry),
    )
    return "approved"


def approve_entries(
    session: Session,
    entry_ids: Iterable[uuid.UUID],
    *,
    staff: str,
    pin: str | None = None,
    now: datetime | None = None,
    bulk: bool = True,
) -> ApprovalResult:
    """Approve pending entries (PIN checked once when one is set).

    In bulk, entries of sessions flagged for review, entries that are not pending
    and second approvals by the first approver are skipped, not refused.
    """
    staff = clean_staff(staff)
    _check_pin(session, pin)
    rules = load_rules(session)
    moment = as_utc(now or utcnow())
    outcome: dict[str, list[uuid.UUID]] = {"approved": [], "awaiting": [], "skipped": []}
    for entry_id in entry_ids:
        entry = load_entry(session, entry_id)
        result = _approve_one(session, entry, staff=staff, rules=rules, now=moment, bulk=bulk)
        outcome[result].append(entry.id)
    return ApprovalResult(
        approved=tuple(outcome["approved"]),
        awaiting_second=tuple(outcome["awaiting"]),
        skipped=tuple(outcome["skipped"]),
    )


def approve_entry(
    session: Session,
    entry_id: uuid.UUID,
    *,
    staff: str,
    pin: str | None = None,
    now: datetime | None = None,
) -> ApprovalResult:
    """Approve one entry (or give its first approval when its day needs two)."""
    return approve_entries(session, [entry_id], staff=staff, pin=pin, now=now, bulk=False)


def approve_activity(
    session: Session,
    activity_id: uuid.UUID,
    *,
    staff: str,
    pin: str | None = None,
    now: datetime | None = None,
) -> ApprovalResult:
    """Approve every pending entry of an activity (see :func:`approve_entries`)."""
    ids = list(
        session.scalars(
            select(HourEntry.id)
            .where(
                HourEntry.activity_id == activity_id,
                HourEntry.status == ApprovalStatus.PENDING,
            )
            .order_by(HourEntry.work_date, HourEntry.created_at)
        )
    )
    return approve_entries(session, ids, staff=staff, pin=pin, now=now)


def reject_entry(
    session: Session,
    entry_id: uuid.UUID,
    *,
    staff: str,
    reason: str,
    pin: str | None = None,
    now: datetime | None = None,
) -> ApprovalResult:
    """Reject a pending entry with a reason; its minutes never count."""
    staff = clean_staff(staff)
    text = clean_reason(reason, N_("Give a reason for rejecting these hours."))
    _check_pin(session, pin)
    entry = load_entry(session, entry_id)
    if entry.status is not ApprovalStatus.PENDING:
        raise UserError(_NOT_PENDING[entry.status])
    before = snapshot(entry)
    entry.status = ApprovalStatus.REJECTED
    entry.decided_by = staff
    entry.decided_at = as_utc(now or utcnow())
    session.flush()
    audit.record(
        session,
        staff=staff,
        action=f"{ENTITY}.reject",
        entity=ENTITY,
        entity_id=entry.id,
        before=before,
        after=snapshot(entry),
        reason=text,
    )
    return ApprovalResult(rejected=(entry.id,))
