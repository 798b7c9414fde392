"""The period the hours screen shows: this month, last month, this year, all or custom.

Dates are local days of the organisation's time zone, both ends inclusive; ``None``
is an open end.  :func:`period_dates` is the rule, the widget only asks.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget


class Period(StrEnum):
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_YEAR = "this_year"
    ALL = "all"
    CUSTOM = "custom"


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def period_dates(
    period: Period, today: date, custom: tuple[date, date] | None = None
) -> tuple[date | None, date | None]:
    """The first and last local day of ``period`` seen from ``today``."""
    if period is Period.THIS_MONTH:
        first = today.replace(day=1)
        return first, _month_end(first)
    if period is Period.LAST_MONTH:
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if period is Period.THIS_YEAR:
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if period is Period.CUSTOM and custom is not None:
        low, high = sorted(custom)
        return low, high
    return None, None


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class PeriodFilter(QWidget):
    """A period choice plus from–to dates (editable for a custom period)."""

    changed = Signal()

    def __init__(
        self,
        time_zone: str,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] | None = None,
    ) -> None:
        super().__init__(parent)
        self._zone = time_zone
        self._today = today or (lambda: datetime.now(ZoneInfo(self._zone)).date())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Period:")))
        self.choice = QComboBox()
        for period, text in (
            (Period.THIS_MONTH, self.tr("This month")),
            (Period.LAST_MONTH, self.tr("Last month")),
            (Period.THIS_YEAR, self.tr("This year")),
            (Period.ALL, self.tr("All time")),
            (Period.CUSTOM, self.tr("Custom…")),
        ):
            self.choice.addItem(text, period.value)
        layout.addWidget(self.choice)
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        layout.addWidget(self.start)
        self.dash = QLabel("–")
        layout.addWidget(self.dash)
        layout.addWidget(self.end)
        self._show_dates()
        self.choice.currentIndexChanged.connect(self._choice_changed)
        self.start.dateChanged.connect(self._date_edited)
        self.end.dateChanged.connect(self._date_edited)

    def period(self) -> Period:
        return Period(self.choice.currentData())

    def dates(self) -> tuple[date | None, date | None]:
        custom = (_pydate(self.start.date()), _pydate(self.end.date()))
        return period_dates(self.period(), self._today(), custom)

    def set_period(self, period: Period) -> None:
        self.choice.setCurrentIndex(self.choice.findData(period.value))

    def set_custom(self, start: date, end: date) -> None:
        """Choose a custom period (emits ``changed`` once)."""
        self.blockSignals(True)
        try:
            self.set_period(Period.CUSTOM)
            self.start.setDate(_qdate(start))
            self.end.setDate(_qdate(end))
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def describe(self) -> str:
        """The period as the totals strip titles it, e.g. '2025-03-01 – 2025-03-31'."""
        start, end = self.dates()
        if start is None and end is None:
            return self.tr("All time")
        return f"{start or '…'} – {end or '…'}"

    def _show_dates(self) -> None:
        custom = self.period() is Period.CUSTOM
        for edit in (self.start, self.end):
            edit.setEnabled(custom)
        if custom:
            return
        start, end = self.dates()
        today = self._today()
        for edit, value in ((self.start, start or today), (self.end, end or today)):
            edit.blockSignals(True)
            edit.setDate(_qdate(value))
            edit.blockSignals(False)
        for widget in (self.start, self.dash, self.end):
            widget.setVisible(start is not None or end is not None)

    def _choice_changed(self) -> None:
        for widget in (self.start, self.dash, self.end):
            widget.setVisible(True)
        self._show_dates()
        self.changed.emit()

    def _date_edited(self) -> None:
        if self.period() is Period.CUSTOM:
            self.changed.emit()
