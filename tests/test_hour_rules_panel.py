"""The hour rules panel: saving is audited and rewrites nothing; a preview lists the
pending entry that would change and the approved one that stays locked; applying
asks for a reason, changes pending minutes only and audits every change."""

from __future__ import annotations

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.context import AppContext
from desktop.settings.hour_rules_panel import HourRulesPanel
from desktop.settings.recalc_preview_dialog import RecalcPreviewDialog
from models import hours
from models.db import Database
from models.hour_rules import HourRules
from models.schema import Activity, AppSetting, AttendanceSession, AuditEntry, HourEntry, Volunteer
from models.schema.enums import ActivityState, ApprovalStatus, SessionStatus
from tests.conftest import MessageRecorder

STAFF = "李主任"
ZONE = ZoneInfo("Asia/Shanghai")


def cst(hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 3, 7, hour, minute, tzinfo=ZONE)


@pytest.fixture
def attended(org_database: Database) -> dict[str, uuid.UUID]:
    """Two volunteers at a 09:00–12:00 activity, both 09:00–11:50 (165 counted minutes
    with the default 15-minute step); 李四's entry is approved, 张三's is pending."""
    with org_database.transaction() as s:
        activity = Activity(
            id=uuid.uuid4(),
            title="旧衣分拣",
            starts_at=cst(9),
            ends_at=cst(12),
            state=ActivityState.CLOSED,
        )
        s.add(activity)
        ids = {"activity": activity.id}
        for key, code, name in (("zhang", "V000001", "张三"), ("li", "V000002", "李四")):
            person = Volunteer(id=uuid.uuid4(), code=code, name=name, name_initials="X")
            s.add(person)
            s.flush()
            ids[key] = person.id
            s.add(
                AttendanceSession(
                    id=uuid.uuid4(),
                    activity_id=activity.id,
                    volunteer_id=person.id,
                    started_at=cst(9),
                    ended_at=cst(11, 50),
                    status=SessionStatus.CLOSED,
                    counted_minutes=0,
                )
            )
        s.flush()
        hours.refresh_session_entries(s, activity.id)
        li_entry = s.scalars(select(HourEntry).where(HourEntry.volunteer_id == ids["li"])).one()
        hours.approve_entry(s, li_entry.id, staff="王老师")
    return ids


def make_panel(qtbot: QtBot, database: Database) -> HourRulesPanel:
    panel = HourRulesPanel(AppContext(database=database, staff_name=STAFF))
    qtbot.addWidget(panel)
    panel.reload()
    return panel


def minutes_of(database: Database, volunteer_id: uuid.UUID) -> tuple[int, ApprovalStatus]:
    with database.reading() as s:
        entry = s.scalars(select(HourEntry).where(HourEntry.volunteer_id == volunteer_id)).one()
        return entry.minutes, entry.status


def audit_rows(database: Database, action: str) -> list[tuple[str, object, object, str | None]]:
    with database.reading() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == action))
        return [(e.staff_name, e.before, e.after, e.reason) for e in rows]


def open_preview(qtbot: QtBot, panel: HourRulesPanel) -> RecalcPreviewDialog:
    panel.preview_button.click()
    qtbot.waitUntil(lambda: panel.dialog is not None, timeout=10_000)
    assert panel.dialog is not None
    qtbot.addWidget(panel.dialog)
    return panel.dialog


def test_form_shows_the_defaults(qtbot: QtBot, org_database: Database) -> None:
    panel = make_panel(qtbot, org_database)
    assert panel.rules() == HourRules()
    assert panel.cap_session.value() == 600 and panel.min_share.text() == "Off"
    assert not panel.is_modified()


def test_saving_a_rule_is_audited_and_recalculates_nothing(
    qtbot: QtBot, org_database: Database, attended: dict[str, uuid.UUID]
) -> None:
    panel = make_panel(qtbot, org_database)
    panel.rounding_step.setValue(30)
    panel.min_share.setValue(50)
    with qtbot.waitSignal(panel.changed):
        assert panel.save()
    with org_database.reading() as s:
        value = s.get(AppSetting, HourRules.KEY).value  # type: ignore[union-attr]
    assert value["rounding_step_minutes"] == 30 and value["min_share_percent"] == 50
    ((staff, before, after, _reason),) = audit_rows(org_database, "setting.change")
    assert staff == STAFF
    assert isinstance(before, dict) and isinstance(after, dict)
    assert (before["rounding_step_minutes"], after["rounding_step_minutes"]) == (15, 30)
    assert (before["min_share_percent"], after["min_share_percent"]) == (0, 50)
    assert minutes_of(org_database, attended["zhang"]) == (165, ApprovalStatus.PENDING)
    assert not panel.is_modified()


def test_invalid_rules_are_refused_plainly(
    qtbot: QtBot, org_database: Database, recorder: MessageRecorder
) -> None:
    panel = make_panel(qtbot, org_database)
    panel.min_session.setValue(120)
    panel.cap_session.setValue(60)
    assert not panel.save()
    (message,) = recorder.texts("error")
    assert "nothing would ever count" in message
    assert audit_rows(org_database, "setting.change") == []


def test_preview_shows_pending_change_and_locked_entry(
    qtbot: QtBot, org_database: Database, attended: dict[str, uuid.UUID]
) -> None:
    panel = make_panel(qtbot, org_database)
    panel.rounding_step.setValue(30)  # 170 served minutes: 165 → 150
    dialog = open_preview(qtbot, panel)
    changes, locked = dialog.changes_model, dialog.locked_model
    assert changes.rowCount() == 1 and locked.rowCount() == 1
    change = [changes.index(0, c).data() for c in range(changes.columnCount())]
    assert change[0] == "张三 (V000001)" and change[1] == "旧衣分拣"
    assert change[2] == "2025-03-07"
    assert change[4].startswith("165 min") and change[5].startswith("150 min")
    held = [locked.index(0, c).data() for c in range(locked.columnCount())]
    assert held[0] == "李四 (V000002)"
    assert held[2].startswith("165 min") and held[3].startswith("150 min")
    assert "1 approved entries" in dialog.summary.text()
    # Nothing was written by the preview.
    assert minutes_of(org_database, attended["zhang"]) == (165, ApprovalStatus.PENDING)
    assert audit_rows(org_database, "setting.change") == []


def test_apply_needs_a_reason_then_changes_pending_only(
    qtbot: QtBot,
    org_database: Database,
    attended: dict[str, uuid.UUID],
    recorder: MessageRecorder,
) -> None:
    panel = make_panel(qtbot, org_database)
    panel.rounding_step.setValue(30)
    dialog = open_preview(qtbot, panel)
    recorder.text_answers = [None]  # cancelled: nothing happens
    dialog.apply_button.click()
    recorder.text_answers = ["  "]  # blank: refused
    dialog.apply_button.click()
    assert recorder.texts("error")
    assert minutes_of(org_database, attended["zhang"]) == (165, ApprovalStatus.PENDING)
    recorder.text_answers = ["按协会新规，按半小时计"]
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: panel.dialog is None, timeout=10_000)
    assert minutes_of(org_database, attended["zhang"]) == (150, ApprovalStatus.PENDING)
    assert minutes_of(org_database, attended["li"]) == (165, ApprovalStatus.APPROVED)
    ((staff, before, after, reason),) = audit_rows(org_database, "hour_entry.recalculate")
    assert (staff, reason) == (STAFF, "按协会新规，按半小时计")
    assert isinstance(before, dict) and isinstance(after, dict)
    assert (before["minutes"], after["minutes"]) == (165, 150)
    ((_s, _b, summary, _r),) = audit_rows(org_database, "hours.recalculate")
    assert isinstance(summary, dict) and summary["locked_differences"] == 1
    assert len(audit_rows(org_database, "setting.change")) == 1
    assert panel.stored.rounding_step_minutes == 30
    (info,) = recorder.texts("information")
    assert "1 changed" in info and "1 approved" in info
