"""Convergence: whatever a partner did, exporting it in any number of pieces and
importing the pieces in any order (some twice) gives the programme office the same
totals as one export of everything at the end.

Hypothesis draws a partner's history — activities (volunteers' minutes, feedback
given or waived), approvals, corrections of approved hours, donations and sales —
with export points in between.  Desk A exports at every point, desk B (a copy of the
same set-up desk) only once at the end; office 1 imports A's bundles shuffled with
repeats, office 2 imports B's single bundle.  Both offices' dashboards (per week and
per month), donation summaries and row counts must agree, and match the desk's own
approved hours and matching amount.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from models import hours, organisation
from models.db import Database
from models.office_dashboard import dashboard
from models.office_import import import_bundles
from models.schema import (
    OfficeActivity,
    OfficeDonationSummary,
    OfficeFeedback,
    OfficeHourLine,
    OfficeSession,
    Volunteer,
)
from tests.sync_data import FIRST_DAY, STAFF, PartnerDesk, office, register, setup_request

PEOPLE = 3
MAX_BUNDLES = 9  # at most 8 export points and the final export


@dataclass(frozen=True)
class Hold:
    minutes: tuple[tuple[int, int], ...]  # (person, minutes)
    waive: bool


@dataclass(frozen=True)
class Approve:
    activity: int


@dataclass(frozen=True)
class Correct:
    activity: int
    person: int
    minutes: int


@dataclass(frozen=True)
class Donate:
    category: int
    quantity: int


@dataclass(frozen=True)
class Sell:
    index: int


@dataclass(frozen=True)
class Export:
    pass


Step = Hold | Approve | Correct | Donate | Sell | Export

holds = st.builds(
    Hold,
    st.dictionaries(
        st.integers(0, PEOPLE - 1), st.sampled_from([30, 60, 95, 180]), max_size=PEOPLE
    ).map(lambda d: tuple(sorted(d.items()))),
    st.booleans(),
)
approvals = st.builds(Approve, st.integers(0, 3))
exports = st.just(Export())
# Holding, approving and exporting come up twice as often as the rest.
steps = st.one_of(
    holds,
    holds,
    approvals,
    approvals,
    exports,
    exports,
    st.builds(
        Correct, st.integers(0, 3), st.integers(0, PEOPLE - 1), st.sampled_from([0, 45, 240])
    ),
    st.builds(Donate, st.integers(0, 5), st.integers(1, 3)),
    st.builds(Sell, st.integers(0, 9)),
)


@pytest.fixture(scope="module")
def partner_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A set-up partner desk with its volunteers, copied for each desk of each example."""
    path = tmp_path_factory.mktemp("convergence") / "partner.sqlite3"
    shutil.copy(template_db, path)
    database = Database.open(path)
    with database.transaction() as s:
        organisation.set_up(s, setup_request())
        for n in range(PEOPLE):
            s.add(Volunteer(code=f"V{n + 1:06d}", name=f"志愿者{n + 1}", phone=f"1390000{n:04d}"))
    database.close()
    return path


def _desk(template: Path, path: Path) -> PartnerDesk:
    shutil.copy(template, path)
    database = Database.open(path)
    with database.reading() as s:
        people = list(s.scalars(select(Volunteer.id).order_by(Volunteer.code)))
    return PartnerDesk(database, people)


def _apply(desk: PartnerDesk, step: Step, number: int) -> None:
    if isinstance(step, Hold):
        day = FIRST_DAY + timedelta(days=5 * number)
        desk.hold_activity(day, dict(step.minutes), waive=step.waive)
    elif isinstance(step, Approve) and desk.activities:
        desk.approve(desk.activities[step.activity % len(desk.activities)])
    elif isinstance(step, Correct) and desk.activities:
        activity = desk.activities[step.activity % len(desk.activities)]
        desk.correct(activity, step.person, step.minutes)
    elif isinstance(step, Donate):
        desk.donate(step.category, step.quantity)
    elif isinstance(step, Sell):
        desk.sell(step.index)


def _office_state(database: Database) -> dict[str, Any]:
    with database.reading() as s:
        state: dict[str, Any] = {
            grain: dashboard(s, granularity=grain) for grain in ("week", "month")
        }
        for model in (OfficeActivity, OfficeSession, OfficeHourLine, OfficeFeedback):
            state[model.__tablename__] = s.scalar(select(func.count()).select_from(model))
        state["activity_states"] = sorted(s.scalars(select(OfficeActivity.state)))
        state["summary"] = sorted(
            s.execute(
                select(
                    OfficeDonationSummary.id,
                    OfficeDonationSummary.month,
                    OfficeDonationSummary.category,
                    OfficeDonationSummary.items_received,
                    OfficeDonationSummary.estimated_value_fen,
                    OfficeDonationSummary.items_sold,
                    OfficeDonationSummary.sold_value_fen,
                )
            ).all()
        )
    return state


ADVERSARIAL = [
    Hold(((0, 60), (1, 180)), False),
    Donate(0, 2),
    Export(),
    Approve(0),
    Correct(0, 0, 240),
    Sell(0),
    Export(),
    Hold(((2, 95),), True),
    Approve(1),
]


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    history=st.lists(steps, min_size=1, max_size=8),
    keys=st.lists(st.integers(0, 999), min_size=MAX_BUNDLES, max_size=MAX_BUNDLES, unique=True),
    repeats=st.lists(st.integers(0, MAX_BUNDLES - 1), max_size=2),
)
@example(history=ADVERSARIAL, keys=list(range(MAX_BUNDLES, 0, -1)), repeats=[0])
def test_split_exports_imported_in_any_order_converge(
    partner_template: Path,
    template_db: Path,
    history: list[Step],
    keys: list[int],
    repeats: list[int],
) -> None:
    """``keys`` order the bundles for import (the example: newest first); ``repeats``
    import some again afterwards."""
    root = Path(tempfile.mkdtemp(prefix="example-", dir=partner_template.parent))
    split = _desk(partner_template, root / "split.sqlite3")
    whole = _desk(partner_template, root / "whole.sqlite3")
    offices = [office(root / f"office{n}.sqlite3", template_db) for n in (1, 2)]
    try:
        bundles: list[Path] = []
        for number, step in enumerate(history):
            if isinstance(step, Export):
                bundles.append(split.export(root / "split").path)
                continue
            _apply(split, step, number)
            _apply(whole, step, number)
        bundles.append(split.export(root / "split").path)
        single = whole.export(root / "whole").path

        register(offices[0], split)
        register(offices[1], whole)
        shuffled = [path for _key, path in sorted(zip(keys, bundles, strict=False))]
        again = [bundles[n % len(bundles)] for n in repeats]
        assert import_bundles(offices[0], [*shuffled, *again], staff=STAFF).rejected == 0
        assert import_bundles(offices[1], [single], staff=STAFF).rejected == 0

        pieces, once = _office_state(offices[0]), _office_state(offices[1])
        assert pieces == once
        with split.db.reading() as s:
            on_desk = hours.hours_by_activity(s)
        assert sum(r.minutes for r in pieces["month"]) == sum(r.approved_minutes for r in on_desk)
        assert sum(r.matching_fen for r in pieces["month"]) == sum(r.matching_fen for r in on_desk)
    finally:
        for database in (split.db, whole.db, *offices):
            database.close()
        shutil.rmtree(root, ignore_errors=True)
