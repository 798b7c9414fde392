"""Activities: events volunteers come to, from draft to open to closed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.activities.activity_table_model import SORT_ROLE, ActivityTableModel, Column
from desktop.context import AppContext
from desktop.summary_screen import SummaryScreen

if TYPE_CHECKING:
    from models import overview


class ActivitiesScreen(SummaryScreen):
    key = "activities"
    icon_name = "activities"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.model = ActivityTableModel(context.time_zone)
        super().__init__(context, parent)

    def empty_texts(self) -> tuple[str, str, list[str], str | None]:
        return (
            self.tr("No activities yet"),
            self.tr(
                "Plan volunteer activities with their date, place, capacity and scheduled "
                "hours, import the programme's registration list, open the activity for "
                "check-in on the day, and close it afterwards with its feedback."
            ),
            [
                self.tr("Create an activity (it starts as a draft)."),
                self.tr("Import its roster from the programme, if there is one."),
                self.tr("Open it on the day and start the check-in kiosk."),
            ],
            None,
        )

    def build_content(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        heading = QLabel(self.tr("Activities"))
        heading.setObjectName("screenHeading")
        layout.addWidget(heading)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.DATE, self.proxy.sortOrder().DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            Column.TITLE, QHeaderView.ResizeMode.Stretch
        )
        layout.addWidget(self.table)
        return box

    def load(self, session: Session) -> Any:
        from models import overview

        return overview.activities(session)

    def show_data(self, data: Any) -> bool:
        rows: list[overview.ActivityRow] = data
        self.model.set_rows(rows)
        return bool(rows)
