"""Items: lifecycle events and their cached state, detail, the paged list and text search."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text, update

from models import intake, items
from models.categories import leaf_categories
from models.db import Database
from models.errors import UserError
from models.intake import BatchRequest, ItemLine
from models.items import Cursor, EventFact, InvalidHistory, ItemQuery
from models.schema import DonationBatch, Donor, Item, ItemCategory, ItemEvent, Store
from models.schema.enums import Grade, IntakeChannel, ItemEventKind, ItemStatus

SHANGHAI = ZoneInfo("Asia/Shanghai")
K = ItemEventKind
S = ItemStatus


def today() -> date:
    return datetime.now(SHANGHAI).date()


def stores(database: Database) -> dict[str, uuid.UUID]:
    with database.reading() as session:
        return {code: i for code, i in session.execute(select(Store.code, Store.id))}


def leaves(database: Database) -> dict[str, uuid.UUID]:
    with database.reading() as session:
        return {node.name: node.id for node in leaf_categories(session)}


def new_items(
    database: Database,
    *descriptions: str,
    store: str = "S01",
    category: str = "外套",
    donor_id: uuid.UUID | None = None,
    received_on: date | None = None,
    grade: Grade = Grade.B,
) -> list[str]:
    lines = tuple(
        ItemLine(leaves(database)[category], d, grade, 1, 50_00) for d in descriptions or ("外套",)
    )
    with database.transaction() as session:
        saved = intake.save_batch(
            session,
            BatchRequest(
                donor_id,
                stores(database)[store],
                received_on or today(),
                IntakeChannel.WALK_IN,
                None,
                lines,
            ),
            staff="李静",
        )
    return list(saved.item_codes)


def record(database: Database, code: str, kind: ItemEventKind, **kw: object) -> items.ItemChange:
    with database.transaction() as session:
        return items.record_event(session, code, kind, staff="陈晓峰", **kw)  # type: ignore[arg-type]


def cached(database: Database, code: str) -> tuple[ItemStatus, uuid.UUID, int | None]:
    with database.reading() as session:
        item = session.scalars(select(Item).where(Item.code == code)).one()
        return item.status, item.store_id, item.sold_price_fen


def derived(database: Database, code: str) -> items.ItemState:
    with database.reading() as session:
        item_id = session.scalars(select(Item.id).where(Item.code == code)).one()
        events = session.scalars(
            select(ItemEvent).where(ItemEvent.item_id == item_id).order_by(ItemEvent.at)
        ).all()
        return items.derive_state(events)


# --- lifecycle -------------------------------------------------------------------------


def test_an_item_goes_from_intake_to_sale(org_database: Database) -> None:
    (code,) = new_items(org_database)
    s01 = stores(org_database)["S01"]
    change = record(org_database, code, K.SORTED, note="等级 B")
    assert (change.status_before, change.status, change.kind) == (S.RECEIVED, S.SORTED, K.SORTED)
    record(org_database, code, K.SHELVED, store_id=s01)
    change = record(org_database, code, K.SOLD, price_fen=45_00)
    assert (change.status, change.sold_price_fen, change.store_id) == (S.SOLD, 45_00, s01)
    assert cached(org_database, code) == (S.SOLD, s01, 45_00) == tuple(derived(org_database, code))
    with org_database.reading() as session:
        detail = items.item_detail(session, code.lower())
    assert detail is not None
    assert [h.kind for h in detail.history] == [K.RECEIVED, K.SORTED, K.SHELVED, K.SOLD]
    assert [h.staff_name for h in detail.history] == ["李静", "陈晓峰", "陈晓峰", "陈晓峰"]
    assert detail.history[1].note == "等级 B"
    assert detail.history[3].price_fen == 45_00
    assert detail.next_actions == ()


def test_shortcuts_and_disposals(org_database: Database) -> None:
    a, b, c, d = new_items(org_database, "a", "b", "c", "d")
    record(org_database, a, K.SHELVED)
    assert cached(org_database, a)[0] is S.ON_SHELF
    record(org_database, b, K.PASSED_ON, recipient="山区小学")
    assert cached(org_database, b)[0] is S.PASSED_ON
    record(org_database, c, K.SORTED)
    record(org_database, c, K.RECYCLED, note="纺织品回收")
    assert cached(org_database, c)[0] is S.RECYCLED
    record(org_database, d, K.SHELVED)
    record(org_database, d, K.DISCARDED)
    assert cached(org_database, d)[0] is S.DISCARDED


def test_a_transfer_moves_the_item_and_keeps_its_status(org_database: Database) -> None:
    (code,) = new_items(org_database)
    s02 = stores(org_database)["S02"]
    record(org_database, code, K.SORTED)
    change = record(org_database, code, K.TRANSFERRED, to_store_id=s02, note="补货")
    assert (change.status, change.store_id) == (S.SORTED, s02)
    assert change.store_id_before == stores(org_database)["S01"]
    assert cached(org_database, code) == (S.SORTED, s02, None) == tuple(derived(org_database, code))
    with org_database.reading() as session:
        detail = items.item_detail(session, code)
    assert detail is not None
    assert (detail.store_code, detail.history[-1].store_code, detail.history[-1].to_store_code) == (
        "S02",
        "S01",
        "S02",
    )


@pytest.mark.parametrize(
    ("steps", "kind", "kw", "message"),
    [
        (
            [],
            K.SOLD,
            {"price_fen": 100},
            "Item {code} is not on the shelf yet; shelve it before recording a sale.",
        ),
        ([K.SORTED], K.SORTED, {}, "Item {code} has already been sorted."),
        (
            [K.SHELVED],
            K.SORTED,
            {},
            "Item {code} is already on the shelf; it cannot go back to sorting.",
        ),
        ([K.SHELVED], K.SHELVED, {}, "Item {code} is already on the shelf."),
        ([], K.RECEIVED, {}, "Item {code} was received at intake; it cannot be received again."),
        ([K.SHELVED], K.SOLD, {}, "Enter the price item {code} sold for (¥0.01 to ¥1,000,000)."),
        (
            [K.SHELVED],
            K.SOLD,
            {"price_fen": 0},
            "Enter the price item {code} sold for (¥0.01 to ¥1,000,000).",
        ),
        (
            [],
            K.PASSED_ON,
            {"recipient": "  "},
            "Enter who received item {code} (a person or an organisation).",
        ),
        ([], K.NOTE, {}, "Write the note for item {code}."),
        ([], K.TRANSFERRED, {}, "Choose the store that item {code} goes to."),
        (
            [K.SHELVED, K.SOLD],
            K.NOTE,
            {"note": "退货"},
            "Item {code} has been sold; nothing more can be recorded for it.",
        ),
        (
            [K.PASSED_ON],
            K.TRANSFERRED,
            {},
            "Item {code} has been passed on; nothing more can be recorded for it.",
        ),
        (
            [K.RECYCLED],
            K.SHELVED,
            {},
            "Item {code} has been recycled; nothing more can be recorded for it.",
        ),
        (
            [K.DISCARDED],
            K.LABEL_PRINTED,
            {},
            "Item {code} has been discarded; nothing more can be recorded for it.",
        ),
    ],
)
def test_refused_events_say_why_and_change_nothing(
    org_database: Database,
    steps: list[ItemEventKind],
    kind: ItemEventKind,
    kw: dict[str, object],
    message: str,
) -> None:
    (code,) = new_items(org_database)
    extra = {K.SOLD: {"price_fen": 10_00}, K.PASSED_ON: {"recipient": "敬老院"}}
    for step in steps:
        record(org_database, code, step, **extra.get(step, {}))
    before = cached(org_database, code)
    with pytest.raises(UserError) as caught:
        record(org_database, code, kind, **kw)
    assert str(caught.value) == message.format(code=code)
    assert cached(org_database, code) == before
    if before[0] in items.FINAL_STATUSES:
        assert caught.value.params["status"] == before[0].value


def test_other_refusals(org_database: Database) -> None:
    (code,) = new_items(org_database)
    ids = stores(org_database)
    with pytest.raises(UserError) as caught:
        record(org_database, "S09-26-000001", K.SORTED)
    assert str(caught.value) == "No item has the code “S09-26-000001”."
    with pytest.raises(UserError) as caught:
        record(org_database, code, K.TRANSFERRED, to_store_id=ids["S01"])
    assert str(caught.value) == f"Item {code} is already at store S01."
    with pytest.raises(UserError) as caught:
        record(org_database, code, K.SORTED, store_id=ids["S02"])
    assert str(caught.value) == (
        f"Item {code} is recorded at store S01, not at S02; record its transfer first."
    )
    with org_database.transaction() as session:
        session.execute(update(Store).where(Store.code == "S02").values(active=False))
    with pytest.raises(UserError) as caught:
        record(org_database, code, K.TRANSFERRED, to_store_id=ids["S02"])
    assert str(caught.value) == "Store S02 is closed; choose another store."
    with pytest.raises(ValueError, match="sale only"):
        record(org_database, code, K.SORTED, price_fen=100)


def test_a_label_print_is_remembered(org_database: Database) -> None:
    (code,) = new_items(org_database)
    change = record(org_database, code, K.LABEL_PRINTED)
    with org_database.reading() as session:
        row = items.lookup_code(session, code)
    assert row is not None and row.labelled_at == change.at
    assert row.status is S.RECEIVED


def test_events_stay_in_order_when_the_clock_steps_back(org_database: Database) -> None:
    (code,) = new_items(org_database)
    with org_database.transaction() as session:
        session.execute(update(ItemEvent).values(at=datetime.now(UTC) + timedelta(hours=2)))
    change = record(org_database, code, K.SORTED)
    with org_database.reading() as session:
        first = session.scalars(select(ItemEvent.at).where(ItemEvent.kind == K.RECEIVED)).one()
    assert change.at > first


def test_next_actions() -> None:
    assert items.next_actions(S.RECEIVED) == (
        K.SORTED,
        K.SHELVED,
        K.PASSED_ON,
        K.RECYCLED,
        K.DISCARDED,
        K.TRANSFERRED,
        K.NOTE,
    )
    assert items.next_actions(S.SORTED) == (
        K.SHELVED,
        K.PASSED_ON,
        K.RECYCLED,
        K.DISCARDED,
        K.TRANSFERRED,
        K.NOTE,
    )
    assert items.next_actions(S.ON_SHELF) == (
        K.SOLD,
        K.PASSED_ON,
        K.RECYCLED,
        K.DISCARDED,
        K.TRANSFERRED,
        K.NOTE,
    )
    for status in items.FINAL_STATUSES:
        assert items.next_actions(status) == ()


def test_derive_state_refuses_impossible_histories() -> None:
    a, b = uuid.uuid4(), uuid.uuid4()
    with pytest.raises(InvalidHistory):
        items.derive_state([])
    with pytest.raises(InvalidHistory):
        items.derive_state([EventFact(K.SORTED, a)])
    with pytest.raises(InvalidHistory):
        items.derive_state([EventFact(K.RECEIVED, a), EventFact(K.SOLD, a, price_fen=1)])
    with pytest.raises(InvalidHistory):
        items.derive_state(
            [EventFact(K.RECEIVED, a), EventFact(K.DISCARDED, a), EventFact(K.NOTE, a)]
        )
    with pytest.raises(InvalidHistory):
        items.derive_state([EventFact(K.RECEIVED, a), EventFact(K.TRANSFERRED, a)])
    assert items.derive_state(
        [EventFact(K.RECEIVED, a), EventFact(K.TRANSFERRED, a, to_store_id=b)]
    ) == (S.RECEIVED, b, None)


@st.composite
def histories(draw: st.DrawFn) -> list[tuple[ItemEventKind, int]]:
    """A valid sequence of events after intake: (kind, store or price number)."""
    status = S.RECEIVED
    steps: list[tuple[ItemEventKind, int]] = []
    for _ in range(draw(st.integers(0, 7))):
        choices = [*items.next_actions(status), K.LABEL_PRINTED]
        if not items.next_actions(status):
            break
        kind = draw(st.sampled_from(choices))
        steps.append((kind, draw(st.integers(1, 999))))
        if kind not in items.KEEPING_EVENTS:
            status = items.TRANSITIONS[status][kind]
    return steps


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=histories())
def test_cached_state_is_always_what_the_events_say(
    org_database: Database, steps: list[tuple[ItemEventKind, int]]
) -> None:
    (code,) = new_items(org_database)
    ids = list(stores(org_database).values())
    for kind, number in steps:
        kw: dict[str, object] = {}
        if kind is K.SOLD:
            kw["price_fen"] = number * 100
        elif kind is K.PASSED_ON:
            kw["recipient"] = f"受助家庭 {number}"
        elif kind is K.NOTE:
            kw["note"] = f"备注 {number}"
        elif kind is K.TRANSFERRED:
            current = cached(org_database, code)[1]
            kw["to_store_id"] = next(i for i in ids if i != current)
        record(org_database, code, kind, **kw)
        assert cached(org_database, code) == tuple(derived(org_database, code))


# --- detail and lookup -----------------------------------------------------------------


def test_item_detail_and_lookup(org_database: Database) -> None:
    with org_database.transaction() as session:
        donor = intake.add_donor(
            session, name="星辰科技有限公司", phone="021-62345678", staff="李静"
        )
    (code,) = new_items(org_database, "儿童羽绒服 130cm", category="童装", donor_id=donor)
    with org_database.reading() as session:
        detail = items.item_detail(session, f"  {code.lower()} ")
        row = items.lookup_code(session, code)
        assert items.item_detail(session, "S01-26-999999") is None
        assert items.lookup_code(session, "S01-26-999999") is None
    assert detail is not None and row is not None
    assert (detail.code, detail.category_path, detail.description, detail.donor_name) == (
        code,
        "服装 › 童装",
        "儿童羽绒服 130cm",
        "星辰科技有限公司",
    )
    assert (detail.quantity, detail.unit_value_fen, detail.total_value_fen) == (1, 50_00, 50_00)
    assert detail.receipt_no.startswith("R-S01-")
    assert (detail.store_code, detail.status, detail.photos) == ("S01", S.RECEIVED, ())
    assert (row.code, row.category_path, row.donor_name, row.store_code) == (
        code,
        "服装 › 童装",
        "星辰科技有限公司",
        "S01",
    )


# --- the list --------------------------------------------------------------------------


@pytest.fixture
def stocked(org_database: Database) -> Database:
    """~150 items over 60 days, 2 stores, several categories, donors and statuses."""
    rng = random.Random(7)
    with org_database.transaction() as session:
        donors = [
            intake.add_donor(session, name=name, phone=None, staff="李静")
            for name in ("张三", "李娟", "星辰科技有限公司")
        ]
    words = ("羊毛开衫", "纯棉T恤", "牛仔裤", "儿童绘本", "不锈钢炒锅", "羽毛球拍")
    cats = ("上衣", "上衣", "裤装", "儿童图书", "厨具餐具", "体育用品")
    codes: list[str] = []
    for _ in range(40):
        pick = rng.randrange(len(words))
        codes += new_items(
            org_database,
            *(
                f"{rng.choice(['黑色', '白色', ''])}{words[pick]} {k}号"
                for k in range(rng.randint(1, 5))
            ),
            store=rng.choice(["S01", "S02"]),
            category=cats[pick],
            donor_id=rng.choice([None, *donors]),
            received_on=today() - timedelta(days=rng.randrange(60)),
            grade=rng.choice(list(Grade)),
        )
    # A corporate list: many items with one and the same received_at.
    codes += new_items(
        org_database,
        *(f"全新儿童羽绒服 {k}" for k in range(30)),
        category="童装",
        donor_id=donors[2],
        received_on=today() - timedelta(days=3),
    )
    with org_database.transaction() as session:
        moment = session.scalar(select(Item.received_at).where(Item.code == codes[-1]))
        session.execute(update(Item).where(Item.code.in_(codes[-30:])).values(received_at=moment))
    for code in codes:
        roll = rng.random()
        if roll < 0.3:
            record(org_database, code, K.SHELVED)
            if roll < 0.15:
                record(org_database, code, K.SOLD, price_fen=rng.randint(1, 99) * 100)
        elif roll < 0.4:
            record(org_database, code, K.SORTED)
    return org_database


def everything(database: Database) -> list[items.ItemRow]:
    with database.reading() as session:
        raw = session.execute(select(*items._ROW_COLUMNS)).all()
        rows = items._rows(session, raw)
    return sorted(rows, key=lambda r: (r.received_at, r.id), reverse=True)


def walk(database: Database, query: ItemQuery, limit: int) -> Iterator[list[items.ItemRow]]:
    cursor: Cursor | None = None
    while True:
        with database.reading() as session:
            page = items.page(session, query, after=cursor, limit=limit)
        yield page.rows
        if page.next is None:
            return
        assert len(page.rows) == limit
        cursor = page.next


def matches(row: items.ItemRow, query: ItemQuery, database: Database) -> bool:
    with database.reading() as session:
        table = intake.category_table(session)
        donor_batches: set[uuid.UUID] = set()
        if query.donor_id is not None:
            donor_batches = set(
                session.scalars(
                    select(DonationBatch.id).where(DonationBatch.donor_id == query.donor_id)
                )
            )
    if query.statuses and row.status not in query.statuses:
        return False
    if query.store_ids and row.store_id not in query.store_ids:
        return False
    if query.grades and row.grade not in query.grades:
        return False
    if query.category_ids:
        wanted = set(query.category_ids)
        groups = {table[c].name for c in query.category_ids if not table[c].is_leaf}
        if row.category_id not in wanted and row.category_path.split(" › ")[0] not in groups:
            return False
    local = row.received_at.astimezone(SHANGHAI).date()
    if query.date_from and local < query.date_from:
        return False
    if query.date_to and local > query.date_to:
        return False
    if query.donor_id is not None and row.batch_id not in donor_batches:
        return False
    haystack = f"{row.code}  {row.description}  {row.category_path}  {row.donor_name or ''}".lower()
    return all(term in haystack for term in items.search_terms(query.text))


def queries(database: Database) -> list[ItemQuery]:
    ids = stores(database)
    cats = leaves(database)
    with database.reading() as session:
        clothing = session.scalars(select(ItemCategory.id).where(ItemCategory.name == "服装")).one()
        star = session.scalars(select(Donor.id).where(Donor.name == "星辰科技有限公司")).one()
    return [
        ItemQuery(),
        ItemQuery(statuses=(S.RECEIVED,)),
        ItemQuery(statuses=(S.SOLD, S.ON_SHELF), store_ids=(ids["S02"],)),
        ItemQuery(store_ids=(ids["S01"],), grades=(Grade.A, Grade.UNSELLABLE)),
        ItemQuery(category_ids=(clothing,)),
        ItemQuery(category_ids=(cats["上衣"], cats["儿童图书"]), grades=(Grade.B,)),
        ItemQuery(donor_id=star),
        ItemQuery(date_from=today() - timedelta(days=20), date_to=today() - timedelta(days=3)),
        ItemQuery(text="羊毛开衫"),
        ItemQuery(text="羊毛"),
        ItemQuery(text="衫"),
        ItemQuery(text="黑色 2号"),
        ItemQuery(text="张三"),
        ItemQuery(text="有限公司", statuses=(S.RECEIVED, S.SORTED)),
        ItemQuery(text="服装 羽绒"),
        ItemQuery(text="s0"),
        ItemQuery(text="S02-"),
        ItemQuery(text="1", store_ids=(ids["S01"],)),
        ItemQuery(text="绘本", date_from=today() - timedelta(days=30), donor_id=star),
        ItemQuery(text="不存在的东西"),
        ItemQuery(text="囧"),
    ]


# Probe caps that send the planner down each of its paths on a small database.
PLANNER_SETTINGS = [
    pytest.param({}, id="as-shipped"),
    pytest.param({"PROBE_CAP": 3, "REPROBE_CAP": 10, "REPROBE_COST": 0}, id="tiny-caps"),
    pytest.param({"PROBE_CAP": 0, "REPROBE_CAP": 0}, id="always-walk"),
    pytest.param({"DRIVE_COST": 0}, id="always-drive"),
]


@pytest.mark.parametrize("planner", PLANNER_SETTINGS)
def test_pages_walk_every_matching_item_once_in_order(
    stocked: Database, planner: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in planner.items():
        monkeypatch.setattr(items, name, value)
    all_rows = everything(stocked)
    drivers = set()
    for query in queries(stocked):
        expected = [r.id for r in all_rows if matches(r, query, stocked)]
        pages = list(walk(stocked, query, 7))
        got = [row.id for rows in pages for row in rows]
        assert got == expected, query
        with stocked.reading() as session:
            assert items.count(session, query) == len(expected), query
            drivers.add(items.explain(session, query))
    assert "walk" in drivers
    if planner.get("DRIVE_COST") == 0:
        assert {"category", "donor", "text", "status"} <= drivers


def test_the_list_without_fts_uses_plain_substring_search(
    stocked: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PostgreSQL path (ILIKE), run on SQLite."""
    monkeypatch.setattr(items, "_uses_fts", lambda session: False)
    all_rows = everything(stocked)
    for query in queries(stocked):
        expected = [r.id for r in all_rows if matches(r, query, stocked)]
        got = [row.id for rows in walk(stocked, query, 11) for row in rows]
        assert got == expected, query
        with stocked.reading() as session:
            assert items.count(session, query) == len(expected), query


def test_a_page_has_everything_the_table_shows(stocked: Database) -> None:
    with stocked.reading() as session:
        page = items.page(session, ItemQuery(text="全新儿童羽绒服"), limit=5)
    assert len(page.rows) == 5 and page.next is not None
    row = page.rows[0]
    assert row.description.startswith("全新儿童羽绒服 ")
    assert (row.category_path, row.donor_name, row.store_code, row.status) == (
        "服装 › 童装",
        "星辰科技有限公司",
        "S01",
        row.status,
    )
    assert (row.quantity, row.unit_value_fen, row.grade) == (1, 50_00, Grade.B)


def test_search_follows_renamed_donors_categories_and_edits(stocked: Database) -> None:
    def found(words: str) -> int:
        with stocked.reading() as session:
            return items.count(session, ItemQuery(text=words))

    assert found("星辰科技") > 0
    assert found("童装") >= 30
    with stocked.transaction() as session:
        session.execute(
            update(Donor).where(Donor.name == "星辰科技有限公司").values(name="北辰集团")
        )
        kids = session.scalars(select(ItemCategory).where(ItemCategory.name == "童装")).one()
        kids.name = "儿童服装"
        item = session.scalars(select(Item).where(Item.description == "全新儿童羽绒服 3")).one()
        item.description = "二手儿童棉服 3"
    assert found("星辰科技") == 0
    assert found("北辰") == found("北辰集团") > 0
    assert found("童装") == 0
    assert found("儿童服装") >= 30
    assert found("全新儿童羽绒服") == 29
    assert found("儿童棉服") == 1
    with stocked.reading() as session:
        # The index agrees with its content (the view) after all those changes.
        session.execute(text("INSERT INTO item_search(item_search) VALUES ('integrity-check')"))


def test_lookup_is_exact(stocked: Database) -> None:
    with stocked.reading() as session:
        first = items.page(session, ItemQuery(), limit=1).rows[0]
        assert items.lookup_code(session, first.code.lower()) == first
        assert items.lookup_code(session, first.code[:-1]) is None


def test_search_terms_fold_and_deduplicate() -> None:
    assert items.search_terms(" ＡＢＣ  abc\t羊毛\x00衫 ") == ["abc", "羊毛", "衫"]
    assert items.search_terms("") == []
    assert len(items.search_terms(" ".join(str(n) for n in range(20)))) == items.MAX_TERMS


def test_a_page_is_limited(stocked: Database) -> None:
    with stocked.reading() as session:
        assert len(items.page(session, ItemQuery(), limit=0).rows) == 1
        page = items.page(session, ItemQuery(), limit=10_000)
    assert len(page.rows) == min(items.MAX_PAGE, len(everything(stocked)))


def test_dates_are_local_days(stocked: Database) -> None:
    day = today() - timedelta(days=3)
    with stocked.reading() as session:
        rows = items.page(session, ItemQuery(date_from=day, date_to=day), limit=500).rows
    assert rows and all(r.received_at.astimezone(SHANGHAI).date() == day for r in rows)
    assert replace(ItemQuery(), text="x").text == "x"
