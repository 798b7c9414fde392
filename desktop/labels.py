"""Translated names of stored enum values (statuses, states, kinds)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.enums import (
    ActivityState,
    DonorKind,
    Grade,
    IntakeChannel,
    ItemEventKind,
    ItemStatus,
)


def item_status_label(status: ItemStatus) -> str:
    names = {
        ItemStatus.RECEIVED: QCoreApplication.translate("labels", "Received"),
        ItemStatus.SORTED: QCoreApplication.translate("labels", "Sorted"),
        ItemStatus.ON_SHELF: QCoreApplication.translate("labels", "On shelf"),
        ItemStatus.SOLD: QCoreApplication.translate("labels", "Sold"),
        ItemStatus.PASSED_ON: QCoreApplication.translate("labels", "Passed on"),
        ItemStatus.RECYCLED: QCoreApplication.translate("labels", "Recycled"),
        ItemStatus.DISCARDED: QCoreApplication.translate("labels", "Discarded"),
    }
    return names[status]


def activity_state_label(state: ActivityState) -> str:
    names = {
        ActivityState.DRAFT: QCoreApplication.translate("labels", "Draft"),
        ActivityState.OPEN: QCoreApplication.translate("labels", "Open"),
        ActivityState.CLOSED: QCoreApplication.translate("labels", "Closed"),
        ActivityState.EXPORTED: QCoreApplication.translate("labels", "Exported"),
    }
    return names[state]


def grade_label(grade: Grade) -> str:
    if grade == Grade.UNSELLABLE:
        return QCoreApplication.translate("labels", "Unsellable")
    return grade.value


def channel_label(channel: IntakeChannel) -> str:
    names = {
        IntakeChannel.WALK_IN: QCoreApplication.translate("labels", "Walk-in"),
        IntakeChannel.COURIER: QCoreApplication.translate("labels", "Courier"),
        IntakeChannel.PICKUP: QCoreApplication.translate("labels", "Pickup"),
        IntakeChannel.CORPORATE_DELIVERY: QCoreApplication.translate(
            "labels", "Corporate delivery"
        ),
        IntakeChannel.IMPORT: QCoreApplication.translate("labels", "Imported list"),
    }
    return names[channel]


def donor_kind_label(kind: DonorKind) -> str:
    names = {
        DonorKind.INDIVIDUAL: QCoreApplication.translate("labels", "Individual"),
        DonorKind.CORPORATE: QCoreApplication.translate("labels", "Company"),
        DonorKind.ANONYMOUS: QCoreApplication.translate("labels", "Anonymous"),
    }
    return names[kind]


def event_label(kind: ItemEventKind) -> str:
    names = {
        ItemEventKind.RECEIVED: QCoreApplication.translate("labels", "Received", "event"),
        ItemEventKind.SORTED: QCoreApplication.translate("labels", "Sort"),
        ItemEventKind.SHELVED: QCoreApplication.translate("labels", "Put on shelf"),
        ItemEventKind.SOLD: QCoreApplication.translate("labels", "Sell"),
        ItemEventKind.PASSED_ON: QCoreApplication.translate("labels", "Pass on to a charity"),
        ItemEventKind.RECYCLED: QCoreApplication.translate("labels", "Recycle"),
        ItemEventKind.DISCARDED: QCoreApplication.translate("labels", "Discard"),
        ItemEventKind.TRANSFERRED: QCoreApplication.translate("labels", "Transfer to a store"),
        ItemEventKind.LABEL_PRINTED: QCoreApplication.translate("labels", "Label printed"),
        ItemEventKind.NOTE: QCoreApplication.translate("labels", "Note"),
    }
    return names[kind]
