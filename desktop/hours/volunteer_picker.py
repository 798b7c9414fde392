"""Choose one volunteer by name, pinyin initials, phone or code (a short list)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.context import AppContext

SEARCH_LIMIT = 20
SEARCH_DELAY_MS = 150


class VolunteerPicker(QWidget):
    chosen = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, pinyin initials, phone or volunteer code"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setMaximumHeight(120)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.results.currentItemChanged.connect(lambda *_: self.chosen.emit())

    def search_now(self) -> None:
        """Look the text up now (the list fills; the first match is chosen)."""
        from models import volunteers

        self._timer.stop()
        with self.context.database.reading() as session:
            rows = volunteers.search(session, self.search.text(), limit=SEARCH_LIMIT)
        self.results.clear()
        for row in rows:
            item = QListWidgetItem(row.label)
            item.setData(Qt.ItemDataRole.UserRole, str(row.id))
            self.results.addItem(item)
        if rows:
            self.results.setCurrentRow(0)

    def set_volunteer(self, volunteer_id: uuid.UUID, label: str) -> None:
        """Start with this volunteer chosen (e.g. the one selected on the screen)."""
        self.results.clear()
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, str(volunteer_id))
        self.results.addItem(item)
        self.results.setCurrentRow(0)

    def volunteer_id(self) -> uuid.UUID | None:
        item = self.results.currentItem()
        if item is None:
            return None
        return uuid.UUID(str(item.data(Qt.ItemDataRole.UserRole)))

    def label(self) -> str:
        item = self.results.currentItem()
        return item.text() if item is not None else ""
