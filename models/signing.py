"""Keys of the organisation: the badge HMAC secret and the Ed25519 signing pair.

cryptography is imported when first needed: start-up does not need it.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass

BADGE_SECRET_BYTES = 32


@dataclass(frozen=True)
class KeyPair:
    private_raw: bytes
    public_raw: bytes


def new_badge_secret() -> bytes:
    return secrets.token_bytes(BADGE_SECRET_BYTES)


def new_signing_pair() -> KeyPair:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    return KeyPair(
        private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        ),
        private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        ),
    )


def sign(private_raw: bytes, message: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(private_raw).sign(message)


def verify(public_raw: bytes, signature: bytes, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def fingerprint(public_raw: bytes) -> str:
    """Short, readable fingerprint to register with the programme office.

    SHA-256 of the raw public key, first 20 bytes in base32, in groups of four
    (e.g. ``K7QF-2M3A-...``), easy to read out over the phone.
    """
    digest = hashlib.sha256(public_raw).digest()[:20]
    text = base64.b32encode(digest).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def public_key_text(public_raw: bytes) -> str:
    """The public key as base64 text, for registration with the office."""
    return base64.b64encode(public_raw).decode("ascii")
