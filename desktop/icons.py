"""Icons shipped in resources/icons.

The SVGs are the source. The window icon and the sidebar's light icons are also
shipped as PNGs drawn from them by packaging/make_icons.py (a test keeps them in
step): they are needed before the first frame, and drawing SVGs there would load
Qt's SVG plug-in and render nine pictures on every start.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from models import resources

SIDEBAR = "#d8efe4"
ACCENT = "#2e7d5b"
# Pixel sizes of the shipped window icon (resources/icons/app-<N>.png).
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The sidebar shows its icons at 24 px; they are drawn at 48 (sharp on 2× screens).
SIDEBAR_PIXELS = 48


@cache
def icon(name: str) -> QIcon:
    if not name:
        return QIcon()
    return QIcon(str(resources.path(f"icons/{name}.svg")))


@cache
def app_icon() -> QIcon:
    result = QIcon()
    for size in APP_ICON_SIZES:
        result.addFile(str(resources.path(f"icons/app-{size}.png")))
    return result


def sidebar_icon_path(name: str) -> str:
    return str(resources.path(f"icons/sidebar-{name}.png"))


@cache
def sidebar(name: str) -> QIcon:
    """``name`` in the sidebar's light colour, from its shipped PNG."""
    return QIcon(sidebar_icon_path(name))


@cache
def tinted(name: str, color: str, size: int = 96) -> QIcon:
    """The icon drawn in one colour (light on the dark sidebar, green on pages)."""
    return QIcon(tinted_pixmap(name, color, size))


def tinted_pixmap(name: str, color: str, size: int) -> QPixmap:
    source = icon(name).pixmap(size, size)
    if source.isNull():
        return source
    result = QPixmap(source.size())
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    painter.drawPixmap(0, 0, source)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(result.rect(), QColor(color))
    painter.end()
    return result
