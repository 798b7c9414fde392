"""The start-up icons shipped as PNGs are the SVGs drawn now, and the window uses them."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop import icons
from desktop.context import AppContext
from desktop.main_window import MainWindow
from desktop.navigation import SCREENS
from models import resources
from models.db import Database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import make_icons  # noqa: E402


def largest_difference(a: QImage, b: QImage) -> int:
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    assert a.size() == b.size()
    worst = 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = a.pixelColor(x, y), b.pixelColor(x, y)
            worst = max(
                worst,
                abs(pa.red() - pb.red()),
                abs(pa.green() - pb.green()),
                abs(pa.blue() - pb.blue()),
                abs(pa.alpha() - pb.alpha()),
            )
    return worst


def test_shipped_pngs_match_the_svgs_drawn_now(qapp: QApplication) -> None:
    fresh = make_icons.startup_icons()
    shipped = sorted(p.name for p in resources.path("icons").glob("*.png"))
    assert shipped == sorted(fresh), "run packaging/make_icons.py"
    for name, data in fresh.items():
        drawn = QImage.fromData(data)
        on_disk = QImage(str(resources.path(f"icons/{name}")))
        # Anti-aliasing may differ by a shade between Qt versions; a changed SVG
        # or colour differs by far more.
        assert largest_difference(drawn, on_disk) <= 8, f"{name}: run packaging/make_icons.py"


def test_sidebar_icons_are_light_and_the_window_icon_has_every_size(
    qtbot: QtBot, org_database: Database
) -> None:
    window = MainWindow(AppContext(database=org_database))
    qtbot.addWidget(window)
    sizes = window.windowIcon().availableSizes()
    assert sorted(size.width() for size in sizes) == list(icons.APP_ICON_SIZES)
    for row, entry in enumerate(SCREENS):
        image = window.sidebar.item(row).icon().pixmap(48, 48).toImage()
        opaque = {
            image.pixelColor(x, y).name()
            for y in range(image.height())
            for x in range(image.width())
            if image.pixelColor(x, y).alpha() == 255
        }
        assert opaque == {icons.SIDEBAR}, entry.key
