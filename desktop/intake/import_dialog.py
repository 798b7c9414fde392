"""Bulk import of a corporate donation list (CSV or XLSX).

Choose the file, check the preview and the column mapping, validate every row,
and import — all rows as one donation, or nothing at all.
"""

from __future__ import annotations

import sys
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import style
from desktop.context import AppContext
from desktop.i18n import user_message
from desktop.intake.donor_picker import DonorPicker
from desktop.jobs import Progress, run_job
from desktop.labels import grade_label
from desktop.widgets.list_import import (
    chosen_mapping,
    fill_mapping,
    fill_preview,
    fill_problems,
)
from models.enums import Grade
from models.errors import UserError
from models.money import format_fen

PREVIEW_ROWS = 100


class ImportDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.table_data: Any = None
        self.validation: Any = None
        self.result_value: Any = None
        self.setWindowTitle(self.tr("Import a donation list"))
        self.resize(980, 720)
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.file_label = QLabel(self.tr("CSV or Excel (.xlsx), one item per row"))
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        layout.addLayout(top)

        self.preview = QTableWidget(0, 0)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.preview, 2)

        settings = QHBoxLayout()
        mapping_box = QGroupBox(self.tr("Columns"))
        self.mapping_form = QFormLayout(mapping_box)
        self.mapping: dict[str, QComboBox] = {}
        names = {
            "description": self.tr("Description"),
            "category": self.tr("Category"),
            "grade": self.tr("Condition"),
            "quantity": self.tr("Quantity"),
            "unit_value": self.tr("Estimated unit value (¥)"),
        }
        from models.donation_import import FIELDS

        for name in FIELDS:
            combo = QComboBox()
            self.mapping[name] = combo
            self.mapping_form.addRow(names.get(name, name), combo)
        self.unknown = QLabel()
        self.unknown.setWordWrap(True)
        self.mapping_form.addRow(self.unknown)
        settings.addWidget(mapping_box, 1)

        defaults_box = QGroupBox(self.tr("The donation"))
        defaults = QFormLayout(defaults_box)
        self.store = QComboBox()
        self.received_on = QDateEdit(context.today_qdate())
        self.received_on.setCalendarPopup(True)
        self.received_on.setDisplayFormat("yyyy-MM-dd")
        self.donor = DonorPicker(context)
        self.default_grade = QComboBox()
        self.default_grade.addItem(self.tr("(required in the file)"), None)
        for grade in Grade:
            self.default_grade.addItem(grade_label(grade), grade.value)
        defaults.addRow(self.tr("Store"), self.store)
        defaults.addRow(self.tr("Date"), self.received_on)
        defaults.addRow(self.tr("Donor"), self.donor)
        defaults.addRow(self.tr("Condition when empty"), self.default_grade)
        settings.addWidget(defaults_box, 1)
        layout.addLayout(settings)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.errors = QTableWidget(0, 3)
        self.errors.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        )
        self.errors.horizontalHeader().setStretchLastSection(True)
        self.errors.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.errors.verticalHeader().setVisible(False)
        layout.addWidget(self.errors, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.validate_button = QPushButton(self.tr("Check every row"))
        self.import_button = QPushButton(self.tr("Import"))
        style.wear(self.import_button, "primaryButton")
        self.close_button = QPushButton(self.tr("Close"))
        for button in (self.validate_button, self.import_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.validate_button.setEnabled(False)
        self.import_button.setEnabled(False)

        self.choose_button.clicked.connect(self.choose_file)
        self.validate_button.clicked.connect(self.validate)
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.reject)
        for combo in self.mapping.values():
            combo.currentIndexChanged.connect(self._invalidate)
        self._load_stores()

    def _load_stores(self) -> None:
        from models import organisation

        with self.context.database.reading() as session:
            for store_id, code, name in organisation.stores(session):
                self.store.addItem(f"{code} {name}", str(store_id))

    def _invalidate(self) -> None:
        self.validation = None
        self.import_button.setEnabled(False)

    # --- reading ------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a donation list"),
            str(Path.home()),
            self.tr("Donation lists (*.csv *.xlsx);;All files (*)"),
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        from models import donation_import

        def work(progress: Progress) -> Any:
            return donation_import.read_table(path)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                self.summary.setText(user_message(exc))
            else:
                sys.excepthook(type(exc), exc, exc.__traceback__)

        self.file_label.setText(str(path))
        run_job(self, self.tr("Reading the file"), work, self.show_table, on_failure=failed)

    def show_table(self, table: Any) -> None:
        from models import donation_import

        self.table_data = table
        headers = list(table.headers)
        fill_preview(self.preview, table, PREVIEW_ROWS)
        suggested = donation_import.suggest_mapping(headers)
        fill_mapping(self.mapping, headers, suggested, self.tr("(not in the file)"))
        unknown = donation_import.unknown_columns(headers, suggested)
        self.unknown.setText(
            self.tr("Columns not imported: {names}").format(names="、".join(unknown))
            if unknown
            else ""
        )
        self.summary.setText(
            self.tr("{n} rows read. Check the columns, then check every row.").format(
                n=f"{len(table.rows):,}"
            )
        )
        self.validate_button.setEnabled(True)
        self._invalidate()

    # --- checking ------------------------------------------------------------------
    def defaults(self) -> Any:
        from models.donation_import import ImportDefaults

        qdate = self.received_on.date()
        grade = self.default_grade.currentData()
        return ImportDefaults(
            store_id=uuid.UUID(self.store.currentData()),
            received_on=date(qdate.year(), qdate.month(), qdate.day()),
            donor_id=self.donor.donor_id,
            grade=Grade(grade) if grade else None,
        )

    def chosen_mapping(self) -> dict[str, str]:
        return chosen_mapping(self.mapping)

    def validate(self) -> None:
        from models import donation_import

        if self.table_data is None:
            return
        table, mapping = self.table_data, self.chosen_mapping()
        try:
            defaults = self.defaults()
        except (TypeError, ValueError):
            self.summary.setText(self.tr("Choose the store that received the donation."))
            return
        database = self.context.database

        def work(progress: Progress) -> Any:
            with database.reading() as session:
                return donation_import.validate(session, table, mapping, defaults)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                self.summary.setText(user_message(exc))
            else:
                sys.excepthook(type(exc), exc, exc.__traceback__)

        run_job(self, self.tr("Checking every row"), work, self.show_validation, on_failure=failed)

    def show_validation(self, validation: Any) -> None:
        self.validation = validation
        fill_problems(self.errors, list(validation.errors))
        if validation.error_count:
            self.summary.setText(
                self.tr(
                    "{bad} problems found; nothing can be imported until they are fixed in "
                    "the file. {ok} rows are fine."
                ).format(bad=f"{validation.error_count:,}", ok=f"{len(validation.ok_rows):,}")
            )
        else:
            self.summary.setText(
                self.tr("All {n} rows are fine: {pieces} pieces, estimated {value}.").format(
                    n=f"{len(validation.ok_rows):,}",
                    pieces=f"{validation.total_quantity:,}",
                    value=format_fen(validation.total_value_fen),
                )
            )
        self.import_button.setEnabled(validation.error_count == 0 and bool(validation.ok_rows))

    # --- importing ----------------------------------------------------------------------
    def run_import(self) -> None:
        from models import donation_import

        validation, defaults = self.validation, self.defaults()
        if validation is None:
            return
        database, staff = self.context.database, self.context.staff

        def work(progress: Progress) -> Any:
            with database.transaction() as session:
                return donation_import.import_rows(
                    session, validation, defaults, staff=staff, progress=progress.report
                )

        def done(result: Any) -> None:
            self.result_value = result
            self.summary.setText(
                self.tr("Imported {n} items as receipt {receipt} ({first} … {last}).").format(
                    n=f"{result.item_count:,}",
                    receipt=result.receipt_no,
                    first=result.first_code,
                    last=result.last_code,
                )
            )
            self.import_button.setEnabled(False)
            self.validate_button.setEnabled(False)

        run_job(self, self.tr("Importing"), work, done)
