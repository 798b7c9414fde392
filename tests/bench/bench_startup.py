"""Cold start of the real app to a shown main window, against a bare PySide6 +
SQLAlchemy empty-window start measured in the same run (budget ≤ 1.3×).

Run: ``make bench`` (all benchmarks) or ``python -m tests.bench.bench_startup``.
Set PARTNER_DESK_BENCH_ITEMS to change the big database's size (default 3.5M).
"""

from __future__ import annotations

import compileall
import os
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests.bench.common import (
    DATA,
    ROOT,
    BenchResult,
    format_table,
    python,
    time_to_shown,
)

# Starts take ~0.4 s and this kind of machine is noisy (one start in three can be
# 30 % slow): 15 rounds keep the medians steady.
RUNS = int(os.environ.get("PARTNER_DESK_BENCH_STARTUP_RUNS", "15"))
BIG_ITEMS = int(os.environ.get("PARTNER_DESK_BENCH_ITEMS", "3500000"))

FLOOR_SCRIPT = """
import time
import sqlalchemy, sqlalchemy.orm
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
def shown():
    print(f"shown {time.monotonic():.6f}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

# The app pauses Python's cyclic garbage collector until its first frame
# (desktop/__main__.py), which also speeds up importing SQLAlchemy and PySide6 —
# work the floor does too. The budget is against the bare script above; this
# second floor, paused the same way, shows the app's own cost above the libraries.
FLOOR_GC_PAUSED_SCRIPT = "import gc\ngc.disable()\n" + FLOOR_SCRIPT


def empty_db() -> Path:
    path = DATA / "startup-empty.sqlite3"
    if not path.exists():
        from models import migrate, organisation
        from models.db import Database
        from models.organisation import SetupRequest, StoreSpec

        path.parent.mkdir(parents=True, exist_ok=True)
        db = Database.open(path)
        migrate.upgrade(db)
        with db.transaction() as session:
            organisation.set_up(
                session,
                SetupRequest(name="基准测试", code="BENCH", stores=(StoreSpec("S01", "一号店"),)),
            )
        db.close()
    return path


def big_db(items: int = BIG_ITEMS) -> Path:
    # The intake benchmark builds the same size of inventory; reuse it if present.
    shared = DATA / f"items-{items}.sqlite3"
    if shared.exists():
        return shared
    path = DATA / f"demo-{items}.sqlite3"
    if not path.exists():
        from models import demo, migrate
        from models.db import Database

        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        for leftover in DATA.glob(partial.name + "*"):
            leftover.unlink()
        db = Database.open(partial)
        migrate.upgrade(db)
        print(f"generating a {items:,}-item demo database (once)…", file=sys.stderr)
        demo.generate(db, demo.DemoSizes(items=items, volunteers=100_000, activities=1600))
        db.close()
        partial.rename(path)
    return path


# A fresh user profile, so every start opens on the default (intake) screen.
_PROFILE = tempfile.mkdtemp(prefix="partner-desk-bench-")


def app_start(db: Path) -> float:
    return time_to_shown(
        [python(), "-m", "desktop", "--db", str(db)],
        env={"PARTNER_DESK_EXIT_AFTER_SHOW": "1", "XDG_CONFIG_HOME": _PROFILE},
    )


def compile_bytecode() -> None:
    """Start from compiled modules, as an installed or frozen app does.

    pip compiles a wheel's modules when it installs them and PyInstaller ships them
    compiled; a checkout normally writes ``__pycache__`` on its first start. Where
    PYTHONDONTWRITEBYTECODE is set (as on CI machines) every start would otherwise
    compile our ~70 start-up modules from source, which is not what a user waits for.
    """
    for package in ("desktop", "models"):
        compileall.compile_dir(ROOT / package, quiet=1)


def run() -> list[BenchResult]:
    empty, big = empty_db(), big_db()
    compile_bytecode()
    os.sync()  # earlier benchmarks' writes are not flushed in the middle of a start
    floor_cmd = [python(), "-c", FLOOR_SCRIPT]
    paused_floor_cmd = [python(), "-c", FLOOR_GC_PAUSED_SCRIPT]
    # Warm the OS file cache once for each, then alternate so drift hits all alike.
    for db in (empty, big):
        app_start(db)
    time_to_shown(floor_cmd)
    floors: list[float] = []
    paused_floors: list[float] = []
    empties: list[float] = []
    bigs: list[float] = []
    starts: list[tuple[Callable[[], float], list[float]]] = [
        (lambda: time_to_shown(floor_cmd), floors),
        (lambda: time_to_shown(paused_floor_cmd), paused_floors),
        (lambda: app_start(empty), empties),
        (lambda: app_start(big), bigs),
    ]
    for round_number in range(RUNS):
        # Each round starts with the next one, so no start always follows the same.
        turn = round_number % len(starts)
        for start, samples in starts[turn:] + starts[:turn]:
            samples.append(start())
    floor = statistics.median(floors)
    paused_floor = statistics.median(paused_floors)
    return [
        BenchResult(
            "cold start, empty DB", "≤ 1.3× floor", statistics.median(empties), floor, "s", 1.3
        ),
        BenchResult(
            f"cold start, {BIG_ITEMS / 1e6:.1f}M-item DB",
            "≤ 1.3× floor",
            statistics.median(bigs),
            floor,
            "s",
            1.3,
        ),
        BenchResult(
            "cold start, empty DB, against a floor that also pauses the collector",
            "reference",
            statistics.median(empties),
            paused_floor,
            "s",
        ),
    ]


if __name__ == "__main__":
    print(format_table(run()))
