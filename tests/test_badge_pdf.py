"""Badge PDFs: every printed QR code decodes at 300 dpi, verifies as a current badge
and maps to exactly its volunteer; the CJK font is embedded, the names are real
text, and long names stay inside the card."""

from __future__ import annotations

import html
import io
import re
import subprocess
import uuid
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import BinaryIO

import pytest
import zxingcpp
from PIL import Image
from reportlab.lib.units import mm

from models.badge_pdf import (
    A4_SHEET,
    CARD_HEIGHT,
    CARD_WIDTH,
    QR_SIZE,
    BadgeCard,
    BadgeTemplate,
    fit_lines,
    render_badges,
)
from models.badges import BadgeInfo, badge_cards, badges_for, reissue_badge
from models.db import Database
from models.errors import Cancelled, UserError
from models.files import write_pdf_atomically
from models.pdf_fonts import CJK, ELLIPSIS, register_fonts, text_width
from models.scan_meaning import Meaning, explain
from models.schema import Volunteer

STAFF = "王老师"
QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ("晓明", "娜", "建国", "思远", "雨桐", "浩然", "子涵", "欣怡", "志强", "丽华", "一鸣")
EMPLOYERS = ("汇丰银行（中国）有限公司", "德勤华永会计师事务所", None)
DPI = 300
PX_PER_MM = DPI / 25.4
PDFTOPPM = ("pdftoppm", "-r", str(DPI), "-gray")


def add_volunteers(database: Database, count: int) -> list[uuid.UUID]:
    with database.transaction() as session:
        volunteers = [
            Volunteer(
                code=f"V{n:06d}",
                name=SURNAMES[n % len(SURNAMES)] + GIVEN[n % len(GIVEN)],
                employer=EMPLOYERS[n % len(EMPLOYERS)],
            )
            for n in range(1, count + 1)
        ]
        # A compound surname, a long minority name and a Latin name among them.
        volunteers[0].name = "欧阳娜娜"
        volunteers[1].name = "阿卜杜热合曼·买买提依明"
        volunteers[2].name = "Alexander Hamilton-Smith"
        session.add_all(volunteers)
        session.flush()
        return [volunteer.id for volunteer in volunteers]


def issue_all(database: Database) -> list[BadgeInfo]:
    """Issue every badge; some volunteers lose theirs and get number 2."""
    with database.transaction() as session:
        issued = badges_for(session, None, issue_missing=True, staff=STAFF)
        for info in issued[::7]:
            reissue_badge(session, info.volunteer_id, staff=STAFF, reason="遗失")
    with database.reading() as session:
        return badges_for(session, None)


def render_to(path: Path, cards: Sequence[BadgeCard], template: BadgeTemplate) -> int:
    pages: list[int] = []

    def render(out: BinaryIO) -> None:
        pages.append(render_badges(cards, template, out))

    write_pdf_atomically(path, render)
    return pages[0]


def page_images(pdf: Path, folder: Path, pages: int) -> list[Path]:
    """Rasterise ``pdf`` at 300 dpi in grey on both cores; one image per page."""
    middle = (pages + 1) // 2
    jobs = [
        subprocess.Popen(
            [*PDFTOPPM, "-f", str(first), "-l", str(last), str(pdf), str(folder / "page")]
        )
        for first, last in ((1, middle), (middle + 1, pages))
        if first <= last
    ]
    for job in jobs:
        assert job.wait(timeout=120) == 0
    images = sorted(folder.glob("page-*.pgm"))
    assert len(images) == pages
    return images


def decode(image_path: Path) -> list[zxingcpp.Barcode]:
    with Image.open(image_path) as image:
        return list(zxingcpp.read_barcodes(image, formats=QR_ONLY))


def symbol_side_mm(barcode: zxingcpp.Barcode) -> float:
    position = barcode.position
    return float(position.top_right.x - position.top_left.x) / PX_PER_MM


def pdftotext(path: Path, *args: str) -> str:
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *args, str(path), "-"], check=True, capture_output=True
    )
    return result.stdout.decode("utf-8")


def word_boxes(pdf: Path) -> list[tuple[str, float, float, float, float]]:
    """(text, xMin, yMin, xMax, yMax) in points, y from the page's top."""
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
        pdftotext(pdf, "-bbox"),
    )
    return [
        (html.unescape(text), float(x0), float(y0), float(x1), float(y1))
        for x0, y0, x1, y1, text in found
    ]


@pytest.mark.parametrize(
    ("template", "per_page"), [(BadgeTemplate.CARD, 1), (BadgeTemplate.A4, 10)]
)
def test_badge_round_trip(
    org_database: Database, tmp_path: Path, template: BadgeTemplate, per_page: int
) -> None:
    ids = add_volunteers(org_database, 30)
    badges = issue_all(org_database)
    assert sorted(b.volunteer_id for b in badges) == sorted(ids)
    assert {b.seq for b in badges} == {1, 2}
    with org_database.reading() as session:
        cards = badge_cards(session, badges)

    pdf = tmp_path / f"badges-{template}.pdf"
    pages = render_to(pdf, cards, template)
    assert pages == -(-len(cards) // per_page)

    volunteer_of: dict[str, uuid.UUID] = {}
    with org_database.reading() as session:
        for number, image in enumerate(page_images(pdf, tmp_path, pages)):
            found = decode(image)
            expected = badges[number * per_page : (number + 1) * per_page]
            assert sorted(b.text for b in found) == sorted(b.payload for b in expected), number
            for barcode in found:
                assert barcode.ec_level == "M"
                # 25 mm of symbol or more, plus the quiet zone (33 mm square in all).
                assert symbol_side_mm(barcode) >= 24.5
                result = explain(session, barcode.text)
                assert result.meaning is Meaning.BADGE, result.render()
                assert barcode.text not in volunteer_of
                assert result.volunteer_id is not None
                volunteer_of[barcode.text] = result.volunteer_id
    # One QR per volunteer, each verifying as that volunteer's current badge.
    assert volunteer_of == {b.payload: b.volunteer_id for b in badges}
    assert sorted(volunteer_of.values()) == sorted(ids)
    assert QR_SIZE >= 25


def test_font_is_embedded_and_names_are_text(org_database: Database, tmp_path: Path) -> None:
    add_volunteers(org_database, 12)
    badges = issue_all(org_database)
    with org_database.reading() as session:
        cards = badge_cards(session, badges)
    pdf = tmp_path / "sheet.pdf"
    assert render_to(pdf, cards, BadgeTemplate.A4) == 2

    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows and all("WenQuanYi" in row for row in rows), fonts.stdout
    for row in rows:
        # name type encoding emb sub uni object ID
        assert row.split()[-5:-2] == ["yes", "yes", "yes"], row

    # Long names are set on two lines: compare without line breaks and spaces.
    text = "".join(pdftotext(pdf).split())
    for card in cards:
        assert card.volunteer_code in text
        assert "".join(card.name.split()) in text, card.name
    assert "阿卜杜热合曼·买买提依明" in text
    assert "绿芽公益服务中心" in text
    assert "德勤华永会计师事务所" in text


LONG_NAME = "阿卜杜热合曼·买买提依明·艾合买提江·吐尔逊·赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许"
LONG = BadgeCard(
    name=LONG_NAME,
    organisation="上海市静安区绿芽公益服务中心暨社区爱心商店联合会秘书处志愿者服务部",
    volunteer_code="VOLUNTEER0000123",
    payload="PDV:GREENSPROUTS:VOLUNTEER0000123:123456:ABCDEFGHIJ",
    employer="某某科技（上海）有限公司浦东新区张江高科技园区分公司研发中心第三事业部",
)


@pytest.mark.parametrize("template", [BadgeTemplate.CARD, BadgeTemplate.A4])
def test_long_texts_stay_inside_the_card(tmp_path: Path, template: BadgeTemplate) -> None:
    pdf = tmp_path / "long.pdf"
    render_to(pdf, [LONG], template)
    boxes = word_boxes(pdf)
    assert boxes
    if template is BadgeTemplate.A4:
        left, top = A4_SHEET.left * mm, A4_SHEET.top * mm
    else:
        left = top = 0.0
    qr_left = left + (CARD_WIDTH - 1.5 - QR_SIZE) * mm
    for text, x0, y0, x1, y1 in boxes:
        assert left + 1 * mm <= x0 and x1 <= left + CARD_WIDTH * mm - 1 * mm, (text, x0, x1)
        assert top <= y0 and y1 <= top + CARD_HEIGHT * mm, (text, y0, y1)
        if y1 > top + 13 * mm and y0 < top + (CARD_HEIGHT - 4.5) * mm:
            # Below the band, text keeps out of the QR code and its quiet zone.
            assert x1 <= qr_left or text == "签到请扫码", (text, x1)
    words = " ".join(box[0] for box in boxes)
    assert ELLIPSIS in words  # cut, not overflowed
    assert "VOLUNTEER0000123" in words  # the code is shrunk, never cut
    assert LONG_NAME[:12] in words.replace(" ", "")
    [image] = page_images(pdf, tmp_path, 1)
    assert [b.text for b in decode(image)] == [LONG.payload]


def test_name_lines() -> None:
    register_fonts()
    width = 45 * mm
    short = fit_lines("张晓明", CJK, width, 21, min_one_line=14, two_lines=13, min_size=9)
    assert [(line.text, line.size) for line in short] == [("张晓明", 21)]
    two = fit_lines(
        "阿卜杜热合曼·买买提依明·艾合买提江·吐尔逊",
        CJK,
        width,
        21,
        min_one_line=14,
        two_lines=13,
        min_size=9,
    )
    # Split after a separator, both lines at one size, nothing cut.
    assert [line.text for line in two] == ["阿卜杜热合曼·买买提依明·", "艾合买提江·吐尔逊"]
    assert two[0].size == two[1].size >= 9
    latin = fit_lines(
        "Alexander Hamilton-Smith", CJK, width, 21, min_one_line=14, two_lines=13, min_size=9
    )
    assert [line.text for line in latin] == ["Alexander", "Hamilton-Smith"]
    cut = fit_lines(LONG_NAME * 2, CJK, width, 21, min_one_line=14, two_lines=13, min_size=9)
    assert len(cut) == 2 and cut[1].truncated and not cut[0].truncated
    for line in (*short, *two, *latin, *cut):
        assert text_width(line.text, CJK, line.size) <= width


def sample(count: int) -> list[BadgeCard]:
    return [
        BadgeCard(f"志愿者{n}", "绿芽", f"V{n:06d}", f"PDV:GREEN:V{n:06d}:1:AAAAAAAAAA")
        for n in range(count)
    ]


def test_progress_is_reported_per_page_and_cancel_leaves_no_file(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []

    def seen_add(done: int, total: int) -> None:
        seen.append((done, total))

    assert render_badges(sample(25), BadgeTemplate.A4, io.BytesIO(), progress=seen_add) == 3
    assert seen == [(10, 25), (20, 25), (25, 25)]
    seen.clear()
    assert render_badges(sample(3), BadgeTemplate.CARD, io.BytesIO(), progress=seen_add) == 3
    assert seen == [(1, 3), (2, 3), (3, 3)]

    out = tmp_path / "badges.pdf"
    out.write_bytes(b"the previous sheet")

    def cancel_on_second_page(done: int, total: int) -> None:
        if done > 10:
            raise Cancelled

    with pytest.raises(Cancelled):
        write_pdf_atomically(
            out,
            partial(render_badges, sample(25), BadgeTemplate.A4, progress=cancel_on_second_page),
        )
    assert out.read_bytes() == b"the previous sheet"
    assert [p.name for p in tmp_path.iterdir()] == ["badges.pdf"]


def test_no_badges_is_a_clear_error() -> None:
    with pytest.raises(UserError, match="no badges"):
        render_badges([], BadgeTemplate.CARD, io.BytesIO())
