"""Donors, donation batches, items with their events, and code sequences, written
chunk by chunk: each chunk one transaction, in batches (see the package docstring)."""

from __future__ import annotations

import uuid
from bisect import bisect
from collections import deque
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import accumulate
from math import ceil

from sqlalchemy import and_, func, insert, select, update
from sqlalchemy.orm import Session

from models.demo.data import CORPORATE_DONORS, CORPORATE_LEAVES, DAY, HOUR, TOP_WEIGHTS
from models.demo.generator import Context, Generator, Row
from models.demo.item_rows import EVENT_KEYS, ITEM_KEYS, ItemRows
from models.demo.people import mobile, person_name
from models.demo.writer import Ids, SearchIndex
from models.errors import N_, UserError
from models.schema import CodeSequence, DonationBatch, Donor, Item, ItemEvent
from models.schema.enums import DonorKind, IntakeChannel

MAX_ITEM_SEQ = 999_999


class ItemMaker:
    """Donors, batches, items with their events, and code sequences, chunk by chunk."""

    def __init__(self, generator: Generator, context: Context, *, chunk: int, batch: int) -> None:
        self.g = generator
        self.context = context
        self.codec = generator.codec
        self.rng = generator.rng("items")
        self.new_id = Ids(self.rng)
        self.item_rows = ItemRows(context, self.codec, self.rng, self.new_id)
        self.chunk = chunk  # items per transaction...
        self.batch = batch  # ...written in batches of this many
        everyone = [s[0] for s in context.staff]
        self.staff_by_store = {
            store_id: [s[0] for s in context.staff if s[2] == store_id] or everyone
            for store_id, _code, _name in context.stores
        }
        # The flagship (first store) takes in most, the last one least.
        self.store_cum = tuple(accumulate(1 / (1 + i / 2) for i in range(len(context.stores))))
        # A year of intake; more for millions of items, so that the busiest store's
        # codes of one year stay within six digits (S01-26-999999).
        busiest = self.store_cum[0] / self.store_cum[-1]
        self.years = max(1, ceil(generator.sizes.items * busiest * 1.25 / MAX_ITEM_SEQ))
        self.leaf_ids = [leaf[0] for leaf in context.leaves]
        self.leaf_cum = tuple(
            accumulate(TOP_WEIGHTS.get(top, 0.5) for _i, _n, top in context.leaves)
        )
        by_name = {name: leaf_id for leaf_id, name, _top in context.leaves}
        self.corporate_leaves = [by_name[n] for n in CORPORATE_LEAVES if n in by_name]
        self.corporate_leaves = self.corporate_leaves or self.leaf_ids
        self.seq: dict[tuple[int, int], int] = {}  # (store, year) -> next sequence
        self.seq_rows: set[tuple[int, int]] = set()  # keys with a code_sequence row
        self.receipts: dict[tuple[str, int], int] = {}  # (store code, year) -> last number
        self.recent_donors: deque[int] = deque(maxlen=5000)
        self.corporate_donors: list[int] = []
        self.anonymous_donors: dict[int, int] = {}
        self._reset()

    def _reset(self) -> None:
        self.donors: list[Row] = []
        self.batches: list[Row] = []
        self.item_rows.clear()
        self.buffered = 0

    # ------------------------------------------------------------- set-up

    def _load_numbering(self) -> None:
        """Continue after any codes and receipt numbers the database already holds."""
        first = self.context.today - timedelta(days=365 * self.years)
        years = range(first.year, self.context.today.year + 1)
        with self.g.database.reading() as session:
            for row in session.execute(select(CodeSequence)).scalars():
                key = (row.store_id.int, row.year)
                self.seq[key] = row.next_value
                self.seq_rows.add(key)
            for store_id, code, _name in self.context.stores:
                for year in years:
                    prefix = f"{code}-{year % 100:02d}-"
                    last = session.scalar(
                        select(func.max(Item.code)).where(
                            and_(Item.code >= prefix, Item.code < prefix + "~")
                        )
                    )
                    if last and last[len(prefix) :].isdigit():
                        key = (store_id, year)
                        self.seq[key] = max(self.seq.get(key, 1), int(last[len(prefix) :]) + 1)
                    prefix = f"R-{code}-{year}-"
                    last = session.scalar(
                        select(func.max(DonationBatch.receipt_no)).where(
                            and_(
                                DonationBatch.receipt_no >= prefix,
                                DonationBatch.receipt_no < prefix + "~",
                            )
                        )
                    )
                    if last and last[len(prefix) :].isdigit():
                        self.receipts[(code, year)] = int(last[len(prefix) :])

    def _fixed_donors(self) -> None:
        """The corporate donors, and one anonymous donation box per store."""
        rng = self.rng
        created = self.context.bound - 400 * DAY
        for name, address in CORPORATE_DONORS:
            donor = self.new_id()
            self.corporate_donors.append(donor)
            phone = f"021-{rng.randrange(50_000_000, 70_000_000)}"
            self.donors.append(
                self._donor_row(
                    donor, DonorKind.CORPORATE, name, phone, address, "企业批量捐赠", created
                )
            )
        for store_id, _code, store_name in self.context.stores:
            donor = self.new_id()
            self.anonymous_donors[store_id] = donor
            note = f"{store_name}门口捐赠箱"
            self.donors.append(
                self._donor_row(donor, DonorKind.ANONYMOUS, "匿名捐赠者", None, None, note, created)
            )

    def _donor_row(
        self,
        donor: int,
        kind: DonorKind,
        name: str,
        phone: str | None,
        address: str | None,
        notes: str | None,
        created: int,
    ) -> Row:
        codec = self.codec
        return {
            "id": codec.uid(donor),
            "kind": kind.value,
            "name": name,
            "phone": phone,
            "email": None,
            "address": address,
            "notes": notes,
            "version": 1,
            "created_at": codec.ts(created),
            "updated_at": codec.ts(created),
        }

    # ------------------------------------------------------------- main loop

    def run(self) -> None:
        """Chunks of ``chunk`` items, each one transaction written ``batch`` items at a time."""
        self._load_numbering()
        self._fixed_donors()
        donations = self._donations()
        more = True
        while more:
            more = False
            touched: set[tuple[int, int]] = set()
            with self.g.database.transaction() as session:
                search = SearchIndex.pause(session) if self.codec.fast else None
                in_chunk = 0
                for size, key in donations:
                    touched.add(key)
                    in_chunk += size
                    if self.buffered >= self.batch:
                        self._write(session, search)
                    if in_chunk >= self.chunk:
                        more = True
                        break
                self._write(session, search)
                self._advance_sequences(session, touched)
                if search is not None:
                    search.resume()

    def _donations(self) -> Iterator[tuple[int, tuple[int, int]]]:
        """Intake up to yesterday, busier at weekends and in spring.

        Yields each donation's item count and its (store, year) code sequence.
        """
        total = self.g.sizes.items
        days = 365 * self.years
        first = self.context.today - timedelta(days=days)
        weights = []
        for k in range(days):
            day = first + timedelta(days=k)
            weight = 1.7 if day.weekday() >= 5 else 1.0
            if day.month in (3, 4, 9):  # spring cleaning, change of season
                weight *= 1.3
            weights.append(weight)
        scale = total / sum(weights)
        made = 0
        cumulative = 0.0
        for k, weight in enumerate(weights):
            cumulative += weight * scale
            target = total if k == days - 1 else min(total, round(cumulative))
            while made < target:
                size, key = self._batch(first + timedelta(days=k), total - made)
                made += size
                yield size, key

    def _batch(self, day: date, room: int) -> tuple[int, tuple[int, int]]:
        """One donation (one receipt) and its items: their count and code sequence."""
        rng, context, codec = self.rng, self.context, self.codec
        store_id, store_code, _name = rng.choices(context.stores, cum_weights=self.store_cum)[0]
        start = context.local_epoch(day, 10) + rng.randrange(0, 8 * HOUR + 1800)
        corporate = rng.random() < 0.06
        import_source = None
        donor: int | None
        if corporate:
            size = rng.randint(40, 300)
            donor = rng.choice(self.corporate_donors)
            channel = IntakeChannel.CORPORATE_DELIVERY
            if rng.random() < 0.4:
                channel = IntakeChannel.IMPORT
                import_source = f"捐赠清单_{day:%Y%m%d}.xlsx"
            pace = (5, 40)  # seconds between items at the desk
        else:
            size = min(int(rng.expovariate(1 / 3.5)) + 1, 25)
            roll = rng.random()
            channel = (
                IntakeChannel.WALK_IN
                if roll < 0.7
                else (IntakeChannel.COURIER if roll < 0.9 else IntakeChannel.PICKUP)
            )
            donor = self._personal_donor(store_id, start)
            pace = (30, 120)
        size = min(size, room)
        year = day.year
        receipt = self.receipts.get((store_code, year), 0) + 1
        self.receipts[(store_code, year)] = receipt
        staff = self.staff_by_store[store_id]
        staff_id = rng.choice(staff) if staff else None
        batch_id = self.new_id()
        self.batches.append(
            {
                "id": codec.uid(batch_id),
                "receipt_no": f"R-{store_code}-{year}-{receipt:06d}",
                "donor_id": None if donor is None else codec.uid(donor),
                "store_id": codec.uid(store_id),
                "received_on": codec.day(day),
                "channel": channel.value,
                "notes": None,
                "staff_id": None if staff_id is None else codec.uid(staff_id),
                "import_source": import_source,
                "version": 1,
                "created_at": codec.ts(start),
                "updated_at": codec.ts(start),
            }
        )
        key = (store_id, year)
        seq = self.seq.get(key, 1)
        if seq + size - 1 > MAX_ITEM_SEQ:
            raise UserError(
                N_("Too many items for store {store} in {year}; ask for fewer demo items."),
                store=store_code,
                year=year,
            )
        self.seq[key] = seq + size
        prefix = f"{store_code}-{year % 100:02d}-"
        themes = rng.sample(self.corporate_leaves, min(2, len(self.corporate_leaves)))
        at = start
        rand, leaf_ids, leaf_cum = rng.random, self.leaf_ids, self.leaf_cum
        add_item = self.item_rows.add
        for n in range(size):
            at += pace[0] + int(rand() * (pace[1] - pace[0]))
            if corporate:
                leaf = themes[-1] if rand() < 0.3 else themes[0]
            else:
                leaf = leaf_ids[bisect(leaf_cum, rand() * leaf_cum[-1])]
            add_item(leaf, f"{prefix}{seq + n:06d}", batch_id, store_id, at, corporate, staff_id)
        self.buffered += size
        return size, key

    def _personal_donor(self, store_id: int, at: int) -> int | None:
        """A new or returning individual, the store's donation box, or nobody named."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.08:
            return self.anonymous_donors[store_id]
        if roll < 0.1:
            return None
        if roll < 0.3 and self.recent_donors:
            return rng.choice(self.recent_donors)
        donor = self.new_id()
        name, _initials = person_name(rng)
        phone = mobile(rng) if rng.random() < 0.85 else None
        self.donors.append(
            self._donor_row(donor, DonorKind.INDIVIDUAL, name, phone, None, None, at)
        )
        self.recent_donors.append(donor)
        return donor

    def _write(self, session: Session, search: SearchIndex | None) -> None:
        """Write what is buffered (inside the chunk's transaction) and report progress."""
        writer = self.g.writer
        writer.insert(session, Donor, self.donors)
        writer.insert(session, DonationBatch, self.batches)
        writer.insert_tuples(session, Item, ITEM_KEYS, self.item_rows.items)
        if search is not None:
            search.index_new_items()
        writer.insert_tuples(session, ItemEvent, EVENT_KEYS, self.item_rows.events)
        units = self.buffered
        self._reset()
        self.g.tick(units)

    def _advance_sequences(self, session: Session, touched: set[tuple[int, int]]) -> None:
        """Move the code sequences past the codes used, in the same transaction."""
        for key in sorted(touched):
            store_id, year = uuid.UUID(int=key[0]), key[1]
            if key in self.seq_rows:
                session.execute(
                    update(CodeSequence)
                    .where(CodeSequence.store_id == store_id, CodeSequence.year == year)
                    .values(next_value=self.seq[key])
                )
            else:
                session.execute(
                    insert(CodeSequence).values(
                        store_id=store_id, year=year, next_value=self.seq[key]
                    )
                )
                self.seq_rows.add(key)
                self.g.writer.counts["code_sequence"] += 1
