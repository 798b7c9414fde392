"""`partner-desk` with no subcommand starts the real GUI in a process of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from models.db import Database

ROOT = Path(__file__).resolve().parent.parent


def start(db_path: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PARTNER_DESK_EXIT_AFTER_SHOW="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(db_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_window_shows_and_garbage_collection_is_back_on(
    org_database: Database, db_path: Path, tmp_path: Path
) -> None:
    org_database.close()
    result = start(db_path, tmp_path)
    assert result.returncode == 0, result.stderr
    shown = [line.split() for line in result.stdout.splitlines() if line.startswith("shown ")]
    assert len(shown) == 1, result.stdout
    # Start-up pauses the cyclic collector; by the first frame it must be running.
    assert shown[0][2] == "gc=on"
    # The lock file was released on the way out.
    assert not db_path.with_name(db_path.name + ".lock").exists()
