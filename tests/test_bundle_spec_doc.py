"""The written specification (docs/sync-format.md) and models/bundle_spec.py agree,
and the spec is consistent with itself and with the office's tables."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import Integer, String

from models import bundle_spec, organisation
from models.bundle_manifest import ORG_CODE
from models.bundle_spec import TABLES, TABLES_BY_NAME, ValueType, tables_markdown, updated_doc
from models.schema import (
    ActivityFeedback,
    OfficeActivity,
    OfficeDonationSummary,
    OfficeFeedback,
    OfficeHourLine,
    OfficeSession,
)

DOC = Path(__file__).resolve().parent.parent / "docs" / "sync-format.md"
REGENERATE = "run: .venv/bin/python -m models.bundle_spec docs/sync-format.md"


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


def test_generated_tables_section_is_current(doc: str) -> None:
    assert updated_doc(doc) == doc, REGENERATE


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.name)
def test_every_table_and_column_is_documented(doc: str, table: bundle_spec.TableSpec) -> None:
    section = doc.split(f"### `{table.file_name}`", 1)[1].split("\n### ", 1)[0]
    documented = re.findall(r"^\| `([a-z_0-9]+)` \|", section, flags=re.M)
    assert documented == list(table.column_names), REGENERATE


def test_the_doc_names_the_current_version_and_every_value_type(doc: str) -> None:
    assert doc.startswith(f"# Partner Desk sync bundle — format {bundle_spec.FORMAT_VERSION}\n")
    for value_type in ValueType:
        assert f"| `{value_type.value}` |" in doc
    assert str(bundle_spec.SUMMARY_NAMESPACE) in doc
    assert tables_markdown() in doc


def test_every_table_has_the_upsert_columns_first() -> None:
    for table in TABLES:
        assert table.column_names[:3] == ("id", "version", "updated_at"), table.name
        assert len(set(table.column_names)) == len(table.column_names), table.name
        assert bundle_spec.TABLE_NAME_PATTERN.match(table.name)
        for column in table.columns:
            assert bundle_spec.TABLE_NAME_PATTERN.match(column.name), column.name
            assert column.meaning.endswith((".", ")")), column.name


def test_the_org_code_rule_is_the_organisation_one() -> None:
    assert ORG_CODE.pattern == organisation.ORG_CODE_PATTERN.pattern


# The office tables (models/schema/sync.py) take every column of the bundle's matching
# table that they have, with room for its longest text and an int type for its ints.
OFFICE = [
    ("activities", OfficeActivity, {}),
    ("attendance_sessions", OfficeSession, {}),
    ("hours", OfficeHourLine, {}),
    ("feedback", OfficeFeedback, {}),
    ("donation_summary", OfficeDonationSummary, {}),
]


@pytest.mark.parametrize(("name", "model", "renamed"), OFFICE, ids=[o[0] for o in OFFICE])
def test_office_tables_fit_the_bundle_columns(
    name: str, model: type, renamed: dict[str, str]
) -> None:
    table = TABLES_BY_NAME[name]
    office = model.__table__  # type: ignore[attr-defined]
    skipped = {"partner_id", "import_id"}
    for office_column in office.columns:
        if office_column.name in skipped:
            continue
        column = table.column(renamed.get(office_column.name, office_column.name))
        assert column is not None, f"{name} lacks {office_column.name}"
        length = getattr(office_column.type, "length", None)
        if isinstance(office_column.type, String) and length:
            longest = {ValueType.UUID: 36, ValueType.MONTH: 7}.get(column.type, column.max_length)
            assert longest is not None, office_column.name
            assert longest <= length, office_column.name
        if isinstance(office_column.type, Integer):
            assert column.type is ValueType.INT, office_column.name
        if not office_column.nullable and office_column.default is None:
            assert not column.nullable, office_column.name


def test_feedback_columns_are_the_partner_side_ones() -> None:
    partner = {c.name for c in ActivityFeedback.__table__.columns} - {"created_at"}
    assert partner == set(TABLES_BY_NAME["feedback"].column_names)
