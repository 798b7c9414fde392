"""Items: the whole inventory — filter, search, look up by code, open an item."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import messages, style
from desktop.context import AppContext
from desktop.items.item_table_model import CODE_ROLE, PAGE_SIZE, Column, ItemTableModel
from desktop.jobs import Progress, run_job
from desktop.labels import grade_label, item_status_label
from desktop.screen import Screen
from models.enums import Grade, ItemStatus

SEARCH_DELAY_MS = 300


class ItemsScreen(Screen):
    key = "items"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Items"))
        style.wear(heading, "screenHeading")
        top.addWidget(heading)
        top.addStretch(1)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Item code, e.g. S01-26-000123"))
        self.code.setMinimumWidth(260)
        self.code.returnPressed.connect(self.look_up_code)
        top.addWidget(self.code)
        layout.addLayout(top)

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search description, code, category or donor"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for status in ItemStatus:
            self.status.addItem(item_status_label(status), status.value)
        self.category = QComboBox()
        self.grade = QComboBox()
        self.grade.addItem(self.tr("All conditions"), None)
        for grade in Grade:
            self.grade.addItem(grade_label(grade), grade.value)
        self.store = QComboBox()
        self.use_dates = QCheckBox(self.tr("Received"))
        self.date_from = QDateEdit(context.today_qdate().addMonths(-1))
        self.date_to = QDateEdit(context.today_qdate())
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.donor = QLineEdit()
        self.donor.setPlaceholderText(self.tr("Donor"))
        self.donor.setMaximumWidth(140)
        filters.addWidget(self.search, 2)
        for combo in (self.status, self.category, self.grade, self.store):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            filters.addWidget(combo)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.date_to)
        filters.addWidget(self.donor)
        layout.addLayout(filters)

        self.model = ItemTableModel(context.time_zone, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the font, not from millions of rows: a donor's name or
        # company (12 characters) whole; grade and store codes are short.
        wide = self.fontMetrics().horizontalAdvance("字")
        header.resizeSection(Column.DONOR, wide * 12 + 16)
        for narrow in (Column.GRADE, Column.STORE):
            header.resizeSection(narrow, wide * 4 + 16)
        self.table.activated.connect(self._open_row)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_query)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.donor.editingFinished.connect(self.run_query)
        for combo in (self.status, self.category, self.grade, self.store):
            combo.currentIndexChanged.connect(self.run_query)
        self.use_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(self.run_query)
        self.date_to.dateChanged.connect(self.run_query)
        self.model.pageLoaded.connect(self._show_loaded)
        self._generation = 0
        self._total: int | None = None
        self._choices_loaded = False

    # --- filters --------------------------------------------------------------------
    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.run_query()

    def _load_choices(self) -> None:
        from models import categories, organisation

        with self.context.database.reading() as session:
            stores = organisation.stores(session)
            tops = categories.top_categories(session)
            leaves = categories.leaf_categories(session)
        for combo in (self.category, self.store):
            combo.blockSignals(True)
            combo.clear()
        self.category.addItem(self.tr("All categories"), None)
        for top in tops:
            self.category.addItem(top.name, str(top.id))
            for leaf in leaves:
                if leaf.parent_id == top.id:
                    self.category.addItem(f"    {leaf.name}", str(leaf.id))
        self.store.addItem(self.tr("All stores"), None)
        for store_id, code, name in stores:
            self.store.addItem(f"{code} {name}", str(store_id))
        for combo in (self.category, self.store):
            combo.blockSignals(False)
        self._choices_loaded = True

    def query(self) -> Any:
        from models.items import ItemQuery

        def one(combo: QComboBox) -> Any:
            return combo.currentData()

        status, category, grade, store = (
            one(self.status),
            one(self.category),
            one(self.grade),
            one(self.store),
        )
        date_from = date_to = None
        if self.use_dates.isChecked():
            qf, qt = self.date_from.date(), self.date_to.date()
            date_from = date(qf.year(), qf.month(), qf.day())
            date_to = date(qt.year(), qt.month(), qt.day())
        return ItemQuery(
            statuses=(ItemStatus(status),) if status else (),
            category_ids=(uuid.UUID(category),) if category else (),
            grades=(Grade(grade),) if grade else (),
            store_ids=(uuid.UUID(store),) if store else (),
            date_from=date_from,
            date_to=date_to,
            donor_id=self._donor_id(),
            text=self.search.text().strip(),
        )

    def _donor_id(self) -> uuid.UUID | None:
        text = self.donor.text().strip()
        if not text:
            return None
        import models.intake as intake

        with self.context.database.reading() as session:
            rows = intake.search_donors(session, text, limit=1)
        return rows[0].id if rows else uuid.UUID(int=0)

    # --- loading ----------------------------------------------------------------------
    def refresh(self) -> None:
        if not self._choices_loaded:
            self._load_choices()
        self.run_query()

    def run_query(self) -> None:
        from models import items

        self._generation += 1
        generation = self._generation
        database = self.context.database
        query = self.query()
        self._total = None

        def fetch_page(after: Any) -> tuple[list[Any], Any]:
            with database.reading() as session:
                page = items.page(session, query, after=after, limit=PAGE_SIZE)
            return list(page.rows), page.next

        def first(progress: Progress) -> Any:
            return fetch_page(None)

        def shown(result: Any) -> None:
            if generation != self._generation:
                return  # a newer query was started meanwhile
            rows, next_cursor = result
            self.model.set_first_page(rows, next_cursor, fetch_page)
            self._count(query, generation)

        self.count_label.setText(self.tr("Searching…"))
        run_job(self, self.tr("Searching items"), first, shown, show_progress=False)

    def _count(self, query: Any, generation: int) -> None:
        from models import items

        database = self.context.database

        def work(progress: Progress) -> int:
            with database.reading() as session:
                return items.count(session, query)

        def counted(total: Any) -> None:
            if generation == self._generation:
                self._total = int(total)
                self._show_loaded(self.model.loaded())

        run_job(self, self.tr("Counting items"), work, counted, show_progress=False)

    def _show_loaded(self, loaded: int) -> None:
        if self._total is None:
            text = self.tr("{n} items shown").format(n=f"{loaded:,}")
            if self.model.has_more():
                text += self.tr(" (more as you scroll)")
        else:
            text = self.tr("{n} of {total} items shown").format(
                n=f"{loaded:,}", total=f"{self._total:,}"
            )
        self.count_label.setText(text)

    # --- opening ------------------------------------------------------------------------
    def look_up_code(self) -> None:
        code = self.code.text().strip().upper()
        if code:
            self.open_item(code)

    def _open_row(self, index: Any) -> None:
        code = self.model.data(self.model.index(index.row(), 0), CODE_ROLE)
        if code:
            self.open_item(str(code))

    def open_item(self, code: str) -> bool:
        from desktop.items.item_detail_dialog import ItemDetailDialog
        from models import items

        with self.context.database.reading() as session:
            detail = items.item_detail(session, code)
        if detail is None:
            messages.warning(
                self,
                self.tr("Item"),
                self.tr("No item has the code {code}.").format(code=code),
            )
            return False
        dialog = ItemDetailDialog(self.context, detail, self)
        dialog.changed.connect(self.run_query)
        dialog.open()
        self.detail_dialog = dialog
        return True

    def focus_code(self) -> None:
        self.code.setFocus()
        self.code.selectAll()
