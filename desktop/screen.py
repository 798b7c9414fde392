"""Base class of the screens reached from the sidebar."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext


class Screen(QWidget):
    """One page of the main window. ``refresh`` reloads what it shows."""

    key = ""
    statusMessage = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName(f"screen_{self.key}")

    def refresh(self) -> None:
        """Reload from the database (in the background when it may be slow)."""

    def can_leave(self) -> bool:
        """May the user go to another screen or close the app? (The kiosk lock.)"""
        return True
