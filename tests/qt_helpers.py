"""Helpers for GUI tests."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

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


def scanner_keys(qtbot: QtBot, target: QWidget, text: str) -> None:
    """Type ``text`` at scanner speed (keys well under SCAN_KEY_GAP_S apart).

    The cyclic collector is paused meanwhile: late in a full test run this process
    holds a large heap, and one full collection between two keys takes longer than
    the gap that tells a scanner from a person.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        qtbot.keyClicks(target, text)
    finally:
        if paused:
            gc.enable()
