"""Alembic environment: always runs on the connection (and transaction) the bank hands it."""

from alembic import context

from starbar.bank.models import metadata

connection = context.config.attributes["connection"]
# Batch mode, because SQLite cannot alter or drop most columns in place.
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
