"""Donors, donation batches, item categories, items and their append-only events."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.clock import utcnow
from models.schema.base import Base, IdMixin, SyncedMixin, str_enum
from models.schema.enums import DonorKind, Grade, IntakeChannel, ItemEventKind, ItemStatus


class Donor(SyncedMixin, Base):
    __tablename__ = "donor"

    kind: Mapped[DonorKind] = mapped_column(str_enum(DonorKind), default=DonorKind.INDIVIDUAL)
    name: Mapped[str] = mapped_column(String(200), index=True)
    phone: Mapped[str | None] = mapped_column(String(40), index=True)
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)


class DonationBatch(SyncedMixin, Base):
    """Everything one donor handed over at once; one receipt."""

    __tablename__ = "donation_batch"

    receipt_no: Mapped[str] = mapped_column(String(32), unique=True)
    donor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("donor.id"), index=True)
    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("store.id"))
    received_on: Mapped[date] = mapped_column(Date, index=True)
    channel: Mapped[IntakeChannel] = mapped_column(
        str_enum(IntakeChannel), default=IntakeChannel.WALK_IN
    )
    notes: Mapped[str | None] = mapped_column(Text)
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    # Source file of a bulk import, for the record.
    import_source: Mapped[str | None] = mapped_column(String(300))


class ItemCategory(SyncedMixin, Base):
    """Two-level category tree (e.g. 服装 › 外套)."""

    __tablename__ = "item_category"
    __table_args__ = (UniqueConstraint("parent_id", "name"),)

    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("item_category.id"))
    name: Mapped[str] = mapped_column(String(60))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    parent: Mapped[ItemCategory | None] = relationship(remote_side="ItemCategory.id")


class CodeSequence(Base):
    """Next item sequence number per store and year.

    Allocated inside the writing transaction (which holds SQLite's write lock,
    or a row lock on PostgreSQL), so two desks on one database never share a code.
    """

    __tablename__ = "code_sequence"

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("store.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    next_value: Mapped[int] = mapped_column(Integer, default=1)


class Item(SyncedMixin, Base):
    """One donated item (or a line of identical items) with its printed code.

    ``status``, ``store_id`` and ``sold_price_fen`` are a cache of the item's
    events, updated in the same transaction that appends an event.
    """

    __tablename__ = "item"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("unit_value_fen >= 0", name="value_not_negative"),
        Index("ix_item_status_store", "status", "store_id"),
    )

    code: Mapped[str] = mapped_column(String(24), unique=True)
    batch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("donation_batch.id"), index=True)
    category_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("item_category.id"), index=True)
    description: Mapped[str] = mapped_column(String(300), default="")
    grade: Mapped[Grade] = mapped_column(str_enum(Grade, 2), index=True)
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    unit_value_fen: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[ItemStatus] = mapped_column(str_enum(ItemStatus), default=ItemStatus.RECEIVED)
    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("store.id"), index=True)
    sold_price_fen: Mapped[int | None] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    labelled_at: Mapped[datetime | None] = mapped_column()


class ItemEvent(IdMixin, Base):
    """Append-only: what happened to an item, where, when and by whom."""

    __tablename__ = "item_event"
    __table_args__ = (Index("ix_item_event_item_at", "item_id", "at"),)

    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("item.id"))
    kind: Mapped[ItemEventKind] = mapped_column(str_enum(ItemEventKind))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("store.id"))
    to_store_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("store.id"))
    price_fen: Mapped[int | None] = mapped_column(Integer)
    recipient: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)


class ItemPhoto(IdMixin, Base):
    """A photo of an item; files live in the data folder, thumbnails made by Pillow."""

    __tablename__ = "item_photo"

    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("item.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(200))
    thumb_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
