"""Table models of the hours totals: by activity and by volunteer (plain rows from
``models.hours.hours_by_activity`` / ``hours_by_volunteer``).

Hours are shown with one decimal (``format_minutes_as_hours``), money as ¥ from
integer fen (``format_fen``); the sort role gives the raw numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from models.clock import local
from models.money import format_fen, format_minutes_as_hours

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ActivityColumn(IntEnum):
    TITLE = 0
    DATE = 1
    ATTENDANCES = 2
    VOLUNTEERS = 3
    HOURS = 4
    APPROVED = 5
    PENDING = 6
    MATCHING = 7


class VolunteerColumn(IntEnum):
    CODE = 0
    NAME = 1
    ATTENDANCES = 2
    HOURS = 3
    APPROVED = 4
    PENDING = 5
    MATCHING = 6


def _figures(row: Any) -> dict[str, tuple[str, int]]:
    """The shared numeric cells: name → (text, sort value)."""
    return {
        "attendances": (f"{row.attendances:,}", row.attendances),
        "hours": (format_minutes_as_hours(row.minutes), row.minutes),
        "approved": (format_minutes_as_hours(row.approved_minutes), row.approved_minutes),
        "pending": (format_minutes_as_hours(row.pending_minutes), row.pending_minutes),
        "matching": (format_fen(row.matching_fen), row.matching_fen),
    }


class RowsModel(QAbstractTableModel):
    """Rows of plain values; subclasses say the columns and the cells."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < self.columnCount():
            return None
        return self.header(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < self.columnCount():
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            identity = self.row_id(row)
            return str(identity) if identity is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if self.numeric(index.column()) else None
        if role not in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return None
        text, sort = self.cell(row, index.column())
        return text if role == Qt.ItemDataRole.DisplayRole else sort

    # --- for subclasses ---------------------------------------------------------
    def header(self, column: int) -> str:
        raise NotImplementedError

    def cell(self, row: Any, column: int) -> tuple[str, Any]:
        raise NotImplementedError

    def numeric(self, column: int) -> bool:
        raise NotImplementedError

    def row_id(self, row: Any) -> Any:
        raise NotImplementedError


class ActivityHoursModel(RowsModel):
    """One row per activity (and one for supplemental hours without an activity)."""

    def __init__(self, time_zone: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone = time_zone

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ActivityColumn)

    def header(self, column: int) -> str:
        return {
            ActivityColumn.TITLE: self.tr("Activity"),
            ActivityColumn.DATE: self.tr("Date"),
            ActivityColumn.ATTENDANCES: self.tr("Attendances"),
            ActivityColumn.VOLUNTEERS: self.tr("Volunteers"),
            ActivityColumn.HOURS: self.tr("Hours"),
            ActivityColumn.APPROVED: self.tr("Approved hours"),
            ActivityColumn.PENDING: self.tr("Pending hours"),
            ActivityColumn.MATCHING: self.tr("Matching"),
        }[ActivityColumn(column)]

    def numeric(self, column: int) -> bool:
        return column >= ActivityColumn.ATTENDANCES

    def row_id(self, row: Any) -> Any:
        return row.activity_id

    def cell(self, row: Any, column: int) -> tuple[str, Any]:
        which = ActivityColumn(column)
        if which is ActivityColumn.TITLE:
            title = row.title if row.activity_id is not None else None
            text = title or self.tr("Supplemental hours without an activity")
            return text, text
        if which is ActivityColumn.DATE:
            if row.starts_at is None:
                return "", ""
            day = local(row.starts_at, self._zone).strftime("%Y-%m-%d")
            return day, day
        if which is ActivityColumn.VOLUNTEERS:
            return f"{row.volunteers:,}", row.volunteers
        return _figures(row)[which.name.lower()]


class VolunteerHoursModel(RowsModel):
    """One row per volunteer with hours or attendance in the period."""

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(VolunteerColumn)

    def header(self, column: int) -> str:
        return {
            VolunteerColumn.CODE: self.tr("Code"),
            VolunteerColumn.NAME: self.tr("Name"),
            VolunteerColumn.ATTENDANCES: self.tr("Attendances"),
            VolunteerColumn.HOURS: self.tr("Hours"),
            VolunteerColumn.APPROVED: self.tr("Approved hours"),
            VolunteerColumn.PENDING: self.tr("Pending hours"),
            VolunteerColumn.MATCHING: self.tr("Matching"),
        }[VolunteerColumn(column)]

    def numeric(self, column: int) -> bool:
        return column >= VolunteerColumn.ATTENDANCES

    def row_id(self, row: Any) -> Any:
        return row.volunteer_id

    def cell(self, row: Any, column: int) -> tuple[str, Any]:
        which = VolunteerColumn(column)
        if which is VolunteerColumn.CODE:
            return row.code, row.code
        if which is VolunteerColumn.NAME:
            return row.name, row.name
        return _figures(row)[which.name.lower()]
