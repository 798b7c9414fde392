"""Programme office: registering partners, verifying and importing their bundles.

The office registers each partner once with its code, name and public key, as the
partner's Settings show it (base64 text; the fingerprint can be read out over the
phone to check it).  Importing then takes any number of bundles; each is verified
completely with ``models.bundle.open_bundle`` against the registered key *before*
the database is touched, then upserted in one transaction of its own by id and
version (``models.office_upsert``): importing the same bundle twice, or an older
one after a newer one, changes nothing, and a later bundle's corrections update
the totals.  A refused bundle changes nothing at all and is listed with the
precise reason.  Each bundle imported gets a ``sync_log`` row (direction import).

On a partner's own desk, a bundle of the same organisation written for another
desk (``export --for-desk``) merges that desk's scan events instead
(``models.checkin_sessions.merge_scan_events``): sessions are derived again from
all devices' events.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import bundle_errors
from models.bundle import BundleReport, KeyLookup, VerifiedBundle, open_bundle, verify_bundle
from models.bundle_errors import BundleError
from models.bundle_spec import OFFICE_TABLES
from models.checkin_sessions import ScanEventRow, merge_scan_events
from models.clock import utcnow
from models.db import Database
from models.errors import N_, UserError
from models.office_partners import (
    PartnerChange,
    PartnerInfo,
    compact_fingerprint,
    is_fingerprint,
    list_partners,
    parse_public_key,
    register_partner,
    registered_keys,
)
from models.office_upsert import MAPPINGS, TableCounts, Target, upsert_table
from models.schema import Organisation, Partner, SyncLog
from models.schema.enums import ScanOutcome, ScanSource, SyncDirection
from models.volunteers import clean_staff

__all__ = [
    "BundleImport",
    "ImportReport",
    "PartnerChange",
    "PartnerInfo",
    "Verification",
    "import_bundles",
    "list_partners",
    "parse_public_key",
    "register_partner",
    "registered_keys",
    "verify_bundles",
]

Progress = Callable[[int, int], None]
OFFICE = "office"
DESK = "desk"


OWN_OFFICE_EXPORT = N_(
    "{file} is this organisation's own export for the programme office. A desk imports "
    "only files written for another desk (export for a desk), with their scan events."
)
KEY_NOT_GIVEN = N_(
    "{file} is signed with the key {found}, not with the key {expected} given: it was not "
    "signed by that organisation's desk, or their key has changed."
)


# ----------------------------------------------------------------------------- verifying


@dataclass(frozen=True)
class Verification:
    path: Path
    report: BundleReport | None
    error: UserError | None

    @property
    def ok(self) -> bool:
        return self.error is None


def verify_bundles(
    paths: Sequence[Path],
    *,
    key_text: str | None = None,
    keys: Mapping[str, bytes] | None = None,
) -> list[Verification]:
    """Verify each bundle completely (nothing is imported).

    ``key_text``: a public key (base64) or a fingerprint that every bundle must be
    signed with; ``keys``: the registered keys by org code (``registered_keys``).
    With neither, the key in each bundle is used: the result says which it is.
    """
    public_key: bytes | KeyLookup | None = None
    fingerprint: str | None = None
    if key_text is not None and key_text.strip():
        if is_fingerprint(key_text):
            fingerprint = compact_fingerprint(key_text)
        else:
            public_key = parse_public_key(key_text)
    elif keys is not None:
        public_key = keys.get
    results = []
    for path in paths:
        try:
            report = verify_bundle(Path(path), public_key=public_key)
            if (
                fingerprint is not None
                and compact_fingerprint(report.key_fingerprint) != fingerprint
            ):
                raise BundleError(
                    KEY_NOT_GIVEN,
                    file=Path(path).name,
                    found=report.key_fingerprint,
                    expected=key_text.strip() if key_text else "",
                )
            results.append(Verification(Path(path), report, None))
        except BundleError as error:
            results.append(Verification(Path(path), None, error))
    return results


# ----------------------------------------------------------------------------- importing


@dataclass(frozen=True)
class BundleImport:
    """What happened to one bundle: imported (with counts per table) or refused."""

    path: Path
    kind: str  # OFFICE, DESK, or "" when refused
    org_code: str | None
    export_id: uuid.UUID | None
    tables: Mapping[str, TableCounts] = field(default_factory=dict)
    skipped: Mapping[str, int] = field(default_factory=dict)  # desk merge: by reason
    error: UserError | None = None
    # The export it follows has not been imported here (yet): a file may be missing.
    follows_missing: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def counts(self) -> TableCounts:
        total = TableCounts()
        for counts in self.tables.values():
            total = total + counts
        return total


@dataclass(frozen=True)
class ImportReport:
    bundles: tuple[BundleImport, ...]

    @property
    def new(self) -> int:
        return sum(b.counts.new for b in self.bundles)

    @property
    def updated(self) -> int:
        return sum(b.counts.updated for b in self.bundles)

    @property
    def unchanged(self) -> int:
        return sum(b.counts.unchanged for b in self.bundles)

    @property
    def rejected(self) -> int:
        """Bundles refused (nothing of them was imported)."""
        return sum(not b.ok for b in self.bundles)


def import_bundles(
    database: Database,
    paths: Sequence[Path],
    *,
    staff: str,
    progress: Progress | None = None,
) -> ImportReport:
    """Verify and import each bundle in its own transaction; refused ones change nothing.

    ``progress(bundles_done, bundles_total)`` may raise ``Cancelled``: the bundles
    done so far stay imported, the one under way is rolled back.
    """
    staff = clean_staff(staff)
    with database.reading() as session:
        keys = registered_keys(session)
        own = session.scalar(select(Organisation.code).limit(1))
        partners = {key: code for key, code in session.execute(select(Partner.id, Partner.code))}
    outcomes: list[BundleImport] = []
    total = len(paths)
    if progress is not None:
        progress(0, total)
    for done, path in enumerate(paths, start=1):
        outcomes.append(_import_one(database, Path(path), keys, own, partners, staff))
        if progress is not None:
            progress(done, total)
    return ImportReport(tuple(outcomes))


def _import_one(
    database: Database,
    path: Path,
    keys: Mapping[str, bytes],
    own: str | None,
    partners: Mapping[uuid.UUID, str],
    staff: str,
) -> BundleImport:
    try:
        bundle = open_bundle(path, public_key=keys.get)
    except BundleError as error:
        return BundleImport(path, "", None, None, error=error)
    with bundle:
        manifest = bundle.manifest
        desk = manifest.org_code == own
        needed = ("scan_events",) if desk else OFFICE_TABLES
        try:
            if desk and "scan_events" not in bundle.tables:
                raise BundleError(OWN_OFFICE_EXPORT, file=path.name)
            for table in needed:
                if table not in bundle.tables:
                    raise BundleError(
                        bundle_errors.REQUIRED_TABLE, file=path.name, member=f"{table}.csv"
                    )
            with database.transaction() as session:
                log = _log(session, bundle, staff, DESK if desk else OFFICE)
                if desk:
                    return _merge_desk(session, bundle, log, staff)
                return _upsert_office(session, bundle, log, partners)
        except BundleError as error:
            return BundleImport(path, "", manifest.org_code, manifest.export_id, error=error)


def _log(session: Session, bundle: VerifiedBundle, staff: str, kind: str) -> SyncLog:
    manifest = bundle.manifest
    log = SyncLog(
        id=uuid.uuid4(),
        direction=SyncDirection.IMPORT,
        org_code=manifest.org_code,
        export_id=manifest.export_id,
        follows_id=manifest.follows,
        period_start=manifest.period_start,
        period_end=manifest.period_end,
        created_at=utcnow(),
        file_name=bundle.path.name[:300],
        sha256=bundle.sha256,
        format_version=manifest.format_version,
        include_contacts=manifest.include_contacts,
        staff_name=staff,
        summary={"kind": kind},
        status="ok",
    )
    session.add(log)
    session.flush()
    return log


def _upsert_office(
    session: Session, bundle: VerifiedBundle, log: SyncLog, partners: Mapping[uuid.UUID, str]
) -> BundleImport:
    manifest = bundle.manifest
    partner_id = session.scalar(select(Partner.id).where(Partner.code == manifest.org_code))
    assert partner_id is not None  # its key was found: it is registered
    target = Target(partner_id, manifest.org_code, log.id, partners)
    tables = {table: upsert_table(session, bundle, table, target) for table in MAPPINGS}
    missing = manifest.follows is not None and (
        session.scalar(
            select(SyncLog.id)
            .where(
                SyncLog.direction == SyncDirection.IMPORT,
                SyncLog.org_code == manifest.org_code,
                SyncLog.export_id == manifest.follows,
            )
            .limit(1)
        )
        is None
    )
    log.summary = {
        "kind": OFFICE,
        "tables": {name: counts.as_json() for name, counts in tables.items()},
        "ignored": {"corrections": bundle.row_count("corrections")},
        "follows_missing": missing,
    }
    session.flush()
    return BundleImport(
        bundle.path,
        OFFICE,
        manifest.org_code,
        manifest.export_id,
        tables,
        follows_missing=missing,
    )


def _scan_rows(bundle: VerifiedBundle, unknown: list[int]) -> Iterator[ScanEventRow]:
    sources = {s.value for s in ScanSource}
    outcomes = {o.value for o in ScanOutcome}
    for row in bundle.rows("scan_events"):
        if row["source"] not in sources or row["outcome"] not in outcomes:
            unknown[0] += 1  # a value of a newer format version
            continue
        yield ScanEventRow(
            id=row["id"],
            activity_id=row["activity_id"],
            volunteer_id=row["volunteer_ref"],
            device_id=row["device_id"],
            source=ScanSource(row["source"]),
            outcome=ScanOutcome(row["outcome"]),
            reason=row["reason"],
            payload="",  # the scanned text never leaves a desk
            scanned_at=row["scanned_at"],
            recorded_at=row["recorded_at"],
            outside_window=bool(row["outside_window"]),
            backfilled=bool(row["backfilled"]),
        )


def _merge_desk(session: Session, bundle: VerifiedBundle, log: SyncLog, staff: str) -> BundleImport:
    unknown = [0]
    merged = merge_scan_events(session, _scan_rows(bundle, unknown), staff=staff)
    skipped = dict(merged.skipped)
    if unknown[0]:
        skipped["unknown_value"] = unknown[0]
    counts = TableCounts(
        new=merged.inserted,
        unchanged=merged.unchanged,
        skipped=sum(skipped.values()),
    )
    summary: dict[str, Any] = {
        "kind": DESK,
        "tables": {"scan_events": counts.as_json()},
        "skipped": skipped,
        "sessions_rebuilt": [str(r.activity_id) for r in merged.rebuilt if r.changed],
        "double_entries": sum(len(r.double_entries) for r in merged.rebuilt),
    }
    log.summary = summary
    session.flush()
    manifest = bundle.manifest
    return BundleImport(
        bundle.path,
        DESK,
        manifest.org_code,
        manifest.export_id,
        {"scan_events": counts},
        skipped,
    )
