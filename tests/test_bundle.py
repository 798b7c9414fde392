"""Sync bundles: a signed, streamed round trip, and every kind of damage or tampering
refused before anything reads the content, each with its own precise message."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import tracemalloc
import uuid
import zipfile
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from models import bundle_errors, signing
from models.bundle import (
    BundleError,
    BundleLimits,
    ManifestFields,
    open_bundle,
    verify_bundle,
    write_bundle,
    write_readable_copy,
)
from models.bundle_spec import TABLES, TABLES_BY_NAME
from models.bundle_values import mask_phone
from models.errors import Cancelled

ORG = "GREEN"
EXPORT_ID = uuid.UUID("6f1c1a4e-8d2b-4c1e-9a53-3b2f7d9e0c11")
PREVIOUS_ID = uuid.UUID("0e6d1f3a-2b4c-4d5e-8f70-9a1b2c3d4e5f")
T0 = datetime(2026, 3, 1, 1, 30, tzinfo=UTC)
ACTIVITY_ID = uuid.UUID("11111111-2222-4333-8444-555555555555")
VOLUNTEER_ID = uuid.UUID("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee")
TRICKY = '社区图书角整理，第"二"期\n第二行, 带逗号'


@pytest.fixture(scope="module")
def keys() -> signing.KeyPair:
    return signing.new_signing_pair()


@pytest.fixture(scope="module")
def other_keys() -> signing.KeyPair:
    return signing.new_signing_pair()


def fields(**changes: Any) -> ManifestFields:
    values: dict[str, Any] = {
        "org_code": ORG,
        "export_id": EXPORT_ID,
        "period_start": T0 - timedelta(days=31),
        "period_end": T0,
        "follows": PREVIOUS_ID,
        "created_at": T0 + timedelta(hours=1),
    }
    values.update(changes)
    return ManifestFields(**values)


def activity(**changes: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": ACTIVITY_ID,
        "version": 3,
        "updated_at": T0 + timedelta(microseconds=123456),
        "title": TRICKY,
        "kind": "环保",
        "description": '=HYPERLINK("http://x")',
        "starts_at": T0,
        "ends_at": T0 + timedelta(hours=3),
        "location": "静安区 · 社区中心",
        "programme_tag": None,
        "state": "closed",
        "scheduled_minutes": 180,
        "capacity": None,
        "walk_ins_allowed": True,
        "closed_at": T0 + timedelta(hours=4),
    }
    row.update(changes)
    return row


def session_row(index: int) -> dict[str, Any]:
    return {
        "id": uuid.UUID(int=index + 1),
        "version": 1,
        "updated_at": T0,
        "activity_id": ACTIVITY_ID,
        "volunteer_ref": VOLUNTEER_ID,
        "started_at": T0,
        "ended_at": T0 + timedelta(minutes=90),
        "status": "closed",
        "resolution": None,
        "counted_minutes": 90,
        "needs_review": False,
        "check_in_event_id": None,
        "check_out_event_id": None,
    }


def volunteer_row(phone: str | None = "13812345678") -> dict[str, Any]:
    return {
        "id": VOLUNTEER_ID,
        "version": 2,
        "updated_at": T0,
        "code": "V000001",
        "name": "张三",
        "programme_id": "P-77",
        "employer": "某某科技有限公司",
        "phone": phone,
        "merged_into_ref": None,
    }


def feedback_row() -> dict[str, Any]:
    return {
        "id": uuid.UUID(int=99),
        "version": 1,
        "updated_at": T0,
        "activity_id": ACTIVITY_ID,
        "people_served": 40,
        "beneficiaries": "社区老人",
        "work_done": "整理图书 300 册",
        "outcomes": None,
        "problems": "",
        "photo_count": 12,
        "satisfaction": 5,
        "waived": False,
        "waive_reason": None,
        "submitted_by": "王老师",
        "submitted_on": date(2026, 3, 1),
    }


def sample_tables(sessions: int = 2) -> dict[str, Any]:
    """Every table: a few rows in some, header only in the others."""
    tables: dict[str, Any] = {spec.name: (spec.column_names, []) for spec in TABLES}
    tables["activities"] = (TABLES_BY_NAME["activities"].column_names, [activity()])
    tables["attendance_sessions"] = (
        TABLES_BY_NAME["attendance_sessions"].column_names,
        (session_row(i) for i in range(sessions)),
    )
    tables["volunteers"] = (TABLES_BY_NAME["volunteers"].column_names, [volunteer_row()])
    tables["feedback"] = (TABLES_BY_NAME["feedback"].column_names, [feedback_row()])
    return tables


@pytest.fixture
def good(tmp_path: Path, keys: signing.KeyPair) -> Path:
    path = tmp_path / "GREEN-2026-03.pdsync"
    write_bundle(path, fields(), sample_tables(), signing_key=keys)
    return path


# --- rewriting bundles, as someone tampering with them would -------------------------


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_members(path: Path, members: Mapping[str, bytes] | list[tuple[str, bytes]]) -> Path:
    items = list(members.items()) if isinstance(members, Mapping) else members
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in items:
            archive.writestr(name, data)
    return path


def resigned(
    source: Path,
    target: Path,
    keys: signing.KeyPair,
    edit: Callable[[dict[str, Any], dict[str, bytes]], None],
) -> Path:
    """``source`` with its manifest (and members) edited, signed again with ``keys``."""
    members = members_of(source)
    manifest = json.loads(members["manifest.json"])
    edit(manifest, members)
    data = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
    members["manifest.json"] = data
    members["manifest.sig"] = base64.b64encode(signing.sign(keys.private_raw, data))
    return write_members(target, members)


def entry(manifest: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(f for f in manifest["files"] if f["name"] == name)
    return found


def refused(path: Path, **kwargs: Any) -> BundleError:
    with pytest.raises(BundleError) as caught:
        open_bundle(path, **kwargs)
    return caught.value


# --- writing and reading back -----------------------------------------------------------


def test_round_trip_keeps_every_value_and_chinese_text(good: Path, keys: signing.KeyPair) -> None:
    with open_bundle(good, public_key=keys.public_raw) as opened:
        assert opened.key_trusted
        assert opened.key_fingerprint == signing.fingerprint(keys.public_raw)
        assert opened.tables == tuple(spec.name for spec in TABLES)
        manifest = opened.manifest
        assert (manifest.org_code, manifest.export_id, manifest.follows) == (
            ORG,
            EXPORT_ID,
            PREVIOUS_ID,
        )
        assert manifest.period_end == T0
        assert manifest.format_version == "1.0"
        assert [row for row in opened.rows("activities")] == [activity()]
        # An empty field is "no value": nullable text reads back as None.
        assert list(opened.rows("feedback")) == [{**feedback_row(), "problems": None}]
        sessions = list(opened.rows("attendance_sessions"))
        assert sessions == [session_row(0), session_row(1)]
        assert opened.row_count("attendance_sessions") == 2
        assert list(opened.rows("hours")) == []
        # Read twice: each pass streams the member again.
        assert len(list(opened.rows("attendance_sessions"))) == 2


def test_phone_numbers_are_masked_unless_contacts_are_included(
    tmp_path: Path, keys: signing.KeyPair
) -> None:
    masked = write_bundle(tmp_path / "a.pdsync", fields(), sample_tables(), signing_key=keys)
    with open_bundle(masked.path) as opened:
        assert not opened.manifest.include_contacts
        assert [row["phone"] for row in opened.rows("volunteers")] == ["138****5678"]
    full = write_bundle(
        tmp_path / "b.pdsync", fields(include_contacts=True), sample_tables(), signing_key=keys
    )
    with open_bundle(full.path) as opened:
        assert opened.manifest.include_contacts
        assert [row["phone"] for row in opened.rows("volunteers")] == ["13812345678"]
    assert mask_phone("+86 139-0000-1234") == "861****1234"
    assert mask_phone("12345") == "*****"


def test_members_are_utf8_rfc4180_without_bom_and_the_manifest_lists_them(good: Path) -> None:
    members = members_of(good)
    assert list(members)[-2:] == ["manifest.json", "manifest.sig"]
    data = members["activities.csv"]
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.startswith(b"id,version,updated_at,title,")
    assert b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert rows[1][3] == TRICKY
    assert rows[1][2] == "2026-03-01T01:30:00.123456Z"
    assert rows[1][5] == '=HYPERLINK("http://x")'  # exact: machine files are not escaped
    manifest = json.loads(members["manifest.json"])
    assert manifest["format"] == "partner-desk-sync"
    assert manifest["follows"] == str(PREVIOUS_ID)
    listed = entry(manifest, "activities.csv")
    assert listed["rows"] == 1
    assert listed["bytes"] == len(data)
    assert listed["columns"] == list(TABLES_BY_NAME["activities"].column_names)
    assert len(base64.b64decode(members["manifest.sig"])) == 64


def test_rows_may_be_sequences_in_any_column_order(tmp_path: Path, keys: signing.KeyPair) -> None:
    columns = list(reversed(TABLES_BY_NAME["activities"].column_names))
    row = activity()
    tables = {"activities": (columns, [[row[name] for name in columns]])}
    written = write_bundle(tmp_path / "x.pdsync", fields(), tables, signing_key=keys)
    assert written.rows == {"activities": 1}
    with open_bundle(written.path, public_key=keys.public_raw) as opened:
        assert opened.tables == ("activities",)
        assert list(opened.rows("activities")) == [row]
        assert list(opened.rows("volunteers")) == []


def test_the_same_export_gives_the_same_bytes(tmp_path: Path, keys: signing.KeyPair) -> None:
    first = write_bundle(tmp_path / "1.pdsync", fields(), sample_tables(), signing_key=keys)
    second = write_bundle(tmp_path / "2.pdsync", fields(), sample_tables(), signing_key=keys)
    assert first.sha256 == second.sha256
    assert first.path.read_bytes() == second.path.read_bytes()
    assert verify_bundle(first.path).sha256 == first.sha256


def test_writing_is_atomic_and_cancellable(tmp_path: Path, keys: signing.KeyPair) -> None:
    path = tmp_path / "out.pdsync"
    path.write_bytes(b"previous export")

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        write_bundle(
            path, fields(), sample_tables(sessions=5000), signing_key=keys, progress=cancel
        )
    assert path.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdsync"]


def test_writer_refuses_wrong_tables_columns_and_values(
    tmp_path: Path, keys: signing.KeyPair
) -> None:
    path = tmp_path / "bad.pdsync"
    columns = TABLES_BY_NAME["activities"].column_names
    with pytest.raises(ValueError, match="unknown bundle tables"):
        write_bundle(path, fields(), {"people": (("id",), [])}, signing_key=keys)
    with pytest.raises(ValueError, match="columns of activities"):
        write_bundle(path, fields(), {"activities": (columns[:-1], [])}, signing_key=keys)
    with pytest.raises(TypeError, match="scheduled_minutes"):
        bad = activity(scheduled_minutes="180")
        write_bundle(path, fields(), {"activities": (columns, [bad])}, signing_key=keys)
    with pytest.raises(ValueError, match="not an organisation code"):
        write_bundle(path, fields(org_code="green"), {}, signing_key=keys)
    assert not path.exists()


def traced_peak(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_while_streaming(tmp_path: Path, keys: signing.KeyPair) -> None:
    """Rows are streamed in and out: five times the rows, (almost) the same peak."""
    columns = TABLES_BY_NAME["attendance_sessions"].column_names
    path = tmp_path / "big.pdsync"

    def stream(rows: int) -> Callable[[], None]:
        def run() -> None:
            write_bundle(
                path,
                fields(),
                {"attendance_sessions": (columns, (session_row(i) for i in range(rows)))},
                signing_key=keys,
            )
            with open_bundle(path) as opened:
                assert sum(1 for _ in opened.rows("attendance_sessions")) == rows

        return run

    small, large = traced_peak(stream(500)), traced_peak(stream(2500))
    held = traced_peak(lambda: [session_row(i) for i in range(2000)])
    assert large - small < held / 5, (small, large, held)


def test_readable_copy_opens_in_excel_with_chinese_intact(good: Path, tmp_path: Path) -> None:
    folder = tmp_path / "readable"
    folder.mkdir()
    with open_bundle(good) as opened:
        written = write_readable_copy(opened, folder)
    assert [p.name for p in written] == [spec.file_name for spec in TABLES]
    data = (folder / "activities.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "社区图书角整理" in text
    assert "'=HYPERLINK" in text  # a formula is shown as text, never run
    assert "2026-03-01 01:30:00" in text


def test_verify_report(good: Path, keys: signing.KeyPair) -> None:
    report = verify_bundle(good, public_key=lambda org: keys.public_raw if org == ORG else None)
    assert report.key_trusted
    assert report.org_code == ORG
    assert report.rows["attendance_sessions"] == 2
    assert report.format_version == "1.0"


# --- the container ---------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    error = refused(tmp_path / "nothing.pdsync")
    assert str(error) == "nothing.pdsync: there is no such file."


@pytest.mark.parametrize("content", [b"", b"id,title\r\n1,x\r\n", b"%PDF-1.7 not a zip"])
def test_not_a_zip(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.pdsync"
    path.write_bytes(content)
    error = refused(path)
    assert str(error) == "notes.pdsync is not a Partner Desk sync file: it is not a zip archive."


@pytest.mark.parametrize("keep", [0.5, 0.95])
def test_truncated_zip(good: Path, tmp_path: Path, keep: float) -> None:
    data = good.read_bytes()
    path = tmp_path / "cut.pdsync"
    path.write_bytes(data[: int(len(data) * keep)])
    assert "is incomplete: it ends before the end of the archive" in str(refused(path))


def test_a_flipped_byte_inside_the_zip_is_reported_as_damage(good: Path, tmp_path: Path) -> None:
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("attendance_sessions.csv")
    # The middle of that member's compressed data (after its local header).
    start = info.header_offset + 30 + len(info.filename)
    data[start + info.compress_size // 2] ^= 0xFF
    path = tmp_path / "flipped.pdsync"
    path.write_bytes(bytes(data))
    message = str(refused(path))
    assert message.startswith(
        "flipped.pdsync is damaged: attendance_sessions.csv cannot be unpacked"
    )


@pytest.mark.parametrize(
    "name",
    [
        "../evil.csv",
        "../../etc/passwd",
        "/abs.csv",
        "sub/activities.csv",
        "..\\evil.csv",
        "C:x.csv",
    ],
)
def test_zip_slip_member_is_refused(good: Path, tmp_path: Path, name: str) -> None:
    members = members_of(good)
    members[name] = b"id\r\n"
    path = write_members(tmp_path / "slip.pdsync", members)
    assert str(refused(path)) == (
        f"slip.pdsync contains a file with an unsafe name, “{name}” (a folder path, “..” or an "
        "absolute path). It is refused unread."
    )


def test_unexpected_member_name_is_refused(good: Path, tmp_path: Path) -> None:
    members = members_of(good)
    members["README.txt"] = b"hello"
    path = write_members(tmp_path / "extra.pdsync", members)
    assert str(refused(path)) == (
        "extra.pdsync contains “README.txt”, which is not a file a sync file may hold. "
        "It is refused unread."
    )


def test_duplicate_member_is_refused(good: Path, tmp_path: Path) -> None:
    items = list(members_of(good).items())
    items.append(("activities.csv", b"id\r\n"))
    with pytest.warns(UserWarning, match="Duplicate name"):
        path = write_members(tmp_path / "dup.pdsync", items)
    assert str(refused(path)) == (
        "dup.pdsync contains activities.csv more than once. It is refused unread."
    )


def test_too_many_members(good: Path, tmp_path: Path) -> None:
    members = members_of(good)
    for index in range(40):
        members[f"extra_{index}.csv"] = b"id\r\n"
    path = write_members(tmp_path / "many.pdsync", members)
    assert str(refused(path)) == (
        "many.pdsync holds 50 files; a sync file holds at most 32. It is refused unread."
    )


def test_zip_bomb_is_refused_unread(good: Path, tmp_path: Path) -> None:
    members = members_of(good)
    members["activities.csv"] = bytes(20 * 1024 * 1024)  # 20 MB of zeros: ~1000 to 1
    path = write_members(tmp_path / "bomb.pdsync", members)
    message = str(refused(path))
    assert message.startswith("bomb.pdsync: activities.csv is compressed ")
    assert message.endswith(
        "to 1, more than the 100 to 1 a sync file can reach (a possible zip bomb). "
        "It is refused unread."
    )


def test_oversized_members_are_refused_unread(good: Path) -> None:
    small = BundleLimits(max_member_bytes=200)
    message = str(refused(good, limits=small))
    assert "would unpack to" in message
    assert "more than the 200 bytes allowed (a possible zip bomb)" in message
    total = BundleLimits(max_total_bytes=1000)
    assert str(refused(good, limits=total)).startswith("GREEN-2026-03.pdsync would unpack to ")


def test_missing_manifest_or_signature(good: Path, tmp_path: Path) -> None:
    members = members_of(good)
    del members["manifest.sig"]
    path = write_members(tmp_path / "unsigned.pdsync", members)
    assert str(refused(path)) == (
        "unsigned.pdsync has no signature (manifest.sig), so it cannot be trusted."
    )
    del members["manifest.json"]
    path = write_members(tmp_path / "bare.pdsync", members)
    assert str(refused(path)) == (
        "bare.pdsync has no manifest.json: it is not a sync file, or it is incomplete."
    )


# --- manifest and signature -------------------------------------------------------------


def test_changed_manifest_byte_breaks_the_signature(good: Path, tmp_path: Path) -> None:
    members = members_of(good)
    members["manifest.json"] = members["manifest.json"].replace(b'"rows": 2', b'"rows": 3')
    path = write_members(tmp_path / "edited.pdsync", members)
    assert str(refused(path)) == (
        "edited.pdsync: the signature does not match manifest.json: the manifest was changed "
        "after it was signed, or it was signed with another key."
    )


def test_wrong_key(good: Path, keys: signing.KeyPair, other_keys: signing.KeyPair) -> None:
    error = refused(good, public_key=other_keys.public_raw)
    assert str(error) == (
        f"GREEN-2026-03.pdsync is signed with the key {signing.fingerprint(keys.public_raw)}, "
        f"but the key registered for GREEN is {signing.fingerprint(other_keys.public_raw)}: "
        "it was not signed by that organisation's desk, or their key has changed."
    )


def test_signed_by_another_key_that_claims_to_be_the_registered_one(
    good: Path, tmp_path: Path, keys: signing.KeyPair, other_keys: signing.KeyPair
) -> None:
    def claim(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
        manifest["public_key"] = base64.b64encode(keys.public_raw).decode()

    forged = resigned(good, tmp_path / "forged.pdsync", other_keys, claim)
    assert "the signature does not match manifest.json" in str(
        refused(forged, public_key=keys.public_raw)
    )


def test_unregistered_organisation(good: Path) -> None:
    assert str(refused(good, public_key=lambda org: None)) == (
        "GREEN-2026-03.pdsync comes from organisation GREEN, whose key is not registered "
        "here. Register the organisation's public key first."
    )


def test_garbled_signature(good: Path, tmp_path: Path) -> None:
    members = members_of(good)
    members["manifest.sig"] = b"not base64!"
    path = write_members(tmp_path / "sig.pdsync", members)
    assert str(refused(path)) == "sig.pdsync: manifest.sig is not a valid signature."


@pytest.mark.parametrize(
    ("version", "message"),
    [
        (
            "2.0",
            "v.pdsync uses sync format 2.0, written by a newer Partner Desk; this version reads "
            "format 1.x. Install the newer version to read it.",
        ),
        (
            "0.9",
            "v.pdsync uses sync format 0.9, which this version no longer reads (it reads "
            "format 1.x). Export it again with a current Partner Desk.",
        ),
        ("one", 'v.pdsync: manifest.json has no valid “format_version” (found: "one").'),
    ],
)
def test_format_versions_of_another_major_are_refused(
    good: Path, tmp_path: Path, keys: signing.KeyPair, version: str, message: str
) -> None:
    def bump(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
        manifest["format_version"] = version

    path = resigned(good, tmp_path / "v.pdsync", keys, bump)
    assert str(refused(path, public_key=keys.public_raw)) == message


def test_a_newer_minor_version_is_read_and_its_additions_ignored(
    good: Path, tmp_path: Path, keys: signing.KeyPair
) -> None:
    def extend(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
        manifest["format_version"] = "1.7"
        manifest["something_new"] = {"a": 1}
        data = members["activities.csv"].replace(b"\r\n", b",extra\r\n", 1)
        lines = data.split(b"\r\n")
        lines[1] = lines[1] + b",42"
        data = b"\r\n".join(lines)
        members["activities.csv"] = data
        listed = entry(manifest, "activities.csv")
        listed["columns"].append("extra")
        listed["bytes"] = len(data)
        listed["sha256"] = hashlib.sha256(data).hexdigest()
        donors = b"id,name\r\n1,x\r\n"
        members["donors.csv"] = donors
        manifest["files"].append(
            {
                "name": "donors.csv",
                "rows": 1,
                "bytes": len(donors),
                "sha256": hashlib.sha256(donors).hexdigest(),
                "columns": ["id", "name"],
            }
        )

    path = resigned(good, tmp_path / "newer.pdsync", keys, extend)
    with open_bundle(path, public_key=keys.public_raw) as opened:
        assert opened.manifest.format_version == "1.7"
        assert list(opened.rows("activities")) == [activity()]
        assert "donors" not in opened.tables  # unknown to this release: checked, not read


def test_not_our_format(good: Path, tmp_path: Path, keys: signing.KeyPair) -> None:
    def other(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
        manifest["format"] = "something-else"

    path = resigned(good, tmp_path / "other.pdsync", keys, other)
    assert str(refused(path)) == (
        'other.pdsync is not a Partner Desk sync file (its manifest says format "something-else").'
    )


def test_manifest_that_is_not_json(good: Path, tmp_path: Path) -> None:
    members = members_of(good)
    members["manifest.json"] = b"{not json"
    path = write_members(tmp_path / "json.pdsync", members)
    assert str(refused(path)).startswith("json.pdsync: manifest.json is not valid JSON (")


# --- files against the manifest -----------------------------------------------------------


@pytest.mark.parametrize("name", [spec.file_name for spec in TABLES])
def test_one_changed_byte_in_any_csv(good: Path, tmp_path: Path, name: str) -> None:
    members = members_of(good)
    data = bytearray(members[name])
    index = len(data) // 2
    data[index] = ord("x") if data[index] != ord("x") else ord("y")
    members[name] = bytes(data)
    path = write_members(tmp_path / "changed.pdsync", members)
    assert str(refused(path)) == (
        f"changed.pdsync: {name} does not match its SHA-256 checksum in the manifest: it was "
        "changed after the file was signed."
    )


def test_a_member_of_another_size(good: Path, tmp_path: Path) -> None:
    members = members_of(good)
    members["feedback.csv"] += b"x"
    path = write_members(tmp_path / "longer.pdsync", members)
    message = str(refused(path))
    assert message.startswith("longer.pdsync: feedback.csv has ")
    assert message.endswith("it was changed after the file was signed.")


def test_missing_member(good: Path, tmp_path: Path) -> None:
    members = members_of(good)
    del members["hours.csv"]
    path = write_members(tmp_path / "gone.pdsync", members)
    assert str(refused(path)) == (
        "gone.pdsync: hours.csv is listed in the manifest but missing from the archive."
    )


def test_renamed_member(good: Path, tmp_path: Path) -> None:
    members = members_of(good)
    members["hours_old.csv"] = members.pop("hours.csv")
    path = write_members(tmp_path / "renamed.pdsync", members)
    assert str(refused(path)) == (
        "renamed.pdsync: hours.csv is listed in the manifest but the archive has hours_old.csv "
        "instead (a file was renamed)."
    )


def test_extra_member(good: Path, tmp_path: Path) -> None:
    members = members_of(good)
    members["notes.csv"] = b"id\r\n"
    path = write_members(tmp_path / "extra.pdsync", members)
    assert str(refused(path)) == (
        "extra.pdsync: notes.csv is in the archive but not listed in the manifest."
    )


def test_required_table(tmp_path: Path, keys: signing.KeyPair) -> None:
    tables = {"activities": (TABLES_BY_NAME["activities"].column_names, [])}
    written = write_bundle(tmp_path / "few.pdsync", fields(), tables, signing_key=keys)
    error = refused(written.path, require_tables=["activities", "hours"])
    assert str(error) == "few.pdsync has no hours.csv, which this import needs."


def test_row_count_mismatch(good: Path, tmp_path: Path, keys: signing.KeyPair) -> None:
    def miscount(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
        entry(manifest, "attendance_sessions.csv")["rows"] = 3

    path = resigned(good, tmp_path / "count.pdsync", keys, miscount)
    assert str(refused(path, public_key=keys.public_raw)) == (
        "count.pdsync: attendance_sessions.csv has 2 rows but the manifest says 3: rows were "
        "added or removed after the file was signed."
    )


def replace_member(
    manifest: dict[str, Any], members: dict[str, bytes], name: str, data: bytes
) -> None:
    members[name] = data
    listed = entry(manifest, name)
    listed["bytes"] = len(data)
    listed["sha256"] = hashlib.sha256(data).hexdigest()


def test_header_that_does_not_match_the_manifest(
    good: Path, tmp_path: Path, keys: signing.KeyPair
) -> None:
    def swap(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
        data = members["volunteers.csv"].replace(b"id,version", b"version,id", 1)
        replace_member(manifest, members, "volunteers.csv", data)

    path = resigned(good, tmp_path / "header.pdsync", keys, swap)
    message = str(refused(path))
    assert message.startswith(
        "header.pdsync: the header of volunteers.csv does not match the manifest "
        "(expected: id,version,updated_at,"
    )
    assert "found: version,id,updated_at," in message


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            b",180,",
            b",3h,",
            "scheduled_minutes is “3h”, which is not a whole number.",
        ),
        (b",closed,", b",finished,", "state is “finished”, which is not one of draft, open, "),
        (b",180,", b",-5,", "scheduled_minutes is -5, outside the range 0 to 2147483647."),
        (b",180,", b',"180\n",', "scheduled_minutes is “180\n”, which is not a whole number."),
        (b",true,", b",yes,", "walk_ins_allowed is “yes”, not true or false."),
        (
            b"2026-03-01T05:30:00Z",
            b"2026-03-01 05:30",
            "closed_at is “2026-03-01 05:30”, which is not a UTC time (YYYY-MM-DDTHH:MM:SSZ).",
        ),
        (
            b",3,",
            b",,",
            "version is empty but needs a value.",
        ),
    ],
)
def test_values_of_the_wrong_type_are_refused_with_row_and_column(
    good: Path, tmp_path: Path, keys: signing.KeyPair, old: bytes, new: bytes, message: str
) -> None:
    def damage(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
        data = members["activities.csv"]
        assert old in data
        replace_member(manifest, members, "activities.csv", data.replace(old, new, 1))

    path = resigned(good, tmp_path / "value.pdsync", keys, damage)
    text = str(refused(path))
    assert text.startswith("value.pdsync: activities.csv, row 2: ")
    assert message in text


def test_text_that_is_not_utf8(good: Path, tmp_path: Path, keys: signing.KeyPair) -> None:
    def gbk(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
        data = members["volunteers.csv"].replace("张三".encode(), "张三".encode("gbk"))
        replace_member(manifest, members, "volunteers.csv", data)

    path = resigned(good, tmp_path / "gbk.pdsync", keys, gbk)
    assert str(refused(path)) == "gbk.pdsync: volunteers.csv is not UTF-8 text (at row 2)."


def test_broken_csv_quoting(good: Path, tmp_path: Path, keys: signing.KeyPair) -> None:
    def quote(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
        data = members["volunteers.csv"].replace(b",V000001,", b',"V0"00001,')
        replace_member(manifest, members, "volunteers.csv", data)

    path = resigned(good, tmp_path / "quote.pdsync", keys, quote)
    assert str(refused(path)).startswith("quote.pdsync: volunteers.csv is not valid CSV at row 2 (")


def test_unknown_table_and_columns_of_this_version(
    good: Path, tmp_path: Path, keys: signing.KeyPair
) -> None:
    def add_table(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
        manifest["files"].append(
            {"name": "donors.csv", "rows": 0, "bytes": 4, "sha256": "0" * 64, "columns": ["id"]}
        )
        members["donors.csv"] = b"id\r\n"

    path = resigned(good, tmp_path / "table.pdsync", keys, add_table)
    assert str(refused(path)) == (
        "table.pdsync: the manifest lists donors.csv, a table that sync format 1.0 does not have."
    )

    def drop_column(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
        entry(manifest, "hours.csv")["columns"].remove("minutes")

    path = resigned(good, tmp_path / "column.pdsync", keys, drop_column)
    assert str(refused(path)) == (
        "column.pdsync: hours.csv lacks the column minutes, which sync format 1.0 requires."
    )


def test_errors_are_user_errors_with_english_templates(good: Path, tmp_path: Path) -> None:
    members = members_of(good)
    del members["hours.csv"]
    error = refused(write_members(tmp_path / "gone.pdsync", members))
    assert error.template == bundle_errors.MISSING_MEMBER
    assert error.params == {"file": "gone.pdsync", "member": "hours.csv"}
    assert error.render(lambda text: "译: " + text).startswith("译: gone.pdsync: hours.csv")
