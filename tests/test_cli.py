"""The command line contract: demo, check, backup; JSON output; one-line errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.cli_helpers import run_cli, run_json


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def make_demo(db: Path, *, items: int, volunteers: int, activities: int) -> None:
    """Fill ``db`` with sample data through the real command line."""
    result = run_cli(
        "demo",
        "--db",
        str(db),
        "--items",
        str(items),
        "--volunteers",
        str(volunteers),
        "--activities",
        str(activities),
    )
    assert result.returncode == 0, result.stderr


def test_help_lists_the_subcommands() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for name in ("demo", "check", "backup"):
        assert name in result.stdout


def test_demo_then_check_succeed(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    code, document = run_json(
        "demo", "--db", str(db), "--items", "400", "--volunteers", "30", "--activities", "5"
    )
    assert code == 0, document
    assert document["counts"]["item"] == 400 == count(db, "item")
    assert document["counts"]["volunteer"] == 30 == count(db, "volunteer")
    assert len(document["activities"]) == count(db, "activity") == 5
    with sqlite3.connect(db) as conn:
        states = dict(conn.execute("SELECT id, state FROM activity").fetchall())
    for activity in document["activities"]:
        assert states[activity["id"].replace("-", "")] == activity["state"]

    code, report = run_json("check", "--db", str(db))
    assert code == 0
    assert report["ok"] is True
    assert report["integrity"] == ["ok"]
    assert report["schema"]["status"] == "current"
    assert report["journal_mode"] == "wal"


def test_demo_refuses_a_database_that_holds_data(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    make_demo(db, items=50, volunteers=5, activities=2)
    before = count(db, "item")
    result = run_cli("demo", "--db", str(db), "--lang", "en")
    assert result.returncode != 0
    assert "already holds data" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert count(db, "item") == before


def test_backup_writes_a_consistent_copy(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    make_demo(db, items=60, volunteers=5, activities=2)
    out = tmp_path / "copies" / "backup.sqlite3"
    code, document = run_json("backup", "--db", str(db), "--out", str(out))
    assert code == 0
    assert document["backup"] == str(out.resolve())
    assert count(out, "item") == 60
    with sqlite3.connect(out) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_check_reports_a_damaged_file_and_suggests_restore(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    make_demo(db, items=300, volunteers=5, activities=2)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    # Scribble over the middle of the file (past the header and schema pages).
    middle = len(data) // 2
    data[middle : middle + 4096] = b"\xff" * 4096
    db.write_bytes(bytes(data))
    result = run_cli("check", "--db", str(db), "--lang", "en")
    assert result.returncode != 0
    text = result.stdout + result.stderr
    assert "damaged" in text.lower() or "malformed" in text.lower()
    assert "restore" in text.lower()


def test_errors_are_one_line_and_in_chinese_when_asked(tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.sqlite3"
    not_a_db.write_bytes(b"hello, this is not a database" * 100)
    result = run_cli("demo", "--db", str(not_a_db), "--lang", "zh_CN")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert any("\u4e00" <= ch <= "\u9fff" for ch in lines[0])
    assert not_a_db.read_bytes() == b"hello, this is not a database" * 100


def test_labels_for_never_labelled_items_then_by_code(tmp_path: Path) -> None:
    import subprocess

    import zxingcpp
    from PIL import Image

    db = tmp_path / "demo.sqlite3"
    make_demo(db, items=200, volunteers=5, activities=2)
    with sqlite3.connect(db) as conn:
        unlabelled = [
            row[0]
            for row in conn.execute("SELECT code FROM item WHERE labelled_at IS NULL ORDER BY code")
        ]
    assert unlabelled
    out = tmp_path / "labels.pdf"
    code, document = run_json("labels", "--db", str(db), "--out", str(out))
    assert code == 0, document
    assert document["codes"] == unlabelled
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM item WHERE labelled_at IS NULL").fetchone() == (
            0,
        )
    subprocess.run(
        ["pdftoppm", "-r", "200", "-f", "1", "-l", "1", "-png", str(out), str(tmp_path / "p")],
        check=True,
    )
    (page,) = tmp_path.glob("p-*.png")
    decoded = {r.text for r in zxingcpp.read_barcodes(Image.open(page))}
    org = sqlite3.connect(db).execute("SELECT code FROM organisation").fetchone()[0]
    first_page = unlabelled[:24]
    assert decoded == {f"PDI:{org}:{c}" for c in first_page}

    again = run_cli("labels", "--db", str(db), "--out", str(tmp_path / "x.pdf"), "--lang", "en")
    assert again.returncode != 0 and "already has a label" in again.stderr
    assert not (tmp_path / "x.pdf").exists()
    code, document = run_json(
        "labels", "--db", str(db), "--out", str(out), "--template", "thermal", unlabelled[0]
    )
    assert code == 0 and document["codes"] == [unlabelled[0]] and document["pages"] == 1


def test_badges_pdf_by_code_and_for_everyone(tmp_path: Path) -> None:
    import subprocess

    import zxingcpp
    from PIL import Image

    db = tmp_path / "demo.sqlite3"
    make_demo(db, items=20, volunteers=12, activities=1)
    with sqlite3.connect(db) as conn:
        codes = [r[0] for r in conn.execute("SELECT code FROM volunteer ORDER BY code LIMIT 2")]
    out = tmp_path / "badges.pdf"
    code, document = run_json("badges", "--db", str(db), "--out", str(out), *codes)
    assert code == 0, document
    assert [v["code"] for v in document["volunteers"]] == codes
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(out), str(tmp_path / "b")], check=True)
    pages = sorted(tmp_path.glob("b-*.png"))
    assert len(pages) == 2
    decoded = [r.text for page in pages for r in zxingcpp.read_barcodes(Image.open(page))]
    assert [text.split(":")[2] for text in decoded] == codes

    code, document = run_json(
        "badges", "--db", str(db), "--out", str(tmp_path / "all.pdf"), "--template", "a4"
    )
    assert code == 0
    with sqlite3.connect(db) as conn:
        expected = conn.execute(
            "SELECT count(*) FROM volunteer v WHERE v.active AND v.merged_into_id IS NULL"
            " AND EXISTS (SELECT 1 FROM badge b WHERE b.volunteer_id = v.id"
            " AND b.retired_at IS NULL)"
        ).fetchone()[0]
    assert 0 < len(document["volunteers"]) == expected
    bad = run_cli(
        "badges", "--db", str(db), "--out", str(tmp_path / "x.pdf"), "--lang", "en", "V999999"
    )
    assert bad.returncode != 0 and "V999999" in bad.stderr
    assert not (tmp_path / "x.pdf").exists()
