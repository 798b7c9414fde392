"""What the Sync screen shows, read in one go on the worker thread (plain values only).

The organisation's key, the preview of the next export, the history of exports
and imports (newest first) and the registered partners.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from models.errors import UserError
from models.office_import import PartnerInfo
from models.organisation import Profile
from models.sync_export import ExportPreview, ExportRecord

EXPORT = "export"
IMPORT = "import"


@dataclass(frozen=True)
class HistoryRow:
    """One export written here or one file imported here."""

    direction: str  # EXPORT or IMPORT
    created_at: datetime
    org_code: str
    file_name: str
    audience: str = ""  # exports: "office" or "desk"
    period_start: datetime | None = None
    period_end: datetime | None = None
    staff_name: str | None = None
    include_contacts: bool = False
    totals: Mapping[str, Any] = field(default_factory=dict)  # exports: ExportTotals.as_json()
    status: str = "ok"


@dataclass(frozen=True)
class SyncData:
    profile: Profile | None
    preview: ExportPreview | None
    preview_error: UserError | None
    history: tuple[HistoryRow, ...]
    partners: tuple[PartnerInfo, ...]

    @property
    def has_data(self) -> bool:
        """Anything to show besides the empty state?"""
        return bool(self.history or self.partners or preview_carries(self.preview))


def preview_carries(preview: ExportPreview | None) -> bool:
    """Would the next export carry anything (or is something waiting for staff)?"""
    if preview is None:
        return False
    t = preview.totals
    return any(
        (
            t.activities,
            t.attendances,
            t.hour_lines,
            t.feedback_received,
            t.feedback_waived,
            t.corrections,
            t.volunteers,
            t.items_received,
            preview.pending_entries,
            preview.open_sessions,
        )
    )


def history_rows(
    exports: Sequence[ExportRecord], others: Sequence[Any], own_code: str = "", limit: int = 500
) -> list[HistoryRow]:
    """Exports (with their figures) and imports (from the sync log), newest first."""
    rows = [
        HistoryRow(
            direction=EXPORT,
            created_at=r.created_at,
            org_code=own_code,
            file_name=r.file_name,
            audience=r.audience,
            period_start=r.period_start,
            period_end=r.period_end,
            staff_name=r.staff_name,
            include_contacts=r.include_contacts,
            totals=dict(r.totals),
        )
        for r in exports
    ]
    rows += [
        HistoryRow(
            direction=IMPORT,
            created_at=r.created_at,
            org_code=r.org_code,
            file_name=r.file_name,
            status=r.status,
        )
        for r in others
        if str(r.direction) == IMPORT
    ]
    rows.sort(key=lambda row: row.created_at, reverse=True)
    return rows[:limit]


def load_preview(
    session: Session, *, until: datetime | None = None, include_contacts: bool = False
) -> ExportPreview:
    from models.sync_export import preview_export

    return preview_export(session, until=until, include_contacts=include_contacts)


def load_sync(session: Session, *, until: datetime | None = None) -> SyncData:
    from models import organisation, overview
    from models.office_import import list_partners
    from models.sync_export import export_history

    profile = organisation.profile(session)
    preview: ExportPreview | None = None
    error: UserError | None = None
    if profile is not None:
        try:
            preview = load_preview(session, until=until)
        except UserError as exc:
            error = exc
    history = history_rows(
        export_history(session),
        overview.sync_history(session, limit=500),
        profile.code if profile is not None else "",
    )
    return SyncData(profile, preview, error, tuple(history), tuple(list_partners(session)))
