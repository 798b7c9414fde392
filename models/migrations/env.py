"""Alembic environment. Configured in code by ``models.migrate``; no alembic.ini."""

from __future__ import annotations

from alembic import context

from models.items import include_name
from models.schema import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("models.migrate passes an open connection to Alembic")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        # The item search index (FTS5 tables, view, keyset index) is raw SQL of 0003.
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("Partner Desk runs migrations online only")
run_migrations_online()
