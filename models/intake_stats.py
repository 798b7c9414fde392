"""The intake dashboard: what came in, what it is worth, what it raised.

Items are counted, their estimated value (``unit_value_fen × quantity``) and
realised value (``sold_price_fen`` of sold items) summed, grouped by one
dimension: month received (in the organisation's time zone), top-level or leaf
category, grade, store or donor type. Optional filters: a range of local dates
and a store.

Everything is grouped in SQL, one aggregate query per table, so it stays quick
on millions of items. Months are not computed with SQL date functions (which
would see UTC): the month boundaries are worked out in local time, converted to
UTC, and the query buckets ``received_at`` against them with a CASE.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    case,
    func,
    literal,
    literal_column,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session, aliased

from models.clock import DEFAULT_TIME_ZONE
from models.errors import N_, UserError
from models.schema import DonationBatch, Donor, Item, ItemCategory, Organisation, Store
from models.schema.enums import DonorKind, Grade, ItemStatus
from models.spreadsheet import Column, ColumnKind, write_table


class Dimension(StrEnum):
    MONTH = "month"
    CATEGORY = "category"
    SUBCATEGORY = "subcategory"
    GRADE = "grade"
    STORE = "store"
    DONOR_TYPE = "donor_type"


@dataclass(frozen=True)
class StatsRow:
    key: str  # stable id of the group: '2026-03', a grade, a donor kind, a UUID
    label: str  # what people read: '2026-03', '不可售', '服装 › 外套', 'S01 静安旗舰店'
    items: int  # item rows (one row may hold several identical pieces)
    quantity: int  # pieces
    estimated_fen: int  # unit_value_fen × quantity
    sold_items: int  # item rows sold
    realised_fen: int  # sold_price_fen of the sold rows


@dataclass(frozen=True)
class StatsTable:
    dimension: Dimension
    rows: tuple[StatsRow, ...]
    total: StatsRow


GRADE_LABELS: dict[str, str] = {
    Grade.A.value: "A",
    Grade.B.value: "B",
    Grade.C.value: "C",
    Grade.UNSELLABLE.value: "不可售",
}
DONOR_KIND_LABELS: dict[str, str] = {
    DonorKind.INDIVIDUAL.value: "个人",
    DonorKind.CORPORATE.value: "企业",
    DonorKind.ANONYMOUS.value: "匿名",
}
TOTAL_KEY = "total"
TOTAL_LABEL = "合计"
UNKNOWN_LABEL = "（未知）"
CATEGORY_SEPARATOR = " › "
# Filter dates outside these cannot be turned into UTC instants safely.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(9998, 12, 31)

# export_stats writes these columns, in this order; the caller names them.
EXPORT_COLUMN_KINDS: tuple[ColumnKind, ...] = (
    ColumnKind.TEXT,  # label
    ColumnKind.INT,  # items
    ColumnKind.INT,  # quantity
    ColumnKind.MONEY_FEN,  # estimated value
    ColumnKind.INT,  # sold items
    ColumnKind.MONEY_FEN,  # realised value
)


# -- time ------------------------------------------------------------------------


def _zone(session: Session, time_zone: str | None) -> ZoneInfo:
    name = time_zone
    if name is None:
        name = session.scalar(select(Organisation.time_zone).limit(1)) or DEFAULT_TIME_ZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UserError(N_("Unknown time zone “{zone}”."), zone=name) from exc


def local_midnight_utc(day: date, zone: ZoneInfo) -> datetime:
    """The UTC instant at which ``day`` starts in ``zone``."""
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)


def _month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _bucket(column: Any, boundaries: Sequence[datetime], first: int = 0) -> Any:
    """A CASE giving the bucket number ``first + i`` for
    ``boundaries[i-1] <= column < boundaries[i]`` (bucket 0 below the first boundary,
    the last bucket from the last boundary on).

    The CASEs nest as a balanced binary search, so each row costs log2(buckets)
    comparisons; small integers group faster than text.
    """
    if not boundaries:
        return literal(first, Integer)
    middle = len(boundaries) // 2
    return case(
        (column < boundaries[middle], _bucket(column, boundaries[:middle], first)),
        else_=_bucket(column, boundaries[middle + 1 :], first + middle + 1),
    )


# -- the query -------------------------------------------------------------------


def _aggregates() -> tuple[Any, ...]:
    sold = Item.status == ItemStatus.SOLD
    return (
        func.count().label("items"),
        func.coalesce(func.sum(Item.quantity), 0).label("quantity"),
        func.coalesce(func.sum(Item.unit_value_fen * Item.quantity), 0).label("estimated"),
        func.coalesce(func.sum(case((sold, 1), else_=0)), 0).label("sold_items"),
        func.coalesce(func.sum(case((sold, func.coalesce(Item.sold_price_fen, 0)), else_=0)), 0),
    )


def _filters(
    zone: ZoneInfo, date_from: date | None, date_to: date | None, store_id: uuid.UUID | None
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if date_from is not None:
        conditions.append(Item.received_at >= local_midnight_utc(date_from, zone))
    if date_to is not None:
        conditions.append(Item.received_at < local_midnight_utc(_next_day(date_to), zone))
    if store_id is not None:
        conditions.append(Item.store_id == store_id)
    return conditions


def _next_day(day: date) -> date:
    return date.fromordinal(day.toordinal() + 1)


def _received_range(session: Session) -> tuple[datetime, datetime] | None:
    # Two single MIN / MAX queries: each is one step down the received_at index.
    first = session.scalar(select(func.min(Item.received_at)))
    last = session.scalar(select(func.max(Item.received_at)))
    if first is None or last is None:
        return None
    return first, last


def _month_grouping(
    session: Session, zone: ZoneInfo, date_from: date | None, date_to: date | None
) -> tuple[Any, list[str]] | None:
    """The CASE numbering items by local month (0 = the first), and every month's key."""
    found = _received_range(session)
    if found is None:
        return None
    # Only the months that can hold items: the data's span, within the filter.
    first = found[0].astimezone(zone).date()
    last = found[1].astimezone(zone).date()
    if date_from is not None:
        first = max(first, date_from)
    if date_to is not None:
        last = min(last, date_to)
    if first > last:
        return None
    months: list[date] = []
    month = _month_start(first)
    while month <= last:
        months.append(month)
        month = _next_month(month)
    # The starts of the second and later months split the range.
    boundaries = [local_midnight_utc(m, zone) for m in months[1:]]
    keys = [_month_key(m) for m in months]
    return _bucket(Item.received_at, boundaries), keys


@dataclass
class _Sums:
    items: int = 0
    quantity: int = 0
    estimated_fen: int = 0
    sold_items: int = 0
    realised_fen: int = 0

    def add(self, values: Sequence[Any]) -> None:
        self.items += int(values[0])
        self.quantity += int(values[1])
        self.estimated_fen += int(values[2])
        self.sold_items += int(values[3])
        self.realised_fen += int(values[4])

    def row(self, key: str, label: str) -> StatsRow:
        return StatsRow(
            key,
            label,
            self.items,
            self.quantity,
            self.estimated_fen,
            self.sold_items,
            self.realised_fen,
        )


def _category_labels(session: Session) -> dict[str, str]:
    """Every category's id → 'top › leaf' (or just 'top' for a top-level one)."""
    rows = session.execute(select(ItemCategory.id, ItemCategory.parent_id, ItemCategory.name))
    names: dict[uuid.UUID, tuple[uuid.UUID | None, str]] = {
        row_id: (parent_id, name) for row_id, parent_id, name in rows
    }
    labels: dict[str, str] = {}
    for row_id, (parent_id, name) in names.items():
        parent = names.get(parent_id) if parent_id is not None else None
        labels[str(row_id)] = f"{parent[1]}{CATEGORY_SEPARATOR}{name}" if parent else name
    return labels


def _store_labels(session: Session) -> dict[str, str]:
    return {
        str(row_id): f"{code} {name}"
        for row_id, code, name in session.execute(select(Store.id, Store.code, Store.name))
    }


def intake_stats(
    session: Session,
    dimension: Dimension,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    store_id: uuid.UUID | None = None,
    time_zone: str | None = None,
) -> StatsTable:
    """Items received, grouped by ``dimension``.

    ``date_from`` and ``date_to`` are local dates (both included) in
    ``time_zone`` (default: the organisation's). ``store_id`` keeps the items
    whose store (``Item.store_id``: where the item is now) is that store.
    Rows: months ascending (every month from the first to the last one with
    items, empty months included); other dimensions by items descending.
    """
    dimension = Dimension(dimension)
    for day in (date_from, date_to):
        if day is not None and not EARLIEST_DATE <= day <= LATEST_DATE:
            raise UserError(N_("Choose dates between 1900 and 9998."))
    if date_from is not None and date_to is not None and date_from > date_to:
        raise UserError(N_("The start date is after the end date."))
    zone = _zone(session, time_zone)
    conditions = _filters(zone, date_from, date_to, store_id)

    key_expr: Any
    month_keys: list[str] = []
    leaf = aliased(ItemCategory)
    if dimension is Dimension.MONTH:
        grouping = _month_grouping(session, zone, date_from, date_to)
        if grouping is None:
            return _table(dimension, [])
        key_expr, month_keys = grouping
    elif dimension is Dimension.CATEGORY:
        key_expr = func.coalesce(leaf.parent_id, leaf.id)
    elif dimension is Dimension.SUBCATEGORY:
        key_expr = Item.category_id
    elif dimension is Dimension.GRADE:
        key_expr = Item.grade
    elif dimension is Dimension.STORE:
        key_expr = Item.store_id
    else:
        key_expr = func.coalesce(type_coerce(Donor.kind, String), DonorKind.ANONYMOUS.value)

    # Grouped by the output column's name, so a long month CASE is sent once.
    query = select(key_expr.label("grp"), *_aggregates()).select_from(Item)
    if dimension is Dimension.CATEGORY:
        query = query.join(leaf, Item.category_id == leaf.id)
    elif dimension is Dimension.DONOR_TYPE:
        query = query.join(DonationBatch, Item.batch_id == DonationBatch.id).outerjoin(
            Donor, DonationBatch.donor_id == Donor.id
        )
    query = query.where(*conditions).group_by(literal_column("grp"))

    sums: dict[str, _Sums] = {}
    for key, *values in session.execute(query):
        text = month_keys[int(key)] if dimension is Dimension.MONTH else _key_text(key)
        sums.setdefault(text, _Sums()).add(values)

    labels = _labels(session, dimension)
    if dimension is Dimension.MONTH:
        present = [k for k in month_keys if k in sums]
        if present:
            span = month_keys[month_keys.index(present[0]) : month_keys.index(present[-1]) + 1]
        else:
            span = []
        rows = [sums.get(k, _Sums()).row(k, k) for k in span]
    else:
        rows = [s.row(k, labels.get(k, UNKNOWN_LABEL)) for k, s in sums.items()]
        rows.sort(key=lambda r: (-r.items, r.label, r.key))
    return _table(dimension, rows)


def _key_text(key: Any) -> str:
    if isinstance(key, StrEnum):
        return key.value
    return str(key)


def _labels(session: Session, dimension: Dimension) -> dict[str, str]:
    if dimension in (Dimension.CATEGORY, Dimension.SUBCATEGORY):
        return _category_labels(session)
    if dimension is Dimension.STORE:
        return _store_labels(session)
    if dimension is Dimension.GRADE:
        return GRADE_LABELS
    if dimension is Dimension.DONOR_TYPE:
        return DONOR_KIND_LABELS
    return {}


def _table(dimension: Dimension, rows: Sequence[StatsRow]) -> StatsTable:
    total = _Sums()
    for row in rows:
        total.add((row.items, row.quantity, row.estimated_fen, row.sold_items, row.realised_fen))
    return StatsTable(dimension, tuple(rows), total.row(TOTAL_KEY, TOTAL_LABEL))


# -- export ----------------------------------------------------------------------


def export_stats(
    table: StatsTable,
    path: Path,
    *,
    headers: Sequence[str],
    sheet_title: str = "入库统计",
) -> None:
    """Write ``table`` (its rows, then the total) as .csv or .xlsx, by the suffix of ``path``.

    ``headers`` name the six columns, in order: label, items, quantity,
    estimated value, sold items, realised value (money in yuan).
    """
    if len(headers) != len(EXPORT_COLUMN_KINDS):
        raise ValueError(f"export_stats needs {len(EXPORT_COLUMN_KINDS)} headers")
    columns = [Column(h, kind) for h, kind in zip(headers, EXPORT_COLUMN_KINDS, strict=True)]
    rows = (
        (r.label, r.items, r.quantity, r.estimated_fen, r.sold_items, r.realised_fen)
        for r in (*table.rows, table.total)
    )
    write_table(path, columns, rows, sheet_title=sheet_title)
