"""Log a volunteer's own request to correct their service record (民政部令第67号).

The request is written down as the volunteer made it and stays open until staff
answer it (``models.correction_requests.log_request``).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.context import AppContext
from desktop.hours.volunteer_picker import VolunteerPicker
from desktop.i18n import user_message
from desktop.widgets import forms
from models.clock import local, utcnow
from models.errors import UserError

ACTIVITY_LIMIT = 200


class LogRequestDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        volunteer: tuple[uuid.UUID, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.change: Any = None  # models.correction_requests.RequestChange once saved
        self.setWindowTitle(self.tr("Log a correction request"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        intro = QLabel(
            self.tr(
                "Write down what the volunteer asks to have corrected in their service "
                "record. The request stays open until it is answered."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.volunteer = VolunteerPicker(context)
        if volunteer is not None:
            self.volunteer.set_volunteer(*volunteer)
        self.activity = QComboBox()
        self.activity.addItem(self.tr("(not about one activity)"), None)
        self.received = QDateTimeEdit()
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received.setCalendarPopup(True)
        now = local(utcnow(), context.time_zone)
        self.received.setDateTime(
            QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute))
        )
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr("e.g. was at the 12 March sorting day, 3 hours missing")
        )
        self.text.setMaximumHeight(100)
        self.staff = QLineEdit(context.staff_name)
        self.error = forms.error_label()
        form.addRow(self.tr("Volunteer"), self.volunteer)
        form.addRow(self.tr("Activity"), self.activity)
        form.addRow(self.tr("Received"), self.received)
        form.addRow(self.tr("Request"), self.text)
        form.addRow(self.tr("Logged by (staff)"), self.staff)
        form.addRow(self.error)
        self.buttons = forms.ok_cancel(self)
        form.addRow(self.buttons)
        self._load_activities()

    def _load_activities(self) -> None:
        from models import activities

        with self.context.database.reading() as session:
            rows = activities.list_activities(session, limit=ACTIVITY_LIMIT)
        for row in rows:
            start = local(row.starts_at, self.context.time_zone)
            self.activity.addItem(f"{start:%Y-%m-%d} {row.title}", str(row.id))

    def _received_at(self) -> datetime:
        value = self.received.dateTime()
        day, at = value.date(), value.time()
        zone = ZoneInfo(self.context.time_zone)
        return datetime(day.year(), day.month(), day.day(), at.hour(), at.minute(), tzinfo=zone)

    def accept(self) -> None:
        from models import correction_requests

        volunteer_id = self.volunteer.volunteer_id()
        if volunteer_id is None:
            self.error.setText(self.tr("Choose the volunteer first."))
            return
        activity = self.activity.currentData()
        try:
            with self.context.database.transaction() as session:
                self.change = correction_requests.log_request(
                    session,
                    volunteer_id=volunteer_id,
                    text=self.text.toPlainText(),
                    staff=self.staff.text(),
                    activity_id=uuid.UUID(str(activity)) if activity else None,
                    received_at=min(self._received_at(), utcnow()),
                )
        except UserError as exc:
            self.error.setText(user_message(exc))
            return
        super().accept()
