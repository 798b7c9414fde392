"""A bar chart of all partners' hours or matching amount per week or month
(``models.office_dashboard.period_totals``).  Imported only when the dashboard is
first shown, so QtCharts is not loaded before then."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from models.office_dashboard import PeriodTotal

MAX_BARS = 36  # the latest periods; the table has them all


class Measure(StrEnum):
    HOURS = "hours"
    MATCHING = "matching"


class DashboardChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QChart(), parent)
        self.chart().legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(200)
        self.values: list[float] = []  # what the bars show (tests read it)
        self.periods: list[str] = []

    def show_totals(self, points: Sequence[PeriodTotal], measure: Measure) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        shown = list(points)[-MAX_BARS:]
        if measure is Measure.HOURS:
            bars = QBarSet(self.tr("Approved hours"))
            # Floats only for drawing; the table keeps exact minutes and fen.
            values = [p.minutes / 60 for p in shown]
        else:
            bars = QBarSet(self.tr("Matching amount (¥)"))
            values = [p.matching_fen / 100 for p in shown]
        for value in values:
            bars.append(value)
        self.values = values
        self.periods = [p.period for p in shown]
        series = QBarSeries()
        series.append(bars)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(self.periods or [""])
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setRange(0, max([*values, 1.0]) * 1.1)
        axis_y.setLabelFormat("%d")
        axis_y.applyNiceNumbers()
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
