"""Bulk import from the GUI: preview, mapping, every row checked, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.context import AppContext
from desktop.intake.import_dialog import ImportDialog
from models.db import Database
from models.schema import DonationBatch, Item

GOOD = (
    "品名,类别,成色,数量,单价\n羊毛大衣,外套,A,2,80\n儿童绘本,儿童图书,B,10,5\n拼图,玩具,C,1,12.5\n"
)
BAD = "品名,类别,成色,数量,单价,备注\n羊毛大衣,外套,A,2,80,\n绘本,不存在的类别,B,-1,5,x\n"


@pytest.fixture
def dialog(qtbot: QtBot, org_database: Database) -> ImportDialog:
    made = ImportDialog(AppContext(database=org_database, staff_name="王老师"))
    qtbot.addWidget(made)
    return made


def load(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.validate_button.isEnabled(), timeout=5000)


def items(database: Database) -> int:
    with database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Item)) or 0)


def test_a_file_with_problems_is_reported_row_by_row_and_not_imported(
    qtbot: QtBot, dialog: ImportDialog, org_database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(BAD.encode("gbk"))
    load(qtbot, dialog, path)
    assert dialog.preview.rowCount() == 2
    assert dialog.mapping["category"].currentData() == "类别"
    assert "备注" in dialog.unknown.text()
    dialog.validate()
    qtbot.waitUntil(lambda: dialog.validation is not None, timeout=5000)
    rows = {dialog.errors.item(r, 0).text() for r in range(dialog.errors.rowCount())}
    assert rows == {"3"}
    assert any(
        "不存在的类别" in dialog.errors.item(r, 2).text() for r in range(dialog.errors.rowCount())
    )
    assert not dialog.import_button.isEnabled()
    assert items(org_database) == 0


def test_a_clean_file_imports_as_one_donation(
    qtbot: QtBot, dialog: ImportDialog, org_database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(GOOD, encoding="utf-8-sig")
    load(qtbot, dialog, path)
    dialog.validate()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=5000)
    assert "¥222.50" in dialog.summary.text()
    dialog.run_import()
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=10_000)
    assert items(org_database) == 3
    with org_database.reading() as session:
        batch = session.scalars(select(DonationBatch)).one()
        assert batch.receipt_no == dialog.result_value.receipt_no
        values = sorted(session.scalars(select(Item.unit_value_fen)))
    assert values == [500, 1250, 8000]


def test_a_damaged_workbook_is_explained(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path
) -> None:
    path = tmp_path / "list.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    dialog.load_file(path)
    qtbot.waitUntil(lambda: bool(dialog.summary.text()), timeout=5000)
    assert "list.xlsx" in dialog.summary.text()
    assert not dialog.validate_button.isEnabled()
