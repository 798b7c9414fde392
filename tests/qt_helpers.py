"""Helpers for GUI tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QApplication

from desktop import fonts, i18n


@contextmanager
def language(app: QApplication, code: str) -> Iterator[str]:
    """Install the bundled font and the translators for ``code`` for one test."""
    family = fonts.register_cjk_font()
    if family:
        fonts.apply_app_font(app, family)
    chosen = i18n.install(app, code)
    try:
        yield chosen
    finally:
        i18n.install(app, "en")


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)
