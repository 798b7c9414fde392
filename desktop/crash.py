"""Bugs reach the user as a crash dialog with the details, and a log file."""

from __future__ import annotations

import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from models import __version__
from models.db import data_dir


def crash_log_dir() -> Path:
    return data_dir() / "logs"


def write_crash_log(text: str) -> Path | None:
    try:
        folder = crash_log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}.txt"
        path.write_text(text, encoding="utf-8")
        return path
    except OSError:
        return None


def excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    text = f"Partner Desk {__version__}\n" + "".join(traceback.format_exception(kind, value, tb))
    sys.stderr.write(text)
    log = write_crash_log(text)
    if QApplication.instance() is None:
        return
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("crash", "Unexpected error"),
        QCoreApplication.translate(
            "crash",
            "Partner Desk ran into a problem it did not expect. Your saved data is safe. "
            "Please send the details below to your support contact.",
        ),
    )
    details = text if log is None else f"{text}\n{log}"
    box.setDetailedText(details)
    box.exec()


def install() -> None:
    sys.excepthook = excepthook
