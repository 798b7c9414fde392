"""The bundled CJK font is registered and really covers Chinese."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics, QImage, QPainter, QRawFont
from PySide6.QtWidgets import QApplication

from desktop import fonts
from models import resources

SAMPLE = "伙伴工作台捐赠登记志愿者签到签退服务时长配捐同步设置门店标签审核补录证明"


def render(text: str, family: str) -> QImage:
    image = QImage(48, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    font = QFont(family)
    font.setPixelSize(32)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def dark_pixels(image: QImage) -> int:
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if QColor(image.pixel(x, y)).lightness() < 128
    )


def test_font_file_and_licence_ship_with_the_app() -> None:
    path = resources.cjk_font_path()
    assert path.stat().st_size > 4_000_000
    licence = path.with_name("LICENSE-wqy-microhei.txt").read_text(encoding="utf-8")
    assert "Apache License" in licence


def test_registered_family_covers_common_characters(qapp: QApplication) -> None:
    family = fonts.register_cjk_font()
    assert family == resources.CJK_FONT_FAMILY
    assert family in QFontDatabase.families()
    raw = QRawFont(str(resources.cjk_font_path()), 16)
    assert raw.isValid()
    missing = [ch for ch in SAMPLE if not raw.supportsCharacter(ord(ch))]
    assert missing == []


def test_app_font_reports_the_glyphs(qapp: QApplication) -> None:
    family = fonts.register_cjk_font()
    assert family is not None
    fonts.apply_app_font(qapp, family)
    assert qapp.font().families()[0] == family
    metrics = QFontMetrics(qapp.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in SAMPLE)


def test_chinese_glyphs_are_drawn_not_boxes(qapp: QApplication) -> None:
    family = fonts.register_cjk_font()
    assert family is not None
    images = [render(ch, family) for ch in "伙伴签"]
    # Real glyphs: ink on the page, and each character looks different
    # (a missing-glyph box would be identical for all three).
    assert all(dark_pixels(image) > 40 for image in images)
    assert images[0] != images[1] != images[2]
