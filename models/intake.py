"""Donation intake: donors, item codes, receipt numbers and saving a donation batch.

Every function takes the caller's Session and writes inside the caller's transaction
(``Database.transaction()``, which on SQLite starts with BEGIN IMMEDIATE and so holds
the write lock): two desks on one database never share a code or a receipt number.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import ColumnElement, Table, func, insert, or_, select, update
from sqlalchemy.orm import Session

from models import audit
from models.clock import DEFAULT_TIME_ZONE, utcnow
from models.errors import N_, UserError
from models.schema import (
    CodeSequence,
    DonationBatch,
    Donor,
    Item,
    ItemCategory,
    ItemEvent,
    Organisation,
    Staff,
    Store,
    new_id,
)
from models.schema.enums import DonorKind, Grade, IntakeChannel, ItemEventKind, ItemStatus

MAX_QUANTITY = 10_000
MAX_UNIT_VALUE_FEN = 1_000_000 * 100  # ¥1,000,000
MAX_DESCRIPTION = 300
MAX_NAME = 200
FIRST_YEAR = 2000  # item codes carry two year digits: 2000–2099
LAST_YEAR = 2099
# Receipt numbers have their own sequence per store and year, kept in code_sequence
# under year = RECEIPT_SEQUENCE_OFFSET + year (item codes use the plain year).
RECEIPT_SEQUENCE_OFFSET = 1_000_000
MAX_CODES_AT_ONCE = 1_000_000
ROWS_PER_INSERT = 50  # 16 columns × 50 rows stays under SQLite's oldest limit of 999 values

MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
LANDLINE = re.compile(r"^[0-9]+(-[0-9]+)*$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


# --------------------------------------------------------------------------- shared


def clean_text(text: str | None) -> str:
    """Full-width letters and digits as ASCII (NFKC), whitespace trimmed."""
    return unicodedata.normalize("NFKC", text or "").strip()


def org_zone(session: Session) -> ZoneInfo:
    """The organisation's time zone (Asia/Shanghai before set-up)."""
    name = session.scalar(select(Organisation.time_zone).limit(1)) or DEFAULT_TIME_ZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIME_ZONE)


def local_today(session: Session, now: datetime | None = None) -> date:
    return (now or utcnow()).astimezone(org_zone(session)).date()


def received_time(received_on: date, now: datetime, zone: ZoneInfo) -> datetime:
    """When an item counts as received: now, or the same local time on an earlier day."""
    local_now = now.astimezone(zone)
    if received_on == local_now.date():
        return now.astimezone(UTC)
    return datetime.combine(received_on, local_now.time(), tzinfo=zone).astimezone(UTC)


def staff_id_for(session: Session, staff: str) -> uuid.UUID:
    """The id of the staff member called ``staff``, added to the staff list if new."""
    name = clean_text(staff)
    if not name:
        raise UserError(N_("Enter the name of the staff member."))
    if len(name) > 100:
        raise UserError(N_("A staff name has at most 100 characters."))
    found = session.scalar(
        select(Staff.id).where(Staff.name == name).order_by(Staff.active.desc()).limit(1)
    )
    if found is not None:
        return found
    member = Staff(name=name)
    session.add(member)
    session.flush()
    return member.id


def active_store(session: Session, store_id: uuid.UUID | None) -> Store:
    store = None if store_id is None else session.get(Store, store_id)
    if store is None:
        raise UserError(N_("Choose the store that received the donation."))
    if not store.active:
        raise UserError(N_("Store {store} is closed; choose another store."), store=store.code)
    return store


def check_donor(session: Session, donor_id: uuid.UUID | None) -> Donor | None:
    if donor_id is None:
        return None
    donor = session.get(Donor, donor_id)
    if donor is None:
        raise UserError(N_("The chosen donor no longer exists; choose the donor again."))
    return donor


def check_received_on(session: Session, received_on: date, now: datetime | None = None) -> None:
    today = local_today(session, now)
    if received_on > today:
        raise UserError(
            N_("The date received ({date}) is in the future."), date=received_on.isoformat()
        )
    if received_on.year < FIRST_YEAR:
        raise UserError(
            N_("The date received ({date}) is too far in the past."),
            date=received_on.isoformat(),
        )


@dataclass(frozen=True)
class CategoryInfo:
    id: uuid.UUID
    name: str
    path: str  # "服装 › 外套"
    is_leaf: bool
    active: bool  # this category and its group are both in use


def category_table(session: Session) -> dict[uuid.UUID, CategoryInfo]:
    """Every category with its path; small (dozens of rows), read once per action."""
    rows = session.execute(
        select(ItemCategory.id, ItemCategory.name, ItemCategory.parent_id, ItemCategory.active)
    ).all()
    by_id = {row.id: row for row in rows}
    table: dict[uuid.UUID, CategoryInfo] = {}
    for row in rows:
        parent = by_id.get(row.parent_id) if row.parent_id is not None else None
        path = f"{parent.name} › {row.name}" if parent is not None else row.name
        active = bool(row.active) and (parent is None or bool(parent.active))
        table[row.id] = CategoryInfo(row.id, row.name, path, row.parent_id is not None, active)
    return table


# --------------------------------------------------------------------------- donors


@dataclass(frozen=True)
class DonorRow:
    id: uuid.UUID
    kind: DonorKind
    name: str
    phone: str | None
    email: str | None
    address: str | None
    notes: str | None
    last_donation_on: date | None


def normalise_phone(text: str | None) -> str | None:
    """A mainland mobile (11 digits, ``+86`` dropped) or a landline of digits and dashes.

    Empty gives None; anything else raises a UserError.
    """
    cleaned = re.sub(r"[\s()（）]", "", clean_text(text)).replace("—", "-").replace("－", "-")
    if not cleaned:
        return None
    digits = cleaned.replace("-", "")
    if cleaned.startswith("+"):
        cleaned, digits = cleaned[1:].lstrip("-"), digits[1:]
        if not digits.startswith("86"):
            raise UserError(N_("“{phone}” is not a mainland China phone number."), phone=text or "")
        cleaned, digits = cleaned[2:].lstrip("-"), digits[2:]
    elif len(digits) == 13 and digits.startswith("86") and digits[2] == "1":
        cleaned, digits = digits[2:], digits[2:]
    if digits.isdigit() and digits.startswith("1"):  # landlines start with 0, 2–9
        if MOBILE.match(digits):
            return digits
        raise UserError(
            N_("“{phone}” is not a mobile number: it should be 11 digits starting with 13–19."),
            phone=text or "",
        )
    if LANDLINE.match(cleaned) and 7 <= len(digits) <= 20:
        return cleaned
    raise UserError(
        N_(
            "“{phone}” is not a phone number: enter an 11-digit mobile number "
            "or a landline such as 021-62345678."
        ),
        phone=text or "",
    )


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _donor_rows(session: Session, donors: Iterable[Donor]) -> list[DonorRow]:
    donors = list(donors)
    if not donors:
        return []
    last = dict(
        session.execute(
            select(DonationBatch.donor_id, func.max(DonationBatch.received_on))
            .where(DonationBatch.donor_id.in_([d.id for d in donors]))
            .group_by(DonationBatch.donor_id)
        ).all()
    )
    return [
        DonorRow(d.id, d.kind, d.name, d.phone, d.email, d.address, d.notes, last.get(d.id))
        for d in donors
    ]


def search_donors(session: Session, text: str, limit: int = 20) -> list[DonorRow]:
    """Donors whose name or phone contains ``text``, those who gave most recently first.

    An empty text lists the most recent donors.
    """
    needle = clean_text(text)
    limit = max(1, min(limit, 500))
    if not needle:
        recent = session.execute(
            select(DonationBatch.donor_id)
            .where(DonationBatch.donor_id.is_not(None))
            .order_by(DonationBatch.received_on.desc(), DonationBatch.created_at.desc())
            .limit(limit * 10)
        ).scalars()
        wanted: list[uuid.UUID] = []
        for donor_id in recent:
            if donor_id is not None and donor_id not in wanted:
                wanted.append(donor_id)
            if len(wanted) == limit:
                break
        if len(wanted) < limit:
            more = session.scalars(
                select(Donor.id)
                .where(Donor.id.not_in(wanted))
                .order_by(Donor.updated_at.desc())
                .limit(limit - len(wanted))
            )
            wanted.extend(more)
        found = {d.id: d for d in session.scalars(select(Donor).where(Donor.id.in_(wanted)))}
        return _donor_rows(session, [found[i] for i in wanted if i in found])
    conditions: list[ColumnElement[bool]] = [Donor.name.ilike(_like_pattern(needle), escape="\\")]
    digits = re.sub(r"[^0-9]", "", needle)
    if len(digits) >= 3 and len(digits) >= len(needle.replace("-", "").replace(" ", "")):
        conditions.append(func.replace(Donor.phone, "-", "").like(f"%{digits}%"))
    last = (
        select(func.max(DonationBatch.received_on))
        .where(DonationBatch.donor_id == Donor.id)
        .correlate(Donor)
        .scalar_subquery()
    )
    donors = session.scalars(
        select(Donor)
        .where(or_(*conditions))
        .order_by(last.desc().nulls_last(), Donor.updated_at.desc())
        .limit(limit)
    )
    return _donor_rows(session, donors)


def add_donor(
    session: Session,
    *,
    kind: DonorKind = DonorKind.INDIVIDUAL,
    name: str,
    phone: str | None = None,
    email: str | None = None,
    address: str | None = None,
    notes: str | None = None,
    staff: str,
) -> uuid.UUID:
    """Add a donor (person or company). Anonymous donations have no donor record."""
    if kind is DonorKind.ANONYMOUS:
        raise UserError(
            N_("An anonymous donation has no donor record: save the donation without a donor.")
        )
    if kind not in (DonorKind.INDIVIDUAL, DonorKind.CORPORATE):
        raise UserError(N_("Choose whether the donor is a person or a company."))
    clean_name = clean_text(name)
    if not clean_name:
        raise UserError(N_("Enter the donor's name."))
    if len(clean_name) > MAX_NAME:
        raise UserError(N_("The donor's name has at most 200 characters."))
    clean_phone = normalise_phone(phone)
    clean_email = clean_text(email) or None
    if clean_email is not None and (len(clean_email) > 200 or not EMAIL.match(clean_email)):
        raise UserError(N_("“{email}” is not an email address."), email=clean_email)
    clean_address = clean_text(address) or None
    if clean_address is not None and len(clean_address) > 300:
        raise UserError(N_("The address has at most 300 characters."))
    if clean_phone is not None:
        existing = session.execute(
            select(Donor.name).where(Donor.phone == clean_phone).limit(1)
        ).scalar()
        if existing is not None:
            raise UserError(
                N_("The phone number {phone} already belongs to donor “{name}”."),
                phone=clean_phone,
                name=existing,
            )
    donor = Donor(
        kind=kind,
        name=clean_name,
        phone=clean_phone,
        email=clean_email,
        address=clean_address,
        notes=(notes or "").strip() or None,
    )
    session.add(donor)
    session.flush()
    audit.record(
        session,
        staff=clean_text(staff) or "?",
        action="donor.add",
        entity="donor",
        entity_id=donor.id,
        after={"kind": kind, "name": clean_name, "phone": clean_phone},
    )
    return donor.id


# --------------------------------------------------------------------------- numbering


_SEQUENCES = cast(Table, CodeSequence.__table__)
_ITEMS = cast(Table, Item.__table__)
_EVENTS = cast(Table, ItemEvent.__table__)


def _reserve(
    session: Session, store_id: uuid.UUID, key: int, count: int, start: Callable[[], int]
) -> int:
    """Reserve ``count`` numbers of the sequence (store, key); returns the first.

    On SQLite and PostgreSQL one ``UPDATE ... RETURNING`` (an ``INSERT ... ON CONFLICT
    DO UPDATE ... RETURNING`` for a new sequence): atomic under SQLite's write lock
    and under PostgreSQL's row lock, so concurrent desks get disjoint ranges.
    ``start`` gives the first number of a sequence that has no row yet.
    """
    row = (_SEQUENCES.c.store_id == store_id) & (_SEQUENCES.c.year == key)
    dialect = session.get_bind().dialect.name
    if dialect in ("sqlite", "postgresql"):
        bumped = session.execute(
            update(_SEQUENCES)
            .where(row)
            .values(next_value=_SEQUENCES.c.next_value + count)
            .returning(_SEQUENCES.c.next_value)
        ).scalar()
        if bumped is not None:
            return int(bumped) - count
        # Imported here: the dialect packages are slow to import and rarely needed.
        if dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import insert as make_insert
        else:
            from sqlalchemy.dialects.postgresql import insert as make_insert  # type: ignore[assignment]
        statement = (
            make_insert(_SEQUENCES)
            .values(store_id=store_id, year=key, next_value=start() + count)
            .on_conflict_do_update(
                index_elements=[_SEQUENCES.c.store_id, _SEQUENCES.c.year],
                set_={"next_value": _SEQUENCES.c.next_value + count},
            )
            .returning(_SEQUENCES.c.next_value)
        )
        return int(session.execute(statement).scalar_one()) - count
    # Other databases: a row lock, or a unique-key failure for a new row, keeps it safe.
    current = session.execute(select(_SEQUENCES.c.next_value).where(row).with_for_update()).scalar()
    if current is None:
        first_free = start()
        session.execute(
            insert(_SEQUENCES).values(store_id=store_id, year=key, next_value=first_free + count)
        )
        return first_free
    session.execute(
        update(_SEQUENCES).where(row).values(next_value=_SEQUENCES.c.next_value + count)
    )
    return int(current)


def _after_highest(session: Session, column: Any, prefix: str) -> int:
    """1 + the highest number already used after ``prefix`` (for a new sequence row)."""
    highest = session.execute(
        select(column)
        .where(column >= prefix, column < prefix + "~")
        .order_by(func.length(column).desc(), column.desc())
        .limit(1)
    ).scalar()
    tail = (highest or "")[len(prefix) :]
    return int(tail) + 1 if tail.isdigit() else 1


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserError(N_("Item codes can only be made for the years 2000 to 2099."))


def item_code(store_code: str, year: int, seq: int) -> str:
    return f"{store_code}-{year % 100:02d}-{seq:06d}"


def allocate_item_codes(session: Session, store_id: uuid.UUID, year: int, count: int) -> list[str]:
    """``count`` new consecutive item codes ``<STORE>-<YY>-<seq>`` (e.g. S01-26-000123)."""
    _check_year(year)
    if not 1 <= count <= MAX_CODES_AT_ONCE:
        raise ValueError(f"count must be 1..{MAX_CODES_AT_ONCE}, not {count}")
    store = session.get(Store, store_id)
    if store is None:
        raise UserError(N_("Choose the store that received the donation."))
    prefix = f"{store.code}-{year % 100:02d}-"
    first = _reserve(
        session, store.id, year, count, lambda: _after_highest(session, Item.code, prefix)
    )
    return [item_code(store.code, year, seq) for seq in range(first, first + count)]


def allocate_receipt_no(session: Session, store_id: uuid.UUID, year: int) -> str:
    """The next receipt number of a store and year, e.g. ``R-S01-2026-000042``."""
    _check_year(year)
    store = session.get(Store, store_id)
    if store is None:
        raise UserError(N_("Choose the store that received the donation."))
    prefix = f"R-{store.code}-{year}-"
    number = _reserve(
        session,
        store.id,
        RECEIPT_SEQUENCE_OFFSET + year,
        1,
        lambda: _after_highest(session, DonationBatch.receipt_no, prefix),
    )
    return f"{prefix}{number:06d}"


# --------------------------------------------------------------------------- batches


@dataclass(frozen=True)
class ItemLine:
    """One line of a donation: an item, or several identical ones (``quantity``)."""

    category_id: uuid.UUID
    description: str
    grade: Grade
    quantity: int = 1
    unit_value_fen: int = 0


@dataclass(frozen=True)
class BatchRequest:
    donor_id: uuid.UUID | None  # None: anonymous
    store_id: uuid.UUID
    received_on: date
    channel: IntakeChannel = IntakeChannel.WALK_IN
    notes: str | None = None
    lines: tuple[ItemLine, ...] = ()


@dataclass(frozen=True)
class SavedBatch:
    batch_id: uuid.UUID
    receipt_no: str
    item_ids: tuple[uuid.UUID, ...]
    item_codes: tuple[str, ...]  # in line order
    total_quantity: int
    total_value_fen: int  # Σ quantity × unit value


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_line(number: int, line: ItemLine, categories: dict[uuid.UUID, CategoryInfo]) -> None:
    """Raise a UserError naming line ``number`` (1-based) if the line cannot be saved."""
    category = categories.get(line.category_id)
    if category is None:
        raise UserError(N_("Line {line}: choose a category."), line=number)
    if not category.is_leaf:
        raise UserError(
            N_("Line {line}: “{category}” is a group; choose one of its categories."),
            line=number,
            category=category.name,
        )
    if not category.active:
        raise UserError(
            N_("Line {line}: the category “{category}” is no longer in use; choose another."),
            line=number,
            category=category.path,
        )
    if not isinstance(line.grade, Grade):
        try:
            Grade(line.grade)
        except ValueError:
            raise UserError(
                N_("Line {line}: choose a grade (A, B, C or X)."), line=number
            ) from None
    if len(clean_text(line.description)) > MAX_DESCRIPTION:
        raise UserError(
            N_("Line {line}: the description has more than 300 characters."), line=number
        )
    if not _is_int(line.quantity) or not 1 <= line.quantity <= MAX_QUANTITY:
        raise UserError(
            N_("Line {line}: the quantity must be a whole number from 1 to 10,000."), line=number
        )
    if not _is_int(line.unit_value_fen) or not 0 <= line.unit_value_fen <= MAX_UNIT_VALUE_FEN:
        raise UserError(
            N_("Line {line}: the estimated value must be between ¥0 and ¥1,000,000."),
            line=number,
        )


def check_channel(channel: str) -> IntakeChannel:
    try:
        return IntakeChannel(channel)
    except ValueError:
        raise UserError(N_("Choose how the donation arrived.")) from None


def save_batch(session: Session, request: BatchRequest, *, staff: str) -> SavedBatch:
    """Save one donation: its batch (receipt), one item per line, one event per item.

    Everything is checked before anything is written; all rows go into the caller's
    transaction.
    """
    if not request.lines:
        raise UserError(N_("Add at least one item to the donation."))
    store = active_store(session, request.store_id)
    check_donor(session, request.donor_id)
    now = utcnow()
    check_received_on(session, request.received_on, now)
    channel = check_channel(request.channel)
    categories = category_table(session)
    for number, line in enumerate(request.lines, start=1):
        check_line(number, line, categories)
    staff_id = staff_id_for(session, staff)

    year = request.received_on.year
    receipt_no = allocate_receipt_no(session, store.id, year)
    codes = allocate_item_codes(session, store.id, year, len(request.lines))
    received_at = received_time(request.received_on, now, org_zone(session))
    batch = DonationBatch(
        receipt_no=receipt_no,
        donor_id=request.donor_id,
        store_id=store.id,
        received_on=request.received_on,
        channel=channel,
        notes=(request.notes or "").strip() or None,
        staff_id=staff_id,
        created_at=now,
        updated_at=now,
    )
    session.add(batch)
    session.flush()
    item_ids = tuple(new_id() for _ in request.lines)
    item_rows = [
        {
            "id": item_id,
            "code": code,
            "batch_id": batch.id,
            "category_id": line.category_id,
            "description": clean_text(line.description),
            "grade": Grade(line.grade),
            "quantity": line.quantity,
            "unit_value_fen": line.unit_value_fen,
            "status": ItemStatus.RECEIVED,
            "store_id": store.id,
            "sold_price_fen": None,
            "received_at": received_at,
            "labelled_at": None,
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }
        for item_id, code, line in zip(item_ids, codes, request.lines, strict=True)
    ]
    event_rows = [
        {
            "id": new_id(),
            "item_id": item_id,
            "kind": ItemEventKind.RECEIVED,
            "at": received_at,
            "staff_id": staff_id,
            "store_id": store.id,
        }
        for item_id in item_ids
    ]
    # Multi-row INSERTs: SQLite flushes the FTS5 search index once per statement.
    for start in range(0, len(item_rows), ROWS_PER_INSERT):
        session.execute(insert(_ITEMS).values(item_rows[start : start + ROWS_PER_INSERT]))
        session.execute(insert(_EVENTS).values(event_rows[start : start + ROWS_PER_INSERT]))
    return SavedBatch(
        batch_id=batch.id,
        receipt_no=receipt_no,
        item_ids=item_ids,
        item_codes=tuple(codes),
        total_quantity=sum(line.quantity for line in request.lines),
        total_value_fen=sum(line.quantity * line.unit_value_fen for line in request.lines),
    )
