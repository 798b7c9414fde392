"""Who this database belongs to, read cheaply at start-up.

Plain SQL, so that opening the main window does not have to load the whole ORM
schema first (the screens load it in the background).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from models.db import Database, translate_db_errors


@dataclass(frozen=True)
class Identity:
    code: str
    name: str
    time_zone: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})"


def read_identity(database: Database) -> Identity | None:
    """The organisation's code, name and zone; None before first-run set-up."""
    with translate_db_errors(), database.engine.connect() as conn:
        row = conn.execute(text("SELECT code, name, time_zone FROM organisation LIMIT 1")).first()
    if row is None:
        return None
    return Identity(str(row[0]), str(row[1]), str(row[2]))
