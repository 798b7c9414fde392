"""Table views that list records: whole rows selected, nothing edited in place."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableView


def list_rows(view: QTableView, *, several: bool = False) -> None:
    """Rows are picked whole (one, or ``several`` with Ctrl/Shift), never edited in the cell."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if several
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
