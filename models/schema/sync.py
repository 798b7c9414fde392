"""Sync by file: the export/import log, and the programme office's merged view."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.clock import utcnow
from models.schema.base import Base, IdMixin, str_enum
from models.schema.enums import SyncDirection


class SyncLog(IdMixin, Base):
    """One export written or one bundle imported; ``id`` is the bundle's export id."""

    __tablename__ = "sync_log"

    direction: Mapped[SyncDirection] = mapped_column(str_enum(SyncDirection))
    org_code: Mapped[str] = mapped_column(String(16), index=True)
    export_id: Mapped[uuid.UUID] = mapped_column(index=True)
    follows_id: Mapped[uuid.UUID | None] = mapped_column()
    period_start: Mapped[datetime | None] = mapped_column()
    period_end: Mapped[datetime] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    file_name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    format_version: Mapped[str] = mapped_column(String(10))
    include_contacts: Mapped[bool] = mapped_column(Boolean, default=False)
    staff_name: Mapped[str | None] = mapped_column(String(100))
    # Totals for an export; new/updated/unchanged/rejected counts for an import.
    summary: Mapped[Any] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default="ok")
    message: Mapped[str | None] = mapped_column(Text)


class Partner(IdMixin, Base):
    """Programme office: a partner organisation and its registered public key."""

    __tablename__ = "partner"

    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    public_key: Mapped[bytes] = mapped_column(LargeBinary(64))
    fingerprint: Mapped[str] = mapped_column(String(80))
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class _OfficeRow(IdMixin):
    """A row received from a partner: upserted by (id, version), never edited here."""

    partner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partner.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column()
    import_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sync_log.id"))


class OfficeActivity(_OfficeRow, Base):
    __tablename__ = "office_activity"

    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(60), default="")
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime] = mapped_column()
    state: Mapped[str] = mapped_column(String(20))
    programme_tag: Mapped[str | None] = mapped_column(String(60))
    location: Mapped[str | None] = mapped_column(String(300))


class OfficeSession(_OfficeRow, Base):
    __tablename__ = "office_session"

    activity_id: Mapped[uuid.UUID] = mapped_column(index=True)
    volunteer_ref: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column()
    ended_at: Mapped[datetime | None] = mapped_column()
    status: Mapped[str] = mapped_column(String(20))
    counted_minutes: Mapped[int] = mapped_column(Integer)


class OfficeHourLine(_OfficeRow, Base):
    """Approved minutes and matching amount; corrections arrive as delta lines."""

    __tablename__ = "office_hour_line"

    activity_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    volunteer_ref: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))
    work_date: Mapped[date] = mapped_column(Date, index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    matching_fen: Mapped[int] = mapped_column(Integer)
    corrects_id: Mapped[uuid.UUID | None] = mapped_column()


class OfficeFeedback(_OfficeRow, Base):
    __tablename__ = "office_feedback"

    activity_id: Mapped[uuid.UUID] = mapped_column(index=True)
    people_served: Mapped[int | None] = mapped_column(Integer)
    beneficiaries: Mapped[str | None] = mapped_column(Text)
    work_done: Mapped[str | None] = mapped_column(Text)
    outcomes: Mapped[str | None] = mapped_column(Text)
    problems: Mapped[str | None] = mapped_column(Text)
    photo_count: Mapped[int] = mapped_column(Integer, default=0)
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    waived: Mapped[bool] = mapped_column(Boolean, default=False)
    waive_reason: Mapped[str | None] = mapped_column(Text)


class OfficeDonationSummary(_OfficeRow, Base):
    """Items received per month and category, as a partner reported them."""

    __tablename__ = "office_donation_summary"

    month: Mapped[str] = mapped_column(String(7))
    category: Mapped[str] = mapped_column(String(130))
    items_received: Mapped[int] = mapped_column(Integer)
    estimated_value_fen: Mapped[int] = mapped_column(Integer)
    items_sold: Mapped[int] = mapped_column(Integer)
    sold_value_fen: Mapped[int] = mapped_column(Integer)
