"""Render the SVG icons into the bitmaps the installers and the app's start need
(run after changing an SVG; the output is committed and a test checks it is current).

    .venv/bin/python packaging/make_icons.py

In packaging/icons:

* ``partner-desk-<N>.png`` for N in 16 … 512: the Linux desktop entry's icon
  (freedesktop hicolor sizes) and anything else that wants a bitmap;
* ``partner-desk.ico``: the Windows program and installer icon, each size drawn
  from the SVG at that size (not scaled down from one big bitmap).

In resources/icons (read before the first frame, so no SVG is drawn at start-up):

* ``app-<N>.png``: the window icon at desktop/icons.APP_ICON_SIZES;
* ``sidebar-<name>.png``: each screen's icon in the sidebar's light colour.

Drawn by Qt's own SVG renderer, offscreen, so the icons match what the app shows.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage, QPixmap

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "app.svg"
OUT = ROOT / "packaging" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
NAME = "partner-desk"


def render(size: int) -> bytes:
    """PNG bytes of the SVG drawn at ``size`` × ``size`` pixels."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return png_bytes(image)


def png_bytes(picture: QImage | QPixmap) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    picture.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def startup_icons() -> dict[str, bytes]:
    """``{file name in resources/icons: PNG bytes}`` for the icons shown at start-up."""
    from desktop import icons
    from desktop.navigation import SCREENS

    files = {f"app-{size}.png": render(size) for size in icons.APP_ICON_SIZES}
    for entry in SCREENS:
        pixmap = icons.tinted_pixmap(entry.icon, icons.SIDEBAR, icons.SIDEBAR_PIXELS)
        files[f"sidebar-{entry.icon}.png"] = png_bytes(pixmap)
    return files


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication(sys.argv[:1])
    for name, data in startup_icons().items():
        path = SOURCE.parent / name
        path.write_bytes(data)
        print(path.relative_to(ROOT))
    OUT.mkdir(parents=True, exist_ok=True)
    bitmaps = {size: render(size) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    for size in PNG_SIZES:
        path = OUT / f"{NAME}-{size}.png"
        path.write_bytes(bitmaps[size])
        print(path.relative_to(ROOT))
    images = [Image.open(io.BytesIO(bitmaps[size])).convert("RGBA") for size in ICO_SIZES]
    ico = OUT / f"{NAME}.ico"
    images[-1].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])
    print(ico.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
