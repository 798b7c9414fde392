"""The history of exports written and files imported here, newest first.

Times in the organisation's time zone; an export's figures (activities, hours,
matching amount) come from what it recorded when it was written.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from desktop.hours.hours_table_model import RowsModel
from desktop.sync.sync_data import EXPORT, HistoryRow
from models.clock import local
from models.money import format_fen, format_minutes_as_hours

Index = QModelIndex | QPersistentModelIndex


class HistoryColumn(IntEnum):
    WHEN = 0
    KIND = 1
    ORGANISATION = 2
    PERIOD = 3
    FIGURES = 4
    FILE = 5
    STAFF = 6


class HistoryModel(RowsModel):
    def __init__(self, time_zone: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone = time_zone

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HistoryColumn)

    def header(self, column: int) -> str:
        return {
            HistoryColumn.WHEN: self.tr("When"),
            HistoryColumn.KIND: self.tr("Kind"),
            HistoryColumn.ORGANISATION: self.tr("Organisation"),
            HistoryColumn.PERIOD: self.tr("Period"),
            HistoryColumn.FIGURES: self.tr("Figures"),
            HistoryColumn.FILE: self.tr("File"),
            HistoryColumn.STAFF: self.tr("Staff"),
        }[HistoryColumn(column)]

    def numeric(self, column: int) -> bool:
        return False

    def row_id(self, row: Any) -> Any:
        return row.file_name

    def _moment(self, value: Any) -> str:
        return f"{local(value, self._zone):%Y-%m-%d %H:%M}" if value is not None else ""

    def kind(self, row: HistoryRow) -> str:
        if row.direction != EXPORT:
            return self.tr("Import")
        if row.audience == "desk":
            return self.tr("Export for another desk")
        if row.include_contacts:
            return self.tr("Export (with phone numbers)")
        return self.tr("Export")

    def period(self, row: HistoryRow) -> str:
        if row.period_end is None:
            return ""
        start = (
            self._moment(row.period_start)
            if row.period_start is not None
            else self.tr("the beginning")
        )
        return f"{start} – {self._moment(row.period_end)}"

    def figures(self, row: HistoryRow) -> str:
        if row.direction != EXPORT or not row.totals:
            return ""
        t = row.totals
        return self.tr("{activities} activities · {hours} h · {money}").format(
            activities=int(t.get("activities", 0)),
            hours=format_minutes_as_hours(int(t.get("minutes", 0))),
            money=format_fen(int(t.get("matching_fen", 0))),
        )

    def cell(self, row: Any, column: int) -> tuple[str, Any]:
        which = HistoryColumn(column)
        if which is HistoryColumn.WHEN:
            return self._moment(row.created_at), row.created_at.isoformat()
        if which is HistoryColumn.KIND:
            text = self.kind(row)
        elif which is HistoryColumn.ORGANISATION:
            text = row.org_code
        elif which is HistoryColumn.PERIOD:
            text = self.period(row)
        elif which is HistoryColumn.FIGURES:
            text = self.figures(row)
        elif which is HistoryColumn.FILE:
            text = row.file_name
        else:
            text = row.staff_name or ""
        return text, text
