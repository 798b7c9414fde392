"""models.scan: QR codes from raw grey buffers, PIL images and files; the second
binarizer; the frame deduper; and the decode rate over degraded badge frames."""

from __future__ import annotations

import io
import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from models import scan
from models.errors import UserError
from tests import degraded_badges
from tests.degraded_badges import Degradation, DegradedBadge

WIDTH, HEIGHT = degraded_badges.FRAME_SIZE
PAYLOADS = degraded_badges.badge_payloads(4)
GENTLE = Degradation(
    module_px=4.0,
    angle=12.0,
    tilt=0.1,
    tilt_axis="x",
    blur=0.4,
    noise=3.0,
    contrast=0.9,
    exposure=0.5,
    jpeg=None,
    hard=False,
)


def frame(payload: str = PAYLOADS[0], d: Degradation = GENTLE, seed: int = 1) -> Image.Image:
    return degraded_badges.place(payload, d, random.Random(seed))


@pytest.fixture(scope="module")
def badge_frame() -> Image.Image:
    return frame()


# -- raw buffers ----------------------------------------------------------------------


def test_decode_gray_from_bytes_bytearray_and_memoryview(badge_frame: Image.Image) -> None:
    raw = badge_frame.tobytes()
    assert scan.decode_gray(raw, WIDTH, HEIGHT) == [PAYLOADS[0]]
    assert scan.decode_gray(bytearray(raw), WIDTH, HEIGHT, WIDTH) == [PAYLOADS[0]]
    two_d = memoryview(raw).cast("B", (HEIGHT, WIDTH))
    assert scan.decode_gray(two_d, WIDTH, HEIGHT) == [PAYLOADS[0]]


def test_decode_gray_honours_a_padded_stride(badge_frame: Image.Image) -> None:
    """Rows 64 bytes longer than the image (as camera planes and QImage rows are),
    the padding full of noise: only the first ``width`` bytes of a row are pixels."""
    stride = WIDTH + 64
    raw = badge_frame.tobytes()
    noise = random.Random(3).randbytes(64 * HEIGHT)
    padded = bytearray()
    for y in range(HEIGHT):
        padded += raw[y * WIDTH : (y + 1) * WIDTH] + noise[y * 64 : (y + 1) * 64]
    assert scan.decode_gray(padded, WIDTH, HEIGHT, stride) == [PAYLOADS[0]]
    # The last row need not be padded (zxing-cpp then reads one row less).
    assert scan.decode_gray(bytes(padded[:-64]), WIDTH, HEIGHT, stride) == [PAYLOADS[0]]
    # Read with the wrong stride, each row slides: nothing, and certainly no wrong text.
    assert scan.decode_gray(padded, WIDTH, HEIGHT) == []


@pytest.mark.parametrize(("layout", "offset"), [("YUYV", 0), ("UYVY", 1)])
def test_decode_gray_reads_the_y_bytes_of_packed_yuv(
    badge_frame: Image.Image, layout: str, offset: int
) -> None:
    """Webcams often send packed 4:2:2 frames: Y at every other byte, chroma between."""
    packed = bytearray(2 * WIDTH * HEIGHT)
    packed[offset::2] = badge_frame.tobytes()
    packed[1 - offset :: 2] = random.Random(5).randbytes(WIDTH * HEIGHT)  # chroma
    texts = scan.decode_gray(packed, WIDTH, HEIGHT, 2 * WIDTH, pixel_stride=2, offset=offset)
    assert texts == [PAYLOADS[0]], layout


def test_decode_gray_keeps_the_buffer_pinned_and_leaves_it_free_after(
    badge_frame: Image.Image,
) -> None:
    buffer = bytearray(badge_frame.tobytes())
    assert scan.decode_gray(buffer, WIDTH, HEIGHT) == [PAYLOADS[0]]
    buffer.append(0)  # no buffer export left behind: the bytearray can change size again
    assert len(buffer) == WIDTH * HEIGHT + 1


@pytest.mark.parametrize(
    ("size", "width", "height", "stride", "words"),
    [
        (100, 10, 11, 0, "too small"),
        (12 * 9 + 9, 10, 10, 12, "too small"),  # one byte short of the last pixel
        (100, 10, 10, 9, "less than the width"),
        (100, 0, 10, 0, "positive"),
        (100, 10, -1, 0, "positive"),
    ],
)
def test_decode_gray_refuses_sizes_that_do_not_fit(
    size: int, width: int, height: int, stride: int, words: str
) -> None:
    with pytest.raises(ValueError, match=words):
        scan.decode_gray(bytes(size), width, height, stride)


def test_degraded_frame_helper_makes_readable_frames() -> None:
    for angle in (-25, 12):
        image = degraded_badges.degraded_frame(PAYLOADS[3], angle=angle, blur=1.2, noise=12)
        assert image.size == (WIDTH, HEIGHT) and image.mode == "L"
        assert scan.decode_gray(image.tobytes(), WIDTH, HEIGHT) == [PAYLOADS[3]]


def test_decode_gray_finds_nothing_in_frames_without_a_code() -> None:
    for image in degraded_badges.empty_frames(4):
        assert scan.decode_gray(image.tobytes(), WIDTH, HEIGHT) == []


def test_decode_gray_from_worker_threads_at_once() -> None:
    frames = [frame(payload, seed=n) for n, payload in enumerate(PAYLOADS)]
    buffers = [image.tobytes() for image in frames]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda raw: scan.decode_gray(raw, WIDTH, HEIGHT), buffers * 2))
    assert results == [[payload] for payload in PAYLOADS] * 2


# -- the second binarizer -------------------------------------------------------------


def test_second_binarizer_rescues_a_flat_lit_badge() -> None:
    """A badge under very flat light: its darkest and lightest modules 18 grey levels
    apart (contrast 0.07), around mid-grey as a webcam's auto-exposure keeps it.

    LocalAverage treats every 8 × 8 block spanning fewer than 24 levels as blank and
    finds nothing; the fixed mid-grey threshold reads it.  On 1,200 generated degraded
    frames the second pass read 1 % more (1,016 against 1,006, see models/scan.py);
    this case shows the mechanism without randomness.
    """
    flat = Degradation(
        module_px=4.0,
        angle=10.0,
        tilt=0.1,
        tilt_axis="x",
        blur=0.0,
        noise=0.0,
        contrast=0.07,
        exposure=0.5,
        jpeg=None,
        hard=True,
    )
    image = frame(PAYLOADS[1], flat)
    view = zxingcpp.ImageView(image.tobytes(), WIDTH, HEIGHT, zxingcpp.ImageFormat.Lum)

    def read(binarizer: zxingcpp.Binarizer) -> list[str]:
        found = zxingcpp.read_barcodes(
            view, formats=scan.QR_ONLY, binarizer=binarizer, try_rotate=False, try_invert=False
        )
        return [barcode.text for barcode in found]

    assert read(scan.FIRST_BINARIZER) == []
    assert read(scan.SECOND_BINARIZER) == [PAYLOADS[1]]
    assert scan.decode_gray(image.tobytes(), WIDTH, HEIGHT) == [PAYLOADS[1]]


# -- PIL images and files -------------------------------------------------------------


def test_decode_image_in_any_mode(badge_frame: Image.Image) -> None:
    for mode in ("L", "RGB", "P", "I;16", "I", "F", "1", "CMYK"):
        converted = badge_frame.convert(mode)
        assert scan.decode_image(converted) == [PAYLOADS[0]], mode


def test_decode_image_puts_transparent_parts_on_white() -> None:
    """A QR code exported as black modules on a transparent background: read as
    plain grey it is black on black."""
    symbol = zxingcpp.write_barcode_to_image(
        zxingcpp.create_barcode(PAYLOADS[2], zxingcpp.BarcodeFormat.QRCode), scale=6
    )
    pixels = memoryview(symbol)
    grey = Image.frombytes("L", (pixels.shape[1], pixels.shape[0]), pixels.tobytes())
    rgba = Image.new("RGBA", grey.size, (0, 0, 0, 0))
    rgba.putalpha(grey.point(lambda v: 255 - v))  # dark modules opaque, the rest clear
    assert scan.decode_image(rgba) == [PAYLOADS[2]]
    assert scan.decode_image(rgba.convert("LA")) == [PAYLOADS[2]]


def test_decode_image_reads_every_code_once() -> None:
    left, right = frame(PAYLOADS[0], seed=1), frame(PAYLOADS[3], seed=2)
    both = Image.new("L", (2 * WIDTH, HEIGHT))
    both.paste(left, (0, 0))
    both.paste(right, (WIDTH, 0))
    assert sorted(scan.decode_image(both)) == sorted([PAYLOADS[0], PAYLOADS[3]])
    doubled = Image.new("L", (2 * WIDTH, HEIGHT))
    doubled.paste(left, (0, 0))
    doubled.paste(left, (WIDTH, 0))
    assert scan.decode_image(doubled) == [PAYLOADS[0]]


@pytest.mark.parametrize("suffix", [".png", ".jpg", ".bmp", ".webp", ".gif"])
def test_decode_file_formats(tmp_path: Path, badge_frame: Image.Image, suffix: str) -> None:
    path = tmp_path / f"badge{suffix}"
    badge_frame.save(path)
    assert scan.decode_file(path) == [PAYLOADS[0]]
    assert scan.decode_file(str(path)) == [PAYLOADS[0]]


def test_decode_file_reads_every_page_of_a_tiff(tmp_path: Path) -> None:
    pages = [Image.new("L", (WIDTH, HEIGHT), 200), frame(PAYLOADS[1]), frame(PAYLOADS[2])]
    path = tmp_path / "scans.tif"
    pages[0].save(path, save_all=True, append_images=pages[1:])
    assert scan.decode_file(path) == [PAYLOADS[1], PAYLOADS[2]]


def test_decode_file_without_a_code_is_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "desk.png"
    degraded_badges.empty_frames(1)[0].save(path)
    assert scan.decode_file(path) == []


def _png_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("content", "template"),
    [
        (None, "There is no file at {path}."),
        (b"", "“{name}” is not a picture Partner Desk can read. Use a JPEG or PNG photo."),
        (
            b"PDV:GREEN:V000001:1:AAAAAAAAAA\n",
            "“{name}” is not a picture Partner Desk can read. Use a JPEG or PNG photo.",
        ),
        (
            "truncated",
            "“{name}” is not a picture Partner Desk can read. Use a JPEG or PNG photo.",
        ),
        (
            b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64),
            "“{name}” is a HEIC photo, which Partner Desk cannot read. Save it as JPEG "
            "(on an iPhone: Settings → Camera → Formats → Most Compatible) and try again.",
        ),
        ("folder", "“{name}” cannot be read: {reason}"),
    ],
    ids=["missing", "empty", "text", "truncated", "heic", "folder"],
)
def test_unreadable_files_say_why(
    tmp_path: Path, badge_frame: Image.Image, content: bytes | str | None, template: str
) -> None:
    path = tmp_path / "picture.png"
    if content == "truncated":
        png = _png_bytes(badge_frame)
        path.write_bytes(png[: len(png) // 2])
    elif content == "folder":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(UserError) as caught:
        scan.decode_file(path)
    error = caught.value
    assert error.template == template  # an English N_ template, translated when shown
    rendered = error.render()
    assert str(path) in rendered and "\n" not in rendered


# -- the frame deduper ----------------------------------------------------------------


def test_deduper_counts_a_badge_in_view_once() -> None:
    dedupe = scan.FrameDeduper(absent_frames=5, absent_seconds=None)
    assert dedupe.feed(["A"], now=0.0) == ["A"]
    assert all(dedupe.feed(["A"], now=t / 30) == [] for t in range(1, 60))
    # Missed in a few frames (motion blur), then read again: still the same scan.
    for t in range(60, 64):
        assert dedupe.feed([], now=t / 30) == []
    assert dedupe.feed(["A"], now=64 / 30) == []
    assert dedupe.in_view() == ["A"]


def test_deduper_counts_again_after_enough_absent_frames() -> None:
    dedupe = scan.FrameDeduper(absent_frames=3, absent_seconds=None)
    assert dedupe.feed(["A"]) == ["A"]
    for _ in range(3):
        assert dedupe.feed([]) == []
    assert dedupe.feed(["A"]) == ["A"]  # absent for 3 frames: counts again
    for _ in range(2):
        dedupe.feed([])
    assert dedupe.feed(["A"]) == []  # absent for 2 only


def test_deduper_counts_again_after_enough_absent_seconds() -> None:
    clock = [100.0]
    dedupe = scan.FrameDeduper(absent_frames=None, absent_seconds=1.5, clock=lambda: clock[0])
    assert dedupe.feed(["A"]) == ["A"]
    clock[0] = 101.4
    assert dedupe.feed([]) == []
    assert dedupe.feed(["A"]) == []  # 1.4 s away: the same scan
    clock[0] = 102.9
    assert dedupe.feed(["A"]) == ["A"]  # 1.5 s after it was last seen


def test_deduper_either_limit_forgets() -> None:
    """Frames or seconds, whichever comes first (the defaults: 30 frames or 1 s)."""
    dedupe = scan.FrameDeduper()
    assert (dedupe.absent_frames, dedupe.absent_seconds) == (30, 1.0)
    assert dedupe.feed(["A"], now=0.0) == ["A"]
    assert dedupe.feed(["A"], now=0.5) == []
    dedupe.feed([], now=0.6)
    assert dedupe.feed(["A"], now=1.5) == ["A"]  # 1.0 s since last seen, only 1 frame
    for n in range(30):  # a fast camera: 30 frames without it in 0.3 s
        dedupe.feed([], now=1.5 + n * 0.01)
    assert dedupe.feed(["A"], now=1.81) == ["A"]


def test_deduper_handles_several_codes_and_repeats_in_a_frame() -> None:
    dedupe = scan.FrameDeduper(absent_frames=2, absent_seconds=None)
    assert dedupe.feed(["A", "B", "A"], now=0) == ["A", "B"]
    assert dedupe.feed(["B", "C"], now=0) == ["C"]
    assert dedupe.feed(["B"], now=0) == []
    assert dedupe.feed(["B", "A"], now=0) == ["A"]  # A absent for 2 frames
    dedupe.reset()
    assert dedupe.in_view() == []
    assert dedupe.feed(["B"], now=0) == ["B"]


def test_deduper_refuses_nonsense_limits() -> None:
    with pytest.raises(ValueError):
        scan.FrameDeduper(absent_frames=0)
    with pytest.raises(ValueError):
        scan.FrameDeduper(absent_seconds=0)


# -- decode rate ----------------------------------------------------------------------

# Measured with the decoder as configured (LocalAverage, then FixedThreshold) on the
# 60 frames of seed 2026: 49 of the 50 ordinary frames (98 %) and 2 of the 10 hard
# ones, 51 of 60 in all (85 %).  Over 300 frames each of seeds 1, 2, 3 and 2026 the
# ordinary frames read at 96–99 % (975 of 1,000) and the hard ones at 12–24 % (37 of
# 200): the hard kind (modules under 2.5 px with blur, or a 20 % contrast drowned in
# noise) is there to find wrong reads and the second pass's rescues, not to pass.
# The limits leave a margin of one or two frames (Pillow versions resample a little
# differently); a decoder a few percent worse fails them.
MIN_ORDINARY_RATE = 0.94
MIN_OVERALL_RATE = 0.82


@pytest.fixture(scope="module")
def degraded() -> list[DegradedBadge]:
    return degraded_badges.degraded_badges(60, seed=2026)


def test_decode_rate_over_degraded_badges(degraded: list[DegradedBadge]) -> None:
    read: list[bool] = []
    for badge in degraded:
        texts = scan.decode_gray(badge.image.tobytes(), WIDTH, HEIGHT)
        assert texts in ([], [badge.payload]), "decoded a wrong text"
        read.append(texts == [badge.payload])
    ordinary = [ok for ok, badge in zip(read, degraded, strict=True) if not badge.degradation.hard]
    assert len(ordinary) == 50
    assert sum(ordinary) / len(ordinary) >= MIN_ORDINARY_RATE, sum(ordinary)
    assert sum(read) / len(read) >= MIN_OVERALL_RATE, sum(read)
