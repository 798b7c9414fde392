"""The matching rate table, and freezing hours for an export.

The rate table is kept whole: saving it is refused (nothing written) when it is
empty, names a date twice, has an amount out of range, or leaves a day that has
activities or hours without a rate in force.  Freezing marks approved entries as
carried by an export and fixes their matching amount; entries approved later,
corrections included, go with the next export (corrections as delta lines).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import audit
from models.errors import N_, UserError
from models.hour_recalc import SYSTEM_STAFF, chunks, load_rules
from models.hour_rules import RateTable, local_day
from models.hour_totals import approved_amounts, entry_rows, rate_table
from models.intake import org_zone
from models.schema import Activity, HourEntry, MatchingRate, SyncLog
from models.schema.enums import ApprovalStatus, HourKind
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


def freeze_for_export(
    session: Session, export_id: uuid.UUID, up_to: date, *, staff: str | None = None
) -> FreezeResult:
    """Mark approved, not yet exported entries up to ``up_to`` as carried by
    ``export_id`` and freeze their matching amount.

    Corrections approved after an earlier export are carried as delta lines.
    Refused with nothing changed when a rate is missing for any of the entries.
    The audit row names ``staff`` (default: the export's staff name).
    """
    log = session.get(SyncLog, export_id)
    if log is None:
        raise UserError(N_("The export being written is not in the sync log."))
    staff = clean_staff(staff or log.staff_name or SYSTEM_STAFF)
    entries = entry_rows(
        session,
        None,
        up_to,
        HourEntry.status == ApprovalStatus.APPROVED,
        HourEntry.exported_in_id.is_(None),
    )
    amounts = approved_amounts(session, entries, load_rules(session), strict=True)
    deltas = 0
    for part in chunks([e.id for e in entries]):
        for entry in session.scalars(select(HourEntry).where(HourEntry.id.in_(part))):
            entry.matching_fen = amounts.get(entry.id, 0)
            entry.exported_in_id = export_id
            deltas += entry.corrects_id is not None
    session.flush()
    result = FreezeResult(
        export_id,
        len(entries),
        deltas,
        sum(e.minutes for e in entries),
        sum(amounts.get(e.id, 0) for e in entries),
    )
    audit.record(
        session,
        staff=staff,
        action="hours.freeze",
        entity="sync_log",
        entity_id=export_id,
        after={
            "up_to": up_to,
            "entries": result.entries,
            "delta_lines": result.delta_lines,
            "minutes": result.minutes,
            "matching_fen": result.matching_fen,
        },
    )
    return result


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
