"""Organisation-wide rule sets (models.settings), with the kiosk rules as the example:
defaults when nothing is stored, a round trip, the audit row, damaged or foreign
values falling back to defaults, validation, and an unchanged save writing nothing."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select, text

from models import settings
from models.checkin import KioskRules, load_rules
from models.db import Database
from models.errors import UserError
from models.schema import AppSetting, AuditEntry

STAFF = "王老师"


def stored(db: Database) -> Any:
    with db.reading() as session:
        row = session.get(AppSetting, KioskRules.KEY)
        return None if row is None else row.value


def put(db: Database, value: Any) -> None:
    with db.transaction() as session:
        row = session.get(AppSetting, KioskRules.KEY)
        if row is None:
            session.add(AppSetting(key=KioskRules.KEY, value=value))
        else:
            row.value = value


def audits(db: Database) -> list[AuditEntry]:
    with db.reading() as session:
        rows = list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.entity == "setting").order_by(AuditEntry.at)
            )
        )
        session.expunge_all()
        return rows


def loaded(db: Database) -> KioskRules:
    with db.reading() as session:
        return settings.load(session, KioskRules)


def test_defaults_when_nothing_is_stored(org_database: Database) -> None:
    assert stored(org_database) is None
    rules = loaded(org_database)
    assert rules == KioskRules()
    assert (rules.debounce_seconds, rules.min_interval_minutes, rules.window_grace_minutes) == (
        60,
        5,
        30,
    )
    with org_database.reading() as session:
        assert load_rules(session) == KioskRules()


def test_round_trip_with_an_audit_row(org_database: Database) -> None:
    wanted = KioskRules(debounce_seconds=30, min_interval_minutes=10, window_grace_minutes=0)
    with org_database.transaction() as session:
        assert settings.save(session, wanted, staff=STAFF, reason="两个门口")
    assert loaded(org_database) == wanted
    assert stored(org_database) == {
        "debounce_seconds": 30,
        "min_interval_minutes": 10,
        "window_grace_minutes": 0,
    }
    [entry] = audits(org_database)
    assert (entry.action, entry.entity_id, entry.staff_name, entry.reason) == (
        "setting.change",
        "kiosk_rules",
        STAFF,
        "两个门口",
    )
    assert entry.before == {
        "debounce_seconds": 60,
        "min_interval_minutes": 5,
        "window_grace_minutes": 30,
    }
    assert entry.after == stored(org_database)

    again = KioskRules(debounce_seconds=45, min_interval_minutes=10, window_grace_minutes=0)
    with org_database.transaction() as session:
        assert settings.save(session, again, staff="陈老师")
    second = audits(org_database)[1]
    assert second.before == entry.after
    assert isinstance(second.after, dict) and second.after["debounce_seconds"] == 45


def test_an_unchanged_save_writes_nothing(org_database: Database) -> None:
    rules = KioskRules(debounce_seconds=20)
    with org_database.transaction() as session:
        assert settings.save(session, rules, staff=STAFF)
    with org_database.transaction() as session:
        assert not settings.save(session, KioskRules(debounce_seconds=20), staff=STAFF)
    assert len(audits(org_database)) == 1


def test_saving_the_defaults_the_first_time_stores_them(org_database: Database) -> None:
    with org_database.transaction() as session:
        assert settings.save(session, KioskRules(), staff=STAFF)
    assert stored(org_database) is not None
    with org_database.transaction() as session:
        assert not settings.save(session, KioskRules(), staff=STAFF)
    assert len(audits(org_database)) == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("not an object", KioskRules()),
        ([1, 2, 3], KioskRules()),
        (None, KioskRules()),
        # Unknown keys are ignored, missing ones take their defaults.
        ({"debounce_seconds": 15, "colour": "red"}, KioskRules(debounce_seconds=15)),
        # A value of the wrong type is ignored (a bool is not an int here).
        (
            {"debounce_seconds": "15", "min_interval_minutes": True, "window_grace_minutes": 10},
            KioskRules(window_grace_minutes=10),
        ),
        ({"debounce_seconds": 15.5}, KioskRules()),
        # Values that would not validate: everything falls back to the defaults.
        ({"debounce_seconds": -5, "window_grace_minutes": 10}, KioskRules()),
        ({"min_interval_minutes": 10**9}, KioskRules()),
    ],
)
def test_damaged_values_fall_back_to_defaults(
    org_database: Database, value: Any, expected: KioskRules
) -> None:
    put(org_database, value)
    assert loaded(org_database) == expected


def test_text_that_is_not_json_falls_back_to_defaults(org_database: Database) -> None:
    with org_database.transaction() as session:
        session.execute(
            text("INSERT INTO app_setting (key, value, updated_at) VALUES (:k, :v, :at)"),
            {"k": KioskRules.KEY, "v": "{damaged", "at": "2026-01-01 00:00:00.000000"},
        )
    assert loaded(org_database) == KioskRules()


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        (KioskRules(debounce_seconds=-1), "repeat-scan window"),
        (KioskRules(debounce_seconds=0), "repeat-scan window"),
        (KioskRules(debounce_seconds=3601), "repeat-scan window"),
        (KioskRules(min_interval_minutes=-1), "before a check-out"),
        (KioskRules(min_interval_minutes=24 * 60 + 1), "before a check-out"),
        (KioskRules(window_grace_minutes=-30), "grace time"),
        (KioskRules(debounce_seconds=True), "repeat-scan window"),
    ],
)
def test_invalid_rules_are_refused_and_write_nothing(
    org_database: Database, rules: KioskRules, message: str
) -> None:
    with pytest.raises(UserError, match=message) as raised:
        rules.validate()
    assert "{" not in str(raised.value)
    with org_database.transaction() as session, pytest.raises(UserError, match=message):
        settings.save(session, rules, staff=STAFF)
    assert stored(org_database) is None
    with org_database.reading() as session:
        assert (
            session.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "setting")
            )
            == 0
        )


def test_the_limits_themselves_are_allowed() -> None:
    KioskRules(debounce_seconds=1, min_interval_minutes=0, window_grace_minutes=0).validate()
    KioskRules(3600, 24 * 60, 24 * 60).validate()
