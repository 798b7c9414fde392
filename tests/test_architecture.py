"""The dependency arrow points one way: desktop -> models. models never imports Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_models_import_without_qt() -> None:
    modules = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for path in (ROOT / "models").rglob("*.py")
        if "migrations" not in path.parts
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name.removesuffix('.__init__'))\n"
        "prefixes = ('PySide6', 'shiboken6', 'desktop')\n"
        "bad = sorted(m for m in sys.modules if m.startswith(prefixes))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == ""
    assert len(modules) > 10


def test_no_qt_import_statement_in_models() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "models").rglob("*.py")
        if "PySide6" in path.read_text(encoding="utf-8")
        or "from desktop" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
