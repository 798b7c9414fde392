"""Programme office dashboard: every partner's activities, attendances, hours,
matching amount and feedback per week or month, a chart of the totals, and the
consolidated table as an XLSX (or CSV) file.

Built the first time its tab is shown (it loads QtCharts).  Figures come from
``models.office_dashboard`` on the worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import messages
from desktop.context import AppContext
from desktop.hours.hours_table_model import SORT_ROLE
from desktop.hours.period_filter import Period, PeriodFilter
from desktop.jobs import Progress, run_job
from desktop.sync import choosers
from desktop.sync.dashboard_chart import DashboardChart, Measure
from desktop.sync.dashboard_table_model import DashboardColumn, DashboardModel
from models.money import format_fen, format_minutes_as_hours
from models.office_dashboard import DashboardRow, Granularity
from models.office_import import PartnerInfo


@dataclass(frozen=True)
class DashboardData:
    rows: tuple[DashboardRow, ...]
    partners: tuple[PartnerInfo, ...]


class DashboardPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.loads = 0  # finished loads (tests wait on it)
        self.data = DashboardData((), ())
        layout = QVBoxLayout(self)
        controls = QHBoxLayout()
        self.granularity = QComboBox()
        self.granularity.addItem(self.tr("By month"), Granularity.MONTH.value)
        self.granularity.addItem(self.tr("By week"), Granularity.WEEK.value)
        self.period = PeriodFilter(context.time_zone)
        self.period.set_period(Period.ALL)
        self.partner = QComboBox()
        self.partner.addItem(self.tr("All partners"), None)
        self.measure = QComboBox()
        self.measure.addItem(self.tr("Chart: hours"), Measure.HOURS.value)
        self.measure.addItem(self.tr("Chart: matching amount"), Measure.MATCHING.value)
        self.export_button = QPushButton(self.tr("Export XLSX…"))
        for widget in (self.granularity, self.period, self.partner, self.measure):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.export_button)
        layout.addLayout(controls)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.chart = DashboardChart()
        splitter.addWidget(self.chart)
        self.model = DashboardModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DashboardColumn.CODE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(
            DashboardColumn.PARTNER, QHeaderView.ResizeMode.Stretch
        )
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 400])
        layout.addWidget(splitter, 1)

        self.granularity.currentIndexChanged.connect(self.refresh)
        self.period.changed.connect(self.refresh)
        self.partner.currentIndexChanged.connect(self.refresh)
        self.measure.currentIndexChanged.connect(self._draw_chart)
        self.export_button.clicked.connect(self.export_xlsx)

    # --- filters ------------------------------------------------------------------
    def filters(self) -> dict[str, Any]:
        """The keyword arguments of ``dashboard`` / ``export_xlsx`` chosen above."""
        start, end = self.period.dates()
        return {
            "granularity": Granularity(self.granularity.currentData()),
            "start": start,
            "end": end,
            "partner_code": self.partner.currentData(),
        }

    def set_granularity(self, granularity: Granularity) -> None:
        self.granularity.setCurrentIndex(self.granularity.findData(granularity.value))

    # --- loading ------------------------------------------------------------------
    def refresh(self) -> None:
        from models.office_dashboard import dashboard
        from models.office_import import list_partners

        database = self.context.database
        filters = self.filters()

        def work(progress: Progress) -> DashboardData:
            with database.reading() as session:
                rows = dashboard(session, **filters)
                return DashboardData(tuple(rows), tuple(list_partners(session)))

        run_job(self, self.tr("Programme dashboard"), work, self._loaded, show_progress=False)

    def _loaded(self, data: DashboardData) -> None:
        self.data = data
        self._fill_partners(data.partners)
        self.model.set_rows(data.rows)
        rows = data.rows
        if rows:
            self.summary.setText(
                self.tr(
                    "{partners} partners · {activities} activities · {attendances} attendances "
                    "· {hours} hours · {money} matching · feedback {received} received, "
                    "{missing} missing"
                ).format(
                    partners=len({r.partner_code for r in rows}),
                    activities=f"{sum(r.activities for r in rows):,}",
                    attendances=f"{sum(r.attendances for r in rows):,}",
                    hours=format_minutes_as_hours(sum(r.minutes for r in rows)),
                    money=format_fen(sum(r.matching_fen for r in rows)),
                    received=f"{sum(r.feedback_received for r in rows):,}",
                    missing=f"{sum(r.feedback_missing for r in rows):,}",
                )
            )
        else:
            self.summary.setText(
                self.tr(
                    "Nothing imported for this choice yet. Register partners and import "
                    "their files on the Partners and import tab."
                )
            )
        self._draw_chart()
        self.loads += 1

    def _fill_partners(self, partners: tuple[PartnerInfo, ...]) -> None:
        chosen = self.partner.currentData()
        self.partner.blockSignals(True)
        try:
            self.partner.clear()
            self.partner.addItem(self.tr("All partners"), None)
            for partner in partners:
                self.partner.addItem(f"{partner.code} {partner.name}", partner.code)
            self.partner.setCurrentIndex(max(0, self.partner.findData(chosen)))
        finally:
            self.partner.blockSignals(False)

    def _draw_chart(self) -> None:
        from models.office_dashboard import period_totals

        self.chart.show_totals(period_totals(self.data.rows), Measure(self.measure.currentData()))

    # --- XLSX ---------------------------------------------------------------------
    def export_xlsx(self) -> None:
        from models.office_dashboard import export_xlsx

        title = self.tr("Export the dashboard")
        filters = self.filters()
        suggested = Path.home() / f"programme-{filters['granularity']}-{date.today():%Y%m%d}.xlsx"
        path = choosers.choose_save_file(self, title, suggested)
        if path is None:
            return
        database = self.context.database
        headers = self.model.headers()
        total_label, sheet_title = self.tr("Total"), self.tr("Programme")

        def work(progress: Progress) -> int:
            progress.report(0, 1, title)
            with database.reading() as session:
                written = export_xlsx(
                    session,
                    path,
                    headers=headers,
                    total_label=total_label,
                    sheet_title=sheet_title,
                    **filters,
                )
            progress.report(1, 1, title)
            return written

        def done(written: object) -> None:
            messages.information(
                self,
                title,
                self.tr("Saved {rows} rows (and a total) to {path}").format(
                    rows=written, path=path
                ),
            )

        run_job(self, title, work, done)
