"""Schema migrations: scripts and models agree, old files upgrade safely, others are refused."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, inspect, select

from models import db as db_module
from models import migrate, organisation
from models.db import Database
from models.errors import DatabaseDamaged, DatabaseTooNew
from models.items import SQL_ONLY_TABLES, include_name
from models.migrate import SchemaStatus, schema_state
from models.schema import Base, ItemCategory, MatchingRate, Organisation, Store
from tests.conftest import SAMPLE_SETUP


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def revision_of(path: Path) -> str | None:
    raw = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        row = raw.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        raw.close()
    return None if row is None else str(row[0])


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    """A database made by the first release (schema 0001) with an organisation in it."""
    path = tmp_path / "old.sqlite3"
    database = Database.open(path)
    try:
        assert migrate.upgrade(database, "0001").after == "0001"
        with database.transaction() as session:
            organisation.set_up(session, SAMPLE_SETUP)
    finally:
        database.close()
    return path


# --- scripts ------------------------------------------------------------------------


def test_head_revision_matches_the_scripts() -> None:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())  # type: ignore[arg-type]
    assert scripts.get_heads() == [migrate.HEAD_REVISION]  # one head, no branches
    assert scripts.get_current_head() == migrate.HEAD_REVISION
    in_order = tuple(reversed([script.revision for script in scripts.walk_revisions()]))
    assert in_order == migrate.KNOWN_REVISIONS
    assert migrate.KNOWN_REVISIONS[-1] == migrate.HEAD_REVISION


def test_models_and_migrations_agree(database: Database) -> None:
    with database.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": include_name}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_every_table_exists_after_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    database = Database.open(path)
    try:
        result = migrate.upgrade(database)
        assert (result.before, result.after, result.backup) == (None, migrate.HEAD_REVISION, None)
        tables = set(inspect(database.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        # Besides Alembic's own table: the item search index (FTS5, raw SQL in 0003).
        extra = tables - set(Base.metadata.tables) - {"alembic_version"}
        assert extra <= SQL_ONLY_TABLES
        assert ("item_search" in extra) == (database.engine.dialect.name == "sqlite")
        assert schema_state(database.engine).status is SchemaStatus.CURRENT
    finally:
        database.close()
    assert not (tmp_path / "backups").exists()


def test_an_empty_file_upgrades_without_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.write_bytes(b"")
    database = Database.open(path)
    try:
        assert schema_state(database.engine).status is SchemaStatus.EMPTY
        result = migrate.upgrade(database)
        assert result.backup is None
        assert result.before is None
        assert schema_state(database.engine).status is SchemaStatus.CURRENT
    finally:
        database.close()
    assert revision_of(path) == migrate.HEAD_REVISION
    assert not (tmp_path / "backups").exists()


# --- upgrading an old file ----------------------------------------------------------


def test_old_database_upgrades_with_its_data_and_a_backup_first(old_db: Path) -> None:
    database = Database.open(old_db)
    try:
        state = schema_state(database.engine)
        assert (state.status, state.revision) == (SchemaStatus.BEHIND, "0001")
        result = migrate.upgrade(database)
        assert (result.before, result.after) == ("0001", migrate.HEAD_REVISION)
        assert schema_state(database.engine).status is SchemaStatus.CURRENT
        with database.reading() as session:
            org = session.scalars(select(Organisation)).one()
            assert (org.code, org.name) == ("GREEN", SAMPLE_SETUP.name)
            assert list(session.scalars(select(Store.code).order_by(Store.code))) == [
                "S01",
                "S02",
            ]
            assert session.scalar(select(func.count(ItemCategory.id))) == 36
            assert session.scalars(select(MatchingRate.fen_per_hour)).one() == 100_00
        assert set(Base.metadata.tables) <= set(inspect(database.engine).get_table_names())
    finally:
        database.close()

    backup = result.backup
    assert backup is not None
    assert backup.exists()
    assert backup.parent == old_db.parent / "backups"
    assert backup.name.startswith(f"old-before-{migrate.HEAD_REVISION}-")
    assert backup.suffix == ".sqlite3"
    # The backup is the file as it was: schema 0001, same organisation.
    assert revision_of(backup) == "0001"
    raw = sqlite3.connect(backup)
    try:
        assert raw.execute("SELECT code FROM organisation").fetchall() == [("GREEN",)]
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
        assert "partner" not in tables  # added by 0002
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        raw.close()


def test_upgrade_can_skip_the_backup(old_db: Path) -> None:
    database = Database.open(old_db)
    try:
        result = migrate.upgrade(database, backup=False)
    finally:
        database.close()
    assert result.backup is None
    assert revision_of(old_db) == migrate.HEAD_REVISION
    assert not (old_db.parent / "backups").exists()


def test_upgrading_a_current_database_is_a_no_op(db_path: Path) -> None:
    before = digest(db_path)
    database = Database.open(db_path)
    try:
        result = migrate.upgrade(database)
    finally:
        database.close()
    assert result == migrate.MigrationResult(migrate.HEAD_REVISION, migrate.HEAD_REVISION, None)
    assert digest(db_path) == before
    assert not (db_path.parent / "backups").exists()


# --- refusing files -----------------------------------------------------------------


def test_database_from_a_newer_release_is_refused_and_unchanged(db_path: Path) -> None:
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE alembic_version SET version_num = '9999'")
    raw.commit()
    raw.close()
    before = digest(db_path)
    files_before = sorted(p.name for p in db_path.parent.iterdir())

    database = Database.open(db_path)
    try:
        state = schema_state(database.engine)
        assert (state.status, state.revision) == (SchemaStatus.NEWER, "9999")
        with pytest.raises(DatabaseTooNew) as caught:
            migrate.upgrade(database)
    finally:
        database.close()
    assert str(caught.value) == (
        "This database was written by a newer version of Partner Desk (schema 9999). "
        "Install the newer version to open it; the file was not changed."
    )
    assert digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == files_before


def _foreign_db(path: Path, journal_mode: str) -> None:
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA journal_mode = {journal_mode}")
    raw.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    raw.execute("INSERT INTO notes (body) VALUES ('shopping list')")
    raw.commit()
    raw.close()


@pytest.mark.parametrize(
    "journal_mode",
    [
        "wal",
        pytest.param(
            "delete",
        ),
    ],
)
def test_foreign_database_is_refused_and_unchanged(tmp_path: Path, journal_mode: str) -> None:
    path = tmp_path / "notes.sqlite3"
    _foreign_db(path, journal_mode)
    before = digest(path)
    database = Database.open(path)
    try:
        assert schema_state(database.engine).status is SchemaStatus.FOREIGN
        with pytest.raises(DatabaseDamaged) as caught:
            migrate.upgrade(database)
    finally:
        database.close()
    assert str(caught.value) == (
        "This file is a database, but not a Partner Desk one. Choose another file; "
        "it was not changed."
    )
    assert not (tmp_path / "backups").exists()
    assert digest(path) == before


def test_a_database_in_a_folder_with_a_hash_upgrades(tmp_path: Path) -> None:
    path = tmp_path / "NGO #2" / "desk.sqlite3"
    database = Database.open(path)
    try:
        migrate.upgrade(database)
    finally:
        database.close()
    assert revision_of(path) == migrate.HEAD_REVISION


def test_schema_state_does_not_wait_for_a_writer(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 200)
    other = Database.open(database.path)
    try:
        with database.transaction() as session:
            session.add(Store(code="S01", name="being written"))
            session.flush()
            started = time.monotonic()
            assert schema_state(other.engine).status is SchemaStatus.CURRENT
            assert time.monotonic() - started < 1.0
    finally:
        other.close()
