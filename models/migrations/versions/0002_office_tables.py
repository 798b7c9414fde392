"""Programme office tables: registered partners and their merged records.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 12:15:44.014606
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "partner",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("public_key", sa.LargeBinary(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=80), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner")),
        sa.UniqueConstraint("code", name=op.f("uq_partner_code")),
    )
    op.create_table(
        "office_activity",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=60), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("programme_tag", sa.String(length=60), nullable=True),
        sa.Column("location", sa.String(length=300), nullable=True),
        sa.Column("partner_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("import_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"], ["sync_log.id"], name=op.f("fk_office_activity_import_id_sync_log")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partner.id"], name=op.f("fk_office_activity_partner_id_partner")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_activity")),
    )
    with op.batch_alter_table("office_activity", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_office_activity_partner_id"), ["partner_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_office_activity_starts_at"), ["starts_at"], unique=False
        )

    op.create_table(
        "office_donation_summary",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("category", sa.String(length=130), nullable=False),
        sa.Column("items_received", sa.Integer(), nullable=False),
        sa.Column("estimated_value_fen", sa.Integer(), nullable=False),
        sa.Column("items_sold", sa.Integer(), nullable=False),
        sa.Column("sold_value_fen", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("import_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["sync_log.id"],
            name=op.f("fk_office_donation_summary_import_id_sync_log"),
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_office_donation_summary_partner_id_partner"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_donation_summary")),
    )
    with op.batch_alter_table("office_donation_summary", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_office_donation_summary_partner_id"), ["partner_id"], unique=False
        )

    op.create_table(
        "office_feedback",
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
        sa.Column("partner_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("import_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"], ["sync_log.id"], name=op.f("fk_office_feedback_import_id_sync_log")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partner.id"], name=op.f("fk_office_feedback_partner_id_partner")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_feedback")),
    )
    with op.batch_alter_table("office_feedback", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_office_feedback_activity_id"), ["activity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_office_feedback_partner_id"), ["partner_id"], unique=False
        )

    op.create_table(
        "office_hour_line",
        sa.Column("activity_id", sa.Uuid(), nullable=True),
        sa.Column("volunteer_ref", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("work_date", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("matching_fen", sa.Integer(), nullable=False),
        sa.Column("corrects_id", sa.Uuid(), nullable=True),
        sa.Column("partner_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("import_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"], ["sync_log.id"], name=op.f("fk_office_hour_line_import_id_sync_log")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partner.id"], name=op.f("fk_office_hour_line_partner_id_partner")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_hour_line")),
    )
    with op.batch_alter_table("office_hour_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_office_hour_line_activity_id"), ["activity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_office_hour_line_partner_id"), ["partner_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_office_hour_line_work_date"), ["work_date"], unique=False
        )

    op.create_table(
        "office_session",
        sa.Column("activity_id", sa.Uuid(), nullable=False),
        sa.Column("volunteer_ref", sa.String(length=64), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("counted_minutes", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("import_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"], ["sync_log.id"], name=op.f("fk_office_session_import_id_sync_log")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partner.id"], name=op.f("fk_office_session_partner_id_partner")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_session")),
    )
    with op.batch_alter_table("office_session", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_office_session_activity_id"), ["activity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_office_session_partner_id"), ["partner_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("office_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_office_session_partner_id"))
        batch_op.drop_index(batch_op.f("ix_office_session_activity_id"))

    op.drop_table("office_session")
    with op.batch_alter_table("office_hour_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_office_hour_line_work_date"))
        batch_op.drop_index(batch_op.f("ix_office_hour_line_partner_id"))
        batch_op.drop_index(batch_op.f("ix_office_hour_line_activity_id"))

    op.drop_table("office_hour_line")
    with op.batch_alter_table("office_feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_office_feedback_partner_id"))
        batch_op.drop_index(batch_op.f("ix_office_feedback_activity_id"))

    op.drop_table("office_feedback")
    with op.batch_alter_table("office_donation_summary", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_office_donation_summary_partner_id"))

    op.drop_table("office_donation_summary")
    with op.batch_alter_table("office_activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_office_activity_starts_at"))
        batch_op.drop_index(batch_op.f("ix_office_activity_partner_id"))

    op.drop_table("office_activity")
    op.drop_table("partner")
