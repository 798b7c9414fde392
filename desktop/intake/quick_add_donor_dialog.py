"""Add a donor in a few keystrokes: kind, name, phone."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from desktop.context import AppContext
from desktop.i18n import user_message
from desktop.labels import donor_kind_label
from desktop.widgets import forms
from models.enums import DonorKind
from models.errors import UserError


class QuickAddDonorDialog(QDialog):
    def __init__(self, context: AppContext, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.created: tuple[uuid.UUID, str] | None = None
        self.setWindowTitle(self.tr("New donor"))
        form = QFormLayout(self)
        self.kind = QComboBox()
        for kind in (DonorKind.INDIVIDUAL, DonorKind.CORPORATE):
            self.kind.addItem(donor_kind_label(kind), kind.value)
        self.name = QLineEdit(name if not name.replace(" ", "").isdigit() else "")
        self.phone = QLineEdit(name if name.replace(" ", "").isdigit() else "")
        self.phone.setPlaceholderText(self.tr("Mobile or landline (optional)"))
        self.error = forms.error_label()
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.error)
        self.buttons = forms.ok_cancel(self)
        form.addRow(self.buttons)

    def accept(self) -> None:
        import models.intake as intake

        try:
            with self.context.database.transaction() as session:
                donor_id = intake.add_donor(
                    session,
                    kind=DonorKind(self.kind.currentData()),
                    name=self.name.text(),
                    phone=self.phone.text().strip() or None,
                    staff=self.context.staff,
                )
        except UserError as exc:
            self.error.setText(user_message(exc))
            return
        self.created = (donor_id, self.name.text().strip())
        super().accept()
