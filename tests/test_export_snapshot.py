"""An export reads one snapshot and writes only at the end, briefly: the desk keeps
working while the bundle is written (hours approved meanwhile go with the next
export, untouched), and when a row the bundle carries changed meanwhile, or another
export was recorded, the export changes nothing and leaves no file."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from models import sync_tables
from models.bundle import open_bundle
from models.errors import DatabaseBusy
from models.schema import Activity, HourEntry, SyncLog
from models.schema.enums import ActivityState
from models.sync_export import ExportResult, export_bundle
from tests.sync_data import FIRST_DAY, STAFF, PartnerDesk


@pytest.fixture
def desk(tmp_path: Path, template_db: Path) -> Iterator[PartnerDesk]:
    partner = PartnerDesk.create(tmp_path / "desk.sqlite3", template_db)
    yield partner
    partner.db.close()


def _meanwhile(monkeypatch: pytest.MonkeyPatch, action: Callable[[], None]) -> None:
    """Run ``action`` while the export streams its feedback rows (in its snapshot)."""
    original = sync_tables.BundleTables.feedback

    def feedback(self: sync_tables.BundleTables) -> Any:
        columns, rows = original(self)

        def streamed() -> Iterator[Any]:
            action()
            yield from rows

        return columns, streamed()

    monkeypatch.setattr(sync_tables.BundleTables, "feedback", feedback)


def _count(desk: PartnerDesk, model: Any, *where: Any) -> int:
    with desk.db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _hours(path: Path) -> list[dict[str, Any]]:
    with open_bundle(path) as bundle:
        return list(bundle.rows("hours"))


def test_hours_approved_while_the_bundle_is_written_go_with_the_next_export(
    desk: PartnerDesk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    done = desk.hold_activity(FIRST_DAY, {0: 180})
    desk.approve(done)
    pending = desk.hold_activity(FIRST_DAY + timedelta(days=7), {1: 120, 2: 60})
    waited: list[float] = []

    def approve() -> None:
        started = time.monotonic()
        desk.approve(pending)  # a write on another connection: no lock to wait for
        waited.append(time.monotonic() - started)

    _meanwhile(monkeypatch, approve)
    first = desk.export(tmp_path / "out")
    monkeypatch.undo()
    assert waited and waited[0] < 1.0
    assert first.totals.hour_lines == 1 and first.marked_exported == 1
    assert [row["minutes"] for row in _hours(first.path)] == [180]
    # What was approved meanwhile is neither frozen nor marked, and goes next time.
    assert _count(desk, HourEntry, HourEntry.exported_in_id == first.export_id) == 1
    unexported = HourEntry.activity_id == pending, HourEntry.exported_in_id.is_(None)
    assert _count(desk, HourEntry, *unexported) == 2
    with desk.db.reading() as s:
        activity = s.get(Activity, pending)
        assert activity is not None and activity.state is ActivityState.CLOSED
    second = desk.export(tmp_path / "out")
    assert sorted(row["minutes"] for row in _hours(second.path)) == [60, 120]
    assert second.marked_exported == 1 and second.follows == first.export_id
    assert _count(desk, HourEntry, HourEntry.exported_in_id.is_(None)) == 0


def _nothing_changed(desk: PartnerDesk, folder: Path) -> None:
    assert list(folder.iterdir()) == []
    assert _count(desk, SyncLog) == 0
    assert _count(desk, HourEntry, HourEntry.exported_in_id.is_not(None)) == 0
    assert _count(desk, Activity, Activity.state == ActivityState.EXPORTED) == 0


def _touch_activity(desk: PartnerDesk, activity_id: uuid.UUID) -> None:
    with desk.db.transaction() as s:
        activity = s.get(Activity, activity_id)
        assert activity is not None
        activity.location = "改在二楼"  # one version up


def _touch_hours(desk: PartnerDesk, activity_id: uuid.UUID) -> None:
    with desk.db.transaction() as s:
        for entry in s.scalars(select(HourEntry).where(HourEntry.activity_id == activity_id)):
            entry.second_approver = "李老师"  # one version up


@pytest.mark.parametrize("touch", [_touch_activity, _touch_hours])
def test_a_carried_row_changed_meanwhile_fails_the_export_with_nothing_changed(
    desk: PartnerDesk,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    touch: Callable[[PartnerDesk, uuid.UUID], None],
) -> None:
    done = desk.hold_activity(FIRST_DAY, {0: 180, 1: 60})
    desk.approve(done)
    folder = tmp_path / "out"
    folder.mkdir()
    _meanwhile(monkeypatch, lambda: touch(desk, done))
    with pytest.raises(DatabaseBusy):
        export_bundle(desk.db, folder, staff=STAFF)
    monkeypatch.undo()
    _nothing_changed(desk, folder)
    result: ExportResult = desk.export(folder)  # again: the change is in it now
    assert result.totals.hour_lines == 2 and result.marked_exported == 1


def test_another_export_recorded_meanwhile_fails_this_one(
    desk: PartnerDesk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk.approve(desk.hold_activity(FIRST_DAY, {0: 180}))
    folder = tmp_path / "out"
    folder.mkdir()
    other: list[ExportResult] = []
    started: list[bool] = []

    def export_elsewhere() -> None:
        if not started:  # (the other export streams its feedback too)
            started.append(True)
            other.append(desk.export(tmp_path / "other"))

    _meanwhile(monkeypatch, export_elsewhere)
    with pytest.raises(DatabaseBusy):
        export_bundle(desk.db, folder, staff=STAFF)
    monkeypatch.undo()
    assert list(folder.iterdir()) == []
    [recorded] = other
    with desk.db.reading() as s:
        assert list(s.scalars(select(SyncLog.export_id))) == [recorded.export_id]
    assert _count(desk, HourEntry, HourEntry.exported_in_id == recorded.export_id) == 1


def test_the_leftovers_of_a_killed_export_are_cleared(desk: PartnerDesk, tmp_path: Path) -> None:
    """Killed while staging (its own temporary file) or before renaming (the staged one)."""
    folder = tmp_path / "out"
    folder.mkdir()
    staged = folder / ".GREEN-20250303-deadbeef.pdsync.0badc0de.tmp"
    writing = folder / f".{staged.name}.12345678.tmp"
    for leftover in (staged, writing):
        leftover.write_bytes(b"half")
    result = desk.export(folder)
    assert [p.name for p in folder.iterdir()] == [result.path.name]
