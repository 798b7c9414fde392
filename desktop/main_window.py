"""The main window: sidebar, screens, menus and status bar. It only assembles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop import icons, messages, preferences, style
from desktop.context import AppContext
from desktop.i18n import model_text
from desktop.navigation import SCREENS
from desktop.screen import Screen

if TYPE_CHECKING:
    from desktop.widgets.scanner_input import ScanListener

GEOMETRY_KEY = "main_window"
# The first screen loads its data just after the window's first frame.
FIRST_LOAD_DELAY_MS = 30
# Scanner input is listened for from just after the first frame on.
LISTEN_DELAY_MS = 60
# The status bar shows at most this many characters of the database's path.
PATH_CHARS = 60


class MainWindow(QMainWindow):
    openDatabaseRequested = Signal()
    backupRequested = Signal()
    restoreRequested = Signal()
    aboutRequested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("mainWindow")
        style.paint_window_background(self)
        self.setWindowTitle(self.tr("Partner Desk"))
        self.setWindowIcon(icons.app_icon())
        self._screens: dict[str, Screen] = {}

        self.sidebar = QListWidget()
        style.wear(self.sidebar, "sidebar")
        self.sidebar.setIconSize(QSize(24, 24))
        self.sidebar.setFixedWidth(168)
        for entry in SCREENS:
            item = QListWidgetItem(icons.sidebar(entry.icon), entry.title())
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            self.sidebar.addItem(item)
        self.stack = QStackedWidget()
        self.stack.setObjectName("screens")
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.sidebar.currentRowChanged.connect(self._show_row)

        self._build_menus()
        self.organisation_label = QLabel()
        self.database_label = QLabel()
        self.database_label.setObjectName("databaseLabel")

        self.statusBar().addWidget(self.organisation_label)
        self.statusBar().addPermanentWidget(self.database_label)
        self.update_status()

        if not preferences.restore_geometry(self, GEOMETRY_KEY):
            self.resize(1180, 760)
        self.scanner: ScanListener | None = None
        QTimer.singleShot(LISTEN_DELAY_MS, self._listen_for_scans)

        start = preferences.get(preferences.LAST_SCREEN)
        # The screen kept in the preferences (written only when it changes).
        self._remembered_screen = start
        self.navigate(start if start in self.keys() else SCREENS[0].key)

    # --- navigation -----------------------------------------------------------
    @staticmethod
    def keys() -> list[str]:
        return [entry.key for entry in SCREENS]

    def navigate(self, key: str) -> Screen:
        row = self.keys().index(key)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)  # calls _show_row
        return self.screen_for(key)

    def screen_for(self, key: str) -> Screen:
        """The screen for ``key``, built the first time it is needed."""
        screen = self._screens.get(key)
        if screen is None:
            entry = SCREENS[self.keys().index(key)]
            screen = entry.factory(self.context, self.stack)
            screen.setWindowTitle(entry.title())
            screen.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 4000))
            self._screens[key] = screen
            self.stack.addWidget(screen)
            # Load once the screen is painted: the window never waits for data,
            # and the first frame is not slowed by work on the worker thread.
            QTimer.singleShot(FIRST_LOAD_DELAY_MS if not self.isVisible() else 0, screen.refresh)
        return screen

    def current_key(self) -> str:
        return self.keys()[max(0, self.sidebar.currentRow())]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        current = self.stack.currentWidget()
        key = self.keys()[row]
        if isinstance(current, Screen) and current.key != key and not current.can_leave():
            # The kiosk lock said no: stay where we are.
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(self.keys().index(current.key))
            self.sidebar.blockSignals(False)
            return
        screen = self.screen_for(key)
        self.stack.setCurrentWidget(screen)
        if key != self._remembered_screen:
            preferences.put(preferences.LAST_SCREEN, key)
            self._remembered_screen = key

    def set_chrome_visible(self, visible: bool) -> None:
        """Sidebar, menus and status bar (hidden while the kiosk is full screen)."""
        self.sidebar.setVisible(visible)
        self.menuBar().setVisible(visible)
        self.statusBar().setVisible(visible)

    def refresh_all(self) -> None:
        for screen in self._screens.values():
            screen.refresh()
        self.update_status()

    # --- menus and status -----------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = QAction(self.tr("&Open another database…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.openDatabaseRequested)
        self.backup_action = QAction(self.tr("&Back up now"), self)
        self.backup_action.triggered.connect(self.backupRequested)
        self.restore_action = QAction(self.tr("&Restore from a backup…"), self)
        self.restore_action.triggered.connect(self.restoreRequested)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.open_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for number, entry in enumerate(SCREENS, start=1):
            action = QAction(entry.title(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, key=entry.key: self.navigate(key))
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About Partner Desk"), self)
        self.about_action.triggered.connect(self.aboutRequested)
        help_menu.addAction(self.about_action)

    def update_status(self) -> None:
        name = self.context.organisation
        self.organisation_label.setText(name)
        path = self.context.database.display_name()
        # A long path must not make the window wider: shortened in the middle, whole
        # in the tooltip.
        shown = path if len(path) <= PATH_CHARS else f"{path[:16]}…{path[-(PATH_CHARS - 17) :]}"
        self.database_label.setText(self.tr("Database: {path}").format(path=shown))
        self.database_label.setToolTip(self.tr("Database: {path}").format(path=path))

    def _listen_for_scans(self) -> None:

        from desktop.widgets import scanner_input

        if self.scanner is None:
            self.scanner = scanner_input.ScanListener(self)
            self.scanner.scanned.connect(self.handle_scan)
            self.scanner.install()

    # --- scan anywhere ---------------------------------------------------------------
    def handle_scan(self, text: str) -> None:
        """A label or badge scanned on any screen (the current screen may claim it)."""
        handler = getattr(self.stack.currentWidget(), "handle_scan", None)
        if callable(handler) and handler(text):
            return
        from models.scan_meaning import Meaning, explain

        with self.context.database.reading() as session:
            result = explain(session, text)
        message = result.render(model_text)
        title = self.tr("Scan")
        if result.meaning == Meaning.ITEM and result.item_code:
            items = self.navigate("items")
            open_item = getattr(items, "open_item", None)
            if callable(open_item):
                open_item(result.item_code)
            return
        if result.is_volunteer:
            messages.information(
                self,
                title,
                self.tr(
                    "This is a volunteer badge ({name}). Volunteers check in and out on "
                    "the Check-in screen."
                ).format(name=result.volunteer_name or ""),
            )
            return
        messages.warning(self, title, message)

    def closeEvent(self, event: QCloseEvent) -> None:
        current = self.stack.currentWidget()
        if isinstance(current, Screen) and not current.can_leave():
            event.ignore()
            return
        if self.scanner is not None:
            self.scanner.remove()
        preferences.save_geometry(self, GEOMETRY_KEY)
        super().closeEvent(event)
