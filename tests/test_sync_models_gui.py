"""The Sync screen's table models alone (no widgets): export totals with items by
category, the history, partners, the verify/import report with the precise
refusal messages, and the dashboard with hours and ¥; each checked by pytest-qt's
model tester."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from pytestqt.modeltest import ModelTester

from desktop.hours.hours_table_model import ID_ROLE, SORT_ROLE
from desktop.sync.bundle_report_model import (
    BundleReportModel,
    ReportColumn,
    import_lines,
    verify_lines,
)
from desktop.sync.dashboard_table_model import DashboardColumn, DashboardModel
from desktop.sync.export_totals_model import ExportTotalsModel, TotalsColumn, carries_nothing
from desktop.sync.history_table_model import HistoryModel
from desktop.sync.partner_table_model import PartnerColumn, PartnerModel
from desktop.sync.sync_data import EXPORT, IMPORT, HistoryRow, history_rows
from models import bundle_errors
from models.bundle import BundleReport
from models.bundle_errors import BundleError
from models.office_dashboard import DEFAULT_HEADERS, DashboardRow
from models.office_import import BundleImport, ImportReport, PartnerInfo, Verification
from models.office_upsert import TableCounts
from models.sync_donations import CategoryCount
from models.sync_export import ExportRecord, ExportTotals

ZONE = "Asia/Shanghai"
HEADER = Qt.Orientation.Horizontal
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
EXPORT_ID = uuid.UUID("1a2b3c4d-0000-4000-8000-000000000000")

TOTALS = ExportTotals(
    activities=2,
    attendances=3,
    hour_lines=3,
    delta_lines=1,
    minutes=312,
    matching_fen=520_00,
    feedback_received=1,
    feedback_waived=1,
    corrections=0,
    summary_lines=2,
    volunteers=3,
    items_by_category=(CategoryCount("服装", 1_203), CategoryCount("电器数码", 2)),
)
NOTHING = ExportTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ())


def texts(model: QAbstractItemModel, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_export_totals_show_hours_money_and_items_by_category(
    qtmodeltester: ModelTester,
) -> None:
    model = ExportTotalsModel()
    model.set_totals(TOTALS)
    qtmodeltester.check(model)
    shown = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    assert shown["Activities"] == "2" and shown["Attendances"] == "3"
    assert (shown["Approved hours"], shown["Matching amount"]) == ("5.2", "¥520.00")
    assert shown["  of which corrections of earlier exports"] == "1"
    assert (shown["Items received"], shown["  服装"], shown["  电器数码"]) == (
        "1,205",
        "1,203",
        "2",
    )
    assert model.text_of("matching") == "¥520.00" and model.text_of("nope") is None
    last = model.rowCount() - 1
    assert model.index(last, 0).data(ID_ROLE) == "category:电器数码"
    assert model.index(3, TotalsColumn.VALUE).data(SORT_ROLE) == 520_00
    assert model.index(0, TotalsColumn.VALUE).data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.headerData(TotalsColumn.VALUE, HEADER) == "In this export"
    assert not carries_nothing(TOTALS) and carries_nothing(NOTHING)
    model.set_totals(None)
    assert model.rowCount() == 0


def test_history_lists_exports_with_figures_and_imports_newest_first(
    qtmodeltester: ModelTester,
) -> None:
    export = ExportRecord(
        export_id=EXPORT_ID,
        created_at=datetime(2025, 3, 31, 10, tzinfo=UTC),
        audience="office",
        period_start=None,
        period_end=datetime(2025, 3, 31, 10, tzinfo=UTC),
        follows=None,
        file_name="GREEN-20250331-1a2b3c4d.pdsync",
        sha256="0" * 64,
        staff_name="王老师",
        include_contacts=True,
        totals=TOTALS.as_json(),
        rows={},
    )

    class Logged:  # a models.overview.SyncRow
        direction = IMPORT
        org_code = "BLUE"
        created_at = datetime(2025, 4, 2, 1, tzinfo=UTC)
        file_name = "BLUE-20250401-00ff00ff.pdsync"
        status = "ok"

    rows = history_rows([export], [Logged()], "GREEN")
    assert [r.direction for r in rows] == [IMPORT, EXPORT]
    model = HistoryModel(ZONE)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert texts(model, 0) == [
        "2025-04-02 09:00", "Import", "BLUE", "", "", "BLUE-20250401-00ff00ff.pdsync", ""
    ]  # fmt: skip
    assert texts(model, 1) == [
        "2025-03-31 18:00",
        "Export (with phone numbers)",
        "GREEN",
        "the beginning – 2025-03-31 18:00",
        "2 activities · 5.2 h · ¥520.00",
        "GREEN-20250331-1a2b3c4d.pdsync",
        "王老师",
    ]
    desk = HistoryRow(EXPORT, datetime(2025, 4, 3, tzinfo=UTC), "GREEN", "x", audience="desk")
    model.set_rows([desk])
    assert texts(model, 0)[1] == "Export for another desk"


def test_partners_show_their_fingerprint_and_imports(qtmodeltester: ModelTester) -> None:
    partners = [
        PartnerInfo(
            uuid.uuid4(),
            "GREEN",
            "绿芽公益",
            "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567",
            "A" * 43 + "=",
            datetime(2025, 1, 2, 2, tzinfo=UTC),
            True,
            12,
            datetime(2025, 4, 1, 8, 30, tzinfo=UTC),
        ),
        PartnerInfo(
            uuid.uuid4(),
            "BLUE",
            "蓝天",
            "2345-ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23",
            "B" * 43 + "=",
            datetime(2025, 1, 5, tzinfo=UTC),
            False,
            0,
            None,
        ),
    ]
    model = PartnerModel(ZONE)
    model.set_rows(partners)
    qtmodeltester.check(model)
    assert texts(model, 0) == [
        "GREEN",
        "绿芽公益",
        "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567",
        "12",
        "2025-04-01 16:30",
        "2025-01-02 10:00",
    ]
    assert texts(model, 1)[1] == "蓝天 (inactive)" and texts(model, 1)[4] == ""
    assert model.index(1, 0).data(ID_ROLE) == "BLUE"
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(PartnerColumn.IMPORTS, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, PartnerColumn.CODE).data() == "BLUE"


def test_report_lines_say_what_each_file_did_or_why_it_was_refused(
    qtmodeltester: ModelTester,
) -> None:
    damaged = BundleError(bundle_errors.CHECKSUM, file="bad.pdsync", member="hours.csv")
    report = ImportReport(
        (
            BundleImport(
                Path("/usb/GREEN-20250331-1a2b3c4d.pdsync"),
                "office",
                "GREEN",
                EXPORT_ID,
                {
                    "activities": TableCounts(new=2),
                    "hours": TableCounts(new=3, updated=1, unchanged=4),
                },
            ),
            BundleImport(Path("/usb/bad.pdsync"), "", "GREEN", None, error=damaged),
        )
    )
    lines = import_lines(report, {"GREEN": "绿芽公益"})
    model = BundleReportModel()
    model.set_rows(lines)
    qtmodeltester.check(model)
    name = "GREEN-20250331-1a2b3c4d.pdsync"
    assert texts(model, 0) == [name, "GREEN 绿芽公益", "1a2b3c4d", "", "5", "1", "4", "Imported"]
    refused = (
        "Refused: bad.pdsync: hours.csv does not match its SHA-256 checksum in the manifest: "
        "it was changed after the file was signed."
    )
    assert texts(model, 1) == ["bad.pdsync", "GREEN 绿芽公益", "", "", "", "", "", refused]
    assert model.index(1, ReportColumn.RESULT).data(Qt.ItemDataRole.ToolTipRole) == refused
    assert model.index(1, ReportColumn.NEW).data(SORT_ROLE) == -1
    assert model.headerData(ReportColumn.UNCHANGED, HEADER) == "Unchanged"

    checked = BundleReport(
        path=Path("/usb/GREEN-20250331-1a2b3c4d.pdsync"),
        org_code="GREEN",
        export_id=EXPORT_ID,
        format_version="1.0",
        period_start=datetime(2025, 2, 28, 16, tzinfo=UTC),
        period_end=datetime(2025, 3, 31, 10, tzinfo=UTC),
        sha256="0" * 64,
        key_fingerprint="ABCD-EFGH",
        key_trusted=True,
        rows={"activities": 2, "hours": 1_234},
    )
    unknown = BundleError(bundle_errors.UNREGISTERED, file="blue.pdsync", org="BLUE")
    verified = verify_lines(
        [
            Verification(checked.path, checked, None),
            Verification(Path("blue.pdsync"), None, unknown),
        ],
        {"GREEN": "绿芽公益"},
        ZONE,
    )
    model.set_rows(verified)
    assert texts(model, 0)[3] == "2025-03-01 – 2025-03-31"
    assert texts(model, 0)[7] == (
        "Intact and signed with the registered key ABCD-EFGH; 1,236 rows."
    )
    assert texts(model, 1)[7].startswith("Refused: blue.pdsync comes from organisation BLUE")


def test_dashboard_rows_show_hours_and_money_in_the_export_column_order(
    qtmodeltester: ModelTester,
) -> None:
    rows = [
        DashboardRow(
            "GREEN", "绿芽公益", "2025-03", date(2025, 3, 1), date(2025, 3, 31),
            2, 3, 3, 300, 500_00, 1, 1, 0,
        ),
        DashboardRow(
            "BLUE", "蓝天", "2025-W10", date(2025, 3, 3), date(2025, 3, 9),
            1, 12, 10, 1_995, 3_325_00, 0, 0, 1,
        ),
    ]  # fmt: skip
    model = DashboardModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert texts(model, 0) == [
        "GREEN", "绿芽公益", "2025-03", "2", "3", "3", "5.0", "¥500.00", "1", "1", "0"
    ]  # fmt: skip
    assert texts(model, 1)[6:8] == ["33.3", "¥3,325.00"]
    assert model.index(1, DashboardColumn.MATCHING).data(SORT_ROLE) == 3_325_00
    assert model.index(1, DashboardColumn.PERIOD).data(SORT_ROLE) == "2025-03-03"
    assert model.index(0, 0).data(ID_ROLE) == "GREEN/2025-03"
    # The headers match what export_xlsx writes, column for column.
    assert model.headers() == list(DEFAULT_HEADERS)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(DashboardColumn.HOURS, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, DashboardColumn.CODE).data() == "BLUE"
