"""The whole domain schema. Importing this package registers every table on ``Base``."""

from models.schema.activities import (
    Activity,
    ActivityFeedback,
    AttendanceSession,
    CorrectionRequest,
    HourEntry,
    Registration,
    ScanEvent,
)
from models.schema.base import Base, new_id
from models.schema.donations import (
    CodeSequence,
    DonationBatch,
    Donor,
    Item,
    ItemCategory,
    ItemEvent,
    ItemPhoto,
)
from models.schema.organisation import (
    AppSetting,
    AuditEntry,
    MatchingRate,
    Organisation,
    Staff,
    Store,
)
from models.schema.people import Badge, Volunteer
from models.schema.sync import (
    OfficeActivity,
    OfficeDonationSummary,
    OfficeFeedback,
    OfficeHourLine,
    OfficeSession,
    Partner,
    SyncLog,
)

__all__ = [
    "Activity",
    "ActivityFeedback",
    "AppSetting",
    "AttendanceSession",
    "AuditEntry",
    "Badge",
    "Base",
    "CodeSequence",
    "CorrectionRequest",
    "DonationBatch",
    "Donor",
    "HourEntry",
    "Item",
    "ItemCategory",
    "ItemEvent",
    "ItemPhoto",
    "MatchingRate",
    "OfficeActivity",
    "OfficeDonationSummary",
    "OfficeFeedback",
    "OfficeHourLine",
    "OfficeSession",
    "Organisation",
    "Partner",
    "Registration",
    "ScanEvent",
    "Staff",
    "Store",
    "SyncLog",
    "Volunteer",
    "new_id",
]
