"""Icons shipped in resources/icons (SVG)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from models import resources


@cache
def icon(name: str) -> QIcon:
    if not name:
        return QIcon()
    return QIcon(str(resources.path(f"icons/{name}.svg")))


def app_icon() -> QIcon:
    return icon("app")


SIDEBAR = "#d8efe4"
ACCENT = "#2e7d5b"


@cache
def tinted(name: str, color: str, size: int = 96) -> QIcon:
    """The icon drawn in one colour (light on the dark sidebar, green on pages)."""
    source = icon(name).pixmap(size, size)
    if source.isNull():
        return QIcon()
    result = QPixmap(source.size())
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    painter.drawPixmap(0, 0, source)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(result.rect(), QColor(color))
    painter.end()
    return QIcon(result)
