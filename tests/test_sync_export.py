"""Exporting a sync bundle: the preview matches what is written, the period runs
from the previous export, hours are frozen (corrections as delta lines), finished
activities become exported, phones are masked unless contacts are included, and a
failure or cancel at any point leaves no file, no log and nothing frozen."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import URL

from models import migrate, signing, sync_tables
from models.bundle import open_bundle
from models.bundle_spec import OFFICE_TABLES
from models.clock import utcnow
from models.db import Database
from models.errors import Cancelled, UserError
from models.schema import (
    Activity,
    HourEntry,
    ItemCategory,
    MatchingRate,
    Organisation,
    SyncLog,
)
from models.schema.enums import ActivityState, SyncDirection
from models.sync_export import export_bundle, export_history, preview_export
from tests.sync_data import FIRST_DAY, STAFF, PartnerDesk

pytest_plugins = ("tests.pg",)


@pytest.fixture
def desk(tmp_path: Path, template_db: Path) -> Iterator[PartnerDesk]:
    partner = PartnerDesk.create(tmp_path / "desk.sqlite3", template_db)
    yield partner
    partner.db.close()


def _key(desk: PartnerDesk) -> bytes:
    with desk.db.reading() as s:
        return bytes(s.scalars(select(Organisation.signing_public_key)).one())


def _rows(desk: PartnerDesk, path: Path, table: str) -> list[dict[str, Any]]:
    with open_bundle(path, public_key=_key(desk)) as bundle:
        return list(bundle.rows(table))


def _count(desk: PartnerDesk, model: Any, *where: Any) -> int:
    with desk.db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _history(desk: PartnerDesk) -> None:
    done = desk.hold_activity(FIRST_DAY, {0: 180, 1: 120}, title='=HYPERLINK("x")')
    desk.approve(done)
    desk.hold_activity(FIRST_DAY + timedelta(days=7), {2: 60}, waive=True)  # hours pending
    desk.donate(0, 3)
    desk.donate(5, 2)
    desk.sell(0)


def test_first_export_carries_everything_and_matches_its_preview(
    desk: PartnerDesk, tmp_path: Path
) -> None:
    _history(desk)
    with desk.db.reading() as s:
        preview = preview_export(s)
    assert preview.period_start is None and preview.follows is None
    assert (preview.to_mark_exported, preview.pending_entries, preview.problem) == (1, 1, None)

    result = desk.export(tmp_path / "out")
    assert result.totals == preview.totals
    totals = result.totals
    assert (totals.activities, totals.attendances, totals.hour_lines) == (2, 3, 2)
    assert (totals.minutes, totals.matching_fen) == (300, 500_00)
    assert (totals.feedback_received, totals.feedback_waived, totals.volunteers) == (1, 1, 3)
    assert [(c.category, c.items) for c in totals.items_by_category] == [
        ("服装", 3),
        ("电器数码", 2),
    ]
    assert re.fullmatch(r"GREEN-\d{8}-[0-9a-f]{8}\.pdsync", result.path.name)
    assert result.path.name.endswith(f"{result.export_id.hex[:8]}.pdsync")
    assert sorted(p.name for p in result.path.parent.iterdir()) == [result.path.name]

    # The file verifies with the organisation's key and holds every office table.
    with open_bundle(result.path, public_key=_key(desk), require_tables=OFFICE_TABLES) as bundle:
        assert bundle.key_trusted and bundle.manifest.export_id == result.export_id
        assert dict(result.rows) == {t: bundle.row_count(t) for t in bundle.tables}
    titles = {row["title"]: row["state"] for row in _rows(desk, result.path, "activities")}
    assert titles == {'=HYPERLINK("x")': "exported", "社区旧衣分拣": "closed"}  # written as is
    hours = _rows(desk, result.path, "hours")
    assert sorted(r["matching_fen"] for r in hours) == [200_00, 300_00]
    assert {r["status"] for r in hours} == {"approved"}

    # Hours frozen by this export, the finished activity exported, the export logged.
    assert _count(desk, HourEntry, HourEntry.exported_in_id == result.export_id) == 2
    assert _count(desk, Activity, Activity.state == ActivityState.EXPORTED) == 1
    with desk.db.reading() as s:
        log = s.get(SyncLog, result.export_id)
        assert log is not None and log.direction is SyncDirection.EXPORT
        assert (log.file_name, log.sha256) == (result.path.name, result.sha256)
        assert log.summary["totals"]["matching_fen"] == 500_00
        [record] = export_history(s)
    assert record.export_id == result.export_id and record.rows == result.rows


def test_an_export_right_after_carries_nothing_and_is_valid(
    desk: PartnerDesk, tmp_path: Path
) -> None:
    _history(desk)
    first = desk.export(tmp_path / "out")
    second = desk.export(tmp_path / "out")
    assert second.follows == first.export_id and second.period_start == first.period_end
    assert set(second.rows.values()) == {0}
    assert second.totals.hour_lines == second.totals.activities == 0
    with open_bundle(second.path, public_key=_key(desk), require_tables=OFFICE_TABLES):
        pass
    with desk.db.reading() as s:
        again = preview_export(s)
        assert again.totals == second.totals and again.follows == second.export_id
        assert [r.export_id for r in export_history(s)] == [second.export_id, first.export_id]


def test_later_changes_travel_in_the_next_export(desk: PartnerDesk, tmp_path: Path) -> None:
    _history(desk)
    first = desk.export(tmp_path / "out")
    pending = desk.activities[1]
    desk.approve(pending)
    assert desk.correct(desk.activities[0], 0, 240)  # 180 → 240 minutes, approved
    desk.sell(0)  # the month's donation figures change
    with desk.db.reading() as s:
        preview = preview_export(s)
    second = desk.export(tmp_path / "out")
    assert second.totals == preview.totals
    assert (second.totals.hour_lines, second.totals.delta_lines) == (2, 1)
    assert (second.totals.minutes, second.totals.matching_fen) == (120, 200_00)
    lines = {r["kind"]: r for r in _rows(desk, second.path, "hours")}
    assert (lines["correction"]["minutes"], lines["correction"]["matching_fen"]) == (60, 100_00)
    assert lines["correction"]["corrects_id"] is not None
    # The activity whose hours are now decided becomes exported and travels again.
    [activity] = _rows(desk, second.path, "activities")
    assert (activity["id"], activity["state"]) == (pending, "exported")
    # Only the donation line that changed, one version up.
    before = {r["id"]: r for r in _rows(desk, first.path, "donation_summary")}
    [line] = _rows(desk, second.path, "donation_summary")
    assert line["version"] == before[line["id"]]["version"] + 1
    assert line["items_sold"] == before[line["id"]]["items_sold"] + 1


def test_phone_numbers_are_masked_unless_contacts_are_included(
    desk: PartnerDesk, tmp_path: Path
) -> None:
    desk.approve(desk.hold_activity(FIRST_DAY, {0: 60}))
    masked = desk.export(tmp_path / "a")
    assert [r["phone"] for r in _rows(desk, masked.path, "volunteers")] == ["138****0000"]
    desk.correct(desk.activities[0], 0, 90)
    shown = desk.export(tmp_path / "b", include_contacts=True)
    assert [r["phone"] for r in _rows(desk, shown.path, "volunteers")] == ["13800130000"]
    with open_bundle(shown.path, public_key=_key(desk)) as bundle:
        assert bundle.manifest.include_contacts


def _unchanged_after_failure(desk: PartnerDesk, folder: Path) -> None:
    assert not list(folder.iterdir())  # no bundle, no temporary file
    assert _count(desk, SyncLog) == 0
    assert _count(desk, HourEntry, HourEntry.exported_in_id.is_not(None)) == 0
    assert _count(desk, Activity, Activity.state == ActivityState.EXPORTED) == 0


def test_a_failure_while_writing_leaves_nothing_and_the_export_can_run_again(
    desk: PartnerDesk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _history(desk)
    folder = tmp_path / "out"
    folder.mkdir()
    with desk.db.reading() as s:
        preview = preview_export(s)
    original = sync_tables.BundleTables.feedback

    def broken(self: sync_tables.BundleTables) -> Any:
        columns, rows = original(self)

        def crash() -> Iterator[Any]:
            yield from rows
            raise RuntimeError("power cut")

        return columns, crash()

    monkeypatch.setattr(sync_tables.BundleTables, "feedback", broken)
    with pytest.raises(RuntimeError, match="power cut"):
        export_bundle(desk.db, folder, staff=STAFF)
    _unchanged_after_failure(desk, folder)
    monkeypatch.undo()

    # Cancelled at the very end, after the file was complete: the file goes too.
    def cancel(done: int, total: int) -> None:
        if done == total:
            raise Cancelled

    with pytest.raises(Cancelled):
        export_bundle(desk.db, folder, staff=STAFF, progress=cancel)
    _unchanged_after_failure(desk, folder)

    # A temporary file left by a killed export is cleared; the export goes through.
    (folder / ".GREEN-20250303-deadbeef.pdsync.0badc0de.tmp").write_bytes(b"half")
    seen: list[tuple[int, int]] = []
    result = export_bundle(desk.db, folder, staff=STAFF, progress=lambda d, t: seen.append((d, t)))
    assert result.totals == preview.totals
    assert [p.name for p in folder.iterdir()] == [result.path.name]
    assert seen and seen[-1][0] == seen[-1][1]


def test_export_is_refused_when_a_matching_rate_is_missing(
    desk: PartnerDesk, tmp_path: Path
) -> None:
    desk.approve(desk.hold_activity(FIRST_DAY, {0: 60}))
    with desk.db.transaction() as s:
        s.execute(MatchingRate.__table__.delete())
    with desk.db.reading() as s:
        preview = preview_export(s)
    assert preview.problem is not None and "nothing was exported" in str(preview.problem)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(UserError, match="No matching rate"):
        desk.export(folder)
    _unchanged_after_failure(desk, folder)


def test_period_choices_and_refusals(desk: PartnerDesk, tmp_path: Path) -> None:
    _history(desk)
    with pytest.raises(UserError, match="no folder"):
        export_bundle(desk.db, tmp_path / "missing", staff=STAFF)
    with pytest.raises(UserError, match="future"):
        desk.export(tmp_path / "out", until=utcnow() + timedelta(hours=1))
    first = desk.export(tmp_path / "out")
    with pytest.raises(UserError, match="already covers"):
        desk.export(tmp_path / "out", until=first.period_end - timedelta(seconds=1))
    with desk.db.reading() as s:
        everything = preview_export(s, since=None)
        assert everything.period_start is None and everything.totals.activities == 2
        assert preview_export(s).totals.activities == 0
        assert preview_export(s, since=first.period_end - timedelta(days=1)).period_start


def test_a_bundle_for_another_desk_carries_scan_events(desk: PartnerDesk, tmp_path: Path) -> None:
    from models.schema import ScanEvent
    from models.schema.enums import ScanOutcome, ScanSource

    activity = desk.hold_activity(FIRST_DAY, {0: 60}, close=False)
    with desk.db.transaction() as s:
        s.add(
            ScanEvent(
                id=uuid.uuid4(),
                activity_id=activity,
                volunteer_id=desk.people[0],
                device_id="kiosk-1",
                source=ScanSource.CAMERA,
                outcome=ScanOutcome.CHECK_IN,
                payload="PDV:GREEN:V000001:1:SECRETMAC0",
                scanned_at=utcnow(),
            )
        )
    result = desk.export(tmp_path / "out", for_desk=True)
    assert result.audience == "desk" and set(result.rows) == {"scan_events", "volunteers"}
    [event] = _rows(desk, result.path, "scan_events")
    assert (event["activity_id"], event["outcome"], event["version"]) == (activity, "check_in", 1)
    assert "payload" not in event  # the scanned text never leaves the desk
    # Nothing frozen or marked; the office chain is untouched.
    assert _count(desk, HourEntry, HourEntry.exported_in_id.is_not(None)) == 0
    office = desk.export(tmp_path / "office")
    assert office.follows is None and office.audience == "office"
    assert signing.fingerprint(_key(desk))


def test_donation_lines_follow_a_renamed_category(desk: PartnerDesk, tmp_path: Path) -> None:
    desk.donate(0, 2)
    first = desk.export(tmp_path / "a")
    [line] = _rows(desk, first.path, "donation_summary")
    top, leaf = line["category"].split(" › ")
    with desk.db.transaction() as s:
        s.scalars(select(ItemCategory).where(ItemCategory.name == top)).one().name = "衣物"
    second = desk.export(tmp_path / "b")
    lines = {r["category"]: r for r in _rows(desk, second.path, "donation_summary")}
    assert (lines[line["category"]]["items_received"], lines[line["category"]]["version"]) == (0, 2)
    assert lines[f"衣物 › {leaf}"]["items_received"] == 2
    assert desk.export(tmp_path / "c").rows["donation_summary"] == 0


@pytest.mark.postgres
def test_export_from_a_desk_on_postgresql(pg_url: URL, tmp_path: Path) -> None:
    database = Database.open(pg_url)
    migrate.upgrade(database)
    desk = PartnerDesk.set_up(database)
    try:
        _history(desk)
        with desk.db.reading() as s:
            preview = preview_export(s)
        first = desk.export(tmp_path / "out")
        assert first.totals == preview.totals and first.rows["hours"] == 2
        assert desk.correct(desk.activities[0], 0, 240)
        second = desk.export(tmp_path / "out")
        assert (second.totals.delta_lines, second.follows) == (1, first.export_id)
        with open_bundle(first.path, public_key=_key(desk), require_tables=OFFICE_TABLES):
            pass
    finally:
        database.close()
