"""The rate table editor: rows saved as a whole and audited; a gap, a date twice, a bad
amount or a bad date is refused with a plain message and nothing is saved."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.context import AppContext
from desktop.settings.rate_table_editor import RateTableEditor
from models.db import Database
from models.schema import Activity, AuditEntry, MatchingRate
from models.schema.enums import ActivityState
from tests.conftest import MessageRecorder


@pytest.fixture
def db(org_database: Database) -> Database:
    """The set-up rate (¥100 from 2000-01-01) and an activity on 7 March 2025."""
    with org_database.transaction() as s:
        s.add(
            Activity(
                id=uuid.uuid4(),
                title="旧衣分拣",
                starts_at=datetime(2025, 3, 7, 1, 0, tzinfo=UTC),
                ends_at=datetime(2025, 3, 7, 4, 0, tzinfo=UTC),
                state=ActivityState.CLOSED,
            )
        )
    return org_database


def make_editor(qtbot: QtBot, database: Database) -> RateTableEditor:
    editor = RateTableEditor(AppContext(database=database, staff_name="李主任"))
    qtbot.addWidget(editor)
    editor.reload()
    return editor


def stored(database: Database) -> list[tuple[date, int, str | None]]:
    with database.reading() as s:
        rows = s.scalars(select(MatchingRate).order_by(MatchingRate.effective_from))
        return [(r.effective_from, r.fen_per_hour, r.note) for r in rows]


def table_audits(database: Database) -> list[tuple[str, object, object]]:
    with database.reading() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == "matching_rate.table"))
        return [(e.staff_name, e.before, e.after) for e in rows]


def test_shows_the_stored_table(qtbot: QtBot, db: Database) -> None:
    editor = make_editor(qtbot, db)
    assert editor.table.rowCount() == 1
    assert [editor.table.item(0, c).text() for c in range(3)] == ["2000-01-01", "100.00", ""]
    assert editor.problem.isHidden()


def test_added_row_is_saved_and_audited(qtbot: QtBot, db: Database) -> None:
    editor = make_editor(qtbot, db)
    editor.add_row()
    assert editor.table.rowCount() == 2 and editor.modified
    editor.table.item(1, 0).setText("2025-07-01")
    editor.table.item(1, 1).setText("¥120")
    editor.table.item(1, 2).setText("2025 年新协议")
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    assert stored(db) == [
        (date(2000, 1, 1), 100_00, None),
        (date(2025, 7, 1), 120_00, "2025 年新协议"),
    ]
    ((staff, before, after),) = table_audits(db)
    assert staff == "李主任"
    assert before == {"rates": [["2000-01-01", 100_00]]}
    assert after == {"rates": [["2000-01-01", 100_00], ["2025-07-01", 120_00]]}
    assert not editor.modified and editor.table.item(1, 1).text() == "120.00"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # The only rate starts after the activity on 2025-03-07: a gap.
        ([("2025-06-01", "100", "")], "2025-03-07"),
        ([("2000-01-01", "100", ""), ("2000-01-01", "90", "")], "2000-01-01"),
        ([("2000-01-01", "12.345", "")], "Row 1"),
        ([("2000-01-01", "100", ""), ("2025-07-01", "abc", "")], "Row 2"),
        ([("2000-01-01", "100", ""), ("1 July", "100", "")], "Row 2"),
        ([("2000-01-01", "-5", "")], "¥0"),
        ([], "empty"),
    ],
)
def test_bad_tables_are_refused_and_nothing_is_saved(
    qtbot: QtBot,
    db: Database,
    recorder: MessageRecorder,
    rows: list[tuple[str, str, str]],
    expected: str,
) -> None:
    editor = make_editor(qtbot, db)
    before = stored(db)
    editor.set_rows(rows)
    assert not editor.save()
    (message,) = recorder.texts("error")
    assert expected in message
    assert stored(db) == before and table_audits(db) == []
    assert editor.modified  # the rows stay for the user to fix


def test_remove_and_undo(qtbot: QtBot, db: Database) -> None:
    editor = make_editor(qtbot, db)
    editor.table.selectRow(0)
    editor.remove_selected()
    assert editor.table.rowCount() == 0 and editor.modified
    editor.revert_button.click()
    assert editor.table.rowCount() == 1 and not editor.modified
