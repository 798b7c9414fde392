"""A screen that shows an empty state until there is data, then a summary."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from desktop import icons
from desktop.context import AppContext
from desktop.jobs import Progress, run_job
from desktop.screen import Screen
from desktop.widgets.empty_state import EmptyState


class SummaryScreen(Screen):
    """Subclasses give the empty-state texts, a loader and a way to show the result."""

    icon_name = ""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._pages = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._pages)
        heading, purpose, steps, action = self.empty_texts()
        self.empty = EmptyState(
            heading, purpose, steps, icon=icons.tinted(self.icon_name, icons.ACCENT), action=action
        )
        self.empty.actionTriggered.connect(self.on_empty_action)
        self.content = self.build_content()
        self._pages.addWidget(self.empty)
        self._pages.addWidget(self.content)
        self.loaded = False

    # --- for subclasses -------------------------------------------------
    def empty_texts(self) -> tuple[str, str, list[str], str | None]:
        raise NotImplementedError

    def build_content(self) -> QWidget:
        raise NotImplementedError

    def load(self, session: Session) -> Any:
        """Runs on the worker thread; returns plain data (no ORM rows)."""
        raise NotImplementedError

    def show_data(self, data: Any) -> bool:
        """Show ``data``; return False when there is nothing to show (empty state)."""
        raise NotImplementedError

    def on_empty_action(self) -> None:
        """The empty state's button was pressed."""

    # --------------------------------------------------------------------
    def is_empty(self) -> bool:
        return self._pages.currentWidget() is self.empty

    def refresh(self) -> None:
        database = self.context.database
        loader: Callable[[Session], Any] = self.load

        def work(progress: Progress) -> Any:
            with database.reading() as session:
                return loader(session)

        run_job(self, self.windowTitle(), work, self._loaded, show_progress=False)

    def _loaded(self, data: Any) -> None:
        has_data = self.show_data(data)
        self._pages.setCurrentWidget(self.content if has_data else self.empty)
        self.loaded = True
