"""Backups with SQLite's online backup API, inspecting them, restoring, and ``check``."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from models import migrate
from models.backup import backup_sqlite, backups_dir, inspect_backup, restore_sqlite
from models.check import check_database
from models.db import Database
from models.errors import UserError
from models.migrate import SchemaStatus
from models.schema import Activity, DonationBatch, Item, ItemCategory, Store, Volunteer
from models.schema.enums import Grade


def open_raw(path: Path) -> sqlite3.Connection:
    """Read-only connection that can never create or change ``path``."""
    assert path.exists()
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)


def store_codes_in(path: Path) -> list[str]:
    raw = open_raw(path)
    try:
        return [row[0] for row in raw.execute("SELECT code FROM store ORDER BY code")]
    finally:
        raw.close()


def add_stores(database: Database, *codes: str) -> None:
    with database.transaction() as session:
        session.add_all(Store(code=code, name=f"店 {code}") for code in codes)


def leftovers(folder: Path) -> list[str]:
    if not folder.exists():
        return []
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def add_items_volunteers_activities(database: Database) -> None:
    with database.transaction() as session:
        store = session.scalars(select(Store).where(Store.code == "S01")).one()
        leaf = session.scalars(
            select(ItemCategory).where(ItemCategory.parent_id.is_not(None)).limit(1)
        ).one()
        batch = DonationBatch(receipt_no="R-0001", store_id=store.id, received_on=date(2026, 3, 1))
        session.add(batch)
        session.flush()
        session.add_all(
            Item(
                code=f"S01-26-{n:05d}",
                batch_id=batch.id,
                category_id=leaf.id,
                grade=Grade.B,
                store_id=store.id,
            )
            for n in range(1, 4)
        )
        session.add_all(Volunteer(code=f"V{n:06d}", name=f"志愿者{n}") for n in range(1, 3))
        start = datetime(2026, 3, 7, 1, 0, tzinfo=UTC)
        session.add(Activity(title="社区义卖", starts_at=start, ends_at=start + timedelta(hours=3)))


# --- backup_sqlite ------------------------------------------------------------------


def test_backup_holds_rows_still_in_the_wal_file(database: Database, tmp_path: Path) -> None:
    assert database.path is not None
    add_stores(database, "S01", "S02")
    wal = database.path.with_name(database.path.name + "-wal")
    assert wal.stat().st_size > 0  # the engine is open: nothing checkpointed yet
    # The main file alone does not have the rows yet; only main file + WAL do.
    main_only = tmp_path / "main-only.sqlite3"
    shutil.copyfile(database.path, main_only)
    assert store_codes_in(main_only) == []

    destination = tmp_path / "out" / "copy.sqlite3"
    result = backup_sqlite(database.path, destination)

    assert result.path == destination.resolve()
    assert result.integrity_ok is True
    assert result.size_bytes == destination.stat().st_size > 0
    assert store_codes_in(destination) == ["S01", "S02"]
    raw = open_raw(destination)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert (
            raw.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            == migrate.HEAD_REVISION
        )
    finally:
        raw.close()
    assert sorted(p.name for p in destination.parent.iterdir()) == ["copy.sqlite3"]


def test_backup_while_another_desk_is_writing_copies_the_committed_state(
    database: Database, tmp_path: Path
) -> None:
    assert database.path is not None
    add_stores(database, "S01")
    destination = tmp_path / "during-write.sqlite3"
    with database.transaction() as session:
        session.add(Store(code="S02", name="not committed yet"))
        session.flush()
        result = backup_sqlite(database.path, destination)
    assert result.integrity_ok
    assert store_codes_in(destination) == ["S01"]
    assert store_codes_in(database.path) == ["S01", "S02"]
    assert leftovers(tmp_path) == []


def test_backup_replaces_an_older_backup_of_the_same_name(
    database: Database, tmp_path: Path
) -> None:
    assert database.path is not None
    destination = tmp_path / "daily.sqlite3"
    destination.write_bytes(b"yesterday's backup")
    add_stores(database, "S07")
    backup_sqlite(database.path, destination)
    assert store_codes_in(destination) == ["S07"]


def test_backup_of_a_missing_file_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.sqlite3"
    with pytest.raises(UserError) as caught:
        backup_sqlite(missing, tmp_path / "copy.sqlite3")
    assert str(caught.value) == f"There is no database file at {missing}."
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_backup_to_a_folder_that_cannot_be_written(db_path: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as root: folder permissions are not enforced")
        with pytest.raises(UserError) as caught:
            backup_sqlite(db_path, locked / "copy.sqlite3")
        assert str(caught.value).startswith(
            f"The backup could not be written to {(locked / 'copy.sqlite3').resolve()}: "
        )
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_backup_to_a_folder_nobody_can_write(db_path: Path) -> None:
    # /proc refuses new files even to root: the folder exists and is not writable.
    destination = Path("/proc/self/desk-backup.sqlite3")
    with pytest.raises(UserError) as caught:
        backup_sqlite(db_path, destination)
    message = str(caught.value)
    assert message.startswith("The backup could not be written to /proc/")
    assert message.endswith("desk-backup.sqlite3: unable to open database file")
    assert not destination.exists()


@pytest.mark.parametrize("below", ["copy.sqlite3", "sub/copy.sqlite3"])
def test_backup_below_a_regular_file_is_a_user_error(
    db_path: Path, tmp_path: Path, below: str
) -> None:
    not_a_folder = tmp_path / "usb-stick"
    not_a_folder.write_bytes(b"a file, not a folder")
    with pytest.raises(UserError, match=r"^The backup could not be written to "):
        backup_sqlite(db_path, not_a_folder / below)
    assert not_a_folder.read_bytes() == b"a file, not a folder"
    assert leftovers(tmp_path) == []


def test_backup_of_a_database_in_a_folder_with_a_hash(database: Database, tmp_path: Path) -> None:
    assert database.path is not None
    add_stores(database, "S01")
    database.close()  # checkpoints: the main file has everything
    source = tmp_path / "NGO #2" / "desk.sqlite3"
    source.parent.mkdir()
    shutil.copyfile(database.path, source)

    result = backup_sqlite(source, tmp_path / "copy.sqlite3")

    assert store_codes_in(result.path) == ["S01"]
    assert not (tmp_path / "NGO ").exists()  # no stray empty database at the cut path


def test_backup_of_a_damaged_file_is_a_user_error(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    out = tmp_path / "out"
    try:
        with pytest.raises(UserError):
            backup_sqlite(damaged, out / "copy.sqlite3")
    finally:
        assert leftovers(out) == []


# --- inspect_backup -----------------------------------------------------------------


def test_inspect_backup_summarises_the_copy(org_database: Database, tmp_path: Path) -> None:
    assert org_database.path is not None
    add_items_volunteers_activities(org_database)
    result = backup_sqlite(org_database.path, tmp_path / "b.sqlite3")
    before = result.path.read_bytes()

    info = inspect_backup(result.path)

    assert (info.items, info.volunteers, info.activities) == (3, 2, 1)
    assert info.revision == migrate.HEAD_REVISION
    assert info.size_bytes == result.size_bytes
    assert info.path == result.path
    assert info.taken_at.tzinfo is not None
    assert abs(info.taken_at.timestamp() - result.path.stat().st_mtime) < 1
    assert result.path.read_bytes() == before  # inspecting changes nothing


def test_inspect_an_empty_backup(db_path: Path) -> None:
    info = inspect_backup(db_path)
    assert (info.items, info.volunteers, info.activities) == (0, 0, 0)


def test_inspect_rejects_random_bytes(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(random.Random(7).randbytes(16 * 1024))
    with pytest.raises(UserError) as caught:
        inspect_backup(junk)
    assert str(caught.value) == f"{junk} is not a Partner Desk backup (file is not a database)."


def test_inspect_rejects_a_truncated_copy(org_database: Database, tmp_path: Path) -> None:
    assert org_database.path is not None
    add_items_volunteers_activities(org_database)
    good = backup_sqlite(org_database.path, tmp_path / "good.sqlite3").path
    data = good.read_bytes()
    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(data[: len(data) // 3])
    with pytest.raises(UserError) as caught:
        inspect_backup(truncated)
    message = str(caught.value)
    assert message in (
        f"The backup {truncated} is damaged.",
        f"{truncated} is not a Partner Desk backup (database disk image is malformed).",
    )


def test_inspect_rejects_a_database_of_another_program(tmp_path: Path) -> None:
    other = tmp_path / "notes.sqlite3"
    raw = sqlite3.connect(other)
    raw.execute("CREATE TABLE notes (body TEXT)")
    raw.commit()
    raw.close()
    with pytest.raises(UserError) as caught:
        inspect_backup(other)
    assert str(caught.value) == (
        f"{other} is not a Partner Desk backup (no such table: alembic_version)."
    )


def test_inspect_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "gone.sqlite3"
    with pytest.raises(UserError) as caught:
        inspect_backup(missing)
    assert str(caught.value) == f"There is no backup file at {missing}."
    assert not missing.exists()


# --- restore_sqlite -----------------------------------------------------------------


def test_restore_brings_back_the_backup_and_keeps_a_safety_copy(
    database: Database, tmp_path: Path
) -> None:
    db_file = database.path
    assert db_file is not None
    add_stores(database, "A01")
    backup = backup_sqlite(db_file, tmp_path / "saved" / "a.sqlite3").path
    add_stores(database, "B01")
    database.close()

    safety = restore_sqlite(backup, db_file)

    assert store_codes_in(db_file) == ["A01"]
    assert safety.parent == backups_dir(db_file)
    assert safety.name.startswith("desk-before-restore-")
    assert store_codes_in(safety) == ["A01", "B01"]
    assert store_codes_in(backup) == ["A01"]  # the backup itself is untouched
    reopened = Database.open(db_file)
    try:
        report = check_database(reopened)
        assert report.ok, report
        assert report.journal_mode == "wal"
        with reopened.transaction() as session:  # and it is writable again
            session.add(Store(code="C01", name="after restore"))
    finally:
        reopened.close()
    assert store_codes_in(db_file) == ["A01", "C01"]


def test_restore_refuses_a_damaged_backup_and_changes_nothing(
    database: Database, tmp_path: Path
) -> None:
    db_file = database.path
    assert db_file is not None
    add_stores(database, "A01")
    database.close()
    before = db_file.read_bytes()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    with pytest.raises(UserError, match=r"junk\.sqlite3"):
        restore_sqlite(junk, db_file)
    assert db_file.read_bytes() == before
    assert not backups_dir(db_file).exists()


def test_restore_over_a_damaged_database(database: Database, tmp_path: Path) -> None:
    db_file = database.path
    assert db_file is not None
    add_stores(database, "A01")
    database.close()
    good = backup_sqlite(db_file, tmp_path / "good.sqlite3").path
    damaged = bytearray(db_file.read_bytes())
    damaged[:16] = b"not sqlite, sorry"[:16]  # the header is gone
    db_file.write_bytes(bytes(damaged))

    safety = restore_sqlite(good, db_file)

    assert store_codes_in(db_file) == ["A01"]
    assert safety.read_bytes()[:16] == bytes(damaged[:16])  # kept as it was


# --- check ----------------------------------------------------------------------------


def test_check_a_good_database(org_database: Database) -> None:
    report = check_database(org_database)
    assert report.ok
    assert report.integrity == ["ok"]
    assert report.foreign_key_problems == 0
    assert report.schema.status is SchemaStatus.CURRENT
    assert report.schema.revision == migrate.HEAD_REVISION
    assert report.journal_mode == "wal"


def test_check_a_database_that_is_behind(tmp_path: Path) -> None:
    database = Database.open(tmp_path / "old.sqlite3")
    try:
        migrate.upgrade(database, "0001")
        report = check_database(database)
    finally:
        database.close()
    assert not report.ok
    assert report.schema.status is SchemaStatus.BEHIND
    assert report.schema.revision == "0001"
    assert report.integrity == ["ok"]
    assert report.foreign_key_problems == 0


def test_check_finds_broken_links(database: Database) -> None:
    assert database.path is not None
    raw = sqlite3.connect(database.path)  # foreign keys off: plant an orphan
    raw.execute(
        "INSERT INTO staff (id, name, role, store_id, active, version, created_at, updated_at) "
        "VALUES (x'0f', 'ghost', NULL, x'ff', 1, 1, '2026-01-01', '2026-01-01')"
    )
    raw.commit()
    raw.close()
    report = check_database(database)
    assert report.foreign_key_problems == 1
    assert not report.ok
