"""Engine, connections and sessions (models.db) on real SQLite files."""

from __future__ import annotations

import os
import sqlite3
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from models import db as db_module
from models import migrate
from models.db import Database, classify_db_error, normalise_url, sqlite_path, translate_db_errors
from models.errors import DatabaseBusy, DatabaseDamaged, DatabaseReadOnly, DiskFull, UserError
from models.schema import AuditEntry, Item, ItemCategory, Store
from models.schema.enums import Grade


def count(database: Database, model: type) -> int:
    with database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def store_codes(database: Database) -> list[str]:
    with database.reading() as session:
        return list(session.scalars(select(Store.code).order_by(Store.code)))


def pragmas(conn: Connection) -> dict[str, object]:
    return {
        name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
        for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
    }


EXPECTED_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,
    "foreign_keys": 1,
    "busy_timeout": 5000,
}


# --- connections -----------------------------------------------------------------


def test_pragmas_are_set_on_every_new_connection(database: Database) -> None:
    with database.engine.connect() as first:
        assert pragmas(first) == EXPECTED_PRAGMAS
        first.rollback()
        # ``first`` is still checked out, so the pool has to open a second connection.
        with database.engine.connect() as second:
            assert second.connection.driver_connection is not first.connection.driver_connection
            assert pragmas(second) == EXPECTED_PRAGMAS
    database.engine.dispose()
    with database.engine.connect() as after_dispose:
        assert pragmas(after_dispose) == EXPECTED_PRAGMAS


def test_a_new_file_is_switched_to_wal(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite3"
    database = Database.open(path)
    try:
        # Opening alone changes nothing; the switch comes once the file is known
        # to be ours (or empty), when the schema is brought up to date.
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        migrate.upgrade(database)
    finally:
        database.close()
    raw = sqlite3.connect(path)
    try:
        # journal_mode=WAL is persistent: a plain connection sees it too.
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        raw.close()


def test_foreign_keys_are_enforced_and_nothing_is_written(org_database: Database) -> None:
    with org_database.reading() as session:
        store_id = session.scalars(select(Store.id).where(Store.code == "S01")).one()
        category_id = session.scalars(
            select(ItemCategory.id).where(ItemCategory.parent_id.is_not(None)).limit(1)
        ).one()
    with (
        pytest.raises(IntegrityError, match="FOREIGN KEY constraint failed"),
        org_database.transaction() as session,
    ):
        session.add(
            Item(
                code="S01-26-00001",
                batch_id=uuid.uuid4(),  # no such donation batch
                category_id=category_id,
                grade=Grade.A,
                store_id=store_id,
            )
        )
    assert count(org_database, Item) == 0
    with org_database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []


# --- transactions ------------------------------------------------------------------


def test_transaction_commits_on_success(database: Database) -> None:
    with database.transaction() as session:
        session.add(Store(code="S01", name="静安店"))
    assert store_codes(database) == ["S01"]
    # Visible to a second, independent engine: it is really on disk.
    other = Database.open(database.path)
    try:
        assert store_codes(other) == ["S01"]
    finally:
        other.close()


def test_transaction_rolls_back_on_exception(database: Database) -> None:
    with database.transaction() as session:
        session.add(Store(code="S01", name="kept"))
    with pytest.raises(RuntimeError, match=r"^boom$"), database.transaction() as session:
        session.add(Store(code="S02", name="lost"))
        session.flush()  # the row reached SQLite before the error
        assert session.scalar(select(func.count(Store.id))) == 2
        raise RuntimeError("boom")
    assert store_codes(database) == ["S01"]


def test_reading_does_not_take_the_write_lock(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A writer that would have to wait gives up after 0.2 s instead of 5 s.
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 200)
    writer = Database.open(database.path)
    try:
        with database.reading() as reader:
            assert reader.scalar(select(func.count(Store.id))) == 0
            started = time.monotonic()
            with writer.transaction() as session:
                session.add(Store(code="S09", name="written while reading"))
            assert time.monotonic() - started < 1.0
            # The reader is inside a real (deferred) transaction: its snapshot holds.
            assert reader.scalar(select(func.count(Store.id))) == 0
        assert store_codes(database) == ["S09"]
    finally:
        writer.close()


def test_reading_session_discards_changes(database: Database) -> None:
    with database.reading() as session:
        session.add(Store(code="S01", name="never saved"))
        session.flush()
    assert count(database, Store) == 0


# --- two writers -------------------------------------------------------------------


def _raw_begin_immediate(path: Path) -> None:
    raw = sqlite3.connect(path, timeout=0.1, isolation_level=None)
    try:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("ROLLBACK")
    finally:
        raw.close()


def test_open_write_transaction_holds_the_lock_from_its_start(database: Database) -> None:
    assert database.path is not None
    with database.transaction() as session:
        # Only a read so far: BEGIN IMMEDIATE already took the write lock.
        assert session.scalar(select(func.count(Store.id))) == 0
        with pytest.raises(sqlite3.OperationalError, match=r"^database is locked$"):
            _raw_begin_immediate(database.path)
    _raw_begin_immediate(database.path)  # released at commit


def test_two_writers_serialise_and_busy_is_classified(database: Database) -> None:
    assert database.path is not None
    with database.transaction() as session:
        session.add(Store(code="S01", name="first writer"))
        session.flush()
        with pytest.raises(sqlite3.OperationalError) as caught:
            _raw_begin_immediate(database.path)
    assert str(caught.value) == "database is locked"
    mapped = classify_db_error(caught.value)
    assert isinstance(mapped, DatabaseBusy)
    assert "database is busy" in str(mapped)
    assert store_codes(database) == ["S01"]


def test_second_desk_gets_database_busy(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 100)
    second = Database.open(database.path)
    try:
        with database.transaction() as session:
            session.add(Store(code="S01", name="first"))
            session.flush()
            with (
                pytest.raises(DatabaseBusy, match="database is busy") as caught,
                second.transaction() as other,
            ):
                other.add(Store(code="S02", name="second"))
        assert isinstance(caught.value.__cause__, OperationalError)
        assert "database is locked" in str(caught.value.__cause__)
    finally:
        second.close()
    assert store_codes(database) == ["S01"]


# --- error classification ----------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "kind", "phrase"),
    [
        ("database is locked", DatabaseBusy, "database is busy"),
        ("database table is locked", DatabaseBusy, "database is busy"),
        ("attempt to write a readonly database", DatabaseReadOnly, "cannot be written"),
        ("unable to open database file", DatabaseReadOnly, "cannot be written"),
        ("database or disk is full", DiskFull, "disk is full"),
        ("file is not a database", DatabaseDamaged, "damaged"),
        ("database disk image is malformed", DatabaseDamaged, "damaged"),
    ],
)
def test_environment_errors_are_mapped(message: str, kind: type[UserError], phrase: str) -> None:
    raw = sqlite3.OperationalError(message)
    wrapped = OperationalError("INSERT INTO store ...", {}, raw)
    for exc in (raw, wrapped):
        mapped = classify_db_error(exc)
        assert type(mapped) is kind
        assert phrase in str(mapped)
    with pytest.raises(kind, match=phrase) as caught, translate_db_errors():
        raise wrapped
    assert caught.value.__cause__ is wrapped


def test_other_database_errors_pass_through_unchanged() -> None:
    wrapped = OperationalError(
        "SELECT * FROM nowhere", {}, sqlite3.OperationalError("no such table")
    )
    assert classify_db_error(wrapped) is None
    with pytest.raises(OperationalError) as caught, translate_db_errors():
        raise wrapped
    assert caught.value is wrapped


def test_writing_a_read_only_database_is_database_read_only(db_path: Path) -> None:
    read_only = Database.open(f"sqlite:///file:{db_path}?mode=ro&uri=true")
    try:
        with (
            pytest.raises(DatabaseReadOnly, match="cannot be written") as caught,
            read_only.transaction() as session,
        ):
            session.add(Store(code="S01", name="x"))
        assert "attempt to write a readonly database" in str(caught.value.__cause__)
    finally:
        read_only.close()
    other = Database.open(db_path)
    try:
        assert count(other, Store) == 0
    finally:
        other.close()


def test_a_full_database_is_disk_full(database: Database) -> None:
    with (
        pytest.raises(DiskFull, match="disk is full") as caught,
        database.transaction() as session,
    ):
        # SQLITE_FULL, as on a full disk: the file may not grow by a single page.
        session.connection().exec_driver_sql("PRAGMA max_page_count = 1")
        session.add_all(Store(code=f"Q{i}", name="店" * 90) for i in range(2000))
    assert "database or disk is full" in str(caught.value.__cause__)
    assert count(database, Store) == 0


def test_a_file_of_garbage_is_database_damaged(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(bytes(range(256)) * 32)
    database = Database.open(path)
    try:
        with (
            pytest.raises(DatabaseDamaged, match="damaged") as caught,
            database.transaction() as session,
        ):
            session.execute(text("SELECT 1"))
        assert "file is not a database" in str(caught.value.__cause__)
    finally:
        database.close()
    assert path.read_bytes() == bytes(range(256)) * 32


# --- URLs --------------------------------------------------------------------------


def test_plain_path_becomes_absolute_sqlite_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    url = normalise_url("sub/desk.sqlite3")
    assert url.get_backend_name() == "sqlite"
    assert url.database == str(tmp_path.resolve() / "sub" / "desk.sqlite3")
    assert sqlite_path(url) == tmp_path.resolve() / "sub" / "desk.sqlite3"
    assert normalise_url(tmp_path / "a.sqlite3").database == str(tmp_path.resolve() / "a.sqlite3")


def test_home_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert normalise_url("~/desk.sqlite3").database == str(tmp_path.resolve() / "desk.sqlite3")


def test_postgresql_url_passes_through() -> None:
    url = normalise_url("postgresql://desk:s3cret@db.example.org:5433/partner")
    assert url.get_backend_name() == "postgresql"
    assert (url.username, url.password, url.host, url.port, url.database) == (
        "desk",
        "s3cret",
        "db.example.org",
        5433,
        "partner",
    )
    assert sqlite_path(url) is None
    assert sqlite_path(normalise_url("sqlite://")) is None
    assert sqlite_path(normalise_url("sqlite:///:memory:")) is None


@pytest.mark.parametrize("value", [None, ""])
def test_no_db_gives_the_default_file_in_the_data_folder(value: str | None) -> None:
    expected = Path(os.environ["XDG_DATA_HOME"]) / "PartnerDesk" / "partner-desk.sqlite3"
    url = normalise_url(value)
    assert url.get_backend_name() == "sqlite"
    assert sqlite_path(url) == expected
    assert db_module.default_db_path() == expected


@pytest.mark.parametrize(
    "folder",
    [
        "NGO #2",
        "space and 中文",
        pytest.param(
            "Backup%2026",
        ),
        pytest.param(
            "what?",
        ),
    ],
)
def test_any_folder_name_keeps_its_path(tmp_path: Path, folder: str) -> None:
    path = tmp_path / folder / "desk.sqlite3"
    assert sqlite_path(normalise_url(path)) == path


# --- mixins and types --------------------------------------------------------------


def test_version_counts_updates_and_updated_at_moves(database: Database) -> None:
    with database.transaction() as session:
        store = Store(code="S01", name="one")
        session.add(store)
        session.flush()
        assert store.version == 1
        store_id = store.id
    with database.transaction() as session:
        # Back-date the row so the change of updated_at cannot be a clock tie.
        session.execute(
            text("UPDATE store SET updated_at = '2000-01-01 00:00:00.000000' WHERE code = 'S01'")
        )
    for expected_version, name in ((2, "two"), (3, "three")):
        before = datetime.now(UTC)
        with database.transaction() as session:
            store = session.get_one(Store, store_id)
            old_updated = store.updated_at
            store.name = name
        with database.reading() as session:
            fresh = session.get_one(Store, store_id)
            assert (fresh.name, fresh.version) == (name, expected_version)
            assert fresh.updated_at > old_updated
            assert fresh.updated_at >= before.replace(microsecond=0)
        with database.engine.connect() as conn:
            raw = conn.exec_driver_sql("SELECT version FROM store WHERE code = 'S01'").scalar()
            assert raw == expected_version


def test_stale_update_raises_stale_data_error(database: Database) -> None:
    with database.transaction() as session:
        store = Store(code="S01", name="original")
        session.add(store)
    store_id = store.id

    desk_a = database.sessions()
    try:
        with desk_a.begin():
            stale = desk_a.get_one(Store, store_id)  # version 1, kept after commit
        with database.transaction() as desk_b:
            desk_b.get_one(Store, store_id).name = "desk B"  # version 2
        with (
            pytest.raises(StaleDataError, match=r"expected to update 1 row\(s\); 0 were matched"),
            desk_a.begin(),
        ):
            stale.name = "desk A"
    finally:
        desk_a.close()
    with database.reading() as session:
        row = session.get_one(Store, store_id)
        assert (row.name, row.version) == ("desk B", 2)


def test_utc_datetime_stores_the_same_instant_in_utc(database: Database) -> None:
    shanghai = datetime(2026, 3, 1, 9, 30, 15, 123456, tzinfo=ZoneInfo("Asia/Shanghai"))
    with database.transaction() as session:
        entry = AuditEntry(staff_name="王", action="test", entity="none", at=shanghai)
        session.add(entry)
    with database.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT at FROM audit_log").scalar()
    assert stored == "2026-03-01 01:30:15.123456"  # naive UTC on disk
    with database.reading() as session:
        at = session.scalars(select(AuditEntry.at)).one()
    assert at == shanghai
    assert at.tzinfo is UTC
    assert (at.year, at.month, at.day, at.hour, at.minute) == (2026, 3, 1, 1, 30)


def test_utc_datetime_takes_naive_values_as_utc(database: Database) -> None:
    with database.transaction() as session:
        session.add(AuditEntry(staff_name="x", action="a", entity="e", at=datetime(2026, 1, 2, 3)))
    with database.reading() as session:
        at = session.scalars(select(AuditEntry.at)).one()
    assert at == datetime(2026, 1, 2, 3, tzinfo=UTC)
    assert at.tzinfo is UTC
