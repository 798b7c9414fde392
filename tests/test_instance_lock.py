"""One running Partner Desk per database file."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.instance_lock import InstanceLock
from models.errors import AlreadyRunning
from tests.cli_helpers import ROOT, run_cli

HOLD_LOCK = """
import sys
from pathlib import Path
from desktop.instance_lock import InstanceLock
lock = InstanceLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
sys.stdin.read()
lock.release()
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_second_lock_on_the_same_file_is_refused(db_path: Path) -> None:
    first = InstanceLock(db_path)
    first.acquire()
    try:
        with pytest.raises(AlreadyRunning) as caught:
            InstanceLock(db_path).acquire()
        assert "already open" in str(caught.value)
    finally:
        first.release()
    again = InstanceLock(db_path)
    again.acquire()
    again.release()


def test_a_second_app_on_the_same_database_says_so_and_touches_nothing(db_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        before = digest(db_path)
        result = run_cli(
            "--db",
            str(db_path),
            "--lang",
            "zh_CN",
            env={"PARTNER_DESK_NONINTERACTIVE": "1", "QT_QPA_PLATFORM": "offscreen"},
            timeout=60,
        )
        assert result.returncode == 3
        assert "已" in result.stderr and str(holder.pid) in result.stderr
        assert digest(db_path) == before
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=10)
        if holder.stdout is not None:
            holder.stdout.close()


def test_a_stale_lock_from_a_crashed_app_is_taken_over(db_path: Path) -> None:
    crashed = subprocess.run(
        [
            sys.executable,
            "-c",
            HOLD_LOCK.replace("sys.stdin.read()\nlock.release()", "import os; os._exit(0)"),
            str(db_path),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert crashed.stdout.strip() == "locked"
    assert Path(str(db_path) + ".lock").exists()
    lock = InstanceLock(db_path)
    lock.acquire()
    lock.release()
