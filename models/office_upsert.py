"""Upserting a verified bundle's rows into the programme office's tables.

Each table of the bundle that the office keeps maps onto one ``Office*`` table.
Rows are read in chunks; for each chunk the versions already stored are looked up
by id, then new ids are inserted, ids with a higher incoming version updated, and
everything else left alone (equal or older version: unchanged).  The statements
are plain SQLAlchemy (``insert`` / bulk ``update`` by primary key / ``delete``), the
same on SQLite and PostgreSQL.

Hours: the office keeps approved lines only.  A line that arrives not approved is
skipped, and removes the stored line only when its version is higher (it is no
longer approved).  An id already stored for another partner is a conflict: the
whole bundle is refused (the caller's transaction is rolled back).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from models.bundle import VerifiedBundle
from models.bundle_errors import BundleError
from models.enums import ApprovalStatus
from models.errors import N_
from models.schema import (
    OfficeActivity,
    OfficeDonationSummary,
    OfficeFeedback,
    OfficeHourLine,
    OfficeSession,
)

CHUNK = 500

CONFLICT = N_(
    "{file}: {member}, row {row}: the id {id} belongs to partner {other}, not to {org}. "
    "The file is refused; nothing was imported from it."
)


@dataclass(frozen=True)
class TableCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # rows the office does not keep (hour lines not approved)

    def __add__(self, other: TableCounts) -> TableCounts:
        return TableCounts(
            self.new + other.new,
            self.updated + other.updated,
            self.unchanged + other.unchanged,
            self.skipped + other.skipped,
        )

    def as_json(self) -> dict[str, int]:
        return {
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
        }


def _text(value: Any) -> Any:
    return None if value is None else str(value)


# Bundle table → (office model, {office column: bundle column}); volunteer refs as text.
MAPPINGS: Mapping[str, tuple[Any, Mapping[str, str]]] = {
    "activities": (
        OfficeActivity,
        {
            "title": "title",
            "kind": "kind",
            "starts_at": "starts_at",
            "ends_at": "ends_at",
            "state": "state",
            "programme_tag": "programme_tag",
            "location": "location",
        },
    ),
    "attendance_sessions": (
        OfficeSession,
        {
            "activity_id": "activity_id",
            "volunteer_ref": "volunteer_ref",
            "started_at": "started_at",
            "ended_at": "ended_at",
            "status": "status",
            "counted_minutes": "counted_minutes",
        },
    ),
    "hours": (
        OfficeHourLine,
        {
            "activity_id": "activity_id",
            "volunteer_ref": "volunteer_ref",
            "kind": "kind",
            "work_date": "work_date",
            "minutes": "minutes",
            "matching_fen": "matching_fen",
            "corrects_id": "corrects_id",
        },
    ),
    "feedback": (
        OfficeFeedback,
        {
            "activity_id": "activity_id",
            "people_served": "people_served",
            "beneficiaries": "beneficiaries",
            "work_done": "work_done",
            "outcomes": "outcomes",
            "problems": "problems",
            "photo_count": "photo_count",
            "satisfaction": "satisfaction",
            "waived": "waived",
            "waive_reason": "waive_reason",
        },
    ),
    "donation_summary": (
        OfficeDonationSummary,
        {
            "month": "month",
            "category": "category",
            "items_received": "items_received",
            "estimated_value_fen": "estimated_value_fen",
            "items_sold": "items_sold",
            "sold_value_fen": "sold_value_fen",
        },
    ),
}
_AS_TEXT = frozenset({"volunteer_ref"})


@dataclass(frozen=True)
class Target:
    """Where a bundle's rows go: the partner and the import's log row."""

    partner_id: uuid.UUID
    org_code: str
    import_id: uuid.UUID
    partner_codes: Mapping[uuid.UUID, str]  # every partner, to name a conflict


def _batches(rows: Iterable[tuple[int, dict[str, Any]]]) -> Iterator[list[tuple[int, Any]]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, CHUNK)):
        yield batch


def _values(
    model: Any, mapping: Mapping[str, str], row: Mapping[str, Any], target: Target
) -> dict[str, Any]:
    values = {
        "id": row["id"],
        "partner_id": target.partner_id,
        "version": row["version"],
        "updated_at": row["updated_at"],
        "import_id": target.import_id,
    }
    for column, source in mapping.items():
        value = row.get(source)
        values[column] = _text(value) if column in _AS_TEXT else value
    if model is OfficeActivity and values["kind"] is None:
        values["kind"] = ""
    if model is OfficeFeedback:
        values["photo_count"] = values["photo_count"] or 0
        values["waived"] = bool(values["waived"])
    return values


def upsert_table(
    session: Session, bundle: VerifiedBundle, table: str, target: Target
) -> TableCounts:
    """Upsert one table of ``bundle``; ``BundleError`` on an id of another partner."""
    model, mapping = MAPPINGS[table]
    keeps_all = table != "hours"
    counts = TableCounts()
    for batch in _batches(enumerate(bundle.rows(table), start=2)):
        latest: dict[uuid.UUID, tuple[int, dict[str, Any]]] = {}
        doubles = 0
        for number, row in batch:
            seen = latest.get(row["id"])
            if seen is not None:
                doubles += 1  # the same id twice in one file: the higher version counts
                if row["version"] <= seen[1]["version"]:
                    continue
            latest[row["id"]] = (number, row)
        stored = {
            key: (version, owner)
            for key, version, owner in session.execute(
                select(model.id, model.version, model.partner_id).where(model.id.in_(latest))
            )
        }
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        removals: list[uuid.UUID] = []
        new = updated = unchanged = skipped = 0
        for key, (number, row) in latest.items():
            keep = keeps_all or row.get("status") == ApprovalStatus.APPROVED.value
            found = stored.get(key)
            if found is not None and found[1] != target.partner_id:
                raise BundleError(
                    CONFLICT,
                    file=bundle.path.name,
                    member=f"{table}.csv",
                    row=number,
                    id=str(key),
                    other=target.partner_codes.get(found[1], "?"),
                    org=target.org_code,
                )
            if found is None:
                if keep:
                    inserts.append(_values(model, mapping, row, target))
                    new += 1
                else:
                    skipped += 1
            elif row["version"] > found[0]:
                if keep:
                    updates.append(_values(model, mapping, row, target))
                else:
                    removals.append(key)
                updated += 1
            else:
                unchanged += 1
        if inserts:
            session.connection().execute(insert(model.__table__), inserts)
        if updates:
            session.execute(update(model), updates)
        if removals:
            session.execute(delete(model).where(model.id.in_(removals)))
        counts = counts + TableCounts(new, updated, unchanged + doubles, skipped)
    return counts
