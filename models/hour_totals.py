"""Hours and matching money: totals by activity and volunteer, and a volunteer's
service record (rates and export freezing: :mod:`models.hour_export`).

Only approved minutes earn matching money.  An entry's amount is its minutes
(after the per-period minimum and maximum, see :func:`models.hour_rules.limited_minutes`)
at the rate in force on its activity's local date (its work date without an
activity).  Once an export carries an entry its ``matching_fen`` is frozen; later
corrections are new entries and travel as delta lines in the next export.
Periods are inclusive local dates; a ``None`` bound is open.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models.errors import N_, UserError
from models.hour_recalc import chunks, load_rules
from models.hour_rules import (
    HourRules,
    RateTable,
    limited_minutes,
    local_day,
    local_midnight_utc,
    matching_fen,
    period_end,
    period_start,
)
from models.intake import org_zone
from models.schema import Activity, AttendanceSession, HourEntry, MatchingRate, Volunteer
from models.schema.enums import ApprovalStatus, HourKind, SessionStatus


@dataclass(frozen=True)
class _Entry:
    id: uuid.UUID
    volunteer_id: uuid.UUID
    activity_id: uuid.UUID | None
    kind: HourKind
    work_date: date
    minutes: int
    status: ApprovalStatus
    matching_fen: int | None
    exported_in_id: uuid.UUID | None
    created_at: datetime


_COLUMNS = (
    HourEntry.id,
    HourEntry.volunteer_id,
    HourEntry.activity_id,
    HourEntry.kind,
    HourEntry.work_date,
    HourEntry.minutes,
    HourEntry.status,
    HourEntry.matching_fen,
    HourEntry.exported_in_id,
    HourEntry.created_at,
)


def _dated(query: Any, start: date | None, end: date | None) -> Any:
    if start is not None:
        query = query.where(HourEntry.work_date >= start)
    if end is not None:
        query = query.where(HourEntry.work_date <= end)
    return query


def entry_rows(session: Session, start: date | None, end: date | None, *where: Any) -> list[_Entry]:
    query = _dated(select(*_COLUMNS), start, end).where(
        HourEntry.status != ApprovalStatus.REJECTED, *where
    )
    return [_Entry(*row) for row in session.execute(query)]


def rate_table(session: Session) -> RateTable:
    return RateTable.of(
        (r.effective_from, r.fen_per_hour)
        for r in session.execute(select(MatchingRate.effective_from, MatchingRate.fen_per_hour))
    )


def activity_dates(session: Session, ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID, date]:
    """Each activity's local date (the date its matching rate is looked up on)."""
    zone = org_zone(session)
    wanted = sorted({i for i in ids if i is not None})
    found: dict[uuid.UUID, date] = {}
    for part in chunks(wanted):
        for row in session.execute(
            select(Activity.id, Activity.starts_at).where(Activity.id.in_(part))
        ):
            found[row.id] = local_day(row.starts_at, zone)
    return found


def _limits_on(rules: HourRules) -> bool:
    return bool(rules.matching_min_hours or rules.matching_max_hours)


def approved_amounts(
    session: Session, entries: Sequence[_Entry], rules: HourRules, *, strict: bool = False
) -> dict[uuid.UUID, int]:
    """Matching fen of approved ``entries`` (frozen amounts kept as they are).

    With period limits, each volunteer's periods are read whole so that the
    limits see every approved minute; frozen entries come first in the count.
    ``strict`` raises ``UserError`` when no rate is in force for an entry.
    """
    approved = [e for e in entries if e.status is ApprovalStatus.APPROVED]
    if not approved:
        return {}
    pool = approved
    if _limits_on(rules):
        first = min(period_start(e.work_date, rules.matching_period) for e in approved)
        last = max(period_end(e.work_date, rules.matching_period) for e in approved)
        volunteers = sorted({e.volunteer_id for e in approved})
        pool = []
        for part in chunks(volunteers):
            pool += entry_rows(
                session,
                first,
                last,
                HourEntry.volunteer_id.in_(part),
                HourEntry.status == ApprovalStatus.APPROVED,
            )
    rates = rate_table(session)
    days = activity_dates(session, (e.activity_id for e in pool))
    periods: dict[tuple[uuid.UUID, date], list[_Entry]] = defaultdict(list)
    for entry in pool:
        periods[(entry.volunteer_id, period_start(entry.work_date, rules.matching_period))].append(
            entry
        )
    amounts: dict[uuid.UUID, int] = {}
    for group in periods.values():
        group.sort(key=lambda e: (e.exported_in_id is None, e.work_date, e.created_at, e.id))
        running = 0
        for entry in group:
            matched = entry.minutes
            if _limits_on(rules):
                matched = limited_minutes(running, entry.minutes, rules)
            running += entry.minutes
            if entry.exported_in_id is not None and entry.matching_fen is not None:
                amounts[entry.id] = entry.matching_fen
                continue
            on = (
                days.get(entry.activity_id, entry.work_date)
                if entry.activity_id
                else entry.work_date
            )
            rate = rates.rate_on(on)
            if rate is None:
                if strict:
                    raise UserError(
                        N_(
                            "No matching rate is in force on {date}, but there are approved "
                            "hours on that day. Add a rate effective from {date} or earlier; "
                            "nothing was exported."
                        ),
                        date=on.isoformat(),
                    )
                rate = 0
            amounts[entry.id] = matching_fen(matched, rate)
    return amounts


# ----------------------------------------------------------------------------- totals


@dataclass(frozen=True)
class ActivityHours:
    activity_id: uuid.UUID | None  # None: supplemental hours without an activity
    title: str | None
    starts_at: datetime | None
    attendances: int  # 人次
    volunteers: int
    minutes: int  # approved + pending
    approved_minutes: int
    pending_minutes: int
    matching_fen: int


@dataclass(frozen=True)
class VolunteerHours:
    volunteer_id: uuid.UUID
    code: str
    name: str
    attendances: int
    minutes: int
    approved_minutes: int
    pending_minutes: int
    matching_fen: int


def _attendance_pairs(
    session: Session, start: date | None, end: date | None, entries: Sequence[_Entry]
) -> set[tuple[uuid.UUID, object]]:
    """(volunteer, activity or day) pairs: one 人次 each.

    An attendance is a volunteer at an activity (however many check-ins) with a
    session that was not discarded or a supplemental entry; supplemental hours
    without an activity count once per volunteer and day.
    """
    zone = org_zone(session)
    query = select(AttendanceSession.volunteer_id, AttendanceSession.activity_id).where(
        AttendanceSession.status != SessionStatus.DISCARDED
    )
    if start is not None:
        query = query.where(AttendanceSession.started_at >= local_midnight_utc(start, zone))
    if end is not None:
        query = query.where(
            AttendanceSession.started_at < local_midnight_utc(end + timedelta(days=1), zone)
        )
    pairs: set[tuple[uuid.UUID, object]] = {(v, a) for v, a in session.execute(query)}
    for entry in entries:
        if entry.kind is HourKind.SUPPLEMENTAL:
            pairs.add((entry.volunteer_id, entry.activity_id or entry.work_date))
    return pairs


@dataclass
class _Sum:
    approved: int = 0
    pending: int = 0
    fen: int = 0

    def add(self, entry: _Entry, amounts: dict[uuid.UUID, int]) -> None:
        if entry.status is ApprovalStatus.APPROVED:
            self.approved += entry.minutes
            self.fen += amounts.get(entry.id, 0)
        else:
            self.pending += entry.minutes


def hours_by_activity(
    session: Session, start: date | None = None, end: date | None = None
) -> list[ActivityHours]:
    """Per activity: attendances, minutes approved and pending, matching fen."""
    entries = entry_rows(session, start, end)
    amounts = approved_amounts(session, entries, load_rules(session))
    sums: dict[uuid.UUID | None, _Sum] = defaultdict(_Sum)
    for entry in entries:
        sums[entry.activity_id].add(entry, amounts)
    people: dict[uuid.UUID | None, set[uuid.UUID]] = defaultdict(set)
    visits: dict[uuid.UUID | None, int] = defaultdict(int)
    for volunteer_id, where in _attendance_pairs(session, start, end, entries):
        key = where if isinstance(where, uuid.UUID) else None
        people[key].add(volunteer_id)
        visits[key] += 1
    keys = set(sums) | set(visits)
    info: dict[uuid.UUID, tuple[str, datetime]] = {}
    for part in chunks(sorted(k for k in keys if k is not None)):
        for row in session.execute(
            select(Activity.id, Activity.title, Activity.starts_at).where(Activity.id.in_(part))
        ):
            info[row.id] = (row.title, row.starts_at)
    rows = []
    for key in keys:
        total = sums.get(key, _Sum())
        title, starts_at = info.get(key, (None, None)) if key is not None else (None, None)
        rows.append(
            ActivityHours(
                key,
                title,
                starts_at,
                visits.get(key, 0),
                len(people.get(key, ())),
                total.approved + total.pending,
                total.approved,
                total.pending,
                total.fen,
            )
        )
    far = datetime.max.replace(tzinfo=None)
    rows.sort(
        key=lambda r: (r.starts_at.replace(tzinfo=None) if r.starts_at else far, r.title or "")
    )
    return rows


def hours_by_volunteer(
    session: Session,
    start: date | None = None,
    end: date | None = None,
    search: str | None = None,
) -> list[VolunteerHours]:
    """Per volunteer with hours or attendance in the period; ``search`` matches
    the name, code, pinyin initials or phone."""
    entries = entry_rows(session, start, end)
    amounts = approved_amounts(session, entries, load_rules(session))
    sums: dict[uuid.UUID, _Sum] = defaultdict(_Sum)
    for entry in entries:
        sums[entry.volunteer_id].add(entry, amounts)
    visits: dict[uuid.UUID, int] = defaultdict(int)
    for volunteer_id, _where in _attendance_pairs(session, start, end, entries):
        visits[volunteer_id] += 1
    ids = sorted(set(sums) | set(visits))
    needle = (search or "").strip()
    rows: list[VolunteerHours] = []
    for part in chunks(ids):
        query = select(Volunteer.id, Volunteer.code, Volunteer.name).where(Volunteer.id.in_(part))
        if needle:
            query = query.where(
                or_(
                    Volunteer.name.contains(needle, autoescape=True),
                    Volunteer.code == needle.upper(),
                    Volunteer.name_initials.startswith(needle.upper(), autoescape=True),
                    Volunteer.phone.contains(needle, autoescape=True),
                )
            )
        for row in session.execute(query):
            total = sums.get(row.id, _Sum())
            rows.append(
                VolunteerHours(
                    row.id,
                    row.code,
                    row.name,
                    visits.get(row.id, 0),
                    total.approved + total.pending,
                    total.approved,
                    total.pending,
                    total.fen,
                )
            )
    rows.sort(key=lambda r: (-r.approved_minutes, r.code))
    return rows


# ----------------------------------------------------------------------------- service record


@dataclass(frozen=True)
class ServiceLine:
    activity_id: uuid.UUID | None
    title: str | None  # None: supplemental hours without an activity
    day: date
    location: str | None
    approved_minutes: int


@dataclass(frozen=True)
class ServiceRecord:
    volunteer_id: uuid.UUID
    code: str
    name: str
    start: date | None
    end: date | None
    lines: tuple[ServiceLine, ...]
    total_minutes: int


def volunteer_service_record(
    session: Session, volunteer_id: uuid.UUID, start: date | None = None, end: date | None = None
) -> ServiceRecord:
    """A volunteer's approved service, one line per activity (for a certificate)."""
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None:
        raise UserError(N_("This volunteer no longer exists."))
    entries = entry_rows(
        session,
        start,
        end,
        HourEntry.volunteer_id == volunteer_id,
        HourEntry.status == ApprovalStatus.APPROVED,
    )
    minutes: dict[object, int] = defaultdict(int)
    for entry in entries:
        minutes[entry.activity_id or entry.work_date] += entry.minutes
    zone = org_zone(session)
    lines: list[ServiceLine] = []
    for key, total in minutes.items():
        if isinstance(key, uuid.UUID):
            activity = session.get(Activity, key)
            assert activity is not None
            day = local_day(activity.starts_at, zone)
            lines.append(ServiceLine(key, activity.title, day, activity.location, total))
        elif isinstance(key, date):
            lines.append(ServiceLine(None, None, key, None, total))
    lines = [line for line in lines if line.approved_minutes != 0]
    lines.sort(key=lambda line: (line.day, line.title or ""))
    return ServiceRecord(
        volunteer.id,
        volunteer.code,
        volunteer.name,
        start,
        end,
        tuple(lines),
        sum(line.approved_minutes for line in lines),
    )
