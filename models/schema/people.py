"""Volunteers and their signed QR badges."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.clock import utcnow
from models.schema.base import Base, IdMixin, SyncedMixin


class Volunteer(SyncedMixin, Base):
    __tablename__ = "volunteer"

    # Short alphanumeric code printed in the badge payload (e.g. V000123).
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    # Pinyin initials of the name for quick search (e.g. 张三 -> ZS).
    name_initials: Mapped[str | None] = mapped_column(String(40), index=True)
    phone: Mapped[str | None] = mapped_column(String(40), index=True)
    employer: Mapped[str | None] = mapped_column(String(200))
    employee_no: Mapped[str | None] = mapped_column(String(60))
    programme_id: Mapped[str | None] = mapped_column(String(60), index=True)
    skills: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    consent_at: Mapped[datetime | None] = mapped_column()
    consent_note: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Set when this record was merged into another; the survivor keeps history.
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("volunteer.id"))


class Badge(IdMixin, Base):
    """One issued badge; reissuing bumps ``seq`` and retires the previous one."""

    __tablename__ = "badge"
    __table_args__ = (UniqueConstraint("volunteer_id", "seq"),)

    volunteer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("volunteer.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column()
    retired_reason: Mapped[str | None] = mapped_column(String(200))
