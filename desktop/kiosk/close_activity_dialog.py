"""Close an activity: everyone still checked in is resolved by staff first.

Each open session gets one choice — end it at the scheduled end (flagged for
review), enter the real time, or discard it — and the activity closes only when
every row has one. Nothing is counted silently; every resolution is audited.
The activity feedback must be given or waived too: the dialog shows whether it
is, and when it is missing offers the feedback form before closing.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import messages
from desktop.context import AppContext
from desktop.i18n import user_message
from desktop.widgets import forms
from models.clock import local
from models.errors import UserError

if TYPE_CHECKING:
    from models import checkin_sessions

SCHEDULED_END = "scheduled_end"
MANUAL_TIME = "manual_time"
DISCARDED = "discarded"


class CloseActivityDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        activity_id: uuid.UUID,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from models import checkin_sessions

        self.context = context
        self.activity_id = activity_id
        self.activity_title = title
        self.closed = False
        self.setWindowTitle(self.tr("Close activity"))
        self.setMinimumSize(640, 380)
        with context.database.reading() as session:
            self.sessions: list[checkin_sessions.OpenSession] = checkin_sessions.open_sessions(
                session, activity_id
            )
        layout = QVBoxLayout(self)
        if self.sessions:
            intro = self.tr(
                "{n} volunteer(s) of “{title}” are still checked in. Decide for each how "
                "their attendance ends; nothing is counted until you do."
            ).format(n=len(self.sessions), title=title)
        else:
            intro = self.tr("Nobody is checked in any more. Close “{title}” now?").format(
                title=title
            )
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        feedback_row = QHBoxLayout()
        self.feedback_line = QLabel()
        self.feedback_line.setWordWrap(True)
        self.feedback_button = QPushButton(self.tr("Feedback…"))
        self.feedback_button.clicked.connect(self.edit_feedback)
        feedback_row.addWidget(self.feedback_line, 1)
        feedback_row.addWidget(self.feedback_button)
        layout.addLayout(feedback_row)
        self.show_feedback_status()
        self.table = QTableWidget(len(self.sessions), 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Volunteer"),
                self.tr("Checked in"),
                self.tr("How it ends"),
                self.tr("Real end"),
                self.tr("Reason (needed to discard)"),
            ]
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        self.choices: list[QComboBox] = []
        self.times: list[QDateTimeEdit] = []
        self.reasons: list[QLineEdit] = []
        zone = context.time_zone
        qt_zone = QTimeZone(zone.encode())
        for row, open_session in enumerate(self.sessions):
            started = local(open_session.started_at, zone)
            self.table.setItem(row, 0, QTableWidgetItem(open_session.name))
            self.table.setItem(row, 1, QTableWidgetItem(f"{started:%Y-%m-%d %H:%M}"))
            choice = QComboBox()
            choice.addItem(self.tr("Choose…"), "")
            choice.addItem(self.tr("Scheduled end (review later)"), SCHEDULED_END)
            choice.addItem(self.tr("Enter the real time"), MANUAL_TIME)
            choice.addItem(self.tr("Discard (not counted)"), DISCARDED)
            self.table.setCellWidget(row, 2, choice)
            edit = QDateTimeEdit()
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setTimeZone(qt_zone)
            edit.setDateTime(
                QDateTime.fromSecsSinceEpoch(int(open_session.started_at.timestamp()), qt_zone)
            )
            edit.setEnabled(False)
            choice.currentIndexChanged.connect(
                lambda _i, c=choice, e=edit: e.setEnabled(c.currentData() == MANUAL_TIME)
            )
            self.table.setCellWidget(row, 3, edit)
            reason = QLineEdit()
            self.table.setCellWidget(row, 4, reason)
            self.choices.append(choice)
            self.times.append(edit)
            self.reasons.append(reason)
        self.table.resizeColumnsToContents()
        self.table.setVisible(bool(self.sessions))
        layout.addWidget(self.table, 1)
        self.buttons = forms.ok_cancel(self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Resolve and close") if self.sessions else self.tr("Close activity")
        )
        layout.addWidget(self.buttons)

    def show_feedback_status(self) -> None:
        from desktop.activities.feedback_dialog import feedback_status_text
        from models import feedback

        try:
            with self.context.database.reading() as session:
                status = feedback.feedback_status(session, self.activity_id)
        except UserError as error:
            self.feedback_line.setText(user_message(error))
            return
        self.feedback_line.setText(feedback_status_text(status))

    def edit_feedback(self) -> None:
        from desktop.activities.feedback_dialog import FeedbackDialog

        FeedbackDialog(self.context, self.activity_id, self.activity_title, self).exec()
        self.show_feedback_status()

    def set_choice(
        self, row: int, resolution: str, ended_at: datetime | None = None, reason: str = ""
    ) -> None:
        """Pick a resolution for one row (also used by tests)."""
        choice = self.choices[row]
        choice.setCurrentIndex(choice.findData(resolution))
        self.reasons[row].setText(reason)
        if ended_at is not None:
            self.times[row].setDateTime(
                QDateTime.fromSecsSinceEpoch(int(ended_at.timestamp()), self.times[row].timeZone())
            )

    def _decisions(self) -> list[tuple[uuid.UUID, str, datetime | None, str | None]] | None:
        decisions = []
        rows = zip(self.sessions, self.choices, self.times, self.reasons, strict=True)
        for open_session, choice, edit, reason in rows:
            resolution = str(choice.currentData())
            if not resolution:
                messages.warning(
                    self,
                    self.windowTitle(),
                    self.tr("Choose how the attendance of {name} ends.").format(
                        name=open_session.name
                    ),
                )
                return None
            ended = None
            if resolution == MANUAL_TIME:
                seconds = edit.dateTime().toSecsSinceEpoch()
                ended = datetime.fromtimestamp(seconds, ZoneInfo("UTC"))
            decisions.append(
                (open_session.session_id, resolution, ended, reason.text().strip() or None)
            )
        return decisions

    def accept(self) -> None:
        from desktop.activities.feedback_dialog import ensure_feedback
        from models import activities, checkin_sessions

        decisions = self._decisions()
        if decisions is None:
            return
        ready = ensure_feedback(self, self.context, self.activity_id, self.activity_title)
        self.show_feedback_status()
        if not ready:
            return
        staff = self.context.staff

        def work(session: Any) -> None:
            for session_id, resolution, ended, reason in decisions:
                checkin_sessions.resolve_open_session(
                    session,
                    session_id,
                    resolution=resolution,
                    ended_at=ended,
                    staff=staff,
                    reason=reason,
                )
            activities.close_activity(session, self.activity_id, staff=staff)

        try:
            with self.context.database.transaction() as session:
                work(session)
        except UserError as error:
            messages.error(self, self.windowTitle(), user_message(error))
            return
        self.closed = True
        super().accept()
