"""The bundle writer's fast paths change nothing but speed: a column's formatter
gives every value the same text (or refuses it the same way) whatever came before
it (it remembers the last value), ids and times as SQLite stores them read as the
values they are, and records are exactly what ``csv.writer`` (excel dialect) writes."""

from __future__ import annotations

import csv
import io
import uuid
import zipfile
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models import signing
from models.bundle import ManifestFields, write_bundle
from models.bundle_spec import TABLES_BY_NAME, ColumnSpec
from models.bundle_values import csv_field, format_datetime, formatter

FEEDBACK = TABLES_BY_NAME["feedback"]
KEYS = signing.new_signing_pair()


def _column(table: str, name: str) -> ColumnSpec:
    column = TABLES_BY_NAME[table].column(name)
    assert column is not None
    return column


def _outcome(write: Any, value: Any) -> tuple[str, Any]:
    try:
        return "ok", write(value)
    except (TypeError, ValueError) as exc:
        return "refused", type(exc)


def _same_as_fresh(column: ColumnSpec, values: list[Any], *, csv: bool = False) -> None:
    """One formatter over ``values`` gives what a new formatter gives each value."""
    write = formatter(column, csv=csv)
    assert [_outcome(write, v) for v in values] == [
        _outcome(formatter(column, csv=csv), v) for v in values
    ]


moments = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2060, 1, 1), timezones=st.none()
)
zones = st.sampled_from([None, UTC, timezone(timedelta(hours=8)), timezone(timedelta(hours=-5))])


@st.composite
def stored_times(draw: st.DrawFn) -> Any:
    moment = draw(moments)
    form = draw(st.sampled_from(["naive", "aware", "sqlite", "short", "odd"]))
    if form == "naive":
        return moment
    if form == "aware":
        zone = draw(zones) or UTC
        return moment.replace(tzinfo=zone)
    if form == "sqlite":
        return moment.strftime("%Y-%m-%d %H:%M:%S.%f")
    if form == "short":
        return moment.strftime("%Y-%m-%d %H:%M:%S")
    return draw(st.sampled_from(["2025-02-30 10:00:00.000000", "x" * 26, 20250101, None]))


def _expected_time(value: Any) -> tuple[str, Any]:
    if isinstance(value, datetime):
        return "ok", format_datetime(value)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return "refused", ValueError
        return "ok", format_datetime(parsed)
    return "refused", TypeError if value is not None else ValueError


@settings(max_examples=300, deadline=None)
@given(st.lists(stored_times(), max_size=12))
def test_times_as_stored_or_as_datetimes(values: list[Any]) -> None:
    column = _column("activities", "updated_at")  # not nullable
    write = formatter(column)
    doubled = [v for drawn in values for v in (drawn, drawn)]  # the same value again
    assert [_outcome(write, v) for v in doubled] == [_expected_time(v) for v in doubled]


ids = st.uuids()


@st.composite
def stored_ids(draw: st.DrawFn) -> Any:
    key = draw(ids)
    form = draw(st.sampled_from(["uuid", "hex", "dashed", "upper", "odd"]))
    return {
        "uuid": key,
        "hex": key.hex,
        "dashed": str(key),
        "upper": key.hex.upper(),
        "odd": draw(st.sampled_from(["z" * 32, key.int, key.bytes, None])),
    }[form]


@settings(max_examples=300, deadline=None)
@given(st.lists(stored_ids(), max_size=12))
def test_ids_as_stored_or_as_uuids(values: list[Any]) -> None:
    column = _column("hours", "session_id")  # nullable
    write = formatter(column)
    for value in [v for drawn in values for v in (drawn, drawn)]:
        outcome = _outcome(write, value)
        if value is None:
            assert outcome == ("ok", "")
        elif isinstance(value, uuid.UUID) or (isinstance(value, str) and not value.startswith("z")):
            assert outcome == ("ok", str(uuid.UUID(str(value))))
        else:
            assert outcome[0] == "refused"
    _same_as_fresh(column, values)


plain_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**33), 2**33),
    st.text(max_size=8),
    st.dates(),
    moments,
    ids,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(plain_values, max_size=10), st.sampled_from(list(TABLES_BY_NAME)))
def test_every_column_gives_each_value_what_a_fresh_formatter_gives(
    values: list[Any], table: str
) -> None:
    for column in TABLES_BY_NAME[table].columns:
        _same_as_fresh(column, values)
        _same_as_fresh(column, values, csv=True)


def test_text_checks_are_kept() -> None:
    title = _column("activities", "title")  # 1..200 characters
    state = _column("activities", "state")  # a closed set
    assert formatter(title)("分拣") == "分拣"
    for value in ("", "x" * 201, "a\x00b"):
        with pytest.raises(ValueError):
            formatter(title)(value)
    with pytest.raises(TypeError):
        formatter(title)(5)
    with pytest.raises(ValueError):
        formatter(state)("archived")
    assert formatter(_column("activities", "version"))(3) == "3"
    with pytest.raises(TypeError):
        formatter(_column("activities", "walk_ins_allowed"))(1)
    with pytest.raises(TypeError):
        formatter(_column("hours", "work_date"))(datetime(2025, 3, 1))
    assert formatter(_column("hours", "work_date"))(date(2025, 3, 1)) == "2025-03-01"


def _csv_row(fields: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, dialect="excel", lineterminator="\r\n").writerow(fields)
    return out.getvalue()


texts = st.text(alphabet=st.sampled_from("ab,\"\r\n 社区=\t'x"), max_size=12)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_a_csv_field_is_quoted_as_csv_writer_quotes_it(text: str) -> None:
    assert csv_field(text) + ",end\r\n" == _csv_row([text, "end"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(texts, st.integers(0, 99), st.booleans()), max_size=450))
def test_a_table_is_written_as_csv_writer_writes_it(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, int, bool]]
) -> None:
    path = tmp_path_factory.mktemp("csv") / "x.pdsync"
    names = FEEDBACK.column_names
    now = datetime(2025, 3, 1, 2, 30, tzinfo=UTC)
    records = [
        {
            "id": uuid.UUID(int=n + 1),
            "version": 1,
            "updated_at": now,
            "activity_id": uuid.UUID(int=10**6 + n),
            "people_served": served,
            "beneficiaries": None,
            "work_done": text or None,
            "outcomes": text,
            "problems": None,
            "photo_count": served,
            "satisfaction": None,
            "waived": waived,
            "waive_reason": None,
            "submitted_by": "王老师",
            "submitted_on": date(2025, 3, 1),
        }
        for n, (text, served, waived) in enumerate(rows)
    ]
    fields = ManifestFields(org_code="GREEN", export_id=uuid.UUID(int=7), period_end=now)
    write_bundle(path, fields, {"feedback": (names, records)}, signing_key=KEYS)
    with zipfile.ZipFile(path) as archive:
        written = archive.read("feedback.csv")
    expected = io.StringIO()
    writer = csv.writer(expected, dialect="excel", lineterminator="\r\n")
    writer.writerow(names)
    texts_of = {column.name: formatter(column) for column in FEEDBACK.columns}
    for record in records:
        writer.writerow([texts_of[name](record[name]) for name in names])
    assert written == expected.getvalue().encode("utf-8")
