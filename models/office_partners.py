"""Programme office: the partner organisations it registers, with their public keys.

A partner is registered once with its code, name and Ed25519 public key, copied from
the partner's Settings (base64 text); the fingerprint, short enough to read out over
the phone, confirms it.  Every import checks a bundle's signature against the key
registered for its organisation code (``registered_keys``).
"""

from __future__ import annotations

import base64
import binascii
import re
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import audit, signing
from models.errors import N_, UserError
from models.intake import clean_text
from models.organisation import ORG_CODE_PATTERN, normalise_code
from models.schema import Organisation, Partner, SyncLog
from models.schema.enums import SyncDirection
from models.volunteers import clean_staff

MAX_NAME = 200
_FINGERPRINT = re.compile(r"^[A-Z2-7]{32}$")


# ----------------------------------------------------------------------------- partners


@dataclass(frozen=True)
class PartnerInfo:
    id: uuid.UUID
    code: str
    name: str
    fingerprint: str
    public_key: str  # base64, as the partner's Settings show it
    registered_at: datetime
    active: bool
    imports: int
    last_import: datetime | None


@dataclass(frozen=True)
class PartnerChange:
    partner_id: uuid.UUID
    created: bool
    key_changed: bool
    name_changed: bool


def compact_fingerprint(text: str) -> str:
    """A fingerprint as compared: no spaces or dashes, upper case."""
    return "".join(text.split()).replace("-", "").upper()


def parse_public_key(text: str) -> bytes:
    """The raw Ed25519 key from the text the partner's Settings show (base64)."""
    cleaned = "".join((text or "").split())
    try:
        raw = base64.b64decode(cleaned, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise UserError(
            N_(
                "This is not a partner's public key. Copy the public key shown in the "
                "partner's Settings (44 characters, ending in “=”)."
            )
        )
    return raw


def is_fingerprint(text: str) -> bool:
    return bool(_FINGERPRINT.fullmatch(compact_fingerprint(text)))


def register_partner(
    session: Session,
    *,
    code: str,
    name: str,
    public_key_text: str,
    staff: str,
    fingerprint: str | None = None,
    replace_key: bool = False,
) -> PartnerChange:
    """Register a partner organisation with its public key (or update its name).

    ``fingerprint``, when given, must match the key (read out over the phone).  A
    partner registered with another key is refused unless ``replace_key`` (the
    partner made a new key); a key registered for another partner is refused.
    """
    staff = clean_staff(staff)
    code = normalise_code(code)
    if not ORG_CODE_PATTERN.match(code):
        raise UserError(
            N_("A partner code is 2 to 12 letters A–Z or digits, as in their QR codes.")
        )
    name = " ".join(clean_text(name).split())
    if not name:
        raise UserError(N_("Enter the partner's name."))
    if len(name) > MAX_NAME:
        raise UserError(N_("A partner's name has at most {limit} characters."), limit=MAX_NAME)
    key = parse_public_key(public_key_text)
    printed = signing.fingerprint(key)
    if fingerprint is not None and compact_fingerprint(fingerprint) != compact_fingerprint(printed):
        raise UserError(
            N_(
                "The fingerprint {given} does not belong to this key (its fingerprint is "
                "{actual}). Check both with the partner."
            ),
            given=fingerprint.strip(),
            actual=printed,
        )
    other = session.scalar(select(Partner).where(Partner.public_key == key, Partner.code != code))
    if other is not None:
        raise UserError(
            N_("This key is already registered for partner {code}; each partner has its own."),
            code=other.code,
        )
    partner = session.scalar(select(Partner).where(Partner.code == code))
    if partner is None:
        partner = Partner(
            id=uuid.uuid4(), code=code, name=name, public_key=key, fingerprint=printed
        )
        session.add(partner)
        session.flush()
        audit.record(
            session,
            staff=staff,
            action="partner.register",
            entity="partner",
            entity_id=partner.id,
            after={"code": code, "name": name, "fingerprint": printed},
        )
        return PartnerChange(partner.id, True, False, False)
    key_changed = bytes(partner.public_key) != key
    if key_changed and not replace_key:
        raise UserError(
            N_(
                "{code} is already registered with the key {old}. Replace it only if the "
                "partner made a new key (their Settings show {new})."
            ),
            code=code,
            old=partner.fingerprint,
            new=printed,
        )
    name_changed = partner.name != name
    if key_changed or name_changed:
        before = {"name": partner.name, "fingerprint": partner.fingerprint}
        partner.name, partner.public_key, partner.fingerprint = name, key, printed
        partner.active = True
        session.flush()
        audit.record(
            session,
            staff=staff,
            action="partner.key" if key_changed else "partner.rename",
            entity="partner",
            entity_id=partner.id,
            before=before,
            after={"name": name, "fingerprint": printed},
        )
    return PartnerChange(partner.id, False, key_changed, name_changed)


def list_partners(session: Session) -> list[PartnerInfo]:
    """Every registered partner, by code, with how many bundles came from it."""
    imports = {
        code: (count, last)
        for code, count, last in session.execute(
            select(SyncLog.org_code, func.count(), func.max(SyncLog.created_at))
            .where(SyncLog.direction == SyncDirection.IMPORT)
            .group_by(SyncLog.org_code)
        )
    }
    partners = []
    for row in session.scalars(select(Partner).order_by(Partner.code)):
        count, last = imports.get(row.code, (0, None))
        partners.append(
            PartnerInfo(
                id=row.id,
                code=row.code,
                name=row.name,
                fingerprint=row.fingerprint,
                public_key=signing.public_key_text(bytes(row.public_key)),
                registered_at=row.registered_at,
                active=row.active,
                imports=int(count),
                last_import=last,
            )
        )
    return partners


def registered_keys(session: Session) -> dict[str, bytes]:
    """Org code → the key its bundles must be signed with: active partners, and this
    desk's own organisation (for bundles of another desk of it)."""
    keys = {
        code: bytes(key)
        for code, key in session.execute(
            select(Partner.code, Partner.public_key).where(Partner.active.is_(True))
        )
    }
    own = session.execute(select(Organisation.code, Organisation.signing_public_key)).first()
    if own is not None:
        keys[own[0]] = bytes(own[1])
    return keys
