"""Service hours (公益时): supplemental and corrected entries, approvals, the list.

Every entry starts pending and only approved minutes count.  Supplemental (补录)
and correction entries need a reason and the staff member's name.  Approval asks
for the staff PIN when one is set; a volunteer's day over the second-approval
threshold needs a second, different member of staff.  Approved entries are
locked: a later change is a correction row carrying the difference in minutes and
pointing at the entry it corrects (a delta line in the next export when that
entry was already exported).  Every decision and every new entry writes an audit
row with the values before and after.  The caller owns the transaction.

This module is also the front door to the rest of the hours core, re-exporting:
session entries and recalculation (:mod:`models.hour_recalc`), approvals
(:mod:`models.hour_approvals`), totals and the service record
(:mod:`models.hour_totals`), the rate table and export freezing
(:mod:`models.hour_export`).  The rule engine itself is :mod:`models.hour_rules`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from models import audit
from models.clock import as_utc, utcnow
from models.errors import N_, UserError
from models.hour_approvals import (
    ApprovalResult,
    approve_activity,
    approve_entries,
    approve_entry,
    clean_reason,
    load_entry,
    reject_entry,
    snapshot,
)
from models.hour_export import (
    FreezeResult,
    HourLine,
    RateTableChange,
    check_rate_table,
    export_lines,
    freeze_for_export,
    save_rate_table,
)
from models.hour_recalc import (
    ENTITY,
    SYSTEM_STAFF,
    LockedDifference,
    PlanLine,
    RecalcPreview,
    RecalcResult,
    RecalcScope,
    RefreshResult,
    apply_recalculation,
    day_minutes,
    load_rules,
    recalculate_preview,
    refresh_session_entries,
)
from models.hour_rules import (
    MINUTES_PER_DAY,
    NOTE_BELOW_MINIMUM,
    NOTE_BELOW_SHARE,
    NOTE_DAY_CAP,
    HourRules,
    SessionInput,
    Window,
    count_sessions,
    local_day,
)
from models.hour_totals import (
    ActivityHours,
    ServiceLine,
    ServiceRecord,
    VolunteerHours,
    hours_by_activity,
    hours_by_volunteer,
    volunteer_service_record,
)
from models.intake import org_zone
from models.schema import Activity, AttendanceSession, HourEntry, Volunteer
from models.schema.enums import ApprovalStatus, HourKind, SessionStatus
from models.volunteers import clean_staff

__all__ = [
    "SYSTEM_STAFF",
    "ActivityHours",
    "ApprovalResult",
    "EntryAdded",
    "EntryRow",
    "FreezeResult",
    "HourLine",
    "LockedDifference",
    "PlanLine",
    "RateTableChange",
    "RecalcPreview",
    "RecalcResult",
    "RecalcScope",
    "RefreshResult",
    "ServiceLine",
    "ServiceRecord",
    "SupplementalData",
    "VolunteerHours",
    "add_correction",
    "add_supplemental",
    "apply_recalculation",
    "approve_activity",
    "approve_entries",
    "approve_entry",
    "check_rate_table",
    "corrected_minutes",
    "export_lines",
    "freeze_for_export",
    "hours_by_activity",
    "hours_by_volunteer",
    "list_entries",
    "load_rules",
    "recalculate_preview",
    "refresh_session_entries",
    "reject_entry",
    "save_rate_table",
    "volunteer_service_record",
]
# ----------------------------------------------------------------------------- supplemental


@dataclass(frozen=True)
class SupplementalData:
    """A 补录 entry as staff type it: times are aware (or UTC) datetimes."""

    volunteer_id: uuid.UUID
    started_at: datetime
    ended_at: datetime
    reason: str
    activity_id: uuid.UUID | None = None


@dataclass(frozen=True)
class EntryAdded:
    entry_id: uuid.UUID
    work_date: date
    minutes: int  # counted (a correction: the difference it carries)
    served_minutes: int
    notes: tuple[str, ...] = ()
    delta_line: bool = False  # corrects an exported entry


def _fmt(at: datetime, zone: Any) -> str:
    return as_utc(at).astimezone(zone).strftime("%Y-%m-%d %H:%M")


def _refuse_overlap(
    session: Session, volunteer_id: uuid.UUID, start: datetime, end: datetime, zone: Any
) -> None:
    clash = session.execute(
        select(HourEntry.started_at, HourEntry.ended_at)
        .where(
            HourEntry.volunteer_id == volunteer_id,
            HourEntry.status != ApprovalStatus.REJECTED,
            HourEntry.started_at < end,
            HourEntry.ended_at > start,
        )
        .limit(1)
    ).first()
    if clash is None:
        clash = session.execute(
            select(AttendanceSession.started_at, AttendanceSession.ended_at)
            .where(
                AttendanceSession.volunteer_id == volunteer_id,
                AttendanceSession.status != SessionStatus.DISCARDED,
                AttendanceSession.started_at < end,
                or_(AttendanceSession.ended_at.is_(None), AttendanceSession.ended_at > start),
            )
            .limit(1)
        ).first()
    if clash is not None:
        other_start: datetime = clash[0] or start
        other_end: datetime = clash[1] or other_start
        raise UserError(
            N_(
                "These hours overlap hours the volunteer already has ({start} to {end}). "
                "Nothing was saved."
            ),
            start=_fmt(other_start, zone),
            end=_fmt(other_end, zone),
        )


def _counts_nothing(notes: tuple[str, ...], rules: HourRules) -> UserError:
    if NOTE_DAY_CAP in notes:
        return UserError(
            N_(
                "The volunteer already has {cap} minutes on that day, the most a day "
                "counts. Nothing was saved."
            ),
            cap=rules.cap_day_minutes,
        )
    if NOTE_BELOW_SHARE in notes:
        return UserError(
            N_("Less than {share}% of the activity counts nothing. Nothing was saved."),
            share=rules.min_share_percent,
        )
    if NOTE_BELOW_MINIMUM in notes:
        return UserError(
            N_("Less than {minimum} minutes counts nothing. Nothing was saved."),
            minimum=rules.min_session_minutes,
        )
    return UserError(
        N_("These times are outside the activity's time, so nothing counts. Nothing was saved.")
    )


def add_supplemental(
    session: Session,
    data: SupplementalData,
    *,
    staff: str,
    now: datetime | None = None,
) -> EntryAdded:
    """Add a pending 补录 entry, counted under the hour rules like a session.

    Refused, with nothing saved: no reason, end not after start, longer than a day
    or across local midnight, a time in the future, overlapping other hours
    (entries or attendance) of the same volunteer, or times that the rules count
    as nothing (too short, outside the activity, the day already full).
    """
    staff = clean_staff(staff)
    reason = clean_reason(data.reason, N_("Give a reason for the supplemental entry."))
    volunteer = session.get(Volunteer, data.volunteer_id)
    if volunteer is None or volunteer.merged_into_id is not None:
        raise UserError(N_("Choose the volunteer again; this record no longer exists."))
    window: Window | None = None
    if data.activity_id is not None:
        activity = session.get(Activity, data.activity_id)
        if activity is None:
            raise UserError(N_("This activity no longer exists; it may have been deleted."))
        window = Window(activity.starts_at, activity.ends_at, activity.scheduled_minutes or 0)
    start, end = as_utc(data.started_at), as_utc(data.ended_at)
    zone = org_zone(session)
    if end <= start:
        raise UserError(
            N_("The end ({end}) must be after the start ({start})."),
            start=_fmt(start, zone),
            end=_fmt(end, zone),
        )
    now = as_utc(now or utcnow())
    if end > now:
        raise UserError(
            N_("Hours cannot be entered for a time that has not come yet ({end})."),
            end=_fmt(end, zone),
        )
    day = local_day(start, zone)
    if end - start > timedelta(days=1) or local_day(end - timedelta(microseconds=1), zone) != day:
        raise UserError(N_("A supplemental entry covers one day; enter one entry for each day."))
    _refuse_overlap(session, volunteer.id, start, end, zone)
    rules = load_rules(session)
    used = day_minutes(session, volunteer.id, day, day)
    [count] = count_sessions([SessionInput("new", start, end, window)], rules, zone, used)
    if count.minutes == 0:
        raise _counts_nothing(count.notes, rules)
    entry = HourEntry(
        id=uuid.uuid4(),
        volunteer_id=volunteer.id,
        activity_id=data.activity_id,
        kind=HourKind.SUPPLEMENTAL,
        work_date=day,
        started_at=start,
        ended_at=end,
        minutes=count.minutes,
        reason=reason,
        requested_by=staff,
        status=ApprovalStatus.PENDING,
    )
    session.add(entry)
    session.flush()
    audit.record(
        session,
        staff=staff,
        action=f"{ENTITY}.supplemental",
        entity=ENTITY,
        entity_id=entry.id,
        after=snapshot(entry),
        reason=reason,
    )
    return EntryAdded(entry.id, day, count.minutes, count.served_minutes, count.notes)


# ----------------------------------------------------------------------------- corrections


def corrected_minutes(session: Session, entry_id: uuid.UUID) -> int:
    """An approved entry's minutes with its approved corrections applied."""
    entry = load_entry(session, entry_id)
    extra = session.scalar(
        select(func.coalesce(func.sum(HourEntry.minutes), 0)).where(
            HourEntry.corrects_id == entry.id, HourEntry.status == ApprovalStatus.APPROVED
        )
    )
    return entry.minutes + int(extra or 0)


def add_correction(
    session: Session,
    entry_id: uuid.UUID,
    new_minutes: int,
    *,
    reason: str,
    staff: str,
) -> EntryAdded:
    """Correct an approved entry to ``new_minutes`` with a pending correction row.

    The row carries the difference and points at the entry (a correction of a
    correction points at the original).  Pending entries are approved or
    rejected instead; a second correction waits until the first is decided.
    """
    staff = clean_staff(staff)
    reason = clean_reason(reason, N_("Give a reason for the correction."))
    entry = load_entry(session, entry_id)
    if entry.kind is HourKind.CORRECTION and entry.corrects_id is not None:
        entry = load_entry(session, entry.corrects_id)
    if entry.status is ApprovalStatus.PENDING:
        raise UserError(
            N_("These hours are still pending; approve or reject them instead of correcting them.")
        )
    if entry.status is ApprovalStatus.REJECTED:
        raise UserError(
            N_("These hours were rejected; add a supplemental entry instead of a correction.")
        )
    if isinstance(new_minutes, bool) or not 0 <= new_minutes <= MINUTES_PER_DAY:
        raise UserError(N_("Corrected hours must be between 0 and 24 hours (1,440 minutes)."))
    waiting = session.scalar(
        select(HourEntry.id).where(
            HourEntry.corrects_id == entry.id, HourEntry.status == ApprovalStatus.PENDING
        )
    )
    if waiting is not None:
        raise UserError(
            N_("A correction of these hours is already waiting for approval; decide it first.")
        )
    current = corrected_minutes(session, entry.id)
    delta = new_minutes - current
    if delta == 0:
        raise UserError(N_("The corrected minutes are the same as now; nothing to correct."))
    row = HourEntry(
        id=uuid.uuid4(),
        volunteer_id=entry.volunteer_id,
        activity_id=entry.activity_id,
        session_id=entry.session_id,
        kind=HourKind.CORRECTION,
        work_date=entry.work_date,
        minutes=delta,
        reason=reason,
        requested_by=staff,
        status=ApprovalStatus.PENDING,
        corrects_id=entry.id,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        staff=staff,
        action=f"{ENTITY}.correction",
        entity=ENTITY,
        entity_id=row.id,
        before={"corrects_id": entry.id, "minutes": current},
        after={"corrects_id": entry.id, "minutes": new_minutes, "delta": delta},
        reason=reason,
    )
    exported = entry.exported_in_id is not None
    return EntryAdded(row.id, entry.work_date, delta, new_minutes, (), exported)


# ----------------------------------------------------------------------------- the list


@dataclass(frozen=True)
class EntryRow:
    id: uuid.UUID
    volunteer_id: uuid.UUID
    volunteer_code: str
    volunteer_name: str
    activity_id: uuid.UUID | None
    activity_title: str | None
    kind: HourKind
    work_date: date
    started_at: datetime | None
    ended_at: datetime | None
    minutes: int
    status: ApprovalStatus
    reason: str | None
    requested_by: str | None
    decided_by: str | None
    second_approver: str | None
    corrects_id: uuid.UUID | None
    exported: bool
    needs_review: bool
    awaiting_second: bool


def list_entries(
    session: Session,
    *,
    status: ApprovalStatus | None = None,
    activity_id: uuid.UUID | None = None,
    volunteer_id: uuid.UUID | None = None,
    start: date | None = None,
    end: date | None = None,
    limit: int = 1000,
) -> list[EntryRow]:
    """Entries for the hours screen, oldest day first, with their flags."""
    query = (
        select(
            HourEntry,
            Volunteer.code,
            Volunteer.name,
            Activity.title,
            AttendanceSession.needs_review,
        )
        .join(Volunteer, Volunteer.id == HourEntry.volunteer_id)
        .outerjoin(Activity, Activity.id == HourEntry.activity_id)
        .outerjoin(AttendanceSession, AttendanceSession.id == HourEntry.session_id)
    )
    if status is not None:
        query = query.where(HourEntry.status == status)
    if activity_id is not None:
        query = query.where(HourEntry.activity_id == activity_id)
    if volunteer_id is not None:
        query = query.where(HourEntry.volunteer_id == volunteer_id)
    if start is not None:
        query = query.where(HourEntry.work_date >= start)
    if end is not None:
        query = query.where(HourEntry.work_date <= end)
    query = query.order_by(HourEntry.work_date, HourEntry.created_at, HourEntry.id).limit(limit)
    rows: list[EntryRow] = []
    for entry, code, name, title, review in session.execute(query):
        rows.append(
            EntryRow(
                entry.id,
                entry.volunteer_id,
                code,
                name,
                entry.activity_id,
                title,
                entry.kind,
                entry.work_date,
                entry.started_at,
                entry.ended_at,
                entry.minutes,
                entry.status,
                entry.reason,
                entry.requested_by,
                entry.decided_by,
                entry.second_approver,
                entry.corrects_id,
                entry.exported_in_id is not None,
                bool(review) and entry.kind is HourKind.SESSION,
                entry.status is ApprovalStatus.PENDING and entry.decided_by is not None,
            )
        )
    return rows
