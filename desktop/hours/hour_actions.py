"""Shared by the hours panels: ask for the staff PIN, and write one change.

A write is one short transaction; a ``UserError`` is shown plainly and nothing
is saved.  The PIN is asked only when the organisation has one; the ``models``
function checks it (a wrong PIN is refused there, with nothing saved).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from desktop import messages
from desktop.context import AppContext
from desktop.i18n import user_message
from models.errors import UserError

NOT_DONE = object()


def ask_pin(parent: QWidget | None, context: AppContext, title: str) -> str | None:
    """The PIN typed by staff, '' when none is set, None when they cancelled."""
    from models import organisation

    try:
        with context.database.reading() as session:
            pin_set = organisation.has_staff_pin(session)
    except UserError as error:
        messages.error(parent, title, user_message(error))
        return None
    if not pin_set:
        return ""
    return messages.ask_text(
        parent,
        title,
        QCoreApplication.translate("HourActions", "Staff PIN (needed to approve or reject):"),
        secret=True,
    )


def apply_change(
    parent: QWidget | None, context: AppContext, title: str, change: Callable[[Session], Any]
) -> Any:
    """Run ``change`` in one transaction; its result, or ``NOT_DONE`` after an error."""
    try:
        with context.database.transaction() as session:
            return change(session)
    except UserError as error:
        messages.error(parent, title, user_message(error))
        return NOT_DONE
