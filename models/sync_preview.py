"""Before and after an export: what the next export would carry, and the history.

``preview_export`` gives the totals a coordinator checks before exporting (the same
figures ``models.sync_export.export_bundle`` reports after writing the bundle) and
what would hold it up; ``export_history`` lists the exports written; ``last_export``
is the export the next one follows.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.clock import as_utc, utcnow
from models.errors import N_, UserError
from models.hour_recalc import load_rules
from models.hour_totals import approved_amounts, entry_rows
from models.intake import org_zone
from models.schema import Activity, AttendanceSession, HourEntry, Organisation, SyncLog
from models.schema.enums import (
    ApprovalStatus,
    HourKind,
    SessionStatus,
    SyncDirection,
)
from models.sync_donations import CategoryCount, DonationState, donation_figures, items_by_category
from models.sync_tables import (
    Window,
    activity_query,
    correction_query,
    count_rows,
    feedback_query,
    markable,
    session_query,
    volunteers_referred,
)

AUTO: Final = "auto"
OFFICE: Final = "office"
DESK: Final = "desk"

Since = datetime | None | Literal["auto"]


@dataclass(frozen=True)
class ExportTotals:
    """What an export carries, in the figures a coordinator checks."""

    activities: int
    attendances: int  # attendance sessions not discarded
    hour_lines: int
    delta_lines: int  # corrections of hours exported before
    minutes: int  # approved minutes (delta lines included)
    matching_fen: int
    feedback_received: int
    feedback_waived: int
    corrections: int  # volunteers' correction requests
    summary_lines: int  # donation summary lines (month × category) changed
    volunteers: int
    items_by_category: tuple[CategoryCount, ...]  # items received in the period

    @property
    def items_received(self) -> int:
        return sum(c.items for c in self.items_by_category)

    def as_json(self) -> dict[str, Any]:
        return {
            "activities": self.activities,
            "attendances": self.attendances,
            "hour_lines": self.hour_lines,
            "delta_lines": self.delta_lines,
            "minutes": self.minutes,
            "matching_fen": self.matching_fen,
            "feedback_received": self.feedback_received,
            "feedback_waived": self.feedback_waived,
            "corrections": self.corrections,
            "summary_lines": self.summary_lines,
            "volunteers": self.volunteers,
            "items_received": self.items_received,
            "items_by_category": [[c.category, c.items] for c in self.items_by_category],
        }


@dataclass(frozen=True)
class ExportPreview:
    org_code: str
    period_start: datetime | None  # None: from the beginning
    period_end: datetime
    follows: uuid.UUID | None
    include_contacts: bool
    totals: ExportTotals
    pending_entries: int  # hour entries awaiting a decision (not carried)
    open_sessions: int  # volunteers still checked in somewhere
    to_mark_exported: int  # closed activities the export marks exported
    problem: UserError | None  # what would stop the export (a missing matching rate)


@dataclass(frozen=True)
class ExportRecord:
    """One export in the history (plain values, no ORM row)."""

    export_id: uuid.UUID
    created_at: datetime
    audience: str
    period_start: datetime | None
    period_end: datetime
    follows: uuid.UUID | None
    file_name: str
    sha256: str
    staff_name: str | None
    include_contacts: bool
    totals: Mapping[str, Any]
    rows: Mapping[str, int]


# ----------------------------------------------------------------------------- history


def _audience(log: SyncLog) -> str:
    summary = log.summary if isinstance(log.summary, dict) else {}
    return str(summary.get("audience", OFFICE))


def last_export(session: Session, audience: str = OFFICE) -> SyncLog | None:
    """The organisation's latest export for ``audience`` (the next one follows it)."""
    logs = session.scalars(
        select(SyncLog)
        .where(SyncLog.direction == SyncDirection.EXPORT, SyncLog.status == "ok")
        .order_by(SyncLog.period_end.desc(), SyncLog.created_at.desc())
    )
    for log in logs:
        if _audience(log) == audience:
            return log
    return None


def export_history(session: Session, *, limit: int = 500) -> list[ExportRecord]:
    """Exports written from this desk, newest first."""
    logs = session.scalars(
        select(SyncLog)
        .where(SyncLog.direction == SyncDirection.EXPORT)
        .order_by(SyncLog.created_at.desc())
        .limit(limit)
    )
    records = []
    for log in logs:
        summary = log.summary if isinstance(log.summary, dict) else {}
        records.append(
            ExportRecord(
                export_id=log.export_id,
                created_at=log.created_at,
                audience=_audience(log),
                period_start=log.period_start,
                period_end=log.period_end,
                follows=log.follows_id,
                file_name=log.file_name,
                sha256=log.sha256,
                staff_name=log.staff_name,
                include_contacts=log.include_contacts,
                totals=dict(summary.get("totals", {})),
                rows=dict(summary.get("rows", {})),
            )
        )
    return records


# ----------------------------------------------------------------------------- preview


def export_organisation(session: Session) -> Organisation:
    org = session.scalars(select(Organisation).limit(1)).first()
    if org is None:
        raise UserError(N_("The organisation has not been set up yet; there is nothing to export."))
    return org


def markable_activities(session: Session) -> list[uuid.UUID]:
    """Closed activities whose hours are all decided and nobody is checked in."""
    query = select(Activity.id).where(markable()).order_by(Activity.starts_at, Activity.id)
    return list(session.scalars(query))


def local_export_day(moment: datetime, session: Session) -> date:
    return moment.astimezone(org_zone(session)).date()


def check_until(until: datetime | None, since: datetime | None) -> datetime | None:
    if until is None:
        return None
    until = as_utc(until)
    if until > utcnow():
        raise UserError(N_("The end of the export period cannot be in the future."))
    if since is not None and until <= since:
        raise UserError(
            N_(
                "The previous export already covers everything up to {when} (UTC); choose a "
                "later end for the period."
            ),
            when=since.strftime("%Y-%m-%d %H:%M"),
        )
    return until


def preview_export(
    session: Session,
    *,
    since: Since = AUTO,
    until: datetime | None = None,
    include_contacts: bool = False,
) -> ExportPreview:
    """The totals an export to the programme office would carry now; changes nothing.

    ``since``: the period's start (excluded); ``AUTO`` (the default) for the end of
    the previous export, None for the beginning.  ``until``: its end (default now).
    The hours are those an export would freeze: approved, not exported yet, worked
    on or before the end's local day (whatever ``since`` says).
    """
    org = export_organisation(session)
    last = last_export(session)
    start = (last.period_end if last else None) if since == AUTO else since
    start = None if start is None else as_utc(start)
    end = check_until(until, start) or utcnow()
    window = Window(start, end)
    markable = markable_activities(session) if until is None else []
    up_to = local_export_day(end, session)
    unexported = (
        HourEntry.status == ApprovalStatus.APPROVED,
        HourEntry.exported_in_id.is_(None),
    )
    entries = entry_rows(session, None, up_to, *unexported)
    problem: UserError | None = None
    try:
        amounts = approved_amounts(session, entries, load_rules(session), strict=True)
    except UserError as error:
        problem = error
        amounts = approved_amounts(session, entries, load_rules(session))
    previous = DonationState.of(donation_state(last))
    figures, months = donation_figures(session, org_zone(session), summary_since(last, start))
    lines, _state = previous.changes(org.code, figures, end, months)
    hour_people = select(HourEntry.volunteer_id).where(*unexported, HourEntry.work_date <= up_to)
    feedback = feedback_query(window)
    totals = ExportTotals(
        activities=count_rows(session, activity_query(window, bool(markable))),
        attendances=count_rows(
            session,
            session_query(window).where(AttendanceSession.status != SessionStatus.DISCARDED),
        ),
        hour_lines=len(entries),
        delta_lines=sum(e.kind is HourKind.CORRECTION for e in entries),
        minutes=sum(e.minutes for e in entries),
        matching_fen=sum(amounts.get(e.id, 0) for e in entries),
        feedback_received=count_rows(session, feedback.where(~feedback.selected_columns.waived)),
        feedback_waived=count_rows(session, feedback.where(feedback.selected_columns.waived)),
        corrections=count_rows(session, correction_query(window)),
        summary_lines=len(lines),
        volunteers=volunteers_referred(session, window, hour_people),
        items_by_category=items_by_category(session, window),
    )

    def count(model: Any, *where: Any) -> int:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)

    return ExportPreview(
        org_code=org.code,
        period_start=start,
        period_end=end,
        follows=None if last is None else last.export_id,
        include_contacts=include_contacts,
        totals=totals,
        pending_entries=count(HourEntry, HourEntry.status == ApprovalStatus.PENDING),
        open_sessions=count(AttendanceSession, AttendanceSession.status == SessionStatus.OPEN),
        to_mark_exported=len(markable),
        problem=problem,
    )


def summary_since(last: SyncLog | None, since: datetime | None) -> datetime | None:
    """Donation lines need recounting for items changed after this (None: all)."""
    if last is None or since is None or donation_state(last) is None:
        return None
    return min(since, last.period_end)


def donation_state(log: SyncLog | None) -> Any:
    if log is None or not isinstance(log.summary, dict):
        return None
    return log.summary.get("donation_state")
