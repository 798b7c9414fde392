"""The entries tab: approve or reject pending hours, add 补录 entries, correct approved ones.

Approved entries are shown locked; changing them adds a correction row.  Every
decision asks for the staff PIN when one is set.  The panel writes in short
transactions and says what changed through ``changed`` (the screen reloads).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import messages, style
from desktop.context import AppContext
from desktop.hours.entry_table_model import EntryColumn, EntryTableModel
from desktop.hours.hour_actions import NOT_DONE, apply_change, ask_pin
from desktop.hours.hour_labels import kind_label, signed_hours
from desktop.hours.hours_table_model import ID_ROLE, SORT_ROLE
from desktop.widgets.tables import list_rows
from models.enums import ApprovalStatus, HourKind


class EntriesPanel(QWidget):
    changed = Signal(str)  # something was written: what, for the status bar
    filterChanged = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        self.status_filter = QComboBox()
        for text, status in (
            (self.tr("Pending (to approve)"), ApprovalStatus.PENDING),
            (self.tr("Approved (locked)"), ApprovalStatus.APPROVED),
            (self.tr("Rejected"), ApprovalStatus.REJECTED),
            (self.tr("All entries"), None),
        ):
            self.status_filter.addItem(text, status.value if status else "")
        top.addWidget(self.status_filter)
        top.addStretch(1)
        self.supplemental_button = QPushButton(self.tr("Supplemental entry…"))
        style.wear(self.supplemental_button, "primaryButton")
        top.addWidget(self.supplemental_button)
        layout.addLayout(top)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.model = EntryTableModel(context.time_zone, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(EntryColumn.DATE, Qt.SortOrder.AscendingOrder)
        list_rows(self.table, several=True)
        self.table.horizontalHeader().setSectionResizeMode(
            EntryColumn.REASON, QHeaderView.ResizeMode.Stretch
        )
        layout.addWidget(self.table, 1)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)
        actions = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_all_button = QPushButton(self.tr("Approve all of this activity…"))
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.correct_button = QPushButton(self.tr("Correct…"))
        for button in (
            self.approve_button,
            self.approve_all_button,
            self.reject_button,
            self.correct_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)

        self.status_filter.currentIndexChanged.connect(lambda _i: self.filterChanged.emit())
        self.supplemental_button.clicked.connect(lambda: self.add_supplemental())
        self.approve_button.clicked.connect(self.approve)
        self.approve_all_button.clicked.connect(self.approve_activity)
        self.reject_button.clicked.connect(self.reject)
        self.correct_button.clicked.connect(self.correct)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self._selection_changed()

    # --- showing ------------------------------------------------------------------
    def status(self) -> ApprovalStatus | None:
        value = self.status_filter.currentData()
        return ApprovalStatus(value) if value else None

    def set_status(self, status: ApprovalStatus | None) -> None:
        self.status_filter.setCurrentIndex(
            self.status_filter.findData(status.value if status else "")
        )

    def set_rows(self, rows: list[Any], *, cut: bool = False) -> None:
        chosen = {r.id for r in self.selected_rows()}
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        if cut:
            self.hint.setText(
                self.tr("Only the first {n} entries are shown; choose a shorter period.").format(
                    n=len(rows)
                )
            )
        elif not rows:
            self.hint.setText(
                self.tr(
                    "No entries here for this period. Hours come from closed attendance at "
                    "the kiosk; add missing hours with “Supplemental entry…”."
                )
            )
        self.hint.setVisible(cut or not rows)
        if chosen:
            self.select_ids(chosen)
        self._selection_changed()

    def select_ids(self, ids: set[uuid.UUID]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        wanted = {str(i) for i in ids}
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.data(index, ID_ROLE) in wanted:
                selection.select(index, flags)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)

    def selected_rows(self) -> list[Any]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.row_at(r) for r in sorted(rows) if r < self.model.rowCount()]

    def _selection_changed(self) -> None:
        chosen = self.selected_rows()
        pending = [r for r in chosen if r.status is ApprovalStatus.PENDING]
        one = chosen[0] if len(chosen) == 1 else None
        self.approve_button.setEnabled(bool(pending))
        self.reject_button.setEnabled(one is not None and one.status is ApprovalStatus.PENDING)
        self.approve_all_button.setEnabled(
            one is not None and one.activity_id is not None and bool(pending)
        )
        self.correct_button.setEnabled(one is not None and one.status is ApprovalStatus.APPROVED)
        self.detail.setText(self._describe(one) if one is not None else "")

    def _describe(self, row: Any) -> str:
        parts = [f"{kind_label(row.kind)} · {row.volunteer_name} · {row.work_date}"]
        if row.reason:
            parts.append(self.tr("Reason: {reason}").format(reason=row.reason))
        if row.kind is HourKind.CORRECTION:
            parts.append(
                self.tr("Changes approved hours by {hours} h.").format(
                    hours=signed_hours(row.minutes, signed=True)
                )
            )
        if row.status is ApprovalStatus.APPROVED:
            parts.append(self.tr("Approved hours are locked; “Correct…” adds a correction entry."))
        elif row.awaiting_second:
            parts.append(
                self.tr(
                    "First approval by {name}. This day is long, so another member of staff "
                    "gives the second approval."
                ).format(name=row.decided_by)
            )
        elif row.needs_review:
            parts.append(
                self.tr(
                    "The check-out was set automatically; check the times under Anomalies, "
                    "or approve this entry on its own."
                )
            )
        return "\n".join(parts)

    # --- actions ------------------------------------------------------------------
    def add_supplemental(self, day: date | None = None) -> None:
        from desktop.hours.supplemental_dialog import SupplementalDialog

        volunteer = None
        one = self.selected_rows()
        if len(one) == 1:
            volunteer = (one[0].volunteer_id, f"{one[0].volunteer_name} ({one[0].volunteer_code})")
        dialog = SupplementalDialog(self.context, self, volunteer=volunteer, day=day)
        dialog.accepted.connect(
            lambda: self.changed.emit(self.tr("Supplemental entry added; it counts once approved."))
        )
        dialog.open()
        self.dialog = dialog

    def correct(self) -> None:
        from desktop.hours.correction_dialog import CorrectionDialog

        chosen = self.selected_rows()
        if len(chosen) != 1 or chosen[0].status is not ApprovalStatus.APPROVED:
            return
        dialog = CorrectionDialog(self.context, chosen[0], self)
        dialog.accepted.connect(
            lambda: self.changed.emit(self.tr("Correction added; it counts once approved."))
        )
        dialog.open()
        self.dialog = dialog

    def approve(self) -> bool:
        from models import hours

        rows = [r for r in self.selected_rows() if r.status is ApprovalStatus.PENDING]
        if not rows:
            return False
        title = self.tr("Approve hours")
        staff = self.context.staff
        if len(rows) == 1 and rows[0].awaiting_second and rows[0].decided_by == staff:
            name = messages.ask_text(
                self,
                title,
                self.tr(
                    "You gave the first approval. Name of the other member of staff who "
                    "gives the second:"
                ),
            )
            if name is None:
                return False
            staff = name
        pin = ask_pin(self, self.context, title)
        if pin is None:
            return False
        ids = [r.id for r in rows]
        result = apply_change(
            self,
            self.context,
            title,
            lambda s: hours.approve_entries(s, ids, staff=staff, pin=pin, bulk=len(ids) > 1),
        )
        return self._report(title, result)

    def approve_activity(self) -> bool:
        from models import hours

        chosen = self.selected_rows()
        if len(chosen) != 1 or chosen[0].activity_id is None:
            return False
        row = chosen[0]
        title = self.tr("Approve all of this activity")
        question = self.tr(
            "Approve every pending entry of “{title}”? Entries flagged for review are "
            "skipped; approve them one by one."
        ).format(title=row.activity_title or "")
        if not messages.confirm(self, title, question):
            return False
        pin = ask_pin(self, self.context, title)
        if pin is None:
            return False
        activity_id = row.activity_id
        result = apply_change(
            self,
            self.context,
            title,
            lambda s: hours.approve_activity(s, activity_id, staff=self.context.staff, pin=pin),
        )
        return self._report(title, result)

    def reject(self) -> bool:
        from models import hours

        chosen = self.selected_rows()
        if len(chosen) != 1 or chosen[0].status is not ApprovalStatus.PENDING:
            return False
        title = self.tr("Reject hours")
        reason = messages.ask_text(
            self, title, self.tr("Why are these hours rejected? (kept in the audit log)")
        )
        if reason is None:
            return False
        pin = ask_pin(self, self.context, title)
        if pin is None:
            return False
        entry_id = chosen[0].id
        result = apply_change(
            self,
            self.context,
            title,
            lambda s: hours.reject_entry(
                s, entry_id, staff=self.context.staff, reason=reason, pin=pin
            ),
        )
        if result is NOT_DONE:
            return False
        self.changed.emit(self.tr("Entry rejected; its hours do not count."))
        return True

    def _report(self, title: str, result: Any) -> bool:
        if result is NOT_DONE:
            return False
        if result.awaiting_second:
            messages.information(
                self,
                title,
                self.tr(
                    "{n} entries got their first approval. Their day is long, so another "
                    "member of staff must approve them as well."
                ).format(n=len(result.awaiting_second)),
            )
        if result.skipped:
            messages.information(
                self,
                title,
                self.tr(
                    "{n} entries were skipped: entries flagged for review are approved one "
                    "by one, and a second approval needs another member of staff."
                ).format(n=len(result.skipped)),
            )
        self.changed.emit(self.tr("{n} entries approved.").format(n=len(result.approved)))
        return bool(result.approved or result.awaiting_second)
