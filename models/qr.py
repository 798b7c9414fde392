"""QR matrices for our short payloads, and drawing them as vectors in a PDF.

Speed matters: 1,000 labels must render in under 2 s.  The ``qrcode`` library's
automatic mask choice builds the symbol eight times to score each mask (~3 ms per
code); with a fixed version and a fixed mask it builds it once (~0.3-0.6 ms).

* Version: the smallest that holds the payload at error correction M, computed
  once per payload length and mode (``PDI:GREEN:S01-26-000123`` is version 2,
  25 × 25 modules).
* Mask: pattern 6.  Over a spread of item payloads it has the lowest mean and the
  lowest worst-case ISO 18004 penalty of the eight masks, so it is the one the
  automatic choice picks most often for our codes anyway.  Any mask decodes; the
  penalty only guards against large blank or striped areas.

:func:`draw_qr` puts the matrix on a reportlab canvas as one filled path of
rectangles, one per horizontal run of dark modules (no images, no strokes), with
the 4-module quiet zone kept white inside the requested size.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from qrcode import constants, util
from qrcode.main import QRCode

ERROR_CORRECTION = constants.ERROR_CORRECT_M
MASK_PATTERN = 6
QUIET_ZONE = 4  # modules of white around the symbol, as ISO 18004 asks

Matrix = tuple[tuple[bool, ...], ...]
_DARK_RUN = re.compile(b"\x01+")
Run = tuple[int, int, int]  # row, first column, length


@lru_cache(maxsize=64)
def version_for(length: int, mode: int) -> int:
    """Smallest QR version holding ``length`` characters of ``mode`` at level M."""
    probe: QRCode[Any] = QRCode(error_correction=ERROR_CORRECTION, border=0)
    # Digits are valid in every mode, so they stand in for any text of that length.
    probe.add_data(util.QRData("0" * length, mode))
    return int(probe.best_fit())


def qr_matrix(payload: str) -> Matrix:
    """The dark (True) and light modules of ``payload``'s symbol, without quiet zone."""
    # QRData picks the densest single mode for the text (alphanumeric for ours).
    data = util.QRData(payload)
    version = version_for(len(data), data.mode)
    code: QRCode[Any] = QRCode(
        version=version,
        error_correction=ERROR_CORRECTION,
        border=0,
        mask_pattern=MASK_PATTERN,
    )
    code.add_data(data)
    code.make(fit=False)
    # After make() every module is a bool (none is left None).
    return tuple(map(tuple, code.modules))


def dark_runs(matrix: Sequence[Sequence[bool]]) -> list[Run]:
    """Horizontal runs of dark modules: (row, first column, length)."""
    runs: list[Run] = []
    for r, row in enumerate(matrix):
        # bytes((True, False)) is b"\x01\x00": the regex engine finds the runs.
        for found in _DARK_RUN.finditer(bytes(row)):
            runs.append((r, found.start(), found.end() - found.start()))
    return runs


def modules_with_quiet_zone(matrix: Sequence[Sequence[bool]]) -> int:
    return len(matrix) + 2 * QUIET_ZONE


def qr_path_operators(matrix: Sequence[Sequence[bool]]) -> str:
    """PDF operators filling the dark runs, in module units (row 0 on top)."""
    top = len(matrix) - 1
    rects = [f"{start} {top - r} {length} 1 re" for r, start, length in dark_runs(matrix)]
    return "\n".join(rects) + "\nf"


def draw_qr(canvas: Any, matrix: Sequence[Sequence[bool]], x: float, y: float, size: float) -> None:
    """Draw ``matrix`` in the square at (x, y) (lower left) of side ``size`` points.

    The square includes the quiet zone, which is left unpainted (white paper).
    One path per code, fill only, in the canvas's current fill colour.  The
    rectangles are whole modules in a scaled frame, written as literal operators:
    small page content, no seams between rows, and none of reportlab's per-number
    formatting (which dominated the time with a path object).
    """
    module = size / modules_with_quiet_zone(matrix)
    origin_x = x + QUIET_ZONE * module
    origin_y = y + QUIET_ZONE * module
    canvas.addLiteral(
        f"q {module:.5f} 0 0 {module:.5f} {origin_x:.3f} {origin_y:.3f} cm\n"
        f"{qr_path_operators(matrix)}\nQ"
    )
