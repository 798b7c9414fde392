"""Service hours: attendance turned into approved hours and the matching donation.

A period at the top (local days of the organisation), the totals of that period
(attendances, hours approved and pending, matching ¥), and tabs: totals by
activity and by volunteer, the entries to approve (with 补录 and corrections),
the anomaly queue and volunteers' correction requests.  Everything is read in one
job on the worker; each change is one short transaction, then a reload.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import icons, messages, style
from desktop.context import AppContext
from desktop.hours.anomaly_panel import AnomalyPanel
from desktop.hours.correction_requests_panel import CorrectionRequestsPanel
from desktop.hours.entries_panel import EntriesPanel
from desktop.hours.hours_data import HoursData, load_hours
from desktop.hours.hours_table_model import (
    ID_ROLE,
    SORT_ROLE,
    ActivityColumn,
    ActivityHoursModel,
    VolunteerColumn,
    VolunteerHoursModel,
)
from desktop.hours.period_filter import PeriodFilter
from desktop.jobs import Progress, run_job
from desktop.screen import Screen
from desktop.widgets.empty_state import EmptyState
from desktop.widgets.summary_panel import SummaryPanel
from desktop.widgets.tables import list_rows
from models.money import format_fen, format_minutes_as_hours


class _VolunteerFilter(QSortFilterProxyModel):
    """Sorts by the raw numbers; the search matches the code or the name only."""

    _needle = ""

    def set_needle(self, text: str) -> None:
        self._needle = text.strip().casefold()
        self.setFilterFixedString(self._needle)  # re-filters

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        for column in (VolunteerColumn.CODE, VolunteerColumn.NAME):
            text = model.data(model.index(source_row, column, source_parent))
            if self._needle in str(text or "").casefold():
                return True
        return False


def _table(model: Any, proxy: QSortFilterProxyModel, stretch: int) -> QTableView:
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView()
    table.setModel(proxy)
    table.setSortingEnabled(True)
    list_rows(table)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class HoursScreen(Screen):
    key = "hours"
    icon_name = "hours"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.loaded = False
        self.loads = 0  # finished loads (tests wait on it)
        self.data: HoursData | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Service hours"))
        style.wear(heading, "screenHeading")
        top.addWidget(heading)
        top.addStretch(1)
        self.period = PeriodFilter(context.time_zone)
        top.addWidget(self.period)
        layout.addLayout(top)

        self.pages = QStackedWidget()
        self.empty = EmptyState(
            self.tr("No service hours yet"),
            self.tr(
                "Check-ins and check-outs become service hours under your rules. Staff "
                "resolve missed check-outs, add supplemental entries with a reason, approve "
                "them, and see the sponsor's matching donation for approved hours."
            ),
            [
                self.tr("Run an activity with the check-in kiosk."),
                self.tr("Close the activity and resolve anyone still checked in."),
                self.tr("Review and approve the hours here."),
            ],
            icon=icons.tinted(self.icon_name, icons.ACCENT),
            action=self.tr("Add a supplemental entry…"),
        )
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self._build_content())
        layout.addWidget(self.pages, 1)

        self.period.changed.connect(self.refresh)
        self.entries.filterChanged.connect(self.refresh)
        for panel in (self.entries, self.anomalies, self.requests):
            panel.changed.connect(self._changed)
        self.empty.actionTriggered.connect(lambda: self.entries.add_supplemental())
        self.volunteer_search.textChanged.connect(self.volunteer_proxy.set_needle)

    def _build_content(self) -> QWidget:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        self.totals = SummaryPanel(self.period.describe())
        self.totals.COLUMNS = 5
        layout.addWidget(self.totals)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        self.activity_model = ActivityHoursModel(self.context.time_zone, self)
        self.activity_proxy = QSortFilterProxyModel(self)
        self.activity_table = _table(self.activity_model, self.activity_proxy, ActivityColumn.TITLE)
        self.activity_table.sortByColumn(ActivityColumn.DATE, Qt.SortOrder.DescendingOrder)
        self.activity_hint = QLabel()
        self.activity_hint.setWordWrap(True)
        self.tabs.addTab(self._page(self.activity_hint, self.activity_table), "")

        self.volunteer_model = VolunteerHoursModel(self)
        self.volunteer_proxy = _VolunteerFilter(self)
        self.volunteer_table = _table(
            self.volunteer_model, self.volunteer_proxy, VolunteerColumn.NAME
        )
        self.volunteer_table.sortByColumn(VolunteerColumn.APPROVED, Qt.SortOrder.DescendingOrder)
        self.volunteer_search = QLineEdit()
        self.volunteer_search.setPlaceholderText(self.tr("Find a volunteer by name or code"))
        self.volunteer_search.setClearButtonEnabled(True)
        volunteer_page = self._page(self.volunteer_search, self.volunteer_table)
        buttons = QHBoxLayout()
        self.certificate_button = QPushButton(self.tr("Service certificate…"))
        self.certificate_button.setToolTip(
            self.tr("A PDF certificate of the selected volunteer's approved hours in this period")
        )
        self.certificate_button.clicked.connect(self.certificate_for_selected)
        self.batch_button = QPushButton(self.tr("Certificates for everyone…"))
        self.batch_button.clicked.connect(self.certificates_for_everyone)
        buttons.addStretch(1)
        buttons.addWidget(self.certificate_button)
        buttons.addWidget(self.batch_button)
        page_layout = volunteer_page.layout()
        assert isinstance(page_layout, QVBoxLayout)
        page_layout.addLayout(buttons)
        self.tabs.addTab(volunteer_page, "")

        self.entries = EntriesPanel(self.context)
        self.anomalies = AnomalyPanel(self.context)
        self.requests = CorrectionRequestsPanel(self.context)
        for panel in (self.entries, self.anomalies, self.requests):
            self.tabs.addTab(panel, "")
        self._name_tabs(None)
        return content

    @staticmethod
    def _page(above: QWidget, table: QTableView) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(above)
        layout.addWidget(table, 1)
        return page

    def _name_tabs(self, data: HoursData | None) -> None:
        pending = data.pending_entries if data is not None else 0
        anomalies = len(data.anomalies) if data is not None else 0
        requests = data.open_requests if data is not None else 0
        names = [
            self.tr("By activity"),
            self.tr("By volunteer"),
            self.tr("Entries to approve ({n})").format(n=pending),
            self.tr("Anomalies ({n})").format(n=anomalies),
            self.tr("Correction requests ({n} open)").format(n=requests),
        ]
        for index, name in enumerate(names):
            self.tabs.setTabText(index, name)

    # --- loading ----------------------------------------------------------------
    def refresh(self) -> None:
        database = self.context.database
        start, end = self.period.dates()
        status = self.entries.status()

        def work(progress: Progress) -> HoursData:
            with database.reading() as session:
                return load_hours(session, start, end, status)

        run_job(self, self.tr("Service hours"), work, self._loaded, show_progress=False)

    def _loaded(self, data: HoursData) -> None:
        self.data = data
        self.activity_model.set_rows(data.activities)
        self.volunteer_model.set_rows(data.volunteers)
        self.entries.set_rows(data.entries, cut=data.entries_cut)
        self.anomalies.set_items(data.anomalies)
        self.requests.set_rows(data.requests)
        self.activity_hint.setText(
            self.tr(
                "Hours per activity in this period. Only approved hours earn the "
                "sponsor's matching donation."
            )
            if data.activities
            else self.tr("No hours or attendance in this period. Choose another period above.")
        )
        totals = data.totals
        self.totals.title.setText(self.period.describe())
        self.totals.set_figures(
            [
                (self.tr("Attendances"), f"{totals.attendances:,}"),
                (self.tr("Hours"), format_minutes_as_hours(totals.minutes)),
                (self.tr("Approved hours"), format_minutes_as_hours(totals.approved_minutes)),
                (self.tr("Pending hours"), format_minutes_as_hours(totals.pending_minutes)),
                (self.tr("Matching donation"), format_fen(totals.matching_fen)),
            ]
        )
        self._name_tabs(data)
        self.period.setVisible(data.any_data)
        self.pages.setCurrentIndex(1 if data.any_data else 0)
        self.loaded = True
        self.loads += 1

    # --- certificates -----------------------------------------------------------
    def selected_volunteer(self) -> uuid.UUID | None:
        index = self.volunteer_table.currentIndex()
        if not index.isValid():
            return None
        found = index.data(ID_ROLE)  # the id as text
        try:
            return uuid.UUID(str(found))
        except ValueError:
            return None

    def certificate_for_selected(self) -> None:
        from desktop.hours import certificate_actions

        volunteer_id = self.selected_volunteer()
        if volunteer_id is None:
            messages.information(
                self,
                self.tr("Service certificate"),
                self.tr("Select a volunteer in the list first."),
            )
            return
        start, end = self.period.dates()
        certificate_actions.one_certificate(self, self.context, volunteer_id, start, end)

    def certificates_for_everyone(self) -> None:
        from desktop.hours import certificate_actions

        start, end = self.period.dates()
        certificate_actions.batch(self, self.context, start, end)

    def is_empty(self) -> bool:
        return self.pages.currentWidget() is self.empty

    def _changed(self, text: str) -> None:
        if text:
            self.statusMessage.emit(text)
        self.refresh()
