"""A small grid of labelled figures (e.g. '在架 1,204')."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop import style


class SummaryPanel(QFrame):
    COLUMNS = 4

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style.wear(self, "summaryPanel")
        outer = QVBoxLayout(self)
        self.title = QLabel(title)
        style.wear(self.title, "panelTitle")
        outer.addWidget(self.title)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(24)
        outer.addLayout(self._grid)
        self._values: dict[str, str] = {}

    def set_figures(self, figures: list[tuple[str, str]]) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._values = dict(figures)
        for index, (label, value) in enumerate(figures):
            number = QLabel(value)
            style.wear(number, "figureValue")
            number.setAlignment(Qt.AlignmentFlag.AlignLeft)
            caption = QLabel(label)
            style.wear(caption, "figureLabel")
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(number)
            box_layout.addWidget(caption)
            self._grid.addWidget(box, index // self.COLUMNS, index % self.COLUMNS)

    def figures(self) -> dict[str, str]:
        return dict(self._values)
