"""The check-in kiosk as a volunteer and staff meet it: scans typed by a USB
scanner, camera frames, answers on screen, the lock, manual check-in, closing."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from time import sleep
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.context import AppContext
from desktop.kiosk.answer_panel import Tone
from desktop.kiosk.kiosk_screen import KioskScreen
from desktop.kiosk.kiosk_view import KioskView
from desktop.kiosk.sounds import Cue
from desktop.main_window import MainWindow
from models import (
    activities,
    badges,
    checkin,
    codes,
    feedback,
    organisation,
    settings,
    volunteers,
)
from models.clock import local, utcnow
from models.db import Database
from models.enums import ActivityState, ScanOutcome, ScanSource, SessionStatus
from models.schema import (
    Activity,
    AttendanceSession,
    AuditEntry,
    Organisation,
    ScanEvent,
    Volunteer,
)
from tests.conftest import MessageRecorder
from tests.qt_helpers import language, scanner_keys

STAFF = "王老师"


@dataclass(frozen=True)
class Scene:
    activity_id: uuid.UUID
    zhang: uuid.UUID
    zhang_badge: str
    li: uuid.UUID
    li_badge: str


def _volunteer(session: object, name: str, phone: str) -> uuid.UUID:
    return volunteers.add_volunteer(
        session,  # type: ignore[arg-type]
        volunteers.VolunteerData(name=name, phone=phone, consent=True, consent_note="纸质"),
        staff=STAFF,
    )


@pytest.fixture
def scene(org_database: Database) -> Scene:
    today = local(utcnow(), "Asia/Shanghai").date()
    with org_database.transaction() as session:
        zhang = _volunteer(session, "张三", "13800000001")
        li = _volunteer(session, "李四", "13800000002")
        zhang_badge = badges.issue_badge(session, zhang, staff=STAFF).payload
        li_badge = badges.issue_badge(session, li, staff=STAFF).payload
        activity_id = activities.create_activity(
            session,
            activities.ActivityData(
                title="社区旧衣分拣日",
                kind="分拣",
                description=None,
                day=today,
                start=time(0, 0),
                end=time(23, 59),
            ),
            staff=STAFF,
        )
        activities.open_activity(session, activity_id, staff=STAFF)
        # Check-out may follow check-in at once, so one test can do both.
        settings.save(
            session,
            checkin.KioskRules(debounce_seconds=1, min_interval_minutes=0),
            staff=STAFF,
        )
    return Scene(activity_id, zhang, zhang_badge, li, li_badge)


@pytest.fixture
def window(qtbot: QtBot, org_database: Database, scene: Scene) -> Iterator[MainWindow]:
    made = MainWindow(AppContext(database=org_database, staff_name=STAFF))
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    yield made
    screen = made._screens.get("kiosk")
    if isinstance(screen, KioskScreen) and screen.view is not None:
        screen.view.shutdown()


def start_kiosk(qtbot: QtBot, window: MainWindow, *, camera: bool = False) -> KioskView:
    screen = window.navigate("kiosk")
    assert isinstance(screen, KioskScreen)
    screen.with_camera = camera
    qtbot.waitUntil(lambda: screen.loaded and screen.open_list.count() == 1, timeout=5000)
    view = screen.start_kiosk()
    assert view is not None
    # Each scan two minutes after the one before (past the repeat-scan window), from
    # 00:00:30 today in Shanghai: today's counts hold whatever the time of day.
    times = iter(scan_times_today(100))
    view.clock = lambda: next(times)
    qtbot.waitUntil(lambda: view.scan_field.hasFocus(), timeout=3000)
    return view


def scan_times_today(count: int) -> list[datetime]:
    """Scan times from 00:00:30 local today, two minutes apart; all in the past."""
    zone = ZoneInfo("Asia/Shanghai")
    midnight = datetime.combine(local(utcnow(), "Asia/Shanghai").date(), time(0), tzinfo=zone)
    start = midnight.astimezone(UTC) + timedelta(seconds=30)
    if utcnow() < start + timedelta(minutes=2):  # the first minutes of the day
        sleep((start + timedelta(minutes=2) - utcnow()).total_seconds())
    return [start + timedelta(minutes=2 * n) for n in range(count)]


def scan_by_keyboard(qtbot: QtBot, text: str, *, enter: bool = True) -> None:
    """What a keyboard-wedge scanner does: keys a few ms apart, then Enter."""
    target = QApplication.focusWidget()
    assert target is not None
    scanner_keys(qtbot, target, text)
    if enter:
        qtbot.keyClick(target, Qt.Key.Key_Return)


def events(database: Database) -> list[ScanEvent]:
    with database.reading() as session:
        rows = list(session.scalars(select(ScanEvent).order_by(ScanEvent.recorded_at)))
        session.expunge_all()
    return rows


def assert_painted(
    view: KioskView, *, background: tuple[int, int, int], text: tuple[int, int, int]
) -> None:
    """The answer is on screen in its colours: the panel's fill and the headline's text."""
    image = view.answer.grab().toImage()
    corner = image.pixelColor(8, image.height() // 2)
    assert (corner.red(), corner.green(), corner.blue()) == background
    headline = view.answer.headline.geometry()
    colours = {
        image.pixelColor(x, y).getRgb()[:3]
        for x in range(headline.left(), headline.right(), 2)
        for y in range(headline.top(), headline.bottom(), 2)
    }
    assert text in colours


def wait_answers(qtbot: QtBot, view: KioskView, count: int) -> None:
    qtbot.waitUntil(lambda: view.processor.pending == 0, timeout=5000)
    qtbot.waitUntil(lambda: len(view.answers_shown) >= count, timeout=5000)


def test_scanner_keystrokes_check_in_and_out_with_answers_on_screen(
    qtbot: QtBot, window: MainWindow, org_database: Database, scene: Scene
) -> None:
    view = start_kiosk(qtbot, window)
    assert view.scan_field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled) is False
    assert view.scan_field.inputMethodHints() & Qt.InputMethodHint.ImhLatinOnly

    scan_by_keyboard(qtbot, scene.zhang_badge)
    wait_answers(qtbot, view, 1)
    assert view.answer.current.tone is Tone.CHECK_IN
    assert "Checked in" in view.answer.text() and "张三" in view.answer.text()
    assert view.sounds.last is Cue.CHECK_IN
    assert_painted(view, background=(0x2E, 0x7D, 0x32), text=(255, 255, 255))
    qtbot.waitUntil(lambda: view.in_now.text() == "1" and view.today.text() == "1")
    assert view.present.count() == 1 and "张三" in view.present.item(0).text()
    [event] = events(org_database)
    assert (event.outcome, event.source, event.device_id) == (
        ScanOutcome.CHECK_IN,
        ScanSource.SCANNER,
        view.device,
    )
    # The scanner's keys never reached the scan field as text.
    assert view.scan_field.text() == ""

    scan_by_keyboard(qtbot, scene.zhang_badge)
    wait_answers(qtbot, view, 2)
    assert view.answer.current.tone is Tone.CHECK_OUT
    assert "Checked out" in view.answer.text()
    assert view.sounds.last is Cue.CHECK_OUT
    qtbot.waitUntil(lambda: view.in_now.text() == "0" and view.present.count() == 0)
    with org_database.reading() as session:
        [attendance] = session.scalars(select(AttendanceSession)).all()
        assert attendance.status is SessionStatus.CLOSED and attendance.ended_at is not None


def test_scanner_without_enter_lowercase_and_prefix_still_scans(
    qtbot: QtBot, window: MainWindow, org_database: Database, scene: Scene
) -> None:
    view = start_kiosk(qtbot, window)
    scan_by_keyboard(qtbot, "]Q1" + scene.li_badge.lower(), enter=False)
    wait_answers(qtbot, view, 1)
    assert view.answer.current.tone is Tone.CHECK_IN and "李四" in view.answer.text()
    assert [e.volunteer_id for e in events(org_database)] == [scene.li]


def test_refusals_are_red_specific_and_logged_never_attendance(
    qtbot: QtBot, window: MainWindow, org_database: Database, scene: Scene
) -> None:
    with org_database.transaction() as session:
        badges.reissue_badge(session, scene.zhang, staff=STAFF, reason="遗失")
        secret = session.scalars(select(Organisation.badge_secret)).one()
    foreign = codes.badge_payload(secret, "OTHER", "V000001", 1)
    view = start_kiosk(qtbot, window)
    cases = [
        (scene.zhang_badge, "replaced by a newer one", "retired_badge"),
        (foreign, "another organisation (OTHER)", "foreign_badge"),
        (codes.item_payload("GREEN", "S01-26-000001"), "item", "item_label"),
    ]
    for number, (payload, words, reason) in enumerate(cases, start=1):
        view.submit_scan(payload, ScanSource.SCANNER)
        wait_answers(qtbot, view, number)
        assert view.answer.current.tone is Tone.ERROR, payload
        assert words in view.answer.text(), view.answer.text()
        assert view.sounds.last is Cue.ERROR
        assert events(org_database)[-1].reason == reason
    assert all(e.outcome is ScanOutcome.REJECTED for e in events(org_database))
    with org_database.reading() as session:
        assert session.scalars(select(AttendanceSession)).all() == []


def test_answers_in_chinese(qtbot: QtBot, window: MainWindow, scene: Scene) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with language(app, "zh_CN"):
        view = start_kiosk(qtbot, window)
        view.submit_scan(scene.zhang_badge, ScanSource.SCANNER)
        wait_answers(qtbot, view, 1)
        assert "签到成功" in view.answer.text()
        view.submit_scan(scene.zhang_badge, ScanSource.SCANNER)
        wait_answers(qtbot, view, 2)
        assert "签退成功" in view.answer.text() and "小时" in view.answer.text()


def badge_frame(payload: str, angle: float) -> QVideoFrame:
    from tests.degraded_badges import degraded_frame

    picture = degraded_frame(payload, angle=angle, blur=1.2, noise=12, seed=7)
    image = QImage(
        picture.tobytes(),
        picture.width,
        picture.height,
        picture.width,
        QImage.Format.Format_Grayscale8,
    ).copy()
    return QVideoFrame(image.convertToFormat(QImage.Format.Format_RGB32))


def test_camera_frame_checks_someone_in_once(
    qtbot: QtBot, window: MainWindow, org_database: Database, scene: Scene
) -> None:
    view = start_kiosk(qtbot, window, camera=True)
    camera = view.camera
    assert camera is not None
    assert "No camera" in camera.status.text() or camera.camera is not None
    frame = badge_frame(scene.li_badge, angle=12)
    camera.handle_frame(frame)
    wait_answers(qtbot, view, 1)
    assert view.answer.current.tone is Tone.CHECK_IN and "李四" in view.answer.text()
    # The same code in the next frames counts once.
    for _ in range(3):
        qtbot.waitUntil(lambda: not camera.feed.busy, timeout=3000)
        camera.handle_frame(frame)
    qtbot.waitUntil(lambda: not camera.feed.busy, timeout=3000)
    qtbot.wait(50)
    assert [(e.outcome, e.source) for e in events(org_database)] == [
        (ScanOutcome.CHECK_IN, ScanSource.CAMERA)
    ]


def test_focus_returns_to_the_scan_field(
    qtbot: QtBot, window: MainWindow, recorder: MessageRecorder, scene: Scene
) -> None:
    view = start_kiosk(qtbot, window)
    view.mode.setFocus()
    view.present.setFocus()
    window.sidebar.setFocus()
    qtbot.waitUntil(lambda: view.scan_field.hasFocus(), timeout=2000)
    view.check_out_selected()  # nobody selected: a message, then the focus comes back
    assert recorder.texts("information")
    qtbot.waitUntil(lambda: view.scan_field.hasFocus(), timeout=2000)


def test_leaving_the_kiosk_needs_the_staff_pin(
    qtbot: QtBot, window: MainWindow, org_database: Database, recorder: MessageRecorder
) -> None:
    with org_database.transaction() as session:
        organisation.set_staff_pin(session, staff=STAFF, pin="2468")
    view = start_kiosk(qtbot, window)
    screen = window.screen_for("kiosk")
    recorder.text_answers = ["1111"]
    window.navigate("items")
    assert window.current_key() == "kiosk" and screen.running  # type: ignore[attr-defined]
    assert "not right" in recorder.texts("error")[-1]
    recorder.text_answers = ["1111"]
    window.close()
    assert window.isVisible()
    recorder.text_answers = ["２４６８"]  # full-width digits from a Chinese IME count
    window.navigate("items")
    assert window.current_key() == "items"
    assert not screen.running  # type: ignore[attr-defined]
    assert view.processor.pending == 0


def test_manual_check_in_and_walk_in_are_marked_manual(
    qtbot: QtBot,
    window: MainWindow,
    org_database: Database,
    scene: Scene,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop.kiosk import manual_check_in_dialog

    view = start_kiosk(qtbot, window)
    choices: list[str] = []

    def fake_exec(dialog: manual_check_in_dialog.ManualCheckInDialog) -> int:
        if dialog.walk_in:
            dialog.name.setText("王五")
            dialog.phone.setText("13900000003")
            dialog.consent.setChecked(True)
        else:
            dialog.search.setText("李")
            dialog.run_search()
            choices.extend(dialog.results.item(i).text() for i in range(dialog.results.count()))
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(manual_check_in_dialog.ManualCheckInDialog, "exec", fake_exec)
    view.manual_check_in()
    wait_answers(qtbot, view, 1)
    assert any("李四" in text and "138****0002" in text for text in choices)
    assert not any("13800000002" in text for text in choices)  # the screen faces the public
    view.walk_in()
    wait_answers(qtbot, view, 2)
    assert "王五" in view.answer.text()
    rows = events(org_database)
    assert [(e.outcome, e.source) for e in rows] == [
        (ScanOutcome.CHECK_IN, ScanSource.MANUAL),
        (ScanOutcome.CHECK_IN, ScanSource.MANUAL),
    ]
    with org_database.reading() as session:
        walk_in = session.scalars(select(Volunteer).where(Volunteer.name == "王五")).one()
        assert rows[1].volunteer_id == walk_in.id and walk_in.consent_at is not None
    qtbot.waitUntil(lambda: view.in_now.text() == "2")


def test_close_activity_resolves_everyone_still_checked_in(
    qtbot: QtBot,
    window: MainWindow,
    org_database: Database,
    scene: Scene,
    monkeypatch: pytest.MonkeyPatch,
    recorder: MessageRecorder,
) -> None:
    from desktop.kiosk import close_activity_dialog

    with org_database.transaction() as session:  # closing needs the activity feedback
        feedback.save_feedback(
            session,
            scene.activity_id,
            feedback.FeedbackData(people_served=20, work_done="分拣旧衣", satisfaction=5),
            staff=STAFF,
        )
    view = start_kiosk(qtbot, window)
    for payload in (scene.zhang_badge, scene.li_badge):
        view.submit_scan(payload, ScanSource.SCANNER)
    wait_answers(qtbot, view, 2)
    seen: list[int] = []

    def fake_exec(dialog: close_activity_dialog.CloseActivityDialog) -> int:
        seen.append(dialog.table.rowCount())
        dialog.accept()  # nothing chosen yet: refused with a message
        assert not dialog.closed
        # Both checked in at 00:00:30 and 00:02:30 today; 张三 left at 00:01:30.
        real_end = scan_times_today(1)[0] + timedelta(minutes=1)
        names = [s.name for s in dialog.sessions]
        dialog.set_choice(names.index("张三"), close_activity_dialog.MANUAL_TIME, real_end)
        dialog.set_choice(names.index("李四"), close_activity_dialog.DISCARDED, reason="误扫")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(close_activity_dialog.CloseActivityDialog, "exec", fake_exec)
    screen = window.screen_for("kiosk")
    view.close_activity()
    assert seen == [2], recorder.texts()
    assert not recorder.texts("error"), recorder.texts("error")
    assert "张三" in recorder.texts("warning")[0] or "李四" in recorder.texts("warning")[0]
    assert not screen.running  # type: ignore[attr-defined]
    with org_database.reading() as session:
        activity = session.get(Activity, scene.activity_id)
        assert activity is not None and activity.state is ActivityState.CLOSED
        statuses = {
            s.volunteer_id: (s.status, s.resolution)
            for s in session.scalars(select(AttendanceSession))
        }
        assert statuses[scene.zhang] == (SessionStatus.RESOLVED, "manual_time")
        assert statuses[scene.li] == (SessionStatus.DISCARDED, "discarded")
        actions = set(session.scalars(select(AuditEntry.action)))
        assert "activity.close" in actions


def test_close_from_the_kiosk_prompts_for_missing_feedback(
    qtbot: QtBot,
    window: MainWindow,
    org_database: Database,
    scene: Scene,
    monkeypatch: pytest.MonkeyPatch,
    recorder: MessageRecorder,
) -> None:
    from desktop.activities import feedback_dialog
    from desktop.kiosk import close_activity_dialog

    view = start_kiosk(qtbot, window)
    view.submit_scan(scene.zhang_badge, ScanSource.SCANNER)
    wait_answers(qtbot, view, 1)
    shown: list[str] = []
    forms: list[str] = []

    def fill(form: feedback_dialog.FeedbackDialog) -> int:
        forms.append(form.activity_title)
        form.people_served.setValue(0)
        form.work_done.setPlainText("整理仓库")
        form.satisfaction.setCurrentIndex(form.satisfaction.findData(3))
        form.accept()
        return int(form.result())

    def fake_exec(dialog: close_activity_dialog.CloseActivityDialog) -> int:
        shown.append(dialog.feedback_line.text())
        dialog.set_choice(0, close_activity_dialog.SCHEDULED_END)
        dialog.accept()  # feedback missing: asked, declined, stays open
        assert not dialog.closed and dialog.result() != 1
        monkeypatch.setattr(feedback_dialog.FeedbackDialog, "exec", fill)
        recorder.confirm_answers = [True]
        dialog.accept()  # asked again, the form is filled in, then it closes
        shown.append(dialog.feedback_line.text())
        return int(dialog.result())

    monkeypatch.setattr(close_activity_dialog.CloseActivityDialog, "exec", fake_exec)
    screen = window.screen_for("kiosk")
    view.close_activity()
    assert "missing" in shown[0] and "submitted" in shown[1], shown
    questions = recorder.texts("confirm")
    assert len(questions) == 2
    assert all("“社区旧衣分拣日” has no activity feedback yet" in q for q in questions)
    assert forms == ["社区旧衣分拣日"]
    assert not recorder.texts("error"), recorder.texts("error")
    assert not screen.running  # type: ignore[attr-defined]
    with org_database.reading() as session:
        activity = session.get(Activity, scene.activity_id)
        assert activity is not None and activity.state is ActivityState.CLOSED
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.at)))
    assert actions.index("feedback.submit") < actions.index("activity.close")


def test_leaving_right_after_a_burst_of_scans_loses_none(
    qtbot: QtBot, window: MainWindow, org_database: Database, scene: Scene
) -> None:
    view = start_kiosk(qtbot, window)
    for n in range(6):
        view.submit_scan(scene.zhang_badge if n % 2 else scene.li_badge, ScanSource.SCANNER)
    view.shutdown()  # at once, with the scans still queued on the writer thread
    assert view.processor.pending == 0
    assert len(events(org_database)) == 6
