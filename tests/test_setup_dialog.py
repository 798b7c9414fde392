"""First run: the set-up dialog, filled as a person would, creates the profile and keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.setup_dialog import SetupDialog
from models import signing
from models.db import Database
from models.schema import AuditEntry, ItemCategory, MatchingRate, Organisation, Store
from tests.qt_helpers import has_cjk, language


def fill(qtbot: QtBot, dialog: SetupDialog, *, name: str, code: str) -> None:
    # Chinese arrives through an input method; QTest can only type ASCII keys.
    dialog.name.setText(name)
    qtbot.keyClicks(dialog.code, code)
    dialog.staff_name.setText("王老师")
    dialog.rate.clear()
    qtbot.keyClicks(dialog.rate, "80.5")
    dialog.stores.item(0, 1).setText("静安旗舰店")
    qtbot.mouseClick(dialog.add_store_button, Qt.MouseButton.LeftButton)
    dialog.stores.item(1, 1).setText("徐汇店")


def test_filled_dialog_creates_profile_stores_rate_and_keys(
    qtbot: QtBot, database: Database
) -> None:
    dialog = SetupDialog(database)
    qtbot.addWidget(dialog)
    fill(qtbot, dialog, name="绿芽公益服务中心", code="green")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.result() == QDialog.DialogCode.Accepted
    with database.reading() as session:
        org = session.scalars(select(Organisation)).one()
        stores = session.execute(select(Store.code, Store.name).order_by(Store.code)).all()
        rate = session.scalars(select(MatchingRate)).one()
        categories = session.scalar(select(func.count()).select_from(ItemCategory))
        audit = [(a.action, a.staff_name) for a in session.scalars(select(AuditEntry))]
        org_fields = (org.code, org.name, org.time_zone)
        secret, private, public = org.badge_secret, org.signing_private_key, org.signing_public_key
        rate_fen = rate.fen_per_hour
    assert org_fields == ("GREEN", "绿芽公益服务中心", "Asia/Shanghai")
    assert [tuple(s) for s in stores] == [("S01", "静安旗舰店"), ("S02", "徐汇店")]
    assert rate_fen == 8050
    assert categories and categories > 30
    assert len(secret) == 32
    signature = signing.sign(private, b"manifest")
    assert signing.verify(public, signature, b"manifest")
    assert audit == [("organisation.setup", "王老师")]


def test_bad_code_is_explained_in_chinese_and_nothing_saved(
    qtbot: QtBot, qapp: QApplication, database: Database
) -> None:
    with language(qapp, "zh_CN"):
        dialog = SetupDialog(database)
        qtbot.addWidget(dialog)
        fill(qtbot, dialog, name="绿芽", code="G-1")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.isVisible() or dialog.result() == 0
        message = dialog.error.text()
        headers = [dialog.stores.horizontalHeaderItem(i).text() for i in range(2)]
    assert has_cjk(message)
    assert headers == ["编号", "名称"]  # a store's name, not a person's (姓名)
    assert "2" in message and "12" in message
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Organisation)) == 0
        assert session.scalar(select(func.count()).select_from(Store)) == 0


def test_duplicate_store_code_is_refused(qtbot: QtBot, database: Database) -> None:
    dialog = SetupDialog(database)
    qtbot.addWidget(dialog)
    fill(qtbot, dialog, name="Green", code="GREEN")
    dialog.stores.item(1, 0).setText("s01")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "S01" in dialog.error.text()
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Organisation)) == 0
