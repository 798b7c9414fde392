"""Reading a sync bundle's zip safely: the container checks and the streamed rows.

Nothing is unpacked to disk; members are read in memory, in bounded chunks.  The
container is refused unread when it is not a complete zip, holds too many members,
members with unsafe or unknown names (zip slip), duplicates, encrypted members, or
members that would unpack too large or are compressed suspiciously well (zip bomb).
"""

from __future__ import annotations

import csv
import hashlib
import io
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any, BinaryIO

from models import bundle_errors as msg
from models.bundle_errors import BundleError
from models.bundle_manifest import FileEntry, Manifest, is_known_name, is_unsafe_name
from models.bundle_spec import (
    CSV_SUFFIX,
    FORMAT_MINOR,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    TABLES_BY_NAME,
    ColumnSpec,
    TableSpec,
)
from models.bundle_values import BadValue, parse_value

CHUNK = 64 * 1024
_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
# Bytes a central directory entry of a sync file can need (fixed part, name, extras).
_MAX_DIRECTORY_ENTRY = 1024
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


@dataclass(frozen=True)
class BundleLimits:
    """What an archive may hold before it is refused unread."""

    max_members: int = 32
    max_member_bytes: int = 512 * 1024 * 1024
    max_total_bytes: int = 1024 * 1024 * 1024
    max_ratio: int = 100
    # Members smaller than this unpacked are not held to max_ratio.
    ratio_floor_bytes: int = 1024 * 1024
    max_manifest_bytes: int = 1024 * 1024


DEFAULT_LIMITS = BundleLimits()


# ----------------------------------------------------------------------------- container


def _find_eocd(handle: BinaryIO, size: int) -> tuple[int, int] | None:
    """(entries, central directory size) from the end record, or None if there is none."""
    tail_size = min(size, _EOCD_SIZE + 0xFFFF)
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    position = len(tail)
    while (position := tail.rfind(_EOCD, 0, position)) >= 0:
        if position + _EOCD_SIZE <= len(tail):
            record = tail[position : position + _EOCD_SIZE]
            entries, cd_size, _offset, comment = struct.unpack("<4x4x2xHIIH", record)
            if position + _EOCD_SIZE + comment == len(tail):
                return entries, cd_size
    return None


def check_container(handle: BinaryIO, size: int, label: str, limits: BundleLimits) -> None:
    handle.seek(0)
    magic = handle.read(4)
    if magic not in _ZIP_MAGIC:
        raise BundleError(msg.NOT_ZIP, file=label)
    found = _find_eocd(handle, size)
    if found is None:
        raise BundleError(msg.TRUNCATED, file=label)
    entries, cd_size = found
    # 0xFFFF entries means a zip64 archive: never needed by a sync file.
    if entries > limits.max_members:
        raise BundleError(msg.TOO_MANY, file=label, count=entries, limit=limits.max_members)
    if cd_size > limits.max_members * _MAX_DIRECTORY_ENTRY:
        raise BundleError(msg.CONTENTS_TOO_BIG, file=label, size=f"{cd_size:,}")


def check_members(
    archive: zipfile.ZipFile, label: str, limits: BundleLimits
) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise BundleError(msg.TOO_MANY, file=label, count=len(infos), limit=limits.max_members)
    seen: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if is_unsafe_name(name) or info.is_dir():
            raise BundleError(msg.UNSAFE_NAME, file=label, member=name)
        if not is_known_name(name):
            raise BundleError(msg.UNEXPECTED_NAME, file=label, member=name)
        if name.lower() in seen:
            raise BundleError(msg.DUPLICATE, file=label, member=name)
        if info.flag_bits & 0x1 or info.compress_type not in (
            zipfile.ZIP_STORED,
            zipfile.ZIP_DEFLATED,
        ):
            raise BundleError(msg.ENCRYPTED, file=label, member=name)
        if info.file_size > limits.max_member_bytes:
            raise BundleError(
                msg.MEMBER_TOO_BIG,
                file=label,
                member=name,
                size=f"{info.file_size:,}",
                limit=f"{limits.max_member_bytes:,}",
            )
        ratio = info.file_size // max(info.compress_size, 1)
        if info.file_size >= limits.ratio_floor_bytes and ratio > limits.max_ratio:
            raise BundleError(
                msg.RATIO, file=label, member=name, ratio=ratio, limit=limits.max_ratio
            )
        total += info.file_size
        seen[name.lower()] = info
    if total > limits.max_total_bytes:
        raise BundleError(
            msg.TOTAL_TOO_BIG, file=label, size=f"{total:,}", limit=f"{limits.max_total_bytes:,}"
        )
    return {info.filename: info for info in seen.values()}


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, limit: int) -> bytes:
    try:
        with archive.open(info) as member:
            data = member.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise BundleError(
            msg.MEMBER_DAMAGED, file=label, member=info.filename, reason=str(exc)
        ) from exc
    if len(data) > limit:
        raise BundleError(
            msg.MEMBER_TOO_BIG,
            file=label,
            member=info.filename,
            size=f"{info.file_size:,}",
            limit=f"{limit:,}",
        )
    return data


# ----------------------------------------------------------------------------- files


def match_files(
    manifest: Manifest,
    infos: Mapping[str, zipfile.ZipInfo],
    label: str,
    require_tables: Iterable[str],
) -> None:
    """Listed files against the archive, and each listed file's columns against the spec."""
    listed: set[str] = set()
    for entry in manifest.files:
        if entry.name in listed:
            raise BundleError(msg.LISTED_TWICE, file=label, member=entry.name)
        listed.add(entry.name)
    present = set(infos) - {MANIFEST_NAME, SIGNATURE_NAME}
    missing = sorted(listed - present)
    unlisted = sorted(present - listed)
    if len(missing) == 1 and len(unlisted) == 1:
        raise BundleError(msg.RENAMED, file=label, member=missing[0], other=unlisted[0])
    if missing:
        raise BundleError(msg.MISSING_MEMBER, file=label, member=missing[0])
    if unlisted:
        raise BundleError(msg.UNLISTED_MEMBER, file=label, member=unlisted[0])
    for table in require_tables:
        if table + CSV_SUFFIX not in listed:
            raise BundleError(msg.REQUIRED_TABLE, file=label, member=table + CSV_SUFFIX)
    newer = manifest.minor > FORMAT_MINOR
    for entry in manifest.files:
        info = infos[entry.name]
        if info.file_size != entry.bytes:
            raise BundleError(
                msg.SIZE, file=label, member=entry.name, found=info.file_size, expected=entry.bytes
            )
        _check_columns(entry, manifest, label, newer=newer)


def _check_columns(entry: FileEntry, manifest: Manifest, label: str, *, newer: bool) -> None:
    spec = TABLES_BY_NAME.get(entry.table)
    version = manifest.format_version
    if spec is None:
        if newer:
            return
        raise BundleError(msg.UNKNOWN_TABLE, file=label, member=entry.name, version=version)
    seen: set[str] = set()
    for column in entry.columns:
        if column in seen:
            raise BundleError(msg.COLUMN_TWICE, file=label, member=entry.name, column=column)
        seen.add(column)
        if spec.column(column) is None and not newer:
            raise BundleError(
                msg.UNKNOWN_COLUMN, file=label, member=entry.name, column=column, version=version
            )
    for column_spec in spec.columns:
        if column_spec.since_minor <= manifest.minor and column_spec.name not in seen:
            raise BundleError(
                msg.MISSING_COLUMN,
                file=label,
                member=entry.name,
                column=column_spec.name,
                version=version,
            )


class _HashingReader(io.RawIOBase):
    """Reads a member, hashing and counting the bytes; never more than ``limit`` + 1."""

    def __init__(self, member: IO[bytes], limit: int) -> None:
        self._member = member
        self._limit = limit
        self.digest = hashlib.sha256()
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        room = min(len(buffer), self._limit + 1 - self.count)
        if room <= 0:
            return 0
        data = self._member.read(room)
        buffer[: len(data)] = data
        self.digest.update(data)
        self.count += len(data)
        return len(data)

    def drain(self) -> None:
        while self.readinto(bytearray(CHUNK)):
            pass


@dataclass
class _Reading:
    """One pass over a member: rows parsed, and the first problem found."""

    label: str
    entry: FileEntry
    spec: TableSpec | None
    lenient: bool
    rows: int = 0
    problem: BundleError | None = None
    columns: list[tuple[int, ColumnSpec]] = field(default_factory=list)

    def error(self, template: str, **params: Any) -> BundleError:
        return BundleError(template, file=self.label, member=self.entry.name, **params)

    def header(self, header: list[str]) -> bool:
        if header and header[0].startswith("\ufeff"):
            header[0] = header[0][1:]
        if tuple(header) != self.entry.columns:
            self.problem = self.error(
                msg.HEADER, expected=",".join(self.entry.columns), found=",".join(header)[:200]
            )
            return False
        if self.spec is not None:
            for index, name in enumerate(header):
                column = self.spec.column(name)
                if column is not None:
                    self.columns.append((index, column))
        return True

    def row(self, record: list[str]) -> dict[str, Any] | None:
        self.rows += 1
        row_number = self.rows + 1  # as a spreadsheet shows it: the header is row 1
        if len(record) != len(self.entry.columns):
            self.problem = self.error(
                msg.FIELD_COUNT, row=row_number, found=len(record), expected=len(self.entry.columns)
            )
            return None
        values: dict[str, Any] = {}
        for index, column in self.columns:
            try:
                values[column.name] = parse_value(column, record[index], lenient=self.lenient)
            except BadValue as exc:
                self.problem = self.error(
                    msg.VALUE[exc.kind], row=row_number, column=column.name, **exc.params
                )
                return None
        if self.spec is not None:
            for column in self.spec.columns:
                values.setdefault(column.name, None)
        return values


def records(
    archive: zipfile.ZipFile,
    entry: FileEntry,
    label: str,
    *,
    lenient: bool,
) -> Iterator[dict[str, Any]]:
    """The rows of one member as dicts, then a check of size, checksum and row count.

    A problem with the content is raised only after the checksum is known to match:
    a changed file is reported as changed, not by the first odd value in it.
    """
    reading = _Reading(label, entry, TABLES_BY_NAME.get(entry.table), lenient)
    try:
        member = archive.open(entry.name)
    except (zipfile.BadZipFile, zlib.error, OSError) as exc:
        raise reading.error(msg.MEMBER_DAMAGED, reason=str(exc)) from exc
    with member:
        raw = _HashingReader(member, entry.bytes)
        text = io.TextIOWrapper(io.BufferedReader(raw, CHUNK), encoding="utf-8", newline="")
        reader = csv.reader(text, dialect="excel", strict=True)
        try:
            if reading.header(next(reader, [])):
                for record in reader:
                    values = reading.row(record)
                    if values is None:
                        break
                    yield values
        except UnicodeDecodeError:
            reading.problem = reading.error(msg.NOT_UTF8, row=reading.rows + 2)
        except csv.Error as exc:
            reading.problem = reading.error(msg.CSV, row=reading.rows + 2, reason=str(exc))
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise reading.error(msg.MEMBER_DAMAGED, reason=str(exc)) from exc
        try:
            raw.drain()
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise reading.error(msg.MEMBER_DAMAGED, reason=str(exc)) from exc
    if raw.count != entry.bytes:
        raise reading.error(msg.SIZE, found=raw.count, expected=entry.bytes)
    if raw.digest.hexdigest() != entry.sha256:
        raise reading.error(msg.CHECKSUM)
    if reading.problem is not None:
        raise reading.problem
    if reading.rows != entry.rows:
        raise reading.error(msg.ROWS, found=reading.rows, expected=entry.rows)
