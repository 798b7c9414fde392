"""``partner-desk scan``: each picture's decoded texts and what they mean, checked
against the database when there is one, by their form alone when there is none."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from models import codes, organisation
from models.badges import issue_badge, reissue_badge
from models.db import Database
from models.schema import Organisation, Volunteer
from tests import degraded_badges
from tests.cli_helpers import run_cli, run_json
from tests.conftest import SAMPLE_SETUP
from tests.degraded_badges import Degradation

STAFF = "王老师"
CLEAR = Degradation(
    module_px=4.5,
    angle=-8.0,
    tilt=0.1,
    tilt_axis="y",
    blur=0.3,
    noise=2.0,
    contrast=0.9,
    exposure=0.5,
    jpeg=80,
    hard=False,
)


def badge_picture(path: Path, *payloads: str) -> Path:
    """One frame per payload, side by side, saved at ``path``."""
    width, height = degraded_badges.FRAME_SIZE
    sheet = Image.new("L", (width * len(payloads), height))
    for n, payload in enumerate(payloads):
        sheet.paste(degraded_badges.place(payload, CLEAR, random.Random(n)), (width * n, 0))
    if path.suffix == ".png":
        sheet.save(path, compress_level=1)  # fast; the pixels are the same
    else:
        sheet.save(path)
    return path


class Desk:
    """A database with a volunteer holding badge 2 (badge 1 retired), and pictures.

    Shared by the module's tests: ``scan`` only reads the database."""

    def __init__(self, db_path: Path, folder: Path) -> None:
        self.db_path = db_path
        database = Database.open(db_path)
        with database.transaction() as session:
            organisation.set_up(session, SAMPLE_SETUP)
            volunteer = Volunteer(code="V000123", name="张晓明")
            session.add(volunteer)
            session.flush()
            issue_badge(session, volunteer.id, staff=STAFF)
            self.current = reissue_badge(session, volunteer.id, staff=STAFF, reason="遗失")
            self.volunteer_id = volunteer.id
            org, secret = session.execute(
                select(Organisation.code, Organisation.badge_secret)
            ).one()
        database.close()
        self.retired = codes.badge_payload(bytes(secret), org, "V000123", 1)
        self.item = codes.item_payload(org, "S01-26-000777")
        self.foreign = codes.badge_payload(b"another secret", "BLUE", "V000009", 1)
        self.badge_png = badge_picture(folder / "badge.png", self.current.payload)
        self.mixed_jpg = badge_picture(folder / "mixed.jpg", self.retired, self.item)
        self.empty_png = folder / "desk.png"
        degraded_badges.empty_frames(1)[0].save(self.empty_png, compress_level=1)


@pytest.fixture(scope="module")
def desk(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Desk:
    folder = tmp_path_factory.mktemp("scan")
    db_path = folder / "desk.sqlite3"
    shutil.copy(template_db, db_path)
    return Desk(db_path, folder)


def test_scan_with_a_database_says_what_each_code_means(desk: Desk) -> None:
    code, document = run_json(
        "scan",
        "--db",
        str(desk.db_path),
        "--lang",
        "en",
        str(desk.badge_png),
        str(desk.mixed_jpg),
        str(desk.empty_png),
    )
    assert code == 0, document
    assert document["ok"] is True and document["checked"] is True
    assert document["database"] == str(desk.db_path)
    badge, mixed, empty = document["images"]
    assert badge["path"] == str(desk.badge_png)
    assert badge["texts"] == [desk.current.payload]
    [meaning] = badge["meanings"]
    assert meaning["meaning"] == "badge"
    assert meaning["volunteer_name"] == "张晓明"
    assert meaning["volunteer_id"] == str(desk.volunteer_id)
    assert meaning["badge_seq"] == 2
    assert meaning["message"] == "Volunteer badge of 张晓明"
    assert sorted(mixed["texts"]) == sorted([desk.retired, desk.item])
    by_text = {m["text"]: m for m in mixed["meanings"]}
    assert by_text[desk.retired]["meaning"] == "retired_badge"
    assert "replaced by a newer one" in by_text[desk.retired]["message"]
    assert by_text[desk.item]["meaning"] == "unknown_item"
    assert by_text[desk.item]["item_code"] == "S01-26-000777"
    assert empty == {"path": str(desk.empty_png), "ok": True, "texts": [], "meanings": []}


def test_scan_prints_each_picture_in_the_chosen_language(desk: Desk) -> None:
    result = run_cli(
        "scan",
        "--db",
        str(desk.db_path),
        "--lang",
        "zh_CN",
        str(desk.badge_png),
        str(desk.empty_png),
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{desk.badge_png}:"
    assert lines[1] == f"  {desk.current.payload} — 张晓明 的志愿者胸卡"
    assert lines[2] == f"{desk.empty_png}:"
    assert len(lines) == 4 and lines[3].startswith("  ")
    assert result.stderr == ""


def test_scan_without_a_database_reads_the_codes_form(desk: Desk, tmp_path: Path) -> None:
    """No --db and no default database yet: structure only, and nothing is created."""
    data_home = tmp_path / "empty-home"
    foreign = badge_picture(tmp_path / "foreign.png", desk.foreign)
    result = run_cli(
        "scan",
        "--lang",
        "en",
        str(desk.mixed_jpg),
        str(foreign),
        env={"XDG_DATA_HOME": str(data_home)},
    )
    assert result.returncode == 0, result.stderr
    assert f"  {desk.item} — Item label S01-26-000777 of organisation GREEN" in result.stdout
    assert (
        f"  {desk.foreign} — Volunteer badge V000009 (number 1) of organisation BLUE, not checked"
        in result.stdout
    )
    assert result.stdout.splitlines()[-1].startswith("Not checked against a database")
    assert not data_home.exists()

    result = run_cli("scan", "--json", str(foreign), env={"XDG_DATA_HOME": str(data_home)})
    document = json.loads(result.stdout)
    assert document["database"] is None and document["checked"] is False
    [meaning] = document["images"][0]["meanings"]
    assert meaning["meaning"] == "badge_unchecked"
    assert (meaning["organisation"], meaning["volunteer_code"]) == ("BLUE", "V000009")


def test_scan_reports_the_readable_pictures_and_fails_on_the_rest(
    desk: Desk, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("PDV:GREEN:V000123:2:AAAAAAAAAA", encoding="utf-8")
    missing = tmp_path / "nowhere.png"
    args = ("scan", "--db", str(desk.db_path), "--lang", "en")
    result = run_cli(*args, "--json", str(desk.badge_png), str(missing), str(notes))
    assert result.returncode == 1
    document = json.loads(result.stdout)  # one JSON document, failures inside it
    assert document["ok"] is False
    assert [image["ok"] for image in document["images"]] == [True, False, False]
    assert document["images"][0]["texts"] == [desk.current.payload]
    assert document["images"][1]["error"] == f"There is no file at {missing}."
    assert "is not a picture Partner Desk can read" in document["images"][2]["error"]
    assert document["error"] == (f"There is no file at {missing}. (and 1 more pictures not read)")
    assert result.stderr.splitlines() == [f"partner-desk scan: {document['error']}"]

    result = run_cli(*args, str(notes))
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1
    assert "is not a picture Partner Desk can read" in result.stderr


def test_scan_with_a_missing_database_creates_none(desk: Desk, tmp_path: Path) -> None:
    absent = tmp_path / "typo.sqlite3"
    result = run_cli("scan", "--db", str(absent), "--lang", "en", str(desk.badge_png))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"partner-desk scan: There is no database file at {absent}."
    ]
    assert not absent.exists()
