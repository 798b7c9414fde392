"""``partner-desk check``: is the database sound, and is its schema current?"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from models.db import Database, translate_db_errors
from models.migrate import SchemaState, schema_state


@dataclass(frozen=True)
class CheckReport:
    integrity: list[str]
    foreign_key_problems: int
    schema: SchemaState
    journal_mode: str | None

    @property
    def ok(self) -> bool:
        return (
            self.integrity == ["ok"]
            and self.foreign_key_problems == 0
            and self.schema.status == "current"
        )


def check_database(database: Database) -> CheckReport:
    with translate_db_errors():
        state = schema_state(database.engine)
        if database.engine.dialect.name != "sqlite":
            return CheckReport(["ok"], 0, state, None)
        with database.read_connection() as conn:
            integrity = [str(row[0]) for row in conn.execute(text("PRAGMA integrity_check"))]
            broken = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
            mode = conn.execute(text("PRAGMA journal_mode")).scalar()
    return CheckReport(integrity, len(broken), state, None if mode is None else str(mode))
