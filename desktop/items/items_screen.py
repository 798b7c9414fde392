"""Items: the whole inventory, where every item is and what became of it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from desktop.labels import item_status_label
from desktop.summary_screen import SummaryScreen
from desktop.widgets.summary_panel import SummaryPanel
from models.money import format_fen
from models.schema.enums import ItemStatus

if TYPE_CHECKING:
    from models import overview


class ItemsScreen(SummaryScreen):
    key = "items"
    icon_name = "items"

    def empty_texts(self) -> tuple[str, str, list[str], str | None]:
        return (
            self.tr("No items yet"),
            self.tr(
                "This is the inventory of every donated item: find one by its code or by a "
                "search, see its history, and record sorting, shelving, sale, transfer or "
                "disposal. Scanning an item's label on any screen opens it here."
            ),
            [
                self.tr("Log a donation on the Intake screen."),
                self.tr("Stick the printed QR labels on the items."),
                self.tr("Scan a label to sort, shelve or sell the item."),
            ],
            None,
        )

    def build_content(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        heading = QLabel(self.tr("Inventory"))
        heading.setObjectName("screenHeading")
        layout.addWidget(heading)
        self.status_panel = SummaryPanel(self.tr("Items by status"))
        layout.addWidget(self.status_panel)
        self.store_panel = SummaryPanel(self.tr("Items by store"))
        layout.addWidget(self.store_panel)
        layout.addStretch(1)
        return box

    def load(self, session: Session) -> Any:
        from models import overview

        return overview.inventory_summary(session)

    def show_data(self, data: Any) -> bool:
        summary: overview.InventorySummary = data
        figures = [
            (item_status_label(status), f"{summary.by_status.get(status.value, 0):,}")
            for status in ItemStatus
        ]
        figures.append((self.tr("Estimated value"), format_fen(summary.estimated_value_fen)))
        self.status_panel.set_figures(figures)
        self.store_panel.set_figures([(code, f"{n:,}") for code, n in summary.by_store.items()])
        return summary.items > 0
