"""The organisation's seal (公章) image, printed on certificates and receipts.

Staff choose a JPEG or PNG scan of the seal.  It is checked with Pillow, turned
upright (EXIF), shrunk to at most ``MAX_SIDE`` pixels on its longer side and kept
as PNG (transparency preserved) in the organisation profile.  Setting or removing
it writes an audit row naming a short fingerprint of the image before and after.
(Pillow is imported when a seal is set, not when this module is.)
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import audit
from models.errors import N_, UserError
from models.schema import Organisation
from models.volunteers import clean_staff

MAX_INPUT_BYTES = 15 * 1024 * 1024
MAX_SIDE = 800  # px; the seal prints about 36 mm wide, so this is over 500 dpi
MIN_SIDE = 32
ACCEPTED_FORMATS = frozenset({"PNG", "JPEG"})
ENTITY = "organisation"


@dataclass(frozen=True)
class SealChange:
    changed: bool
    width: int | None
    height: int | None
    png_bytes: int


def _fingerprint(png: bytes | None) -> dict[str, Any] | None:
    if png is None:
        return None
    return {"sha256": hashlib.sha256(png).hexdigest()[:16], "bytes": len(png)}


def normalise(data: bytes) -> tuple[bytes, int, int]:
    """``data`` (JPEG or PNG) as an upright PNG of at most ``MAX_SIDE`` px: (png, w, h)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if not data:
        raise UserError(N_("The seal image file is empty."))
    if len(data) > MAX_INPUT_BYTES:
        raise UserError(
            N_("The seal image is too large ({size} MB); use a file under {limit} MB."),
            size=len(data) // (1024 * 1024),
            limit=MAX_INPUT_BYTES // (1024 * 1024),
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as opened:
                image_format = opened.format or ""
                if image_format not in ACCEPTED_FORMATS:
                    raise UserError(
                        N_("The seal must be a PNG or JPEG image (this one is {format})."),
                        format=image_format or "?",
                    )
                opened.load()
                image = ImageOps.exif_transpose(opened)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UserError(N_("The seal image has too many pixels.")) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise UserError(
            N_("This file is not a picture Partner Desk can read. Use a PNG or JPEG image.")
        ) from exc
    if min(image.size) < MIN_SIDE:
        raise UserError(
            N_("The seal image is too small; use one at least {side} pixels wide and high."),
            side=MIN_SIDE,
        )
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    image = image.convert("RGBA" if has_alpha else "RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue(), image.width, image.height


def _organisation(session: Session) -> Organisation:
    org = session.scalars(select(Organisation).limit(1)).first()
    if org is None:
        raise UserError(N_("The organisation has not been set up yet."))
    return org


def seal_png(session: Session) -> bytes | None:
    """The stored seal image (PNG bytes), or None."""
    return session.scalar(select(Organisation.seal_png).limit(1))


def set_seal(session: Session, png_bytes: bytes | None, *, staff: str) -> SealChange:
    """Store ``png_bytes`` (any PNG or JPEG; normalised) as the seal, or remove it with None.

    Audited with a fingerprint of the image before and after; setting the same
    image again changes nothing and writes nothing.
    """
    staff = clean_staff(staff)
    org = _organisation(session)
    width = height = None
    new: bytes | None = None
    if png_bytes is not None:
        new, width, height = normalise(png_bytes)
    old = org.seal_png
    if old == new:
        return SealChange(False, width, height, len(new or b""))
    org.seal_png = new
    after = _fingerprint(new)
    if after is not None:
        after.update(width=width, height=height)
    audit.record(
        session,
        staff=staff,
        action="organisation.seal_set" if new is not None else "organisation.seal_removed",
        entity=ENTITY,
        entity_id=org.id,
        before={"seal": _fingerprint(old)},
        after={"seal": after},
    )
    session.flush()
    return SealChange(True, width, height, len(new or b""))
