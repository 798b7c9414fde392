"""Import a sign-up list into the volunteer register (CSV/XLSX), de-duplicated.

Every row is checked and matched with the register first (phone, then programme
id): the summary says how many are new and how many update existing records;
nothing is written unless the whole list is clean.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.activities.roster_import_dialog import RosterImportDialog
from desktop.context import AppContext
from desktop.jobs import Progress, run_job


class SignupImportDialog(RosterImportDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, None, "", parent)
        self.setWindowTitle(self.tr("Import a sign-up list"))
        self.file_label.setText(
            self.tr("CSV or Excel: name, phone, employer, employee number, programme id, skills")
        )
        self.import_button.setText(self.tr("Import"))
        self.consent_note = QLineEdit(self.tr("Consent given when signing up"))
        self.consent_note.setToolTip(self.tr("How the people on the list agreed to their data"))
        self.main_layout.insertWidget(1, self.consent_note)

    def check_rows(self, session: Any, table: Any, mapping: dict[str, str]) -> Any:
        from models import volunteer_import

        return volunteer_import.validate_signups(session, table, mapping)

    def show_validation(self, validation: Any) -> None:
        super().show_validation(validation)
        if not validation.error_count:
            self.summary.setText(
                self.tr("{new} new volunteers, {updated} existing records to update.").format(
                    new=validation.new_count, updated=validation.update_count
                )
            )

    def run_import(self) -> None:
        validation, database, staff = self.validation, self.context.database, self.context.staff
        note = self.consent_note.text().strip()
        if validation is None:
            return

        def work(progress: Progress) -> Any:
            from models import volunteer_import

            with database.transaction() as session:
                return volunteer_import.import_signups(
                    session, validation, staff=staff, consent_note=note
                )

        def done(result: Any) -> None:
            self.result_value = result
            self.import_button.setEnabled(False)
            self.summary.setText(
                self.tr("Imported: {new} new, {updated} updated, {unchanged} unchanged.").format(
                    new=result.new, updated=result.updated, unchanged=result.unchanged
                )
            )

        run_job(self, self.tr("Importing"), work, done, on_failure=self._failed)
