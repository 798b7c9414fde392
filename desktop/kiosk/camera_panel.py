"""The kiosk's camera: choose a camera, see the live picture, scan what it sees.

Works without any camera: the panel then says so and the kiosk takes scanner and
manual check-ins only. Cameras plugged in later appear in the list.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
)
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QVBoxLayout, QWidget

from desktop.kiosk.camera_feed import CameraFeed


class CameraPanel(QFrame):
    scanned = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskCamera")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.cameras = QComboBox()
        self.cameras.setAccessibleName(self.tr("Camera"))
        layout.addWidget(self.cameras)
        self.video = QVideoWidget()
        self.video.setMinimumSize(320, 180)
        layout.addWidget(self.video, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.feed = CameraFeed(self)
        self.feed.scanned.connect(self.scanned)
        self.session = QMediaCaptureSession(self)
        self.session.setVideoOutput(self.video)
        self.video.videoSink().videoFrameChanged.connect(self.handle_frame)
        self.camera: QCamera | None = None
        self._devices: list[QCameraDevice] = []
        self._media_devices = QMediaDevices(self)
        self._media_devices.videoInputsChanged.connect(self.reload_cameras)
        self.cameras.currentIndexChanged.connect(self._use_camera)
        self.reload_cameras()

    def reload_cameras(self) -> None:
        current = self.cameras.currentText()
        self._devices = list(QMediaDevices.videoInputs())
        self.cameras.blockSignals(True)
        self.cameras.clear()
        for device in self._devices:
            self.cameras.addItem(device.description())
        self.cameras.blockSignals(False)
        has_camera = bool(self._devices)
        self.cameras.setVisible(has_camera)
        self.video.setVisible(has_camera)
        if not has_camera:
            self._stop_camera()
            self.status.setText(
                self.tr(
                    "No camera found. Volunteers can check in with a USB scanner, "
                    "or staff can check them in by name."
                )
            )
            return
        index = max(0, self.cameras.findText(current))
        self.cameras.setCurrentIndex(index)
        self._use_camera(index)

    def _use_camera(self, index: int) -> None:
        self._stop_camera()
        if not 0 <= index < len(self._devices):
            return
        camera = QCamera(self._devices[index], self)
        camera.errorOccurred.connect(
            lambda _error, text: self.status.setText(
                self.tr("The camera reported a problem: {text}").format(text=text)
            )
        )
        self.camera = camera
        self.session.setCamera(camera)
        camera.start()
        self.status.setText(self.tr("Hold your badge's QR code up to the camera."))

    def _stop_camera(self) -> None:
        if self.camera is not None:
            self.camera.stop()
            self.session.setCamera(None)  # type: ignore[arg-type]
            self.camera.deleteLater()
            self.camera = None

    def handle_frame(self, frame: QVideoFrame) -> None:
        """Every frame the camera delivers (tests feed synthetic ones here)."""
        self.feed.offer(frame)

    def stop(self) -> None:
        self._stop_camera()
        self.feed.stop()
