"""Icons shipped in resources/icons (SVG)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from models import resources


@cache
def icon(name: str) -> QIcon:
    if not name:
        return QIcon()
    return QIcon(str(resources.path(f"icons/{name}.svg")))


def app_icon() -> QIcon:
    return icon("app")
