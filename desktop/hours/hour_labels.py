"""Translated names of hour kinds, entry states, anomaly kinds and request states."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from models.anomalies import AnomalyKind
from models.enums import ApprovalStatus, HourKind, RequestStatus
from models.money import format_minutes_as_hours


def kind_label(kind: HourKind) -> str:
    names = {
        HourKind.SESSION: QCoreApplication.translate("HourLabels", "Attendance"),
        HourKind.SUPPLEMENTAL: QCoreApplication.translate("HourLabels", "Supplemental"),
        HourKind.CORRECTION: QCoreApplication.translate("HourLabels", "Correction"),
    }
    return names[kind]


def entry_status_text(row: Any) -> str:
    """The state of an ``EntryRow`` as staff read it (approved entries are locked)."""
    if row.status is ApprovalStatus.APPROVED:
        text = QCoreApplication.translate("HourLabels", "Approved · locked")
        if row.exported:
            text += " · " + QCoreApplication.translate("HourLabels", "exported")
        return text
    if row.status is ApprovalStatus.REJECTED:
        return QCoreApplication.translate("HourLabels", "Rejected")
    if row.awaiting_second:
        return QCoreApplication.translate("HourLabels", "Pending · needs a second approval")
    if row.needs_review:
        return QCoreApplication.translate("HourLabels", "Pending · check the times")
    return QCoreApplication.translate("HourLabels", "Pending")


def signed_hours(minutes: int, *, signed: bool) -> str:
    """Hours with one decimal; a correction shows its sign (+0.5 / -0.5)."""
    text = format_minutes_as_hours(minutes)
    return f"+{text}" if signed and minutes > 0 else text


def anomaly_kind_label(kind: AnomalyKind) -> str:
    names = {
        AnomalyKind.OPEN_SESSION: QCoreApplication.translate("HourLabels", "Still checked in"),
        AnomalyKind.NEEDS_REVIEW: QCoreApplication.translate("HourLabels", "Closed automatically"),
        AnomalyKind.LONG_SESSION: QCoreApplication.translate("HourLabels", "Longer than the cap"),
        AnomalyKind.OVERLAP: QCoreApplication.translate("HourLabels", "Overlapping activities"),
        AnomalyKind.OUTSIDE_WINDOW: QCoreApplication.translate(
            "HourLabels", "Scan outside the activity time"
        ),
        AnomalyKind.CLOCK_JUMP: QCoreApplication.translate("HourLabels", "Device clock jumped"),
    }
    return names[kind]


def request_status_label(status: RequestStatus) -> str:
    if status is RequestStatus.ANSWERED:
        return QCoreApplication.translate("HourLabels", "Answered")
    return QCoreApplication.translate("HourLabels", "Open")
