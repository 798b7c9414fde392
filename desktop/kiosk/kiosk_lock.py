"""The kiosk lock: leaving the kiosk or closing the app from it needs the staff PIN."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop import messages
from desktop.i18n import user_message
from models import organisation
from models.db import Database
from models.errors import UserError


def ask_pin(parent: QWidget | None, database: Database, title: str) -> bool:
    """True when no PIN is set, or the right one was typed; says so when wrong."""
    try:
        with database.reading() as session:
            if not organisation.has_staff_pin(session):
                return True
        pin = messages.ask_text(
            parent, title, QCoreApplication.translate("KioskLock", "Staff PIN:"), secret=True
        )
        if pin is None:
            return False
        with database.reading() as session:
            if organisation.check_staff_pin(session, pin):
                return True
    except UserError as error:
        messages.error(parent, title, user_message(error))
        return False
    messages.error(
        parent,
        title,
        QCoreApplication.translate("KioskLock", "That PIN is not right. The kiosk stays locked."),
    )
    return False
