"""Keyboard-wedge scans are caught anywhere; people's typing is left alone."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
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


def send_key(target: QWidget, ch: str, pressed_ms: int) -> None:
    """A key as X delivers it: with the time it was pressed, and a press of Shift
    first for a capital or ':' (what a keyboard-wedge scanner does)."""
    shifted = ch.isupper() or ch == ":"
    modifiers = Qt.KeyboardModifier.ShiftModifier if shifted else Qt.KeyboardModifier.NoModifier
    keys = [(Qt.Key.Key_Shift, "")] if shifted else []
    keys.append((Qt.Key.Key_Return, "\r") if ch == "\n" else (Qt.Key(ord(ch.upper())), ch))
    for key, typed in keys:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, modifiers, typed)
            event.setTimestamp(pressed_ms)
            QApplication.sendEvent(target, event)


def test_a_burst_handled_late_is_still_one_scan_by_its_key_times(qtbot: QtBot) -> None:
    # The program was busy (a commit, a collection): the keys were handled 45 ms
    # apart, slower than anyone scans, but pressed 4 ms apart, which is what counts.
    _window, field, listener, seen = setup(qtbot)
    try:
        for index, ch in enumerate(PAYLOAD + "\n"):
            send_key(field, ch, 1_000_000 + 4 * index)
            time.sleep(0.045)  # busy: the event loop does not run meanwhile
        assert seen == [PAYLOAD]
        assert field.text() == ""
    finally:
        listener.remove()


def test_a_scanners_shift_presses_for_capitals_do_not_break_the_burst(qtbot: QtBot) -> None:
    _window, field, listener, seen = setup(qtbot)
    try:
        for index, ch in enumerate(PAYLOAD):  # no Enter: ends after the silence
            send_key(field, ch, 3_000_000 + 3 * index)
        qtbot.waitUntil(lambda: seen == [PAYLOAD], timeout=SILENCE_MS * 10)
        assert field.text() == ""
    finally:
        listener.remove()


def test_keys_pressed_a_person_apart_are_typed_however_fast_they_arrive(qtbot: QtBot) -> None:
    _window, field, listener, seen = setup(qtbot)
    try:
        # Even one of our codes, typed by hand: handled at once, pressed 150 ms apart.
        for index, ch in enumerate(PAYLOAD):
            send_key(field, ch, 2_000_000 + 150 * index)
        qtbot.waitUntil(lambda: field.text() == PAYLOAD, timeout=1000)
        assert seen == []
    finally:
        listener.remove()


def test_fast_typing_that_is_no_code_reaches_its_field_enter_and_all(qtbot: QtBot) -> None:
    # A path typed quickly into a file dialog, or a password manager's keystrokes.
    _window, field, listener, seen = setup(qtbot)
    entered: list[str] = []
    field.returnPressed.connect(lambda: entered.append(field.text()))
    try:
        for index, ch in enumerate("/tmp/exports\n"):
            send_key(field, ch, 4_000_000 + 3 * index)
        assert seen == []
        assert entered == ["/tmp/exports"]
    finally:
        listener.remove()
