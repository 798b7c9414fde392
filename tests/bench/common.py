"""Shared pieces of the benchmarks: timing, medians, the result table."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = Path(os.environ.get("PARTNER_DESK_BENCH_DATA", ROOT / ".bench-data"))


@dataclass(frozen=True)
class BenchResult:
    """One budget line: the measured median against the floor of the same run."""

    name: str
    budget: str
    measured: float
    floor: float | None
    unit: str
    limit_ratio: float | None = None  # pass if measured <= floor * limit_ratio
    limit_absolute: float | None = None  # pass if measured <= limit_absolute

    @property
    def ratio(self) -> float | None:
        return None if not self.floor else self.measured / self.floor

    @property
    def passed(self) -> bool:
        ok = True
        if self.limit_ratio is not None and self.ratio is not None:
            ok = ok and self.ratio <= self.limit_ratio
        if self.limit_absolute is not None:
            ok = ok and self.measured <= self.limit_absolute
        return ok


def median_of(runs: int, measure: Callable[[], float]) -> tuple[float, list[float]]:
    samples = [measure() for _ in range(runs)]
    return statistics.median(samples), samples


def time_command(args: Sequence[str], env: dict[str, str] | None = None) -> float:
    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    full_env.update(env or {})
    start = time.perf_counter()
    subprocess.run(args, check=True, env=full_env, cwd=ROOT, capture_output=True)
    return time.perf_counter() - start


def time_to_shown(args: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Seconds from spawning a GUI process to its first shown window.

    The process prints ``shown <time.monotonic()>`` once its window is up (the
    clock is system-wide on Linux, so it compares with ours).
    """
    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    full_env.update(env or {})
    start = time.monotonic()
    result = subprocess.run(
        args, check=True, env=full_env, cwd=ROOT, capture_output=True, text=True
    )
    for line in result.stdout.splitlines():
        if line.startswith("shown "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no 'shown' line from {args[:3]}: {result.stdout!r} {result.stderr!r}")


def python() -> str:
    return sys.executable


def format_table(results: Sequence[BenchResult]) -> str:
    lines = [
        "| what | budget | median | floor (same run) | ratio | result |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        floor = f"{r.floor:.3f} {r.unit}" if r.floor is not None else "—"
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "—"
        if r.limit_ratio is None and r.limit_absolute is None:
            verdict = "—"  # a reference line, no budget
        else:
            verdict = "pass" if r.passed else "FAIL"
        lines.append(
            f"| {r.name} | {r.budget} | {r.measured:.3f} {r.unit} | {floor} | {ratio} | {verdict} |"
        )
    return "\n".join(lines)
