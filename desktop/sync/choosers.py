"""The file and folder choosers of the Sync screen, one replaceable attribute each.

Panels call ``choosers.choose_folder(...)`` etc. through this module, so tests swap
the attribute for a function that answers at once and no real dialog ever opens.
Each returns None (or an empty list) when the user cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def _existing_folder(parent: QWidget | None, title: str, start: Path) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(name) if name else None


def _bundle_files(parent: QWidget | None, title: str, start: Path) -> list[Path]:
    names, _chosen = QFileDialog.getOpenFileNames(
        parent,
        title,
        str(start),
        QCoreApplication.translate(
            "SyncChoosers", "Partner Desk sync files (*.pdsync);;All files (*)"
        ),
    )
    return [Path(name) for name in names]


def _table_file(parent: QWidget | None, title: str, suggested: Path) -> Path | None:
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        title,
        str(suggested),
        QCoreApplication.translate(
            "SyncChoosers", "Excel workbook (*.xlsx);;CSV for Excel/WPS (*.csv)"
        ),
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
    return path


# (parent, title, folder to start in) → the folder chosen
choose_folder: Callable[[QWidget | None, str, Path], Path | None] = _existing_folder
# (parent, title, folder to start in) → the .pdsync files chosen
choose_bundles: Callable[[QWidget | None, str, Path], list[Path]] = _bundle_files
# (parent, title, suggested file) → where to save a table (.xlsx or .csv)
choose_save_file: Callable[[QWidget | None, str, Path], Path | None] = _table_file
