"""The organisation's seal image for certificates and receipts: choose, preview, remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop import messages
from desktop.context import AppContext
from desktop.i18n import user_message
from models import seal
from models.errors import UserError

PREVIEW_SIZE = 120


class SealPicker(QWidget):
    """Shows the stored seal; ``changed`` after it was set or removed."""

    changed = Signal(str)  # a status message

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.has_seal = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.preview = QLabel()
        self.preview.setObjectName("sealPreview")
        self.preview.setFixedSize(PREVIEW_SIZE, PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("border: 1px dashed palette(mid);")
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        column = QVBoxLayout()
        self.state = QLabel()
        self.state.setWordWrap(True)
        column.addWidget(self.state)
        buttons = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Choose image…"))
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Remove seal"))
        self.remove_button.clicked.connect(self.remove)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(1)
        layout.addLayout(column, 1)

    def reload(self) -> None:
        with self.context.database.reading() as session:
            png = seal.seal_png(session)
        self.show_seal(png)

    def show_seal(self, png: bytes | None) -> None:
        self.has_seal = png is not None
        self.remove_button.setEnabled(self.has_seal)
        pixmap = QPixmap()
        if png is not None and pixmap.loadFromData(png, "PNG"):
            self.preview.setPixmap(
                pixmap.scaled(
                    PREVIEW_SIZE - 4,
                    PREVIEW_SIZE - 4,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.preview.setText("")
            self.state.setText(
                self.tr("This seal is printed on service certificates and donation receipts.")
            )
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No seal"))
            self.state.setText(
                self.tr(
                    "No seal image yet. Scan your seal on white paper and choose the PNG "
                    "or JPEG file; a transparent PNG looks best."
                )
            )

    def choose(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the seal image"),
            str(Path.home()),
            self.tr("Images (*.png *.jpg *.jpeg)"),
        )
        if name:
            self.use_file(Path(name))

    def use_file(self, path: Path) -> bool:
        title = self.tr("Seal image")
        try:
            data = path.read_bytes()
        except OSError as exc:
            messages.error(
                self,
                title,
                self.tr("Could not read {path}: {reason}").format(
                    path=path, reason=exc.strerror or exc
                ),
            )
            return False
        return self._store(title, data, self.tr("Seal image saved."))

    def remove(self) -> None:
        title = self.tr("Remove seal")
        if not messages.confirm(
            self, title, self.tr("Remove the seal? Certificates will be printed without it.")
        ):
            return
        self._store(title, None, self.tr("Seal removed."))

    def _store(self, title: str, data: bytes | None, done: str) -> bool:
        try:
            with self.context.database.transaction() as session:
                seal.set_seal(session, data, staff=self.context.staff)
        except UserError as exc:
            messages.error(self, title, user_message(exc))
            return False
        self.reload()
        self.changed.emit(done)
        return True
