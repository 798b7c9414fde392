"""Activities: creating and editing them, their states, the list and the detail.

An activity goes draft → open → closed → exported.  Only an open activity takes
scans; a closed one can be reopened by staff with a reason (audited); an exported
one is final.  Times are entered as a local day with a start and end time and kept
in UTC; the organisation's time zone converts between them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from models import audit, feedback
from models.clock import utcnow
from models.errors import N_, UserError
from models.intake import clean_text, org_zone
from models.schema import (
    Activity,
    ActivityFeedback,
    AttendanceSession,
    CorrectionRequest,
    HourEntry,
    Registration,
    ScanEvent,
    Store,
    Volunteer,
)
from models.schema.enums import ActivityState, SessionStatus
from models.volunteers import clean_staff

MAX_TITLE = 200
MAX_KIND = 60
MAX_LOCATION = 300
MAX_TAG = 60
MAX_DESCRIPTION = 5000
MAX_REASON = 500
MIN_CAPACITY = 1
MAX_CAPACITY = 10_000

ENTITY = "activity"

#: Fields an edit can change, in the order the audit log lists them.
EDITABLE_FIELDS: tuple[str, ...] = (
    "title",
    "kind",
    "description",
    "starts_at",
    "ends_at",
    "location",
    "store_id",
    "capacity",
    "scheduled_minutes",
    "programme_tag",
    "walk_ins_allowed",
)

# Transition names, as the GUI's buttons know them.
OPEN = "open"
CLOSE = "close"
REOPEN = "reopen"
EXPORT = "export"

_ALLOWED: dict[ActivityState, tuple[str, ...]] = {
    ActivityState.DRAFT: (OPEN,),
    ActivityState.OPEN: (CLOSE,),
    ActivityState.CLOSED: (REOPEN,),
    ActivityState.EXPORTED: (),
}

# One full sentence per refused (transition, current state), so each translates
# whole and names the current state in plain words.
_REFUSED: dict[tuple[str, ActivityState], str] = {
    (OPEN, ActivityState.OPEN): N_("This activity is already open."),
    (OPEN, ActivityState.CLOSED): N_(
        "This activity is closed; reopen it with a reason instead of opening it."
    ),
    (OPEN, ActivityState.EXPORTED): N_("This activity is exported and can no longer be opened."),
    (CLOSE, ActivityState.DRAFT): N_(
        "This activity is still a draft; only an open activity can be closed."
    ),
    (CLOSE, ActivityState.CLOSED): N_("This activity is already closed."),
    (CLOSE, ActivityState.EXPORTED): N_(
        "This activity is exported; it was closed before it was exported."
    ),
    (REOPEN, ActivityState.DRAFT): N_(
        "This activity is still a draft; open it instead of reopening it."
    ),
    (REOPEN, ActivityState.OPEN): N_("This activity is already open."),
    (REOPEN, ActivityState.EXPORTED): N_(
        "This activity is exported; an exported activity cannot be reopened."
    ),
    (EXPORT, ActivityState.DRAFT): N_(
        "“{title}” is still a draft; only a closed activity can be marked exported."
    ),
    (EXPORT, ActivityState.OPEN): N_("“{title}” is open; close it before marking it exported."),
    (EXPORT, ActivityState.EXPORTED): N_("“{title}” is already exported."),
}

_NOT_EDITABLE: dict[ActivityState, str] = {
    ActivityState.CLOSED: N_("This activity is closed; reopen it with a reason to edit it."),
    ActivityState.EXPORTED: N_("This activity is exported; it can no longer be edited."),
}


# ----------------------------------------------------------------------------- data


@dataclass(frozen=True)
class ActivityData:
    """What the activity form edits; day, start and end are local to the organisation."""

    title: str
    kind: str
    description: str | None
    day: date
    start: time
    end: time
    location: str | None = None
    store_id: uuid.UUID | None = None
    capacity: int | None = None
    # None: the whole window from start to end.
    scheduled_minutes: int | None = None
    programme_tag: str | None = None
    walk_ins_allowed: bool = True


@dataclass(frozen=True)
class Change:
    """What ``update_activity`` changed (``changed`` is empty when nothing did)."""

    activity_id: uuid.UUID
    changed: tuple[str, ...]
    before: Mapping[str, Any] = field(default_factory=dict)
    after: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ActivityRow:
    id: uuid.UUID
    title: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    state: ActivityState
    location: str | None
    capacity: int | None
    registered: int
    attendances: int
    checked_in_now: int
    walk_ins_allowed: bool


@dataclass(frozen=True)
class RosterEntry:
    volunteer_id: uuid.UUID
    code: str
    name: str
    phone: str | None
    programme_id: str | None
    source: str
    attended: bool


class CheckedIn(NamedTuple):
    """Someone checked in and not yet out (an open attendance session)."""

    name: str
    started_at: datetime


@dataclass(frozen=True)
class ActivityDetail(ActivityRow):
    """A row of the list, and what the detail pane shows besides."""

    description: str | None
    programme_tag: str | None
    store_id: uuid.UUID | None
    store: str | None  # "S01 静安旗舰店"
    scheduled_minutes: int
    closed_at: datetime | None
    roster: tuple[RosterEntry, ...]
    checked_in: tuple[CheckedIn, ...]
    has_feedback: bool

    @property
    def allowed_transitions(self) -> tuple[str, ...]:
        return allowed_transitions(self.state)


@dataclass(frozen=True)
class _Clean:
    title: str
    kind: str
    description: str | None
    starts_at: datetime
    ends_at: datetime
    location: str | None
    store_id: uuid.UUID | None
    capacity: int | None
    scheduled_minutes: int
    programme_tag: str | None
    walk_ins_allowed: bool

    def values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in EDITABLE_FIELDS}


# ----------------------------------------------------------------------------- helpers


def allowed_transitions(state: ActivityState | str) -> tuple[str, ...]:
    """The transitions the GUI may offer for an activity in ``state``."""
    return _ALLOWED[ActivityState(state)]


def local_to_utc(day: date, at: time, zone: ZoneInfo) -> datetime:
    """A local wall-clock time on ``day`` in ``zone``, as aware UTC."""
    return datetime.combine(day, at.replace(tzinfo=None), tzinfo=zone).astimezone(UTC)


def _optional(text: str | None, limit: int, too_long: str) -> str | None:
    value = clean_text(text)
    if len(value) > limit:
        raise UserError(too_long, limit=limit)
    return value or None


def _clean(session: Session, data: ActivityData) -> _Clean:
    title = " ".join(clean_text(data.title).split())
    if not title:
        raise UserError(N_("Enter a title for the activity."))
    if len(title) > MAX_TITLE:
        raise UserError(N_("A title has at most {limit} characters."), limit=MAX_TITLE)
    kind = " ".join(clean_text(data.kind).split())
    if len(kind) > MAX_KIND:
        raise UserError(N_("An activity type has at most {limit} characters."), limit=MAX_KIND)
    description = (data.description or "").strip() or None
    if description is not None and len(description) > MAX_DESCRIPTION:
        raise UserError(N_("A description has at most {limit} characters."), limit=MAX_DESCRIPTION)
    location = _optional(data.location, MAX_LOCATION, N_("A place has at most {limit} characters."))
    tag = _optional(
        data.programme_tag, MAX_TAG, N_("A programme tag has at most {limit} characters.")
    )

    zone = org_zone(session)
    starts_at = local_to_utc(data.day, data.start, zone)
    ends_at = local_to_utc(data.day, data.end, zone)
    if ends_at <= starts_at:
        raise UserError(
            N_("The activity must end after it starts (from {start} to {end})."),
            start=data.start.strftime("%H:%M"),
            end=data.end.strftime("%H:%M"),
        )
    window = int((ends_at - starts_at) // timedelta(minutes=1))

    capacity = data.capacity
    if capacity is not None and not MIN_CAPACITY <= capacity <= MAX_CAPACITY:
        raise UserError(
            N_("Capacity must be between {low} and {high} people, or left empty for no limit."),
            low=MIN_CAPACITY,
            high=f"{MAX_CAPACITY:,}",
        )

    minutes = window if data.scheduled_minutes is None else data.scheduled_minutes
    if minutes < 0:
        raise UserError(N_("Scheduled hours cannot be negative."))
    if minutes > window:
        raise UserError(
            N_(
                "Scheduled hours ({scheduled} minutes) cannot be longer than the activity "
                "itself ({window} minutes)."
            ),
            scheduled=minutes,
            window=window,
        )

    if data.store_id is not None and session.get(Store, data.store_id) is None:
        raise UserError(N_("The chosen store no longer exists; choose another."))

    return _Clean(
        title=title,
        kind=kind,
        description=description,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location,
        store_id=data.store_id,
        capacity=capacity,
        scheduled_minutes=minutes,
        programme_tag=tag,
        walk_ins_allowed=bool(data.walk_ins_allowed),
    )


def _clean_reason(reason: str | None) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise UserError(N_("Give a reason for reopening the activity."))
    if len(text) > MAX_REASON:
        raise UserError(N_("The reason has at most {limit} characters."), limit=MAX_REASON)
    return text


def _load(session: Session, activity_id: uuid.UUID) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise UserError(N_("This activity no longer exists; it may have been deleted."))
    return activity


def _snapshot(activity: Activity, names: Sequence[str] = EDITABLE_FIELDS) -> dict[str, Any]:
    return {name: getattr(activity, name) for name in names}


def _refuse(transition: str, activity: Activity) -> UserError:
    return UserError(
        _REFUSED[(transition, activity.state)],
        title=activity.title,
        state=activity.state.value,
    )


def _transition(
    session: Session,
    activity: Activity,
    *,
    staff: str,
    transition: str,
    to: ActivityState,
    reason: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> None:
    before = activity.state
    activity.state = to
    audit.record(
        session,
        staff=staff,
        action=f"{ENTITY}.{transition}",
        entity=ENTITY,
        entity_id=activity.id,
        before={"state": before},
        after={"state": to, **(extra or {})},
        reason=reason,
    )


def _count(session: Session, model: Any, activity_id: uuid.UUID, *extra: Any) -> int:
    query = select(func.count()).select_from(model).where(model.activity_id == activity_id)
    return int(session.scalar(query.where(*extra)) or 0)


def open_session_count(session: Session, activity_id: uuid.UUID) -> int:
    """How many volunteers are still checked in (open attendance sessions)."""
    return _count(
        session,
        AttendanceSession,
        activity_id,
        AttendanceSession.status == SessionStatus.OPEN,
    )


# ----------------------------------------------------------------------------- editing


def create_activity(session: Session, data: ActivityData, *, staff: str) -> uuid.UUID:
    """Add a draft activity; returns its id."""
    staff = clean_staff(staff)
    clean = _clean(session, data)
    activity = Activity(id=uuid.uuid4(), state=ActivityState.DRAFT, **clean.values())
    session.add(activity)
    session.flush()
    audit.record(
        session,
        staff=staff,
        action=f"{ENTITY}.create",
        entity=ENTITY,
        entity_id=activity.id,
        after={**clean.values(), "state": ActivityState.DRAFT},
    )
    return activity.id


def update_activity(
    session: Session, activity_id: uuid.UUID, data: ActivityData, *, staff: str
) -> Change:
    """Save an edit of a draft or open activity; audited with the changed fields only."""
    staff = clean_staff(staff)
    activity = _load(session, activity_id)
    if activity.state in _NOT_EDITABLE:
        raise UserError(_NOT_EDITABLE[activity.state], state=activity.state.value)
    new = _clean(session, data).values()
    changed = tuple(name for name in EDITABLE_FIELDS if getattr(activity, name) != new[name])
    if not changed:
        return Change(activity.id, ())
    before = _snapshot(activity, changed)
    after = {name: new[name] for name in changed}
    for name in changed:
        setattr(activity, name, new[name])
    session.flush()
    audit.record(
        session,
        staff=staff,
        action=f"{ENTITY}.update",
        entity=ENTITY,
        entity_id=activity.id,
        before=before,
        after=after,
    )
    return Change(activity.id, changed, before, after)


def delete_draft(session: Session, activity_id: uuid.UUID, *, staff: str) -> None:
    """Delete a draft that nobody registered for or scanned at; audited."""
    staff = clean_staff(staff)
    activity = _load(session, activity_id)
    if activity.state is not ActivityState.DRAFT:
        raise UserError(
            N_("Only a draft activity can be deleted; this one is {state}."),
            state=activity.state.value,
        )
    used = sum(
        _count(session, model, activity.id)
        for model in (
            Registration,
            ScanEvent,
            AttendanceSession,
            HourEntry,
            CorrectionRequest,
            ActivityFeedback,
        )
    )
    if used:
        raise UserError(
            N_("This draft already has registrations, scans or hours, so it cannot be deleted.")
        )
    before = {**_snapshot(activity), "state": activity.state}
    session.delete(activity)
    session.flush()
    audit.record(
        session,
        staff=staff,
        action=f"{ENTITY}.delete",
        entity=ENTITY,
        entity_id=activity_id,
        before=before,
    )


# ----------------------------------------------------------------------------- states


def open_activity(session: Session, activity_id: uuid.UUID, *, staff: str) -> None:
    """Draft → open: the activity now takes scans."""
    staff = clean_staff(staff)
    activity = _load(session, activity_id)
    if activity.state is not ActivityState.DRAFT:
        raise _refuse(OPEN, activity)
    _transition(session, activity, staff=staff, transition=OPEN, to=ActivityState.OPEN)
    session.flush()


def close_activity(
    session: Session,
    activity_id: uuid.UUID,
    *,
    staff: str,
    force: bool = False,
    now: datetime | None = None,
) -> None:
    """Open → closed.

    Refused until the activity feedback is given or waived with a reason
    (:func:`models.feedback.require_feedback`), and while volunteers are still
    checked in: the kiosk's close dialog resolves their sessions first.  ``force``
    closes anyway with people checked in (never without feedback); the open sessions
    stay open, listed in the detail for staff to resolve, and their count is in the
    audit row.
    """
    staff = clean_staff(staff)
    activity = _load(session, activity_id)
    if activity.state is not ActivityState.OPEN:
        raise _refuse(CLOSE, activity)
    feedback.require_feedback(session, activity.id)
    still_in = open_session_count(session, activity.id)
    if still_in and not force:
        raise UserError(
            N_(
                "{count} volunteer(s) are still checked in. Resolve their check-outs "
                "before closing the activity."
            ),
            count=still_in,
        )
    activity.closed_at = now or utcnow()
    _transition(
        session,
        activity,
        staff=staff,
        transition=CLOSE,
        to=ActivityState.CLOSED,
        extra={"closed_at": activity.closed_at, "open_sessions": still_in},
    )
    session.flush()
    # The closed sessions become pending hour entries under the hour rules.
    from models import hours

    hours.refresh_session_entries(session, activity.id, staff=staff)


def reopen_activity(session: Session, activity_id: uuid.UUID, *, staff: str, reason: str) -> None:
    """Closed → open again, with a reason kept in the audit log."""
    staff = clean_staff(staff)
    activity = _load(session, activity_id)
    if activity.state is not ActivityState.CLOSED:
        raise _refuse(REOPEN, activity)
    text = _clean_reason(reason)
    closed_at = activity.closed_at
    activity.closed_at = None
    _transition(
        session,
        activity,
        staff=staff,
        transition=REOPEN,
        to=ActivityState.OPEN,
        reason=text,
        extra={"previously_closed_at": closed_at},
    )
    session.flush()


def mark_exported(session: Session, ids: Iterable[uuid.UUID], *, staff: str) -> int:
    """Closed → exported for every id (all or none); returns how many were marked."""
    staff = clean_staff(staff)
    activities = [_load(session, activity_id) for activity_id in dict.fromkeys(ids)]
    for activity in activities:
        if activity.state is not ActivityState.CLOSED:
            raise _refuse(EXPORT, activity)
    for activity in activities:
        _transition(session, activity, staff=staff, transition=EXPORT, to=ActivityState.EXPORTED)
    session.flush()
    return len(activities)


# ----------------------------------------------------------------------------- reading


def _counts(model: Any, *where: Any) -> Any:
    return (
        select(model.activity_id.label("activity_id"), func.count().label("n"))
        .where(*where)
        .group_by(model.activity_id)
        .subquery()
    )


def _rows_query() -> Any:
    registered = _counts(Registration)
    attended = _counts(AttendanceSession, AttendanceSession.status != SessionStatus.DISCARDED)
    open_now = _counts(AttendanceSession, AttendanceSession.status == SessionStatus.OPEN)
    return (
        select(
            Activity,
            func.coalesce(registered.c.n, 0),
            func.coalesce(attended.c.n, 0),
            func.coalesce(open_now.c.n, 0),
        )
        .outerjoin(registered, registered.c.activity_id == Activity.id)
        .outerjoin(attended, attended.c.activity_id == Activity.id)
        .outerjoin(open_now, open_now.c.activity_id == Activity.id)
    )


def _row(activity: Activity, registered: int, attendances: int, open_now: int) -> ActivityRow:
    return ActivityRow(
        id=activity.id,
        title=activity.title,
        kind=activity.kind,
        starts_at=activity.starts_at,
        ends_at=activity.ends_at,
        state=activity.state,
        location=activity.location,
        capacity=activity.capacity,
        registered=int(registered),
        attendances=int(attendances),
        checked_in_now=int(open_now),
        walk_ins_allowed=activity.walk_ins_allowed,
    )


def list_activities(
    session: Session,
    *,
    states: Iterable[ActivityState | str] = (),
    date_from: date | None = None,
    date_to: date | None = None,
    text: str = "",
    limit: int = 500,
) -> list[ActivityRow]:
    """Activities for the screen, newest first.

    ``date_from`` / ``date_to`` are local days (inclusive) of the activity's start;
    ``text`` matches title, type, place or programme tag.
    """
    query = _rows_query()
    wanted = [ActivityState(state) for state in states]
    if wanted:
        query = query.where(Activity.state.in_(wanted))
    zone = org_zone(session)
    if date_from is not None:
        query = query.where(Activity.starts_at >= local_to_utc(date_from, time(0), zone))
    if date_to is not None:
        next_day = date_to + timedelta(days=1)
        query = query.where(Activity.starts_at < local_to_utc(next_day, time(0), zone))
    needle = " ".join(clean_text(text).split())
    if needle:
        query = query.where(
            or_(
                *(
                    column.contains(needle, autoescape=True)
                    for column in (
                        Activity.title,
                        Activity.kind,
                        Activity.location,
                        Activity.programme_tag,
                    )
                )
            )
        )
    query = query.order_by(Activity.starts_at.desc(), Activity.title).limit(limit)
    return [_row(*row) for row in session.execute(query)]


def activity_detail(session: Session, activity_id: uuid.UUID) -> ActivityDetail:
    """Everything the detail pane shows: fields, counts, roster, who is checked in."""
    found = session.execute(_rows_query().where(Activity.id == activity_id)).first()
    if found is None:
        raise UserError(N_("This activity no longer exists; it may have been deleted."))
    activity: Activity = found[0]
    row = _row(activity, found[1], found[2], found[3])

    store_label: str | None = None
    if activity.store_id is not None:
        store = session.get(Store, activity.store_id)
        if store is not None:
            store_label = f"{store.code} {store.name}"

    attended_ids = set(
        session.scalars(
            select(AttendanceSession.volunteer_id).where(
                AttendanceSession.activity_id == activity.id,
                AttendanceSession.status != SessionStatus.DISCARDED,
            )
        )
    )
    roster = tuple(
        RosterEntry(
            volunteer_id=volunteer.id,
            code=volunteer.code,
            name=volunteer.name,
            phone=volunteer.phone,
            programme_id=registration.programme_id or volunteer.programme_id,
            source=registration.source,
            attended=volunteer.id in attended_ids,
        )
        for registration, volunteer in session.execute(
            select(Registration, Volunteer)
            .join(Volunteer, Volunteer.id == Registration.volunteer_id)
            .where(Registration.activity_id == activity.id)
            .order_by(Volunteer.name, Volunteer.code)
        )
    )
    checked_in = tuple(
        CheckedIn(name, started_at)
        for name, started_at in session.execute(
            select(Volunteer.name, AttendanceSession.started_at)
            .join(Volunteer, Volunteer.id == AttendanceSession.volunteer_id)
            .where(
                AttendanceSession.activity_id == activity.id,
                AttendanceSession.status == SessionStatus.OPEN,
            )
            .order_by(AttendanceSession.started_at, Volunteer.name)
        )
    )
    has_feedback = _count(session, ActivityFeedback, activity.id) > 0
    return ActivityDetail(
        **{name: getattr(row, name) for name in ActivityRow.__dataclass_fields__},
        description=activity.description,
        programme_tag=activity.programme_tag,
        store_id=activity.store_id,
        store=store_label,
        scheduled_minutes=activity.scheduled_minutes,
        closed_at=activity.closed_at,
        roster=roster,
        checked_in=checked_in,
        has_feedback=has_feedback,
    )
