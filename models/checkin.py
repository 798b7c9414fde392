"""Check-in at the kiosk: what a scan means for attendance, answered and recorded.

Shared by the kiosk screen and ``partner-desk checkin`` (DESIGN.md "Check-in rules").
Per activity and volunteer the first scan checks in, a scan after the minimum
interval checks out, a repeat inside the debounce window is answered and not counted,
and after a check-out a new scan starts a new session.  Every scan writes exactly one
``ScanEvent`` (accepted, duplicate or rejected, with its reason) and gets exactly one
``ScanAnswer``; no payload makes ``record_scan`` raise.

Every function writes inside the caller's transaction (``Database.transaction()``,
BEGIN IMMEDIATE, ``synchronous=FULL``): the kiosk shows the answer after the commit.
Who is in, closing sessions, and deriving sessions from several desks' events live
in ``models.checkin_sessions``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, ClassVar, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from models import codes, scan_meaning, settings, volunteers
from models.clock import as_utc, utcnow
from models.errors import N_, UserError
from models.intake import clean_text, org_zone, staff_id_for
from models.scan_meaning import Meaning
from models.schema import Activity, AttendanceSession, Registration, ScanEvent, Volunteer
from models.schema.enums import ActivityState, ScanOutcome, ScanSource, SessionStatus

MAX_PAYLOAD = 200  # ScanEvent.payload
MAX_DEVICE = 64  # ScanEvent.device_id
ACCEPTED = (ScanOutcome.CHECK_IN, ScanOutcome.CHECK_OUT)


class KioskMode(StrEnum):
    BOTH = "both"
    ENTRY_ONLY = "entry"
    EXIT_ONLY = "exit"


class Reason(StrEnum):
    """Why a scan did not count (kept in ``ScanEvent.reason``)."""

    RETIRED_BADGE = "retired_badge"
    FOREIGN_BADGE = "foreign_badge"
    FORGED = "forged"
    ITEM_LABEL = "item_label"
    UNREADABLE = "unreadable"
    UNKNOWN_CODE = "unknown_code"  # readable, but neither our code nor a roster id
    UNKNOWN_VOLUNTEER = "unknown_volunteer"  # our badge, for nobody in this database
    NOT_ON_ROSTER = "not_on_roster"
    ACTIVITY_NOT_OPEN = "activity_not_open"
    NOT_CHECKED_IN = "not_checked_in"  # exit-only: nobody to check out
    ALREADY_CHECKED_IN = "already_checked_in"  # entry-only: already in
    DEBOUNCE = "debounce"  # a repeat inside the debounce window
    TOO_SOON = "too_soon"  # checked in less than the minimum interval ago
    OUT_OF_ORDER = "out_of_order"  # earlier than what is already recorded


_BY_MEANING: dict[Meaning, Reason] = {
    Meaning.UNREADABLE: Reason.UNREADABLE,
    Meaning.ITEM: Reason.ITEM_LABEL,
    Meaning.UNKNOWN_ITEM: Reason.ITEM_LABEL,
    Meaning.FOREIGN_ITEM: Reason.ITEM_LABEL,
    Meaning.RETIRED_BADGE: Reason.RETIRED_BADGE,
    Meaning.FOREIGN_BADGE: Reason.FOREIGN_BADGE,
    Meaning.FORGED: Reason.FORGED,
    Meaning.UNKNOWN_VOLUNTEER: Reason.UNKNOWN_VOLUNTEER,
    Meaning.OTHER: Reason.UNKNOWN_CODE,
}

OUTSIDE_WINDOW = N_("This scan is outside the activity's time ({start}–{end}); staff may check it.")


# ----------------------------------------------------------------------------- rules

_LIMITS: dict[str, tuple[int, int, str]] = {
    "debounce_seconds": (
        1,
        3600,
        N_("The repeat-scan window must be between {low} and {high} seconds."),
    ),
    "min_interval_minutes": (
        0,
        24 * 60,
        N_("The time before a check-out counts must be between {low} and {high} minutes."),
    ),
    "window_grace_minutes": (
        0,
        24 * 60,
        N_("The grace time around an activity must be between {low} and {high} minutes."),
    ),
}


@dataclass(frozen=True)
class KioskRules:
    """The kiosk's timing rules, kept by ``models.settings`` under ``KEY``."""

    KEY: ClassVar[str] = "kiosk_rules"

    debounce_seconds: int = 60
    min_interval_minutes: int = 5
    window_grace_minutes: int = 30

    def validate(self) -> None:
        for name, (low, high, message) in _LIMITS.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise UserError(message, low=low, high=high)

    @property
    def debounce(self) -> timedelta:
        return timedelta(seconds=self.debounce_seconds)

    @property
    def min_interval(self) -> timedelta:
        return timedelta(minutes=self.min_interval_minutes)

    @property
    def grace(self) -> timedelta:
        return timedelta(minutes=self.window_grace_minutes)


def load_rules(session: Session) -> KioskRules:
    """The kiosk rules in force (the defaults until staff change them)."""
    return settings.load(session, KioskRules)


# ----------------------------------------------------------------------------- answers


@dataclass(frozen=True)
class ScanAnswer:
    """What the kiosk shows for one scan; ``message`` is an N_ template for ``params``."""

    outcome: ScanOutcome
    reason: Reason | None  # None when accepted
    message: str
    params: dict[str, Any]
    event_id: uuid.UUID
    scanned_at: datetime
    volunteer_id: uuid.UUID | None = None
    volunteer_name: str | None = None
    session_id: uuid.UUID | None = None
    checked_in_at: datetime | None = None
    minutes: int | None = None  # the session's whole minutes, on a check-out
    outside_window: bool = False
    warning: str | None = None  # an N_ template for ``warning_params``
    warning_params: dict[str, Any] = field(default_factory=dict)

    @property
    def accepted(self) -> bool:
        return self.outcome in ACCEPTED

    def render(self, translate: Any = None) -> str:
        template = translate(self.message) if translate else self.message
        return template.format(**self.params) if self.params else template

    def render_warning(self, translate: Any = None) -> str | None:
        if self.warning is None:
            return None
        template = translate(self.warning) if translate else self.warning
        return template.format(**self.warning_params)


class _Desk(NamedTuple):
    """The activity scanned at, and what answers need to know about it."""

    id: uuid.UUID
    title: str
    state: ActivityState
    starts_at: datetime
    ends_at: datetime
    walk_ins_allowed: bool
    zone: ZoneInfo
    rules: KioskRules

    def hm(self, value: datetime) -> str:
        return as_utc(value).astimezone(self.zone).strftime("%H:%M")

    def outside(self, at: datetime) -> bool:
        return not self.starts_at - self.rules.grace <= at <= self.ends_at + self.rules.grace


class _Scan(NamedTuple):
    payload: str
    device_id: str
    source: ScanSource
    now: datetime
    staff_id: uuid.UUID | None
    backfilled: bool


class _Who(NamedTuple):
    id: uuid.UUID | None
    name: str | None


class _Verdict(NamedTuple):
    outcome: ScanOutcome
    reason: Reason | None
    message: str  # an N_ template
    params: dict[str, Any]


class _Last(NamedTuple):
    id: uuid.UUID
    outcome: ScanOutcome
    scanned_at: datetime


def clean_payload(payload: object) -> str:
    """What can be stored of any scanned text: valid UTF-8, no NUL, at most 200 characters."""
    text = payload if isinstance(payload, str) else str(payload)
    return text.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")[:MAX_PAYLOAD]


def clean_device(device_id: str) -> str:
    device = " ".join(clean_text(device_id).split())
    if not device or len(device) > MAX_DEVICE:
        raise UserError(N_("A kiosk name has 1 to {limit} characters."), limit=MAX_DEVICE)
    return device


def whole_minutes(started_at: datetime, ended_at: datetime) -> int:
    """Raw whole minutes from ``started_at`` to ``ended_at`` (never negative)."""
    return max(0, (as_utc(ended_at) - as_utc(started_at)) // timedelta(minutes=1))


def _desk(session: Session, activity_id: uuid.UUID, rules: KioskRules | None) -> _Desk:
    row = session.execute(_DESK, {"activity": activity_id}).first()
    if row is None:
        raise UserError(N_("This activity no longer exists; it may have been deleted."))
    return _Desk(*row, org_zone(session), rules or load_rules(session))


def _reply(
    session: Session,
    desk: _Desk,
    scan: _Scan,
    who: _Who,
    verdict: _Verdict,
    *,
    event: ScanEvent | None = None,
    session_id: uuid.UUID | None = None,
    checked_in_at: datetime | None = None,
    minutes: int | None = None,
) -> ScanAnswer:
    """The answer to a scan, and its one event (written here unless given)."""
    outcome, reason = verdict.outcome, verdict.reason
    if event is None:
        event = _write_event(session, desk, scan, who.id, outcome, reason)
    warned = event.outside_window and outcome in ACCEPTED
    return ScanAnswer(
        outcome=outcome,
        reason=reason,
        message=verdict.message,
        params=verdict.params,
        event_id=event.id,
        scanned_at=scan.now,
        volunteer_id=who.id,
        volunteer_name=who.name,
        session_id=session_id,
        checked_in_at=checked_in_at,
        minutes=minutes,
        outside_window=event.outside_window,
        warning=OUTSIDE_WINDOW if warned else None,
        warning_params=(
            {"start": desk.hm(desk.starts_at), "end": desk.hm(desk.ends_at)} if warned else {}
        ),
    )


def _write_event(
    session: Session,
    desk: _Desk,
    scan: _Scan,
    volunteer_id: uuid.UUID | None,
    outcome: ScanOutcome,
    reason: Reason | None,
) -> ScanEvent:
    event = ScanEvent(
        id=uuid.uuid4(),
        activity_id=desk.id,
        volunteer_id=volunteer_id,
        device_id=scan.device_id,
        source=scan.source,
        outcome=outcome,
        reason=None if reason is None else reason.value,
        payload=scan.payload,
        scanned_at=scan.now,
        recorded_at=utcnow(),
        staff_id=scan.staff_id,
        outside_window=desk.outside(scan.now),
        backfilled=scan.backfilled,
    )
    session.add(event)
    session.flush()
    return event


# ----------------------------------------------------------------------------- scanning

# The look-ups of every scan, built once (building a statement costs more than
# running it); each is answered from an index.
_DESK = select(
    Activity.id,
    Activity.title,
    Activity.state,
    Activity.starts_at,
    Activity.ends_at,
    Activity.walk_ins_allowed,
).where(Activity.id == bindparam("activity"))
_REGISTERED = select(Registration.id).where(  # uq (activity_id, volunteer_id)
    Registration.activity_id == bindparam("activity"),
    Registration.volunteer_id == bindparam("volunteer"),
)
_LAST = (  # ix_scan_event_activity_volunteer_at
    select(ScanEvent.id, ScanEvent.outcome, ScanEvent.scanned_at)
    .where(
        ScanEvent.activity_id == bindparam("activity"),
        ScanEvent.volunteer_id == bindparam("volunteer"),
        ScanEvent.outcome.in_(ACCEPTED),
    )
    .order_by(ScanEvent.scanned_at.desc(), ScanEvent.id.desc())
    .limit(1)
)
_OPEN = (  # ix_attendance_session_volunteer_id (a volunteer has few sessions)
    select(AttendanceSession)
    .where(
        AttendanceSession.volunteer_id == bindparam("volunteer"),
        AttendanceSession.activity_id == bindparam("activity"),
        AttendanceSession.status == SessionStatus.OPEN,
    )
    .order_by(AttendanceSession.started_at)
    .limit(1)
)
_RESOLVED_END = select(AttendanceSession.ended_at).where(
    AttendanceSession.volunteer_id == bindparam("volunteer"),
    AttendanceSession.activity_id == bindparam("activity"),
    AttendanceSession.check_in_event_id == bindparam("check_in"),
)


def record_scan(
    session: Session,
    *,
    activity_id: uuid.UUID,
    payload: str,
    device_id: str,
    source: ScanSource,
    now: datetime,
    mode: KioskMode = KioskMode.BOTH,
    staff_id: uuid.UUID | None = None,
    backfilled: bool = False,
    rules: KioskRules | None = None,
) -> ScanAnswer:
    """Answer and record one scanned (or typed) text at an activity's kiosk.

    Never raises for any ``payload``; ``UserError`` only for an activity that no
    longer exists or an unusable ``device_id``.  ``rules`` spares reading the
    settings on every scan (the kiosk loads them once).
    """
    desk = _desk(session, activity_id, rules)
    text = clean_payload(payload)
    scan = _Scan(text, clean_device(device_id), source, as_utc(now), staff_id, backfilled)
    meaning = scan_meaning.explain(session, text, activity_id=desk.id)
    who = _Who(meaning.volunteer_id, meaning.volunteer_name)
    if desk.state is not ActivityState.OPEN:
        return _reply(session, desk, scan, who, _not_open(desk))
    if not meaning.is_volunteer or who.id is None:
        who, verdict = _rejected_payload(session, meaning)
        return _reply(session, desk, scan, who, verdict)
    if meaning.meaning is not Meaning.ROSTER_ID and not _may_attend(session, desk, who.id):
        return _reply(session, desk, scan, who, _not_on_roster(who))
    return _attend(session, desk, scan, who, mode, by_staff=False)


def _not_open(desk: _Desk) -> _Verdict:
    if desk.state is ActivityState.DRAFT:
        message = N_("“{title}” is not open for check-in yet.")
    else:
        message = N_("“{title}” is closed; check-in has ended.")
    return _Verdict(ScanOutcome.REJECTED, Reason.ACTIVITY_NOT_OPEN, message, {"title": desk.title})


def _not_on_roster(who: _Who) -> _Verdict:
    message = N_("{name} is not on the roster of this activity. Please ask the staff.")
    return _Verdict(ScanOutcome.REJECTED, Reason.NOT_ON_ROSTER, message, {"name": who.name})


def _rejected_payload(session: Session, meaning: scan_meaning.ScanResult) -> tuple[_Who, _Verdict]:
    """Whom a text that is no usable volunteer code names, and why it is refused."""
    who = _Who(meaning.volunteer_id, meaning.volunteer_name)
    reason = _BY_MEANING.get(meaning.meaning, Reason.UNKNOWN_CODE)
    message, params = meaning.message, dict(meaning.params)
    if reason is Reason.ITEM_LABEL:
        message, params = N_("This is an item label, not a volunteer badge."), {}
    elif reason is Reason.UNKNOWN_CODE:
        typed = codes.normalise(meaning.text)
        # The programme volunteer id of someone who is not on this activity's roster.
        known = _volunteer_by(session, Volunteer.programme_id, typed)
        if known is not None:
            who = _Who(known.id, known.name)
            return who, _not_on_roster(who)
        # Our own volunteer number (V000123, as on the Volunteers screen): typed by
        # hand it proves nothing (the badge's code does), so say what to do instead.
        ours = _volunteer_by(session, Volunteer.code, typed)
        if ours is not None:
            who = _Who(ours.id, ours.name)
            message = N_(
                "{code} is {name}'s number here; typed by hand it cannot check anyone in. "
                "Please scan the badge, or ask the staff to check in by name."
            )
            return who, _Verdict(
                ScanOutcome.REJECTED, reason, message, {"code": ours.code, "name": ours.name}
            )
    return who, _Verdict(ScanOutcome.REJECTED, reason, message, params)


class _Known(NamedTuple):
    id: uuid.UUID
    name: str
    code: str


def _volunteer_by(
    session: Session, column: InstrumentedAttribute[str | None], value: str
) -> _Known | None:
    """The volunteer (not merged away) whose ``column`` is ``value``."""
    row = session.execute(
        select(Volunteer.id, Volunteer.name, Volunteer.code)
        .where(column == value, Volunteer.merged_into_id.is_(None))
        .limit(1)
    ).first()
    return None if row is None else _Known(*row)


def _may_attend(session: Session, desk: _Desk, volunteer_id: uuid.UUID) -> bool:
    if desk.walk_ins_allowed:
        return True
    found = session.scalar(_REGISTERED, {"activity": desk.id, "volunteer": volunteer_id})
    return found is not None


def _last_accepted(
    session: Session, activity_id: uuid.UUID, volunteer_id: uuid.UUID
) -> _Last | None:
    """The volunteer's latest check-in or check-out here (ix_scan_event_activity_volunteer_at)."""
    row = session.execute(_LAST, {"activity": activity_id, "volunteer": volunteer_id}).first()
    return None if row is None else _Last(*row)


def _open_session(
    session: Session, activity_id: uuid.UUID, volunteer_id: uuid.UUID
) -> AttendanceSession | None:
    return session.scalars(_OPEN, {"activity": activity_id, "volunteer": volunteer_id}).first()


def _latest(
    session: Session, desk: _Desk, volunteer_id: uuid.UUID, last: _Last, is_open: bool
) -> datetime:
    """The latest recorded time of the volunteer here: the last check-in or check-out,
    or the time staff gave for leaving when they resolved that check-in."""
    if is_open or last.outcome is not ScanOutcome.CHECK_IN:
        return last.scanned_at
    params = {"activity": desk.id, "volunteer": volunteer_id, "check_in": last.id}
    resolved = session.scalar(_RESOLVED_END, params)
    return max(last.scanned_at, resolved or last.scanned_at)


def _attend(
    session: Session,
    desk: _Desk,
    scan: _Scan,
    who: _Who,
    mode: KioskMode,
    *,
    by_staff: bool,
) -> ScanAnswer:
    """The check-in rules, for a known volunteer who may attend."""
    assert who.id is not None
    last = _last_accepted(session, desk.id, who.id)
    current = _open_session(session, desk.id, who.id)
    latest = None if last is None else _latest(session, desk, who.id, last, current is not None)
    verdict = _refusal(desk, scan.now, who.name or "", mode, last, latest, current, by_staff)
    if verdict is not None:
        return _reply(
            session,
            desk,
            scan,
            who,
            verdict,
            session_id=None if current is None else current.id,
            checked_in_at=None if current is None else current.started_at,
        )
    if current is not None:
        return _check_out(session, desk, scan, who, current)
    return _check_in(session, desk, scan, who)


def _refusal(
    desk: _Desk,
    now: datetime,
    name: str,
    mode: KioskMode,
    last: _Last | None,
    latest: datetime | None,
    current: AttendanceSession | None,
    by_staff: bool,
) -> _Verdict | None:
    """Why this scan is not a check-in or check-out (None: it is one)."""
    if last is not None and latest is not None:
        if now < latest:
            message = N_(
                "A later check-in or check-out of {name} is already recorded ({time}); "
                "an earlier time cannot be added after it."
            )
            params = {"name": name, "time": desk.hm(latest)}
            return _Verdict(ScanOutcome.REJECTED, Reason.OUT_OF_ORDER, message, params)
        if now - last.scanned_at < desk.rules.debounce:
            if last.outcome is ScanOutcome.CHECK_IN:
                message = N_("{name} is already checked in at {time}.")
            else:
                message = N_("{name} is already checked out at {time}.")
            params = {"name": name, "time": desk.hm(last.scanned_at)}
            return _Verdict(ScanOutcome.DUPLICATE, Reason.DEBOUNCE, message, params)
    if current is not None:
        params = {"name": name, "time": desk.hm(current.started_at)}
        if mode is KioskMode.ENTRY_ONLY:
            message = N_("{name} is already checked in at {time}. Check out at the exit.")
            if by_staff:
                message = N_("{name} is already checked in at {time}.")
            return _Verdict(ScanOutcome.DUPLICATE, Reason.ALREADY_CHECKED_IN, message, params)
        earliest = current.started_at + desk.rules.min_interval
        # Staff decide when someone leaves: the minimum interval guards scans only.
        if not by_staff and now < earliest:
            message = N_(
                "{name} checked in at {time}. A check-out counts from {earliest}; scan again then."
            )
            params["earliest"] = desk.hm(earliest)
            return _Verdict(ScanOutcome.DUPLICATE, Reason.TOO_SOON, message, params)
        return None
    if mode is KioskMode.EXIT_ONLY:
        message = N_("{name} is not checked in here. Please check in at the entrance.")
        if by_staff:
            message = N_("{name} is not checked in.")
        return _Verdict(ScanOutcome.REJECTED, Reason.NOT_CHECKED_IN, message, {"name": name})
    return None


def _check_in(session: Session, desk: _Desk, scan: _Scan, who: _Who) -> ScanAnswer:
    assert who.id is not None
    event = _write_event(session, desk, scan, who.id, ScanOutcome.CHECK_IN, None)
    row = AttendanceSession(
        id=uuid.uuid4(),
        activity_id=desk.id,
        volunteer_id=who.id,
        check_in_event_id=event.id,
        started_at=scan.now,
        status=SessionStatus.OPEN,
        counted_minutes=0,
        needs_review=False,
    )
    session.add(row)
    session.flush()
    message = N_("Welcome, {name}! Checked in at {time}.")
    params = {"name": who.name, "time": desk.hm(scan.now)}
    return _reply(
        session,
        desk,
        scan,
        who,
        _Verdict(ScanOutcome.CHECK_IN, None, message, params),
        event=event,
        session_id=row.id,
        checked_in_at=scan.now,
    )


def _check_out(
    session: Session, desk: _Desk, scan: _Scan, who: _Who, current: AttendanceSession
) -> ScanAnswer:
    event = _write_event(session, desk, scan, who.id, ScanOutcome.CHECK_OUT, None)
    minutes = whole_minutes(current.started_at, scan.now)
    current.ended_at = scan.now
    current.check_out_event_id = event.id
    current.status = SessionStatus.CLOSED
    current.counted_minutes = minutes
    session.flush()
    message = N_("Thank you, {name}! Checked out at {time} ({hours} h {minutes} min).")
    params = {
        "name": who.name,
        "time": desk.hm(scan.now),
        "hours": minutes // 60,
        "minutes": minutes % 60,
    }
    return _reply(
        session,
        desk,
        scan,
        who,
        _Verdict(ScanOutcome.CHECK_OUT, None, message, params),
        event=event,
        session_id=current.id,
        checked_in_at=current.started_at,
        minutes=minutes,
    )


# ----------------------------------------------------------------------------- at the desk


def _person(session: Session, volunteer_id: uuid.UUID) -> _Who:
    """The volunteer staff picked (the record kept, if it was merged into another)."""
    columns = (Volunteer.id, Volunteer.name, Volunteer.active, Volunteer.merged_into_id)
    row = session.execute(select(*columns).where(Volunteer.id == volunteer_id)).first()
    if row is not None and row[3] is not None:
        row = session.execute(select(*columns).where(Volunteer.id == row[3])).first()
    if row is None:
        raise UserError(
            N_("This volunteer is no longer in the database. Refresh the list and try again.")
        )
    if not row[2]:
        raise UserError(
            N_("{name} is inactive: reactivate the record before checking them in or out."),
            name=row[1],
        )
    return _Who(row[0], row[1])


def _manual(
    session: Session,
    mode: KioskMode,
    *,
    activity_id: uuid.UUID,
    volunteer_id: uuid.UUID,
    device_id: str,
    staff: str,
    now: datetime,
    rules: KioskRules | None,
) -> ScanAnswer:
    desk = _desk(session, activity_id, rules)
    who = _person(session, volunteer_id)
    assert who.id is not None
    code = session.scalar(select(Volunteer.code).where(Volunteer.id == who.id)) or ""
    staff_id = staff_id_for(session, volunteers.clean_staff(staff))
    scan = _Scan(code, clean_device(device_id), ScanSource.MANUAL, as_utc(now), staff_id, False)
    if desk.state is not ActivityState.OPEN:
        return _reply(session, desk, scan, who, _not_open(desk))
    if not _may_attend(session, desk, who.id):
        return _reply(session, desk, scan, who, _not_on_roster(who))
    return _attend(session, desk, scan, who, mode, by_staff=True)


def manual_check_in(
    session: Session,
    *,
    activity_id: uuid.UUID,
    volunteer_id: uuid.UUID,
    device_id: str,
    staff: str,
    now: datetime,
    rules: KioskRules | None = None,
) -> ScanAnswer:
    """Staff found the volunteer by search and check them in (source ``manual``).

    The rules of an entry-only kiosk: someone already in is answered, not checked
    in twice; the roster rule holds as for a scan.
    """
    return _manual(
        session,
        KioskMode.ENTRY_ONLY,
        activity_id=activity_id,
        volunteer_id=volunteer_id,
        device_id=device_id,
        staff=staff,
        now=now,
        rules=rules,
    )


def manual_check_out(
    session: Session,
    *,
    activity_id: uuid.UUID,
    volunteer_id: uuid.UUID,
    device_id: str,
    staff: str,
    now: datetime,
    rules: KioskRules | None = None,
) -> ScanAnswer:
    """Staff check out someone chosen from who is in (source ``manual``)."""
    return _manual(
        session,
        KioskMode.EXIT_ONLY,
        activity_id=activity_id,
        volunteer_id=volunteer_id,
        device_id=device_id,
        staff=staff,
        now=now,
        rules=rules,
    )


def check_in_walk_in(
    session: Session,
    *,
    activity_id: uuid.UUID,
    data: volunteers.VolunteerData,
    device_id: str,
    staff: str,
    now: datetime,
    rules: KioskRules | None = None,
) -> ScanAnswer:
    """Add a volunteer who walked in, put them on the roster (``walk_in``), check them in.

    Refused before anything is written unless the activity is open and takes
    walk-ins, and for whatever ``volunteers.add_volunteer`` refuses (no name, no
    recorded consent, a phone number another record holds...).
    """
    desk = _desk(session, activity_id, rules)
    if desk.state is not ActivityState.OPEN:
        raise UserError(N_("“{title}” is not open for check-in."), title=desk.title)
    if not desk.walk_ins_allowed:
        raise UserError(
            N_("“{title}” takes only the volunteers on its roster, no walk-ins."),
            title=desk.title,
        )
    clean_device(device_id)
    volunteer_id = volunteers.add_volunteer(session, data, staff=staff)
    session.add(
        Registration(
            id=uuid.uuid4(), activity_id=desk.id, volunteer_id=volunteer_id, source="walk_in"
        )
    )
    session.flush()
    return manual_check_in(
        session,
        activity_id=activity_id,
        volunteer_id=volunteer_id,
        device_id=device_id,
        staff=staff,
        now=now,
        rules=desk.rules,
    )
