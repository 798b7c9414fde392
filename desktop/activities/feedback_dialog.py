"""Activity feedback (活动反馈): what an activity achieved, for the programme office.

One form per activity over ``models.feedback.FeedbackData``: people served, who
they were, what was done, outcomes, problems, the number of photos and the
volunteers' satisfaction (1–5).  It is needed — or explicitly waived with a
reason — before the activity can close; ``ensure_feedback`` is the step both
close paths (the Activities screen and the kiosk's close dialog) go through.

Saving is one transaction; a refusal from ``models`` is shown as a message and
the form keeps everything typed in it.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import messages, style
from desktop.context import AppContext
from desktop.i18n import user_message
from models.errors import UserError
from models.feedback import (
    MAX_PEOPLE_SERVED,
    MAX_PHOTOS,
    Feedback,
    FeedbackData,
    FeedbackState,
    FeedbackStatus,
)

NOT_ENTERED = -1  # the people-served box before anyone typed a number


def satisfaction_words() -> dict[int, str]:
    """The 1–5 choices, each with its word."""
    return {
        1: QCoreApplication.translate("FeedbackDialog", "1 – Very dissatisfied"),
        2: QCoreApplication.translate("FeedbackDialog", "2 – Dissatisfied"),
        3: QCoreApplication.translate("FeedbackDialog", "3 – Neutral"),
        4: QCoreApplication.translate("FeedbackDialog", "4 – Satisfied"),
        5: QCoreApplication.translate("FeedbackDialog", "5 – Very satisfied"),
    }


def feedback_status_text(status: FeedbackStatus) -> str:
    """One line for the detail pane and the close dialog: missing, submitted or waived."""
    day = status.submitted_on.isoformat() if status.submitted_on is not None else ""
    staff = status.submitted_by or ""
    if status.state is FeedbackState.SUBMITTED:
        return QCoreApplication.translate(
            "FeedbackDialog", "Activity feedback: submitted by {staff} on {day}."
        ).format(staff=staff, day=day)
    if status.state is FeedbackState.WAIVED:
        return QCoreApplication.translate(
            "FeedbackDialog", "Activity feedback: waived by {staff} on {day} — {reason}"
        ).format(staff=staff, day=day, reason=status.waive_reason or "")
    return QCoreApplication.translate(
        "FeedbackDialog",
        "Activity feedback: missing. It is needed (or a waiver with a reason) before the "
        "activity can close.",
    )


def ensure_feedback(
    parent: QWidget, context: AppContext, activity_id: uuid.UUID, title: str
) -> bool:
    """Before closing: True when feedback is given or waived, else offer the form first.

    Answers False when staff decline or cancel the form; the activity then stays open.
    """
    from models import feedback

    try:
        with context.database.reading() as session:
            if feedback.feedback_status(session, activity_id).complete:
                return True
    except UserError as exc:
        messages.error(
            parent,
            QCoreApplication.translate("FeedbackDialog", "Activity feedback"),
            user_message(exc),
        )
        return False
    if not messages.confirm(
        parent,
        QCoreApplication.translate("FeedbackDialog", "Activity feedback"),
        QCoreApplication.translate(
            "FeedbackDialog",
            "“{title}” has no activity feedback yet. Feedback (or a waiver with a reason) "
            "is needed before the activity can close.\n\nFill in the feedback now? The "
            "activity closes once it is saved.",
        ).format(title=title),
    ):
        return False
    dialog = FeedbackDialog(context, activity_id, title, parent)
    return bool(dialog.exec()) and dialog.complete


class FeedbackDialog(QDialog):
    """On Save, submits (or corrects) the feedback; "Waive feedback…" asks for a reason."""

    def __init__(
        self,
        context: AppContext,
        activity_id: uuid.UUID,
        title: str,
        parent: QWidget | None = None,
        *,
        editable: bool = True,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.activity_id = activity_id
        self.activity_title = title
        self.change: Any = None  # models.feedback.FeedbackChange once saved or waived
        self.complete = False  # given or waived when the dialog closed
        self.setWindowTitle(self.tr("Activity feedback"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        style.wear(heading, "panelTitle")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        intro = QLabel(
            self.tr(
                "What the activity achieved, for the programme office. People served, what "
                "was done and the volunteers' satisfaction are needed; the rest is optional."
            )
        )
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.people_served = QSpinBox()
        self.people_served.setRange(NOT_ENTERED, MAX_PEOPLE_SERVED)
        self.people_served.setSpecialValueText(self.tr("not entered"))
        self.people_served.setValue(NOT_ENTERED)
        self.beneficiaries = QLineEdit()
        self.beneficiaries.setPlaceholderText(
            self.tr("e.g. children of the community, elderly residents, store customers")
        )
        self.work_done = QPlainTextEdit()
        self.work_done.setPlaceholderText(
            self.tr("e.g. sorted donated clothes by kind and grade and packed 20 boxes")
        )
        self.outcomes = QPlainTextEdit()
        self.outcomes.setPlaceholderText(
            self.tr("What came of it, e.g. 300 items ready for sale, the reading corner reopened")
        )
        self.problems = QPlainTextEdit()
        self.problems.setPlaceholderText(
            self.tr("Anything that went wrong or should change next time")
        )
        for edit in (self.work_done, self.outcomes, self.problems):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(72)
        self.photo_count = QSpinBox()
        self.photo_count.setRange(0, MAX_PHOTOS)
        self.satisfaction = QComboBox()
        self.satisfaction.addItem(self.tr("Choose…"), None)
        for score, words in satisfaction_words().items():
            self.satisfaction.addItem(words, score)
        form.addRow(
            self.tr("People served"),
            self._with_hint(
                self.people_served, self.tr("How many people the activity reached (0 if none).")
            ),
        )
        form.addRow(self.tr("Who they were"), self.beneficiaries)
        form.addRow(self.tr("What was done"), self.work_done)
        form.addRow(self.tr("Outcomes"), self.outcomes)
        form.addRow(self.tr("Problems"), self.problems)
        form.addRow(
            self.tr("Number of photos"),
            self._with_hint(
                self.photo_count, self.tr("Photos taken at the activity and kept on file.")
            ),
        )
        form.addRow(
            self.tr("Volunteers' satisfaction"),
            self._with_hint(
                self.satisfaction,
                self.tr("How the volunteers felt about the activity overall, from 1 to 5."),
            ),
        )
        layout.addLayout(form)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save feedback"))
        self.waive_button = QPushButton(self.tr("Waive feedback…"))
        self.buttons.addButton(self.waive_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.waive_button.clicked.connect(self.waive)
        layout.addWidget(self.buttons)
        self._load(editable)

    @staticmethod
    def _with_hint(widget: QWidget, hint: str) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        label = QLabel(hint)
        label.setObjectName("hint")
        label.setWordWrap(True)
        column.addWidget(label)
        return box

    # --- loading -----------------------------------------------------------------
    def _load(self, editable: bool) -> None:
        from models import feedback

        with self.context.database.reading() as session:
            status = feedback.feedback_status(session, self.activity_id)
            existing = feedback.get_feedback(session, self.activity_id)
        self.status.setText(feedback_status_text(status))
        if existing is not None and not existing.waived:
            self._show(existing)
        submitted = status.state is FeedbackState.SUBMITTED
        self.waive_button.setEnabled(editable and not submitted)
        if submitted:
            self.waive_button.setToolTip(
                self.tr("Feedback has been given; a waiver is only for an activity without one.")
            )
        if not editable:
            self.status.setText(
                self.status.text()
                + "\n"
                + self.tr("This activity is exported; its feedback can no longer be changed.")
            )
            self.save_button.setEnabled(False)
            for widget in self._fields():
                widget.setEnabled(False)

    def _fields(self) -> tuple[QWidget, ...]:
        return (
            self.people_served,
            self.beneficiaries,
            self.work_done,
            self.outcomes,
            self.problems,
            self.photo_count,
            self.satisfaction,
        )

    def _show(self, existing: Feedback) -> None:
        self.people_served.setValue(
            NOT_ENTERED if existing.people_served is None else existing.people_served
        )
        self.beneficiaries.setText(existing.beneficiaries or "")
        self.work_done.setPlainText(existing.work_done or "")
        self.outcomes.setPlainText(existing.outcomes or "")
        self.problems.setPlainText(existing.problems or "")
        self.photo_count.setValue(existing.photo_count)
        self.satisfaction.setCurrentIndex(max(0, self.satisfaction.findData(existing.satisfaction)))

    # --- the form ------------------------------------------------------------------
    def data(self) -> FeedbackData:
        people = self.people_served.value()
        score = self.satisfaction.currentData()
        return FeedbackData(
            people_served=None if people == NOT_ENTERED else people,
            work_done=self.work_done.toPlainText(),
            satisfaction=None if score is None else int(score),
            beneficiaries=self.beneficiaries.text(),
            outcomes=self.outcomes.toPlainText(),
            problems=self.problems.toPlainText(),
            photo_count=self.photo_count.value(),
        )

    def has_input(self) -> bool:
        """Has anything been typed or chosen (so waiving would throw it away)?"""
        texts = (
            self.beneficiaries.text(),
            self.work_done.toPlainText(),
            self.outcomes.toPlainText(),
            self.problems.toPlainText(),
        )
        return (
            any(text.strip() for text in texts)
            or self.people_served.value() != NOT_ENTERED
            or self.photo_count.value() > 0
            or self.satisfaction.currentData() is not None
        )

    # --- saving --------------------------------------------------------------------
    def accept(self) -> None:
        from models import feedback

        data = self.data()
        try:
            with self.context.database.transaction() as session:
                self.change = feedback.save_feedback(
                    session, self.activity_id, data, staff=self.context.staff
                )
        except UserError as exc:
            messages.error(self, self.windowTitle(), user_message(exc))
            return
        self.complete = True
        super().accept()

    def waive(self) -> None:
        from models import feedback

        title = self.tr("Waive feedback")
        if self.has_input() and not messages.confirm(
            self,
            title,
            self.tr("Waiving the feedback discards what you entered in the form. Waive anyway?"),
        ):
            return
        reason = messages.ask_text(
            self,
            title,
            self.tr(
                "Why will there be no feedback for this activity? The reason is kept in the "
                "audit log and sent to the programme office."
            ),
        )
        if reason is None:
            return
        try:
            with self.context.database.transaction() as session:
                self.change = feedback.waive_feedback(
                    session, self.activity_id, reason=reason, staff=self.context.staff
                )
        except UserError as exc:
            messages.error(self, title, user_message(exc))
            return
        self.complete = True
        super().accept()
