"""The hours screen: the anomaly queue, 补录 entries, approvals with a PIN, corrections,
correction requests, and the totals, the by-volunteer table and the period filter
showing what the user should see (real SQLite, no real dialogs)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.hours.answer_request_dialog import AnswerRequestDialog
from desktop.hours.correction_dialog import CorrectionDialog
from desktop.hours.entry_table_model import EntryColumn
from desktop.hours.hours_screen import HoursScreen
from desktop.hours.hours_table_model import VolunteerColumn
from desktop.hours.log_request_dialog import LogRequestDialog
from desktop.hours.period_filter import Period, period_dates
from desktop.hours.resolve_dialog import ResolveDialog
from desktop.hours.supplemental_dialog import SupplementalDialog
from models import anomalies, hours, organisation
from models.anomalies import Action
from models.db import Database
from models.enums import ActivityState, ApprovalStatus, HourKind, RequestStatus, SessionStatus
from models.schema import (
    Activity,
    AttendanceSession,
    AuditEntry,
    CorrectionRequest,
    HourEntry,
    Volunteer,
)
from tests.conftest import MessageRecorder

STAFF = "王老师"
ZONE = ZoneInfo("Asia/Shanghai")
MARCH = (date(2025, 3, 1), date(2025, 3, 31))


def cst(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=ZONE).astimezone(UTC)


def add_activity(s: Session, month: int, title: str, start: int = 9, end: int = 12) -> uuid.UUID:
    row = Activity(
        id=uuid.uuid4(),
        title=title,
        starts_at=cst(month, 7, start),
        ends_at=cst(month, 7, end),
        state=ActivityState.CLOSED,
    )
    s.add(row)
    s.flush()
    return row.id


def add_volunteer(s: Session, code: str, name: str, initials: str) -> uuid.UUID:
    row = Volunteer(id=uuid.uuid4(), code=code, name=name, name_initials=initials)
    s.add(row)
    s.flush()
    return row.id


def attend(
    s: Session, activity_id: uuid.UUID, who: uuid.UUID, start: datetime, end: datetime | None
) -> uuid.UUID:
    row = AttendanceSession(
        id=uuid.uuid4(),
        activity_id=activity_id,
        volunteer_id=who,
        started_at=start,
        ended_at=end,
        status=SessionStatus.CLOSED if end is not None else SessionStatus.OPEN,
        counted_minutes=0,
    )
    s.add(row)
    s.flush()
    hours.refresh_session_entries(s, activity_id)
    return row.id


@pytest.fixture
def world(org_database: Database) -> dict[str, uuid.UUID]:
    """7 March 2025, 09:00–12:00: 张三 attended (3 h pending); 李四 has nothing yet."""
    with org_database.transaction() as s:
        sorting = add_activity(s, 3, "旧衣分拣")
        zhang = add_volunteer(s, "V000001", "张三", "ZS")
        li = add_volunteer(s, "V000002", "李四", "LS")
        attend(s, sorting, zhang, cst(3, 7, 9), cst(3, 7, 12))
    return {"sorting": sorting, "zhang": zhang, "li": li}


def reloaded(qtbot: QtBot, screen: HoursScreen, action: Callable[[], object]) -> None:
    """Do ``action`` and wait until the screen has loaded again."""
    before = screen.loads
    action()
    qtbot.waitUntil(lambda: screen.loads > before, timeout=5000)


@pytest.fixture
def screen(qtbot: QtBot, org_database: Database) -> HoursScreen:
    made = HoursScreen(AppContext(database=org_database, staff_name=STAFF))
    qtbot.addWidget(made)
    made.show()
    reloaded(qtbot, made, lambda: made.period.set_custom(*MARCH))
    return made


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def figures(screen: HoursScreen) -> dict[str, str]:
    return screen.totals.figures()


def volunteer_row(screen: HoursScreen, name: str) -> dict[VolunteerColumn, str]:
    model = screen.volunteer_model
    for r in range(model.rowCount()):
        if model.index(r, VolunteerColumn.NAME).data() == name:
            return {c: model.index(r, c).data() for c in VolunteerColumn}
    raise AssertionError(f"{name} not in the by-volunteer table")


def count(database: Database, model: object, *where: object) -> int:
    with database.reading() as s:
        query = select(func.count()).select_from(model).where(*where)  # type: ignore[arg-type]
        return int(s.scalar(query) or 0)


def test_the_empty_screen_says_what_it_is_for(qtbot: QtBot, screen: HoursScreen) -> None:
    assert screen.is_empty()
    assert "supplemental" in screen.empty.text()
    assert screen.empty.button is not None


def test_resolve_an_open_session_from_the_queue(
    qtbot: QtBot, world: dict[str, uuid.UUID], org_database: Database
) -> None:
    with org_database.transaction() as s:
        open_id = attend(s, world["sorting"], world["li"], cst(3, 7, 9), None)
    made = HoursScreen(AppContext(database=org_database, staff_name=STAFF))
    qtbot.addWidget(made)
    reloaded(qtbot, made, lambda: made.period.set_custom(*MARCH))
    panel = made.anomalies
    assert panel.table.rowCount() == 1
    assert cell(panel.table, 0, 1) == "Still checked in"
    assert cell(panel.table, 0, 2) == "李四"
    assert "Anomalies (1)" in made.tabs.tabText(3)
    assert figures(made)["Pending hours"] == "3.0"
    panel.table.selectRow(0)
    assert panel.close_button.isEnabled() and not panel.accept_button.isEnabled()

    reloaded(qtbot, made, panel.close_button.click)

    assert panel.table.rowCount() == 0 and "Anomalies (0)" in made.tabs.tabText(3)
    with org_database.reading() as s:
        row = s.get(AttendanceSession, open_id)
        assert row is not None
        assert (row.status, row.ended_at, row.resolved_by) == (
            SessionStatus.RESOLVED,
            cst(3, 7, 12),
            STAFF,
        )
        [log] = s.scalars(select(AuditEntry).where(AuditEntry.action == anomalies.RESOLVE_ACTION))
        assert log.staff_name == STAFF
        assert log.after is not None and log.after["action"] == "close_at_end"
    assert figures(made)["Pending hours"] == "6.0"  # 李四's 3 h are now pending
    assert made.entries.model.rowCount() == 2


def test_overlap_is_discarded_with_a_reason_for_the_chosen_attendance(
    qtbot: QtBot, world: dict[str, uuid.UUID], org_database: Database
) -> None:
    with org_database.transaction() as s:
        sale = add_activity(s, 3, "社区义卖", start=10, end=13)
        sale_session = attend(s, sale, world["zhang"], cst(3, 7, 10), cst(3, 7, 13))
    made = HoursScreen(AppContext(database=org_database, staff_name=STAFF))
    qtbot.addWidget(made)
    reloaded(qtbot, made, lambda: made.period.set_custom(*MARCH))
    panel = made.anomalies
    [row] = [r for r in range(panel.table.rowCount()) if "Overlapping" in cell(panel.table, r, 1)]
    panel.table.selectRow(row)
    assert panel.resolve(Action.DISCARD)
    dialog = panel.dialog
    assert isinstance(dialog, ResolveDialog)
    qtbot.addWidget(dialog)
    assert dialog.target.count() == 2
    dialog.target.setCurrentIndex(dialog.target.findData(str(sale_session)))
    dialog.accept()  # no reason
    assert "reason" in dialog.error.text()
    assert count(org_database, AttendanceSession, AttendanceSession.status == "discarded") == 0
    dialog.reason.setText("重复签到")
    reloaded(qtbot, made, dialog.accept)
    with org_database.reading() as s:
        discarded = s.get(AttendanceSession, sale_session)
        assert discarded is not None and discarded.status is SessionStatus.DISCARDED
    assert not any("Overlapping" in cell(panel.table, r, 1) for r in range(panel.table.rowCount()))


def test_supplemental_entry_then_approval_with_a_pin(
    qtbot: QtBot,
    world: dict[str, uuid.UUID],
    screen: HoursScreen,
    org_database: Database,
    recorder: MessageRecorder,
) -> None:
    with org_database.transaction() as s:
        organisation.set_staff_pin(s, staff=STAFF, pin="2468")
    reloaded(qtbot, screen, screen.refresh)
    assert figures(screen) == {
        "Attendances": "1",
        "Hours": "3.0",
        "Approved hours": "0.0",
        "Pending hours": "3.0",
        "Matching donation": "¥0.00",
    }
    screen.entries.add_supplemental()
    dialog = screen.entries.dialog
    assert isinstance(dialog, SupplementalDialog)
    qtbot.addWidget(dialog)
    dialog.volunteer.search.setText("李四")
    dialog.volunteer.search_now()
    assert dialog.volunteer.label() == "李四 (V000002)"
    dialog.choose_activity(world["sorting"])
    assert dialog.start.time().toString("HH:mm") == "09:00"
    dialog.accept()  # no reason
    assert dialog.error.text() == "Give a reason for the supplemental entry."
    assert count(org_database, HourEntry) == 1
    dialog.reason.setText("纸质签到表")
    reloaded(qtbot, screen, dialog.accept)
    with org_database.reading() as s:
        [added] = s.scalars(select(HourEntry).where(HourEntry.kind == HourKind.SUPPLEMENTAL))
        assert (added.status, added.minutes, added.requested_by) == (
            ApprovalStatus.PENDING,
            180,
            STAFF,
        )
        added_id = added.id
    assert figures(screen)["Pending hours"] == "6.0"
    assert "Entries to approve (2)" in screen.tabs.tabText(2)

    screen.entries.select_ids({added_id})
    recorder.text_answers = ["1111"]
    assert not screen.entries.approve()
    assert recorder.texts("error")[-1] == "The staff PIN is not correct."
    assert count(org_database, HourEntry, HourEntry.status == ApprovalStatus.APPROVED) == 0

    recorder.text_answers = ["2468"]
    reloaded(qtbot, screen, screen.entries.approve)
    assert figures(screen)["Approved hours"] == "3.0"
    assert figures(screen)["Pending hours"] == "3.0"
    assert figures(screen)["Matching donation"] == "¥300.00"
    li = volunteer_row(screen, "李四")
    assert (li[VolunteerColumn.APPROVED], li[VolunteerColumn.MATCHING]) == ("3.0", "¥300.00")
    assert li[VolunteerColumn.ATTENDANCES] == "1"
    assert volunteer_row(screen, "张三")[VolunteerColumn.MATCHING] == "¥0.00"
    screen.volunteer_search.setText("v000002")
    assert screen.volunteer_proxy.rowCount() == 1
    screen.volunteer_search.setText("")
    assert screen.volunteer_proxy.rowCount() == 2
    assert screen.entries.model.rowCount() == 1  # only 张三's entry is still pending


def test_reject_needs_a_reason(
    qtbot: QtBot, world: dict[str, uuid.UUID], screen: HoursScreen, recorder: MessageRecorder
) -> None:
    screen.entries.table.selectRow(0)
    assert screen.entries.reject_button.isEnabled()
    recorder.text_answers = [" "]
    assert not screen.entries.reject()
    assert "reason" in recorder.texts("error")[-1]
    recorder.text_answers = ["代签"]
    reloaded(qtbot, screen, screen.entries.reject)
    assert screen.entries.model.rowCount() == 0
    assert figures(screen)["Pending hours"] == "0.0"


def test_correcting_approved_hours_adds_a_pending_row(
    qtbot: QtBot, world: dict[str, uuid.UUID], screen: HoursScreen, org_database: Database
) -> None:
    with org_database.transaction() as s:
        hours.approve_activity(s, world["sorting"], staff=STAFF)
    reloaded(qtbot, screen, lambda: screen.entries.set_status(ApprovalStatus.APPROVED))
    entries = screen.entries
    assert entries.model.index(0, EntryColumn.STATUS).data() == "Approved · locked"
    entries.table.selectRow(0)
    assert entries.correct_button.isEnabled() and not entries.approve_button.isEnabled()
    entries.correct()
    dialog = entries.dialog
    assert isinstance(dialog, CorrectionDialog)
    qtbot.addWidget(dialog)
    assert dialog.current == 180
    dialog.minutes.setValue(150)
    dialog.reason.setText("早退半小时")
    reloaded(qtbot, screen, dialog.accept)
    assert figures(screen)["Approved hours"] == "3.0"  # only once approved
    assert figures(screen)["Matching donation"] == "¥300.00"
    with org_database.reading() as s:
        original = s.scalars(select(HourEntry).where(HourEntry.kind == HourKind.SESSION)).one()
        assert (original.minutes, original.status) == (180, ApprovalStatus.APPROVED)

    reloaded(qtbot, screen, lambda: screen.entries.set_status(ApprovalStatus.PENDING))
    assert entries.model.rowCount() == 1
    assert entries.model.index(0, EntryColumn.HOURS).data() == "-0.5"
    assert entries.model.index(0, EntryColumn.KIND).data() == "Correction"
    entries.table.selectRow(0)
    reloaded(qtbot, screen, entries.approve)
    assert figures(screen)["Approved hours"] == "2.5"
    assert figures(screen)["Matching donation"] == "¥250.00"
    assert volunteer_row(screen, "张三")[VolunteerColumn.MATCHING] == "¥250.00"


def test_period_filter_excludes_entries_outside_the_period(
    qtbot: QtBot, world: dict[str, uuid.UUID], screen: HoursScreen, org_database: Database
) -> None:
    with org_database.transaction() as s:
        february = add_activity(s, 2, "春节慰问")
        attend(s, february, world["li"], cst(2, 7, 9), cst(2, 7, 11))
    reloaded(qtbot, screen, screen.refresh)
    assert screen.entries.model.rowCount() == 1
    assert screen.activity_model.rowCount() == 1
    assert figures(screen)["Pending hours"] == "3.0"
    assert [r.name for r in screen.volunteer_model.rows()] == ["张三"]
    assert screen.totals.title.text() == "2025-03-01 – 2025-03-31"

    reloaded(qtbot, screen, lambda: screen.period.set_custom(date(2025, 2, 1), date(2025, 2, 28)))
    assert [r.volunteer_name for r in screen.entries.model.rows()] == ["李四"]
    assert figures(screen)["Pending hours"] == "2.0"

    reloaded(qtbot, screen, lambda: screen.period.set_period(Period.ALL))
    assert screen.entries.model.rowCount() == 2
    assert figures(screen)["Pending hours"] == "5.0"


def test_a_correction_request_is_logged_and_answered(
    qtbot: QtBot, world: dict[str, uuid.UUID], screen: HoursScreen, org_database: Database
) -> None:
    panel = screen.requests
    panel.log_request()
    dialog = panel.dialog
    assert isinstance(dialog, LogRequestDialog)
    qtbot.addWidget(dialog)
    dialog.volunteer.search.setText("zs")
    dialog.volunteer.search_now()
    dialog.accept()  # nothing written down
    assert "what the volunteer asks" in dialog.error.text()
    dialog.text.setPlainText("3月7日分拣少记了半小时")
    reloaded(qtbot, screen, dialog.accept)
    assert panel.table.rowCount() == 1
    assert cell(panel.table, 0, 4) == "Open"
    assert "(1 open)" in screen.tabs.tabText(4)

    panel.table.selectRow(0)
    panel.answer()
    answer = panel.dialog
    assert isinstance(answer, AnswerRequestDialog)
    qtbot.addWidget(answer)
    answer.response.setPlainText("已核对签到记录，无需更正")
    reloaded(qtbot, screen, answer.accept)
    assert cell(panel.table, 0, 4) == "Answered"
    assert not panel.answer_button.isEnabled()
    with org_database.reading() as s:
        request = s.scalars(select(CorrectionRequest)).one()
        assert (request.status, request.answered_by) == (RequestStatus.ANSWERED, STAFF)
        actions = set(s.scalars(select(AuditEntry.action)))
        assert {"correction_request.log", "correction_request.answer"} <= actions


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        (Period.THIS_MONTH, date(2025, 12, 1), date(2025, 12, 31)),
        (Period.LAST_MONTH, date(2025, 11, 1), date(2025, 11, 30)),
        (Period.THIS_YEAR, date(2025, 1, 1), date(2025, 12, 31)),
        (Period.ALL, None, None),
    ],
)
def test_period_dates(period: Period, start: date | None, end: date | None) -> None:
    assert period_dates(period, date(2025, 12, 15)) == (start, end)


def test_last_month_in_january_and_a_reversed_custom_period() -> None:
    assert period_dates(Period.LAST_MONTH, date(2025, 1, 3)) == (
        date(2024, 12, 1),
        date(2024, 12, 31),
    )
    custom = (date(2025, 3, 31), date(2025, 3, 1))
    assert period_dates(Period.CUSTOM, date(2025, 1, 3), custom) == MARCH


def test_certificates_from_the_by_volunteer_tab(
    qtbot: QtBot,
    world: dict[str, uuid.UUID],
    screen: HoursScreen,
    org_database: Database,
    recorder: MessageRecorder,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    import subprocess

    from desktop import documents

    monkeypatch.setattr(documents, "prints_dir", lambda: tmp_path)
    opened: list[Path] = []
    monkeypatch.setattr(documents, "opener", opened.append)
    monkeypatch.setattr(documents, "folder_opener", opened.append)
    with org_database.transaction() as s:
        hours.approve_activity(s, world["sorting"], staff=STAFF)
    reloaded(qtbot, screen, screen.refresh)
    screen.certificate_for_selected()  # nobody selected yet
    assert "Select a volunteer" in recorder.texts("information")[-1]

    proxy = screen.volunteer_table.model()
    row = next(
        r for r in range(proxy.rowCount()) if proxy.index(r, VolunteerColumn.NAME).data() == "张三"
    )
    screen.volunteer_table.setCurrentIndex(proxy.index(row, VolunteerColumn.NAME))
    screen.certificate_for_selected()
    qtbot.waitUntil(lambda: len(opened) == 1 or len(recorder.texts()) > 1, timeout=10000)
    assert len(opened) == 1, recorder.texts()
    text = subprocess.run(
        ["pdftotext", "-layout", str(opened[0]), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "张三" in text and "3.00" in text

    recorder.confirm_answers = [True]
    screen.certificates_for_everyone()
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=10000)
    assert sorted(p.name for p in opened[1].glob("*.pdf")) == [opened[0].name]
    assert "1 certificates saved" in recorder.texts("information")[-1]
