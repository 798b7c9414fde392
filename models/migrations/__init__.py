"""Alembic migrations, shipped inside the package; see ``models.migrate``."""
