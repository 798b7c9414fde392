"""The hours table models alone: hours with one decimal, money in ¥ from fen, raw
numbers to sort by, ids, translated headers; checked by pytest-qt's model tester."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from pytestqt.modeltest import ModelTester

from desktop.hours.entry_table_model import EntryColumn, EntryTableModel
from desktop.hours.hours_data import totals_of
from desktop.hours.hours_table_model import (
    ID_ROLE,
    SORT_ROLE,
    ActivityColumn,
    ActivityHoursModel,
    VolunteerColumn,
    VolunteerHoursModel,
)
from models.enums import ApprovalStatus, HourKind
from models.hours import ActivityHours, EntryRow, VolunteerHours

ZONE = "Asia/Shanghai"
SORTING = uuid.uuid4()
ZHANG = uuid.uuid4()
LI = uuid.uuid4()

ACTIVITIES = [
    ActivityHours(
        SORTING, "旧衣分拣", datetime(2025, 3, 7, 1, tzinfo=UTC), 12, 10, 1995, 1815, 180, 3025_00
    ),
    ActivityHours(None, None, None, 1, 1, 60, 0, 60, 0),
]
VOLUNTEERS = [
    VolunteerHours(ZHANG, "V000001", "张三", 2, 240, 180, 60, 300_00),
    VolunteerHours(LI, "V000002", "李四", 1, 45, 45, 0, 75_00),
]


def entry(**changes: object) -> EntryRow:
    values: dict[str, object] = {
        "id": uuid.uuid4(),
        "volunteer_id": ZHANG,
        "volunteer_code": "V000001",
        "volunteer_name": "张三",
        "activity_id": SORTING,
        "activity_title": "旧衣分拣",
        "kind": HourKind.SESSION,
        "work_date": date(2025, 3, 7),
        "started_at": datetime(2025, 3, 7, 1, tzinfo=UTC),
        "ended_at": datetime(2025, 3, 7, 4, tzinfo=UTC),
        "minutes": 180,
        "status": ApprovalStatus.PENDING,
        "reason": None,
        "requested_by": None,
        "decided_by": None,
        "second_approver": None,
        "corrects_id": None,
        "exported": False,
        "needs_review": False,
        "awaiting_second": False,
    }
    values.update(changes)
    return EntryRow(**values)  # type: ignore[arg-type]


def texts(model: QAbstractItemModel, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_activity_model(qtmodeltester: ModelTester) -> None:
    model = ActivityHoursModel(ZONE)
    model.set_rows(ACTIVITIES)
    qtmodeltester.check(model)
    assert texts(model, 0) == [
        "旧衣分拣",
        "2025-03-07",
        "12",
        "10",
        "33.3",
        "30.3",
        "3.0",
        "¥3,025.00",
    ]
    assert texts(model, 1)[0] == "Supplemental hours without an activity"
    assert texts(model, 1)[1] == ""
    assert model.index(0, 0).data(ID_ROLE) == str(SORTING)
    assert model.index(1, 0).data(ID_ROLE) == ""
    assert model.index(0, ActivityColumn.MATCHING).data(SORT_ROLE) == 3025_00
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.index(0, ActivityColumn.HOURS).data(Qt.ItemDataRole.TextAlignmentRole) == right
    assert model.index(0, ActivityColumn.TITLE).data(Qt.ItemDataRole.TextAlignmentRole) is None
    header = Qt.Orientation.Horizontal
    assert model.headerData(ActivityColumn.MATCHING, header) == "Matching"
    assert model.headerData(ActivityColumn.ATTENDANCES, header) == "Attendances"
    assert model.headerData(99, header) is None


def test_volunteer_model_sorts_by_the_numbers(qtmodeltester: ModelTester) -> None:
    model = VolunteerHoursModel()
    model.set_rows(VOLUNTEERS)
    qtmodeltester.check(model)
    assert texts(model, 0) == ["V000001", "张三", "2", "4.0", "3.0", "1.0", "¥300.00"]
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(VolunteerColumn.HOURS, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, VolunteerColumn.NAME).data() == "李四"
    model.set_rows([])
    assert model.rowCount() == 0


def test_entry_model_shows_states_and_signed_corrections(qtmodeltester: ModelTester) -> None:
    rows = [
        entry(),
        entry(status=ApprovalStatus.APPROVED, decided_by="王老师", exported=True),
        entry(
            kind=HourKind.CORRECTION,
            minutes=-30,
            started_at=None,
            ended_at=None,
            reason="早退半小时",
            requested_by="王老师",
            corrects_id=uuid.uuid4(),
        ),
        entry(kind=HourKind.CORRECTION, minutes=45, started_at=None, ended_at=None),
        entry(awaiting_second=True, decided_by="王老师"),
        entry(needs_review=True),
        entry(status=ApprovalStatus.REJECTED, decided_by="王老师", second_approver=None),
    ]
    model = EntryTableModel(ZONE)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert texts(model, 0) == [
        "2025-03-07",
        "张三 (V000001)",
        "旧衣分拣",
        "Attendance",
        "09:00–12:00",
        "3.0",
        "Pending",
        "",
        "",
        "",
    ]
    status = [model.index(r, EntryColumn.STATUS).data() for r in range(len(rows))]
    assert status == [
        "Pending",
        "Approved · locked · exported",
        "Pending",
        "Pending",
        "Pending · needs a second approval",
        "Pending · check the times",
        "Rejected",
    ]
    assert model.index(2, EntryColumn.HOURS).data() == "-0.5"
    assert model.index(3, EntryColumn.HOURS).data() == "+0.8"
    assert model.index(2, EntryColumn.TIME).data() == ""
    assert model.index(2, EntryColumn.REASON).data(Qt.ItemDataRole.ToolTipRole) == "早退半小时"
    assert model.index(1, EntryColumn.DECIDED_BY).data() == "王老师"
    assert model.index(2, EntryColumn.HOURS).data(SORT_ROLE) == -30
    assert model.index(0, 0).data(ID_ROLE) == str(rows[0].id)


def test_totals_are_the_sum_over_activities() -> None:
    totals = totals_of(ACTIVITIES)
    assert (totals.attendances, totals.minutes, totals.approved_minutes) == (13, 2055, 1815)
    assert (totals.pending_minutes, totals.matching_fen) == (240, 3025_00)
