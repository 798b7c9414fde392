"""Check-in: the kiosk volunteers meet at the door of an open activity."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from desktop.summary_screen import SummaryScreen
from models.clock import local
from models.enums import ActivityState

if TYPE_CHECKING:
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
        box = QWidget()
        layout = QVBoxLayout(box)
        heading = QLabel(self.tr("Activities open for check-in"))
        heading.setObjectName("screenHeading")
        layout.addWidget(heading)
        self.open_list = QListWidget()
        layout.addWidget(self.open_list)
        return box

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
            QListWidgetItem(text, self.open_list)
        return bool(rows)
