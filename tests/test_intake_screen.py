"""The intake screen, used from the keyboard as a trained person would."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop import documents
from desktop.context import AppContext
from desktop.intake.intake_screen import IntakeScreen
from models.clock import utcnow
from models.db import Database
from models.schema import DonationBatch, Donor, Item, ItemEvent
from models.schema.enums import ItemEventKind
from tests.conftest import MessageRecorder
from tests.qt_helpers import has_cjk, language


@pytest.fixture
def screen(qtbot: QtBot, org_database: Database) -> IntakeScreen:
    made = IntakeScreen(AppContext(database=org_database, staff_name="王老师"))
    qtbot.addWidget(made)
    made.show()
    with qtbot.waitSignal(made.form.choicesLoaded, timeout=5000):
        made.refresh()
    return made


def type_line(
    qtbot: QtBot, screen: IntakeScreen, category: str, text: str, qty: int, value: str
) -> None:
    entry = screen.form.entry
    entry.category.setEditText(category)
    entry.description.setText(text)  # Chinese arrives through the input method
    entry.quantity.setValue(qty)
    entry.value.clear()
    qtbot.keyClicks(entry.value, value)
    qtbot.keyClick(entry.value, Qt.Key.Key_Return)


def count(database: Database, table: type) -> int:
    with database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_lines_totals_remove_and_save(
    qtbot: QtBot, screen: IntakeScreen, org_database: Database
) -> None:
    form = screen.form
    form.donor.anonymous.setChecked(True)
    type_line(qtbot, screen, "外套", "羊毛开衫 M码", 2, "35")
    type_line(qtbot, screen, "儿童图书", "绘本一套", 1, "12.5")
    type_line(qtbot, screen, "玩具", "拼图", 1, "8")
    assert form.model.rowCount() == 3
    assert "¥90.50" in form.totals.text()
    form.table.selectRow(2)
    form.remove_selected()
    assert form.model.rowCount() == 2
    assert "¥82.50" in form.totals.text()
    with qtbot.waitSignal(form.saved) as saved:
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    result, print_labels = saved.args
    assert print_labels is False
    assert form.model.rowCount() == 0
    with org_database.reading() as session:
        batch = session.scalars(select(DonationBatch)).one()
        assert batch.donor_id is None and batch.receipt_no == result.receipt_no
        items = session.scalars(select(Item).order_by(Item.code)).all()
        assert [i.code for i in items] == sorted(result.item_codes)
        assert sorted((i.description, i.quantity, i.unit_value_fen) for i in items) == [
            ("绘本一套", 1, 1250),
            ("羊毛开衫 M码", 2, 3500),
        ]
        kinds = session.scalars(select(ItemEvent.kind)).all()
        assert kinds == [ItemEventKind.RECEIVED, ItemEventKind.RECEIVED]
    assert result.receipt_no in screen.last_saved.text()
    first, last = sorted(result.item_codes)
    assert f"2 items, {first} … {last}" in screen.last_saved.text()


def test_one_item_saved_is_named_once(qtbot: QtBot, screen: IntakeScreen) -> None:
    form = screen.form
    form.donor.anonymous.setChecked(True)
    type_line(qtbot, screen, "外套", "羊毛开衫 M码", 1, "35")
    with qtbot.waitSignal(form.saved) as saved:
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    (code,) = saved.args[0].item_codes
    assert screen.last_saved.text().endswith(f": 1 item, {code}")  # not "{code} … {code}"


def test_bad_value_and_missing_donor_are_explained(
    qtbot: QtBot, qapp: QApplication, screen: IntakeScreen, org_database: Database
) -> None:
    form = screen.form
    with language(qapp, "zh_CN"):
        type_line(qtbot, screen, "外套", "大衣", 1, "abc")
        assert form.model.rowCount() == 0
        assert has_cjk(form.problem.text()) and "abc" in form.problem.text()
        type_line(qtbot, screen, "不存在的类别", "大衣", 1, "10")
        assert form.model.rowCount() == 0 and "不存在的类别" in form.problem.text()
        type_line(qtbot, screen, "外套", "大衣", 1, "10")
        assert form.model.rowCount() == 1
        assert not form.save(print_labels=False)
        assert has_cjk(form.problem.text())
    assert count(org_database, Item) == 0
    assert form.model.rowCount() == 1  # nothing lost


def test_donor_found_by_phone_and_chosen_with_enter(
    qtbot: QtBot, screen: IntakeScreen, org_database: Database
) -> None:
    from models import intake
    from models.schema.enums import DonorKind

    with org_database.transaction() as session:
        donor_id = intake.add_donor(
            session, kind=DonorKind.INDIVIDUAL, name="李梅", phone="13912345678", staff="x"
        )
    picker = screen.form.donor
    qtbot.keyClicks(picker.search, "1391234")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.donor_id == donor_id
    assert "李梅" in picker.chosen.text()
    type_line(qtbot, screen, "外套", "风衣", 1, "50")
    assert screen.form.save(print_labels=False)
    with org_database.reading() as session:
        assert session.scalars(select(DonationBatch.donor_id)).one() == donor_id
        assert session.scalar(select(func.count()).select_from(Donor)) == 1


def test_save_and_print_labels_writes_and_opens_the_pdf(
    qtbot: QtBot,
    screen: IntakeScreen,
    org_database: Database,
    monkeypatch: pytest.MonkeyPatch,
    recorder: MessageRecorder,
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(documents, "opener", opened.append)
    screen.form.donor.anonymous.setChecked(True)
    type_line(qtbot, screen, "外套", "羽绒服", 3, "60")
    qtbot.keyClick(screen.form, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(opened) or bool(recorder.shown), timeout=15_000)
    assert recorder.shown == []
    pdf = opened[0]
    assert pdf.read_bytes().startswith(b"%PDF")
    with org_database.reading() as session:
        item = session.scalars(select(Item)).one()
        assert item.labelled_at is not None
    screen.print_receipt()
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=15_000)
    assert opened[1].name.startswith("receipt-") and opened[1].read_bytes().startswith(b"%PDF")


def test_received_date_is_today_where_the_organisation_is(
    qtbot: QtBot, org_database: Database
) -> None:
    # UTC+14 and UTC-11 are 25 hours apart: their dates always differ, whatever this
    # computer's own clock and zone say.
    shown = {}
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        context = AppContext(database=org_database, time_zone=zone)
        made = IntakeScreen(context)
        qtbot.addWidget(made)
        day = made.form.received_on.date()
        shown[zone] = date(day.year(), day.month(), day.day())
        assert shown[zone] == utcnow().astimezone(ZoneInfo(zone)).date()
    assert shown["Pacific/Kiritimati"] != shown["Pacific/Pago_Pago"]
