"""One run's shared state: its sizes and results, what it learned about the
organisation it fills (setting it up first if need be), progress and writing."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from models import categories, organisation
from models.clock import utcnow
from models.db import Database
from models.demo.data import DEMO_SETUP, DEMO_STORE_STAFF
from models.demo.writer import Codec, Writer
from models.errors import N_, UserError
from models.schema import Organisation, Staff

Progress = Callable[[int, int], None]
Row = dict[str, object]


@dataclass(frozen=True)
class DemoSizes:
    items: int = 3000
    volunteers: int = 200
    activities: int = 24


@dataclass(frozen=True)
class DemoActivity:
    id: uuid.UUID
    title: str
    state: str  # an ActivityState value


@dataclass(frozen=True)
class DemoResult:
    counts: dict[str, int]  # rows created per table name
    activities: tuple[DemoActivity, ...]


@dataclass
class Context:
    """What the generator learned about the organisation it fills."""

    zone: ZoneInfo
    org_code: str
    badge_secret: bytes
    stores: list[tuple[int, str, str]]  # id, code, name
    leaves: list[tuple[int, str, str]]  # id, leaf name, top-level name
    staff: list[tuple[int, str, int | None]]  # id, name, store id
    today: date
    now: int  # epoch seconds
    bound: int  # start of today (local): items and past activities end before it

    def local_epoch(self, day: date, hour: int = 0, minute: int = 0) -> int:
        return int(datetime.combine(day, time(hour, minute), tzinfo=self.zone).timestamp())

    def local_date(self, seconds: int) -> date:
        return datetime.fromtimestamp(seconds, self.zone).date()


class Generator:
    """Shared state of one run: the database, the writer, progress and results."""

    def __init__(
        self,
        database: Database,
        sizes: DemoSizes,
        seed: int,
        progress: Progress | None,
        *,
        fast: bool,
    ) -> None:
        self.database = database
        self.sizes = sizes
        self.seed = seed
        self.progress = progress
        self.codec = Codec(fast)
        self.writer = Writer(fast)
        self.total = sizes.items + sizes.volunteers + sizes.activities
        self.done = 0
        self.activities: list[DemoActivity] = []

    def rng(self, phase: str) -> random.Random:
        """An independent stream per phase: more volunteers leave the items unchanged."""
        return random.Random(f"partner-desk-demo:{self.seed}:{phase}")

    def tick(self, units: int = 0) -> None:
        self.done += units
        if self.progress is not None:
            self.progress(self.done, self.total)

    def write(self, tables: Sequence[tuple[Any, Sequence[Row]]]) -> None:
        """One chunk, one transaction."""
        with self.database.transaction() as session:
            for mapped, rows in tables:
                self.writer.insert(session, mapped, rows)

    # ----------------------------------------------------------------- set-up

    def prepare(self, today: date | None) -> Context:
        counts = self.writer.counts
        with self.database.transaction() as session:
            if not organisation.is_set_up(session):
                result = organisation.set_up(session, DEMO_SETUP)
                counts["organisation"] += 1
                counts["matching_rate"] += 1
                counts["store"] += len(result.store_ids)
                counts["item_category"] += result.categories_created
                counts["staff"] += 1
                for store_id, name in zip(result.store_ids, DEMO_STORE_STAFF, strict=False):
                    session.add(Staff(name=name, role="店长", store_id=store_id))
                    counts["staff"] += 1
            elif not categories.leaf_categories(session):
                counts["item_category"] += categories.seed_defaults(session)
            session.flush()
            org = session.execute(
                select(Organisation.code, Organisation.time_zone, Organisation.badge_secret)
            ).one()
            stores = [(sid.int, code, name) for sid, code, name in organisation.stores(session)]
            leaves = sorted(
                (
                    (node.id.int, node.name, node.path.split(" › ")[0])
                    for node in categories.leaf_categories(session)
                ),
                key=lambda leaf: (leaf[2], leaf[1], leaf[0]),
            )
            staff = sorted(
                (
                    (row.id.int, row.name, None if row.store_id is None else row.store_id.int)
                    for row in session.execute(
                        select(Staff.id, Staff.name, Staff.store_id).where(Staff.active.is_(True))
                    )
                ),
                key=lambda s: (s[1], s[0]),
            )
        if not stores:
            raise UserError(N_("Add at least one store or site."))
        if not leaves and self.sizes.items:
            raise UserError(N_("There is no active item category to file demo items under."))
        zone = ZoneInfo(org.time_zone)
        if today is None:
            now = utcnow()
            today = now.astimezone(zone).date()
        else:
            now = datetime.combine(today, time(14, 0), tzinfo=zone)
        return Context(
            zone=zone,
            org_code=org.code,
            badge_secret=bytes(org.badge_secret),
            stores=stores,
            leaves=leaves,
            staff=staff,
            today=today,
            now=int(now.timestamp()),
            bound=int(datetime.combine(today, time(0, 0), tzinfo=zone).timestamp()),
        )
