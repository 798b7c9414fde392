"""Errors by kind.

``UserError`` is something the environment or the user did (a locked or damaged
database, a bad file, a full disk): its message is shown plainly, in the user's
language.  ``Cancelled`` ends long work quietly.  Anything else is a bug and reaches
the crash dialog.

Messages are written in English and marked for translation with ``N_``; the GUI
translates them through Qt (context ``"models"``), the command line prints them
in the language chosen with ``--lang``.
"""

from __future__ import annotations

from typing import Any


def N_(text: str) -> str:
    """Mark a string for translation without translating it here."""
    return text


class UserError(Exception):
    """A problem the user can understand and act on.

    ``message`` is an English template marked with ``N_``; ``params`` fill its
    ``{name}`` fields after translation.
    """

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message.format(**params) if params else message)
        self.template = message
        self.params = params

    def render(self, translate: Any = None) -> str:
        template = translate(self.template) if translate else self.template
        return template.format(**self.params) if self.params else template


class DatabaseBusy(UserError):
    """Another program holds the database and did not let go in time."""


class DatabaseReadOnly(UserError):
    """The database file or its folder cannot be written."""


class DatabaseDamaged(UserError):
    """The file is not a usable Partner Desk database."""


class DatabaseTooNew(UserError):
    """The database was written by a newer release of Partner Desk."""


class DiskFull(UserError):
    """The disk filled up while writing."""


class AlreadyRunning(UserError):
    """Another Partner Desk window has this database open."""


class Cancelled(Exception):
    """Long work was cancelled by the user; not an error."""
