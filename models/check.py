"""``partner-desk check``: is the database sound, and is its schema current?

When SQLite finds the file damaged (or cannot read it at all), the report names
the newest backup that passes its own check, to restore from.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from models.backup_rotation import BackupInfo, newest_good_backup
from models.db import Database, translate_db_errors
from models.errors import DatabaseDamaged
from models.migrate import SchemaState, schema_state


@dataclass(frozen=True)
class CheckReport:
    integrity: list[str]
    foreign_key_problems: int
    schema: SchemaState | None  # None: the file is too damaged to tell
    journal_mode: str | None
    # The newest good backup to restore from, looked for only when the file is damaged.
    restore_from: BackupInfo | None = None

    @property
    def damaged(self) -> bool:
        return self.integrity != ["ok"] or self.foreign_key_problems > 0

    @property
    def ok(self) -> bool:
        return not self.damaged and self.schema is not None and self.schema.status == "current"


def _reason(exc: DatabaseDamaged) -> str:
    """What SQLite said about the damage (the user-facing message if nothing else)."""
    cause = exc.__cause__
    return str(getattr(cause, "orig", None) or cause or exc)


def check_database(database: Database) -> CheckReport:
    """Integrity, broken links and schema state; a damaged file is reported, not raised.

    Busy, read-only or missing files still raise their ``UserError``.
    """
    schema: SchemaState | None = None
    unreadable: str | None = None
    try:
        # (schema_state connects before translating errors: translate them here too.)
        with translate_db_errors():
            schema = schema_state(database.engine)
    except DatabaseDamaged as exc:
        unreadable = _reason(exc)
    if database.engine.dialect.name != "sqlite":
        return CheckReport(["ok"], 0, schema, None)
    integrity: list[str] = [] if unreadable is None else [unreadable]
    broken = 0
    mode: str | None = None
    if unreadable is None:
        try:
            with translate_db_errors(), database.read_connection() as conn:
                integrity = [str(row[0]) for row in conn.execute(text("PRAGMA integrity_check"))]
                broken = len(conn.execute(text("PRAGMA foreign_key_check")).fetchall())
                value = conn.execute(text("PRAGMA journal_mode")).scalar()
                mode = None if value is None else str(value)
        except DatabaseDamaged as exc:
            integrity = [_reason(exc)]
    report = CheckReport(integrity, broken, schema, mode)
    path = database.path
    if report.damaged and path is not None:
        return CheckReport(integrity, broken, schema, mode, newest_good_backup(path))
    return report
