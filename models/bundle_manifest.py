"""The manifest of a sync bundle: what it says, its exact bytes, and checking it.

``manifest.json`` names the format and its version, the organisation, the export
and the export it follows, the period, the app version, whether contacts are
included, the organisation's public key, and for every file its row count, size,
SHA-256 and columns.  ``manifest.sig`` is the Ed25519 signature over its exact bytes.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from models import __version__, signing
from models import bundle_errors as msg
from models.bundle_errors import BundleError
from models.bundle_spec import (
    CSV_SUFFIX,
    FORMAT_MAJOR,
    FORMAT_NAME,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    TABLE_NAME_PATTERN,
)
from models.bundle_values import BadValue, format_datetime, parse_datetime

KeyLookup = Callable[[str], bytes | None]
"""Org code → the raw Ed25519 public key registered for it (None: not registered)."""

# The same rule as models.organisation.ORG_CODE_PATTERN (without importing the schema).
ORG_CODE = re.compile(r"^[A-Z0-9]{2,12}$")
SIGNATURE_BYTES = 64
_VERSION_TEXT = re.compile(r"^([0-9]{1,4})\.([0-9]{1,4})$")
_SHA256_TEXT = re.compile(r"^[0-9a-f]{64}$")


def is_unsafe_name(name: str) -> bool:
    """A member name that could point outside a folder (or hide what it is)."""
    return (
        "/" in name
        or "\\" in name
        or ".." in name
        or ":" in name
        or name.startswith("~")
        or any(ord(ch) < 32 for ch in name)
        or name.strip() != name
        or name == ""
    )


def is_known_name(name: str) -> bool:
    """manifest.json, manifest.sig, or ``<table>.csv`` with a plain table name."""
    if name in (MANIFEST_NAME, SIGNATURE_NAME):
        return True
    return name.endswith(CSV_SUFFIX) and bool(
        TABLE_NAME_PATTERN.fullmatch(name.removesuffix(CSV_SUFFIX))
    )


@dataclass(frozen=True)
class ManifestFields:
    """What the exporter says about a bundle; the writer adds the file list."""

    org_code: str
    export_id: uuid.UUID
    period_end: datetime
    period_start: datetime | None = None
    follows: uuid.UUID | None = None
    include_contacts: bool = False
    app_version: str = __version__
    created_at: datetime | None = None


@dataclass(frozen=True)
class FileEntry:
    name: str
    rows: int
    bytes: int
    sha256: str
    columns: tuple[str, ...]

    @property
    def table(self) -> str:
        return self.name.removesuffix(CSV_SUFFIX)


@dataclass(frozen=True)
class Manifest:
    format_version: str
    org_code: str
    export_id: uuid.UUID
    follows: uuid.UUID | None
    period_start: datetime | None
    period_end: datetime
    created_at: datetime
    app_version: str
    include_contacts: bool
    public_key: bytes
    files: tuple[FileEntry, ...]

    @property
    def minor(self) -> int:
        return int(self.format_version.split(".")[1])

    def to_json(self) -> dict[str, Any]:
        def when(value: datetime | None) -> str | None:
            return None if value is None else format_datetime(value)

        return {
            "format": FORMAT_NAME,
            "format_version": self.format_version,
            "org_code": self.org_code,
            "export_id": str(self.export_id),
            "follows": None if self.follows is None else str(self.follows),
            "period_start": when(self.period_start),
            "period_end": when(self.period_end),
            "created_at": when(self.created_at),
            "app_version": self.app_version,
            "include_contacts": self.include_contacts,
            "public_key": base64.b64encode(self.public_key).decode("ascii"),
            "files": [
                {
                    "name": entry.name,
                    "rows": entry.rows,
                    "bytes": entry.bytes,
                    "sha256": entry.sha256,
                    "columns": list(entry.columns),
                }
                for entry in self.files
            ],
        }


def manifest_bytes(manifest: Manifest) -> bytes:
    """The exact bytes of manifest.json (UTF-8, two-space indent, LF, trailing newline)."""
    text = json.dumps(manifest.to_json(), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def _field_error(label: str, name: str, value: object) -> BundleError:
    shown = json.dumps(value, ensure_ascii=False)
    if len(shown) > 80:
        shown = shown[:77] + "..."
    return BundleError(msg.MANIFEST_FIELD, file=label, field=name, value=shown)


def check_version(raw: Mapping[str, Any], label: str) -> tuple[str, int]:
    if raw.get("format") != FORMAT_NAME:
        raise BundleError(msg.NOT_OURS, file=label, value=json.dumps(raw.get("format")))
    version = raw.get("format_version")
    found = _VERSION_TEXT.fullmatch(version) if isinstance(version, str) else None
    if found is None:
        raise _field_error(label, "format_version", version)
    major, minor = int(found.group(1)), int(found.group(2))
    if major > FORMAT_MAJOR:
        raise BundleError(msg.NEWER, file=label, version=version, major=FORMAT_MAJOR)
    if major < FORMAT_MAJOR:
        raise BundleError(msg.OLDER, file=label, version=version, major=FORMAT_MAJOR)
    return str(version), minor


def _text(raw: Mapping[str, Any], name: str, label: str, pattern: re.Pattern[str]) -> str:
    value = raw.get(name)
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise _field_error(label, name, value)
    return value


_ANY_TEXT = re.compile(r"^[^\x00-\x1f]{1,100}$")
_UUID_TEXT = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")


def _uuid_field(raw: Mapping[str, Any], name: str, label: str) -> uuid.UUID:
    value = raw.get(name)
    if isinstance(value, str) and _UUID_TEXT.fullmatch(value):
        return uuid.UUID(value)
    raise _field_error(label, name, value)


def _when_field(raw: Mapping[str, Any], name: str, label: str) -> datetime:
    value = raw.get(name)
    if isinstance(value, str):
        try:
            return parse_datetime(value)
        except BadValue:
            pass
    raise _field_error(label, name, value)


def _public_key(raw: Mapping[str, Any], label: str) -> bytes:
    value = raw.get("public_key")
    try:
        key = base64.b64decode(value, validate=True) if isinstance(value, str) else b""
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != 32:
        raise _field_error(label, "public_key", value)
    return key


def _file_entry(item: Any, label: str) -> FileEntry:
    if not isinstance(item, dict):
        raise _field_error(label, "files", item)
    name = item.get("name")
    if not isinstance(name, str) or is_unsafe_name(name) or not is_known_name(name):
        raise _field_error(label, "files.name", name)
    if name in (MANIFEST_NAME, SIGNATURE_NAME):
        raise _field_error(label, "files.name", name)
    numbers = []
    for key in ("rows", "bytes"):
        value = item.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise _field_error(label, f"files.{key}", value)
        numbers.append(value)
    sha = item.get("sha256")
    if not isinstance(sha, str) or not _SHA256_TEXT.fullmatch(sha):
        raise _field_error(label, "files.sha256", sha)
    columns = item.get("columns")
    if (
        not isinstance(columns, list)
        or not columns
        or not all(isinstance(c, str) and TABLE_NAME_PATTERN.fullmatch(c) for c in columns)
    ):
        raise _field_error(label, "files.columns", columns)
    return FileEntry(name, numbers[0], numbers[1], sha, tuple(columns))


def parse_manifest(raw: Mapping[str, Any], version: str, label: str) -> Manifest:
    include = raw.get("include_contacts")
    if not isinstance(include, bool):
        raise _field_error(label, "include_contacts", include)
    files = raw.get("files")
    if not isinstance(files, list):
        raise _field_error(label, "files", files)
    return Manifest(
        format_version=version,
        org_code=_text(raw, "org_code", label, ORG_CODE),
        export_id=_uuid_field(raw, "export_id", label),
        follows=None if raw.get("follows") is None else _uuid_field(raw, "follows", label),
        period_start=(
            None if raw.get("period_start") is None else _when_field(raw, "period_start", label)
        ),
        period_end=_when_field(raw, "period_end", label),
        created_at=_when_field(raw, "created_at", label),
        app_version=_text(raw, "app_version", label, _ANY_TEXT),
        include_contacts=include,
        public_key=_public_key(raw, label),
        files=tuple(_file_entry(item, label) for item in files),
    )


def expected_key(
    raw: Mapping[str, Any], label: str, public_key: bytes | bytearray | KeyLookup | None
) -> tuple[bytes, bool]:
    """The key to check the signature with, and whether it is a registered one."""
    embedded = _public_key(raw, label)
    if public_key is None:
        return embedded, False
    org = _text(raw, "org_code", label, ORG_CODE)
    expected = bytes(public_key) if isinstance(public_key, bytes | bytearray) else public_key(org)
    if expected is None:
        raise BundleError(msg.UNREGISTERED, file=label, org=org)
    if expected != embedded:
        raise BundleError(
            msg.WRONG_KEY,
            file=label,
            org=org,
            found=signing.fingerprint(embedded),
            expected=signing.fingerprint(expected),
        )
    return expected, True


def check_signature(data: bytes, signature_file: bytes, key: bytes, label: str) -> None:
    try:
        signature = base64.b64decode(signature_file.strip(), validate=True)
    except (binascii.Error, ValueError):
        signature = b""
    if len(signature) != SIGNATURE_BYTES:
        raise BundleError(msg.SIGNATURE_FORMAT, file=label)
    if not signing.verify(key, signature, data):
        raise BundleError(msg.BAD_SIGNATURE, file=label)
