"""QR payloads and what a scanned text means (badge codec properties included)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import codes
from models.db import Database
from models.scan_meaning import Meaning, explain
from models.schema import Badge, DonationBatch, Item, ItemCategory, Organisation, Store, Volunteer

SECRET = bytes(range(32))
ORG = st.from_regex(r"[A-Z0-9]{2,12}", fullmatch=True)
VOLUNTEER = st.from_regex(r"V[0-9]{6}", fullmatch=True)
SEQ = st.integers(min_value=1, max_value=999)


@given(ORG, VOLUNTEER, SEQ)
def test_every_issued_badge_parses_and_verifies(org: str, volunteer: str, seq: int) -> None:
    payload = codes.badge_payload(SECRET, org, volunteer, seq)
    assert codes.is_qr_alphanumeric(payload)
    parsed = codes.parse(payload)
    assert parsed == codes.BadgeCode(org, volunteer, seq, payload.rsplit(":", 1)[1])
    assert isinstance(parsed, codes.BadgeCode) and parsed.mac_matches(SECRET)


@given(ORG, VOLUNTEER, SEQ, st.data())
def test_any_single_character_change_is_rejected(
    org: str, volunteer: str, seq: int, data: st.DataObject
) -> None:
    payload = codes.badge_payload(SECRET, org, volunteer, seq)
    index = data.draw(st.integers(0, len(payload) - 1))
    replacement = data.draw(st.sampled_from(sorted(codes.QR_ALPHANUMERIC - {payload[index]})))
    changed = payload[:index] + replacement + payload[index + 1 :]
    parsed = codes.parse(changed)
    # A changed code never passes as a valid badge, of anyone.
    assert not (isinstance(parsed, codes.BadgeCode) and parsed.mac_matches(SECRET))


@given(ORG, VOLUNTEER, SEQ, st.binary(min_size=32, max_size=32))
def test_another_secret_does_not_verify(org: str, volunteer: str, seq: int, other: bytes) -> None:
    payload = codes.badge_payload(SECRET, org, volunteer, seq)
    parsed = codes.parse(payload)
    assert isinstance(parsed, codes.BadgeCode)
    assert parsed.mac_matches(other) == (other == SECRET)


@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    result = codes.parse(text)
    assert isinstance(
        result,
        codes.ItemLabel | codes.BadgeCode | codes.Malformed | codes.OtherText | codes.Unreadable,
    )


def test_scanner_noise_is_tolerated() -> None:
    payload = codes.item_payload("GREEN", "S01-26-000123")
    assert codes.parse(payload.lower()) == codes.ItemLabel("GREEN", "S01-26-000123")
    assert codes.parse(f"]Q1{payload}\r\n") == codes.ItemLabel("GREEN", "S01-26-000123")
    assert codes.parse("   ") == codes.Unreadable("   ")
    assert codes.parse("PDI:GREEN:BROKEN") == codes.Malformed("PDI:GREEN:BROKEN", "item")


def _seed(database: Database) -> dict[str, object]:
    with database.transaction() as session:
        org = session.query(Organisation).one()
        org.badge_secret = SECRET
        store = session.query(Store).filter_by(code="S01").one()
        leaf = session.query(ItemCategory).filter(ItemCategory.parent_id.is_not(None)).first()
        assert leaf is not None
        batch = DonationBatch(receipt_no="R-1", store_id=store.id, received_on=date(2026, 3, 1))
        session.add(batch)
        session.flush()
        session.add(
            Item(
                code="S01-26-000001",
                batch_id=batch.id,
                category_id=leaf.id,
                grade="A",
                store_id=store.id,
                received_at=datetime(2026, 3, 1, tzinfo=UTC),
            )
        )
        alice = Volunteer(code="V000001", name="张三", programme_id="P2026000001")
        merged = Volunteer(code="V000002", name="张三（旧）")
        session.add_all([alice, merged])
        session.flush()
        merged.merged_into_id = alice.id
        session.add_all(
            [
                Badge(volunteer_id=alice.id, seq=1, retired_at=datetime(2026, 1, 1, tzinfo=UTC)),
                Badge(volunteer_id=alice.id, seq=2),
                Badge(volunteer_id=merged.id, seq=1),
            ]
        )
        return {"alice": alice.id}


@settings(max_examples=1, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.just(None))
def test_each_kind_of_scan_gets_its_meaning(org_database: Database, _: None) -> None:
    ids = _seed(org_database)
    cases = {
        codes.badge_payload(SECRET, "GREEN", "V000001", 2): Meaning.BADGE,
        codes.badge_payload(SECRET, "GREEN", "V000001", 1): Meaning.RETIRED_BADGE,
        codes.badge_payload(SECRET, "GREEN", "V000001", 3): Meaning.RETIRED_BADGE,
        codes.badge_payload(bytes(32), "GREEN", "V000001", 2): Meaning.FORGED,
        codes.badge_payload(SECRET, "OTHER", "V000001", 2): Meaning.FOREIGN_BADGE,
        codes.badge_payload(SECRET, "GREEN", "V999999", 1): Meaning.UNKNOWN_VOLUNTEER,
        codes.item_payload("GREEN", "S01-26-000001"): Meaning.ITEM,
        codes.item_payload("GREEN", "S01-26-000999"): Meaning.UNKNOWN_ITEM,
        codes.item_payload("OTHER", "S01-26-000001"): Meaning.FOREIGN_ITEM,
        "s01-26-000001": Meaning.ITEM,
        "P2026000001": Meaning.ROSTER_ID,
        "HELLO": Meaning.OTHER,
        "\x00\x01": Meaning.UNREADABLE,
        "PDV:GREEN:V000001:2:SHORT": Meaning.FORGED,
    }
    with org_database.reading() as session:
        for text, expected in cases.items():
            result = explain(session, text)
            assert result.meaning == expected, text
            assert result.render()
        merged = explain(session, codes.badge_payload(SECRET, "GREEN", "V000002", 1))
        assert merged.meaning == Meaning.BADGE and merged.volunteer_id == ids["alice"]
        roster = explain(session, "P2026000001", activity_id=uuid.uuid4())
        assert roster.meaning == Meaning.OTHER  # not on that activity's roster
