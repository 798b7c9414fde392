"""Register the bundled CJK font so Chinese renders on machines without one."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from models import resources


def register_cjk_font() -> str | None:
    """Load the shipped TrueType collection; returns its family name (None on failure)."""
    font_id = QFontDatabase.addApplicationFont(str(resources.cjk_font_path()))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    return families[0]


def apply_app_font(app: QApplication, family: str) -> None:
    """Use the bundled family for the whole UI, keeping the platform's size."""
    font = QFont(app.font())
    font.setFamilies([family, *font.families()])
    app.setFont(font)
