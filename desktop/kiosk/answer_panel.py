"""The big answer a volunteer sees after every scan, held for a moment.

Green for a check-in, blue for a check-out, amber for "already scanned", red for a
refusal. After ``hold_ms`` the panel returns to its invitation to scan; a new
answer replaces the current one at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

HOLD_MS = 3500
ERROR_HOLD_MS = 5000


class Tone(StrEnum):
    IDLE = "idle"
    CHECK_IN = "check_in"
    CHECK_OUT = "check_out"
    DUPLICATE = "duplicate"
    ERROR = "error"


COLOURS = {
    Tone.IDLE: ("#f4f7f5", "#1f3b2f"),
    Tone.CHECK_IN: ("#2e7d32", "#ffffff"),
    Tone.CHECK_OUT: ("#1565c0", "#ffffff"),
    Tone.DUPLICATE: ("#f9a825", "#1a1a1a"),
    Tone.ERROR: ("#c62828", "#ffffff"),
}


@dataclass(frozen=True)
class Answer:
    tone: Tone
    headline: str
    name: str = ""
    detail: str = ""
    warning: str = ""


class AnswerPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskAnswer")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addStretch(1)
        self.headline = self._label(44, bold=True)
        self.name = self._label(34, bold=True)
        self.detail = self._label(20)
        self.warning = self._label(18)
        for label in (self.headline, self.name, self.detail, self.warning):
            layout.addWidget(label)
        layout.addStretch(1)
        self._idle = Answer(Tone.IDLE, "")
        self.current = self._idle
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.reset)

    def _label(self, point_size: int, *, bold: bool = False) -> QLabel:
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        font = label.font()
        font.setPointSize(point_size)
        font.setBold(bold)
        label.setFont(font)
        return label

    def set_idle(self, answer: Answer) -> None:
        """What the panel says between scans (e.g. "Show your QR badge")."""
        self._idle = answer
        if not self._timer.isActive():
            self._show(answer)

    def show_answer(self, answer: Answer) -> None:
        self._show(answer)
        self._timer.start(ERROR_HOLD_MS if answer.tone is Tone.ERROR else HOLD_MS)

    def reset(self) -> None:
        self._timer.stop()
        self._show(self._idle)

    def _show(self, answer: Answer) -> None:
        self.current = answer
        background, foreground = COLOURS[answer.tone]
        # A palette change repaints only this panel (a style sheet would re-polish it).
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(background))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(foreground))
        self.setPalette(palette)
        for label in (self.headline, self.name, self.detail, self.warning):
            label.setPalette(palette)
        for label, text in (
            (self.headline, answer.headline),
            (self.name, answer.name),
            (self.detail, answer.detail),
            (self.warning, answer.warning),
        ):
            label.setText(text)
            label.setVisible(bool(text))

    def text(self) -> str:
        """Everything the panel says now, one line per part (for tests and logs)."""
        parts = (self.headline, self.name, self.detail, self.warning)
        return "\n".join(label.text() for label in parts if label.text())
