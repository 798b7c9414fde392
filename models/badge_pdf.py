"""Volunteer badges as PDF: one CR80 card (85.6 × 54 mm) per page for a card
printer, or A4 sheets of 10 cards (2 × 5) with cut marks for an office printer.

Each card has a green band with the organisation's name, the volunteer's name in
large type (shrunk, then set on two lines, then cut with an ellipsis: never outside
the card), their employer if known, the volunteer code in text and the badge's QR
code (``PDV:<ORG>:<VOLUNTEER>:<SEQ>:<MAC>``, see models.codes) large on the right.

The QR codes are vector paths at error correction M (models.qr), about 1 mm per
module; the Chinese text uses the bundled font, embedded as a subset
(models.pdf_fonts), so the file prints the same anywhere.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, BinaryIO

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from models import qr
from models.errors import N_, UserError
from models.pdf_fonts import CJK, CJK_MONO, FittedText, fit_text, register_fonts, text_width

Progress = Callable[[int, int], None]

CARD_WIDTH = 85.6  # mm, ISO/IEC 7810 ID-1 (CR80)
CARD_HEIGHT = 54.0

GREEN = HexColor("#2e7d5b")
GREEN_DARK = HexColor("#1f5a41")
GREEN_TINT = HexColor("#e6f2ec")
INK = HexColor("#1b1f1d")
GREY = HexColor("#5f6b66")
WHITE = Color(1, 1, 1)
BAND_SOFT_TEXT = HexColor("#d5e8df")  # white text softened on the green band (no alpha)
BAND_RULE = HexColor("#82b49c")
CUT_MARK = Color(0.55, 0.55, 0.55)

ROLE_TEXT = "志愿者"
ROLE_LATIN = "VOLUNTEER"
CODE_CAPTION = "志愿者编号"
SCAN_CAPTION = "签到请扫码"

# Card geometry (mm from the card's lower-left corner).
BAND_HEIGHT = 12.5
MARGIN = 5.0
QR_SIZE = 33.0  # the square including the 4-module quiet zone (≈ 25 mm of symbol)
QR_RIGHT = 1.5  # from the card's right edge to the quiet zone's
QR_BOTTOM = 4.5
TEXT_GAP = 0.5  # between the text column and the QR's quiet zone

NAME_SIZE = 21.0
NAME_MIN_ONE_LINE = 14.0
NAME_TWO_LINES = 13.0
NAME_MIN = 9.0

# Where a line of a name may break: after these, or next to a CJK character.
_BREAK_AFTER = frozenset(" ·・•-/、，,")
_NO_BREAK_BEFORE = frozenset("）)】」』，,。.、：:；;！!？?…·・")


@dataclass(frozen=True)
class BadgeCard:
    name: str  # e.g. "张晓明"
    organisation: str  # e.g. "绿芽公益服务中心"
    volunteer_code: str  # printed in text, e.g. "V000123"
    payload: str  # what the QR holds, e.g. "PDV:GREEN:V000123:1:ABCDEFGHIJ"
    employer: str | None = None


class BadgeTemplate(StrEnum):
    CARD = "card"
    A4 = "a4"


@dataclass(frozen=True)
class SheetLayout:
    """Where cards sit on a page (millimetres, origin at the page's top left)."""

    page_width: float
    page_height: float
    columns: int
    rows: int
    left: float
    top: float
    gap_x: float = 0.0
    gap_y: float = 0.0
    bleed: float = 0.0  # how far the coloured band runs past a card's cut edge
    cut_marks: bool = False

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def origin(self, slot: int) -> tuple[float, float]:
        """Lower-left corner, in points, of card ``slot`` (row by row from the top)."""
        row, column = divmod(slot, self.columns)
        x = self.left + column * (CARD_WIDTH + self.gap_x)
        top = self.top + row * (CARD_HEIGHT + self.gap_y)
        return x * mm, (self.page_height - top - CARD_HEIGHT) * mm

    def cut_lines(self) -> tuple[list[float], list[float]]:
        """x of every vertical and y (from the top) of every horizontal cut, in mm."""
        xs = sorted(
            {
                self.left + c * (CARD_WIDTH + self.gap_x) + edge
                for c in range(self.columns)
                for edge in (0.0, CARD_WIDTH)
            }
        )
        ys = sorted(
            {
                self.top + r * (CARD_HEIGHT + self.gap_y) + edge
                for r in range(self.rows)
                for edge in (0.0, CARD_HEIGHT)
            }
        )
        return xs, ys


# A4 with the 2 × 5 cards centred; 6 mm and 3 mm between cards leave room for a
# 1.5 mm bleed of the band on each side, so a slightly-off cut shows no white edge.
A4_SHEET = SheetLayout(
    page_width=210.0,
    page_height=297.0,
    columns=2,
    rows=5,
    left=(210.0 - 2 * CARD_WIDTH - 6.0) / 2,
    top=(297.0 - 5 * CARD_HEIGHT - 4 * 3.0) / 2,
    gap_x=6.0,
    gap_y=3.0,
    bleed=1.5,
    cut_marks=True,
)
CARD_PAGE = SheetLayout(
    page_width=CARD_WIDTH,
    page_height=CARD_HEIGHT,
    columns=1,
    rows=1,
    left=0.0,
    top=0.0,
)
LAYOUTS = {BadgeTemplate.CARD: CARD_PAGE, BadgeTemplate.A4: A4_SHEET}


# -- text ----------------------------------------------------------------------------


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _break_points(text: str) -> tuple[list[int], list[int]]:
    """Indexes where ``text`` may be split into two lines: at a separator (after
    ``·``, a space, a comma...) and, less good, between CJK characters."""
    preferred: list[int] = []
    other: list[int] = []
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        if after in _NO_BREAK_BEFORE:
            continue
        if before in _BREAK_AFTER or after == " ":
            preferred.append(i)
        elif _is_wide(before) or _is_wide(after):
            other.append(i)
    return preferred, other


def _best_split(text: str, points: list[int], font: str) -> tuple[float, str, str] | None:
    """Of the splits at ``points``, the one whose wider line is narrowest (at 1 pt)."""
    best: tuple[float, str, str] | None = None
    for i in points:
        first, second = text[:i].strip(), text[i:].strip()
        if not first or not second:
            continue
        widest = max(text_width(first, font, 1.0), text_width(second, font, 1.0))
        if best is None or widest < best[0]:
            best = (widest, first, second)
    return best


def _two_lines(text: str, font: str, width: float, min_size: float) -> tuple[str, str] | None:
    """Two lines of ``text``: split at a separator if both halves then fit at
    ``min_size``, else between CJK characters, as evenly as possible."""
    preferred, other = _break_points(text)
    at_separator = _best_split(text, preferred, font)
    if at_separator is not None and at_separator[0] * min_size <= width:
        return at_separator[1], at_separator[2]
    best = _best_split(text, preferred + other, font)
    return None if best is None else (best[1], best[2])


def fit_lines(
    text: str,
    font: str,
    width: float,
    size: float,
    *,
    min_one_line: float,
    two_lines: float,
    min_size: float,
) -> list[FittedText]:
    """One line from ``size`` down to ``min_one_line``; else two lines from
    ``two_lines`` down to ``min_size``; else one line cut with an ellipsis.

    Every returned line is at most ``width`` points wide.
    """
    text = " ".join(text.split())
    one = fit_text(text, font, width, size, min_size=min_one_line)
    if not one.truncated:
        return [one]
    split = _two_lines(text, font, width, min_size)
    if split is not None:
        lines = [fit_text(part, font, width, two_lines, min_size=min_size) for part in split]
        if not any(line.truncated for line in lines):
            smaller = min(line.size for line in lines)
            return [fit_text(part, font, width, smaller) for part in split]
    # Too long even for two lines: fill the first at the smallest size, cut the second.
    preferred, other = _break_points(text)
    fitting = [
        i
        for i in sorted(preferred + other)
        if text_width(text[:i].strip(), font, min_size) <= width
    ]
    if not fitting:
        return [fit_text(text, font, width, min_size)]
    first, rest = text[: fitting[-1]].strip(), text[fitting[-1] :].strip()
    return [fit_text(first, font, width, min_size), fit_text(rest, font, width, min_size)]


# -- drawing -------------------------------------------------------------------------


def _bold(canvas: Any, x: float, y: float, text: str, font: str, size: float) -> None:
    """The font has no bold face: fill and stroke the glyphs with a thin outline."""
    canvas.setFont(font, size)
    canvas.setLineWidth(size * 0.04)
    canvas.drawString(x, y, text, mode=2)


class _Forms:
    """The band of each organisation name, stored once in the PDF as a form and
    placed by reference on every card: smaller files, faster rendering."""

    def __init__(self, canvas: Any, bleed: float) -> None:
        self.canvas = canvas
        self.bleed = bleed * mm
        self.names: dict[str, str] = {}

    def place_band(self, organisation: str, x: float, y: float) -> None:
        name = self.names.get(organisation)
        if name is None:
            name = f"band{len(self.names)}"
            self.canvas.beginForm(
                name,
                lowerx=-self.bleed,
                lowery=-self.bleed,
                upperx=CARD_WIDTH * mm + self.bleed,
                uppery=CARD_HEIGHT * mm + self.bleed,
            )
            _draw_band(self.canvas, organisation, self.bleed)
            self.canvas.endForm()
            self.names[organisation] = name
        self.canvas.saveState()
        self.canvas.translate(x, y)
        self.canvas.doForm(name)
        self.canvas.restoreState()


def _draw_band(canvas: Any, organisation: str, bleed: float) -> None:
    """The green band across the card's top and a thin one along its bottom."""
    width, height = CARD_WIDTH * mm, CARD_HEIGHT * mm
    band = BAND_HEIGHT * mm
    canvas.setFillColor(GREEN)
    canvas.rect(-bleed, height - band, width + 2 * bleed, band + bleed, stroke=0, fill=1)
    canvas.rect(-bleed, -bleed, width + 2 * bleed, 1.6 * mm + bleed, stroke=0, fill=1)
    canvas.setFillColor(GREEN_DARK)
    canvas.rect(-bleed, height - band - 0.7 * mm, width + 2 * bleed, 0.7 * mm, stroke=0, fill=1)

    # Role on the right: 志愿者 over VOLUNTEER, right-aligned.
    right = width - MARGIN * mm
    canvas.setFillColor(WHITE)
    canvas.setStrokeColor(WHITE)
    role_size = 11.0
    role_width = text_width(ROLE_TEXT, CJK, role_size)
    _bold(canvas, right - role_width, height - 6.0 * mm, ROLE_TEXT, CJK, role_size)
    latin_size = 5.2
    canvas.setFont(CJK, latin_size)
    canvas.setFillColor(BAND_SOFT_TEXT)
    spaced = text_width(ROLE_LATIN, CJK, latin_size) + 1.1 * (len(ROLE_LATIN) - 1)
    canvas.drawString(right - spaced, height - 9.6 * mm, ROLE_LATIN, charSpace=1.1)

    # A thin white rule between the organisation and the role.
    rule_x = right - max(role_width, spaced) - 3.0 * mm
    canvas.setStrokeColor(BAND_RULE)
    canvas.setLineWidth(0.5)
    canvas.line(rule_x, height - 3.2 * mm, rule_x, height - 9.3 * mm)

    # Organisation name on the left: one line, or two smaller ones if long.
    left = MARGIN * mm
    org_width = rule_x - 3.0 * mm - left
    lines = fit_lines(
        organisation,
        CJK,
        org_width,
        11.0,
        min_one_line=8.5,
        two_lines=8.0,
        min_size=6.0,
    )
    canvas.setFillColor(WHITE)
    canvas.setStrokeColor(WHITE)
    middle = height - band / 2
    if len(lines) == 1:
        line = lines[0]
        _bold(canvas, left, middle - line.size * 0.36, line.text, CJK, line.size)
    else:
        leading = lines[0].size * 1.18
        first = middle + leading / 2 - lines[0].size * 0.36
        for n, line in enumerate(lines):
            _bold(canvas, left, first - n * leading, line.text, CJK, line.size)
    canvas.setFillColor(INK)
    canvas.setStrokeColor(INK)


def _draw_card(canvas: Any, forms: _Forms, card: BadgeCard, x: float, y: float) -> None:
    """One card with its lower-left corner at (x, y) points."""
    forms.place_band(card.organisation, x, y)

    qr_x = x + (CARD_WIDTH - QR_RIGHT - QR_SIZE) * mm
    qr_y = y + QR_BOTTOM * mm
    canvas.setFillColor(INK)
    qr.draw_qr(canvas, qr.qr_matrix(card.payload), qr_x, qr_y, QR_SIZE * mm)

    left = x + MARGIN * mm
    width = qr_x - TEXT_GAP * mm - left
    top = y + (CARD_HEIGHT - BAND_HEIGHT - 4.2) * mm  # top of the name's capitals

    # The name: large, dark, on one or two lines.
    lines = fit_lines(
        card.name,
        CJK,
        width,
        NAME_SIZE,
        min_one_line=NAME_MIN_ONE_LINE,
        two_lines=NAME_TWO_LINES,
        min_size=NAME_MIN,
    )
    canvas.setFillColor(INK)
    canvas.setStrokeColor(INK)
    baseline = top - lines[0].size * 0.8
    for n, line in enumerate(lines):
        if n:
            baseline -= line.size * 1.2
        _bold(canvas, left, baseline, line.text, CJK, line.size)

    # Employer, small and grey, under the name.
    if card.employer and card.employer.strip():
        employer = fit_text(" ".join(card.employer.split()), CJK, width, 8.0, min_size=6.0)
        canvas.setFillColor(GREY)
        canvas.setFont(CJK, employer.size)
        canvas.drawString(left, baseline - 5.2 * mm, employer.text)

    # Volunteer code at the bottom, with its caption and a short green accent.
    canvas.setFillColor(GREEN)
    canvas.rect(left, y + 15.6 * mm, 8 * mm, 0.8 * mm, stroke=0, fill=1)
    canvas.setFillColor(GREY)
    canvas.setFont(CJK, 6.5)
    canvas.drawString(left, y + 11.4 * mm, CODE_CAPTION)
    code = fit_text(card.volunteer_code, CJK_MONO, width, 13.0, min_size=8.0, step=0.25)
    canvas.setFillColor(GREEN_DARK)
    canvas.setStrokeColor(GREEN_DARK)
    _bold(canvas, left, y + 5.6 * mm, code.text, CJK_MONO, code.size)

    # Under the QR, outside its quiet zone.
    canvas.setFillColor(GREY)
    canvas.setFont(CJK, 5.5)
    canvas.drawCentredString(qr_x + QR_SIZE * mm / 2, y + 2.4 * mm, SCAN_CAPTION)
    canvas.setFillColor(INK)
    canvas.setStrokeColor(INK)


def _draw_cut_marks(canvas: Any, layout: SheetLayout) -> None:
    """Short grey lines in the sheet's margins, continuing every cut line."""
    xs, ys = layout.cut_lines()
    gap, length = 2.0, 4.0  # mm: clear of the bleed, then the mark
    page_h = layout.page_height
    right = layout.left + layout.columns * CARD_WIDTH + (layout.columns - 1) * layout.gap_x
    bottom = layout.top + layout.rows * CARD_HEIGHT + (layout.rows - 1) * layout.gap_y
    canvas.setStrokeColor(CUT_MARK)
    canvas.setLineWidth(0.3)
    for x in xs:
        canvas.line(
            x * mm,
            (page_h - layout.top + gap) * mm,
            x * mm,
            (page_h - layout.top + gap + length) * mm,
        )
        canvas.line(
            x * mm, (page_h - bottom - gap) * mm, x * mm, (page_h - bottom - gap - length) * mm
        )
    for y in ys:
        y_pt = (page_h - y) * mm
        canvas.line((layout.left - gap) * mm, y_pt, (layout.left - gap - length) * mm, y_pt)
        canvas.line((right + gap) * mm, y_pt, (right + gap + length) * mm, y_pt)
    canvas.setStrokeColor(INK)


def render_badges(
    badges: Sequence[BadgeCard],
    template: BadgeTemplate,
    out: BinaryIO,
    *,
    progress: Progress | None = None,
) -> int:
    """Write a PDF of ``badges`` to ``out``; returns the number of pages.

    ``progress(done, total)`` is called after each page and may raise
    ``Cancelled`` to stop (nothing more is written; the caller drops the file,
    e.g. through ``models.files.write_pdf_atomically``).
    """
    if not badges:
        raise UserError(N_("There are no badges to print."))
    template = BadgeTemplate(template)
    register_fonts()
    layout = LAYOUTS[template]
    canvas = Canvas(
        out,
        pagesize=(layout.page_width * mm, layout.page_height * mm),
        pageCompression=1,
        initialFontName=CJK,
    )
    canvas.setTitle("志愿者证")
    canvas.setCreator("Partner Desk")
    forms = _Forms(canvas, layout.bleed)
    total = len(badges)
    pages = 0
    for start in range(0, total, layout.per_page):
        page = badges[start : start + layout.per_page]
        for slot, card in enumerate(page):
            x, y = layout.origin(slot)
            _draw_card(canvas, forms, card, x, y)
        if layout.cut_marks:
            _draw_cut_marks(canvas, layout)
        canvas.showPage()
        pages += 1
        if progress is not None:
            progress(start + len(page), total)
    canvas.save()
    return pages
