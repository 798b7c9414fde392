"""Build the one-folder app in dist/partner-desk/ and smoke-test it.

    .venv/bin/python packaging/build.py          (what `make package` runs)
    .venv\\Scripts\\python packaging\\build.py     (Windows, before Inno Setup)

Runs PyInstaller on packaging/partner_desk.spec (work files in build/pyinstaller/),
then starts the frozen program with ``--self-test`` offscreen and prints the
folder's size and how long the cold start to a passed self-test took. Exits
non-zero if either step fails. ``--no-smoke`` skips the self-test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "partner_desk.spec"
DIST = ROOT / "dist"
APP = DIST / "partner-desk"
WORK = ROOT / "build" / "pyinstaller"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def strip_python_debug_info(app: Path) -> None:
    """Linux: drop the debug sections of the interpreter's own libraries.

    A Python built from source (pyenv, the official Docker images) keeps debug
    information in libpython and lib-dynload (~25 MB here). Only those files, and
    only their debug sections: the wheels' libraries are already stripped, and
    stripping files that auditwheel patched can break them.
    """
    tool = shutil.which("strip")
    if sys.platform != "linux" or tool is None:
        return
    internal = app / "_internal"
    files = [*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so")]
    files = [path for path in files if path.is_file() and not path.is_symlink()]
    if files:
        subprocess.run([tool, "--strip-debug", *map(str, files)], check=True)


def smoke_test(program: Path) -> float:
    """Run ``program --self-test`` offscreen; returns the seconds it took."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    result = subprocess.run([str(program), "--self-test"], env=env, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build: {program.name} --self-test failed ({result.returncode})")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-smoke", action="store_true", help="skip the frozen self-test")
    args = parser.parse_args()

    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            f"--distpath={DIST}",
            f"--workpath={WORK}",
            str(SPEC),
        ],
        cwd=ROOT,
        check=True,
    )
    strip_python_debug_info(APP)
    built = time.perf_counter() - started
    size = folder_size(APP)
    print(f"build: {APP} — {size / 2**20:.0f} MiB, built in {built:.0f} s")
    if not args.no_smoke:
        # Windows: the console twin (the windowed program has no stdout).
        name = "partner-desk-cli.exe" if sys.platform == "win32" else "partner-desk"
        seconds = smoke_test(APP / name)
        print(f"build: frozen cold start to self-test passed: {seconds:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
