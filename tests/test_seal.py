"""The seal image: normalised to an upright PNG of bounded size, refused plainly when
unusable, audited when set or removed; the Settings picker shows and removes it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.context import AppContext
from desktop.settings.seal_picker import SealPicker
from models import organisation, seal
from models.db import Database
from models.errors import UserError
from models.schema import AuditEntry
from tests.conftest import MessageRecorder

STAFF = "王老师"


def picture(fmt: str, size: tuple[int, int] = (400, 300), mode: str = "RGB") -> bytes:
    colour = (200, 20, 20, 128) if mode == "RGBA" else (200, 20, 20)
    out = io.BytesIO()
    Image.new(mode, size, colour).save(out, fmt)
    return out.getvalue()


def seal_actions(database: Database) -> list[tuple[str, str, object, object]]:
    """(action, staff, before, after) of the seal's audit rows, oldest first."""
    with database.reading() as s:
        rows = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.action.startswith("organisation.seal"))
            .order_by(AuditEntry.at)
        )
        return [(e.action, e.staff_name, e.before, e.after) for e in rows]


def test_jpeg_becomes_a_bounded_png_and_is_audited(org_database: Database) -> None:
    with org_database.transaction() as s:
        change = seal.set_seal(s, picture("JPEG", (2400, 1600)), staff=STAFF)
    assert change.changed and (change.width, change.height) == (seal.MAX_SIDE, 533)
    with org_database.reading() as s:
        stored = seal.seal_png(s)
        assert organisation.profile(s).has_seal  # type: ignore[union-attr]
    assert stored is not None and stored.startswith(b"\x89PNG")
    with Image.open(io.BytesIO(stored)) as image:
        assert image.size == (seal.MAX_SIDE, 533)
    ((action, staff, before, after),) = seal_actions(org_database)
    assert (action, staff, before) == ("organisation.seal_set", STAFF, {"seal": None})
    assert isinstance(after, dict) and after["seal"]["bytes"] == len(stored)


def test_transparency_is_kept_and_same_image_writes_nothing(org_database: Database) -> None:
    data = picture("PNG", (200, 200), "RGBA")
    with org_database.transaction() as s:
        assert seal.set_seal(s, data, staff=STAFF).changed
    with org_database.transaction() as s:
        assert not seal.set_seal(s, data, staff=STAFF).changed
        stored = seal.seal_png(s)
    assert stored is not None
    with Image.open(io.BytesIO(stored)) as image:
        assert image.mode == "RGBA"
    assert len(seal_actions(org_database)) == 1


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (b"", "empty"),
        (b"not a picture at all", "not a picture"),
        (picture("GIF"), "PNG or JPEG"),
        (picture("PNG", (10, 10)), "too small"),
    ],
)
def test_unusable_files_are_refused_and_nothing_changes(
    org_database: Database, data: bytes, match: str
) -> None:
    with pytest.raises(UserError, match=match), org_database.transaction() as s:
        seal.set_seal(s, data, staff=STAFF)
    with org_database.reading() as s:
        assert seal.seal_png(s) is None
    assert seal_actions(org_database) == []


def test_picker_sets_previews_and_removes(
    qtbot: QtBot, org_database: Database, recorder: MessageRecorder, tmp_path: Path
) -> None:
    picker = SealPicker(AppContext(database=org_database, staff_name=STAFF))
    qtbot.addWidget(picker)
    picker.reload()
    assert not picker.has_seal and not picker.remove_button.isEnabled()
    bad = tmp_path / "seal.png"
    bad.write_bytes(b"broken")
    assert not picker.use_file(bad)
    assert recorder.texts("error") and not picker.has_seal
    good = tmp_path / "seal.jpg"
    good.write_bytes(picture("JPEG"))
    with qtbot.waitSignal(picker.changed):
        assert picker.use_file(good)
    assert picker.has_seal and not picker.preview.pixmap().isNull()
    recorder.confirm_answers = [True]
    picker.remove_button.click()
    assert not picker.has_seal
    assert [row[0] for row in seal_actions(org_database)] == [
        "organisation.seal_set",
        "organisation.seal_removed",
    ]
