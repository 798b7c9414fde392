"""The audit log viewer's queries: filter, page, and export to CSV or XLSX.

Filters combine with AND: local dates (inclusive), the staff name, an action
(``hour_entry.approve``) or an action family (``hour_entry.``), the entity and
its id, and free text that matches the staff name, action, entity, id, reason
and the values before and after.  Rows come newest first.  Exports go through
:mod:`models.spreadsheet` (formula cells escaped, atomic write) and stream.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from models.clock import as_utc
from models.errors import N_
from models.hour_rules import local_midnight_utc
from models.intake import org_zone
from models.schema import AuditEntry
from models.spreadsheet import Column, write_table

MAX_PAGE = 1000

#: Export headers (English templates; the GUI passes translated ones).
EXPORT_HEADERS: tuple[str, ...] = (
    N_("Time"),
    N_("Staff"),
    N_("Action"),
    N_("Record"),
    N_("Record id"),
    N_("Changes"),
    N_("Before"),
    N_("After"),
    N_("Reason"),
)


@dataclass(frozen=True)
class AuditFilter:
    start: date | None = None
    end: date | None = None
    staff: str | None = None
    action: str | None = None  # exact, or a prefix ending in "."
    entity: str | None = None
    entity_id: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class FieldChange:
    name: str
    before: Any
    after: Any


@dataclass(frozen=True)
class AuditRow:
    id: str
    at: datetime
    staff: str
    action: str
    entity: str
    entity_id: str | None
    before: Any
    after: Any
    reason: str | None
    changes: tuple[FieldChange, ...] = field(default=())


@dataclass(frozen=True)
class AuditPage:
    rows: tuple[AuditRow, ...]
    total: int
    offset: int
    limit: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.rows) < self.total


def changes(before: Any, after: Any) -> tuple[FieldChange, ...]:
    """The fields whose value differs between ``before`` and ``after`` (dicts)."""
    old = before if isinstance(before, dict) else {}
    new = after if isinstance(after, dict) else {}
    names = list(dict.fromkeys([*old, *new]))
    return tuple(
        FieldChange(name, old.get(name), new.get(name))
        for name in names
        if old.get(name) != new.get(name)
    )


def _conditions(session: Session, flt: AuditFilter) -> list[Any]:
    where: list[Any] = []
    zone = org_zone(session)
    if flt.start is not None:
        where.append(AuditEntry.at >= local_midnight_utc(flt.start, zone))
    if flt.end is not None:
        where.append(AuditEntry.at < local_midnight_utc(flt.end + timedelta(days=1), zone))
    if flt.staff:
        where.append(AuditEntry.staff_name == flt.staff.strip())
    if flt.action:
        action = flt.action.strip()
        if action.endswith("."):
            where.append(AuditEntry.action.startswith(action, autoescape=True))
        else:
            where.append(AuditEntry.action == action)
    if flt.entity:
        where.append(AuditEntry.entity == flt.entity.strip())
    if flt.entity_id:
        where.append(AuditEntry.entity_id == flt.entity_id.strip())
    text = (flt.text or "").strip()
    if text:
        # JSON is stored with non-ASCII characters escaped (\u738b): match both forms.
        escaped = json.dumps(text)[1:-1]
        forms = {text, escaped}
        columns = [
            AuditEntry.staff_name,
            AuditEntry.action,
            AuditEntry.entity,
            AuditEntry.entity_id,
            AuditEntry.reason,
            cast(AuditEntry.before, String),
            cast(AuditEntry.after, String),
        ]
        where.append(or_(*(c.contains(form, autoescape=True) for c in columns for form in forms)))
    return where


def _row(entry: AuditEntry) -> AuditRow:
    return AuditRow(
        str(entry.id),
        as_utc(entry.at),
        entry.staff_name,
        entry.action,
        entry.entity,
        entry.entity_id,
        entry.before,
        entry.after,
        entry.reason,
        changes(entry.before, entry.after),
    )


def query(
    session: Session, flt: AuditFilter | None = None, *, offset: int = 0, limit: int = 100
) -> AuditPage:
    """One page of matching rows, newest first, and how many match in all."""
    flt = flt or AuditFilter()
    limit = max(1, min(limit, MAX_PAGE))
    offset = max(0, offset)
    where = _conditions(session, flt)
    total = session.scalar(select(func.count()).select_from(AuditEntry).where(*where)) or 0
    rows = session.scalars(
        select(AuditEntry)
        .where(*where)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return AuditPage(tuple(_row(r) for r in rows), int(total), offset, limit)


def staff_names(session: Session) -> list[str]:
    """Everyone named in the log (for the staff filter)."""
    return list(
        session.scalars(select(AuditEntry.staff_name).distinct().order_by(AuditEntry.staff_name))
    )


def actions(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))


def entities(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.entity).distinct().order_by(AuditEntry.entity)))


def _json(value: Any) -> str:
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _iter_rows(session: Session, flt: AuditFilter) -> Iterator[tuple[Any, ...]]:
    zone = org_zone(session)
    stream = session.scalars(
        select(AuditEntry)
        .where(*_conditions(session, flt))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .execution_options(yield_per=1000)
    )
    for entry in stream:
        summary = "; ".join(
            f"{c.name}: {_json(c.before) or '∅'} → {_json(c.after) or '∅'}"
            for c in changes(entry.before, entry.after)
        )
        yield (
            as_utc(entry.at).astimezone(zone).strftime("%Y-%m-%d %H:%M:%S"),
            entry.staff_name,
            entry.action,
            entry.entity,
            entry.entity_id,
            summary,
            _json(entry.before),
            _json(entry.after),
            entry.reason,
        )


def export(
    session: Session,
    path: Path,
    flt: AuditFilter | None = None,
    *,
    headers: Sequence[str] = EXPORT_HEADERS,
) -> int:
    """Write the matching rows to ``path`` (.csv or .xlsx); returns how many."""
    count = 0

    def counted() -> Iterator[tuple[Any, ...]]:
        nonlocal count
        for row in _iter_rows(session, flt or AuditFilter()):
            count += 1
            yield row

    write_table(path, [Column(h) for h in headers], counted(), sheet_title="Audit")
    return count
