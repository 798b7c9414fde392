"""Add a supplemental (补录) entry: hours the kiosk did not record, with a reason.

The entry starts as pending and counts only once approved; the rules count it
like a session (rounding, minimum, caps), and ``models.hours.add_supplemental``
refuses overlaps, future times and entries that would count nothing.
"""

from __future__ import annotations

import uuid
from datetime import date, time
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from desktop.context import AppContext
from desktop.hours.volunteer_picker import VolunteerPicker
from desktop.i18n import user_message
from desktop.widgets import forms
from models.clock import local
from models.errors import UserError

ACTIVITY_LIMIT = 200


class SupplementalDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        volunteer: tuple[uuid.UUID, str] | None = None,
        day: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.added: Any = None  # models.hours.EntryAdded once saved
        self.setWindowTitle(self.tr("Supplemental entry"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        intro = QLabel(
            self.tr(
                "For hours the check-in kiosk did not record, e.g. from a paper sign-in "
                "sheet. The entry starts as pending and counts only once approved."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.volunteer = VolunteerPicker(context)
        if volunteer is not None:
            self.volunteer.set_volunteer(*volunteer)
        self.activity = QComboBox()
        self.activity.addItem(self.tr("(no activity)"), None)
        self.day = QDateEdit(context.today_qdate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        if day is not None:
            self.day.setDate(QDate(day.year, day.month, day.day))
        self.start = QTimeEdit(QTime(9, 0))
        self.end = QTimeEdit(QTime(12, 0))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. signed the paper sheet, kiosk was off"))
        self.staff = QLineEdit(context.staff_name)
        self.error = forms.error_label()
        form.addRow(self.tr("Volunteer"), self.volunteer)
        form.addRow(self.tr("Activity"), self.activity)
        form.addRow(self.tr("Day"), self.day)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Entered by (staff)"), self.staff)
        form.addRow(self.error)
        self.buttons = forms.ok_cancel(self)
        form.addRow(self.buttons)
        self._activities: dict[str, Any] = {}
        self._load_activities()
        self.activity.currentIndexChanged.connect(self._activity_chosen)

    def _load_activities(self) -> None:
        from models import activities

        with self.context.database.reading() as session:
            rows = activities.list_activities(session, limit=ACTIVITY_LIMIT)
        for row in rows:
            start = local(row.starts_at, self.context.time_zone)
            self.activity.addItem(f"{start:%Y-%m-%d} {row.title}", str(row.id))
            self._activities[str(row.id)] = row

    def choose_activity(self, activity_id: uuid.UUID) -> None:
        """Pick an activity (its day and times are filled in)."""
        self.activity.setCurrentIndex(max(0, self.activity.findData(str(activity_id))))

    def _activity_chosen(self) -> None:
        row = self._activities.get(str(self.activity.currentData()))
        if row is None:
            return
        start = local(row.starts_at, self.context.time_zone)
        end = local(row.ends_at, self.context.time_zone)
        self.day.setDate(QDate(start.year, start.month, start.day))
        self.start.setTime(QTime(start.hour, start.minute))
        self.end.setTime(QTime(end.hour, end.minute))

    def data(self) -> Any:
        from models.activities import local_to_utc
        from models.hours import SupplementalData

        volunteer_id = self.volunteer.volunteer_id()
        assert volunteer_id is not None
        zone = ZoneInfo(self.context.time_zone)
        qday, qs, qe = self.day.date(), self.start.time(), self.end.time()
        day = date(qday.year(), qday.month(), qday.day())
        activity = self.activity.currentData()
        return SupplementalData(
            volunteer_id=volunteer_id,
            started_at=local_to_utc(day, time(qs.hour(), qs.minute()), zone),
            ended_at=local_to_utc(day, time(qe.hour(), qe.minute()), zone),
            reason=self.reason.text(),
            activity_id=uuid.UUID(str(activity)) if activity else None,
        )

    def accept(self) -> None:
        from models import hours

        if self.volunteer.volunteer_id() is None:
            self.error.setText(self.tr("Choose the volunteer first."))
            return
        try:
            data = self.data()
            with self.context.database.transaction() as session:
                self.added = hours.add_supplemental(session, data, staff=self.staff.text())
        except UserError as exc:
            self.error.setText(user_message(exc))
            return
        super().accept()
