"""The figures an export carries, as a two-column table (figure, value).

Built from ``models.sync_export.ExportTotals`` (a preview or a written export):
hours with one decimal, money in ¥ from fen, and the items received by category
under their total.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from desktop.hours.hours_table_model import RowsModel
from models.money import format_fen, format_minutes_as_hours
from models.sync_export import ExportTotals

Index = QModelIndex | QPersistentModelIndex


def carries_nothing(t: ExportTotals) -> bool:
    """True when an export holds no record at all (it still tells the office so)."""
    return not any(
        (
            t.activities,
            t.attendances,
            t.hour_lines,
            t.feedback_received,
            t.feedback_waived,
            t.corrections,
            t.summary_lines,
            t.volunteers,
            t.items_received,
        )
    )


class TotalsColumn(IntEnum):
    FIGURE = 0
    VALUE = 1


@dataclass(frozen=True)
class TotalLine:
    key: str  # stable name of the figure ("matching", "category:服装", …)
    label: str
    text: str
    value: int


class ExportTotalsModel(RowsModel):
    def set_totals(self, totals: ExportTotals | None) -> None:
        self.set_rows(self.lines(totals) if totals is not None else [])

    def lines(self, t: ExportTotals) -> list[TotalLine]:
        def count(key: str, label: str, value: int) -> TotalLine:
            return TotalLine(key, label, f"{value:,}", value)

        lines = [
            count("activities", self.tr("Activities"), t.activities),
            count("attendances", self.tr("Attendances"), t.attendances),
            TotalLine(
                "hours", self.tr("Approved hours"), format_minutes_as_hours(t.minutes), t.minutes
            ),
            TotalLine(
                "matching", self.tr("Matching amount"), format_fen(t.matching_fen), t.matching_fen
            ),
            count("hour_lines", self.tr("Hour lines"), t.hour_lines),
            count(
                "delta_lines", self.tr("  of which corrections of earlier exports"), t.delta_lines
            ),
            count("feedback_received", self.tr("Activity feedback received"), t.feedback_received),
            count("feedback_waived", self.tr("Activity feedback waived"), t.feedback_waived),
            count("corrections", self.tr("Volunteers' correction requests"), t.corrections),
            count("volunteers", self.tr("Volunteers named"), t.volunteers),
            count("summary_lines", self.tr("Donation summary lines"), t.summary_lines),
            count("items", self.tr("Items received"), t.items_received),
        ]
        lines += [
            TotalLine(f"category:{c.category}", f"  {c.category}", f"{c.items:,}", c.items)
            for c in t.items_by_category
        ]
        return lines

    def text_of(self, key: str) -> str | None:
        """The value shown for the figure ``key`` (None when there is no such line)."""
        for line in self.rows():
            if line.key == key:
                return str(line.text)
        return None

    # --- RowsModel ------------------------------------------------------------------
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TotalsColumn)

    def header(self, column: int) -> str:
        return {
            TotalsColumn.FIGURE: self.tr("Figure"),
            TotalsColumn.VALUE: self.tr("In this export"),
        }[TotalsColumn(column)]

    def numeric(self, column: int) -> bool:
        return column == TotalsColumn.VALUE

    def row_id(self, row: Any) -> Any:
        return row.key

    def cell(self, row: Any, column: int) -> tuple[str, Any]:
        if TotalsColumn(column) is TotalsColumn.FIGURE:
            return row.label, row.label
        return row.text, row.value
