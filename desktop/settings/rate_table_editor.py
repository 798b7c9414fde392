"""The matching rate table: every rate with the date it applies from, edited as a whole.

Staff edit rows (effective-from date, ¥ per approved hour, note), add and remove
them, then save the whole table at once.  The table is checked by
``models.hour_export.save_rate_table``: a table that is empty, names a date twice,
has a bad amount or leaves days with hours without a rate is refused with a plain
message and nothing is saved.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import messages
from desktop.context import AppContext
from desktop.i18n import user_message
from desktop.widgets import forms
from models import organisation
from models.errors import UserError
from models.hour_export import check_rate_table, save_rate_table
from models.money import format_fen, parse_yuan

DATE_COLUMN, AMOUNT_COLUMN, NOTE_COLUMN = 0, 1, 2


class RowError(Exception):
    """A cell the editor could not read (already translated, with its row number)."""


class RateTableEditor(QWidget):
    """Edit the rate table; ``saved`` is emitted after a successful save."""

    saved = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.modified = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        explain = QLabel(
            self.tr(
                "Each rate applies from its date until the next one. The first rate must "
                "start on or before your first activity. Changes are saved together with "
                "“Save rate table”; hours already exported keep the amount they were sent with."
            )
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.problem = forms.error_label()
        self.problem.hide()
        layout.addWidget(self.problem)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Applies from (YYYY-MM-DD)"), self.tr("¥ per hour"), self.tr("Note")]
        )
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(DATE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AMOUNT_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.itemChanged.connect(self._edited)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add rate"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self.tr("Remove selected"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.revert_button = QPushButton(self.tr("Undo changes"))
        self.revert_button.clicked.connect(self.reload)
        self.save_button = QPushButton(self.tr("Save rate table"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

    # --- loading ---------------------------------------------------------------------
    def reload(self) -> None:
        """Show the stored table (unsaved edits are dropped)."""
        with self.context.database.reading() as session:
            rows = organisation.rates(session)
            problem = check_rate_table(session)
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for rate in rows:
            self._append(
                rate.effective_from.isoformat(),
                format_fen(rate.fen_per_hour, symbol=False),
                rate.note or "",
            )
        self.table.blockSignals(False)
        self._show_problem(problem)
        self.modified = False

    def reload_if_unchanged(self) -> None:
        if not self.modified:
            self.reload()

    def _show_problem(self, problem: UserError | None) -> None:
        self.problem.setVisible(problem is not None)
        self.problem.setText(user_message(problem) if problem is not None else "")

    def _append(self, day: str, amount: str, note: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, DATE_COLUMN, QTableWidgetItem(day))
        self.table.setItem(row, AMOUNT_COLUMN, QTableWidgetItem(amount))
        self.table.setItem(row, NOTE_COLUMN, QTableWidgetItem(note))
        return row

    def _edited(self, _item: QTableWidgetItem) -> None:
        self.modified = True

    # --- editing ---------------------------------------------------------------------
    def add_row(self) -> None:
        """A new row dated today with the last row's amount, ready to edit."""
        last = self.table.rowCount() - 1
        amount = self._text(last, AMOUNT_COLUMN) if last >= 0 else "100.00"
        row = self._append(self.context.today().isoformat(), amount, "")
        self.modified = True
        self.table.setCurrentCell(row, DATE_COLUMN)
        item = self.table.item(row, DATE_COLUMN)
        if item is not None:
            self.table.editItem(item)

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.modified = True

    def set_rows(self, rows: list[tuple[str, str, str]]) -> None:
        """Replace what is shown (not saved) — for pasting a table, and for tests."""
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for day, amount, note in rows:
            self._append(day, amount, note)
        self.table.blockSignals(False)
        self.modified = True

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def parsed_rows(self) -> list[tuple[date, int, str | None]]:
        """The rows as (date, fen per hour, note); a UserError names the first bad cell."""
        found: list[tuple[date, int, str | None]] = []
        for row in range(self.table.rowCount()):
            day_text = self._text(row, DATE_COLUMN)
            amount_text = self._text(row, AMOUNT_COLUMN)
            note = self._text(row, NOTE_COLUMN) or None
            if not day_text and not amount_text and note is None:
                continue  # an empty row left over from "Add rate"
            try:
                day = date.fromisoformat(day_text)
            except ValueError:
                raise RowError(
                    self.tr("Row {row}: “{text}” is not a date; write it like 2025-03-01.").format(
                        row=row + 1, text=day_text
                    )
                ) from None
            try:
                fen = parse_yuan(amount_text)
            except UserError as exc:
                raise RowError(
                    self.tr("Row {row}: {problem}").format(row=row + 1, problem=user_message(exc))
                ) from None
            found.append((day, fen, note))
        return found

    # --- saving ----------------------------------------------------------------------
    def save(self) -> bool:
        title = self.tr("Save rate table")
        try:
            rows = self.parsed_rows()
        except RowError as exc:
            messages.error(self, title, str(exc))
            return False
        try:
            with self.context.database.transaction() as session:
                change = save_rate_table(session, rows, staff=self.context.staff)
        except UserError as exc:
            messages.error(
                self,
                title,
                self.tr("{problem}\n\nNothing was saved.").format(problem=user_message(exc)),
            )
            return False
        self.reload()
        if change.added or change.changed or change.removed:
            self.saved.emit()
        return True
