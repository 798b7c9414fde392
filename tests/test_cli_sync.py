"""``partner-desk export``, ``verify`` and ``import`` for real, in a child process: what
each prints (one JSON document with --json), and a non-zero exit with a one-line
reason when a folder is missing, a file does not verify or an import is refused."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli_helpers import run_cli, run_json
from tests.sync_data import FIRST_DAY, PartnerDesk, office, register
from tests.test_bundle import members_of, write_members


@pytest.fixture
def files(tmp_path: Path, template_db: Path) -> Iterator[tuple[Path, Path]]:
    """A partner desk with an approved activity and an office that registered it."""
    desk = PartnerDesk.create(tmp_path / "desk.sqlite3", template_db)
    desk.approve(desk.hold_activity(FIRST_DAY, {0: 180, 1: 120}))
    desk.donate(0, 3)
    office_db = office(tmp_path / "office.sqlite3", template_db)
    register(office_db, desk)
    office_db.close()
    desk.db.close()
    yield tmp_path / "desk.sqlite3", tmp_path / "office.sqlite3"


def test_export_verify_import(files: tuple[Path, Path], tmp_path: Path) -> None:
    desk, office_file = files
    out = tmp_path / "out"
    out.mkdir()
    done = run_cli("export", "--db", str(desk), "--out", str(out), "--lang", "en")
    assert done.returncode == 0, done.stderr
    [bundle] = out.iterdir()
    lines = done.stdout.splitlines()
    assert lines[0] == f"Written {bundle} ({bundle.stat().st_size:,} bytes)."
    assert "Hours: 5.00 h in 2 lines (0 corrections)" in lines
    assert "Matching amount: ¥500.00" in lines
    assert "Items received: 3 (服装 3)" in lines
    assert lines[-1] == "Volunteers: 2 (phone numbers masked)"

    code, document = run_json("export", "--db", str(desk), "--out", str(out), "--lang", "en")
    assert code == 0 and document["ok"] and document["totals"]["hour_lines"] == 0
    second = Path(document["bundle"])
    assert document["rows"]["activities"] == 0 and document["follows"] is not None

    code, document = run_json("verify", "--db", str(office_file), str(bundle), "--lang", "en")
    assert code == 0 and document["key"] == "registered"
    assert document["bundles"][0]["rows"]["hours"] == 2 and document["bundles"][0]["key_trusted"]

    code, document = run_json("import", "--db", str(office_file), str(bundle), str(second))
    assert code == 0, document
    assert (document["new"], document["updated"], document["rejected"]) == (7, 0, 0)
    assert [b["kind"] for b in document["bundles"]] == ["office", "office"]


def test_failures_exit_non_zero_with_one_line(files: tuple[Path, Path], tmp_path: Path) -> None:
    desk, office_file = files
    missing = run_cli("export", "--db", str(desk), "--out", str(tmp_path / "nope"), "--lang", "en")
    assert missing.returncode == 1
    assert missing.stderr == (
        f"partner-desk export: There is no folder {tmp_path / 'nope'} to write the export to.\n"
    )

    out = tmp_path / "out"
    out.mkdir()
    assert run_cli("export", "--db", str(desk), "--out", str(out)).returncode == 0
    [good] = out.iterdir()
    members = members_of(good)
    members["activities.csv"] = members["activities.csv"].replace("社区".encode(), "社工".encode())
    bad = write_members(tmp_path / "bad.pdsync", members)

    result = run_cli("verify", str(good), str(bad), "--json", "--lang", "en")
    assert result.returncode == 1
    reason = (
        "bad.pdsync: activities.csv does not match its SHA-256 checksum in the manifest: it "
        "was changed after the file was signed."
    )
    assert result.stderr == f"partner-desk verify: {reason}\n"
    document = json.loads(result.stdout)
    assert document["key"] == "embedded"
    assert [b["ok"] for b in document["bundles"]] == [True, False]
    assert document["bundles"][0]["key_trusted"] is False
    assert document["bundles"][1]["error"] == reason

    code, document = run_json("import", "--db", str(office_file), str(bad), str(good))
    assert code == 1 and not document["ok"]
    assert (document["new"], document["rejected"]) == (7, 1)
    assert document["bundles"][0] == {
        "path": str(bad),
        "ok": False,
        "kind": None,
        "org_code": None,
        "export_id": None,
        "error": reason,
    }
