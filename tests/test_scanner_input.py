"""Keyboard-wedge scans are caught anywhere; people's typing is left alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop.widgets.scanner_input import SILENCE_MS, ScanListener
from tests.qt_helpers import scanner_keys

PAYLOAD = "PDI:GREEN:S01-26-000123"


def setup(qtbot: QtBot) -> tuple[QWidget, QLineEdit, ScanListener, list[str]]:
    window = QWidget()
    layout = QVBoxLayout(window)
    field = QLineEdit()
    layout.addWidget(field)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    listener = ScanListener(window)
    listener.install()
    seen: list[str] = []
    listener.scanned.connect(seen.append)
    return window, field, listener, seen


def test_a_fast_burst_with_enter_is_one_scan_and_not_typed(qtbot: QtBot) -> None:
    _window, field, listener, seen = setup(qtbot)
    try:
        scanner_keys(qtbot, field, PAYLOAD)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert seen == [PAYLOAD]
        assert field.text() == ""
    finally:
        listener.remove()


def test_a_scanner_without_enter_ends_after_silence(qtbot: QtBot) -> None:
    _window, field, listener, seen = setup(qtbot)
    try:
        scanner_keys(qtbot, field, PAYLOAD.lower())
        qtbot.waitUntil(lambda: seen == [PAYLOAD.lower()], timeout=SILENCE_MS * 10)
        assert field.text() == ""
    finally:
        listener.remove()


def test_a_person_typing_reaches_the_field_unchanged(qtbot: QtBot) -> None:
    _window, field, listener, seen = setup(qtbot)
    try:
        for ch in "Hello":
            qtbot.keyClick(field, ch)
            qtbot.wait(70)
        qtbot.waitUntil(lambda: field.text() == "Hello", timeout=1000)
        assert seen == []
    finally:
        listener.remove()


def test_fast_text_that_is_not_a_code_is_typed_after_the_pause(qtbot: QtBot) -> None:
    _window, field, listener, seen = setup(qtbot)
    try:
        qtbot.keyClicks(field, "ab")  # paste-speed but short and not ours
        qtbot.waitUntil(lambda: field.text() == "ab", timeout=1000)
        assert seen == []
        qtbot.keyClicks(field, "hello world")
        qtbot.waitUntil(lambda: field.text() == "abhello world", timeout=1000)
        assert seen == []
    finally:
        listener.remove()


def test_a_scan_with_nothing_focused_still_arrives(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    listener = ScanListener(window)
    listener.install()
    seen: list[str] = []
    listener.scanned.connect(seen.append)
    try:
        scanner_keys(qtbot, window, PAYLOAD)
        qtbot.keyClick(window, Qt.Key.Key_Return)
        assert seen == [PAYLOAD]
    finally:
        listener.remove()
