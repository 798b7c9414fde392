"""Make a PDF off the GUI thread, then open it in the system viewer (to print)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from desktop.jobs import Progress, run_job
from models.db import data_dir


def prints_dir() -> Path:
    """Where generated labels, receipts and reports are kept (made if missing)."""
    folder = data_dir() / "prints"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _open_in_viewer(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


# Replaced in tests, so no viewer or file manager is launched.
opener: Callable[[Path], None] = _open_in_viewer
folder_opener: Callable[[Path], None] = _open_in_viewer


def make_and_open(
    parent: QWidget | None,
    title: str,
    work: Callable[[Progress], Path],
    on_done: Callable[[Path], None] | None = None,
) -> Any:
    """Run ``work`` (which writes a PDF and returns its path) and open the result."""

    def done(result: object) -> None:
        assert isinstance(result, Path)
        opener(result)
        if on_done is not None:
            on_done(result)

    return run_job(parent, title, work, done)
