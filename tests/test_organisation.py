"""The organisation profile: set-up, validation, audited changes, keys, PIN, rates, money."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from models import organisation, signing
from models.categories import DEFAULT_TREE
from models.db import Database
from models.errors import UserError
from models.money import format_fen, format_minutes_as_hours, parse_yuan
from models.organisation import SetupRequest, StoreSpec
from models.schema import AuditEntry, ItemCategory, MatchingRate, Organisation, Staff, Store
from tests.conftest import SAMPLE_SETUP

FINGERPRINT = re.compile(r"^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$")  # 20 bytes → 32 base32 chars
SETUP_TABLES = (Organisation, Store, MatchingRate, Staff, ItemCategory, AuditEntry)


def counts(database: Database) -> dict[str, int]:
    with database.reading() as session:
        return {
            model.__tablename__: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in SETUP_TABLES
        }


def audit_rows(database: Database, action: str | None = None) -> list[AuditEntry]:
    with database.reading() as session:
        query = select(AuditEntry).order_by(AuditEntry.at)
        if action is not None:
            query = query.where(AuditEntry.action == action)
        rows = list(session.scalars(query))
        session.expunge_all()
        return rows


def the_org(database: Database) -> Organisation:
    with database.reading() as session:
        org = session.scalars(select(Organisation)).one()
        session.expunge(org)
        return org


# --- set-up ----------------------------------------------------------------------------


def test_set_up_creates_the_whole_profile(database: Database) -> None:
    with database.transaction() as session:
        result = organisation.set_up(session, SAMPLE_SETUP)

    leaves = sum(len(children) for _top, children in DEFAULT_TREE)
    assert result.categories_created == len(DEFAULT_TREE) + leaves == 8 + 28
    with database.reading() as session:
        org = session.scalars(select(Organisation)).one()
        assert org.id == result.organisation_id
        assert (org.code, org.name, org.time_zone) == ("GREEN", "绿芽公益服务中心", "Asia/Shanghai")
        assert org.version == 1
        assert len(org.badge_secret) == signing.BADGE_SECRET_BYTES == 32
        assert len(org.signing_private_key) == len(org.signing_public_key) == 32
        assert org.staff_pin_hash is None

        stores = session.execute(select(Store.id, Store.code, Store.name).order_by(Store.code))
        assert [(r.code, r.name) for r in stores] == [("S01", "静安旗舰店"), ("S02", "徐汇店")]
        assert organisation.stores(session) == [
            (result.store_ids[0], "S01", "静安旗舰店"),
            (result.store_ids[1], "S02", "徐汇店"),
        ]
        rate = session.scalars(select(MatchingRate)).one()
        assert (rate.fen_per_hour, rate.effective_from) == (10_000, date(2000, 1, 1))
        assert organisation.current_rate_fen(session, date(2026, 6, 1)) == 10_000

        tops = session.scalars(
            select(ItemCategory)
            .where(ItemCategory.parent_id.is_(None))
            .order_by(ItemCategory.sort_order)
        ).all()
        assert [t.name for t in tops] == [name for name, _children in DEFAULT_TREE]
        for top, (_name, children) in zip(tops, DEFAULT_TREE, strict=True):
            kids = session.scalars(
                select(ItemCategory.name)
                .where(ItemCategory.parent_id == top.id)
                .order_by(ItemCategory.sort_order)
            ).all()
            assert tuple(kids) == children

        staff = session.scalars(select(Staff)).one()
        assert (staff.name, staff.role) == ("王老师", "coordinator")

    [entry] = audit_rows(database)
    assert (entry.action, entry.entity, entry.staff_name) == (
        "organisation.setup",
        "organisation",
        "王老师",
    )
    assert entry.entity_id == str(result.organisation_id)
    assert entry.before is None
    assert entry.after == {
        "code": "GREEN",
        "name": "绿芽公益服务中心",
        "time_zone": "Asia/Shanghai",
        "stores": ["S01", "S02"],
        "rate_fen_per_hour": 10_000,
        "fingerprint": signing.fingerprint(the_org(database).signing_public_key),
    }


def test_keys_sign_and_verify(org_database: Database) -> None:
    org = the_org(org_database)
    message = b"GREEN|2026-03-01|hours=150"
    signature = signing.sign(org.signing_private_key, message)
    assert len(signature) == 64
    assert signing.verify(org.signing_public_key, signature, message)

    flipped = bytearray(signature)
    flipped[10] ^= 0x01
    assert not signing.verify(org.signing_public_key, bytes(flipped), message)
    assert not signing.verify(org.signing_public_key, signature, message + b"!")
    other = signing.new_signing_pair()
    assert not signing.verify(other.public_raw, signature, message)
    assert not signing.verify(b"short", signature, message)


def test_fingerprint_format(org_database: Database) -> None:
    with org_database.reading() as session:
        profile = organisation.profile(session)
    assert profile is not None
    assert FINGERPRINT.match(profile.fingerprint), profile.fingerprint
    assert profile.fingerprint == signing.fingerprint(the_org(org_database).signing_public_key)
    assert (profile.code, profile.has_pin, profile.has_seal) == ("GREEN", False, False)
    # Known vector: SHA-256 of 32 zero bytes is 66687aad…; its first 20 bytes in base32.
    assert signing.fingerprint(bytes(32)) == "MZUH-VLPY-MK6X-O3EP-YGFY-5H4O-EAEJ-OFEF"


def test_set_up_normalises_codes_and_text(database: Database) -> None:
    request = SetupRequest(
        name="  小树苗  ",
        code=" sprout ",
        stores=(StoreSpec(" s1 ", " 总店 ", address=""),),
        staff_name="   ",
    )
    with database.transaction() as session:
        organisation.set_up(session, request)
    with database.reading() as session:
        org = session.scalars(select(Organisation)).one()
        assert (org.code, org.name) == ("SPROUT", "小树苗")
        store = session.scalars(select(Store)).one()
        assert (store.code, store.name, store.address) == ("S1", "总店", None)
        assert session.scalar(select(func.count(Staff.id))) == 0  # no name, no staff row
    [entry] = audit_rows(database)
    assert entry.staff_name == "setup"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": "   "}, "Enter the organisation's name."),
        (
            {"code": "A"},
            "The organisation code must be 2 to 12 letters A–Z or digits "
            "(it is printed in every QR code).",
        ),
        (
            {"code": "AB-C"},
            "The organisation code must be 2 to 12 letters A–Z or digits "
            "(it is printed in every QR code).",
        ),
        (
            {"code": "ABCDEFGHIJKLM"},
            "The organisation code must be 2 to 12 letters A–Z or digits "
            "(it is printed in every QR code).",
        ),
        ({"stores": ()}, "Add at least one store or site."),
        (
            {"stores": (StoreSpec("S01", "一"), StoreSpec("s01", "二"))},
            "Store code “S01” is used twice.",
        ),
        (
            {"stores": (StoreSpec("S-1", "一"),)},
            "Store code “S-1” must be 1 to 6 letters A–Z or digits (e.g. S01).",
        ),
        (
            {"stores": (StoreSpec("TOOLONG", "一"),)},
            "Store code “TOOLONG” must be 1 to 6 letters A–Z or digits (e.g. S01).",
        ),
        ({"stores": (StoreSpec("S01", "  "),)}, "Store S01 needs a name."),
        ({"time_zone": "Mars/Olympus_Mons"}, "Unknown time zone “Mars/Olympus_Mons”."),
        ({"time_zone": "../etc/passwd"}, "Unknown time zone “../etc/passwd”."),
        (
            {"rate_fen_per_hour": -1},
            "The matching rate must be between ¥0 and ¥100,000 per hour.",
        ),
        (
            {"rate_fen_per_hour": 100_000_01},
            "The matching rate must be between ¥0 and ¥100,000 per hour.",
        ),
    ],
)
def test_set_up_validation(database: Database, change: dict[str, object], message: str) -> None:
    request = replace(SAMPLE_SETUP, **change)  # type: ignore[arg-type]
    with pytest.raises(UserError) as caught, database.transaction() as session:
        organisation.set_up(session, request)
    assert str(caught.value) == message
    assert set(counts(database).values()) == {0}


def test_lowercase_code_is_accepted_as_upper(database: Database) -> None:
    with database.transaction() as session:
        organisation.set_up(session, replace(SAMPLE_SETUP, code="green2"))
    assert the_org(database).code == "GREEN2"


def test_set_up_twice_is_refused(org_database: Database) -> None:
    before = counts(org_database)
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        organisation.set_up(session, replace(SAMPLE_SETUP, code="OTHER"))
    assert str(caught.value) == "This database already belongs to an organisation."
    assert counts(org_database) == before
    assert the_org(org_database).code == "GREEN"


def test_without_set_up_there_is_no_profile(database: Database) -> None:
    with database.reading() as session:
        assert organisation.profile(session) is None
        assert not organisation.is_set_up(session)
    with (
        pytest.raises(UserError, match=r"^The organisation has not been set up yet\.$"),
        database.transaction() as session,
    ):
        organisation.update_profile(session, staff="x", name="y")


# --- profile changes ---------------------------------------------------------------------


def test_update_profile_audits_only_changed_fields(org_database: Database) -> None:
    with org_database.transaction() as session:
        change = organisation.update_profile(
            session,
            staff="李主任",
            name="绿芽公益服务中心",  # unchanged
            time_zone="Asia/Shanghai",  # unchanged
            contact_person="  李四 ",
            contact_phone="021-5555 0101",
        )
    assert change.changed == ("contact_person", "contact_phone")
    [entry] = audit_rows(org_database, "organisation.update")
    assert entry.staff_name == "李主任"
    assert entry.before == {"contact_person": None, "contact_phone": None}
    assert entry.after == {"contact_person": "李四", "contact_phone": "021-5555 0101"}
    org = the_org(org_database)
    assert (org.contact_person, org.contact_phone, org.version) == ("李四", "021-5555 0101", 2)

    with org_database.transaction() as session:
        change = organisation.update_profile(
            session, staff="李主任", name="绿芽", contact_person="", contact_phone="021-5555 0101"
        )
    assert change.changed == ("name", "contact_person")
    second = audit_rows(org_database, "organisation.update")[-1]
    assert second.before == {"name": "绿芽公益服务中心", "contact_person": "李四"}
    assert second.after == {"name": "绿芽", "contact_person": None}


def test_update_profile_without_change_writes_no_audit_row(org_database: Database) -> None:
    before = len(audit_rows(org_database))
    with org_database.transaction() as session:
        change = organisation.update_profile(
            session, staff="x", name=" 绿芽公益服务中心 ", time_zone="Asia/Shanghai"
        )
    assert change.changed == ()
    assert len(audit_rows(org_database)) == before
    assert the_org(org_database).version == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": " "}, "Enter the organisation's name."),
        ({"time_zone": "Nowhere/City"}, "Unknown time zone “Nowhere/City”."),
    ],
)
def test_update_profile_rejects_bad_values(
    org_database: Database, fields: dict[str, str], message: str
) -> None:
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        organisation.update_profile(session, staff="x", **fields)
    assert str(caught.value) == message
    assert audit_rows(org_database, "organisation.update") == []
    assert the_org(org_database).name == "绿芽公益服务中心"


# --- keys ---------------------------------------------------------------------------------


def test_regenerate_keys_needs_a_reason(org_database: Database) -> None:
    old = the_org(org_database)
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        organisation.regenerate_keys(session, staff="王老师", reason="   ")
    assert str(caught.value) == "Give a reason for changing the keys."
    assert the_org(org_database).signing_public_key == old.signing_public_key
    assert audit_rows(org_database, "organisation.keys_regenerated") == []


def test_regenerate_keys_changes_fingerprint_and_secret(org_database: Database) -> None:
    old = the_org(org_database)
    old_fp = signing.fingerprint(old.signing_public_key)
    with org_database.transaction() as session:
        new_fp = organisation.regenerate_keys(session, staff="王老师", reason=" laptop stolen ")
    new = the_org(org_database)
    assert new_fp == signing.fingerprint(new.signing_public_key) != old_fp
    assert FINGERPRINT.match(new_fp)
    assert new.badge_secret != old.badge_secret
    assert len(new.badge_secret) == 32
    assert new.signing_private_key != old.signing_private_key
    message = b"bundle"
    assert signing.verify(
        new.signing_public_key, signing.sign(new.signing_private_key, message), message
    )
    assert not signing.verify(
        old.signing_public_key, signing.sign(new.signing_private_key, message), message
    )
    [entry] = audit_rows(org_database, "organisation.keys_regenerated")
    assert entry.before == {"fingerprint": old_fp}
    assert entry.after == {"fingerprint": new_fp}
    assert (entry.reason, entry.staff_name) == ("laptop stolen", "王老师")


# --- staff PIN ------------------------------------------------------------------------------


def test_staff_pin_set_check_and_clear(org_database: Database) -> None:
    with org_database.reading() as session:
        assert organisation.check_staff_pin(session, "anything")  # no PIN: open
        assert not organisation.has_staff_pin(session)

    with org_database.transaction() as session:
        organisation.set_staff_pin(session, staff="王老师", pin="2468")
    org = the_org(org_database)
    assert org.staff_pin_hash is not None
    assert "2468" not in org.staff_pin_hash
    assert org.staff_pin_hash.startswith("pbkdf2_sha256$200000$")
    with org_database.reading() as session:
        assert organisation.check_staff_pin(session, "2468")
        assert not organisation.check_staff_pin(session, "2469")
        assert not organisation.check_staff_pin(session, "")
        assert organisation.profile(session).has_pin  # type: ignore[union-attr]
        assert organisation.has_staff_pin(session)

    with org_database.transaction() as session:
        organisation.set_staff_pin(session, staff="王老师", pin=None)
    assert the_org(org_database).staff_pin_hash is None
    with org_database.reading() as session:
        assert organisation.check_staff_pin(session, "0000")
        assert not organisation.has_staff_pin(session)

    set_row, cleared_row = audit_rows(org_database, "organisation.pin_set") + audit_rows(
        org_database, "organisation.pin_cleared"
    )
    assert (set_row.before, set_row.after) == ({"pin_set": False}, {"pin_set": True})
    assert (cleared_row.before, cleared_row.after) == ({"pin_set": True}, {"pin_set": False})
    assert set_row.staff_name == cleared_row.staff_name == "王老师"


@pytest.mark.parametrize(
    "pin",
    [
        "123",
        "123456789",
        "12a4",
        "",
        "١٢٣٤",  # Arabic-Indic digits: \d would take them, a keypad never types them
    ],
)
def test_bad_pin_is_rejected(org_database: Database, pin: str) -> None:
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        organisation.set_staff_pin(session, staff="x", pin=pin)
    assert str(caught.value) == "The PIN must be 4 to 8 digits."
    assert the_org(org_database).staff_pin_hash is None
    assert audit_rows(org_database, "organisation.pin_set") == []


def test_full_width_pin_from_a_chinese_ime_counts_as_ascii(org_database: Database) -> None:
    with org_database.transaction() as session:
        organisation.set_staff_pin(session, staff="x", pin="１２３４")
    with org_database.reading() as session:
        assert organisation.check_staff_pin(session, "1234")
        assert organisation.check_staff_pin(session, " １２３４ ")
        assert not organisation.check_staff_pin(session, "4321")


def test_pin_matches_tolerates_garbage() -> None:
    stored = organisation.hash_pin("1234", salt=bytes(16))
    assert stored == organisation.hash_pin("1234", salt=bytes(16))
    assert organisation.pin_matches(stored, "1234")
    assert not organisation.pin_matches("not-a-hash", "1234")
    assert not organisation.pin_matches("a$b$zz$00", "1234")


# --- rates and stores ----------------------------------------------------------------------


def test_set_rate_from_a_date(org_database: Database) -> None:
    with org_database.transaction() as session:
        organisation.set_rate(
            session,
            staff="王老师",
            fen_per_hour=150_00,
            effective_from=date(2026, 7, 1),
            note="sponsor raised it",
        )
    with org_database.reading() as session:
        assert organisation.current_rate_fen(session, date(1999, 12, 31)) is None
        assert organisation.current_rate_fen(session, date(2026, 6, 30)) == 100_00
        assert organisation.current_rate_fen(session, date(2026, 7, 1)) == 150_00
        assert organisation.current_rate_fen(session, date(2030, 1, 1)) == 150_00
        assert [
            (r.effective_from, r.fen_per_hour, r.note) for r in organisation.rates(session)
        ] == [
            (date(2000, 1, 1), 100_00, None),
            (date(2026, 7, 1), 150_00, "sponsor raised it"),
        ]
    [entry] = audit_rows(org_database, "matching_rate.set")
    assert entry.entity_id == "2026-07-01"
    assert entry.before is None
    assert entry.after == {"fen_per_hour": 150_00, "effective_from": "2026-07-01"}


def test_set_rate_replaces_the_rate_of_the_same_day(org_database: Database) -> None:
    with org_database.transaction() as session:
        organisation.set_rate(
            session, staff="x", fen_per_hour=80_00, effective_from=date(2000, 1, 1)
        )
    with org_database.reading() as session:
        assert [(r.effective_from, r.fen_per_hour) for r in organisation.rates(session)] == [
            (date(2000, 1, 1), 80_00)
        ]
    [entry] = audit_rows(org_database, "matching_rate.set")
    assert entry.before == {"fen_per_hour": 100_00}


def test_negative_rate_is_rejected(org_database: Database) -> None:
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        organisation.set_rate(session, staff="x", fen_per_hour=-1, effective_from=date(2026, 1, 1))
    assert str(caught.value) == "The matching rate must be between ¥0 and ¥100,000 per hour."
    with org_database.reading() as session:
        assert len(organisation.rates(session)) == 1
    assert audit_rows(org_database, "matching_rate.set") == []


def test_add_store(org_database: Database) -> None:
    with org_database.transaction() as session:
        store_id = organisation.add_store(
            session, staff="王老师", code=" s03 ", name=" 浦东店 ", address=" 世纪大道1号 "
        )
    with org_database.reading() as session:
        assert organisation.stores(session)[-1] == (store_id, "S03", "浦东店")
        assert session.get_one(Store, store_id).address == "世纪大道1号"
    [entry] = audit_rows(org_database, "store.add")
    assert entry.entity_id == str(store_id)
    assert entry.after == {"code": "S03", "name": "浦东店", "address": "世纪大道1号"}


@pytest.mark.parametrize(
    ("code", "name", "message"),
    [
        ("s01", "重复", "Store code “S01” is used twice."),
        ("S 1", "坏", "Store code “S 1” must be 1 to 6 letters A–Z or digits (e.g. S01)."),
        ("S04", " ", "Store S04 needs a name."),
    ],
)
def test_add_store_rejects(org_database: Database, code: str, name: str, message: str) -> None:
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        organisation.add_store(session, staff="x", code=code, name=name)
    assert str(caught.value) == message
    with org_database.reading() as session:
        assert [code for _id, code, _name in organisation.stores(session)] == ["S01", "S02"]
    assert audit_rows(org_database, "store.add") == []


# --- money ---------------------------------------------------------------------------------


@settings(database=None, max_examples=300, deadline=None)
@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_fen_round_trip(fen: int) -> None:
    assert parse_yuan(format_fen(fen)) == fen
    assert parse_yuan(format_fen(fen, symbol=False)) == fen


@pytest.mark.parametrize(
    ("fen", "text"),
    [(0, "¥0.00"), (5, "¥0.05"), (123450, "¥1,234.50"), (-5, "¥-0.05"), (10**9, "¥10,000,000.00")],
)
def test_format_fen(fen: int, text: str) -> None:
    assert format_fen(fen) == text
    assert format_fen(fen, symbol=False) == text.removeprefix("¥")


@pytest.mark.parametrize(
    ("text", "fen"),
    [("¥1,234.5", 123450), ("￥12", 1200), (" 0.01 ", 1), ("1，000", 100000), ("1.230", 123)],
)
def test_parse_yuan(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1.234", "Amounts have at most two decimal places (fen)."),
        ("abc", "“abc” is not an amount of money."),
        ("NaN", "“NaN” is not an amount of money."),
        ("Infinity", "“Infinity” is not an amount of money."),
        ("", "“” is not an amount of money."),
    ],
)
def test_parse_yuan_rejects(text: str, message: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_yuan(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("minutes", "hours"),
    [(150, "2.5"), (0, "0.0"), (60, "1.0"), (312, "5.2"), (3, "0.1"), (2, "0.0"), (-150, "-2.5")],
)
def test_format_minutes_as_hours(minutes: int, hours: str) -> None:
    assert format_minutes_as_hours(minutes) == hours
