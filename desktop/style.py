"""The app's looks, from resources/styles/app.qss, worn by the widgets that need them.

The style sheet is not set on the application: an application-wide sheet makes Qt
draw every widget of every window through its style-sheet engine, which costs about
15 ms before the first frame and more on every screen built. Each look in app.qss is
named after an object name (``QLabel#screenHeading``); :func:`wear` gives a widget that
name and only the rules that mention it. The window background is a palette colour.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from models import resources

SHEET = "styles/app.qss"
# The main window's background (a palette colour, so children need no style sheet).
WINDOW_BACKGROUND = "#f6f8f7"

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_NAME = re.compile(r"#([A-Za-z_][\w-]*)")


def parse_looks(text: str) -> dict[str, str]:
    """Rules grouped by the object name in their selector: ``{name: "rules"}``.

    A rule whose selector names no object (``QLabel { … }``) belongs to no look; a
    selector list naming several objects goes to each of them.
    """
    looks: dict[str, list[str]] = {}
    for selector, body in _RULE.findall(_COMMENT.sub("", text)):
        selector = " ".join(selector.split())
        rule = f"{selector} {{ {' '.join(body.split())} }}"
        for name in dict.fromkeys(_NAME.findall(selector)):
            looks.setdefault(name, []).append(rule)
    return {name: "\n".join(rules) for name, rules in looks.items()}


@cache
def looks() -> dict[str, str]:
    """The looks shipped in resources/styles/app.qss (none if the file is missing)."""
    path = resources.path(SHEET)
    return parse_looks(path.read_text(encoding="utf-8")) if path.is_file() else {}


def wear(widget: QWidget, look: str) -> None:
    """Give ``widget`` the object name ``look`` and that look's rules from app.qss."""
    widget.setObjectName(look)
    sheet = looks().get(look)
    if sheet:
        widget.setStyleSheet(sheet)


def paint_window_background(window: QWidget) -> None:
    palette = window.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(WINDOW_BACKGROUND))
    window.setPalette(palette)
