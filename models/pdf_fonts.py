"""The bundled CJK font, registered with reportlab once, embedded in every PDF.

No CJK font can be assumed on the reader's machine, so documents use the
WenQuanYi Micro Hei collection shipped in ``resources/fonts``.  reportlab embeds a
TrueType subset of every font it draws with, so a printed label or receipt shows its
Chinese anywhere.  The collection holds two faces: the proportional one for text and
a monospaced one whose Latin letters and digits suit printed item codes.

Text that must stay inside a box goes through :func:`fit_text`, which shrinks the
font and, as a last resort, cuts the text with an ellipsis.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from models import resources

CJK = "PartnerDeskCJK"
CJK_MONO = "PartnerDeskCJKMono"
ELLIPSIS = "…"

_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the CJK faces (once, thread-safe); returns the text font's name."""
    global _registered
    with _lock:
        if not _registered:
            path = str(resources.cjk_font_path())
            pdfmetrics.registerFont(TTFont(CJK, path, subfontIndex=0))
            pdfmetrics.registerFont(TTFont(CJK_MONO, path, subfontIndex=1))
            # The face has no bold or italic: map them to itself, so platypus
            # markup such as <b> never falls back to a font without Chinese.
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(CJK, bold, italic, CJK)
                    addMapping(CJK_MONO, bold, italic, CJK_MONO)
            # Plain binary (Flate) streams instead of ASCII85 text: ASCII85 is a relic of
            # 7-bit mail, and without reportlab's C accelerator encoding it cost a
            # quarter of the time of a 1,000-label sheet.  Every reader handles both.
            rl_config.useA85 = 0
            _registered = True
    return CJK


def text_width(text: str, font: str, size: float) -> float:
    """Width in points of ``text`` set in ``font`` at ``size``."""
    return float(pdfmetrics.stringWidth(text, font, size))


@dataclass(frozen=True)
class FittedText:
    """Text that fits a width: possibly shortened, at a possibly smaller size."""

    text: str
    size: float
    width: float

    @property
    def truncated(self) -> bool:
        return self.text.endswith(ELLIPSIS)


def fit_text(
    text: str,
    font: str,
    max_width: float,
    size: float,
    *,
    min_size: float | None = None,
    step: float = 0.5,
) -> FittedText:
    """Make ``text`` fit ``max_width`` points.

    Shrinks from ``size`` down to ``min_size`` (default: ``size``, no shrinking) in
    ``step`` points; if it is still too wide at the smallest size, cuts it and adds
    an ellipsis.  The returned width never exceeds ``max_width``.
    """
    smallest = size if min_size is None else min(min_size, size)
    current = size
    while True:
        width = text_width(text, font, current)
        if width <= max_width:
            return FittedText(text, current, width)
        if current - step < smallest - 1e-9:
            break
        current -= step
    current = smallest
    # The longest prefix that fits with the ellipsis (binary search on length).
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if text_width(text[:middle].rstrip() + ELLIPSIS, font, current) <= max_width:
            low = middle
        else:
            high = middle - 1
    cut = text[:low].rstrip() + ELLIPSIS if low else ELLIPSIS
    width = text_width(cut, font, current)
    if width > max_width:
        return FittedText("", current, 0.0)
    return FittedText(cut, current, width)
