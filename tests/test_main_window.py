"""The main window: every screen reachable, real empty states, status bar, menus."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop import preferences
from desktop.context import AppContext
from desktop.main_window import MainWindow
from desktop.navigation import SCREENS
from desktop.summary_screen import SummaryScreen
from models.db import Database
from tests.qt_helpers import has_cjk, language


def make_window(qtbot: QtBot, database: Database) -> MainWindow:
    context = AppContext(database=database, organisation="绿芽公益服务中心 (GREEN)")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    return window


def test_sidebar_reaches_every_screen_with_its_empty_state_in_chinese(
    qtbot: QtBot, qapp: QApplication, org_database: Database
) -> None:
    with language(qapp, "zh_CN"):
        window = make_window(qtbot, org_database)
        titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
        assert titles == ["捐赠登记", "物品", "志愿者", "活动", "签到", "服务时长", "同步", "设置"]
        for row, entry in enumerate(SCREENS):
            window.sidebar.setCurrentRow(row)
            screen = window.stack.currentWidget()
            assert screen is window.screen_for(entry.key)
            if isinstance(screen, SummaryScreen):
                qtbot.waitUntil(lambda s=screen: s.loaded, timeout=5000)
                assert screen.is_empty(), entry.key
                text = screen.empty.text()
                assert has_cjk(text) and len(text) > 40, entry.key
        assert window.current_key() == "settings"


def test_status_bar_names_the_organisation_and_the_database_file(
    qtbot: QtBot, org_database: Database, db_path: Path
) -> None:
    window = make_window(qtbot, org_database)
    assert "GREEN" in window.organisation_label.text()
    assert str(db_path) in window.database_label.toolTip()
    assert window.database_label.text().endswith("desk.sqlite3")


def test_menus_offer_open_backup_restore_about_quit(
    qtbot: QtBot, qapp: QApplication, org_database: Database
) -> None:
    with language(qapp, "zh_CN"):
        window = make_window(qtbot, org_database)
        texts = [
            action.text()
            for menu in window.menuBar().actions()
            for action in menu.menu().actions()
            if not action.isSeparator()
        ]
    for expected in ("打开", "备份", "恢复", "退出", "关于"):
        assert any(expected in text for text in texts), expected


def test_geometry_and_last_screen_are_kept(qtbot: QtBot, org_database: Database) -> None:
    # Start on a narrow screen, so a size of our own fits the offscreen screen (800×600).
    preferences.put(preferences.LAST_SCREEN, "settings")
    window = make_window(qtbot, org_database)
    window.navigate("hours")
    wanted = QSize(760, 520)
    assert window.minimumSizeHint().width() <= wanted.width()
    window.resize(wanted)
    window.close()
    again = make_window(qtbot, org_database)
    assert again.size() == wanted
    assert again.current_key() == "hours"
    assert preferences.get(preferences.LAST_SCREEN) == "hours"


@pytest.fixture
def demo_database(org_database: Database) -> Database:
    from models import demo

    demo.generate(org_database, demo.DemoSizes(items=120, volunteers=20, activities=4), seed=7)
    return org_database


def test_screens_show_what_the_database_holds(qtbot: QtBot, demo_database: Database) -> None:
    window = make_window(qtbot, demo_database)
    items = window.navigate("items")
    qtbot.waitUntil(lambda: "120 of 120" in items.count_label.text(), timeout=5000)  # type: ignore[attr-defined]
    assert items.model.rowCount() == 120  # type: ignore[attr-defined]
    activities = window.navigate("activities")
    qtbot.waitUntil(lambda: activities.loaded, timeout=5000)  # type: ignore[attr-defined]
    assert activities.model.rowCount() == 4  # type: ignore[attr-defined]
