"""Per-user preferences kept in QSettings, each key declared once with type and default.

Organisation-wide settings (hour rules, kiosk options) live in the database
(``models.settings``); this is only what belongs to one person on one computer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

T = TypeVar("T")

ORGANISATION = "PartnerDesk"
APPLICATION = "PartnerDesk"


@dataclass(frozen=True)
class Key(Generic[T]):
    name: str
    default: T
    kind: type


LANGUAGE = Key[str]("ui/language", "zh_CN", str)
LAST_DATABASE = Key[str]("db/last", "", str)
STAFF_NAME = Key[str]("ui/staff_name", "", str)
LAST_SCREEN = Key[str]("ui/last_screen", "intake", str)
# This computer's name in scan events (several kiosks at one activity merge later).
KIOSK_DEVICE = Key[str]("kiosk/device", "", str)
KIOSK_MODE = Key[str]("kiosk/mode", "both", str)
KIOSK_SOUND = Key[bool]("kiosk/sound", True, bool)
KIOSK_CAMERA = Key[str]("kiosk/camera", "", str)


def store() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def get(key: Key[T]) -> T:
    value = store().value(key.name, key.default)
    if value is None:
        return key.default
    try:
        if key.kind is bool and isinstance(value, str):
            return value.lower() in {"1", "true", "yes"}  # type: ignore[return-value]
        return key.kind(value)  # type: ignore[no-any-return]
    except (TypeError, ValueError):
        return key.default


def put(key: Key[T], value: T) -> None:
    store().setValue(key.name, value)


def save_geometry(widget: QWidget, name: str) -> None:
    settings = store()
    settings.setValue(f"geometry/{name}", widget.saveGeometry())
    state = getattr(widget, "saveState", None)
    if callable(state):
        settings.setValue(f"state/{name}", state())


def restore_geometry(widget: QWidget, name: str) -> bool:
    settings = store()
    geometry = settings.value(f"geometry/{name}")
    restored = isinstance(geometry, QByteArray | bytes) and widget.restoreGeometry(geometry)
    state = settings.value(f"state/{name}")
    restore_state = getattr(widget, "restoreState", None)
    if callable(restore_state) and isinstance(state, QByteArray | bytes):
        restore_state(state)
    return bool(restored)


def kiosk_device() -> str:
    """This computer's kiosk name, made once from the host name and kept."""
    name = get(KIOSK_DEVICE)
    if not name:
        import secrets
        import socket

        host = "".join(ch for ch in socket.gethostname() if ch.isalnum() or ch == "-")[:40]
        name = f"{host or 'desk'}-{secrets.token_hex(2)}"
        put(KIOSK_DEVICE, name)
    return name
