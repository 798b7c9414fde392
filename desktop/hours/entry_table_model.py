"""Table model of hour entries (``models.hours.EntryRow``): pending, approved, rejected."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from desktop.hours.hour_labels import entry_status_text, kind_label, signed_hours
from desktop.hours.hours_table_model import Index, RowsModel
from models.clock import local
from models.enums import HourKind


class EntryColumn(IntEnum):
    DATE = 0
    VOLUNTEER = 1
    ACTIVITY = 2
    KIND = 3
    TIME = 4
    HOURS = 5
    STATUS = 6
    REASON = 7
    ENTERED_BY = 8
    DECIDED_BY = 9


class EntryTableModel(RowsModel):
    def __init__(self, time_zone: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone = time_zone

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(EntryColumn)

    def header(self, column: int) -> str:
        return {
            EntryColumn.DATE: self.tr("Date"),
            EntryColumn.VOLUNTEER: self.tr("Volunteer"),
            EntryColumn.ACTIVITY: self.tr("Activity"),
            EntryColumn.KIND: self.tr("Kind"),
            EntryColumn.TIME: self.tr("Time"),
            EntryColumn.HOURS: self.tr("Hours"),
            EntryColumn.STATUS: self.tr("Status"),
            EntryColumn.REASON: self.tr("Reason"),
            EntryColumn.ENTERED_BY: self.tr("Entered by"),
            EntryColumn.DECIDED_BY: self.tr("Decided by"),
        }[EntryColumn(column)]

    def numeric(self, column: int) -> bool:
        return column == EntryColumn.HOURS

    def row_id(self, row: Any) -> Any:
        return row.id

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and index.isValid()
            and index.column() == EntryColumn.REASON
            and 0 <= index.row() < self.rowCount()
        ):
            return self.row_at(index.row()).reason
        return super().data(index, role)

    def cell(self, row: Any, column: int) -> tuple[str, Any]:
        which = EntryColumn(column)
        if which is EntryColumn.DATE:
            day = row.work_date.isoformat()
            return day, day
        if which is EntryColumn.VOLUNTEER:
            text = f"{row.volunteer_name} ({row.volunteer_code})"
            return text, row.volunteer_name
        if which is EntryColumn.ACTIVITY:
            title = row.activity_title or ""
            return title, title
        if which is EntryColumn.KIND:
            return kind_label(row.kind), row.kind.value
        if which is EntryColumn.TIME:
            if row.started_at is None or row.ended_at is None:
                return "", ""
            start = local(row.started_at, self._zone)
            end = local(row.ended_at, self._zone)
            return f"{start:%H:%M}–{end:%H:%M}", start.isoformat()
        if which is EntryColumn.HOURS:
            signed = row.kind is HourKind.CORRECTION
            return signed_hours(row.minutes, signed=signed), row.minutes
        if which is EntryColumn.STATUS:
            text = entry_status_text(row)
            return text, text
        if which is EntryColumn.REASON:
            reason = row.reason or ""
            return reason, reason
        if which is EntryColumn.ENTERED_BY:
            who = row.requested_by or ""
            return who, who
        who = ", ".join(n for n in (row.decided_by, row.second_approver) if n)
        return who, who
