"""``make bench``: run every tests/bench/bench_*.py and print one table.

The table is also written to tests/bench/RESULTS.md for the README.
"""

from __future__ import annotations

import importlib
import platform
import sys
from datetime import datetime
from pathlib import Path

from tests.bench.common import BenchResult, format_table

HERE = Path(__file__).resolve().parent


def main() -> int:
    results: list[BenchResult] = []
    for path in sorted(HERE.glob("bench_*.py")):
        module = importlib.import_module(f"tests.bench.{path.stem}")
        print(f"running {path.stem}…", file=sys.stderr, flush=True)
        results.extend(module.run())
    table = format_table(results)
    print(table)
    header = (
        f"Measured {datetime.now():%Y-%m-%d} on {platform.machine()} "
        f"({platform.processor() or platform.platform()}), Python {platform.python_version()}. "
        "Medians; each floor is measured in the same run.\n\n"
    )
    (HERE / "RESULTS.md").write_text(header + table + "\n", encoding="utf-8")
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
