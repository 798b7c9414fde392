"""``partner-desk checkin``: one result per code, back-filling with --at, the kiosk
modes, and one-line errors for an unknown activity or a bad time."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from desktop.cli import _checkin_time
from models.db import Database
from models.errors import UserError
from models.schema import AttendanceSession, ScanEvent
from models.schema.enums import ScanSource, SessionStatus
from tests.cli_helpers import run_cli, run_json
from tests.test_checkin import Desk, at, make_desk


def _desk(org_database: Database) -> tuple[Desk, list[str]]:
    desk = make_desk(org_database)
    org_database.close()  # the command line opens the file itself
    assert org_database.path is not None
    return desk, ["checkin", "--db", str(org_database.path), "--lang", "en"]


def _events(desk: Desk) -> list[ScanEvent]:
    with desk.db.reading() as session:
        rows = list(session.scalars(select(ScanEvent).order_by(ScanEvent.recorded_at)))
        session.expunge_all()
        return rows


def test_back_filled_codes_get_one_result_each(org_database: Database) -> None:
    desk, base = _desk(org_database)
    zhang, li, wang = (desk.people[n].payload for n in ("张三", "李四", "王五"))
    activity = str(desk.activity_id)
    code, document = run_json(
        *base, "--activity", activity, "--at", "2026-03-07T09:02", zhang, zhang, "HELLO", li
    )
    assert code == 0, document
    assert document["backfilled"] is True and document["device"] == "paper"
    assert document["activity"] == {"id": activity, "title": "社区旧衣分拣日"}
    results = document["results"]
    assert [(r["outcome"], r["reason"]) for r in results] == [
        ("check_in", None),
        ("duplicate", "debounce"),
        ("rejected", "unknown_code"),
        ("check_in", None),
    ]
    assert results[0]["message"] == "Welcome, 张三! Checked in at 09:02."
    assert results[1]["message"] == "张三 is already checked in at 09:02."
    assert results[0]["scanned_at"] == at(9, 2).isoformat()
    assert document["counts"] == {"check_in": 2, "check_out": 0, "duplicate": 1, "rejected": 1}

    # Later on the sheet, by local time on the activity's day; an exit-only run.
    code, document = run_json(
        *base, "--activity", activity, "--at", "11:32", "--mode", "exit", zhang, wang
    )
    assert code == 0
    assert [(r["outcome"], r["minutes"], r["reason"]) for r in document["results"]] == [
        ("check_out", 150, None),
        ("rejected", None, "not_checked_in"),
    ]
    events = _events(desk)
    assert len(events) == 6
    assert {(e.source, e.backfilled, e.device_id) for e in events} == {
        (ScanSource.PAPER, True, "paper")
    }
    with desk.db.reading() as session:
        statuses = sorted(s.status for s in session.scalars(select(AttendanceSession)))
    assert statuses == [SessionStatus.CLOSED, SessionStatus.OPEN]


def test_live_codes_in_plain_text(org_database: Database) -> None:
    desk, base = _desk(org_database)
    result = run_cli(
        *base, "--activity", str(desk.activity_id), "--device", "门口", desk.people["张三"].payload
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "→ checked in: Welcome, 张三! Checked in at" in lines[0]
    # The activity was in 2026: a scan now is outside its time, accepted and warned.
    assert lines[1].startswith("  ! This scan is outside the activity's time (09:00–12:00)")
    assert lines[-1] == "1 checked in, 0 checked out, 0 ignored as duplicates, 0 rejected."
    [event] = _events(desk)
    assert (event.source, event.backfilled, event.device_id, event.outside_window) == (
        ScanSource.SCANNER,
        False,
        "门口",
        True,
    )


def test_errors_are_one_line_and_write_nothing(org_database: Database) -> None:
    desk, base = _desk(org_database)
    payload = desk.people["张三"].payload
    activity = str(desk.activity_id)
    cases = [
        (["--activity", str(uuid.uuid4())], "There is no activity with the id"),
        (["--activity", activity, "--at", "9点半"], "--at takes a date and time"),
    ]
    for extra, message in cases:
        result = run_cli(*base, *extra, "--json", payload)
        assert result.returncode == 1, (extra, result.stdout)
        assert json.loads(result.stdout) == {
            "ok": False,
            "error": result.stderr.split(": ", 1)[1].strip(),
        }
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert _events(desk) == []


def test_at_times() -> None:
    zone = ZoneInfo("Asia/Shanghai")
    now = datetime(2026, 3, 8, tzinfo=UTC)
    day = date(2026, 3, 7)
    assert _checkin_time("09:30", day, zone, now) == at(9, 30)
    assert _checkin_time(" 2026-03-07T09:30:15 ", day, zone, now) == at(9, 30, 15)
    assert _checkin_time("2026-03-07 01:30Z", day, zone, now) == at(9, 30)
    assert _checkin_time("2026-03-07T09:30+08:00", day, zone, now) == at(9, 30)
    for text, message in (
        ("2026-03-07", "takes a date and time"),
        ("9点半", "takes a date and time"),
        ("25:00", "takes a date and time"),
        ("2026-03-08T09:00", "is in the future"),
    ):
        with pytest.raises(UserError, match=message):
            _checkin_time(text, day, zone, now)
