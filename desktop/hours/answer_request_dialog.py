"""Answer a volunteer's correction request, naming the hour entry it led to, if any.

An answered request stays as it was answered
(``models.correction_requests.answer_request``).
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.context import AppContext
from desktop.hours.hour_labels import entry_status_text, kind_label, signed_hours
from desktop.i18n import user_message
from desktop.widgets import forms
from models.clock import local
from models.enums import HourKind
from models.errors import UserError


class AnswerRequestDialog(QDialog):
    def __init__(self, context: AppContext, row: Any, parent: QWidget | None = None) -> None:
        """``row`` is an open ``models.correction_requests.RequestRow``."""
        super().__init__(parent)
        self.context = context
        self.request_id: uuid.UUID = row.id
        self.change: Any = None  # models.correction_requests.RequestChange once saved
        self.setWindowTitle(self.tr("Answer a correction request"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        received = local(row.received_at, context.time_zone)
        asked = QLabel(
            f"{row.volunteer_name} ({row.volunteer_code}) · {received:%Y-%m-%d %H:%M}\n"
            f"{row.request_text}"
        )
        asked.setWordWrap(True)
        form.addRow(self.tr("Request"), asked)
        self.response = QPlainTextEdit()
        self.response.setPlaceholderText(
            self.tr("e.g. added 3 hours as a supplemental entry; told by phone on 14 March")
        )
        self.response.setMaximumHeight(100)
        self.entry = QComboBox()
        self.entry.addItem(self.tr("(no hours changed)"), None)
        self._load_entries(row.volunteer_id)
        self.staff = QLineEdit(context.staff_name)
        self.error = forms.error_label()
        form.addRow(self.tr("Answer"), self.response)
        form.addRow(self.tr("Led to the entry"), self.entry)
        form.addRow(self.tr("Answered by (staff)"), self.staff)
        form.addRow(self.error)
        self.buttons = forms.ok_cancel(self)
        form.addRow(self.buttons)

    def _load_entries(self, volunteer_id: uuid.UUID) -> None:
        from models import hours

        with self.context.database.reading() as session:
            rows = hours.list_entries(session, volunteer_id=volunteer_id)
        changes = [r for r in rows if r.kind in (HourKind.SUPPLEMENTAL, HourKind.CORRECTION)]
        for entry in reversed(changes):
            hours_text = signed_hours(entry.minutes, signed=entry.kind is HourKind.CORRECTION)
            label = (
                f"{entry.work_date} · {kind_label(entry.kind)} · {hours_text} h · "
                f"{entry_status_text(entry)}"
            )
            self.entry.addItem(label, str(entry.id))

    def choose_entry(self, entry_id: uuid.UUID) -> None:
        self.entry.setCurrentIndex(max(0, self.entry.findData(str(entry_id))))

    def accept(self) -> None:
        from models import correction_requests

        entry = self.entry.currentData()
        try:
            with self.context.database.transaction() as session:
                self.change = correction_requests.answer_request(
                    session,
                    self.request_id,
                    response=self.response.toPlainText(),
                    staff=self.staff.text(),
                    resulting_entry_id=uuid.UUID(str(entry)) if entry else None,
                )
        except UserError as exc:
            self.error.setText(user_message(exc))
            return
        super().accept()
