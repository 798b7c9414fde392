"""Programme office: the partners registered with their keys, and verifying and
importing the sync files they send.

Verifying and importing run on the worker with progress and Cancel; the result
opens in a report (per file: partner, export, new/updated/unchanged records, or
the precise reason it was refused).  A refused file changes nothing; a cancelled
import keeps the files finished before the cancel.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import messages
from desktop.context import AppContext
from desktop.hours.hours_table_model import SORT_ROLE
from desktop.jobs import Job, Progress, run_job
from desktop.sync import choosers
from desktop.sync.bundle_report_dialog import BundleReportDialog
from desktop.sync.bundle_report_model import BundleLine, import_lines, verify_lines
from desktop.sync.partner_table_model import PartnerColumn, PartnerModel
from desktop.widgets.tables import list_rows
from models.office_import import PartnerInfo


class OfficePanel(QWidget):
    changed = Signal(str)  # something was saved or imported: a status message

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.dialog: Any = None  # the register dialog while it is open
        self.report_dialog: BundleReportDialog | None = None
        self.reports = 0  # reports shown (tests wait on it)
        self.job: Job | None = None
        self._folder = Path.home()
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "For the programme office: register each partner once with the public key "
                "from their Settings, then import the sync files they send (a USB stick or "
                "e-mail). Every file is checked completely before anything is saved; a "
                "damaged or forged file is refused and changes nothing."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = PartnerModel(context.time_zone, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PartnerColumn.CODE, Qt.SortOrder.AscendingOrder)
        list_rows(self.table)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(
            PartnerColumn.NAME, QHeaderView.ResizeMode.Stretch
        )
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        layout.addWidget(self.table, 1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        buttons = QHBoxLayout()
        self.register_button = QPushButton(self.tr("Register partner…"))
        self.edit_button = QPushButton(self.tr("Rename or new key…"))
        self.verify_button = QPushButton(self.tr("Verify files…"))
        self.import_button = QPushButton(self.tr("Import files…"))
        self.sheets_button = QPushButton(self.tr("Open as spreadsheets…"))
        self.sheets_button.setToolTip(
            self.tr(
                "Check a sync file and save its tables as CSV files that Excel or WPS "
                "open with the Chinese intact"
            )
        )
        self.sheets_button.clicked.connect(self.open_as_spreadsheets)
        self.register_button.clicked.connect(lambda: self.register_partner())
        self.edit_button.clicked.connect(self.edit_selected)
        self.verify_button.clicked.connect(self.verify_files)
        self.import_button.clicked.connect(self.import_files)
        for button in (self.register_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.sheets_button)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        self.set_partners(())

    # --- partners -----------------------------------------------------------------
    def set_partners(self, partners: Sequence[PartnerInfo]) -> None:
        self.model.set_rows(partners)
        self.edit_button.setEnabled(bool(partners))
        self.hint.setText(
            self.tr(
                "{n} partners registered. Double-click one to rename it or give it a new key."
            ).format(n=len(partners))
            if partners
            else self.tr("No partner registered yet: files can be verified but not imported.")
        )

    def names(self) -> dict[str, str]:
        return {p.code: p.name for p in self.model.rows()}

    def selected_partner(self) -> PartnerInfo | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row: PartnerInfo = self.model.row_at(self.proxy.mapToSource(index).row())
        return row

    def register_partner(self, partner: PartnerInfo | None = None) -> None:
        from desktop.sync.register_partner_dialog import RegisterPartnerDialog

        dialog = RegisterPartnerDialog(self.context, self, partner=partner)
        dialog.accepted.connect(lambda: self._registered(dialog))
        dialog.open()
        self.dialog = dialog

    def edit_selected(self) -> None:
        partner = self.selected_partner()
        if partner is not None:
            self.register_partner(partner)

    def _registered(self, dialog: Any) -> None:
        change = dialog.change
        code = dialog.code.text().strip().upper()
        if change is not None and change.created:
            text = self.tr("Partner {code} registered.").format(code=code)
        elif change is not None and change.key_changed:
            text = self.tr("Partner {code} now has its new key.").format(code=code)
        else:
            text = self.tr("Partner {code} saved.").format(code=code)
        self.changed.emit(text)

    # --- files --------------------------------------------------------------------
    def _choose(self, title: str) -> list[Path]:
        paths = choosers.choose_bundles(self, title, self._folder)
        if paths:
            self._folder = paths[0].parent
        return paths

    def _busy(self, busy: bool) -> None:
        for button in (self.verify_button, self.import_button, self.sheets_button):
            button.setEnabled(not busy)

    def verify_files(self) -> None:
        from models.office_import import registered_keys, verify_bundles

        title = self.tr("Verify sync files")
        paths = self._choose(title)
        if not paths:
            return
        database, names, zone = self.context.database, self.names(), self.context.time_zone
        label = self._file_label()

        def work(progress: Progress) -> list[BundleLine]:
            with database.reading() as session:
                keys = registered_keys(session)
            results = []
            for done, path in enumerate(paths):
                progress.report(done, len(paths), label(done, len(paths), path))
                results += verify_bundles([path], keys=keys)
            progress.report(len(paths), len(paths))
            return verify_lines(results, names, zone)

        def done(lines: list[BundleLine]) -> None:
            good = sum(line.ok for line in lines)
            summary = self.tr("{ok} of {files} files are intact and correctly signed.").format(
                ok=good, files=len(lines)
            )
            self.show_report(title, summary, lines)

        self._start(title, work, done)

    def open_as_spreadsheets(self) -> None:
        """A verified sync file's tables as spreadsheet-safe CSV files, for a person to read."""
        from desktop import documents
        from models.bundle import open_bundle, write_readable_copy

        title = self.tr("Open as spreadsheets")
        paths = self._choose(title)
        if not paths:
            return
        path = paths[0]
        folder = documents.prints_dir() / "sync" / path.stem

        def work(progress: Progress) -> tuple[int, str, bool]:
            folder.mkdir(parents=True, exist_ok=True)
            with open_bundle(path) as bundle:
                written = write_readable_copy(bundle, folder)
                return len(written), bundle.key_fingerprint, bundle.key_trusted

        def done(outcome: tuple[int, str, bool]) -> None:
            count, fingerprint, _trusted = outcome
            messages.information(
                self,
                title,
                self.tr(
                    "{n} tables saved in {folder}. The file is intact; it is signed with "
                    "the key {fingerprint} — compare it with the partner's registered key."
                ).format(n=count, folder=folder, fingerprint=fingerprint),
            )
            documents.folder_opener(folder)

        run_job(self, title, work, done)

    def import_files(self) -> None:
        from models.office_import import import_bundles

        title = self.tr("Import sync files")
        paths = self._choose(title)
        if not paths:
            return
        database, staff, names = self.context.database, self.context.staff, self.names()
        label = self._file_label()

        def work(progress: Progress) -> tuple[Any, list[BundleLine]]:
            def report(done: int, total: int) -> None:
                progress.report(done, total, label(done, total, paths[min(done, total - 1)]))

            result = import_bundles(database, paths, staff=staff, progress=report)
            return result, import_lines(result, names)

        def done(outcome: tuple[Any, list[BundleLine]]) -> None:
            report, lines = outcome
            summary = self.tr(
                "{files} files: {new} new, {updated} updated and {unchanged} unchanged "
                "records; {rejected} files refused."
            ).format(
                files=len(lines),
                new=f"{report.new:,}",
                updated=f"{report.updated:,}",
                unchanged=f"{report.unchanged:,}",
                rejected=report.rejected,
            )
            self.show_report(title, summary, lines)
            self.changed.emit(summary)

        def cancelled() -> None:
            self.changed.emit(
                self.tr("Import cancelled. Files imported before the cancel stay imported.")
            )

        self._start(title, work, done, cancelled)

    def _file_label(self) -> Callable[[int, int, Path], str]:
        """Formats the progress label on the worker (translated here, on the GUI thread)."""
        template = self.tr("File {n} of {total}: {name}")

        def label(done: int, total: int, path: Path) -> str:
            return template.format(n=min(done + 1, total), total=total, name=path.name)

        return label

    def _start(self, title: str, work: Any, done: Any, cancelled: Any = None) -> None:
        self._busy(True)
        job = run_job(self, title, work, done)
        progress = job.progress

        def finished() -> None:
            self.job = None
            self._busy(False)
            if progress.cancelled and cancelled is not None:
                cancelled()

        job.done.connect(finished)
        self.job = job

    def show_report(self, title: str, summary: str, lines: Sequence[BundleLine]) -> None:
        if self.report_dialog is not None:
            self.report_dialog.close()
        dialog = BundleReportDialog(title, summary, lines, self)
        dialog.open()
        self.report_dialog = dialog
        self.reports += 1
