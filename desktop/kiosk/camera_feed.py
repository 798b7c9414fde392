"""Camera frames → QR texts, decoded on a worker thread at the decoder's own pace.

The GUI thread only hands a frame over (QVideoFrame is implicitly shared, so this
copies nothing). While the decoder is busy, newer frames are dropped rather than
queued: the kiosk always decodes the freshest picture and never falls behind. The
worker reads the luma straight from YUV frames while they are mapped (no copy,
no conversion) and converts other formats to 8-bit grey itself. The same code seen in consecutive
frames is reported once (``models.scan.FrameDeduper``).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

# Pixel formats whose first plane is 8-bit luma: a grey picture as it is.
_LUMA_FIRST = {
    QVideoFrameFormat.PixelFormat.Format_NV12,
    QVideoFrameFormat.PixelFormat.Format_NV21,
    QVideoFrameFormat.PixelFormat.Format_YUV420P,
    QVideoFrameFormat.PixelFormat.Format_YUV422P,
    QVideoFrameFormat.PixelFormat.Format_YV12,
    QVideoFrameFormat.PixelFormat.Format_IMC1,
    QVideoFrameFormat.PixelFormat.Format_IMC2,
    QVideoFrameFormat.PixelFormat.Format_IMC3,
    QVideoFrameFormat.PixelFormat.Format_IMC4,
    QVideoFrameFormat.PixelFormat.Format_Y8,
}


_PACKED = {
    QVideoFrameFormat.PixelFormat.Format_YUYV: 0,
    QVideoFrameFormat.PixelFormat.Format_UYVY: 1,
}


def decode_frame(frame: QVideoFrame) -> list[str]:
    """QR texts in a camera frame, read from its luma in place where it can be."""
    from models.scan import decode_gray

    if not frame.isValid():
        return []
    pixel_format = frame.pixelFormat()
    direct = pixel_format in _LUMA_FIRST or pixel_format in _PACKED
    # GPU frames may not map here: they go through toImage() instead.
    if direct and frame.map(QVideoFrame.MapMode.ReadOnly):
        try:
            # Decoded while mapped: the decoder reads the frame's memory, no copy.
            return decode_gray(
                frame.bits(0),
                frame.width(),
                frame.height(),
                frame.bytesPerLine(0),
                pixel_stride=2 if pixel_format in _PACKED else 1,
                offset=_PACKED.get(pixel_format, 0),
            )
        finally:
            frame.unmap()
    image = frame.toImage()
    return [] if image.isNull() else decode_qimage(image)


def decode_qimage(image: QImage) -> list[str]:
    from models.scan import decode_gray

    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return decode_gray(gray.constBits(), gray.width(), gray.height(), gray.bytesPerLine())


class FrameDecoder(QObject):
    """Lives on the worker thread; decodes one frame per request."""

    decoded = Signal(list, float)  # texts, milliseconds spent

    @Slot(object)
    def decode(self, frame: object) -> None:
        started = time.perf_counter()
        texts: list[str] = []
        try:
            if isinstance(frame, QVideoFrame):
                texts = decode_frame(frame)
            elif isinstance(frame, QImage):
                texts = decode_qimage(frame)
        except Exception:
            texts = []
        self.decoded.emit(texts, (time.perf_counter() - started) * 1000.0)


class CameraFeed(QObject):
    """Owns the decoder thread; ``offer`` frames, receive ``scanned`` texts."""

    scanned = Signal(str)
    _request = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from models.scan import FrameDeduper

        self.deduper = FrameDeduper()
        self.busy = False
        self.offered = 0
        self.dropped = 0
        self.decode_ms: list[float] = []
        self._thread = QThread(self)
        self._thread.setObjectName("camera-decoder")
        self._decoder = FrameDecoder()
        self._decoder.moveToThread(self._thread)
        self._request.connect(self._decoder.decode)
        self._decoder.decoded.connect(self._decoded)
        self._thread.finished.connect(self._decoder.deleteLater)
        self._thread.start()

    def offer(self, frame: QVideoFrame | QImage) -> bool:
        """Decode ``frame`` unless the decoder is still busy (then drop it)."""
        self.offered += 1
        if self.busy:
            self.dropped += 1
            return False
        self.busy = True
        self._request.emit(frame)
        return True

    @Slot(list, float)
    def _decoded(self, texts: list[str], milliseconds: float) -> None:
        self.busy = False
        if len(self.decode_ms) < 1000:
            self.decode_ms.append(milliseconds)
        for text in self.deduper.feed(texts, time.monotonic()):
            self.scanned.emit(text)

    def stop(self) -> None:
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait(3000)
