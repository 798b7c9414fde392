"""Exporting activity results as a signed sync bundle (preview and history:
``models.sync_preview``, re-exported here).

An export for the programme office carries everything that changed since the end
of the previous one (``follows``) up to now: activities, attendance sessions,
volunteers' correction requests and feedback changed in the period, the approved
hour lines not exported yet (frozen here with their matching amount, corrections
as delta lines: ``models.hour_export.FreezePlan``), the donation summary
lines whose figures changed, and the volunteers those rows name (phone numbers
masked unless the coordinator includes contacts).  Closed activities whose hours
are all decided and nobody is still checked in become ``exported``.

All or nothing, without holding the database for long (a kiosk must be able to
record scans meanwhile):

1. a moment's write lock (SQLite) waits for any write under way and fixes *now*;
2. one read transaction — a consistent snapshot (WAL; REPEATABLE READ on
   PostgreSQL) — streams every table into a bundle written beside its target under
   a temporary name.  The activities to mark and the hour lines to freeze are
   written as they will be once marked and frozen (one version up, changed at
   *now*, matching amount fixed), and their ids and versions are kept in temporary
   tables on the export's connection;
3. one short write transaction marks and freezes exactly those rows, and only at
   the versions read (if another desk changed one meanwhile, or recorded another
   export, nothing is changed and the export asks to be tried again), records the
   export in ``sync_log``, renames the file into place and commits.

A failure or a cancel at any point leaves no file and no log, the hours unfrozen and
the activities as they were (a failed commit takes the file too), so exporting again
is always safe.  An export right after another carries nothing new (every table has
its header only) and is still valid.

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
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from models import audit, signing
from models.activities import ENTITY as ACTIVITY
from models.activities import EXPORT
from models.bundle import ManifestFields, StagedBundle, TableData, stage_bundle
from models.bundle_spec import FORMAT_VERSION
from models.clock import utcnow
from models.db import READ_ONLY_OPTION, Database, translate_db_errors
from models.errors import N_, UserError
from models.hour_export import FreezePlan
from models.intake import org_zone
from models.schema import Activity, AuditEntry, HourEntry, SyncLog
from models.schema.enums import ActivityState, SyncDirection
from models.sync_carried import Carried, changed_meanwhile
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
    preview_export,
    summary_since,
)
from models.sync_tables import (
    MARKED_ACTIVITIES,
    BundleTables,
    Tally,
    Window,
    activity_query,
    count_rows,
    markable,
    referred,
    scan_event_query,
    scanned,
    session_query,
    unexported,
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
    for pattern in (f".{org_code}-*{SUFFIX}.*.tmp", f"..{org_code}-*{SUFFIX}.*.tmp"):
        for leftover in folder.glob(pattern):
            with suppress(OSError):
                leftover.unlink()


def _engine(database: Sessions) -> Engine:
    if isinstance(database, Database):
        return database.engine
    bind = database.kw.get("bind")
    if not isinstance(bind, Engine):
        raise TypeError("export_bundle needs a session factory bound to an engine")
    return bind


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
    with translate_db_errors(), _engine(database).connect() as connection:
        try:
            return _export(
                connection,
                folder,
                staff=staff,
                include_contacts=include_contacts,
                until=until,
                progress=progress,
                for_desk=for_desk,
            )
        except BaseException:
            # Closing the connection takes the export's temporary tables with it.
            connection.invalidate()
            raise


@dataclass
class _Written:
    """A bundle written from the snapshot, and what recording it needs."""

    staged: StagedBundle
    export_id: uuid.UUID
    org_code: str
    audience: str
    since: datetime | None
    end: datetime
    stamp: datetime
    follows: uuid.UUID | None
    totals: ExportTotals
    progress_total: int  # about how many rows the bundle holds (for the progress bar)
    plan: FreezePlan | None
    marked: Carried | None
    donations: DonationState | None


def _export(
    connection: Connection,
    folder: Path,
    *,
    staff: str,
    include_contacts: bool,
    until: datetime | None,
    progress: Progress | None,
    for_desk: bool,
) -> ExportResult:
    if connection.dialect.name == "sqlite":
        # A moment's write lock waits for a write under way (as any desk would): all
        # that was written before ``now`` is in the snapshot read next, and whatever
        # is written after it is stamped later, so it goes with the next export.
        connection.execution_options(**{READ_ONLY_OPTION: False})
        with connection.begin():
            now = utcnow()
    else:
        # One snapshot for every query of the reading transaction.
        connection.execution_options(isolation_level="REPEATABLE READ")
        now = utcnow()
    written: _Written | None = None
    try:
        connection.execution_options(**{READ_ONLY_OPTION: True})
        with connection.begin(), Session(bind=connection, autoflush=False) as session:
            written = _write(
                session,
                folder,
                now,
                include_contacts=include_contacts,
                until=until,
                progress=progress,
                for_desk=for_desk,
            )
        if progress is not None:
            progress(written.progress_total, written.progress_total)
        connection.execution_options(**{READ_ONLY_OPTION: False})
        with connection.begin(), Session(bind=connection, autoflush=False) as session:
            marked = _record(session, written, staff=staff, include_contacts=include_contacts)
    except BaseException:
        # The bundle is only good with its log: a failed commit takes the file too.
        if written is not None:
            written.staged.discard()
        raise
    bundle = written.staged.bundle
    return ExportResult(
        export_id=written.export_id,
        path=bundle.path,
        sha256=bundle.sha256,
        size=bundle.size,
        org_code=written.org_code,
        audience=written.audience,
        period_start=written.since,
        period_end=written.end,
        follows=written.follows,
        include_contacts=include_contacts,
        totals=written.totals,
        rows=dict(bundle.rows),
        marked_exported=marked,
    )


def _write(
    session: Session,
    folder: Path,
    now: datetime,
    *,
    include_contacts: bool,
    until: datetime | None,
    progress: Progress | None,
    for_desk: bool,
) -> _Written:
    """Read everything in one snapshot and stage the bundle; changes nothing."""
    org = export_organisation(session)
    zone = org_zone(session)
    audience = DESK if for_desk else OFFICE
    last = last_export(session, audience)
    since = None if for_desk or last is None else last.period_end
    until = check_until(until, since)
    end = until or now
    _remove_leftovers(folder, org.code)
    export_id = uuid.uuid4()
    window = Window(since, end)
    tally = Tally()
    tables = BundleTables(session, window, tally)
    data: dict[str, TableData]
    plan: FreezePlan | None = None
    marked: Carried | None = None
    state: DonationState | None = None
    if for_desk:
        data = {"scan_events": tables.scan_events(), "volunteers": tables.volunteers(scanned())}
        total = count_rows(session, scan_event_query())
    else:
        # Refused here, before anything is written, when a matching rate is missing.
        plan = FreezePlan(session, local_export_day(end, session))
        if until is None:
            marked = Carried(session.connection(), MARKED_ACTIVITIES)
        previous = DonationState.of(donation_state(last))
        figures, months = donation_figures(session, zone, summary_since(last, since))
        lines, state = previous.changes(org.code, figures, end, months)
        people = select(HourEntry.volunteer_id).where(*unexported(plan.up_to))
        data = {
            "activities": tables.activities(marked, now),
            "attendance_sessions": tables.attendance_sessions(),
            "hours": tables.hours(plan, now),
            "corrections": tables.corrections(),
            "feedback": tables.feedback(),
            "donation_summary": tables.donation_summary(lines),
            "volunteers": tables.volunteers(referred(window, people)),
        }
        total = sum(
            count_rows(session, query)
            for query in (
                activity_query(window, marked is not None),
                session_query(window),
                select(HourEntry.id).where(*unexported(plan.up_to)),
            )
        )
    total += len(data)

    def report(done: int, _total: int) -> None:
        if progress is not None:
            progress(done, max(total, done))

    path = folder / f"{org.code}-{end.astimezone(zone):%Y%m%d}-{export_id.hex[:8]}{SUFFIX}"
    fields = ManifestFields(
        org_code=org.code,
        export_id=export_id,
        period_end=end,
        period_start=since,
        follows=None if last is None else last.export_id,
        include_contacts=include_contacts,
        created_at=utcnow(),
    )
    key = signing.KeyPair(org.signing_private_key, org.signing_public_key)
    staged = stage_bundle(path, fields, data, signing_key=key, progress=report)
    try:
        totals = _totals(tally, () if for_desk else items_by_category(session, window))
    except BaseException:
        staged.discard()
        raise
    return _Written(
        staged=staged,
        export_id=export_id,
        org_code=org.code,
        audience=audience,
        since=since,
        end=end,
        stamp=now,
        follows=fields.follows,
        totals=totals,
        progress_total=max(total, sum(staged.bundle.rows.values())),
        plan=plan,
        marked=marked,
        donations=state,
    )


def _record(session: Session, written: _Written, *, staff: str, include_contacts: bool) -> int:
    """The short write: mark and freeze exactly what the bundle carries, log the
    export, put the file in place; returns how many activities were marked.

    ``DatabaseBusy`` when another export was recorded, or a row the bundle carries
    changed, since the snapshot was read (nothing is then changed).
    """
    last = last_export(session, written.audience)
    if (None if last is None else last.export_id) != written.follows:
        raise changed_meanwhile()
    bundle = written.staged.bundle
    summary: dict[str, Any] = {
        "audience": written.audience,
        "totals": written.totals.as_json(),
        "rows": dict(bundle.rows),
        "marked_exported": 0 if written.marked is None else written.marked.count,
    }
    if written.donations is not None:
        summary["donation_state"] = written.donations.stored()
    session.add(
        SyncLog(
            id=written.export_id,
            direction=SyncDirection.EXPORT,
            org_code=written.org_code,
            export_id=written.export_id,
            follows_id=written.follows,
            period_start=written.since,
            period_end=written.end,
            file_name=bundle.path.name,
            sha256=bundle.sha256,
            format_version=FORMAT_VERSION,
            include_contacts=include_contacts,
            staff_name=staff,
            summary=summary,
            status="ok",
        )
    )
    session.flush()
    marked = 0
    if written.marked is not None:
        marked = _mark_exported(session, written.marked, written.stamp, staff=staff)
    if written.plan is not None:
        written.plan.freeze(session, written.export_id, written.stamp, staff=staff)
    session.flush()
    written.staged.publish()
    return marked


def _mark_exported(session: Session, carried: Carried, stamp: datetime, *, staff: str) -> int:
    """Closed → exported for exactly the activities the bundle carries as exported
    (still closed and at the version read, hours all decided, nobody checked in);
    one audit row each, as ``models.activities.mark_exported`` writes them."""
    carried.flush()
    table = cast(Table, Activity.__table__)
    rows = MARKED_ACTIVITIES.c
    statement = (
        update(table)
        .where(
            table.c.id == rows.id,
            table.c.version == rows.version,
            table.c.id.in_(select(rows.id).correlate(None)),
            markable(),
        )
        .values(state=ActivityState.EXPORTED, version=table.c.version + 1, updated_at=stamp)
    )
    done = session.connection().execute(statement).rowcount
    if done != carried.count:
        raise changed_meanwhile()
    before = audit.jsonable({"state": ActivityState.CLOSED})
    after = audit.jsonable({"state": ActivityState.EXPORTED})
    entries = [
        {
            "staff_name": staff,
            "action": f"{ACTIVITY}.{EXPORT}",
            "entity": ACTIVITY,
            "entity_id": str(key),
            "before": before,
            "after": after,
        }
        for key in session.scalars(select(rows.id))
    ]
    if entries:
        session.execute(insert(AuditEntry), entries)
    carried.drop()
    return done


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
