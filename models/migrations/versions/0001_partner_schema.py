"""Partner schema: organisation, donations, people, activities, hours, sync log.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 12:15:44.014606
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "app_setting",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_setting")),
    )
    op.create_table(
        "audit_log",
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("staff_name", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("entity", sa.String(length=60), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_entity"), ["entity"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "donor",
        sa.Column(
            "kind",
            sa.Enum(
                "individual",
                "corporate",
                "anonymous",
                name="donorkind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_donor")),
    )
    with op.batch_alter_table("donor", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_donor_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_donor_phone"), ["phone"], unique=False)
        batch_op.create_index(batch_op.f("ix_donor_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "item_category",
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["item_category.id"],
            name=op.f("fk_item_category_parent_id_item_category"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_category")),
        sa.UniqueConstraint("parent_id", "name", name=op.f("uq_item_category_parent_id_name")),
    )
    with op.batch_alter_table("item_category", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_item_category_updated_at"), ["updated_at"], unique=False
        )

    op.create_table(
        "matching_rate",
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("fen_per_hour", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_matching_rate")),
        sa.UniqueConstraint("effective_from", name=op.f("uq_matching_rate_effective_from")),
    )
    op.create_table(
        "organisation",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("contact_person", sa.String(length=100), nullable=True),
        sa.Column("contact_phone", sa.String(length=40), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("badge_secret", sa.LargeBinary(length=64), nullable=False),
        sa.Column("signing_private_key", sa.LargeBinary(length=64), nullable=False),
        sa.Column("signing_public_key", sa.LargeBinary(length=64), nullable=False),
        sa.Column("seal_png", sa.LargeBinary(), nullable=True),
        sa.Column("staff_pin_hash", sa.String(length=200), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
        sa.UniqueConstraint("code", name=op.f("uq_organisation_code")),
    )
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_organisation_updated_at"), ["updated_at"], unique=False
        )

    op.create_table(
        "store",
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store")),
        sa.UniqueConstraint("code", name=op.f("uq_store_code")),
    )
    with op.batch_alter_table("store", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_store_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "sync_log",
        sa.Column(
            "direction",
            sa.Enum("export", "import", name="syncdirection", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("org_code", sa.String(length=16), nullable=False),
        sa.Column("export_id", sa.Uuid(), nullable=False),
        sa.Column("follows_id", sa.Uuid(), nullable=True),
        sa.Column("period_start", sa.DateTime(), nullable=True),
        sa.Column("period_end", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("format_version", sa.String(length=10), nullable=False),
        sa.Column("include_contacts", sa.Boolean(), nullable=False),
        sa.Column("staff_name", sa.String(length=100), nullable=True),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_log")),
    )
    with op.batch_alter_table("sync_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_log_export_id"), ["export_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_log_org_code"), ["org_code"], unique=False)

    op.create_table(
        "volunteer",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("name_initials", sa.String(length=40), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("employer", sa.String(length=200), nullable=True),
        sa.Column("employee_no", sa.String(length=60), nullable=True),
        sa.Column("programme_id", sa.String(length=60), nullable=True),
        sa.Column("skills", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("consent_at", sa.DateTime(), nullable=True),
        sa.Column("consent_note", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("merged_into_id", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["merged_into_id"], ["volunteer.id"], name=op.f("fk_volunteer_merged_into_id_volunteer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer")),
        sa.UniqueConstraint("code", name=op.f("uq_volunteer_code")),
    )
    with op.batch_alter_table("volunteer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_volunteer_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_volunteer_name_initials"), ["name_initials"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_volunteer_phone"), ["phone"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_volunteer_programme_id"), ["programme_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_volunteer_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "activity",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=60), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=True),
        sa.Column("store_id", sa.Uuid(), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("scheduled_minutes", sa.Integer(), nullable=False),
        sa.Column("programme_tag", sa.String(length=60), nullable=True),
        sa.Column(
            "state",
            sa.Enum(
                "draft",
                "open",
                "closed",
                "exported",
                name="activitystate",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("walk_ins_allowed", sa.Boolean(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_activity_ends_after_start")),
        sa.ForeignKeyConstraint(
            ["store_id"], ["store.id"], name=op.f("fk_activity_store_id_store")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
    )
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activity_starts_at"), ["starts_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "badge",
        sa.Column("volunteer_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("retired_reason", sa.String(length=200), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteer.id"], name=op.f("fk_badge_volunteer_id_volunteer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_badge")),
        sa.UniqueConstraint("volunteer_id", "seq", name=op.f("uq_badge_volunteer_id_seq")),
    )
    with op.batch_alter_table("badge", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_badge_volunteer_id"), ["volunteer_id"], unique=False)

    op.create_table(
        "code_sequence",
        sa.Column("store_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("next_value", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"], ["store.id"], name=op.f("fk_code_sequence_store_id_store")
        ),
        sa.PrimaryKeyConstraint("store_id", "year", name=op.f("pk_code_sequence")),
    )
    op.create_table(
        "staff",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=50), nullable=True),
        sa.Column("store_id", sa.Uuid(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["store.id"], name=op.f("fk_staff_store_id_store")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
    )
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "activity_feedback",
        sa.Column("activity_id", sa.Uuid(), nullable=False),
        sa.Column("people_served", sa.Integer(), nullable=True),
        sa.Column("beneficiaries", sa.Text(), nullable=True),
        sa.Column("work_done", sa.Text(), nullable=True),
        sa.Column("outcomes", sa.Text(), nullable=True),
        sa.Column("problems", sa.Text(), nullable=True),
        sa.Column("photo_count", sa.Integer(), nullable=False),
        sa.Column("satisfaction", sa.Integer(), nullable=True),
        sa.Column("waived", sa.Boolean(), nullable=False),
        sa.Column("waive_reason", sa.Text(), nullable=True),
        sa.Column("submitted_by", sa.String(length=100), nullable=True),
        sa.Column("submitted_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_activity_feedback_activity_id_activity")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_feedback")),
        sa.UniqueConstraint("activity_id", name=op.f("uq_activity_feedback_activity_id")),
    )
    with op.batch_alter_table("activity_feedback", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_feedback_updated_at"), ["updated_at"], unique=False
        )

    op.create_table(
        "donation_batch",
        sa.Column("receipt_no", sa.String(length=32), nullable=False),
        sa.Column("donor_id", sa.Uuid(), nullable=True),
        sa.Column("store_id", sa.Uuid(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column(
            "channel",
            sa.Enum(
                "walk_in",
                "courier",
                "pickup",
                "corporate_delivery",
                "import",
                name="intakechannel",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("staff_id", sa.Uuid(), nullable=True),
        sa.Column("import_source", sa.String(length=300), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["donor_id"], ["donor.id"], name=op.f("fk_donation_batch_donor_id_donor")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_donation_batch_staff_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["store_id"], ["store.id"], name=op.f("fk_donation_batch_store_id_store")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_donation_batch")),
        sa.UniqueConstraint("receipt_no", name=op.f("uq_donation_batch_receipt_no")),
    )
    with op.batch_alter_table("donation_batch", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_donation_batch_donor_id"), ["donor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_donation_batch_received_on"), ["received_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_donation_batch_updated_at"), ["updated_at"], unique=False
        )

    op.create_table(
        "registration",
        sa.Column("activity_id", sa.Uuid(), nullable=False),
        sa.Column("volunteer_id", sa.Uuid(), nullable=False),
        sa.Column("programme_id", sa.String(length=60), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_registration_activity_id_activity")
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteer.id"], name=op.f("fk_registration_volunteer_id_volunteer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registration")),
        sa.UniqueConstraint(
            "activity_id", "volunteer_id", name=op.f("uq_registration_activity_id_volunteer_id")
        ),
    )
    with op.batch_alter_table("registration", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_registration_activity_id"), ["activity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_registration_programme_id"), ["programme_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_registration_updated_at"), ["updated_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_registration_volunteer_id"), ["volunteer_id"], unique=False
        )

    op.create_table(
        "scan_event",
        sa.Column("activity_id", sa.Uuid(), nullable=True),
        sa.Column("volunteer_id", sa.Uuid(), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column(
            "source",
            sa.Enum(
                "camera",
                "scanner",
                "manual",
                "paper",
                name="scansource",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "outcome",
            sa.Enum(
                "check_in",
                "check_out",
                "duplicate",
                "rejected",
                name="scanoutcome",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("reason", sa.String(length=40), nullable=True),
        sa.Column("payload", sa.String(length=200), nullable=False),
        sa.Column("scanned_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("staff_id", sa.Uuid(), nullable=True),
        sa.Column("outside_window", sa.Boolean(), nullable=False),
        sa.Column("backfilled", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_scan_event_activity_id_activity")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_scan_event_staff_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteer.id"], name=op.f("fk_scan_event_volunteer_id_volunteer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_event")),
    )
    with op.batch_alter_table("scan_event", schema=None) as batch_op:
        batch_op.create_index(
            "ix_scan_event_activity_volunteer_at",
            ["activity_id", "volunteer_id", "scanned_at"],
            unique=False,
        )

    op.create_table(
        "attendance_session",
        sa.Column("activity_id", sa.Uuid(), nullable=False),
        sa.Column("volunteer_id", sa.Uuid(), nullable=False),
        sa.Column("check_in_event_id", sa.Uuid(), nullable=True),
        sa.Column("check_out_event_id", sa.Uuid(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "closed",
                "resolved",
                "discarded",
                name="sessionstatus",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("resolution", sa.String(length=20), nullable=True),
        sa.Column("resolved_by", sa.String(length=100), nullable=True),
        sa.Column("counted_minutes", sa.Integer(), nullable=False),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activity.id"],
            name=op.f("fk_attendance_session_activity_id_activity"),
        ),
        sa.ForeignKeyConstraint(
            ["check_in_event_id"],
            ["scan_event.id"],
            name=op.f("fk_attendance_session_check_in_event_id_scan_event"),
        ),
        sa.ForeignKeyConstraint(
            ["check_out_event_id"],
            ["scan_event.id"],
            name=op.f("fk_attendance_session_check_out_event_id_scan_event"),
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer.id"],
            name=op.f("fk_attendance_session_volunteer_id_volunteer"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance_session")),
    )
    with op.batch_alter_table("attendance_session", schema=None) as batch_op:
        batch_op.create_index(
            "ix_attendance_session_activity_status", ["activity_id", "status"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_attendance_session_updated_at"), ["updated_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_attendance_session_volunteer_id"), ["volunteer_id"], unique=False
        )

    op.create_table(
        "item",
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("batch_id", sa.Uuid(), nullable=False),
        sa.Column("category_id", sa.Uuid(), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column(
            "grade",
            sa.Enum("A", "B", "C", "X", name="grade", native_enum=False, length=2),
            nullable=False,
        ),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_value_fen", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "received",
                "sorted",
                "on_shelf",
                "sold",
                "passed_on",
                "recycled",
                "discarded",
                name="itemstatus",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("store_id", sa.Uuid(), nullable=False),
        sa.Column("sold_price_fen", sa.Integer(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("labelled_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_item_quantity_positive")),
        sa.CheckConstraint("unit_value_fen >= 0", name=op.f("ck_item_value_not_negative")),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["donation_batch.id"], name=op.f("fk_item_batch_id_donation_batch")
        ),
        sa.ForeignKeyConstraint(
            ["category_id"], ["item_category.id"], name=op.f("fk_item_category_id_item_category")
        ),
        sa.ForeignKeyConstraint(["store_id"], ["store.id"], name=op.f("fk_item_store_id_store")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item")),
        sa.UniqueConstraint("code", name=op.f("uq_item_code")),
    )
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_item_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_item_category_id"), ["category_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_item_grade"), ["grade"], unique=False)
        batch_op.create_index(batch_op.f("ix_item_received_at"), ["received_at"], unique=False)
        batch_op.create_index("ix_item_status_store", ["status", "store_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_item_store_id"), ["store_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_item_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "hour_entry",
        sa.Column("volunteer_id", sa.Uuid(), nullable=False),
        sa.Column("activity_id", sa.Uuid(), nullable=True),
        sa.Column("session_id", sa.Uuid(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "session",
                "supplemental",
                "correction",
                name="hourkind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("work_date", sa.Date(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("requested_by", sa.String(length=100), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "approved",
                "rejected",
                name="approvalstatus",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("second_approver", sa.String(length=100), nullable=True),
        sa.Column("corrects_id", sa.Uuid(), nullable=True),
        sa.Column("exported_in_id", sa.Uuid(), nullable=True),
        sa.Column("matching_fen", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_hour_entry_activity_id_activity")
        ),
        sa.ForeignKeyConstraint(
            ["corrects_id"], ["hour_entry.id"], name=op.f("fk_hour_entry_corrects_id_hour_entry")
        ),
        sa.ForeignKeyConstraint(
            ["exported_in_id"], ["sync_log.id"], name=op.f("fk_hour_entry_exported_in_id_sync_log")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["attendance_session.id"],
            name=op.f("fk_hour_entry_session_id_attendance_session"),
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteer.id"], name=op.f("fk_hour_entry_volunteer_id_volunteer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hour_entry")),
    )
    with op.batch_alter_table("hour_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_hour_entry_activity_id"), ["activity_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_hour_entry_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_hour_entry_updated_at"), ["updated_at"], unique=False)
        batch_op.create_index(
            "ix_hour_entry_volunteer_work_date", ["volunteer_id", "work_date"], unique=False
        )

    op.create_table(
        "item_event",
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "received",
                "sorted",
                "shelved",
                "sold",
                "passed_on",
                "recycled",
                "discarded",
                "transferred",
                "label_printed",
                "note",
                name="itemeventkind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("staff_id", sa.Uuid(), nullable=True),
        sa.Column("store_id", sa.Uuid(), nullable=False),
        sa.Column("to_store_id", sa.Uuid(), nullable=True),
        sa.Column("price_fen", sa.Integer(), nullable=True),
        sa.Column("recipient", sa.String(length=200), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["item.id"], name=op.f("fk_item_event_item_id_item")),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_item_event_staff_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["store_id"], ["store.id"], name=op.f("fk_item_event_store_id_store")
        ),
        sa.ForeignKeyConstraint(
            ["to_store_id"], ["store.id"], name=op.f("fk_item_event_to_store_id_store")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_event")),
    )
    with op.batch_alter_table("item_event", schema=None) as batch_op:
        batch_op.create_index("ix_item_event_item_at", ["item_id", "at"], unique=False)

    op.create_table(
        "item_photo",
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("thumb_name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["item.id"], name=op.f("fk_item_photo_item_id_item")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_photo")),
    )
    with op.batch_alter_table("item_photo", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_item_photo_item_id"), ["item_id"], unique=False)

    op.create_table(
        "correction_request",
        sa.Column("volunteer_id", sa.Uuid(), nullable=False),
        sa.Column("activity_id", sa.Uuid(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("request_text", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("open", "answered", name="requeststatus", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("response_text", sa.Text(), nullable=True),
        sa.Column("answered_by", sa.String(length=100), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("resulting_entry_id", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activity.id"],
            name=op.f("fk_correction_request_activity_id_activity"),
        ),
        sa.ForeignKeyConstraint(
            ["resulting_entry_id"],
            ["hour_entry.id"],
            name=op.f("fk_correction_request_resulting_entry_id_hour_entry"),
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer.id"],
            name=op.f("fk_correction_request_volunteer_id_volunteer"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_correction_request")),
    )
    with op.batch_alter_table("correction_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_correction_request_updated_at"), ["updated_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_correction_request_volunteer_id"), ["volunteer_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("correction_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_correction_request_volunteer_id"))
        batch_op.drop_index(batch_op.f("ix_correction_request_updated_at"))

    op.drop_table("correction_request")
    with op.batch_alter_table("item_photo", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_photo_item_id"))

    op.drop_table("item_photo")
    with op.batch_alter_table("item_event", schema=None) as batch_op:
        batch_op.drop_index("ix_item_event_item_at")

    op.drop_table("item_event")
    with op.batch_alter_table("hour_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_hour_entry_volunteer_work_date")
        batch_op.drop_index(batch_op.f("ix_hour_entry_updated_at"))
        batch_op.drop_index(batch_op.f("ix_hour_entry_status"))
        batch_op.drop_index(batch_op.f("ix_hour_entry_activity_id"))

    op.drop_table("hour_entry")
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_updated_at"))
        batch_op.drop_index(batch_op.f("ix_item_store_id"))
        batch_op.drop_index("ix_item_status_store")
        batch_op.drop_index(batch_op.f("ix_item_received_at"))
        batch_op.drop_index(batch_op.f("ix_item_grade"))
        batch_op.drop_index(batch_op.f("ix_item_category_id"))
        batch_op.drop_index(batch_op.f("ix_item_batch_id"))

    op.drop_table("item")
    with op.batch_alter_table("attendance_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_session_volunteer_id"))
        batch_op.drop_index(batch_op.f("ix_attendance_session_updated_at"))
        batch_op.drop_index("ix_attendance_session_activity_status")

    op.drop_table("attendance_session")
    with op.batch_alter_table("scan_event", schema=None) as batch_op:
        batch_op.drop_index("ix_scan_event_activity_volunteer_at")

    op.drop_table("scan_event")
    with op.batch_alter_table("registration", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_registration_volunteer_id"))
        batch_op.drop_index(batch_op.f("ix_registration_updated_at"))
        batch_op.drop_index(batch_op.f("ix_registration_programme_id"))
        batch_op.drop_index(batch_op.f("ix_registration_activity_id"))

    op.drop_table("registration")
    with op.batch_alter_table("donation_batch", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_donation_batch_updated_at"))
        batch_op.drop_index(batch_op.f("ix_donation_batch_received_on"))
        batch_op.drop_index(batch_op.f("ix_donation_batch_donor_id"))

    op.drop_table("donation_batch")
    with op.batch_alter_table("activity_feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_feedback_updated_at"))

    op.drop_table("activity_feedback")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_updated_at"))

    op.drop_table("staff")
    op.drop_table("code_sequence")
    with op.batch_alter_table("badge", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_badge_volunteer_id"))

    op.drop_table("badge")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_updated_at"))
        batch_op.drop_index(batch_op.f("ix_activity_state"))
        batch_op.drop_index(batch_op.f("ix_activity_starts_at"))

    op.drop_table("activity")
    with op.batch_alter_table("volunteer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_volunteer_updated_at"))
        batch_op.drop_index(batch_op.f("ix_volunteer_programme_id"))
        batch_op.drop_index(batch_op.f("ix_volunteer_phone"))
        batch_op.drop_index(batch_op.f("ix_volunteer_name_initials"))
        batch_op.drop_index(batch_op.f("ix_volunteer_name"))

    op.drop_table("volunteer")
    with op.batch_alter_table("sync_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_log_org_code"))
        batch_op.drop_index(batch_op.f("ix_sync_log_export_id"))

    op.drop_table("sync_log")
    with op.batch_alter_table("store", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_store_updated_at"))

    op.drop_table("store")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_updated_at"))

    op.drop_table("organisation")
    op.drop_table("matching_rate")
    with op.batch_alter_table("item_category", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_category_updated_at"))

    op.drop_table("item_category")
    with op.batch_alter_table("donor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_donor_updated_at"))
        batch_op.drop_index(batch_op.f("ix_donor_phone"))
        batch_op.drop_index(batch_op.f("ix_donor_name"))

    op.drop_table("donor")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_entity_id"))
        batch_op.drop_index(batch_op.f("ix_audit_log_entity"))
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))
        batch_op.drop_index(batch_op.f("ix_audit_log_action"))

    op.drop_table("audit_log")
    op.drop_table("app_setting")
