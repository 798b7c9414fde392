"""The audit log as a table that never loads every row.

The first page comes with the total number of matching rows
(``models.audit_view.query``); further pages are fetched as the view scrolls
(``canFetchMore`` / ``fetchMore``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from models.audit_view import AuditPage, AuditRow, FieldChange
from models.clock import local

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_LIMIT = 200


class Column(IntEnum):
    TIME = 0
    STAFF = 1
    ACTION = 2
    RECORD = 3
    CHANGES = 4
    REASON = 5


def value_text(value: Any) -> str:
    """A value from the log as people read it: text as is, anything else as JSON."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def changes_summary(changes: tuple[FieldChange, ...]) -> str:
    text = "; ".join(f"{c.name}: {value_text(c.before)} → {value_text(c.after)}" for c in changes)
    return text if len(text) <= SUMMARY_LIMIT else text[: SUMMARY_LIMIT - 1] + "…"


class AuditTableModel(QAbstractTableModel):
    """``fetch(offset)`` returns the page starting at ``offset``; set with the first page."""

    pageLoaded = Signal(int)

    def __init__(self, time_zone: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone = time_zone
        self._rows: list[AuditRow] = []
        self._total = 0
        self._fetch: Callable[[int], AuditPage] | None = None

    def set_first_page(self, page: AuditPage, fetch: Callable[[int], AuditPage] | None) -> None:
        self.beginResetModel()
        self._rows = list(page.rows)
        self._total = page.total
        self._fetch = fetch
        self.endResetModel()
        self.pageLoaded.emit(len(self._rows))

    def clear(self) -> None:
        self.set_first_page(AuditPage((), 0, 0, PAGE_SIZE), None)

    def total(self) -> int:
        return self._total

    def loaded(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> AuditRow:
        return self._rows[row]

    # --- lazy loading -------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._fetch is not None and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        assert self._fetch is not None
        page = self._fetch(len(self._rows))
        rows = list(page.rows)
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        if not rows or not page.has_more:
            self._total = len(self._rows)  # new rows arrive at the top; stop here
        self.pageLoaded.emit(len(self._rows))

    # --- Qt model -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.TIME: self.tr("Time"),
            Column.STAFF: self.tr("Staff"),
            Column.ACTION: self.tr("Action"),
            Column.RECORD: self.tr("Record"),
            Column.CHANGES: self.tr("Changes"),
            Column.REASON: self.tr("Reason"),
        }.get(Column(section))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = Column(index.column())
        if column == Column.TIME:
            return f"{local(row.at, self._zone):%Y-%m-%d %H:%M:%S}"
        if column == Column.STAFF:
            return row.staff
        if column == Column.ACTION:
            return row.action
        if column == Column.RECORD:
            return row.entity
        if column == Column.CHANGES:
            return changes_summary(row.changes)
        return row.reason or ""
