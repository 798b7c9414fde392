"""An installed wheel carries resources/, the migrations and the translations."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from models.migrate import HEAD_REVISION

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import sys
from pathlib import Path
import models, desktop
from models import resources, migrate
from models.db import Database
root = resources.root()
assert Path(models.__file__).is_relative_to(Path(sys.argv[1])), models.__file__
assert root.is_relative_to(Path(sys.argv[1])), root
assert resources.cjk_font_path().stat().st_size > 4_000_000
assert resources.path("translations/partner_desk_zh_CN.qm").stat().st_size > 1000
assert resources.path("icons/app.svg").exists()
db = Database.open(Path(sys.argv[2]))
result = migrate.upgrade(db)
print(root, result.after)
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        cwd=out,
    )
    (found,) = out.glob("partner_desk-*.whl")
    return found


def test_wheel_lists_resources_and_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "partner_desk_resources/fonts/wqy-microhei.ttc",
        "partner_desk_resources/fonts/LICENSE-wqy-microhei.txt",
        "partner_desk_resources/translations/partner_desk_zh_CN.qm",
        "partner_desk_resources/styles/app.qss",
        "partner_desk_resources/icons/app.svg",
        "models/migrations/env.py",
        "models/migrations/script.py.mako",
        "models/migrations/versions/0001_partner_schema.py",
        "models/migrations/versions/0002_office_tables.py",
        "desktop/__main__.py",
    ):
        assert required in names, required
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert (
        "partner-desk = desktop.__main__:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
    )


def test_installed_wheel_finds_resources_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = dict(os.environ, PYTHONPATH=str(target))
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(target), str(tmp_path / "w.sqlite3")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    root, revision = result.stdout.split()
    assert Path(root) == target / "partner_desk_resources"
    assert revision == HEAD_REVISION
