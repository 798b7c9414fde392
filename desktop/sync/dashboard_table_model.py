"""The programme office's consolidated table: one row per partner and week or month
(``models.office_dashboard.DashboardRow``).

Hours with one decimal, money in ¥ from fen; the sort role gives the raw
numbers.  ``headers()`` are the same translated names the XLSX export uses.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from desktop.hours.hours_table_model import RowsModel
from models.money import format_fen, format_minutes_as_hours

Index = QModelIndex | QPersistentModelIndex


class DashboardColumn(IntEnum):
    """In the order of ``models.office_dashboard.export_xlsx``'s columns."""

    CODE = 0
    PARTNER = 1
    PERIOD = 2
    ACTIVITIES = 3
    ATTENDANCES = 4
    VOLUNTEERS = 5
    HOURS = 6
    MATCHING = 7
    FEEDBACK_RECEIVED = 8
    FEEDBACK_WAIVED = 9
    FEEDBACK_MISSING = 10


_COUNTS = {
    DashboardColumn.ACTIVITIES: "activities",
    DashboardColumn.ATTENDANCES: "attendances",
    DashboardColumn.VOLUNTEERS: "volunteers",
    DashboardColumn.FEEDBACK_RECEIVED: "feedback_received",
    DashboardColumn.FEEDBACK_WAIVED: "feedback_waived",
    DashboardColumn.FEEDBACK_MISSING: "feedback_missing",
}


class DashboardModel(RowsModel):
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(DashboardColumn)

    def headers(self) -> list[str]:
        return [self.header(column) for column in DashboardColumn]

    def header(self, column: int) -> str:
        return {
            DashboardColumn.CODE: self.tr("Partner code"),
            DashboardColumn.PARTNER: self.tr("Partner"),
            DashboardColumn.PERIOD: self.tr("Period"),
            DashboardColumn.ACTIVITIES: self.tr("Activities"),
            DashboardColumn.ATTENDANCES: self.tr("Attendances"),
            DashboardColumn.VOLUNTEERS: self.tr("Volunteers"),
            DashboardColumn.HOURS: self.tr("Hours"),
            DashboardColumn.MATCHING: self.tr("Matching amount"),
            DashboardColumn.FEEDBACK_RECEIVED: self.tr("Feedback received"),
            DashboardColumn.FEEDBACK_WAIVED: self.tr("Feedback waived"),
            DashboardColumn.FEEDBACK_MISSING: self.tr("Feedback missing"),
        }[DashboardColumn(column)]

    def numeric(self, column: int) -> bool:
        return column >= DashboardColumn.ACTIVITIES

    def row_id(self, row: Any) -> Any:
        return f"{row.partner_code}/{row.period}"

    def cell(self, row: Any, column: int) -> tuple[str, Any]:
        which = DashboardColumn(column)
        if which in _COUNTS:
            value = int(getattr(row, _COUNTS[which]))
            return f"{value:,}", value
        if which is DashboardColumn.HOURS:
            return format_minutes_as_hours(row.minutes), row.minutes
        if which is DashboardColumn.MATCHING:
            return format_fen(row.matching_fen), row.matching_fen
        if which is DashboardColumn.CODE:
            return row.partner_code, row.partner_code
        if which is DashboardColumn.PARTNER:
            return row.partner_name, row.partner_name
        return row.period, row.period_start.isoformat()
