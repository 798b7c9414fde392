"""Items: their lifecycle as append-only events, their detail, and the item list.

Lifecycle. Every change is a new ``ItemEvent`` row; ``Item.status``, ``store_id`` and
``sold_price_fen`` are a cache of the events, updated in the same transaction
(``derive_state`` recomputes them from the events alone)::

    received ──→ sorted ──→ on_shelf ──→ sold (with its price)
    received ─────────────→ on_shelf
    received | sorted | on_shelf ──→ passed_on (recipient) | recycled | discarded

``transferred`` moves a not-yet-final item to another store and keeps its status;
``note`` and ``label_printed`` keep both. A final item (sold, passed on, recycled,
discarded) accepts nothing more.

Item list. ``page`` pages with a keyset on ``(received_at DESC, id DESC)`` — never
OFFSET — so a lazy table model fetches 200 rows at a time out of millions. Each search
word must be a substring of the item's code, description, category path or donor
name. On SQLite the FTS5 table ``item_search`` (trigram tokenizer, made by migration
0003) answers for code, description and donor, and the few dozen category paths are
matched here; elsewhere it is ILIKE. A small planner (``_plan``) counts each filter
(capped) and reads either along the received_at index or through the most selective
filter first, so every page stays fast on millions of items.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple, Protocol

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    TextClause,
    and_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    text,
    tuple_,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.expression import UnaryExpression

from models.clock import utcnow
from models.errors import N_, UserError
from models.intake import category_table, org_zone, staff_id_for
from models.photos import PhotoRow, photo_rows
from models.schema import DonationBatch, Donor, Item, ItemEvent, Staff, Store
from models.schema.enums import Grade, ItemEventKind, ItemStatus

# --------------------------------------------------------------------------- schema

# Schema objects that migration 0003 makes with raw SQL and the ORM does not declare:
# the FTS5 search table with its shadow tables, its content view and vocabulary
# table, and the keyset index.
SEARCH_TABLE = "item_search"
SQL_ONLY_TABLES = frozenset(
    {
        SEARCH_TABLE,
        f"{SEARCH_TABLE}_config",
        f"{SEARCH_TABLE}_content",
        f"{SEARCH_TABLE}_data",
        f"{SEARCH_TABLE}_docsize",
        f"{SEARCH_TABLE}_idx",
        f"{SEARCH_TABLE}_source",
        f"{SEARCH_TABLE}_vocab",
    }
)
SQL_ONLY_INDEXES = frozenset({"ix_item_received_at_id"})


def is_sql_only_object(name: str | None, type_: str) -> bool:
    """True for the search objects of migration 0003 (autogenerate must skip them)."""
    if type_ == "table":
        return name in SQL_ONLY_TABLES
    if type_ == "index":
        return name in SQL_ONLY_INDEXES
    return False


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic ``include_name`` hook: leave the raw-SQL search objects alone."""
    return not is_sql_only_object(name, type_)


# --------------------------------------------------------------------------- lifecycle

FINAL_STATUSES = frozenset(
    {ItemStatus.SOLD, ItemStatus.PASSED_ON, ItemStatus.RECYCLED, ItemStatus.DISCARDED}
)
_DISPOSALS = {
    ItemEventKind.PASSED_ON: ItemStatus.PASSED_ON,
    ItemEventKind.RECYCLED: ItemStatus.RECYCLED,
    ItemEventKind.DISCARDED: ItemStatus.DISCARDED,
}
# Status-changing events allowed in each status, and the status they lead to.
TRANSITIONS: Mapping[ItemStatus, Mapping[ItemEventKind, ItemStatus]] = {
    ItemStatus.RECEIVED: {
        ItemEventKind.SORTED: ItemStatus.SORTED,
        ItemEventKind.SHELVED: ItemStatus.ON_SHELF,
        **_DISPOSALS,
    },
    ItemStatus.SORTED: {ItemEventKind.SHELVED: ItemStatus.ON_SHELF, **_DISPOSALS},
    ItemStatus.ON_SHELF: {ItemEventKind.SOLD: ItemStatus.SOLD, **_DISPOSALS},
}
# Events that keep the status (allowed while the item is not final).
KEEPING_EVENTS = frozenset(
    {ItemEventKind.TRANSFERRED, ItemEventKind.NOTE, ItemEventKind.LABEL_PRINTED}
)
MAX_PRICE_FEN = 1_000_000 * 100


class InvalidHistory(ValueError):
    """A sequence of events that the lifecycle does not allow (a bug or a bad import)."""


class EventLike(Protocol):
    """What ``derive_state`` reads of an event (an ItemEvent row or an EventFact)."""

    @property
    def kind(self) -> ItemEventKind: ...
    @property
    def store_id(self) -> uuid.UUID: ...
    @property
    def to_store_id(self) -> uuid.UUID | None: ...
    @property
    def price_fen(self) -> int | None: ...


@dataclass(frozen=True)
class EventFact:
    kind: ItemEventKind
    store_id: uuid.UUID
    to_store_id: uuid.UUID | None = None
    price_fen: int | None = None


class ItemState(NamedTuple):
    status: ItemStatus
    store_id: uuid.UUID
    sold_price_fen: int | None


def derive_state(events: Iterable[EventLike]) -> ItemState:
    """The item's status, store and sale price from its events, oldest first."""
    state: ItemState | None = None
    for number, item_event in enumerate(events, start=1):
        kind = ItemEventKind(item_event.kind)
        if state is None:
            if kind is not ItemEventKind.RECEIVED:
                raise InvalidHistory(f"event 1 is {kind.value}, not received")
            state = ItemState(ItemStatus.RECEIVED, item_event.store_id, None)
            continue
        if kind is ItemEventKind.RECEIVED:
            raise InvalidHistory(f"event {number}: received twice")
        if state.status in FINAL_STATUSES:
            raise InvalidHistory(f"event {number}: {kind.value} after {state.status.value}")
        if kind is ItemEventKind.TRANSFERRED:
            if item_event.to_store_id is None:
                raise InvalidHistory(f"event {number}: transfer without a store")
            state = state._replace(store_id=item_event.to_store_id)
        elif kind not in KEEPING_EVENTS:
            status = TRANSITIONS[state.status].get(kind)
            if status is None:
                raise InvalidHistory(f"event {number}: {kind.value} from {state.status.value}")
            price = item_event.price_fen if status is ItemStatus.SOLD else state.sold_price_fen
            state = state._replace(status=status, sold_price_fen=price)
    if state is None:
        raise InvalidHistory("no events")
    return state


_ACTION_ORDER = (
    ItemEventKind.SORTED,
    ItemEventKind.SHELVED,
    ItemEventKind.SOLD,
    ItemEventKind.PASSED_ON,
    ItemEventKind.RECYCLED,
    ItemEventKind.DISCARDED,
)


def next_actions(status: ItemStatus) -> tuple[ItemEventKind, ...]:
    """What staff can record next for an item in ``status``, main path first.

    ``label_printed`` is left out: the label printer records it.
    """
    allowed = TRANSITIONS.get(ItemStatus(status))
    if not allowed:
        return ()
    return (
        *(kind for kind in _ACTION_ORDER if kind in allowed),
        ItemEventKind.TRANSFERRED,
        ItemEventKind.NOTE,
    )


@dataclass(frozen=True)
class ItemChange:
    """What ``record_event`` changed."""

    item_id: uuid.UUID
    code: str
    event_id: uuid.UUID
    kind: ItemEventKind
    at: datetime
    status_before: ItemStatus
    status: ItemStatus
    store_id_before: uuid.UUID
    store_id: uuid.UUID
    sold_price_fen: int | None


_FINAL_MESSAGES = {
    ItemStatus.SOLD: N_("Item {code} has been sold; nothing more can be recorded for it."),
    ItemStatus.PASSED_ON: N_(
        "Item {code} has been passed on; nothing more can be recorded for it."
    ),
    ItemStatus.RECYCLED: N_("Item {code} has been recycled; nothing more can be recorded for it."),
    ItemStatus.DISCARDED: N_(
        "Item {code} has been discarded; nothing more can be recorded for it."
    ),
}


def normalise_code(code: str) -> str:
    """An item code as typed or scanned: full-width folded, trimmed, upper case."""
    return unicodedata.normalize("NFKC", code or "").strip().upper()


def _refuse_transition(code: str, status: ItemStatus, kind: ItemEventKind) -> UserError:
    params: dict[str, Any] = {"code": code, "status": status.value, "event": kind.value}
    if kind is ItemEventKind.RECEIVED:
        return UserError(
            N_("Item {code} was received at intake; it cannot be received again."), **params
        )
    if kind is ItemEventKind.SOLD:
        return UserError(
            N_("Item {code} is not on the shelf yet; shelve it before recording a sale."),
            **params,
        )
    if kind is ItemEventKind.SORTED and status is ItemStatus.SORTED:
        return UserError(N_("Item {code} has already been sorted."), **params)
    if kind is ItemEventKind.SORTED:
        return UserError(
            N_("Item {code} is already on the shelf; it cannot go back to sorting."), **params
        )
    if kind is ItemEventKind.SHELVED:
        return UserError(N_("Item {code} is already on the shelf."), **params)
    return UserError(  # pragma: no cover - every refusal above is specific
        N_("Item {code} ({status}) cannot take the event “{event}”."), **params
    )


def _optional_text(value: str | None, limit: int, message: str) -> str | None:
    cleaned = (value or "").strip()
    if len(cleaned) > limit:
        raise UserError(message, limit=limit)
    return cleaned or None


def record_event(
    session: Session,
    item_code: str,
    kind: ItemEventKind,
    *,
    staff: str,
    store_id: uuid.UUID | None = None,
    price_fen: int | None = None,
    to_store_id: uuid.UUID | None = None,
    recipient: str | None = None,
    note: str | None = None,
) -> ItemChange:
    """Append one event to an item and update its cached state, in the caller's transaction.

    ``store_id`` is where it happens (default: the item's store; another store is
    refused — record a transfer first). ``sold`` needs ``price_fen``, ``passed_on``
    a ``recipient``, ``transferred`` a ``to_store_id``, ``note`` a ``note``.
    """
    kind = ItemEventKind(kind)
    code = normalise_code(item_code)
    item = session.scalars(select(Item).where(Item.code == code).with_for_update()).first()
    if item is None:
        raise UserError(N_("No item has the code “{code}”."), code=code)
    status_before, store_before = item.status, item.store_id
    if status_before in FINAL_STATUSES:
        raise UserError(_FINAL_MESSAGES[status_before], code=code, status=status_before.value)
    new_status = status_before
    if kind not in KEEPING_EVENTS:
        target = TRANSITIONS[status_before].get(kind)
        if target is None:
            raise _refuse_transition(code, status_before, kind)
        new_status = target
    if store_id is not None and store_id != store_before:
        here = session.get(Store, store_id)
        there = session.get(Store, store_before)
        raise UserError(
            N_(
                "Item {code} is recorded at store {store}, not at {here}; "
                "record its transfer first."
            ),
            code=code,
            store=there.code if there else "?",
            here=here.code if here else "?",
        )
    if price_fen is not None and kind is not ItemEventKind.SOLD:
        raise ValueError("a price goes with a sale only")
    if to_store_id is not None and kind is not ItemEventKind.TRANSFERRED:
        raise ValueError("a destination store goes with a transfer only")
    recipient = _optional_text(
        recipient, 200, N_("The recipient's name has at most {limit} characters.")
    )
    note = _optional_text(note, 2000, N_("A note has at most {limit} characters."))
    if kind is ItemEventKind.SOLD and (
        price_fen is None
        or isinstance(price_fen, bool)
        or not isinstance(price_fen, int)
        or not 1 <= price_fen <= MAX_PRICE_FEN
    ):
        raise UserError(
            N_("Enter the price item {code} sold for (¥0.01 to ¥1,000,000)."), code=code
        )
    if kind is ItemEventKind.PASSED_ON and recipient is None:
        raise UserError(
            N_("Enter who received item {code} (a person or an organisation)."), code=code
        )
    if kind is ItemEventKind.NOTE and note is None:
        raise UserError(N_("Write the note for item {code}."), code=code)
    new_store = store_before
    if kind is ItemEventKind.TRANSFERRED:
        destination = None if to_store_id is None else session.get(Store, to_store_id)
        if destination is None:
            raise UserError(N_("Choose the store that item {code} goes to."), code=code)
        if not destination.active:
            raise UserError(
                N_("Store {store} is closed; choose another store."), store=destination.code
            )
        if destination.id == store_before:
            raise UserError(
                N_("Item {code} is already at store {store}."), code=code, store=destination.code
            )
        new_store = destination.id

    staff_id = staff_id_for(session, staff)
    # Events of an item stay in order even if the clock stepped back.
    last_at = session.scalar(select(func.max(ItemEvent.at)).where(ItemEvent.item_id == item.id))
    at = utcnow()
    if last_at is not None and at <= last_at:
        at = last_at + timedelta(microseconds=1)
    row = ItemEvent(
        item_id=item.id,
        kind=kind,
        at=at,
        staff_id=staff_id,
        store_id=store_before,
        to_store_id=new_store if kind is ItemEventKind.TRANSFERRED else None,
        price_fen=price_fen if kind is ItemEventKind.SOLD else None,
        recipient=recipient,
        note=note,
    )
    session.add(row)
    item.status = new_status
    item.store_id = new_store
    if kind is ItemEventKind.SOLD:
        item.sold_price_fen = price_fen
    if kind is ItemEventKind.LABEL_PRINTED:
        item.labelled_at = at
    session.flush()
    return ItemChange(
        item_id=item.id,
        code=code,
        event_id=row.id,
        kind=kind,
        at=at,
        status_before=status_before,
        status=new_status,
        store_id_before=store_before,
        store_id=new_store,
        sold_price_fen=item.sold_price_fen,
    )


# --------------------------------------------------------------------------- detail


@dataclass(frozen=True)
class HistoryEntry:
    id: uuid.UUID
    kind: ItemEventKind
    at: datetime
    staff_name: str | None
    store_code: str
    store_name: str
    to_store_code: str | None
    price_fen: int | None
    recipient: str | None
    note: str | None


@dataclass(frozen=True)
class ItemDetail:
    id: uuid.UUID
    code: str
    status: ItemStatus
    category_id: uuid.UUID
    category_path: str
    grade: Grade
    description: str
    quantity: int
    unit_value_fen: int
    total_value_fen: int  # quantity × unit value
    store_id: uuid.UUID
    store_code: str
    store_name: str
    donor_id: uuid.UUID | None
    donor_name: str | None  # None: anonymous
    batch_id: uuid.UUID
    receipt_no: str
    received_on: date
    received_at: datetime
    labelled_at: datetime | None
    sold_price_fen: int | None
    history: tuple[HistoryEntry, ...]  # oldest first
    photos: tuple[PhotoRow, ...]
    next_actions: tuple[ItemEventKind, ...]


def item_detail(session: Session, code: str) -> ItemDetail | None:
    """Everything about one item, for its detail view; None if no item has the code."""
    item = session.scalars(select(Item).where(Item.code == normalise_code(code))).first()
    if item is None:
        return None
    batch = session.get(DonationBatch, item.batch_id)
    assert batch is not None  # a foreign key
    donor = None if batch.donor_id is None else session.get(Donor, batch.donor_id)
    stores = {s.id: s for s in session.scalars(select(Store))}
    categories = category_table(session)
    category = categories.get(item.category_id)
    events = session.execute(
        select(ItemEvent, Staff.name)
        .outerjoin(Staff, Staff.id == ItemEvent.staff_id)
        .where(ItemEvent.item_id == item.id)
        .order_by(ItemEvent.at, ItemEvent.id)
    ).all()
    history = tuple(
        HistoryEntry(
            id=row.id,
            kind=row.kind,
            at=row.at,
            staff_name=staff_name,
            store_code=stores[row.store_id].code if row.store_id in stores else "?",
            store_name=stores[row.store_id].name if row.store_id in stores else "?",
            to_store_code=(stores[row.to_store_id].code if row.to_store_id in stores else None),
            price_fen=row.price_fen,
            recipient=row.recipient,
            note=row.note,
        )
        for row, staff_name in events
    )
    store = stores.get(item.store_id)
    return ItemDetail(
        id=item.id,
        code=item.code,
        status=item.status,
        category_id=item.category_id,
        category_path=category.path if category else "?",
        grade=item.grade,
        description=item.description,
        quantity=item.quantity,
        unit_value_fen=item.unit_value_fen,
        total_value_fen=item.quantity * item.unit_value_fen,
        store_id=item.store_id,
        store_code=store.code if store else "?",
        store_name=store.name if store else "?",
        donor_id=batch.donor_id,
        donor_name=donor.name if donor else None,
        batch_id=batch.id,
        receipt_no=batch.receipt_no,
        received_on=batch.received_on,
        received_at=item.received_at,
        labelled_at=item.labelled_at,
        sold_price_fen=item.sold_price_fen,
        history=history,
        photos=tuple(photo_rows(session, item.id)),
        next_actions=next_actions(item.status),
    )


# --------------------------------------------------------------------------- the list

DEFAULT_PAGE = 200
MAX_PAGE = 2000
# A filter that matches at most PROBE_CAP items may drive the query (its own index,
# then a sort); counting further is not worth the time.
PROBE_CAP = 50_000
# When walking looks costly and filters are common, they are counted up to this many.
REPROBE_CAP = 1_000_000
REPROBE_COST = 200_000
# What a filter counted no further than the cap is assumed to keep.
CAPPED_DENSITY = 0.1
# Costs per row relative to walking the (received_at, id) index and checking the row
# (measured on SQLite): reaching a row through a filter index and sorting it, and the
# substring check of the words through item_search_source.
DRIVE_COST = 3
TEXT_CHECK_COST = 5
MAX_TERMS = 8
MAX_EXPANSIONS = 400
_ROWID = literal_column("item.rowid", Integer)

Condition = ColumnElement[bool] | TextClause


@dataclass(frozen=True)
class ItemQuery:
    """What the item list shows; empty fields do not filter."""

    statuses: tuple[ItemStatus, ...] = ()
    category_ids: tuple[uuid.UUID, ...] = ()  # leaf, or top-level (= all its leaves)
    grades: tuple[Grade, ...] = ()
    store_ids: tuple[uuid.UUID, ...] = ()
    date_from: date | None = None  # received on or after (organisation's local date)
    date_to: date | None = None  # received on or before (local date)
    donor_id: uuid.UUID | None = None
    text: str = ""  # words that must all appear in code, description, category or donor
    batch_id: uuid.UUID | None = None


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: after the item with this (received_at, id)."""

    received_at: datetime
    id: uuid.UUID


@dataclass(frozen=True)
class ItemRow:
    id: uuid.UUID
    code: str
    status: ItemStatus
    category_id: uuid.UUID
    category_path: str
    grade: Grade
    description: str
    quantity: int
    unit_value_fen: int
    store_id: uuid.UUID
    store_code: str
    received_at: datetime
    sold_price_fen: int | None
    labelled_at: datetime | None
    batch_id: uuid.UUID
    donor_name: str | None  # None: anonymous


@dataclass(frozen=True)
class Page:
    rows: list[ItemRow]
    next: Cursor | None  # None: this was the last page


_ROW_COLUMNS = (
    Item.id,
    Item.code,
    Item.status,
    Item.category_id,
    Item.grade,
    Item.description,
    Item.quantity,
    Item.unit_value_fen,
    Item.store_id,
    Item.received_at,
    Item.sold_price_fen,
    Item.labelled_at,
    Item.batch_id,
)


def _rows(session: Session, raw: Sequence[Any]) -> list[ItemRow]:
    """Plain rows for the GUI, with category paths, store codes and donor names."""
    if not raw:
        return []
    categories = category_table(session)
    stores = {store_id: code for store_id, code in session.execute(select(Store.id, Store.code))}
    donors = {
        batch_id: name
        for batch_id, name in session.execute(
            select(DonationBatch.id, Donor.name)
            .join(Donor, Donor.id == DonationBatch.donor_id)
            .where(DonationBatch.id.in_({row.batch_id for row in raw}))
        )
    }
    result = []
    for row in raw:
        category = categories.get(row.category_id)
        result.append(
            ItemRow(
                id=row.id,
                code=row.code,
                status=row.status,
                category_id=row.category_id,
                category_path=category.path if category else "?",
                grade=row.grade,
                description=row.description,
                quantity=row.quantity,
                unit_value_fen=row.unit_value_fen,
                store_id=row.store_id,
                store_code=stores.get(row.store_id, "?"),
                received_at=row.received_at,
                sold_price_fen=row.sold_price_fen,
                labelled_at=row.labelled_at,
                batch_id=row.batch_id,
                donor_name=donors.get(row.batch_id),
            )
        )
    return result


def lookup_code(session: Session, code: str) -> ItemRow | None:
    """The item with exactly this code (through the unique index), or None."""
    raw = session.execute(select(*_ROW_COLUMNS).where(Item.code == normalise_code(code))).all()
    rows = _rows(session, raw)
    return rows[0] if rows else None


# ----- filters


def _hidden(column: Any) -> Any:
    """``+column``: the same value, but SQLite will not use an index for it."""
    return UnaryExpression(column, operator=operators.custom_op("+"), type_=column.type)


class _Count(NamedTuple):
    number: int
    capped: bool  # counted no further than the cap: there are more


class _Filter(NamedTuple):
    name: str
    plain: Condition  # may use its index (or the FTS index)
    hidden: Condition  # the same test with indexes ruled out (SQLite): a lookup per row
    check: Condition | None  # for words: a substring test per row, for common words
    counter: Callable[[int], int] | None  # matching items up to a cap (None: not counted)
    drives: bool  # reading its index first is a way to answer the query
    # For words: the size of the FTS result ``hidden`` looks rows up in (None: no such
    # result, ``check`` always). A large one is not worth building: ``check`` instead.
    lookup_size: Callable[[int], int] | None = None


def _capped_count(session: Session, condition: Condition, cap: int) -> int:
    """How many items match, counting no further than ``cap`` + 1."""
    capped: Select[Any] = select(literal_column("1")).select_from(Item).where(condition)
    total = session.scalar(select(func.count()).select_from(capped.limit(cap + 1).subquery()))
    return int(total or 0)


def _fts_count(session: Session, match: str, cap: int) -> int:
    capped = _fts_rowids(match).limit(cap + 1).subquery()
    return int(session.scalar(select(func.count()).select_from(capped)) or 0)


def _counter(session: Session, condition: Condition) -> Callable[[int], int]:
    return lambda cap: _capped_count(session, condition, cap)


def _fts_counter(session: Session, match: str | None) -> Callable[[int], int]:
    if match is None:
        return lambda cap: 0
    return lambda cap: _fts_count(session, match, cap)


def _in_filter(session: Session, name: str, column: Any, values: Sequence[Any]) -> _Filter:
    plain = column.in_(list(values))
    hidden = _hidden(column).in_(list(values))
    return _Filter(name, plain, hidden, None, _counter(session, plain), True)


def _category_ids(session: Session, wanted: Sequence[uuid.UUID]) -> list[uuid.UUID]:
    """The categories asked for, and every leaf of a top-level category asked for."""
    table = category_table(session)
    chosen = set(wanted)
    groups = {c.name for c in table.values() if not c.is_leaf and c.id in chosen}
    ids = {c.id for c in table.values() if c.is_leaf and c.path.split(" › ")[0] in groups}
    return sorted(ids | chosen, key=str)


def _filters(session: Session, query: ItemQuery, cursor: Cursor | None = None) -> list[_Filter]:
    """The query's filters other than its words."""
    filters: list[_Filter] = []
    statuses = [ItemStatus(s) for s in query.statuses]
    if statuses and query.store_ids:
        # Both are in one index, ix_item_status_store.
        plain = and_(Item.status.in_(statuses), Item.store_id.in_(query.store_ids))
        hidden = and_(
            _hidden(Item.status).in_(statuses), _hidden(Item.store_id).in_(query.store_ids)
        )
        filters.append(_Filter("status_store", plain, hidden, None, _counter(session, plain), True))
    elif statuses:
        filters.append(_in_filter(session, "status", Item.status, statuses))
    elif query.store_ids:
        filters.append(_in_filter(session, "store", Item.store_id, query.store_ids))
    if query.category_ids:
        ids = _category_ids(session, query.category_ids)
        filters.append(_in_filter(session, "category", Item.category_id, ids))
    if query.grades:
        grades = [Grade(g) for g in query.grades]
        filters.append(_in_filter(session, "grade", Item.grade, grades))
    if query.donor_id is not None:
        batches = select(DonationBatch.id).where(DonationBatch.donor_id == query.donor_id)
        plain = Item.batch_id.in_(batches)
        hidden = _hidden(Item.batch_id).in_(batches)
        filters.append(_Filter("donor", plain, hidden, None, _counter(session, plain), True))
    if query.batch_id is not None:
        filters.append(_in_filter(session, "batch", Item.batch_id, [query.batch_id]))
    if query.date_from is not None or query.date_to is not None:
        zone = org_zone(session)
        bounds: list[ColumnElement[bool]] = []
        hidden_bounds: list[ColumnElement[bool]] = []
        if query.date_from is not None:
            start = datetime.combine(query.date_from, time(), tzinfo=zone)
            bounds.append(Item.received_at >= start)
            hidden_bounds.append(_hidden(Item.received_at) >= start)
        if query.date_to is not None:
            end = datetime.combine(query.date_to + timedelta(days=1), time(), tzinfo=zone)
            # After a cursor below the end, the keyset is the tighter bound: SQLite
            # uses one upper bound for the index range, so leave this one out.
            if cursor is None or cursor.received_at >= end:
                bounds.append(Item.received_at < end)
                hidden_bounds.append(_hidden(Item.received_at) < end)
        if bounds:
            # The walk reads the date range from its own index: never a driver.
            plain = and_(*bounds)
            filters.append(
                _Filter("date", plain, and_(*hidden_bounds), None, _counter(session, plain), False)
            )
    return filters


def _keyset(cursor: Cursor | None, hide: bool) -> list[Condition]:
    if cursor is None:
        return []
    received = bindparam(None, cursor.received_at, type_=Item.received_at.type)
    item_id = bindparam(None, cursor.id, type_=Item.id.type)
    if hide:
        return [tuple_(_hidden(Item.received_at), _hidden(Item.id)) < tuple_(received, item_id)]
    return [tuple_(Item.received_at, Item.id) < tuple_(received, item_id)]


def _order(hide: bool) -> list[Any]:
    first = _hidden(Item.received_at) if hide else Item.received_at
    return [first.desc(), Item.id.desc()]


# ----- words


def search_terms(text: str) -> list[str]:
    """The words of a search, folded (NFKC, lower case), each once, at most 8."""
    folded = unicodedata.normalize("NFKC", text or "").lower()
    folded = "".join(ch if ch.isprintable() else " " for ch in folded)
    terms: list[str] = []
    for term in folded.split():
        if term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _uses_fts(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _term_match(session: Session, term: str) -> str | None:
    """The FTS5 query for one word; None if no indexed text can contain it.

    A word of 3+ characters is a trigram phrase (an exact substring). A word of 1 or
    2 characters is the OR of the indexed trigrams that start with it: every indexed
    value ends with two spaces, so each of its substrings starts some trigram.
    """
    if len(term) >= 3:
        return _quote(term)
    expansions = (
        session.execute(
            text(
                "SELECT term FROM item_search_vocab WHERE term >= :low AND term < :high LIMIT :cap"
            ),
            {"low": term, "high": term + "\U0010ffff", "cap": MAX_EXPANSIONS},
        )
        .scalars()
        .all()
    )
    if not expansions:
        return None
    return "(" + " OR ".join(_quote(e) for e in expansions) + ")"


def _fts_rowids(match: str) -> Any:
    """SELECT rowid FROM item_search WHERE item_search MATCH :match."""
    return (
        select(literal_column("rowid", Integer))
        .select_from(text(SEARCH_TABLE))
        .where(
            # unique: one statement may hold several of these subqueries.
            text(f"{SEARCH_TABLE} MATCH :fts_match").bindparams(
                bindparam("fts_match", match, unique=True)
            )
        )
    )


def _substring_check(session: Session, terms: Sequence[str]) -> Condition:
    """Every word is a substring of the item's code, description, category or donor.

    On SQLite this reads the text of item_search_source (the FTS index's content and
    the category path), one item at a time: cheap when most items match.
    """
    if _uses_fts(session):
        haystack = "lower(s.code || s.description || s.category || s.donor)"
        checks = " AND ".join(f"instr({haystack}, :term_{n}) > 0" for n in range(len(terms)))
        # Only fixed text and term numbers go into the SQL; the words are bound.
        return text(
            "EXISTS (SELECT 1 FROM item_search_source AS s "  # noqa: S608
            f"WHERE s.item_rowid = item.rowid AND {checks})"
        ).bindparams(*(bindparam(f"term_{n}", term, unique=True) for n, term in enumerate(terms)))
    return and_(*(_ilike(session, term) for term in terms))


def _ilike(session: Session, term: str) -> ColumnElement[bool]:
    pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    categories = [c.id for c in category_table(session).values() if term in c.path.lower()]
    donors = (
        select(DonationBatch.id)
        .join(Donor, Donor.id == DonationBatch.donor_id)
        .where(Donor.name.ilike(pattern, escape="\\"))
    )
    return or_(
        Item.code.ilike(pattern, escape="\\"),
        Item.description.ilike(pattern, escape="\\"),
        Item.category_id.in_(categories),
        Item.batch_id.in_(donors),
    )


def _word_filters(session: Session, raw: str) -> list[_Filter] | None:
    """Filters for the search words; None when no item can match them.

    On SQLite: one filter for the words the FTS index answers alone; one per word
    that also names a category (category paths are not indexed: the few dozen of
    them are matched here, so renaming a category re-indexes nothing); and a plain
    substring test for single letters and digits (in nearly every code).
    """
    terms = search_terms(raw)
    if not terms:
        return []
    if not _uses_fts(session):
        both = and_(*(_ilike(session, term) for term in terms))
        return [_Filter("words", both, both, both, None, False)]
    paths = category_table(session).values()
    filters: list[_Filter] = []
    indexed: list[str] = []
    matches: list[str] = []
    letters: list[str] = []
    for term in terms:
        if len(term) == 1 and term.isascii():
            letters.append(term)
            continue
        match = _term_match(session, term)
        categories = [c.id for c in paths if term in c.path.lower()]
        if not categories:
            if match is None:
                return None
            indexed.append(term)
            matches.append(match)
            continue
        by_category: ColumnElement[bool] = Item.category_id.in_(categories)
        by_category_hidden: ColumnElement[bool] = _hidden(Item.category_id).in_(categories)
        plain: ColumnElement[bool]
        hidden: ColumnElement[bool]
        if match is None:
            plain, hidden = by_category, by_category_hidden
        else:
            plain = or_(by_category, _ROWID.in_(_fts_rowids(match)))
            hidden = or_(by_category_hidden, _hidden(_ROWID).in_(_fts_rowids(match)))
        filters.append(
            _Filter(
                f"word {term}",
                plain,
                hidden,
                _substring_check(session, [term]),
                _counter(session, plain),
                True,
                _fts_counter(session, match),
            )
        )
    if matches:
        match = " AND ".join(matches)
        filters.insert(
            0,
            _Filter(
                "text",
                _ROWID.in_(_fts_rowids(match)),
                _hidden(_ROWID).in_(_fts_rowids(match)),
                _substring_check(session, indexed),
                _fts_counter(session, match),
                True,
                _fts_counter(session, match),
            ),
        )
    if letters:
        check = _substring_check(session, letters)
        filters.append(_Filter("letters", check, check, check, None, False))
    return filters


# ----- planning (SQLite)


class _Plan(NamedTuple):
    driver: str  # "walk" (the received_at index) or the name of the filter read first
    conditions: list[Condition]
    hide_order: bool


def _checked(f: _Filter, lookups: Mapping[str, _Count]) -> bool:
    """Whether a filter is tested per row with its substring check (common words)."""
    size = lookups.get(f.name)
    return f.check is not None and (size is None or size.capped)


def _choose(
    filters: Sequence[_Filter],
    counts: Mapping[str, _Count],
    lookups: Mapping[str, _Count],
    total: int,
    limit: int,
    cap: int,
) -> tuple[str, float]:
    """The cheapest driver and its estimated cost (in rows walked), filters independent."""
    density = 1.0
    for f in filters:
        count = counts.get(f.name)
        if count is None or f.name == "date":
            continue
        if count.capped:  # assume a filter counted no further is common
            density *= max(cap / total, CAPPED_DENSITY)
        else:
            density *= min(count.number, total) / total
    walk_rows = (limit + 1) / max(density, 1 / total)
    date = counts.get("date")
    if date is not None and not date.capped:
        walk_rows = min(walk_rows, date.number)
    check = TEXT_CHECK_COST if any(_checked(f, lookups) for f in filters) else 0
    best, best_cost = "walk", walk_rows * (1 + check)
    for f in filters:
        count = counts.get(f.name)
        if not f.drives or count is None or count.capped:
            continue
        others = any(_checked(g, lookups) for g in filters if g is not f)
        cost = count.number * (DRIVE_COST + (TEXT_CHECK_COST if others else 0))
        if cost < best_cost:
            best, best_cost = f.name, cost
    return best, best_cost


def _plan(
    session: Session, filters: list[_Filter], cursor: Cursor | None, limit: int
) -> _Plan | None:
    """How to read one page; None when nothing can match.

    Walking the (received_at, id) index stops after ``limit`` matches: cheap when
    matches are common. A selective filter (or search words) is better read through
    its own index and sorted. Capped counts of each filter decide.
    """
    if not _uses_fts(session):
        return _Plan("walk", [f.plain for f in filters] + _keyset(cursor, False), False)
    counts: dict[str, _Count] = {}
    for f in filters:
        if f.counter is not None:
            number = f.counter(PROBE_CAP)
            counts[f.name] = _Count(number, number > PROBE_CAP)
    if any(count.number == 0 for count in counts.values()):
        return None
    lookups: dict[str, _Count] = {}
    for f in filters:
        if f.lookup_size is not None:
            size = counts[f.name] if f.name == "text" else None
            if size is None:
                number = f.lookup_size(PROBE_CAP)
                size = _Count(number, number > PROBE_CAP)
            lookups[f.name] = size
    total = max(1, int(session.scalar(select(func.max(_ROWID)).select_from(Item)) or 1))
    driver, cost = _choose(filters, counts, lookups, total, limit, PROBE_CAP)
    common = [
        f for f in filters if f.counter and f.check is None and f.drives and counts[f.name].capped
    ]
    if driver == "walk" and cost > REPROBE_COST and common:
        # Several common filters whose combination may be rare: count them further.
        for f in common:
            assert f.counter is not None
            number = f.counter(REPROBE_CAP)
            counts[f.name] = _Count(number, number > REPROBE_CAP)
        driver, cost = _choose(filters, counts, lookups, total, limit, REPROBE_CAP)
    walking = driver == "walk"
    conditions = []
    for f in filters:
        if f.name == driver or (walking and f.name == "date"):
            conditions.append(f.plain)
        elif _checked(f, lookups):
            assert f.check is not None
            conditions.append(f.check)
        else:
            conditions.append(f.hidden)
    return _Plan(driver, conditions + _keyset(cursor, not walking), not walking)


def _all_filters(session: Session, query: ItemQuery, cursor: Cursor | None) -> list[_Filter] | None:
    words = _word_filters(session, query.text)
    if words is None:
        return None
    return _filters(session, query, cursor) + words


def page(
    session: Session, query: ItemQuery, *, after: Cursor | None = None, limit: int = DEFAULT_PAGE
) -> Page:
    """One page of the item list, newest first, starting after ``after``.

    Keyset pagination on (received_at DESC, id DESC): no OFFSET, so any page costs
    about the same and no row is skipped or repeated while items are added.
    """
    limit = max(1, min(limit, MAX_PAGE))
    filters = _all_filters(session, query, after)
    plan = None if filters is None else _plan(session, filters, after, limit)
    if plan is None:
        return Page([], None)
    raw = session.execute(
        select(*_ROW_COLUMNS)
        .where(*plan.conditions)
        .order_by(*_order(plan.hide_order))
        .limit(limit + 1)
    ).all()
    rows = _rows(session, raw[:limit])
    more = len(raw) > limit
    return Page(rows, Cursor(rows[-1].received_at, rows[-1].id) if more else None)


def explain(session: Session, query: ItemQuery, *, after: Cursor | None = None) -> str:
    """Which way ``page`` reads the items for ``query`` (for tests and benchmarks)."""
    filters = _all_filters(session, query, after)
    plan = None if filters is None else _plan(session, filters, after, DEFAULT_PAGE)
    return "nothing" if plan is None else plan.driver


def count(session: Session, query: ItemQuery) -> int:
    """How many items match (may take a while on millions: run it in the background)."""
    filters = _all_filters(session, query, None)
    if filters is None:
        return 0
    if len(filters) == 1 and filters[0].name == "text" and filters[0].counter is not None:
        return filters[0].counter(2**62)  # the FTS index alone
    conditions = [f.plain for f in filters]
    return int(session.scalar(select(func.count()).select_from(Item).where(*conditions)) or 0)
