"""The data of the sync benchmarks (``bench_sync``), built once and cached.

* ``partner_db``: a large partner's year — 330,000 items from ``bench_intake``'s
  generator, then 20,000 volunteers, ~2,000 closed activities with feedback and
  100,000 attendance sessions with approved hour entries, all with raw ``executemany``;
  ``reset`` undoes any export of it, so each run exports the same year;
* ``partner_bundles``: one year's signed bundle from each of 100 partners, and
  ``office_template``: a programme-office database with those partners registered.

``PARTNER_DESK_BENCH_SYNC_ITEMS`` / ``_SESSIONS`` / ``_PARTNERS`` change the sizes.
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import sys
import uuid
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from os import environ
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from tests.bench.bench_intake import (
    GIVEN,
    STORES,
    SURNAMES,
    _fill,
    _fresh_database,
    _Ids,
    _insert_sql,
    _ts,
    cached_database,
)
from tests.bench.common import DATA

ITEMS = int(environ.get("PARTNER_DESK_BENCH_SYNC_ITEMS", "330000"))
SESSIONS = int(environ.get("PARTNER_DESK_BENCH_SYNC_SESSIONS", "100000"))
PARTNERS = int(environ.get("PARTNER_DESK_BENCH_SYNC_PARTNERS", "100"))
ZONE = ZoneInfo("Asia/Shanghai")
STAFF = "王老师"
VOLUNTEERS = 20_000
PER_ACTIVITY = 50

VOLUNTEER_COLUMNS = ("id", "code", "name", "phone", "active", "version", "created_at", "updated_at")
ACTIVITY_COLUMNS = (
    "id",
    "title",
    "kind",
    "starts_at",
    "ends_at",
    "location",
    "scheduled_minutes",
    "state",
    "walk_ins_allowed",
    "closed_at",
    "version",
    "created_at",
    "updated_at",
)
SESSION_COLUMNS = (
    "id",
    "activity_id",
    "volunteer_id",
    "started_at",
    "ended_at",
    "status",
    "counted_minutes",
    "needs_review",
    "version",
    "created_at",
    "updated_at",
)
HOUR_COLUMNS = (
    "id",
    "volunteer_id",
    "activity_id",
    "session_id",
    "kind",
    "work_date",
    "started_at",
    "ended_at",
    "minutes",
    "status",
    "decided_by",
    "decided_at",
    "version",
    "created_at",
    "updated_at",
)
FEEDBACK_COLUMNS = (
    "id",
    "activity_id",
    "people_served",
    "work_done",
    "outcomes",
    "photo_count",
    "satisfaction",
    "waived",
    "submitted_by",
    "submitted_on",
    "version",
    "created_at",
    "updated_at",
)


# --------------------------------------------------------------------------- the partner


def partner_db(items: int = ITEMS, sessions: int = SESSIONS) -> Path:
    """A large partner's year: items, then activities with hours, built once."""

    def build(partial: Path) -> None:
        _fresh_database(partial, STORES)
        _fill(partial, items)
        _fill_activities(partial, sessions)

    return cached_database(
        DATA / f"sync-partner-{items}-{sessions}.sqlite3",
        f"a partner's year: {items:,} items, {sessions:,} sessions",
        build,
    )


def _fill_activities(path: Path, total: int) -> None:
    rng = random.Random(2027)
    new_id = _Ids(rng)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA synchronous = OFF")
    raw.execute("PRAGMA foreign_keys = OFF")
    today = datetime.now(ZONE).date()
    first = today - timedelta(days=365)
    stamp = _ts(datetime.combine(first, clock_time(8), tzinfo=ZONE))
    people = []
    rows: list[tuple[object, ...]] = []
    for n in range(1, VOLUNTEERS + 1):
        person = new_id()
        people.append(person)
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
        phone = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
        rows.append((person, f"V{n:06d}", name, phone, 1, 1, stamp, stamp))
    raw.execute("BEGIN")
    raw.executemany(_insert_sql("volunteer", VOLUNTEER_COLUMNS), rows)
    raw.execute("COMMIT")

    activities = max(1, total // PER_ACTIVITY)
    activity_rows: list[tuple[object, ...]] = []
    session_rows: list[tuple[object, ...]] = []
    hour_rows: list[tuple[object, ...]] = []
    feedback_rows: list[tuple[object, ...]] = []
    made = 0
    for n in range(activities):
        day = first + timedelta(days=n * 364 // activities)
        starts = datetime.combine(day, clock_time(9), tzinfo=ZONE).astimezone(UTC)
        ends = starts + timedelta(hours=rng.choice((3, 4, 8)))
        closed, decided = ends + timedelta(hours=2), ends + timedelta(days=1)
        activity_id = new_id()
        minutes = int((ends - starts).total_seconds() // 60)
        activity_rows.append(
            (
                activity_id,
                f"活动 {day} #{n}",
                "分拣",
                _ts(starts),
                _ts(ends),
                "上海",
                minutes,
                "closed",
                1,
                _ts(closed),
                1,
                _ts(starts - timedelta(days=7)),
                _ts(closed),
            )
        )
        feedback_rows.append(
            (
                new_id(),
                activity_id,
                rng.randint(10, 300),
                "分拣旧衣，整理货架",
                "顺利完成",
                rng.randint(0, 30),
                rng.randint(3, 5),
                0,
                STAFF,
                day.isoformat(),
                1,
                _ts(closed),
                _ts(closed),
            )
        )
        size = PER_ACTIVITY if n < activities - 1 else total - made
        for person in rng.sample(people, size):
            at_in = starts + timedelta(seconds=rng.randint(-900, 1200))
            at_out = max(
                at_in + timedelta(minutes=30), ends + timedelta(minutes=rng.randint(-40, 25))
            )
            counted = int((at_out - at_in).total_seconds() // 60)
            session_id = new_id()
            session_rows.append(
                (
                    session_id,
                    activity_id,
                    person,
                    _ts(at_in),
                    _ts(at_out),
                    "closed",
                    counted,
                    0,
                    1,
                    _ts(at_in),
                    _ts(closed),
                )
            )
            hour_rows.append(
                (
                    new_id(),
                    person,
                    activity_id,
                    session_id,
                    "session",
                    day.isoformat(),
                    _ts(at_in),
                    _ts(at_out),
                    counted,
                    "approved",
                    STAFF,
                    _ts(decided),
                    1,
                    _ts(closed),
                    _ts(decided),
                )
            )
        made += size
    raw.execute("BEGIN")
    raw.executemany(_insert_sql("activity", ACTIVITY_COLUMNS), activity_rows)
    raw.executemany(_insert_sql("attendance_session", SESSION_COLUMNS), session_rows)
    raw.executemany(_insert_sql("hour_entry", HOUR_COLUMNS), hour_rows)
    raw.executemany(_insert_sql("activity_feedback", FEEDBACK_COLUMNS), feedback_rows)
    raw.execute("COMMIT")
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()


def reset(path: Path) -> None:
    """Undo every export: the year is exported again, from the beginning."""
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("BEGIN IMMEDIATE")
    raw.execute(
        "UPDATE hour_entry SET exported_in_id = NULL, matching_fen = NULL, version = 1, "
        "updated_at = decided_at WHERE exported_in_id IS NOT NULL OR version != 1"
    )
    raw.execute(
        "UPDATE activity SET state = 'closed', version = 1, updated_at = closed_at "
        "WHERE state != 'closed' OR version != 1 OR updated_at != closed_at"
    )
    raw.execute("DELETE FROM audit_log WHERE action IN ('hours.freeze', 'activity.export')")
    raw.execute("DELETE FROM sync_log")
    raw.execute("COMMIT")
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()


# --------------------------------------------------------------------------- import


def partner_tables(code: str, rng: random.Random, year: date) -> dict[str, Any]:
    from models.bundle_spec import TABLES_BY_NAME, summary_row_id

    now = datetime.now(UTC)
    people = [uuid.uuid4() for _ in range(150)]
    activities, sessions, hours, feedback = [], [], [], []
    for n in range(25):
        day = year + timedelta(days=n * 14)
        starts = datetime.combine(day, clock_time(1), tzinfo=UTC)
        ends = starts + timedelta(hours=3)
        activity = {
            "id": uuid.uuid4(), "version": 3, "updated_at": now, "title": f"{code} 活动 {n}",
            "kind": "分拣", "description": None, "starts_at": starts, "ends_at": ends,
            "location": "上海", "programme_tag": None, "state": "exported",
            "scheduled_minutes": 180, "capacity": None, "walk_ins_allowed": True,
            "closed_at": ends,
        }  # fmt: skip
        activities.append(activity)
        feedback.append(
            {
                "id": uuid.uuid4(),
                "version": 1,
                "updated_at": now,
                "activity_id": activity["id"],
                "people_served": 40,
                "beneficiaries": None,
                "work_done": "分拣",
                "outcomes": None,
                "problems": None,
                "photo_count": 3,
                "satisfaction": 5,
                "waived": False,
                "waive_reason": None,
                "submitted_by": STAFF,
                "submitted_on": day,
            }
        )
        for person in rng.sample(people, 13 if n < 24 else 18):
            session = {
                "id": uuid.uuid4(), "version": 2, "updated_at": now,
                "activity_id": activity["id"], "volunteer_ref": person, "started_at": starts,
                "ended_at": ends, "status": "closed", "resolution": None,
                "counted_minutes": 180, "needs_review": False, "check_in_event_id": None,
                "check_out_event_id": None,
            }  # fmt: skip
            sessions.append(session)
            hours.append(
                {
                    "id": uuid.uuid4(),
                    "version": 2,
                    "updated_at": now,
                    "activity_id": activity["id"],
                    "volunteer_ref": person,
                    "session_id": session["id"],
                    "kind": "session",
                    "work_date": day,
                    "started_at": starts,
                    "ended_at": ends,
                    "minutes": 180,
                    "status": "approved",
                    "matching_fen": 300_00,
                    "corrects_id": None,
                    "reason": None,
                    "requested_by": None,
                    "decided_by": STAFF,
                    "decided_at": now,
                }
            )
    for line in rng.sample(hours, 30):
        hours.append(
            {
                **line,
                "id": uuid.uuid4(),
                "kind": "correction",
                "minutes": -30,
                "matching_fen": -50_00,
                "corrects_id": line["id"],
                "reason": "补记",
            }
        )
    summary = []
    for month in range(1, 13):
        for category in range(20):
            key = f"{year.year}-{month:02d}"
            name = f"类别 {category}"
            summary.append(
                {
                    "id": summary_row_id(code, key, name),
                    "version": 1,
                    "updated_at": now,
                    "month": key,
                    "category": name,
                    "items_received": rng.randint(0, 900),
                    "estimated_value_fen": rng.randint(0, 10**7),
                    "items_sold": 0,
                    "sold_value_fen": 0,
                }
            )
    volunteers = [
        {"id": p, "version": 1, "updated_at": now, "code": f"V{n:06d}", "name": "志愿者",
         "programme_id": None, "employer": "某公司", "phone": "13800000000",
         "merged_into_ref": None}
        for n, p in enumerate(people)
    ]  # fmt: skip
    data = {
        "activities": activities,
        "attendance_sessions": sessions,
        "hours": hours,
        "corrections": [],
        "feedback": feedback,
        "donation_summary": summary,
        "volunteers": volunteers,
    }
    return {name: (TABLES_BY_NAME[name].column_names, rows) for name, rows in data.items()}


def partner_bundles(partners: int = PARTNERS) -> tuple[list[Path], list[tuple[str, str]]]:
    """One year's bundle from each of ``partners`` partners (built once)."""
    from models import signing
    from models.bundle import ManifestFields, write_bundle

    folder = DATA / f"sync-bundles-{partners}"
    registry = folder / "partners.json"
    if not registry.exists():
        print(f"writing {partners} partners' bundles (once)…", file=sys.stderr, flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        rng = random.Random(99)
        known = []
        for n in range(partners):
            code = f"P{n:03d}"
            keys = signing.new_signing_pair()
            fields = ManifestFields(
                org_code=code, export_id=uuid.uuid4(), period_end=datetime.now(UTC)
            )
            tables = partner_tables(code, rng, date(2025, 1, 6))
            write_bundle(folder / f"{code}.pdsync", fields, tables, signing_key=keys)
            known.append((code, signing.public_key_text(keys.public_raw)))
        registry.write_text(json.dumps(known), encoding="utf-8")
    known = [tuple(pair) for pair in json.loads(registry.read_text(encoding="utf-8"))]
    return [folder / f"{code}.pdsync" for code, _key in known], known  # type: ignore[misc]


def office_template(known: list[tuple[str, str]]) -> Path:
    from models import migrate
    from models.db import Database
    from models.office_import import register_partner

    path = DATA / f"sync-office-{len(known)}-{migrate.HEAD_REVISION}.sqlite3"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        database = Database.open(partial)
        migrate.upgrade(database)
        with database.transaction() as session:
            for code, key in known:
                register_partner(
                    session, code=code, name=f"伙伴 {code}", public_key_text=key, staff=STAFF
                )
        database.close()
        partial.rename(path)
    return path
