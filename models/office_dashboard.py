"""Programme office dashboard: every partner's results per week or month.

Per partner and period: activities held (not drafts, by their local start day),
attendances (人次: a volunteer at an activity, however many check-ins; discarded
sessions left out) and the volunteers behind them, approved minutes and matching
amount (the office keeps approved hour lines only; correction lines carry the
difference, so a later correction changes the totals), and feedback received,
waived or still missing for the activities that closed.

Everything comes from the office tables that imports fill; figures are grouped in
SQL where the database can, and bucketed by period in Python (local days in the
office's time zone, weeks from Monday).  ``export_xlsx`` writes the table for
people (``models.spreadsheet``: formula-looking cells escaped, written atomically).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.errors import N_, UserError
from models.intake import org_zone
from models.schema import (
    OfficeActivity,
    OfficeFeedback,
    OfficeHourLine,
    OfficeSession,
    Partner,
)
from models.schema.enums import ActivityState, SessionStatus
from models.spreadsheet import CellValue, Column, ColumnKind, write_table


class Granularity(StrEnum):
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True)
class DashboardRow:
    partner_code: str
    partner_name: str
    period: str  # "2026-03", or "2026-W09" (ISO week)
    period_start: date
    period_end: date  # included
    activities: int
    attendances: int
    volunteers: int
    minutes: int  # approved, corrections included
    matching_fen: int
    feedback_received: int
    feedback_waived: int
    feedback_missing: int  # closed or exported activities without feedback


@dataclass(frozen=True)
class PeriodTotal:
    """All partners together in one period (a point of the dashboard's chart)."""

    period: str
    period_start: date
    activities: int
    attendances: int
    minutes: int
    matching_fen: int
    feedback_received: int
    feedback_missing: int


@dataclass
class _Sums:
    activities: int = 0
    attendances: int = 0
    people: set[str] = field(default_factory=set)
    minutes: int = 0
    fen: int = 0
    received: int = 0
    waived: int = 0
    missing: int = 0


def period_of(day: date, granularity: Granularity) -> tuple[str, date, date]:
    """The period ``day`` falls in: its name, first and last day."""
    if granularity is Granularity.WEEK:
        first = day - timedelta(days=day.weekday())
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}", first, first + timedelta(days=6)
    first = day.replace(day=1)
    following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return f"{first.year:04d}-{first.month:02d}", first, following - timedelta(days=1)


def _utc(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def dashboard(
    session: Session,
    *,
    granularity: Granularity | str = Granularity.MONTH,
    start: date | None = None,
    end: date | None = None,
    partner_code: str | None = None,
    time_zone: str | None = None,
) -> list[DashboardRow]:
    """One row per partner and period with anything in it, by partner code then period.

    ``start``/``end``: local days, both included (None: open); ``time_zone``
    defaults to the office's own.
    """
    grain = Granularity(granularity)
    if start is not None and end is not None and start > end:
        raise UserError(N_("The start date is after the end date."))
    zone = ZoneInfo(time_zone) if time_zone else org_zone(session)
    partners = {
        row.id: (row.code, row.name)
        for row in session.execute(select(Partner.id, Partner.code, Partner.name))
    }
    wanted: uuid.UUID | None = None
    if partner_code is not None:
        code = partner_code.strip().upper()
        wanted = next((key for key, (c, _n) in partners.items() if c == code), None)
        if wanted is None:
            raise UserError(N_("No partner is registered with the code {code}."), code=code)

    def inside(day: date) -> bool:
        return (start is None or day >= start) and (end is None or day <= end)

    def mine(query: Any, model: Any) -> Any:
        return query if wanted is None else query.where(model.partner_id == wanted)

    sums: dict[tuple[uuid.UUID, str], _Sums] = defaultdict(_Sums)
    spans: dict[str, tuple[date, date]] = {}

    def bucket(partner_id: uuid.UUID, day: date) -> _Sums:
        name, first, last = period_of(day, grain)
        spans[name] = (first, last)
        return sums[(partner_id, name)]

    # Activities (and the feedback of those that closed), by their local start day.
    feedback: dict[uuid.UUID, bool] = {}
    for activity_id, waived in session.execute(
        mine(select(OfficeFeedback.activity_id, OfficeFeedback.waived), OfficeFeedback)
    ):
        feedback[activity_id] = feedback.get(activity_id, True) and bool(waived)
    query = select(
        OfficeActivity.id, OfficeActivity.partner_id, OfficeActivity.starts_at, OfficeActivity.state
    ).where(OfficeActivity.state != ActivityState.DRAFT.value)
    if start is not None:
        query = query.where(OfficeActivity.starts_at >= _utc(start - timedelta(days=1), zone))
    if end is not None:
        query = query.where(OfficeActivity.starts_at < _utc(end + timedelta(days=2), zone))
    days: dict[uuid.UUID, date] = {}
    for activity_id, partner_id, starts_at, state in session.execute(mine(query, OfficeActivity)):
        day = starts_at.astimezone(zone).date()
        days[activity_id] = day
        if not inside(day):
            continue
        sums_here = bucket(partner_id, day)
        sums_here.activities += 1
        if state in (ActivityState.CLOSED.value, ActivityState.EXPORTED.value):
            given = feedback.get(activity_id)
            if given is None:
                sums_here.missing += 1
            elif given:
                sums_here.waived += 1
            else:
                sums_here.received += 1

    # Attendances: one per volunteer and activity, on the activity's day.
    pairs = (
        select(
            OfficeSession.partner_id,
            OfficeSession.activity_id,
            OfficeSession.volunteer_ref,
            func.min(OfficeSession.started_at),
        )
        .where(OfficeSession.status != SessionStatus.DISCARDED.value)
        .group_by(OfficeSession.partner_id, OfficeSession.activity_id, OfficeSession.volunteer_ref)
    )
    for partner_id, activity_id, volunteer_ref, first_in in session.execute(
        mine(pairs, OfficeSession)
    ):
        day = days.get(activity_id) or first_in.astimezone(zone).date()
        if inside(day):
            sums_here = bucket(partner_id, day)
            sums_here.attendances += 1
            sums_here.people.add(volunteer_ref)

    # Approved minutes and matching amount, by work day.
    hours = select(
        OfficeHourLine.partner_id,
        OfficeHourLine.work_date,
        func.sum(OfficeHourLine.minutes),
        func.sum(OfficeHourLine.matching_fen),
    ).group_by(OfficeHourLine.partner_id, OfficeHourLine.work_date)
    if start is not None:
        hours = hours.where(OfficeHourLine.work_date >= start)
    if end is not None:
        hours = hours.where(OfficeHourLine.work_date <= end)
    for partner_id, work_date, minutes, fen in session.execute(mine(hours, OfficeHourLine)):
        sums_here = bucket(partner_id, work_date)
        sums_here.minutes += int(minutes or 0)
        sums_here.fen += int(fen or 0)

    rows = []
    for (partner_id, name), s in sums.items():
        code, partner_name = partners.get(partner_id, ("?", "?"))
        first, last = spans[name]
        rows.append(
            DashboardRow(
                code,
                partner_name,
                name,
                first,
                last,
                s.activities,
                s.attendances,
                len(s.people),
                s.minutes,
                s.fen,
                s.received,
                s.waived,
                s.missing,
            )
        )
    rows.sort(key=lambda r: (r.partner_code, r.period_start))
    return rows


def period_totals(rows: Sequence[DashboardRow]) -> list[PeriodTotal]:
    """The rows added up across partners, one point per period in time order."""
    totals: dict[str, list[int]] = {}
    starts: dict[str, date] = {}
    for r in rows:
        values = totals.setdefault(r.period, [0] * 6)
        starts[r.period] = r.period_start
        for index, value in enumerate(
            (
                r.activities,
                r.attendances,
                r.minutes,
                r.matching_fen,
                r.feedback_received,
                r.feedback_missing,
            )
        ):
            values[index] += value
    return [
        PeriodTotal(period, starts[period], *totals[period])
        for period in sorted(totals, key=lambda p: starts[p])
    ]


# ----------------------------------------------------------------------------- XLSX

DEFAULT_HEADERS: tuple[str, ...] = (
    N_("Partner code"),
    N_("Partner"),
    N_("Period"),
    N_("Activities"),
    N_("Attendances"),
    N_("Volunteers"),
    N_("Hours"),
    N_("Matching amount"),
    N_("Feedback received"),
    N_("Feedback waived"),
    N_("Feedback missing"),
)
_KINDS = (
    ColumnKind.TEXT,
    ColumnKind.TEXT,
    ColumnKind.TEXT,
    ColumnKind.INT,
    ColumnKind.INT,
    ColumnKind.INT,
    ColumnKind.TEXT,  # hours as a Decimal with two places
    ColumnKind.MONEY_FEN,
    ColumnKind.INT,
    ColumnKind.INT,
    ColumnKind.INT,
)


def _hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"))


def _cells(row: DashboardRow) -> tuple[CellValue, ...]:
    return (
        row.partner_code,
        row.partner_name,
        row.period,
        row.activities,
        row.attendances,
        row.volunteers,
        _hours(row.minutes),
        row.matching_fen,
        row.feedback_received,
        row.feedback_waived,
        row.feedback_missing,
    )


def export_xlsx(
    session: Session,
    path: Path,
    *,
    granularity: Granularity | str = Granularity.MONTH,
    start: date | None = None,
    end: date | None = None,
    partner_code: str | None = None,
    headers: Sequence[str] = DEFAULT_HEADERS,
    total_label: str = "Total",
    sheet_title: str = "Programme",
) -> int:
    """Write the consolidated table (and a total row) to ``path`` (.xlsx or .csv).

    ``headers`` name the 11 columns (translated by the caller).  Returns the rows
    written, the total not counted.
    """
    if len(headers) != len(_KINDS):
        raise ValueError(f"export_xlsx needs {len(_KINDS)} headers")
    rows = dashboard(
        session, granularity=granularity, start=start, end=end, partner_code=partner_code
    )
    columns = [Column(h, kind) for h, kind in zip(headers, _KINDS, strict=True)]
    total = (
        total_label,
        "",
        "",
        sum(r.activities for r in rows),
        sum(r.attendances for r in rows),
        "",  # the same people come back: a sum would count them twice
        _hours(sum(r.minutes for r in rows)),
        sum(r.matching_fen for r in rows),
        sum(r.feedback_received for r in rows),
        sum(r.feedback_waived for r in rows),
        sum(r.feedback_missing for r in rows),
    )
    write_table(Path(path), columns, [*(_cells(r) for r in rows), total], sheet_title=sheet_title)
    return len(rows)
