"""Reading QR codes from camera frames, pictures and files, and saying what they hold.

Decoding (zxing-cpp, QR codes only):

* :func:`decode_gray` — one 8-bit greyscale frame in memory (the Y plane of a camera
  frame, packed YUYV/UYVY, or a ``QImage.Format_Grayscale8`` buffer), rows
  ``stride`` bytes apart.  Zero-copy: zxing-cpp reads the caller's memory through a
  ``zxingcpp.ImageView``.
* :func:`decode_image` — a PIL image of any mode; :func:`decode_file` — a picture
  file, with a ``UserError`` the user can act on when it cannot be read.

Each runs zxing-cpp's reader twice at most: the default binarizer (LocalAverage,
thresholds from each pixel's neighbourhood) and, only when it found nothing, a
fixed threshold at mid-grey (FixedThreshold).  Measured on 1,200 generated degraded
badge frames (tests/degraded_badges.py, seeds 1, 2, 3 and 99: rotated, tilted,
blurred, noisy, low-contrast, JPEG; one in six deliberately hard): LocalAverage
alone read 1,006, followed by FixedThreshold 1,016, followed by GlobalHistogram
1,008 (GlobalHistogram and FixedThreshold both: 1,018).  None decoded a wrong text.
Alone, GlobalHistogram read 902 and FixedThreshold 923, so neither replaces
LocalAverage.  The second pass costs ≈ 0.4 ms on a 1280 × 720 frame against
≈ 2.5 ms for the first, so a frame without a code (the common case at a kiosk)
costs ≈ 3 ms (tests/bench/bench_decode.py).  Webcams' automatic exposure keeps a
scene near mid-grey, which is why a fixed threshold rescues some flat, low-contrast
pictures that LocalAverage gives up on: it treats 8 × 8 blocks spanning fewer than
24 grey levels as blank (tests/test_scan_decode.py shows such a badge).

Options, measured on the same frames: ``try_rotate`` only matters for linear codes
(same result either way: off); ``try_invert`` (light-on-dark codes) never helps our
printed badges and makes a frame ≈ 75 % slower, so it is off for camera frames and on
for files; ``try_downscale`` read 5 more of the 1,200 (blurred, noisy ones) for
≈ 12 % more time, so it is on.

Threads: zxing-cpp releases the GIL while it decodes and keeps no state between
calls, so these functions may run in any thread, several at once.  The buffer given
to :func:`decode_gray` must not change or be freed until the call returns (a mapped
``QVideoFrame`` stays mapped until then); a ``bytearray`` cannot be resized meanwhile
because the call holds a buffer export of it.

:class:`FrameDeduper` turns the texts decoded frame after frame into scans: a badge
held in front of the camera counts once, not thirty times a second.

:func:`describe` says what decoded texts mean: with a database through
``models.scan_meaning.explain`` (current, retired, forged badge, known item...), and
without one from the text's structure alone (an item label or a badge of
organisation X, not checked).
"""

from __future__ import annotations

import os
import time
import uuid
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import zxingcpp
from sqlalchemy import select

from models import codes
from models.errors import N_, UserError
from models.scan_meaning import explain
from models.schema import Organisation

if TYPE_CHECKING:
    from PIL import Image
    from sqlalchemy.orm import Session

GrayBuffer = bytes | bytearray | memoryview

QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
FIRST_BINARIZER = zxingcpp.Binarizer.LocalAverage
SECOND_BINARIZER = zxingcpp.Binarizer.FixedThreshold
TRY_DOWNSCALE = True
MAX_FILE_FRAMES = 64  # pages of a multi-page TIFF or frames of a GIF that are read


# -- decoding -------------------------------------------------------------------------


def _read(image: Any, *, try_invert: bool) -> list[str]:
    """Texts of the QR codes in ``image`` (a zxingcpp.ImageView), first binarizer first."""
    for binarizer in (FIRST_BINARIZER, SECOND_BINARIZER):
        found = zxingcpp.read_barcodes(
            image,
            formats=QR_ONLY,
            binarizer=binarizer,
            try_rotate=False,
            try_downscale=TRY_DOWNSCALE,
            try_invert=try_invert,
        )
        texts = [barcode.text for barcode in found if barcode.valid and barcode.text]
        if texts:
            return list(dict.fromkeys(texts))
    return []


def _decode(
    buffer: GrayBuffer,
    width: int,
    height: int,
    stride: int = 0,
    *,
    pixel_stride: int = 1,
    offset: int = 0,
    try_invert: bool,
) -> list[str]:
    if width <= 0 or height <= 0:
        raise ValueError(f"image size must be positive, not {width} × {height}")
    if pixel_stride < 1 or offset < 0:
        raise ValueError(f"bad pixel stride {pixel_stride} or offset {offset}")
    row_stride = stride or width * pixel_stride
    if row_stride < width * pixel_stride:
        raise ValueError(f"stride {row_stride} is less than the width {width} × {pixel_stride}")
    # Holding this view keeps the memory exported (pinned) for the whole call:
    # zxingcpp.ImageView keeps only a raw pointer into it.
    with memoryview(buffer) as view:
        flat = view if view.ndim == 1 and view.format == "B" else view.cast("B")
        pixels = flat[offset:] if offset else flat
        try:
            needed = row_stride * (height - 1) + pixel_stride * (width - 1) + 1
            if pixels.nbytes < needed:
                raise ValueError(
                    f"buffer of {flat.nbytes} bytes is too small for {width} × {height} "
                    f"pixels with rows {row_stride} bytes apart ({offset + needed} bytes)"
                )
            # zxing-cpp wants every row whole, padding included; a buffer that ends
            # right after the last pixel (or a Y plane read at an offset) loses that row.
            rows = min(height, pixels.nbytes // row_stride)
            image = zxingcpp.ImageView(
                pixels, width, rows, zxingcpp.ImageFormat.Lum, row_stride, pixel_stride
            )
            return _read(image, try_invert=try_invert)
        finally:
            if pixels is not flat:
                pixels.release()
            if flat is not view:
                flat.release()


def decode_gray(
    buffer: GrayBuffer,
    width: int,
    height: int,
    stride: int = 0,
    *,
    pixel_stride: int = 1,
    offset: int = 0,
) -> list[str]:
    """Texts of the QR codes in an 8-bit greyscale frame, without copying it.

    ``buffer`` holds ``height`` rows of ``width`` pixels, each row starting ``stride``
    bytes after the previous one (0: rows are not padded; camera planes and QImage
    rows often are, so ``stride`` may be larger).  The first pixel is at ``offset``
    and pixels are ``pixel_stride`` bytes apart: 1 for a grey image or the Y plane
    of a planar frame (NV12, NV21, YUV420P, YV12...), 2 for packed YUYV (offset 0)
    and UYVY (offset 1), whose Y bytes are every other byte.

    Any object with the buffer protocol works (bytes, bytearray, memoryview, a mapped
    QVideoFrame's ``bits(0)``, ``QImage.constBits()``).  Returns each distinct text
    once, in the order found; an empty list when there is no readable code.

    Thread-safe; releases the GIL while decoding; ≈ 3 ms for 1280 × 720 here.
    Raises ``ValueError`` if the sizes do not fit the buffer (a programming error).
    """
    return _decode(
        buffer, width, height, stride, pixel_stride=pixel_stride, offset=offset, try_invert=False
    )


def _flatten(image: Image.Image) -> Image.Image:
    """``image`` as 8-bit grey, transparent parts on white (like on paper or screen)."""
    from PIL import Image

    if image.mode == "L":
        return image
    if image.mode in ("RGBA", "LA", "PA") or (
        image.mode in ("P", "L", "RGB") and "transparency" in image.info
    ):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("L")
    if image.mode.startswith(("I", "F")):
        # 16- or 32-bit grey: stretch to 0..255 rather than clip.
        wide = image.convert("F")
        low, high = cast("tuple[float, float]", wide.getextrema())
        scale = 255.0 / ((high - low) or 1.0)
        return wide.point(lambda v: (v - low) * scale).convert("L")
    return image.convert("L")


def decode_image(image: Image.Image) -> list[str]:
    """Texts of the QR codes in a PIL image of any mode (each distinct text once).

    Transparent areas count as white; light-on-dark codes are read too.  Copies the
    pixels once (to 8-bit grey), so prefer :func:`decode_gray` for camera frames.
    """
    grey = _flatten(image)
    return _decode(grey.tobytes(), grey.width, grey.height, try_invert=True)


def _heic(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(12)[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc")
    except OSError:
        return False


def decode_file(path: str | os.PathLike[str]) -> list[str]:
    """Texts of the QR codes in a picture file (every page of a multi-page TIFF).

    A ``UserError`` says why a file cannot be read: it does not exist, it is a
    folder or not readable, it is not a picture Pillow can open (or a HEIC photo),
    or it has too many pixels.
    """
    from PIL import Image, ImageSequence, UnidentifiedImageError

    name = os.fspath(path)
    file = Path(name)
    if not (file.exists() or file.is_symlink()):
        raise UserError(N_("There is no file at {path}."), path=name)
    texts: list[str] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as opened:
                for n, frame in enumerate(ImageSequence.Iterator(opened)):
                    if n >= MAX_FILE_FRAMES:
                        break
                    frame.load()
                    texts.extend(decode_image(frame))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UserError(
            N_("“{name}” is too large a picture (too many pixels)."), name=name
        ) from None
    except UnidentifiedImageError as exc:
        if _heic(file):
            raise UserError(
                N_(
                    "“{name}” is a HEIC photo, which Partner Desk cannot read. "
                    "Save it as JPEG (on an iPhone: Settings → Camera → Formats → "
                    "Most Compatible) and try again."
                ),
                name=name,
            ) from exc
        raise UserError(
            N_("“{name}” is not a picture Partner Desk can read. Use a JPEG or PNG photo."),
            name=name,
        ) from exc
    except (IsADirectoryError, PermissionError, FileNotFoundError) as exc:
        raise UserError(
            N_("“{name}” cannot be read: {reason}"), name=name, reason=exc.strerror or str(exc)
        ) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        # Opened as a picture, but the pixels are damaged or cut short.
        raise UserError(
            N_("“{name}” is not a picture Partner Desk can read. Use a JPEG or PNG photo."),
            name=name,
        ) from exc
    return list(dict.fromkeys(texts))


# -- camera streams -------------------------------------------------------------------


class FrameDeduper:
    """Turns the texts decoded in frame after frame into scans.

    A text counts (is returned by :meth:`feed`) the first time it is seen.  While it
    stays in view it does not count again, even if a few frames in between missed it
    (motion blur, a finger over the code).  It counts again only once it has been
    absent for ``absent_frames`` frames in a row **or** for ``absent_seconds`` —
    whichever comes first; ``None`` switches that limit off.

    Defaults: 30 frames or 1.0 s, about one second at a webcam's 30 frames per
    second either way; at lower frame rates (a slow decoder dropping frames) the
    time limit decides.  Holding a badge up again after a second scans it again;
    the check-in rules' own debounce window then answers "already checked in".

    Pure Python, no I/O; not thread-safe (feed it from one thread).
    """

    def __init__(
        self,
        *,
        absent_frames: int | None = 30,
        absent_seconds: float | None = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if absent_frames is not None and absent_frames < 1:
            raise ValueError("absent_frames must be at least 1")
        if absent_seconds is not None and absent_seconds <= 0:
            raise ValueError("absent_seconds must be positive")
        self.absent_frames = absent_frames
        self.absent_seconds = absent_seconds
        self._clock = clock
        self._frame = 0
        self._seen: dict[str, tuple[int, float]] = {}  # text -> (frame, time) last seen

    def feed(self, texts: Iterable[str], now: float | None = None) -> list[str]:
        """The texts of one frame (possibly none); returns those that count as scans.

        ``now`` is the frame's time in seconds on the ``clock`` scale (default: read
        the clock).  Call it for every frame, also those without a code: absence is
        counted in frames fed.
        """
        moment = self._clock() if now is None else now
        self._frame += 1
        self._forget(moment)
        fresh: list[str] = []
        for text in dict.fromkeys(texts):
            if text not in self._seen:
                fresh.append(text)
            self._seen[text] = (self._frame, moment)
        return fresh

    def _forget(self, moment: float) -> None:
        """Drop the texts absent long enough (before this frame's texts are added)."""
        gone = [
            text
            for text, (frame, when) in self._seen.items()
            if (self.absent_frames is not None and self._frame - frame > self.absent_frames)
            or (self.absent_seconds is not None and moment - when >= self.absent_seconds)
        ]
        for text in gone:
            del self._seen[text]

    def in_view(self) -> list[str]:
        """Texts that would not count now (seen recently)."""
        return list(self._seen)

    def reset(self) -> None:
        """Forget everything (e.g. when the kiosk switches to another activity)."""
        self._seen.clear()


# -- meaning --------------------------------------------------------------------------


class Structure(StrEnum):
    """What a text is, read without a database (its meaning is not checked)."""

    ITEM_LABEL = "item_label"
    BADGE = "badge_unchecked"
    DAMAGED_ITEM_LABEL = "damaged_item_label"
    DAMAGED_BADGE = "damaged_badge"
    OTHER = "other"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class Described:
    """One decoded text and what it means, as plain values.

    ``meaning`` is a ``models.scan_meaning.Meaning`` value when ``checked`` against a
    database, else a :class:`Structure` value.  ``message`` is an English template
    marked with ``N_``; :meth:`render` fills it after translation.
    """

    text: str
    meaning: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)
    checked: bool = False
    organisation: str | None = None  # org code in the payload
    item_code: str | None = None
    volunteer_code: str | None = None
    badge_seq: int | None = None
    volunteer_id: uuid.UUID | None = None
    volunteer_name: str | None = None

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        template = translate(self.message) if translate else self.message
        return template.format(**self.params) if self.params else template


def structure(text: str) -> Described:
    """What ``text`` is by its form alone (no database: nothing is verified)."""
    parsed = codes.parse(text)
    if isinstance(parsed, codes.ItemLabel):
        return Described(
            text,
            Structure.ITEM_LABEL,
            N_("Item label {code} of organisation {org}"),
            {"code": parsed.item_code, "org": parsed.org},
            organisation=parsed.org,
            item_code=parsed.item_code,
        )
    if isinstance(parsed, codes.BadgeCode):
        return Described(
            text,
            Structure.BADGE,
            N_("Volunteer badge {volunteer} (number {seq}) of organisation {org}, not checked"),
            {"volunteer": parsed.volunteer_code, "seq": parsed.seq, "org": parsed.org},
            organisation=parsed.org,
            volunteer_code=parsed.volunteer_code,
            badge_seq=parsed.seq,
        )
    if isinstance(parsed, codes.Malformed):
        if parsed.kind == "item":
            return Described(
                text,
                Structure.DAMAGED_ITEM_LABEL,
                N_("This item label is damaged or incomplete."),
            )
        return Described(
            text, Structure.DAMAGED_BADGE, N_("This badge code is damaged or incomplete.")
        )
    if isinstance(parsed, codes.OtherText):
        if codes.looks_like_item_code(parsed.text):
            return Described(
                text,
                Structure.ITEM_LABEL,
                N_("Item code {code}"),
                {"code": parsed.text},
                item_code=parsed.text,
            )
        return Described(
            text,
            Structure.OTHER,
            N_("“{text}” is not a Partner Desk code."),
            {"text": parsed.text[:40]},
        )
    return Described(
        text, Structure.UNREADABLE, N_("The code could not be read. Please scan it again.")
    )


def describe(session: Session | None, texts: Iterable[str]) -> list[Described]:
    """What each text means: checked against the database in ``session`` when it has
    an organisation set up, else by :func:`structure`.  Never raises on any text;
    never writes."""
    texts = list(texts)
    if session is None or session.scalar(select(Organisation.id).limit(1)) is None:
        return [structure(text) for text in texts]
    described = []
    for text in texts:
        form = structure(text)
        result = explain(session, text)
        described.append(
            Described(
                text,
                result.meaning.value,
                result.message,
                dict(result.params),
                checked=True,
                organisation=form.organisation,
                item_code=result.item_code or form.item_code,
                volunteer_code=form.volunteer_code,
                badge_seq=result.badge_seq if result.badge_seq is not None else form.badge_seq,
                volunteer_id=result.volunteer_id,
                volunteer_name=result.volunteer_name,
            )
        )
    return described
