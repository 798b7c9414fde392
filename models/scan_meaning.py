"""What a scanned or typed text means here, with the message to show for it.

Shared by the kiosk, the "scan anywhere" listener and ``partner-desk scan``.
Never raises on any input; never writes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import codes
from models.errors import N_
from models.schema import Badge, Item, Organisation, Registration, Volunteer


class Meaning(StrEnum):
    ITEM = "item"
    UNKNOWN_ITEM = "unknown_item"
    FOREIGN_ITEM = "foreign_item"
    BADGE = "badge"
    RETIRED_BADGE = "retired_badge"
    FOREIGN_BADGE = "foreign_badge"
    FORGED = "forged"
    UNKNOWN_VOLUNTEER = "unknown_volunteer"
    ROSTER_ID = "roster_id"
    OTHER = "other"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class ScanResult:
    meaning: Meaning
    text: str
    message: str  # English template marked with N_; fill with ``params``
    params: dict[str, Any] = field(default_factory=dict)
    item_code: str | None = None
    volunteer_id: uuid.UUID | None = None
    volunteer_name: str | None = None
    badge_seq: int | None = None

    @property
    def is_volunteer(self) -> bool:
        return self.meaning in (Meaning.BADGE, Meaning.ROSTER_ID)

    def render(self, translate: Any = None) -> str:
        template = translate(self.message) if translate else self.message
        return template.format(**self.params) if self.params else template


def explain(session: Session, text: str, *, activity_id: uuid.UUID | None = None) -> ScanResult:
    parsed = codes.parse(text)
    org = session.execute(select(Organisation.code, Organisation.badge_secret).limit(1)).first()
    org_code = org[0] if org else ""
    if isinstance(parsed, codes.Unreadable):
        return ScanResult(
            Meaning.UNREADABLE, text, N_("The code could not be read. Please scan it again.")
        )
    if isinstance(parsed, codes.ItemLabel):
        if parsed.org != org_code:
            return ScanResult(
                Meaning.FOREIGN_ITEM,
                text,
                N_("This item label belongs to another organisation ({org})."),
                {"org": parsed.org},
                item_code=parsed.item_code,
            )
        return _item(session, text, parsed.item_code)
    if isinstance(parsed, codes.Malformed):
        if parsed.kind == "item":
            return ScanResult(
                Meaning.UNREADABLE, text, N_("This item label is damaged or incomplete.")
            )
        return ScanResult(
            Meaning.FORGED,
            text,
            N_("This badge code is not valid (damaged or not issued by us)."),
        )
    if isinstance(parsed, codes.BadgeCode):
        if parsed.org != org_code:
            return ScanResult(
                Meaning.FOREIGN_BADGE,
                text,
                N_("This badge belongs to another organisation ({org})."),
                {"org": parsed.org},
            )
        assert org is not None
        if not parsed.mac_matches(org[1]):
            return ScanResult(
                Meaning.FORGED,
                text,
                N_("This badge code is not valid (damaged or not issued by us)."),
            )
        return _badge(session, text, parsed)
    # Other readable text: a code typed by hand, or a programme volunteer id.
    assert isinstance(parsed, codes.OtherText)
    if codes.looks_like_item_code(parsed.text):
        return _item(session, text, parsed.text)
    return _roster(session, text, parsed.text, activity_id)


def _item(session: Session, text: str, code: str) -> ScanResult:
    found = session.scalar(select(Item.code).where(Item.code == code))
    if found is None:
        return ScanResult(
            Meaning.UNKNOWN_ITEM,
            text,
            N_("No item has the code {code}."),
            {"code": code},
            item_code=code,
        )
    return ScanResult(Meaning.ITEM, text, N_("Item {code}"), {"code": code}, item_code=code)


def _badge(session: Session, text: str, parsed: codes.BadgeCode) -> ScanResult:
    row = session.execute(
        select(Volunteer.id, Volunteer.name, Volunteer.merged_into_id, Volunteer.active).where(
            Volunteer.code == parsed.volunteer_code
        )
    ).first()
    if row is None:
        return ScanResult(
            Meaning.UNKNOWN_VOLUNTEER,
            text,
            N_("This badge is for a volunteer who is not in this database ({code})."),
            {"code": parsed.volunteer_code},
        )
    volunteer_id, name, merged_into, _active = row
    badge = session.execute(
        select(Badge.retired_at).where(Badge.volunteer_id == volunteer_id, Badge.seq == parsed.seq)
    ).first()
    if badge is None or badge[0] is not None:
        return ScanResult(
            Meaning.RETIRED_BADGE,
            text,
            N_("This badge of {name} has been replaced by a newer one and no longer works."),
            {"name": name},
            volunteer_id=volunteer_id,
            volunteer_name=name,
            badge_seq=parsed.seq,
        )
    if merged_into is not None:
        survivor = session.execute(
            select(Volunteer.id, Volunteer.name).where(Volunteer.id == merged_into)
        ).first()
        if survivor is not None:
            volunteer_id, name = survivor
    return ScanResult(
        Meaning.BADGE,
        text,
        N_("Volunteer badge of {name}"),
        {"name": name},
        volunteer_id=volunteer_id,
        volunteer_name=name,
        badge_seq=parsed.seq,
    )


def _roster(session: Session, text: str, cleaned: str, activity_id: uuid.UUID | None) -> ScanResult:
    query = select(Volunteer.id, Volunteer.name).join(
        Registration, Registration.volunteer_id == Volunteer.id
    )
    query = query.where(Registration.programme_id == cleaned)
    if activity_id is not None:
        query = query.where(Registration.activity_id == activity_id)
    row = session.execute(query.limit(1)).first()
    if row is None and activity_id is None:
        row = session.execute(
            select(Volunteer.id, Volunteer.name)
            .where(Volunteer.programme_id == cleaned, Volunteer.merged_into_id.is_(None))
            .limit(1)
        ).first()
    if row is not None:
        return ScanResult(
            Meaning.ROSTER_ID,
            text,
            N_("Programme volunteer {name}"),
            {"name": row[1]},
            volunteer_id=row[0],
            volunteer_name=row[1],
        )
    return ScanResult(
        Meaning.OTHER,
        text,
        N_("“{text}” is not a Partner Desk code or a registered volunteer id."),
        {"text": cleaned[:40]},
    )
