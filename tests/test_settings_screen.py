"""Settings: profile, stores, rate, keys and PIN changed through the screen, audited."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.context import AppContext
from desktop.settings.settings_screen import SettingsScreen
from models import organisation
from models.db import Database
from models.schema import AuditEntry, MatchingRate, Organisation, Store
from tests.conftest import MessageRecorder
from tests.qt_helpers import has_cjk, language


def make_screen(qtbot: QtBot, database: Database) -> SettingsScreen:
    screen = SettingsScreen(AppContext(database=database, staff_name="李主任"))
    qtbot.addWidget(screen)
    screen.refresh()
    return screen


def audit_actions(database: Database) -> list[tuple[str, str]]:
    with database.reading() as session:
        return [(a.action, a.staff_name) for a in session.scalars(select(AuditEntry))]


def test_profile_change_is_saved_and_audited(qtbot: QtBot, org_database: Database) -> None:
    screen = make_screen(qtbot, org_database)
    assert screen.org_code.text() == "GREEN"
    screen.org_name.setText("绿芽社区公益服务中心")
    screen.contact_phone.setText("021-5555 0101")
    screen.save_profile_button.click()
    with org_database.reading() as session:
        org = session.scalars(select(Organisation)).one()
        assert (org.name, org.contact_phone) == ("绿芽社区公益服务中心", "021-5555 0101")
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "organisation.update")
        ).one()
        assert entry.staff_name == "李主任"
        assert entry.before == {"name": "绿芽公益服务中心", "contact_phone": None}
        assert entry.after == {"name": "绿芽社区公益服务中心", "contact_phone": "021-5555 0101"}


def test_new_store_appears_in_the_table(qtbot: QtBot, org_database: Database) -> None:
    screen = make_screen(qtbot, org_database)
    qtbot.keyClicks(screen.new_store_code, "s03")
    screen.new_store_name.setText("浦东店")
    screen.add_store_button.click()
    assert screen.stores_table.rowCount() == 3
    assert screen.stores_table.item(2, 0).text() == "S03"
    with org_database.reading() as session:
        assert session.scalar(select(Store.name).where(Store.code == "S03")) == "浦东店"
    assert ("store.add", "李主任") in audit_actions(org_database)


def test_duplicate_store_is_refused_with_a_chinese_message(
    qtbot: QtBot, qapp: QApplication, org_database: Database, recorder: MessageRecorder
) -> None:
    with language(qapp, "zh_CN"):
        screen = make_screen(qtbot, org_database)
        qtbot.keyClicks(screen.new_store_code, "S01")
        screen.new_store_name.setText("重复")
        screen.add_store_button.click()
    (message,) = recorder.texts("error")
    assert has_cjk(message) and "S01" in message
    assert screen.stores_table.rowCount() == 2


def test_new_rate_from_a_date(qtbot: QtBot, org_database: Database) -> None:
    screen = make_screen(qtbot, org_database)
    qtbot.keyClicks(screen.rate_amount, "120")
    screen.add_rate_button.click()
    with org_database.reading() as session:
        rates = session.scalars(select(MatchingRate.fen_per_hour)).all()
    assert sorted(rates) == [100_00, 120_00]
    assert screen.rates_table.rowCount() == 2
    assert screen.rates_table.item(1, 1).text() == "¥120.00"


def test_bad_rate_is_refused(
    qtbot: QtBot, org_database: Database, recorder: MessageRecorder
) -> None:
    screen = make_screen(qtbot, org_database)
    qtbot.keyClicks(screen.rate_amount, "12.345")
    screen.add_rate_button.click()
    assert recorder.texts("error")
    with org_database.reading() as session:
        assert len(session.scalars(select(MatchingRate)).all()) == 1


def test_new_keys_need_confirmation_and_a_reason(
    qtbot: QtBot, org_database: Database, recorder: MessageRecorder
) -> None:
    screen = make_screen(qtbot, org_database)
    before = screen.fingerprint.text()
    recorder.confirm_answers = [False]
    screen.regenerate_button.click()
    assert screen.fingerprint.text() == before
    recorder.confirm_answers = [True]
    recorder.text_answers = ["笔记本电脑丢失"]
    screen.regenerate_button.click()
    assert screen.fingerprint.text() != before
    with org_database.reading() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "organisation.keys_regenerated")
        ).one()
        assert entry.reason == "笔记本电脑丢失"
        assert entry.before == {"fingerprint": before}
        assert organisation.profile(session).fingerprint == screen.fingerprint.text()  # type: ignore[union-attr]


def test_pin_is_set_only_when_typed_twice_the_same(
    qtbot: QtBot, org_database: Database, recorder: MessageRecorder
) -> None:
    screen = make_screen(qtbot, org_database)
    recorder.text_answers = ["2468", "2469"]
    screen.set_pin_button.click()
    with org_database.reading() as session:
        assert organisation.profile(session).has_pin is False  # type: ignore[union-attr]
    recorder.text_answers = ["2468", "2468"]
    screen.set_pin_button.click()
    with org_database.reading() as session:
        assert organisation.check_staff_pin(session, "2468")
        assert not organisation.check_staff_pin(session, "1111")
    assert screen.clear_pin_button.isEnabled()
