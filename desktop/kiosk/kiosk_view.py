"""The running kiosk for one open activity: what volunteers meet at the door.

Scans arrive from the keyboard-wedge scanner (wherever the focus is in the
window), from the camera, or typed into the scan field. Each is written on the
kiosk's own thread and answered only after it is committed; answers are big,
coloured, spoken by a sound, and held for a moment. Staff can check someone in
by name, add a walk-in, check someone out, and close the activity.
"""

from __future__ import annotations

import sys
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import messages, preferences
from desktop.context import AppContext
from desktop.i18n import model_text, user_message
from desktop.kiosk.answer_panel import Answer, AnswerPanel, Tone
from desktop.kiosk.scan_processor import Outcome, Request, ScanProcessor
from desktop.kiosk.sounds import Cue, KioskSounds
from models.clock import local, utcnow
from models.enums import ScanOutcome, ScanSource
from models.errors import UserError
from models.money import format_minutes_as_hours

if TYPE_CHECKING:
    from desktop.kiosk.camera_panel import CameraPanel
    from models import checkin, checkin_sessions

# Scan field input: Latin letters and digits only, no prediction, no IME.
_SCAN_HINTS = (
    Qt.InputMethodHint.ImhLatinOnly
    | Qt.InputMethodHint.ImhNoPredictiveText
    | Qt.InputMethodHint.ImhNoAutoUppercase
    | Qt.InputMethodHint.ImhPreferUppercase
)
STATUS_REFRESH_MS = 30_000
# Counts and the list of who is in are read this long after the last answer.
COUNTS_DELAY_MS = 120


@dataclass(frozen=True)
class KioskActivity:
    id: uuid.UUID
    title: str
    starts_at: datetime
    ends_at: datetime
    walk_ins_allowed: bool


class KioskView(QWidget):
    """One activity's kiosk. ``leaveRequested`` after the PIN was given."""

    leaveRequested = Signal()
    activityClosed = Signal()
    answered = Signal(object)  # the Outcome, after it is on screen

    def __init__(
        self,
        context: AppContext,
        activity: KioskActivity,
        parent: QWidget | None = None,
        *,
        with_camera: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kioskView")
        self.context = context
        self.activity = activity
        self.device = preferences.kiosk_device()
        # The time a scan is stamped with (tests replace it).
        self.clock = utcnow
        self._shut_down = False
        self.processor = self._new_processor()
        self.sounds = KioskSounds(self)
        self.sounds.enabled = preferences.get(preferences.KIOSK_SOUND)
        self.status: checkin_sessions.KioskStatus | None = None
        # Every answer shown, newest last (what was on screen, for tests and support).
        self.answers_shown: list[Answer] = []
        self._build(with_camera)
        self._focus_timer = QTimer(self)
        self._focus_timer.setSingleShot(True)
        self._focus_timer.timeout.connect(self._refocus)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(COUNTS_DELAY_MS)
        self._counts_timer.timeout.connect(self._counts_due)
        self._status_timer = QTimer(self)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start(STATUS_REFRESH_MS)
        self.refresh_status()
        QTimer.singleShot(0, self._refocus)

    # --- layout ----------------------------------------------------------------
    def _build(self, with_camera: bool) -> None:
        outer = QVBoxLayout(self)
        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("kioskTitle")
        font = self.title.font()
        font.setPointSize(18)
        font.setBold(True)
        self.title.setFont(font)
        header.addWidget(self.title, 1)
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Check in and out"), "both")
        self.mode.addItem(self.tr("Check in only"), "entry")
        self.mode.addItem(self.tr("Check out only"), "exit")
        self.mode.setCurrentIndex(
            max(0, self.mode.findData(preferences.get(preferences.KIOSK_MODE)))
        )
        self.mode.currentIndexChanged.connect(self._mode_changed)
        header.addWidget(self.mode)
        outer.addLayout(header)

        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("kioskScanField")
        self.scan_field.setPlaceholderText(
            self.tr("Scan a badge, or type the programme id from the roster and press Enter")
        )
        # A Chinese input method must never swallow or convert a scan.
        self.scan_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.scan_field.setInputMethodHints(_SCAN_HINTS)
        self.scan_field.returnPressed.connect(self._typed)
        outer.addWidget(self.scan_field)

        body = QHBoxLayout()
        self.answer = AnswerPanel()
        body.addWidget(self.answer, 3)
        side = QVBoxLayout()
        self.camera: CameraPanel | None = None
        if with_camera:
            from desktop.kiosk.camera_panel import CameraPanel

            self.camera = CameraPanel()
            self.camera.scanned.connect(lambda text: self.submit_scan(text, ScanSource.CAMERA))
            side.addWidget(self.camera, 2)
        counts = QFrame()
        counts.setObjectName("kioskCounts")
        grid = QGridLayout(counts)
        self.in_now = self._big_number()
        self.today = self._big_number()
        grid.addWidget(self.in_now, 0, 0)
        grid.addWidget(self.today, 0, 1)
        grid.addWidget(QLabel(self.tr("In now")), 1, 0, Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(QLabel(self.tr("Attendances today")), 1, 1, Qt.AlignmentFlag.AlignCenter)
        side.addWidget(counts)
        side.addWidget(QLabel(self.tr("Still checked in")))
        self.present = QListWidget()
        self.present.setObjectName("kioskPresent")
        side.addWidget(self.present, 2)
        body.addLayout(side, 2)
        outer.addLayout(body, 1)

        buttons = QHBoxLayout()
        self.manual_button = self._button(self.tr("Check in by name…"), self.manual_check_in)
        self.walk_in_button = self._button(self.tr("Walk-in…"), self.walk_in)
        self.walk_in_button.setEnabled(self.activity.walk_ins_allowed)
        self.check_out_button = self._button(self.tr("Check out selected"), self.check_out_selected)
        self.full_screen_button = self._button(
            self.tr("Full screen (F11)"), self.toggle_full_screen
        )
        self.close_button = self._button(self.tr("Close activity…"), self.close_activity)
        self.leave_button = self._button(self.tr("Leave kiosk"), self.request_leave)
        for button in (self.manual_button, self.walk_in_button, self.check_out_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.full_screen_button, self.close_button, self.leave_button):
            buttons.addWidget(button)
        outer.addLayout(buttons)

        shortcut = QShortcut(QKeySequence(Qt.Key.Key_F11), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self.toggle_full_screen)
        self._update_title()
        self.answer.set_idle(
            Answer(
                Tone.IDLE,
                self.tr("Welcome!"),
                detail=self.tr("Show your QR badge to the camera or the scanner."),
            )
        )

    def _big_number(self) -> QLabel:
        label = QLabel("0")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = label.font()
        font.setPointSize(28)
        font.setBold(True)
        label.setFont(font)
        return label

    def _button(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        # Buttons never keep the focus: the scan field stays ready for the scanner.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def _update_title(self) -> None:
        zone = self.context.time_zone
        start = local(self.activity.starts_at, zone)
        end = local(self.activity.ends_at, zone)
        self.title.setText(
            self.tr("{title} · {date} {start}–{end} · this kiosk: {device}").format(
                title=self.activity.title,
                date=f"{start:%Y-%m-%d}",
                start=f"{start:%H:%M}",
                end=f"{end:%H:%M}",
                device=self.device,
            )
        )

    # --- focus: the scan field always gets the next scan -----------------------------
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not self.isVisible():
            return
        if new is self.scan_field:
            return
        # The kiosk's own pickers may hold the focus while used; anything else gives
        # it back to the scan field.
        if new is not None and self.isAncestorOf(new) and isinstance(new, QComboBox | QListWidget):
            return
        self._focus_timer.start(0)

    def _refocus(self) -> None:
        if not self.isVisible() or QApplication.activeModalWidget() is not None:
            return
        if QApplication.activePopupWidget() is not None:
            return
        self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._refocus)

    def _new_processor(self) -> ScanProcessor:
        processor = ScanProcessor(self.context.database, self)
        processor.finished.connect(self._finished)
        processor.statusRead.connect(self._show_status)
        return processor

    # --- scans -----------------------------------------------------------------------
    def kiosk_mode(self) -> str:
        return str(self.mode.currentData())

    def _mode_changed(self) -> None:
        preferences.put(preferences.KIOSK_MODE, self.kiosk_mode())

    def _typed(self) -> None:
        text = self.scan_field.text()
        self.scan_field.clear()
        if text.strip():
            self.submit_scan(text, ScanSource.MANUAL)

    def handle_scan(self, text: str) -> bool:
        """From the application's scanner listener: the kiosk takes every scan."""
        self.scan_field.clear()
        self.submit_scan(text, ScanSource.SCANNER)
        return True

    def submit_scan(self, payload: str, source: ScanSource) -> Request:
        from models import checkin

        activity_id = self.activity.id
        device = self.device
        mode = checkin.KioskMode(self.kiosk_mode())
        at = self.clock()

        def write(session: Any) -> checkin.ScanAnswer:
            return checkin.record_scan(
                session,
                activity_id=activity_id,
                payload=payload,
                device_id=device,
                source=source,
                now=at,
                mode=mode,
            )

        return self.processor.submit(Request(write, None, label=payload))

    def _status_reader(self) -> Any:
        from models import checkin_sessions

        activity_id = self.activity.id
        zone = self.context.time_zone

        def read(session: Any) -> checkin_sessions.KioskStatus:
            return checkin_sessions.kiosk_status(session, activity_id, now=utcnow(), time_zone=zone)

        return read

    def _counts_due(self) -> None:
        if self.processor.pending:
            self._counts_timer.start()
        else:
            self.refresh_status()

    def refresh_status(self) -> None:
        self.processor.submit(Request(None, self._status_reader()))

    def _finished(self, outcome: Outcome) -> None:
        if outcome.error is not None:
            if isinstance(outcome.error, UserError):
                text = user_message(outcome.error)
            else:
                text = self.tr("Something went wrong; the scan was not saved.")
                error = outcome.error
                sys.excepthook(type(error), error, error.__traceback__)
            self.show_answer(
                Answer(Tone.ERROR, self.tr("Not saved — please scan again"), detail=text),
                Cue.ERROR,
            )
        elif outcome.result is not None:
            self._show_scan_answer(outcome.result)
        self.answered.emit(outcome)
        # Counts and the list follow once a burst of scans is answered.
        if outcome.request.write is not None and outcome.request.read is None:
            self._counts_timer.start()

    def _show_scan_answer(self, result: Any) -> None:
        answer: checkin.ScanAnswer = result
        zone = self.context.time_zone
        detail = answer.render(model_text)
        warning = (answer.render_warning(model_text) or "") if answer.warning else ""
        name = answer.volunteer_name or ""
        if answer.outcome is ScanOutcome.CHECK_IN:
            at = local(answer.checked_in_at or answer.scanned_at, zone)
            shown = Answer(
                Tone.CHECK_IN,
                self.tr("Checked in {time}").format(time=f"{at:%H:%M}"),
                name,
                "",
                warning,
            )
            cue = Cue.CHECK_IN
        elif answer.outcome is ScanOutcome.CHECK_OUT:
            shown = Answer(
                Tone.CHECK_OUT,
                self.tr("Checked out · {hours} h this time").format(
                    hours=format_minutes_as_hours(answer.minutes or 0)
                ),
                name,
                "",
                warning,
            )
            cue = Cue.CHECK_OUT
        elif answer.outcome is ScanOutcome.DUPLICATE:
            shown = Answer(Tone.DUPLICATE, self.tr("Already scanned"), name, detail, warning)
            cue = Cue.DUPLICATE
        else:
            shown = Answer(Tone.ERROR, self.tr("Not checked in"), name, detail, warning)
            cue = Cue.ERROR
        self.show_answer(shown, cue)

    def show_answer(self, answer: Answer, cue: Cue) -> None:
        self.answer.show_answer(answer)
        self.answers_shown.append(answer)
        del self.answers_shown[:-100]
        self.sounds.play(cue)

    def _show_status(self, status: Any) -> None:
        if status is None or self.status == status:
            return
        self.status = status
        zone = self.context.time_zone
        self.in_now.setText(str(status.in_now))
        self.today.setText(str(status.attendances_today))
        self.present.clear()
        for person in status.checked_in:
            at = local(person.started_at, zone)
            item = QListWidgetItem(
                self.tr("{name} · since {time}").format(name=person.name, time=f"{at:%H:%M}")
            )
            item.setData(Qt.ItemDataRole.UserRole, person.volunteer_id)
            self.present.addItem(item)

    # --- staff actions ---------------------------------------------------------------
    def manual_check_in(self) -> None:
        from desktop.kiosk.manual_check_in_dialog import ManualCheckInDialog

        dialog = ManualCheckInDialog(self.context, self.activity, self, walk_in=False)
        if dialog.exec() and dialog.request is not None:
            self.processor.submit(Request(dialog.request, self._status_reader(), label="manual"))
        self._refocus()

    def walk_in(self) -> None:
        from desktop.kiosk.manual_check_in_dialog import ManualCheckInDialog

        dialog = ManualCheckInDialog(self.context, self.activity, self, walk_in=True)
        if dialog.exec() and dialog.request is not None:
            self.processor.submit(Request(dialog.request, self._status_reader(), label="walk-in"))
        self._refocus()

    def check_out_selected(self) -> None:
        from models import checkin

        item = self.present.currentItem()
        if item is None:
            messages.information(
                self,
                self.tr("Check out"),
                self.tr("Select someone in the list of people still checked in first."),
            )
            return
        volunteer_id = item.data(Qt.ItemDataRole.UserRole)
        activity_id = self.activity.id
        device = self.device
        staff = self.context.staff

        def write(session: Any) -> checkin.ScanAnswer:
            return checkin.manual_check_out(
                session,
                activity_id=activity_id,
                volunteer_id=volunteer_id,
                device_id=device,
                staff=staff,
                now=utcnow(),
            )

        self.processor.submit(Request(write, self._status_reader(), label="manual-out"))
        self._refocus()

    def close_activity(self) -> None:
        from desktop.kiosk.close_activity_dialog import CloseActivityDialog

        if not self.unlock(self.tr("Close activity")):
            return
        self.processor.stop()
        dialog = CloseActivityDialog(self.context, self.activity.id, self.activity.title, self)
        closed = bool(dialog.exec()) and dialog.closed
        if closed:
            self.shutdown()
            self.activityClosed.emit()
            return
        self.processor = self._new_processor()
        self.refresh_status()
        self._refocus()

    def toggle_full_screen(self) -> None:
        self.set_full_screen(not self.window().isFullScreen())

    def set_full_screen(self, full: bool) -> None:
        window = self.window()
        chrome = getattr(window, "set_chrome_visible", None)
        if callable(chrome):
            chrome(not full)
        if full:
            window.showFullScreen()
        elif window.isFullScreen():
            window.showNormal()
        QTimer.singleShot(0, self._refocus)

    # --- the lock --------------------------------------------------------------------
    def unlock(self, title: str) -> bool:
        """Ask for the staff PIN (if one is set in Settings)."""
        from desktop.kiosk import kiosk_lock

        allowed = kiosk_lock.ask_pin(self, self.context.database, title)
        QTimer.singleShot(0, self._refocus)
        return allowed

    def request_leave(self) -> None:
        if self.unlock(self.tr("Leave kiosk")):
            self.shutdown()
            self.leaveRequested.emit()

    def shutdown(self) -> None:
        """Stop the camera and the writer (after finishing queued scans). Once is enough."""
        if self._shut_down:
            return
        self._shut_down = True
        self._status_timer.stop()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            try:
                app.focusChanged.disconnect(self._focus_changed)
            except (RuntimeError, TypeError):
                pass
        if self.camera is not None:
            self.camera.stop()
        self.processor.stop()
        self.set_full_screen(False)
