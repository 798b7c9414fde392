"""First run: who the organisation is, its stores, and the matching rate."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import user_message
from desktop.time_zones import COMMON_TIME_ZONES
from desktop.widgets import forms
from models import organisation
from models.db import Database
from models.errors import UserError
from models.money import parse_yuan
from models.organisation import SetupRequest, SetupResult, StoreSpec


class SetupDialog(QDialog):
    """Asks for the profile, creates it (with fresh keys) when the user presses OK."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.result_value: SetupResult | None = None
        self.setWindowTitle(self.tr("Welcome to Partner Desk"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Before you start, tell Partner Desk about your organisation. You can change "
                "the name, stores and rate later in Settings; the code is printed on every "
                "label and badge, so choose it with care."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Green Sprout Community Service Centre"))
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("2–12 letters or digits, e.g. GREEN"))
        self.code.setMaxLength(12)
        self.time_zone = QComboBox()
        self.time_zone.setEditable(True)
        self.time_zone.addItems(COMMON_TIME_ZONES)
        self.staff_name = QLineEdit()
        self.staff_name.setPlaceholderText(self.tr("Written in the records you make"))
        self.rate = QLineEdit("100")
        form.addRow(self.tr("Organisation name"), self.name)
        form.addRow(self.tr("Organisation code"), self.code)
        form.addRow(self.tr("Time zone"), self.time_zone)
        form.addRow(self.tr("Your name"), self.staff_name)
        form.addRow(self.tr("Matching donation (¥ per approved hour)"), self.rate)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Stores or sites (code and name)")))
        self.stores = QTableWidget(1, 2)
        self.stores.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Name")])
        self.stores.horizontalHeader().setStretchLastSection(True)
        self.stores.setItem(0, 0, QTableWidgetItem("S01"))
        self.stores.setItem(0, 1, QTableWidgetItem(""))
        layout.addWidget(self.stores)
        store_buttons = QHBoxLayout()
        self.add_store_button = QPushButton(self.tr("Add store"))
        self.add_store_button.clicked.connect(self.add_store_row)
        self.remove_store_button = QPushButton(self.tr("Remove store"))
        self.remove_store_button.clicked.connect(self.remove_store_row)
        store_buttons.addWidget(self.add_store_button)
        store_buttons.addWidget(self.remove_store_button)
        store_buttons.addStretch(1)
        layout.addLayout(store_buttons)
        self.error = forms.error_label()
        layout.addWidget(self.error)
        self.buttons = forms.ok_cancel(self)
        layout.addWidget(self.buttons)

    def add_store_row(self) -> None:
        row = self.stores.rowCount()
        self.stores.insertRow(row)
        self.stores.setItem(row, 0, QTableWidgetItem(f"S{row + 1:02d}"))
        self.stores.setItem(row, 1, QTableWidgetItem(""))
        self.stores.setCurrentCell(row, 1)

    def remove_store_row(self) -> None:
        row = self.stores.currentRow()
        if row >= 0 and self.stores.rowCount() > 1:
            self.stores.removeRow(row)

    def _store_specs(self) -> tuple[StoreSpec, ...]:
        specs = []
        for row in range(self.stores.rowCount()):
            code_item = self.stores.item(row, 0)
            name_item = self.stores.item(row, 1)
            code = code_item.text().strip() if code_item else ""
            name = name_item.text().strip() if name_item else ""
            if code or name:
                specs.append(StoreSpec(code=code, name=name))
        return tuple(specs)

    def request(self) -> SetupRequest:
        return SetupRequest(
            name=self.name.text(),
            code=self.code.text(),
            stores=self._store_specs(),
            rate_fen_per_hour=parse_yuan(self.rate.text() or "0"),
            time_zone=self.time_zone.currentText().strip(),
            staff_name=self.staff_name.text(),
        )

    def accept(self) -> None:
        try:
            request = self.request()
            with self.database.transaction() as session:
                self.result_value = organisation.set_up(session, request)
        except UserError as exc:
            self.error.setText(user_message(exc))
            return
        super().accept()
