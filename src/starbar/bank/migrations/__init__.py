"""Alembic migrations of the story bank, run programmatically by `starbar.bank.schema`."""
