"""Add or edit a volunteer, with the recorded consent to keep their data."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from desktop.context import AppContext
from desktop.i18n import user_message
from desktop.widgets import forms
from models.errors import UserError


class VolunteerDialog(QDialog):
    def __init__(self, context: AppContext, row: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.volunteer_id: uuid.UUID | None = row.id if row is not None else None
        self.setWindowTitle(self.tr("Edit volunteer") if row else self.tr("New volunteer"))
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.employer = QLineEdit()
        self.employee_no = QLineEdit()
        self.programme_id = QLineEdit()
        self.skills = QLineEdit()
        self.notes = QLineEdit()
        self.consent = QCheckBox(self.tr("Agreed that we keep their data"))
        self.consent_note = QLineEdit()
        self.consent_note.setPlaceholderText(self.tr("How, e.g. paper form on file"))
        self.error = forms.error_label()
        for label, widget in (
            (self.tr("Name"), self.name),
            (self.tr("Phone"), self.phone),
            (self.tr("Employer"), self.employer),
            (self.tr("Employee number"), self.employee_no),
            (self.tr("Programme volunteer id"), self.programme_id),
            (self.tr("Skills"), self.skills),
            (self.tr("Notes"), self.notes),
        ):
            form.addRow(label, widget)
        form.addRow(self.consent)
        form.addRow(self.tr("Consent note"), self.consent_note)
        form.addRow(self.error)
        self.buttons = forms.ok_cancel(self)
        form.addRow(self.buttons)
        if row is not None:
            self.name.setText(row.name)
            self.phone.setText(row.phone or "")
            self.employer.setText(row.employer or "")
            self.employee_no.setText(row.employee_no or "")
            self.programme_id.setText(row.programme_id or "")
            self.skills.setText(row.skills or "")
            self.notes.setText(row.notes or "")
            self.consent.setChecked(row.consent_at is not None)
            self.consent_note.setText(row.consent_note or "")

    def data(self) -> Any:
        from models.volunteers import VolunteerData

        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        return VolunteerData(
            name=self.name.text(),
            phone=text(self.phone),
            employer=text(self.employer),
            employee_no=text(self.employee_no),
            programme_id=text(self.programme_id),
            skills=text(self.skills),
            notes=text(self.notes),
            consent=self.consent.isChecked(),
            consent_note=text(self.consent_note),
        )

    def accept(self) -> None:
        from models import volunteers

        try:
            data = self.data()
            with self.context.database.transaction() as session:
                if self.volunteer_id is None:
                    self.volunteer_id = volunteers.add_volunteer(
                        session, data, staff=self.context.staff
                    )
                else:
                    volunteers.update_volunteer(
                        session, self.volunteer_id, data, staff=self.context.staff
                    )
        except UserError as exc:
            self.error.setText(user_message(exc))
            return
        super().accept()
