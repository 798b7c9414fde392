"""Volunteers' own correction requests: log one, answer it (open ones first).

The national rules for volunteer-service records ask that a volunteer's request
to correct their record is logged and answered; both steps are audited.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import style
from desktop.context import AppContext
from desktop.hours.hour_labels import request_status_label
from desktop.widgets.tables import list_rows
from models.clock import local
from models.enums import RequestStatus

COLUMNS = 7


class CorrectionRequestsPanel(QWidget):
    changed = Signal(str)  # a request was logged or answered: what, for the status bar

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rows: list[Any] = []
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        top.addWidget(self.hint, 1)
        self.log_button = QPushButton(self.tr("Log a request…"))
        style.wear(self.log_button, "primaryButton")
        top.addWidget(self.log_button)
        layout.addLayout(top)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Received"),
                self.tr("Volunteer"),
                self.tr("Activity"),
                self.tr("Request"),
                self.tr("Status"),
                self.tr("Answer"),
                self.tr("Answered by"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        list_rows(self.table)
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.answer_button = QPushButton(self.tr("Answer…"))
        actions.addWidget(self.answer_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.log_button.clicked.connect(lambda: self.log_request())
        self.answer_button.clicked.connect(self.answer)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.set_rows([])

    def set_rows(self, rows: list[Any]) -> None:
        chosen = self.selected()
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        zone = self.context.time_zone
        for r, row in enumerate(self.rows):
            answered = (
                f"{row.answered_by} · {local(row.answered_at, zone):%Y-%m-%d}"
                if row.answered_by and row.answered_at
                else ""
            )
            cells = [
                f"{local(row.received_at, zone):%Y-%m-%d %H:%M}",
                f"{row.volunteer_name} ({row.volunteer_code})",
                row.activity_title or "",
                row.request_text,
                request_status_label(row.status),
                row.response_text or "",
                answered,
            ]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(r, c, cell)
        self.hint.setText(
            self.tr(
                "When a volunteer asks to correct their service record, log the request "
                "here and answer it; both are kept for the record."
            )
            if not self.rows
            else self.tr("{open} open, {total} in all.").format(
                open=sum(1 for r in self.rows if r.status is RequestStatus.OPEN),
                total=len(self.rows),
            )
        )
        if chosen is not None:
            self.select(chosen.id)
        self._selection_changed()

    def select(self, request_id: uuid.UUID) -> None:
        for r, row in enumerate(self.rows):
            if row.id == request_id:
                self.table.selectRow(r)
                return

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1 or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def _selection_changed(self) -> None:
        row = self.selected()
        self.answer_button.setEnabled(row is not None and row.status is RequestStatus.OPEN)

    def log_request(self, volunteer: tuple[uuid.UUID, str] | None = None) -> None:
        from desktop.hours.log_request_dialog import LogRequestDialog

        dialog = LogRequestDialog(self.context, self, volunteer=volunteer)
        dialog.accepted.connect(lambda: self.changed.emit(self.tr("Correction request logged.")))
        dialog.open()
        self.dialog = dialog

    def answer(self) -> None:
        from desktop.hours.answer_request_dialog import AnswerRequestDialog

        row = self.selected()
        if row is None or row.status is not RequestStatus.OPEN:
            return
        dialog = AnswerRequestDialog(self.context, row, self)
        dialog.accepted.connect(lambda: self.changed.emit(self.tr("Correction request answered.")))
        dialog.open()
        self.dialog = dialog
