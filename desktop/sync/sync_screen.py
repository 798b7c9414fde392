"""Sync: signed export files for the programme office, and importing them.

Tabs: the export (the organisation's key to give the office once, and the export
in three steps), the history of exports and imports, and for the programme
office the partners with verify/import, and a dashboard of every partner's
results (built the first time it is shown).  Everything the screen lists is read
in one job on the worker (``sync_data.load_sync``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop import style
from desktop.context import AppContext
from desktop.summary_screen import SummaryScreen
from desktop.sync.export_panel import ExportPanel
from desktop.sync.history_table_model import HistoryColumn, HistoryModel
from desktop.sync.office_panel import OfficePanel
from desktop.sync.sync_data import SyncData


class Tab:
    EXPORT = 0
    HISTORY = 1
    OFFICE = 2
    DASHBOARD = 3


class SyncScreen(SummaryScreen):
    key = "sync"
    icon_name = "sync"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.dashboard: Any = None  # DashboardPanel, built when its tab is first shown
        self.data: SyncData | None = None
        self.loads = 0  # finished loads (tests wait on it)
        self._opened = False  # the user left the empty state
        super().__init__(context, parent)

    def empty_texts(self) -> tuple[str, str, list[str], str | None]:
        return (
            self.tr("Nothing exported or imported yet"),
            self.purpose(),
            [
                self.tr("Give the programme office your key fingerprint (shown in Settings) once."),
                self.tr("Export every week or month; each export follows the previous one."),
                self.tr("Programme office: register each partner, then import their files."),
            ],
            self.tr("Start"),
        )

    def purpose(self) -> str:
        return self.tr(
            "Send your activity results (attendance, hours, matching amount, feedback "
            "and a donation summary) to the programme office as a signed file on a USB "
            "stick or by e-mail. The office imports files from every partner."
        )

    def on_empty_action(self) -> None:
        self._opened = True
        self._pages.setCurrentWidget(self.content)

    # --- content ------------------------------------------------------------------
    def build_content(self) -> QWidget:
        self.tabs = QTabWidget()
        self.tabs.addTab(self._export_tab(), self.tr("Export"))
        self.tabs.addTab(self._history_tab(), self.tr("History"))
        self.office = OfficePanel(self.context)
        self.office.changed.connect(self._changed)
        self.tabs.addTab(self.office, self.tr("Partners and import"))
        self.tabs.addTab(QWidget(), self.tr("Programme dashboard"))
        self.tabs.currentChanged.connect(self._tab_changed)
        return self.tabs

    def _export_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(self.purpose())
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self._key_box())
        self.export = ExportPanel(self.context)
        self.export.changed.connect(self._changed)
        layout.addWidget(self.export, 1)
        return page

    def _key_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Your signing key: give it to the programme office once"))
        layout = QVBoxLayout(box)
        self.fingerprint = QLabel()
        style.wear(self.fingerprint, "fingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.fingerprint)
        row = QHBoxLayout()
        self.public_key = QLineEdit()
        self.public_key.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("Copy public key"))
        self.copy_button.clicked.connect(self.copy_public_key)
        row.addWidget(self.public_key, 1)
        row.addWidget(self.copy_button)
        layout.addLayout(row)
        return box

    def _history_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        heading = QLabel(self.tr("Export and import history"))
        style.wear(heading, "panelTitle")
        layout.addWidget(heading)
        self.history_model = HistoryModel(self.context.time_zone, self)
        self.history = QTableView()
        self.history.setModel(self.history_model)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().setVisible(False)
        self.history.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.history.horizontalHeader().setSectionResizeMode(
            HistoryColumn.FILE, QHeaderView.ResizeMode.Stretch
        )
        layout.addWidget(self.history, 1)
        return page

    def _tab_changed(self, index: int) -> None:
        if index != Tab.DASHBOARD or self.dashboard is not None:
            return
        from desktop.sync.dashboard_panel import DashboardPanel

        self.dashboard = DashboardPanel(self.context)
        self.tabs.blockSignals(True)
        title = self.tabs.tabText(Tab.DASHBOARD)
        placeholder = self.tabs.widget(Tab.DASHBOARD)
        self.tabs.removeTab(Tab.DASHBOARD)
        self.tabs.insertTab(Tab.DASHBOARD, self.dashboard, title)
        self.tabs.setCurrentIndex(Tab.DASHBOARD)
        self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()
        self.dashboard.refresh()

    def show_tab(self, index: int) -> None:
        self.on_empty_action()
        self.tabs.setCurrentIndex(index)

    # --- data ---------------------------------------------------------------------
    def load(self, session: Session) -> Any:
        from desktop.sync.sync_data import load_sync

        return load_sync(session)

    def show_data(self, data: Any) -> bool:
        assert isinstance(data, SyncData)
        self.data = data
        profile = data.profile
        if profile is not None:
            self.fingerprint.setText(
                self.tr("Key fingerprint: {fp}").format(fp=profile.fingerprint)
            )
            self.public_key.setText(profile.public_key)
        self.copy_button.setEnabled(profile is not None)
        self.export.screen_loaded(data.preview, data.preview_error)
        self.history_model.set_rows(data.history)
        self.office.set_partners(data.partners)
        if self.dashboard is not None:
            self.dashboard.refresh()
        self.loads += 1
        return self._opened or data.has_data

    def copy_public_key(self) -> None:
        QGuiApplication.clipboard().setText(self.public_key.text())
        self.statusMessage.emit(
            self.tr("Public key copied: paste it into an e-mail to the programme office.")
        )

    def _changed(self, text: str) -> None:
        if text:
            self.statusMessage.emit(text)
        self._opened = True
        self.refresh()
