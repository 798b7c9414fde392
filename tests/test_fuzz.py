"""Fuzzing what comes from outside: scanned text, CSV/XLSX lists, sync bundles.

Random input and mutated valid input (bytes flipped, inserted, cut; cells replaced;
other text encodings; manifests edited and signed again) must never raise anything
but a ``UserError`` (``BundleError`` is one), and a rejected file must leave the
database exactly as it was: a watcher connection's ``PRAGMA data_version`` changes
with every commit by any other connection, so "unchanged" means no commit at all.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import os
import shutil
import sqlite3
import struct
import uuid
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import select

from models import (
    codes,
    donation_import,
    office_import,
    organisation,
    scan_meaning,
    signing,
    volunteer_import,
)
from models.activities import ActivityData, create_activity, open_activity
from models.badges import issue_badge
from models.bundle import open_bundle, write_bundle
from models.db import Database
from models.donation_import import ImportDefaults
from models.errors import UserError
from models.intake import BatchRequest, ItemLine, local_today, save_batch
from models.schema import ItemCategory, Store
from models.schema.enums import Grade
from models.volunteers import VolunteerData, add_volunteer
from tests.conftest import SAMPLE_SETUP
from tests.test_bundle import fields, members_of, sample_tables, write_members

STAFF = "王老师"


# The same examples on every run (a test suite must not flake); set
# PARTNER_DESK_FUZZ=explore to search afresh, ten times as long.
EXPLORE = os.environ.get("PARTNER_DESK_FUZZ") == "explore"


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples * 10 if EXPLORE else examples,
        derandomize=not EXPLORE,
        deadline=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
    )


# --- the database every fuzz test reads (and imports into) ---------------------------------


@dataclass(frozen=True)
class Desk:
    database: Database
    path: Path
    folder: Path
    activity_id: uuid.UUID
    badge: str
    item_payload: str
    store_id: uuid.UUID
    category_id: uuid.UUID
    today: date

    def data_version(self) -> int:
        conn = WATCHERS.setdefault(self.path, sqlite3.connect(self.path))
        return int(conn.execute("PRAGMA data_version").fetchone()[0])


WATCHERS: dict[Path, sqlite3.Connection] = {}


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Iterator[Desk]:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "desk.sqlite3"
    shutil.copy(template_db, path)
    database = Database.open(path)
    with database.transaction() as session:
        organisation.set_up(session, SAMPLE_SETUP)
    with database.transaction() as session:
        activity_id = create_activity(
            session,
            ActivityData(
                title="旧衣分拣",
                kind="分拣",
                description=None,
                day=date(2026, 3, 7),
                start=time(9, 0),
                end=time(12, 0),
            ),
            staff=STAFF,
        )
        open_activity(session, activity_id, staff=STAFF)
        volunteer_id = add_volunteer(
            session, VolunteerData(name="张三", phone="13800138000", consent=True), staff=STAFF
        )
        badge = issue_badge(session, volunteer_id, staff=STAFF).payload
        store_id = session.scalars(select(Store.id).where(Store.code == "S01")).one()
        category_id = session.scalars(
            select(ItemCategory.id).where(ItemCategory.parent_id.is_not(None)).limit(1)
        ).one()
        today = local_today(session)
        saved = save_batch(
            session,
            BatchRequest(
                donor_id=None,
                store_id=store_id,
                received_on=today,
                lines=(ItemLine(category_id, "黑色羽绒服", Grade.A),),
            ),
            staff=STAFF,
        )
    item_payload = codes.item_payload(SAMPLE_SETUP.code, saved.item_codes[0])
    yield Desk(
        database, path, folder, activity_id, badge, item_payload, store_id, category_id, today
    )
    database.close()
    watcher = WATCHERS.pop(path, None)
    if watcher is not None:
        watcher.close()


# --- mutations --------------------------------------------------------------------------------

INTERESTING_BYTES = [
    b",",
    b'"',
    b"\r\n",
    b"\n",
    b"\t",
    b";",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xe4\xb8",  # half a UTF-8 character
    b"=cmd|' /C calc'!A0",
    b"-1",
    b"99999999999999999999999",
    b"1e309",
    b"NaN",
    "羽绒服".encode(),
    "￥1,000.00".encode(),
    "１２".encode(),
    b"PK\x03\x04",
    b"PK\x05\x06",
]


CHUNKS = st.binary(min_size=1, max_size=16)


@st.composite
def mutated_bytes(draw: st.DrawFn, base: bytes, max_edits: int = 6) -> bytes:
    """``base`` with a few random edits: flips, inserts, deletions, cuts, copies."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, max_edits))):
        op = draw(st.sampled_from(["flip", "set", "insert", "delete", "cut", "copy", "splice"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.one_of(st.sampled_from(INTERESTING_BYTES), CHUNKS))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "cut":
            del data[at:]
        elif op == "copy" and data:
            end = min(len(data), at + draw(st.integers(1, 256)))
            where = draw(st.integers(0, len(data)))
            data[where:where] = data[at:end]
        elif op == "splice":
            data[at : at + 4] = draw(st.sampled_from(INTERESTING_BYTES))
    return bytes(data)


ODD_CHARACTERS = "\x00\t\r\n\x1b\u200b\u3000\ufeff\ufffdＰＤＶ：ａ羽绒😀\U0010ffff"


@st.composite
def mutated_text(draw: st.DrawFn, base: str) -> str:
    chars = list(base)
    alphabet = st.one_of(
        st.sampled_from(sorted(codes.QR_ALPHANUMERIC)),
        st.sampled_from(list("abcxyz-_:;")),
        st.sampled_from(list(ODD_CHARACTERS)),
        st.characters(),
    )
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["replace", "insert", "delete", "cut", "case", "wrap"]))
        at = draw(st.integers(0, max(0, len(chars) - 1)))
        if op == "replace" and chars:
            chars[at] = draw(alphabet)
        elif op == "insert":
            chars.insert(at, draw(alphabet))
        elif op == "delete" and chars:
            del chars[at]
        elif op == "cut":
            del chars[at:]
        elif op == "case":
            chars = list("".join(chars).swapcase())
        elif op == "wrap":
            chars = [*draw(st.text(max_size=5)), *chars, *draw(st.text(max_size=5))]
    return "".join(chars)


# --- scanned text ---------------------------------------------------------------------------

PARSED = (codes.ItemLabel, codes.BadgeCode, codes.Malformed, codes.OtherText, codes.Unreadable)
SAMPLE_BADGE = codes.badge_payload(b"secret", "GREEN", "V000001", 1)
SAMPLE_ITEM = codes.item_payload("GREEN", "S01-26-000123")


@fuzz(1500)
@given(
    st.one_of(
        st.text(),
        st.binary().map(lambda raw: raw.decode("utf-8", "surrogateescape")),
        mutated_text(SAMPLE_BADGE),
        mutated_text(SAMPLE_ITEM),
    )
)
def test_parse_never_raises(text: str) -> None:
    parsed = codes.parse(text)
    assert isinstance(parsed, PARSED)
    event(type(parsed).__name__)
    if isinstance(parsed, codes.BadgeCode | codes.ItemLabel):
        assert codes.is_qr_alphanumeric(parsed.org)


@fuzz(300)
@given(data=st.data())
def test_explain_never_raises_and_never_writes(desk: Desk, data: st.DataObject) -> None:
    text = data.draw(
        st.one_of(
            st.text(max_size=80),
            mutated_text(desk.badge),
            mutated_text(desk.item_payload),
            mutated_text(desk.item_payload.split(":")[-1]),  # typed by hand
            st.just(desk.badge),
        )
    )
    activity_id = data.draw(st.sampled_from([None, desk.activity_id, uuid.uuid4()]))
    before = desk.data_version()
    with desk.database.reading() as session:
        raw = session.connection().connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        changes = raw.total_changes
        result = scan_meaning.explain(session, text, activity_id=activity_id)
        assert raw.total_changes == changes
    assert isinstance(result.meaning, scan_meaning.Meaning)
    result.render()  # the message fills with its parameters
    event(result.meaning.value)
    assert desk.data_version() == before


# --- donation and volunteer lists -----------------------------------------------------------

DONATION_HEADERS = ("序号", "物品名称", "类别", "成色", "数量（件）", "单价(元)", "备注")
DONATION_ROWS = (
    ("1", "全新儿童羽绒服 130cm", "童装", "A", "20", "89", "仓库A"),
    ("2", "儿童绘本 10本装", "图书音像/儿童图书", "b", "5件", "￥25.50", ""),
    ("3", "保温杯", "厨具餐具", "不可售", "1", "0", ""),
)
VOLUNTEER_HEADERS = ("姓名", "手机号码", "所在企业", "工号", "志愿者编号", "特长", "备注")
VOLUNTEER_ROWS = (
    ("李四", "13900139000", "某某科技有限公司", "E-0042", "P-100", "摄影", ""),
    ("王五", "+86 137-0013-7000", "", "", "P-101", "", "周末可来"),
)
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "big5", "shift_jis", "latin-1"]


def csv_bytes(headers: tuple[str, ...], rows: Any, encoding: str = "utf-8-sig") -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode(encoding, "replace")


def xlsx_bytes(headers: tuple[str, ...], rows: Any) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


ODD_CELLS = [
    "",
    " ",
    "0",
    "-1",
    "1e9",
    "10001",
    "3.5",
    "１２",
    "￥1,000,000.01",
    "¥-5",
    "NaN",
    "∞",
    "=1+1",
    "A",
    "x",
    "不可售",
    "童装",
    "图书音像/儿童图书",
    "不存在的类别",
    "服装 › 外套",
    "13800138000",
    "1380013800",
    "+86 138 0013 8000",
    "张三",
    "羽" * 400,
    "\x00",
    "\u3000",
]


def cell_rows(width: int) -> st.SearchStrategy[list[list[str]]]:
    cell = st.one_of(st.sampled_from(ODD_CELLS), st.text(max_size=30))
    return st.lists(st.lists(cell, min_size=0, max_size=width + 2), min_size=0, max_size=6)


XLSX_CELL = st.one_of(
    st.sampled_from(ODD_CELLS[:-2]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
    st.datetimes(),
    st.booleans(),
    st.none(),
)


@st.composite
def list_file(
    draw: st.DrawFn, headers: tuple[str, ...], rows: tuple[tuple[str, ...], ...]
) -> tuple[str, bytes]:
    """A CSV or XLSX file: a valid one mutated, or valid structure with odd cells."""
    kind = draw(st.sampled_from(["csv-bytes", "csv-cells", "xlsx-bytes", "xlsx-cells"]))
    event(kind)
    if kind == "csv-bytes":
        base = csv_bytes(headers, rows, draw(st.sampled_from(["utf-8-sig", "gbk", "utf-16"])))
        return ".csv", draw(mutated_bytes(base))
    if kind == "csv-cells":
        header = list(headers)
        if draw(st.booleans()):
            header = draw(st.lists(st.sampled_from([*headers, "", "物品", "x"]), max_size=9))
        body = [*rows[: draw(st.integers(0, len(rows)))], *draw(cell_rows(len(headers)))]
        return ".csv", csv_bytes(tuple(header), body, draw(st.sampled_from(ENCODINGS)))
    if kind == "xlsx-bytes":
        return ".xlsx", draw(mutated_bytes(XLSX_BASES[headers], max_edits=3))
    body = draw(st.lists(st.lists(XLSX_CELL, max_size=len(headers) + 1), max_size=5))
    try:
        return ".xlsx", xlsx_bytes(headers, [*rows[:1], *body])
    except Exception:  # openpyxl refuses the value: not a file anyone could send
        assume(False)
        raise


XLSX_BASES: dict[tuple[str, ...], bytes] = {
    DONATION_HEADERS: xlsx_bytes(DONATION_HEADERS, DONATION_ROWS),
    VOLUNTEER_HEADERS: xlsx_bytes(VOLUNTEER_HEADERS, VOLUNTEER_ROWS),
}


def rejected_without_a_trace(desk: Desk, action: Callable[[], object]) -> bool:
    """Run ``action``; True if it was refused (with nothing committed), False if it ran."""
    before = desk.data_version()
    try:
        action()
    except UserError as exc:
        exc.render()
        assert desk.data_version() == before, "a refused import changed the database"
        event("refused")
        return True
    event("imported")
    return False


@fuzz(250)
@given(data=st.data())
def test_donation_lists_are_imported_or_refused_whole(desk: Desk, data: st.DataObject) -> None:
    suffix, content = data.draw(list_file(DONATION_HEADERS, DONATION_ROWS))
    path = desk.folder / f"捐赠清单{suffix}"
    path.write_bytes(content)
    defaults = ImportDefaults(
        store_id=desk.store_id,
        received_on=desk.today,
        grade=data.draw(st.sampled_from([None, Grade.B])),
        category_id=data.draw(st.sampled_from([None, desk.category_id])),
    )

    def run() -> None:
        table = donation_import.read_table(path)
        mapping = donation_import.suggest_mapping(table.headers)
        with desk.database.transaction() as session:
            validation = donation_import.validate(session, table, mapping, defaults)
            for error in validation.errors:
                error.render()
            donation_import.import_rows(session, validation, defaults, staff=STAFF)

    rejected_without_a_trace(desk, run)


@fuzz(200)
@given(data=st.data())
def test_volunteer_lists_are_imported_or_refused_whole(desk: Desk, data: st.DataObject) -> None:
    suffix, content = data.draw(list_file(VOLUNTEER_HEADERS, VOLUNTEER_ROWS))
    path = desk.folder / f"报名表{suffix}"
    path.write_bytes(content)

    def run() -> None:
        table = volunteer_import.read_table(path)
        mapping = volunteer_import.suggest_mapping(table.headers)
        with desk.database.transaction() as session:
            validation = volunteer_import.validate_signups(session, table, mapping)
            for error in validation.errors:
                error.render()
            volunteer_import.import_signups(
                session, validation, staff=STAFF, consent_note="报名表上勾选了同意"
            )

    rejected_without_a_trace(desk, run)


# --- sync bundles ----------------------------------------------------------------------------

KEYS = signing.new_signing_pair()


@pytest.fixture(scope="module")
def bundle_members(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    path = tmp_path_factory.mktemp("bundle") / "GREEN-2026-03.pdsync"
    write_bundle(path, fields(), sample_tables(), signing_key=KEYS)
    return members_of(path)


def json_values() -> st.SearchStrategy[Any]:
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**70), 2**70),
        st.floats(),
        st.text(max_size=40),
        st.sampled_from(["1.0", "2.0", "1.9", "GREEN", "", "2026-02-30T00:00:00Z", "-1"]),
    )
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=3), max_leaves=5)


def signed(members: dict[str, bytes], manifest: dict[str, Any]) -> dict[str, bytes]:
    data = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    return {
        **members,
        "manifest.json": data,
        "manifest.sig": base64.b64encode(signing.sign(KEYS.private_raw, data)),
    }


@st.composite
def mutated_bundle(draw: st.DrawFn, members: dict[str, bytes]) -> bytes | dict[str, bytes]:
    """A whole file with its bytes mutated, or members edited (and signed again)."""
    how = draw(st.sampled_from(["file", "member", "member-resigned", "manifest", "signature"]))
    event(how)
    if how == "file":
        buffer = io.BytesIO()
        write_members_to(buffer, members)
        return draw(mutated_bytes(buffer.getvalue(), max_edits=4))
    manifest = json.loads(members["manifest.json"])
    if how == "signature":
        return {**members, "manifest.sig": draw(mutated_bytes(members["manifest.sig"]))}
    if how == "manifest":
        target: Any = manifest
        if draw(st.booleans()):
            target = draw(st.sampled_from(manifest["files"]))
        key = draw(st.sampled_from(sorted(target)))
        if draw(st.integers(0, 4)) == 0:
            del target[key]
        else:
            target[key] = draw(json_values())
        return signed(members, manifest)
    name = draw(st.sampled_from(sorted(n for n in members if n.endswith(".csv"))))
    content = draw(mutated_bytes(members[name]))
    changed = {**members, name: content}
    if how == "member":
        return changed  # the signature holds; the checksum does not
    entry = next(f for f in manifest["files"] if f["name"] == name)
    entry["bytes"] = len(content)
    entry["sha256"] = hashlib.sha256(content).hexdigest()
    if draw(st.booleans()):
        entry["rows"] = max(0, content.count(b"\r\n") - 1)
    return signed(changed, manifest)


def write_members_to(target: Any, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mutated")


@fuzz(400)
@given(data=st.data())
def test_damaged_or_tampered_bundles_are_refused_with_a_bundle_error(
    bundle_members: dict[str, bytes], scratch: Path, data: st.DataObject
) -> None:
    mutated = data.draw(mutated_bundle(bundle_members))
    path = scratch / "GREEN.pdsync"
    if isinstance(mutated, bytes):
        path.write_bytes(mutated)
    else:
        write_members(path, mutated)
    key = data.draw(st.sampled_from([KEYS.public_raw, None]))
    try:
        with open_bundle(path, public_key=key) as bundle:
            for table in bundle.tables:
                for _row in bundle.rows(table):
                    pass
    except UserError as exc:  # BundleError is one
        exc.render()
        event(f"refused: {exc.template[:40]}")
        return
    event("harmless change: opened")


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Iterator[Desk]:
    """The programme office's database, with GREEN registered under ``KEYS``."""
    folder = tmp_path_factory.mktemp("office")
    path = folder / "office.sqlite3"
    shutil.copy(template_db, path)
    database = Database.open(path)
    with database.transaction() as session:
        organisation.set_up(session, replace(SAMPLE_SETUP, code="PROG", name="项目办公室"))
        office_import.register_partner(
            session,
            code="GREEN",
            name="绿芽公益服务中心",
            public_key_text=base64.b64encode(KEYS.public_raw).decode("ascii"),
            staff=STAFF,
        )
    nil = uuid.UUID(int=0)
    yield Desk(database, path, folder, nil, "", "", nil, nil, date.today())
    database.close()
    watcher = WATCHERS.pop(path, None)
    if watcher is not None:
        watcher.close()


@fuzz(150)
@given(data=st.data())
def test_the_office_imports_a_tampered_bundle_or_refuses_it_without_a_trace(
    office: Desk, bundle_members: dict[str, bytes], data: st.DataObject
) -> None:
    mutated = data.draw(mutated_bundle(bundle_members))
    path = office.folder / "GREEN-2026-03.pdsync"
    if isinstance(mutated, bytes):
        path.write_bytes(mutated)
    else:
        write_members(path, mutated)
    before = office.data_version()
    report = office_import.import_bundles(office.database, [path], staff=STAFF)
    (outcome,) = report.bundles
    if outcome.error is not None:
        outcome.error.render()
        assert office.data_version() == before, "a refused bundle changed the database"
        event("refused")
    else:
        event("imported")


# --- what the fuzzing found, kept as fixed examples --------------------------------------------


def patched_zip(data: bytes, member: str, **fields_: int) -> bytes:
    """``data`` (a zip) with fields of ``member``'s headers overwritten.

    ``method``: the compression method in both headers; ``extract_version``: the
    version needed to extract, in the central directory; ``garble``: that many
    bytes of the member's compressed data set to 0xFF (an invalid deflate block).
    """
    out = bytearray(data)
    name = member.encode("utf-8")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    local = info.header_offset
    assert out[local : local + 4] == b"PK\x03\x04"
    central = out.index(b"PK\x01\x02")
    while out[central + 46 : central + 46 + len(name)] != name:
        central = out.index(b"PK\x01\x02", central + 4)
    if "method" in fields_:
        struct.pack_into("<H", out, local + 8, fields_["method"])
        struct.pack_into("<H", out, central + 10, fields_["method"])
    if "extract_version" in fields_:
        struct.pack_into("<H", out, central + 6, fields_["extract_version"])
    if "garble" in fields_:
        name_length, extra_length = struct.unpack_from("<HH", out, local + 26)
        start = local + 30 + name_length + extra_length
        out[start : start + fields_["garble"]] = b"\xff" * fields_["garble"]
    return bytes(out)


SHEET = "xl/worksheets/sheet1.xml"


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param({"garble": 8}, id="corrupt-deflate-data"),
        pytest.param({"method": 99}, id="unknown-compression-method"),
    ],
)
def test_a_damaged_workbook_is_a_user_error(tmp_path: Path, damage: dict[str, int]) -> None:
    """zlib.error / NotImplementedError from inside the zip must not reach the crash dialog."""
    path = tmp_path / "捐赠清单.xlsx"
    path.write_bytes(patched_zip(XLSX_BASES[DONATION_HEADERS], SHEET, **damage))
    with pytest.raises(UserError, match="is not a readable Excel workbook"):
        donation_import.read_table(path)


def test_a_bundle_needing_a_newer_zip_version_is_a_bundle_error(
    bundle_members: dict[str, bytes], tmp_path: Path
) -> None:
    buffer = io.BytesIO()
    write_members_to(buffer, bundle_members)
    path = tmp_path / "GREEN.pdsync"
    path.write_bytes(patched_zip(buffer.getvalue(), "activities.csv", extract_version=211))
    with pytest.raises(UserError, match=r"GREEN\.pdsync"):
        open_bundle(path, public_key=KEYS.public_raw)


def test_the_valid_inputs_themselves_are_accepted(
    desk: Desk, bundle_members: dict[str, bytes], tmp_path: Path
) -> None:
    """The fuzz starts from good inputs: make sure they really are good."""
    donations = tmp_path / "donations.csv"
    donations.write_bytes(csv_bytes(DONATION_HEADERS, DONATION_ROWS))
    table = donation_import.read_table(donations)
    people = tmp_path / "people.xlsx"
    people.write_bytes(XLSX_BASES[VOLUNTEER_HEADERS])
    signups = volunteer_import.read_table(people)
    with desk.database.reading() as session:
        validation = donation_import.validate(
            session,
            table,
            donation_import.suggest_mapping(table.headers),
            ImportDefaults(store_id=desk.store_id, received_on=desk.today),
        )
        checked = volunteer_import.validate_signups(
            session, signups, volunteer_import.suggest_mapping(signups.headers)
        )
    assert validation.ok, validation.errors
    assert checked.error_count == 0 and len(checked.rows) == 2, checked.errors
    bundle = tmp_path / "ok.pdsync"
    write_members(bundle, bundle_members)
    with open_bundle(bundle, public_key=KEYS.public_raw) as opened:
        assert opened.key_trusted
    assert isinstance(codes.parse(desk.badge), codes.BadgeCode)
