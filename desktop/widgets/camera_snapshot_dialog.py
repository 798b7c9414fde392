"""Take one still picture with a camera (for an item's photo).

QtMultimedia is loaded only when this dialog is opened; where no camera is
present the caller does not offer it (``camera_available``).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


@cache
def camera_available() -> bool:
    """Is any camera connected? (Loads QtMultimedia once, on first use.)"""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return False
    return bool(QMediaDevices.videoInputs())


def image_to_jpeg(image: QImage, quality: int = 90) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", quality)  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


class CameraSnapshotDialog(QDialog):
    """Shows the live picture; "Take picture" keeps the frame as JPEG bytes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import (
            QCamera,
            QImageCapture,
            QMediaCaptureSession,
            QMediaDevices,
        )
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self.setWindowTitle(self.tr("Camera snapshot"))
        self.resize(720, 560)
        self.jpeg: bytes | None = None
        layout = QVBoxLayout(self)
        self.cameras = QComboBox()
        self._devices = list(QMediaDevices.videoInputs())
        for device in self._devices:
            self.cameras.addItem(device.description())
        layout.addWidget(self.cameras)
        self.video = QVideoWidget()
        layout.addWidget(self.video, 1)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.take_button = QPushButton(self.tr("Take picture"))
        layout.addWidget(self.take_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.session = QMediaCaptureSession(self)
        self.capture = QImageCapture(self)
        self.session.setImageCapture(self.capture)
        self.session.setVideoOutput(self.video)
        self.camera: QCamera | None = None
        self.cameras.currentIndexChanged.connect(self._use_camera)
        self.take_button.clicked.connect(self.capture.capture)
        self.capture.imageCaptured.connect(self._captured)
        self.capture.errorOccurred.connect(lambda _id, _err, text: self.status.setText(text))
        self._use_camera(0)

    def _use_camera(self, index: int) -> None:
        from PySide6.QtMultimedia import QCamera

        if self.camera is not None:
            self.camera.stop()
        if not 0 <= index < len(self._devices):
            self.status.setText(self.tr("No camera found."))
            self.take_button.setEnabled(False)
            return
        self.camera = QCamera(self._devices[index], self)
        self.session.setCamera(self.camera)
        self.camera.start()

    def _captured(self, _id: int, image: QImage) -> None:
        self.jpeg = image_to_jpeg(image)
        self.accept()

    def done(self, result: int) -> None:
        if self.camera is not None:
            self.camera.stop()
        super().done(result)
