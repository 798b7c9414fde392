"""Make a PDF off the GUI thread, then open it in the system viewer (to print)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from desktop import messages
from desktop.jobs import Progress, run_job
from models.db import data_dir


def prints_dir() -> Path:
    """Where generated labels, receipts and reports are kept (made if missing)."""
    folder = data_dir() / "prints"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _open_in_viewer(path: Path) -> bool:
    """False when this computer has no program to open it."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


# Replaced in tests, so no viewer or file manager is launched.
opener: Callable[[Path], bool | None] = _open_in_viewer
folder_opener: Callable[[Path], bool | None] = _open_in_viewer


def open_document(parent: QWidget | None, path: Path) -> None:
    """Open ``path`` in the system viewer, or say where it is when none is found."""
    if opener(path) is False:
        _say_where(
            parent,
            QCoreApplication.translate(
                "documents",
                "Saved as {path}.\n\nNo program to open it was found on this computer: "
                "open it from that folder, or install a PDF reader to print it.",
            ).format(path=path),
        )


def open_folder(parent: QWidget | None, folder: Path) -> None:
    """Show ``folder`` in the file manager, or say where it is when none is found."""
    if folder_opener(folder) is False:
        _say_where(
            parent,
            QCoreApplication.translate(
                "documents", "The files are in {folder}. No file manager was found to show it."
            ).format(folder=folder),
        )


def _say_where(parent: QWidget | None, text: str) -> None:
    messages.information(parent, QCoreApplication.translate("documents", "Saved"), text)


def make_and_open(
    parent: QWidget | None,
    title: str,
    work: Callable[[Progress], Path],
    on_done: Callable[[Path], None] | None = None,
) -> Any:
    """Run ``work`` (which writes a PDF and returns its path) and open the result."""

    def done(result: object) -> None:
        assert isinstance(result, Path)
        open_document(parent, result)
        if on_done is not None:
            on_done(result)

    return run_job(parent, title, work, done)
