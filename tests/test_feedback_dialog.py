"""The activity feedback form: saving rows and audit entries, refusals shown as
messages with nothing lost from the form, editing what was given, waiving with a
reason, and the status line."""

from __future__ import annotations

import uuid
from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.activities.feedback_dialog import (
    NOT_ENTERED,
    FeedbackDialog,
    ensure_feedback,
    feedback_status_text,
    satisfaction_words,
)
from desktop.context import AppContext
from models import activities, feedback
from models.db import Database
from models.schema import ActivityFeedback, AuditEntry
from tests.conftest import MessageRecorder

STAFF = "李主任"
TITLE = "社区图书角整理"


def make_activity(db: Database, *, close: bool = False, export: bool = False) -> uuid.UUID:
    data = activities.ActivityData(
        title=TITLE,
        kind="阅读陪伴",
        description=None,
        day=date(2026, 3, 7),
        start=time(9, 0),
        end=time(12, 0),
    )
    with db.transaction() as session:
        activity_id = activities.create_activity(session, data, staff=STAFF)
        activities.open_activity(session, activity_id, staff=STAFF)
        if close or export:
            feedback.waive_feedback(session, activity_id, reason="线上活动", staff=STAFF)
            activities.close_activity(session, activity_id, staff=STAFF)
        if export:
            activities.mark_exported(session, [activity_id], staff=STAFF)
    return activity_id


@pytest.fixture
def context(org_database: Database) -> AppContext:
    return AppContext(database=org_database, staff_name=STAFF)


def open_form(
    qtbot: QtBot, context: AppContext, activity_id: uuid.UUID, **kw: bool
) -> FeedbackDialog:
    dialog = FeedbackDialog(context, activity_id, TITLE, **kw)
    qtbot.addWidget(dialog)
    return dialog


def fill(dialog: FeedbackDialog) -> None:
    dialog.people_served.setValue(40)
    dialog.beneficiaries.setText("社区老人和儿童")
    dialog.work_done.setPlainText("整理图书角，上架图书 300 册")
    dialog.outcomes.setPlainText("图书角重新开放")
    dialog.problems.setPlainText("书架不够")
    dialog.photo_count.setValue(12)
    dialog.satisfaction.setCurrentIndex(dialog.satisfaction.findData(5))


def rows(db: Database) -> list[ActivityFeedback]:
    with db.reading() as session:
        found = list(session.scalars(select(ActivityFeedback)))
        session.expunge_all()
        return found


def audit(db: Database) -> list[AuditEntry]:
    with db.reading() as session:
        found = list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == "activity_feedback")
                .order_by(AuditEntry.at)
            )
        )
        session.expunge_all()
        return found


def test_saving_the_form_writes_the_feedback_and_an_audit_entry(
    qtbot: QtBot, context: AppContext, org_database: Database, recorder: MessageRecorder
) -> None:
    activity_id = make_activity(org_database)
    dialog = open_form(qtbot, context, activity_id)
    assert "missing" in dialog.status.text()
    assert dialog.people_served.value() == NOT_ENTERED
    assert dialog.satisfaction.currentData() is None
    assert dialog.waive_button.isEnabled() and dialog.save_button.isEnabled()
    fill(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == FeedbackDialog.DialogCode.Accepted
    assert dialog.complete and dialog.change.created
    assert not recorder.shown
    (row,) = rows(org_database)
    assert (row.activity_id, row.people_served, row.beneficiaries) == (
        activity_id,
        40,
        "社区老人和儿童",
    )
    assert (row.work_done, row.outcomes, row.problems) == (
        "整理图书角，上架图书 300 册",
        "图书角重新开放",
        "书架不够",
    )
    assert (row.photo_count, row.satisfaction, row.waived, row.submitted_by) == (
        12,
        5,
        False,
        STAFF,
    )
    (entry,) = audit(org_database)
    assert (entry.action, entry.staff_name) == ("feedback.submit", STAFF)
    assert isinstance(entry.after, dict) and entry.after["satisfaction"] == 5


def test_a_refusal_is_shown_and_the_form_keeps_what_was_typed(
    qtbot: QtBot, context: AppContext, org_database: Database, recorder: MessageRecorder
) -> None:
    activity_id = make_activity(org_database)
    dialog = open_form(qtbot, context, activity_id)
    fill(dialog)
    dialog.satisfaction.setCurrentIndex(0)  # "Choose…"
    dialog.accept()
    assert dialog.result() != FeedbackDialog.DialogCode.Accepted and not dialog.complete
    assert recorder.texts("error") == [
        "Choose the volunteers' satisfaction, from 1 to 5.",
    ]
    assert rows(org_database) == [] and audit(org_database) == []
    assert dialog.people_served.value() == 40
    assert dialog.work_done.toPlainText() == "整理图书角，上架图书 300 册"
    assert dialog.problems.toPlainText() == "书架不够"

    dialog.people_served.setValue(NOT_ENTERED)
    dialog.satisfaction.setCurrentIndex(dialog.satisfaction.findData(4))
    dialog.accept()
    assert recorder.texts("error")[-1] == "Enter how many people the activity served (0 if none)."
    assert rows(org_database) == []

    dialog.people_served.setValue(0)  # nobody from outside: a valid answer
    dialog.accept()
    assert dialog.complete
    (row,) = rows(org_database)
    assert (row.people_served, row.satisfaction) == (0, 4)


def test_existing_feedback_is_loaded_for_editing_and_only_changes_are_audited(
    qtbot: QtBot, context: AppContext, org_database: Database
) -> None:
    activity_id = make_activity(org_database)
    first = open_form(qtbot, context, activity_id)
    fill(first)
    first.accept()
    second = open_form(qtbot, context, activity_id)
    assert f"submitted by {STAFF}" in second.status.text()
    assert second.people_served.value() == 40
    assert second.beneficiaries.text() == "社区老人和儿童"
    assert second.outcomes.toPlainText() == "图书角重新开放"
    assert second.photo_count.value() == 12
    assert second.satisfaction.currentData() == 5
    assert not second.waive_button.isEnabled()  # a waiver is only for no feedback
    second.photo_count.setValue(15)
    second.accept()
    assert second.change.changed == ("photo_count",)
    (row,) = rows(org_database)
    assert row.photo_count == 15
    update = audit(org_database)[-1]
    assert update.action == "feedback.update"
    assert (update.before, update.after) == (
        {"photo_count": 12},
        {"activity_id": str(activity_id), "photo_count": 15},
    )


def test_waiving_needs_a_reason(
    qtbot: QtBot, context: AppContext, org_database: Database, recorder: MessageRecorder
) -> None:
    activity_id = make_activity(org_database)
    dialog = open_form(qtbot, context, activity_id)
    recorder.text_answers = [None]  # cancelled: nothing happens
    dialog.waive()
    recorder.text_answers = ["   "]  # blank: refused with the reason why
    dialog.waive()
    assert recorder.texts("error") == ["Give a reason for waiving the activity's feedback."]
    assert not dialog.complete and rows(org_database) == []
    recorder.text_answers = ["  内部培训活动，无需反馈 "]
    qtbot.mouseClick(dialog.waive_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == FeedbackDialog.DialogCode.Accepted and dialog.complete
    (row,) = rows(org_database)
    assert (row.waived, row.waive_reason, row.people_served) == (
        True,
        "内部培训活动，无需反馈",
        None,
    )
    (entry,) = audit(org_database)
    assert (entry.action, entry.reason) == ("feedback.waive", "内部培训活动，无需反馈")

    again = open_form(qtbot, context, activity_id)
    assert "waived" in again.status.text() and "内部培训活动" in again.status.text()
    assert again.people_served.value() == NOT_ENTERED  # giving feedback lifts the waiver
    with org_database.reading() as session:
        assert feedback.feedback_status(session, activity_id).complete


def test_waiving_after_typing_asks_before_discarding_the_form(
    qtbot: QtBot, context: AppContext, org_database: Database, recorder: MessageRecorder
) -> None:
    activity_id = make_activity(org_database)
    dialog = open_form(qtbot, context, activity_id)
    dialog.work_done.setPlainText("写了一半")
    dialog.waive()  # not confirmed
    assert recorder.texts("ask_text") == [] and len(recorder.texts("confirm")) == 1
    assert dialog.work_done.toPlainText() == "写了一半" and rows(org_database) == []


def test_an_exported_activity_shows_its_feedback_read_only(
    qtbot: QtBot, context: AppContext, org_database: Database
) -> None:
    activity_id = make_activity(org_database, export=True)
    dialog = open_form(qtbot, context, activity_id, editable=False)
    assert "exported" in dialog.status.text()
    assert not dialog.save_button.isEnabled() and not dialog.waive_button.isEnabled()
    assert not dialog.work_done.isEnabled()


def test_ensure_feedback_asks_only_when_it_is_missing(
    qtbot: QtBot,
    context: AppContext,
    org_database: Database,
    recorder: MessageRecorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    closed = make_activity(org_database, close=True)
    assert ensure_feedback(None, context, closed, TITLE)  # type: ignore[arg-type]
    assert recorder.shown == []
    activity_id = make_activity(org_database)
    assert not ensure_feedback(None, context, activity_id, TITLE)  # type: ignore[arg-type]
    assert len(recorder.texts("confirm")) == 1

    def waive(dialog: FeedbackDialog) -> int:
        qtbot.addWidget(dialog)
        recorder.text_answers = ["天气原因取消"]
        dialog.waive()
        return int(dialog.result())

    monkeypatch.setattr(FeedbackDialog, "exec", waive)
    recorder.confirm_answers = [True]
    assert ensure_feedback(None, context, activity_id, TITLE)  # type: ignore[arg-type]
    with org_database.reading() as session:
        assert feedback.feedback_status(session, activity_id).state is feedback.FeedbackState.WAIVED


def test_status_text_and_satisfaction_words() -> None:
    activity_id = uuid.uuid4()
    missing = feedback.FeedbackStatus(activity_id, feedback.FeedbackState.MISSING)
    assert "missing" in feedback_status_text(missing)
    submitted = feedback.FeedbackStatus(
        activity_id,
        feedback.FeedbackState.SUBMITTED,
        submitted_by="王老师",
        submitted_on=date(2026, 3, 8),
    )
    assert feedback_status_text(submitted) == (
        "Activity feedback: submitted by 王老师 on 2026-03-08."
    )
    assert list(satisfaction_words()) == [1, 2, 3, 4, 5]
    assert satisfaction_words()[5] == "5 – Very satisfied"
