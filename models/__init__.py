"""Partner Desk core: schema, migrations and domain rules. Never imports Qt."""

__version__ = "0.1.0"
