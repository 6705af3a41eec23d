"""The web app's own tables, kept in the story bank's database beside the bank's tables.

Created (if absent) after the bank has opened and migrated its schema, so a new database
is first made a bank. `web_story_owners` stands in for an owner column on the bank's
stories until the bank has one: it maps a story to the team account that created it.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

accounts = sa.Table(
    "web_accounts", metadata,
    sa.Column("username", sa.String(32), primary_key=True),
    sa.Column("password_hash", sa.String(200), nullable=False),
    sa.Column("admin", sa.Boolean, nullable=False, default=False),
)

story_owners = sa.Table(
    "web_story_owners", metadata,
    sa.Column("story_id", sa.Integer, primary_key=True),
    sa.Column("owner", sa.String(32), nullable=False, index=True),
)


def create(engine: sa.Engine) -> None:
    metadata.create_all(engine)
