"""What a screen is for and how to start, shown while it has nothing to list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop import style


class EmptyState(QWidget):
    actionTriggered = Signal()

    def __init__(
        self,
        heading: str,
        purpose: str,
        steps: list[str],
        *,
        icon: QIcon | None = None,
        action: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        outer = QHBoxLayout(self)
        column = QWidget()
        column.setMaximumWidth(760)
        outer.addStretch(1)
        outer.addWidget(column, 10)
        outer.addStretch(1)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(14)
        layout.addStretch(1)
        if icon is not None:
            picture = QLabel()
            picture.setPixmap(icon.pixmap(72, 72))
            picture.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(picture)
        self.heading = QLabel(heading)
        style.wear(self.heading, "emptyHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.purpose = QLabel(purpose)
        style.wear(self.purpose, "emptyPurpose")
        self.purpose.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.purpose.setWordWrap(True)
        layout.addWidget(self.purpose)
        self.steps = QLabel("".join(f"<p>{i}. {step}</p>" for i, step in enumerate(steps, 1)))
        style.wear(self.steps, "emptySteps")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setWordWrap(True)
        layout.addWidget(self.steps)
        self.button: QPushButton | None = None
        if action:
            self.button = QPushButton(action)
            style.wear(self.button, "primaryButton")
            self.button.clicked.connect(self.actionTriggered)
            button_row = QHBoxLayout()
            button_row.addStretch(1)
            button_row.addWidget(self.button)
            button_row.addStretch(1)
            layout.addLayout(button_row)
        layout.addStretch(2)

    def text(self) -> str:
        """Everything the user reads here (for tests and accessibility)."""
        return "\n".join([self.heading.text(), self.purpose.text(), self.steps.text()])
