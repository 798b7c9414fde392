"""The values of a sync bundle's CSV files: each type's one written form, both ways.

See the table of forms in ``models.bundle_spec``.  Writing a value a reader would
refuse is a bug of the caller (``TypeError``/``ValueError``); reading a field that
is not a valid value raises ``BadValue``, whose ``kind`` selects the message.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from models.bundle_spec import INT32_MAX, INT32_MIN, ColumnSpec, ValueType
from models.clock import as_utc


def mask_phone(phone: str | None) -> str | None:
    """``13812345678`` → ``138****5678``: enough to tell people apart, not to call them."""
    if phone is None or phone == "":
        return phone
    digits = [ch for ch in phone if ch.isdigit()]
    if len(digits) < 7:
        return "*" * len(digits)
    return "".join(digits[:3]) + "****" + "".join(digits[-4:])


_UUID_TEXT = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_INT_TEXT = re.compile(r"^-?[0-9]{1,10}$")
_DATE_TEXT = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DATETIME_TEXT = re.compile(
    r"^([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,6}))?Z$"
)
_MONTH_TEXT = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")


class BadValue(ValueError):
    """A field that does not hold a value of its column's type (``kind`` says why)."""

    def __init__(self, kind: str, **params: Any) -> None:
        super().__init__(kind)
        self.kind = kind
        self.params = params


def format_datetime(value: datetime) -> str:
    """``2026-03-01T01:30:00Z``, or with microseconds when there are any."""
    if value.tzinfo is not UTC:
        value = as_utc(value)
    return value.replace(tzinfo=None).isoformat() + "Z"


Formatter = Callable[[Any], str]


def _wrong(column: ColumnSpec, value: Any) -> TypeError:
    return TypeError(f"column {column.name} ({column.type}) cannot hold {value!r}")


def _format_uuid(column: ColumnSpec, value: Any) -> str:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, str):
        return str(uuid.UUID(value))
    raise _wrong(column, value)


def _format_text(column: ColumnSpec, value: Any) -> str:
    if isinstance(value, StrEnum):
        value = value.value
    if not isinstance(value, str):
        raise _wrong(column, value)
    if column.max_length is not None and len(value) > column.max_length:
        raise ValueError(f"column {column.name}: {len(value)} characters is too long")
    if len(value) < column.min_length:
        raise ValueError(f"column {column.name} needs a text")
    if column.choices and value and value not in column.choices:
        raise ValueError(f"column {column.name}: {value!r} is not one of {column.choices}")
    if "\x00" in value:
        raise ValueError(f"column {column.name}: NUL in {value!r}")
    return value


def _format_int(column: ColumnSpec, value: Any) -> str:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _wrong(column, value)
    text = str(value)
    try:
        _check_int(column, value, text)
    except BadValue as exc:
        raise ValueError(f"column {column.name}: {value} is out of range") from exc
    return text


def _format_bool(column: ColumnSpec, value: Any) -> str:
    if not isinstance(value, bool):
        raise _wrong(column, value)
    return "true" if value else "false"


def _format_date(column: ColumnSpec, value: Any) -> str:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise _wrong(column, value)
    return value.isoformat()


def _format_datetime(column: ColumnSpec, value: Any) -> str:
    if not isinstance(value, datetime):
        raise _wrong(column, value)
    return format_datetime(value)


def _format_month(column: ColumnSpec, value: Any) -> str:
    if not isinstance(value, str) or not _MONTH_TEXT.fullmatch(value):
        raise _wrong(column, value)
    return value


_FORMATTERS: dict[ValueType, Callable[[ColumnSpec, Any], str]] = {
    ValueType.UUID: _format_uuid,
    ValueType.TEXT: _format_text,
    ValueType.INT: _format_int,
    ValueType.BOOL: _format_bool,
    ValueType.DATE: _format_date,
    ValueType.DATETIME: _format_datetime,
    ValueType.MONTH: _format_month,
}

# The fast paths below take the common case of each type in a few operations (an
# exact class test, the column's limits read once) and hand everything else to the
# general formatter above, which accepts or refuses it exactly as before: a fast
# path never lets through a value the general one would refuse.  Ids, times and
# days also remember the last value written: rows of one activity come together,
# so the same activity id, day or time often follows itself.

_HEX32 = re.compile(r"[0-9a-f]{32}")
_NOTHING = object()  # equal to no value


def _fast_uuid(column: ColumnSpec, general: Formatter, csv: bool) -> Formatter:
    hex32 = _HEX32.fullmatch
    last: Any = _NOTHING
    text = ""

    def write(value: Any) -> str:
        nonlocal last, text
        if value == last:
            return text
        kind = value.__class__
        if kind is str and len(value) == 32 and hex32(value):
            # An id as SQLite stores it (32 lower-case hex digits): no parsing.
            out = f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
        elif kind is uuid.UUID:
            out = str(value)
        else:
            return general(value)
        last, text = value, out
        return out

    return write


_NEEDS_QUOTES = re.compile(r'[",\r\n]').search


def csv_field(text: str) -> str:
    """``text`` as a field of an RFC 4180 record, as ``csv.writer`` (excel dialect)
    writes it: quoted, its quotes doubled, only when it holds a comma, a quote or a
    line break."""
    if text.isalnum() or _NEEDS_QUOTES(text) is None:
        return text
    return '"' + text.replace('"', '""') + '"'


def _fast_text(column: ColumnSpec, general: Formatter, csv: bool) -> Formatter:
    longest = column.max_length
    shortest = column.min_length
    choices = frozenset(column.choices)
    empty_ok = column.nullable or not shortest

    def write(value: Any) -> str:
        if (
            value.__class__ is str
            and (longest is None or len(value) <= longest)
            and len(value) >= shortest
            and (not choices or not value or value in choices)
            and "\x00" not in value
        ):
            return csv_field(value) if csv else value
        if value is None and empty_ok:
            return ""
        text = general(value)
        return csv_field(text) if csv else text

    return write


def _fast_int(column: ColumnSpec, general: Formatter, csv: bool) -> Formatter:
    low = INT32_MIN if column.minimum is None else column.minimum
    high = INT32_MAX if column.maximum is None else column.maximum

    def write(value: Any) -> str:
        if value.__class__ is int and low <= value <= high:
            return str(value)
        return general(value)

    return write


def _fast_bool(column: ColumnSpec, general: Formatter, csv: bool) -> Formatter:
    def write(value: Any) -> str:
        if value is True:
            return "true"
        if value is False:
            return "false"
        return general(value)

    return write


def _fast_date(column: ColumnSpec, general: Formatter, csv: bool) -> Formatter:
    last: Any = _NOTHING
    text = ""

    def write(value: Any) -> str:
        nonlocal last, text
        if value == last:
            return text
        if value.__class__ is not date:
            return general(value)
        last, text = value, value.isoformat()
        return text

    return write


def _fast_datetime(column: ColumnSpec, general: Formatter, csv: bool) -> Formatter:
    parse = datetime.fromisoformat
    last: Any = _NOTHING
    text = ""

    def write(value: Any) -> str:
        nonlocal last, text
        if value == last:
            return text
        kind = value.__class__
        out: str
        if kind is str:
            # A UTC time as SQLite stores it (YYYY-MM-DD HH:MM:SS.ffffff, or written
            # by other means in another ISO form): checked to be a real naive time.
            parsed = parse(value)
            if parsed.tzinfo is not None:
                return general(value)
            if len(value) != 26 or value[10] != " " or value[19] != ".":
                out = parsed.isoformat() + "Z"
            elif value.endswith(".000000"):  # reshaped, as isoformat would write it
                out = value[:10] + "T" + value[11:19] + "Z"
            else:
                out = value[:10] + "T" + value[11:] + "Z"
        elif kind is datetime:
            # A naive value is UTC already (as stored); an aware one in UTC only drops it.
            zone = value.tzinfo
            if zone is None:
                out = value.isoformat() + "Z"
            elif zone is UTC:
                out = value.replace(tzinfo=None).isoformat() + "Z"
            else:
                return general(value)
        else:
            return general(value)
        last, text = value, out
        return out

    return write


_FAST: dict[ValueType, Callable[[ColumnSpec, Formatter, bool], Formatter]] = {
    ValueType.UUID: _fast_uuid,
    ValueType.TEXT: _fast_text,
    ValueType.INT: _fast_int,
    ValueType.BOOL: _fast_bool,
    ValueType.DATE: _fast_date,
    ValueType.DATETIME: _fast_datetime,
}


def formatter(column: ColumnSpec, *, csv: bool = False) -> Formatter:
    """A function giving the written form of a value of ``column`` ("" for None).

    A value a reader would refuse is a bug of the caller: ``TypeError``/``ValueError``.
    Ids and times may also be given as SQLite stores them (32 lower-case hex digits;
    ``YYYY-MM-DD HH:MM:SS.ffffff`` in UTC).  ``csv``: as a field of a CSV record
    (``csv_field``; only text can need quotes, every other form is made of digits,
    letters and ``-:.TZ``).
    """
    core = _FORMATTERS[column.type]
    empty_ok = column.nullable or (column.type is ValueType.TEXT and not column.min_length)

    def general(value: Any) -> str:
        if value is None:
            if empty_ok:
                return ""
            raise ValueError(f"column {column.name} needs a value")
        return core(column, value)

    fast = _FAST.get(column.type)
    return general if fast is None else fast(column, general, csv)


def to_text(column: ColumnSpec, value: Any) -> str:
    """The written form of ``value`` in ``column`` (see ``formatter``)."""
    return formatter(column)(value)


def _check_int(column: ColumnSpec, number: int, text: str) -> int:
    low = INT32_MIN if column.minimum is None else column.minimum
    high = INT32_MAX if column.maximum is None else column.maximum
    if not low <= number <= high:
        raise BadValue("range", value=text, minimum=low, maximum=high)
    return number


def parse_datetime(text: str) -> datetime:
    found = _DATETIME_TEXT.fullmatch(text)
    if found is None:
        raise BadValue("datetime", value=text)
    day, hour, minute, second, fraction = found.groups()
    try:
        parsed = date.fromisoformat(day)
        return datetime(
            parsed.year,
            parsed.month,
            parsed.day,
            int(hour),
            int(minute),
            int(second),
            int((fraction or "0").ljust(6, "0")),
            tzinfo=UTC,
        )
    except ValueError as exc:
        raise BadValue("datetime", value=text) from exc


def _parse_text(column: ColumnSpec, text: str, lenient: bool) -> str | None:
    if "\x00" in text:
        raise BadValue("nul")
    if column.max_length is not None and len(text) > column.max_length:
        raise BadValue("length", length=len(text), limit=column.max_length)
    if len(text) < column.min_length:
        raise BadValue("missing")
    if text and column.choices and text not in column.choices and not lenient:
        raise BadValue("choice", value=text, choices=", ".join(column.choices))
    if text == "" and column.nullable:
        return None
    return text


def _parse_date(text: str) -> date:
    if not _DATE_TEXT.fullmatch(text):
        raise BadValue("date", value=text)
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise BadValue("date", value=text) from exc


_PARSERS: dict[ValueType, Callable[[str], Any]] = {
    ValueType.DATE: _parse_date,
    ValueType.DATETIME: parse_datetime,
}


def parse_value(column: ColumnSpec, text: str, *, lenient: bool = False) -> Any:
    """The Python value of a field (None for an empty one); ``BadValue`` if invalid.

    ``lenient`` accepts values outside a column's closed set (a bundle of a newer
    minor version may add values).
    """
    kind = column.type
    if kind is ValueType.TEXT:
        return _parse_text(column, text, lenient)
    if text == "":
        if column.nullable:
            return None
        raise BadValue("missing")
    if kind is ValueType.UUID:
        if not _UUID_TEXT.fullmatch(text):
            raise BadValue("uuid", value=text)
        return uuid.UUID(text)
    if kind is ValueType.INT:
        if not _INT_TEXT.fullmatch(text):
            raise BadValue("int", value=text)
        return _check_int(column, int(text), text)
    if kind is ValueType.BOOL:
        if text not in ("true", "false"):
            raise BadValue("bool", value=text)
        return text == "true"
    if kind is ValueType.MONTH:
        if not _MONTH_TEXT.fullmatch(text):
            raise BadValue("month", value=text)
        return text
    return _PARSERS[kind](text)
