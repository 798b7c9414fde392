"""Sync bundles against DESIGN.md's budget, each beside a floor of the same run.

* export a year for a large partner (330,000 items received, 100,000 attendance
  sessions with approved hours, ~2,000 activities with feedback): ``export_bundle``
  end to end — marking activities exported, freezing the hours, streaming every
  table into the signed bundle, recording the export — ≤ 5 s, beside a plain
  ``csv.writer`` + ``zipfile`` dump of the same rows read with raw sqlite3;
* memory flat: the peak RSS of the process exporting the whole year beside that of
  one exporting its first 10% (each export in a fresh process);
* import 100 partners' bundles (a year each) into a programme-office database,
  beside a raw sqlite3 ``executemany`` of the same rows into the same tables.

The partner database and the partners' bundles are built once and cached under
``tests/bench/common.DATA`` (``tests/bench/sync_build``).  Each measured export is
undone afterwards (``sync_build.reset``) so every run exports the same year.

The floor compresses with the bundle's own deflate level (``models.bundle.COMPRESS_LEVEL``),
so that the two write the same kind of zip.

Run: ``make bench`` or ``python -m tests.bench.bench_sync``;
``python -m tests.bench.bench_sync export`` runs the export benchmark only, and
prints each run's phases (reading and writing the bundle, the donation figures, the
write transaction that marks, freezes and records — the time it holds the write
lock).  ``PARTNER_DESK_BENCH_SYNC_ITEMS`` / ``_SESSIONS`` / ``_PARTNERS`` / ``_RUNS``
change the sizes and the number of runs.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from datetime import UTC, date, datetime
from os import environ
from pathlib import Path
from typing import Any

from tests.bench.bench_intake import _insert_sql, _peak_rss_mb, _ts
from tests.bench.common import DATA, ROOT, BenchResult, format_table
from tests.bench.sync_build import (
    ITEMS,
    SESSIONS,
    STAFF,
    office_template,
    partner_bundles,
    partner_db,
    reset,
)

RUNS = int(environ.get("PARTNER_DESK_BENCH_SYNC_RUNS", "3"))
BUDGET_S = 5.0
FLAT_RATIO = 1.25  # peak RSS of the whole year ≤ 1.25 × that of its first 10%
STREAM_SLACK_MB = 16.0  # memory while writing may grow this much more for 10× the rows


# --------------------------------------------------------------------------- export, in a child


def _export_worker(path: str, share: float, out: str, trace: bool) -> dict[str, Any]:
    """Runs in a fresh process: one export, its time, memory and phases.

    With ``trace``, tracemalloc follows writing the bundle (slower: for memory only):
    the most the Python heap grew while the rows streamed into the file.
    """
    import tracemalloc

    from models import hour_export, sync_export
    from models.db import Database

    database = Database.open(path)
    until = None
    if share < 1:
        raw = sqlite3.connect(path)
        low, high = raw.execute("SELECT min(closed_at), max(closed_at) FROM activity").fetchone()
        raw.close()
        start, end = (datetime.fromisoformat(v).replace(tzinfo=UTC) for v in (low, high))
        until = start + (end - start) * share
    phases: dict[str, float] = {}

    def timed(owner: Any, name: str, phase: str, hook: Any = None) -> None:
        original = getattr(owner, name)

        def measured(*args: Any, **kwargs: Any) -> Any:
            if hook is not None:
                hook()
            begun = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                phases[phase] = phases.get(phase, 0.0) + time.perf_counter() - begun
                if hook is not None:
                    hook(done=True)

        setattr(owner, name, measured)

    def tracing(done: bool = False) -> None:
        if not trace:
            return
        if not done:
            tracemalloc.start()
        else:
            phases["growth_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()

    timed(sync_export, "stage_bundle", "writing", tracing)  # rows read, amounts, bundle
    timed(sync_export, "FreezePlan", "hours: rates, limits")
    timed(sync_export, "donation_figures", "donation figures")
    timed(sync_export, "items_by_category", "items by category")
    timed(sync_export, "_mark_exported", "marking activities")
    timed(hour_export.FreezePlan, "freeze", "freezing hours")
    timed(sync_export, "_record", "write transaction")
    recorded: list[float] = []
    record = sync_export._record

    def recording(*args: Any, **kwargs: Any) -> Any:
        recorded.append(time.perf_counter())
        return record(*args, **kwargs)

    sync_export._record = recording  # type: ignore[assignment]
    baseline = _peak_rss_mb()
    started = time.perf_counter()
    result = sync_export.export_bundle(database, Path(out), staff=STAFF, until=until)
    finished = time.perf_counter()
    database.close()
    # From the write transaction's first statement to its commit (and the result).
    phases["write lock held"] = finished - recorded[0]
    return {
        "seconds": finished - started,
        "rss_mb": _peak_rss_mb(),
        "baseline_mb": baseline,
        "writing_seconds": phases["writing"],
        "writing_growth_mb": phases.pop("growth_mb", None),
        "phases": phases,
        "rows": dict(result.rows),
        "size": result.size,
    }


_FLOOR_QUERIES = {
    "activities": "SELECT * FROM activity",
    "attendance_sessions": "SELECT * FROM attendance_session",
    "hours": "SELECT * FROM hour_entry WHERE status = 'approved'",
    "feedback": "SELECT * FROM activity_feedback",
    "volunteers": "SELECT v.* FROM volunteer v WHERE v.id IN "
    "(SELECT volunteer_id FROM attendance_session)",
}


def _floor_worker(path: str, out: str) -> dict[str, Any]:
    from models.bundle import COMPRESS_LEVEL

    started = time.perf_counter()
    raw = sqlite3.connect(path)
    target = Path(out) / "floor.zip"
    with zipfile.ZipFile(
        target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL
    ) as zf:
        for name, sql in _FLOOR_QUERIES.items():
            cursor = raw.execute(sql)
            with zf.open(f"{name}.csv", "w") as member:
                text = io.TextIOWrapper(member, encoding="utf-8", newline="")
                writer = csv.writer(text, lineterminator="\r\n")
                writer.writerow([d[0] for d in cursor.description])
                while batch := cursor.fetchmany(2000):
                    writer.writerows(batch)
                text.flush()
                text.detach()
    raw.close()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "rss_mb": _peak_rss_mb(), "size": target.stat().st_size}


def _child(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench.bench_sync", "--child", *args],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def bench_export(runs: int = RUNS) -> list[BenchResult]:
    path = partner_db()
    out = Path(tempfile.mkdtemp(prefix="bench-sync-", dir=DATA))
    try:
        whole: list[dict[str, Any]] = []
        floors: list[dict[str, Any]] = []
        for _ in range(runs):
            reset(path)
            floors.append(_child("floor", str(path), str(out)))
            whole.append(_child("export", str(path), "1", str(out), ""))
        reset(path)
        tenth = _child("export", str(path), "0.1", str(out), "")
        reset(path)
        traced = _child("export", str(path), "1", str(out), "trace")
        reset(path)
        traced_tenth = _child("export", str(path), "0.1", str(out), "trace")
        reset(path)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    seconds = statistics.median(r["seconds"] for r in whole)
    floor = statistics.median(r["seconds"] for r in floors)
    peak = statistics.median(r["rss_mb"] for r in whole)
    for n, (run, floor_run) in enumerate(zip(whole, floors, strict=True), 1):
        parts = ", ".join(f"{name} {value:.2f}" for name, value in run["phases"].items())
        print(
            f"  run {n}: export {run['seconds']:.2f} s (floor {floor_run['seconds']:.2f} s): "
            f"{parts}",
            file=sys.stderr,
        )
    names = whole[0]["phases"]
    medians = {name: statistics.median(r["phases"][name] for r in whole) for name in names}
    print(
        "  phase medians (s): " + ", ".join(f"{k} {v:.2f}" for k, v in medians.items()),
        file=sys.stderr,
    )
    print(f"  whole year: {whole[-1]['rows']} ({whole[-1]['size']:,} bytes)", file=sys.stderr)
    print(f"  floor zip: {floors[-1]['size']:,} bytes", file=sys.stderr)
    print(f"  first 10%: {tenth['rows']}", file=sys.stderr)
    growth, growth_tenth = traced["writing_growth_mb"], traced_tenth["writing_growth_mb"]
    writing = statistics.median(r["writing_seconds"] for r in whole)
    print(
        f"  peak RSS: whole {peak:.0f} MB, first 10% {tenth['rss_mb']:.0f} MB, "
        f"before exporting {whole[-1]['baseline_mb']:.0f} MB; floor {floors[-1]['rss_mb']:.0f} MB; "
        f"heap growth while writing: whole {growth:.1f} MB, first 10% {growth_tenth:.1f} MB",
        file=sys.stderr,
    )
    size = f"{ITEMS / 1000:.0f}k items, {SESSIONS / 1000:.0f}k sessions"
    return [
        BenchResult(
            f"export a year for a large partner ({size}; floor: csv + zip of the same rows)",
            f"≤ {BUDGET_S:.0f} s",
            seconds,
            floor,
            "s",
            limit_absolute=BUDGET_S,
        ),
        BenchResult(
            "export a year: peak RSS (floor: exporting its first 10%)",
            f"memory flat (≤ {FLAT_RATIO}× the 10% export)",
            peak,
            tenth["rss_mb"],
            "MB",
            limit_ratio=FLAT_RATIO,
        ),
        BenchResult(
            "export a year: writing the bundle, rows streamed from the DB (floor: csv + zip)",
            "info (part of the export above)",
            writing,
            floor,
            "s",
        ),
        BenchResult(
            "export a year: Python heap growth while writing the bundle (floor: its first 10%)",
            f"flat (≤ the 10% export's + {STREAM_SLACK_MB:.0f} MB)",
            growth,
            growth_tenth,
            "MB",
            limit_absolute=growth_tenth + STREAM_SLACK_MB,
        ),
    ]


# --------------------------------------------------------------------------- import


_OFFICE_COLUMNS = {
    "activities": ("office_activity", ("title", "kind", "starts_at", "ends_at", "state")),
    "attendance_sessions": (
        "office_session",
        ("activity_id", "volunteer_ref", "started_at", "ended_at", "status", "counted_minutes"),
    ),
    "hours": (
        "office_hour_line",
        ("activity_id", "volunteer_ref", "kind", "work_date", "minutes", "matching_fen"),
    ),
    "feedback": ("office_feedback", ("activity_id", "photo_count", "waived")),
    "donation_summary": (
        "office_donation_summary",
        (
            "month",
            "category",
            "items_received",
            "estimated_value_fen",
            "items_sold",
            "sold_value_fen",
        ),
    ),
}


def _raw(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime):
        return _ts(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _floor_rows(paths: list[Path], partner_ids: dict[str, str]) -> list[dict[str, Any]]:
    """Each bundle's rows as the office tables hold them (read before timing)."""
    from models.bundle import open_bundle

    prepared = []
    for path in paths:
        with open_bundle(path) as bundle:
            partner = partner_ids[bundle.manifest.org_code]
            log = uuid.uuid4().hex
            tables = {}
            for table, (name, columns) in _OFFICE_COLUMNS.items():
                rows = [
                    (
                        row["id"].hex,
                        partner,
                        row["version"],
                        _ts(row["updated_at"]),
                        log,
                        *(_raw(row[c]) if c != "volunteer_ref" else str(row[c]) for c in columns),
                    )
                    for row in bundle.rows(table)
                ]
                sql = _insert_sql(
                    name, ("id", "partner_id", "version", "updated_at", "import_id", *columns)
                )
                tables[sql] = rows
            prepared.append({"log": log, "code": bundle.manifest.org_code, "tables": tables})
    return prepared


def bench_import(runs: int = RUNS) -> list[BenchResult]:
    from models.db import Database
    from models.office_import import import_bundles

    paths, known = partner_bundles()
    template = office_template(known)
    raw = sqlite3.connect(template)
    partner_ids = dict(raw.execute("SELECT code, id FROM partner").fetchall())
    raw.close()
    prepared = _floor_rows(paths, {code: key for code, key in partner_ids.items()})
    work = Path(tempfile.mkdtemp(prefix="bench-sync-import-", dir=DATA))
    times: list[float] = []
    floors: list[float] = []
    counts = 0
    try:
        for run in range(runs):
            target = work / f"office-{run}.sqlite3"
            shutil.copy(template, target)
            database = Database.open(target)
            started = time.perf_counter()
            report = import_bundles(database, paths, staff=STAFF)
            times.append(time.perf_counter() - started)
            database.close()
            assert report.rejected == 0, [str(b.error) for b in report.bundles if b.error]
            counts = report.new

            floor_target = work / f"floor-{run}.sqlite3"
            shutil.copy(template, floor_target)
            conn = sqlite3.connect(floor_target, isolation_level=None)
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            started = time.perf_counter()
            for bundle in prepared:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(
                    "INSERT INTO sync_log (id, direction, org_code, export_id, period_end, "
                    "created_at, file_name, sha256, format_version, include_contacts, summary, "
                    "status) VALUES (?, 'import', ?, ?, ?, ?, 'x', '', '1.0', 0, '{}', 'ok')",
                    (
                        bundle["log"],
                        bundle["code"],
                        bundle["log"],
                        _ts(datetime.now(UTC)),
                        _ts(datetime.now(UTC)),
                    ),
                )
                for sql, rows in bundle["tables"].items():
                    conn.executemany(sql, rows)
                conn.execute("COMMIT")
            floors.append(time.perf_counter() - started)
            conn.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"  {len(paths)} bundles, {counts:,} office rows new", file=sys.stderr)
    return [
        BenchResult(
            f"import {len(paths)} partner bundles into the office DB "
            "(floor: raw executemany of the same rows)",
            "info (no budget)",
            statistics.median(times),
            statistics.median(floors),
            "s",
        )
    ]


def run() -> list[BenchResult]:
    return bench_export() + bench_import()


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        kind, *rest = sys.argv[2:]
        if kind == "export":
            print(json.dumps(_export_worker(rest[0], float(rest[1]), rest[2], bool(rest[3]))))
        else:
            print(json.dumps(_floor_worker(rest[0], rest[1])))
    elif sys.argv[1:] == ["export"]:
        print(format_table(bench_export()))
    else:
        print(format_table(run()))
