"""Pieces shared by the list imports (donations, sign-ups, rosters): the preview of
the file, the column-mapping combos and the table of row problems."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QTableWidget, QTableWidgetItem

from desktop.i18n import model_text


def fill_preview(preview: QTableWidget, table: Any, limit: int) -> None:
    """The first ``limit`` rows of a ``models.donation_import.Table``, numbered as in the file."""
    headers = list(table.headers)
    preview.setColumnCount(len(headers))
    preview.setHorizontalHeaderLabels(headers)
    shown = table.rows[:limit]
    preview.setRowCount(len(shown))
    preview.setVerticalHeaderLabels([str(n) for n in table.row_numbers[: len(shown)]])
    for r, row in enumerate(shown):
        for c, value in enumerate(row):
            preview.setItem(r, c, QTableWidgetItem(value))


def fill_mapping(
    combos: Mapping[str, QComboBox],
    headers: Sequence[str],
    suggested: Mapping[str, str],
    none_text: str,
) -> None:
    """Offer every header for every field, with the suggested one chosen."""
    for name, combo in combos.items():
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(none_text, None)
        for header in headers:
            combo.addItem(header, header)
        chosen = suggested.get(name)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
        combo.blockSignals(False)


def chosen_mapping(combos: Mapping[str, QComboBox]) -> dict[str, str]:
    return {
        name: combo.currentData()
        for name, combo in combos.items()
        if combo.currentData() is not None
    }


def fill_problems(problems: QTableWidget, errors: Sequence[Any]) -> None:
    """One line per row problem: row number, column, the message in the user's language."""
    problems.setRowCount(len(errors))
    for r, error in enumerate(errors):
        cells = (str(error.row_number), error.column or "", error.render(model_text))
        for c, value in enumerate(cells):
            problems.setItem(r, c, QTableWidgetItem(value))
