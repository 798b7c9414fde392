"""Scans from keyboard-wedge USB scanners, wherever the focus is.

A scanner "types" its payload much faster than a person (a few ms per key) and
usually ends with Enter. This filter holds back key presses that could be the
start of a scan for a moment; if more keys follow at scanner speed and the burst
reads as one of our codes (at the kiosk: anything), it is taken as one scan and
never reaches the focused widget. Otherwise the held keys are handed on unchanged,
so people can type as usual (a delay of a few tens of milliseconds nobody
notices). A burst without Enter ends after a short silence.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from models import codes

# Longest pause between two keys of one scan (scanners: 1-15 ms; people: > 60 ms).
SCAN_KEY_GAP_S = 0.035
# A scan has at least this many characters.
MIN_SCAN_LENGTH = 4
# Silence that ends a scan sent without Enter.
SILENCE_MS = 80
TERMINATORS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
# Keys a scanner presses between the characters (Shift for capitals and ':'); they
# pass on untouched and neither end nor break a burst.
PASSING = (Qt.Key.Key_Shift, Qt.Key.Key_CapsLock)


@dataclass
class _Held:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class ScanListener(QObject):
    """Install on the application; emits ``scanned(text)`` for each scan."""

    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True
        # At the kiosk any burst typed at scanner speed is a scan, even a plain
        # roster id from a scanner set to send no Enter.
        self.accept_any_burst = False
        self._held: list[_Held] = []
        self._last = 0.0  # when the last held key was pressed (seconds)
        self._stamped = False  # ... by the window system's clock, not ours
        self._replaying = False
        self._watched: QWidget | None = None
        self._target: QWidget | None = None
        self._window = parent if isinstance(parent, QWidget) else None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._silence)

    def install(self) -> None:
        """Watch whichever widget has the keyboard focus (and only that one).

        An application-wide filter would run Python for every Qt event; following
        the focus keeps the cost to the events of one widget.
        """
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        app.focusChanged.connect(self._focus_changed)
        focused = QApplication.focusWidget()
        self._watch(focused if self._owns(focused) else None)
        # With nothing focused, keys go to the window itself.
        if self._window is not None:
            self._window.installEventFilter(self)

    def remove(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            try:
                app.focusChanged.disconnect(self._focus_changed)
            except (RuntimeError, TypeError):
                pass
        self._watch(None)
        if self._window is not None and isValid(self._window):
            self._window.removeEventFilter(self)
        self._replay()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._watch(new if self._owns(new) else None)

    def _owns(self, widget: QWidget | None) -> bool:
        """Is ``widget`` in our window or a dialog of it (not another top-level window)?"""
        if self._window is None:
            return True
        while widget is not None:
            if widget is self._window:
                return True
            widget = widget.parentWidget()
        return False

    def _watch(self, widget: QWidget | None) -> None:
        old = self._watched
        if old is not None and isValid(old):
            old.removeEventFilter(self)
        self._watched = widget
        if widget is not None:
            widget.installEventFilter(self)

    # --- the filter ---------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or not self.enabled or event.type() != QEvent.Type.KeyPress:
            return False
        target = self._watched if QApplication.focusWidget() is not None else self._window
        if watched is not target:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() in PASSING:
            return False
        # When the key was pressed, by the window system's clock where it gives one:
        # a busy moment of this program (a commit, a collection) delays handling the
        # keys but not their own times, so a scan still reads as one burst.
        stamp = event.timestamp()
        now = stamp / 1000 if stamp else time.monotonic()
        fast = (
            bool(self._held)
            and bool(stamp) == self._stamped
            and 0 <= now - self._last <= SCAN_KEY_GAP_S
        )
        if event.key() in TERMINATORS:
            if fast and self._is_scan():
                self._emit()
                return True
            # Fast typing that is no code of ours (a path typed quickly in a file
            # dialog, a password manager) reaches its field, Enter and all.
            self._replay()
            return False
        text = event.text()
        plain = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if len(text) != 1 or not text.isprintable() or plain:
            self._replay()
            return False
        if self._held and not fast:
            self._replay()
        if not self._held:
            # Held keys go back to the widget they were typed into.
            self._target = watched if isinstance(watched, QWidget) else None
        self._held.append(_Held(event.key(), event.modifiers(), text))
        self._last, self._stamped = now, bool(stamp)
        self._timer.start(SILENCE_MS if len(self._held) >= MIN_SCAN_LENGTH else 40)
        return True

    # --- outcomes ---------------------------------------------------------------
    def _is_scan(self) -> bool:
        """The held burst is long enough and one of our codes (at the kiosk: anything)."""
        if len(self._held) < MIN_SCAN_LENGTH:
            return False
        if self.accept_any_burst:
            return True
        parsed = codes.parse(self.pending())
        return isinstance(parsed, codes.ItemLabel | codes.BadgeCode | codes.Malformed)

    def _silence(self) -> None:
        if self._is_scan():
            self._emit()
        else:
            self._replay()

    def _emit(self) -> None:
        self._timer.stop()
        text = "".join(h.text for h in self._held)
        self._held.clear()
        self.scanned.emit(text)

    def _replay(self) -> None:
        """Hand held keys on to whatever has the focus now, as if never held."""
        self._timer.stop()
        held, self._held = self._held, []
        if not held:
            return
        target = self._target if self._target is not None and isValid(self._target) else None
        if target is None or target is self._window:
            # Typed with nothing focused: hand them to whatever has the focus now.
            target = QApplication.focusWidget()
        if target is None:
            return
        self._replaying = True
        try:
            for h in held:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(target, QKeyEvent(kind, h.key, h.modifiers, h.text))
        finally:
            self._replaying = False

    def pending(self) -> str:
        return "".join(h.text for h in self._held)
