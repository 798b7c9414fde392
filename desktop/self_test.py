"""``partner-desk --self-test``: prove that this installation works, without a window.

Meant for the frozen build (packaging/build.py runs it after every build, and
tests/test_packaging.py runs it on ``dist/``) and for support staff on a user's
machine.  Everything happens in a temporary folder that is removed afterwards; the
user's database, settings and data folder are not touched.

The checks, in order: the bundled resources are found; a new SQLite database
opens and every migration script runs; an organisation is set up and one donated
item is logged (the same ``models`` functions the intake screen calls); its label
PDF is written, the QR code is read back *from the PDF itself* (its vector path is
painted into an image with Pillow, so no poppler is needed) and decoded with
zxing-cpp; the database drivers load; then Qt starts (offscreen) through the
GUI's own start-up code with the bundled CJK font, the Chinese translations (ours
and Qt's), the icons (SVG plugin), the kiosk sounds and the style sheet; and last
every module of ``desktop`` and ``models`` imports (QtCharts, QtMultimedia...).

Prints one line per check and exits 0; on the first failure prints
``partner-desk --self-test: <check>: <reason>`` on stderr and exits 1.  The output
is a technical report for support, in English.
"""

from __future__ import annotations

import base64
import importlib
import os
import pkgutil
import re
import sys
import tempfile
import time
import wave
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

EXIT_OK = 0
EXIT_FAILED = 1

ORG_CODE = "SELFTEST"
# Modules that are not part of the running program (developer tools, Alembic's
# environment, which only runs inside a migration) are not imported.
SKIP_MODULES = ("desktop.__main__", "desktop.i18n_tools", "models.migrations")

# The QR code as models.qr.draw_qr writes it: one scaled frame, one rectangle per
# run of dark modules ("x y length 1 re", row 0 at the top), filled once.
_QR_BLOCK = re.compile(rb"q [\d.]+ 0 0 [\d.]+ [\d.]+ [\d.]+ cm\n((?:\d+ \d+ \d+ 1 re\n)+)f\nQ")
_QR_RUN = re.compile(rb"(\d+) (\d+) (\d+) 1 re")
_STREAM = re.compile(rb"stream\r?\n")


class SelfTestError(Exception):
    """A check failed; the message says why."""


@dataclass
class State:
    """What one check leaves for the next ones."""

    folder: Path
    database: Any = None
    item_code: str = ""
    payload: str = ""
    pdf: bytes = b""
    app: Any = None


def _require(condition: object, reason: str) -> None:
    if not condition:
        raise SelfTestError(reason)


# -- the PDF, read without poppler ---------------------------------------------------


def _inflate(data: bytes) -> bytes | None:
    decompressor = zlib.decompressobj()
    try:
        inflated = decompressor.decompress(data)
    except zlib.error:
        return None
    return inflated if decompressor.eof else None


def pdf_streams(pdf: bytes) -> Iterator[bytes]:
    """The Flate-compressed streams of a PDF (also inside ASCII85, as reportlab writes
    them by default), decompressed; other streams are skipped."""
    for found in _STREAM.finditer(pdf):
        rest = pdf[found.end() :]
        data = _inflate(rest)
        if data is None and (end := rest.find(b"~>")) > 0:
            try:
                data = _inflate(base64.a85decode(rest[:end], ignorechars=b" \t\r\n"))
            except ValueError:
                data = None
        if data is not None:
            yield data


def qr_images(pdf: bytes, scale: int = 8) -> list[Any]:
    """Every QR code drawn by models.qr in ``pdf``, painted as a PIL image."""
    from PIL import Image, ImageDraw

    from models.qr import QUIET_ZONE

    images = []
    for stream in pdf_streams(pdf):
        for block in _QR_BLOCK.finditer(stream):
            runs = [(int(x), int(y), int(n)) for x, y, n in _QR_RUN.findall(block.group(1))]
            size = max(max(y for _, y, _ in runs) + 1, max(x + n for x, _, n in runs))
            side = (size + 2 * QUIET_ZONE) * scale
            image = Image.new("L", (side, side), 255)
            draw = ImageDraw.Draw(image)
            for x, y, n in runs:
                left = (QUIET_ZONE + x) * scale
                top = (QUIET_ZONE + size - 1 - y) * scale
                draw.rectangle((left, top, left + n * scale - 1, top + scale - 1), fill=0)
            images.append(image)
    return images


# -- the checks ------------------------------------------------------------------------


def check_resources(state: State) -> str:
    from models import resources

    root = resources.root()
    for relative in (
        "fonts/wqy-microhei.ttc",
        "translations/partner_desk_zh_CN.qm",
        "icons/app.svg",
        "styles/app.qss",
    ):
        _require(resources.path(relative).is_file(), f"{relative} is missing from {root}")
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen is not None:
        _require(root.is_relative_to(frozen), f"{root} is not inside the bundle {frozen}")
    return str(root)


def check_database(state: State) -> str:
    from models import migrate
    from models.db import Database

    versions = sorted(
        p.name for p in (migrate.MIGRATIONS_DIR / "versions").glob("*.py") if p.stem[0].isdigit()
    )
    _require(versions, f"no migration scripts in {migrate.MIGRATIONS_DIR}")
    started = time.perf_counter()
    state.database = Database.open(state.folder / "self-test.sqlite3")
    result = migrate.upgrade(state.database)
    _require(result.after == migrate.HEAD_REVISION, f"migrated to {result.after}")
    state_now = migrate.schema_state(state.database.engine)
    _require(state_now.status is migrate.SchemaStatus.CURRENT, f"schema is {state_now.status}")
    elapsed = (time.perf_counter() - started) * 1000
    return (
        f"new SQLite file migrated {result.before or 'empty'} → {result.after} "
        f"by {len(versions)} scripts in {elapsed:.0f} ms"
    )


def check_organisation(state: State) -> str:
    from models import categories, organisation

    request = organisation.SetupRequest(
        name="自检机构",
        code=ORG_CODE,
        stores=(organisation.StoreSpec("S01", "自检门店"),),
        staff_name="self-test",
    )
    with state.database.transaction() as session:
        result = organisation.set_up(session, request)
        leaves = len(categories.leaf_categories(session))
    return f"{ORG_CODE}: {len(result.store_ids)} store, {leaves} item categories, signing keys"


def check_intake(state: State) -> str:
    from models import categories, intake, organisation
    from models.enums import Grade

    with state.database.transaction() as session:
        leaf = categories.leaf_categories(session)[0]
        store_id = organisation.stores(session)[0][0]
        request = intake.BatchRequest(
            donor_id=None,
            store_id=store_id,
            received_on=intake.local_today(session),
            lines=(intake.ItemLine(leaf.id, "自检物品 self-test item", Grade.A),),
        )
        saved = intake.save_batch(session, request, staff="self-test")
    (state.item_code,) = saved.item_codes
    return f"item {state.item_code} ({leaf.path}) on receipt {saved.receipt_no}"


def check_label_pdf(state: State) -> str:
    from functools import partial

    from models import labels
    from models.files import write_pdf_atomically

    with state.database.reading() as session:
        (label,) = labels.labels_for_items(session, [state.item_code])
    state.payload = label.payload
    path = state.folder / "labels.pdf"
    write_pdf_atomically(path, partial(labels.render_labels, [label], labels.LabelTemplate.A4))
    state.pdf = path.read_bytes()
    _require(state.pdf.startswith(b"%PDF-"), "the file does not start with %PDF-")
    _require(state.pdf.rstrip().endswith(b"%%EOF"), "the file does not end with %%EOF")
    shown = f"({state.item_code}) Tj".encode()
    _require(
        any(shown in stream for stream in pdf_streams(state.pdf)),
        f"the page does not show the code {state.item_code}",
    )
    return f"{len(state.pdf):,} bytes, A4 sheet, shows {state.item_code}"


def check_qr(state: State) -> str:
    from models import scan

    images = qr_images(state.pdf)
    _require(len(images) == 1, f"{len(images)} QR codes in the PDF, expected 1")
    texts = scan.decode_image(images[0])
    _require(texts == [state.payload], f"decoded {texts}, expected {state.payload!r}")
    with state.database.reading() as session:
        (meaning,) = scan.describe(session, texts)
    _require(meaning.meaning == "item", f"the code reads as {meaning.meaning}, not an item")
    return f"decoded {texts[0]!r} from the PDF's vector QR code (zxing-cpp)"


def check_drivers(state: State) -> str:
    import sqlite3

    import psycopg

    impl = psycopg.pq.__impl__
    libpq = psycopg.pq.version()
    return (
        f"SQLite {sqlite3.sqlite_version}; psycopg {psycopg.__version__} "
        f"({impl}, libpq {libpq // 10000}.{libpq % 100})"
    )


def check_qt(state: State) -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QGuiApplication

    from desktop.app import make_application

    state.app, language = make_application([sys.argv[0] if sys.argv else "partner-desk"], "zh_CN")
    _require(language == "zh_CN", f"language is {language}")
    return f"PySide6 {pyside_version}, platform {QGuiApplication.platformName()}"


def check_font(state: State) -> str:
    from PySide6.QtGui import QFont, QFontMetrics

    from models.resources import CJK_FONT_FAMILY

    families = state.app.font().families()
    _require(CJK_FONT_FAMILY in families, f"the bundled font is not in use ({families})")
    metrics = QFontMetrics(QFont(CJK_FONT_FAMILY))
    missing = [char for char in "伙伴工作台" if not metrics.inFont(char)]
    _require(not missing, f"the font has no glyph for {''.join(missing)}")
    return f"{CJK_FONT_FAMILY} registered and used for the whole UI"


def check_translations(state: State) -> str:
    from PySide6.QtCore import QCoreApplication

    ours = QCoreApplication.translate("navigation", "Intake")
    _require(ours == "捐赠登记", f"'Intake' is shown as {ours!r}: partner_desk_zh_CN.qm not loaded")
    qt = QCoreApplication.translate("QPlatformTheme", "Cancel")
    _require(qt == "取消", f"'Cancel' is shown as {qt!r}: Qt's qtbase_zh_CN.qm not loaded")
    return f"zh_CN: Intake → {ours}, Cancel → {qt}"


def check_icons(state: State) -> str:
    from desktop import icons
    from models import resources

    names = sorted(p.stem for p in resources.path("icons").glob("*.svg"))
    blank = [name for name in names if icons.icon(name).pixmap(32, 32).isNull()]
    _require(not blank, f"icons not drawn (SVG plugin missing?): {', '.join(blank)}")
    _require(not state.app.windowIcon().isNull(), "the window icon is empty")
    return f"{len(names)} SVG icons drawn"


def check_sounds(state: State) -> str:
    from desktop.kiosk.sounds import Cue, KioskSounds

    lengths = []
    for cue in Cue:
        path = Path(KioskSounds.source(cue).toLocalFile())
        _require(path.is_file(), f"{path.name} is missing")
        with wave.open(str(path), "rb") as sound:
            lengths.append(sound.getnframes() / sound.getframerate())
    return f"{len(lengths)} kiosk sounds ({min(lengths):.2f}–{max(lengths):.2f} s)"


def check_style(state: State) -> str:
    from desktop import style

    looks = style.looks()
    for look in ("sidebar", "screenHeading", "primaryButton", "errorText"):
        _require(look in looks, f"app.qss has no look for #{look}")
    return f"app.qss: {len(looks)} looks"


def _module_names() -> list[str]:
    import desktop
    import models

    names = []
    for package in (desktop, models):
        found = pkgutil.walk_packages(package.__path__, package.__name__ + ".")
        names += [info.name for info in found if not info.name.startswith(SKIP_MODULES)]
    return sorted(names)


def check_modules(state: State) -> str:
    names = _module_names()
    _require(len(names) > 50, f"only {len(names)} modules found")
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:
            raise SelfTestError(f"{name}: {type(exc).__name__}: {exc}") from exc
    qt = sorted(m.removeprefix("PySide6.") for m in sys.modules if m.startswith("PySide6.Qt"))
    return f"{len(names)} modules of desktop and models import (Qt: {', '.join(qt)})"


Check = Callable[[State], str]
CHECKS: tuple[tuple[str, Check], ...] = (
    ("resources", check_resources),
    ("database", check_database),
    ("organisation", check_organisation),
    ("intake", check_intake),
    ("label PDF", check_label_pdf),
    ("QR code", check_qr),
    ("drivers", check_drivers),
    ("Qt", check_qt),
    ("font", check_font),
    ("translations", check_translations),
    ("icons", check_icons),
    ("sounds", check_sounds),
    ("style", check_style),
    ("modules", check_modules),
)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def run(out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    """Run every check; print the report on ``out`` (default stdout)."""
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()

    from models import __version__

    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    print(
        f"Partner Desk {__version__} self-test ({frozen}, Python {sys.version.split()[0]})",
        file=out,
    )
    temporary = tempfile.TemporaryDirectory(
        prefix="partner-desk-self-test-", ignore_cleanup_errors=True
    )
    with temporary as folder:
        state = State(Path(folder))
        try:
            for name, check in CHECKS:
                try:
                    detail = check(state)
                except Exception as exc:
                    reason = str(exc)
                    if not isinstance(exc, SelfTestError):
                        reason = f"{type(exc).__name__}: {reason}"
                    print(f"FAIL {name:<13} {_one_line(reason)}", file=out, flush=True)
                    print(f"partner-desk --self-test: {name}: {_one_line(reason)}", file=err)
                    return EXIT_FAILED
                print(f"ok   {name:<13} {detail}", file=out, flush=True)
        finally:
            if state.database is not None:
                state.database.close()
    print(f"Self-test passed in {time.perf_counter() - started:.2f} s.", file=out, flush=True)
    return EXIT_OK
