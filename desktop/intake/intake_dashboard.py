"""Intake statistics: items, estimated and realised value by month, category,
grade, store or donor type, with a chart and a CSV/XLSX export."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import messages
from desktop.context import AppContext
from desktop.jobs import Progress, run_job
from models.money import format_fen


class IntakeDashboard(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from models.intake_stats import Dimension

        self.context = context
        self.table_data: Any = None
        layout = QVBoxLayout(self)
        controls = QHBoxLayout()
        self.dimension = QComboBox()
        names = {
            Dimension.MONTH: self.tr("By month"),
            Dimension.CATEGORY: self.tr("By category"),
            Dimension.SUBCATEGORY: self.tr("By subcategory"),
            Dimension.GRADE: self.tr("By condition"),
            Dimension.STORE: self.tr("By store"),
            Dimension.DONOR_TYPE: self.tr("By donor type"),
        }
        for dimension, label in names.items():
            self.dimension.addItem(label, dimension.value)
        self.store = QComboBox()
        self.use_dates = QCheckBox(self.tr("Received between"))
        self.date_from = QDateEdit(context.today_qdate().addYears(-1))
        self.date_to = QDateEdit(context.today_qdate())
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.export_button = QPushButton(self.tr("Export…"))
        controls.addWidget(self.dimension)
        controls.addWidget(self.store)
        controls.addWidget(self.use_dates)
        controls.addWidget(self.date_from)
        controls.addWidget(QLabel("–"))
        controls.addWidget(self.date_to)
        controls.addStretch(1)
        controls.addWidget(self.export_button)
        layout.addLayout(controls)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        splitter.addWidget(self.chart_view)
        self.grid = QTableWidget(0, 6)
        self.grid.setHorizontalHeaderLabels(self.headers())
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.grid.verticalHeader().setVisible(False)
        splitter.addWidget(self.grid)
        layout.addWidget(splitter, 1)

        self.dimension.currentIndexChanged.connect(self.refresh)
        self.store.currentIndexChanged.connect(self.refresh)
        self.use_dates.toggled.connect(self.refresh)
        self.date_from.dateChanged.connect(self.refresh)
        self.date_to.dateChanged.connect(self.refresh)
        self.export_button.clicked.connect(self.export)
        self._load_stores()

    def headers(self) -> list[str]:
        return [
            self.tr("Group"),
            self.tr("Items"),
            self.tr("Pieces"),
            self.tr("Estimated value"),
            self.tr("Sold items"),
            self.tr("Realised value"),
        ]

    def _load_stores(self) -> None:
        from models import organisation

        with self.context.database.reading() as session:
            stores = organisation.stores(session)
        self.store.blockSignals(True)
        self.store.addItem(self.tr("All stores"), None)
        for store_id, code, name in stores:
            self.store.addItem(f"{code} {name}", str(store_id))
        self.store.blockSignals(False)

    def _dates(self) -> tuple[date | None, date | None]:
        if not self.use_dates.isChecked():
            return None, None
        qf, qt = self.date_from.date(), self.date_to.date()
        return date(qf.year(), qf.month(), qf.day()), date(qt.year(), qt.month(), qt.day())

    def refresh(self) -> None:
        from models.intake_stats import Dimension, intake_stats

        dimension = Dimension(self.dimension.currentData())
        store = self.store.currentData()
        store_id = uuid.UUID(store) if store else None
        date_from, date_to = self._dates()
        database, zone = self.context.database, self.context.time_zone

        def work(progress: Progress) -> Any:
            with database.reading() as session:
                return intake_stats(
                    session,
                    dimension,
                    date_from=date_from,
                    date_to=date_to,
                    store_id=store_id,
                    time_zone=zone,
                )

        run_job(self, self.tr("Statistics"), work, self.show_table, show_progress=False)

    def show_table(self, table: Any) -> None:
        self.table_data = table
        rows = [*table.rows, table.total]
        self.grid.setRowCount(len(rows))
        for r, row in enumerate(rows):
            label = row.label if r < len(table.rows) else self.tr("Total")
            cells = [
                label,
                f"{row.items:,}",
                f"{row.quantity:,}",
                format_fen(row.estimated_fen),
                f"{row.sold_items:,}",
                format_fen(row.realised_fen),
            ]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.grid.setItem(r, c, item)
        self._draw_chart(table)

    def _draw_chart(self, table: Any) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        shown = list(table.rows)[:24]
        received = QBarSet(self.tr("Estimated value (¥)"))
        realised = QBarSet(self.tr("Realised value (¥)"))
        for row in shown:
            received.append(row.estimated_fen // 100)
            realised.append(row.realised_fen // 100)
        series = QBarSeries()
        series.append(received)
        series.append(realised)
        self.chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([row.label for row in shown])
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        top = max([row.estimated_fen // 100 for row in shown] + [1])
        axis_y.setRange(0, top * 1.1)
        axis_y.setLabelFormat("%d")
        axis_y.applyNiceNumbers()  # ticks at 20000, 40000 … rather than 17810, 35621 …
        self.chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)

    def export(self) -> None:
        from models.intake_stats import export_stats

        if self.table_data is None:
            return
        name, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export statistics"),
            str(Path.home() / "intake-statistics.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV for Excel/WPS (*.csv)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
        table, headers = self.table_data, self.headers()

        def work(progress: Progress) -> Path:
            export_stats(table, path, headers=headers)
            return path

        def done(result: object) -> None:
            messages.information(
                self, self.tr("Export statistics"), self.tr("Saved {path}").format(path=result)
            )

        run_job(self, self.tr("Export statistics"), work, done)
