"""Kiosk database work on its own thread, strictly in arrival order.

Every scan is one short write transaction (BEGIN IMMEDIATE … COMMIT with
synchronous=FULL) done here, so the GUI never waits on the disk or on another
desk's lock; the answer is emitted only after the commit, and the live counts
right after it. Requests queue in order: a burst of scans is never lost or
reordered.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, Signal, Slot
from sqlalchemy.orm import Session

from models.db import Database

_ids = itertools.count(1)


@dataclass(frozen=True)
class Request:
    """Kiosk work: ``write`` in a transaction, then ``read`` (either may be None)."""

    write: Callable[[Session], Any] | None
    read: Callable[[Session], Any] | None = None
    label: str = ""
    id: int = field(default_factory=lambda: next(_ids))
    queued_at: float = field(default_factory=time.perf_counter)


@dataclass(frozen=True)
class Outcome:
    request: Request
    result: Any = None
    # A UserError (database busy, disk full…) or, for a bug, any other exception.
    error: Exception | None = None
    status: Any = None  # unused: counts come separately (``statusRead``)
    committed_at: float = 0.0


class _Worker(QObject):
    done = Signal(object)
    status = Signal(object)

    @Slot()
    def finish(self) -> None:
        """Queued after every request already submitted: stop once they are done."""
        thread = QThread.currentThread()
        if thread is not None:
            thread.quit()

    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database

    @Slot(object)
    def run(self, request: Request) -> None:
        result: Any = None
        error: Exception | None = None
        if request.write is not None:
            try:
                with self.database.transaction() as session:
                    result = request.write(session)
            except Exception as exc:
                error = exc
        # The answer goes out the moment it is committed; the counts follow.
        self.done.emit(Outcome(request, result, error, None, time.perf_counter()))
        if request.read is not None:
            try:
                with self.database.reading() as session:
                    self.status.emit(request.read(session))
            except Exception:
                pass


class ScanProcessor(QObject):
    """Submit requests from the GUI thread; ``finished(Outcome)`` comes back on it."""

    finished = Signal(object)
    statusRead = Signal(object)
    _submit = Signal(object)
    _finish = Signal()

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pending = 0
        self._thread = QThread(self)
        self._thread.setObjectName("kiosk-writer")
        self._worker = _Worker(database)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._finish.connect(self._worker.finish)
        self._worker.done.connect(self._done)
        self._worker.status.connect(self.statusRead)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start()

    def submit(self, request: Request) -> Request:
        self.pending += 1
        self._submit.emit(request)
        return request

    @Slot(object)
    def _done(self, outcome: Outcome) -> None:
        self.pending -= 1
        self.finished.emit(outcome)

    def stop(self) -> None:
        """Finish every request queued so far (none is dropped), then stop the thread."""
        if self._thread.isRunning():
            self._finish.emit()
            self._thread.wait(30_000)
        # Deliver the answers that arrived meanwhile, so ``pending`` settles.
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
