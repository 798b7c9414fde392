"""One item: what it is, where it is, its full history, the next sensible actions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import messages
from desktop.context import AppContext
from desktop.i18n import user_message
from desktop.labels import event_label, grade_label, item_status_label
from models.clock import local
from models.enums import Grade, ItemEventKind, ItemStatus
from models.errors import UserError
from models.money import format_fen, parse_yuan


class ItemDetailDialog(QDialog):
    changed = Signal()

    def __init__(self, context: AppContext, detail: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.detail = detail
        self.setWindowTitle(self.tr("Item {code}").format(code=detail.code))
        self.resize(720, 620)
        layout = QVBoxLayout(self)
        self.info = QFormLayout()
        layout.addLayout(self.info)
        self.actions_row = QHBoxLayout()
        layout.addLayout(self.actions_row)
        layout.addWidget(QLabel(self.tr("History")))
        self.history = QTableWidget(0, 5)
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("What"),
                self.tr("Store"),
                self.tr("Staff"),
                self.tr("Details"),
            ]
        )
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().setVisible(False)
        layout.addWidget(self.history, 1)
        photos_row = QHBoxLayout()
        photos_row.addWidget(QLabel(self.tr("Photos")))
        photos_row.addStretch(1)
        self.add_photo_button = QPushButton(self.tr("Add photo…"))
        self.add_photo_button.clicked.connect(self.add_photo)
        photos_row.addWidget(self.add_photo_button)
        self.snapshot_button = QPushButton(self.tr("Camera snapshot…"))
        self.snapshot_button.clicked.connect(self.take_snapshot)
        from desktop.widgets.camera_snapshot_dialog import camera_available

        self.snapshot_button.setEnabled(camera_available())
        if not self.snapshot_button.isEnabled():
            self.snapshot_button.setToolTip(self.tr("No camera is connected."))
        photos_row.addWidget(self.snapshot_button)
        layout.addLayout(photos_row)
        self.photos = QListWidget()
        self.photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.photos.setMaximumHeight(150)
        layout.addWidget(self.photos)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.action_buttons: dict[ItemEventKind, QPushButton] = {}
        self.show_detail(detail)

    # --- showing -------------------------------------------------------------------
    def show_detail(self, detail: Any) -> None:
        self.detail = detail
        while self.info.rowCount():
            self.info.removeRow(0)
        zone = self.context.time_zone
        rows = [
            (self.tr("Code"), detail.code),
            (self.tr("Status"), item_status_label(ItemStatus(detail.status))),
            (self.tr("Category"), detail.category_path),
            (self.tr("Description"), detail.description or "—"),
            (self.tr("Condition"), grade_label(Grade(detail.grade))),
            (self.tr("Quantity"), str(detail.quantity)),
            (self.tr("Estimated value"), format_fen(detail.total_value_fen)),
            (self.tr("Store"), f"{detail.store_code} {detail.store_name}"),
            (self.tr("Donor"), detail.donor_name or self.tr("Anonymous")),
            (self.tr("Receipt"), detail.receipt_no),
            (self.tr("Received"), f"{local(detail.received_at, zone):%Y-%m-%d %H:%M}"),
        ]
        if detail.sold_price_fen is not None:
            rows.append((self.tr("Sold for"), format_fen(detail.sold_price_fen)))
        for label, value in rows:
            text = QLabel(str(value))
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.info.addRow(label, text)
        self.history.setRowCount(len(detail.history))
        for row, event in enumerate(detail.history):
            details = []
            if event.price_fen is not None:
                details.append(format_fen(event.price_fen))
            if event.to_store_code:
                details.append("→ " + event.to_store_code)
            if event.recipient:
                details.append(event.recipient)
            if event.note:
                details.append(event.note)
            cells = [
                f"{local(event.at, zone):%Y-%m-%d %H:%M}",
                event_label(ItemEventKind(event.kind)),
                f"{event.store_code} {event.store_name}",
                event.staff_name or "",
                " · ".join(details),
            ]
            for column, value in enumerate(cells):
                self.history.setItem(row, column, QTableWidgetItem(value))
        # Time, what, store and staff shown whole; the details take the rest.
        for column in range(self.history.columnCount() - 1):
            self.history.resizeColumnToContents(column)
        self._show_actions()
        self._show_photos()

    def _show_actions(self) -> None:
        while self.actions_row.count():
            item = self.actions_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.action_buttons.clear()
        actions = self.detail.next_actions
        if not actions:
            self.actions_row.addWidget(QLabel(self.tr("This item's story is complete.")))
        for kind in actions:
            button = QPushButton(event_label(kind))
            button.clicked.connect(lambda _=False, k=kind: self.act(k))
            self.actions_row.addWidget(button)
            self.action_buttons[kind] = button
        self.actions_row.addStretch(1)

    def _photos_dir(self) -> Path | None:
        from models import photos

        db_file = self.context.database.path
        return photos.photos_dir_for(db_file) if db_file else None

    def _show_photos(self) -> None:
        self.photos.clear()
        folder = self._photos_dir()
        for photo in self.detail.photos if folder else ():
            pixmap = QPixmap(str(photo.thumb_path(folder)))
            item = QListWidgetItem(self.photos)
            item.setIcon(pixmap)
            item.setToolTip(str(photo.path(folder)))
        self.photos.setVisible(self.photos.count() > 0)

    # --- acting -----------------------------------------------------------------------
    def act(self, kind: ItemEventKind) -> bool:
        from models import items, organisation

        title = event_label(kind)
        options: dict[str, Any] = {}
        if kind == ItemEventKind.SOLD:
            text = messages.ask_text(self, title, self.tr("Sale price in ¥:"))
            if text is None:
                return False
            try:
                options["price_fen"] = parse_yuan(text)
            except UserError as exc:
                messages.error(self, title, user_message(exc))
                return False
        elif kind == ItemEventKind.PASSED_ON:
            recipient = messages.ask_text(self, title, self.tr("Passed on to (organisation):"))
            if recipient is None:
                return False
            options["recipient"] = recipient
        elif kind == ItemEventKind.TRANSFERRED:
            with self.context.database.reading() as session:
                stores = organisation.stores(session)
            names = [f"{code} {name}" for _id, code, name in stores]
            choice, ok = QInputDialog.getItem(self, title, self.tr("To store:"), names, 0, False)
            if not ok:
                return False
            options["to_store_id"] = stores[names.index(choice)][0]
        try:
            with self.context.database.transaction() as session:
                items.record_event(
                    session, self.detail.code, kind, staff=self.context.staff, **options
                )
            with self.context.database.reading() as session:
                detail = items.item_detail(session, self.detail.code)
        except UserError as exc:
            messages.error(self, title, user_message(exc))
            return False
        if detail is not None:
            self.show_detail(detail)
        self.changed.emit()
        return True

    def add_photo(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Add a photo"),
            str(Path.home()),
            self.tr("Images (*.jpg *.jpeg *.png *.webp *.bmp)"),
        )
        if name:
            self.attach(Path(name))

    def take_snapshot(self) -> None:
        from desktop.widgets.camera_snapshot_dialog import CameraSnapshotDialog

        dialog = CameraSnapshotDialog(self)
        if dialog.exec() and dialog.jpeg:
            self.attach_bytes(dialog.jpeg)

    def attach_bytes(self, data: bytes) -> bool:
        from models import items, photos

        folder = self._photos_dir()
        if folder is None:
            return False
        try:
            with self.context.database.transaction() as session:
                photos.attach_photo_bytes(
                    session, self.detail.code, data, folder, staff=self.context.staff
                )
            with self.context.database.reading() as session:
                detail = items.item_detail(session, self.detail.code)
        except UserError as exc:
            messages.error(self, self.tr("Camera snapshot"), user_message(exc))
            return False
        if detail is not None:
            self.show_detail(detail)
        return True

    def attach(self, source: Path) -> bool:
        from models import items, photos

        database = self.context.database
        folder = self._photos_dir()
        if folder is None:
            return False
        try:
            with database.transaction() as session:
                photos.attach_photo(
                    session, self.detail.code, source, folder, staff=self.context.staff
                )
            with database.reading() as session:
                detail = items.item_detail(session, self.detail.code)
        except UserError as exc:
            messages.error(self, self.tr("Add a photo"), user_message(exc))
            return False
        if detail is not None:
            self.show_detail(detail)
        return True
