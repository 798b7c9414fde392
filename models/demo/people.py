"""Volunteers and their badges, and the Chinese names and mobile numbers that
volunteers and donors alike are given."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from itertools import accumulate

from sqlalchemy import and_, func, select

from models.db import Database
from models.demo.data import (
    CONSENT_NOTES,
    DAY,
    GIVEN_CHARS,
    GIVEN_INITIALS,
    MOBILE_PREFIXES,
    OTHER_EMPLOYERS,
    PROGRAMME_EMPLOYERS,
    SKILLS,
    SURNAME_INITIALS,
    SURNAME_WEIGHTS,
    SURNAMES,
)
from models.demo.generator import Context, Generator, Row
from models.demo.writer import Ids
from models.schema import Badge, Volunteer

VOLUNTEER_CHUNK = 20_000
_SURNAME_CUM = tuple(accumulate(SURNAME_WEIGHTS))


@dataclass
class VolunteerPool:
    """The volunteers activities draw on, by index (ids as ints, current badge seqs)."""

    ids: list[int] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    programme_ids: list[str | None] = field(default_factory=list)
    badge_seq: list[int] = field(default_factory=list)
    reissued: list[int] = field(default_factory=list)  # indexes whose badge 1 is retired


def person_name(rng: random.Random) -> tuple[str, str]:
    """A Chinese name and its pinyin initials."""
    surname = rng.choices(range(len(SURNAMES)), cum_weights=_SURNAME_CUM)[0]
    given = [rng.randrange(len(GIVEN_CHARS)) for _ in range(1 if rng.random() < 0.35 else 2)]
    name = SURNAMES[surname] + "".join(GIVEN_CHARS[g] for g in given)
    initials = SURNAME_INITIALS[surname] + "".join(GIVEN_INITIALS[g] for g in given)
    return name, initials


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(100_000_000):08d}"


def make_volunteers(generator: Generator, context: Context) -> VolunteerPool:
    """New volunteers with their badges; with none asked for, those already there."""
    if generator.sizes.volunteers == 0:
        return existing_volunteers(generator.database)
    rng = generator.rng("volunteers")
    new_id = Ids(rng)
    codec = generator.codec
    uid, ts = codec.uid, codec.ts
    pool = VolunteerPool()
    with generator.database.reading() as session:
        last_code = session.scalar(
            select(func.max(Volunteer.code)).where(
                and_(Volunteer.code >= "V000000", Volunteer.code <= "V999999")
            )
        )
        phones = set(session.scalars(select(Volunteer.phone).where(Volunteer.phone.is_not(None))))
    number = int(last_code[1:]) + 1 if last_code and last_code[1:].isdigit() else 1
    programme_no = 1
    oldest, newest = context.bound - 900 * DAY, context.bound - 190 * DAY
    remaining = generator.sizes.volunteers
    while remaining:
        size = min(VOLUNTEER_CHUNK, remaining)
        volunteers: list[Row] = []
        badges: list[Row] = []
        for _ in range(size):
            vid = new_id()
            code = f"V{number:06d}"
            number += 1
            name, initials = person_name(rng)
            phone = mobile(rng)
            while phone in phones:
                phone = mobile(rng)
            phones.add(phone)
            employer: str | None = None
            employee_no = programme_id = None
            if rng.random() < 0.6:
                employer = rng.choice(PROGRAMME_EMPLOYERS)
                employee_no = f"E{rng.randrange(10_000, 100_000)}"
                if rng.random() < 0.85:
                    programme_id = f"P2026{programme_no:05d}"
                    programme_no += 1
            elif rng.random() < 0.7:
                employer = rng.choice(OTHER_EMPLOYERS)
            created = rng.randrange(oldest, newest)
            volunteers.append(
                {
                    "id": uid(vid),
                    "code": code,
                    "name": name,
                    "name_initials": initials,
                    "phone": phone,
                    "employer": employer,
                    "employee_no": employee_no,
                    "programme_id": programme_id,
                    "skills": "、".join(rng.sample(SKILLS, rng.randint(1, 3))),
                    "notes": None,
                    "consent_at": ts(created),
                    "consent_note": rng.choice(CONSENT_NOTES),
                    "active": codec.flag(rng.random() > 0.03),
                    "merged_into_id": None,
                    "version": 1,
                    "created_at": ts(created),
                    "updated_at": ts(created),
                }
            )
            # A few lost their badge and got a new one: seq 1 retired, seq 2 current.
            retired = created + rng.randrange(30 * DAY, 150 * DAY) if rng.random() < 0.02 else None
            badges.append(
                {
                    "id": uid(new_id()),
                    "volunteer_id": uid(vid),
                    "seq": 1,
                    "issued_at": ts(created),
                    "retired_at": None if retired is None else ts(retired),
                    "retired_reason": None if retired is None else "遗失补办",
                }
            )
            if retired is not None:
                badges.append(
                    {
                        "id": uid(new_id()),
                        "volunteer_id": uid(vid),
                        "seq": 2,
                        "issued_at": ts(retired),
                        "retired_at": None,
                        "retired_reason": None,
                    }
                )
                pool.reissued.append(len(pool.ids))
            pool.ids.append(vid)
            pool.codes.append(code)
            pool.programme_ids.append(programme_id)
            pool.badge_seq.append(1 if retired is None else 2)
        generator.write(((Volunteer, volunteers), (Badge, badges)))
        remaining -= size
        generator.tick(size)
    return pool


def existing_volunteers(database: Database) -> VolunteerPool:
    """The active volunteers already in the database, with their current badges."""
    pool = VolunteerPool()
    with database.reading() as session:
        seqs = (
            select(Badge.volunteer_id, func.max(Badge.seq).label("seq"))
            .group_by(Badge.volunteer_id)
            .subquery()
        )
        rows = session.execute(
            select(Volunteer.id, Volunteer.code, Volunteer.programme_id, seqs.c.seq)
            .outerjoin(seqs, seqs.c.volunteer_id == Volunteer.id)
            .where(Volunteer.active.is_(True), Volunteer.merged_into_id.is_(None))
            .order_by(Volunteer.code)
        )
        for row in rows:
            pool.ids.append(row.id.int)
            pool.codes.append(row.code)
            pool.programme_ids.append(row.programme_id)
            pool.badge_seq.append(row.seq or 1)
    return pool
