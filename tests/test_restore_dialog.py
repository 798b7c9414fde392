"""The restore screen (list, details, confirmation), restoring through the app, and the
daily backups the app makes on its job worker."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app import Controller
from desktop.instance_lock import InstanceLock
from desktop.restore_dialog import RestoreDialog
from models import backup_rotation, demo
from models.backup import backup_sqlite, backups_dir, timestamped_name
from models.db import Database
from models.errors import DiskFull
from models.schema import Store
from tests.conftest import MessageRecorder

NOON = datetime(2026, 3, 7, 4, 0, tzinfo=UTC)  # 12:00 in Shanghai
ZONE = "Asia/Shanghai"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
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


def counts(path: Path) -> tuple[int, ...]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return tuple(
            int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("item", "volunteer", "activity", "scan_event", "hour_entry")
        )
    finally:
        conn.close()


def summary(path: Path) -> str:
    items, volunteers, activities, scans, hours = counts(path)
    return (
        f"{items} items, {volunteers} volunteers, {activities} activities, "
        f"{scans} scans, {hours} hour entries"
    )


def make_backups(db_file: Path) -> dict[str, Path]:
    folder = backups_dir(db_file)
    made = {
        "upgrade": backup_sqlite(
            db_file, folder / timestamped_name(db_file, "before-0003", NOON - timedelta(days=3))
        ).path,
        "manual": backup_sqlite(
            db_file, folder / timestamped_name(db_file, "manual", NOON - timedelta(hours=1))
        ).path,
    }
    junk = folder / timestamped_name(db_file, "manual", NOON - timedelta(days=1))
    junk.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    made["junk"] = junk
    return made


def opened(qtbot: QtBot, db_file: Path) -> RestoreDialog:
    dialog = RestoreDialog(db_file, time_zone=ZONE)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.load()
    return dialog


def cell(dialog: RestoreDialog, row: int, column: int) -> str:
    item = dialog.table.item(row, column)
    assert item is not None
    return item.text()


# --- the dialog ----------------------------------------------------------------------------


def test_backups_are_listed_with_date_kind_size_and_contents(qtbot: QtBot, demo_db: Path) -> None:
    made = make_backups(demo_db)
    dialog = opened(qtbot, demo_db)

    assert dialog.table.rowCount() == 3
    rows = [[cell(dialog, row, column) for column in range(4)] for row in range(3)]
    assert [row[0] for row in rows] == ["2026-03-07 11:00", "2026-03-06 12:00", "2026-03-04 12:00"]
    assert [row[1] for row in rows] == ["Made by hand", "Made by hand", "Before an upgrade"]
    assert rows[0][3] == rows[2][3] == summary(demo_db)
    assert rows[1][3].startswith("Cannot be restored: ")
    assert rows[0][2]  # a size such as "180 KB"
    # The newest is selected and described; it can be restored.
    assert dialog.current() == dialog.backups[0]
    details = dialog.details.text()
    assert str(made["manual"]) in details
    assert "Made with File → Back up now." in details
    assert "safety copy" in details
    assert dialog.restore_button.isEnabled()
    # A damaged copy cannot be chosen.
    dialog.table.selectRow(1)
    assert not dialog.restore_button.isEnabled()
    assert "Cannot be restored" in dialog.details.text()


def test_restore_asks_first_and_says_the_current_data_is_kept(
    qtbot: QtBot, demo_db: Path, recorder: MessageRecorder
) -> None:
    made = make_backups(demo_db)
    dialog = opened(qtbot, demo_db)

    recorder.confirm_answers = [False]
    dialog.restore_selected()
    assert dialog.chosen is None
    assert dialog.result() != QDialog.DialogCode.Accepted.value

    recorder.confirm_answers = [True]
    dialog.restore_selected()
    assert dialog.chosen == made["manual"]
    assert dialog.result() == QDialog.DialogCode.Accepted.value
    first, second = recorder.texts("confirm")
    assert first == second
    assert "Replace the current data with the backup of 2026-03-07 11:00?" in first
    assert summary(demo_db) in first
    assert "The current data is not lost" in first
    assert str(backups_dir(demo_db)) in first


def test_nothing_to_restore_yet(qtbot: QtBot, db_path: Path) -> None:
    dialog = opened(qtbot, db_path)
    assert dialog.table.rowCount() == 0
    assert "There are no backups of this database yet" in dialog.details.text()
    assert not dialog.restore_button.isEnabled()
    dialog.restore_selected()  # nothing selected: nothing happens
    assert dialog.chosen is None


def test_another_file_is_checked_before_it_is_offered(
    qtbot: QtBot,
    demo_db: Path,
    tmp_path: Path,
    recorder: MessageRecorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = opened(qtbot, demo_db)
    junk = tmp_path / "usb" / "junk.sqlite3"
    junk.parent.mkdir()
    junk.write_bytes(b"not a database at all" * 100)
    picked = [str(junk)]
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (picked[0], ""))
    )

    dialog.choose_file()
    (error,) = recorder.texts("error")
    assert "junk.sqlite3" in error
    assert recorder.texts("confirm") == []
    assert dialog.chosen is None

    good = backup_sqlite(demo_db, tmp_path / "usb" / "copy.sqlite3").path
    picked[0] = str(good)
    recorder.confirm_answers = [True]
    dialog.choose_file()
    assert dialog.chosen == good
    assert summary(demo_db) in recorder.texts("confirm")[0]


# --- restoring through the app ------------------------------------------------------------


@pytest.fixture
def controller(qtbot: QtBot) -> Iterator[Controller]:
    made = Controller("en")
    yield made
    if made.window is not None:
        made.window.close()
    made.shutdown()


def scripted(qtbot: QtBot, pick: int | None):  # type: ignore[no-untyped-def]
    """``RestoreDialog.exec`` as a person would use it: wait for the list, pick a row."""

    def exec_(dialog: RestoreDialog) -> int:
        qtbot.waitUntil(lambda: bool(dialog.backups), timeout=10_000)
        if pick is None:
            dialog.reject()
        else:
            dialog.table.selectRow(pick)
            dialog.restore_button.click()
        return dialog.result()

    return exec_


def store_codes(controller: Controller) -> list[str]:
    assert controller.database is not None
    with controller.database.reading() as session:
        return sorted(session.scalars(select(Store.code)))


def test_restoring_replaces_the_data_keeps_a_safety_copy_and_reopens(
    controller: Controller,
    qtbot: QtBot,
    org_database: Database,
    db_path: Path,
    recorder: MessageRecorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    org_database.close()
    assert controller.open(str(db_path))
    backup = backup_sqlite(db_path, backups_dir(db_path) / timestamped_name(db_path, "manual"))
    assert controller.database is not None
    with controller.database.transaction() as session:
        session.add(Store(code="S09", name="后来加的店"))
    old_window = controller.window

    monkeypatch.setattr(RestoreDialog, "exec", scripted(qtbot, None))
    controller.restore()
    assert store_codes(controller) == ["S01", "S02", "S09"]
    assert controller.window is old_window

    recorder.confirm_answers = [True]
    monkeypatch.setattr(RestoreDialog, "exec", scripted(qtbot, 0))
    controller.restore()

    assert "The current data is not lost" in recorder.texts("confirm")[0]
    assert store_codes(controller) == ["S01", "S02"]
    assert controller.window is not old_window  # the app reopened the database
    (safety,) = backups_dir(db_path).glob("desk-before-restore-*.sqlite3")
    with sqlite3.connect(safety) as conn:
        assert conn.execute("SELECT count(*) FROM store WHERE code = 'S09'").fetchone() == (1,)
    conn.close()
    (done,) = recorder.texts("information")
    assert str(safety) in done
    assert backup.path.exists()
    with pytest.raises(Exception, match="already open"):
        InstanceLock(db_path).acquire()


# --- daily backups in the app --------------------------------------------------------------


def test_opening_does_not_copy_anything_before_the_window_shows(
    controller: Controller, org_database: Database, db_path: Path
) -> None:
    org_database.close()
    assert controller.open(str(db_path))
    backups = controller.auto_backups
    assert backups is not None
    assert backups.db_file == db_path
    assert backups._first.isActive()  # it runs later, on the job worker
    assert not backups_dir(db_path).exists()


def test_the_daily_backup_runs_on_the_worker_and_says_so_in_the_status_bar(
    controller: Controller, qtbot: QtBot, org_database: Database, db_path: Path
) -> None:
    org_database.close()
    assert controller.open(str(db_path))
    backups = controller.auto_backups
    assert backups is not None and controller.window is not None

    job = backups.run_now()
    assert job is not None
    assert backups.run_now() is None  # one at a time
    qtbot.waitUntil(lambda: backups.last is not None, timeout=10_000)

    assert backups.last is not None and backups.last.created is not None
    (made,) = backups_dir(db_path).glob("desk-auto-*.sqlite3")
    assert backups.last.created == made.resolve()
    assert made.name in controller.window.statusBar().currentMessage()
    # Later the same day nothing more is copied.
    backups.last = None
    assert backups.run_now() is not None
    qtbot.waitUntil(lambda: backups.last is not None, timeout=10_000)
    assert backups.last is not None and backups.last.created is None


def test_a_failed_daily_backup_warns_once(
    controller: Controller,
    qtbot: QtBot,
    org_database: Database,
    db_path: Path,
    recorder: MessageRecorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    org_database.close()
    assert controller.open(str(db_path))
    backups = controller.auto_backups
    assert backups is not None

    def full(db_file: Path, **options: object) -> None:
        raise DiskFull(
            "The disk is full: the backup was not written. Free some space and try again."
        )

    monkeypatch.setattr(backup_rotation, "rotate_backups", full)
    for _ in range(2):
        assert backups.run_now() is not None
        qtbot.waitUntil(lambda: backups.job is None, timeout=10_000)
    (warning,) = recorder.texts("warning")
    assert "The daily backup could not be made: The disk is full" in warning
    assert "Your data is unchanged" in warning
