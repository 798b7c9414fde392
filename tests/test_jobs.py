"""Background work: results come back on the GUI thread; errors by kind; cancel."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop import jobs
from desktop.jobs import Progress, run_job
from models.errors import UserError
from tests.conftest import MessageRecorder


def test_result_arrives_on_the_gui_thread(qtbot: QtBot, qapp: QApplication) -> None:
    seen: dict[str, object] = {}

    def work(progress: Progress) -> int:
        seen["worker"] = threading.get_ident()
        progress.report(1, 2)
        return 42

    def done(result: object) -> None:
        seen["result"] = result
        seen["on_gui_thread"] = QThread.currentThread() is qapp.thread()

    job = run_job(None, "test", work, done, show_progress=False)
    with qtbot.waitSignal(job.done, timeout=5000):
        pass
    assert seen["result"] == 42
    assert seen["on_gui_thread"] is True
    assert seen["worker"] != threading.get_ident()


def test_user_error_is_shown_plainly(qtbot: QtBot, recorder: MessageRecorder) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(progress: Progress) -> None:
        raise UserError("The disk is full. Free some space and try again; nothing was saved.")

    job = run_job(parent, "Export", work, show_progress=False)
    with qtbot.waitSignal(job.done, timeout=5000):
        pass
    qtbot.waitUntil(lambda: bool(recorder.shown))
    assert recorder.shown[0][0] == "error"
    assert "disk is full" in recorder.shown[0][2]


def test_cancel_stops_the_work_quietly(qtbot: QtBot, recorder: MessageRecorder) -> None:
    started = threading.Event()
    steps: list[int] = []
    results: list[object] = []

    def work(progress: Progress) -> str:
        started.set()
        for step in range(10_000):
            progress.report(step, 10_000)
            steps.append(step)
            threading.Event().wait(0.001)
        return "finished"

    job = run_job(None, "Long", work, results.append, show_progress=False)
    assert started.wait(5)
    job.cancel()
    with qtbot.waitSignal(job.done, timeout=5000):
        pass
    assert results == []
    assert recorder.shown == []
    assert len(steps) < 10_000
    assert jobs.wait_for_all(1000)


def test_progress_dialog_appears_only_for_slow_work(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()

    def slow(progress: Progress) -> None:
        progress.report(3, 10, "working")
        release.wait(10)

    job = run_job(parent, "Slow", slow)
    assert job._dialog is None
    qtbot.waitUntil(lambda: job._dialog is not None, timeout=3000)
    dialog = job._dialog
    assert dialog is not None and dialog.maximum() == 10 and dialog.value() == 3
    release.set()
    with qtbot.waitSignal(job.done, timeout=5000):
        pass
