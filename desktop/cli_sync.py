"""``partner-desk export``, ``verify`` and ``import``: sync bundles from the command line.

The same ``models`` functions as the Sync screen: ``models.sync_export`` writes the
next bundle, ``models.office_import`` verifies and imports bundles.  Each command
prints one JSON document with ``--json``; it exits non-zero with a one-line reason
when anything failed (a bundle that does not verify, or one refused on import).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.cli import EXIT_FAILED, EXIT_OK, Translator, _common, _emit, _open
from models.errors import N_, UserError

EXPORT_STAFF = "partner-desk export"
IMPORT_STAFF = "partner-desk import"


def add_parsers(sub: Any) -> None:
    """Add the sync subcommands to the ``partner-desk`` parser."""
    export = sub.add_parser(
        "export",
        parents=[_common()],
        help="write the next sync file for the programme office (everything since the "
        "last export) and print its totals",
    )
    export.add_argument(
        "--out", required=True, type=Path, metavar="DIR", help="folder to write the file into"
    )
    export.add_argument(
        "--include-contacts",
        action="store_true",
        help="include volunteers' phone numbers (otherwise masked: 138****5678)",
    )
    export.add_argument(
        "--for-desk",
        action="store_true",
        help="a file for another desk of this organisation (its scan events), not for the office",
    )

    verify = sub.add_parser(
        "verify",
        parents=[_common()],
        help="check sync files (signature, checksums, row counts, format version) without "
        "importing them",
    )
    verify.add_argument(
        "--key",
        default=None,
        metavar="FILE_OR_TEXT",
        help="the sender's public key or its fingerprint, as text or in a file (default: the "
        "keys registered in --db, else the key inside each file)",
    )
    verify.add_argument("bundles", nargs="+", type=Path, metavar="BUNDLE", help=".pdsync files")

    imported = sub.add_parser(
        "import",
        parents=[_common()],
        help="import partners' sync files into the programme office's database (or another "
        "desk's scan events into this desk's)",
    )
    imported.add_argument("bundles", nargs="+", type=Path, metavar="BUNDLE", help=".pdsync files")


HANDLERS: dict[str, Callable[[argparse.Namespace, Translator], int]] = {}


def _when(value: Any) -> str | None:
    from models.bundle_values import format_datetime

    return None if value is None else format_datetime(value)


def _yuan(fen: int) -> str:
    return f"¥{Decimal(fen) / 100:,.2f}"


def _percent_progress() -> Callable[[int, int], None]:
    last = [-1]

    def progress(done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if percent != last[0] and sys.stderr.isatty():
            print(f"\r{percent:3d}%", end="", file=sys.stderr, flush=True)
            last[0] = percent

    return progress


def _one_line(tr: Translator, error: UserError) -> str:
    return " ".join(error.render(tr.model).split())


def _first_failure(tr: Translator, reasons: list[str]) -> str:
    reason = reasons[0]
    if len(reasons) > 1:
        reason = tr.translate("cli", "{reason} (and {n} more files failed)").format(
            reason=reason, n=len(reasons) - 1
        )
    return reason


# ----------------------------------------------------------------------------- export


def cmd_export(args: argparse.Namespace, tr: Translator) -> int:
    from models.sync_export import export_bundle

    out = args.out.expanduser().resolve()
    database = _open(args)
    try:
        result = export_bundle(
            database,
            out,
            staff=EXPORT_STAFF,
            include_contacts=args.include_contacts,
            for_desk=args.for_desk,
            progress=_percent_progress(),
        )
        if sys.stderr.isatty():
            print(file=sys.stderr)
    finally:
        database.close()
    totals = result.totals
    document = {
        "ok": True,
        "database": database.display_name(),
        "bundle": str(result.path),
        "file_name": result.path.name,
        "export_id": str(result.export_id),
        "follows": None if result.follows is None else str(result.follows),
        "audience": result.audience,
        "org_code": result.org_code,
        "period_start": _when(result.period_start),
        "period_end": _when(result.period_end),
        "include_contacts": result.include_contacts,
        "sha256": result.sha256,
        "size_bytes": result.size,
        "rows": dict(result.rows),
        "totals": totals.as_json(),
        "marked_exported": result.marked_exported,
    }
    t = tr.translate
    start = (
        result.period_start.strftime("%Y-%m-%d %H:%M")
        if result.period_start
        else t("cli", "the beginning")
    )
    lines = [
        t("cli", "Written {path} ({size:,} bytes).").format(path=result.path, size=result.size),
        t("cli", "Period (UTC): from {start} to {end}").format(
            start=start, end=result.period_end.strftime("%Y-%m-%d %H:%M")
        ),
    ]
    if result.audience == "desk":
        lines.append(
            t("cli", "Scan events for another desk: {n}").format(
                n=result.rows.get("scan_events", 0)
            )
        )
    else:
        hours = Decimal(totals.minutes) / 60
        items = "; ".join(f"{c.category} {c.items:,}" for c in totals.items_by_category)
        lines += [
            t("cli", "Activities: {n} ({marked} marked exported now)").format(
                n=totals.activities, marked=result.marked_exported
            ),
            t("cli", "Attendances: {n}").format(n=totals.attendances),
            t("cli", "Hours: {hours:,.2f} h in {lines} lines ({deltas} corrections)").format(
                hours=hours, lines=totals.hour_lines, deltas=totals.delta_lines
            ),
            t("cli", "Matching amount: {amount}").format(amount=_yuan(totals.matching_fen)),
            t("cli", "Feedback: {received} received, {waived} waived").format(
                received=totals.feedback_received, waived=totals.feedback_waived
            ),
            t("cli", "Items received: {n:,}").format(n=totals.items_received)
            + (f" ({items})" if items else ""),
        ]
    volunteers = (
        t("cli", "Volunteers: {n} (phone numbers included)")
        if result.include_contacts
        else t("cli", "Volunteers: {n} (phone numbers masked)")
    )
    lines.append(volunteers.format(n=totals.volunteers))
    _emit(args, document, "\n".join(lines))
    return EXIT_OK


# ----------------------------------------------------------------------------- verify


def _key_text(value: str | None) -> str | None:
    if value is None:
        return None
    path = Path(value).expanduser()
    try:
        if path.is_file():
            return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(N_("Could not read the key file {path}."), path=str(path)) from exc
    return value


def _registered_keys(args: argparse.Namespace) -> dict[str, bytes] | None:
    from models.db import normalise_url, sqlite_path
    from models.office_import import registered_keys

    chosen = getattr(args, "db", None)
    if not chosen:
        return None
    db_file = sqlite_path(normalise_url(chosen))
    if db_file is not None and not db_file.exists():
        raise UserError(N_("There is no database file at {path}."), path=str(db_file))
    database = _open(args)
    try:
        with database.reading() as session:
            return registered_keys(session)
    finally:
        database.close()


def cmd_verify(args: argparse.Namespace, tr: Translator) -> int:
    from models.office_import import verify_bundles

    key_text = _key_text(args.key)
    keys = None if key_text else _registered_keys(args)
    results = verify_bundles(args.bundles, key_text=key_text, keys=keys)
    entries: list[dict[str, Any]] = []
    lines: list[str] = []
    reasons: list[str] = []
    t = tr.translate
    for result in results:
        if result.error is not None or result.report is None:
            reason = _one_line(tr, result.error) if result.error else "?"
            reasons.append(reason)
            entries.append({"path": str(result.path), "ok": False, "error": reason})
            lines.append(
                t("cli", "FAILED {file}: {reason}").format(file=result.path, reason=reason)
            )
            continue
        report = result.report
        entries.append(
            {
                "path": str(result.path),
                "ok": True,
                "org_code": report.org_code,
                "export_id": str(report.export_id),
                "format_version": report.format_version,
                "period_start": _when(report.period_start),
                "period_end": _when(report.period_end),
                "sha256": report.sha256,
                "key_fingerprint": report.key_fingerprint,
                "key_trusted": report.key_trusted or bool(key_text),
                "rows": dict(report.rows),
            }
        )
        signed = (
            t("cli", "signed with the key {key} (registered or given)")
            if report.key_trusted or key_text
            else t("cli", "signed with the key {key}: compare it with the partner's registered key")
        ).format(key=report.key_fingerprint)
        lines.append(
            t("cli", "OK {file}: {org}, format {version}, {rows:,} rows; {signed}").format(
                file=result.path,
                org=report.org_code,
                version=report.format_version,
                rows=sum(report.rows.values()),
                signed=signed,
            )
        )
    document: dict[str, Any] = {
        "ok": not reasons,
        "key": "given" if key_text else ("registered" if keys is not None else "embedded"),
        "bundles": entries,
    }
    return _report(args, tr, document, lines, reasons)


# ----------------------------------------------------------------------------- import


def cmd_import(args: argparse.Namespace, tr: Translator) -> int:
    from models.office_import import import_bundles

    database = _open(args)
    try:
        report = import_bundles(
            database, args.bundles, staff=IMPORT_STAFF, progress=_percent_progress()
        )
        if sys.stderr.isatty():
            print(file=sys.stderr)
    finally:
        database.close()
    t = tr.translate
    entries: list[dict[str, Any]] = []
    lines: list[str] = []
    reasons: list[str] = []
    for bundle in report.bundles:
        entry: dict[str, Any] = {
            "path": str(bundle.path),
            "ok": bundle.ok,
            "kind": bundle.kind or None,
            "org_code": bundle.org_code,
            "export_id": None if bundle.export_id is None else str(bundle.export_id),
        }
        if bundle.error is not None:
            reason = _one_line(tr, bundle.error)
            reasons.append(reason)
            entry["error"] = reason
            lines.append(
                t("cli", "REFUSED {file}: {reason}").format(file=bundle.path, reason=reason)
            )
        else:
            counts = bundle.counts
            entry.update(counts.as_json())
            entry["tables"] = {name: c.as_json() for name, c in bundle.tables.items()}
            entry["follows_missing"] = bundle.follows_missing
            if bundle.skipped:
                entry["skipped_by_reason"] = dict(bundle.skipped)
            lines.append(
                t(
                    "cli",
                    "{file} ({org}): {new} new, {updated} updated, {unchanged} unchanged records",
                ).format(
                    file=bundle.path,
                    org=bundle.org_code,
                    new=counts.new,
                    updated=counts.updated,
                    unchanged=counts.unchanged,
                )
            )
            if bundle.follows_missing:
                lines.append(
                    "  "
                    + t(
                        "cli",
                        "(it follows an export of {org} not imported here yet: a file may be "
                        "missing)",
                    ).format(org=bundle.org_code)
                )
        entries.append(entry)
    lines.append(
        t(
            "cli",
            "In all: {new} new, {updated} updated, {unchanged} unchanged records; "
            "{rejected} files refused.",
        ).format(
            new=report.new,
            updated=report.updated,
            unchanged=report.unchanged,
            rejected=report.rejected,
        )
    )
    document: dict[str, Any] = {
        "ok": not reasons,
        "database": database.display_name(),
        "new": report.new,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "rejected": report.rejected,
        "bundles": entries,
    }
    return _report(args, tr, document, lines, reasons)


def _report(
    args: argparse.Namespace,
    tr: Translator,
    document: dict[str, Any],
    lines: list[str],
    reasons: list[str],
) -> int:
    """Print the per-bundle lines (or ``--json``); the first failure also on stderr."""
    if reasons:
        document["error"] = _first_failure(tr, reasons)
    _emit(args, document, "\n".join(lines))
    if reasons:
        print(f"partner-desk {args.command}: {document['error']}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


HANDLERS.update({"export": cmd_export, "verify": cmd_verify, "import": cmd_import})
