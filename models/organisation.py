"""The organisation profile: first-run set-up, reading it, and audited changes."""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import audit, categories, signing
from models.errors import N_, UserError
from models.schema import MatchingRate, Organisation, Staff, Store

DEFAULT_RATE_FEN_PER_HOUR = 100_00  # ¥100 per approved hour
ORG_CODE_PATTERN = re.compile(r"^[A-Z0-9]{2,12}$")
STORE_CODE_PATTERN = re.compile(r"^[A-Z0-9]{1,6}$")
PIN_ITERATIONS = 200_000


@dataclass(frozen=True)
class StoreSpec:
    code: str
    name: str
    address: str | None = None


@dataclass(frozen=True)
class SetupRequest:
    name: str
    code: str
    stores: tuple[StoreSpec, ...]
    rate_fen_per_hour: int = DEFAULT_RATE_FEN_PER_HOUR
    time_zone: str = "Asia/Shanghai"
    staff_name: str = ""
    rate_effective_from: date = field(default_factory=lambda: date(2000, 1, 1))


@dataclass(frozen=True)
class Profile:
    """A plain copy of the organisation row for the GUI (no live ORM objects)."""

    id: uuid.UUID
    code: str
    name: str
    time_zone: str
    fingerprint: str
    public_key: str
    has_pin: bool
    has_seal: bool
    contact_person: str | None
    contact_phone: str | None
    address: str | None


@dataclass(frozen=True)
class SetupResult:
    organisation_id: uuid.UUID
    store_ids: tuple[uuid.UUID, ...]
    categories_created: int


def normalise_code(text: str) -> str:
    return text.strip().upper()


def validate_setup(request: SetupRequest) -> None:
    if not request.name.strip():
        raise UserError(N_("Enter the organisation's name."))
    if not ORG_CODE_PATTERN.match(normalise_code(request.code)):
        raise UserError(
            N_(
                "The organisation code must be 2 to 12 letters A–Z or digits "
                "(it is printed in every QR code)."
            )
        )
    if not request.stores:
        raise UserError(N_("Add at least one store or site."))
    seen: set[str] = set()
    for store in request.stores:
        code = normalise_code(store.code)
        if not STORE_CODE_PATTERN.match(code):
            raise UserError(
                N_("Store code “{code}” must be 1 to 6 letters A–Z or digits (e.g. S01)."),
                code=store.code,
            )
        if code in seen:
            raise UserError(N_("Store code “{code}” is used twice."), code=code)
        if not store.name.strip():
            raise UserError(N_("Store {code} needs a name."), code=code)
        seen.add(code)
    if request.rate_fen_per_hour < 0 or request.rate_fen_per_hour > 100_000_00:
        raise UserError(N_("The matching rate must be between ¥0 and ¥100,000 per hour."))
    try:
        ZoneInfo(request.time_zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UserError(N_("Unknown time zone “{zone}”."), zone=request.time_zone) from exc


def is_set_up(session: Session) -> bool:
    return session.scalar(select(func.count()).select_from(Organisation)) != 0


def set_up(session: Session, request: SetupRequest) -> SetupResult:
    """Create the organisation profile, its stores, keys, rate and default categories."""
    validate_setup(request)
    if is_set_up(session):
        raise UserError(N_("This database already belongs to an organisation."))
    pair = signing.new_signing_pair()
    org = Organisation(
        code=normalise_code(request.code),
        name=request.name.strip(),
        time_zone=request.time_zone,
        badge_secret=signing.new_badge_secret(),
        signing_private_key=pair.private_raw,
        signing_public_key=pair.public_raw,
    )
    session.add(org)
    stores = [
        Store(
            code=normalise_code(spec.code),
            name=spec.name.strip(),
            address=(spec.address or None),
        )
        for spec in request.stores
    ]
    session.add_all(stores)
    session.add(
        MatchingRate(
            effective_from=request.rate_effective_from,
            fen_per_hour=request.rate_fen_per_hour,
        )
    )
    staff_name = request.staff_name.strip()
    if staff_name:
        session.add(Staff(name=staff_name, role="coordinator"))
    created = categories.seed_defaults(session)
    session.flush()
    audit.record(
        session,
        staff=staff_name or "setup",
        action="organisation.setup",
        entity="organisation",
        entity_id=org.id,
        after={
            "code": org.code,
            "name": org.name,
            "time_zone": org.time_zone,
            "stores": [s.code for s in stores],
            "rate_fen_per_hour": request.rate_fen_per_hour,
            "fingerprint": signing.fingerprint(org.signing_public_key),
        },
    )
    return SetupResult(org.id, tuple(s.id for s in stores), created)


def _the_organisation(session: Session) -> Organisation:
    org = session.scalars(select(Organisation).limit(1)).first()
    if org is None:
        raise UserError(N_("The organisation has not been set up yet."))
    return org


def profile(session: Session) -> Profile | None:
    org = session.scalars(select(Organisation).limit(1)).first()
    if org is None:
        return None
    return Profile(
        id=org.id,
        code=org.code,
        name=org.name,
        time_zone=org.time_zone,
        fingerprint=signing.fingerprint(org.signing_public_key),
        public_key=signing.public_key_text(org.signing_public_key),
        has_pin=org.staff_pin_hash is not None,
        has_seal=org.seal_png is not None,
        contact_person=org.contact_person,
        contact_phone=org.contact_phone,
        address=org.address,
    )


@dataclass(frozen=True)
class ProfileChange:
    changed: tuple[str, ...]


def update_profile(
    session: Session,
    *,
    staff: str,
    name: str | None = None,
    time_zone: str | None = None,
    contact_person: str | None = None,
    contact_phone: str | None = None,
    address: str | None = None,
) -> ProfileChange:
    """Change the editable fields; every change is audited with before and after."""
    org = _the_organisation(session)
    wanted = {
        "name": name,
        "time_zone": time_zone,
        "contact_person": contact_person,
        "contact_phone": contact_phone,
        "address": address,
    }
    if name is not None and not name.strip():
        raise UserError(N_("Enter the organisation's name."))
    if time_zone is not None:
        try:
            ZoneInfo(time_zone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise UserError(N_("Unknown time zone “{zone}”."), zone=time_zone) from exc
    before: dict[str, object] = {}
    after: dict[str, object] = {}
    for key, value in wanted.items():
        if value is None:
            continue
        value = value.strip() or None if key != "name" else value.strip()
        if getattr(org, key) != value:
            before[key] = getattr(org, key)
            after[key] = value
            setattr(org, key, value)
    if after:
        audit.record(
            session,
            staff=staff,
            action="organisation.update",
            entity="organisation",
            entity_id=org.id,
            before=before,
            after=after,
        )
    return ProfileChange(tuple(after))


def regenerate_keys(session: Session, *, staff: str, reason: str) -> str:
    """New badge secret and signing pair. Old badges stop verifying; audited."""
    if not reason.strip():
        raise UserError(N_("Give a reason for changing the keys."))
    org = _the_organisation(session)
    old_fp = signing.fingerprint(org.signing_public_key)
    pair = signing.new_signing_pair()
    org.badge_secret = signing.new_badge_secret()
    org.signing_private_key = pair.private_raw
    org.signing_public_key = pair.public_raw
    new_fp = signing.fingerprint(pair.public_raw)
    audit.record(
        session,
        staff=staff,
        action="organisation.keys_regenerated",
        entity="organisation",
        entity_id=org.id,
        before={"fingerprint": old_fp},
        after={"fingerprint": new_fp},
        reason=reason.strip(),
    )
    return new_fp


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, PIN_ITERATIONS)
    return f"pbkdf2_sha256${PIN_ITERATIONS}${salt.hex()}${digest.hex()}"


def pin_matches(stored: str, pin: str) -> bool:
    try:
        _algo, iterations, salt_hex, digest_hex = stored.split("$")
        digest = hashlib.pbkdf2_hmac(
            "sha256", pin.encode("utf-8"), bytes.fromhex(salt_hex), int(iterations)
        )
    except ValueError:
        return False
    return secrets.compare_digest(digest.hex(), digest_hex)


def set_staff_pin(session: Session, *, staff: str, pin: str | None) -> None:
    """Set (or clear with None) the PIN that guards the kiosk and approvals."""
    org = _the_organisation(session)
    if pin is not None:
        pin = normalise_pin(pin)
    if pin is not None and not re.fullmatch(r"[0-9]{4,8}", pin):
        raise UserError(N_("The PIN must be 4 to 8 digits."))
    had = org.staff_pin_hash is not None
    org.staff_pin_hash = hash_pin(pin) if pin is not None else None
    audit.record(
        session,
        staff=staff,
        action="organisation.pin_set" if pin is not None else "organisation.pin_cleared",
        entity="organisation",
        entity_id=org.id,
        before={"pin_set": had},
        after={"pin_set": pin is not None},
    )


def normalise_pin(pin: str) -> str:
    """Full-width digits from a Chinese input method count as the ASCII ones."""
    return unicodedata.normalize("NFKC", pin).strip()


def has_staff_pin(session: Session) -> bool:
    """Is a staff PIN set (so the kiosk lock and approvals ask for it)?"""
    found = session.scalar(select(Organisation.staff_pin_hash).limit(1))
    return found is not None


def check_staff_pin(session: Session, pin: str) -> bool:
    org = _the_organisation(session)
    if org.staff_pin_hash is None:
        return True
    return pin_matches(org.staff_pin_hash, normalise_pin(pin))


def stores(session: Session) -> list[tuple[uuid.UUID, str, str]]:
    rows = session.execute(
        select(Store.id, Store.code, Store.name).where(Store.active.is_(True)).order_by(Store.code)
    )
    return [(r.id, r.code, r.name) for r in rows]


def current_rate_fen(session: Session, on: date) -> int | None:
    return session.scalar(
        select(MatchingRate.fen_per_hour)
        .where(MatchingRate.effective_from <= on)
        .order_by(MatchingRate.effective_from.desc())
        .limit(1)
    )


def set_rate(
    session: Session, *, staff: str, fen_per_hour: int, effective_from: date, note: str = ""
) -> None:
    """Add (or replace) the matching rate in force from ``effective_from``; audited."""
    if fen_per_hour < 0 or fen_per_hour > 100_000_00:
        raise UserError(N_("The matching rate must be between ¥0 and ¥100,000 per hour."))
    existing = session.scalars(
        select(MatchingRate).where(MatchingRate.effective_from == effective_from)
    ).first()
    before = {"fen_per_hour": existing.fen_per_hour} if existing else None
    if existing is None:
        session.add(
            MatchingRate(
                effective_from=effective_from, fen_per_hour=fen_per_hour, note=note or None
            )
        )
    else:
        existing.fen_per_hour = fen_per_hour
        existing.note = note or None
    audit.record(
        session,
        staff=staff,
        action="matching_rate.set",
        entity="matching_rate",
        entity_id=effective_from.isoformat(),
        before=before,
        after={"fen_per_hour": fen_per_hour, "effective_from": effective_from},
    )


def add_store(
    session: Session, *, staff: str, code: str, name: str, address: str | None = None
) -> uuid.UUID:
    code = normalise_code(code)
    if not STORE_CODE_PATTERN.match(code):
        raise UserError(
            N_("Store code “{code}” must be 1 to 6 letters A–Z or digits (e.g. S01)."), code=code
        )
    if not name.strip():
        raise UserError(N_("Store {code} needs a name."), code=code)
    if session.scalar(select(Store.id).where(Store.code == code)) is not None:
        raise UserError(N_("Store code “{code}” is used twice."), code=code)
    store = Store(code=code, name=name.strip(), address=(address or "").strip() or None)
    session.add(store)
    session.flush()
    audit.record(
        session,
        staff=staff,
        action="store.add",
        entity="store",
        entity_id=store.id,
        after={"code": code, "name": store.name, "address": store.address},
    )
    return store.id


@dataclass(frozen=True)
class RateRow:
    effective_from: date
    fen_per_hour: int
    note: str | None


def rates(session: Session) -> list[RateRow]:
    rows = session.scalars(select(MatchingRate).order_by(MatchingRate.effective_from))
    return [RateRow(r.effective_from, r.fen_per_hour, r.note) for r in rows]
