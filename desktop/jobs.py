"""The one place that runs long work off the GUI thread.

``run_job(parent, title, work, on_success)`` runs ``work(progress)`` on a worker
thread and calls ``on_success(result)`` back on the GUI thread.  Work reports
with ``progress.report(done, total)``, which also raises ``Cancelled`` once the
user pressed Cancel; a progress dialog appears only if the work takes longer
than ~600 ms.  ``UserError`` is shown plainly; ``Cancelled`` is swallowed;
anything else is a bug and goes to the crash handler.  Work functions never
touch widgets.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from desktop import messages
from models.errors import Cancelled, UserError

PROGRESS_DELAY_MS = 600

# Database and file work run one at a time, in order (like Anki's single worker).
_pool = QThreadPool()
_pool.setMaxThreadCount(1)
_running: set[Job] = set()


class Progress:
    """Handed to the work function: report progress, check for cancellation."""

    def __init__(self, job: Job) -> None:
        self._job = job
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int, label: str = "") -> None:
        self.check()
        self._job.progressed.emit(done, total, label)


class Job(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    done = Signal()

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(None)
        self.title = title
        self.parent_widget = parent
        self.progress = Progress(self)
        self._dialog: Any = None  # QProgressDialog, made only when work is slow
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_dialog)
        self._last: tuple[int, int, str] = (0, 0, "")
        self.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        self.progress.cancel()

    @Slot()
    def _show_dialog(self) -> None:
        from PySide6.QtWidgets import QProgressDialog

        dialog = QProgressDialog(self.title, self.tr("Cancel"), 0, 0, self.parent_widget)
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(self.cancel)
        self._dialog = dialog
        self._on_progress(*self._last)
        dialog.show()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, label: str) -> None:
        self._last = (done, total, label)
        if self._dialog is None:
            return
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(min(done, total) if total else 0)
        if label:
            self._dialog.setLabelText(label)

    def close_dialog(self) -> None:
        self._timer.stop()
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self.cancel)
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None


class _Runner(QRunnable):
    def __init__(self, job: Job, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job = job
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(self._job.progress)
        except BaseException as exc:  # handed to the GUI thread, never lost
            self._job.failed.emit(exc)
        else:
            self._job.succeeded.emit(result)


def run_job(
    parent: QWidget | None,
    title: str,
    work: Callable[[Progress], Any],
    on_success: Callable[[Any], None] | None = None,
    *,
    on_failure: Callable[[BaseException], None] | None = None,
    show_progress: bool = True,
) -> Job:
    job = Job(title, parent)
    _running.add(job)

    def finish() -> None:
        job.close_dialog()
        _running.discard(job)
        job.done.emit()
        job.deleteLater()

    def parent_gone() -> bool:
        return parent is not None and not isValid(parent)

    def succeeded(result: object) -> None:
        finish()
        if parent_gone():
            return
        if on_success is not None:
            on_success(result)

    def failed(exc: BaseException) -> None:
        finish()
        if isinstance(exc, Cancelled) or (parent_gone() and isinstance(exc, UserError)):
            return
        if on_failure is not None:
            on_failure(exc)
        elif isinstance(exc, UserError):
            messages.show_user_error(parent, title, exc)
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    job.succeeded.connect(succeeded, Qt.ConnectionType.QueuedConnection)
    job.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    if show_progress:
        job._timer.start(PROGRESS_DELAY_MS)
    _pool.start(_Runner(job, work))
    return job


def wait_for_all(timeout_ms: int = 30_000) -> bool:
    """Block until queued work is done (used when closing the app)."""
    return _pool.waitForDone(timeout_ms)
