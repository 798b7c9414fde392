"""The rows an activity leaves behind: the activity, registrations, scans,
attendance sessions and hour entries, made as plain dicts and written chunk by chunk."""

from __future__ import annotations

import uuid
from operator import itemgetter

from models import codes
from models.demo.data import DEMO_STAFF, HOUR, OFFSITE_LOCATIONS, PROGRAMME_TAGS, Template
from models.demo.generator import Context, DemoActivity, Generator, Row
from models.demo.people import VolunteerPool
from models.demo.writer import Ids
from models.schema import (
    Activity,
    ActivityFeedback,
    AttendanceSession,
    HourEntry,
    Registration,
    ScanEvent,
)
from models.schema.enums import (
    ActivityState,
    ApprovalStatus,
    HourKind,
    ScanOutcome,
    ScanSource,
    SessionStatus,
)

ACTIVITY_CHUNK_ROWS = 20_000
# Hour rules for the demo's counted minutes: whole quarters of an hour, at most 8 h.
ROUND_STEP_MINUTES = 15
CAP_MINUTES = 8 * 60


def counted_minutes(seconds: int) -> int:
    minutes = max(0, seconds) // 60
    return min(minutes // ROUND_STEP_MINUTES * ROUND_STEP_MINUTES, CAP_MINUTES)


class ActivityRows:
    """The rows of activities, registrations, scans, attendance sessions, hours and
    feedback, held until a chunk of activities is written.

    ``ActivityMaker`` (activities.py) decides what happens and builds on these.
    """

    TABLES = (Activity, Registration, ScanEvent, AttendanceSession, HourEntry, ActivityFeedback)

    def __init__(self, generator: Generator, context: Context, pool: VolunteerPool) -> None:
        self.g = generator
        self.context = context
        self.pool = pool
        self.codec = generator.codec
        self.rng = generator.rng("activities")
        self.new_id = Ids(self.rng)
        self.staff_names = [s[1] for s in context.staff] or [DEMO_STAFF]
        self.staff_ids = [s[0] for s in context.staff]
        order = list(range(len(pool.ids)))
        self.rng.shuffle(order)
        self.regulars = order[: max(1, len(order) * 3 // 10)]  # come more often
        self._reset()

    def _reset(self) -> None:
        self.rows: dict[str, list[Row]] = {mapped.__tablename__: [] for mapped in self.TABLES}
        self.chunk_activities = 0

    def _next(self, *, may_flush: bool = True) -> None:
        """One activity done; write the chunk once it is big enough (and ``may_flush``)."""
        self.chunk_activities += 1
        if may_flush and sum(len(rows) for rows in self.rows.values()) >= ACTIVITY_CHUNK_ROWS:
            self._flush()

    def _flush(self) -> None:
        if not self.chunk_activities:
            return
        # A desk stores its scans in the order it makes them: by scan time, so the
        # rowid order the anomaly queue reads sees no clock going backwards.  (The
        # encoded times sort in time order: ISO text on SQLite, datetimes elsewhere.)
        self.rows["scan_event"].sort(key=itemgetter("scanned_at"))
        self.g.write([(mapped, self.rows[mapped.__tablename__]) for mapped in self.TABLES])
        units = self.chunk_activities
        self._reset()
        self.g.tick(units)

    # ------------------------------------------------------------- rows

    def _synced(self, row_id: int, created: int, updated: int | None = None) -> Row:
        codec = self.codec
        return {
            "id": codec.uid(row_id),
            "version": 1,
            "created_at": codec.ts(created),
            "updated_at": codec.ts(created if updated is None else updated),
        }

    def _activity(
        self,
        template: Template,
        starts: int,
        state: ActivityState,
        *,
        capacity: int,
        closed_at: int | None,
        created: int,
    ) -> int:
        rng, codec = self.rng, self.codec
        title = template.title
        store_id: int | None = None
        if template.at_store:
            store_id, _code, location = rng.choice(self.context.stores)
            title = f"{title}（{location}）"
        else:
            location = rng.choice(OFFSITE_LOCATIONS)
        activity_id = self.new_id()
        self.rows["activity"].append(
            {
                **self._synced(activity_id, created, closed_at),
                "title": title,
                "kind": template.kind,
                "description": f"{template.work_done}。服务对象：{template.beneficiaries}。",
                "starts_at": codec.ts(starts),
                "ends_at": codec.ts(starts + template.minutes * 60),
                "location": location,
                "store_id": None if store_id is None else codec.uid(store_id),
                "capacity": capacity,
                "scheduled_minutes": template.minutes,
                "programme_tag": rng.choice(PROGRAMME_TAGS) if rng.random() < 0.4 else None,
                "state": state.value,
                "walk_ins_allowed": codec.flag(rng.random() < 0.85),
                "closed_at": None if closed_at is None else codec.ts(closed_at),
            }
        )
        self.g.activities.append(DemoActivity(uuid.UUID(int=activity_id), title, state.value))
        return activity_id

    def _roster(self, size: int) -> list[int]:
        """Distinct volunteers (pool indexes); regulars come more often."""
        size = min(size, len(self.pool.ids))
        chosen: set[int] = set()
        picked: list[int] = []
        while len(picked) < size:
            if self.rng.random() < 0.6:
                index = self.rng.choice(self.regulars)
            else:
                index = self.rng.randrange(len(self.pool.ids))
            if index not in chosen:
                chosen.add(index)
                picked.append(index)
        return picked

    def _register(self, activity_id: int, index: int, created: int, source: str) -> None:
        programme_id = self.pool.programme_ids[index]
        if source == "import" and programme_id is None:
            source = "manual"
        self.rows["registration"].append(
            {
                **self._synced(self.new_id(), created),
                "activity_id": self.codec.uid(activity_id),
                "volunteer_id": self.codec.uid(self.pool.ids[index]),
                "programme_id": programme_id,
                "source": source,
            }
        )

    def _scan(
        self,
        activity_id: int,
        volunteer: int | None,
        at: int,
        outcome: ScanOutcome,
        source: ScanSource,
        device: str,
        payload: str,
        reason: str | None = None,
    ) -> tuple[int, int]:
        """One scan the kiosk answered; returns (scan id, time)."""
        codec = self.codec
        scan_id = self.new_id()
        by_staff = source in (ScanSource.MANUAL, ScanSource.PAPER) and self.staff_ids
        self.rows["scan_event"].append(
            {
                "id": codec.uid(scan_id),
                "activity_id": codec.uid(activity_id),
                "volunteer_id": None if volunteer is None else codec.uid(volunteer),
                "device_id": device,
                "source": source.value,
                "outcome": outcome.value,
                "reason": reason,
                "payload": payload,
                "scanned_at": codec.ts(at),
                # A paper sign-in sheet is typed in after the activity.
                "recorded_at": codec.ts(at + (2 * HOUR if source is ScanSource.PAPER else 0)),
                "staff_id": codec.uid(self.rng.choice(self.staff_ids)) if by_staff else None,
                "outside_window": codec.flag(False),
                "backfilled": codec.flag(source is ScanSource.PAPER),
            }
        )
        return scan_id, at

    def _payload(self, index: int, seq: int | None = None) -> str:
        seq = self.pool.badge_seq[index] if seq is None else seq
        context = self.context
        return codes.badge_payload(
            context.badge_secret, context.org_code, self.pool.codes[index], seq
        )

    def _session(
        self,
        activity_id: int,
        index: int,
        check_in: tuple[int, int],
        check_out: tuple[int, int] | None,
        status: SessionStatus,
        *,
        ended: int | None,
        updated: int,
        resolution: str | None = None,
    ) -> tuple[int, int]:
        """An attendance session; returns (session id, counted minutes)."""
        codec = self.codec
        session_id = self.new_id()
        counted = 0
        if ended is not None and status is not SessionStatus.DISCARDED:
            counted = counted_minutes(ended - check_in[1])
        self.rows["attendance_session"].append(
            {
                **self._synced(session_id, check_in[1], updated),
                "activity_id": codec.uid(activity_id),
                "volunteer_id": codec.uid(self.pool.ids[index]),
                "check_in_event_id": codec.uid(check_in[0]),
                "check_out_event_id": None if check_out is None else codec.uid(check_out[0]),
                "started_at": codec.ts(check_in[1]),
                "ended_at": None if ended is None else codec.ts(ended),
                "status": status.value,
                "resolution": resolution,
                "resolved_by": self.rng.choice(self.staff_names) if resolution else None,
                "counted_minutes": counted,
                "needs_review": codec.flag(False),
            }
        )
        return session_id, counted

    def _hours(
        self,
        activity_id: int,
        index: int,
        kind: HourKind,
        span: tuple[int, int],
        minutes: int,
        *,
        session_id: int | None,
        created: int,
        approved_at: int | None,
        reason: str | None = None,
    ) -> None:
        codec = self.codec
        status = ApprovalStatus.PENDING if approved_at is None else ApprovalStatus.APPROVED
        self.rows["hour_entry"].append(
            {
                **self._synced(self.new_id(), created, approved_at),
                "volunteer_id": codec.uid(self.pool.ids[index]),
                "activity_id": codec.uid(activity_id),
                "session_id": None if session_id is None else codec.uid(session_id),
                "kind": kind.value,
                "work_date": codec.day(self.context.local_date(span[0])),
                "started_at": codec.ts(span[0]),
                "ended_at": codec.ts(span[1]),
                "minutes": minutes,
                "reason": reason,
                "requested_by": self.rng.choice(self.staff_names) if reason else None,
                "status": status.value,
                "decided_by": self.rng.choice(self.staff_names) if approved_at else None,
                "decided_at": None if approved_at is None else codec.ts(approved_at),
                "second_approver": None,
                "corrects_id": None,
                "exported_in_id": None,
                "matching_fen": None,
            }
        )
