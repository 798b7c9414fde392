"""PostgreSQL for real: the migrations build the schema on a real server (started by
tests/pg.py), the ORM reads and writes through it, and rows from a verified sync
bundle fit the office tables there."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select
from sqlalchemy.engine import URL

from models import migrate, organisation, signing
from models.activities import ActivityData, create_activity, open_activity
from models.bundle import ManifestFields, open_bundle, write_bundle
from models.bundle_spec import TABLES_BY_NAME
from models.db import Database
from models.feedback import FeedbackData, get_feedback, save_feedback
from models.items import include_name
from models.migrate import SchemaStatus, schema_state
from models.schema import (
    Activity,
    Base,
    OfficeActivity,
    OfficeFeedback,
    Organisation,
    Partner,
    SyncLog,
)
from models.schema.enums import SyncDirection
from tests.conftest import SAMPLE_SETUP

pytest_plugins = ("tests.pg",)
pytestmark = pytest.mark.postgres

STAFF = "王老师"


@pytest.fixture
def pg_database(pg_url: URL) -> Iterator[Database]:
    database = Database.open(pg_url)
    migrate.upgrade(database)
    yield database
    database.close()


def test_migrations_build_the_schema(pg_url: URL) -> None:
    database = Database.open(pg_url)
    try:
        assert schema_state(database.engine).status is SchemaStatus.EMPTY
        result = migrate.upgrade(database)
        assert (result.before, result.after, result.backup) == (None, migrate.HEAD_REVISION, None)
        assert schema_state(database.engine).status is SchemaStatus.CURRENT
        assert set(Base.metadata.tables) <= set(inspect(database.engine).get_table_names())
        # Upgrading a current database does nothing.
        assert migrate.upgrade(database).before == migrate.HEAD_REVISION
    finally:
        database.close()


def test_models_and_migrations_agree_on_postgresql(pg_database: Database) -> None:
    with pg_database.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": include_name}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_orm_round_trip(pg_database: Database) -> None:
    with pg_database.transaction() as session:
        organisation.set_up(session, SAMPLE_SETUP)
        activity_id = create_activity(
            session,
            ActivityData(
                title="社区图书角整理 “第二期”",
                kind="环保",
                description=None,
                day=date(2026, 3, 7),
                start=time(9, 0),
                end=time(12, 0),
            ),
            staff=STAFF,
        )
        open_activity(session, activity_id, staff=STAFF)
        save_feedback(
            session,
            activity_id,
            FeedbackData(people_served=40, work_done="整理图书 300 册", satisfaction=5),
            staff=STAFF,
        )
    with pg_database.reading() as session:
        org = session.scalars(select(Organisation)).one()
        assert org.name == SAMPLE_SETUP.name
        assert len(org.signing_public_key) == 32
        activity = session.get(Activity, activity_id)
        assert activity is not None
        assert activity.title == "社区图书角整理 “第二期”"
        assert activity.starts_at == datetime(2026, 3, 7, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
        feedback = get_feedback(session, activity_id)
    assert feedback is not None
    assert (feedback.people_served, feedback.satisfaction, feedback.version) == (40, 5, 1)


def test_bundle_rows_fit_the_office_tables(pg_database: Database, tmp_path: Path) -> None:
    keys = signing.new_signing_pair()
    activity_id = uuid.uuid4()
    started = datetime(2026, 3, 7, 1, 0, 0, 123456, tzinfo=UTC)
    activity = {
        "id": activity_id,
        "version": 2,
        "updated_at": started,
        "title": "长" * 200,
        "kind": "环保",
        "description": None,
        "starts_at": started,
        "ends_at": datetime(2026, 3, 7, 4, 0, tzinfo=UTC),
        "location": "静安区",
        "programme_tag": None,
        "state": "closed",
        "scheduled_minutes": 180,
        "capacity": None,
        "walk_ins_allowed": True,
        "closed_at": None,
    }
    feedback = {
        "id": uuid.uuid4(),
        "version": 1,
        "updated_at": started,
        "activity_id": activity_id,
        "people_served": None,
        "beneficiaries": None,
        "work_done": None,
        "outcomes": None,
        "problems": None,
        "photo_count": 0,
        "satisfaction": None,
        "waived": True,
        "waive_reason": "暴雨取消",
        "submitted_by": STAFF,
        "submitted_on": date(2026, 3, 7),
    }
    written = write_bundle(
        tmp_path / "GREEN.pdsync",
        ManifestFields(org_code="GREEN", export_id=uuid.uuid4(), period_end=started),
        {
            "activities": (TABLES_BY_NAME["activities"].column_names, [activity]),
            "feedback": (TABLES_BY_NAME["feedback"].column_names, [feedback]),
        },
        signing_key=keys,
    )
    with (
        open_bundle(written.path, public_key=keys.public_raw) as bundle,
        pg_database.transaction() as session,
    ):
        partner = Partner(
            code="GREEN",
            name="绿芽",
            public_key=keys.public_raw,
            fingerprint=signing.fingerprint(keys.public_raw),
        )
        log = SyncLog(
            id=bundle.manifest.export_id,
            direction=SyncDirection.IMPORT,
            org_code="GREEN",
            export_id=bundle.manifest.export_id,
            period_end=bundle.manifest.period_end,
            file_name=written.path.name,
            sha256=bundle.sha256,
            format_version=bundle.manifest.format_version,
        )
        session.add_all([partner, log])
        session.flush()
        office_columns = {c.name for c in OfficeActivity.__table__.columns}
        for row in bundle.rows("activities"):
            values = {k: v for k, v in row.items() if k in office_columns}
            session.add(OfficeActivity(partner_id=partner.id, import_id=log.id, **values))
        feedback_columns = {c.name for c in OfficeFeedback.__table__.columns}
        for row in bundle.rows("feedback"):
            values = {k: v for k, v in row.items() if k in feedback_columns}
            session.add(OfficeFeedback(partner_id=partner.id, import_id=log.id, **values))
    with pg_database.reading() as session:
        stored = session.get(OfficeActivity, activity_id)
        assert stored is not None
        assert stored.title == "长" * 200
        assert stored.starts_at == started  # microseconds survive
        assert stored.version == 2
        stored_feedback = session.scalars(select(OfficeFeedback)).one()
        assert stored_feedback.waived
        assert stored_feedback.waive_reason == "暴雨取消"


def test_a_missing_server_binary_skips_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests import pg

    monkeypatch.setattr(pg, "find_bin_dir", lambda: None)
    with (
        pytest.raises(pytest.skip.Exception, match="apt-get install postgresql"),
        pg.running_server(),
    ):
        pass  # pragma: no cover
