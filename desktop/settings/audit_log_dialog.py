"""The audit log viewer: who changed what and when, with the values before and after.

Filters (dates, staff, action, kind of record, free text) combine; the table loads
a page at a time; the pane below shows the selected change field by field.
"Export…" writes the matching rows to CSV or XLSX in the background.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import messages
from desktop.context import AppContext
from desktop.i18n import model_text
from desktop.jobs import Progress, run_job
from desktop.settings.audit_table_model import (
    PAGE_SIZE,
    ROW_ROLE,
    AuditTableModel,
    Column,
    value_text,
)
from models import audit_view
from models.audit_view import AuditFilter, AuditPage, AuditRow
from models.clock import local
from models.errors import Cancelled


def _qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class AuditLogDialog(QDialog):
    """``searched`` is emitted when a search has shown its first page."""

    searched = Signal(int)
    exported = Signal(object)  # the path written

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._generation = 0
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(1000, 680)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        self.model = AuditTableModel(context.time_zone, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        widths = {Column.TIME: 150, Column.STAFF: 90, Column.ACTION: 180, Column.RECORD: 110}
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.resizeSection(Column.REASON, 160)
        header.setSectionResizeMode(Column.CHANGES, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.show_detail(current.row())
        )
        self.detail = self._detail_pane()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        self.count_label = QLabel()
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.choose_export)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.model.pageLoaded.connect(lambda _n: self._show_count())

    # --- filters ---------------------------------------------------------------------
    def _filters(self) -> QGridLayout:
        grid = QGridLayout()
        today = self.context.today_qdate()
        self.use_start = QCheckBox(self.tr("From"))
        self.start = QDateEdit(today.addDays(-30))
        self.use_end = QCheckBox(self.tr("To"))
        self.end = QDateEdit(today)
        for check, edit in ((self.use_start, self.start), (self.use_end, self.end)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
        self.staff_filter = QComboBox()
        self.action_filter = QComboBox()
        self.entity_filter = QComboBox()
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("Text in the values, reason, name or id"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.returnPressed.connect(self.search)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        self.reset_button = QPushButton(self.tr("Clear filters"))
        self.reset_button.clicked.connect(self.clear_filters)
        grid.addWidget(self.use_start, 0, 0)
        grid.addWidget(self.start, 0, 1)
        grid.addWidget(self.use_end, 0, 2)
        grid.addWidget(self.end, 0, 3)
        grid.addWidget(QLabel(self.tr("Staff")), 0, 4)
        grid.addWidget(self.staff_filter, 0, 5)
        grid.addWidget(QLabel(self.tr("Action")), 1, 0)
        grid.addWidget(self.action_filter, 1, 1)
        grid.addWidget(QLabel(self.tr("Record")), 1, 2)
        grid.addWidget(self.entity_filter, 1, 3)
        grid.addWidget(self.text_filter, 1, 4, 1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.reset_button)
        grid.addLayout(buttons, 1, 6)
        grid.setColumnStretch(5, 1)
        return grid

    def load_choices(self) -> None:
        """Fill the staff, action and record lists from the log."""
        with self.context.database.reading() as session:
            staff = audit_view.staff_names(session)
            actions = audit_view.actions(session)
            entities = audit_view.entities(session)
        self.staff_filter.clear()
        self.staff_filter.addItem(self.tr("Anyone"), None)
        for name in staff:
            self.staff_filter.addItem(name, name)
        self.action_filter.clear()
        self.action_filter.addItem(self.tr("Any action"), None)
        families = sorted({a.split(".")[0] + "." for a in actions if "." in a})
        for family in families:
            self.action_filter.addItem(self.tr("{family}* (all)").format(family=family), family)
        for action in actions:
            self.action_filter.addItem(action, action)
        self.entity_filter.clear()
        self.entity_filter.addItem(self.tr("Any record"), None)
        for entity in entities:
            self.entity_filter.addItem(entity, entity)

    def clear_filters(self) -> None:
        self.use_start.setChecked(False)
        self.use_end.setChecked(False)
        for combo in (self.staff_filter, self.action_filter, self.entity_filter):
            combo.setCurrentIndex(0)
        self.text_filter.clear()
        self.search()

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            start=_qdate(self.start.date()) if self.use_start.isChecked() else None,
            end=_qdate(self.end.date()) if self.use_end.isChecked() else None,
            staff=self.staff_filter.currentData(),
            action=self.action_filter.currentData(),
            entity=self.entity_filter.currentData(),
            text=self.text_filter.text().strip() or None,
        )

    # --- loading ---------------------------------------------------------------------
    def open_log(self) -> None:
        """Fill the lists and show the newest entries (call before showing)."""
        self.load_choices()
        self.search()

    def search(self) -> None:
        flt = self.current_filter()
        database = self.context.database
        self._generation += 1
        generation = self._generation

        def fetch(offset: int) -> AuditPage:
            with database.reading() as session:
                return audit_view.query(session, flt, offset=offset, limit=PAGE_SIZE)

        def work(progress: Progress) -> AuditPage:
            return fetch(0)

        def shown(page: AuditPage) -> None:
            if generation != self._generation:
                return  # a newer search is on its way
            self.model.set_first_page(page, fetch)
            self.show_detail(-1)
            if page.rows:
                self.table.selectRow(0)
            self.searched.emit(page.total)

        run_job(self, self.tr("Searching the audit log"), work, shown, show_progress=False)

    def _show_count(self) -> None:
        self.count_label.setText(
            self.tr("{total} entries (showing {shown})").format(
                total=self.model.total(), shown=self.model.loaded()
            )
        )

    # --- detail ----------------------------------------------------------------------
    def _detail_pane(self) -> QWidget:
        pane = QWidget()
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 0, 0, 0)
        self.detail_heading = QLabel()
        self.detail_heading.setWordWrap(True)
        self.detail_heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.detail_heading)
        self.detail_table = QTableWidget(0, 3)
        self.detail_table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Before"), self.tr("After")]
        )
        self.detail_table.verticalHeader().setVisible(False)
        self.detail_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detail_table.setWordWrap(True)
        header = self.detail_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        column.addWidget(self.detail_table, 1)
        return pane

    def selected_row(self) -> AuditRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.model.data(index, ROW_ROLE)
        return row if isinstance(row, AuditRow) else None

    def show_detail(self, row_number: int) -> None:
        self.detail_table.setRowCount(0)
        if not 0 <= row_number < self.model.loaded():
            self.detail_heading.setText("")
            return
        row = self.model.row_at(row_number)
        when = f"{local(row.at, self.context.time_zone):%Y-%m-%d %H:%M:%S}"
        heading = self.tr("{when} · {staff} · {action} · {entity} {id}").format(
            when=when, staff=row.staff, action=row.action, entity=row.entity, id=row.entity_id or ""
        )
        if row.reason:
            heading += "\n" + self.tr("Reason: {reason}").format(reason=row.reason)
        self.detail_heading.setText(heading)
        lines = [(c.name, c.before, c.after) for c in row.changes]
        if not lines and (row.before is not None or row.after is not None):
            if not isinstance(row.before, dict) and not isinstance(row.after, dict):
                lines = [(self.tr("(whole record)"), row.before, row.after)]
            else:  # the same values before and after: show them all
                values = row.after if isinstance(row.after, dict) else row.before
                lines = [(k, v, v) for k, v in values.items()]
        self.detail_table.setRowCount(len(lines))
        for number, (name, before, after) in enumerate(lines):
            for column, text in enumerate((name, value_text(before), value_text(after))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.detail_table.setItem(number, column, item)
        self.detail_table.resizeRowsToContents()

    # --- export ----------------------------------------------------------------------
    def choose_export(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the audit log"),
            str(Path.home() / f"audit-log-{date.today():%Y%m%d}.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV for Excel/WPS (*.csv)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
        self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Write the rows matching the current filters to ``path`` (.csv or .xlsx)."""
        title = self.tr("Export the audit log")
        flt = self.current_filter()
        database = self.context.database
        headers = [model_text(h) for h in audit_view.EXPORT_HEADERS]
        label = self.tr("Writing {name}…").format(name=path.name)

        def work(progress: Progress) -> int:
            progress.report(0, 0, label)
            with database.reading() as session:
                count = audit_view.export(session, path, flt, headers=headers)
            try:
                progress.check()
            except Cancelled:
                path.unlink(missing_ok=True)  # cancelled while writing: leave nothing
                raise
            return count

        def done(count: int) -> None:
            messages.information(
                self,
                title,
                self.tr("Saved {count} entries to {path}").format(count=count, path=path),
            )
            self.exported.emit(path)

        self.export_button.setEnabled(False)
        job = run_job(self, title, work, done)
        job.done.connect(self._export_finished)  # a bound slot: dropped with the dialog

    def _export_finished(self) -> None:
        self.export_button.setEnabled(True)
