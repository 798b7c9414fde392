"""Export for the programme office in three steps.

1. Preview: the period (everything since the previous export, or up to an earlier
   day), what the file will carry, what it will not (pending hours, people still
   checked in) and anything that blocks it; phone numbers stay masked unless the
   coordinator ticks “Include contact phone numbers” and confirms.
2. Folder: where to write the file (a USB stick, or a folder to e-mail from).
3. Write: on the worker with progress and Cancel (a cancel leaves nothing behind),
   then the file's path and totals, and a button to open the folder.

``models.sync_export`` writes atomically and records the export in one
transaction, so exporting again is always safe.
"""

from __future__ import annotations

import sys
from datetime import datetime
from enum import IntEnum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import documents, messages, preferences, style
from desktop.context import AppContext
from desktop.jobs import Job, Progress, run_job
from desktop.sync import choosers
from desktop.sync.export_preview_page import ExportPreviewPage, totals_view
from desktop.sync.export_totals_model import ExportTotalsModel, carries_nothing
from models.errors import UserError
from models.sync_export import ExportPreview, ExportResult

# The folder of the last export (belongs with the other keys in desktop/preferences.py).
EXPORT_FOLDER = preferences.Key[str]("sync/export_folder", "", str)


class Step(IntEnum):
    PREVIEW = 0
    FOLDER = 1
    WRITE = 2


class ExportPanel(QWidget):
    changed = Signal(str)  # an export was written: a status message

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.result: ExportResult | None = None
        self.job: Job | None = None
        remembered = Path(preferences.get(EXPORT_FOLDER) or ".")
        self.folder: Path | None = (
            remembered if remembered.is_absolute() and remembered.is_dir() else None
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.step_label = QLabel()
        style.wear(self.step_label, "panelTitle")
        layout.addWidget(self.step_label)
        self.pages = QStackedWidget()
        self.preview_page = ExportPreviewPage(context)
        self.preview_page.nextRequested.connect(self.next_step)
        self.pages.addWidget(self.preview_page)
        self.pages.addWidget(self._folder_page())
        self.pages.addWidget(self._write_page())
        layout.addWidget(self.pages, 1)
        self.go(Step.PREVIEW)

    # --- pages --------------------------------------------------------------------
    def _folder_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Choose where to save the file: a USB stick, or a folder you send e-mail "
                "from. Nothing is written until you press Export."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setPlaceholderText(self.tr("No folder chosen yet"))
        self.choose_button = QPushButton(self.tr("Choose folder…"))
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        self.folder_note = QLabel()
        self.folder_note.setWordWrap(True)
        layout.addWidget(self.folder_note)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back"))
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setDefault(True)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        self.choose_button.clicked.connect(self.choose_folder)
        self.back_button.clicked.connect(lambda: self.go(Step.PREVIEW))
        self.export_button.clicked.connect(self.start_export)
        return page

    def _write_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.write_status = QLabel()
        self.write_status.setWordWrap(True)
        layout.addWidget(self.write_status)
        progress_row = QHBoxLayout()
        self.progress_bar = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        self.result_headline = QLabel()
        style.wear(self.result_headline, "figureValue")
        self.result_headline.setWordWrap(True)
        layout.addWidget(self.result_headline)
        self.result_model = ExportTotalsModel(self)
        self.result_view = totals_view(self.result_model)
        layout.addWidget(self.result_view, 1)
        buttons = QHBoxLayout()
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.done_button = QPushButton(self.tr("Done"))
        buttons.addStretch(1)
        buttons.addWidget(self.open_folder_button)
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.done_button.clicked.connect(lambda: self.go(Step.PREVIEW))
        return page

    def go(self, step: Step) -> None:
        names = {
            Step.PREVIEW: self.tr("check what the export carries"),
            Step.FOLDER: self.tr("choose where to save it"),
            Step.WRITE: self.tr("write the file"),
        }
        self.step_label.setText(
            self.tr("Step {n} of 3: {what}").format(n=int(step) + 1, what=names[step])
        )
        self.pages.setCurrentIndex(int(step))
        if step is Step.FOLDER:
            self._show_folder()

    def step(self) -> Step:
        return Step(self.pages.currentIndex())

    @property
    def preview(self) -> ExportPreview | None:
        return self.preview_page.preview

    def screen_loaded(self, preview: ExportPreview | None, error: UserError | None) -> None:
        """The screen read the preview for the default period."""
        self.preview_page.screen_loaded(preview, error)

    # --- step 1: preview ------------------------------------------------------------
    def next_step(self) -> None:
        if self.preview is None or self.preview.problem is not None:
            return
        self.go(Step.FOLDER)
        if self.folder is None:
            self.choose_folder()

    # --- step 2: folder -------------------------------------------------------------
    def choose_folder(self) -> None:
        chosen = choosers.choose_folder(
            self, self.tr("Folder for the export"), self.folder or Path.home()
        )
        if chosen is not None:
            self.folder = chosen
            preferences.put(EXPORT_FOLDER, str(chosen))
        self._show_folder()

    def _show_folder(self, notice: str = "") -> None:
        self.folder_edit.setText(str(self.folder) if self.folder is not None else "")
        self.export_button.setEnabled(self.folder is not None)
        contacts = (
            self.tr("Full phone numbers are included.")
            if self.preview_page.contacts.isChecked()
            else self.tr("Phone numbers are masked.")
        )
        self.folder_note.setText(
            "\n".join(
                text
                for text in (
                    notice,
                    self.tr(
                        "The file is named after your organisation code and today's date, "
                        "e.g. {example}. {contacts}"
                    ).format(example=self._example_name(), contacts=contacts),
                )
                if text
            )
        )

    def _example_name(self) -> str:
        code = self.preview.org_code if self.preview is not None else "ORG"
        today = datetime.now(ZoneInfo(self.context.time_zone))
        return f"{code}-{today:%Y%m%d}-1a2b3c4d.pdsync"

    # --- step 3: write --------------------------------------------------------------
    def start_export(self) -> None:
        from models.sync_export import export_bundle

        folder = self.folder
        if folder is None:
            return
        title = self.tr("Export for the programme office")
        database, staff = self.context.database, self.context.staff
        include, until = self.preview_page.contacts.isChecked(), self.preview_page.until()
        label = self.tr("Writing the export: {done} of about {total} rows")

        def work(progress: Progress) -> ExportResult:
            def report(done: int, total: int) -> None:
                progress.report(done, total, label.format(done=f"{done:,}", total=f"{total:,}"))

            return export_bundle(
                database,
                folder,
                staff=staff,
                include_contacts=include,
                until=until,
                progress=report,
            )

        self.result = None
        self.go(Step.WRITE)
        self.write_status.setText(self.tr("Writing the export to {folder}…").format(folder=folder))
        self.progress_bar.setRange(0, 0)
        self._writing(True)
        job = run_job(
            self, title, work, self._written, on_failure=self._failed, show_progress=False
        )
        job.progressed.connect(self._progressed)
        progress = job.progress
        job.done.connect(lambda: self._finished(progress.cancelled))
        self.job = job

    def _writing(self, busy: bool) -> None:
        self.progress_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        for widget in (
            self.result_headline,
            self.result_view,
            self.open_folder_button,
            self.done_button,
        ):
            widget.setVisible(not busy)

    def _progressed(self, done: int, total: int, label: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(min(done, total))
        if label:
            self.write_status.setText(label)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.write_status.setText(self.tr("Cancelling…"))

    def _finished(self, cancelled: bool) -> None:
        self.job = None
        if cancelled and self.result is None:
            self._writing(False)
            self.go(Step.FOLDER)
            self._show_folder(
                self.tr("The export was cancelled: nothing was written and nothing changed.")
            )

    def _failed(self, exc: BaseException) -> None:
        self._writing(False)
        self.go(Step.FOLDER)
        if isinstance(exc, UserError):
            messages.show_user_error(self, self.tr("Export for the programme office"), exc)
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def _written(self, result: Any) -> None:
        assert isinstance(result, ExportResult)
        self.result = result
        self.go(Step.WRITE)
        self._writing(False)
        self.write_status.setText(self.tr("Saved {path}").format(path=result.path))
        headline = self.preview_page.headline_of(result.totals)
        if carries_nothing(result.totals):
            headline = self.tr("Nothing new since the previous export; the file says so.")
        self.result_headline.setText(headline)
        self.result_model.set_totals(result.totals)
        self.preview_page.contacts.setChecked(False)  # each export asks again
        self.changed.emit(self.tr("Exported {file}").format(file=result.path.name))

    def open_folder(self) -> None:
        if self.result is not None:
            documents.open_folder(self, self.result.path.parent)
