"""Donation intake: log what arrives, print labels, thank the donor."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from desktop.summary_screen import SummaryScreen
from desktop.widgets.summary_panel import SummaryPanel
from models.money import format_fen

if TYPE_CHECKING:
    from models import overview


class IntakeScreen(SummaryScreen):
    key = "intake"
    icon_name = "intake"

    def empty_texts(self) -> tuple[str, str, list[str], str | None]:
        return (
            self.tr("Log donated items"),
            self.tr(
                "Record every donation as it arrives: who gave it, which store received it, "
                "and each item's category, condition and estimated value. Every item gets "
                "a QR label so it can be followed until it is sold, passed on or recycled."
            ),
            [
                self.tr("Check your stores and item categories in Settings."),
                self.tr("Find the donor by name or phone, or add them (or choose anonymous)."),
                self.tr("Add one line per item, then Save, or Save and print labels."),
            ],
            self.tr("Open Settings"),
        )

    def build_content(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.heading = QLabel(self.tr("Donations received so far"))
        self.heading.setObjectName("screenHeading")
        layout.addWidget(self.heading)
        self.panel = SummaryPanel(self.tr("All stores"))
        layout.addWidget(self.panel)
        layout.addStretch(1)
        return box

    def load(self, session: Session) -> Any:
        from models import overview

        return overview.inventory_summary(session)

    def show_data(self, data: Any) -> bool:
        summary: overview.InventorySummary = data
        self.panel.set_figures(
            [
                (self.tr("Donations (batches)"), f"{summary.batches:,}"),
                (self.tr("Items"), f"{summary.items:,}"),
                (self.tr("Donors"), f"{summary.donors:,}"),
                (self.tr("Estimated value"), format_fen(summary.estimated_value_fen)),
            ]
        )
        return summary.items > 0

    def on_empty_action(self) -> None:
        window = self.window()
        navigate = getattr(window, "navigate", None)
        if callable(navigate):
            navigate("settings")
