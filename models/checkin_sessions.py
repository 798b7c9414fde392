"""Attendance sessions: who is in, closing the sessions nobody checked out of, and
deriving sessions from the scan events of several kiosks.

A session pairs a check-in event with the check-out event after it.  Several desks
at one activity each run offline and merge later by importing each other's events
(``merge_scan_events``); the sessions are then derived again from all devices'
events (``rebuild_sessions`` over the pure ``pair_sessions``), so a check-in on desk
A and a check-out on desk B pair up, and true double entries are reported, not
hidden.  Staff resolutions of sessions whose events did not change are kept.

Every function writes inside the caller's transaction.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from models import audit, volunteers
from models.checkin import ACCEPTED, KioskRules, load_rules, whole_minutes
from models.clock import as_utc, utcnow
from models.errors import N_, UserError
from models.intake import org_zone
from models.schema import Activity, AttendanceSession, ScanEvent, Staff, Volunteer
from models.schema.enums import ActivityState, ScanOutcome, ScanSource, SessionStatus

ENTITY = "attendance_session"
SYNC_STAFF = "partner-desk sync"  # the staff name on audit rows of a merge
DOUBLE_ENTRY = "double_entry"  # resolution of a session absorbed into an earlier one
MAX_REASON = 500
_CHUNK = 500  # ids per IN (...) query


# ----------------------------------------------------------------------------- live data


@dataclass(frozen=True)
class OpenSession:
    """Someone checked in and not yet out."""

    session_id: uuid.UUID
    volunteer_id: uuid.UUID
    code: str
    name: str
    started_at: datetime


@dataclass(frozen=True)
class KioskStatus:
    activity_id: uuid.UUID
    title: str
    state: ActivityState
    in_now: int
    attendances_today: int  # sessions (not discarded) started in the local day
    checked_in: tuple[OpenSession, ...]  # earliest check-in first


def open_sessions(session: Session, activity_id: uuid.UUID) -> list[OpenSession]:
    """Who is still checked in at the activity, earliest check-in first."""
    rows = session.execute(
        select(
            AttendanceSession.id,
            AttendanceSession.volunteer_id,
            Volunteer.code,
            Volunteer.name,
            AttendanceSession.started_at,
        )
        .join(Volunteer, Volunteer.id == AttendanceSession.volunteer_id)
        .where(
            AttendanceSession.activity_id == activity_id,
            AttendanceSession.status == SessionStatus.OPEN,
        )
        .order_by(AttendanceSession.started_at, Volunteer.name)
    )
    return [OpenSession(*row) for row in rows]


def kiosk_status(
    session: Session, activity_id: uuid.UUID, *, now: datetime, time_zone: str
) -> KioskStatus:
    """What the kiosk shows beside its answers: who is in, and today's attendances."""
    found = session.execute(
        select(Activity.title, Activity.state).where(Activity.id == activity_id)
    ).first()
    if found is None:
        raise UserError(N_("This activity no longer exists; it may have been deleted."))
    zone = ZoneInfo(time_zone)
    day = as_utc(now).astimezone(zone).date()
    today = session.scalar(
        select(func.count())
        .select_from(AttendanceSession)
        .where(
            AttendanceSession.activity_id == activity_id,
            AttendanceSession.status != SessionStatus.DISCARDED,
            AttendanceSession.started_at >= datetime.combine(day, time(0), tzinfo=zone),
            AttendanceSession.started_at
            < datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone),
        )
    )
    checked_in = tuple(open_sessions(session, activity_id))
    return KioskStatus(
        activity_id, found[0], found[1], len(checked_in), int(today or 0), checked_in
    )


def rejected_scan_stats(session: Session, activity_id: uuid.UUID) -> dict[str, int]:
    """How many scans the activity's kiosks rejected, by reason."""
    rows = session.execute(
        select(ScanEvent.reason, func.count())
        .where(ScanEvent.activity_id == activity_id, ScanEvent.outcome == ScanOutcome.REJECTED)
        .group_by(ScanEvent.reason)
    )
    return {str(reason or ""): int(count) for reason, count in rows}


# ----------------------------------------------------------------------------- closing


class Resolution(StrEnum):
    """How staff closed a session nobody checked out of."""

    SCHEDULED_END = "scheduled_end"
    MANUAL_TIME = "manual_time"
    DISCARDED = "discarded"


@dataclass(frozen=True)
class Resolved:
    session_id: uuid.UUID
    activity_id: uuid.UUID
    volunteer_id: uuid.UUID
    status: SessionStatus
    resolution: Resolution
    ended_at: datetime | None
    counted_minutes: int
    needs_review: bool


def _end_time(
    how: Resolution,
    row: AttendanceSession,
    activity: Activity,
    ended_at: datetime | None,
    now: datetime,
    name: str,
    zone: ZoneInfo,
) -> datetime | None:
    """When the session ends under ``how`` (None: discarded); refuses impossible times."""

    def hm(value: datetime) -> str:
        return as_utc(value).astimezone(zone).strftime("%H:%M")

    if how is Resolution.DISCARDED:
        return None
    if how is Resolution.SCHEDULED_END:
        if activity.ends_at < row.started_at:
            raise UserError(
                N_(
                    "{name} checked in after the scheduled end ({end}): enter the time "
                    "they left, or discard the check-in."
                ),
                name=name,
                end=hm(activity.ends_at),
            )
        return activity.ends_at
    if ended_at is None:
        raise UserError(N_("Enter the time {name} left."), name=name)
    end = as_utc(ended_at)
    if end < row.started_at:
        raise UserError(
            N_("{name} cannot have left ({time}) before checking in ({start})."),
            name=name,
            time=hm(end),
            start=hm(row.started_at),
        )
    if end > now:
        raise UserError(
            N_("The time {name} left ({time}) is in the future."), name=name, time=hm(end)
        )
    return end


def resolve_open_session(
    session: Session,
    session_id: uuid.UUID,
    *,
    resolution: Resolution | str,
    ended_at: datetime | None = None,
    staff: str,
    reason: str | None = None,
    now: datetime | None = None,
) -> Resolved:
    """Close a session nobody checked out of; audited, refused once exported.

    ``scheduled_end``: at the activity's end, flagged for review; ``manual_time``:
    at ``ended_at`` (not before the check-in, not after ``now``); ``discarded``:
    not counted at all (a reason is required).
    """
    staff = volunteers.clean_staff(staff)
    try:
        how = Resolution(resolution)
    except ValueError:
        raise UserError(
            N_("Unknown way of closing a check-in: {resolution}."), resolution=str(resolution)
        ) from None
    row = session.get(AttendanceSession, session_id)
    activity = None if row is None else session.get(Activity, row.activity_id)
    if row is None or activity is None:
        raise UserError(N_("This check-in no longer exists. Refresh the list and try again."))
    name = session.scalar(select(Volunteer.name).where(Volunteer.id == row.volunteer_id)) or ""
    if activity.state is ActivityState.EXPORTED:
        raise UserError(N_("This activity is exported; its attendance can no longer be changed."))
    if row.status is not SessionStatus.OPEN:
        raise UserError(
            N_("{name} is no longer checked in (checked out, or already resolved)."), name=name
        )
    note = " ".join((reason or "").split()) or None
    if how is Resolution.DISCARDED and note is None:
        raise UserError(N_("Give a reason for discarding this check-in."))
    if note is not None and len(note) > MAX_REASON:
        raise UserError(N_("The reason has at most {limit} characters."), limit=MAX_REASON)
    end = _end_time(how, row, activity, ended_at, as_utc(now or utcnow()), name, org_zone(session))
    before = {
        "status": row.status,
        "ended_at": row.ended_at,
        "counted_minutes": row.counted_minutes,
    }
    row.ended_at = end
    row.status = SessionStatus.DISCARDED if end is None else SessionStatus.RESOLVED
    row.resolution = how.value
    row.resolved_by = staff
    row.counted_minutes = 0 if end is None else whole_minutes(row.started_at, end)
    row.needs_review = how is Resolution.SCHEDULED_END
    session.flush()
    done = Resolved(
        row.id,
        row.activity_id,
        row.volunteer_id,
        row.status,
        how,
        row.ended_at,
        row.counted_minutes,
        row.needs_review,
    )
    audit.record(
        session,
        staff=staff,
        action=f"{ENTITY}.resolve",
        entity=ENTITY,
        entity_id=row.id,
        before=before,
        after={
            "status": done.status,
            "ended_at": done.ended_at,
            "counted_minutes": done.counted_minutes,
            "resolution": how,
            "needs_review": done.needs_review,
            "activity_id": done.activity_id,
            "volunteer_id": done.volunteer_id,
        },
        reason=note,
    )
    return done


# ----------------------------------------------------------------------------- pairing


class EventLike(Protocol):
    """What pairing reads of a scan event (a ``ScanEvent``, a ``ScanEventRow``...)."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def volunteer_id(self) -> uuid.UUID | None: ...
    @property
    def device_id(self) -> str: ...
    @property
    def outcome(self) -> ScanOutcome: ...
    @property
    def scanned_at(self) -> datetime: ...


@dataclass(frozen=True)
class PairedSession:
    volunteer_id: uuid.UUID
    check_in_event_id: uuid.UUID
    started_at: datetime
    check_out_event_id: uuid.UUID | None = None
    ended_at: datetime | None = None
    resolved: bool = False  # ended by a staff resolution (ended_at None: discarded)

    @property
    def minutes(self) -> int | None:
        return None if self.ended_at is None else whole_minutes(self.started_at, self.ended_at)


class DoubleEntryKind(StrEnum):
    DOUBLE_CHECK_IN = "double_check_in"  # checked in again inside the debounce window
    ALREADY_IN = "already_in"  # checked in while already checked in
    UNPAIRED_CHECK_OUT = "unpaired_check_out"  # checked out while not checked in


@dataclass(frozen=True)
class DoubleEntry:
    """An event that does not fit the sessions around it (kept, not counted)."""

    kind: DoubleEntryKind
    volunteer_id: uuid.UUID
    event_id: uuid.UUID
    device_id: str
    scanned_at: datetime
    # The check-in it collides with, or the check-out before an unpaired one.
    other_event_id: uuid.UUID | None
    other_device_id: str | None
    other_scanned_at: datetime | None


@dataclass(frozen=True)
class Pairing:
    sessions: tuple[PairedSession, ...]  # by start, then check-in event id
    double_entries: tuple[DoubleEntry, ...]  # in event order


def _double(kind: DoubleEntryKind, event: EventLike, other: EventLike | None) -> DoubleEntry:
    assert event.volunteer_id is not None
    return DoubleEntry(
        kind,
        event.volunteer_id,
        event.id,
        event.device_id,
        as_utc(event.scanned_at),
        None if other is None else other.id,
        None if other is None else other.device_id,
        None if other is None else as_utc(other.scanned_at),
    )


def pair_sessions(
    events: Iterable[EventLike],
    rules: KioskRules,
    *,
    resolutions: Mapping[uuid.UUID, datetime | None] | None = None,
) -> Pairing:
    """Sessions from the accepted events of one activity, whatever device made them.

    Events are taken in time order (ties by id).  A check-in opens a session, the
    next check-out closes it.  ``resolutions`` maps the check-in event of a session
    staff closed to the end they gave (None: discarded); such a session ends there
    when a later check-in comes, and stays resolved if nothing closes it (a real
    check-out still closes it).  A check-in while checked in and a check-out while
    not checked in are reported as double entries and count for nothing.
    """
    staff_ends = resolutions or {}
    accepted = [e for e in events if e.outcome in ACCEPTED and e.volunteer_id is not None]
    accepted.sort(key=lambda e: (as_utc(e.scanned_at), e.id))
    open_: dict[uuid.UUID, EventLike] = {}
    last_out: dict[uuid.UUID, EventLike] = {}
    sessions: list[PairedSession] = []
    doubles: list[DoubleEntry] = []

    def close(check_in: EventLike, check_out: EventLike | None) -> None:
        assert check_in.volunteer_id is not None
        start = as_utc(check_in.scanned_at)
        if check_out is not None:
            end: datetime | None = as_utc(check_out.scanned_at)
            out_id: uuid.UUID | None = check_out.id
        elif check_in.id in staff_ends:
            end, out_id = staff_ends[check_in.id], None
        else:
            end = out_id = None
        resolved = check_out is None and check_in.id in staff_ends
        end = None if end is None else as_utc(end)
        sessions.append(
            PairedSession(check_in.volunteer_id, check_in.id, start, out_id, end, resolved)
        )

    for event in accepted:
        volunteer = event.volunteer_id
        assert volunteer is not None
        current = open_.get(volunteer)
        at = as_utc(event.scanned_at)
        if event.outcome == ScanOutcome.CHECK_OUT:
            if current is None:
                doubles.append(
                    _double(DoubleEntryKind.UNPAIRED_CHECK_OUT, event, last_out.get(volunteer))
                )
            else:
                close(current, event)
                del open_[volunteer]
            last_out[volunteer] = event
            continue
        if current is not None and current.id in staff_ends:
            end = staff_ends[current.id]
            if end is None or at >= as_utc(end):
                close(current, None)
                current = None
        if current is None:
            open_[volunteer] = event
            continue
        kind = (
            DoubleEntryKind.DOUBLE_CHECK_IN
            if at - as_utc(current.scanned_at) < rules.debounce
            else DoubleEntryKind.ALREADY_IN
        )
        doubles.append(_double(kind, event, current))
    for check_in in open_.values():
        close(check_in, None)
    sessions.sort(key=lambda s: (s.started_at, s.check_in_event_id))
    return Pairing(tuple(sessions), tuple(doubles))


# ----------------------------------------------------------------------------- rebuilding


@dataclass(frozen=True)
class Rebuilt:
    """What ``rebuild_sessions`` changed in an activity's attendance sessions."""

    activity_id: uuid.UUID
    created: tuple[uuid.UUID, ...]
    updated: tuple[uuid.UUID, ...]
    # Sessions whose check-in turned out to be a double entry (kept, discarded).
    discarded: tuple[uuid.UUID, ...]
    # Staff resolutions replaced by a check-out that arrived from another desk.
    superseded: tuple[uuid.UUID, ...]
    unchanged: int
    double_entries: tuple[DoubleEntry, ...]

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.discarded)


_DERIVED = ("volunteer_id", "started_at", "check_out_event_id", "ended_at", "status")


def _staff_ends(rows: Iterable[AttendanceSession]) -> dict[uuid.UUID, datetime | None]:
    ends: dict[uuid.UUID, datetime | None] = {}
    for row in rows:
        if (
            row.check_in_event_id is not None
            and row.check_out_event_id is None
            and row.resolution in tuple(Resolution)
            and row.status in (SessionStatus.RESOLVED, SessionStatus.DISCARDED)
        ):
            ends[row.check_in_event_id] = (
                row.ended_at if row.status is SessionStatus.RESOLVED else None
            )
    return ends


def rebuild_sessions(
    session: Session, activity_id: uuid.UUID, *, staff: str = SYNC_STAFF
) -> Rebuilt:
    """Derive the activity's attendance sessions again from all its scan events.

    A session keeps its id while its check-in event is the same, and its staff
    resolution while its events did not change; its counted minutes are reset to
    the raw minutes only when its times change.  A session whose check-in became a
    double entry is kept, discarded (resolution ``double_entry``, needs review).
    One audit row names what changed.
    """
    if session.get(Activity, activity_id) is None:
        raise UserError(N_("This activity no longer exists; it may have been deleted."))
    events = session.execute(
        select(
            ScanEvent.id,
            ScanEvent.volunteer_id,
            ScanEvent.device_id,
            ScanEvent.outcome,
            ScanEvent.scanned_at,
        ).where(ScanEvent.activity_id == activity_id, ScanEvent.outcome.in_(ACCEPTED))
    ).all()
    rows = list(
        session.scalars(
            select(AttendanceSession).where(AttendanceSession.activity_id == activity_id)
        )
    )
    pairing = pair_sessions(events, load_rules(session), resolutions=_staff_ends(rows))
    by_check_in = {row.check_in_event_id: row for row in rows if row.check_in_event_id}
    created: list[uuid.UUID] = []
    updated: list[uuid.UUID] = []
    superseded: list[uuid.UUID] = []
    unchanged = 0
    for paired in pairing.sessions:
        row = by_check_in.pop(paired.check_in_event_id, None)
        if row is not None and paired.resolved:
            unchanged += 1  # a staff resolution nothing contradicts
            continue
        wanted: dict[str, object] = {
            "volunteer_id": paired.volunteer_id,
            "started_at": paired.started_at,
            "check_out_event_id": paired.check_out_event_id,
            "ended_at": paired.ended_at,
            "status": SessionStatus.CLOSED if paired.check_out_event_id else SessionStatus.OPEN,
        }
        if row is None:
            row = AttendanceSession(
                id=uuid.uuid4(),
                activity_id=activity_id,
                check_in_event_id=paired.check_in_event_id,
                counted_minutes=paired.minutes or 0,
                needs_review=False,
                **wanted,
            )
            session.add(row)
            created.append(row.id)
            continue
        if all(getattr(row, name) == value for name, value in wanted.items()):
            unchanged += 1
            continue
        if row.resolution in tuple(Resolution):
            superseded.append(row.id)
            row.needs_review = True
        for name, value in wanted.items():
            setattr(row, name, value)
        row.resolution = row.resolved_by = None
        row.counted_minutes = paired.minutes or 0
        updated.append(row.id)
    discarded: list[uuid.UUID] = []
    for row in by_check_in.values():
        if row.status is SessionStatus.DISCARDED and row.resolution == DOUBLE_ENTRY:
            unchanged += 1
            continue
        if row.resolution in tuple(Resolution):
            superseded.append(row.id)
        row.status, row.resolution, row.resolved_by = SessionStatus.DISCARDED, DOUBLE_ENTRY, None
        row.ended_at = row.check_out_event_id = None
        row.counted_minutes, row.needs_review = 0, True
        discarded.append(row.id)
    session.flush()
    result = Rebuilt(
        activity_id,
        tuple(created),
        tuple(updated),
        tuple(discarded),
        tuple(superseded),
        unchanged,
        pairing.double_entries,
    )
    if result.changed:
        audit.record(
            session,
            staff=staff,
            action=f"{ENTITY}.rebuild",
            entity="activity",
            entity_id=activity_id,
            after={
                "created": created,
                "updated": updated,
                "discarded": discarded,
                "superseded_resolutions": superseded,
                "double_entries": len(pairing.double_entries),
            },
        )
    return result


# ----------------------------------------------------------------------------- merging


@dataclass(frozen=True)
class ScanEventRow:
    """One scan event as it travels between desks (every column, plain values)."""

    id: uuid.UUID
    activity_id: uuid.UUID | None
    volunteer_id: uuid.UUID | None
    device_id: str
    source: ScanSource
    outcome: ScanOutcome
    reason: str | None
    payload: str
    scanned_at: datetime
    recorded_at: datetime
    staff_id: uuid.UUID | None = None
    outside_window: bool = False
    backfilled: bool = False


_COLUMNS = tuple(ScanEventRow.__dataclass_fields__)


@dataclass(frozen=True)
class MergeResult:
    inserted: int
    unchanged: int  # already here (same id)
    skipped: dict[str, int]  # by reason: unknown_activity, unknown_volunteer
    rebuilt: tuple[Rebuilt, ...]


def scan_event_rows(session: Session, activity_id: uuid.UUID) -> list[ScanEventRow]:
    """Every scan event of an activity, in time order (ties by id)."""
    query = (
        select(*(getattr(ScanEvent, name) for name in _COLUMNS))
        .where(ScanEvent.activity_id == activity_id)
        .order_by(ScanEvent.scanned_at, ScanEvent.id)
    )
    return [ScanEventRow(*row) for row in session.execute(query)]


def _existing(session: Session, column: Any, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    wanted = sorted(set(ids))
    found: set[uuid.UUID] = set()
    for start in range(0, len(wanted), _CHUNK):
        found.update(
            session.scalars(select(column).where(column.in_(wanted[start : start + _CHUNK])))
        )
    return found


def merge_scan_events(
    session: Session, rows: Iterable[ScanEventRow], *, staff: str = SYNC_STAFF
) -> MergeResult:
    """Add another desk's scan events (idempotent by id), then rebuild the sessions of
    every activity that got new check-ins or check-outs.

    Events of an activity or volunteer unknown here are skipped and counted; a staff
    id unknown here is dropped (the event keeps everything else).
    """
    incoming: dict[uuid.UUID, ScanEventRow] = {}
    for row in rows:
        incoming.setdefault(row.id, row)
    present = _existing(session, ScanEvent.id, incoming)
    new = [row for key, row in incoming.items() if key not in present]
    activities = _existing(session, Activity.id, (r.activity_id for r in new if r.activity_id))
    people = _existing(session, Volunteer.id, (r.volunteer_id for r in new if r.volunteer_id))
    staff_ids = _existing(session, Staff.id, (r.staff_id for r in new if r.staff_id))
    skipped: Counter[str] = Counter()
    values: list[dict[str, Any]] = []
    touched: set[uuid.UUID] = set()
    for row in new:
        if row.activity_id is not None and row.activity_id not in activities:
            skipped["unknown_activity"] += 1
            continue
        if row.volunteer_id is not None and row.volunteer_id not in people:
            skipped["unknown_volunteer"] += 1
            continue
        value = {name: getattr(row, name) for name in _COLUMNS}
        if row.staff_id not in staff_ids:
            value["staff_id"] = None
        values.append(value)
        if row.activity_id is not None and row.outcome in ACCEPTED:
            touched.add(row.activity_id)
    if values:
        session.execute(insert(ScanEvent), values)
    rebuilt = tuple(rebuild_sessions(session, key, staff=staff) for key in sorted(touched))
    return MergeResult(len(values), len(present), dict(skipped), rebuilt)
