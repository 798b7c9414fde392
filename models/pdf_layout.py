"""The house style of the A4 documents made with platypus (certificates, reports).

Colours, paragraph styles in the bundled CJK font, a large "bold" title line (the
font has no bold face), a canvas that numbers its pages "第 n / N 页" once it knows
N, the organisation's seal as an image that is checked before use, and hours
written from minutes.  The donor receipt (models.receipt) predates this module and
keeps its own copies of the same look.
"""

from __future__ import annotations

import io
import re
import threading
import unicodedata
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, TableStyle
from reportlab.platypus import paragraph as _paragraph

from models.errors import N_, UserError
from models.pdf_fonts import CJK

INK = Color(0.13, 0.13, 0.13)
MUTED = Color(0.42, 0.42, 0.42)
ACCENT = Color(0.16, 0.42, 0.27)  # a quiet green
LINE = Color(0.78, 0.78, 0.78)
HEADER_BG = Color(0.92, 0.95, 0.93)
ZEBRA = Color(0.975, 0.975, 0.975)
WHITE = Color(1, 1, 1)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm  # from the paper's edge to the text, left and right
FRAME_PADDING = 6  # points: reportlab's frames pad their content by this much
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
FOOTER_RULE_Y = 13 * mm
FOOTER_TEXT_Y = 9 * mm

_UNSAFE_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
MAX_NAME_PART = 40
MAX_SEAL_PIXELS = 25_000_000  # a seal is a small picture; refuse decompression bombs

#: Draws one page's footer: (canvas, page number, page count).
Footer = Callable[[Canvas, int, int], None]


# Chinese punctuation that must not begin a line (GB/T 15834) and that reportlab's
# list lacks: with it, "如下：" never leaves its colon alone on the next line.
_NOT_AT_LINE_START = "，：；！？》〉”’"
_breaks_lock = threading.Lock()
_breaks_users = 0
_breaks_saved = ""


@contextmanager
def chinese_line_breaks() -> Iterator[None]:
    """Within the block, CJK paragraphs keep more punctuation off the start of a line.

    reportlab reads the list from a module global; it is extended only while one of
    our documents is being built (and put back after the last), so other documents
    lay out exactly as before.
    """
    global _breaks_users, _breaks_saved
    with _breaks_lock:
        if _breaks_users == 0:
            _breaks_saved = _paragraph.ALL_CANNOT_START
            _paragraph.ALL_CANNOT_START = _breaks_saved + _NOT_AT_LINE_START
        _breaks_users += 1
    try:
        yield
    finally:
        with _breaks_lock:
            _breaks_users -= 1
            if _breaks_users == 0:
                _paragraph.ALL_CANNOT_START = _breaks_saved


def style(name: str, size: float, **extra: Any) -> ParagraphStyle:
    """A paragraph style in the CJK font, wrapping Chinese anywhere."""
    values: dict[str, Any] = {
        "fontName": CJK,
        "fontSize": size,
        "leading": size * 1.45,
        "textColor": INK,
        "wordWrap": "CJK",
    }
    values.update(extra)
    return ParagraphStyle(name, **values)


class BoldLine(Flowable):  # type: ignore[misc]
    """One centred line of large text, stroked as well as filled."""

    def __init__(
        self, text: str, size: float, *, space_after: float = 0.0, color: Color = INK
    ) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.spaceAfter = space_after
        self.color = color

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.size * 1.3

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(self.color)
        canvas.setStrokeColor(self.color)
        canvas.setLineWidth(self.size * 0.035)
        canvas.setFont(CJK, self.size)
        canvas.drawCentredString(self.width / 2, self.size * 0.3, self.text, mode=2)


def numbered_canvas(footer: Footer) -> type[Any]:
    """A canvas class that draws ``footer`` on every page once the count is known."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.saveState()
                footer(self, number, total)
                self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


def footer_rule(canvas: Canvas) -> None:
    canvas.setStrokeColor(LINE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, FOOTER_RULE_Y, PAGE_WIDTH - MARGIN, FOOTER_RULE_Y)
    canvas.setFillColor(MUTED)
    canvas.setFont(CJK, 8)


def grid_style(*extra: tuple[Any, ...]) -> TableStyle:
    """A data table: tinted header row between green rules, zebra rows, thin lines."""
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [WHITE, ZEBRA]),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, LINE),
        ("FONTNAME", (0, 0), (-1, -1), CJK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    commands.extend(extra)
    return TableStyle(commands)


def grid_with_total_style(label_columns: int) -> TableStyle:
    """:func:`grid_style` whose last row is a total: its label spans the first
    ``label_columns`` columns, tinted between green rules like the header."""
    return grid_style(
        ("SPAN", (0, -1), (label_columns - 1, -1)),
        ("BACKGROUND", (0, -1), (-1, -1), HEADER_BG),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, ACCENT),
    )


def seal_image(png: bytes) -> ImageReader:
    """The organisation's seal, decoded once; ``UserError`` if it is not a picture."""
    from PIL import Image, UnidentifiedImageError  # only when a seal is drawn

    unreadable = UserError(
        N_("The organisation's seal image cannot be read. Choose the seal image again in Settings.")
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(png)) as opened:
                width, height = opened.size
                if width * height > MAX_SEAL_PIXELS:
                    raise unreadable
                opened.load()
                picture = opened.convert("RGBA")
    except (
        UnidentifiedImageError,
        OSError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as exc:
        raise unreadable from exc
    return ImageReader(picture)


def format_hours(minutes: int) -> str:
    """Minutes as hours with two decimals, half up: 165 → '2.75', 20 → '0.33'."""
    hours = (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{hours:.2f}"


def column_widths(columns: Sequence[tuple[str, float]]) -> list[float]:
    return [width for _title, width in columns]


def safe_file_part(text: str, limit: int = MAX_NAME_PART) -> str:
    """``text`` made safe inside a file name on Windows, macOS and Linux.

    Characters that are not allowed (``<>:"/\\|?*`` and control characters) and
    white space become ``_``; the result is cut to ``limit`` characters and never
    empty, never ``.`` or ``..``, and never starts or ends with a dot or space.
    """
    text = unicodedata.normalize("NFC", text)
    text = _UNSAFE_IN_NAMES.sub("_", text)
    text = "_".join(text.split())
    return text[:limit].strip(" ._") or "_"
