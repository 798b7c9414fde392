"""The Qt binding must not lose references when signals carry Python objects.

PySide6 6.12.0 drops one reference to ``None`` per such emission; after a few
thousand scans at the kiosk (each answer is a signal carrying a dataclass) the
interpreter crashes. pyproject.toml excludes that release; this keeps it out.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    carried = Signal(object)


def test_emitting_python_objects_keeps_reference_counts(qtbot: QtBot) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.carried.connect(received.append)
    before = sys.getrefcount(None)
    for n in range(500):
        emitter.carried.emit((n, "scan"))
    lost = before - sys.getrefcount(None)
    assert len(received) == 500
    assert lost < 50, f"{lost} references to None lost in 500 emissions"
