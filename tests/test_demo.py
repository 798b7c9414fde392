"""Demo data: counts as reported, codes and statuses consistent, hours sound,
reproducible for a seed, and a cancel leaves whole chunks only."""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, table

from models import anomalies, demo, feedback, items
from models.db import Database
from models.errors import Cancelled
from models.schema import (
    Activity,
    AttendanceSession,
    AuditEntry,
    Badge,
    CodeSequence,
    DonationBatch,
    HourEntry,
    Item,
    ItemEvent,
    ScanEvent,
    Store,
    Volunteer,
)
from models.schema.enums import ItemEventKind, ItemStatus

TODAY = date(2026, 3, 15)  # a year back reaches into 2025: codes of two years
SIZES = demo.DemoSizes(items=500, volunteers=50, activities=8)
CODE = re.compile(r"^S\d{2}-\d{2}-\d{6}$")
STATUS_AFTER = {
    ItemEventKind.RECEIVED: ItemStatus.RECEIVED,
    ItemEventKind.SORTED: ItemStatus.SORTED,
    ItemEventKind.SHELVED: ItemStatus.ON_SHELF,
    ItemEventKind.SOLD: ItemStatus.SOLD,
    ItemEventKind.PASSED_ON: ItemStatus.PASSED_ON,
    ItemEventKind.RECYCLED: ItemStatus.RECYCLED,
    ItemEventKind.DISCARDED: ItemStatus.DISCARDED,
}


def _fresh(template_db: Path, folder: Path, name: str) -> Database:
    path = folder / name
    shutil.copy(template_db, path)
    return Database.open(path)


@pytest.fixture(scope="module")
def generated(
    template_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, demo.DemoResult]]:
    """One small demo, shared by the tests that only read it."""
    database = _fresh(template_db, tmp_path_factory.mktemp("demo"), "demo.sqlite3")
    result = demo.generate(database, SIZES, seed=7, today=TODAY)
    yield database, result
    database.close()


def _items_and_events(database: Database) -> tuple[list[Item], dict[object, list[ItemEvent]]]:
    with database.reading() as session:
        items = list(session.scalars(select(Item)))
        events: dict[object, list[ItemEvent]] = defaultdict(list)
        for event in session.scalars(select(ItemEvent).order_by(ItemEvent.item_id, ItemEvent.at)):
            events[event.item_id].append(event)
        session.expunge_all()  # keep them loaded after the read-only rollback
    return items, events


def test_counts_in_the_database_are_the_reported_ones(
    generated: tuple[Database, demo.DemoResult],
) -> None:
    database, result = generated
    assert result.counts["item"] == SIZES.items
    assert result.counts["volunteer"] == SIZES.volunteers
    assert result.counts["activity"] == SIZES.activities
    with database.reading() as session:
        for name, count in result.counts.items():
            in_db = session.scalar(select(func.count()).select_from(table(name)))
            assert in_db == count, name
        audit = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "demo.generated")
        ).one()
        session.expunge_all()
    assert audit.staff_name == "demo"
    assert audit.after["counts"] == result.counts
    for name in ("donor", "donation_batch", "item_event", "badge", "registration"):
        assert result.counts[name] > 0, name
    for name in ("scan_event", "attendance_session", "hour_entry", "activity_feedback"):
        assert result.counts[name] > 0, name


def test_item_codes_are_well_formed_unique_and_dated_by_receipt(
    generated: tuple[Database, demo.DemoResult],
) -> None:
    database, _result = generated
    with database.reading() as session:
        rows = session.execute(
            select(Item.code, Store.code, DonationBatch.received_on, DonationBatch.receipt_no)
            .join(DonationBatch, DonationBatch.id == Item.batch_id)
            .join(Store, Store.id == DonationBatch.store_id)
        ).all()
    codes = [row[0] for row in rows]
    assert len(codes) == SIZES.items
    assert len(set(codes)) == len(codes)
    years = set()
    for code, store_code, received_on, receipt_no in rows:
        assert CODE.match(code), code
        assert code.startswith(f"{store_code}-{received_on.year % 100:02d}-")
        assert re.match(rf"^R-{store_code}-{received_on.year}-\d{{6}}$", receipt_no)
        years.add(received_on.year)
    assert years == {2025, 2026}


def test_each_item_status_is_what_its_events_say(
    generated: tuple[Database, demo.DemoResult],
) -> None:
    database, _result = generated
    all_items, events = _items_and_events(database)
    statuses = set()
    for item in all_items:
        history = events[item.id]
        # The lifecycle rules of models.items accept the history and agree with the cache.
        state = items.derive_state(history)
        assert (state.status, state.store_id, state.sold_price_fen) == (
            item.status,
            item.store_id,
            item.sold_price_fen,
        )
        assert history[0].kind == ItemEventKind.RECEIVED
        assert history[0].at == item.received_at
        changes = [e for e in history if e.kind in STATUS_AFTER]
        assert item.status == STATUS_AFTER[changes[-1].kind], item.code
        sold = [e for e in history if e.kind == ItemEventKind.SOLD]
        assert item.sold_price_fen == (sold[-1].price_fen if sold else None)
        transfers = [e for e in history if e.kind == ItemEventKind.TRANSFERRED]
        store = transfers[-1].to_store_id if transfers else history[0].store_id
        assert item.store_id == store
        assert item.updated_at == max([history[-1].at, item.labelled_at or history[-1].at])
        statuses.add(item.status)
    assert statuses >= {ItemStatus.ON_SHELF, ItemStatus.SOLD, ItemStatus.RECYCLED}
    never_labelled = sum(item.labelled_at is None for item in all_items)
    assert 0.03 * len(all_items) < never_labelled < 0.2 * len(all_items)


def _search_index_is_sound(database: Database) -> int:
    """The item search index (FTS5) and its trigger survived the bulk load intact."""
    with database.engine.connect() as conn:
        conn.exec_driver_sql(
            "INSERT INTO item_search(item_search, rank) VALUES ('integrity-check', 1)"
        )
        triggers = conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name = 'item_search_item_ai'"
        ).scalar()
        indexed = conn.exec_driver_sql("SELECT count(*) FROM item_search").scalar()
        assert triggers == 1
        assert indexed == conn.exec_driver_sql("SELECT count(*) FROM item").scalar()
        return int(indexed or 0)


def test_items_can_be_searched_after_the_bulk_load(
    generated: tuple[Database, demo.DemoResult],
) -> None:
    database, _result = generated
    assert _search_index_is_sound(database) == SIZES.items
    with database.reading() as session:
        code, description = session.execute(
            select(Item.code, Item.description).order_by(Item.code).limit(1)
        ).one()
        by_code = items.page(session, items.ItemQuery(text=code))
        word = description.split()[0][-2:]
        by_word = items.page(session, items.ItemQuery(text=word))
        expected = session.scalar(select(func.count()).where(Item.description.contains(word)))
    assert [row.code for row in by_code.rows] == [code]
    assert by_word.rows and all(word in row.description for row in by_word.rows)
    assert len(by_word.rows) == min(expected or 0, 200)


def test_code_sequences_continue_after_the_demo_codes(
    generated: tuple[Database, demo.DemoResult],
) -> None:
    database, _result = generated
    with database.reading() as session:
        used: dict[tuple[object, int], int] = defaultdict(int)
        # By the intake store: an item may have moved since, its code has not.
        for store_id, code in session.execute(
            select(DonationBatch.store_id, Item.code).join(
                DonationBatch, DonationBatch.id == Item.batch_id
            )
        ):
            _store, yy, seq = code.split("-")
            key = (store_id, 2000 + int(yy))
            used[key] = max(used[key], int(seq))
        sequences = {
            (row.store_id, row.year): row.next_value
            for row in session.scalars(select(CodeSequence))
        }
    assert set(sequences) == set(used)
    for key, highest in used.items():
        assert sequences[key] > highest


def test_sessions_and_hours_are_consistent(
    generated: tuple[Database, demo.DemoResult],
) -> None:
    database, result = generated
    states = [a.state for a in result.activities]
    assert states.count("open") == 1 and states.count("draft") == 1
    assert set(states) <= {"open", "draft", "closed", "exported"}
    with database.reading() as session:
        activities = {a.id: a for a in session.scalars(select(Activity))}
        sessions = {s.id: s for s in session.scalars(select(AttendanceSession))}
        entries = list(session.scalars(select(HourEntry)))
        scans = list(session.scalars(select(ScanEvent)))
        session.expunge_all()
    for activity_id, activity in activities.items():
        mine = [s for s in sessions.values() if s.activity_id == activity_id]
        if activity.state in ("closed", "exported"):
            assert activity.closed_at is not None and activity.closed_at > activity.ends_at
            assert all(s.status != "open" for s in mine)
        elif activity.state == "open":
            assert 1 <= sum(s.status == "open" for s in mine) <= 2
        else:
            assert activity.starts_at.date() > TODAY and not mine
    scans_by_id = {scan.id: scan for scan in scans}
    for attendance in sessions.values():
        check_in = scans_by_id[attendance.check_in_event_id]
        assert check_in.outcome == "check_in"
        assert check_in.scanned_at == attendance.started_at
        if attendance.check_out_event_id is not None:
            assert scans_by_id[attendance.check_out_event_id].outcome == "check_out"
    session_entries = [e for e in entries if e.kind == "session"]
    # Approved, except on the latest closed activities: pending, as closing made them.
    statuses = [e.status for e in session_entries]
    assert 0 < statuses.count("pending") < statuses.count("approved")
    for entry in session_entries:
        assert entry.activity_id is not None
        state = activities[entry.activity_id].state
        assert entry.status == "approved" or state == "closed", (entry.status, state)
    for entry in session_entries:
        assert entry.session_id is not None
        assert entry.minutes == sessions[entry.session_id].counted_minutes > 0
    counted = {s.id for s in sessions.values() if s.counted_minutes and s.status != "open"}
    counted -= {s.id for s in sessions.values() if activities[s.activity_id].state == "open"}
    assert counted == {e.session_id for e in session_entries}
    supplemental = [e for e in entries if e.kind == "supplemental"]
    assert {e.status for e in supplemental} == {"pending", "approved"}
    for entry in supplemental:
        assert entry.reason and entry.requested_by and entry.session_id is None
    for entry in entries:
        if entry.status == "approved":
            assert entry.decided_by and entry.decided_at is not None
    assert all(s.reason for s in scans if s.outcome == "rejected")


def test_volunteers_have_unique_codes_phones_and_a_badge(
    generated: tuple[Database, demo.DemoResult],
) -> None:
    database, _result = generated
    with database.reading() as session:
        volunteers = list(session.scalars(select(Volunteer).order_by(Volunteer.code)))
        badges = session.execute(select(Badge.volunteer_id, Badge.seq)).all()
        session.expunge_all()
    assert [v.code for v in volunteers] == [f"V{n:06d}" for n in range(1, SIZES.volunteers + 1)]
    phones = [v.phone for v in volunteers]
    assert len(set(phones)) == len(phones)
    assert all(p and re.match(r"^1[3-9]\d{9}$", p) for p in phones)
    assert all(v.consent_at is not None and v.name_initials for v in volunteers)
    assert {volunteer_id for volunteer_id, seq in badges if seq == 1} == {v.id for v in volunteers}


def test_the_same_seed_gives_the_same_data(template_db: Path, tmp_path: Path) -> None:
    def sample(name: str, seed: int) -> tuple[list[str], list[str]]:
        database = _fresh(template_db, tmp_path, name)
        try:
            demo.generate(database, demo.DemoSizes(200, 20, 4), seed=seed, today=TODAY)
            with database.reading() as session:
                codes = list(session.scalars(select(Item.code).order_by(Item.id)))
                names = list(session.scalars(select(Volunteer.name).order_by(Volunteer.code)))
        finally:
            database.close()
        return codes, names

    first = sample("a.sqlite3", 11)
    assert sample("b.sqlite3", 11) == first
    assert sample("c.sqlite3", 12) != first


def test_other_databases_get_the_same_values_through_typed_inserts(
    template_db: Path, tmp_path: Path
) -> None:
    """The SQLite fast path stores exactly what SQLAlchemy's own types would."""
    sizes = demo.DemoSizes(150, 15, 4)
    for name, fast in (("fast.sqlite3", True), ("typed.sqlite3", False)):
        database = _fresh(template_db, tmp_path, name)
        try:
            demo._run(database, sizes, 3, None, TODAY, fast=fast)
        finally:
            database.close()
    columns = (
        "code, description, grade, quantity, unit_value_fen, status, sold_price_fen, "
        "received_at, labelled_at, version, created_at, updated_at"
    )
    dumps = []
    for name in ("fast.sqlite3", "typed.sqlite3"):
        with sqlite3.connect(tmp_path / name) as conn:
            dumps.append(
                [
                    conn.execute(f"SELECT id, {columns} FROM item ORDER BY code").fetchall(),
                    conn.execute("SELECT id, kind, at FROM item_event ORDER BY id").fetchall(),
                    conn.execute(
                        "SELECT id, starts_at, closed_at, walk_ins_allowed FROM activity"
                    ).fetchall(),
                    # Pending session entries come from the hour rules with random
                    # ids: an entry is matched by its session.
                    conn.execute(
                        "SELECT coalesce(session_id, id) AS unit, kind, status, work_date, "
                        "minutes FROM hour_entry ORDER BY unit, work_date"
                    ).fetchall(),
                ]
            )
        conn.close()
    assert dumps[0] == dumps[1]
    assert dumps[0][0][0][8].endswith(".000000")  # received_at as SQLAlchemy writes it


def test_cancel_keeps_whole_chunks_only(
    template_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo, "ITEM_CHUNK", 400)  # small chunks, to cancel in the middle
    monkeypatch.setattr(demo, "ITEM_BATCH", 150)
    sizes = demo.DemoSizes(items=2000, volunteers=10, activities=3)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done >= sizes.volunteers + 1000:
            raise Cancelled

    def items_per_batch(database: Database) -> list[tuple[str, int]]:
        with database.reading() as session:
            rows = session.execute(
                select(DonationBatch.receipt_no, func.count(Item.id))
                .outerjoin(Item, Item.batch_id == DonationBatch.id)
                .group_by(DonationBatch.id)
                .order_by(DonationBatch.id)
            )
            return [(receipt, count) for receipt, count in rows]

    full = _fresh(template_db, tmp_path, "full.sqlite3")
    cancelled = _fresh(template_db, tmp_path, "cancelled.sqlite3")
    try:
        demo.generate(full, sizes, seed=5, today=TODAY)
        with pytest.raises(Cancelled):
            demo.generate(cancelled, sizes, seed=5, progress=progress, today=TODAY)
        assert seen[0] == (0, 2013)
        expected = items_per_batch(full)
        kept = items_per_batch(cancelled)
        items, events = _items_and_events(cancelled)
        with cancelled.reading() as session:
            sequences = {
                (row.store_id, row.year): row.next_value
                for row in session.scalars(select(CodeSequence))
            }
            store_of_batch = {
                batch_id: store_id
                for batch_id, store_id in session.execute(
                    select(DonationBatch.id, DonationBatch.store_id)
                )
            }
            activities = session.scalar(select(func.count()).select_from(Activity))
            audits = session.scalar(
                select(func.count()).where(AuditEntry.action == "demo.generated")
            )
    finally:
        full.close()
        cancelled.close()
    # What was kept is the start of the full run, donation by donation, with no
    # donation cut short: whole chunks of at least 400 items, not the one cancelled.
    assert 400 <= len(items) < 2000
    assert kept == expected[: len(kept)]
    assert all(count > 0 for _receipt, count in kept)
    assert all(events[item.id][0].kind == ItemEventKind.RECEIVED for item in items)
    for item in items:
        _store, yy, seq = item.code.split("-")
        assert sequences[(store_of_batch[item.batch_id], 2000 + int(yy))] > int(seq)
    assert activities == 0 and audits == 0
    assert _search_index_is_sound(cancelled) == len(items)


def test_the_search_trigger_is_recognised_so_big_demos_stay_fast(
    template_db: Path, tmp_path: Path
) -> None:
    """If migration 0003's trigger changes shape, the demo still works, only slower:
    this test says so instead of a benchmark."""
    database = _fresh(template_db, tmp_path, "trigger.sqlite3")
    try:
        with database.sessions() as session:
            session.begin()
            assert demo._SearchIndex.pause(session) is not None
            session.rollback()
        _search_index_is_sound(database)
    finally:
        database.close()


def test_an_organisation_already_set_up_keeps_its_stores_and_numbering_continues(
    org_database: Database,
) -> None:
    sizes = demo.DemoSizes(items=120, volunteers=10, activities=3)
    first = demo.generate(org_database, sizes, seed=1, today=TODAY)
    second = demo.generate(org_database, sizes, seed=2, today=TODAY)
    for result in (first, second):
        assert result.counts["organisation"] == result.counts["store"] == 0
        assert result.counts["item"] == 120
    with org_database.reading() as session:
        codes = list(session.scalars(select(Item.code)))
        volunteer_codes = list(session.scalars(select(Volunteer.code)))
        receipts = list(session.scalars(select(DonationBatch.receipt_no)))
        sequences = list(session.scalars(select(CodeSequence)))
        highest = {(row.store_id, row.year): row.next_value - 1 for row in sequences}
        session.expunge_all()
    assert {code[:3] for code in codes} <= {"S01", "S02"}  # the two stores of the set-up
    assert len(set(codes)) == len(codes) == 240
    assert len(set(volunteer_codes)) == 20 and len(set(receipts)) == len(receipts)
    assert sum(highest.values()) == 240  # both runs counted in the same sequences


def test_every_closed_activity_has_feedback_or_a_waiver(
    generated: tuple[Database, demo.DemoResult],
) -> None:
    database, result = generated
    with database.reading() as session:
        found = {a.id: feedback.feedback_status(session, a.id) for a in result.activities}
        given = {a.id: feedback.get_feedback(session, a.id) for a in result.activities}
    states = {a.id: a.state for a in result.activities}
    for activity_id, status in found.items():
        if states[activity_id] in ("closed", "exported"):
            assert status.complete, status
            row = given[activity_id]
            assert row is not None and row.submitted_by and row.submitted_on is not None
            if row.waived:
                assert row.waive_reason
            else:  # what the form requires, in Chinese
                assert row.people_served is not None and row.work_done
                assert row.satisfaction in range(1, 6)
                assert "志愿者" in row.work_done
        else:  # still open or a draft: nothing given yet
            assert status.state is feedback.FeedbackState.MISSING
    kinds = [found[a.id].state for a in result.activities if a.state != "open"]
    assert feedback.FeedbackState.WAIVED in kinds and feedback.FeedbackState.SUBMITTED in kinds
    assert kinds.count(feedback.FeedbackState.WAIVED) <= 2


def test_demo_scans_show_no_device_clock_jumps(
    generated: tuple[Database, demo.DemoResult], template_db: Path, tmp_path: Path
) -> None:
    """Each desk's scans are stored in the order they were made (a bigger demo, with
    two kiosks at the large activities and several activities on one day, too)."""
    database, _result = generated
    bigger = _fresh(template_db, tmp_path, "bigger.sqlite3")
    try:
        demo.generate(bigger, demo.DemoSizes(items=0, volunteers=300, activities=60), today=TODAY)
        for db in (database, bigger):
            with db.reading() as session:
                jumps = anomalies.list_anomalies(session, kinds=[anomalies.AnomalyKind.CLOCK_JUMP])
                devices = set(session.scalars(select(ScanEvent.device_id)))
            assert jumps == []
        assert {"kiosk-1", "kiosk-2"} <= devices
    finally:
        bigger.close()
