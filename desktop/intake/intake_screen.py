"""Donation intake: log what arrives, print labels, thank the donor."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop import style
from desktop.context import AppContext
from desktop.documents import make_and_open, prints_dir
from desktop.intake.intake_form import IntakeForm
from desktop.jobs import Progress
from desktop.screen import Screen


class IntakeScreen(Screen):
    key = "intake"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Donation intake"))
        style.wear(heading, "screenHeading")
        layout.addWidget(heading)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        self.form = IntakeForm(context)
        page_layout.addWidget(self.form, 1)
        last = QHBoxLayout()
        self.last_saved = QLabel()
        self.last_saved.setObjectName("lastSaved")
        self.receipt_button = QPushButton(self.tr("Print receipt"))
        self.receipt_button.setEnabled(False)
        self.import_button = QPushButton(self.tr("Import a list…"))
        self.import_button.clicked.connect(self.import_list)
        self.relabel_button = QPushButton(self.tr("Print labels again"))
        self.relabel_button.setEnabled(False)
        last.addWidget(self.last_saved, 1)
        last.addWidget(self.import_button)
        last.addWidget(self.relabel_button)
        last.addWidget(self.receipt_button)
        page_layout.addLayout(last)
        self.tabs.addTab(page, self.tr("Log a donation"))
        self.dashboard: QWidget | None = None
        self._last: Any = None
        self.form.saved.connect(self.after_save)
        self.receipt_button.clicked.connect(self.print_receipt)
        self.relabel_button.clicked.connect(lambda: self.print_labels(self._last))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.tabs.addTab(QWidget(), self.tr("Statistics"))

    def refresh(self) -> None:
        self.form.load_choices()

    def _tab_changed(self, index: int) -> None:
        if index == 1 and self.dashboard is None:
            from desktop.intake.intake_dashboard import IntakeDashboard

            self.dashboard = IntakeDashboard(self.context)
            self.tabs.blockSignals(True)
            self.tabs.removeTab(1)
            self.tabs.addTab(self.dashboard, self.tr("Statistics"))
            self.tabs.setCurrentIndex(1)
            self.tabs.blockSignals(False)
            self.dashboard.refresh()

    def import_list(self) -> None:
        from desktop.intake.import_dialog import ImportDialog

        dialog = ImportDialog(self.context, self)
        dialog.finished.connect(lambda _code: self._imported(dialog))
        dialog.open()
        self.import_dialog = dialog

    def _imported(self, dialog: Any) -> None:
        result = dialog.result_value
        if result is not None:
            self.statusMessage.emit(
                self.tr("Imported {n} items as receipt {receipt}.").format(
                    n=f"{result.item_count:,}", receipt=result.receipt_no
                )
            )

    # --- after saving ------------------------------------------------------------
    def after_save(self, result: Any, print_labels: bool) -> None:
        self._last = result
        codes = result.item_codes
        if len(codes) == 1:
            text = self.tr("Saved receipt {receipt}: 1 item, {code}").format(
                receipt=result.receipt_no, code=codes[0]
            )
        else:
            text = self.tr("Saved receipt {receipt}: {n} items, {first} … {last}").format(
                receipt=result.receipt_no, n=len(codes), first=codes[0], last=codes[-1]
            )
        self.last_saved.setText(text)
        self.receipt_button.setEnabled(True)
        self.relabel_button.setEnabled(True)
        self.statusMessage.emit(self.last_saved.text())
        if print_labels:
            self.print_labels(result)

    def print_labels(self, result: Any) -> None:
        if result is None:
            return
        database = self.context.database
        item_codes = list(result.item_codes)
        target = prints_dir() / f"labels-{result.receipt_no}.pdf"

        def work(progress: Progress) -> Path:
            from models import labels
            from models.files import write_pdf_atomically

            with database.reading() as session:
                data = labels.labels_for_items(session, item_codes)
            write_pdf_atomically(
                target,
                lambda out: labels.render_labels(
                    data, labels.LabelTemplate.A4, out, progress=progress.report
                ),
            )
            with database.transaction() as session:
                labels.mark_labelled(session, item_codes)
            return target

        make_and_open(self, self.tr("Printing labels…"), work)

    def print_receipt(self) -> None:
        result = self._last
        if result is None:
            return
        database = self.context.database
        batch_id: uuid.UUID = result.batch_id
        target = prints_dir() / f"receipt-{result.receipt_no}.pdf"

        def work(progress: Progress) -> Path:
            from models import receipt
            from models.files import write_pdf_atomically

            with database.reading() as session:
                data = receipt.receipt_for_batch(session, batch_id)
            write_pdf_atomically(target, lambda out: receipt.render_receipt(data, out))
            return target

        make_and_open(self, self.tr("Printing receipt…"), work)
