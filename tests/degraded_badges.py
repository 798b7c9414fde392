"""Badge QR codes as a kiosk webcam sees them, for decode tests and benchmarks.

Each image is a 1280 × 720 greyscale frame holding one volunteer badge card with a
real payload (``models.codes.badge_payload``: ``PDV:<ORG>:<VOLUNTEER>:<SEQ>:<MAC>``,
QR matrix from ``models.qr``, card geometry from ``models.badge_pdf``), held at an
angle in front of a cluttered grey background and degraded the way cheap cameras
degrade it: small in the frame, rotated (±5–30°), tilted (perspective), out of focus
(Gaussian blur), sensor noise, low contrast, JPEG compression.

Everything is drawn with Pillow and the standard library (no numpy) and depends
only on the seed: the same seed gives the same pixels.  About 15 ms per frame.

Difficulty is spread on purpose: every ``DIFFICULTY_CYCLE``-th image is one of the
"hard" kind (tiny modules with blur, or very low contrast with noise), the rest are
what a kiosk sees on a normal day.  ``degraded_badges(60)`` is what the decode-rate
test and ``tests/bench/bench_decode.py`` use.

Run ``python -m tests.degraded_badges OUT_DIR`` to write the frames as PNG files and
look at them.
"""

from __future__ import annotations

import io
import math
import random
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from models import badge_pdf, codes, qr

FRAME_SIZE = (1280, 720)
ORG = "GREEN"
SECRET = b"partner-desk tests: badge secret"  # 32 bytes, like a real organisation's
PX_PER_MM = 10  # the card is drawn at this resolution, then scaled into the frame
DIFFICULTY_CYCLE = 6  # every sixth image is a hard one

Point = tuple[float, float]


@dataclass(frozen=True)
class Degradation:
    """How one badge looks in its frame."""

    module_px: float  # side of one QR module in the frame, in pixels
    angle: float  # in-plane rotation, degrees (sign included)
    tilt: float  # perspective: the near edge is (1 + tilt) × the far edge
    tilt_axis: str  # "x" (turned left/right) or "y" (tipped forward/back)
    blur: float  # Gaussian blur radius, pixels
    noise: float  # standard deviation of added noise, grey levels
    contrast: float  # 1.0: full range; 0.3: the frame squeezed into 30 % of it...
    exposure: float  # ...centred here (0: dark, 0.5: mid-grey, 1: bright)
    jpeg: int | None  # JPEG quality, or None for no compression
    hard: bool  # one of the deliberately hard images


@dataclass(frozen=True)
class DegradedBadge:
    payload: str
    image: Image.Image  # mode "L", FRAME_SIZE
    degradation: Degradation


def badge_payloads(count: int, *, org: str = ORG, secret: bytes = SECRET) -> list[str]:
    """Real badge payloads for volunteers V000001…, some with a reissued badge."""
    return [
        codes.badge_payload(secret, org, f"V{n:06d}", 1 + (n % 5 == 0)) for n in range(1, count + 1)
    ]


# -- the card -------------------------------------------------------------------------


def _mm(value: float) -> int:
    return round(value * PX_PER_MM)


def _luma(hex_colour: str) -> int:
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return round(0.299 * red + 0.587 * green + 0.114 * blue)


def card_image(payload: str, rng: random.Random) -> Image.Image:
    """The badge card in grey at ``PX_PER_MM``: band, "text", QR where the PDF puts it."""
    width, height = _mm(badge_pdf.CARD_WIDTH), _mm(badge_pdf.CARD_HEIGHT)
    card = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(card)
    green = _luma("#2e7d5b")
    band = _mm(badge_pdf.BAND_HEIGHT)
    draw.rectangle((0, 0, width, band), fill=green)
    draw.rectangle((0, height - _mm(1.6), width, height), fill=green)
    # Pseudo-glyphs: the organisation on the band, the name, the volunteer code.
    for left, top, size, count, shade in (
        (_mm(5), _mm(3.5), _mm(5), 8, 250),
        (_mm(5), band + _mm(4), _mm(7), 3, 30),
        (_mm(5), height - _mm(10), _mm(4), 7, _luma("#1f5a41")),
    ):
        for n in range(count):
            x = left + n * size * 1.15
            for _ in range(4):
                x0 = x + rng.uniform(0, size * 0.6)
                y0 = top + rng.uniform(0, size * 0.6)
                vertical = rng.random() < 0.5
                x1 = x0 + (size * 0.15 if vertical else rng.uniform(0.3, 0.9) * size)
                y1 = y0 + (rng.uniform(0.3, 0.9) * size if vertical else size * 0.15)
                draw.rectangle((x0, y0, min(x1, x + size), min(y1, top + size)), fill=shade)
    # The QR code with its white quiet zone, at the card's right.
    matrix = qr.qr_matrix(payload)
    side = qr.modules_with_quiet_zone(matrix)
    module = badge_pdf.QR_SIZE * PX_PER_MM / side
    qr_left = width - _mm(badge_pdf.QR_RIGHT + badge_pdf.QR_SIZE)
    qr_top = height - _mm(badge_pdf.QR_BOTTOM + badge_pdf.QR_SIZE)
    draw.rectangle(
        (qr_left, qr_top, qr_left + _mm(badge_pdf.QR_SIZE), qr_top + _mm(badge_pdf.QR_SIZE)),
        fill=255,
    )
    origin_x = qr_left + qr.QUIET_ZONE * module
    origin_y = qr_top + qr.QUIET_ZONE * module
    for row, start, length in qr.dark_runs(matrix):
        draw.rectangle(
            (
                round(origin_x + start * module),
                round(origin_y + row * module),
                round(origin_x + (start + length) * module) - 1,
                round(origin_y + (row + 1) * module) - 1,
            ),
            fill=0,
        )
    return card


def module_mm(payload: str) -> float:
    """Side of one module on the printed card, in millimetres (≈ 1 mm)."""
    return badge_pdf.QR_SIZE / qr.modules_with_quiet_zone(qr.qr_matrix(payload))


# -- geometry -------------------------------------------------------------------------


def _solve(matrix: list[list[float]], values: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (8 × 8, no numpy needed)."""
    n = len(values)
    rows = [[*matrix[i], values[i]] for i in range(n)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(n):
            if r != col:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    return [rows[i][n] / rows[i][i] for i in range(n)]


def perspective_coefficients(frame: Sequence[Point], card: Sequence[Point]) -> list[float]:
    """Pillow's PERSPECTIVE data mapping ``frame`` corners onto ``card`` corners."""
    matrix: list[list[float]] = []
    values: list[float] = []
    for (x, y), (u, v) in zip(frame, card, strict=True):
        matrix.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        matrix.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        values += [u, v]
    return _solve(matrix, values)


def _corners(width: float, height: float, d: Degradation, centre: Point) -> list[Point]:
    """Where the card's corners (TL, TR, BR, BL) land in the frame."""
    half_w, half_h = width / 2, height / 2
    corners = [(-half_w, -half_h), (half_w, -half_h), (half_w, half_h), (-half_w, half_h)]
    near, far = 1 + d.tilt / 2, 1 - d.tilt / 2
    tilted = []
    for x, y in corners:
        if d.tilt_axis == "x":  # right edge nearer the camera: taller
            scale = near if x > 0 else far
            tilted.append((x, y * scale))
        else:  # bottom edge nearer: wider
            scale = near if y > 0 else far
            tilted.append((x * scale, y))
    angle = math.radians(d.angle)
    cos, sin = math.cos(angle), math.sin(angle)
    return [(centre[0] + x * cos - y * sin, centre[1] + x * sin + y * cos) for x, y in tilted]


# -- the frame ------------------------------------------------------------------------


def background(rng: random.Random, size: tuple[int, int] = FRAME_SIZE) -> Image.Image:
    """A kiosk's view without a badge: a lit gradient, a desk edge, blurred shapes.

    Drawn at a quarter of the size and scaled up: out-of-focus anyway, and fast.
    """
    width, height = size[0] // 4, size[1] // 4
    level = rng.randint(95, 165)
    slope = rng.uniform(-40, 40)
    gradient = Image.linear_gradient("L")
    if rng.random() < 0.5:
        gradient = gradient.transpose(Image.Transpose.ROTATE_90)
    base = gradient.resize((width, height)).point(
        lambda v: max(0, min(255, level + (v - 128) * slope / 128))
    )
    draw = ImageDraw.Draw(base)
    desk = rng.randint(height * 2 // 3, height - 10)
    draw.rectangle((0, desk, width, height), fill=rng.randint(40, 90))
    for _ in range(rng.randint(3, 7)):
        x0, y0 = rng.randint(-25, width), rng.randint(-25, desk)
        x1, y1 = x0 + rng.randint(15, 100), y0 + rng.randint(15, 100)
        shape = draw.ellipse if rng.random() < 0.5 else draw.rectangle
        shape((x0, y0, x1, y1), fill=rng.randint(20, 230))
    blurred = base.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 2)))
    return blurred.resize(size, Image.Resampling.BILINEAR)


def _noise(image: Image.Image, sigma: float, rng: random.Random) -> Image.Image:
    """Add Gaussian noise of ``sigma`` grey levels (uniform bytes through an inverse CDF)."""
    if sigma <= 0:
        return image
    normal = statistics.NormalDist(128, sigma)
    lut = [max(0, min(255, round(normal.inv_cdf((u + 0.5) / 256)))) for u in range(256)]
    noise = Image.frombytes("L", image.size, rng.randbytes(image.width * image.height))
    return ImageChops.add(image, noise.point(lut), 1.0, -128)


def _exposure(image: Image.Image, contrast: float, exposure: float) -> Image.Image:
    """Squeeze the grey levels into ``contrast`` of the range, placed by ``exposure``."""
    if contrast >= 1:
        return image
    span = 255 * contrast
    low = exposure * (255 - span)
    return image.point(lambda v: round(low + v * span / 255))


def _jpeg(image: Image.Image, quality: int | None) -> Image.Image:
    if quality is None:
        return image
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality)
    buffer.seek(0)
    with Image.open(buffer) as decoded:
        return decoded.convert("L")


def place(
    payload: str,
    d: Degradation,
    rng: random.Random,
    size: tuple[int, int] = FRAME_SIZE,
) -> Image.Image:
    """One frame showing the badge of ``payload`` degraded as ``d`` says."""
    card = card_image(payload, rng)
    # Scale the card so that one module is ``module_px`` in the frame (antialiased
    # resize first, then a near-1:1 perspective warp that does not alias).
    scale = d.module_px / (module_mm(payload) * PX_PER_MM)
    small = card.resize(
        (max(1, round(card.width * scale)), max(1, round(card.height * scale))),
        Image.Resampling.LANCZOS,
    )
    reach = math.hypot(small.width, small.height) / 2 * (1 + d.tilt / 2)
    margin_x = max(0.0, size[0] / 2 - reach)
    margin_y = max(0.0, size[1] / 2 - reach)
    centre = (
        size[0] / 2 + rng.uniform(-margin_x, margin_x),
        size[1] / 2 + rng.uniform(-margin_y, margin_y),
    )
    corners = _corners(small.width, small.height, d, centre)
    # Warp only into the card's bounding box (plus room for the blur), not the frame.
    pad = math.ceil(3 * d.blur) + 2
    left = max(0, math.floor(min(x for x, _ in corners)) - pad)
    top = max(0, math.floor(min(y for _, y in corners)) - pad)
    right = min(size[0], math.ceil(max(x for x, _ in corners)) + pad)
    bottom = min(size[1], math.ceil(max(y for _, y in corners)) + pad)
    box = (right - left, bottom - top)
    local = [(x - left, y - top) for x, y in corners]
    source = [(0.0, 0.0), (small.width, 0.0), (small.width, small.height), (0.0, small.height)]
    data = perspective_coefficients(local, source)
    warped = small.transform(box, Image.Transform.PERSPECTIVE, data, Image.Resampling.BICUBIC)
    mask = Image.new("L", small.size, 255).transform(
        box, Image.Transform.PERSPECTIVE, data, Image.Resampling.BILINEAR
    )
    frame = background(rng, size)
    frame.paste(warped, (left, top), mask)
    frame = _exposure(frame, d.contrast, d.exposure)
    if d.blur > 0:
        # The background is smooth already: blurring the card's box is enough.
        region = (left, top, right, bottom)
        frame.paste(frame.crop(region).filter(ImageFilter.GaussianBlur(d.blur)), region[:2])
    frame = _noise(frame, d.noise, rng)
    return _jpeg(frame, d.jpeg)


def random_degradation(rng: random.Random, hard: bool) -> Degradation:
    angle = rng.uniform(5, 30) * rng.choice((-1, 1))
    if hard:
        tiny = rng.random() < 0.5
        return Degradation(
            module_px=rng.uniform(1.8, 2.4) if tiny else rng.uniform(3, 5),
            angle=angle,
            tilt=rng.uniform(0.1, 0.35),
            tilt_axis=rng.choice("xy"),
            blur=rng.uniform(0.8, 1.4) if tiny else rng.uniform(0.5, 1.5),
            noise=rng.uniform(4, 10) if tiny else rng.uniform(10, 18),
            contrast=rng.uniform(0.5, 0.8) if tiny else rng.uniform(0.18, 0.3),
            exposure=rng.uniform(0.1, 0.9),
            jpeg=rng.choice((None, 30, 50)),
            hard=True,
        )
    return Degradation(
        module_px=rng.uniform(2.5, 8),
        angle=angle,
        tilt=rng.uniform(0, 0.3),
        tilt_axis=rng.choice("xy"),
        blur=rng.choice((0.0, rng.uniform(0.3, 1.6))),
        noise=rng.uniform(0, 12),
        contrast=rng.uniform(0.35, 1.0),
        exposure=rng.uniform(0.1, 0.9),
        jpeg=rng.choice((None, rng.randint(25, 85))),
        hard=False,
    )


def degraded_badges(count: int = 60, seed: int = 2026) -> list[DegradedBadge]:
    """``count`` frames, each with one degraded badge; deterministic for a seed."""
    rng = random.Random(seed)
    found: list[DegradedBadge] = []
    for n, payload in enumerate(badge_payloads(count)):
        d = random_degradation(rng, hard=n % DIFFICULTY_CYCLE == DIFFICULTY_CYCLE - 1)
        found.append(DegradedBadge(payload, place(payload, d, rng), d))
    return found


def degraded_frame(
    payload: str,
    *,
    angle: float = 10.0,
    blur: float = 0.0,
    noise: float = 0.0,
    module_px: float = 4.0,
    tilt: float = 0.1,
    contrast: float = 0.9,
    jpeg: int | None = None,
    seed: int = 0,
) -> Image.Image:
    """One 1280 × 720 grey frame showing the badge of ``payload`` as described (the
    defaults: a badge held upright-ish at arm's length, decodable)."""
    d = Degradation(
        module_px=module_px,
        angle=angle,
        tilt=tilt,
        tilt_axis="x",
        blur=blur,
        noise=noise,
        contrast=contrast,
        exposure=0.5,
        jpeg=jpeg,
        hard=False,
    )
    return place(payload, d, random.Random(seed))


def empty_frames(count: int = 10, seed: int = 7) -> list[Image.Image]:
    """Frames with no code at all (the common case at a kiosk), lightly noisy."""
    rng = random.Random(seed)
    return [
        _jpeg(_noise(background(rng), rng.uniform(2, 8), rng), rng.randint(50, 90))
        for _ in range(count)
    ]


def main(argv: Sequence[str]) -> int:
    out = Path(argv[0] if argv else "degraded-badges")
    out.mkdir(parents=True, exist_ok=True)
    for n, badge in enumerate(degraded_badges()):
        badge.image.save(out / f"badge-{n:02d}{'-hard' if badge.degradation.hard else ''}.png")
    for n, image in enumerate(empty_frames()):
        image.save(out / f"empty-{n:02d}.png")
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
