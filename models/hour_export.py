"""The matching rate table, and freezing hours for an export.

The rate table is kept whole: saving it is refused (nothing written) when it is
empty, names a date twice, has an amount out of range, or leaves a day that has
activities or hours without a rate in force.  Freezing marks approved entries as
carried by an export and fixes their matching amount; entries approved later,
corrections included, go with the next export (corrections as delta lines).

The amounts are worked out in one streamed pass (``FreezePlan``), the same as
``models.hour_totals.approved_amounts`` gives them, and frozen with one set-based
UPDATE of exactly the entries read: the export writes its bundle from a snapshot
and freezes afterwards, in a short write transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Column, Integer, Table, func, select, update
from sqlalchemy.orm import Session

from models import audit
from models.clock import utcnow
from models.errors import N_, UserError
from models.hour_recalc import SYSTEM_STAFF, load_rules
from models.hour_rules import (
    RateTable,
    limited_minutes,
    local_day,
    matching_fen,
    period_end,
    period_start,
)
from models.hour_totals import rate_table
from models.intake import org_zone
from models.schema import Activity, HourEntry, MatchingRate, SyncLog
from models.schema.enums import ApprovalStatus, HourKind
from models.sync_carried import Carried, carried_table, changed_meanwhile
from models.sync_tables import HOUR_ORDER, stored, unexported
from models.volunteers import clean_staff

# ----------------------------------------------------------------------------- rates


def _dates_in_use(session: Session) -> list[date]:
    """The earliest activity date and the earliest work date with hours."""
    needed: list[date] = []
    first_start = session.scalar(select(func.min(Activity.starts_at)))
    if first_start is not None:
        needed.append(local_day(first_start, org_zone(session)))
    first_work = session.scalar(
        select(func.min(HourEntry.work_date)).where(HourEntry.status != ApprovalStatus.REJECTED)
    )
    if first_work is not None:
        needed.append(first_work)
    return needed


def check_rate_table(session: Session) -> UserError | None:
    """What is wrong with the stored rate table (a day with hours but no rate), or None."""
    try:
        rate_table(session).validate(_dates_in_use(session))
    except UserError as error:
        return error
    return None


@dataclass(frozen=True)
class RateTableChange:
    added: tuple[date, ...]
    changed: tuple[date, ...]
    removed: tuple[date, ...]


def save_rate_table(
    session: Session,
    rows: Sequence[tuple[date, int, str | None]],
    *,
    staff: str,
    reason: str | None = None,
) -> RateTableChange:
    """Replace the whole rate table (effective date, fen per hour, note); audited.

    Refused, with nothing saved, when the table is empty, has a date twice, an
    amount out of range, or leaves a day with activities or hours without a rate.
    Exported amounts stay frozen whatever the new rates.
    """
    staff = clean_staff(staff)
    table = RateTable.of((d, fen) for d, fen, _note in rows)
    table.validate(_dates_in_use(session))
    notes = {d: (note or "").strip() or None for d, _fen, note in rows}
    wanted = dict(table.rows)
    existing = {r.effective_from: r for r in session.scalars(select(MatchingRate))}
    before = sorted((d, r.fen_per_hour) for d, r in existing.items())
    removed = tuple(sorted(d for d in existing if d not in wanted))
    added = tuple(sorted(d for d in wanted if d not in existing))
    changed = tuple(
        sorted(
            d
            for d in wanted
            if d in existing
            and (existing[d].fen_per_hour != wanted[d] or existing[d].note != notes[d])
        )
    )
    for day in removed:
        session.delete(existing[day])
    session.flush()
    for day in changed:
        existing[day].fen_per_hour = wanted[day]
        existing[day].note = notes[day]
    for day in added:
        session.add(MatchingRate(effective_from=day, fen_per_hour=wanted[day], note=notes[day]))
    session.flush()
    if added or changed or removed:
        audit.record(
            session,
            staff=staff,
            action="matching_rate.table",
            entity="matching_rate",
            before={"rates": [[d, fen] for d, fen in before]},
            after={"rates": [[d, fen] for d, fen in table.rows]},
            reason=reason,
        )
    return RateTableChange(added, changed, removed)


# ----------------------------------------------------------------------------- export


@dataclass(frozen=True)
class FreezeResult:
    export_id: uuid.UUID
    entries: int
    delta_lines: int
    minutes: int
    matching_fen: int


# The entries an export freezes, their matching amounts and versions (on the export's
# connection only): the freeze touches exactly these.
FROZEN_HOURS = carried_table(
    "pd_export_frozen_hours", Column("matching_fen", Integer, nullable=False)
)


class FreezePlan:
    """The matching amounts of the entries an export freezes, in one streamed pass.

    The same amounts as ``models.hour_totals.approved_amounts`` gives them, without
    holding the entries: feed ``line`` every entry of ``unexported(up_to)`` in
    ``HOUR_ORDER`` (ids and keys as stored, ``models.sync_tables.stored``).  With
    per-period limits, a volunteer's frozen minutes of the period count first, then
    the entries in that order; only the current period's running totals are kept.
    Refused (``UserError``) when a rate is missing for any of the entries, before
    anything is read.  The lines are kept in ``FROZEN_HOURS``; ``freeze`` then
    marks exactly those, at the versions read.
    """

    def __init__(self, session: Session, up_to: date) -> None:
        self.up_to = up_to
        self.entries = self.delta_lines = self.minutes = self.matching_fen = 0
        self._rules = load_rules(session)
        self._limits = bool(self._rules.matching_min_hours or self._rules.matching_max_hours)
        self._rates = rate_table(session)
        self._rate_cache: dict[date, int] = {}
        candidates = select(HourEntry.activity_id).where(*unexported(up_to))
        zone = org_zone(session)
        self._activity_days: dict[Any, date] = {
            key: local_day(starts, zone)
            for key, starts in session.execute(
                select(stored(Activity.id), Activity.starts_at).where(Activity.id.in_(candidates))
            )
        }
        unattached = session.scalar(
            select(func.min(HourEntry.work_date)).where(
                *unexported(up_to), HourEntry.activity_id.is_(None)
            )
        )
        days = [*self._activity_days.values(), *([unattached] if unattached else [])]
        if days:
            self._rate_on(min(days))  # a missing rate is refused before anything is written
        self._period: date | None = None
        self._running: dict[Any, int] = {}
        self._frozen: dict[date, dict[Any, int]] = {}
        if self._limits:
            self._frozen = self._frozen_minutes(session)
        self.carried = Carried(session.connection(), FROZEN_HOURS)

    def _frozen_minutes(self, session: Session) -> dict[date, dict[Any, int]]:
        """Approved minutes already frozen, by period and volunteer, in the periods of
        the entries to freeze (they count first towards the period's limits)."""
        first, last = session.execute(
            select(func.min(HourEntry.work_date), func.max(HourEntry.work_date)).where(
                *unexported(self.up_to)
            )
        ).one()
        found: dict[date, dict[Any, int]] = {}
        if first is None or last is None:
            return found
        kind = self._rules.matching_period
        people = select(HourEntry.volunteer_id).where(*unexported(self.up_to))
        volunteer = stored(HourEntry.volunteer_id)
        query = (
            select(volunteer, HourEntry.work_date, func.sum(HourEntry.minutes))
            .where(
                HourEntry.status == ApprovalStatus.APPROVED,
                HourEntry.exported_in_id.is_not(None),
                HourEntry.work_date >= period_start(first, kind),
                HourEntry.work_date <= period_end(last, kind),
                HourEntry.volunteer_id.in_(people),
            )
            .group_by(HourEntry.volunteer_id, HourEntry.work_date)
        )
        for person, day, minutes in session.execute(query):
            period = found.setdefault(period_start(day, kind), {})
            period[person] = period.get(person, 0) + int(minutes)
        return found

    def _rate_on(self, day: date) -> int:
        rate = self._rates.rate_on(day)
        if rate is None:
            raise UserError(
                N_(
                    "No matching rate is in force on {date}, but there are approved "
                    "hours on that day. Add a rate effective from {date} or earlier; "
                    "nothing was exported."
                ),
                date=day.isoformat(),
            )
        self._rate_cache[day] = rate
        return rate

    def _enter(self, period: date) -> None:
        self._period = period
        self._running = self._frozen.pop(period, {})
        for older in [key for key in self._frozen if key < period]:
            del self._frozen[older]

    def line(
        self,
        entry_id: Any,
        version: int,
        volunteer: Any,
        activity: Any,
        work_date: date,
        minutes: int,
        corrects: Any = None,
    ) -> int:
        """The matching amount of the next entry (in ``HOUR_ORDER``), kept to freeze."""
        matched = minutes
        if self._limits:
            period = period_start(work_date, self._rules.matching_period)
            if period != self._period:
                self._enter(period)
            before = self._running.get(volunteer, 0)
            matched = limited_minutes(before, minutes, self._rules)
            self._running[volunteer] = before + minutes
        day = work_date if activity is None else self._activity_days.get(activity, work_date)
        rate = self._rate_cache.get(day)
        if rate is None:
            rate = self._rate_on(day)
        fen = matching_fen(matched, rate)
        self.carried.add(entry_id, version, fen)
        self.entries += 1
        self.delta_lines += corrects is not None
        self.minutes += minutes
        self.matching_fen += fen
        return fen

    def flush(self) -> None:
        self.carried.flush()

    def freeze(
        self, session: Session, export_id: uuid.UUID, stamp: datetime, *, staff: str
    ) -> FreezeResult:
        """Mark the entries fed to ``line`` as carried by ``export_id`` with their
        amounts (one version up, changed at ``stamp``) in one statement; audited.

        ``DatabaseBusy`` when any of them changed since it was read (the caller
        then rolls back: nothing is frozen).
        """
        self.flush()
        table = cast(Table, HourEntry.__table__)
        frozen = FROZEN_HOURS.c
        # At the versions read (any change to an entry raises its version); the
        # rows are found from the temporary table (``IN``), not the other way round.
        statement = (
            update(table)
            .where(
                table.c.id == frozen.id,
                table.c.version == frozen.version,
                table.c.id.in_(select(frozen.id).correlate(None)),
                table.c.exported_in_id.is_(None),
            )
            .values(
                matching_fen=frozen.matching_fen,
                exported_in_id=export_id,
                version=table.c.version + 1,
                updated_at=stamp,
            )
        )
        done = session.connection().execute(statement).rowcount
        self.carried.drop()
        if done != self.entries:
            raise changed_meanwhile()
        for instance in list(session.identity_map.values()):
            if isinstance(instance, HourEntry):
                session.expire(instance)
        result = FreezeResult(
            export_id, self.entries, self.delta_lines, self.minutes, self.matching_fen
        )
        audit.record(
            session,
            staff=staff,
            action="hours.freeze",
            entity="sync_log",
            entity_id=export_id,
            after={
                "up_to": self.up_to,
                "entries": result.entries,
                "delta_lines": result.delta_lines,
                "minutes": result.minutes,
                "matching_fen": result.matching_fen,
            },
        )
        return result


def freeze_for_export(
    session: Session, export_id: uuid.UUID, up_to: date, *, staff: str | None = None
) -> FreezeResult:
    """Mark approved, not yet exported entries up to ``up_to`` as carried by
    ``export_id`` and freeze their matching amount.

    Corrections approved after an earlier export are carried as delta lines.
    Refused with nothing changed when a rate is missing for any of the entries.
    The audit row names ``staff`` (default: the export's staff name).
    (``models.sync_export`` does the same in two steps: ``FreezePlan`` while it
    writes the bundle, ``FreezePlan.freeze`` when it records the export.)
    """
    log = session.get(SyncLog, export_id)
    if log is None:
        raise UserError(N_("The export being written is not in the sync log."))
    staff = clean_staff(staff or log.staff_name or SYSTEM_STAFF)
    session.flush()
    plan = FreezePlan(session, up_to)
    query = select(
        stored(HourEntry.id),
        HourEntry.version,
        stored(HourEntry.volunteer_id),
        stored(HourEntry.activity_id),
        HourEntry.work_date,
        HourEntry.minutes,
        stored(HourEntry.corrects_id),
    ).where(*unexported(up_to))
    rows = session.connection().execute(
        query.order_by(*HOUR_ORDER).execution_options(yield_per=2000)
    )
    for row in rows:
        plan.line(*row)
    return plan.freeze(session, export_id, utcnow(), staff=staff)


@dataclass(frozen=True)
class HourLine:
    """One row of the sync bundle's hours file (a delta line when ``corrects_id`` is set)."""

    id: uuid.UUID
    version: int
    updated_at: datetime
    volunteer_id: uuid.UUID
    activity_id: uuid.UUID | None
    kind: HourKind
    work_date: date
    minutes: int
    matching_fen: int
    corrects_id: uuid.UUID | None

    @property
    def is_delta(self) -> bool:
        return self.corrects_id is not None


def export_lines(session: Session, export_id: uuid.UUID) -> Iterator[HourLine]:
    """The hour lines an export carries (streamed; the same lines every time)."""
    query = (
        select(
            HourEntry.id,
            HourEntry.version,
            HourEntry.updated_at,
            HourEntry.volunteer_id,
            HourEntry.activity_id,
            HourEntry.kind,
            HourEntry.work_date,
            HourEntry.minutes,
            HourEntry.matching_fen,
            HourEntry.corrects_id,
        )
        .where(HourEntry.exported_in_id == export_id)
        .order_by(HourEntry.work_date, HourEntry.created_at, HourEntry.id)
        .execution_options(yield_per=1000)
    )
    for row in session.execute(query):
        yield HourLine(
            row.id,
            row.version,
            row.updated_at,
            row.volunteer_id,
            row.activity_id,
            row.kind,
            row.work_date,
            row.minutes,
            row.matching_fen or 0,
            row.corrects_id,
        )
