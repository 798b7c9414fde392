"""Keep the translations in step with the code (``make translations``).

* ``resources/translations/partner_desk_zh_CN.ts`` — every ``tr()`` /
  ``translate()`` string of the GUI and command line, refreshed by pyside6-lupdate;
* ``resources/translations/models_zh_CN.ts`` — every message marked ``N_("…")`` in
  ``models`` (context ``models``), found with the ``ast`` module;
* both compiled by pyside6-lrelease into ``partner_desk_zh_CN.qm``.

``python -m desktop.i18n_tools --check`` fails if a string has no translation or
the compiled file is out of date (the test suite runs it).
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGE = "zh_CN"
GUI_TS = TRANSLATIONS / f"partner_desk_{LANGUAGE}.ts"
MODELS_TS = TRANSLATIONS / f"models_{LANGUAGE}.ts"
QM = TRANSLATIONS / f"partner_desk_{LANGUAGE}.qm"
MODELS_CONTEXT = "models"


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def gui_sources() -> list[Path]:
    return sorted(p for p in (ROOT / "desktop").rglob("*.py") if p.name != "i18n_tools.py")


def model_messages() -> list[tuple[str, str, int]]:
    """(text, file, line) of every ``N_("…")`` (UserError messages) in models/ and desktop/."""
    found: list[tuple[str, str, int]] = []
    paths = sorted((ROOT / "models").rglob("*.py")) + gui_sources()
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "N_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append((node.args[0].value, str(path.relative_to(ROOT)), node.lineno))
    return found


def read_translations(ts: Path) -> dict[tuple[str, str], str]:
    if not ts.exists():
        return {}
    result: dict[tuple[str, str], str] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if (
                translation is not None
                and translation.text
                and translation.get("type")
                not in (
                    "unfinished",
                    "obsolete",
                    "vanished",
                )
            ):
                result[(name, source)] = translation.text
    return result


def write_models_ts(target: Path) -> None:
    known = read_translations(MODELS_TS)
    root = ET.Element("TS", version="2.1", language=LANGUAGE)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = MODELS_CONTEXT
    seen: set[str] = set()
    for text, filename, line in model_messages():
        if text in seen:
            continue
        seen.add(text)
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "location", filename=f"../../{filename}", line=str(line))
        ET.SubElement(message, "source").text = text
        translation = ET.SubElement(message, "translation")
        existing = known.get((MODELS_CONTEXT, text))
        if existing:
            translation.text = existing
        else:
            translation.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    target.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def run_lupdate(target: Path) -> None:
    if GUI_TS.exists() and target != GUI_TS:
        shutil.copy(GUI_TS, target)
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-locations",
            "relative",
            "-no-obsolete",
            *[str(p) for p in gui_sources()],
            "-ts",
            str(target),
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )


def compile_qm(gui_ts: Path, models_ts: Path, qm: Path) -> None:
    """Write ``qm`` beside itself and move it into place: a running app has the old
    file memory-mapped (QTranslator), and rewriting it in place crashed it."""
    partial = qm.with_name(qm.name + ".partial")
    subprocess.run(
        [_tool("pyside6-lrelease"), str(gui_ts), str(models_ts), "-qm", str(partial)],
        check=True,
        capture_output=True,
    )
    partial.replace(qm)


def unfinished(ts: Path) -> list[str]:
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                translation is None
                or not translation.text
                or translation.get("type") == "unfinished"
            ):
                missing.append(f"[{name}] {message.findtext('source')}")
    return missing


def update() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    run_lupdate(GUI_TS)
    write_models_ts(MODELS_TS)
    compile_qm(GUI_TS, MODELS_TS, QM)
    missing = unfinished(GUI_TS) + unfinished(MODELS_TS)
    print(f"{QM.name} written; {len(missing)} string(s) still without a translation")
    for line in missing:
        print("  " + line)


def check() -> list[str]:
    """Problems: strings without translation, sources changed since the last update."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh_gui = Path(tmp) / GUI_TS.name
        fresh_models = Path(tmp) / MODELS_TS.name
        run_lupdate(fresh_gui)
        write_models_ts(fresh_models)
        for fresh, committed in ((fresh_gui, GUI_TS), (fresh_models, MODELS_TS)):
            problems += [f"untranslated {line}" for line in unfinished(fresh)]
            new = set(read_translations(fresh))
            old = set(read_translations(committed)) if committed.exists() else set()
            if new != old:
                problems.append(f"{committed.name} is out of date: run `make translations`")
        fresh_qm = Path(tmp) / QM.name
        compile_qm(GUI_TS, MODELS_TS, fresh_qm)
        if not QM.exists() or fresh_qm.read_bytes() != QM.read_bytes():
            problems.append(f"{QM.name} is out of date: run `make translations`")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="report problems, change nothing")
    args = parser.parse_args()
    if args.check:
        problems = check()
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    update()
    return 0


if __name__ == "__main__":
    sys.exit(main())
