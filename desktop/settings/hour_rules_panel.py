"""The service-hour rules in Settings: how attendance turns into counted hours.

A form for ``models.hour_rules.HourRules`` with a plain-words explanation under
every field.  "Save rules" stores them (audited) for hours recorded from now on
and changes nothing already recorded.  "Preview recalculation…" shows what the
rules would change in pending hours (approved hours are locked and only listed);
applying asks for a reason and runs ``apply_recalculation`` (saved and audited).
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import messages
from desktop.context import AppContext
from desktop.i18n import user_message
from desktop.jobs import Progress, run_job
from desktop.settings.recalc_preview_dialog import PreviewData, RecalcPreviewDialog, load_preview
from models import hour_rules, settings
from models.errors import UserError
from models.hour_recalc import RecalcResult, apply_recalculation, load_rules
from models.hour_rules import HourRules


class HourRulesPanel(QWidget):
    """Edit, save and (explicitly) apply the hour rules; ``changed`` after any write."""

    changed = Signal(str)  # a status message

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.dialog: RecalcPreviewDialog | None = None
        self.stored = HourRules()
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "These rules turn check-in and check-out times into counted service hours. "
                "Saving them changes only hours recorded from now on; to apply them to "
                "hours still waiting for approval, use “Preview recalculation…”. "
                "Approved hours never change."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self._build_fields()
        self.show_rules(self.stored)
        buttons = QHBoxLayout()
        self.defaults_button = QPushButton(self.tr("Restore defaults"))
        self.defaults_button.clicked.connect(lambda: self.show_rules(HourRules()))
        self.revert_button = QPushButton(self.tr("Undo changes"))
        self.revert_button.clicked.connect(lambda: self.show_rules(self.stored))
        self.save_button = QPushButton(self.tr("Save rules"))
        self.save_button.clicked.connect(self.save)
        self.preview_button = QPushButton(self.tr("Preview recalculation…"))
        self.preview_button.clicked.connect(self.preview)
        buttons.addWidget(self.defaults_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.preview_button)
        layout.addLayout(buttons)
        layout.addStretch(1)

    # --- the form --------------------------------------------------------------------
    def _spin(self, low: int, high: int, suffix: str, off: str = "") -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        if off:
            spin.setSpecialValueText(off)  # shown for the lowest value (0)
        spin.setMinimumWidth(120)
        return spin

    def _row(self, label: str, field: QWidget, hint: str) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 4)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(field)
        row.addStretch(1)
        column.addLayout(row)
        explain = QLabel(hint)
        explain.setWordWrap(True)
        explain.setObjectName("hint")
        explain.setStyleSheet("color: #5b6b63;")  # as QLabel#figureLabel in app.qss
        column.addWidget(explain)
        self.form.addRow(label, box)

    def _build_fields(self) -> None:
        minutes = self.tr(" min")
        hours = self.tr(" h")
        self.rounding_step = self._spin(1, hour_rules.MAX_STEP, minutes)
        self._row(
            self.tr("Rounding step"),
            self.rounding_step,
            self.tr("Counted time is rounded to a multiple of this, e.g. 15 minutes."),
        )
        self.rounding_mode = QComboBox()
        self.rounding_mode.addItem(self.tr("Down (never credit time not served)"), "down")
        self.rounding_mode.addItem(self.tr("To the nearest step"), "nearest")
        self._row(
            self.tr("Rounding"),
            self.rounding_mode,
            self.tr("“Down” turns 58 minutes into 45 with a 15-minute step; “nearest” into 60."),
        )
        self.min_session = self._spin(0, hour_rules.MINUTES_PER_DAY, minutes, self.tr("None"))
        self._row(
            self.tr("Minimum session"),
            self.min_session,
            self.tr("A visit shorter than this counts nothing."),
        )
        self.cap_session = self._spin(0, hour_rules.MINUTES_PER_DAY, minutes, self.tr("No cap"))
        self._row(
            self.tr("Cap per session"),
            self.cap_session,
            self.tr("One visit never counts more than this."),
        )
        self.cap_day = self._spin(0, hour_rules.MINUTES_PER_DAY, minutes, self.tr("No cap"))
        self._row(
            self.tr("Cap per day"),
            self.cap_day,
            self.tr("A volunteer's hours on one day, across all activities, stop here."),
        )
        self.grace = self._spin(0, hour_rules.MAX_GRACE, minutes)
        self._row(
            self.tr("Grace around the activity"),
            self.grace,
            self.tr(
                "Time this long before the start or after the end still counts; time "
                "further outside the activity does not."
            ),
        )
        self.min_share = self._spin(0, 100, self.tr(" %"), self.tr("Off"))
        self._row(
            self.tr("Minimum share of the activity"),
            self.min_share,
            self.tr(
                "Optional: a visit counts only if it covers at least this share of the "
                "activity's scheduled time."
            ),
        )
        self.second_approval = self._spin(0, hour_rules.MINUTES_PER_DAY, minutes, self.tr("Off"))
        self._row(
            self.tr("Second approval for days over"),
            self.second_approval,
            self.tr(
                "Optional: a volunteer's day with more than this (480 minutes = 8 hours) "
                "needs a second member of staff to approve."
            ),
        )
        self.matching_period = QComboBox()
        self.matching_period.addItem(self.tr("Month"), hour_rules.PERIOD_MONTH)
        self.matching_period.addItem(self.tr("Year"), hour_rules.PERIOD_YEAR)
        self._row(
            self.tr("Matching period"),
            self.matching_period,
            self.tr("The minimum and maximum below count per volunteer in each such period."),
        )
        self.matching_min = self._spin(0, hour_rules.MAX_PERIOD_HOURS, hours, self.tr("None"))
        self._row(
            self.tr("Matching: minimum hours"),
            self.matching_min,
            self.tr(
                "Optional: the sponsor matches a volunteer's hours only once they reach "
                "this many in the period."
            ),
        )
        self.matching_max = self._spin(0, hour_rules.MAX_PERIOD_HOURS, hours, self.tr("No limit"))
        self._row(
            self.tr("Matching: maximum hours"),
            self.matching_max,
            self.tr("Optional: hours beyond this in the period are not matched."),
        )

    def show_rules(self, rules: HourRules) -> None:
        self.rounding_step.setValue(rules.rounding_step_minutes)
        self.rounding_mode.setCurrentIndex(max(0, self.rounding_mode.findData(rules.rounding_mode)))
        self.min_session.setValue(rules.min_session_minutes)
        self.cap_session.setValue(rules.cap_session_minutes)
        self.cap_day.setValue(rules.cap_day_minutes)
        self.grace.setValue(rules.grace_minutes)
        self.min_share.setValue(rules.min_share_percent)
        self.second_approval.setValue(rules.second_approval_over_day_minutes)
        self.matching_period.setCurrentIndex(
            max(0, self.matching_period.findData(rules.matching_period))
        )
        self.matching_min.setValue(rules.matching_min_hours)
        self.matching_max.setValue(rules.matching_max_hours)

    def rules(self) -> HourRules:
        """The rules as shown in the form (not validated)."""
        return HourRules(
            rounding_step_minutes=self.rounding_step.value(),
            rounding_mode=str(self.rounding_mode.currentData()),
            min_session_minutes=self.min_session.value(),
            cap_session_minutes=self.cap_session.value(),
            cap_day_minutes=self.cap_day.value(),
            grace_minutes=self.grace.value(),
            min_share_percent=self.min_share.value(),
            second_approval_over_day_minutes=self.second_approval.value(),
            matching_period=str(self.matching_period.currentData()),
            matching_min_hours=self.matching_min.value(),
            matching_max_hours=self.matching_max.value(),
        )

    def is_modified(self) -> bool:
        return self.rules() != self.stored

    def reload(self) -> None:
        with self.context.database.reading() as session:
            self.stored = load_rules(session)
        self.show_rules(self.stored)

    def reload_if_unchanged(self) -> None:
        if not self.is_modified():
            self.reload()

    def _checked(self, title: str) -> HourRules | None:
        rules = self.rules()
        try:
            rules.validate()
        except UserError as exc:
            messages.error(self, title, user_message(exc))
            return None
        return rules

    # --- saving without recalculation ---------------------------------------------------
    def save(self) -> bool:
        title = self.tr("Save hour rules")
        rules = self._checked(title)
        if rules is None:
            return False
        try:
            with self.context.database.transaction() as session:
                saved = settings.save(session, cast(Any, rules), staff=self.context.staff)
        except UserError as exc:
            messages.error(self, title, user_message(exc))
            return False
        self.stored = rules
        if saved:
            self.changed.emit(
                self.tr("Hour rules saved. Hours already recorded were not recalculated.")
            )
        return True

    # --- preview and apply --------------------------------------------------------------
    def preview(self) -> None:
        title = self.tr("Preview recalculation")
        rules = self._checked(title)
        if rules is None:
            return
        database, label = self.context.database, self.tr("Working out what would change…")

        def work(progress: Progress) -> PreviewData:
            progress.report(0, 0, label)
            with database.reading() as session:
                return load_preview(session, rules)

        self.preview_button.setEnabled(False)
        job = run_job(self, title, work, self.show_preview)
        job.done.connect(self._preview_finished)  # a bound slot: dropped with the panel

    def _preview_finished(self) -> None:
        self.preview_button.setEnabled(True)

    def show_preview(self, data: PreviewData) -> None:
        if self.dialog is not None:
            self.dialog.close()
        dialog = RecalcPreviewDialog(data, self)
        dialog.applyRequested.connect(lambda: self.apply(data.rules))
        self.dialog = dialog
        dialog.open()

    def apply(self, rules: HourRules) -> None:
        title = self.tr("Apply new hour rules")
        reason = messages.ask_text(
            self,
            title,
            self.tr("Why are the rules changing? (kept in the audit log with every change)"),
        )
        if reason is None:
            return
        reason = reason.strip()
        if not reason:
            messages.error(self, title, self.tr("Give a reason; nothing was changed."))
            return
        database, staff = self.context.database, self.context.staff
        label = self.tr("Recalculating pending hours…")

        def work(progress: Progress) -> RecalcResult:
            progress.report(0, 0, label)
            with database.transaction() as session:
                return apply_recalculation(session, rules, staff=staff, reason=reason)

        run_job(self, title, work, lambda result: self._applied(rules, result))

    def _applied(self, rules: HourRules, result: RecalcResult) -> None:
        self.stored = rules
        self.show_rules(rules)
        if self.dialog is not None:
            self.dialog.accept()
            self.dialog = None
        text = self.tr(
            "Recalculated: {created} new, {updated} changed and {rejected} no longer "
            "counting. {locked} approved entries were left as they are."
        ).format(
            created=len(result.created),
            updated=len(result.updated),
            rejected=len(result.rejected),
            locked=result.locked,
        )
        messages.information(self, self.tr("Apply new hour rules"), text)
        self.changed.emit(text)
