"""Item photos: checked by Pillow, copied atomically, thumbnailed, and never left half-done."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from sqlalchemy import func, select

from models import audit, intake, items, photos
from models.categories import leaf_categories
from models.db import Database
from models.errors import UserError
from models.intake import BatchRequest, ItemLine
from models.schema import ItemPhoto, Store
from models.schema.enums import Grade, IntakeChannel


def an_item(database: Database) -> str:
    with database.transaction() as session:
        store = session.scalars(select(Store.id).where(Store.code == "S01")).one()
        category = leaf_categories(session)[0].id
        saved = intake.save_batch(
            session,
            BatchRequest(
                None,
                store,
                datetime.now(ZoneInfo("Asia/Shanghai")).date(),
                IntakeChannel.WALK_IN,
                None,
                (ItemLine(category, "陶瓷花瓶", Grade.A, 1, 30_00),),
            ),
            staff="李静",
        )
    return saved.item_codes[0]


def jpeg_bytes(size: tuple[int, int] = (800, 400), orientation: int | None = None) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    out = io.BytesIO()
    if orientation is None:
        image.save(out, "JPEG")
    else:
        exif = Image.Exif()
        exif[0x0112] = orientation
        image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def png_bytes() -> bytes:
    image = Image.new("RGBA", (100, 600), (0, 0, 255, 128))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def files_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def photo_count(database: Database) -> int:
    with database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(ItemPhoto)) or 0)


def test_a_photo_is_copied_with_a_thumbnail(org_database: Database, tmp_path: Path) -> None:
    code = an_item(org_database)
    source = tmp_path / "花瓶.JPG"
    source.write_bytes(jpeg_bytes(orientation=6))  # taken with the phone on its side
    folder = photos.photos_dir_for(org_database.path)
    assert folder == tmp_path / "photos"
    with org_database.transaction() as session:
        row = photos.attach_photo(session, code, source, folder, staff="李静")
    year = f"{date.today().year:04d}"
    assert row.file_name == f"{year}/{row.id}.jpg"
    assert row.thumb_name == f"{year}/{row.id}-thumb.jpg"
    assert row.path(folder).read_bytes() == source.read_bytes()
    with Image.open(row.thumb_path(folder)) as thumb:
        assert thumb.format == "JPEG"
        assert thumb.size == (160, 320)  # turned upright, then fitted into 320 px
    assert files_in(folder) == sorted([row.path(folder), row.thumb_path(folder)])
    with org_database.reading() as session:
        detail = items.item_detail(session, code)
    assert detail is not None and detail.photos == (row,)


def test_a_camera_snapshot_in_png(org_database: Database, tmp_path: Path) -> None:
    code = an_item(org_database)
    folder = tmp_path / "photos"
    with org_database.transaction() as session:
        row = photos.attach_photo_bytes(session, code, png_bytes(), folder, staff="李静")
    assert row.file_name.endswith(".png")
    with Image.open(row.thumb_path(folder)) as thumb:
        assert (thumb.format, thumb.mode, thumb.size) == ("JPEG", "RGB", (53, 320))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"not a picture at all",
            "“{name}” is not a picture Partner Desk can read. Use a JPEG or PNG photo.",
        ),
        (
            jpeg_bytes()[:300],
            "“{name}” is not a picture Partner Desk can read. Use a JPEG or PNG photo.",
        ),
        (b"", "“{name}” is empty."),
        (
            b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64,
            "“{name}” is a HEIC photo, which Partner Desk cannot read. Save it as JPEG "
            "(on an iPhone: Settings → Camera → Formats → Most Compatible) and try again.",
        ),
    ],
)
def test_files_that_are_not_pictures_are_refused(
    org_database: Database, tmp_path: Path, content: bytes, message: str
) -> None:
    code = an_item(org_database)
    source = tmp_path / "photo.jpg"
    source.write_bytes(content)
    folder = tmp_path / "photos"
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        photos.attach_photo(session, code, source, folder, staff="李静")
    assert str(caught.value) == message.format(name="photo.jpg")
    assert files_in(folder) == []
    assert photo_count(org_database) == 0


def test_a_snapshot_must_be_png_or_jpeg(org_database: Database, tmp_path: Path) -> None:
    code = an_item(org_database)
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "GIF")
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        photos.attach_photo_bytes(session, code, out.getvalue(), tmp_path / "p", staff="李静")
    assert str(caught.value) == "“snapshot” is a GIF picture; use a JPEG or PNG photo."


def test_unknown_item_or_missing_file(org_database: Database, tmp_path: Path) -> None:
    code = an_item(org_database)
    source = tmp_path / "a.jpg"
    source.write_bytes(jpeg_bytes())
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        photos.attach_photo(session, "S01-26-999999", source, tmp_path / "p", staff="李静")
    assert str(caught.value) == "No item has the code “S01-26-999999”."
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        photos.attach_photo(session, code, tmp_path / "gone.jpg", tmp_path / "p", staff="李静")
    assert str(caught.value).startswith("“gone.jpg” cannot be read: ")
    assert files_in(tmp_path / "p") == []


def test_files_go_when_the_transaction_rolls_back(org_database: Database, tmp_path: Path) -> None:
    code = an_item(org_database)
    folder = tmp_path / "photos"
    with pytest.raises(RuntimeError), org_database.transaction() as session:
        photos.attach_photo_bytes(session, code, jpeg_bytes(), folder, staff="李静")
        assert len(files_in(folder)) == 2
        raise RuntimeError("the next step failed")
    assert files_in(folder) == []
    assert photo_count(org_database) == 0
    # ...and stay when it commits.
    with org_database.transaction() as session:
        photos.attach_photo_bytes(session, code, jpeg_bytes(), folder, staff="李静")
    assert len(files_in(folder)) == 2
    assert photo_count(org_database) == 1


def test_files_go_when_saving_the_row_fails(
    org_database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = an_item(org_database)
    folder = tmp_path / "photos"

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr(audit, "record", broken)
    with pytest.raises(RuntimeError), org_database.transaction() as session:
        photos.attach_photo_bytes(session, code, jpeg_bytes(), folder, staff="李静")
    assert files_in(folder) == []
    assert photo_count(org_database) == 0


def test_photos_dir_without_a_file() -> None:
    assert photos.photos_dir_for(None).name == "photos"
