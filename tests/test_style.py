"""The looks in resources/styles/app.qss reach the widgets that wear them, and only them."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop import style
from desktop.context import AppContext
from desktop.main_window import MainWindow
from models.db import Database


def rgb(widget: QWidget, x: int, y: int) -> tuple[int, int, int]:
    colour = widget.grab().toImage().pixelColor(x, y)
    return colour.red(), colour.green(), colour.blue()


def hex_rgb(value: str) -> tuple[int, int, int]:
    colour = QColor(value)
    return colour.red(), colour.green(), colour.blue()


def test_rules_are_grouped_by_the_object_they_name() -> None:
    looks = style.parse_looks(
        """/* a comment { with braces } */
        QListWidget#side { background: #112233; }
        QListWidget#side::item:selected { color: white; }
        QLabel { color: red; }
        QLabel#a, QPushButton#b { font-size: 15px; }
        """
    )
    assert set(looks) == {"side", "a", "b"}
    assert looks["side"].splitlines() == [
        "QListWidget#side { background: #112233; }",
        "QListWidget#side::item:selected { color: white; }",
    ]
    assert looks["a"] == looks["b"] == "QLabel#a, QPushButton#b { font-size: 15px; }"


def test_the_shipped_sheet_has_every_look_the_screens_use() -> None:
    looks = style.looks()
    for look in ("sidebar", "screenHeading", "emptySteps", "primaryButton", "errorText"):
        assert f"#{look}" in looks[look]


def test_the_application_has_no_style_sheet_of_its_own(
    qtbot: QtBot, qapp: QApplication, org_database: Database
) -> None:
    window = MainWindow(AppContext(database=org_database))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert qapp.styleSheet() == ""
    # The sidebar wears its dark green; the screen area is the window background.
    assert rgb(window.sidebar, 4, window.sidebar.height() - 4) == hex_rgb("#1f4d3a")
    stack = window.stack
    assert rgb(stack, stack.width() - 2, stack.height() - 2) == hex_rgb(style.WINDOW_BACKGROUND)


def test_a_widget_wearing_a_look_is_drawn_in_it(qtbot: QtBot) -> None:
    plain, primary = QPushButton("保存"), QPushButton("保存并打印标签")
    style.wear(primary, "primaryButton")
    for button in (plain, primary):
        qtbot.addWidget(button)
        button.resize(200, 40)
    assert primary.objectName() == "primaryButton"
    assert rgb(primary, 4, 20) == hex_rgb("#2e7d5b")
    assert rgb(plain, 4, 20) != hex_rgb("#2e7d5b")
    heading = QLabel("捐赠登记")
    qtbot.addWidget(heading)
    before = heading.sizeHint().height()
    style.wear(heading, "screenHeading")
    assert heading.sizeHint().height() > before  # 22 px bold, not the body size
