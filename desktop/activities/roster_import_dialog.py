"""Import an activity's registration list (roster) from the programme (CSV/XLSX)."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
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
from desktop.jobs import Progress, run_job
from desktop.widgets.list_import import (
    chosen_mapping,
    fill_mapping,
    fill_preview,
    fill_problems,
)
from models.errors import UserError


class RosterImportDialog(QDialog):
    """Choose the file; every row is checked; import registers all or nothing."""

    def __init__(
        self,
        context: AppContext,
        activity_id: uuid.UUID | None,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.activity_id = activity_id
        self.validation: Any = None
        self.result_value: Any = None
        self.setWindowTitle(self.tr("Import roster: {title}").format(title=title))
        self.resize(820, 560)
        layout = QVBoxLayout(self)
        self.main_layout = layout
        top = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.file_label = QLabel(self.tr("CSV or Excel: name, phone, programme volunteer id"))
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        layout.addLayout(top)
        middle = QHBoxLayout()
        self.preview = QTableWidget(0, 0)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        middle.addWidget(self.preview, 3)
        mapping_box = QGroupBox(self.tr("Columns"))
        self.mapping_form = QFormLayout(mapping_box)
        self.mapping: dict[str, QComboBox] = {}
        for name, label in self.field_labels().items():
            combo = QComboBox()
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping[name] = combo
            self.mapping_form.addRow(label, combo)
        self.unknown = QLabel()
        self.unknown.setWordWrap(True)
        self.mapping_form.addRow(self.unknown)
        self.check_button = QPushButton(self.tr("Check every row"))
        self.check_button.setEnabled(False)
        self.check_button.clicked.connect(self.validate)
        self.mapping_form.addRow(self.check_button)
        middle.addWidget(mapping_box, 2)
        layout.addLayout(middle, 2)
        self.table_data: Any = None
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
        self.import_button = QPushButton(self.tr("Register everyone"))
        style.wear(self.import_button, "primaryButton")
        self.import_button.setEnabled(False)
        close = QPushButton(self.tr("Close"))
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.choose_button.clicked.connect(self.choose_file)
        self.import_button.clicked.connect(self.run_import)
        close.clicked.connect(self.reject)

    def field_labels(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"),
            "phone": self.tr("Phone"),
            "programme_id": self.tr("Programme volunteer id"),
            "employer": self.tr("Employer"),
            "employee_no": self.tr("Employee number"),
            "skills": self.tr("Skills"),
            "notes": self.tr("Notes"),
        }

    def _mapping_changed(self) -> None:
        self.validation = None
        self.import_button.setEnabled(False)

    def chosen_mapping(self) -> dict[str, str]:
        return chosen_mapping(self.mapping)

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a roster"),
            str(Path.home()),
            self.tr("Rosters (*.csv *.xlsx);;All files (*)"),
        )
        if name:
            self.load_file(Path(name))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.summary.setText(user_message(exc))
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def load_file(self, path: Path) -> None:
        """Read ``path`` (in the background), preview it, then check every row."""

        def work(progress: Progress) -> Any:
            from models.donation_import import read_table

            return read_table(path)

        self.file_label.setText(str(path))
        self.validation = None
        self.import_button.setEnabled(False)
        run_job(self, self.tr("Reading the file"), work, self.show_table, on_failure=self._failed)

    def show_table(self, table: Any) -> None:
        from models import volunteer_import
        from models.donation_import import unknown_columns

        self.table_data = table
        headers = list(table.headers)
        fill_preview(self.preview, table, 100)
        suggested = volunteer_import.suggest_mapping(headers)
        fill_mapping(self.mapping, headers, suggested, self.tr("(not in the file)"))
        unknown = unknown_columns(headers, suggested)
        self.unknown.setText(
            self.tr("Columns not imported: {names}").format(names=", ".join(unknown))
            if unknown
            else ""
        )
        self.check_button.setEnabled(True)
        self.validate()

    def check_rows(self, session: Any, table: Any, mapping: dict[str, str]) -> Any:
        from models import volunteer_import

        assert self.activity_id is not None
        return volunteer_import.validate_roster(session, self.activity_id, table, mapping)

    def validate(self) -> None:
        if self.table_data is None:
            return
        database, table, mapping = self.context.database, self.table_data, self.chosen_mapping()

        def work(progress: Progress) -> Any:
            with database.reading() as session:
                return self.check_rows(session, table, mapping)

        self.validation = None
        self.import_button.setEnabled(False)
        run_job(
            self,
            self.tr("Checking every row"),
            work,
            self.show_validation,
            on_failure=self._failed,
        )

    def show_validation(self, validation: Any) -> None:
        self.validation = validation
        fill_problems(self.errors, list(validation.errors))
        if validation.error_count:
            self.summary.setText(
                self.tr(
                    "{n} problems found; fix them in the file (or the columns) and check "
                    "again. Nothing was written."
                ).format(n=validation.error_count)
            )
        else:
            self.summary.setText(
                self.tr("{n} people on the list are ready to be registered.").format(
                    n=len(validation.rows)
                )
            )
        self.import_button.setEnabled(validation.error_count == 0 and bool(validation.rows))

    def run_import(self) -> None:
        validation, database, staff = self.validation, self.context.database, self.context.staff
        if validation is None:
            return

        def work(progress: Progress) -> Any:
            from models import volunteer_import

            with database.transaction() as session:
                return volunteer_import.import_roster(session, validation, staff=staff)

        def done(result: Any) -> None:
            self.result_value = result
            self.import_button.setEnabled(False)
            self.summary.setText(
                self.tr(
                    "Registered {registered} (already on the roster: {already}); "
                    "{created} new volunteers added to the register."
                ).format(
                    registered=result.registered,
                    already=result.already,
                    created=result.created_volunteers,
                )
            )

        run_job(self, self.tr("Registering"), work, done, on_failure=self._failed)
