"""Counted minutes from attendance: session entries, and explicit recalculation.

A closed or resolved attendance session becomes one pending ``session`` hour entry
per local day it touches (a session across midnight gives two).  Entries follow
the session while they are pending; once any entry of a session is approved the
session is *locked*: neither a refresh nor a recalculation changes it, and a
later change is a correction row (see :mod:`models.hours`).  A rejected entry is
final for its day.  A discarded session's pending entries are rejected.

Changing the rules never rewrites anything by itself: :func:`recalculate_preview`
shows what new rules would change, :func:`apply_recalculation` adopts the rules
and writes the changes, one audit row per entry.  Locked entries whose minutes
the new rules would give differently are listed, not changed.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from models import audit, settings
from models.clock import utcnow
from models.hour_rules import (
    HourRules,
    SessionCount,
    SessionInput,
    Window,
    count_sessions,
    local_day,
    local_midnight_utc,
)
from models.intake import org_zone
from models.schema import Activity, AttendanceSession, HourEntry
from models.schema.enums import ApprovalStatus, HourKind, SessionStatus
from models.volunteers import clean_staff

ENTITY = "hour_entry"
SYSTEM_STAFF = "system"
_CHUNK = 500

CREATE = "create"
UPDATE = "update"
REJECT = "reject"


def load_rules(session: Session) -> HourRules:
    """The hour rules in force (defaults until staff change them in Settings)."""
    # cast: settings.RuleSet's ``__dataclass_fields__`` member does not match a
    # dataclass's ClassVar under mypy, so the class is passed as type[Any].
    rules: HourRules = settings.load(session, cast("type[Any]", HourRules))
    return rules


def chunks(values: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for index in range(0, len(values), size):
        yield values[index : index + size]


@dataclass(frozen=True)
class RecalcScope:
    """Which sessions a recalculation looks at: one activity and/or local dates."""

    activity_id: uuid.UUID | None = None
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class PlanLine:
    """One entry that a refresh or recalculation creates, changes or rejects."""

    op: str
    entry_id: uuid.UUID | None
    session_id: uuid.UUID | None
    volunteer_id: uuid.UUID
    activity_id: uuid.UUID | None
    kind: HourKind
    work_date: date
    old_minutes: int | None
    new_minutes: int
    started_at: datetime | None
    ended_at: datetime | None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class LockedDifference:
    """An approved (locked) unit that the rules would now count differently."""

    session_id: uuid.UUID | None
    entry_id: uuid.UUID | None
    volunteer_id: uuid.UUID
    activity_id: uuid.UUID | None
    locked_minutes: int
    rule_minutes: int


@dataclass(frozen=True)
class RecalcPreview:
    changes: tuple[PlanLine, ...]
    locked: tuple[LockedDifference, ...]
    unchanged: int
    pending_minutes_before: int
    pending_minutes_after: int


@dataclass(frozen=True)
class RecalcResult:
    created: tuple[uuid.UUID, ...]
    updated: tuple[uuid.UUID, ...]
    rejected: tuple[uuid.UUID, ...]
    locked: int
    rules_changed: bool


# ----------------------------------------------------------------------------- loading


def _windows(session: Session, activity_ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID, Window]:
    ids = sorted({a for a in activity_ids if a is not None})
    windows: dict[uuid.UUID, Window] = {}
    for part in chunks(ids):
        rows = session.execute(
            select(
                Activity.id, Activity.starts_at, Activity.ends_at, Activity.scheduled_minutes
            ).where(Activity.id.in_(part))
        )
        for row in rows:
            windows[row.id] = Window(row.starts_at, row.ends_at, row.scheduled_minutes or 0)
    return windows


def _entries_of_sessions(
    session: Session, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[HourEntry]]:
    found: dict[uuid.UUID, list[HourEntry]] = defaultdict(list)
    for part in chunks(list(ids)):
        query = (
            select(HourEntry)
            .where(HourEntry.session_id.in_(part), HourEntry.kind == HourKind.SESSION)
            .order_by(HourEntry.created_at)
        )
        for entry in session.scalars(query):
            if entry.session_id is not None:
                found[entry.session_id].append(entry)
    return found


def day_minutes(
    session: Session,
    volunteer_id: uuid.UUID,
    first: date,
    last: date,
    *,
    exclude: Iterable[uuid.UUID] = (),
) -> dict[date, int]:
    """Minutes per local day of a volunteer's approved and pending entries."""
    return used_minutes(session, [volunteer_id], first, last, exclude=exclude).get(volunteer_id, {})


def used_minutes(
    session: Session,
    volunteer_ids: Sequence[uuid.UUID],
    first: date,
    last: date,
    *,
    exclude: Iterable[uuid.UUID] = (),
) -> dict[uuid.UUID, dict[date, int]]:
    """Minutes per volunteer and local day of approved and pending entries."""
    skip = set(exclude)
    used: dict[uuid.UUID, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for part in chunks(sorted(set(volunteer_ids))):
        rows = session.execute(
            select(
                HourEntry.id, HourEntry.volunteer_id, HourEntry.work_date, HourEntry.minutes
            ).where(
                HourEntry.volunteer_id.in_(part),
                HourEntry.work_date >= first,
                HourEntry.work_date <= last,
                HourEntry.status != ApprovalStatus.REJECTED,
            )
        )
        for row in rows:
            if row.id not in skip:
                used[row.volunteer_id][row.work_date] += row.minutes
    return {volunteer: dict(days) for volunteer, days in used.items()}


def _scoped(query: Select[Any], column: Any, scope: RecalcScope, session: Session) -> Select[Any]:
    zone = org_zone(session)
    if scope.start is not None:
        query = query.where(column >= local_midnight_utc(scope.start, zone))
    if scope.end is not None:
        query = query.where(column < local_midnight_utc(scope.end + timedelta(days=1), zone))
    return query


def _load_units(
    session: Session, scope: RecalcScope, *, supplemental: bool
) -> tuple[list[AttendanceSession], list[HourEntry]]:
    query = select(AttendanceSession).where(
        AttendanceSession.status != SessionStatus.OPEN, AttendanceSession.ended_at.is_not(None)
    )
    if scope.activity_id is not None:
        query = query.where(AttendanceSession.activity_id == scope.activity_id)
    query = _scoped(query, AttendanceSession.started_at, scope, session)
    sessions = list(session.scalars(query.order_by(AttendanceSession.started_at)))
    entries: list[HourEntry] = []
    if supplemental:
        found = select(HourEntry).where(
            HourEntry.kind == HourKind.SUPPLEMENTAL,
            HourEntry.status == ApprovalStatus.PENDING,
            HourEntry.started_at.is_not(None),
            HourEntry.ended_at.is_not(None),
        )
        if scope.activity_id is not None:
            found = found.where(HourEntry.activity_id == scope.activity_id)
        if scope.start is not None:
            found = found.where(HourEntry.work_date >= scope.start)
        if scope.end is not None:
            found = found.where(HourEntry.work_date <= scope.end)
        entries = list(session.scalars(found))
    return sessions, entries


# ----------------------------------------------------------------------------- planning


@dataclass
class _Plan:
    lines: list[PlanLine]
    locked: list[LockedDifference]
    unchanged: int
    counted: dict[uuid.UUID, int]  # session id → counted minutes
    pending_before: int
    pending_after: int


def _is_locked(entries: Sequence[HourEntry]) -> bool:
    return any(e.status is ApprovalStatus.APPROVED or e.exported_in_id is not None for e in entries)


def _plan(
    session: Session,
    rules: HourRules,
    sessions: Sequence[AttendanceSession],
    supplementals: Sequence[HourEntry],
) -> _Plan:
    zone = org_zone(session)
    plan = _Plan([], [], 0, {}, 0, 0)
    by_session = _entries_of_sessions(session, [s.id for s in sessions])
    windows = _windows(
        session, [s.activity_id for s in sessions] + [e.activity_id for e in supplementals]
    )
    units: dict[uuid.UUID, list[SessionInput]] = defaultdict(list)
    recomputed: set[uuid.UUID] = set()
    session_rows = {s.id: s for s in sessions}
    for row in sessions:
        entries = by_session.get(row.id, [])
        assert row.ended_at is not None
        unit = SessionInput(row.id, row.started_at, row.ended_at, windows.get(row.activity_id))
        if _is_locked(entries):
            locked_minutes = sum(e.minutes for e in entries if e.status is ApprovalStatus.APPROVED)
            if row.status is not SessionStatus.DISCARDED:
                [fresh] = count_sessions([unit], rules, zone)
                if fresh.minutes != locked_minutes:
                    plan.locked.append(
                        LockedDifference(
                            row.id,
                            None,
                            row.volunteer_id,
                            row.activity_id,
                            locked_minutes,
                            fresh.minutes,
                        )
                    )
            continue
        recomputed.update(e.id for e in entries)
        plan.pending_before += sum(e.minutes for e in entries if e.status is ApprovalStatus.PENDING)
        if row.status is SessionStatus.DISCARDED:
            for entry in entries:
                if entry.status is ApprovalStatus.PENDING:
                    plan.lines.append(_line(REJECT, entry, 0, None, None, ()))
            plan.counted[row.id] = 0
            continue
        units[row.volunteer_id].append(unit)
    for entry in supplementals:
        if entry.exported_in_id is not None or entry.started_at is None or entry.ended_at is None:
            continue
        recomputed.add(entry.id)
        plan.pending_before += entry.minutes
        units[entry.volunteer_id].append(
            SessionInput(
                entry.id,
                entry.started_at,
                entry.ended_at,
                windows.get(entry.activity_id) if entry.activity_id is not None else None,
            )
        )
    supplemental_rows = {e.id: e for e in supplementals}
    every = [u for items in units.values() for u in items]
    used: dict[uuid.UUID, dict[date, int]] = {}
    if every:
        first = min(local_day(u.started_at, zone) for u in every)
        last = max(local_day(u.ended_at, zone) for u in every)
        used = used_minutes(session, list(units), first, last, exclude=recomputed)
    for volunteer_id, items in units.items():
        for count in count_sessions(items, rules, zone, used.get(volunteer_id)):
            key = count.key
            assert isinstance(key, uuid.UUID)
            if key in supplemental_rows:
                _plan_supplemental(plan, supplemental_rows[key], count)
            else:
                plan.counted[key] = count.minutes
                _plan_session(plan, session_rows[key], by_session.get(key, []), count)
    return plan


def _line(
    op: str,
    entry: HourEntry,
    minutes: int,
    started_at: datetime | None,
    ended_at: datetime | None,
    notes: tuple[str, ...],
) -> PlanLine:
    return PlanLine(
        op,
        entry.id,
        entry.session_id,
        entry.volunteer_id,
        entry.activity_id,
        entry.kind,
        entry.work_date,
        entry.minutes,
        minutes,
        started_at if op != REJECT else entry.started_at,
        ended_at if op != REJECT else entry.ended_at,
        notes,
    )


def _plan_supplemental(plan: _Plan, entry: HourEntry, count: SessionCount) -> None:
    plan.pending_after += count.minutes
    if count.minutes == entry.minutes:
        plan.unchanged += 1
        return
    plan.lines.append(
        _line(UPDATE, entry, count.minutes, entry.started_at, entry.ended_at, count.notes)
    )


def _plan_session(
    plan: _Plan, row: AttendanceSession, entries: Sequence[HourEntry], count: SessionCount
) -> None:
    by_day: dict[date, HourEntry] = {e.work_date: e for e in entries}  # latest wins
    pieces = [p for p in count.pieces if p.served_minutes > 0] or list(count.pieces[:1])
    wanted = {p.day for p in pieces}
    for piece in pieces:
        entry = by_day.get(piece.day)
        if entry is None or entry.status is ApprovalStatus.PENDING:
            plan.pending_after += piece.minutes
        if entry is None:
            plan.lines.append(
                PlanLine(
                    CREATE,
                    None,
                    row.id,
                    row.volunteer_id,
                    row.activity_id,
                    HourKind.SESSION,
                    piece.day,
                    None,
                    piece.minutes,
                    piece.started_at,
                    piece.ended_at,
                    count.notes,
                )
            )
        elif entry.status is ApprovalStatus.PENDING and (
            entry.minutes != piece.minutes
            or entry.started_at != piece.started_at
            or entry.ended_at != piece.ended_at
        ):
            plan.lines.append(
                _line(UPDATE, entry, piece.minutes, piece.started_at, piece.ended_at, count.notes)
            )
        else:
            plan.unchanged += 1
    for day, entry in by_day.items():
        if day not in wanted and entry.status is ApprovalStatus.PENDING:
            plan.lines.append(_line(REJECT, entry, 0, None, None, count.notes))


# ----------------------------------------------------------------------------- applying


def _apply(
    session: Session,
    plan: _Plan,
    *,
    staff: str,
    action: str,
    reason: str | None,
    audit_creates: bool,
    now: datetime,
) -> tuple[list[uuid.UUID], list[uuid.UUID], list[uuid.UUID]]:
    created: list[uuid.UUID] = []
    updated: list[uuid.UUID] = []
    rejected: list[uuid.UUID] = []
    for line in plan.lines:
        if line.op == CREATE:
            entry = HourEntry(
                id=uuid.uuid4(),
                volunteer_id=line.volunteer_id,
                activity_id=line.activity_id,
                session_id=line.session_id,
                kind=HourKind.SESSION,
                work_date=line.work_date,
                started_at=line.started_at,
                ended_at=line.ended_at,
                minutes=line.new_minutes,
                status=ApprovalStatus.PENDING,
            )
            session.add(entry)
            created.append(entry.id)
            if audit_creates:
                _audit(session, staff, action, entry.id, None, _shown(line), reason)
            continue
        target = session.get(HourEntry, line.entry_id)
        assert target is not None
        before = {
            "minutes": target.minutes,
            "status": target.status,
            "decided_by": target.decided_by,
        }
        if line.op == REJECT:
            target.status = ApprovalStatus.REJECTED
            target.decided_by = staff
            target.decided_at = now
            rejected.append(target.id)
        else:
            target.minutes = line.new_minutes
            target.started_at = line.started_at
            target.ended_at = line.ended_at
            target.decided_by = None  # a first approval was for other minutes
            target.decided_at = None
            updated.append(target.id)
        after = {
            "minutes": target.minutes,
            "status": target.status,
            "decided_by": target.decided_by,
        }
        _audit(session, staff, action, target.id, before, after, reason)
    for session_id, minutes in plan.counted.items():
        row = session.get(AttendanceSession, session_id)
        if row is not None and row.counted_minutes != minutes:
            row.counted_minutes = minutes
    session.flush()
    return created, updated, rejected


def _shown(line: PlanLine) -> dict[str, Any]:
    return {
        "kind": line.kind,
        "session_id": line.session_id,
        "volunteer_id": line.volunteer_id,
        "activity_id": line.activity_id,
        "work_date": line.work_date,
        "minutes": line.new_minutes,
        "status": ApprovalStatus.PENDING,
    }


def _audit(
    session: Session,
    staff: str,
    action: str,
    entry_id: uuid.UUID,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    reason: str | None,
) -> None:
    audit.record(
        session,
        staff=staff,
        action=action,
        entity=ENTITY,
        entity_id=entry_id,
        before=before,
        after=after,
        reason=reason,
    )


# ----------------------------------------------------------------------------- public


@dataclass(frozen=True)
class RefreshResult:
    created: tuple[uuid.UUID, ...]
    updated: tuple[uuid.UUID, ...]
    rejected: tuple[uuid.UUID, ...]
    locked: int  # approved sessions the rules would now count differently (left alone)


def refresh_session_entries(
    session: Session,
    activity_id: uuid.UUID,
    *,
    staff: str = SYSTEM_STAFF,
    now: datetime | None = None,
) -> RefreshResult:
    """Bring an activity's pending session entries in line with its sessions.

    Creates a pending entry per local day for every closed or resolved session
    that has none, follows changed session times while entries are pending, and
    rejects the pending entries of discarded sessions.  Locked sessions are left
    alone.  Changes to existing entries are audited under ``staff``.
    """
    rules = load_rules(session)
    sessions, _ = _load_units(session, RecalcScope(activity_id=activity_id), supplemental=False)
    plan = _plan(session, rules, sessions, [])
    created, updated, rejected = _apply(
        session,
        plan,
        staff=staff,
        action=f"{ENTITY}.refresh",
        reason=None,
        audit_creates=False,
        now=now or utcnow(),
    )
    return RefreshResult(tuple(created), tuple(updated), tuple(rejected), len(plan.locked))


def recalculate_preview(
    session: Session, rules: HourRules, scope: RecalcScope | None = None
) -> RecalcPreview:
    """What ``rules`` would change in pending hours within ``scope``; writes nothing."""
    rules.validate()
    sessions, supplementals = _load_units(session, scope or RecalcScope(), supplemental=True)
    plan = _plan(session, rules, sessions, supplementals)
    return RecalcPreview(
        tuple(plan.lines),
        tuple(plan.locked),
        plan.unchanged,
        plan.pending_before,
        plan.pending_after,
    )


def apply_recalculation(
    session: Session,
    rules: HourRules,
    scope: RecalcScope | None = None,
    *,
    staff: str,
    reason: str | None = None,
    now: datetime | None = None,
) -> RecalcResult:
    """Adopt ``rules`` (saved, audited) and rewrite pending hours in ``scope``.

    Approved and exported hours never change; every changed entry gets an audit
    row with its minutes before and after, and one row sums the run up.
    """
    staff = clean_staff(staff)
    rules.validate()
    scope = scope or RecalcScope()
    rules_changed = settings.save(session, cast(Any, rules), staff=staff, reason=reason)
    sessions, supplementals = _load_units(session, scope, supplemental=True)
    plan = _plan(session, rules, sessions, supplementals)
    created, updated, rejected = _apply(
        session,
        plan,
        staff=staff,
        action=f"{ENTITY}.recalculate",
        reason=reason,
        audit_creates=True,
        now=now or utcnow(),
    )
    audit.record(
        session,
        staff=staff,
        action="hours.recalculate",
        entity="hours",
        entity_id=scope.activity_id,
        before={"pending_minutes": plan.pending_before},
        after={
            "pending_minutes": plan.pending_after,
            "scope": {"activity_id": scope.activity_id, "start": scope.start, "end": scope.end},
            "created": len(created),
            "updated": len(updated),
            "rejected": len(rejected),
            "locked_differences": len(plan.locked),
        },
        reason=reason,
    )
    return RecalcResult(
        tuple(created), tuple(updated), tuple(rejected), len(plan.locked), rules_changed
    )
