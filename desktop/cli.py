"""The command line (DESIGN.md "Command line"): headless subcommands on ``models``.

Every subcommand exits 0 on success and non-zero with a one-line reason on
failure; with ``--json`` it prints one JSON document saying what it did.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from models import __version__
from models.db import classify_db_error
from models.errors import Cancelled, UserError

EXIT_OK = 0
EXIT_FAILED = 1


class Translator:
    """Translates messages for the terminal without a QApplication."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._translator: Any = None
        if language != "en":
            from PySide6.QtCore import QTranslator

            from models import resources

            translator = QTranslator()
            if translator.load(str(resources.path(f"translations/partner_desk_{language}.qm"))):
                self._translator = translator

    def translate(self, context: str, text: str) -> str:
        if self._translator is None:
            return text
        return str(self._translator.translate(context, text) or text)

    def model(self, text: str) -> str:
        return self.translate("models", text)


def system_language() -> str:
    from PySide6.QtCore import QLocale

    from desktop.i18n import normalise_language

    name = QLocale.system().name()
    return "zh_CN" if name.lower().startswith("zh") else normalise_language("en" if name else None)


def _common(json_flag: bool = True) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help="database file or SQLAlchemy URL (default: the file in the user data folder)",
    )
    parent.add_argument(
        "--lang", default=argparse.SUPPRESS, choices=["zh_CN", "en"], help="language of messages"
    )
    if json_flag:
        parent.add_argument("--json", action="store_true", help="print one JSON document")
    return parent


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="partner-desk",
        description="Partner Desk: donation intake, volunteer check-in, service hours and "
        "sync for partner NGOs, offline. With no command, opens the window.",
    )
    parser.add_argument("--db", default=None, help="database file or SQLAlchemy URL")
    parser.add_argument("--lang", default=None, choices=["zh_CN", "en"], help="UI language")
    parser.add_argument("--version", action="version", version=f"partner-desk {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation in a temporary folder (database, migrations, a label "
        "PDF and its QR code, fonts, translations) and exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser(
        "demo", parents=[_common()], help="fill an empty database with realistic sample data"
    )
    demo.add_argument("--items", type=int, default=3000, help="donated items (default 3000)")
    demo.add_argument("--volunteers", type=int, default=200, help="volunteers (default 200)")
    demo.add_argument("--activities", type=int, default=24, help="activities (default 24)")
    demo.add_argument("--seed", type=int, default=2026, help="random seed (same seed, same data)")

    scan = sub.add_parser(
        "scan",
        parents=[_common()],
        help="decode the QR codes in pictures and say what they mean "
        "(checked against the database if there is one)",
    )
    scan.add_argument("images", nargs="+", type=Path, metavar="IMAGE", help="picture files")

    checkin = sub.add_parser(
        "checkin",
        parents=[_common()],
        help="check volunteers in or out of an activity by their codes, as the kiosk does "
        "(one result per code)",
    )
    checkin.add_argument("--activity", required=True, metavar="ID", help="the activity's id")
    checkin.add_argument(
        "--at",
        default=None,
        metavar="ISO-TIME",
        help="back-fill from a paper sign-in sheet at this time (2026-03-07T09:30, or 09:30 "
        "on the activity's day; local time unless an offset is given)",
    )
    checkin.add_argument(
        "--device", default=None, metavar="NAME", help="kiosk name (default: cli, or paper)"
    )
    checkin.add_argument(
        "--mode",
        choices=["both", "entry", "exit"],
        default="both",
        help="check in and out (default), only in, or only out",
    )
    checkin.add_argument(
        "payloads", nargs="+", metavar="PAYLOAD", help="badge codes or programme volunteer ids"
    )

    sub.add_parser(
        "check", parents=[_common()], help="check the database's integrity and schema version"
    )

    labels = sub.add_parser(
        "labels",
        parents=[_common()],
        help="item labels as a PDF (no codes: every item never labelled)",
    )
    labels.add_argument("--out", required=True, type=Path, help="PDF file to write")
    labels.add_argument("--template", choices=["a4", "thermal"], default="a4")
    labels.add_argument("--limit", type=int, default=None, help="at most this many labels")
    labels.add_argument("codes", nargs="*", metavar="ITEMCODE")

    badges = sub.add_parser(
        "badges",
        parents=[_common()],
        help="volunteer badges as a PDF (no ids: every active volunteer with a badge)",
    )
    badges.add_argument("--out", required=True, type=Path, help="PDF file to write")
    badges.add_argument("--template", choices=["card", "a4"], default="card")
    badges.add_argument(
        "--issue-missing",
        action="store_true",
        help="issue a first badge to volunteers who have none (recorded in the audit log)",
    )
    badges.add_argument(
        "volunteers", nargs="*", metavar="VOLUNTEER", help="volunteer codes (e.g. V000123) or ids"
    )

    backup = sub.add_parser(
        "backup", parents=[_common()], help="write a backup copy of the database"
    )
    backup.add_argument("--out", required=True, type=Path, help="backup file to write")

    from desktop import cli_sync

    cli_sync.add_parsers(sub)
    return parser


def _emit(args: argparse.Namespace, document: dict[str, Any], human: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(document, ensure_ascii=False, indent=2, default=str))
    else:
        print(human)


def run_command(args: argparse.Namespace) -> int:
    language = getattr(args, "lang", None) or system_language()
    tr = Translator(language)
    handlers: dict[str, Callable[[argparse.Namespace, Translator], int]] = {
        "demo": cmd_demo,
        "scan": cmd_scan,
        "checkin": cmd_checkin,
        "check": cmd_check,
        "backup": cmd_backup,
        "labels": cmd_labels,
        "badges": cmd_badges,
    }
    if args.command in ("export", "verify", "import"):
        from desktop.cli_sync import HANDLERS

        handlers.update(HANDLERS)
    try:
        return handlers[args.command](args, tr)
    except UserError as exc:
        reason = exc.render(tr.model)
        _fail(args, reason)
        return EXIT_FAILED
    except DBAPIError as exc:
        mapped = classify_db_error(exc)
        if mapped is None:
            raise
        _fail(args, mapped.render(tr.model))
        return EXIT_FAILED
    except Cancelled:
        _fail(args, tr.translate("cli", "Cancelled."))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _fail(args, tr.translate("cli", "Interrupted."))
        return EXIT_FAILED


def _fail(args: argparse.Namespace, reason: str) -> None:
    one_line = " ".join(reason.split())
    if getattr(args, "json", False):
        print(json.dumps({"ok": False, "error": one_line}, ensure_ascii=False))
    print(f"partner-desk {args.command}: {one_line}", file=sys.stderr)


def _open(args: argparse.Namespace, *, migrate_first: bool = True) -> Any:
    from models import migrate
    from models.db import Database

    database = Database.open(getattr(args, "db", None))
    if migrate_first:
        migrate.upgrade(database)
    return database


def cmd_demo(args: argparse.Namespace, tr: Translator) -> int:
    from models import demo, overview
    from models.errors import N_

    for name in ("items", "volunteers", "activities"):
        if getattr(args, name) < 0:
            raise UserError(N_("--{name} cannot be negative."), name=name)
    database = _open(args)
    try:
        with database.reading() as session:
            occupied = overview.holds_data(session)
        if occupied:
            raise UserError(
                N_(
                    "This database already holds data; demo data only goes into an empty "
                    "database (choose another file with --db)."
                )
            )
        sizes = demo.DemoSizes(
            items=args.items, volunteers=args.volunteers, activities=args.activities
        )
        last = [-1]

        def progress(done: int, total: int) -> None:
            percent = 100 * done // total if total else 100
            if percent != last[0] and sys.stderr.isatty():
                print(f"\r{percent:3d}%", end="", file=sys.stderr, flush=True)
                last[0] = percent

        result = demo.generate(database, sizes, seed=args.seed, progress=progress)
        if sys.stderr.isatty():
            print(file=sys.stderr)
    finally:
        database.close()
    document = {
        "ok": True,
        "database": database.display_name(),
        "counts": result.counts,
        "activities": [
            {"id": str(a.id), "title": a.title, "state": a.state} for a in result.activities
        ],
    }
    human = (
        tr.translate("cli", "Demo data written to {db}:").format(db=database.display_name())
        + "\n"
        + "\n".join(f"  {name}: {count:,}" for name, count in sorted(result.counts.items()))
    )
    _emit(args, document, human)
    return EXIT_OK


def cmd_scan(args: argparse.Namespace, tr: Translator) -> int:
    from models import scan
    from models.db import normalise_url, sqlite_path
    from models.errors import N_

    chosen = getattr(args, "db", None)
    db_file = sqlite_path(normalise_url(chosen))
    if db_file is not None and not db_file.exists() and chosen:
        raise UserError(N_("There is no database file at {path}."), path=str(db_file))
    # Without --db the default database is used if there is one; with none yet the
    # codes are described by their form only (nothing is created).
    use_db = db_file is None or db_file.exists()

    decoded: list[tuple[Path, list[str] | None, str | None]] = []
    for image in args.images:
        try:
            decoded.append((image, scan.decode_file(image), None))
        except UserError as exc:
            decoded.append((image, None, " ".join(exc.render(tr.model).split())))
    texts = [text for _, found, _ in decoded for text in found or []]
    database_name: str | None = None
    if use_db:
        database = _open(args)
        try:
            database_name = database.display_name()
            with database.reading() as session:
                described = scan.describe(session, texts)
        finally:
            database.close()
    else:
        described = scan.describe(None, texts)

    meanings = iter(described)
    images: list[dict[str, Any]] = []
    lines: list[str] = []
    errors: list[str] = []
    for image, found, error in decoded:
        lines.append(f"{image}:")
        if error is not None:
            errors.append(error)
            images.append({"path": str(image), "ok": False, "error": error})
            lines.append(f"  {error}")
            continue
        entries = []
        for text in found or []:
            meaning = next(meanings)
            message = meaning.render(tr.model)
            entry: dict[str, Any] = {
                "text": text,
                "meaning": meaning.meaning,
                "checked": meaning.checked,
                "message": message,
            }
            for key in (
                "organisation",
                "item_code",
                "volunteer_code",
                "badge_seq",
                "volunteer_id",
                "volunteer_name",
            ):
                value = getattr(meaning, key)
                if value is not None:
                    entry[key] = str(value) if key == "volunteer_id" else value
            entries.append(entry)
            lines.append(f"  {text} — {message}")
        if not found:
            lines.append("  " + tr.translate("cli", "No QR code found."))
        images.append({"path": str(image), "ok": True, "texts": found, "meanings": entries})
    checked = any(meaning.checked for meaning in described)
    if texts and not checked:
        lines.append(
            tr.translate(
                "cli",
                "Not checked against a database (there is none, or it has no organisation yet).",
            )
        )
    document: dict[str, Any] = {
        "ok": not errors,
        "database": database_name,
        "checked": checked,
        "images": images,
    }
    reason = None
    if errors:
        reason = errors[0]
        if len(errors) > 1:
            reason = tr.translate("cli", "{reason} (and {n} more pictures not read)").format(
                reason=reason, n=len(errors) - 1
            )
        document["error"] = reason
    _emit(args, document, "\n".join(lines))
    if reason is not None:
        print(f"partner-desk {args.command}: {reason}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def cmd_check(args: argparse.Namespace, tr: Translator) -> int:
    from models.backup import backups_dir
    from models.check import check_database
    from models.migrate import HEAD_REVISION

    database = _open(args, migrate_first=False)
    try:
        report = check_database(database)
    finally:
        database.close()
    schema = report.schema
    restore_from = report.restore_from
    suggested = None
    if restore_from is not None:
        suggested = {
            "path": str(restore_from.path),
            "kind": restore_from.kind.value,
            "taken_at": restore_from.taken_at.isoformat(),
            "size_bytes": restore_from.size_bytes,
        }
    document = {
        "ok": report.ok,
        "database": database.display_name(),
        "integrity": report.integrity,
        "foreign_key_problems": report.foreign_key_problems,
        "schema": {
            "status": "unknown" if schema is None else schema.status.value,
            "revision": None if schema is None else schema.revision,
            "head": HEAD_REVISION if schema is None else schema.head,
        },
        "journal_mode": report.journal_mode,
        "damaged": report.damaged,
        "restore_from": suggested,
    }
    lines = [
        tr.translate("cli", "Database: {db}").format(db=database.display_name()),
        tr.translate("cli", "Integrity: {result}").format(result="; ".join(report.integrity[:5])),
        tr.translate("cli", "Broken links between records: {n}").format(
            n=report.foreign_key_problems
        ),
        tr.translate("cli", "Schema: {revision} (latest: {head}, {status})").format(
            revision="-" if schema is None else schema.revision or "-",
            head=HEAD_REVISION if schema is None else schema.head,
            status="unknown" if schema is None else schema.status.value,
        ),
    ]
    if report.damaged:
        lines.append(
            tr.translate(
                "cli",
                "The database is damaged. Restore a good backup (File → Restore from a backup).",
            )
        )
        if restore_from is not None:
            lines.append(
                tr.translate("cli", "Newest good backup: {path} (taken {date}).").format(
                    path=restore_from.path, date=f"{restore_from.taken_at:%Y-%m-%d %H:%M}"
                )
            )
        elif database.path is not None:
            lines.append(
                tr.translate("cli", "No good backup was found in {folder}.").format(
                    folder=backups_dir(database.path)
                )
            )
    elif schema is not None and schema.status == "behind":
        lines.append(
            tr.translate("cli", "The schema will be upgraded when Partner Desk next opens it.")
        )
    _emit(args, document, "\n".join(lines))
    return EXIT_OK if report.ok else EXIT_FAILED


def cmd_backup(args: argparse.Namespace, tr: Translator) -> int:
    from models.backup import backup_sqlite
    from models.errors import N_

    database = _open(args, migrate_first=False)
    try:
        path = database.path
        if path is None:
            raise UserError(
                N_("Only SQLite database files can be backed up here; use the server's tools.")
            )
        result = backup_sqlite(path, args.out)
    finally:
        database.close()
    document = {
        "ok": result.integrity_ok,
        "database": str(path),
        "backup": str(result.path),
        "size_bytes": result.size_bytes,
        "integrity_ok": result.integrity_ok,
    }
    human = tr.translate("cli", "Backup written to {path} ({size:,} bytes).").format(
        path=result.path, size=result.size_bytes
    )
    _emit(args, document, human)
    return EXIT_OK if result.integrity_ok else EXIT_FAILED


def cmd_labels(args: argparse.Namespace, tr: Translator) -> int:
    from models import labels
    from models.errors import N_
    from models.files import write_pdf_atomically

    if args.limit is not None and args.limit < 1:
        raise UserError(N_("--{name} must be at least 1."), name="limit")
    database = _open(args)
    try:
        with database.reading() as session:
            data = labels.labels_for_items(session, args.codes or None, limit=args.limit)
        if not data:
            raise UserError(N_("Every item already has a label; name the codes to print again."))
        template = labels.LabelTemplate(args.template)
        out = args.out.expanduser().resolve()
        pages = [0]

        def render(stream: Any) -> None:
            pages[0] = labels.render_labels(data, template, stream)

        write_pdf_atomically(out, render)
        codes = [label.code for label in data]
        with database.transaction() as session:
            labels.mark_labelled(session, sorted(set(codes)))
    finally:
        database.close()
    document = {
        "ok": True,
        "out": str(out),
        "template": args.template,
        "pages": pages[0],
        "codes": codes,
    }
    human = tr.translate("cli", "{n} labels on {pages} pages written to {path}").format(
        n=len(codes), pages=pages[0], path=out
    )
    _emit(args, document, human)
    return EXIT_OK


def cmd_badges(args: argparse.Namespace, tr: Translator) -> int:
    import uuid
    from functools import partial

    from sqlalchemy import select

    from models import badge_pdf, badges
    from models.errors import N_
    from models.files import write_pdf_atomically
    from models.schema import Volunteer

    database = _open(args)
    out = args.out.expanduser().resolve()
    try:
        with database.transaction() as session:
            ids: list[uuid.UUID] | None = None
            if args.volunteers:
                ids = []
                for text in args.volunteers:
                    try:
                        found: uuid.UUID | None = uuid.UUID(text)
                    except ValueError:
                        found = session.scalar(
                            select(Volunteer.id).where(Volunteer.code == text.strip().upper())
                        )
                    if found is None:
                        raise UserError(
                            N_("There is no volunteer with the code {code}."), code=text
                        )
                    ids.append(found)
            infos = badges.badges_for(
                session, ids, issue_missing=args.issue_missing, staff="partner-desk badges"
            )
            if not infos:
                raise UserError(N_("There are no badges to print."))
            cards = badges.badge_cards(session, infos)
            write_pdf_atomically(
                out,
                partial(badge_pdf.render_badges, cards, badge_pdf.BadgeTemplate(args.template)),
            )
    finally:
        database.close()
    document = {
        "ok": True,
        "out": str(out),
        "template": args.template,
        "volunteers": [
            {"id": str(i.volunteer_id), "code": i.volunteer_code, "seq": i.seq} for i in infos
        ],
    }
    human = tr.translate("cli", "{n} badges written to {path}").format(n=len(infos), path=out)
    _emit(args, document, human)
    return EXIT_OK


def _checkin_time(text: str, day: Any, zone: Any, now: Any) -> Any:
    """``--at``: an ISO date and time, or a time on the activity's local day; aware UTC."""
    from datetime import UTC, datetime, time

    from models.errors import N_

    value = text.strip()
    try:
        if ":" not in value:
            raise ValueError(value)
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            parsed = datetime.combine(day, time.fromisoformat(value))
    except ValueError:
        raise UserError(
            N_(
                "--at takes a date and time like 2026-03-07T09:30, or a time like 09:30 on "
                "the activity's day (not “{at}”)."
            ),
            at=text,
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    moment = parsed.astimezone(UTC)
    if moment > now:
        raise UserError(N_("--at {at} is in the future."), at=text)
    return moment


def cmd_checkin(args: argparse.Namespace, tr: Translator) -> int:
    import uuid
    from collections import Counter

    from sqlalchemy import select

    from models import checkin
    from models.clock import utcnow
    from models.errors import N_
    from models.intake import org_zone
    from models.schema import Activity
    from models.schema.enums import ScanOutcome, ScanSource

    try:
        activity_id = uuid.UUID(args.activity.strip())
    except ValueError:
        raise UserError(N_("There is no activity with the id {id}."), id=args.activity) from None
    mode = checkin.KioskMode(args.mode)
    device = checkin.clean_device(args.device or ("paper" if args.at else "cli"))
    database = _open(args)
    answers: list[tuple[str, checkin.ScanAnswer]] = []
    try:
        with database.reading() as session:
            found = session.execute(
                select(Activity.title, Activity.starts_at).where(Activity.id == activity_id)
            ).first()
            if found is None:
                raise UserError(N_("There is no activity with the id {id}."), id=args.activity)
            title, starts_at = found
            zone = org_zone(session)
            rules = checkin.load_rules(session)
        at = None
        if args.at is not None:
            day = starts_at.astimezone(zone).date()
            at = _checkin_time(args.at, day, zone, utcnow())
        for payload in args.payloads:
            # One transaction per code, as at the kiosk: each result is saved on its own.
            with database.transaction() as session:
                answer = checkin.record_scan(
                    session,
                    activity_id=activity_id,
                    payload=payload,
                    device_id=device,
                    source=ScanSource.PAPER if at is not None else ScanSource.SCANNER,
                    now=at if at is not None else utcnow(),
                    mode=mode,
                    backfilled=at is not None,
                    rules=rules,
                )
            answers.append((payload, answer))
    finally:
        database.close()

    labels = {
        ScanOutcome.CHECK_IN: tr.translate("cli", "checked in"),
        ScanOutcome.CHECK_OUT: tr.translate("cli", "checked out"),
        ScanOutcome.DUPLICATE: tr.translate("cli", "ignored (duplicate)"),
        ScanOutcome.REJECTED: tr.translate("cli", "rejected"),
    }
    results: list[dict[str, Any]] = []
    lines: list[str] = []
    for payload, answer in answers:
        message = answer.render(tr.model)
        warning = answer.render_warning(tr.model)
        results.append(
            {
                "payload": payload,
                "outcome": answer.outcome.value,
                "accepted": answer.accepted,
                "reason": None if answer.reason is None else answer.reason.value,
                "message": message,
                "warning": warning,
                "outside_window": answer.outside_window,
                "volunteer_id": None if answer.volunteer_id is None else str(answer.volunteer_id),
                "volunteer_name": answer.volunteer_name,
                "session_id": None if answer.session_id is None else str(answer.session_id),
                "event_id": str(answer.event_id),
                "scanned_at": answer.scanned_at.isoformat(),
                "checked_in_at": (
                    None if answer.checked_in_at is None else answer.checked_in_at.isoformat()
                ),
                "minutes": answer.minutes,
            }
        )
        label = labels[answer.outcome]
        if answer.reason is not None and answer.outcome is ScanOutcome.REJECTED:
            label = f"{label} ({answer.reason.value})"
        shown = payload if len(payload) <= 48 else payload[:47] + "…"
        lines.append(f"{shown} → {label}: {message}")
        if warning:
            lines.append(f"  ! {warning}")
    counts = Counter(answer.outcome for _, answer in answers)
    lines.append(
        tr.translate(
            "cli",
            "{checked_in} checked in, {checked_out} checked out, {duplicate} ignored as "
            "duplicates, {rejected} rejected.",
        ).format(
            checked_in=counts[ScanOutcome.CHECK_IN],
            checked_out=counts[ScanOutcome.CHECK_OUT],
            duplicate=counts[ScanOutcome.DUPLICATE],
            rejected=counts[ScanOutcome.REJECTED],
        )
    )
    document = {
        "ok": True,
        "database": database.display_name(),
        "activity": {"id": str(activity_id), "title": title},
        "device": device,
        "mode": mode.value,
        "backfilled": at is not None,
        "at": None if at is None else at.isoformat(),
        "results": results,
        "counts": {outcome.value: counts[outcome] for outcome in ScanOutcome},
    }
    _emit(args, document, "\n".join(lines))
    return EXIT_OK
