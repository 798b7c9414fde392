"""The anomaly queue: attendance to look at before its hours count, each item resolvable.

Open sessions, automatic check-outs, sessions over the cap, overlapping activities,
scans outside the activity time and device clock jumps (``models.anomalies``).
Each item offers its own actions: close at the scheduled end, set the times,
discard, or accept as it stands.  Every resolution is audited by the model.
"""

from __future__ import annotations

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

from desktop import messages
from desktop.context import AppContext
from desktop.hours.hour_actions import NOT_DONE, apply_change
from desktop.hours.hour_labels import anomaly_kind_label
from desktop.hours.resolve_dialog import describe
from desktop.widgets.tables import list_rows
from models.anomalies import Action, Anomaly
from models.clock import local

COLUMNS = 5


class AnomalyPanel(QWidget):
    changed = Signal(str)  # an item was resolved: what, for the status bar

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.items: list[Anomaly] = []
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Problem"),
                self.tr("Volunteer"),
                self.tr("Activity"),
                self.tr("Details"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        list_rows(self.table)
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.close_button = QPushButton(self.tr("Close at the scheduled end"))
        self.set_times_button = QPushButton(self.tr("Set the times…"))
        self.discard_button = QPushButton(self.tr("Discard…"))
        self.accept_button = QPushButton(self.tr("Accept as it is…"))
        self.buttons = {
            Action.CLOSE_AT_END: self.close_button,
            Action.SET_TIMES: self.set_times_button,
            Action.DISCARD: self.discard_button,
            Action.ACCEPT: self.accept_button,
        }
        for button in self.buttons.values():
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.close_button.clicked.connect(lambda: self.resolve(Action.CLOSE_AT_END))
        self.set_times_button.clicked.connect(lambda: self.resolve(Action.SET_TIMES))
        self.discard_button.clicked.connect(lambda: self.resolve(Action.DISCARD))
        self.accept_button.clicked.connect(lambda: self.resolve(Action.ACCEPT))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.set_items([])

    def set_items(self, items: list[Anomaly]) -> None:
        chosen = self.selected()
        self.items = list(items)
        self.table.setRowCount(len(self.items))
        zone = self.context.time_zone
        for r, item in enumerate(self.items):
            cells = [
                f"{local(item.at, zone):%Y-%m-%d %H:%M}",
                anomaly_kind_label(item.kind),
                item.volunteer_name or "",
                item.activity_title or "",
                describe(item),
            ]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.hint.setText(
            self.tr(
                "Nothing to look at in this period: every attendance is closed and its "
                "scans are in order."
            )
            if not self.items
            else self.tr(
                "Look at these before approving hours. Each item has its own actions; "
                "every change is kept in the audit log."
            )
        )
        if chosen is not None:
            self.select(chosen)
        self._selection_changed()

    def select(self, item: Anomaly) -> bool:
        for r, candidate in enumerate(self.items):
            if (candidate.kind, candidate.subject_id, candidate.other_session_id) == (
                item.kind,
                item.subject_id,
                item.other_session_id,
            ):
                self.table.selectRow(r)
                return True
        self.table.clearSelection()
        return False

    def selected(self) -> Anomaly | None:
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1 or rows[0].row() >= len(self.items):
            return None
        return self.items[rows[0].row()]

    def _selection_changed(self) -> None:
        item = self.selected()
        for action, button in self.buttons.items():
            button.setEnabled(item is not None and action in item.actions)

    def resolve(self, action: Action) -> bool:
        from desktop.hours.resolve_dialog import ResolveDialog
        from models import anomalies

        item = self.selected()
        if item is None or action not in item.actions:
            return False
        if action in (Action.SET_TIMES, Action.DISCARD):
            dialog = ResolveDialog(self.context, item, action, self)
            dialog.accepted.connect(lambda: self.changed.emit(self._done_text(action)))
            dialog.open()
            self.dialog = dialog
            return True
        title = self.tr("Resolve")
        note: str | None = None
        if action is Action.ACCEPT:
            note = messages.ask_text(
                self,
                self.tr("Accept as it is"),
                self.tr("Accept this as it stands? A note for the audit log (optional):"),
            )
            if note is None:
                return False
        staff = self.context.staff
        result: Any = apply_change(
            self,
            self.context,
            title,
            lambda s: anomalies.resolve(s, item, action, staff=staff, reason=note),
        )
        if result is NOT_DONE:
            return False
        self.changed.emit(self._done_text(action))
        return True

    def _done_text(self, action: Action) -> str:
        return {
            Action.CLOSE_AT_END: self.tr("Closed at the scheduled end; the hours are pending."),
            Action.SET_TIMES: self.tr("Times set; the hours are pending."),
            Action.DISCARD: self.tr("Attendance discarded; it counts no hours."),
            Action.ACCEPT: self.tr("Accepted as it is."),
        }[action]
