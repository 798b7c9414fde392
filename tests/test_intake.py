"""Donation intake: donors, item codes (also from two desks at once), receipts, batches."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, func, select, update

from models import intake
from models.categories import leaf_categories
from models.db import Database
from models.errors import UserError
from models.intake import BatchRequest, ItemLine
from models.schema import (
    AuditEntry,
    CodeSequence,
    DonationBatch,
    Donor,
    Item,
    ItemCategory,
    ItemEvent,
    Staff,
    Store,
)
from models.schema.enums import DonorKind, Grade, IntakeChannel, ItemEventKind, ItemStatus

SHANGHAI = ZoneInfo("Asia/Shanghai")
WRITTEN = (DonationBatch, Item, ItemEvent, CodeSequence, Donor)


def today() -> date:
    return datetime.now(SHANGHAI).date()


def store_id(database: Database, code: str = "S01") -> uuid.UUID:
    with database.reading() as session:
        return session.scalars(select(Store.id).where(Store.code == code)).one()


def leaf(database: Database, name: str = "外套") -> uuid.UUID:
    with database.reading() as session:
        return next(node.id for node in leaf_categories(session) if node.name == name)


def group(database: Database, name: str = "服装") -> uuid.UUID:
    with database.reading() as session:
        return session.scalars(
            select(ItemCategory.id).where(
                ItemCategory.name == name, ItemCategory.parent_id.is_(None)
            )
        ).one()


def counts(database: Database) -> dict[str, int]:
    with database.reading() as session:
        return {
            model.__tablename__: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in WRITTEN
        }


def line(database: Database, **changes: object) -> ItemLine:
    values: dict[str, object] = {
        "category_id": leaf(database),
        "description": "黑色羽绒服 L码",
        "grade": Grade.A,
        "quantity": 1,
        "unit_value_fen": 80_00,
    }
    values.update(changes)
    return ItemLine(**values)  # type: ignore[arg-type]


def request(database: Database, *lines: ItemLine, **changes: object) -> BatchRequest:
    values: dict[str, object] = {
        "donor_id": None,
        "store_id": store_id(database),
        "received_on": today(),
        "channel": IntakeChannel.WALK_IN,
        "notes": None,
        "lines": lines or (line(database),),
    }
    values.update(changes)
    return BatchRequest(**values)  # type: ignore[arg-type]


# --- donors --------------------------------------------------------------------------


def add(database: Database, name: str, phone: str | None = None, **kw: object) -> uuid.UUID:
    with database.transaction() as session:
        return intake.add_donor(session, name=name, phone=phone, staff="王老师", **kw)  # type: ignore[arg-type]


def test_add_donor_keeps_a_normalised_phone_and_audits(org_database: Database) -> None:
    donor_id = add(org_database, " 张 三 ", "+86 138 0013 8000", email="zhang@example.cn")
    with org_database.reading() as session:
        donor = session.get(Donor, donor_id)
        assert donor is not None
        assert (donor.name, donor.phone, donor.email, donor.kind) == (
            "张 三",
            "13800138000",
            "zhang@example.cn",
            DonorKind.INDIVIDUAL,
        )
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "donor.add")).one()
        assert (entry.staff_name, entry.entity_id) == ("王老师", str(donor_id))


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("13912345678", "13912345678"),
        ("１３９１２３４５６７８", "13912345678"),  # full-width digits from an input method
        ("139-1234-5678", "13912345678"),
        ("8613912345678", "13912345678"),
        ("021-62345678", "021-62345678"),
        ("0755 8888 6666", "075588886666"),
        ("400-820-8820", "400-820-8820"),
        ("62345678", "62345678"),
        ("  ", None),
        (None, None),
    ],
)
def test_phone_numbers_that_are_accepted(typed: str | None, kept: str | None) -> None:
    assert intake.normalise_phone(typed) == kept


@pytest.mark.parametrize(
    "typed", ["12345678901", "1391234567", "139123456789", "abc", "+1 415 555 0100", "12-34"]
)
def test_phone_numbers_that_are_refused(typed: str) -> None:
    with pytest.raises(UserError) as caught:
        intake.normalise_phone(typed)
    assert typed in str(caught.value)


def test_a_duplicate_phone_names_the_donor_who_has_it(org_database: Database) -> None:
    add(org_database, "李四", "13800138000")
    before = counts(org_database)
    with pytest.raises(UserError) as caught:
        add(org_database, "李思", "138 0013 8000")
    assert str(caught.value) == "The phone number 13800138000 already belongs to donor “李四”."
    assert caught.value.params == {"phone": "13800138000", "name": "李四"}
    assert counts(org_database) == before


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"name": "  "}, "Enter the donor's name."),
        ({"name": "x" * 201}, "The donor's name has at most 200 characters."),
        ({"name": "某人", "email": "not-an-email"}, "“not-an-email” is not an email address."),
        (
            {"name": "匿名", "kind": DonorKind.ANONYMOUS},
            "An anonymous donation has no donor record: save the donation without a donor.",
        ),
    ],
)
def test_bad_donors_are_refused(
    org_database: Database, kw: dict[str, object], message: str
) -> None:
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        intake.add_donor(session, staff="王老师", **kw)  # type: ignore[arg-type]
    assert str(caught.value) == message
    assert counts(org_database)["donor"] == 0


def test_search_donors_by_name_or_phone_recent_first(org_database: Database) -> None:
    old = add(org_database, "王小明", "13911112222")
    new = add(org_database, "王小红", "13933334444")
    company = add(org_database, "星辰科技有限公司", "021-62345678", kind=DonorKind.CORPORATE)
    with org_database.transaction() as session:
        intake.save_batch(
            session,
            request(org_database, donor_id=old, received_on=today() - timedelta(days=30)),
            staff="王老师",
        )
        intake.save_batch(session, request(org_database, donor_id=new), staff="王老师")
    with org_database.reading() as session:
        assert [d.id for d in intake.search_donors(session, "王小")] == [new, old]
        assert [d.name for d in intake.search_donors(session, "3333")] == ["王小红"]
        assert [d.name for d in intake.search_donors(session, "6234-5678")] == ["星辰科技有限公司"]
        assert [d.name for d in intake.search_donors(session, "星辰")] == ["星辰科技有限公司"]
        assert intake.search_donors(session, "%") == []  # wildcards are plain text
        assert intake.search_donors(session, "王小", limit=1)[0].id == new
        recent = intake.search_donors(session, "")
        assert [d.id for d in recent[:2]] == [new, old]
        assert {d.id for d in recent} == {old, new, company}
        row = intake.search_donors(session, "王小红")[0]
        assert (row.phone, row.kind, row.last_donation_on) == (
            "13933334444",
            DonorKind.INDIVIDUAL,
            today(),
        )


# --- codes ---------------------------------------------------------------------------


def allocate(database: Database, count: int, *, store: str = "S01", year: int = 2026) -> list[str]:
    with database.transaction() as session:
        return intake.allocate_item_codes(session, store_id(database, store), year, count)


def test_item_codes_are_consecutive_per_store_and_year(org_database: Database) -> None:
    assert allocate(org_database, 3) == ["S01-26-000001", "S01-26-000002", "S01-26-000003"]
    assert allocate(org_database, 2) == ["S01-26-000004", "S01-26-000005"]
    assert allocate(org_database, 1, store="S02") == ["S02-26-000001"]
    assert allocate(org_database, 1, year=2027) == ["S01-27-000001"]
    assert allocate(org_database, 1) == ["S01-26-000006"]


def test_codes_grow_past_six_digits_and_restart_after_the_highest(
    org_database: Database,
) -> None:
    sid = store_id(org_database)
    with org_database.transaction() as session:
        intake.save_batch(session, request(org_database), staff="王老师")
        session.execute(update(CodeSequence).values(next_value=999_999))
    with org_database.transaction() as session:
        codes = intake.allocate_item_codes(session, sid, today().year, 2)
    yy = f"{today().year % 100:02d}"
    assert codes == [f"S01-{yy}-999999", f"S01-{yy}-1000000"]
    with org_database.transaction() as session:
        # A database whose sequence row was lost still never reuses a code.
        session.execute(delete(CodeSequence))
        session.execute(
            update(Item).where(Item.code == f"S01-{yy}-000001").values(code=f"S01-{yy}-1000000")
        )
        assert intake.allocate_item_codes(session, sid, today().year, 1) == [f"S01-{yy}-1000001"]


def test_codes_only_for_2000_to_2099(org_database: Database) -> None:
    with pytest.raises(UserError, match="2000 to 2099"):
        allocate(org_database, 1, year=2100)


def test_two_desks_never_share_a_code(db_path: Path) -> None:
    """Two Database objects (two engines) write the same file at once."""
    setup = Database.open(db_path)
    from models import organisation
    from tests.conftest import SAMPLE_SETUP

    with setup.transaction() as session:
        organisation.set_up(session, SAMPLE_SETUP)
    sid = store_id(setup)
    setup.close()
    desks = [Database.open(db_path) for _ in range(2)]
    batches: list[list[str]] = []
    failures: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(len(desks))

    def work(database: Database, seed: int) -> None:
        try:
            start.wait()
            for n in range(40):
                with database.transaction() as session:
                    codes = intake.allocate_item_codes(session, sid, 2026, 1 + (seed + n) % 5)
                with lock:
                    batches.append(codes)
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(db, n)) for n, db in enumerate(desks)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for database in desks:
        database.close()
    assert failures == []
    everything = [code for batch in batches for code in batch]
    assert len(everything) == len(set(everything))  # no duplicates
    numbers = sorted(int(code.rsplit("-", 1)[1]) for code in everything)
    assert numbers == list(range(1, len(numbers) + 1))  # and no gaps
    for batch in batches:  # each desk's batch is one consecutive run
        seqs = [int(code.rsplit("-", 1)[1]) for code in batch]
        assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))


# --- batches -------------------------------------------------------------------------


def test_save_batch_writes_batch_items_and_events(org_database: Database) -> None:
    donor = add(org_database, "赵敏", "13700001111")
    lines = (
        line(org_database),
        line(
            org_database,
            category_id=leaf(org_database, "儿童图书"),
            description="绘本 5本",
            grade=Grade.B,
            quantity=5,
            unit_value_fen=3_00,
        ),
        line(org_database, description="", grade=Grade.UNSELLABLE, unit_value_fen=0),
    )
    with org_database.transaction() as session:
        saved = intake.save_batch(
            session,
            request(
                org_database, *lines, donor_id=donor, notes=" 两大袋 ", channel=IntakeChannel.PICKUP
            ),
            staff="李静",
        )
    year = today().year
    assert saved.receipt_no == f"R-S01-{year}-000001"
    assert saved.item_codes == tuple(f"S01-{year % 100:02d}-{n:06d}" for n in (1, 2, 3))
    assert (saved.total_quantity, saved.total_value_fen) == (7, 80_00 + 15_00)
    with org_database.reading() as session:
        batch = session.get(DonationBatch, saved.batch_id)
        assert batch is not None
        assert (batch.donor_id, batch.received_on, batch.channel, batch.notes) == (
            donor,
            today(),
            IntakeChannel.PICKUP,
            "两大袋",
        )
        staff = session.get(Staff, batch.staff_id)
        assert staff is not None and staff.name == "李静"
        items = session.scalars(select(Item).order_by(Item.code)).all()
        assert [i.id for i in items] == list(saved.item_ids)
        assert [(i.quantity, i.grade, i.status) for i in items] == [
            (1, Grade.A, ItemStatus.RECEIVED),
            (5, Grade.B, ItemStatus.RECEIVED),
            (1, Grade.UNSELLABLE, ItemStatus.RECEIVED),
        ]
        assert {i.batch_id for i in items} == {saved.batch_id}
        assert abs(items[0].received_at - datetime.now(UTC)) < timedelta(minutes=1)
        events = session.scalars(select(ItemEvent)).all()
        assert sorted((e.item_id, e.kind, e.staff_id) for e in events) == sorted(
            (i.id, ItemEventKind.RECEIVED, batch.staff_id) for i in items
        )
    with org_database.transaction() as session:
        again = intake.save_batch(session, request(org_database), staff="李静")
    assert again.receipt_no == f"R-S01-{year}-000002"
    assert again.item_codes == (f"S01-{year % 100:02d}-000004",)


def test_a_donation_received_earlier_is_dated_that_day(org_database: Database) -> None:
    day = today() - timedelta(days=40)
    with org_database.transaction() as session:
        saved = intake.save_batch(session, request(org_database, received_on=day), staff="李静")
    with org_database.reading() as session:
        item = session.get(Item, saved.item_ids[0])
        assert item is not None
        assert item.received_at.astimezone(SHANGHAI).date() == day
    assert saved.receipt_no.startswith(f"R-S01-{day.year}-")


def test_receipts_continue_after_existing_ones(org_database: Database) -> None:
    """A database filled by other means (e.g. sample data) keeps its receipt numbers."""
    year = today().year
    with org_database.transaction() as session:
        intake.save_batch(session, request(org_database), staff="李静")
        session.execute(update(DonationBatch).values(receipt_no=f"R-S01-{year}-000041"))
        session.execute(delete(CodeSequence).where(CodeSequence.year > 9999))
    with org_database.transaction() as session:
        saved = intake.save_batch(session, request(org_database), staff="李静")
    assert saved.receipt_no == f"R-S01-{year}-000042"


def bad_line_cases(database: Database) -> list[tuple[BatchRequest, str]]:
    with database.transaction() as session:
        retired = ItemCategory(name="旧类别", parent_id=group(database), active=False)
        session.add(retired)
        session.flush()
        retired_id = retired.id
    good = line(database)
    return [
        (request(database, lines=()), "Add at least one item to the donation."),
        (
            request(database, good, line(database, quantity=0)),
            "Line 2: the quantity must be a whole number from 1 to 10,000.",
        ),
        (
            request(database, good, good, line(database, quantity=10_001)),
            "Line 3: the quantity must be a whole number from 1 to 10,000.",
        ),
        (
            request(database, line(database, unit_value_fen=-1)),
            "Line 1: the estimated value must be between ¥0 and ¥1,000,000.",
        ),
        (
            request(database, line(database, unit_value_fen=100_000_001)),
            "Line 1: the estimated value must be between ¥0 and ¥1,000,000.",
        ),
        (
            request(database, good, line(database, category_id=group(database))),
            "Line 2: “服装” is a group; choose one of its categories.",
        ),
        (
            request(database, line(database, category_id=retired_id)),
            "Line 1: the category “服装 › 旧类别” is no longer in use; choose another.",
        ),
        (
            request(database, line(database, category_id=uuid.uuid4())),
            "Line 1: choose a category.",
        ),
        (
            request(database, line(database, description="长" * 301)),
            "Line 1: the description has more than 300 characters.",
        ),
        (
            request(database, received_on=today() + timedelta(days=1)),
            f"The date received ({today() + timedelta(days=1)}) is in the future.",
        ),
        (
            request(database, received_on=date(1999, 12, 31)),
            "The date received (1999-12-31) is too far in the past.",
        ),
        (
            request(database, donor_id=uuid.uuid4()),
            "The chosen donor no longer exists; choose the donor again.",
        ),
        (
            request(database, store_id=uuid.uuid4()),
            "Choose the store that received the donation.",
        ),
    ]


def test_bad_batches_are_refused_with_the_line_and_nothing_is_written(
    org_database: Database,
) -> None:
    cases = bad_line_cases(org_database)
    before = counts(org_database)
    for bad, message in cases:
        with pytest.raises(UserError) as caught, org_database.transaction() as session:
            intake.save_batch(session, bad, staff="李静")
        assert str(caught.value) == message
        assert counts(org_database) == before


def test_a_closed_store_takes_no_donations(org_database: Database) -> None:
    with org_database.transaction() as session:
        session.execute(update(Store).where(Store.code == "S02").values(active=False))
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        intake.save_batch(
            session, request(org_database, store_id=store_id(org_database, "S02")), staff="李静"
        )
    assert str(caught.value) == "Store S02 is closed; choose another store."


def test_a_failure_after_saving_leaves_nothing(org_database: Database) -> None:
    before = counts(org_database)
    with pytest.raises(RuntimeError), org_database.transaction() as session:
        intake.save_batch(
            session, request(org_database, line(org_database), line(org_database)), staff="李静"
        )
        raise RuntimeError("the printer caught fire")
    assert counts(org_database) == before


def test_the_future_is_judged_in_the_organisations_time_zone(org_database: Database) -> None:
    # 23:30 UTC is already the next morning in Shanghai.
    now = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    with org_database.reading() as session:
        intake.check_received_on(session, date(2026, 3, 2), now)
        with pytest.raises(UserError):
            intake.check_received_on(session, date(2026, 3, 3), now)
    assert intake.received_time(date(2026, 3, 2), now, SHANGHAI) == now
    earlier = intake.received_time(date(2026, 2, 20), now, SHANGHAI)
    assert earlier.astimezone(SHANGHAI).date() == date(2026, 2, 20)
    assert earlier.astimezone(SHANGHAI).time() == now.astimezone(SHANGHAI).time()
