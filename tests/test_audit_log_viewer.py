"""The audit log viewer: a paged table model, filters by staff and text, the detail
pane with before/after per field, export with formula escaping, and the Settings
button that opens it."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.context import AppContext
from desktop.settings import audit_table_model
from desktop.settings.audit_log_dialog import AuditLogDialog
from desktop.settings.audit_table_model import AuditTableModel, Column
from desktop.settings.settings_screen import SettingsScreen
from models import audit, audit_view
from models.db import Database
from tests.conftest import MessageRecorder

ROWS = [
    # 23:30 UTC on 6 March is 07:30 on 7 March in Shanghai.
    (datetime(2025, 3, 6, 23, 30), "王老师", "hour_entry.approve", {"minutes": 180}),
    (datetime(2025, 3, 7, 3, 0), "李老师", "hour_entry.reject", {"status": "rejected"}),
    (datetime(2025, 3, 8, 3, 0), "王老师", "hour_entry.correction", {"备注": "早退"}),
    (datetime(2025, 3, 9, 3, 0), "李老师", "setting.change", {"grace_minutes": 15}),
    (datetime(2025, 3, 9, 4, 0), "=cmd", "hour_entry.supplemental", {"minutes": 60}),
]


@pytest.fixture
def logged(org_database: Database) -> Database:
    """The set-up row plus five more, at known times."""
    with org_database.transaction() as s:
        for at, staff, action, after in ROWS:
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


def open_dialog(qtbot: QtBot, database: Database) -> AuditLogDialog:
    dialog = AuditLogDialog(AppContext(database=database, staff_name="李主任"))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.searched, timeout=10_000):
        dialog.open_log()
    return dialog


def search(qtbot: QtBot, dialog: AuditLogDialog) -> None:
    with qtbot.waitSignal(dialog.searched, timeout=10_000):
        dialog.search_button.click()


def shown(dialog: AuditLogDialog, column: Column) -> list[str]:
    model = dialog.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def detail(dialog: AuditLogDialog) -> list[tuple[str, ...]]:
    table = dialog.detail_table
    return [
        tuple(table.item(r, c).text() for c in range(table.columnCount()))
        for r in range(table.rowCount())
    ]


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester, logged: Database) -> None:
    with logged.reading() as s:
        page = audit_view.query(s, limit=3)  # the set-up (today) and the two newest
    model = AuditTableModel("Asia/Shanghai")
    model.set_first_page(page, None)
    qtmodeltester.check(model)
    assert model.index(0, Column.ACTION).data() == "organisation.setup"
    assert model.index(1, Column.TIME).data() == "2025-03-09 12:00:00"
    assert model.index(1, Column.STAFF).data() == "=cmd"
    assert model.index(1, Column.CHANGES).data() == "minutes: 180 → 60; status: pending → —"


def test_pages_are_fetched_as_needed(
    qtbot: QtBot, logged: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.settings.audit_log_dialog.PAGE_SIZE", 2)
    assert audit_table_model.PAGE_SIZE > 2  # only the dialog's pages shrink
    dialog = AuditLogDialog(AppContext(database=logged, staff_name="李主任"))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.searched):
        dialog.open_log()
    model = dialog.model
    assert model.total() == 6 and model.loaded() in (2, 4, 6)  # the view may fetch more
    while model.canFetchMore():
        model.fetchMore()
    assert model.loaded() == 6
    assert len({model.row_at(r).id for r in range(6)}) == 6
    assert dialog.count_label.text() == "6 entries (showing 6)"


def test_filter_by_staff_and_detail_shows_before_and_after(qtbot: QtBot, logged: Database) -> None:
    dialog = open_dialog(qtbot, logged)
    assert dialog.model.total() == 6
    dialog.staff_filter.setCurrentIndex(dialog.staff_filter.findData("李老师"))
    search(qtbot, dialog)
    assert shown(dialog, Column.ACTION) == ["setting.change", "hour_entry.reject"]
    # The newest row is selected and detailed field by field.
    assert "李老师" in dialog.detail_heading.text()
    assert detail(dialog) == [
        ("minutes", "180", "—"),
        ("status", "pending", "—"),
        ("grace_minutes", "—", "15"),
    ]
    dialog.table.selectRow(1)
    assert detail(dialog) == [("minutes", "180", "—"), ("status", "pending", "rejected")]


def test_filter_by_text_finds_chinese_inside_values_and_reasons(
    qtbot: QtBot, logged: Database
) -> None:
    dialog = open_dialog(qtbot, logged)
    dialog.text_filter.setText("早退")
    search(qtbot, dialog)
    assert shown(dialog, Column.ACTION) == ["hour_entry.correction"]
    assert shown(dialog, Column.REASON) == ["签到表"]
    assert "签到表" in dialog.detail_heading.text()
    assert ("备注", "—", "早退") in detail(dialog)
    dialog.clear_filters()
    qtbot.waitUntil(lambda: dialog.model.total() == 6)


def test_filter_by_action_family_and_dates(qtbot: QtBot, logged: Database) -> None:
    dialog = open_dialog(qtbot, logged)
    dialog.action_filter.setCurrentIndex(dialog.action_filter.findData("hour_entry."))
    dialog.use_start.setChecked(True)
    dialog.start.setDate(datetime(2025, 3, 7).date())
    dialog.use_end.setChecked(True)
    dialog.end.setDate(datetime(2025, 3, 8).date())
    search(qtbot, dialog)
    assert shown(dialog, Column.ACTION) == [
        "hour_entry.correction",
        "hour_entry.reject",
        "hour_entry.approve",
    ]


def test_export_escapes_formulas(
    qtbot: QtBot, logged: Database, recorder: MessageRecorder, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, logged)
    path = tmp_path / "审计.csv"
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.export_to(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["Time", "Staff", "Action"]
    assert len(rows) == 7
    staff = [row[1] for row in rows[1:]]
    assert "'=cmd" in staff and "=cmd" not in staff
    (message,) = recorder.texts("information")
    assert "6" in message and str(path) in message
    assert dialog.export_button.isEnabled()


def test_settings_button_opens_the_viewer(qtbot: QtBot, logged: Database) -> None:
    screen = SettingsScreen(AppContext(database=logged, staff_name="李主任"))
    qtbot.addWidget(screen)
    screen.refresh()
    screen.audit_log_button.click()
    dialog = screen.audit_dialog
    assert isinstance(dialog, AuditLogDialog)
    qtbot.waitUntil(lambda: dialog.model.total() == 6, timeout=10_000)
    dialog.close()
