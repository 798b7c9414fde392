"""Bulk import of a corporate donation list (CSV or XLSX) as one donation batch.

Four steps, each a plain function the GUI and the command line share:

1. ``read_table(path)``: the file's header row and data rows as text. CSV may be
   UTF-8 (with or without BOM), UTF-16 or GBK/GB18030 (what Excel in China writes);
   XLSX is read with openpyxl in read-only mode.
2. ``suggest_mapping(headers)``: which column holds which field, from Chinese or
   English header names; ``unknown_columns`` lists the columns left out.
3. ``validate(...)``: every row checked first; each problem is a ``RowError`` with the
   row number, the column and an English message template (``N_``) with parameters.
4. ``import_rows(...)``: only when no row has a problem, ONE batch with all its items
   and their ``received`` events, in the caller's transaction (nothing half-written).

Writing is fast: codes are reserved in one go and the rows go in as multi-row INSERT
statements (on SQLite with the values pre-encoded exactly as SQLAlchemy stores them).
A multi-row statement also keeps the FTS5 search index fast: SQLite flushes FTS5's
pending terms at every statement, so one statement per row would cost ~60 µs a row.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import os
import re
import sqlite3
import unicodedata
import uuid
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from sqlalchemy import column, insert, table
from sqlalchemy.orm import Session

from models.clock import utcnow
from models.errors import N_, UserError
from models.intake import (
    MAX_DESCRIPTION,
    MAX_QUANTITY,
    MAX_UNIT_VALUE_FEN,
    CategoryInfo,
    active_store,
    allocate_item_codes,
    allocate_receipt_no,
    category_table,
    check_channel,
    check_donor,
    check_received_on,
    clean_text,
    org_zone,
    received_time,
    staff_id_for,
)
from models.money import parse_yuan
from models.schema import DonationBatch, Item, ItemEvent, new_id
from models.schema.enums import Grade, IntakeChannel, ItemEventKind, ItemStatus

Progress = Callable[[int, int], None]

MAX_ROWS = 200_000
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_REPORTED_ERRORS = 1000
CHUNK_ROWS = 2000  # rows per INSERT statement, within SQLite's bound-parameter limit

FIELDS = ("description", "category", "grade", "quantity", "unit_value")
# Header names people write, normalised (NFKC, lower case, no spaces or brackets).
HEADER_NAMES: Mapping[str, tuple[str, ...]] = {
    "description": (
        "品名",
        "物品",
        "物品名称",
        "物资名称",
        "名称",
        "商品名称",
        "品名规格",
        "描述",
        "物品描述",
        "说明",
        "description",
        "item",
        "itemname",
        "name",
        "product",
        "goods",
    ),
    "category": (
        "类别",
        "分类",
        "品类",
        "类目",
        "物品类别",
        "物品分类",
        "category",
        "type",
        "class",
    ),
    "grade": ("成色", "品相", "等级", "新旧程度", "新旧", "状况", "grade", "condition", "quality"),
    "quantity": ("数量", "件数", "个数", "数目", "qty", "quantity", "count", "pcs", "number"),
    "unit_value": (
        "单价",
        "估值",
        "价值",
        "估价",
        "单件估值",
        "单件价值",
        "参考价",
        "参考单价",
        "value",
        "unitvalue",
        "price",
        "unitprice",
        "estimatedvalue",
    ),
}
GRADE_WORDS: Mapping[str, Grade] = {
    "A": Grade.A,
    "B": Grade.B,
    "C": Grade.C,
    "X": Grade.UNSELLABLE,
    "不可售": Grade.UNSELLABLE,
    "UNSELLABLE": Grade.UNSELLABLE,
}
_BRACKETS = re.compile(r"[(\[（【][^)\]）】]*[)\]）】]")
_PATH_SEPARATORS = re.compile(r"\s*[›>＞/／\\|｜]\s*")
_UNIT_SUFFIX = re.compile(r"(?<=[0-9])\s*[件个本套双台只条箱包张支把盒袋]$")


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Table:
    """A file's header row and its data rows, every cell as trimmed text."""

    source: str  # the file name, kept on the batch
    headers: tuple[str, ...]
    rows: list[tuple[str, ...]]  # each as long as ``headers``
    row_numbers: list[int]  # each row's number as a spreadsheet shows it


def _damaged_workbook(name: str) -> UserError:
    return UserError(
        N_(
            "“{name}” is not a readable Excel workbook (.xlsx): it may be damaged or "
            "in another format. Open it in Excel or WPS and save it again as .xlsx or CSV."
        ),
        name=name,
    )


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        # Drop binary noise such as 0.1 + 0.2 = 0.30000000000000004.
        return f"{value:.10f}".rstrip("0").rstrip(".")
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _make_table(source: str, records: Iterable[tuple[int, list[str]]]) -> Table:
    headers: tuple[str, ...] | None = None
    rows: list[tuple[str, ...]] = []
    numbers: list[int] = []
    for number, cells in records:
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        if headers is None:
            while cells and not cells[-1]:
                cells.pop()
            headers = tuple(cell or f"#{n}" for n, cell in enumerate(cells, start=1))
            continue
        if len(rows) >= MAX_ROWS:
            raise UserError(
                N_("“{name}” has more than {limit} rows; split it into smaller files."),
                name=source,
                limit=f"{MAX_ROWS:,}",
            )
        width = len(headers)
        padded = (cells + [""] * width)[:width]
        rows.append(tuple(padded))
        numbers.append(number)
    if headers is None:
        raise UserError(N_("“{name}” is empty."), name=source)
    return Table(source, headers, rows, numbers)


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            decoded = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in decoded:
            return decoded
    raise UserError(
        N_(
            "“{name}” is not a text file in an encoding Partner Desk can read "
            "(UTF-8 or GBK). Save it from Excel or WPS as “CSV UTF-8” or as .xlsx."
        ),
        name=name,
    )


def _read_csv(path: Path) -> Table:
    text = _decode(path.read_bytes(), path.name)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((",", "\t", ";"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return _make_table(path.name, ((n, row) for n, row in enumerate(reader, start=1)))
    except csv.Error as exc:
        raise UserError(
            N_("“{name}” is not a well-formed CSV file: {reason}"), name=path.name, reason=str(exc)
        ) from exc


def _xlsx_records(sheet: Any) -> Iterator[tuple[int, list[str]]]:
    for counter, row in enumerate(sheet.iter_rows(), start=1):
        number = next((c.row for c in row if getattr(c, "row", None)), counter)
        yield number, [_cell_text(c.value) for c in row]


def _read_xlsx(path: Path) -> Table:
    try:
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise UserError(N_("Reading .xlsx files needs the openpyxl package.")) from exc
    try:
        with warnings.catch_warnings():
            # Workbooks from WPS and others trigger harmless style warnings.
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                if not book.worksheets:
                    raise _damaged_workbook(path.name)
                return _make_table(path.name, _xlsx_records(book.worksheets[0]))
            finally:
                book.close()
    except UserError:
        raise
    except (
        zipfile.BadZipFile,
        InvalidFileException,
        KeyError,
        ValueError,
        TypeError,
        IndexError,
        AttributeError,
        EOFError,
        ParseError,
        OSError,
        zlib.error,
        # An unknown compression method, or an encrypted member.
        NotImplementedError,
        RuntimeError,
    ) as exc:
        raise _damaged_workbook(path.name) from exc


def read_table(path: Path) -> Table:
    """Read a CSV or XLSX file (chosen by its content, then its extension)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            magic = handle.read(8)
    except OSError as exc:
        raise UserError(
            N_("“{name}” cannot be read: {reason}"),
            name=path.name,
            reason=exc.strerror or str(exc),
        ) from exc
    if size > MAX_FILE_BYTES:
        raise UserError(N_("“{name}” is larger than 100 MB."), name=path.name)
    suffix = path.suffix.lower()
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise UserError(
            N_(
                "“{name}” is an old Excel file (.xls). Open it in Excel or WPS and "
                "save it as .xlsx or CSV."
            ),
            name=path.name,
        )
    if magic.startswith(b"PK") or suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    return _read_csv(path)


# --------------------------------------------------------------------------- mapping


def normalise_header(header: str) -> str:
    text = unicodedata.normalize("NFKC", header).lower()
    text = _BRACKETS.sub("", text)
    return re.sub(r"[\s*:：_\-.]", "", text)


def match_headers(
    headers: Sequence[str],
    fields: Sequence[str],
    header_names: Mapping[str, tuple[str, ...]],
) -> dict[str, str]:
    """Field → header for every field recognised (exact names first, then contained).

    ``header_names`` gives, per field, the normalised header names people write.
    Shared by every list import (donations, sign-ups, rosters).
    """
    mapping: dict[str, str] = {}
    used: set[str] = set()
    normalised = [(header, normalise_header(header)) for header in headers]
    for exact in (True, False):
        for field_name in fields:
            if field_name in mapping:
                continue
            names = sorted(header_names[field_name], key=len, reverse=True)
            for header, norm in normalised:
                if header in used or not norm:
                    continue
                if any(
                    norm == name
                    if exact
                    else (len(name) >= 2 and not name.isascii() and name in norm)
                    for name in names
                ):
                    mapping[field_name] = header
                    used.add(header)
                    break
    return mapping


def suggest_mapping(headers: Sequence[str]) -> dict[str, str]:
    """Field → header for the donation-list fields recognised in ``headers``."""
    return match_headers(headers, FIELDS, HEADER_NAMES)


def unknown_columns(headers: Sequence[str], mapping: Mapping[str, str]) -> tuple[str, ...]:
    """The columns that no field uses (reported, then left out)."""
    used = set(mapping.values())
    return tuple(header for header in headers if header not in used)


# --------------------------------------------------------------------------- checking


@dataclass(frozen=True)
class ImportDefaults:
    store_id: uuid.UUID
    received_on: date
    donor_id: uuid.UUID | None = None
    channel: IntakeChannel = IntakeChannel.CORPORATE_DELIVERY
    grade: Grade | None = None  # for rows without one (no column, or an empty cell)
    category_id: uuid.UUID | None = None  # likewise
    notes: str | None = None


@dataclass(frozen=True)
class RowError:
    row_number: int  # as the spreadsheet shows it
    column: str | None  # the file's header, or None for the whole row
    message: str  # an English template marked with N_
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        template = translate(self.message) if translate else self.message
        return template.format(**self.params) if self.params else template


@dataclass(frozen=True)
class ImportRow:
    row_number: int
    category_id: uuid.UUID
    description: str
    grade: Grade
    quantity: int
    unit_value_fen: int


@dataclass(frozen=True)
class Validation:
    source: str
    ok_rows: list[ImportRow]
    errors: list[RowError]  # the first MAX_REPORTED_ERRORS problems
    error_count: int
    ignored_columns: tuple[str, ...]
    total_quantity: int
    total_value_fen: int

    @property
    def ok(self) -> bool:
        return self.error_count == 0 and bool(self.ok_rows)


class _Categories:
    """Finds a leaf category by its name or by its path ``父类 › 子类``."""

    def __init__(self, table: Mapping[uuid.UUID, CategoryInfo]) -> None:
        self.by_path: dict[str, CategoryInfo] = {}
        self.leaves: dict[str, list[CategoryInfo]] = {}
        self.groups: dict[str, CategoryInfo] = {}
        for info in table.values():
            if info.is_leaf:
                self.by_path[self.key(info.path)] = info
                self.leaves.setdefault(self.key(info.name), []).append(info)
            else:
                self.groups[self.key(info.name)] = info

    @staticmethod
    def key(text: str) -> str:
        folded = unicodedata.normalize("NFKC", text).strip().casefold()
        return _PATH_SEPARATORS.sub("›", folded)

    def find(self, text: str) -> tuple[CategoryInfo | None, str | None]:
        """The category, or None and an error template."""
        key = self.key(text)
        found = self.by_path.get(key)
        if found is None:
            leaves = self.leaves.get(key, [])
            if len(leaves) > 1:
                return None, N_(
                    "The category “{value}” exists in several groups; write it as "
                    "“group › category”."
                )
            found = leaves[0] if leaves else None
        if found is None:
            if key in self.groups:
                return None, N_("“{value}” is a group of categories; choose one of its categories.")
            return None, N_("Unknown category “{value}”.")
        if not found.active:
            return None, N_("The category “{value}” is no longer in use.")
        return found, None


def parse_grade(text: str) -> Grade | None:
    cleaned = unicodedata.normalize("NFKC", text).strip().upper().removesuffix("级")
    return GRADE_WORDS.get(cleaned.strip())


def parse_quantity(text: str) -> int | None:
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(",", "")
    cleaned = _UNIT_SUFFIX.sub("", cleaned)
    if re.fullmatch(r"-?[0-9]+(\.0+)?", cleaned):
        return int(cleaned.split(".")[0])
    return None


class _RowCheck:
    """Checks one row at a time against the mapping and the defaults."""

    def __init__(
        self,
        mapping: Mapping[str, str],
        columns: Mapping[str, int],
        finder: _Categories,
        defaults: ImportDefaults,
        default_category: CategoryInfo | None,
    ) -> None:
        self.mapping = mapping
        self.columns = columns
        self.finder = finder
        self.defaults = defaults
        self.default_category = default_category

    def cell(self, row: tuple[str, ...], field_name: str) -> str:
        index = self.columns.get(field_name)
        return "" if index is None else row[index]

    def __call__(self, row: tuple[str, ...], number: int) -> ImportRow | list[RowError]:
        problems: list[RowError] = []

        def problem(field_name: str, message: str, **params: Any) -> None:
            problems.append(RowError(number, self.mapping.get(field_name), message, params))

        description = clean_text(self.cell(row, "description"))
        if not description:
            problem("description", N_("The description is empty."))
        elif len(description) > MAX_DESCRIPTION:
            problem("description", N_("The description is longer than 300 characters."))

        category = self.default_category
        text = self.cell(row, "category")
        if text:
            category, message = self.finder.find(text)
            if message is not None:
                problem("category", message, value=text)
        elif category is None:
            problem("category", N_("The category is empty."))

        grade = self.defaults.grade
        text = self.cell(row, "grade")
        if text:
            grade = parse_grade(text)
            if grade is None:
                problem(
                    "grade", N_("Unknown grade “{value}”: use A, B, C or X (不可售)."), value=text
                )
        elif grade is None:
            problem("grade", N_("The grade is empty: use A, B, C or X (不可售)."))

        quantity: int | None = 1
        text = self.cell(row, "quantity")
        if text:
            quantity = parse_quantity(text)
            if quantity is None:
                problem("quantity", N_("The quantity “{value}” is not a whole number."), value=text)
            elif quantity < 1:
                problem("quantity", N_("The quantity must be at least 1, not {value}."), value=text)
            elif quantity > MAX_QUANTITY:
                problem(
                    "quantity",
                    N_("The quantity {value} is more than 10,000: split the line or check it."),
                    value=text,
                )

        value: int | None = 0
        text = self.cell(row, "unit_value")
        if text:
            try:
                value = parse_yuan(text)
            except UserError:
                problem(
                    "unit_value", N_("The value “{value}” is not an amount of money."), value=text
                )
            else:
                if value < 0:
                    problem(
                        "unit_value", N_("The value must not be negative ({value})."), value=text
                    )
                elif value > MAX_UNIT_VALUE_FEN:
                    problem(
                        "unit_value",
                        N_("The value {value} is more than ¥1,000,000 for one item."),
                        value=text,
                    )
        if problems:
            return problems
        assert category is not None and grade is not None
        assert quantity is not None and value is not None
        return ImportRow(number, category.id, description, grade, quantity, value)


def validate(
    session: Session, table: Table, mapping: Mapping[str, str], defaults: ImportDefaults
) -> Validation:
    """Check every row (nothing is written). Problems with the defaults raise at once."""
    active_store(session, defaults.store_id)
    check_donor(session, defaults.donor_id)
    check_received_on(session, defaults.received_on)
    check_channel(defaults.channel)
    columns: dict[str, int] = {}
    for field_name, header in mapping.items():
        if field_name not in FIELDS:
            raise ValueError(f"unknown field {field_name!r}")
        if header not in table.headers:
            raise UserError(N_("The file has no column “{column}”."), column=header)
        columns[field_name] = table.headers.index(header)
    if "description" not in columns:
        raise UserError(N_("Choose the column that holds the description of each item."))
    categories = category_table(session)
    default_category = None
    if defaults.category_id is not None:
        info = categories.get(defaults.category_id)
        if info is None or not info.is_leaf or not info.active:
            raise UserError(N_("Choose a category in use for rows that have none."))
        default_category = info
    if "category" not in columns and default_category is None:
        raise UserError(
            N_("Choose the column that holds the category, or a category for all rows.")
        )
    check = _RowCheck(mapping, columns, _Categories(categories), defaults, default_category)
    ok_rows: list[ImportRow] = []
    errors: list[RowError] = []
    error_count = 0
    for row, number in zip(table.rows, table.row_numbers, strict=True):
        checked = check(row, number)
        if isinstance(checked, ImportRow):
            ok_rows.append(checked)
            continue
        error_count += len(checked)
        errors.extend(checked[: max(0, MAX_REPORTED_ERRORS - len(errors))])
    if not table.rows:
        errors.append(RowError(0, None, N_("The file has no rows of items.")))
        error_count += 1
    return Validation(
        source=table.source,
        ok_rows=ok_rows,
        errors=errors,
        error_count=error_count,
        ignored_columns=unknown_columns(table.headers, mapping),
        total_quantity=sum(r.quantity for r in ok_rows),
        total_value_fen=sum(r.quantity * r.unit_value_fen for r in ok_rows),
    )


# --------------------------------------------------------------------------- writing


@dataclass(frozen=True)
class ImportResult:
    batch_id: uuid.UUID
    receipt_no: str
    item_count: int
    total_quantity: int
    total_value_fen: int
    first_code: str
    last_code: str


ITEM_KEYS = (
    "id",
    "code",
    "batch_id",
    "category_id",
    "description",
    "grade",
    "quantity",
    "unit_value_fen",
    "status",
    "store_id",
    "sold_price_fen",
    "received_at",
    "labelled_at",
    "version",
    "created_at",
    "updated_at",
)
EVENT_KEYS = ("id", "item_id", "kind", "at", "staff_id", "store_id")


class _Writer:
    """Multi-row INSERTs; on SQLite with values encoded once by the columns' own types."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.dialect = session.get_bind().dialect
        self.fast = self.dialect.name == "sqlite"
        self.rows_per_statement = CHUNK_ROWS
        if self.fast:
            raw = session.connection().connection.driver_connection
            if isinstance(raw, sqlite3.Connection):
                limit = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
                self.rows_per_statement = max(1, min(CHUNK_ROWS, limit // len(ITEM_KEYS)))

    def encoder(self, mapped: Any, key: str) -> Callable[[Any], Any]:
        """How the database stores a value of this column (identity if not fast)."""
        if not self.fast:
            return lambda value: value
        column_type = mapped.__table__.c[key].type
        process = column_type.dialect_impl(self.dialect).bind_processor(self.dialect)
        return process or (lambda value: value)

    def insert(self, mapped: Any, keys: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        real = mapped.__table__
        if not self.fast:
            self.session.execute(insert(real), [dict(zip(keys, row, strict=True)) for row in rows])
            return
        compiled = str(
            insert(table(real.name, *(column(k) for k in keys))).compile(dialect=self.dialect)
        )
        head, one = compiled.split(" VALUES ")
        connection = self.session.connection()
        for start in range(0, len(rows), self.rows_per_statement):
            chunk = rows[start : start + self.rows_per_statement]
            statement = f"{head} VALUES {', '.join([one] * len(chunk))}"
            connection.exec_driver_sql(statement, tuple(itertools.chain.from_iterable(chunk)))


def _item_ids(count: int, encode: Callable[[Any], Any]) -> list[Any]:
    """``count`` random version-4 UUIDs, already encoded for the database."""
    sample = uuid.uuid4()
    if encode(sample) == sample.hex:
        # Cheaper than uuid4() per row: one read of random bytes.
        raw = os.urandom(16 * count)
        clear = ~((0xF << 76) | (0x3 << 62))
        mark = (0x4 << 76) | (0x2 << 62)
        return [
            f"{(int.from_bytes(raw[i : i + 16], 'big') & clear) | mark:032x}"
            for i in range(0, 16 * count, 16)
        ]
    return [encode(new_id()) for _ in range(count)]


def import_rows(
    session: Session,
    validation: Validation,
    defaults: ImportDefaults,
    *,
    staff: str,
    progress: Progress | None = None,
) -> ImportResult:
    """Write ONE batch with every row's item and ``received`` event, or nothing.

    Refused while any row has a problem. ``progress(done, total)`` is called between
    chunks and may raise ``Cancelled``: the caller's transaction then rolls back.
    """
    if validation.error_count:
        raise UserError(
            N_("{count} problems in the file: correct them and check the file again."),
            count=validation.error_count,
        )
    rows = validation.ok_rows
    if not rows:
        raise UserError(N_("The file has no rows of items."))
    store = active_store(session, defaults.store_id)
    check_donor(session, defaults.donor_id)
    now = utcnow()
    check_received_on(session, defaults.received_on, now)
    channel = check_channel(defaults.channel)
    categories = category_table(session)
    for category_id in {row.category_id for row in rows}:
        info = categories.get(category_id)
        if info is None or not info.is_leaf or not info.active:
            raise UserError(
                N_("The categories changed since the file was checked: check it again.")
            )
    staff_id = staff_id_for(session, staff)
    year = defaults.received_on.year
    receipt_no = allocate_receipt_no(session, store.id, year)
    codes = allocate_item_codes(session, store.id, year, len(rows))
    received_at = received_time(defaults.received_on, now, org_zone(session))
    batch = DonationBatch(
        receipt_no=receipt_no,
        donor_id=defaults.donor_id,
        store_id=store.id,
        received_on=defaults.received_on,
        channel=channel,
        notes=(defaults.notes or "").strip() or None,
        staff_id=staff_id,
        import_source=validation.source[:300],
        created_at=now,
        updated_at=now,
    )
    session.add(batch)
    session.flush()

    writer = _Writer(session)
    uid = writer.encoder(Item, "id")
    stamp = writer.encoder(Item, "received_at")(received_at)
    now_stamp = writer.encoder(Item, "created_at")(now)
    batch_value = uid(batch.id)
    store_value = uid(store.id)
    staff_value = uid(staff_id)
    received = writer.encoder(Item, "status")(ItemStatus.RECEIVED)
    received_kind = writer.encoder(ItemEvent, "kind")(ItemEventKind.RECEIVED)
    grade_of = writer.encoder(Item, "grade")
    grades = {grade: grade_of(grade) for grade in Grade}
    category_values = {
        category_id: uid(category_id) for category_id in {r.category_id for r in rows}
    }
    item_ids = _item_ids(len(rows), uid)
    event_ids = _item_ids(len(rows), uid)
    total = len(rows)
    step = max(writer.rows_per_statement, 5000)
    for start in range(0, total, step):
        end = min(total, start + step)
        items = [
            (
                item_ids[n],
                codes[n],
                batch_value,
                category_values[row.category_id],
                row.description,
                grades[row.grade],
                row.quantity,
                row.unit_value_fen,
                received,
                store_value,
                None,
                stamp,
                None,
                1,
                now_stamp,
                now_stamp,
            )
            for n, row in zip(range(start, end), rows[start:end], strict=True)
        ]
        writer.insert(Item, ITEM_KEYS, items)
        events = [
            (event_ids[n], item_ids[n], received_kind, stamp, staff_value, store_value)
            for n in range(start, end)
        ]
        writer.insert(ItemEvent, EVENT_KEYS, events)
        if progress is not None:
            progress(end, total)
    return ImportResult(
        batch_id=batch.id,
        receipt_no=receipt_no,
        item_count=total,
        total_quantity=validation.total_quantity,
        total_value_fen=validation.total_value_fen,
        first_code=codes[0],
        last_code=codes[-1],
    )
