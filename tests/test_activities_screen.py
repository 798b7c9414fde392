"""The activities screen: create, open, close, reopen with a reason; roster shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.activities import feedback_dialog
from desktop.activities.activities_screen import ActivitiesScreen
from desktop.activities.activity_dialog import ActivityDialog
from desktop.context import AppContext
from models import feedback
from models.db import Database
from models.enums import ActivityState, SessionStatus
from models.schema import (
    Activity,
    ActivityFeedback,
    AttendanceSession,
    AuditEntry,
    Registration,
    Volunteer,
)
from tests.conftest import MessageRecorder

FEEDBACK = feedback.FeedbackData(people_served=18, work_done="分拣旧衣 30 箱", satisfaction=5)


@pytest.fixture
def screen(qtbot: QtBot, org_database: Database) -> ActivitiesScreen:
    made = ActivitiesScreen(AppContext(database=org_database, staff_name="李主任"))
    qtbot.addWidget(made)
    made.show()
    made.refresh()
    qtbot.waitUntil(lambda: made.loaded, timeout=5000)
    return made


def create(qtbot: QtBot, screen: ActivitiesScreen, title: str) -> ActivityDialog:
    screen.new_activity()
    dialog = screen.dialog
    assert isinstance(dialog, ActivityDialog)
    qtbot.addWidget(dialog)
    dialog.title.setText(title)
    dialog.start.setTime(QTime(9, 0))
    dialog.end.setTime(QTime(11, 30))
    dialog.accept()
    return dialog


def give_feedback(database: Database, screen: ActivitiesScreen) -> None:
    """Closing needs the activity feedback: submit it as the feedback form would."""
    assert screen.detail is not None
    with database.transaction() as session:
        feedback.save_feedback(session, screen.detail.id, FEEDBACK, staff="李主任")
    screen.show_selected()


def test_new_activity_then_open_close_reopen(
    qtbot: QtBot, screen: ActivitiesScreen, org_database: Database, recorder: MessageRecorder
) -> None:
    assert screen.empty_hint.isVisible()
    dialog = create(qtbot, screen, "社区旧衣分拣日")
    assert dialog.result() == ActivityDialog.DialogCode.Accepted
    assert screen.model.rowCount() == 1 and not screen.empty_hint.isVisible()
    assert screen.detail is not None and screen.detail.title == "社区旧衣分拣日"
    assert screen.open_button.isEnabled() and not screen.close_button.isEnabled()
    with org_database.reading() as session:
        activity = session.scalars(select(Activity)).one()
        assert activity.scheduled_minutes == 150
    assert screen.transition("open")
    assert screen.close_button.isEnabled()
    give_feedback(org_database, screen)
    assert screen.transition("close")
    recorder.text_answers = [None]
    assert not screen.transition("reopen")
    recorder.text_answers = ["补录签到"]
    assert screen.transition("reopen")
    with org_database.reading() as session:
        assert session.scalars(select(Activity.state)).one() == ActivityState.OPEN
        reopen = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "activity.reopen")
        ).one()
        assert (reopen.reason, reopen.staff_name) == ("补录签到", "李主任")


def test_close_with_someone_checked_in_asks_how_each_attendance_ends(
    qtbot: QtBot,
    screen: ActivitiesScreen,
    org_database: Database,
    recorder: MessageRecorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop.kiosk import close_activity_dialog

    create(qtbot, screen, "周末义卖")
    assert screen.transition("open")
    give_feedback(org_database, screen)
    with org_database.transaction() as session:
        activity = session.scalars(select(Activity)).one()
        volunteer = Volunteer(code="V000001", name="张三", phone="13800000001")
        session.add(volunteer)
        session.flush()
        session.add(Registration(activity_id=activity.id, volunteer_id=volunteer.id))
        session.add(
            AttendanceSession(
                activity_id=activity.id,
                volunteer_id=volunteer.id,
                started_at=activity.starts_at,
                status=SessionStatus.OPEN,
            )
        )
    screen.show_selected()
    assert screen.roster.count() == 1 and "张三" in screen.roster.item(0).text()
    assert screen.here.count() == 1
    answers: list[str] = []

    def cancel(dialog: close_activity_dialog.CloseActivityDialog) -> int:
        answers.append(dialog.sessions[0].name)
        dialog.reject()
        return 0

    monkeypatch.setattr(close_activity_dialog.CloseActivityDialog, "exec", cancel)
    assert not screen.transition("close")
    assert answers == ["张三"]
    with org_database.reading() as session:
        assert session.scalars(select(Activity.state)).one() == ActivityState.OPEN

    def scheduled_end(dialog: close_activity_dialog.CloseActivityDialog) -> int:
        dialog.set_choice(0, close_activity_dialog.SCHEDULED_END)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(close_activity_dialog.CloseActivityDialog, "exec", scheduled_end)
    assert screen.transition("close")
    with org_database.reading() as session:
        assert session.scalars(select(Activity.state)).one() == ActivityState.CLOSED
        attendance = session.scalars(select(AttendanceSession)).one()
        assert attendance.status is SessionStatus.RESOLVED and attendance.needs_review
        assert attendance.ended_at == session.scalars(select(Activity.ends_at)).one()


def test_bad_times_are_explained_and_nothing_saved(
    qtbot: QtBot, screen: ActivitiesScreen, org_database: Database
) -> None:
    screen.new_activity()
    dialog = screen.dialog
    assert isinstance(dialog, ActivityDialog)
    qtbot.addWidget(dialog)
    dialog.title.setText("倒着的活动")
    dialog.start.setTime(QTime(14, 0))
    dialog.end.setTime(QTime(10, 0))
    dialog.accept()
    assert dialog.result() != ActivityDialog.DialogCode.Accepted
    assert dialog.error.text()
    with org_database.reading() as session:
        assert session.scalars(select(Activity)).all() == []


def test_feedback_status_line_and_button_follow_the_activity(
    qtbot: QtBot, screen: ActivitiesScreen, org_database: Database
) -> None:
    create(qtbot, screen, "儿童阅读陪伴")
    assert not screen.feedback_button.isEnabled()  # a draft has not taken place yet
    assert screen.feedback_line.isHidden()
    assert screen.transition("open")
    assert screen.feedback_button.isEnabled()
    assert "missing" in screen.feedback_line.text()
    give_feedback(org_database, screen)
    assert "submitted by 李主任" in screen.feedback_line.text()


def test_close_without_feedback_offers_the_form_then_closes(
    qtbot: QtBot,
    screen: ActivitiesScreen,
    org_database: Database,
    recorder: MessageRecorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    create(qtbot, screen, "长者智能手机课堂")
    assert screen.transition("open")
    # Declined: nothing is written, the activity stays open.
    assert not screen.transition("close")
    (question,) = recorder.texts("confirm")
    assert "“长者智能手机课堂” has no activity feedback yet" in question
    assert not recorder.texts("error")
    with org_database.reading() as session:
        assert session.scalars(select(Activity.state)).one() == ActivityState.OPEN

    # Cancelled form: still open.
    opened: list[str] = []

    def cancel(dialog: feedback_dialog.FeedbackDialog) -> int:
        opened.append(dialog.activity_title)
        dialog.reject()
        return 0

    monkeypatch.setattr(feedback_dialog.FeedbackDialog, "exec", cancel)
    recorder.confirm_answers = [True]
    assert not screen.transition("close")
    assert opened == ["长者智能手机课堂"]
    with org_database.reading() as session:
        assert session.scalars(select(Activity.state)).one() == ActivityState.OPEN

    # Filled in and saved: the close goes on.
    def fill(dialog: feedback_dialog.FeedbackDialog) -> int:
        dialog.people_served.setValue(12)
        dialog.work_done.setPlainText("一对一教老人使用手机挂号")
        dialog.satisfaction.setCurrentIndex(dialog.satisfaction.findData(4))
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(feedback_dialog.FeedbackDialog, "exec", fill)
    recorder.confirm_answers = [True]
    assert screen.transition("close")
    with org_database.reading() as session:
        assert session.scalars(select(Activity.state)).one() == ActivityState.CLOSED
        row = session.scalars(select(ActivityFeedback)).one()
        assert (row.people_served, row.satisfaction, row.waived) == (12, 4, False)
    assert "submitted" in screen.feedback_line.text()
    assert not recorder.texts("error")


def test_activity_report_opens_a_pdf_with_the_activity(
    qtbot: QtBot,
    screen: ActivitiesScreen,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    import subprocess

    from desktop import documents

    monkeypatch.setattr(documents, "prints_dir", lambda: tmp_path)
    opened: list[Path] = []
    monkeypatch.setattr(documents, "opener", opened.append)
    create(qtbot, screen, "社区旧衣分拣日")
    assert not screen.report_button.isEnabled()  # a draft has nothing to report yet
    assert screen.transition("open")
    assert screen.report_button.isEnabled()
    screen.activity_report()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10000)
    text = subprocess.run(
        ["pdftotext", str(opened[0]), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "社区旧衣分拣日" in text and "尚未填写活动反馈" in text
