"""A desk killed at any moment loses nothing it confirmed.

A child process (``tests/crash_child.py``) records kiosk scans and donated items in a
loop through ``models`` on a real database file (WAL, ``synchronous=FULL``), printing
one line per committed record.  The test kills it with SIGKILL at random moments,
many times; after every kill each acknowledged record must be in the file and
``PRAGMA integrity_check`` must say ok, and at the end the file must open and migrate
as usual.  (SIGKILL ends the process, not the machine: the operating system still
writes what was handed to it.  ``synchronous=FULL`` is what covers a power cut.)
"""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import IO

import pytest

from models import migrate
from models.activities import ActivityData, create_activity, open_activity
from models.badges import issue_badge
from models.check import check_database
from models.db import Database
from models.volunteers import VolunteerData, add_volunteer

ROOT = Path(__file__).resolve().parent.parent
KILLS = 25
DELAY_MS = (20, 300)
WAIT_S = 15.0
STAFF = "王老师"

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="needs fork and SIGKILL"
)


def prepare(database: Database) -> tuple[uuid.UUID, str]:
    """An open activity and a volunteer with a badge; returns (activity id, badge payload)."""
    from datetime import date, time

    data = ActivityData(
        title="断电演练",
        kind="分拣",
        description=None,
        day=date(2026, 3, 7),
        start=time(9, 0),
        end=time(12, 0),
    )
    with database.transaction() as session:
        activity_id = create_activity(session, data, staff=STAFF)
        open_activity(session, activity_id, staff=STAFF)
        volunteer_id = add_volunteer(session, VolunteerData(name="张三", consent=True), staff=STAFF)
        badge = issue_badge(session, volunteer_id, staff=STAFF)
    return activity_id, badge.payload


class Server:
    """``crash_child serve``: forks a writer on request; its stdout read by a thread."""

    def __init__(self, stderr: IO[bytes]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_child", "serve"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            if raw.endswith(b"\n"):  # a line cut short by the kill was never acknowledged
                self.lines.put(raw.decode("ascii").strip())

    def send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(command.encode("utf-8") + b"\n")
        self.process.stdin.flush()

    def next_line(self) -> str:
        try:
            return self.lines.get(timeout=WAIT_S)
        except queue.Empty:
            raise AssertionError("the crash child stopped answering") from None

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=WAIT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.reader.join(timeout=WAIT_S)
        if self.process.stdout is not None:
            self.process.stdout.close()


def ids(conn: sqlite3.Connection, table: str) -> set[str]:
    return {str(row[0]) for row in conn.execute(f"SELECT id FROM {table}")}


def verify(db_file: Path, scans: set[str], items: set[str]) -> None:
    """Every acknowledged record is there, and SQLite finds the file sound."""
    conn = sqlite3.connect(db_file, timeout=10)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert scans <= ids(conn, "scan_event"), "an acknowledged scan was lost"
        assert items <= ids(conn, "item"), "an acknowledged item was lost"
    finally:
        conn.close()


def test_acknowledged_scans_and_items_survive_sigkill(
    org_database: Database, tmp_path: Path
) -> None:
    db_file = org_database.path
    assert db_file is not None
    activity_id, payload = prepare(org_database)
    org_database.close()
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    scans: set[str] = set()
    items: set[str] = set()
    per_kill: list[int] = []
    started = time.monotonic()
    errors = tmp_path / "child-stderr.txt"
    with errors.open("wb") as stderr:
        server = Server(stderr)
        try:
            for _ in range(KILLS):
                server.send(f"work {db_file} {activity_id.hex} {payload}")
                first = server.next_line()
                assert first.startswith("started "), first
                pid = int(first.split()[1])
                time.sleep(rng.uniform(*DELAY_MS) / 1000)
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                acked = 0
                while (line := server.next_line()) != f"ended {pid}":
                    kind, record = line.split()
                    (scans if kind == "scan" else items).add(record)
                    acked += 1
                per_kill.append(acked)
                verify(db_file, scans, items)
        finally:
            server.close()
    elapsed = time.monotonic() - started
    assert "Traceback" not in errors.read_text(encoding="utf-8", errors="replace"), (
        errors.read_text(encoding="utf-8", errors="replace")
    )
    # The writers did real work between kills, and it all survived.
    assert len(per_kill) == KILLS
    assert sum(1 for n in per_kill if n) >= KILLS // 2, per_kill
    assert len(scans) >= KILLS and len(items) >= KILLS
    verify(db_file, scans, items)
    database = Database.open(db_file)
    try:
        result = migrate.upgrade(database)
        assert result.after == migrate.HEAD_REVISION and result.backup is None
        report = check_database(database)
        assert report.ok, report
        assert report.journal_mode == "wal"
    finally:
        database.close()
    print(
        f"\ncrash safety: {KILLS} kills, {len(scans)} scans and {len(items)} items "
        f"acknowledged and found, acks per kill {min(per_kill)}–{max(per_kill)}, "
        f"{elapsed:.1f} s"
    )
