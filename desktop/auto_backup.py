"""Automatic daily backups while the app runs (DESIGN.md "Storage").

A few seconds after a SQLite database is opened (the window's first frame and the
first screen's data come first), and then every hour so that a desk left running
overnight gets the next day's copy, ``models.backup_rotation.rotate_backups`` runs
on the job worker: at most one backup per local day, the newest 14 kept.  Start-up
never waits for it and the GUI thread never does the copying.

A failure (disk full, folder not writable, damaged database) is shown once per
session as a warning; the data itself is not touched by a failed backup.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from desktop import jobs, messages
from desktop.i18n import user_message
from desktop.jobs import Job, Progress, run_job
from models.errors import UserError

if TYPE_CHECKING:
    from models.backup_rotation import RotationResult

# As models.backup_rotation.DEFAULT_KEEP_DAILY (not imported: the app opens before it is needed).
KEEP_DAILY = 14

FIRST_DELAY_MS = 8_000
INTERVAL_MS = 60 * 60 * 1000
STATUS_MESSAGE_MS = 10_000


class AutomaticBackups(QObject):
    """Runs the daily rotation for one open database file, on behalf of ``window``."""

    def __init__(self, window: QMainWindow, db_file: Path, *, keep_daily: int = KEEP_DAILY) -> None:
        super().__init__(window)
        self.window = window
        self.db_file = db_file
        self.keep_daily = keep_daily
        self.job: Job | None = None
        self.last: RotationResult | None = None
        self._warned = False
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.timeout.connect(self.run_now)
        self._every = QTimer(self)
        self._every.timeout.connect(self.run_now)

    def start(self, first_delay_ms: int = FIRST_DELAY_MS) -> None:
        self._first.start(first_delay_ms)
        self._every.start(INTERVAL_MS)

    def stop(self) -> None:
        """No more runs; waits for a backup that is being written to finish."""
        self._first.stop()
        self._every.stop()
        if self.job is not None:
            jobs.wait_for_all()

    def run_now(self) -> Job | None:
        if self.job is not None:
            return None
        db_file, keep = self.db_file, self.keep_daily

        def work(progress: Progress) -> RotationResult:
            from models.backup_rotation import rotate_backups

            return rotate_backups(db_file, keep_daily=keep)

        self.job = run_job(
            self.window,
            self.tr("Daily backup"),
            work,
            self._done,
            on_failure=self._failed,
            show_progress=False,
        )
        self.job.done.connect(self._finished)
        return self.job

    def _finished(self) -> None:
        self.job = None

    def _done(self, result: object) -> None:
        from models.backup_rotation import RotationResult

        assert isinstance(result, RotationResult)
        self.last = result
        if result.created is not None:
            self.window.statusBar().showMessage(
                self.tr("Daily backup written: {name}").format(name=result.created.name),
                STATUS_MESSAGE_MS,
            )

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        if self._warned:
            return
        self._warned = True
        messages.warning(
            self.window,
            self.tr("Daily backup"),
            self.tr(
                "The daily backup could not be made: {reason}\n\n"
                "Your data is unchanged. Use File → Back up now to try again."
            ).format(reason=user_message(exc)),
        )
