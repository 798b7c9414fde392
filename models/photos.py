"""Photos of items: files in a ``photos`` folder beside the database, thumbnails by Pillow.

(Pillow is imported when a photo is added, not when this module is.)

A photo is checked with Pillow before anything is kept, copied to
``photos/<yyyy>/<uuid>.<ext>`` under a temporary name and renamed into place (so a
reader never sees half a file), and given a JPEG thumbnail of at most 320 px. If
anything fails, and also if the caller's transaction rolls back later, the files
written are removed again.
"""

from __future__ import annotations

import contextlib
import io
import os
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from models import audit
from models.clock import utcnow
from models.db import data_dir
from models.errors import N_, DiskFull, UserError
from models.schema import Item, ItemPhoto, new_id

THUMB_SIZE = 320
MAX_PHOTO_BYTES = 40 * 1024 * 1024
# Formats kept as they are; anything else Pillow reads is refused with a clear message.
EXTENSIONS = {
    "JPEG": "jpg",
    "PNG": "png",
    "WEBP": "webp",
    "GIF": "gif",
    "BMP": "bmp",
    "TIFF": "tif",
}
SNAPSHOT_FORMATS = frozenset({"JPEG", "PNG"})


@dataclass(frozen=True)
class PhotoRow:
    id: uuid.UUID
    item_id: uuid.UUID
    file_name: str  # relative to the photos folder, e.g. "2026/<uuid>.jpg"
    thumb_name: str
    created_at: datetime

    def path(self, photos_dir: Path) -> Path:
        return photos_dir / self.file_name

    def thumb_path(self, photos_dir: Path) -> Path:
        return photos_dir / self.thumb_name


def photos_dir_for(db_path: Path | None) -> Path:
    """The ``photos`` folder beside the database file (in the data folder otherwise)."""
    if db_path is None:
        return data_dir() / "photos"
    return db_path.parent / "photos"


def photo_rows(session: Session, item_id: uuid.UUID) -> list[PhotoRow]:
    rows = session.scalars(
        select(ItemPhoto).where(ItemPhoto.item_id == item_id).order_by(ItemPhoto.created_at)
    )
    return [PhotoRow(p.id, p.item_id, p.file_name, p.thumb_name, p.created_at) for p in rows]


def _open_checked(data: bytes, name: str, allowed: frozenset[str] | None = None) -> str:
    """The Pillow format of ``data``; a UserError if it is not a picture we keep."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                image_format = image.format or ""
                image.verify()
            # verify() does not decode the pixels; a truncated file fails here.
            with Image.open(io.BytesIO(data)) as image:
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UserError(
            N_("“{name}” is too large a picture (too many pixels)."), name=name
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"):
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
    if image_format not in EXTENSIONS or (allowed is not None and image_format not in allowed):
        raise UserError(
            N_("“{name}” is a {format} picture; use a JPEG or PNG photo."),
            name=name,
            format=image_format or "?",
        )
    return image_format


def _thumbnail(data: bytes) -> bytes:
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as opened:
        image = ImageOps.exif_transpose(opened)
        if image.mode not in ("RGB", "L"):
            rgba = image.convert("RGBA")
            image = Image.new("RGB", rgba.size, (255, 255, 255))
            image.paste(rgba, mask=rgba.getchannel("A"))
        image.thumbnail((THUMB_SIZE, THUMB_SIZE), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        image.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
        return out.getvalue()


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.partial")
    try:
        with temporary.open("xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _remove(paths: list[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def _remove_on_rollback(session: Session, paths: list[Path]) -> None:
    """Delete ``paths`` if the caller's transaction rolls back; keep them if it commits.

    The listeners stay on the (short-lived) session as no-ops once settled: removing
    them while SQLAlchemy dispatches the event is not allowed.
    """
    settled = False

    def rolled_back(_session: Session) -> None:
        nonlocal settled
        if not settled:
            settled = True
            _remove(paths)

    def committed(_session: Session) -> None:
        nonlocal settled
        settled = True

    event.listen(session, "after_rollback", rolled_back)
    event.listen(session, "after_commit", committed)


@contextlib.contextmanager
def _disk_errors() -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        if exc.errno == 28:  # ENOSPC
            raise DiskFull(
                N_("The disk is full. Free some space and try again; nothing was saved.")
            ) from exc
        raise UserError(
            N_("The photo could not be saved in the photos folder: {reason}"),
            reason=exc.strerror or str(exc),
        ) from exc


def _attach(
    session: Session,
    item_code: str,
    data: bytes,
    name: str,
    photos_dir: Path,
    staff: str,
    allowed: frozenset[str] | None,
) -> PhotoRow:
    code = item_code.strip().upper()
    item_id = session.scalar(select(Item.id).where(Item.code == code))
    if item_id is None:
        raise UserError(N_("No item has the code “{code}”."), code=code)
    if len(data) > MAX_PHOTO_BYTES:
        raise UserError(N_("“{name}” is larger than 40 MB."), name=name)
    if not data:
        raise UserError(N_("“{name}” is empty."), name=name)
    image_format = _open_checked(data, name, allowed)
    thumb = _thumbnail(data)
    now = utcnow()
    photo_id = new_id()
    folder = f"{now.year:04d}"
    file_name = f"{folder}/{photo_id}.{EXTENSIONS[image_format]}"
    thumb_name = f"{folder}/{photo_id}-thumb.jpg"
    written: list[Path] = []
    try:
        with _disk_errors():
            (photos_dir / folder).mkdir(parents=True, exist_ok=True)
            for relative, content in ((file_name, data), (thumb_name, thumb)):
                target = photos_dir / relative
                _write_atomically(target, content)
                written.append(target)
        session.add(
            ItemPhoto(
                id=photo_id,
                item_id=item_id,
                file_name=file_name,
                thumb_name=thumb_name,
                created_at=now,
            )
        )
        session.flush()
        audit.record(
            session,
            staff=staff.strip() or "?",
            action="item.photo_added",
            entity="item",
            entity_id=item_id,
            after={"code": code, "file": file_name},
        )
    except BaseException:
        _remove(written)
        raise
    _remove_on_rollback(session, written)
    return PhotoRow(photo_id, item_id, file_name, thumb_name, now)


def attach_photo(
    session: Session, item_code: str, source: Path, photos_dir: Path, *, staff: str
) -> PhotoRow:
    """Keep a copy of the picture file ``source`` as a photo of the item."""
    try:
        size = source.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise UserError(N_("“{name}” is larger than 40 MB."), name=source.name)
        data = source.read_bytes()
    except OSError as exc:
        raise UserError(
            N_("“{name}” cannot be read: {reason}"),
            name=source.name,
            reason=exc.strerror or str(exc),
        ) from exc
    return _attach(session, item_code, data, source.name, photos_dir, staff, None)


def attach_photo_bytes(
    session: Session,
    item_code: str,
    data: bytes,
    photos_dir: Path,
    *,
    staff: str,
    name: str = "snapshot",
) -> PhotoRow:
    """Keep a camera snapshot (PNG or JPEG bytes) as a photo of the item."""
    return _attach(session, item_code, data, name, photos_dir, staff, SNAPSHOT_FORMATS)
