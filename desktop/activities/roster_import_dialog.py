"""Import an activity's registration list (roster) from the programme (CSV/XLSX)."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.i18n import model_text, user_message
from desktop.jobs import Progress, run_job
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
        self.import_button.setObjectName("primaryButton")
        self.import_button.setEnabled(False)
        close = QPushButton(self.tr("Close"))
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.choose_button.clicked.connect(self.choose_file)
        self.import_button.clicked.connect(self.run_import)
        close.clicked.connect(self.reject)

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
        """Read and check every row of ``path`` (in the background)."""
        database, activity_id = self.context.database, self.activity_id
        assert activity_id is not None

        def work(progress: Progress) -> Any:
            from models import volunteer_import
            from models.donation_import import read_table

            table = read_table(path)
            mapping = volunteer_import.suggest_mapping(table.headers)
            with database.reading() as session:
                return volunteer_import.validate_roster(session, activity_id, table, mapping)

        self.file_label.setText(str(path))
        self.validation = None
        self.import_button.setEnabled(False)
        run_job(
            self,
            self.tr("Checking the roster"),
            work,
            self.show_validation,
            on_failure=self._failed,
        )

    def show_validation(self, validation: Any) -> None:
        self.validation = validation
        errors = list(validation.errors)
        self.errors.setRowCount(len(errors))
        for r, error in enumerate(errors):
            template = model_text(error.message)
            text = template.format(**error.params) if error.params else template
            for c, value in enumerate((str(error.row_number), error.column or "", text)):
                self.errors.setItem(r, c, QTableWidgetItem(value))
        if validation.error_count:
            self.summary.setText(
                self.tr(
                    "{n} problems found; fix them in the file and choose it again. "
                    "Nobody was registered."
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
