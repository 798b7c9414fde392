"""Packaging: the self-test, the PyInstaller spec's file lists, the installer files and,
when `make package` has built it, the frozen program itself."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import self_test

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "partner_desk.spec"
FROZEN = ROOT / "dist" / "partner-desk"
FROZEN_EXE = FROZEN / ("partner-desk-cli.exe" if sys.platform == "win32" else "partner-desk")
CHECK_NAMES = [name for name, _ in self_test.CHECKS]


def _run_self_test(program: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [*program, "--self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )


def _assert_passed(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("Self-test passed in ")
    assert all(line.startswith("ok   ") for line in lines[1:-1]), result.stdout
    return lines


def _program() -> list[str]:
    script = Path(sys.executable).with_name("partner-desk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "desktop"]


# -- the self-test from the source tree ------------------------------------------------


def test_self_test_passes_from_source(tmp_path: Path) -> None:
    result = _run_self_test(_program(), tmp_path)
    lines = _assert_passed(result)
    assert "(from source," in lines[0]
    assert [line.split()[1] for line in lines[1:-1]] == [name.split()[0] for name in CHECK_NAMES]
    assert "decoded 'PDI:SELFTEST:" in result.stdout
    # Nothing is left behind where it ran.
    assert list(tmp_path.iterdir()) == []


def test_a_failing_check_gives_one_line_and_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(state: self_test.State) -> str:
        raise self_test.SelfTestError("the fonts folder is\nmissing")

    def never(state: self_test.State) -> str:
        raise AssertionError("checks after a failure do not run")

    monkeypatch.setattr(
        self_test,
        "CHECKS",
        (("resources", self_test.check_resources), ("font", broken), ("icons", never)),
    )
    out, err = io.StringIO(), io.StringIO()
    assert self_test.run(out, err) == self_test.EXIT_FAILED
    assert "ok   resources" in out.getvalue()
    assert "FAIL font" in out.getvalue()
    assert err.getvalue() == "partner-desk --self-test: font: the fonts folder is missing\n"


def test_an_unexpected_error_is_reported_by_its_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(state: self_test.State) -> str:
        raise OSError("disk full")

    monkeypatch.setattr(self_test, "CHECKS", (("database", crash),))
    err = io.StringIO()
    assert self_test.run(io.StringIO(), err) == self_test.EXIT_FAILED
    assert err.getvalue() == "partner-desk --self-test: database: OSError: disk full\n"


def test_qr_codes_are_read_from_the_pdf_without_poppler() -> None:
    from reportlab.pdfgen.canvas import Canvas

    from models import qr, scan

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pageCompression=1)
    for n, payload in enumerate(("PDI:GREEN:S01-26-000123", "PDI:GREEN:S02-26-000001")):
        qr.draw_qr(canvas, qr.qr_matrix(payload), 50 + 200 * n, 500, 100)
    canvas.save()
    images = self_test.qr_images(buffer.getvalue())
    assert [scan.decode_image(image) for image in images] == [
        ["PDI:GREEN:S01-26-000123"],
        ["PDI:GREEN:S02-26-000001"],
    ]


# -- the spec and installer files (static) ----------------------------------------------


def test_spec_lists_every_resource_folder_and_migration_script() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    folders = [p.name for p in (ROOT / "resources").iterdir() if p.is_dir()]
    folders = [name for name in folders if name != "__pycache__"]
    assert {"fonts", "icons", "sounds", "styles", "translations"} <= set(folders)
    for folder in folders:
        assert f'"{folder}": [' in spec, f"add resources/{folder} to RESOURCE_FILES in {SPEC}"
    migrations = ROOT / "models" / "migrations"
    scripts = ["env.py", "script.py.mako"] + [
        f"versions/{p.name}" for p in (migrations / "versions").glob("*.py") if p.name[0].isdigit()
    ]
    assert len(scripts) >= 5
    for name in scripts:
        assert f'"{name}",' in spec, f"add {name} to MIGRATION_FILES in {SPEC}"


def test_spec_keeps_the_qt_modules_desktop_imports() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    imported = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        for word in path.read_text(encoding="utf-8").split():
            if word.startswith("PySide6.Qt"):
                imported.add(word.removeprefix("PySide6.").rstrip(",:;()"))
    assert {"QtCore", "QtGui", "QtWidgets", "QtCharts", "QtMultimedia"} <= imported
    used = spec.split("QT_USED = [", 1)[1].split("]", 1)[0]
    excluded = spec.split("QT_EXCLUDED = [", 1)[1].split("]", 1)[0]
    for module in imported:
        assert f'"{module}"' in used, f"{module} is imported by desktop/: add it to QT_USED"
        assert f'"{module}"' not in excluded, f"{module} is imported by desktop/ but excluded"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_icons_desktop_entry_and_installer_script() -> None:
    for size in (16, 32, 48, 256, 512):
        assert _png_size(PACKAGING / "icons" / f"partner-desk-{size}.png") == (size, size)
    assert (PACKAGING / "icons" / "partner-desk.ico").read_bytes()[:4] == b"\0\0\1\0"

    entry = (PACKAGING / "partner-desk.desktop").read_text(encoding="utf-8").splitlines()
    assert entry[0] == "[Desktop Entry]"
    for line in (
        "Type=Application",
        "Name=Partner Desk",
        "Name[zh_CN]=伙伴工作台",
        "Exec=partner-desk",
        "Icon=partner-desk",
        "Categories=Office;",
    ):
        assert line in entry

    raw = (PACKAGING / "partner-desk.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup needs the UTF-8 byte-order mark"
    script = raw[3:].decode("utf-8")
    assert '#define AppNameZh "伙伴工作台"' in script
    assert '"..\\pyproject.toml", "project", "version"' in script
    assert "PrivilegesRequired=lowest" in script
    assert 'Source: "{#DistDir}\\*"' in script
    assert "desktopicon" in script


# -- the frozen build (only when `make package` has made one) ----------------------------


@pytest.mark.skipif(
    not FROZEN_EXE.exists(),
    reason=f"no frozen build at {FROZEN_EXE.relative_to(ROOT)} (run `make package` first)",
)
def test_frozen_build_passes_its_self_test(tmp_path: Path) -> None:
    # Whatever build is there (it may predate the latest sources): it must pass.
    result = _run_self_test([str(FROZEN_EXE)], tmp_path)
    lines = _assert_passed(result)
    assert "(frozen," in lines[0]
    assert str(FROZEN) in next(line for line in lines if line.startswith("ok   resources"))
