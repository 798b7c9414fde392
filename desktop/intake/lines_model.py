"""The item lines of a donation being entered, before it is saved."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.labels import grade_label
from models.enums import Grade
from models.money import format_fen

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PendingLine:
    category_id: uuid.UUID
    category_path: str
    description: str
    grade: Grade
    quantity: int
    unit_value_fen: int

    @property
    def total_fen(self) -> int:
        return self.quantity * self.unit_value_fen


class Column(IntEnum):
    CATEGORY = 0
    DESCRIPTION = 1
    GRADE = 2
    QUANTITY = 3
    UNIT_VALUE = 4
    TOTAL = 5


class LinesModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[PendingLine] = []

    # --- editing ----------------------------------------------------------------
    def add(self, line: PendingLine) -> int:
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append(line)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> PendingLine | None:
        if not 0 <= row < len(self._lines):
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        line = self._lines.pop(row)
        self.endRemoveRows()
        return line

    def clear(self) -> None:
        self.beginResetModel()
        self._lines.clear()
        self.endResetModel()

    def lines(self) -> tuple[PendingLine, ...]:
        return tuple(self._lines)

    def totals(self) -> tuple[int, int, int]:
        """(lines, pieces, estimated value in fen)."""
        return (
            len(self._lines),
            sum(line.quantity for line in self._lines),
            sum(line.total_fen for line in self._lines),
        )

    # --- Qt model -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return {
            Column.CATEGORY: self.tr("Category"),
            Column.DESCRIPTION: self.tr("Description"),
            Column.GRADE: self.tr("Condition"),
            Column.QUANTITY: self.tr("Quantity"),
            Column.UNIT_VALUE: self.tr("Unit value"),
            Column.TOTAL: self.tr("Line total"),
        }.get(Column(section))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= Column.QUANTITY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.CATEGORY: line.category_path,
            Column.DESCRIPTION: line.description,
            Column.GRADE: grade_label(line.grade),
            Column.QUANTITY: str(line.quantity),
            Column.UNIT_VALUE: format_fen(line.unit_value_fen),
            Column.TOTAL: format_fen(line.total_fen),
        }[column]
