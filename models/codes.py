"""What is printed in QR codes, and what a scanned text means.

Payloads use only QR alphanumeric characters (``0-9 A-Z $%*+-./:`` and space), so
codes stay small and survive USB scanners whatever the keyboard layout:

* item label: ``PDI:<ORG>:<ITEMCODE>`` (ITEMCODE like ``S01-26-000123``);
* volunteer badge: ``PDV:<ORG>:<VOLUNTEER>:<SEQ>:<MAC>``, where MAC is the first 10
  base32 characters of HMAC-SHA256 over ``PDV:<ORG>:<VOLUNTEER>:<SEQ>`` with the
  organisation's badge secret.

``parse`` reads any scanned text without a database; ``models.scan_meaning``
(with a session) then decides whether a badge is current, retired or forged.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass

QR_ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
ITEM_PREFIX = "PDI"
BADGE_PREFIX = "PDV"
MAC_LENGTH = 10

ITEM_CODE = re.compile(r"^[A-Z0-9]{1,6}-[0-9]{2}-[0-9]{6,}$")
ORG_CODE = re.compile(r"^[A-Z0-9]{2,12}$")
VOLUNTEER_CODE = re.compile(r"^[A-Z0-9]{1,16}$")
# A payload anywhere in the text: scanners may add a prefix or suffix.
_FIND = re.compile(r"PD[IV]:[A-Z0-9 $%*+\-./:]*")


def item_payload(org_code: str, item_code: str) -> str:
    return f"{ITEM_PREFIX}:{org_code}:{item_code}"


def badge_mac(secret: bytes, org_code: str, volunteer_code: str, seq: int) -> str:
    message = f"{BADGE_PREFIX}:{org_code}:{volunteer_code}:{seq}".encode("ascii")
    digest = hmac.new(secret, message, hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii")[:MAC_LENGTH]


def badge_payload(secret: bytes, org_code: str, volunteer_code: str, seq: int) -> str:
    mac = badge_mac(secret, org_code, volunteer_code, seq)
    return f"{BADGE_PREFIX}:{org_code}:{volunteer_code}:{seq}:{mac}"


def is_qr_alphanumeric(text: str) -> bool:
    return all(ch in QR_ALPHANUMERIC for ch in text)


@dataclass(frozen=True)
class ItemLabel:
    org: str
    item_code: str


@dataclass(frozen=True)
class BadgeCode:
    org: str
    volunteer_code: str
    seq: int
    mac: str

    def mac_matches(self, secret: bytes) -> bool:
        expected = badge_mac(secret, self.org, self.volunteer_code, self.seq)
        return hmac.compare_digest(expected, self.mac)


@dataclass(frozen=True)
class Malformed:
    """Starts like one of our codes but is damaged (a bad read or a forgery)."""

    text: str
    kind: str  # "item" or "badge"


@dataclass(frozen=True)
class OtherText:
    """Readable text that is none of our codes (perhaps a programme volunteer id)."""

    text: str


@dataclass(frozen=True)
class Unreadable:
    text: str


Parsed = ItemLabel | BadgeCode | Malformed | OtherText | Unreadable


def normalise(text: str) -> str:
    """What a scanner meant: trimmed, upper case, control characters dropped."""
    cleaned = "".join(ch for ch in text if ch.isprintable())
    return cleaned.strip().upper()


def parse(text: str) -> Parsed:
    """Read any scanned or typed text. Never raises."""
    cleaned = normalise(text)
    if not cleaned:
        return Unreadable(text)
    found = _FIND.search(cleaned)
    if found is None:
        if not is_qr_alphanumeric(cleaned) and not cleaned.isalnum():
            return Unreadable(text)
        return OtherText(cleaned)
    payload = found.group(0).rstrip(" ")
    fields = payload.split(":")
    if fields[0] == ITEM_PREFIX:
        if len(fields) == 3 and ORG_CODE.match(fields[1]) and ITEM_CODE.match(fields[2]):
            return ItemLabel(fields[1], fields[2])
        return Malformed(payload, "item")
    if (
        len(fields) == 5
        and ORG_CODE.match(fields[1])
        and VOLUNTEER_CODE.match(fields[2])
        and fields[3].isdigit()
        and len(fields[3]) <= 6
        and re.fullmatch(r"[A-Z2-7]{10}", fields[4])
    ):
        return BadgeCode(fields[1], fields[2], int(fields[3]), fields[4])
    return Malformed(payload, "badge")


def looks_like_item_code(text: str) -> bool:
    """A code typed by hand (``S01-26-000123``) rather than scanned from a label."""
    return bool(ITEM_CODE.match(normalise(text)))
