"""The sync bundle container (``.pdsync``): writing it, and opening it only once verified.

A bundle is a zip holding one CSV file per table (see ``models.bundle_spec``), a
``manifest.json`` that lists every file with its row count, size, SHA-256 and
columns, and ``manifest.sig``: the organisation's Ed25519 signature over the exact
bytes of ``manifest.json`` (base64 text).  ``docs/sync-format.md`` is the written
specification.

Writing streams rows into the zip (memory stays flat), into a temporary file beside
the target that replaces it only when complete (``models.files.write_atomically``).
``stage_bundle`` stops before that last step, so that a caller can record the
export in its database first and put the file in place just before committing.

Opening verifies everything *before* anything else may look at the content, in
this order, and each failure raises a ``BundleError`` naming the file and the
problem:

1. the container: a zip at all, complete (not truncated), at most ``max_members``
   members, each with a plain known name (no folders, ``..`` or absolute paths, no
   duplicates), not encrypted, not too large unpacked, not compressed suspiciously
   well (a zip bomb);
2. the manifest: JSON, the format name, a format version whose major number this
   release reads;
3. the signature: with the registered key of the organisation (or the key embedded in
   the manifest when none is given: then the file is intact but its sender unproven);
4. the files: each listed file present, none unlisted, declared sizes as listed, then
   each file read once: SHA-256, size, header, row count and every value's type.

Machine CSVs are UTF-8 *without* a byte order mark, RFC 4180 with CRLF line ends,
and carry exact values (no spreadsheet escaping): they are for programs.  For people,
``write_readable_copy`` writes spreadsheet-safe copies (UTF-8 with BOM, formulas
escaped) that Excel and WPS open with Chinese intact.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import uuid
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Any, BinaryIO

from models import bundle_errors as msg
from models import signing
from models.bundle_archive import (
    CHUNK,
    DEFAULT_LIMITS,
    BundleLimits,
    check_container,
    check_members,
    match_files,
    read_member,
    records,
)
from models.bundle_errors import BundleError
from models.bundle_manifest import (
    ORG_CODE,
    FileEntry,
    KeyLookup,
    Manifest,
    ManifestFields,
    check_signature,
    check_version,
    expected_key,
    manifest_bytes,
    parse_manifest,
)
from models.bundle_spec import (
    FORMAT_MINOR,
    FORMAT_VERSION,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    TABLES_BY_NAME,
    TableSpec,
)
from models.bundle_values import Formatter, formatter, mask_phone
from models.clock import as_utc, utcnow
from models.errors import N_, UserError
from models.files import sync_folder, write_atomically

__all__ = [
    "DEFAULT_LIMITS",
    "BundleError",
    "BundleLimits",
    "BundleReport",
    "BundleWriter",
    "FileEntry",
    "KeyLookup",
    "Manifest",
    "ManifestFields",
    "StagedBundle",
    "VerifiedBundle",
    "WrittenBundle",
    "open_bundle",
    "stage_bundle",
    "verify_bundle",
    "write_bundle",
    "write_readable_copy",
]

Progress = Callable[[int, int], None]
_ROWS_PER_CHUNK = 200
_PROGRESS_EVERY = 2000
_MAX_SIGNATURE_FILE = 1024
# Deflate level of every member.  Level 1 against zlib's default 6, on a year of a
# large partner (330k items, 100k sessions and hour lines): 13.5 MB against 12.0 MB
# (+13%) for 0.75 s less to write (3.0 s against 3.8 s).  Readers do not care.
COMPRESS_LEVEL = 1


# ----------------------------------------------------------------------------- writing

TableRows = Iterable[Sequence[Any] | Mapping[str, Any]]
TableData = tuple[Sequence[str], TableRows]


@dataclass(frozen=True)
class WrittenBundle:
    path: Path
    sha256: str
    size: int
    manifest: Manifest

    @property
    def rows(self) -> dict[str, int]:
        return {entry.table: entry.rows for entry in self.manifest.files}


def _zip_time(when: datetime) -> tuple[int, int, int, int, int, int]:
    when = as_utc(when)
    if when.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second)


def _masked(write: Formatter) -> Formatter:
    return lambda value: write(mask_phone(value))


# Records as ``csv.writer`` writes them with the excel dialect: fields joined with
# commas (each quoted where needed by its formatter), ended with CRLF.
_COMMA = ","
_CRLF = "\r\n"


class BundleWriter:
    """Streams tables into a bundle on ``out``; ``finish`` writes manifest and signature.

    ``out`` must be a binary stream (seekable or not).  Use ``write_bundle`` for a
    file written atomically; use this class to produce tables one after another.
    """

    def __init__(
        self,
        out: IO[bytes],
        fields: ManifestFields,
        *,
        signing_key: signing.KeyPair,
        progress: Progress | None = None,
    ) -> None:
        if not ORG_CODE.fullmatch(fields.org_code):
            raise ValueError(f"not an organisation code: {fields.org_code!r}")
        if fields.period_start is not None and fields.period_start > fields.period_end:
            raise ValueError("period_start is after period_end")
        self._fields = fields
        self._created_at = as_utc(fields.created_at or utcnow())
        self._key = signing_key
        self._progress = progress
        self._zip = zipfile.ZipFile(
            out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL
        )
        self._entries: list[FileEntry] = []
        self._rows_done = 0

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=_zip_time(self._created_at))
        info.compress_type = zipfile.ZIP_DEFLATED
        # A ZipInfo given to ZipFile.open/writestr keeps its own level (public as
        # ``compress_level`` from Python 3.13); left unset, zlib's default is used.
        info._compresslevel = COMPRESS_LEVEL  # type: ignore[attr-defined]
        info.external_attr = 0o644 << 16
        return info

    def _formatters(self, spec: TableSpec, columns: tuple[str, ...]) -> list[Formatter]:
        if sorted(columns) != sorted(spec.column_names):
            raise ValueError(f"columns of {spec.name} must be {spec.column_names}, not {columns}")
        result = []
        for name in columns:
            column = spec.column(name)
            assert column is not None
            write = formatter(column, csv=True)
            if column.contact and not self._fields.include_contacts:
                write = _masked(write)
            result.append(write)
        return result

    def write_table(self, name: str, columns: Sequence[str], rows: TableRows) -> FileEntry:
        """Write one table: ``columns`` are its spec's column names in any order."""
        spec = TABLES_BY_NAME.get(name)
        if spec is None:
            raise ValueError(f"unknown bundle table {name!r}")
        if any(entry.table == name for entry in self._entries):
            raise ValueError(f"table {name!r} written twice")
        columns = tuple(columns)
        formatters = self._formatters(spec, columns)
        width = len(columns)
        digest = hashlib.sha256()
        size = count = 0
        with self._zip.open(self._info(spec.file_name), "w") as member:

            def store(text: str) -> None:
                nonlocal size
                data = text.encode("utf-8")
                digest.update(data)
                member.write(data)
                size += len(data)

            def write_batch(batch: list[Sequence[Any]]) -> None:
                # A column at a time: ``map`` runs each column's formatter (checks
                # and CSV quoting included) over its values in C, ``zip`` turns rows
                # into columns and back (every row has ``width`` values).
                if batch:
                    by_column = zip(*batch, strict=True)
                    texts = [
                        list(map(f, cells)) for f, cells in zip(formatters, by_column, strict=True)
                    ]
                    store(_CRLF.join(map(_COMMA.join, zip(*texts, strict=True))) + _CRLF)

            store(_COMMA.join(columns) + _CRLF)  # plain names: never quoted
            batch: list[Sequence[Any]] = []
            for row in rows:
                values: Sequence[Any] = (
                    [row.get(column) for column in columns]
                    if type(row) is not tuple and isinstance(row, Mapping)
                    else row
                )
                if len(values) != width:
                    raise ValueError(f"{name}: a row has {len(values)} values, not {width}")
                batch.append(values)
                if len(batch) == _ROWS_PER_CHUNK:
                    write_batch(batch)
                    count += len(batch)
                    batch = []
                    self._tick()
            write_batch(batch)
            count += len(batch)
        entry = FileEntry(spec.file_name, count, size, digest.hexdigest(), columns)
        self._entries.append(entry)
        return entry

    def _tick(self) -> None:
        self._rows_done += _ROWS_PER_CHUNK
        if self._progress is not None and self._rows_done % _PROGRESS_EVERY == 0:
            self._progress(self._rows_done, 0)

    def finish(self) -> Manifest:
        """Write manifest.json and its signature; close the archive."""
        fields = self._fields
        manifest = Manifest(
            format_version=FORMAT_VERSION,
            org_code=fields.org_code,
            export_id=fields.export_id,
            follows=fields.follows,
            period_start=fields.period_start,
            period_end=fields.period_end,
            created_at=self._created_at,
            app_version=fields.app_version,
            include_contacts=fields.include_contacts,
            public_key=self._key.public_raw,
            files=tuple(self._entries),
        )
        data = manifest_bytes(manifest)
        signature = signing.sign(self._key.private_raw, data)
        if not signing.verify(self._key.public_raw, signature, data):
            raise ValueError("the signing key pair does not belong together")
        self._zip.writestr(self._info(MANIFEST_NAME), data)
        self._zip.writestr(self._info(SIGNATURE_NAME), base64.b64encode(signature) + b"\n")
        self._zip.close()
        return manifest

    def abort(self) -> None:
        self._zip.close()


def _file_sha256(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


@dataclass
class StagedBundle:
    """A complete bundle on disk under a temporary name beside its path.

    ``publish`` renames it into place (replacing any file there) and makes that
    durable; ``discard`` removes it wherever it is — before ``publish``, or after it
    when what the file belongs with (an export's record) could not be committed.
    """

    bundle: WrittenBundle
    staged: Path
    published: bool = False

    def publish(self) -> WrittenBundle:
        path = self.bundle.path
        try:
            self.staged.replace(path)
        except OSError as exc:
            reason = exc.strerror or str(exc) or type(exc).__name__
            raise UserError(
                N_("Could not write {path}: {reason}"), path=str(path), reason=reason
            ) from exc
        self.published = True
        sync_folder(path.parent)
        return self.bundle

    def discard(self) -> None:
        with suppress(OSError):
            (self.bundle.path if self.published else self.staged).unlink()


def stage_bundle(
    path: Path,
    fields: ManifestFields,
    tables: Mapping[str, TableData],
    *,
    signing_key: signing.KeyPair,
    progress: Progress | None = None,
) -> StagedBundle:
    """Write a signed bundle for ``path`` under a temporary name beside it (flushed
    to disk); ``StagedBundle.publish`` then puts it in place.  As ``write_bundle``
    otherwise: nothing is left behind when writing fails or is cancelled.

    The temporary name is ``.<name>.<random>.tmp`` (its own temporary file while
    being written: ``..<name>.<random>.tmp.<random>.tmp``).
    """
    path = Path(path)
    unknown = set(tables) - set(TABLES_BY_NAME)
    if unknown:
        raise ValueError(f"unknown bundle tables: {sorted(unknown)}")
    result: list[Manifest] = []

    def render(out: BinaryIO) -> None:
        writer = BundleWriter(out, fields, signing_key=signing_key, progress=progress)
        try:
            for name in TABLES_BY_NAME:
                if name in tables:
                    columns, rows = tables[name]
                    writer.write_table(name, columns, rows)
            result.append(writer.finish())
        except BaseException:
            writer.abort()
            raise

    staged = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    write_atomically(staged, render)
    try:
        sha, size = _file_sha256(staged)
    except BaseException:
        with suppress(OSError):
            staged.unlink()
        raise
    return StagedBundle(WrittenBundle(path, sha, size, result[0]), staged)


def write_bundle(
    path: Path,
    fields: ManifestFields,
    tables: Mapping[str, TableData],
    *,
    signing_key: signing.KeyPair,
    progress: Progress | None = None,
) -> WrittenBundle:
    """Write a signed bundle at ``path``, atomically; tables in the spec's order.

    ``tables`` maps a table name to ``(columns, rows)``; rows (sequences in column
    order, or mappings by column name) may be generators and are streamed.
    ``progress(rows_done, 0)`` is called now and then and may raise ``Cancelled``:
    then nothing is left at ``path`` (an earlier file there stays as it was).
    """
    staged = stage_bundle(path, fields, tables, signing_key=signing_key, progress=progress)
    try:
        return staged.publish()
    except BaseException:
        staged.discard()
        raise


# ----------------------------------------------------------------------------- opening


class VerifiedBundle:
    """A bundle that passed every check; its rows are read (streamed) per table.

    Keeps the file open until ``close`` (use it as a context manager), so a file
    replaced on disk after verification is not what is read.
    """

    def __init__(
        self,
        path: Path,
        handle: BinaryIO,
        archive: zipfile.ZipFile,
        manifest: Manifest,
        *,
        sha256: str,
        size: int,
        key_trusted: bool,
    ) -> None:
        self.path = path
        self.manifest = manifest
        self.sha256 = sha256
        self.size = size
        #: True when the signature was checked with a registered key (not the embedded one).
        self.key_trusted = key_trusted
        self._handle = handle
        self._archive = archive
        self._entries = {entry.table: entry for entry in manifest.files}

    @property
    def key_fingerprint(self) -> str:
        return signing.fingerprint(self.manifest.public_key)

    @property
    def tables(self) -> tuple[str, ...]:
        """The tables this release knows that the bundle holds, in the spec's order."""
        return tuple(name for name in TABLES_BY_NAME if name in self._entries)

    def row_count(self, table: str) -> int:
        entry = self._entries.get(self._known(table))
        return 0 if entry is None else entry.rows

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Each row of ``table`` as {column: value} (None for empty); none if absent."""
        entry = self._entries.get(self._known(table))
        if entry is None:
            return iter(())
        lenient = self.manifest.minor > FORMAT_MINOR
        return records(self._archive, entry, self.path.name, lenient=lenient)

    @staticmethod
    def _known(table: str) -> str:
        if table not in TABLES_BY_NAME:
            raise ValueError(f"unknown bundle table {table!r}")
        return table

    def close(self) -> None:
        self._archive.close()
        self._handle.close()

    def __enter__(self) -> VerifiedBundle:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _open_file(path: Path, label: str) -> tuple[BinaryIO, int]:
    try:
        handle = path.open("rb")
        return handle, os.fstat(handle.fileno()).st_size
    except FileNotFoundError as exc:
        raise BundleError(msg.NOT_FOUND, file=label) from exc
    except OSError as exc:
        raise BundleError(msg.UNREADABLE, file=label, reason=exc.strerror or str(exc)) from exc


def _sha256(handle: BinaryIO) -> str:
    handle.seek(0)
    digest = hashlib.sha256()
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def open_bundle(
    path: Path,
    *,
    public_key: bytes | bytearray | KeyLookup | None = None,
    require_tables: Iterable[str] = (),
    limits: BundleLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> VerifiedBundle:
    """Open ``path`` and verify all of it; ``BundleError`` names the first problem.

    ``public_key``: the organisation's registered raw Ed25519 key, or a function
    from org code to it (None when not registered).  Without one, the signature is
    checked with the key the manifest carries: the content is then known intact but
    not who sent it (``key_trusted`` is False).  ``require_tables``: tables the
    caller needs.  ``progress(rows_done, rows_total)`` may raise ``Cancelled``.
    Nothing here touches a database.
    """
    path = Path(path)
    label = path.name
    handle, size = _open_file(path, label)
    try:
        check_container(handle, size, label, limits)
        handle.seek(0)
        try:
            archive = zipfile.ZipFile(handle)
        # NotImplementedError: a zip version or feature the reader does not know.
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
            raise BundleError(msg.DAMAGED, file=label, reason=str(exc)) from exc
        try:
            manifest, trusted = _verify(
                archive, label, public_key, require_tables, limits, progress
            )
            sha = _sha256(handle)
        except BaseException:
            archive.close()
            raise
    except BaseException:
        handle.close()
        raise
    return VerifiedBundle(
        path, handle, archive, manifest, sha256=sha, size=size, key_trusted=trusted
    )


def _verify(
    archive: zipfile.ZipFile,
    label: str,
    public_key: bytes | bytearray | KeyLookup | None,
    require_tables: Iterable[str],
    limits: BundleLimits,
    progress: Progress | None,
) -> tuple[Manifest, bool]:
    infos = check_members(archive, label, limits)
    if MANIFEST_NAME not in infos:
        raise BundleError(msg.NO_MANIFEST, file=label)
    if SIGNATURE_NAME not in infos:
        raise BundleError(msg.NO_SIGNATURE, file=label)
    data = read_member(archive, infos[MANIFEST_NAME], label, limits.max_manifest_bytes)
    signature = read_member(archive, infos[SIGNATURE_NAME], label, _MAX_SIGNATURE_FILE)
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BundleError(msg.MANIFEST_JSON, file=label, reason=str(exc)) from exc
    if not isinstance(raw, dict):
        raise BundleError(msg.MANIFEST_JSON, file=label, reason="not an object")
    version, _minor = check_version(raw, label)
    key, trusted = expected_key(raw, label, public_key)
    check_signature(data, signature, key, label)
    manifest = parse_manifest(raw, version, label)
    match_files(manifest, infos, label, require_tables)
    lenient = manifest.minor > FORMAT_MINOR
    total = sum(entry.rows for entry in manifest.files)
    done = 0
    for entry in manifest.files:
        for _row in records(archive, entry, label, lenient=lenient):
            done += 1
            if progress is not None and done % _PROGRESS_EVERY == 0:
                progress(done, total)
    return manifest, trusted


@dataclass(frozen=True)
class BundleReport:
    """What ``verify_bundle`` found (for ``partner-desk verify``)."""

    path: Path
    org_code: str
    export_id: uuid.UUID
    format_version: str
    period_start: datetime | None
    period_end: datetime
    sha256: str
    key_fingerprint: str
    key_trusted: bool
    rows: Mapping[str, int]


def verify_bundle(
    path: Path,
    *,
    public_key: bytes | bytearray | KeyLookup | None = None,
    limits: BundleLimits = DEFAULT_LIMITS,
) -> BundleReport:
    """Verify ``path`` completely and close it; ``BundleError`` names the first problem."""
    with open_bundle(path, public_key=public_key, limits=limits) as bundle:
        manifest = bundle.manifest
        return BundleReport(
            path=bundle.path,
            org_code=manifest.org_code,
            export_id=manifest.export_id,
            format_version=manifest.format_version,
            period_start=manifest.period_start,
            period_end=manifest.period_end,
            sha256=bundle.sha256,
            key_fingerprint=bundle.key_fingerprint,
            key_trusted=bundle.key_trusted,
            rows={table: bundle.row_count(table) for table in bundle.tables},
        )


# ----------------------------------------------------------------------------- for people


def _readable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return as_utc(value).strftime("%Y-%m-%d %H:%M:%S")
    return value


def write_readable_copy(bundle: VerifiedBundle, folder: Path) -> tuple[Path, ...]:
    """One spreadsheet-safe CSV per table in ``folder`` (UTF-8 with BOM, formulas escaped).

    Excel and WPS open these with Chinese intact.  Times are UTC.
    """
    from models.spreadsheet import write_csv

    folder = Path(folder)
    written = []
    for table in bundle.tables:
        spec = TABLES_BY_NAME[table]
        target = folder / spec.file_name
        rows = ([_readable(row[name]) for name in spec.column_names] for row in bundle.rows(table))
        write_csv(target, spec.column_names, rows)
        written.append(target)
    return tuple(written)
