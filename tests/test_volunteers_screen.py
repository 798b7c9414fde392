"""The volunteers screen: add, search by pinyin, badges, deactivate, merge."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop import documents
from desktop.context import AppContext
from desktop.volunteers.volunteer_dialog import VolunteerDialog
from desktop.volunteers.volunteers_screen import VolunteersScreen
from models import badges, volunteers
from models.db import Database
from models.scan_meaning import Meaning, explain
from models.schema import AuditEntry, Volunteer
from tests.conftest import MessageRecorder


@pytest.fixture
def screen(qtbot: QtBot, org_database: Database) -> VolunteersScreen:
    made = VolunteersScreen(AppContext(database=org_database, staff_name="李主任"))
    qtbot.addWidget(made)
    made.show()
    made.refresh()
    return made


def add(qtbot: QtBot, screen: VolunteersScreen, name: str, phone: str) -> VolunteerDialog:
    screen.new()
    dialog = screen.dialog
    assert isinstance(dialog, VolunteerDialog)
    qtbot.addWidget(dialog)
    dialog.name.setText(name)
    dialog.phone.setText(phone)
    dialog.consent.setChecked(True)
    dialog.accept()
    return dialog


def test_add_search_and_duplicate_phone(
    qtbot: QtBot, screen: VolunteersScreen, org_database: Database
) -> None:
    assert "No volunteers yet" in screen.hint.text()
    add(qtbot, screen, "张三", "13800138000")
    add(qtbot, screen, "李四", "13900139000")
    assert screen.table.rowCount() == 2
    screen.search.setText("zs")
    screen.refresh()
    assert screen.table.rowCount() == 1 and screen.table.item(0, 1).text() == "张三"
    duplicate = add(qtbot, screen, "张三丰", "138-0013-8000")
    assert duplicate.result() != VolunteerDialog.DialogCode.Accepted
    assert "张三" in duplicate.error.text()
    with org_database.reading() as session:
        assert len(session.scalars(select(Volunteer)).all()) == 2


def test_badge_issue_reissue_and_print(
    qtbot: QtBot,
    screen: VolunteersScreen,
    org_database: Database,
    recorder: MessageRecorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add(qtbot, screen, "王五", "13700137000")
    screen.table.selectRow(0)
    assert screen.issue_button.isEnabled()
    screen.issue()
    assert screen.table.item(0, 5).text() != "—"
    with org_database.reading() as session:
        volunteer_id = session.scalars(select(Volunteer.id)).one()
        first = badges.current_badge(session, volunteer_id)
    assert first is not None
    screen.table.selectRow(0)
    recorder.text_answers = ["丢失"]
    screen.replace_badge(retire_only=False)
    with org_database.reading() as session:
        assert explain(session, first.payload).meaning == Meaning.RETIRED_BADGE
        second = badges.current_badge(session, volunteer_id)
        assert second is not None and second.seq == first.seq + 1
        assert explain(session, second.payload).meaning == Meaning.BADGE
    opened: list[Path] = []
    monkeypatch.setattr(documents, "opener", opened.append)
    screen.table.selectRow(0)
    screen.print_badges()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert opened[0].read_bytes().startswith(b"%PDF")


def test_deactivate_and_merge(
    qtbot: QtBot, screen: VolunteersScreen, org_database: Database, recorder: MessageRecorder
) -> None:
    add(qtbot, screen, "赵六", "13600136000")
    add(qtbot, screen, "赵六", "13600136001")
    screen.table.selectAll()
    assert screen.merge_button.isEnabled()
    recorder.text_answers = ["同一个人登记了两次"]
    screen.merge_selected()
    assert "Merged" in recorder.texts("information")[0]
    screen.include_inactive.setChecked(True)
    with org_database.reading() as session:
        rows = session.scalars(select(Volunteer).order_by(Volunteer.code)).all()
        assert rows[1].merged_into_id == rows[0].id and not rows[1].active
        keep_id = rows[0].id
    screen.select_ids([keep_id])
    recorder.text_answers = ["搬家了"]
    screen.toggle_active()
    with org_database.reading() as session:
        assert session.get(Volunteer, keep_id).active is False  # type: ignore[union-attr]
        actions = set(session.scalars(select(AuditEntry.action)))
    assert any("merge" in a for a in actions) and any("deactiv" in a for a in actions)


def test_a_long_employer_is_shown_whole_and_status_stays_narrow(
    qtbot: QtBot, screen: VolunteersScreen, org_database: Database
) -> None:
    employer = "上海蓝海管理咨询有限公司浦东分公司"
    with org_database.transaction() as session:
        volunteers.add_volunteer(
            session,
            volunteers.VolunteerData(
                name="王五",
                phone="13700137000",
                employer=employer,
                consent=True,
                consent_note="纸质",
            ),
            staff="李主任",
        )
    screen.resize(1180, 700)
    screen.refresh()
    table = screen.table
    column = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    employer_column, status_column = column.index("Employer"), column.index("Status")
    needed = table.fontMetrics().horizontalAdvance(employer)
    assert table.columnWidth(employer_column) > needed
    assert table.columnWidth(status_column) < table.columnWidth(employer_column)
