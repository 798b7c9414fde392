"""The writer that ``tests/test_crash_safety.py`` kills with SIGKILL.

``python -m tests.crash_child work DB ACTIVITY PAYLOAD`` prints ``started <pid>``,
opens ``DB`` the way the app does (``models.db.Database``: WAL, ``synchronous=FULL``)
and loops for ever: one kiosk scan at the open activity (each six minutes after the
last, so each is accepted as a check-in or check-out), then one donated item, each
in its own transaction.  After
each commit it writes one acknowledgement line to stdout with a single ``write``::

    scan <event id hex>
    item <item id hex>

so every line the parent reads names a record whose commit had returned.

``python -m tests.crash_child serve`` imports everything once and then, for each
``work DB ACTIVITY PAYLOAD`` line on stdin, forks a worker that does the above; when
the worker has died it prints ``ended <pid>``.  The
parent kills workers, so each kill costs a fork instead of a Python start-up.
"""

from __future__ import annotations

import os
import sys
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from models.checkin import record_scan
from models.clock import as_utc
from models.db import Database
from models.intake import BatchRequest, ItemLine, local_today, save_batch
from models.schema import ItemCategory, ScanEvent, Store
from models.schema.enums import Grade, ScanSource

STAFF = "王老师"
STEP = timedelta(minutes=6)  # past the 5-minute minimum before a check-out counts
START = datetime(2026, 3, 7, 1, 0, tzinfo=UTC)
SAFETY_LIMIT = 100_000  # iterations: a worker nobody kills stops on its own


def ack(kind: str, record_id: uuid.UUID) -> None:
    os.write(1, f"{kind} {record_id.hex}\n".encode("ascii"))


def work(db_file: str, activity: str, payload: str) -> None:
    os.write(1, f"started {os.getpid()}\n".encode("ascii"))
    activity_id = uuid.UUID(activity)
    database = Database.open(db_file)
    with database.reading() as session:
        last = session.scalar(
            select(func.max(ScanEvent.scanned_at)).where(ScanEvent.activity_id == activity_id)
        )
        store_id = session.scalars(select(Store.id).order_by(Store.code)).first()
        category_id = session.scalars(
            select(ItemCategory.id).where(ItemCategory.parent_id.is_not(None)).limit(1)
        ).one()
        today = local_today(session)
    assert store_id is not None
    when = START if last is None else as_utc(last) + STEP
    line = ItemLine(category_id=category_id, description="压力测试 旧衣", grade=Grade.B)
    request = BatchRequest(donor_id=None, store_id=store_id, received_on=today, lines=(line,))
    for _ in range(SAFETY_LIMIT):
        with database.transaction() as session:
            answer = record_scan(
                session,
                activity_id=activity_id,
                payload=payload,
                device_id="kiosk-crash",
                source=ScanSource.SCANNER,
                now=when,
            )
        assert answer.accepted, answer.render()
        ack("scan", answer.event_id)
        when += STEP
        with database.transaction() as session:
            saved = save_batch(session, request, staff=STAFF)
        ack("item", saved.item_ids[0])
    database.close()


def serve() -> None:
    for command in sys.stdin:
        name, *args = command.split()
        if name != "work":
            continue
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:  # the worker: never returns into this loop
            code = 0
            try:
                work(*args)
            except BaseException:
                import traceback

                traceback.print_exc()
                code = 1
            os._exit(code)
        os.waitpid(pid, 0)
        print(f"ended {pid}", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve()
    else:
        work(*sys.argv[2:5])
