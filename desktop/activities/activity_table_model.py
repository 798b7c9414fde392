"""Table model over a list of activities (plain rows from ``models.activities``)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.labels import activity_state_label
from models.clock import local

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TITLE = 0
    KIND = 1
    DATE = 2
    TIME = 3
    STATE = 4
    ATTENDANCES = 5


ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class ActivityTableModel(QAbstractTableModel):
    def __init__(self, time_zone: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._zone = time_zone

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

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
            Column.TITLE: self.tr("Activity"),
            Column.KIND: self.tr("Type"),
            Column.DATE: self.tr("Date"),
            Column.TIME: self.tr("Time"),
            Column.STATE: self.tr("State"),
            Column.ATTENDANCES: self.tr("Attendances"),
        }.get(Column(section))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == ID_ROLE:
            return str(row.id)
        if role == SORT_ROLE:
            return {
                Column.TITLE: row.title,
                Column.KIND: row.kind,
                Column.DATE: row.starts_at.isoformat(),
                Column.TIME: row.starts_at.isoformat(),
                Column.STATE: row.state.value,
                Column.ATTENDANCES: row.attendances,
            }[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.ATTENDANCES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        start = local(row.starts_at, self._zone)
        end = local(row.ends_at, self._zone)
        if column == Column.TITLE:
            return row.title
        if column == Column.KIND:
            return row.kind
        if column == Column.DATE:
            return start.strftime("%Y-%m-%d")
        if column == Column.TIME:
            return f"{start:%H:%M}–{end:%H:%M}"
        if column == Column.STATE:
            return activity_state_label(row.state)
        return f"{row.attendances:,}"
