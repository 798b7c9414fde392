"""Sync: signed export files for the programme office, and importing them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from desktop.summary_screen import SummaryScreen
from models.clock import local


class SyncScreen(SummaryScreen):
    key = "sync"
    icon_name = "sync"

    def empty_texts(self) -> tuple[str, str, list[str], str | None]:
        return (
            self.tr("Nothing exported or imported yet"),
            self.tr(
                "Send your activity results (attendance, hours, matching amount, feedback "
                "and a donation summary) to the programme office as a signed file on a USB "
                "stick or by e-mail. The office imports files from every partner."
            ),
            [
                self.tr("Give the programme office your key fingerprint (shown in Settings) once."),
                self.tr("Export every week or month; each export follows the previous one."),
                self.tr("Programme office: register each partner, then import their files."),
            ],
            None,
        )

    def build_content(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        heading = QLabel(self.tr("Export and import history"))
        heading.setObjectName("screenHeading")
        layout.addWidget(heading)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("fingerprint")
        layout.addWidget(self.fingerprint)
        self.history = QListWidget()
        layout.addWidget(self.history)
        return box

    def load(self, session: Session) -> Any:
        from models import organisation, overview

        return organisation.profile(session), overview.sync_history(session)

    def show_data(self, data: Any) -> bool:
        profile, rows = data
        if profile is not None:
            self.fingerprint.setText(
                self.tr("Key fingerprint: {fp}").format(fp=profile.fingerprint)
            )
        self.history.clear()
        for row in rows:
            when = local(row.created_at, self.context.time_zone)
            kind = self.tr("Export") if row.direction == "export" else self.tr("Import")
            QListWidgetItem(
                f"{when:%Y-%m-%d %H:%M} · {kind} · {row.org_code} · {row.file_name}", self.history
            )
        return bool(rows)
