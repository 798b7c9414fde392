"""The intake statistics tab: figures on screen match the database; export works."""

from __future__ import annotations

import math
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCharts import QValueAxis
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.context import AppContext
from desktop.intake.intake_dashboard import IntakeDashboard
from models.db import Database
from models.intake_stats import Dimension
from tests.conftest import MessageRecorder
from tests.test_intake_stats import expected, insert, random_specs


def test_table_and_chart_show_the_stats_and_export_them(
    qtbot: QtBot,
    org_database: Database,
    tmp_path: Path,
    recorder: MessageRecorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    specs = random_specs(60)
    insert(org_database, specs)
    dashboard = IntakeDashboard(AppContext(database=org_database))
    qtbot.addWidget(dashboard)
    dashboard.dimension.setCurrentIndex(dashboard.dimension.findData(Dimension.GRADE.value))
    qtbot.waitUntil(
        lambda: (
            dashboard.table_data is not None and dashboard.table_data.dimension == Dimension.GRADE
        ),
        timeout=5000,
    )
    rows = dashboard.grid.rowCount()
    total_row = rows - 1
    assert dashboard.grid.item(total_row, 1).text() == f"{len(specs):,}"
    expected_estimated = sum(v[2] for v in expected(specs, Dimension.GRADE).values())
    assert dashboard.grid.item(total_row, 3).text().replace(",", "") == (
        f"¥{expected_estimated // 100}.{expected_estimated % 100:02d}"
    )
    assert dashboard.chart.series()[0].count() == 2
    (axis_y,) = [a for a in dashboard.chart.axes() if isinstance(a, QValueAxis)]
    top = axis_y.max()
    assert top > 0
    leading = top / 10 ** math.floor(math.log10(top))
    assert any(math.isclose(leading, nice) for nice in (1, 2, 2.5, 5, 10)), top  # round ticks

    target = tmp_path / "stats.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    dashboard.export()
    qtbot.waitUntil(lambda: bool(recorder.texts("information")), timeout=10_000)
    sheet = openpyxl.load_workbook(target).active
    assert sheet.cell(1, 1).value == "Group"
    assert sheet.cell(rows + 1, 2).value == len(specs)
