"""Check-in: choose an open activity and run the kiosk volunteers meet at the door.

While the kiosk runs, leaving it (another screen, or closing the app) needs the
staff PIN set in Settings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop import messages, style
from desktop.summary_screen import SummaryScreen
from models.clock import local
from models.enums import ActivityState

if TYPE_CHECKING:
    from desktop.kiosk.kiosk_view import KioskView
    from models import activities


class KioskScreen(SummaryScreen):
    key = "kiosk"
    icon_name = "kiosk"

    def empty_texts(self) -> tuple[str, str, list[str], str | None]:
        return (
            self.tr("No activity is open for check-in"),
            self.tr(
                "On the day, volunteers check in and out by showing their QR badge to a "
                "webcam or a USB scanner. Every scan is saved at once and answered on "
                "screen; it works without any network."
            ),
            [
                self.tr("Open today's activity on the Activities screen."),
                self.tr("Come back here and start the kiosk (F11 for full screen)."),
                self.tr("When it ends, close the activity and resolve who is still checked in."),
            ],
            None,
        )

    def build_content(self) -> QWidget:
        self.view: KioskView | None = None
        self.with_camera = True
        self.stack = QStackedWidget()
        picker = QWidget()
        layout = QVBoxLayout(picker)
        heading = QLabel(self.tr("Activities open for check-in"))
        style.wear(heading, "screenHeading")
        layout.addWidget(heading)
        self.open_list = QListWidget()
        self.open_list.itemDoubleClicked.connect(lambda _item: self.start_kiosk())
        layout.addWidget(self.open_list, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.start_button = QPushButton(self.tr("Start kiosk"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start_kiosk)
        row.addWidget(self.start_button)
        layout.addLayout(row)
        self.stack.addWidget(picker)
        self.picker = picker
        return self.stack

    def load(self, session: Session) -> Any:
        from models import activities

        return activities.list_activities(session, states=(ActivityState.OPEN,))

    def show_data(self, data: Any) -> bool:
        rows: list[activities.ActivityRow] = data
        self.open_list.clear()
        for row in rows:
            start = local(row.starts_at, self.context.time_zone)
            end = local(row.ends_at, self.context.time_zone)
            text = self.tr("{title} · {date} {start}–{end} · attendances: {n}").format(
                title=row.title,
                date=f"{start:%Y-%m-%d}",
                start=f"{start:%H:%M}",
                end=f"{end:%H:%M}",
                n=row.attendances,
            )
            item = QListWidgetItem(text, self.open_list)
            item.setData(Qt.ItemDataRole.UserRole, row)
        if rows:
            self.open_list.setCurrentRow(0)
        # A running kiosk stays on screen whatever the list says.
        return bool(rows) or self.view is not None

    # --- the kiosk ---------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.view is not None

    def start_kiosk(self) -> KioskView | None:
        from desktop.kiosk.kiosk_view import KioskActivity, KioskView

        item = self.open_list.currentItem()
        if item is None:
            messages.information(
                self, self.tr("Start kiosk"), self.tr("Choose an open activity first.")
            )
            return None
        row: activities.ActivityRow = item.data(Qt.ItemDataRole.UserRole)
        activity = KioskActivity(
            row.id, row.title, row.starts_at, row.ends_at, row.walk_ins_allowed
        )
        view = KioskView(self.context, activity, self.stack, with_camera=self.with_camera)
        view.leaveRequested.connect(self._stopped)
        view.activityClosed.connect(self._stopped)
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        self.view = view
        self._scanner_mode(True)
        return view

    def _stopped(self) -> None:
        view = self.view
        self.view = None
        self._scanner_mode(False)
        self.stack.setCurrentWidget(self.picker)
        if view is not None:
            self.stack.removeWidget(view)
            view.deleteLater()
        self.refresh()

    def _scanner_mode(self, kiosk: bool) -> None:
        """At the kiosk every fast burst is a scan, even a roster id with no Enter."""
        scanner = getattr(self.window(), "scanner", None)
        if scanner is not None:
            scanner.accept_any_burst = kiosk

    def handle_scan(self, text: str) -> bool:
        if self.view is not None:
            return self.view.handle_scan(text)
        return False

    def can_leave(self) -> bool:
        """Asked before another screen is shown or the app closes: the kiosk lock."""
        if self.view is None:
            return True
        if not self.view.unlock(self.tr("Leave kiosk")):
            return False
        self.view.shutdown()
        self._stopped()
        return True
