"""The activity report (志愿服务活动报告) as PDF: who came, their hours, the matching
amount and the feedback.

An A4 report in Chinese for the organisation and the programme office: the
activity's date, time, place, store and state; how many were on the roster, came,
came without registering and registered but did not come; one row per attendance
session (and per supplemental 补录 entry) with the volunteer, check-in and
check-out, the minutes the rules count, the approved minutes, the matching amount
they earned and their state; the totals; the matching rate and amount (approved
hours only, ¥ from integer fen); and the activity feedback — people served,
beneficiaries, work done, outcomes, problems, photos, satisfaction — or the reason
it was waived, or that none has been given yet.  No phone numbers are printed.

Totals agree with :func:`models.hour_totals.hours_by_activity`: approved and
pending minutes and matching money come from the same hour entries (corrections
included with the session or entry they correct; rejected entries count nothing).
"""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.activity_report_pdf import (
    ActivityReport,
    ReportRow,
    RowState,
    render_activity_report_pdf,
)
from models.errors import N_, UserError
from models.feedback import get_feedback
from models.files import write_pdf_atomically
from models.hour_recalc import load_rules
from models.hour_rules import local_day
from models.hour_totals import approved_amounts, entry_rows, rate_table
from models.intake import local_today, org_zone
from models.pdf_layout import safe_file_part
from models.schema import (
    Activity,
    AttendanceSession,
    HourEntry,
    Organisation,
    Registration,
    Store,
    Volunteer,
)
from models.schema.enums import ApprovalStatus, HourKind, SessionStatus

__all__ = [
    "ActivityReport",
    "ReportRow",
    "ReportWritten",
    "RowState",
    "activity_report_data",
    "activity_report_file_name",
    "render_activity_report",
    "render_activity_report_pdf",
    "write_activity_report",
]


@dataclass(frozen=True)
class ReportWritten:
    path: Path
    activity_id: uuid.UUID
    pages: int


# ----------------------------------------------------------------------------- reading


@dataclass
class _Unit:
    volunteer_id: uuid.UUID
    supplemental: bool
    started_at: datetime | None
    ended_at: datetime | None
    counted: int
    open: bool = False
    review: bool = False
    accepted: bool = True  # a supplemental entry that was not rejected
    approved: int = 0
    pending: int = 0
    rejected: int = 0  # how many entries were rejected
    fen: int = 0


def _local(value: datetime | None, zone: ZoneInfo) -> datetime | None:
    return None if value is None else value.astimezone(zone)


def _units(session: Session, activity_id: uuid.UUID, zone: ZoneInfo) -> dict[uuid.UUID, _Unit]:
    """Sessions and supplemental entries of the activity, keyed by their id."""
    units: dict[uuid.UUID, _Unit] = {}
    for row in session.scalars(
        select(AttendanceSession).where(
            AttendanceSession.activity_id == activity_id,
            AttendanceSession.status != SessionStatus.DISCARDED,
        )
    ):
        units[row.id] = _Unit(
            row.volunteer_id,
            False,
            _local(row.started_at, zone),
            _local(row.ended_at, zone),
            row.counted_minutes,
            open=row.ended_at is None,
            review=row.needs_review,
        )
    entries = list(session.scalars(select(HourEntry).where(HourEntry.activity_id == activity_id)))
    for entry in entries:
        if entry.kind is HourKind.SUPPLEMENTAL and entry.session_id is None:
            units[entry.id] = _Unit(
                entry.volunteer_id,
                True,
                _local(entry.started_at, zone),
                _local(entry.ended_at, zone),
                entry.minutes,
                accepted=entry.status is not ApprovalStatus.REJECTED,
            )
    amounts = approved_amounts(
        session,
        entry_rows(session, None, None, HourEntry.activity_id == activity_id),
        load_rules(session),
    )
    for entry in entries:
        key = entry.session_id or entry.corrects_id or entry.id
        unit = units.get(key)
        if unit is None:  # an entry of a discarded session (rejected) or a stray one
            if entry.status is ApprovalStatus.REJECTED:
                continue
            unit = units[key] = _Unit(entry.volunteer_id, True, None, None, 0)
        if entry.status is ApprovalStatus.APPROVED:
            unit.approved += entry.minutes
            unit.fen += amounts.get(entry.id, 0)
        elif entry.status is ApprovalStatus.PENDING:
            unit.pending += entry.minutes
        else:
            unit.rejected += 1
    return units


def _state(unit: _Unit) -> RowState:
    if unit.open:
        return RowState.CHECKED_IN
    if unit.approved and unit.pending:
        return RowState.PARTLY_APPROVED
    if unit.pending:
        return RowState.NEEDS_REVIEW if unit.review else RowState.PENDING
    if unit.approved:
        return RowState.APPROVED
    if unit.rejected:
        return RowState.REJECTED
    return RowState.NOT_COUNTED


def activity_report_data(
    session: Session, activity_id: uuid.UUID, *, generated_on: date | None = None
) -> ActivityReport:
    """Everything the report of ``activity_id`` prints, as plain values."""
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise UserError(N_("This activity no longer exists; it may have been deleted."))
    org = session.scalars(select(Organisation).limit(1)).first()
    if org is None:
        raise UserError(N_("Set up the organisation first."))
    zone = org_zone(session)
    units = _units(session, activity.id, zone)
    people: dict[uuid.UUID, tuple[str, str]] = {
        row.id: (row.code, row.name)
        for row in session.execute(
            select(Volunteer.id, Volunteer.code, Volunteer.name).where(
                Volunteer.id.in_({unit.volunteer_id for unit in units.values()})
            )
        )
    }
    rows = [
        ReportRow(
            volunteer_id=unit.volunteer_id,
            code=people.get(unit.volunteer_id, ("?", "?"))[0],
            name=people.get(unit.volunteer_id, ("?", "?"))[1],
            supplemental=unit.supplemental,
            started_at=unit.started_at,
            ended_at=unit.ended_at,
            counted_minutes=unit.counted,
            approved_minutes=unit.approved,
            pending_minutes=unit.pending,
            matching_fen=unit.fen,
            state=_state(unit),
        )
        for unit in units.values()
    ]
    far = datetime.max.replace(tzinfo=zone)
    rows.sort(key=lambda r: (r.name, r.code, r.started_at or far))
    roster = set(
        session.scalars(
            select(Registration.volunteer_id).where(Registration.activity_id == activity.id)
        )
    )
    present = {
        unit.volunteer_id for unit in units.values() if not unit.supplemental or unit.accepted
    }
    store = session.get(Store, activity.store_id) if activity.store_id is not None else None
    starts_at = activity.starts_at.astimezone(zone)
    return ActivityReport(
        organisation_name=org.name,
        activity_id=activity.id,
        title=activity.title,
        kind=activity.kind,
        state=activity.state,
        starts_at=starts_at,
        ends_at=activity.ends_at.astimezone(zone),
        location=activity.location,
        store=f"{store.code} {store.name}" if store is not None else None,
        scheduled_minutes=activity.scheduled_minutes,
        programme_tag=activity.programme_tag,
        registered=len(roster),
        present=len(present),
        walk_ins=len(present - roster),
        no_shows=len(roster - present),
        sessions=sum(1 for unit in units.values() if not unit.supplemental),
        rows=tuple(rows),
        rate_fen_per_hour=rate_table(session).rate_on(local_day(activity.starts_at, zone)),
        feedback=get_feedback(session, activity.id),
        generated_on=generated_on or local_today(session),
    )


# ----------------------------------------------------------------------------- public


def render_activity_report(
    session: Session, activity_id: uuid.UUID, *, generated_on: date | None = None
) -> bytes:
    """The report of ``activity_id`` as PDF bytes."""
    data = activity_report_data(session, activity_id, generated_on=generated_on)
    out = io.BytesIO()
    render_activity_report_pdf(data, out)
    return out.getvalue()


def activity_report_file_name(data: ActivityReport) -> str:
    """``活动报告_20250307_旧衣分拣.pdf`` (safe on Windows, macOS and Linux)."""
    return f"活动报告_{data.starts_at:%Y%m%d}_{safe_file_part(data.title)}.pdf"


def write_activity_report(
    session: Session,
    activity_id: uuid.UUID,
    path: Path,
    *,
    generated_on: date | None = None,
) -> ReportWritten:
    """Write the report to ``path`` atomically (nothing is left on failure)."""
    data = activity_report_data(session, activity_id, generated_on=generated_on)
    pages: list[int] = []

    def render(out: BinaryIO) -> None:
        pages.append(render_activity_report_pdf(data, out))

    write_pdf_atomically(Path(path), render)
    return ReportWritten(Path(path), data.activity_id, pages[0])
