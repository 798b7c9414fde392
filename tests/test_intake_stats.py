"""The intake dashboard: grouping, local-time months, filters, totals and exports."""

from __future__ import annotations

import csv
import random
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from sqlalchemy import event, select

from models.db import Database
from models.errors import UserError
from models.intake_stats import (
    Dimension,
    StatsRow,
    StatsTable,
    export_stats,
    intake_stats,
)
from models.schema import DonationBatch, Donor, Item, ItemCategory, Store
from models.schema.enums import DonorKind, Grade, ItemStatus

SHANGHAI = ZoneInfo("Asia/Shanghai")
GRADE_LABEL = {Grade.A: "A", Grade.B: "B", Grade.C: "C", Grade.UNSELLABLE: "不可售"}
STORE_LABEL = {"S01": "S01 静安旗舰店", "S02": "S02 徐汇店"}
DONOR_LABEL = {"individual": "个人", "corporate": "企业", "anonymous": "匿名", None: "匿名"}
LEAVES = (("服装", "上衣"), ("服装", "外套"), ("图书音像", "文学"), ("电器数码", "小家电"))
HEADERS = ("月份", "件数", "数量", "估值（元）", "已售件数", "售出金额（元）")


@dataclass(frozen=True)
class Spec:
    received_at: datetime
    store: str = "S01"
    leaf: tuple[str, str] = ("服装", "上衣")
    grade: Grade = Grade.A
    quantity: int = 1
    unit_value_fen: int = 1000
    status: ItemStatus = ItemStatus.RECEIVED
    sold_price_fen: int | None = None
    donor: str | None = "individual"  # a Donor row of this kind; None: no donor row

    def key(self, dimension: Dimension, zone: ZoneInfo = SHANGHAI) -> str:
        if dimension is Dimension.MONTH:
            return self.received_at.astimezone(zone).strftime("%Y-%m")
        if dimension is Dimension.CATEGORY:
            return self.leaf[0]
        if dimension is Dimension.SUBCATEGORY:
            return f"{self.leaf[0]} › {self.leaf[1]}"
        if dimension is Dimension.GRADE:
            return GRADE_LABEL[self.grade]
        if dimension is Dimension.STORE:
            return STORE_LABEL[self.store]
        return DONOR_LABEL[self.donor]


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def insert(database: Database, specs: list[Spec]) -> None:
    with database.transaction() as session:
        stores = {s.code: s.id for s in session.scalars(select(Store))}
        tops = {
            c.id: c.name
            for c in session.scalars(select(ItemCategory).where(ItemCategory.parent_id.is_(None)))
        }
        leaves = {
            (tops.get(c.parent_id or c.id, ""), c.name): c.id
            for c in session.scalars(
                select(ItemCategory).where(ItemCategory.parent_id.is_not(None))
            )
        }
        donors: dict[str | None, uuid.UUID | None] = {None: None}
        for kind in DonorKind:
            donor = Donor(kind=kind, name=f"捐赠人 {kind.value}")
            session.add(donor)
            session.flush()
            donors[kind.value] = donor.id
        batches: dict[tuple[str | None, str], uuid.UUID] = {}
        start = session.scalar(select(Item.id).limit(1)) is not None
        assert not start, "insert() expects an empty item table"
        for number, spec in enumerate(specs):
            batch_key = (spec.donor, spec.store)
            if batch_key not in batches:
                batch = DonationBatch(
                    receipt_no=f"R{len(batches):05d}",
                    donor_id=donors[spec.donor],
                    store_id=stores[spec.store],
                    received_on=spec.received_at.date(),
                )
                session.add(batch)
                session.flush()
                batches[batch_key] = batch.id
            session.add(
                Item(
                    code=f"{spec.store}-26-{number:06d}",
                    batch_id=batches[batch_key],
                    category_id=leaves[spec.leaf],
                    grade=spec.grade,
                    quantity=spec.quantity,
                    unit_value_fen=spec.unit_value_fen,
                    status=spec.status,
                    store_id=stores[spec.store],
                    sold_price_fen=spec.sold_price_fen,
                    received_at=spec.received_at,
                )
            )


def random_specs(count: int = 120, seed: int = 7) -> list[Spec]:
    rng = random.Random(seed)
    start = utc(2025, 12, 31, 16, 0)  # 2026-01-01 00:00 in Shanghai
    specs = []
    for _ in range(count):
        status = rng.choice(list(ItemStatus))
        sold = status is ItemStatus.SOLD
        specs.append(
            Spec(
                received_at=start + timedelta(minutes=rng.randrange(0, 150 * 24 * 60)),
                store=rng.choice(("S01", "S02")),
                leaf=rng.choice(LEAVES),
                grade=rng.choice(list(Grade)),
                quantity=rng.choice((1, 1, 1, 2, 5)),
                unit_value_fen=rng.randrange(0, 50_000),
                status=status,
                # Some sold rows have no price recorded; some unsold rows carry a
                # stale price that must not count as realised.
                sold_price_fen=rng.choice((None, rng.randrange(0, 80_000)))
                if sold or rng.random() < 0.2
                else None,
                donor=rng.choice(("individual", "corporate", "anonymous", None)),
            )
        )
    return specs


def expected(
    specs: list[Spec], dimension: Dimension, keep: Callable[[Spec], bool] = lambda s: True
) -> dict[str, tuple[int, int, int, int, int]]:
    groups: dict[str, list[int]] = {}
    for spec in specs:
        if not keep(spec):
            continue
        sums = groups.setdefault(spec.key(dimension), [0, 0, 0, 0, 0])
        sums[0] += 1
        sums[1] += spec.quantity
        sums[2] += spec.unit_value_fen * spec.quantity
        if spec.status is ItemStatus.SOLD:
            sums[3] += 1
            sums[4] += spec.sold_price_fen or 0
    return {label: (a, b, c, d, e) for label, (a, b, c, d, e) in groups.items()}


def numbers(row: StatsRow) -> tuple[int, int, int, int, int]:
    return (row.items, row.quantity, row.estimated_fen, row.sold_items, row.realised_fen)


def by_label(table: StatsTable) -> dict[str, tuple[int, int, int, int, int]]:
    return {row.label: numbers(row) for row in table.rows if row.items}


def stats(database: Database, dimension: Dimension, **filters: object) -> StatsTable:
    with database.reading() as session:
        return intake_stats(session, dimension, **filters)  # type: ignore[arg-type]


@pytest.fixture
def shop(org_database: Database) -> tuple[Database, list[Spec]]:
    specs = random_specs()
    insert(org_database, specs)
    return org_database, specs


# --- every dimension --------------------------------------------------------------


@pytest.mark.parametrize("dimension", list(Dimension))
def test_every_dimension_matches_independent_sums(
    shop: tuple[Database, list[Spec]], dimension: Dimension
) -> None:
    database, specs = shop
    table = stats(database, dimension)

    assert table.dimension is dimension
    assert by_label(table) == expected(specs, dimension)
    assert numbers(table.total) == (
        len(specs),
        sum(s.quantity for s in specs),
        sum(s.unit_value_fen * s.quantity for s in specs),
        sum(1 for s in specs if s.status is ItemStatus.SOLD),
        sum(s.sold_price_fen or 0 for s in specs if s.status is ItemStatus.SOLD),
    )
    assert (table.total.key, table.total.label) == ("total", "合计")
    for column in range(5):
        assert sum(numbers(r)[column] for r in table.rows) == numbers(table.total)[column]
    assert len({r.key for r in table.rows}) == len(table.rows)


@pytest.mark.parametrize("dimension", [d for d in Dimension if d is not Dimension.MONTH])
def test_non_month_rows_are_sorted_by_items_descending(
    shop: tuple[Database, list[Spec]], dimension: Dimension
) -> None:
    database, _specs = shop
    rows = stats(database, dimension).rows
    assert [r.items for r in rows] == sorted((r.items for r in rows), reverse=True)


def test_months_ascend_with_empty_months_filled(org_database: Database) -> None:
    insert(
        org_database,
        [Spec(utc(2026, 1, 10)), Spec(utc(2026, 4, 10), quantity=3), Spec(utc(2026, 4, 11))],
    )
    table = stats(org_database, Dimension.MONTH)
    assert [(r.key, r.label, r.items, r.quantity) for r in table.rows] == [
        ("2026-01", "2026-01", 1, 1),
        ("2026-02", "2026-02", 0, 0),
        ("2026-03", "2026-03", 0, 0),
        ("2026-04", "2026-04", 2, 4),
    ]


def test_month_follows_local_midnight_in_shanghai(org_database: Database) -> None:
    insert(
        org_database,
        [
            Spec(utc(2026, 2, 28, 15, 59)),  # 2026-02-28 23:59 local: February
            Spec(utc(2026, 2, 28, 16, 0)),  # 2026-03-01 00:00 local: March
            Spec(utc(2026, 3, 31, 15, 59, 59)),  # 23:59:59 local: still March
            Spec(utc(2026, 3, 31, 16, 30), unit_value_fen=777),  # 2026-04-01 00:30: April
            Spec(utc(2026, 12, 31, 16, 0)),  # 2027-01-01 local: across a year end
        ],
    )
    table = stats(org_database, Dimension.MONTH)
    counts = {r.key: r.items for r in table.rows if r.items}
    assert counts == {"2026-02": 1, "2026-03": 2, "2026-04": 1, "2027-01": 1}
    april = next(r for r in table.rows if r.key == "2026-04")
    assert april.estimated_fen == 777

    # The same items in UTC months.
    in_utc = stats(org_database, Dimension.MONTH, time_zone="UTC")
    counts_utc = {r.key: r.items for r in in_utc.rows if r.items}
    assert counts_utc == {"2026-02": 2, "2026-03": 2, "2026-12": 1}


def test_the_organisation_zone_is_the_default(org_database: Database) -> None:
    insert(org_database, [Spec(utc(2026, 3, 31, 16, 30))])
    assert [r.key for r in stats(org_database, Dimension.MONTH).rows] == ["2026-04"]
    assert [r.key for r in stats(org_database, Dimension.MONTH, time_zone="UTC").rows] == [
        "2026-03"
    ]


def test_a_wide_date_range_only_spans_the_data(shop: tuple[Database, list[Spec]]) -> None:
    database, specs = shop
    with statements(database) as seen:
        table = stats(
            database, Dimension.MONTH, date_from=date(1900, 1, 1), date_to=date(2999, 12, 31)
        )
    assert by_label(table) == expected(specs, Dimension.MONTH)
    assert [r.key for r in table.rows] == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]
    (grouped,) = [sql for sql in seen if "GROUP BY" in sql]
    assert grouped.split(" AS grp")[0].count("CASE") == 4  # a boundary between months


def test_many_months_bucket_correctly(org_database: Database) -> None:
    # Six years of month starts (local) and the minute before each: the nested
    # CASE must put every one of them in the right month.
    specs = []
    month = date(2021, 1, 1)
    while month < date(2027, 1, 1):
        start = datetime(month.year, month.month, 1, tzinfo=SHANGHAI).astimezone(UTC)
        specs += [Spec(start), Spec(start - timedelta(seconds=1), unit_value_fen=1)]
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    insert(org_database, specs)
    table = stats(org_database, Dimension.MONTH)
    assert by_label(table) == expected(specs, Dimension.MONTH)
    assert len(table.rows) == 6 * 12 + 1  # December 2020 holds the first "minute before"


# --- labels -----------------------------------------------------------------------


def test_labels_are_chinese_and_keys_stable(shop: tuple[Database, list[Spec]]) -> None:
    database, _specs = shop
    grades = {r.key: r.label for r in stats(database, Dimension.GRADE).rows}
    assert grades == {"A": "A", "B": "B", "C": "C", "X": "不可售"}
    donors = {r.key: r.label for r in stats(database, Dimension.DONOR_TYPE).rows}
    assert donors == {"individual": "个人", "corporate": "企业", "anonymous": "匿名"}
    stores = stats(database, Dimension.STORE).rows
    assert {r.label for r in stores} == {"S01 静安旗舰店", "S02 徐汇店"}
    assert all(uuid.UUID(r.key) for r in stores)
    tops = {r.label for r in stats(database, Dimension.CATEGORY).rows}
    assert tops == {"服装", "图书音像", "电器数码"}
    leaves = {r.label for r in stats(database, Dimension.SUBCATEGORY).rows}
    assert leaves == {"服装 › 上衣", "服装 › 外套", "图书音像 › 文学", "电器数码 › 小家电"}


def test_no_donor_row_and_anonymous_donor_are_one_group(org_database: Database) -> None:
    insert(
        org_database,
        [
            Spec(utc(2026, 3, 1), donor=None),
            Spec(utc(2026, 3, 2), donor="anonymous"),
            Spec(utc(2026, 3, 3), donor="corporate", quantity=500),
        ],
    )
    rows = stats(org_database, Dimension.DONOR_TYPE).rows
    assert [(r.label, r.items, r.quantity) for r in rows] == [("匿名", 2, 2), ("企业", 1, 500)]


def test_realised_value_counts_sold_items_only(org_database: Database) -> None:
    insert(
        org_database,
        [
            Spec(utc(2026, 3, 1), status=ItemStatus.SOLD, sold_price_fen=1500, quantity=2),
            Spec(utc(2026, 3, 1), status=ItemStatus.SOLD, sold_price_fen=None),
            Spec(utc(2026, 3, 1), status=ItemStatus.PASSED_ON, sold_price_fen=9999),
            Spec(utc(2026, 3, 1), status=ItemStatus.ON_SHELF, unit_value_fen=0),
        ],
    )
    (row,) = stats(org_database, Dimension.GRADE).rows
    assert numbers(row) == (4, 5, 2000 + 1000 + 1000 + 0, 2, 1500)


# --- filters ----------------------------------------------------------------------


def test_date_range_is_in_local_dates(org_database: Database) -> None:
    march_last = Spec(utc(2026, 3, 31, 15, 59))  # 2026-03-31 23:59 local
    april_first = Spec(utc(2026, 3, 31, 16, 30))  # 2026-04-01 00:30 local
    april_last = Spec(utc(2026, 4, 30, 15, 59))  # 2026-04-30 23:59 local
    may_first = Spec(utc(2026, 4, 30, 16, 0))  # 2026-05-01 00:00 local
    insert(org_database, [march_last, april_first, april_last, may_first])

    april = stats(
        org_database, Dimension.MONTH, date_from=date(2026, 4, 1), date_to=date(2026, 4, 30)
    )
    assert [(r.key, r.items) for r in april.rows] == [("2026-04", 2)]
    assert april.total.items == 2

    up_to_march = stats(org_database, Dimension.GRADE, date_to=date(2026, 3, 31))
    assert up_to_march.total.items == 1
    from_may = stats(org_database, Dimension.STORE, date_from=date(2026, 5, 1))
    assert from_may.total.items == 1
    one_day = stats(
        org_database, Dimension.MONTH, date_from=date(2026, 4, 1), date_to=date(2026, 4, 1)
    )
    assert one_day.total.items == 1


@pytest.mark.parametrize("dimension", list(Dimension))
def test_filters_match_independent_sums(
    shop: tuple[Database, list[Spec]], dimension: Dimension
) -> None:
    database, specs = shop
    with database.reading() as session:
        s02 = session.scalars(select(Store.id).where(Store.code == "S02")).one()
    first, last = date(2026, 2, 1), date(2026, 3, 31)

    def keep(spec: Spec) -> bool:
        day = spec.received_at.astimezone(SHANGHAI).date()
        return spec.store == "S02" and first <= day <= last

    table = stats(database, dimension, date_from=first, date_to=last, store_id=s02)
    assert by_label(table) == expected(specs, dimension, keep)
    assert table.total.items == sum(1 for s in specs if keep(s)) > 0


def test_empty_results(org_database: Database) -> None:
    for dimension in Dimension:
        table = stats(org_database, dimension)
        assert table.rows == ()
        assert numbers(table.total) == (0, 0, 0, 0, 0)
    insert(org_database, [Spec(utc(2026, 3, 1))])
    for dimension in Dimension:
        table = stats(org_database, dimension, date_from=date(2027, 1, 1))
        assert table.rows == () and table.total.items == 0
        table = stats(org_database, dimension, store_id=uuid.uuid4())
        assert table.rows == () and table.total.items == 0


def test_bad_arguments_are_user_errors(org_database: Database) -> None:
    with pytest.raises(UserError, match="start date is after the end date"):
        stats(org_database, Dimension.MONTH, date_from=date(2026, 4, 2), date_to=date(2026, 4, 1))
    with pytest.raises(UserError, match="between 1900 and 9998"):
        stats(org_database, Dimension.MONTH, date_to=date.max)
    with pytest.raises(UserError, match="between 1900 and 9998"):
        stats(org_database, Dimension.GRADE, date_from=date.min)
    with pytest.raises(UserError, match="Unknown time zone"):
        stats(org_database, Dimension.MONTH, time_zone="Mars/Olympus")


# --- efficiency -------------------------------------------------------------------


@contextmanager
def statements(database: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(conn: object, cursor: object, sql: str, *args: object) -> None:
        seen.append(" ".join(sql.split()))

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", record)


@pytest.mark.parametrize("dimension", list(Dimension))
def test_items_are_grouped_in_sql_never_loaded(
    shop: tuple[Database, list[Spec]], dimension: Dimension
) -> None:
    database, _specs = shop
    with statements(database) as seen:
        stats(database, dimension, date_from=date(2026, 1, 1), store_id=uuid.uuid4())
    on_items = [sql for sql in seen if re.search(r"FROM item\b", sql)]
    grouped = [sql for sql in on_items if "GROUP BY" in sql]
    assert len(grouped) == 1
    # Months also look up the first and last intake time (one index step each).
    others = [sql for sql in on_items if sql not in grouped]
    if dimension is Dimension.MONTH:
        assert len(others) == 2 and all("min(" in q or "max(" in q for q in others)
    else:
        assert others == []
    assert "strftime" not in grouped[0] and "date(" not in grouped[0].lower()


def test_month_case_is_sent_once(shop: tuple[Database, list[Spec]]) -> None:
    database, _specs = shop
    with statements(database) as seen:
        stats(database, Dimension.MONTH)
    (grouped,) = [sql for sql in seen if "GROUP BY" in sql]
    assert grouped.count("CASE") == grouped.split("GROUP BY")[0].count("CASE")
    assert "GROUP BY grp" in grouped


# --- export -----------------------------------------------------------------------


@pytest.fixture
def small_table(org_database: Database) -> StatsTable:
    # Category names are typed by staff: one that looks like a formula must be
    # exported as text.
    evil = '=HYPERLINK("http://x")'
    with org_database.transaction() as session:
        top = ItemCategory(name=evil)
        session.add(top)
        session.flush()
        session.add(ItemCategory(name="-1+2", parent_id=top.id))
    insert(
        org_database,
        [
            Spec(utc(2026, 3, 1), leaf=(evil, "-1+2"), unit_value_fen=12_345, quantity=2),
            Spec(utc(2026, 3, 2), status=ItemStatus.SOLD, sold_price_fen=10_000),
        ],
    )
    return stats(org_database, Dimension.CATEGORY)


def test_export_csv(small_table: StatsTable, tmp_path: Path) -> None:
    path = tmp_path / "入库统计.csv"
    export_stats(small_table, path, headers=HEADERS)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [
        list(HEADERS),
        ['\'=HYPERLINK("http://x")', "1", "2", "246.90", "0", "0.00"],
        ["服装", "1", "1", "10.00", "1", "100.00"],
        ["合计", "2", "3", "256.90", "1", "100.00"],
    ]


def test_export_xlsx(small_table: StatsTable, tmp_path: Path) -> None:
    path = tmp_path / "stats.xlsx"
    export_stats(small_table, path, headers=HEADERS)
    sheet = openpyxl.load_workbook(path).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == list(HEADERS)
    assert values[1][0] == '\'=HYPERLINK("http://x")'
    assert [v[0] for v in values[1:]] == ['\'=HYPERLINK("http://x")', "服装", "合计"]
    for row in sheet.iter_rows(min_row=2):
        label, items, quantity, estimated, sold, realised = row
        assert label.data_type == "s"
        assert all(c.data_type == "n" for c in (items, quantity, estimated, sold, realised))
        assert "¥" in estimated.number_format and "¥" in realised.number_format
    (total,) = sheet.iter_rows(min_row=4)
    assert Decimal(str(total[3].value)) == Decimal("256.90")
    assert Decimal(str(total[5].value)) == Decimal("100.00")


def test_export_needs_six_headers_and_a_known_suffix(
    small_table: StatsTable, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ValueError, match="6 headers"):
        export_stats(small_table, out / "x.csv", headers=HEADERS[:5])
    with pytest.raises(UserError):
        export_stats(small_table, out / "x.pdf", headers=HEADERS)
    with pytest.raises(UserError):
        export_stats(small_table, out / "missing" / "x.xlsx", headers=HEADERS)
    assert list(out.iterdir()) == []
