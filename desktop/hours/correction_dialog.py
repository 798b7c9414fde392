"""Correct approved hours: a new pending correction row, the approved entry stays locked.

The row carries the difference to the minutes counted now and counts only once
approved (``models.hours.add_correction``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.context import AppContext
from desktop.i18n import user_message
from desktop.widgets import forms
from models.enums import HourKind
from models.errors import UserError
from models.hour_rules import MINUTES_PER_DAY
from models.money import format_minutes_as_hours


class CorrectionDialog(QDialog):
    def __init__(self, context: AppContext, row: Any, parent: QWidget | None = None) -> None:
        """``row`` is an approved ``models.hours.EntryRow`` (or an approved correction)."""
        super().__init__(parent)
        from models import hours

        self.context = context
        self.entry_id = row.corrects_id if row.kind is HourKind.CORRECTION else row.id
        self.added: Any = None  # models.hours.EntryAdded once saved
        self.setWindowTitle(self.tr("Correct approved hours"))
        self.setMinimumWidth(480)
        with context.database.reading() as session:
            self.current = hours.corrected_minutes(session, self.entry_id)
        form = QFormLayout(self)
        intro = QLabel(
            self.tr(
                "Approved hours are locked. A correction is a new entry with the difference; "
                "it starts as pending and counts only once approved."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        what = f"{row.volunteer_name} ({row.volunteer_code}) · {row.work_date}"
        if row.activity_title:
            what += f" · {row.activity_title}"
        form.addRow(self.tr("Hours of"), QLabel(what))
        form.addRow(
            self.tr("Counted now"),
            QLabel(
                self.tr("{hours} h ({minutes} minutes)").format(
                    hours=format_minutes_as_hours(self.current), minutes=self.current
                )
            ),
        )
        self.minutes = QSpinBox()
        self.minutes.setRange(0, MINUTES_PER_DAY)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(self.current)
        self.minutes.setSuffix(self.tr(" minutes"))
        self.hours_label = QLabel()
        self.minutes.valueChanged.connect(self._show_hours)
        self._show_hours()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. left an hour early, confirmed by the leader"))
        self.staff = QLineEdit(context.staff_name)
        self.error = forms.error_label()
        form.addRow(self.tr("Should count"), self.minutes)
        form.addRow("", self.hours_label)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Entered by (staff)"), self.staff)
        form.addRow(self.error)
        self.buttons = forms.ok_cancel(self)
        form.addRow(self.buttons)

    def _show_hours(self) -> None:
        self.hours_label.setText(
            self.tr("= {hours} h").format(hours=format_minutes_as_hours(self.minutes.value()))
        )

    def accept(self) -> None:
        from models import hours

        try:
            with self.context.database.transaction() as session:
                self.added = hours.add_correction(
                    session,
                    self.entry_id,
                    self.minutes.value(),
                    reason=self.reason.text(),
                    staff=self.staff.text(),
                )
        except UserError as exc:
            self.error.setText(user_message(exc))
            return
        super().accept()
