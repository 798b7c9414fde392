"""Realistic Chinese sample data for a charity-shop and volunteering NGO.

``generate`` fills a migrated database (set up or still empty) with donors,
donation batches, items and their events, volunteers and badges, and activities
with rosters, scans, attendance sessions, hours and feedback.  The same seed
gives the same data.

It is built for millions of items.  Rows are made as plain tuples and dicts
(no ORM objects) and written with Core-compiled inserts.  Each chunk of
ITEM_CHUNK items is one transaction, written ITEM_BATCH items at a time so memory
stays flat; progress is reported after every batch, and a ``Cancelled`` raised
there rolls back the chunk in progress, so only whole chunks remain.

Three things keep SQLite fast at that size (3.5 million items in minutes):

* Ids are random version-4 UUIDs whose leading 48 bits count up within a run,
  so every index on an id grows at its right-hand edge instead of having pages
  all over it rewritten at each commit.
* On SQLite the values are pre-encoded exactly as SQLAlchemy stores them (UUIDs
  as 32 hex digits, timestamps as naive-UTC ``YYYY-MM-DD HH:MM:SS.ffffff``) and
  go in as multi-row ``INSERT ... VALUES`` compiled by Core, skipping per-value
  type processing.  Other databases get typed values through
  ``session.execute(insert(table), rows)``.
* The item search index (FTS5, migration 0003) is filled once per batch rather
  than by its per-row trigger (see ``writer.SearchIndex``).

The package: ``data`` (the Chinese tables), ``writer`` (ids, encoding, inserts,
search index), ``generator`` (one run's shared state and the organisation's set-up),
``people`` (volunteers, badges, names), ``item_rows`` and ``inventory`` (items and
their events; donors, batches, the chunked loop), ``activity_rows`` and
``activities`` (activities with rosters, scans, sessions, hours and feedback).
"""

from __future__ import annotations

from datetime import date

from models import audit
from models.db import Database
from models.demo.activities import ActivityMaker
from models.demo.data import DEMO_STAFF
from models.demo.generator import DemoActivity, DemoResult, DemoSizes, Generator, Progress
from models.demo.inventory import ItemMaker
from models.demo.people import make_volunteers
from models.demo.writer import SearchIndex
from models.errors import N_, UserError

__all__ = [
    "ITEM_BATCH",
    "ITEM_CHUNK",
    "DemoActivity",
    "DemoResult",
    "DemoSizes",
    "Progress",
    "generate",
]

# Rows per transaction: big enough to amortise a commit, small enough for flat memory.
# Read at each run, so a test may make them smaller.
ITEM_CHUNK = 50_000  # one transaction...
ITEM_BATCH = 5_000  # ...written in batches of this many items, so memory stays small

_SearchIndex = SearchIndex  # for the test that checks the search trigger is recognised


def generate(
    database: Database,
    sizes: DemoSizes = DemoSizes(),  # noqa: B008 (frozen: safe to share)
    *,
    seed: int = 2026,
    progress: Progress | None = None,
    today: date | None = None,
) -> DemoResult:
    """Fill ``database`` with sample data, setting the organisation up first if needed.

    ``progress(done, total)`` counts items, volunteers and activities; it may raise
    ``Cancelled``, which propagates: chunks already committed stay, the chunk in
    progress is rolled back (each chunk is one transaction, whole or absent).
    ``today`` pins the calendar for reproducible runs ("now" is then 14:00 local
    that day); by default it is the organisation's local date.
    """
    return _run(
        database, sizes, seed, progress, today, fast=database.engine.dialect.name == "sqlite"
    )


def _run(
    database: Database,
    sizes: DemoSizes,
    seed: int,
    progress: Progress | None,
    today: date | None,
    *,
    fast: bool,
) -> DemoResult:
    for name in ("items", "volunteers", "activities"):
        if getattr(sizes, name) < 0:
            raise UserError(N_("--{name} cannot be negative."), name=name)
    generator = Generator(database, sizes, seed, progress, fast=fast)
    generator.tick()
    context = generator.prepare(today)
    pool = make_volunteers(generator, context)
    if sizes.items:
        ItemMaker(generator, context, chunk=ITEM_CHUNK, batch=ITEM_BATCH).run()
    if sizes.activities:
        ActivityMaker(generator, context, pool).run()
    counts = dict(generator.writer.counts)
    with database.transaction() as session:
        audit.record(
            session,
            staff=DEMO_STAFF,
            action="demo.generated",
            entity="database",
            after={
                "seed": seed,
                "today": context.today,
                "sizes": {
                    "items": sizes.items,
                    "volunteers": sizes.volunteers,
                    "activities": sizes.activities,
                },
                "counts": counts,
            },
        )
    generator.tick()
    return DemoResult(counts, tuple(generator.activities))
