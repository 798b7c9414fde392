"""Messages to the user, through one replaceable service.

Widgets call ``messages.error(...)`` etc.; tests swap ``messages.service`` for a
recorder so no real modal dialog ever opens under pytest.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget

from desktop.i18n import user_message
from models.errors import UserError


class MessageService(Protocol):
    def information(self, parent: QWidget | None, title: str, text: str) -> None: ...
    def warning(self, parent: QWidget | None, title: str, text: str) -> None: ...
    def error(self, parent: QWidget | None, title: str, text: str) -> None: ...
    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool: ...
    def ask_text(
        self, parent: QWidget | None, title: str, label: str, *, secret: bool = False
    ) -> str | None: ...


class DialogService:
    """The real thing: Qt message boxes (loaded when first needed)."""

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(parent, title, text)

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, *, secret: bool = False
    ) -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        mode = QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal
        text, ok = QInputDialog.getText(parent, title, label, mode)
        return text if ok else None


service: MessageService = DialogService()


def information(parent: QWidget | None, title: str, text: str) -> None:
    service.information(parent, title, text)


def warning(parent: QWidget | None, title: str, text: str) -> None:
    service.warning(parent, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    service.error(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    return service.confirm(parent, title, text)


def ask_text(parent: QWidget | None, title: str, label: str, *, secret: bool = False) -> str | None:
    return service.ask_text(parent, title, label, secret=secret)


def show_user_error(parent: QWidget | None, title: str, exc: UserError) -> None:
    service.error(parent, title, user_message(exc))
