"""The activity table model, alone: rows, columns, translated headers, roles."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from desktop.activities.activity_table_model import ID_ROLE, ActivityTableModel, Column
from models.activities import ActivityRow
from models.schema.enums import ActivityState
from tests.qt_helpers import language

ROWS = [
    ActivityRow(
        uuid.UUID(int=1),
        "社区旧衣分拣日",
        "分拣",
        datetime(2026, 3, 7, 1, 0, tzinfo=UTC),
        datetime(2026, 3, 7, 5, 30, tzinfo=UTC),
        ActivityState.CLOSED,
        "静安旗舰店",
        30,
        40,
        1234,
        0,
        True,
    ),
    ActivityRow(
        uuid.UUID(int=2),
        "周末义卖",
        "义卖",
        datetime(2026, 11, 21, 23, 0, tzinfo=UTC),
        datetime(2026, 11, 22, 3, 0, tzinfo=UTC),
        ActivityState.OPEN,
        None,
        None,
        0,
        0,
        3,
        False,
    ),
]


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = ActivityTableModel("Asia/Shanghai")
    model.set_rows(ROWS)
    qtmodeltester.check(model)


def test_cells_show_local_time_and_translated_state(qapp: QApplication) -> None:
    model = ActivityTableModel("Asia/Shanghai")
    model.set_rows(ROWS)
    assert model.rowCount() == 2 and model.columnCount() == len(Column)
    assert model.rowCount(model.index(0, 0)) == 0
    second = ROWS[1]
    assert model.data(model.index(1, Column.DATE)) == "2026-11-22"  # 07:00 in Shanghai
    assert model.data(model.index(1, Column.TIME)) == "07:00–11:00"
    assert model.data(model.index(0, Column.ATTENDANCES)) == "1,234"
    assert model.data(model.index(1, Column.TITLE), ID_ROLE) == str(second.id)
    assert model.data(QModelIndex()) is None
    with language(qapp, "zh_CN"):
        assert model.data(model.index(1, Column.STATE)) == "进行中"
        header = model.headerData(Column.TITLE, Qt.Orientation.Horizontal)
        assert header == "活动"
