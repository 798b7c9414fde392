"""The intake form: donor, batch, item lines, running totals, save (and print)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import style
from desktop.context import AppContext
from desktop.i18n import user_message
from desktop.intake.donor_picker import DonorPicker
from desktop.intake.line_entry import LineEntry
from desktop.intake.lines_model import Column, LinesModel, PendingLine
from desktop.jobs import Progress, run_job
from desktop.labels import channel_label
from models.enums import IntakeChannel
from models.errors import UserError
from models.money import format_fen


class IntakeForm(QWidget):
    """Emits ``saved(SavedBatch, print_labels)`` after a batch is written."""

    saved = Signal(object, bool)
    message = Signal(str)
    choicesLoaded = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)

        donation = QGroupBox(self.tr("Donation"))
        donation_layout = QVBoxLayout(donation)
        self.donor = DonorPicker(context)
        donation_layout.addWidget(self.donor)
        batch_row = QFormLayout()
        batch_line = QHBoxLayout()
        self.received_on = QDateEdit(context.today_qdate())
        self.received_on.setCalendarPopup(True)
        self.received_on.setDisplayFormat("yyyy-MM-dd")
        self.store = QComboBox()
        self.store.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.channel = QComboBox()
        for channel in (
            IntakeChannel.WALK_IN,
            IntakeChannel.COURIER,
            IntakeChannel.PICKUP,
            IntakeChannel.CORPORATE_DELIVERY,
        ):
            self.channel.addItem(channel_label(channel), channel.value)
        self.notes = QLineEdit()
        self.notes.setPlaceholderText(self.tr("Notes (optional)"))
        for label, widget in (
            (self.tr("Date"), self.received_on),
            (self.tr("Store"), self.store),
            (self.tr("How it came"), self.channel),
        ):
            batch_line.addWidget(QLabel(label))
            batch_line.addWidget(widget)
        batch_line.addWidget(self.notes, 1)
        batch_row.addRow(batch_line)
        donation_layout.addLayout(batch_row)
        layout.addWidget(donation)

        items = QGroupBox(self.tr("Items"))
        items_layout = QVBoxLayout(items)
        self.entry = LineEntry()
        items_layout.addWidget(self.entry)
        self.problem = QLabel()
        style.wear(self.problem, "errorText")
        items_layout.addWidget(self.problem)
        self.model = LinesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            Column.DESCRIPTION, QHeaderView.ResizeMode.Stretch
        )
        items_layout.addWidget(self.table, 1)
        layout.addWidget(items, 1)

        bottom = QHBoxLayout()
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.remove_button = QPushButton(self.tr("Remove line"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_print_button = QPushButton(self.tr("Save and print labels"))
        style.wear(self.save_print_button, "primaryButton")
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.save_print_button.setToolTip(self.tr("Ctrl+P"))
        bottom.addWidget(self.totals, 1)
        bottom.addWidget(self.remove_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.save_print_button)
        layout.addLayout(bottom)

        self.entry.lineReady.connect(self.add_line)
        self.entry.problem.connect(self.problem.setText)
        self.remove_button.clicked.connect(self.remove_selected)
        self.save_button.clicked.connect(lambda: self.save(print_labels=False))
        self.save_print_button.clicked.connect(lambda: self.save(print_labels=True))
        QShortcut(QKeySequence("Ctrl+S"), self, lambda: self.save(print_labels=False))
        QShortcut(QKeySequence("Ctrl+P"), self, lambda: self.save(print_labels=True))
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.remove_selected)
        self.model.rowsInserted.connect(self.update_totals)
        self.model.rowsRemoved.connect(self.update_totals)
        self.model.modelReset.connect(self.update_totals)
        self.update_totals()

    # --- data -------------------------------------------------------------------
    def load_choices(self) -> None:
        """Stores and categories, read in the background (the window never waits)."""
        database = self.context.database

        def work(progress: Progress) -> Any:
            from models import categories, organisation

            with database.reading() as session:
                return organisation.stores(session), categories.leaf_categories(session)

        run_job(self, self.tr("Loading"), work, self.show_choices, show_progress=False)

    def show_choices(self, choices: Any) -> None:
        stores, nodes = choices
        current = self.store.currentData()
        self.store.clear()
        for store_id, code, name in stores:
            self.store.addItem(f"{code} {name}", str(store_id))
        if current is not None:
            self.store.setCurrentIndex(max(0, self.store.findData(current)))
        self.entry.set_categories(nodes)
        self.choicesLoaded.emit()

    # --- lines ------------------------------------------------------------------
    def add_line(self, line: PendingLine) -> None:
        self.problem.clear()
        row = self.model.add(line)
        self.table.scrollTo(self.model.index(row, 0))

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows and self.model.rowCount() and not self.table.hasFocus():
            rows = [self.model.rowCount() - 1]
        for row in reversed(rows):
            self.model.remove(row)

    def update_totals(self) -> None:
        lines, pieces, value = self.model.totals()
        self.totals.setText(
            self.tr("{lines} lines · {pieces} pieces · estimated {value}").format(
                lines=lines, pieces=pieces, value=format_fen(value)
            )
        )

    # --- saving -----------------------------------------------------------------
    def received_date(self) -> date:
        qdate = self.received_on.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def save(self, *, print_labels: bool) -> bool:
        import models.intake as intake

        if not self.model.rowCount():
            self.problem.setText(self.tr("Add at least one item line before saving."))
            return False
        if not self.donor.is_ready():
            self.problem.setText(self.tr("Choose the donor, or tick “Anonymous”."))
            return False
        store = self.store.currentData()
        if store is None:
            self.problem.setText(self.tr("Choose the store that received the donation."))
            return False
        request = intake.BatchRequest(
            donor_id=self.donor.donor_id,
            store_id=uuid.UUID(store),
            received_on=self.received_date(),
            channel=IntakeChannel(self.channel.currentData()),
            notes=self.notes.text().strip() or None,
            lines=tuple(
                intake.ItemLine(
                    category_id=line.category_id,
                    description=line.description,
                    grade=line.grade,
                    quantity=line.quantity,
                    unit_value_fen=line.unit_value_fen,
                )
                for line in self.model.lines()
            ),
        )
        try:
            with self.context.database.transaction() as session:
                result = intake.save_batch(session, request, staff=self.context.staff)
        except UserError as exc:
            self.problem.setText(user_message(exc))
            return False
        self.problem.clear()
        self.model.clear()
        self.notes.clear()
        self.donor.reset()
        self.donor.search.setFocus()
        self.saved.emit(result, print_labels)
        return True
