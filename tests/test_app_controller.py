"""Opening a database from the GUI: first run, refusals, upgrades, backup, restore."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop import app as app_module
from desktop.app import Controller
from desktop.instance_lock import InstanceLock
from desktop.setup_dialog import SetupDialog
from models import migrate
from models.db import Database
from models.schema import Store
from tests.conftest import MessageRecorder
from tests.qt_helpers import has_cjk, language


@pytest.fixture
def controller(qtbot: QtBot) -> Controller:
    made = Controller("zh_CN")
    yield made
    if made.window is not None:
        made.window.close()
    made.shutdown()


def scripted_setup(accept: bool):  # type: ignore[no-untyped-def]
    def exec_(dialog: SetupDialog) -> int:
        if not accept:
            return QDialog.DialogCode.Rejected.value
        dialog.name.setText("春晖志愿者协会")
        dialog.code.setText("CHUNHUI")
        dialog.staff_name.setText("赵老师")
        dialog.stores.item(0, 1).setText("总部")
        dialog.accept()
        return dialog.result()

    return exec_


def test_first_run_sets_up_then_opens_the_window(
    controller: Controller, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SetupDialog, "exec", scripted_setup(True))
    db_file = tmp_path / "new.sqlite3"
    assert controller.open(str(db_file))
    window = controller.window
    assert window is not None
    assert "春晖志愿者协会 (CHUNHUI)" in window.organisation_label.text()
    with pytest.raises(Exception, match="already open"):
        InstanceLock(db_file).acquire()


def test_cancelled_first_run_leaves_no_window_and_no_lock(
    controller: Controller, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SetupDialog, "exec", scripted_setup(False))
    db_file = tmp_path / "new.sqlite3"
    assert not controller.open(str(db_file))
    assert controller.window is None
    lock = InstanceLock(db_file)
    lock.acquire()
    lock.release()


def test_a_database_from_a_newer_version_is_refused_untouched(
    controller: Controller, qapp: QApplication, db_path: Path, recorder: MessageRecorder
) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with language(qapp, "zh_CN"):
        assert not controller.open(str(db_path))
    (message,) = recorder.texts("error")
    assert has_cjk(message) and "9999" in message
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    lock = InstanceLock(db_path)
    lock.acquire()
    lock.release()


def test_an_old_database_is_backed_up_then_upgraded(
    controller: Controller, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_file = tmp_path / "old.sqlite3"
    old = Database.open(db_file)
    migrate.upgrade(old, "0001")
    old.close()
    monkeypatch.setattr(SetupDialog, "exec", scripted_setup(True))
    assert controller.open(str(db_file))
    backups = list((tmp_path / "backups").glob(f"old-before-{migrate.HEAD_REVISION}-*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert controller.database is not None
    assert migrate.schema_state(controller.database.engine).status == "current"


def test_backup_now_and_restore(
    controller: Controller,
    qtbot: QtBot,
    org_database: Database,
    db_path: Path,
    recorder: MessageRecorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    org_database.close()
    assert controller.open(str(db_path))
    controller.backup_now()
    qtbot.waitUntil(lambda: bool(recorder.texts("information")), timeout=10_000)
    (backup,) = (db_path.parent / "backups").glob("desk-manual-*.sqlite3")
    assert str(backup) in recorder.texts("information")[0]

    assert controller.database is not None
    with controller.database.transaction() as session:
        session.add(Store(code="S09", name="后来加的店"))

    from desktop.restore_dialog import RestoreDialog

    def pick_newest(dialog: RestoreDialog) -> int:
        qtbot.waitUntil(lambda: bool(dialog.backups), timeout=10_000)
        assert dialog.backups[0].path == backup
        dialog.restore_selected()
        return int(dialog.result())

    monkeypatch.setattr(RestoreDialog, "exec", pick_newest)
    recorder.confirm_answers = [True]
    controller.restore()
    (question,) = recorder.texts("confirm")
    assert "0 items, 0 volunteers, 0 activities, 0 scans, 0 hour entries" in question
    assert controller.database is not None
    with controller.database.reading() as session:
        codes = sorted(session.scalars(select(Store.code)))
        assert codes == ["S01", "S02"]
        assert session.scalar(select(func.count()).select_from(Store)) == 2
    safety = list((db_path.parent / "backups").glob("desk-before-restore-*.sqlite3"))
    assert len(safety) == 1
    with sqlite3.connect(safety[0]) as conn:
        assert conn.execute("SELECT count(*) FROM store WHERE code='S09'").fetchone() == (1,)
    # Still ours: a second app may not open the file.
    with pytest.raises(Exception, match="already open"):
        InstanceLock(db_path).acquire()


def test_unattended_messages_go_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    service = app_module.StderrMessages()
    service.error(None, "打开数据库", "数据库正忙")
    assert service.confirm(None, "t", "q") is False
    assert "打开数据库: 数据库正忙" in capsys.readouterr().err
