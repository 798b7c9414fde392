"""The anomaly queue: attendance that staff should look at before hours count.

Kinds:

* ``open_session`` — still checked in after the activity closed or its window
  (plus grace) ended;
* ``needs_review`` — a session closed automatically (e.g. at the scheduled end)
  and flagged for review;
* ``long_session`` — a session longer than the cap per session;
* ``overlap`` — one volunteer's sessions at two activities share time;
* ``outside_window`` — a check-in or check-out scanned outside the activity's
  window widened by the grace period;
* ``clock_jump`` — a device's scan time went backwards between consecutive scans
  (in the order the desk stored them), so the device clock was changed.

Each item offers the actions that fit it: close at the scheduled end, set the
times by hand, discard the session, or accept it as it stands.  Every resolution
writes an audit row; an accepted item is remembered through that row and leaves
the queue.  Sessions whose hours are already approved are not changed here: a
correction entry does that.  After a change the activity's pending hour entries
are refreshed.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import literal_column, or_, select
from sqlalchemy.orm import Session

from models import audit
from models.clock import as_utc, utcnow
from models.errors import N_, UserError
from models.hour_approvals import clean_reason
from models.hour_recalc import RecalcScope, RefreshResult, load_rules, refresh_session_entries
from models.hour_rules import local_midnight_utc, whole_minutes
from models.intake import org_zone
from models.schema import Activity, AttendanceSession, AuditEntry, HourEntry, ScanEvent, Volunteer
from models.schema.enums import ActivityState, ApprovalStatus, ScanOutcome, SessionStatus
from models.volunteers import clean_staff

CLOCK_JUMP_TOLERANCE = timedelta(minutes=2)
ACCEPT_ACTION = "anomaly.accept"
RESOLVE_ACTION = "attendance_session.resolve"


class AnomalyKind(StrEnum):
    OPEN_SESSION = "open_session"
    NEEDS_REVIEW = "needs_review"
    LONG_SESSION = "long_session"
    OVERLAP = "overlap"
    OUTSIDE_WINDOW = "outside_window"
    CLOCK_JUMP = "clock_jump"


class Action(StrEnum):
    CLOSE_AT_END = "close_at_end"
    SET_TIMES = "set_times"
    DISCARD = "discard"
    ACCEPT = "accept"


_SESSION_ACTIONS = (Action.SET_TIMES, Action.DISCARD, Action.ACCEPT)

DETAILS: dict[AnomalyKind, str] = {
    AnomalyKind.OPEN_SESSION: N_("Still checked in since {start}; the activity has ended."),
    AnomalyKind.NEEDS_REVIEW: N_("Closed automatically at {end}; check the check-out time."),
    AnomalyKind.LONG_SESSION: N_(
        "The session lasted {minutes} minutes, longer than the cap of {cap} minutes."
    ),
    AnomalyKind.OVERLAP: N_("At the same time the volunteer was also checked in at “{title}”."),
    AnomalyKind.OUTSIDE_WINDOW: N_("Scanned at {time}, outside the activity's time ({window})."),
    AnomalyKind.CLOCK_JUMP: N_(
        "Device “{device}” scanned at {time} right after a scan at {previous}: its clock went back."
    ),
}


@dataclass(frozen=True)
class Anomaly:
    """One item of the queue (plain values; pass it back to :func:`resolve`)."""

    kind: AnomalyKind
    subject_id: uuid.UUID  # a session, or for scans the scan event
    session_id: uuid.UUID | None
    other_session_id: uuid.UUID | None
    volunteer_id: uuid.UUID | None
    volunteer_name: str | None
    activity_id: uuid.UUID | None
    activity_title: str | None
    at: datetime
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    actions: tuple[Action, ...] = ()

    @property
    def detail(self) -> str:
        """The English template of the explanation (translate, then ``format(**params)``)."""
        return DETAILS[self.kind]


@dataclass
class _Context:
    session: Session
    zone: Any
    now: datetime
    grace: timedelta
    cap: int
    accepted: set[tuple[str, str, str | None]]
    names: dict[uuid.UUID, str] = field(default_factory=dict)
    reviewed: set[uuid.UUID] = field(default_factory=set)  # approved one by one
    activities: dict[uuid.UUID, Activity] = field(default_factory=dict)

    def fmt(self, at: datetime) -> str:
        return as_utc(at).astimezone(self.zone).strftime("%Y-%m-%d %H:%M")

    def activity(self, activity_id: uuid.UUID | None) -> Activity | None:
        if activity_id is None:
            return None
        if activity_id not in self.activities:
            found = self.session.get(Activity, activity_id)
            if found is None:
                return None
            self.activities[activity_id] = found
        return self.activities[activity_id]

    def name(self, volunteer_id: uuid.UUID | None) -> str | None:
        if volunteer_id is None:
            return None
        if volunteer_id not in self.names:
            self.names[volunteer_id] = (
                self.session.scalar(select(Volunteer.name).where(Volunteer.id == volunteer_id))
                or "?"
            )
        return self.names[volunteer_id]

    def item(
        self,
        kind: AnomalyKind,
        subject: uuid.UUID,
        row: AttendanceSession | None,
        at: datetime,
        actions: tuple[Action, ...],
        *,
        other: uuid.UUID | None = None,
        volunteer_id: uuid.UUID | None = None,
        activity_id: uuid.UUID | None = None,
        **params: Any,
    ) -> Anomaly | None:
        other_key = None if other is None else str(other)
        if (kind.value, str(subject), other_key) in self.accepted:
            return None
        volunteer_id = row.volunteer_id if row is not None else volunteer_id
        activity_id = row.activity_id if row is not None else activity_id
        activity = self.activity(activity_id)
        return Anomaly(
            kind,
            subject,
            row.id if row is not None else None,
            other,
            volunteer_id,
            self.name(volunteer_id),
            activity_id,
            activity.title if activity is not None else None,
            at,
            params,
            actions,
        )


def _accepted(session: Session) -> set[tuple[str, str, str | None]]:
    found: set[tuple[str, str, str | None]] = set()
    for entity_id, after in session.execute(
        select(AuditEntry.entity_id, AuditEntry.after).where(AuditEntry.action == ACCEPT_ACTION)
    ):
        if isinstance(after, dict) and entity_id:
            found.add((str(after.get("kind")), entity_id, after.get("other")))
    return found


# ----------------------------------------------------------------------------- listing


def list_anomalies(
    session: Session,
    *,
    activity_id: uuid.UUID | None = None,
    start: date | None = None,
    end: date | None = None,
    kinds: Iterable[AnomalyKind] | None = None,
    now: datetime | None = None,
) -> list[Anomaly]:
    """The open items, oldest first; ``start``/``end`` are local dates (inclusive)."""
    rules = load_rules(session)
    ctx = _Context(
        session,
        org_zone(session),
        as_utc(now or utcnow()),
        timedelta(minutes=rules.grace_minutes),
        rules.cap_session_minutes,
        _accepted(session),
    )
    wanted = set(kinds) if kinds is not None else set(AnomalyKind)
    scope = RecalcScope(activity_id, start, end)
    query = select(AttendanceSession).where(AttendanceSession.status != SessionStatus.DISCARDED)
    query = _in_scope(query, AttendanceSession, AttendanceSession.started_at, scope, ctx)
    rows = list(session.scalars(query.order_by(AttendanceSession.started_at)))
    ctx.reviewed = _approved_sessions(session, [r.id for r in rows if r.needs_review])
    items: list[Anomaly | None] = []
    for row in rows:
        items += _session_items(ctx, row, wanted)
    if AnomalyKind.OVERLAP in wanted:
        items += _overlaps(ctx, rows, scope)
    if wanted & {AnomalyKind.OUTSIDE_WINDOW, AnomalyKind.CLOCK_JUMP}:
        items += _scan_items(ctx, scope, wanted)
    found = [i for i in items if i is not None]
    found.sort(key=lambda a: (as_utc(a.at), a.kind.value))
    return found


def _approved_sessions(session: Session, ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
    """Sessions with approved hours: approving them one by one was the review."""
    found: set[uuid.UUID] = set()
    for index in range(0, len(ids), 500):
        found.update(
            i
            for i in session.scalars(
                select(HourEntry.session_id).where(
                    HourEntry.session_id.in_(ids[index : index + 500]),
                    HourEntry.status == ApprovalStatus.APPROVED,
                )
            )
            if i is not None
        )
    return found


def _in_scope(query: Any, model: Any, column: Any, scope: RecalcScope, ctx: _Context) -> Any:
    if scope.activity_id is not None:
        query = query.where(model.activity_id == scope.activity_id)
    if scope.start is not None:
        query = query.where(column >= local_midnight_utc(scope.start, ctx.zone))
    if scope.end is not None:
        query = query.where(column < local_midnight_utc(scope.end + timedelta(days=1), ctx.zone))
    return query


def _session_items(
    ctx: _Context, row: AttendanceSession, wanted: set[AnomalyKind]
) -> list[Anomaly | None]:
    activity = ctx.activity(row.activity_id)
    items: list[Anomaly | None] = []
    if row.status is SessionStatus.OPEN:
        ended = activity is not None and (
            activity.state in (ActivityState.CLOSED, ActivityState.EXPORTED)
            or ctx.now > as_utc(activity.ends_at) + ctx.grace
        )
        if ended and AnomalyKind.OPEN_SESSION in wanted:
            actions = (Action.CLOSE_AT_END, Action.SET_TIMES, Action.DISCARD)
            items.append(
                ctx.item(
                    AnomalyKind.OPEN_SESSION,
                    row.id,
                    row,
                    row.started_at,
                    actions,
                    start=ctx.fmt(row.started_at),
                )
            )
        return items
    assert row.ended_at is not None
    if row.needs_review and row.id not in ctx.reviewed and AnomalyKind.NEEDS_REVIEW in wanted:
        items.append(
            ctx.item(
                AnomalyKind.NEEDS_REVIEW,
                row.id,
                row,
                row.started_at,
                _SESSION_ACTIONS,
                end=ctx.fmt(row.ended_at),
            )
        )
    minutes = whole_minutes(row.started_at, row.ended_at)
    if ctx.cap and minutes > ctx.cap and AnomalyKind.LONG_SESSION in wanted:
        items.append(
            ctx.item(
                AnomalyKind.LONG_SESSION,
                row.id,
                row,
                row.started_at,
                _SESSION_ACTIONS,
                minutes=minutes,
                cap=ctx.cap,
            )
        )
    return items


def _overlaps(
    ctx: _Context, rows: Sequence[AttendanceSession], scope: RecalcScope
) -> list[Anomaly | None]:
    volunteers = {r.volunteer_id for r in rows}
    in_scope: set[uuid.UUID] | None = None
    if scope.activity_id is not None and volunteers:
        # Sessions elsewhere of the same volunteers may overlap this activity's.
        more = select(AttendanceSession).where(
            AttendanceSession.status != SessionStatus.DISCARDED,
            AttendanceSession.volunteer_id.in_(sorted(volunteers)),
            AttendanceSession.activity_id != scope.activity_id,
        )
        in_scope = {r.id for r in rows}
        rows = [*rows, *ctx.session.scalars(more)]
    by_volunteer: dict[uuid.UUID, list[AttendanceSession]] = defaultdict(list)
    for row in rows:
        by_volunteer[row.volunteer_id].append(row)
    items: list[Anomaly | None] = []
    for group in by_volunteer.values():
        group.sort(key=lambda r: as_utc(r.started_at))
        for index, first in enumerate(group):
            first_end = as_utc(first.ended_at) if first.ended_at else ctx.now
            for second in group[index + 1 :]:
                if as_utc(second.started_at) >= first_end:
                    break
                if second.activity_id == first.activity_id:
                    continue
                if in_scope is not None and not {first.id, second.id} & in_scope:
                    continue
                a, b = sorted((first, second), key=lambda r: str(r.id))
                items.append(_overlap_item(ctx, a, b, second.started_at))
    return items


def _overlap_item(
    ctx: _Context, a: AttendanceSession, b: AttendanceSession, at: datetime
) -> Anomaly | None:
    other = ctx.activity(b.activity_id)
    return ctx.item(
        AnomalyKind.OVERLAP,
        a.id,
        a,
        at,
        _SESSION_ACTIONS,
        other=b.id,
        title=other.title if other is not None else "?",
    )


def _scan_order(session: Session) -> Any:
    """The order the desk stored scans in: SQLite's rowid, else the recording time."""
    if session.get_bind().dialect.name == "sqlite":
        return literal_column("scan_event.rowid")
    return ScanEvent.recorded_at


def _scan_items(
    ctx: _Context, scope: RecalcScope, wanted: set[AnomalyKind]
) -> list[Anomaly | None]:
    query = select(ScanEvent).where(ScanEvent.backfilled.is_(False))
    query = _in_scope(query, ScanEvent, ScanEvent.scanned_at, scope, ctx)
    scans = list(ctx.session.scalars(query.order_by(ScanEvent.device_id, _scan_order(ctx.session))))
    counted = [s for s in scans if s.outcome in (ScanOutcome.CHECK_IN, ScanOutcome.CHECK_OUT)]
    owners = _sessions_of_scans(ctx.session, [s.id for s in counted])
    items: list[Anomaly | None] = []
    if AnomalyKind.OUTSIDE_WINDOW in wanted:
        for scan in counted:
            activity = ctx.activity(scan.activity_id)
            if activity is None:
                continue
            low = as_utc(activity.starts_at) - ctx.grace
            high = as_utc(activity.ends_at) + ctx.grace
            if scan.outside_window or not low <= as_utc(scan.scanned_at) <= high:
                items.append(_scan_item(ctx, AnomalyKind.OUTSIDE_WINDOW, scan, owners, activity))
    if AnomalyKind.CLOCK_JUMP in wanted:
        previous: ScanEvent | None = None
        for scan in scans:
            if (
                previous is not None
                and previous.device_id == scan.device_id
                and as_utc(scan.scanned_at) < as_utc(previous.scanned_at) - CLOCK_JUMP_TOLERANCE
            ):
                items.append(
                    _scan_item(
                        ctx,
                        AnomalyKind.CLOCK_JUMP,
                        scan,
                        owners,
                        None,
                        device=scan.device_id,
                        previous=ctx.fmt(previous.scanned_at),
                    )
                )
            previous = scan
    return items


def _sessions_of_scans(
    session: Session, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, AttendanceSession]:
    owners: dict[uuid.UUID, AttendanceSession] = {}
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        for row in session.scalars(
            select(AttendanceSession).where(
                or_(
                    AttendanceSession.check_in_event_id.in_(part),
                    AttendanceSession.check_out_event_id.in_(part),
                )
            )
        ):
            for event_id in (row.check_in_event_id, row.check_out_event_id):
                if event_id is not None:
                    owners[event_id] = row
    return owners


def _scan_item(
    ctx: _Context,
    kind: AnomalyKind,
    scan: ScanEvent,
    owners: dict[uuid.UUID, AttendanceSession],
    activity: Activity | None,
    **params: Any,
) -> Anomaly | None:
    row = owners.get(scan.id)
    if row is not None and row.status is SessionStatus.DISCARDED:
        return None
    actions = _SESSION_ACTIONS if row is not None else (Action.ACCEPT,)
    if activity is not None:
        params["window"] = (
            f"{ctx.fmt(activity.starts_at)}–{as_utc(activity.ends_at).astimezone(ctx.zone):%H:%M}"
        )
    return ctx.item(
        kind,
        scan.id,
        row,
        scan.scanned_at,
        actions,
        volunteer_id=scan.volunteer_id,
        activity_id=scan.activity_id,
        time=ctx.fmt(scan.scanned_at),
        **params,
    )


# ----------------------------------------------------------------------------- resolving


@dataclass(frozen=True)
class Resolution:
    """What resolving an item did."""

    kind: AnomalyKind
    action: Action
    session_id: uuid.UUID | None
    entries: RefreshResult | None


def _session_state(row: AttendanceSession) -> dict[str, Any]:
    return {
        "status": row.status,
        "started_at": row.started_at,
        "ended_at": row.ended_at,
        "resolution": row.resolution,
        "resolved_by": row.resolved_by,
        "needs_review": row.needs_review,
    }


def _refuse_locked(session: Session, row: AttendanceSession) -> None:
    approved = session.scalar(
        select(HourEntry.id).where(
            HourEntry.session_id == row.id, HourEntry.status == ApprovalStatus.APPROVED
        )
    )
    if approved is not None:
        raise UserError(
            N_(
                "Hours from this session are already approved; change them with a "
                "correction instead."
            )
        )


def _target(
    session: Session, item: Anomaly, target_session_id: uuid.UUID | None
) -> AttendanceSession:
    choices = {i for i in (item.session_id, item.other_session_id) if i is not None}
    wanted = target_session_id or item.session_id
    if wanted is None or wanted not in choices:
        raise UserError(N_("Choose which attendance to change."))
    row = session.get(AttendanceSession, wanted)
    if row is None:
        raise UserError(N_("This attendance no longer exists; refresh the list."))
    return row


def resolve(
    session: Session,
    item: Anomaly,
    action: Action,
    *,
    staff: str,
    reason: str | None = None,
    started_at: datetime | None = None,
    ended_at: datetime | None = None,
    target_session_id: uuid.UUID | None = None,
    now: datetime | None = None,
) -> Resolution:
    """Resolve one queue item with one of its actions; audited.

    ``set_times`` needs ``ended_at`` (``started_at`` optional) and a reason;
    ``discard`` needs a reason; for an overlap ``target_session_id`` says which
    of the two sessions to change.
    """
    staff = clean_staff(staff)
    if action not in item.actions:
        raise UserError(N_("This action does not apply to this item."))
    moment = as_utc(now or utcnow())
    if action is Action.ACCEPT and item.kind is not AnomalyKind.NEEDS_REVIEW:
        note = " ".join((reason or "").split()) or None
        entity = "scan_event" if item.session_id != item.subject_id else "attendance_session"
        audit.record(
            session,
            staff=staff,
            action=ACCEPT_ACTION,
            entity=entity,
            entity_id=item.subject_id,
            after={"kind": item.kind, "other": item.other_session_id},
            reason=note,
        )
        return Resolution(item.kind, action, None, None)
    row = _target(session, item, target_session_id)
    before = _session_state(row)
    text: str | None = None
    if action is Action.ACCEPT:
        row.needs_review = False
    elif action is Action.CLOSE_AT_END:
        if row.status is not SessionStatus.OPEN:
            raise UserError(N_("This volunteer has already been checked out; refresh the list."))
        activity = session.get(Activity, row.activity_id)
        assert activity is not None
        end = max(as_utc(activity.ends_at), as_utc(row.started_at))
        _close(row, end, "scheduled_end", staff)
    elif action is Action.SET_TIMES:
        _refuse_locked(session, row)
        text = clean_reason(reason, N_("Give a reason for changing the times."))
        start = as_utc(started_at or row.started_at)
        if ended_at is None:
            raise UserError(N_("Enter the check-out time."))
        end = as_utc(ended_at)
        if end <= start:
            raise UserError(N_("The check-out must be after the check-in."))
        if end > moment:
            raise UserError(N_("The check-out cannot be in the future."))
        row.started_at = start
        _close(row, end, "manual_time", staff)
    else:
        _refuse_locked(session, row)
        text = clean_reason(reason, N_("Give a reason for discarding this attendance."))
        row.status = SessionStatus.DISCARDED
        row.resolution = "discarded"
        row.resolved_by = staff
        row.needs_review = False
    session.flush()
    audit.record(
        session,
        staff=staff,
        action=RESOLVE_ACTION,
        entity="attendance_session",
        entity_id=row.id,
        before=before,
        after={**_session_state(row), "anomaly": item.kind, "action": action},
        reason=text,
    )
    refreshed = refresh_session_entries(session, row.activity_id, staff=staff, now=moment)
    return Resolution(item.kind, action, row.id, refreshed)


def _close(row: AttendanceSession, end: datetime, how: str, staff: str) -> None:
    row.ended_at = end
    row.status = SessionStatus.RESOLVED
    row.resolution = how
    row.resolved_by = staff
    row.needs_review = False
    row.counted_minutes = whole_minutes(row.started_at, end)
