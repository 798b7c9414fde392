"""Volunteers: the people who come to activities, and their QR badges."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from desktop.summary_screen import SummaryScreen
from desktop.widgets.summary_panel import SummaryPanel

if TYPE_CHECKING:
    from models import overview


class VolunteersScreen(SummaryScreen):
    key = "volunteers"
    icon_name = "volunteers"

    def empty_texts(self) -> tuple[str, str, list[str], str | None]:
        return (
            self.tr("No volunteers yet"),
            self.tr(
                "Keep the register of volunteers (with their consent to keep their data), "
                "print their signed QR badges, and merge duplicates without losing history."
            ),
            [
                self.tr("Add volunteers one by one, or import a sign-up list (CSV or Excel)."),
                self.tr("Print badges on cards or A4 sheets."),
                self.tr("Volunteers show their badge at the check-in kiosk."),
            ],
            None,
        )

    def build_content(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        heading = QLabel(self.tr("Volunteer register"))
        heading.setObjectName("screenHeading")
        layout.addWidget(heading)
        self.panel = SummaryPanel(self.tr("People"))
        layout.addWidget(self.panel)
        layout.addStretch(1)
        return box

    def load(self, session: Session) -> Any:
        from models import overview

        return overview.people_summary(session)

    def show_data(self, data: Any) -> bool:
        summary: overview.PeopleSummary = data
        self.panel.set_figures(
            [
                (self.tr("Volunteers"), f"{summary.volunteers:,}"),
                (self.tr("Active"), f"{summary.active:,}"),
                (self.tr("With a valid badge"), f"{summary.with_badge:,}"),
                (self.tr("Consent recorded"), f"{summary.with_consent:,}"),
            ]
        )
        return summary.volunteers > 0
