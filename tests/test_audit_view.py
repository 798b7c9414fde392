"""The audit log viewer: filters (dates in the local zone, staff, action family,
entity, Chinese text inside before/after), pages, field changes, and CSV/XLSX
export with formula escaping."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from models import audit, audit_view
from models.audit_view import AuditFilter
from models.db import Database
from models.errors import UserError
from models.schema import AuditEntry


@pytest.fixture
def logged(org_database: Database) -> Database:
    """The set-up row plus five more, at known times."""
    with org_database.transaction() as s:
        rows = [
            # 23:30 UTC on 6 March is 07:30 on 7 March in Shanghai.
            (datetime(2025, 3, 6, 23, 30), "王老师", "hour_entry.approve", {"minutes": 180}),
            (datetime(2025, 3, 7, 3, 0), "李老师", "hour_entry.reject", {"status": "rejected"}),
            (datetime(2025, 3, 8, 3, 0), "王老师", "hour_entry.correction", {"备注": "早退"}),
            (datetime(2025, 3, 9, 3, 0), "李老师", "setting.change", {"grace_minutes": 15}),
            (datetime(2025, 3, 9, 4, 0), "=cmd", "hour_entry.supplemental", {"minutes": 60}),
        ]
        for at, staff, action, after in rows:
            entry = audit.record(
                s,
                staff=staff,
                action=action,
                entity=action.split(".")[0],
                entity_id="E1",
                before={"minutes": 180, "status": "pending"},
                after=after,
                reason="签到表" if "correction" in action else None,
            )
            entry.at = at.replace(tzinfo=UTC)
    return org_database


def test_filters_combine(logged: Database) -> None:
    with logged.reading() as s:
        assert audit_view.query(s).total == 6
        day = audit_view.query(s, AuditFilter(start=date(2025, 3, 7), end=date(2025, 3, 7)))
        assert [r.action for r in day.rows] == ["hour_entry.reject", "hour_entry.approve"]
        family = audit_view.query(s, AuditFilter(action="hour_entry.", staff="王老师"))
        assert [r.action for r in family.rows] == ["hour_entry.correction", "hour_entry.approve"]
        exact = audit_view.query(s, AuditFilter(action="hour_entry"))
        assert exact.total == 0
        assert audit_view.query(s, AuditFilter(entity="setting")).total == 1
        assert audit_view.query(s, AuditFilter(text="早退")).total == 1  # inside the JSON
        assert audit_view.query(s, AuditFilter(text="签到表")).total == 1  # the reason
        assert audit_view.query(s, AuditFilter(text="100%")).total == 0
        assert "李老师" in audit_view.staff_names(s)
        assert "setting.change" in audit_view.actions(s)
        assert "hour_entry" in audit_view.entities(s)


def test_pages_and_changes(logged: Database) -> None:
    with logged.reading() as s:
        first = audit_view.query(s, offset=0, limit=4)
        second = audit_view.query(s, offset=4, limit=4)
        assert (len(first.rows), first.has_more, len(second.rows), second.has_more) == (
            4,
            True,
            2,
            False,
        )
        ids = {r.id for r in first.rows} | {r.id for r in second.rows}
        assert len(ids) == 6
        [reject] = audit_view.query(s, AuditFilter(action="hour_entry.reject")).rows
        assert [(c.name, c.before, c.after) for c in reject.changes] == [
            ("minutes", 180, None),
            ("status", "pending", "rejected"),
        ]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_escapes_formulas(logged: Database, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"audit{suffix}"
    with logged.reading() as s:
        written = audit_view.export(s, path, AuditFilter(action="hour_entry."))
    assert written == 4
    if suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    else:
        book = load_workbook(path, read_only=True)  # holds the file open until closed
        try:
            sheet = book.active
            assert sheet is not None
            rows = [
                ["" if v is None else str(v) for v in r] for r in sheet.iter_rows(values_only=True)
            ]
        finally:
            book.close()
    assert rows[0][0] == "Time" and len(rows) == 5
    assert rows[1][0] == "2025-03-09 12:00:00"  # local time, newest first
    assert rows[1][1] == "'=cmd"  # a formula is shown as text
    assert "早退" in rows[2][7] and "备注" in rows[2][5]


def test_export_needs_a_known_format(logged: Database, tmp_path: Path) -> None:
    with logged.reading() as s, pytest.raises(UserError, match=r"\.csv or \.xlsx"):
        audit_view.export(s, tmp_path / "audit.txt")
    assert not (tmp_path / "audit.txt").exists()
    assert AuditEntry.__tablename__ == "audit_log"
