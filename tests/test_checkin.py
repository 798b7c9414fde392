"""Check-in rules: every scan answered once and logged once, check-in / check-out /
debounce / minimum interval, each rejection reason, the activity's window, entry-
and exit-only kiosks, manual and walk-in check-ins, who is in, resolving open
sessions before closing, and sessions derived from several desks' events."""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from models import codes, settings
from models.activities import (
    ActivityData,
    close_activity,
    create_activity,
    mark_exported,
    open_activity,
)
from models.badges import issue_badge, reissue_badge
from models.checkin import (
    KioskMode,
    KioskRules,
    Reason,
    ScanAnswer,
    check_in_walk_in,
    clean_payload,
    manual_check_in,
    manual_check_out,
    record_scan,
)
from models.checkin_sessions import (
    DoubleEntryKind,
    Resolution,
    ScanEventRow,
    kiosk_status,
    merge_scan_events,
    open_sessions,
    pair_sessions,
    rebuild_sessions,
    rejected_scan_stats,
    resolve_open_session,
    scan_event_rows,
)
from models.db import Database
from models.errors import UserError
from models.feedback import FeedbackData, save_feedback, waive_feedback
from models.schema import (
    Activity,
    AttendanceSession,
    AuditEntry,
    Organisation,
    Registration,
    ScanEvent,
    Staff,
    Volunteer,
)
from models.schema.enums import ActivityState, ScanOutcome, ScanSource, SessionStatus
from models.volunteers import VolunteerData, add_volunteer

STAFF = "王老师"
ZONE = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 3, 7)
DATA = ActivityData(
    title="社区旧衣分拣日",
    kind="分拣",
    description=None,
    day=DAY,
    start=time(9, 0),
    end=time(12, 0),
)
NAMES = ("张三", "李四", "王五")


def at(hour: int, minute: int = 0, second: int = 0, day: date = DAY) -> datetime:
    """A local wall-clock time on the activity's day, as aware UTC."""
    return datetime.combine(day, time(hour, minute, second), tzinfo=ZONE).astimezone(UTC)


@dataclass(frozen=True)
class Person:
    id: uuid.UUID
    name: str
    code: str
    payload: str


@dataclass
class Desk:
    """A database with an open activity and three volunteers with badges."""

    db: Database
    activity_id: uuid.UUID
    people: dict[str, Person]
    device: str = "kiosk-1"

    def scan(
        self,
        payload: str,
        when: datetime,
        *,
        activity_id: uuid.UUID | None = None,
        **options: Any,
    ) -> ScanAnswer:
        options.setdefault("device_id", self.device)
        options.setdefault("source", ScanSource.CAMERA)
        with self.db.transaction() as session:
            return record_scan(
                session,
                activity_id=activity_id or self.activity_id,
                payload=payload,
                now=when,
                **options,
            )

    def badge(self, name: str, when: datetime, **options: Any) -> ScanAnswer:
        return self.scan(self.people[name].payload, when, **options)

    def count(self, model: Any, *where: Any) -> int:
        with self.db.reading() as session:
            return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)

    def sessions(self, activity_id: uuid.UUID | None = None) -> list[AttendanceSession]:
        with self.db.reading() as session:
            rows = list(
                session.scalars(
                    select(AttendanceSession)
                    .where(AttendanceSession.activity_id == (activity_id or self.activity_id))
                    .order_by(AttendanceSession.started_at)
                )
            )
            session.expunge_all()
            return rows

    def event(self, event_id: uuid.UUID) -> ScanEvent:
        with self.db.reading() as session:
            event = session.get(ScanEvent, event_id)
            assert event is not None
            session.expunge_all()
            return event


def make_activity(db: Database, data: ActivityData = DATA, *, opened: bool = True) -> uuid.UUID:
    with db.transaction() as session:
        activity_id = create_activity(session, data, staff=STAFF)
        if opened:
            open_activity(session, activity_id, staff=STAFF)
        return activity_id


def make_desk(db: Database, names: tuple[str, ...] = NAMES) -> Desk:
    people = {}
    with db.transaction() as session:
        for name in names:
            volunteer_id = add_volunteer(
                session, VolunteerData(name=name, consent=True), staff=STAFF
            )
            info = issue_badge(session, volunteer_id, staff=STAFF)
            people[name] = Person(volunteer_id, name, info.volunteer_code, info.payload)
    return Desk(db, make_activity(db), people)


@pytest.fixture
def desk(org_database: Database) -> Desk:
    return make_desk(org_database)


# ----------------------------------------------------------------------------- the rules


def test_first_scan_checks_in_and_logs_one_event(desk: Desk) -> None:
    answer = desk.badge("张三", at(9, 2))
    assert answer.outcome is ScanOutcome.CHECK_IN
    assert answer.reason is None and answer.accepted
    assert answer.render() == "Welcome, 张三! Checked in at 09:02."
    assert answer.volunteer_id == desk.people["张三"].id
    assert answer.checked_in_at == at(9, 2)
    assert not answer.outside_window and answer.warning is None
    [row] = desk.sessions()
    assert (row.id, row.status, row.check_in_event_id) == (
        answer.session_id,
        SessionStatus.OPEN,
        answer.event_id,
    )
    assert row.started_at == at(9, 2) and row.ended_at is None
    event = desk.event(answer.event_id)
    assert (event.outcome, event.reason, event.device_id, event.source) == (
        ScanOutcome.CHECK_IN,
        None,
        "kiosk-1",
        ScanSource.CAMERA,
    )
    assert event.payload == desk.people["张三"].payload
    assert not event.backfilled and not event.outside_window
    assert desk.count(ScanEvent) == 1


def test_repeat_inside_the_debounce_window_is_answered_not_counted(desk: Desk) -> None:
    first = desk.badge("张三", at(9, 2))
    again = desk.badge("张三", at(9, 2, 59))
    assert again.outcome is ScanOutcome.DUPLICATE and again.reason is Reason.DEBOUNCE
    assert again.render() == "张三 is already checked in at 09:02."
    assert again.session_id == first.session_id
    assert len(desk.sessions()) == 1
    assert desk.count(ScanEvent) == 2
    assert desk.event(again.event_id).outcome is ScanOutcome.DUPLICATE
    assert desk.event(again.event_id).reason == "debounce"


def test_after_the_window_but_too_soon_is_a_duplicate_with_its_own_message(desk: Desk) -> None:
    desk.badge("张三", at(9, 2))
    answer = desk.badge("张三", at(9, 4))
    assert answer.outcome is ScanOutcome.DUPLICATE and answer.reason is Reason.TOO_SOON
    assert answer.render() == (
        "张三 checked in at 09:02. A check-out counts from 09:07; scan again then."
    )
    assert desk.sessions()[0].status is SessionStatus.OPEN


def test_check_out_after_the_minimum_interval_closes_the_session(desk: Desk) -> None:
    first = desk.badge("张三", at(9, 2))
    out = desk.badge("张三", at(11, 17, 30))
    assert out.outcome is ScanOutcome.CHECK_OUT
    assert out.minutes == 135 and out.session_id == first.session_id
    assert out.checked_in_at == at(9, 2)
    assert out.render() == "Thank you, 张三! Checked out at 11:17 (2 h 15 min)."
    [row] = desk.sessions()
    assert row.status is SessionStatus.CLOSED
    assert (row.ended_at, row.check_out_event_id, row.counted_minutes) == (
        at(11, 17, 30),
        out.event_id,
        135,
    )
    # A repeat of the check-out is answered too; then a new scan starts a new session.
    again = desk.badge("张三", at(11, 18))
    assert again.reason is Reason.DEBOUNCE
    assert again.render() == "张三 is already checked out at 11:17."
    back = desk.badge("张三", at(11, 19))
    assert back.outcome is ScanOutcome.CHECK_IN and back.session_id != first.session_id
    assert [s.status for s in desk.sessions()] == [SessionStatus.CLOSED, SessionStatus.OPEN]


def test_rules_come_from_the_settings(desk: Desk) -> None:
    with desk.db.transaction() as session:
        settings.save(
            session,
            KioskRules(debounce_seconds=10, min_interval_minutes=0, window_grace_minutes=0),
            staff=STAFF,
        )
    desk.badge("张三", at(9, 0))
    assert desk.badge("张三", at(9, 0, 9)).reason is Reason.DEBOUNCE
    assert desk.badge("张三", at(9, 0, 10)).outcome is ScanOutcome.CHECK_OUT
    late = desk.badge("李四", at(12, 0, 1))
    assert late.outside_window and late.outcome is ScanOutcome.CHECK_IN


def test_rules_passed_in_win_over_the_settings(desk: Desk) -> None:
    desk.badge("张三", at(9, 0))
    rules = KioskRules(debounce_seconds=1, min_interval_minutes=0)
    assert desk.badge("张三", at(9, 0, 2), rules=rules).outcome is ScanOutcome.CHECK_OUT


def test_scans_outside_the_window_are_accepted_with_a_warning(desk: Desk) -> None:
    early = desk.badge("张三", at(8, 29, 59))
    assert early.outcome is ScanOutcome.CHECK_IN and early.outside_window
    assert early.render_warning() == (
        "This scan is outside the activity's time (09:00–12:00); staff may check it."
    )
    assert desk.event(early.event_id).outside_window
    on_time = desk.badge("李四", at(8, 30))
    assert not on_time.outside_window and on_time.render_warning() is None
    late = desk.badge("李四", at(12, 30, 1))
    assert late.outcome is ScanOutcome.CHECK_OUT and late.outside_window
    assert desk.event(late.event_id).outside_window
    assert not desk.badge("张三", at(12, 30)).outside_window


def test_entry_only_kiosk(desk: Desk) -> None:
    entry = KioskMode.ENTRY_ONLY
    assert desk.badge("张三", at(9, 0), mode=entry).outcome is ScanOutcome.CHECK_IN
    answer = desk.badge("张三", at(10, 0), mode=entry)
    assert answer.outcome is ScanOutcome.DUPLICATE
    assert answer.reason is Reason.ALREADY_CHECKED_IN
    assert answer.render() == "张三 is already checked in at 09:00. Check out at the exit."
    assert desk.sessions()[0].status is SessionStatus.OPEN


def test_exit_only_kiosk(desk: Desk) -> None:
    leave = KioskMode.EXIT_ONLY
    answer = desk.badge("张三", at(9, 0), mode=leave)
    assert answer.outcome is ScanOutcome.REJECTED and answer.reason is Reason.NOT_CHECKED_IN
    assert answer.render() == "张三 is not checked in here. Please check in at the entrance."
    assert desk.sessions() == []
    desk.badge("张三", at(9, 5), mode=KioskMode.ENTRY_ONLY)
    assert desk.badge("张三", at(10, 0), mode=leave).outcome is ScanOutcome.CHECK_OUT


def test_an_earlier_time_after_a_later_one_is_rejected(desk: Desk) -> None:
    desk.badge("张三", at(10, 0))
    answer = desk.badge("张三", at(9, 30), source=ScanSource.PAPER, backfilled=True)
    assert answer.outcome is ScanOutcome.REJECTED and answer.reason is Reason.OUT_OF_ORDER
    assert "10:00" in answer.render()
    event = desk.event(answer.event_id)
    assert event.backfilled and event.source is ScanSource.PAPER
    assert len(desk.sessions()) == 1


def test_back_filled_scans_keep_their_real_times(desk: Desk) -> None:
    paper = {"source": ScanSource.PAPER, "backfilled": True, "device_id": "paper"}
    for name in NAMES:  # one sign-in sheet: the same time for everyone is fine
        assert desk.badge(name, at(9, 0), **paper).outcome is ScanOutcome.CHECK_IN
    for name in NAMES:
        assert desk.badge(name, at(12, 0), **paper).minutes == 180
    with desk.db.reading() as session:
        flags = set(session.execute(select(ScanEvent.backfilled, ScanEvent.source)).all())
    assert flags == {(True, ScanSource.PAPER)}


# ----------------------------------------------------------------------------- refusals


def foreign_badge() -> str:
    return codes.badge_payload(b"another organisation's secret", "OTHER", "V000001", 1)


def test_every_kind_of_wrong_code_is_rejected_with_its_reason(desk: Desk) -> None:
    with desk.db.transaction() as session:
        org = session.scalars(select(Organisation)).one()
        secret, org_code = bytes(org.badge_secret), org.code
        retired = desk.people["李四"].payload
        reissue_badge(session, desk.people["李四"].id, staff=STAFF, reason="遗失")
    cases = {
        retired: (Reason.RETIRED_BADGE, "This badge of 李四 has been replaced"),
        foreign_badge(): (Reason.FOREIGN_BADGE, "another organisation (OTHER)"),
        desk.people["张三"].payload[:-3] + "AAA": (Reason.FORGED, "is not valid"),
        codes.item_payload(org_code, "S01-26-000123"): (Reason.ITEM_LABEL, "item label"),
        "S01-26-000123": (Reason.ITEM_LABEL, "item label"),
        "": (Reason.UNREADABLE, "could not be read"),
        "\x00\x01\x02": (Reason.UNREADABLE, "could not be read"),
        codes.badge_payload(secret, org_code, "V999999", 1): (
            Reason.UNKNOWN_VOLUNTEER,
            "not in this database (V999999)",
        ),
        "HELLO 123": (Reason.UNKNOWN_CODE, "“HELLO 123” is not a Partner Desk code"),
        # Our own volunteer number typed by hand: said whose it is and what to do.
        desk.people["张三"].code.lower(): (
            Reason.UNKNOWN_CODE,
            f"{desk.people['张三'].code} is 张三's number here; typed by hand it cannot "
            "check anyone in. Please scan the badge",
        ),
    }
    for payload, (reason, text) in cases.items():
        answer = desk.scan(payload, at(9, 0))
        assert (answer.outcome, answer.reason) == (ScanOutcome.REJECTED, reason), payload
        assert text in answer.render(), answer.render()
        event = desk.event(answer.event_id)
        assert (event.outcome, event.reason) == (ScanOutcome.REJECTED, reason.value)
    assert desk.sessions() == []
    assert desk.count(ScanEvent) == len(cases)
    with desk.db.reading() as session:
        stats = rejected_scan_stats(session, desk.activity_id)
    assert stats == {
        "retired_badge": 1,
        "foreign_badge": 1,
        "forged": 1,
        "item_label": 2,
        "unreadable": 2,
        "unknown_volunteer": 1,
        "unknown_code": 2,
    }


def test_no_payload_makes_it_raise(desk: Desk) -> None:
    nasty = [
        "\ud800",
        "PDV:",
        "PDV:GREEN:V000001:1:",
        "PDV:GREEN:" + "9" * 300,
        "PDI:GREEN:",
        "x" * 10_000,
        "😀" * 300,
        "'; DROP TABLE scan_event; --",
        "\n\r\t",
        "PDV:GREEN:V000001:99999999999:AAAAAAAAAA",
    ]
    for payload in nasty:
        answer = desk.scan(payload, at(9, 0))
        assert answer.outcome is ScanOutcome.REJECTED
        stored = desk.event(answer.event_id).payload
        assert stored == clean_payload(payload) and len(stored) <= 200
    assert desk.count(ScanEvent) == len(nasty)


def test_an_unknown_activity_raises_and_writes_nothing(desk: Desk) -> None:
    with pytest.raises(UserError, match="no longer exists"):
        desk.scan(desk.people["张三"].payload, at(9, 0), activity_id=uuid.uuid4())
    with pytest.raises(UserError, match="kiosk name"):
        desk.badge("张三", at(9, 0), device_id="  ")
    assert desk.count(ScanEvent) == 0


def test_activity_must_be_open(desk: Desk) -> None:
    draft = make_activity(desk.db, opened=False)
    answer = desk.badge("张三", at(9, 0), activity_id=draft)
    assert (answer.outcome, answer.reason) == (ScanOutcome.REJECTED, Reason.ACTIVITY_NOT_OPEN)
    assert answer.render() == "“社区旧衣分拣日” is not open for check-in yet."
    assert answer.volunteer_id == desk.people["张三"].id
    with desk.db.transaction() as session:
        waive_feedback(session, desk.activity_id, reason="测试活动", staff=STAFF)
        close_activity(session, desk.activity_id, staff=STAFF)
    closed = desk.badge("张三", at(9, 0))
    assert closed.reason is Reason.ACTIVITY_NOT_OPEN
    assert closed.render() == "“社区旧衣分拣日” is closed; check-in has ended."
    assert desk.count(AttendanceSession) == 0
    assert desk.count(ScanEvent, ScanEvent.reason == "activity_not_open") == 2


def test_roster_only_activity(desk: Desk) -> None:
    roster_only = make_activity(desk.db, replace(DATA, walk_ins_allowed=False))
    with desk.db.transaction() as session:
        session.add(
            Registration(
                activity_id=roster_only,
                volunteer_id=desk.people["张三"].id,
                programme_id="P-778899",
            )
        )
        session.add(Registration(activity_id=roster_only, volunteer_id=desk.people["李四"].id))
        volunteer = session.get(Volunteer, desk.people["王五"].id)
        assert volunteer is not None
        volunteer.programme_id = "P-112233"
    walk_in = desk.badge("王五", at(9, 0), activity_id=roster_only)
    assert (walk_in.outcome, walk_in.reason) == (ScanOutcome.REJECTED, Reason.NOT_ON_ROSTER)
    assert walk_in.render() == "王五 is not on the roster of this activity. Please ask the staff."
    assert walk_in.volunteer_id == desk.people["王五"].id
    # A programme id of someone known here but not on this roster says so too.
    by_id = desk.scan("p-112233", at(9, 1), activity_id=roster_only)
    assert by_id.reason is Reason.NOT_ON_ROSTER and by_id.volunteer_name == "王五"
    # On the roster: by badge, or by the programme id the roster holds.
    assert desk.badge("李四", at(9, 0), activity_id=roster_only).outcome is ScanOutcome.CHECK_IN
    roster = desk.scan(" p-778899 ", at(9, 0), activity_id=roster_only)
    assert roster.outcome is ScanOutcome.CHECK_IN and roster.volunteer_name == "张三"
    # The programme id also checks out.
    out = desk.scan("P-778899", at(11, 0), activity_id=roster_only)
    assert out.outcome is ScanOutcome.CHECK_OUT and out.minutes == 120


# ----------------------------------------------------------------------------- at the desk


def test_manual_check_in_and_out_are_marked_manual(desk: Desk) -> None:
    zhang = desk.people["张三"]
    common = {"activity_id": desk.activity_id, "device_id": "desk", "staff": STAFF}
    with desk.db.transaction() as session:
        answer = manual_check_in(session, volunteer_id=zhang.id, now=at(9, 0), **common)
    assert answer.outcome is ScanOutcome.CHECK_IN
    event = desk.event(answer.event_id)
    assert event.source is ScanSource.MANUAL and event.payload == zhang.code
    with desk.db.reading() as session:
        assert session.get(Staff, event.staff_id) is not None
    with desk.db.transaction() as session:
        again = manual_check_in(session, volunteer_id=zhang.id, now=at(9, 3), **common)
        # Staff may check someone out before the minimum interval (not inside the window).
        soon = manual_check_out(session, volunteer_id=zhang.id, now=at(9, 0, 30), **common)
        out = manual_check_out(session, volunteer_id=zhang.id, now=at(9, 3), **common)
        nobody = manual_check_out(
            session, volunteer_id=desk.people["李四"].id, now=at(9, 3), **common
        )
    assert again.reason is Reason.ALREADY_CHECKED_IN
    assert again.render() == "张三 is already checked in at 09:00."
    assert soon.reason is Reason.DEBOUNCE
    assert out.outcome is ScanOutcome.CHECK_OUT and out.minutes == 3
    assert desk.event(out.event_id).source is ScanSource.MANUAL
    assert nobody.reason is Reason.NOT_CHECKED_IN
    assert nobody.render() == "李四 is not checked in."
    with desk.db.transaction() as session, pytest.raises(UserError, match="staff member"):
        manual_check_in(session, volunteer_id=zhang.id, now=at(10, 0), **{**common, "staff": " "})
    with desk.db.transaction() as session, pytest.raises(UserError, match="no longer in"):
        manual_check_in(session, volunteer_id=uuid.uuid4(), now=at(10, 0), **common)


def test_walk_in_quick_add(desk: Desk) -> None:
    data = VolunteerData(name="赵六", phone="13800138000", consent=True)
    with desk.db.transaction() as session:
        answer = check_in_walk_in(
            session,
            activity_id=desk.activity_id,
            data=data,
            device_id="desk",
            staff=STAFF,
            now=at(9, 10),
        )
    assert answer.outcome is ScanOutcome.CHECK_IN and answer.volunteer_name == "赵六"
    assert desk.event(answer.event_id).source is ScanSource.MANUAL
    with desk.db.reading() as session:
        source = session.scalars(
            select(Registration.source).where(Registration.volunteer_id == answer.volunteer_id)
        ).one()
    assert source == "walk_in"

    roster_only = make_activity(desk.db, replace(DATA, walk_ins_allowed=False))
    before = desk.count(Volunteer)
    for activity_id, wanted, message in (
        (roster_only, data, "no walk-ins"),
        (desk.activity_id, VolunteerData(name="孙七"), "consent"),
    ):
        with desk.db.transaction() as session, pytest.raises(UserError, match=message):
            check_in_walk_in(
                session,
                activity_id=activity_id,
                data=wanted,
                device_id="desk",
                staff=STAFF,
                now=at(9, 10),
            )
    assert desk.count(Volunteer) == before


# ----------------------------------------------------------------------------- live data


def test_kiosk_status_counts_the_local_day(desk: Desk) -> None:
    desk.badge("张三", at(9, 0))
    desk.badge("李四", at(9, 1))
    desk.badge("李四", at(11, 0))
    # Just after local midnight: another day, although the same UTC date as 23:59.
    desk.badge("王五", at(0, 0, 1, day=DAY + timedelta(days=1)))
    with desk.db.reading() as session:
        status = kiosk_status(session, desk.activity_id, now=at(11, 30), time_zone="Asia/Shanghai")
        later = kiosk_status(
            session,
            desk.activity_id,
            now=at(8, 0, day=DAY + timedelta(days=1)),
            time_zone="Asia/Shanghai",
        )
    assert status.title == "社区旧衣分拣日" and status.state is ActivityState.OPEN
    assert (status.in_now, status.attendances_today) == (2, 2)
    assert [p.name for p in status.checked_in] == ["张三", "王五"]
    assert status.checked_in[0].started_at == at(9, 0)
    assert status.checked_in[0].code == desk.people["张三"].code
    assert (later.in_now, later.attendances_today) == (2, 1)


# ----------------------------------------------------------------------------- closing


def resolve(desk: Desk, session_id: uuid.UUID, **options: Any) -> Any:
    options.setdefault("staff", STAFF)
    options.setdefault("now", at(18, 0))
    with desk.db.transaction() as session:
        return resolve_open_session(session, session_id, **options)


def test_open_sessions_are_resolved_before_closing(desk: Desk) -> None:
    for name in NAMES:
        desk.badge(name, at(9, 0))
    with desk.db.reading() as session:
        still_in = open_sessions(session, desk.activity_id)
    assert [p.name for p in still_in] == sorted(NAMES)
    ids = {p.name: p.session_id for p in still_in}
    with desk.db.transaction() as session:
        feedback = FeedbackData(people_served=30, work_done="分拣旧衣", satisfaction=5)
        save_feedback(session, desk.activity_id, feedback, staff=STAFF)
    with desk.db.transaction() as session, pytest.raises(UserError, match="still checked in"):
        close_activity(session, desk.activity_id, staff=STAFF)

    done = resolve(desk, ids["张三"], resolution="scheduled_end")
    assert (done.status, done.ended_at, done.counted_minutes, done.needs_review) == (
        SessionStatus.RESOLVED,
        at(12, 0),
        180,
        True,
    )
    with pytest.raises(UserError, match="before checking in"):
        resolve(desk, ids["李四"], resolution=Resolution.MANUAL_TIME, ended_at=at(8, 0))
    with pytest.raises(UserError, match="in the future"):
        resolve(desk, ids["李四"], resolution="manual_time", ended_at=at(19, 0))
    with pytest.raises(UserError, match="Enter the time"):
        resolve(desk, ids["李四"], resolution="manual_time")
    manual = resolve(desk, ids["李四"], resolution="manual_time", ended_at=at(10, 30))
    assert (manual.status, manual.counted_minutes, manual.needs_review) == (
        SessionStatus.RESOLVED,
        90,
        False,
    )
    with pytest.raises(UserError, match="reason"):
        resolve(desk, ids["王五"], resolution="discarded", reason="  ")
    dropped = resolve(desk, ids["王五"], resolution="discarded", reason="扫错了人")
    assert (dropped.status, dropped.ended_at, dropped.counted_minutes) == (
        SessionStatus.DISCARDED,
        None,
        0,
    )
    with pytest.raises(UserError, match="no longer checked in"):
        resolve(desk, ids["张三"], resolution="scheduled_end")
    with pytest.raises(UserError, match="Unknown way"):
        resolve(desk, ids["张三"], resolution="forgotten")

    rows = {row.id: row for row in desk.sessions()}
    assert rows[ids["张三"]].resolution == "scheduled_end"
    assert rows[ids["张三"]].resolved_by == STAFF
    with desk.db.reading() as session:
        entries = list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action == "attendance_session.resolve")
                .order_by(AuditEntry.at)
            )
        )
        session.expunge_all()
    assert [e.entity_id for e in entries] == [str(ids[n]) for n in ("张三", "李四", "王五")]
    assert entries[0].before == {"status": "open", "ended_at": None, "counted_minutes": 0}
    assert isinstance(entries[2].after, dict) and entries[2].after["status"] == "discarded"
    assert entries[2].reason == "扫错了人"

    with desk.db.transaction() as session:
        close_activity(session, desk.activity_id, staff=STAFF)
    with desk.db.reading() as session:
        activity = session.get(Activity, desk.activity_id)
        assert activity is not None and activity.state is ActivityState.CLOSED


def test_after_a_resolution_the_next_scan_starts_a_new_session(desk: Desk) -> None:
    first = desk.badge("张三", at(9, 0))
    assert first.session_id is not None
    resolve(desk, first.session_id, resolution="manual_time", ended_at=at(10, 0), now=at(10, 5))
    assert desk.badge("张三", at(9, 30)).reason is Reason.OUT_OF_ORDER
    again = desk.badge("张三", at(10, 10))
    assert again.outcome is ScanOutcome.CHECK_IN and again.session_id != first.session_id
    with desk.db.transaction() as session:
        assert not rebuild_sessions(session, desk.activity_id).changed


def test_scheduled_end_before_the_check_in_is_refused(desk: Desk) -> None:
    late = desk.badge("张三", at(12, 10))
    assert late.session_id is not None
    with pytest.raises(UserError, match="after the scheduled end"):
        resolve(desk, late.session_id, resolution="scheduled_end")


def test_exported_activity_cannot_be_resolved(desk: Desk) -> None:
    answer = desk.badge("张三", at(9, 0))
    assert answer.session_id is not None
    with desk.db.transaction() as session:
        waive_feedback(session, desk.activity_id, reason="测试活动", staff=STAFF)
        close_activity(session, desk.activity_id, staff=STAFF, force=True)
        mark_exported(session, [desk.activity_id], staff=STAFF)
    with pytest.raises(UserError, match="exported"):
        resolve(desk, answer.session_id, resolution="scheduled_end")


# ----------------------------------------------------------------------------- several desks


@dataclass(frozen=True)
class Ev:
    id: uuid.UUID
    volunteer_id: uuid.UUID | None
    device_id: str
    outcome: ScanOutcome
    scanned_at: datetime


def ev(n: int, who: uuid.UUID, device: str, outcome: ScanOutcome, when: datetime) -> Ev:
    return Ev(uuid.UUID(int=n), who, device, outcome, when)


IN, OUT = ScanOutcome.CHECK_IN, ScanOutcome.CHECK_OUT


def test_pairing_across_devices() -> None:
    a, b = uuid.uuid4(), uuid.uuid4()
    rules = KioskRules()
    pairing = pair_sessions(
        [
            ev(4, a, "B", OUT, at(11, 0)),
            ev(1, a, "A", IN, at(9, 0)),
            ev(2, b, "A", IN, at(9, 0)),
            ev(3, b, "B", IN, at(9, 0, 30)),  # the same person at both doors
            ev(5, b, "A", IN, at(10, 0)),  # checked in again while in
            ev(6, b, "B", OUT, at(12, 0)),
            ev(7, b, "A", OUT, at(12, 1)),  # nothing left to close
            ev(8, a, "A", ScanOutcome.DUPLICATE, at(11, 0, 10)),  # not an attendance event
        ],
        rules,
    )
    assert [
        (s.volunteer_id, s.check_in_event_id.int, s.check_out_event_id) for s in pairing.sessions
    ] == [
        (a, 1, uuid.UUID(int=4)),
        (b, 2, uuid.UUID(int=6)),
    ]
    assert pairing.sessions[0].minutes == 120
    kinds = [(d.kind, d.event_id.int, d.other_event_id) for d in pairing.double_entries]
    assert kinds == [
        (DoubleEntryKind.DOUBLE_CHECK_IN, 3, uuid.UUID(int=2)),
        (DoubleEntryKind.ALREADY_IN, 5, uuid.UUID(int=2)),
        (DoubleEntryKind.UNPAIRED_CHECK_OUT, 7, uuid.UUID(int=6)),
    ]
    assert pairing.double_entries[0].other_device_id == "A"


def test_pairing_ties_are_broken_by_id() -> None:
    a = uuid.uuid4()
    same = at(9, 0)
    pairing = pair_sessions([ev(2, a, "B", OUT, same), ev(1, a, "A", IN, same)], KioskRules())
    assert [(s.check_in_event_id.int, s.ended_at) for s in pairing.sessions] == [(1, same)]


def test_pairing_honours_staff_resolutions() -> None:
    a = uuid.uuid4()
    events = [ev(1, a, "A", IN, at(9, 0)), ev(2, a, "A", IN, at(10, 30))]
    pairing = pair_sessions(events, KioskRules(), resolutions={uuid.UUID(int=1): at(10, 0)})
    assert [(s.check_in_event_id.int, s.ended_at, s.resolved) for s in pairing.sessions] == [
        (1, at(10, 0), True),
        (2, None, False),
    ]
    assert pairing.double_entries == ()
    # A check-in before the end staff gave is a double entry after all.
    early = pair_sessions(events, KioskRules(), resolutions={uuid.UUID(int=1): at(11, 0)})
    assert [d.kind for d in early.double_entries] == [DoubleEntryKind.ALREADY_IN]
    dropped = pair_sessions(events, KioskRules(), resolutions={uuid.UUID(int=1): None})
    assert [(s.ended_at, s.resolved) for s in dropped.sessions] == [(None, True), (None, False)]


def two_desks(desk: Desk, tmp_path: Path) -> Desk:
    """A copy of the desk's database: a second kiosk that worked offline."""
    path = desk.db.path
    assert path is not None
    desk.db.close()
    copy = tmp_path / "desk-b.sqlite3"
    shutil.copy(path, copy)
    return Desk(Database.open(copy), desk.activity_id, desk.people, device="kiosk-2")


def test_desks_merge_into_paired_sessions(desk: Desk, tmp_path: Path) -> None:
    other = two_desks(desk, tmp_path)
    try:
        a_in = desk.badge("张三", at(9, 0))  # in at the door (desk A)…
        other.badge("张三", at(9, 0, 20))  # …and at desk B too: a double entry
        other.badge("张三", at(11, 30))  # out at desk B, which thinks it is a check-out
        desk.badge("李四", at(9, 5))
        other.badge("王五", at(9, 6))
        other.badge("王五", at(10, 6))
        with other.db.reading() as session:
            rows = scan_event_rows(session, other.activity_id)
        with desk.db.transaction() as session:
            merged = merge_scan_events(session, rows)
        assert (merged.inserted, merged.unchanged, merged.skipped) == (4, 0, {})
        [rebuilt] = merged.rebuilt
        assert len(rebuilt.created) == 1 and rebuilt.discarded == ()
        assert rebuilt.updated == (a_in.session_id,)
        assert [d.kind for d in rebuilt.double_entries] == [DoubleEntryKind.DOUBLE_CHECK_IN]
        sessions = {s.volunteer_id: s for s in desk.sessions()}
        zhang = sessions[desk.people["张三"].id]
        assert zhang.id == a_in.session_id  # the session id stays
        assert (zhang.status, zhang.ended_at, zhang.counted_minutes) == (
            SessionStatus.CLOSED,
            at(11, 30),
            150,
        )
        assert sessions[desk.people["王五"].id].counted_minutes == 60
        assert sessions[desk.people["李四"].id].status is SessionStatus.OPEN
        # Importing the same events again changes nothing.
        with desk.db.transaction() as session:
            again = merge_scan_events(session, rows)
        assert (again.inserted, again.unchanged, again.rebuilt) == (0, 4, ())
        with desk.db.reading() as session:
            audits = session.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action == "attendance_session.rebuild")
            )
        assert audits == 1
    finally:
        other.db.close()


def test_a_later_check_in_on_another_desk_absorbs_a_session(desk: Desk, tmp_path: Path) -> None:
    other = two_desks(desk, tmp_path)
    try:
        mine = other.badge("张三", at(9, 10))  # desk B's own session…
        other.badge("张三", at(12, 0))
        desk.badge("张三", at(9, 0))  # …began while desk A had them in already
        with other.db.reading() as session:
            rows = scan_event_rows(session, other.activity_id)
        with desk.db.transaction() as session:
            merged = merge_scan_events(session, rows)
        with desk.db.reading() as session:
            ours = scan_event_rows(session, desk.activity_id)
        with other.db.transaction() as session:
            back = merge_scan_events(session, ours)
        b_rows = {r.id: r for r in other.sessions()}
    finally:
        other.db.close()
    [rebuilt] = merged.rebuilt
    assert [d.kind for d in rebuilt.double_entries] == [DoubleEntryKind.ALREADY_IN]
    [row] = desk.sessions()
    assert (row.status, row.ended_at, row.counted_minutes) == (SessionStatus.CLOSED, at(12, 0), 180)
    # On desk B, its own session is kept but discarded as a double entry, for review.
    [b_rebuilt] = back.rebuilt
    assert b_rebuilt.discarded == (mine.session_id,)
    assert len(b_rebuilt.created) == 1
    assert b_rows[mine.session_id].status is SessionStatus.DISCARDED
    assert b_rows[mine.session_id].resolution == "double_entry"
    assert b_rows[mine.session_id].needs_review


def test_merge_keeps_staff_resolutions_unless_a_check_out_arrives(desk: Desk) -> None:
    first = desk.badge("张三", at(9, 0))
    assert first.session_id is not None
    resolve(desk, first.session_id, resolution="scheduled_end")
    volunteer = desk.people["张三"].id
    other_in = ScanEventRow(
        id=uuid.uuid4(),
        activity_id=desk.activity_id,
        volunteer_id=desk.people["李四"].id,
        device_id="kiosk-2",
        source=ScanSource.CAMERA,
        outcome=ScanOutcome.CHECK_IN,
        reason=None,
        payload="x",
        scanned_at=at(9, 30),
        recorded_at=at(9, 30),
    )
    with desk.db.transaction() as session:
        merge_scan_events(session, [other_in])
    kept = {s.volunteer_id: s for s in desk.sessions()}[volunteer]
    assert (kept.status, kept.resolution, kept.ended_at) == (
        SessionStatus.RESOLVED,
        "scheduled_end",
        at(12, 0),
    )
    check_out = replace(
        other_in,
        id=uuid.uuid4(),
        volunteer_id=volunteer,
        outcome=ScanOutcome.CHECK_OUT,
        scanned_at=at(11, 0),
    )
    unknown = replace(other_in, id=uuid.uuid4(), volunteer_id=uuid.uuid4())
    elsewhere = replace(other_in, id=uuid.uuid4(), activity_id=uuid.uuid4())
    with desk.db.transaction() as session:
        merged = merge_scan_events(session, [check_out, unknown, elsewhere])
    assert merged.skipped == {"unknown_volunteer": 1, "unknown_activity": 1}
    assert merged.rebuilt[0].superseded == (first.session_id,)
    closed = {s.volunteer_id: s for s in desk.sessions()}[volunteer]
    assert (closed.status, closed.resolution, closed.ended_at, closed.needs_review) == (
        SessionStatus.CLOSED,
        None,
        at(11, 0),
        True,
    )
    assert closed.counted_minutes == 120
