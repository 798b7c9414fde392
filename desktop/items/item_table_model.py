"""The inventory as a table that never loads all rows.

Rows arrive a page at a time (keyset pagination in ``models.items.page``): the
first page when the query changes, further pages as the view scrolls
(``canFetchMore`` / ``fetchMore``).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop.labels import grade_label, item_status_label
from models.clock import local
from models.enums import Grade, ItemStatus
from models.money import format_fen

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(IntEnum):
    CODE = 0
    CATEGORY = 1
    DESCRIPTION = 2
    GRADE = 3
    STATUS = 4
    STORE = 5
    VALUE = 6
    RECEIVED = 7
    DONOR = 8


class ItemTableModel(QAbstractTableModel):
    """``fetch_page(after)`` returns (rows, next_cursor); set by the screen."""

    pageLoaded = Signal(int)

    def __init__(self, time_zone: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone = time_zone
        self._rows: list[Any] = []
        self._next: Any = None
        self._fetch_page: Callable[[Any], tuple[list[Any], Any]] | None = None

    def set_first_page(
        self,
        rows: list[Any],
        next_cursor: Any,
        fetch_page: Callable[[Any], tuple[list[Any], Any]],
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._next = next_cursor
        self._fetch_page = fetch_page
        self.endResetModel()
        self.pageLoaded.emit(len(self._rows))

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def loaded(self) -> int:
        return len(self._rows)

    def has_more(self) -> bool:
        return self._next is not None

    # --- lazy loading -------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next is not None and self._fetch_page is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        assert self._fetch_page is not None
        rows, next_cursor = self._fetch_page(self._next)
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._next = next_cursor
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
            Column.CODE: self.tr("Code"),
            Column.CATEGORY: self.tr("Category"),
            Column.DESCRIPTION: self.tr("Description"),
            Column.GRADE: self.tr("Condition"),
            Column.STATUS: self.tr("Status"),
            Column.STORE: self.tr("Store"),
            Column.VALUE: self.tr("Estimated value"),
            Column.RECEIVED: self.tr("Received"),
            Column.DONOR: self.tr("Donor"),
        }.get(Column(section))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == CODE_ROLE:
            return row.code
        column = Column(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == Column.CODE:
            return row.code
        if column == Column.CATEGORY:
            return row.category_path
        if column == Column.DESCRIPTION:
            return row.description
        if column == Column.GRADE:
            return grade_label(Grade(row.grade))
        if column == Column.STATUS:
            return item_status_label(ItemStatus(row.status))
        if column == Column.STORE:
            return row.store_code
        if column == Column.VALUE:
            return format_fen(row.unit_value_fen * row.quantity)
        if column == Column.RECEIVED:
            return f"{local(row.received_at, self._zone):%Y-%m-%d}"
        return row.donor_name or ""
