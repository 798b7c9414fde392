"""Service hours: attendance turned into approved hours and the matching donation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from desktop.summary_screen import SummaryScreen
from desktop.widgets.summary_panel import SummaryPanel
from models.money import format_minutes_as_hours

if TYPE_CHECKING:
    from models import overview


class HoursScreen(SummaryScreen):
    key = "hours"
    icon_name = "hours"

    def empty_texts(self) -> tuple[str, str, list[str], str | None]:
        return (
            self.tr("No service hours yet"),
            self.tr(
                "Check-ins and check-outs become service hours under your rules. Staff "
                "resolve missed check-outs, add supplemental entries with a reason, approve "
                "them, and see the sponsor's matching donation for approved hours."
            ),
            [
                self.tr("Run an activity with the check-in kiosk."),
                self.tr("Close the activity and resolve anyone still checked in."),
                self.tr("Review and approve the hours here."),
            ],
            None,
        )

    def build_content(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        heading = QLabel(self.tr("Service hours"))
        heading.setObjectName("screenHeading")
        layout.addWidget(heading)
        self.panel = SummaryPanel(self.tr("All activities"))
        layout.addWidget(self.panel)
        layout.addStretch(1)
        return box

    def load(self, session: Session) -> Any:
        from models import overview

        return overview.hours_summary(session)

    def show_data(self, data: Any) -> bool:
        summary: overview.HoursSummary = data
        self.panel.set_figures(
            [
                (self.tr("Attendances"), f"{summary.attendances:,}"),
                (self.tr("Approved hours"), format_minutes_as_hours(summary.approved_minutes)),
                (self.tr("Pending hours"), format_minutes_as_hours(summary.pending_minutes)),
                (self.tr("Entries to review"), f"{summary.pending_entries:,}"),
                (self.tr("Still checked in"), f"{summary.open_sessions:,}"),
            ]
        )
        return summary.attendances > 0 or summary.pending_entries > 0
