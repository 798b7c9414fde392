"""The tables of a sync bundle (``.pdsync``): names, columns, types and meaning.

This module *is* the specification of the bundle's content: ``models.bundle``
writes and checks files by it, and the tables section of ``docs/sync-format.md``
is generated from it (``python -m models.bundle_spec docs/sync-format.md``; a test
fails when the two differ).

Every table has ``id`` (UUID), ``version`` and ``updated_at``, so that an import can
upsert by id and keep the higher version.  Volunteers appear only as
``volunteer_ref``: their UUID on the partner's desk, stable and not personal.
Phone numbers (columns marked ``contact``) are masked unless the coordinator chose
to include contacts.

Values are text in the CSV; each type has exactly one written form:

=========  ====================================================================
uuid       lower-case hex in 8-4-4-4-12 groups (read case-insensitively)
text       any UTF-8 text without NUL; may hold commas, quotes and line breaks
int        decimal digits with an optional ``-``; within 32-bit signed range
bool       ``true`` or ``false``
date       ``YYYY-MM-DD``
datetime   UTC, ``YYYY-MM-DDTHH:MM:SSZ`` or with 1–6 fraction digits before ``Z``
month      ``YYYY-MM``
=========  ====================================================================

An empty field is "no value" (NULL); for a text column that cannot be NULL it is
the empty text.
"""

from __future__ import annotations

import re
import sys
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from models.enums import (
    ActivityState,
    ApprovalStatus,
    HourKind,
    RequestStatus,
    ScanOutcome,
    ScanSource,
    SessionStatus,
)

FORMAT_NAME = "partner-desk-sync"
FORMAT_MAJOR = 1
FORMAT_MINOR = 0
FORMAT_VERSION = f"{FORMAT_MAJOR}.{FORMAT_MINOR}"

MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
CSV_SUFFIX = ".csv"
# A table's name: lower-case ASCII letters, digits and underscores.
TABLE_NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,59}$")

INT32_MIN = -(2**31)
INT32_MAX = 2**31 - 1
MAX_TEXT = 5000

# Namespace of the derived ids of donation_summary rows (see summary_row_id).
SUMMARY_NAMESPACE = uuid.UUID("5b1f7a52-3c0e-4d7e-9a57-2f3c8e0d6a11")


class ValueType(StrEnum):
    UUID = "uuid"
    TEXT = "text"
    INT = "int"
    BOOL = "bool"
    DATE = "date"
    DATETIME = "datetime"
    MONTH = "month"


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    type: ValueType
    meaning: str
    nullable: bool = False
    max_length: int | None = None  # text: characters
    min_length: int = 0  # text
    choices: tuple[str, ...] = ()  # text: the closed set of values
    minimum: int | None = None  # int
    maximum: int | None = None  # int
    contact: bool = False  # a phone number: masked unless contacts are included
    since_minor: int = 0  # the format minor version that added this column


@dataclass(frozen=True)
class TableSpec:
    name: str
    meaning: str
    columns: tuple[ColumnSpec, ...]
    since_minor: int = 0

    @property
    def file_name(self) -> str:
        return self.name + CSV_SUFFIX

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def column(self, name: str) -> ColumnSpec | None:
        for column in self.columns:
            if column.name == name:
                return column
        return None


def _values(enum_cls: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum_cls)


def _id(what: str) -> ColumnSpec:
    return ColumnSpec("id", ValueType.UUID, f"Globally unique id of the {what}; the upsert key.")


_VERSION = ColumnSpec(
    "version",
    ValueType.INT,
    "Edit counter of the row, starting at 1; an import keeps the row with the higher version.",
    minimum=1,
    maximum=INT32_MAX,
)
_UPDATED_AT = ColumnSpec("updated_at", ValueType.DATETIME, "When the row last changed (UTC).")


def _text(
    name: str, meaning: str, limit: int = MAX_TEXT, *, nullable: bool = True, **extra: Any
) -> ColumnSpec:
    if extra.get("choices") and not nullable:
        extra.setdefault("min_length", 1)  # one of the values, never empty
    return ColumnSpec(name, ValueType.TEXT, meaning, nullable=nullable, max_length=limit, **extra)


def _count(name: str, meaning: str, *, nullable: bool = False) -> ColumnSpec:
    return ColumnSpec(name, ValueType.INT, meaning, nullable=nullable, minimum=0, maximum=INT32_MAX)


def _fen(name: str, meaning: str, *, nullable: bool = False, minimum: int | None = 0) -> ColumnSpec:
    return ColumnSpec(
        name,
        ValueType.INT,
        meaning + " In fen (1/100 yuan).",
        nullable=nullable,
        minimum=INT32_MIN if minimum is None else minimum,
        maximum=INT32_MAX,
    )


def _uuid(name: str, meaning: str, *, nullable: bool = False) -> ColumnSpec:
    return ColumnSpec(name, ValueType.UUID, meaning, nullable=nullable)


def _when(name: str, meaning: str, *, nullable: bool = False) -> ColumnSpec:
    return ColumnSpec(name, ValueType.DATETIME, meaning, nullable=nullable)


def _flag(name: str, meaning: str) -> ColumnSpec:
    return ColumnSpec(name, ValueType.BOOL, meaning)


_VOLUNTEER_REF = _uuid(
    "volunteer_ref",
    "The volunteer: their id on the partner's desk (stable, not personal; details only in "
    "the volunteers table).",
)

ACTIVITIES = TableSpec(
    "activities",
    "Activities of the partner (one row per activity).",
    (
        _id("activity"),
        _VERSION,
        _UPDATED_AT,
        _text("title", "Title as shown to volunteers.", 200, nullable=False, min_length=1),
        _text("kind", "Type of activity (free text, may be empty).", 60, nullable=False),
        _text("description", "Longer description."),
        _when("starts_at", "Scheduled start (UTC)."),
        _when("ends_at", "Scheduled end (UTC); after starts_at."),
        _text("location", "Where it takes place.", 300),
        _text("programme_tag", "Tag of the corporate programme it belongs to.", 60),
        _text(
            "state",
            "draft, open, closed or exported.",
            20,
            nullable=False,
            choices=_values(ActivityState),
        ),
        _count("scheduled_minutes", "Scheduled service time per volunteer, in minutes."),
        _count("capacity", "Most volunteers it takes; empty for no limit.", nullable=True),
        ColumnSpec(
            "walk_ins_allowed",
            ValueType.BOOL,
            "Whether volunteers not on the roster may check in.",
        ),
        _when("closed_at", "When staff closed it (UTC); empty while not closed.", nullable=True),
    ),
)

ATTENDANCE_SESSIONS = TableSpec(
    "attendance_sessions",
    "Attendance: a check-in paired with its check-out, possibly from another kiosk.",
    (
        _id("session"),
        _VERSION,
        _UPDATED_AT,
        _uuid("activity_id", "The activity (id in activities)."),
        _VOLUNTEER_REF,
        _when("started_at", "Check-in time (UTC)."),
        _when("ended_at", "Check-out time (UTC); empty while still checked in.", nullable=True),
        _text(
            "status",
            "open, closed, resolved (check-out set by staff) or discarded.",
            20,
            nullable=False,
            choices=_values(SessionStatus),
        ),
        _text(
            "resolution",
            "How staff resolved a missing check-out: scheduled_end, manual_time or discarded.",
            20,
        ),
        _count("counted_minutes", "Minutes counted under the hour rules."),
        _flag("needs_review", "Closed automatically or otherwise flagged for staff review."),
        _uuid("check_in_event_id", "The check-in scan (id in scan_events).", nullable=True),
        _uuid("check_out_event_id", "The check-out scan (id in scan_events).", nullable=True),
    ),
)

HOURS = TableSpec(
    "hours",
    "Service-hour lines (公益时). Session lines come from attendance; supplemental (补录) "
    "and correction lines need a reason. An approved line is never changed: a later change "
    "is a new correction line (corrects_id set) carrying the difference in minutes and "
    "matching amount.",
    (
        _id("hour line"),
        _VERSION,
        _UPDATED_AT,
        _uuid("activity_id", "The activity, if any (id in activities).", nullable=True),
        _VOLUNTEER_REF,
        _uuid("session_id", "The attendance session (session lines).", nullable=True),
        _text(
            "kind",
            "session, supplemental or correction.",
            20,
            nullable=False,
            choices=_values(HourKind),
        ),
        ColumnSpec("work_date", ValueType.DATE, "Day of the service (organisation's time zone)."),
        _when("started_at", "Start of the service (UTC), if known.", nullable=True),
        _when("ended_at", "End of the service (UTC), if known.", nullable=True),
        ColumnSpec(
            "minutes",
            ValueType.INT,
            "Minutes of service; negative only on a correction line.",
            minimum=INT32_MIN,
            maximum=INT32_MAX,
        ),
        _text(
            "status",
            "pending, approved or rejected; only approved lines count.",
            20,
            nullable=False,
            choices=_values(ApprovalStatus),
        ),
        _fen(
            "matching_fen",
            "Sponsor's matching amount (配捐) for this line, frozen once exported; 0 while not "
            "approved.",
            minimum=None,
        ),
        _uuid("corrects_id", "The line this correction corrects (id in hours).", nullable=True),
        _text("reason", "Why a supplemental or correction line was entered."),
        _text("requested_by", "Staff member who entered it.", 100),
        _text("decided_by", "Staff member who approved or rejected it.", 100),
        _when("decided_at", "When it was approved or rejected (UTC).", nullable=True),
    ),
)

CORRECTIONS = TableSpec(
    "corrections",
    "Volunteers' own requests to correct their record (民政部令第67号) and the answers. "
    "Corrections of hours themselves are correction lines in hours.",
    (
        _id("request"),
        _VERSION,
        _UPDATED_AT,
        _VOLUNTEER_REF,
        _uuid("activity_id", "The activity concerned, if any.", nullable=True),
        _when("received_at", "When the request was received (UTC)."),
        _text("request_text", "What the volunteer asked for.", nullable=False, min_length=1),
        _text("status", "open or answered.", 20, nullable=False, choices=_values(RequestStatus)),
        _text("response_text", "The answer given."),
        _text("answered_by", "Staff member who answered.", 100),
        _when("answered_at", "When it was answered (UTC).", nullable=True),
        _uuid(
            "resulting_entry_id", "The hour line the answer created (id in hours).", nullable=True
        ),
    ),
)

FEEDBACK = TableSpec(
    "feedback",
    "Activity feedback (活动反馈): one row per activity, or a waiver with its reason.",
    (
        _id("feedback"),
        _VERSION,
        _UPDATED_AT,
        _uuid("activity_id", "The activity (id in activities)."),
        _count("people_served", "Number of people served.", nullable=True),
        _text("beneficiaries", "Who they were."),
        _text("work_done", "What was done."),
        _text("outcomes", "What it achieved."),
        _text("problems", "Problems met, suggestions."),
        _count("photo_count", "Number of photos taken."),
        ColumnSpec(
            "satisfaction",
            ValueType.INT,
            "Volunteers' satisfaction, 1 (poor) to 5 (excellent).",
            nullable=True,
            minimum=1,
            maximum=5,
        ),
        _flag("waived", "true: no feedback is given for this activity (see waive_reason)."),
        _text("waive_reason", "Why the feedback was waived."),
        _text("submitted_by", "Staff member who submitted or waived it.", 100),
        ColumnSpec(
            "submitted_on",
            ValueType.DATE,
            "Day it was submitted (organisation's time zone).",
            nullable=True,
        ),
    ),
)

DONATION_SUMMARY = TableSpec(
    "donation_summary",
    "Donated items per month and category, as counted by the partner. Derived rows: id is "
    "uuid5(SUMMARY_NAMESPACE, '<ORG>/<YYYY-MM>/<category>') and version grows whenever the "
    "figures change.",
    (
        _id("summary line"),
        _VERSION,
        _UPDATED_AT,
        ColumnSpec("month", ValueType.MONTH, "Month the items were received (YYYY-MM)."),
        _text(
            "category",
            "Category path, e.g. 服装 › 外套.",
            130,
            nullable=False,
            min_length=1,
        ),
        _count("items_received", "Items received (quantities added up)."),
        _fen("estimated_value_fen", "Estimated value of the items received."),
        _count("items_sold", "Of those, items sold so far."),
        _fen("sold_value_fen", "Takings from the items sold."),
    ),
)

SCAN_EVENTS = TableSpec(
    "scan_events",
    "Every scan a kiosk answered, accepted or not (append-only: version is always 1 and "
    "updated_at the time it was recorded). For merging the kiosks of one organisation; "
    "the scanned text itself is not exported (it may be anyone's QR code).",
    (
        _id("scan"),
        _VERSION,
        _UPDATED_AT,
        _uuid("activity_id", "The activity scanned for, if any.", nullable=True),
        _uuid("volunteer_ref", "The volunteer recognised, if any (their id).", nullable=True),
        _text("device_id", "The kiosk that took the scan.", 64, nullable=False, min_length=1),
        _text(
            "source",
            "camera, scanner, manual or paper (back-filled from a sign-in sheet).",
            20,
            nullable=False,
            choices=_values(ScanSource),
        ),
        _text(
            "outcome",
            "check_in, check_out, duplicate or rejected.",
            20,
            nullable=False,
            choices=_values(ScanOutcome),
        ),
        _text("reason", "Why a scan was rejected or ignored.", 40),
        _when("scanned_at", "When it was scanned (UTC; for paper, the time on the sheet)."),
        _when("recorded_at", "When the kiosk recorded it (UTC)."),
        _flag("outside_window", "Scanned outside the activity's time window."),
        _flag("backfilled", "Entered afterwards from a paper sign-in sheet."),
    ),
)

VOLUNTEERS = TableSpec(
    "volunteers",
    "The volunteers referred to by the other tables (volunteer_ref = id). The phone number "
    "is masked (138****5678) unless the manifest says include_contacts.",
    (
        _id("volunteer"),
        _VERSION,
        _UPDATED_AT,
        _text("code", "Short code printed on the badge (e.g. V000123).", 16, nullable=False),
        _text("name", "Name.", 100, nullable=False, min_length=1),
        _text("programme_id", "The volunteer's id in the corporate programme, if known.", 60),
        _text("employer", "Employer (the sponsoring company).", 200),
        _text("phone", "Phone number; masked unless contacts are included.", 40, contact=True),
        _uuid(
            "merged_into_ref",
            "Set when this record was merged into another volunteer (its id).",
            nullable=True,
        ),
    ),
)

TABLES: tuple[TableSpec, ...] = (
    ACTIVITIES,
    ATTENDANCE_SESSIONS,
    HOURS,
    CORRECTIONS,
    FEEDBACK,
    DONATION_SUMMARY,
    SCAN_EVENTS,
    VOLUNTEERS,
)
TABLES_BY_NAME: Mapping[str, TableSpec] = {table.name: table for table in TABLES}
#: What the programme office imports; scan_events only travel between desks.
OFFICE_TABLES: tuple[str, ...] = (
    "activities",
    "attendance_sessions",
    "hours",
    "corrections",
    "feedback",
    "donation_summary",
)


def summary_row_id(org_code: str, month: str, category: str) -> uuid.UUID:
    """The stable id of a donation_summary row."""
    return uuid.uuid5(SUMMARY_NAMESPACE, f"{org_code}/{month}/{category}")


# -- the written specification ---------------------------------------------------------

DOC_BEGIN = "<!-- tables:begin (generated from models/bundle_spec.py; do not edit) -->"
DOC_END = "<!-- tables:end -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _type_text(column: ColumnSpec) -> str:
    parts = [column.type.value]
    if column.max_length is not None:
        parts.append(f"≤ {column.max_length} chars")
    if column.min_length and not column.choices:
        parts.append("not empty")
    if column.type is ValueType.INT:
        low = INT32_MIN if column.minimum is None else column.minimum
        high = INT32_MAX if column.maximum is None else column.maximum
        if (low, high) != (INT32_MIN, INT32_MAX):
            parts.append(f"{low} to {high}" if high != INT32_MAX else f"≥ {low}")
    if column.choices:
        parts.append("one of " + ", ".join(f"`{choice}`" for choice in column.choices))
    if column.since_minor:
        parts.append(f"since {FORMAT_MAJOR}.{column.since_minor}")
    return "; ".join(parts)


def _empty_text(column: ColumnSpec) -> str:
    if column.nullable:
        return "yes: no value"
    if column.type is ValueType.TEXT and not column.min_length:
        return "yes: empty text"
    return "no"


def tables_markdown() -> str:
    """The tables section of docs/sync-format.md."""
    lines: list[str] = []
    for table in TABLES:
        lines += [f"### `{table.file_name}`", "", _cell(table.meaning), ""]
        lines += ["| column | type | empty field | meaning |", "| --- | --- | --- | --- |"]
        for column in table.columns:
            empty = _empty_text(column)
            meaning = column.meaning + (
                " **Masked unless contacts are included.**" if column.contact else ""
            )
            lines.append(
                f"| `{column.name}` | {_cell(_type_text(column))} | {empty} | {_cell(meaning)} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def updated_doc(text: str) -> str:
    """``text`` (docs/sync-format.md) with its generated tables section refreshed."""
    begin = text.index(DOC_BEGIN) + len(DOC_BEGIN)
    end = text.index(DOC_END)
    return text[:begin] + "\n\n" + tables_markdown() + "\n" + text[end:]


if __name__ == "__main__":  # pragma: no cover - a developer's tool
    doc = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/sync-format.md")
    doc.write_text(updated_doc(doc.read_text(encoding="utf-8")), encoding="utf-8")
