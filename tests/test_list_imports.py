"""Sign-up lists and activity rosters imported from the GUI: checked, then all or nothing."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.activities.roster_import_dialog import RosterImportDialog
from desktop.context import AppContext
from desktop.volunteers.signup_import_dialog import SignupImportDialog
from models import activities
from models.db import Database
from models.schema import Registration, Volunteer

SIGNUPS = (
    "姓名,手机号,单位,志愿者编号\n"
    "张三,13800138000,启明软件,P2026000001\n"
    "李四,13900139000,启明软件,P2026000002\n"
)
BAD_SIGNUPS = "姓名,手机号\n张三,13800138000\n,13900139000\n王五,123\n"
ROSTER = "姓名,手机号,志愿者编号\n张三,13800138000,P2026000001\n赵六,13700137000,P2026000009\n"


def volunteers(database: Database) -> int:
    with database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Volunteer)) or 0)


def test_signup_list_with_problems_writes_nothing_then_a_clean_one_imports(
    qtbot: QtBot, org_database: Database, tmp_path: Path
) -> None:
    dialog = SignupImportDialog(AppContext(database=org_database, staff_name="李主任"))
    qtbot.addWidget(dialog)
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_SIGNUPS, encoding="utf-8")
    dialog.load_file(bad)
    qtbot.waitUntil(lambda: dialog.validation is not None, timeout=5000)
    rows = {dialog.errors.item(r, 0).text() for r in range(dialog.errors.rowCount())}
    assert rows == {"3", "4"}
    assert not dialog.import_button.isEnabled()
    assert volunteers(org_database) == 0

    good = tmp_path / "good.csv"
    good.write_bytes(SIGNUPS.encode("gbk"))
    dialog.load_file(good)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=5000)
    assert "2" in dialog.summary.text()
    dialog.run_import()
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=5000)
    assert dialog.result_value.new == 2
    assert volunteers(org_database) == 2


def test_roster_registers_existing_and_new_volunteers(
    qtbot: QtBot, org_database: Database, tmp_path: Path
) -> None:
    with org_database.transaction() as session:
        activity_id = activities.create_activity(
            session,
            activities.ActivityData(
                title="儿童阅读陪伴",
                kind="阅读陪伴",
                description=None,
                day=date.today(),
                start=time(9),
                end=time(11),
            ),
            staff="李主任",
        )
    signups = SignupImportDialog(AppContext(database=org_database, staff_name="李主任"))
    qtbot.addWidget(signups)
    first = tmp_path / "signups.csv"
    first.write_text(SIGNUPS, encoding="utf-8")
    signups.load_file(first)
    qtbot.waitUntil(signups.import_button.isEnabled, timeout=5000)
    signups.run_import()
    qtbot.waitUntil(lambda: signups.result_value is not None, timeout=5000)

    dialog = RosterImportDialog(
        AppContext(database=org_database, staff_name="李主任"), activity_id, "儿童阅读陪伴"
    )
    qtbot.addWidget(dialog)
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    dialog.load_file(roster)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=5000)
    dialog.run_import()
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=5000)
    result = dialog.result_value
    assert (result.registered, result.created_volunteers) == (2, 1)
    with org_database.reading() as session:
        ids = set(
            session.scalars(
                select(Registration.programme_id).where(Registration.activity_id == activity_id)
            )
        )
    assert ids == {"P2026000001", "P2026000009"}
    assert volunteers(org_database) == 3


def test_preview_mapping_and_unknown_columns(
    qtbot: QtBot, org_database: Database, tmp_path: Path
) -> None:
    dialog = SignupImportDialog(AppContext(database=org_database, staff_name="李主任"))
    qtbot.addWidget(dialog)
    path = tmp_path / "list.csv"
    path.write_text(
        SIGNUPS.replace("志愿者编号", "志愿者编号,衣服尺码")
        .replace("P2026000001", "P2026000001,L")
        .replace("P2026000002", "P2026000002,M"),
        encoding="utf-8",
    )
    dialog.load_file(path)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=5000)
    assert dialog.preview.rowCount() == 2 and dialog.preview.columnCount() == 5
    assert dialog.mapping["phone"].currentData() == "手机号"
    assert "衣服尺码" in dialog.unknown.text()
    dialog.mapping["name"].setCurrentIndex(0)  # "(not in the file)"
    assert not dialog.import_button.isEnabled()
    dialog.validate()
    qtbot.waitUntil(lambda: bool(dialog.summary.text()), timeout=5000)
    refused = dialog.validation is None or dialog.validation.error_count > 0
    assert refused and not dialog.import_button.isEnabled()
    assert volunteers(org_database) == 0
