"""Items and the events that led to their status, made as plain tuples for speed."""

from __future__ import annotations

import random
from collections.abc import Sequence

from models.demo.data import (
    CATEGORY_GOODS,
    COLOURS,
    CORPORATE_GRADES,
    DAY,
    DISCARD_NOTES,
    GRADE_FACTOR,
    HOUR,
    PASSED_ON_TO,
    PERSONAL_GRADES,
    RECYCLE_NOTES,
    SELL_CHANCE,
    SELL_MEAN_SECONDS,
)
from models.demo.generator import Context
from models.demo.writer import Codec, Ids
from models.schema.enums import ItemEventKind, ItemStatus

# Column order of the item and item_event rows, which are made as tuples for speed.
ITEM_KEYS = (
    "id",
    "code",
    "batch_id",
    "category_id",
    "description",
    "grade",
    "quantity",
    "unit_value_fen",
    "status",
    "store_id",
    "sold_price_fen",
    "received_at",
    "labelled_at",
    "version",
    "created_at",
    "updated_at",
)
EVENT_KEYS = (
    "id",
    "item_id",
    "kind",
    "at",
    "staff_id",
    "store_id",
    "to_store_id",
    "price_fen",
    "recipient",
    "note",
)


def _weighted(rng: random.Random, choices: Sequence[tuple[str, float]]) -> str:
    pick = rng.random()
    for value, weight in choices:
        pick -= weight
        if pick < 0:
            return value
    return choices[-1][0]


class ItemRows:
    """The rows of items and of their events, held until the next batch is written."""

    def __init__(self, context: Context, codec: Codec, rng: random.Random, new_id: Ids) -> None:
        self.context = context
        self.codec = codec
        self.rng = rng
        self.new_id = new_id
        self.other_stores = {
            store_id: [s[0] for s in context.stores if s[0] != store_id]
            for store_id, _code, _name in context.stores
        }
        self.goods = {leaf_id: self._goods(name) for leaf_id, name, _top in context.leaves}
        self.clear()

    def clear(self) -> None:
        self.items: list[tuple[object, ...]] = []  # ITEM_KEYS
        self.events: list[tuple[object, ...]] = []  # EVENT_KEYS

    @staticmethod
    def _goods(leaf_name: str) -> tuple[list[str], int]:
        """Descriptions for a leaf category and the value of a grade-A piece."""
        nouns, sizes, value = CATEGORY_GOODS.get(leaf_name, ((leaf_name,), (), 2000))
        colours = COLOURS if sizes else ("",)
        described = [
            f"{colour}{noun} {size}".strip()
            for noun in nouns
            for colour in colours
            for size in sizes or ("",)
        ]
        return described, value

    def add(
        self,
        leaf: int,
        code: str,
        batch_id: int,
        store_id: int,
        received: int,
        corporate: bool,
        staff_id: int | None,
    ) -> None:
        """One item and the events that led to its status, all before today."""
        rng, bound, new_id = self.rng, self.context.bound, self.new_id
        rand = rng.random  # randint() is slow and this runs millions of times
        uid, ts = self.codec.uid, self.codec.ts
        item_uid = uid(new_id())
        grade = _weighted(rng, CORPORATE_GRADES if corporate else PERSONAL_GRADES)
        descriptions, base_value = self.goods[leaf]
        description = descriptions[int(rand() * len(descriptions))]
        quantity = 1
        if corporate and rand() < 0.25:
            quantity = 5 + int(rand() * 26)
            description = f"全新{description}"
            grade = "A"
        elif rand() < 0.04:
            quantity = 2 + int(rand() * 2)
        unit_value = int(base_value * GRADE_FACTOR[grade] * (0.6 + rand()) / 100) * 100
        staff = None if staff_id is None else uid(staff_id)
        store_uid = uid(store_id)
        events = self.events

        def event(
            kind: ItemEventKind,
            at: int,
            to_store: object = None,
            price: int | None = None,
            recipient: str | None = None,
            note: str | None = None,
        ) -> None:
            events.append(
                (
                    uid(new_id()),
                    item_uid,
                    kind.value,
                    ts(at),
                    staff,
                    store_uid,
                    to_store,
                    price,
                    recipient,
                    note,
                )
            )

        status = ItemStatus.RECEIVED
        sold_price: int | None = None
        event(ItemEventKind.RECEIVED, received)
        last = received
        labelled: int | None = None
        if rand() < 0.9:  # the rest never had a label printed
            labelled = received + (
                600 + int(rand() * 4 * HOUR) if corporate else 5 + int(rand() * 300)
            )
            if labelled >= bound:
                labelled = None
        t = received + HOUR + int(rand() * (20 if corporate else 3) * DAY)
        if labelled is not None:
            t = max(t, labelled + 60)
        if t < bound:
            status = ItemStatus.SORTED
            event(ItemEventKind.SORTED, t, note=f"等级 {grade}")
            last = t
            roll = rand()
            if grade == "X":
                t += HOUR + int(rand() * 14 * DAY)
                if t < bound:
                    last = t
                    if roll < 0.5:
                        status = ItemStatus.RECYCLED
                        event(ItemEventKind.RECYCLED, t, note=rng.choice(RECYCLE_NOTES))
                    elif roll < 0.85:
                        status = ItemStatus.DISCARDED
                        event(ItemEventKind.DISCARDED, t, note=rng.choice(DISCARD_NOTES))
                    else:
                        status = ItemStatus.PASSED_ON
                        event(ItemEventKind.PASSED_ON, t, recipient=rng.choice(PASSED_ON_TO))
            elif roll < (0.35 if grade == "C" else 0.05):
                t += DAY + int(rand() * 19 * DAY)
                if t < bound:
                    last = t
                    status = ItemStatus.PASSED_ON
                    event(ItemEventKind.PASSED_ON, t, recipient=rng.choice(PASSED_ON_TO))
            else:
                others = self.other_stores[store_id]
                if others and rand() < 0.04:
                    t += 2 * HOUR + int(rand() * 3 * DAY)
                    if t < bound:
                        last, store_id = t, rng.choice(others)
                        event(ItemEventKind.TRANSFERRED, t, to_store=uid(store_id))
                        store_uid = uid(store_id)
                t += HOUR + int(rand() * 5 * DAY)
                if t < bound:
                    last = shelved = t
                    status = ItemStatus.ON_SHELF
                    event(ItemEventKind.SHELVED, t)
                    if rand() < SELL_CHANCE[grade]:
                        t += int(rng.expovariate(1 / SELL_MEAN_SECONDS[grade])) + 600
                        if t < bound:
                            last = t
                            status = ItemStatus.SOLD
                            share = 0.7 + 0.3 * rand()
                            sold_price = max(100, int(unit_value * quantity * share / 100) * 100)
                            event(ItemEventKind.SOLD, t, price=sold_price)
                    elif rand() < 0.5:
                        t = shelved + 100 * DAY + int(rand() * 40 * DAY)
                        if t < bound:
                            last = t
                            status = ItemStatus.PASSED_ON
                            recipient = rng.choice(PASSED_ON_TO)
                            event(
                                ItemEventKind.PASSED_ON,
                                t,
                                None,
                                None,
                                recipient,
                                "久未售出，下架转赠",
                            )
        received_at = ts(received)
        self.items.append(
            (
                item_uid,
                code,
                uid(batch_id),
                uid(leaf),
                description,
                grade,
                quantity,
                unit_value,
                status.value,
                store_uid,
                sold_price,
                received_at,
                None if labelled is None else ts(labelled),
                1,  # version
                received_at,  # created_at
                ts(max(last, labelled or last)),  # updated_at: the last event
            )
        )
