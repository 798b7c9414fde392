"""The items screen: lazy table over a query, filters, lookup, detail and actions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import models.intake as intake
from desktop.context import AppContext
from desktop.items import item_table_model, items_screen
from desktop.items.items_screen import ItemsScreen
from desktop.main_window import MainWindow
from models import categories, codes, organisation
from models.db import Database
from models.schema import Item, ItemEvent
from models.schema.enums import Grade, ItemEventKind, ItemStatus
from tests.conftest import MessageRecorder
from tests.qt_helpers import scanner_keys


def stock(database: Database, n: int = 30) -> list[str]:
    with database.transaction() as session:
        store_id = organisation.stores(session)[0][0]
        leaves = {node.name: node.id for node in categories.leaf_categories(session)}
        lines = tuple(
            intake.ItemLine(
                category_id=leaves["外套"] if i % 3 == 0 else leaves["玩具"],
                description=f"羊毛大衣 {i}" if i % 3 == 0 else f"积木 {i}",
                grade=Grade.A,
                quantity=1,
                unit_value_fen=1000 + i,
            )
            for i in range(n)
        )
        saved = intake.save_batch(
            session,
            intake.BatchRequest(
                donor_id=None, store_id=store_id, received_on=date.today(), lines=lines
            ),
            staff="王老师",
        )
    return list(saved.item_codes)


@pytest.fixture
def screen(qtbot: QtBot, org_database: Database) -> ItemsScreen:
    made = ItemsScreen(AppContext(database=org_database, staff_name="王老师"))
    qtbot.addWidget(made)
    made.show()
    return made


def settle(qtbot: QtBot, screen: ItemsScreen) -> None:
    qtbot.waitUntil(lambda: "…" not in screen.count_label.text(), timeout=5000)
    qtbot.waitUntil(lambda: " of " in screen.count_label.text(), timeout=5000)


def test_rows_come_a_page_at_a_time(
    qtbot: QtBot, screen: ItemsScreen, org_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(items_screen, "PAGE_SIZE", 10)
    monkeypatch.setattr(item_table_model, "PAGE_SIZE", 10)
    codes_made = stock(org_database, 25)
    screen.refresh()
    settle(qtbot, screen)
    assert screen.model.rowCount() == 10
    assert "10 of 25" in screen.count_label.text()
    assert screen.model.canFetchMore()
    screen.model.fetchMore()
    screen.model.fetchMore()
    assert screen.model.rowCount() == 25 and not screen.model.canFetchMore()
    shown = [screen.model.row_at(i).code for i in range(25)]
    assert sorted(shown) == sorted(codes_made)


def test_text_and_status_filters(qtbot: QtBot, screen: ItemsScreen, org_database: Database) -> None:
    stock(org_database, 30)
    screen.refresh()
    settle(qtbot, screen)
    assert screen.model.rowCount() == 30
    screen.search.setText("羊毛")
    screen.run_query()
    settle(qtbot, screen)
    assert screen.model.rowCount() == 10
    assert all("羊毛" in screen.model.row_at(i).description for i in range(10))
    screen.status.setCurrentIndex(screen.status.findData(ItemStatus.SOLD.value))
    settle(qtbot, screen)
    assert screen.model.rowCount() == 0


def test_lookup_opens_the_item_and_actions_append_events(
    qtbot: QtBot, screen: ItemsScreen, org_database: Database, recorder: MessageRecorder
) -> None:
    code = stock(org_database, 3)[0]
    screen.code.setText(code.lower())
    screen.look_up_code()
    dialog = screen.detail_dialog
    qtbot.addWidget(dialog)
    assert dialog.detail.code == code
    assert set(dialog.action_buttons) >= {ItemEventKind.SORTED, ItemEventKind.SHELVED}
    assert dialog.act(ItemEventKind.SORTED)
    assert dialog.act(ItemEventKind.SHELVED)
    recorder.text_answers = ["25.5"]
    assert dialog.act(ItemEventKind.SOLD)
    assert dialog.history.rowCount() == 4
    when = dialog.history.item(0, 0)
    needed = dialog.history.fontMetrics().horizontalAdvance(when.text())
    assert dialog.history.columnWidth(0) > needed  # "2026-11-23 10:38", not "2026-11-23 …"
    assert "This item's story is complete." in dialog.actions_row.itemAt(0).widget().text()
    with org_database.reading() as session:
        item = session.scalars(select(Item).where(Item.code == code)).one()
        assert (item.status, item.sold_price_fen) == (ItemStatus.SOLD, 2550)
        kinds = session.scalars(
            select(ItemEvent.kind).where(ItemEvent.item_id == item.id).order_by(ItemEvent.at)
        ).all()
    assert kinds == [
        ItemEventKind.RECEIVED,
        ItemEventKind.SORTED,
        ItemEventKind.SHELVED,
        ItemEventKind.SOLD,
    ]


def test_unknown_code_is_said_plainly(screen: ItemsScreen, recorder: MessageRecorder) -> None:
    screen.code.setText("S09-26-999999")
    screen.look_up_code()
    assert recorder.texts("warning") == ["No item has the code S09-26-999999."]


def test_a_label_scanned_anywhere_opens_the_item(
    qtbot: QtBot, org_database: Database, recorder: MessageRecorder
) -> None:
    code = stock(org_database, 2)[1]
    window = MainWindow(AppContext(database=org_database))
    qtbot.addWidget(window)
    window.show()
    window.navigate("settings")
    window.handle_scan(codes.item_payload("GREEN", code))
    assert window.current_key() == "items"
    items = window.screen_for("items")
    assert items.detail_dialog.detail.code == code  # type: ignore[attr-defined]
    qtbot.addWidget(items.detail_dialog)  # type: ignore[attr-defined]
    with org_database.reading() as session:
        org = organisation.profile(session)
    assert org is not None
    window.handle_scan("PDV:OTHER:V000001:1:ABCDEFGHIJ")
    assert "another organisation" in recorder.texts("warning")[-1]


def test_photos_from_a_file_and_from_camera_bytes(
    qtbot: QtBot, screen: ItemsScreen, org_database: Database, tmp_path: Path
) -> None:
    from PySide6.QtGui import QColor, QImage

    from desktop.widgets.camera_snapshot_dialog import camera_available, image_to_jpeg

    code = stock(org_database, 1)[0]
    assert screen.open_item(code)
    dialog = screen.detail_dialog
    qtbot.addWidget(dialog)
    assert dialog.snapshot_button.isEnabled() == camera_available()
    picture = QImage(800, 600, QImage.Format.Format_RGB32)
    picture.fill(QColor("#2e7d5b"))
    source = tmp_path / "coat.png"
    assert picture.save(str(source))
    assert dialog.attach(source)
    assert dialog.attach_bytes(image_to_jpeg(picture))
    assert dialog.photos.count() == 2
    text = tmp_path / "notes.png"
    text.write_text("not an image")
    assert not dialog.attach(text)
    assert dialog.photos.count() == 2


def test_a_usb_scanner_typing_into_the_window_opens_the_item(
    qtbot: QtBot, org_database: Database
) -> None:
    code = stock(org_database, 1)[0]
    window = MainWindow(AppContext(database=org_database))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.navigate("settings")
    qtbot.waitUntil(lambda: window.scanner is not None, timeout=2000)
    target = QApplication.focusWidget() or window
    scanner_keys(qtbot, target, codes.item_payload("GREEN", code))
    qtbot.keyClick(target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_key() == "items", timeout=2000)
    items = window.screen_for("items")
    assert items.detail_dialog.detail.code == code  # type: ignore[attr-defined]
    qtbot.addWidget(items.detail_dialog)  # type: ignore[attr-defined]


def test_a_company_donor_fits_its_column_and_the_description_takes_the_rest(
    screen: ItemsScreen,
) -> None:
    from desktop.items.item_table_model import Column

    screen.resize(1180, 700)
    header = screen.table.horizontalHeader()
    company = "启明软件技术有限公司"
    assert header.sectionSize(Column.DONOR) > screen.table.fontMetrics().horizontalAdvance(company)
    assert header.sectionSize(Column.DESCRIPTION) > header.sectionSize(Column.DONOR)
