"""Automatic daily backups in rotation, the list of backups to restore from, and
``check`` pointing at the newest good backup when the database is damaged."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from models import demo
from models.backup import backup_sqlite, backups_dir, timestamped_name
from models.backup_rotation import (
    BackupKind,
    automatic_name,
    list_backups,
    newest_good_backup,
    rotate_backups,
    summarise_backup,
)
from models.check import check_database
from models.db import Database
from models.errors import Cancelled, DatabaseDamaged, DatabaseTooNew, UserError
from models.schema import Store
from tests.cli_helpers import run_json

NOON = datetime(2026, 3, 7, 4, 0, tzinfo=UTC)  # 12:00 in Shanghai


def count(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.fixture
def local_zone() -> Iterator[None]:
    """The computer's clock in Shanghai for one test (days change at 16:00 UTC)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
    """A database with a little of everything: items, volunteers, scans, hours."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copy(template_db, path)
    database = Database.open(path)
    try:
        demo.generate(database, demo.DemoSizes(items=30, volunteers=6, activities=3))
    finally:
        database.close()
    return path


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Path:
    path = tmp_path / "desk.sqlite3"
    shutil.copy(demo_template, path)
    return path


# --- rotation ---------------------------------------------------------------------------


def test_the_first_rotation_of_the_day_makes_one_consistent_copy(database: Database) -> None:
    db_file = database.path
    assert db_file is not None
    with database.transaction() as session:
        session.add(Store(code="S01", name="静安店"))  # still only in the -wal file

    first = rotate_backups(db_file, now=NOON)

    expected = backups_dir(db_file) / "desk-auto-2026-03-07.sqlite3"
    assert first.created == expected.resolve()
    assert first.kept == (expected,)
    assert first.deleted == ()
    assert count(expected, "store") == 1
    conn = sqlite3.connect(expected)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()

    # Later the same day: nothing new, even though the data changed.
    with database.transaction() as session:
        session.add(Store(code="S02", name="徐汇店"))
    again = rotate_backups(db_file, now=NOON + timedelta(hours=7))
    assert again.created is None
    assert names(backups_dir(db_file)) == ["desk-auto-2026-03-07.sqlite3"]
    assert count(expected, "store") == 1


def test_the_day_is_the_local_one(database: Database, local_zone: None) -> None:
    db_file = database.path
    assert db_file is not None
    late_evening_utc = datetime(2026, 3, 7, 17, 30, tzinfo=UTC)  # 01:30 on the 8th locally
    result = rotate_backups(db_file, now=late_evening_utc)
    assert result.created is not None
    assert result.created.name == "desk-auto-2026-03-08.sqlite3"
    assert automatic_name(db_file, date(2026, 3, 8)) == result.created.name


def test_only_the_newest_automatic_backups_are_kept(database: Database) -> None:
    db_file = database.path
    assert db_file is not None
    folder = backups_dir(db_file)
    # Copies that are not automatic, some of them older than every automatic one.
    old = NOON - timedelta(days=400)
    kept_forever = [
        timestamped_name(db_file, "manual", old),
        timestamped_name(db_file, "before-0003", old),
        timestamped_name(db_file, "before-restore", old),
    ]
    for name in kept_forever:
        backup_sqlite(db_file, folder / name)
    # Another database in the same folder has its own automatic backups.
    other = db_file.with_name("other.sqlite3")
    shutil.copy(db_file, other)
    others = rotate_backups(other, keep_daily=1, now=old).created
    assert others is not None
    (folder / "notes.txt").write_text("a file someone put here", encoding="utf-8")

    deleted: list[Path] = []
    for day in range(20):
        result = rotate_backups(db_file, keep_daily=14, now=NOON + timedelta(days=day))
        assert result.created is not None
        deleted.extend(result.deleted)

    automatic = sorted(p.name for p in folder.glob("desk-auto-*.sqlite3"))
    expected = [f"desk-auto-2026-03-{day:02d}.sqlite3" for day in range(13, 27)]
    assert automatic == expected
    assert sorted(p.name for p in deleted) == [
        f"desk-auto-2026-03-{day:02d}.sqlite3" for day in range(7, 13)
    ]
    assert result.kept == tuple(folder / name for name in reversed(expected))
    for name in [*kept_forever, others.name, "notes.txt"]:
        assert (folder / name).exists(), name


def test_keep_at_least_one() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        rotate_backups(Path("desk.sqlite3"), keep_daily=0)


def test_interrupted_backups_leave_no_litter_for_long(database: Database) -> None:
    db_file = database.path
    assert db_file is not None
    folder = backups_dir(db_file)
    folder.mkdir()
    stale = folder / ".desk-auto-2026-03-01.sqlite3.4242.tmp"
    fresh = folder / ".desk-manual-20260307-040000.sqlite3.4343.tmp"
    foreign = folder / ".someone-else.tmp"
    for path in (stale, fresh, foreign):
        path.write_bytes(b"half a backup")
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    os.utime(foreign, (two_hours_ago, two_hours_ago))

    rotate_backups(db_file, now=NOON)

    assert not stale.exists()
    assert fresh.exists()  # perhaps a backup being written right now
    assert foreign.exists()


def damage(path: Path) -> None:
    """Scribble over pages in the middle of the file (the header stays readable)."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = b"\xff" * 8192
    path.write_bytes(bytes(data))


def test_a_damaged_database_keeps_the_older_backups(demo_db: Path) -> None:
    rotate_backups(demo_db, now=NOON - timedelta(days=1))
    folder = backups_dir(demo_db)
    before = names(folder)
    damage(demo_db)

    with pytest.raises(DatabaseDamaged) as caught:
        rotate_backups(demo_db, keep_daily=1, now=NOON)

    assert "damaged" in str(caught.value)
    assert names(folder) == before  # no damaged copy, nothing older deleted


# --- listing ------------------------------------------------------------------------------


def test_backups_are_listed_newest_first_with_kind_size_and_contents(demo_db: Path) -> None:
    folder = backups_dir(demo_db)
    upgrade = backup_sqlite(
        demo_db, folder / timestamped_name(demo_db, "before-0003", NOON - timedelta(days=3))
    ).path
    rotate_backups(demo_db, now=NOON - timedelta(days=2))
    manual = backup_sqlite(
        demo_db, folder / timestamped_name(demo_db, "manual", NOON - timedelta(hours=30))
    ).path
    safety = backup_sqlite(
        demo_db, folder / timestamped_name(demo_db, "before-restore", NOON - timedelta(hours=1))
    ).path
    # Not backups of this database: left out.
    (folder / "notes.txt").write_text("x", encoding="utf-8")
    shutil.copy(manual, folder / "other-manual-20260101-000000.sqlite3")
    (folder / f"{safety.name}-wal").write_bytes(b"")
    (folder / f".{manual.name}.77.tmp").write_bytes(b"")
    # The automatic one is dated by its file time.
    auto = folder / "desk-auto-2026-03-05.sqlite3"
    stamp = (NOON - timedelta(days=2)).timestamp()
    os.utime(auto, (stamp, stamp))

    listed = list_backups(demo_db)

    assert [(info.path.name, info.kind) for info in listed] == [
        (safety.name, BackupKind.BEFORE_RESTORE),
        (manual.name, BackupKind.MANUAL),
        (auto.name, BackupKind.AUTOMATIC),
        (upgrade.name, BackupKind.BEFORE_UPGRADE),
    ]
    assert [info.taken_at for info in listed] == [
        NOON - timedelta(hours=1),
        NOON - timedelta(hours=30),
        NOON - timedelta(days=2),
        NOON - timedelta(days=3),
    ]
    assert all(info.taken_at.tzinfo is not None for info in listed)
    for info in listed:
        assert info.restorable and info.problem is None
        assert info.size_bytes == info.path.stat().st_size > 0
        contents = info.contents
        assert contents is not None
        assert contents.revision is not None
        assert (
            contents.items,
            contents.volunteers,
            contents.activities,
            contents.scans,
            contents.hour_entries,
        ) == tuple(
            count(demo_db, table)
            for table in ("item", "volunteer", "activity", "scan_event", "hour_entry")
        )
    assert listed[0].contents is not None and listed[0].contents.scans > 0
    assert listed[0].contents.hour_entries > 0

    quick = list_backups(demo_db, summarise=False)
    assert [info.path for info in quick] == [info.path for info in listed]
    assert all(info.contents is None for info in quick)


def test_listing_reports_progress_and_can_be_cancelled(demo_db: Path) -> None:
    for day in range(3):
        rotate_backups(demo_db, now=NOON + timedelta(days=day))
    seen: list[tuple[int, int]] = []
    assert len(list_backups(demo_db, progress=lambda done, total: seen.append((done, total)))) == 3
    assert seen == [(1, 3), (2, 3), (3, 3)]

    def cancel(done: int, total: int) -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        list_backups(demo_db, progress=cancel)


def test_no_backups_folder_lists_nothing(db_path: Path) -> None:
    assert list_backups(db_path) == []
    assert newest_good_backup(db_path) is None


def test_damaged_and_too_new_backups_are_listed_but_not_restorable(demo_db: Path) -> None:
    folder = backups_dir(demo_db)
    good = rotate_backups(demo_db, now=NOON - timedelta(days=3)).created
    assert good is not None
    junk = folder / timestamped_name(demo_db, "manual", NOON - timedelta(days=1))
    junk.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    newer = folder / timestamped_name(demo_db, "manual", NOON)
    shutil.copy(good, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()

    by_name = {info.path.name: info for info in list_backups(demo_db)}

    too_new = by_name[newer.name]
    assert isinstance(too_new.problem, DatabaseTooNew)
    assert "newer version" in str(too_new.problem) and "9999" in str(too_new.problem)
    assert too_new.contents is not None and too_new.contents.revision == "9999"
    damaged = by_name[junk.name]
    assert isinstance(damaged.problem, UserError)
    assert damaged.contents is None and not damaged.restorable
    assert by_name[good.name].restorable
    assert newest_good_backup(demo_db) == by_name[good.name]


def test_summarise_refuses_what_is_not_a_backup(tmp_path: Path) -> None:
    other = tmp_path / "notes.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    conn.close()
    with pytest.raises(UserError, match=r"is not a Partner Desk backup \(no such table"):
        summarise_backup(other)
    with pytest.raises(UserError, match="There is no backup file"):
        summarise_backup(tmp_path / "gone.sqlite3")


def test_the_newest_good_backup_skips_damaged_copies_and_safety_copies(demo_db: Path) -> None:
    folder = backups_dir(demo_db)
    good = backup_sqlite(
        demo_db, folder / timestamped_name(demo_db, "manual", NOON - timedelta(days=2))
    ).path
    bad = backup_sqlite(
        demo_db, folder / timestamped_name(demo_db, "manual", NOON - timedelta(days=1))
    ).path
    damage(bad)
    backup_sqlite(demo_db, folder / timestamped_name(demo_db, "before-restore", NOON))

    found = newest_good_backup(demo_db)

    assert found is not None and found.path == good


# --- check ------------------------------------------------------------------------------------


def test_check_of_a_damaged_database_names_the_newest_good_backup(demo_db: Path) -> None:
    good = rotate_backups(demo_db, now=NOON).created
    assert good is not None
    damage(demo_db)
    before = demo_db.read_bytes()

    database = Database.open(demo_db)
    try:
        report = check_database(database)
    finally:
        database.close()

    assert report.damaged and not report.ok
    assert report.integrity != ["ok"]
    assert report.restore_from is not None and report.restore_from.path == good
    assert demo_db.read_bytes() == before

    code, document = run_json("check", "--db", str(demo_db))
    assert code == 1
    assert document["ok"] is False and document["damaged"] is True
    assert document["restore_from"]["path"] == str(good)
    assert document["restore_from"]["kind"] == "automatic"
    assert {"integrity", "foreign_key_problems", "schema", "journal_mode"} <= set(document)


def test_check_of_an_unreadable_file_reports_instead_of_failing(demo_db: Path) -> None:
    good = rotate_backups(demo_db, now=NOON).created
    assert good is not None
    data = bytearray(demo_db.read_bytes())
    data[:16] = b"not sqlite, sorr"  # the header is gone
    demo_db.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        demo_db.with_name(demo_db.name + suffix).unlink(missing_ok=True)

    database = Database.open(demo_db)
    try:
        report = check_database(database)
    finally:
        database.close()

    assert report.schema is None
    assert report.integrity == ["file is not a database"]
    assert report.restore_from is not None and report.restore_from.path == good
    assert demo_db.read_bytes()[:16] == b"not sqlite, sorr"


def test_check_of_a_sound_database_looks_for_no_backup(demo_db: Path) -> None:
    rotate_backups(demo_db, now=NOON)
    database = Database.open(demo_db)
    try:
        report = check_database(database)
    finally:
        database.close()
    assert report.ok and not report.damaged
    assert report.restore_from is None


def test_the_app_keeps_the_same_number_of_daily_backups() -> None:
    from desktop import auto_backup
    from models import backup_rotation

    assert auto_backup.KEEP_DAILY == backup_rotation.DEFAULT_KEEP_DAILY
