"""Exporting activity results as a signed sync bundle (preview and history:
``models.sync_preview``, re-exported here).

An export for the programme office carries everything that changed since the end
of the previous one (``follows``) up to now: activities, attendance sessions,
volunteers' correction requests and feedback changed in the period, the approved
hour lines not exported yet (frozen here with their matching amount, corrections
as delta lines: ``models.hour_export.freeze_for_export``), the donation summary
lines whose figures changed, and the volunteers those rows name (phone numbers
masked unless the coordinator includes contacts).  Closed activities whose hours
are all decided and nobody is still checked in become ``exported``.

All of it happens in one transaction that also writes the bundle (atomically, via
``models.bundle.write_bundle``) and records the export in ``sync_log``: a failure
or a cancel at any point leaves no file and no log, the hours unfrozen and the
activities as they were, so exporting again is always safe.  An export right after
another carries nothing new (every table has its header only) and is still valid.

A bundle for another desk of the same organisation (``for_desk``) carries the scan
events of every activity not exported yet, for ``models.checkin_sessions``'s merge;
it freezes and marks nothing and is not part of the office's chain of exports.

The rows stream from the database (``models.sync_tables``): memory stays flat.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models import signing
from models.activities import mark_exported
from models.bundle import ManifestFields, TableData, write_bundle
from models.bundle_spec import FORMAT_VERSION
from models.clock import utcnow
from models.db import Database, translate_db_errors
from models.errors import N_, UserError
from models.hour_export import freeze_for_export
from models.intake import org_zone
from models.schema import HourEntry, SyncLog
from models.schema.enums import SyncDirection
from models.sync_donations import CategoryCount, DonationState, donation_figures, items_by_category
from models.sync_preview import (
    AUTO,
    DESK,
    OFFICE,
    ExportPreview,
    ExportRecord,
    ExportTotals,
    check_until,
    donation_state,
    export_history,
    export_organisation,
    last_export,
    local_export_day,
    markable_activities,
    preview_export,
    summary_since,
)
from models.sync_tables import (
    BundleTables,
    Tally,
    Window,
    activity_query,
    count_rows,
    session_query,
)
from models.volunteers import clean_staff

SUFFIX = ".pdsync"

Progress = Callable[[int, int], None]
Sessions = Database | sessionmaker[Session]

__all__ = [
    "AUTO",
    "DESK",
    "OFFICE",
    "ExportPreview",
    "ExportRecord",
    "ExportResult",
    "ExportTotals",
    "export_bundle",
    "export_history",
    "last_export",
    "preview_export",
]


@dataclass(frozen=True)
class ExportResult:
    export_id: uuid.UUID
    path: Path
    sha256: str
    size: int
    org_code: str
    audience: str  # OFFICE or DESK
    period_start: datetime | None
    period_end: datetime
    follows: uuid.UUID | None
    include_contacts: bool
    totals: ExportTotals
    rows: Mapping[str, int]  # rows per table in the bundle
    marked_exported: int


# ----------------------------------------------------------------------------- export


def _remove_leftovers(folder: Path, org_code: str) -> None:
    """Temporary files of an export that was killed mid-way (never a finished bundle)."""
    for leftover in folder.glob(f".{org_code}-*{SUFFIX}.*.tmp"):
        with suppress(OSError):
            leftover.unlink()


def export_bundle(
    database: Sessions,
    out_dir: Path,
    *,
    staff: str,
    include_contacts: bool = False,
    until: datetime | None = None,
    progress: Progress | None = None,
    for_desk: bool = False,
) -> ExportResult:
    """Write the next export into ``out_dir`` and record it; all or nothing.

    The file is named ``<ORG>-<YYYYMMDD>-<first 8 hex digits of the export id>.pdsync``
    (the local day of the period's end).  ``until`` ends the period earlier than
    now (activities are then left as they are).  ``progress(rows_done, rows_total)``
    may raise ``Cancelled``: nothing is then written or recorded.
    """
    staff = clean_staff(staff)
    folder = Path(out_dir)
    if not folder.is_dir():
        raise UserError(N_("There is no folder {path} to write the export to."), path=str(folder))
    factory = database.sessions if isinstance(database, Database) else database
    written: list[Path] = []
    try:
        with translate_db_errors(), factory() as session, session.begin():
            return _export(
                session,
                folder,
                staff=staff,
                include_contacts=include_contacts,
                until=until,
                progress=progress,
                for_desk=for_desk,
                written=written,
            )
    except BaseException:
        # The bundle is only good with its log: a failed commit takes the file too.
        for path in written:
            with suppress(OSError):
                path.unlink()
        raise


def _export(
    session: Session,
    folder: Path,
    *,
    staff: str,
    include_contacts: bool,
    until: datetime | None,
    progress: Progress | None,
    for_desk: bool,
    written: list[Path],
) -> ExportResult:
    org = export_organisation(session)
    zone = org_zone(session)
    audience = DESK if for_desk else OFFICE
    last = last_export(session, audience)
    since = None if for_desk or last is None else last.period_end
    until = check_until(until, since)
    _remove_leftovers(folder, org.code)
    export_id = uuid.uuid4()
    log = SyncLog(
        id=export_id,
        direction=SyncDirection.EXPORT,
        org_code=org.code,
        export_id=export_id,
        follows_id=None if last is None else last.export_id,
        period_start=since,
        period_end=until or utcnow(),
        file_name="",
        sha256="",
        format_version=FORMAT_VERSION,
        include_contacts=include_contacts,
        staff_name=staff,
        summary={},
        status="ok",
    )
    session.add(log)
    session.flush()
    marked = 0
    if not for_desk:
        if until is None:
            ready = markable_activities(session)
            marked = mark_exported(session, ready, staff=staff) if ready else 0
        freeze_for_export(
            session, export_id, local_export_day(until or utcnow(), session), staff=staff
        )
    # After the changes above, so that the rows they touched are inside the period.
    end = until or utcnow()
    window = Window(since, end)
    tally = Tally()
    tables = BundleTables(session, window, tally)
    data: dict[str, TableData]
    state: DonationState | None = None
    if for_desk:
        data = {"scan_events": tables.scan_events(), "volunteers": tables.volunteers()}
    else:
        previous = DonationState.of(donation_state(last))
        figures, months = donation_figures(session, zone, summary_since(last, since))
        lines, state = previous.changes(org.code, figures, end, months)
        data = {
            "activities": tables.activities(),
            "attendance_sessions": tables.attendance_sessions(),
            "hours": tables.hours(export_id),
            "corrections": tables.corrections(),
            "feedback": tables.feedback(),
            "donation_summary": tables.donation_summary(lines),
            "volunteers": tables.volunteers(),
        }
    total = _estimate(session, window, export_id, len(data))

    def report(done: int, _total: int) -> None:
        if progress is not None:
            progress(done, max(total, done))

    path = folder / f"{org.code}-{end.astimezone(zone):%Y%m%d}-{export_id.hex[:8]}{SUFFIX}"
    fields = ManifestFields(
        org_code=org.code,
        export_id=export_id,
        period_end=end,
        period_start=since,
        follows=log.follows_id,
        include_contacts=include_contacts,
        created_at=utcnow(),
    )
    key = signing.KeyPair(org.signing_private_key, org.signing_public_key)
    bundle = write_bundle(path, fields, data, signing_key=key, progress=report)
    written.append(path)
    totals = _totals(tally, () if for_desk else items_by_category(session, window))
    log.period_end = end
    log.file_name = path.name
    log.sha256 = bundle.sha256
    summary: dict[str, Any] = {
        "audience": audience,
        "totals": totals.as_json(),
        "rows": dict(bundle.rows),
        "marked_exported": marked,
    }
    if state is not None:
        summary["donation_state"] = state.stored()
    log.summary = summary
    session.flush()
    if progress is not None:
        progress(total, total)
    return ExportResult(
        export_id=export_id,
        path=path,
        sha256=bundle.sha256,
        size=bundle.size,
        org_code=org.code,
        audience=audience,
        period_start=since,
        period_end=end,
        follows=log.follows_id,
        include_contacts=include_contacts,
        totals=totals,
        rows=dict(bundle.rows),
        marked_exported=marked,
    )


def _estimate(session: Session, window: Window, export_id: uuid.UUID, tables: int) -> int:
    """Roughly how many rows the bundle will hold (for the progress bar)."""
    hours = select(HourEntry.id).where(HourEntry.exported_in_id == export_id)
    return tables + sum(
        count_rows(session, query)
        for query in (activity_query(window), session_query(window), hours)
    )


def _totals(tally: Tally, items: tuple[CategoryCount, ...]) -> ExportTotals:
    return ExportTotals(
        activities=tally.rows.get("activities", 0),
        attendances=tally.attendances,
        hour_lines=tally.hour_lines,
        delta_lines=tally.delta_lines,
        minutes=tally.minutes,
        matching_fen=tally.matching_fen,
        feedback_received=tally.feedback_received,
        feedback_waived=tally.feedback_waived,
        corrections=tally.rows.get("corrections", 0),
        summary_lines=tally.rows.get("donation_summary", 0),
        volunteers=tally.rows.get("volunteers", 0),
        items_by_category=items,
    )
