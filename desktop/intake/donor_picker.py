"""Choose the donor: search by name or phone, quick-add, or anonymous."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.labels import donor_kind_label
from models.enums import DonorKind

SEARCH_DELAY_MS = 150


class DonorPicker(QWidget):
    """Emits ``changed`` when the chosen donor changes (None = anonymous/no choice)."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.donor_id: uuid.UUID | None = None
        self.donor_name = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Donor: type a name or phone number"))
        self.search.setClearButtonEnabled(True)
        self.anonymous = QCheckBox(self.tr("Anonymous"))
        self.add_button = QPushButton(self.tr("New donor…"))
        row.addWidget(self.search, 1)
        row.addWidget(self.anonymous)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.results = QListWidget()
        self.results.setMaximumHeight(110)
        self.results.hide()
        layout.addWidget(self.results)
        self.chosen = QLabel()
        self.chosen.setObjectName("chosenDonor")
        layout.addWidget(self.chosen)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textEdited.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.take_first)
        self.results.itemActivated.connect(self._pick_item)
        self.anonymous.toggled.connect(self._anonymous_toggled)
        self.add_button.clicked.connect(self.quick_add)
        self.search.installEventFilter(self)
        self._show_choice()

    # --- searching --------------------------------------------------------------
    def run_search(self) -> None:
        import models.intake as intake

        text = self.search.text().strip()
        self.results.clear()
        if not text:
            self.results.hide()
            return
        with self.context.database.reading() as session:
            rows = intake.search_donors(session, text, limit=20)
        for row in rows:
            label = f"{row.name}  {row.phone or ''}  · {donor_kind_label(DonorKind(row.kind))}"
            item = QListWidgetItem(label.strip(), self.results)
            item.setData(Qt.ItemDataRole.UserRole, (str(row.id), row.name))
        if not rows:
            QListWidgetItem(self.tr("No donor found — press “New donor…”"), self.results)
        self.results.setVisible(True)
        self.results.setCurrentRow(0)

    def take_first(self) -> None:
        self._timer.stop()
        self.run_search()
        item = self.results.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self._pick_item(item)
            self.focusNextChild()

    def eventFilter(self, watched: Any, event: Any) -> bool:
        arrow = (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
            and self.results.isVisible()
        )
        if arrow:
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)
            return True
        return super().eventFilter(watched, event)

    def _pick_item(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if not data:
            return
        donor_id, name = data
        self.choose(uuid.UUID(donor_id), name)

    # --- choosing ------------------------------------------------------------------
    def choose(self, donor_id: uuid.UUID | None, name: str) -> None:
        self.donor_id = donor_id
        self.donor_name = name
        self.results.hide()
        if donor_id is not None and self.anonymous.isChecked():
            self.anonymous.blockSignals(True)
            self.anonymous.setChecked(False)
            self.anonymous.blockSignals(False)
        self._show_choice()
        self.changed.emit()

    def _anonymous_toggled(self, checked: bool) -> None:
        if checked:
            self.donor_id = None
            self.donor_name = ""
            self.search.clear()
            self.results.hide()
        self._show_choice()
        self.changed.emit()

    def is_ready(self) -> bool:
        return self.donor_id is not None or self.anonymous.isChecked()

    def reset(self) -> None:
        self.donor_id = None
        self.donor_name = ""
        self.search.clear()
        self.results.hide()
        self.anonymous.setChecked(False)
        self._show_choice()

    def _show_choice(self) -> None:
        if self.anonymous.isChecked():
            self.chosen.setText(self.tr("Donor: anonymous"))
        elif self.donor_id is not None:
            self.chosen.setText(self.tr("Donor: {name}").format(name=self.donor_name))
        else:
            self.chosen.setText(self.tr("No donor chosen yet"))

    def quick_add(self) -> None:
        from desktop.intake.quick_add_donor_dialog import QuickAddDonorDialog

        dialog = QuickAddDonorDialog(self.context, self.search.text().strip(), self)
        if dialog.exec() and dialog.created is not None:
            self.choose(*dialog.created)
