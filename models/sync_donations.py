"""What an export says about donations: items received by category in the period, and
the donation summary lines (month × category) whose figures changed.

Summary lines are derived, not edited: a line's id comes from the organisation, the
month and the category path (``models.bundle_spec.summary_row_id``) and its version
grows each time its figures change.  The figures last exported are kept in the
export's ``sync_log`` summary (``DonationState``), so the next export sends only the
lines that changed — a line whose items all moved to another category is sent once
more with zeros.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.bundle_spec import summary_row_id
from models.intake_stats import Dimension, intake_stats
from models.schema import Item, ItemCategory
from models.sync_tables import Row, Window

# ----------------------------------------------------------------------------- items


@dataclass(frozen=True)
class CategoryCount:
    category: str
    items: int  # pieces (quantities added up)


def items_by_category(session: Session, window: Window) -> tuple[CategoryCount, ...]:
    """Items received in ``window`` by top-level category, most first."""
    # Summed per leaf category in SQL (no join per item), then per top-level one.
    received = [window.changed(Item.received_at)]
    if window.since is None:
        # With a lower bound too, SQLite reads the items by their time of receipt
        # instead of all of them in category order (a third faster on a year).
        first = session.scalar(select(func.min(Item.received_at)))
        if first is None:
            return ()
        received.append(Item.received_at >= first)
    query = (
        select(Item.category_id, func.coalesce(func.sum(Item.quantity), 0))
        .where(*received)
        .group_by(Item.category_id)
    )
    leaves = {key: int(total) for key, total in session.execute(query)}
    known = select(ItemCategory.id, ItemCategory.parent_id).where(ItemCategory.id.in_(leaves))
    parents = {key: parent for key, parent in session.execute(known)}
    found: dict[uuid.UUID, int] = {}
    for leaf, total in leaves.items():
        if leaf in parents:  # as the join with the categories did: known categories only
            top = parents[leaf] or leaf
            found[top] = found.get(top, 0) + total
    named = select(ItemCategory.id, ItemCategory.name).where(ItemCategory.id.in_(found))
    names = {key: name for key, name in session.execute(named)}
    counts = [CategoryCount(names.get(key, "?"), total) for key, total in found.items() if total]
    counts.sort(key=lambda c: (-c.items, c.category))
    return tuple(counts)


# ----------------------------------------------------------------------------- donations

Figures = tuple[int, int, int, int]  # items received, estimated fen, items sold, sold fen


def _months(first: date, last: date) -> Iterator[tuple[date, date]]:
    month = first.replace(day=1)
    while month <= last:
        following = (
            date(month.year + 1, 1, 1)
            if month.month == 12
            else date(month.year, month.month + 1, 1)
        )
        yield month, date.fromordinal(following.toordinal() - 1)
        month = following


def donation_figures(
    session: Session, zone: ZoneInfo, since: datetime | None = None
) -> tuple[dict[tuple[str, str], Figures], set[str] | None]:
    """Now: (YYYY-MM, category path) → figures, and the months they cover (None: all).

    With ``since``, only the months of the items changed after it (items are never
    deleted and keep their day of receipt, so other months cannot have changed);
    every month when a category was renamed or moved (its path is in the lines).
    """
    changed: list[Any] = []
    months: set[str] | None = None
    if since is not None:
        renamed = session.scalar(
            select(ItemCategory.id).where(ItemCategory.updated_at > since).limit(1)
        )
        if renamed is None:
            changed.append(Item.updated_at > since)
            months = set()
    # Two queries: alone, each of min and max is one step down the index.
    first = session.scalar(select(func.min(Item.received_at)).where(*changed))
    last = session.scalar(select(func.max(Item.received_at)).where(*changed))
    figures: dict[tuple[str, str], Figures] = {}
    if first is None or last is None:
        return figures, months
    for start, end in _months(first.astimezone(zone).date(), last.astimezone(zone).date()):
        key = f"{start.year:04d}-{start.month:02d}"
        if months is not None:
            months.add(key)
        table = intake_stats(
            session, Dimension.SUBCATEGORY, date_from=start, date_to=end, time_zone=zone.key
        )
        for row in table.rows:
            label = row.label[:130]
            old = figures.get((key, label), (0, 0, 0, 0))
            figures[(key, label)] = (
                old[0] + row.quantity,
                old[1] + row.estimated_fen,
                old[2] + row.sold_items,
                old[3] + row.realised_fen,
            )
    return figures, months


@dataclass
class DonationState:
    """The donation summary lines last exported: id → (month, category, version, figures).

    Kept in the export's sync_log summary; the next export sends only the lines
    whose figures changed, each with its version one higher.
    """

    lines: dict[str, tuple[str, str, int, Figures]] = field(default_factory=dict)

    @classmethod
    def of(cls, stored: Any) -> DonationState:
        lines: dict[str, tuple[str, str, int, Figures]] = {}
        if isinstance(stored, Mapping):
            for key, value in stored.items():
                if isinstance(value, list) and len(value) == 7:
                    month, category, version, *numbers = value
                    figures = (int(numbers[0]), int(numbers[1]), int(numbers[2]), int(numbers[3]))
                    lines[str(key)] = (str(month), str(category), int(version), figures)
        return cls(lines)

    def stored(self) -> dict[str, list[Any]]:
        return {
            key: [month, category, version, *figures]
            for key, (month, category, version, figures) in sorted(self.lines.items())
        }

    def changes(
        self,
        org_code: str,
        figures: Mapping[tuple[str, str], Figures],
        at: datetime,
        months: set[str] | None = None,
    ) -> tuple[list[Row], DonationState]:
        """The rows to send (in month, category order) and the state after sending them.

        ``figures`` cover ``months`` (None: every month); lines of other months stay.
        """
        after = dict(self.lines)
        now = dict(figures)
        for month, category, _version, _old in self.lines.values():
            if months is None or month in months:
                # A line whose items all moved to another category now counts nothing.
                now.setdefault((month, category), (0, 0, 0, 0))
        rows: list[Row] = []
        for (month, category), values in sorted(now.items()):
            key = str(summary_row_id(org_code, month, category))
            old = self.lines.get(key)
            if old is not None and old[3] == values:
                continue
            version = 1 if old is None else old[2] + 1
            after[key] = (month, category, version, values)
            rows.append((uuid.UUID(key), version, at, month, category, *values))
        return rows, DonationState(after)
