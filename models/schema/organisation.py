"""The organisation's profile, its stores and staff, matching rates and app settings."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.clock import DEFAULT_TIME_ZONE, utcnow
from models.schema.base import Base, IdMixin, SyncedMixin


class Organisation(SyncedMixin, Base):
    """This desk's organisation (one row). Holds the badge secret and signing keys."""

    __tablename__ = "organisation"

    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    time_zone: Mapped[str] = mapped_column(String(64), default=DEFAULT_TIME_ZONE)
    contact_person: Mapped[str | None] = mapped_column(String(100))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(300))
    # 32 random bytes: HMAC key of volunteer badges.
    badge_secret: Mapped[bytes] = mapped_column(LargeBinary(64))
    # Ed25519 key pair (raw 32-byte encodings) that signs sync bundles.
    signing_private_key: Mapped[bytes] = mapped_column(LargeBinary(64))
    signing_public_key: Mapped[bytes] = mapped_column(LargeBinary(64))
    # Organisation seal image (PNG bytes) printed on certificates, if set.
    seal_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    # PBKDF2 hash of the staff PIN that locks the kiosk and approvals.
    staff_pin_hash: Mapped[str | None] = mapped_column(String(200))


class MatchingRate(IdMixin, Base):
    """Sponsor's matching donation per approved hour, in force from a date on."""

    __tablename__ = "matching_rate"

    effective_from: Mapped[date] = mapped_column(Date, unique=True)
    fen_per_hour: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Store(SyncedMixin, Base):
    """A shop or site of the organisation; its code starts every item code."""

    __tablename__ = "store"

    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Staff(SyncedMixin, Base):
    """A member of staff; named on every event, approval and audit row."""

    __tablename__ = "staff"

    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str | None] = mapped_column(String(50))
    store_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("store.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AppSetting(Base):
    """Organisation-wide settings (hour rules, kiosk options...), one JSON value per key.

    The keys, types and defaults are declared in ``models.settings``.
    """

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class AuditEntry(IdMixin, Base):
    """Who did what, when, with the values before and after."""

    __tablename__ = "audit_log"

    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    staff_name: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60), index=True)
    entity: Mapped[str] = mapped_column(String(60), index=True)
    entity_id: Mapped[str | None] = mapped_column(String(64), index=True)
    before: Mapped[Any | None] = mapped_column(JSON)
    after: Mapped[Any | None] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)
