"""One line per sync file verified or imported: whose it is, what it did, or why it
was refused (the precise message from ``models``, translated).

``import_lines`` and ``verify_lines`` turn the models' results into plain
``BundleLine`` values; ``BundleReportModel`` shows them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from desktop.hours.hours_table_model import RowsModel
from desktop.i18n import user_message
from models.clock import local
from models.errors import UserError
from models.office_import import ImportReport, Verification

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class BundleLine:
    file: str
    org_code: str
    partner: str  # registered name, "" when unknown
    export_id: str  # first 8 hex digits, as in the file name
    period: str
    new: int | None
    updated: int | None
    unchanged: int | None
    ok: bool
    result: str  # what happened, or the precise reason it was refused


def refused(error: Exception) -> str:
    """'Refused: <what is wrong with which file>', in the current language."""
    reason = user_message(error) if isinstance(error, UserError) else str(error)
    return QCoreApplication.translate("BundleReportModel", "Refused: {reason}").format(
        reason=reason
    )


def _partner(code: str | None, names: Mapping[str, str]) -> str:
    return names.get(code or "", "")


def import_lines(report: ImportReport, names: Mapping[str, str]) -> list[BundleLine]:
    lines = []
    for bundle in report.bundles:
        export_id = bundle.export_id.hex[:8] if bundle.export_id is not None else ""
        if bundle.error is not None:
            lines.append(
                BundleLine(
                    bundle.path.name,
                    bundle.org_code or "",
                    _partner(bundle.org_code, names),
                    export_id,
                    "",
                    None,
                    None,
                    None,
                    False,
                    refused(bundle.error),
                )
            )
            continue
        counts = bundle.counts
        if bundle.kind == "desk":
            result = QCoreApplication.translate(
                "BundleReportModel", "Merged another desk's check-ins ({skipped} skipped)"
            ).format(skipped=counts.skipped)
        else:
            result = QCoreApplication.translate("BundleReportModel", "Imported")
        lines.append(
            BundleLine(
                bundle.path.name,
                bundle.org_code or "",
                _partner(bundle.org_code, names),
                export_id,
                "",
                counts.new,
                counts.updated,
                counts.unchanged,
                True,
                result,
            )
        )
    return lines


def verify_lines(
    results: Sequence[Verification], names: Mapping[str, str], time_zone: str
) -> list[BundleLine]:
    lines = []
    for result in results:
        report = result.report
        if result.error is not None or report is None:
            text = refused(result.error) if result.error is not None else "?"
            lines.append(
                BundleLine(result.path.name, "", "", "", "", None, None, None, False, text)
            )
            continue
        start = (
            f"{local(report.period_start, time_zone):%Y-%m-%d}"
            if report.period_start is not None
            else "…"
        )
        period = f"{start} – {local(report.period_end, time_zone):%Y-%m-%d}"
        text = QCoreApplication.translate(
            "BundleReportModel", "Intact and signed with the registered key {key}; {rows} rows."
        ).format(key=report.key_fingerprint, rows=f"{sum(report.rows.values()):,}")
        if not report.key_trusted:
            text = QCoreApplication.translate(
                "BundleReportModel",
                "Intact, signed with the key {key}, which is not registered here; {rows} rows.",
            ).format(key=report.key_fingerprint, rows=f"{sum(report.rows.values()):,}")
        lines.append(
            BundleLine(
                result.path.name,
                report.org_code,
                _partner(report.org_code, names),
                report.export_id.hex[:8],
                period,
                None,
                None,
                None,
                True,
                text,
            )
        )
    return lines


class ReportColumn(IntEnum):
    FILE = 0
    PARTNER = 1
    EXPORT = 2
    PERIOD = 3
    NEW = 4
    UPDATED = 5
    UNCHANGED = 6
    RESULT = 7


_COUNTS = {
    ReportColumn.NEW: "new",
    ReportColumn.UPDATED: "updated",
    ReportColumn.UNCHANGED: "unchanged",
}


class BundleReportModel(RowsModel):
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ReportColumn)

    def header(self, column: int) -> str:
        return {
            ReportColumn.FILE: self.tr("File"),
            ReportColumn.PARTNER: self.tr("Partner"),
            ReportColumn.EXPORT: self.tr("Export"),
            ReportColumn.PERIOD: self.tr("Period"),
            ReportColumn.NEW: self.tr("New"),
            ReportColumn.UPDATED: self.tr("Updated"),
            ReportColumn.UNCHANGED: self.tr("Unchanged"),
            ReportColumn.RESULT: self.tr("Result"),
        }[ReportColumn(column)]

    def numeric(self, column: int) -> bool:
        return column in _COUNTS

    def row_id(self, row: Any) -> Any:
        return row.file

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            if 0 <= index.row() < self.rowCount() and index.column() == ReportColumn.RESULT:
                return self.row_at(index.row()).result
            return None
        return super().data(index, role)

    def cell(self, row: Any, column: int) -> tuple[str, Any]:
        which = ReportColumn(column)
        if which in _COUNTS:
            value = getattr(row, _COUNTS[which])
            return ("", -1) if value is None else (f"{value:,}", value)
        if which is ReportColumn.PARTNER:
            text = f"{row.org_code} {row.partner}".strip()
            return text, text
        text = {
            ReportColumn.FILE: row.file,
            ReportColumn.EXPORT: row.export_id,
            ReportColumn.PERIOD: row.period,
            ReportColumn.RESULT: row.result,
        }[which]
        return text, text
