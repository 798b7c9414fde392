"""Bring a database to the current schema, safely.

At start-up: if the file is behind, copy it to a timestamped backup, then run
the Alembic migrations shipped in ``models/migrations``.  A database written
by a newer release is refused with a clear message and left untouched.

Reading the state needs no Alembic import (start-up stays fast); the head
revision is kept in ``HEAD_REVISION`` and a test holds it equal to the scripts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from models.db import READ_ONLY_OPTION, Database, enable_wal, translate_db_errors
from models.errors import N_, DatabaseDamaged, DatabaseTooNew

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Newest revision in models/migrations/versions (tests/test_migrations.py checks it).
HEAD_REVISION = "0003"
KNOWN_REVISIONS = ("0001", "0002", "0003")


class SchemaStatus(StrEnum):
    EMPTY = "empty"
    BEHIND = "behind"
    CURRENT = "current"
    NEWER = "newer"
    FOREIGN = "foreign"


@dataclass(frozen=True)
class SchemaState:
    status: SchemaStatus
    revision: str | None
    head: str = HEAD_REVISION


@dataclass(frozen=True)
class MigrationResult:
    before: str | None
    after: str
    backup: Path | None


def schema_state(engine: Engine) -> SchemaState:
    # A pure read: deferred BEGIN, so it never queues behind another desk's write.
    # Connecting is inside the translation too: a read-only folder or a file that is
    # not a database fails right there.
    with (
        translate_db_errors(),
        engine.connect().execution_options(**{READ_ONLY_OPTION: True}) as conn,
    ):
        tables = set(inspect(conn).get_table_names())
        if "alembic_version" not in tables:
            status = SchemaStatus.FOREIGN if tables else SchemaStatus.EMPTY
            return SchemaState(status, None)
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if revision is None:
        return SchemaState(SchemaStatus.EMPTY, None)
    if revision == HEAD_REVISION:
        return SchemaState(SchemaStatus.CURRENT, revision)
    if revision in KNOWN_REVISIONS:
        return SchemaState(SchemaStatus.BEHIND, revision)
    return SchemaState(SchemaStatus.NEWER, revision)


def alembic_config(engine: Engine | None = None) -> object:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    # No sqlalchemy.url: env.py runs on the connection handed over in attributes
    # (a URL in Alembic's ConfigParser would choke on '%' in a folder name).
    return config


def _run_upgrade(engine: Engine, target: str) -> None:
    from alembic import command

    config = alembic_config(engine)
    with engine.connect() as conn:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            # Batch migrations rebuild tables; foreign keys are checked after.
            conn.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                config.attributes["connection"] = conn  # type: ignore[attr-defined]
                command.upgrade(config, target)  # type: ignore[arg-type]
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise DatabaseDamaged(
                            N_(
                                "The database has broken links between records ({count}). "
                                "Restore it from a backup (File → Restore from a backup)."
                            ),
                            count=len(broken),
                        )
        finally:
            if sqlite:
                conn.connection.driver_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]


def upgrade(database: Database, target: str = "head", *, backup: bool = True) -> MigrationResult:
    """Upgrade ``database`` to ``target``; back the file up first if it holds data."""
    state = schema_state(database.engine)
    if state.status is SchemaStatus.NEWER:
        raise DatabaseTooNew(
            N_(
                "This database was written by a newer version of Partner Desk "
                "(schema {revision}). Install the newer version to open it; "
                "the file was not changed."
            ),
            revision=state.revision or "?",
        )
    if state.status is SchemaStatus.FOREIGN:
        raise DatabaseDamaged(
            N_(
                "This file is a database, but not a Partner Desk one. "
                "Choose another file; it was not changed."
            )
        )
    enable_wal(database.engine)
    wanted = HEAD_REVISION if target == "head" else target
    if state.revision == wanted:
        return MigrationResult(state.revision, wanted, None)
    with translate_db_errors():
        return _upgrade_from(database, state, wanted, backup=backup)


def _upgrade_from(
    database: Database, state: SchemaState, wanted: str, *, backup: bool
) -> MigrationResult:
    backup_path: Path | None = None
    db_file = database.path
    if backup and state.status is SchemaStatus.BEHIND and db_file is not None:
        # Imported here: a database that is up to date (every normal start) never needs it.
        from models.backup import backup_sqlite, backups_dir, timestamped_name, unused_path

        name = timestamped_name(db_file, f"before-{wanted}")
        backup_path = backup_sqlite(db_file, unused_path(backups_dir(db_file) / name)).path
    _run_upgrade(database.engine, wanted)
    return MigrationResult(state.revision, wanted, backup_path)
