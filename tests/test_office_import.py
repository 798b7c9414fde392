"""Programme-office import: partners registered with their key; bundles verified
before the database is touched, upserted by id and version in one transaction each,
idempotent in any order; corrections update the totals; refused bundles change
nothing and say precisely why.  The office tests run on SQLite and PostgreSQL; a
desk of the same organisation merges another desk's scan events."""

from __future__ import annotations

import base64
import shutil
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import URL

from models import migrate, signing
from models.bundle import ManifestFields, write_bundle
from models.bundle_spec import TABLES_BY_NAME
from models.clock import utcnow
from models.db import Database
from models.errors import Cancelled, UserError
from models.office_dashboard import dashboard
from models.office_import import (
    import_bundles,
    list_partners,
    register_partner,
    verify_bundles,
)
from models.schema import (
    AttendanceSession,
    AuditEntry,
    OfficeActivity,
    OfficeDonationSummary,
    OfficeFeedback,
    OfficeHourLine,
    OfficeSession,
    Organisation,
    Partner,
    ScanEvent,
    SyncLog,
)
from models.schema.enums import ScanOutcome, ScanSource, SessionStatus
from tests.sync_data import FIRST_DAY, STAFF, PartnerDesk, local, office, register
from tests.test_bundle import members_of, write_members

pytest_plugins = ("tests.pg",)

OFFICE_MODELS = (
    OfficeActivity,
    OfficeSession,
    OfficeHourLine,
    OfficeFeedback,
    OfficeDonationSummary,
)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def office_db(
    request: pytest.FixtureRequest, tmp_path: Path, template_db: Path
) -> Iterator[Database]:
    if request.param == "sqlite":
        database = office(tmp_path / "office.sqlite3", template_db)
    else:
        url: URL = request.getfixturevalue("pg_url")
        database = Database.open(url)
        migrate.upgrade(database)
    yield database
    database.close()


@pytest.fixture
def green(tmp_path: Path, template_db: Path) -> Iterator[PartnerDesk]:
    desk = PartnerDesk.create(tmp_path / "green.sqlite3", template_db, "GREEN")
    yield desk
    desk.db.close()


def snapshot(database: Database) -> dict[str, Any]:
    """Every office row and the sync log, to compare before and after."""
    state: dict[str, Any] = {}
    with database.reading() as s:
        for model in OFFICE_MODELS:
            rows = s.execute(select(model.__table__)).all()
            state[model.__tablename__] = sorted(tuple(map(str, row)) for row in rows)
        state["sync_log"] = s.scalar(select(func.count()).select_from(SyncLog))
    return state


def totals(database: Database) -> tuple[int, int, int, int, int]:
    with database.reading() as s:
        rows = dashboard(s)
    return (
        sum(r.activities for r in rows),
        sum(r.attendances for r in rows),
        sum(r.minutes for r in rows),
        sum(r.matching_fen for r in rows),
        sum(r.feedback_received for r in rows),
    )


def two_exports(desk: PartnerDesk, folder: Path) -> tuple[Path, Path]:
    """A first export, then one with a correction, a late approval and a sale."""
    first = desk.hold_activity(FIRST_DAY, {0: 180, 1: 120})
    desk.approve(first)
    second = desk.hold_activity(FIRST_DAY + timedelta(days=8), {2: 60}, waive=True)
    desk.donate(0, 4)
    one = desk.export(folder)
    desk.approve(second)
    desk.correct(first, 0, 240)
    desk.sell(0)
    two = desk.export(folder)
    return one.path, two.path


# ----------------------------------------------------------------------------- partners


def test_partners_are_registered_with_the_key_their_settings_show(
    office_db: Database, green: PartnerDesk
) -> None:
    key = green.public_key
    printed = signing.fingerprint(base64.b64decode(key))
    with office_db.transaction() as s:
        with pytest.raises(UserError, match="not a partner's public key"):
            register_partner(s, code="GREEN", name="绿芽", public_key_text="abc", staff=STAFF)
        with pytest.raises(UserError, match="does not belong to this key"):
            register_partner(
                s, code="GREEN", name="绿芽", public_key_text=key, staff=STAFF, fingerprint="AAAA"
            )
        change = register_partner(
            s, code=" green ", name="绿芽", public_key_text=f"  {key}\n", staff=STAFF
        )
        assert change.created
        [info] = list_partners(s)
    assert (info.code, info.public_key, info.imports) == ("GREEN", key, 0)
    assert info.fingerprint == printed
    other = signing.public_key_text(signing.new_signing_pair().public_raw)
    with office_db.transaction() as s:
        # Read out over the phone: the fingerprint confirms the key.
        again = register_partner(
            s,
            code="GREEN",
            name="绿芽公益",
            public_key_text=key,
            staff=STAFF,
            fingerprint=info.fingerprint.lower().replace("-", " "),
        )
        assert (again.created, again.name_changed, again.key_changed) == (False, True, False)
        with pytest.raises(UserError, match="already registered with the key"):
            register_partner(s, code="GREEN", name="绿芽", public_key_text=other, staff=STAFF)
        with pytest.raises(UserError, match="already registered for partner GREEN"):
            register_partner(s, code="BLUE", name="蓝天", public_key_text=key, staff=STAFF)
        assert register_partner(
            s, code="GREEN", name="绿芽", public_key_text=other, staff=STAFF, replace_key=True
        ).key_changed
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.at)).all()
    assert actions == ["partner.register", "partner.rename", "partner.key"]


# ----------------------------------------------------------------------------- importing


def test_import_is_idempotent_in_any_order_and_corrections_update_totals(
    office_db: Database, green: PartnerDesk, tmp_path: Path
) -> None:
    one, two = two_exports(green, tmp_path / "out")
    register(office_db, green)
    progress: list[tuple[int, int]] = []
    report = import_bundles(
        office_db, [one, two], staff=STAFF, progress=lambda d, t: progress.append((d, t))
    )
    assert progress == [(0, 2), (1, 2), (2, 2)]
    assert report.rejected == 0 and [b.kind for b in report.bundles] == ["office", "office"]
    first, second = report.bundles
    assert not first.follows_missing and not second.follows_missing
    assert first.tables["hours"].new == 2 and first.tables["activities"].new == 2
    assert (second.tables["hours"].new, second.tables["activities"].updated) == (2, 1)
    assert second.tables["donation_summary"].updated == 1
    # 180 + 120 approved first, then 60 more and a correction of +60: ¥100 an hour.
    assert totals(office_db) == (2, 3, 420, 700_00, 1)
    settled = snapshot(office_db)

    # The same bundles again, and the older one after the newer: nothing changes.
    again = import_bundles(office_db, [two, one, two], staff=STAFF)
    assert (again.new, again.updated, again.rejected) == (0, 0, 0)
    kept = [b.counts.new + b.counts.updated + b.counts.unchanged for b in report.bundles]
    assert again.unchanged == 2 * kept[1] + kept[0]
    after = snapshot(office_db)
    assert {k: v for k, v in after.items() if k != "sync_log"} == {
        k: v for k, v in settled.items() if k != "sync_log"
    }
    assert after["sync_log"] == settled["sync_log"] + 3  # each import is logged

    with office_db.reading() as s:
        [partner] = list_partners(s)
    assert partner.imports == 5 and partner.last_import is not None


def test_newest_first_gives_the_same_result(
    green: PartnerDesk, tmp_path: Path, template_db: Path
) -> None:
    one, two = two_exports(green, tmp_path / "out")
    in_order = office(tmp_path / "a.sqlite3", template_db)
    reversed_ = office(tmp_path / "b.sqlite3", template_db)
    try:
        register(in_order, green)
        register(reversed_, green)
        import_bundles(in_order, [one, two], staff=STAFF)
        report = import_bundles(reversed_, [two, one], staff=STAFF)
        assert report.bundles[0].follows_missing  # the first file had not come yet
        assert report.bundles[1].tables["activities"].unchanged == 1  # older version kept out
        state_a, state_b = snapshot(in_order), snapshot(reversed_)
        for model in (OfficeHourLine, OfficeDonationSummary, OfficeFeedback):
            name = model.__tablename__
            strip = [row[:2] + row[3:4] for row in state_a[name]]  # id, partner, version
            assert strip == [row[:2] + row[3:4] for row in state_b[name]]
        assert totals(in_order) == totals(reversed_)
    finally:
        in_order.close()
        reversed_.close()


def _tampered(good: Path, target: Path) -> Path:
    members = members_of(good)
    data = bytearray(members["hours.csv"])
    data[len(data) // 2] ^= 0x01
    members["hours.csv"] = bytes(data)
    return write_members(target, members)


def _slip(good: Path, target: Path) -> Path:
    members = members_of(good)
    members["../evil.csv"] = b"id\r\n"
    return write_members(target, members)


def test_refused_bundles_change_nothing_and_say_why(
    office_db: Database, green: PartnerDesk, tmp_path: Path, template_db: Path
) -> None:
    one, _two = two_exports(green, tmp_path / "out")
    blue = PartnerDesk.create(tmp_path / "blue.sqlite3", template_db, "BLUE")
    try:
        blue.approve(blue.hold_activity(FIRST_DAY, {0: 60}))
        unregistered = blue.export(tmp_path / "blue").path
    finally:
        blue.db.close()
    register(office_db, green)
    truncated = tmp_path / "cut.pdsync"
    truncated.write_bytes(one.read_bytes()[: one.stat().st_size // 2])
    cases = {
        _tampered(one, tmp_path / "changed.pdsync"): "changed.pdsync: hours.csv does not match",
        _slip(one, tmp_path / "slip.pdsync"): "slip.pdsync contains a file with an unsafe name",
        truncated: "cut.pdsync is incomplete",
        unregistered: "comes from organisation BLUE, whose key is not registered here",
        tmp_path / "none.pdsync": "none.pdsync: there is no such file",
    }
    before = snapshot(office_db)
    report = import_bundles(office_db, list(cases), staff=STAFF)
    assert report.rejected == len(cases) and report.new == 0
    for bundle, expected in zip(report.bundles, cases.values(), strict=True):
        assert not bundle.ok and bundle.error is not None
        assert expected in str(bundle.error), str(bundle.error)
    assert snapshot(office_db) == before

    # The partner made a new key: bundles signed with the old one are refused.
    with office_db.transaction() as s:
        new_key = signing.public_key_text(signing.new_signing_pair().public_raw)
        register_partner(
            s, code="GREEN", name="绿芽", public_key_text=new_key, staff=STAFF, replace_key=True
        )
    [refused] = import_bundles(office_db, [one], staff=STAFF).bundles
    assert "but the key registered for GREEN is" in str(refused.error)
    assert snapshot(office_db) == before


def test_an_id_of_another_partner_refuses_the_whole_bundle(
    office_db: Database, green: PartnerDesk, tmp_path: Path, template_db: Path
) -> None:
    one, _two = two_exports(green, tmp_path / "out")
    blue = PartnerDesk.create(tmp_path / "blue.sqlite3", template_db, "BLUE")
    with blue.db.reading() as s:
        org = s.scalars(select(Organisation)).one()
        keys = signing.KeyPair(bytes(org.signing_private_key), bytes(org.signing_public_key))
    blue.db.close()
    register(office_db, green, blue)
    import_bundles(office_db, [one], staff=STAFF)
    with office_db.reading() as s:
        stolen = s.scalars(select(OfficeActivity.id)).first()
    now = utcnow()
    activity = {
        "id": uuid.uuid4(),
        "version": 1,
        "updated_at": now,
        "title": "蓝天活动",
        "kind": "",
        "description": None,
        "starts_at": now - timedelta(hours=3),
        "ends_at": now,
        "location": None,
        "programme_tag": None,
        "state": "closed",
        "scheduled_minutes": 0,
        "capacity": None,
        "walk_ins_allowed": True,
        "closed_at": now,
    }
    tables: dict[str, Any] = {
        name: (TABLES_BY_NAME[name].column_names, []) for name in TABLES_BY_NAME
    }
    columns = TABLES_BY_NAME["activities"].column_names
    tables["activities"] = (columns, [activity, {**activity, "id": stolen}])
    path = tmp_path / "blue.pdsync"
    write_bundle(
        path,
        ManifestFields(org_code="BLUE", export_id=uuid.uuid4(), period_end=now),
        tables,
        signing_key=keys,
    )
    before = snapshot(office_db)
    [bundle] = import_bundles(office_db, [path], staff=STAFF).bundles
    assert str(bundle.error) == (
        f"blue.pdsync: activities.csv, row 3: the id {stolen} belongs to partner GREEN, not to "
        "BLUE. The file is refused; nothing was imported from it."
    )
    assert snapshot(office_db) == before


def test_verify_with_registered_given_or_embedded_keys(
    green: PartnerDesk, tmp_path: Path, template_db: Path
) -> None:
    one, two = two_exports(green, tmp_path / "out")
    fingerprint = signing.fingerprint(base64.b64decode(green.public_key))
    embedded = verify_bundles([one, two])
    assert all(v.ok and v.report and not v.report.key_trusted for v in embedded)
    [given] = verify_bundles([one], key_text=green.public_key)
    assert given.report is not None and given.report.key_trusted
    assert verify_bundles([one], key_text=fingerprint)[0].ok
    other = signing.new_signing_pair().public_raw
    [wrong] = verify_bundles([one], key_text=signing.fingerprint(other))
    assert "not with the key" in str(wrong.error)
    [unknown] = verify_bundles([one], keys={})
    assert "whose key is not registered here" in str(unknown.error)
    [changed] = verify_bundles([_tampered(one, tmp_path / "x.pdsync")], keys={})
    assert "x.pdsync" in str(changed.error)
    with pytest.raises(UserError, match="not a partner's public key"):
        verify_bundles([one], key_text="nonsense")


def test_cancelling_keeps_what_was_imported(
    office_db: Database, green: PartnerDesk, tmp_path: Path
) -> None:
    one, two = two_exports(green, tmp_path / "out")
    register(office_db, green)

    def cancel(done: int, total: int) -> None:
        if done == 1:
            raise Cancelled

    with pytest.raises(Cancelled):
        import_bundles(office_db, [one, two], staff=STAFF, progress=cancel)
    with office_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(SyncLog)) == 1
        assert s.scalar(select(func.count()).select_from(Partner)) == 1


# ----------------------------------------------------------------------------- desks


def test_a_desk_merges_another_desks_scan_events(green: PartnerDesk, tmp_path: Path) -> None:
    activity = green.hold_activity(FIRST_DAY, {}, close=False)
    green.db.close()
    shutil.copy(green.db.path, tmp_path / "second.sqlite3")  # type: ignore[arg-type]
    green.db = Database.open(green.db.path)
    second = PartnerDesk(Database.open(tmp_path / "second.sqlite3"), list(green.people))

    def scan(desk: PartnerDesk, outcome: ScanOutcome, hour: int, device: str) -> None:
        with desk.db.transaction() as s:
            s.add(
                ScanEvent(
                    id=uuid.uuid4(),
                    activity_id=activity,
                    volunteer_id=desk.people[0],
                    device_id=device,
                    source=ScanSource.SCANNER,
                    outcome=outcome,
                    payload="PDV:GREEN:V000001:1:AAAAAAAAAA",
                    scanned_at=local(FIRST_DAY, hour),
                )
            )

    try:
        scan(green, ScanOutcome.CHECK_IN, 9, "kiosk-1")
        scan(second, ScanOutcome.CHECK_OUT, 12, "kiosk-2")
        for_green = second.export(tmp_path / "desk", for_desk=True).path
        office_export = second.export(tmp_path / "office").path
        report = import_bundles(green.db, [for_green, for_green, office_export], staff=STAFF)
        first, repeat, refused = report.bundles
        assert first.kind == "desk" and first.tables["scan_events"].new == 1
        assert repeat.tables["scan_events"].unchanged == 1 and repeat.counts.new == 0
        assert "own export for the programme office" in str(refused.error)
        with green.db.reading() as s:
            [paired] = s.scalars(select(AttendanceSession)).all()
            assert paired.status is SessionStatus.CLOSED
            assert paired.ended_at == local(FIRST_DAY, 12)
    finally:
        second.db.close()
