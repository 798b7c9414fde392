"""Service certificates from the Hours screen: one volunteer, or everyone in the period.

The PDFs are made on the worker thread; the batch shows progress and can be
cancelled (it then leaves nothing behind). Files go to the prints folder and
open in the system viewer (one certificate) or the file manager (a batch).
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop import documents, messages
from desktop.context import AppContext
from desktop.jobs import Progress, run_job


def _period_folder(start: date | None, end: date | None) -> Path:
    first = f"{start:%Y%m%d}" if start else "start"
    last = f"{end:%Y%m%d}" if end else "now"
    return documents.prints_dir() / "certificates" / f"{first}-{last}"


def _bounds(context: AppContext, start: date | None, end: date | None) -> tuple[date, date]:
    # "All time" has no bounds: certify everything up to today.
    return start or date(2000, 1, 1), end or context.today()


def one_certificate(
    parent: QWidget,
    context: AppContext,
    volunteer_id: uuid.UUID,
    start: date | None,
    end: date | None,
) -> None:
    from models import certificates

    database = context.database
    first, last = _bounds(context, start, end)
    language = context.language

    def work(progress: Progress) -> Path:
        with database.reading() as session:
            data = certificates.certificate_data(session, volunteer_id, first, last)
            path = _period_folder(start, end) / certificates.certificate_file_name(
                data.volunteer_code, data.volunteer_name, first, last
            )
            path.parent.mkdir(parents=True, exist_ok=True)
            certificates.write_certificate(
                session, volunteer_id, first, last, path, language=language
            )
        return path

    documents.make_and_open(
        parent, QCoreApplication.translate("CertificateActions", "Service certificate"), work
    )


def batch(parent: QWidget, context: AppContext, start: date | None, end: date | None) -> None:
    from models import certificates

    database = context.database
    first, last = _bounds(context, start, end)
    with database.reading() as session:
        candidates = certificates.certificate_candidates(session, first, last)
    title = QCoreApplication.translate("CertificateActions", "Certificates for everyone")
    if not candidates:
        messages.information(
            parent,
            title,
            QCoreApplication.translate(
                "CertificateActions",
                "Nobody has approved hours in this period, so there is nothing to certify.",
            ),
        )
        return
    if not messages.confirm(
        parent,
        title,
        QCoreApplication.translate(
            "CertificateActions",
            "Make a service certificate for each of the {n} volunteers with approved "
            "hours in this period?",
        ).format(n=len(candidates)),
    ):
        return
    folder = _period_folder(start, end)
    language = context.language

    def work(progress: Progress) -> object:
        def report(done: int, total: int) -> None:
            progress.report(
                done,
                total,
                QCoreApplication.translate(
                    "CertificateActions", "Certificate {done} of {total}"
                ).format(done=done, total=total),
            )

        with database.reading() as session:
            return certificates.batch_certificates(
                session, first, last, folder, progress=report, language=language
            )

    def done(result: object) -> None:
        files = getattr(result, "files", ())
        messages.information(
            parent,
            title,
            QCoreApplication.translate(
                "CertificateActions", "{n} certificates saved in {folder}."
            ).format(n=len(files), folder=folder),
        )
        documents.folder_opener(folder)

    run_job(parent, title, work, done)
