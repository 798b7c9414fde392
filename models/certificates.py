"""Volunteer service certificates (志愿服务记录证明) as PDF.

One certificate covers one volunteer and one period (inclusive local dates).  It
lists every activity with approved hours in the period — date, activity, place,
hours — and the total; pending and rejected hours never appear.  The wording
follows the national rules for volunteer-service records (《志愿服务记录与证明出具办法
（试行）》, 民政部令第67号): the organisation that kept the record issues the
certificate, from the record, and answers for its truth.  At the foot of the last
page are lines for the responsible person's and the handler's signatures and the
organisation's name and date, with its seal image over them when one is set in
Settings (``Organisation.seal_png``); it always sits at the same place on the page
(:data:`SEAL_BOX_MM`).  Long records flow onto further pages with the table header
repeated; every page carries the certificate number and "第 n / N 页".

Personal data is kept to what a certificate needs: the volunteer's name and
volunteer code.  No phone number (not even masked) and no employer: the
certificate is shown to schools and employers, and the code with the certificate
number is enough for the organisation to find the record again.

The certificate number is ``<org>-<volunteer>-<start>-<end>-<check>``, e.g.
``GREEN-V000001-20250301-20250331-5C1E0B``: the check is six hex digits of a
SHA-256 over the certified lines.  Printing the same record again gives the same
number; a record that changed (a later correction) gives a different one.

Chinese is the default; ``language="en"`` (any code starting with "en") gives a
plain English version of the same page.

Batches: :func:`batch_certificates` writes one PDF per volunteer with approved
hours in the period into a folder, named ``<code>_<name>_<start>-<end>.pdf``
(e.g. ``V000001_张三_20250301-20250331.pdf``; characters that are not allowed in
file names replaced).  The files are made in a hidden staging folder inside the
target and moved in only when all of them are done: on cancel or failure nothing
new is left behind.
"""

from __future__ import annotations

import hashlib
import io
import secrets
import shutil
import uuid
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.certificate_pdf import (
    SEAL_BOX_MM,
    CertificateData,
    CertificateLine,
    render_certificate_pdf,
)
from models.errors import N_, UserError
from models.files import write_pdf_atomically
from models.hour_totals import volunteer_service_record
from models.intake import local_today
from models.pdf_layout import safe_file_part
from models.schema import HourEntry, Organisation, Volunteer
from models.schema.enums import ApprovalStatus

__all__ = [
    "SEAL_BOX_MM",
    "BatchResult",
    "Candidate",
    "CertificateData",
    "CertificateLine",
    "CertificateWritten",
    "batch_certificates",
    "certificate_candidates",
    "certificate_data",
    "certificate_file_name",
    "certificate_number",
    "check_period",
    "render_certificate",
    "render_certificate_pdf",
    "write_certificate",
]

Progress = Callable[[int, int], None]


# ----------------------------------------------------------------------------- data


@dataclass(frozen=True)
class CertificateWritten:
    path: Path
    number: str
    volunteer_id: uuid.UUID
    total_minutes: int
    pages: int


@dataclass(frozen=True)
class Candidate:
    """A volunteer with approved hours in a period (one certificate in a batch)."""

    volunteer_id: uuid.UUID
    code: str
    name: str
    approved_minutes: int


@dataclass(frozen=True)
class BatchResult:
    folder: Path
    files: tuple[Path, ...]  # in volunteer-code order
    volunteer_ids: tuple[uuid.UUID, ...]
    numbers: tuple[str, ...]
    total_minutes: int
    pages: int


def check_period(start: date, end: date) -> None:
    if end < start:
        raise UserError(
            N_("The period ends ({end}) before it starts ({start}); swap the dates."),
            start=start.isoformat(),
            end=end.isoformat(),
        )


def certificate_number(
    organisation_code: str,
    volunteer_code: str,
    start: date,
    end: date,
    lines: Sequence[CertificateLine],
) -> str:
    """``GREEN-V000001-20250301-20250331-5C1E0B``: stable for the same record."""
    digest = hashlib.sha256()
    for line in lines:
        digest.update(f"{line.day.isoformat()}\t{line.title or ''}\t{line.minutes}\n".encode())
    check = digest.hexdigest()[:6].upper()
    return f"{organisation_code}-{volunteer_code}-{start:%Y%m%d}-{end:%Y%m%d}-{check}"


def _organisation(session: Session) -> Organisation:
    org = session.scalars(select(Organisation).limit(1)).first()
    if org is None:
        raise UserError(N_("Set up the organisation first."))
    return org


def certificate_data(
    session: Session,
    volunteer_id: uuid.UUID,
    start: date,
    end: date,
    *,
    issued_on: date | None = None,
) -> CertificateData:
    """What the certificate of ``volunteer_id`` for ``start``–``end`` prints.

    Refused: a period that ends before it starts, a volunteer that no longer exists
    or was merged into another record, and no approved hours in the period.
    """
    check_period(start, end)
    org = _organisation(session)
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None:
        raise UserError(N_("This volunteer no longer exists."))
    if volunteer.merged_into_id is not None:
        survivor = session.get(Volunteer, volunteer.merged_into_id)
        raise UserError(
            N_("{code} was merged into {other}; make the certificate from that record."),
            code=volunteer.code,
            other=survivor.code if survivor is not None else "?",
        )
    record = volunteer_service_record(session, volunteer_id, start, end)
    lines = tuple(
        CertificateLine(line.day, line.title, line.location, line.approved_minutes)
        for line in record.lines
    )
    if sum(line.minutes for line in lines) <= 0:
        raise UserError(
            N_(
                "{name} ({code}) has no approved hours from {start} to {end}, so there is "
                "nothing to certify. Pending hours count only once they are approved."
            ),
            name=volunteer.name,
            code=volunteer.code,
            start=start.isoformat(),
            end=end.isoformat(),
        )
    return CertificateData(
        number=certificate_number(org.code, volunteer.code, start, end, lines),
        organisation_code=org.code,
        organisation_name=org.name,
        contact_person=org.contact_person,
        contact_phone=org.contact_phone,
        volunteer_id=volunteer.id,
        volunteer_code=volunteer.code,
        volunteer_name=volunteer.name,
        start=start,
        end=end,
        issued_on=issued_on or local_today(session),
        lines=lines,
        seal_png=org.seal_png,
    )


# ----------------------------------------------------------------------------- one


def render_certificate(
    session: Session,
    volunteer_id: uuid.UUID,
    start: date,
    end: date,
    *,
    language: str = "zh_CN",
    issued_on: date | None = None,
) -> bytes:
    """The certificate of ``volunteer_id`` for ``start``–``end`` as PDF bytes."""
    data = certificate_data(session, volunteer_id, start, end, issued_on=issued_on)
    out = io.BytesIO()
    render_certificate_pdf(data, out, language=language)
    return out.getvalue()


def write_certificate(
    session: Session,
    volunteer_id: uuid.UUID,
    start: date,
    end: date,
    path: Path,
    *,
    language: str = "zh_CN",
    issued_on: date | None = None,
) -> CertificateWritten:
    """Write the certificate to ``path`` atomically (nothing is left on failure)."""
    data = certificate_data(session, volunteer_id, start, end, issued_on=issued_on)
    pages: list[int] = []

    def render(out: BinaryIO) -> None:
        pages.append(render_certificate_pdf(data, out, language=language))

    write_pdf_atomically(Path(path), render)
    return CertificateWritten(
        Path(path), data.number, data.volunteer_id, data.total_minutes, pages[0]
    )


# ----------------------------------------------------------------------------- batch


def certificate_candidates(session: Session, start: date, end: date) -> list[Candidate]:
    """Volunteers with approved hours in the period, by volunteer code."""
    check_period(start, end)
    total = func.sum(HourEntry.minutes)
    rows = session.execute(
        select(Volunteer.id, Volunteer.code, Volunteer.name, total)
        .join(HourEntry, HourEntry.volunteer_id == Volunteer.id)
        .where(
            HourEntry.status == ApprovalStatus.APPROVED,
            HourEntry.work_date >= start,
            HourEntry.work_date <= end,
            Volunteer.merged_into_id.is_(None),
        )
        .group_by(Volunteer.id, Volunteer.code, Volunteer.name)
        .having(total > 0)
        .order_by(Volunteer.code)
    )
    return [Candidate(row[0], row[1], row[2], int(row[3])) for row in rows]


def certificate_file_name(code: str, name: str, start: date, end: date) -> str:
    """``V000001_张三_20250301-20250331.pdf`` (safe on Windows, macOS and Linux)."""
    return f"{safe_file_part(code)}_{safe_file_part(name)}_{start:%Y%m%d}-{end:%Y%m%d}.pdf"


def _make_folder(folder: Path) -> Path | None:
    """Create ``folder`` if missing; returns the topmost folder created, if any."""
    missing: Path | None = None
    for parent in (folder, *folder.parents):
        if parent.exists():
            break
        missing = parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            N_("Could not create the folder {path}: {reason}"),
            path=str(folder),
            reason=exc.strerror or str(exc),
        ) from exc
    if not folder.is_dir():
        raise UserError(N_("{path} is not a folder."), path=str(folder))
    return missing


def _folder_error(exc: OSError, path: Path) -> UserError:
    return UserError(
        N_("Could not write to the folder {path}: {reason}"),
        path=str(path),
        reason=exc.strerror or str(exc) or type(exc).__name__,
    )


def batch_certificates(
    session: Session,
    start: date,
    end: date,
    folder: Path,
    *,
    progress: Progress | None = None,
    language: str = "zh_CN",
    issued_on: date | None = None,
) -> BatchResult:
    """One certificate per volunteer with approved hours in the period, into ``folder``.

    ``progress(done, total)`` is called before the first and after each certificate
    and may raise ``Cancelled``.  All or nothing: the files are made in a hidden
    staging folder inside ``folder`` (created if missing) and moved in when all are
    done, replacing files of the same name.  On cancel or any failure the staging
    folder is removed, with any file already moved in and ``folder`` itself if this
    call created it.  Refused when nobody has approved hours in the period.
    """
    check_period(start, end)
    candidates = certificate_candidates(session, start, end)
    if not candidates:
        raise UserError(
            N_("Nobody has approved hours from {start} to {end}; no certificates were made."),
            start=start.isoformat(),
            end=end.isoformat(),
        )
    issued_on = issued_on or local_today(session)
    folder = Path(folder)
    created = _make_folder(folder)
    staging = folder / f".certificates-{secrets.token_hex(4)}.tmp"
    moved: list[Path] = []
    try:
        try:
            staging.mkdir()
        except OSError as exc:
            raise _folder_error(exc, folder) from exc
        total = len(candidates)
        if progress is not None:
            progress(0, total)
        written: list[CertificateWritten] = []
        for done, person in enumerate(candidates, start=1):
            data = certificate_data(session, person.volunteer_id, start, end, issued_on=issued_on)
            path = staging / certificate_file_name(person.code, person.name, start, end)
            pages: list[int] = []

            def render(
                out: BinaryIO, data: CertificateData = data, pages: list[int] = pages
            ) -> None:
                pages.append(render_certificate_pdf(data, out, language=language))

            write_pdf_atomically(path, render)
            written.append(
                CertificateWritten(
                    path, data.number, data.volunteer_id, data.total_minutes, pages[0]
                )
            )
            if progress is not None:
                progress(done, total)
        for item in written:
            target = folder / item.path.name
            try:
                item.path.replace(target)
            except OSError as exc:
                raise _folder_error(exc, folder) from exc
            moved.append(target)
        with suppress(OSError):
            staging.rmdir()
    except BaseException:
        for path in moved:
            with suppress(OSError):
                path.unlink()
        shutil.rmtree(staging, ignore_errors=True)
        if created is not None:
            shutil.rmtree(created, ignore_errors=True)
        raise
    return BatchResult(
        folder=folder,
        files=tuple(moved),
        volunteer_ids=tuple(item.volunteer_id for item in written),
        numbers=tuple(item.number for item in written),
        total_minutes=sum(item.total_minutes for item in written),
        pages=sum(item.pages for item in written),
    )
