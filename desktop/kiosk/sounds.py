"""The kiosk's answer sounds (resources/sounds), one distinct cue per kind of answer.

QtMultimedia is imported only when the kiosk starts; a machine without an audio
device simply stays silent.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, QUrl

from models import resources


class Cue(StrEnum):
    CHECK_IN = "check_in"
    CHECK_OUT = "check_out"
    DUPLICATE = "duplicate"
    ERROR = "error"


class KioskSounds(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

        self.enabled = True
        self.last: Cue | None = None
        self._effects: dict[Cue, QSoundEffect] = {}
        # No speaker (or no sound server): the kiosk answers on screen only.
        self.available = bool(QMediaDevices.audioOutputs())
        for cue in Cue if self.available else ():
            effect = QSoundEffect(self)
            effect.setSource(self.source(cue))
            effect.setVolume(0.8)
            self._effects[cue] = effect

    def play(self, cue: Cue) -> None:
        self.last = cue
        if not self.enabled or not self.available:
            return
        for other in self._effects.values():
            if other.isPlaying():
                other.stop()
        self._effects[cue].play()

    @staticmethod
    def source(cue: Cue) -> QUrl:
        return QUrl.fromLocalFile(str(resources.path(f"sounds/{cue.value}.wav")))
