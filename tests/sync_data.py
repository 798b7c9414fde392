"""A partner desk with a history, and a programme office, for the sync tests.

``PartnerDesk`` drives a partner's database through the real ``models`` functions
(activities opened, feedback given, closed, hours approved and corrected, items
received and sold), inserting only attendance sessions directly (as a kiosk would
have paired them).  ``office`` makes an empty programme-office database.
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from models import hours, organisation
from models.activities import ActivityData, close_activity, create_activity, open_activity
from models.db import Database
from models.feedback import FeedbackData, save_feedback, waive_feedback
from models.intake import BatchRequest, ItemLine, save_batch
from models.items import record_event
from models.office_import import register_partner
from models.organisation import SetupRequest, StoreSpec
from models.schema import AttendanceSession, HourEntry, ItemCategory, Store, Volunteer
from models.schema.enums import ApprovalStatus, Grade, ItemEventKind, SessionStatus
from models.sync_export import ExportResult, export_bundle

STAFF = "王老师"
ZONE = ZoneInfo("Asia/Shanghai")
FIRST_DAY = date(2025, 3, 3)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, clock(hour, minute), tzinfo=ZONE).astimezone(UTC)


def setup_request(code: str = "GREEN", name: str = "绿芽公益服务中心") -> SetupRequest:
    return SetupRequest(
        name=name, code=code, stores=(StoreSpec("S01", "静安旗舰店"),), staff_name=STAFF
    )


@dataclass
class PartnerDesk:
    """One partner's database, with short names for what its staff do."""

    db: Database
    people: list[uuid.UUID] = field(default_factory=list)
    activities: list[uuid.UUID] = field(default_factory=list)
    items: list[str] = field(default_factory=list)

    @classmethod
    def create(
        cls, path: Path, template: Path, code: str = "GREEN", *, people: int = 4
    ) -> PartnerDesk:
        shutil.copy(template, path)
        return cls.set_up(Database.open(path), code, people=people)

    @classmethod
    def set_up(cls, database: Database, code: str = "GREEN", *, people: int = 4) -> PartnerDesk:
        """The organisation ``code`` set up in an empty, migrated ``database``."""
        with database.transaction() as s:
            organisation.set_up(s, setup_request(code, f"伙伴 {code}"))
        desk = cls(database)
        with database.transaction() as s:
            for n in range(people):
                row = Volunteer(
                    id=uuid.uuid4(),
                    code=f"V{n + 1:06d}",
                    name=f"志愿者{n + 1}",
                    phone=f"1380013{n:04d}",
                )
                s.add(row)
                desk.people.append(row.id)
        return desk

    @property
    def code(self) -> str:
        with self.db.reading() as s:
            profile = organisation.profile(s)
            assert profile is not None
            return profile.code

    @property
    def public_key(self) -> str:
        with self.db.reading() as s:
            profile = organisation.profile(s)
            assert profile is not None
            return profile.public_key

    def hold_activity(
        self,
        day: date,
        minutes: dict[int, int],
        *,
        title: str = "社区旧衣分拣",
        waive: bool = False,
        close: bool = True,
    ) -> uuid.UUID:
        """An activity on ``day`` at 09:00 where person i stays ``minutes[i]``."""
        with self.db.transaction() as s:
            activity_id = create_activity(
                s, ActivityData(title, "分拣", None, day, clock(9), clock(17)), staff=STAFF
            )
            open_activity(s, activity_id, staff=STAFF)
            for person, stay in minutes.items():
                start = local(day, 9)
                s.add(
                    AttendanceSession(
                        id=uuid.uuid4(),
                        activity_id=activity_id,
                        volunteer_id=self.people[person],
                        started_at=start,
                        ended_at=start + timedelta(minutes=stay),
                        status=SessionStatus.CLOSED,
                        counted_minutes=stay,
                    )
                )
            s.flush()
            if waive:
                waive_feedback(s, activity_id, reason="雨天取消部分环节", staff=STAFF)
            else:
                data = FeedbackData(people_served=30, work_done="分拣旧衣", satisfaction=5)
                save_feedback(s, activity_id, data, staff=STAFF)
            if close:
                close_activity(s, activity_id, staff=STAFF)
        self.activities.append(activity_id)
        return activity_id

    def approve(self, activity_id: uuid.UUID) -> None:
        with self.db.transaction() as s:
            hours.approve_activity(s, activity_id, staff=STAFF)

    def correct(self, activity_id: uuid.UUID, person: int, new_minutes: int) -> bool:
        """Correct an approved entry of ``person`` at the activity and approve it."""
        with self.db.transaction() as s:
            entry_id = s.scalar(
                select(HourEntry.id).where(
                    HourEntry.activity_id == activity_id,
                    HourEntry.volunteer_id == self.people[person],
                    HourEntry.status == ApprovalStatus.APPROVED,
                    HourEntry.corrects_id.is_(None),
                )
            )
            if entry_id is None or hours.corrected_minutes(s, entry_id) == new_minutes:
                return False
            added = hours.add_correction(s, entry_id, new_minutes, reason="补记", staff=STAFF)
            hours.approve_entry(s, added.entry_id, staff=STAFF)
        return True

    def donate(self, category: int, quantity: int, value_fen: int = 1000) -> None:
        with self.db.transaction() as s:
            store = s.scalars(select(Store.id)).first()
            leaves = list(
                s.scalars(
                    select(ItemCategory.id)
                    .where(ItemCategory.parent_id.is_not(None))
                    .order_by(ItemCategory.sort_order, ItemCategory.name)
                )
            )
            assert store is not None
            line = ItemLine(leaves[category % len(leaves)], "旧衣", Grade.A, quantity, value_fen)
            saved = save_batch(
                s,
                BatchRequest(None, store, date.today(), lines=(line,)),
                staff=STAFF,
            )
        self.items.extend(saved.item_codes)

    def sell(self, index: int, price_fen: int = 800) -> bool:
        if not self.items:
            return False
        code = self.items.pop(index % len(self.items))
        with self.db.transaction() as s:
            record_event(s, code, ItemEventKind.SHELVED, staff=STAFF)
            record_event(s, code, ItemEventKind.SOLD, staff=STAFF, price_fen=price_fen)
        return True

    def export(self, folder: Path, **options: object) -> ExportResult:
        folder.mkdir(parents=True, exist_ok=True)
        return export_bundle(self.db, folder, staff=STAFF, **options)  # type: ignore[arg-type]


def office(path: Path, template: Path) -> Database:
    """An empty programme-office database (no organisation of its own)."""
    shutil.copy(template, path)
    return Database.open(path)


def register(office_db: Database, *desks: PartnerDesk) -> None:
    for desk in desks:
        with office_db.transaction() as s:
            register_partner(
                s,
                code=desk.code,
                name=f"伙伴 {desk.code}",
                public_key_text=desk.public_key,
                staff=STAFF,
            )
