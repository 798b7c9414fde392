"""Organisation-wide rule sets kept in ``app_setting``, one JSON object per group.

Each group is a frozen dataclass of plain ints/bools/strings with defaults and a
``validate()`` that raises :class:`UserError`. Reading never fails: unknown keys
are ignored and missing ones take their defaults, so a database written by an
older release keeps working. Saving validates, writes one row and an audit entry
with the values before and after.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any, ClassVar, Protocol, TypeVar

from sqlalchemy import Text, insert, select, type_coerce, update
from sqlalchemy.orm import Session

from models import audit
from models.clock import utcnow
from models.schema import AppSetting

ENTITY = "setting"


class RuleSet(Protocol):
    """What a settings group provides (a frozen dataclass)."""

    __dataclass_fields__: ClassVar[dict[str, Any]]
    KEY: ClassVar[str]

    def validate(self) -> None: ...


R = TypeVar("R", bound=RuleSet)


def _from_json(cls: type[R], stored: Any) -> R:
    defaults = cls()
    if not isinstance(stored, dict):
        return defaults
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in stored:
            continue
        value = stored[f.name]
        default = getattr(defaults, f.name)
        # Keep the stored value only if it has the default's type (bool is not int here).
        if type(value) is type(default) or (default is None and isinstance(value, int | str)):
            values[f.name] = value
    candidate = dataclasses.replace(defaults, **values)
    try:
        candidate.validate()
    except Exception:
        return defaults
    return candidate


def _stored(session: Session, key: str) -> tuple[bool, Any]:
    """(row exists, decoded value or None). Read as text: damaged JSON never raises."""
    raw = session.execute(
        select(type_coerce(AppSetting.value, Text)).where(AppSetting.key == key)
    ).first()
    if raw is None:
        return False, None
    try:
        return True, json.loads(raw[0]) if isinstance(raw[0], str) else None
    except ValueError:
        return True, None


def load(session: Session, cls: type[R]) -> R:
    return _from_json(cls, _stored(session, cls.KEY)[1])


def save(session: Session, rules: R, *, staff: str, reason: str | None = None) -> bool:
    """Validate and store ``rules``; returns False (and writes nothing) if unchanged."""
    rules.validate()
    exists, stored = _stored(session, rules.KEY)
    before = _from_json(type(rules), stored)
    value = dataclasses.asdict(rules)
    if exists and stored == value:
        return False
    if exists:
        session.execute(
            update(AppSetting)
            .where(AppSetting.key == rules.KEY)
            .values(value=value, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        )
    else:
        session.execute(insert(AppSetting).values(key=rules.KEY, value=value, updated_at=utcnow()))
    audit.record(
        session,
        staff=staff,
        action=f"{ENTITY}.change",
        entity=ENTITY,
        entity_id=rules.KEY,
        before=dataclasses.asdict(before),
        after=value,
        reason=reason,
    )
    return True
