"""The restore screen: every backup of the open database with its date, kind, size and
what it holds; "Restore…" asks for confirmation and says the current data is kept.

The dialog only chooses: it is accepted with ``chosen`` set to the backup to restore,
and the caller (``desktop.app.Controller.restore``) closes the database, restores and
reopens it.  Backups are listed and summarised on the job worker (a backup of a large
database takes a moment to count).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import messages
from desktop.i18n import user_message
from desktop.jobs import Progress, run_job
from desktop.widgets.tables import list_rows
from models.backup import backups_dir
from models.backup_rotation import (
    BackupContents,
    BackupInfo,
    BackupKind,
    describe_backup,
    list_backups,
)

DATE_FORMAT = "%Y-%m-%d %H:%M"
COLUMNS = 4  # date, kind, size, contents


class RestoreDialog(QDialog):
    """``loaded`` is emitted with the number of backups once the list is shown."""

    loaded = Signal(int)

    def __init__(
        self, db_file: Path, parent: QWidget | None = None, *, time_zone: str | None = None
    ) -> None:
        super().__init__(parent)
        self.db_file = db_file
        self.zone = ZoneInfo(time_zone) if time_zone else None
        self.backups: list[BackupInfo] = []
        self.chosen: Path | None = None
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the copy to go back to. Backups are kept in {folder}; a daily "
                "backup is made automatically and the last 14 are kept."
            ).format(folder=backups_dir(db_file))
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Kind"), self.tr("Size"), self.tr("Contents")]
        )
        list_rows(self.table)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.resizeSection(0, 140)
        header.resizeSection(1, 130)
        header.resizeSection(2, 90)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.details = QLabel(self.tr("Reading the backups…"))
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMargin(8)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        self.other_button = QPushButton(self.tr("Other file…"))
        self.other_button.setToolTip(
            self.tr("Restore a backup kept elsewhere, for example on a USB stick")
        )
        self.other_button.clicked.connect(self.choose_file)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setEnabled(False)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore_selected)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    # --- loading ---------------------------------------------------------------------
    def load(self) -> None:
        """List and summarise the backups in the background (call before showing)."""
        db_file = self.db_file

        def work(progress: Progress) -> list[BackupInfo]:
            return list_backups(db_file, progress=progress.report)

        run_job(self, self.tr("Reading the backups…"), work, self.show_backups)

    def show_backups(self, backups: object) -> None:
        assert isinstance(backups, list)
        self.backups = backups
        self.table.setRowCount(len(backups))
        for row, info in enumerate(backups):
            cells = (
                self.date_text(info.taken_at),
                self.kind_text(info.kind),
                QLocale().formattedDataSize(info.size_bytes),
                self.contents_text(info),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not info.restorable:
                    item.setForeground(self.palette().placeholderText())
                    item.setToolTip(self.problem_text(info))
                self.table.setItem(row, column, item)
        if backups:
            self.table.selectRow(0)
        else:
            self.details.setText(
                self.tr(
                    "There are no backups of this database yet. Use File → Back up now to "
                    "make one, or “Other file…” to restore a copy kept elsewhere."
                )
            )
        self.loaded.emit(len(backups))

    # --- texts -----------------------------------------------------------------------
    def date_text(self, when: datetime) -> str:
        local = when.astimezone(self.zone) if self.zone is not None else when.astimezone()
        return local.strftime(DATE_FORMAT)

    def kind_text(self, kind: BackupKind) -> str:
        return {
            BackupKind.AUTOMATIC: self.tr("Daily (automatic)"),
            BackupKind.MANUAL: self.tr("Made by hand"),
            BackupKind.BEFORE_UPGRADE: self.tr("Before an upgrade"),
            BackupKind.BEFORE_RESTORE: self.tr("Before a restore"),
        }[kind]

    def kind_explanation(self, kind: BackupKind) -> str:
        return {
            BackupKind.AUTOMATIC: self.tr(
                "Made automatically once a day while Partner Desk runs; the last 14 are kept."
            ),
            BackupKind.MANUAL: self.tr("Made with File → Back up now."),
            BackupKind.BEFORE_UPGRADE: self.tr(
                "Made automatically before this version of Partner Desk upgraded the database."
            ),
            BackupKind.BEFORE_RESTORE: self.tr(
                "The data as it was just before an earlier restore replaced it."
            ),
        }[kind]

    def counts_text(self, contents: BackupContents) -> str:
        return self.tr(
            "{items} items, {volunteers} volunteers, {activities} activities, "
            "{scans} scans, {hours} hour entries"
        ).format(
            items=f"{contents.items:,}",
            volunteers=f"{contents.volunteers:,}",
            activities=f"{contents.activities:,}",
            scans=f"{contents.scans:,}",
            hours=f"{contents.hour_entries:,}",
        )

    def problem_text(self, info: BackupInfo) -> str:
        if info.problem is None:
            return ""
        return self.tr("Cannot be restored: {reason}").format(reason=user_message(info.problem))

    def contents_text(self, info: BackupInfo) -> str:
        if info.problem is not None:
            return self.problem_text(info)
        if info.contents is None:
            return "…"
        return self.counts_text(info.contents)

    def details_text(self, info: BackupInfo) -> str:
        lines = [
            self.tr("File: {path}").format(path=info.path),
            self.tr("Taken: {date}").format(date=self.date_text(info.taken_at)),
            self.tr("Kind: {kind}. {explanation}").format(
                kind=self.kind_text(info.kind), explanation=self.kind_explanation(info.kind)
            ),
            self.tr("Size: {size}").format(size=QLocale().formattedDataSize(info.size_bytes)),
        ]
        if info.contents is not None:
            lines.append(
                self.tr("Schema version: {revision}").format(revision=info.contents.revision or "-")
            )
            lines.append(self.tr("Holds: {counts}").format(counts=self.counts_text(info.contents)))
        if info.problem is not None:
            lines.append(self.problem_text(info))
        else:
            lines.append(
                self.tr(
                    "Restoring replaces all current data with this copy. The current data is "
                    "first saved as a safety copy (kind “Before a restore”), so nothing is lost."
                )
            )
        return "\n".join(lines)

    # --- choosing --------------------------------------------------------------------
    def current(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.backups):
            return None
        return self.backups[rows[0].row()]

    def _selection_changed(self) -> None:
        info = self.current()
        self.restore_button.setEnabled(info is not None and info.restorable)
        if info is not None:
            self.details.setText(self.details_text(info))

    def restore_selected(self) -> None:
        info = self.current()
        if info is not None and info.restorable and self.confirm(info):
            self.chosen = info.path
            self.accept()

    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from a backup"),
            str(backups_dir(self.db_file)),
            self.tr("Backups (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if not name:
            return
        path = Path(name)
        try:
            taken_at = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
        except OSError:
            taken_at = datetime.now().astimezone()
        info = describe_backup(path, BackupKind.MANUAL, taken_at)
        if info.problem is not None:
            messages.error(self, self.tr("Restore from a backup"), user_message(info.problem))
            return
        if self.confirm(info):
            self.chosen = path
            self.accept()

    def confirm(self, info: BackupInfo) -> bool:
        holds = self.tr("nothing that could be counted")
        if info.contents is not None:
            holds = self.counts_text(info.contents)
        question = self.tr(
            "Replace the current data with the backup of {date}?\n\n"
            "The backup holds {contents}.\n\n"
            "The current data is not lost: it is first saved as a safety copy in {folder} "
            "(listed here as “Before a restore”), so you can go back to it the same way."
        ).format(
            date=self.date_text(info.taken_at),
            contents=holds,
            folder=backups_dir(self.db_file),
        )
        return messages.confirm(self, self.tr("Restore from a backup"), question)
