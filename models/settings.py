"""Organisation-wide rule sets kept in ``app_setting``, one JSON object per group.

Each group is a frozen dataclass of plain ints/bools/strings with defaults and a
``validate()`` that raises :class:`UserError`. Reading never fails: unknown keys
are ignored and missing ones take their defaults, so a database written by an
older release keeps working. Saving validates, writes one row and an audit entry
with the values before and after.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar, Protocol, TypeVar

from sqlalchemy.orm import Session

from models import audit
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
    except Exception:  # noqa: BLE001 - a damaged row must not stop the app
        return defaults
    return candidate


def load(session: Session, cls: type[R]) -> R:
    row = session.get(AppSetting, cls.KEY)
    return _from_json(cls, None if row is None else row.value)


def save(session: Session, rules: R, *, staff: str, reason: str | None = None) -> bool:
    """Validate and store ``rules``; returns False (and writes nothing) if unchanged."""
    rules.validate()
    before = load(session, type(rules))
    if before == rules and session.get(AppSetting, rules.KEY) is not None:
        return False
    value = dataclasses.asdict(rules)
    row = session.get(AppSetting, rules.KEY)
    if row is None:
        session.add(AppSetting(key=rules.KEY, value=value))
    else:
        row.value = value
    session.flush()
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
