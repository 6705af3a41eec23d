"""Story ownership and team accounts in the bank's own schema.

`stories.owner` names the account a story belongs to (NULL: the CLI's and the local app's
stories, visible only without an owner). Before this revision the web app kept the same
facts in tables of its own, `web_accounts` and `web_story_owners`; where they exist their
rows move here and the old tables go.

Revision ID: 0003
Revises: 0002
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

OLD_ACCOUNTS = "web_accounts"
OLD_OWNERS = "web_story_owners"


def upgrade() -> None:
    conn = op.get_bind()
    # Adding a nullable column needs no rebuild, so SQLite alters the table in place.
    with op.batch_alter_table("stories", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.add_column(sa.Column("owner", sa.String(32), nullable=True))
        batch.create_index(op.f("ix_stories_owner"), ["owner"])
    op.create_table(
        "accounts",
        sa.Column("username", sa.String(32), primary_key=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("admin", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )

    existing = set(sa.inspect(conn).get_table_names())
    if OLD_ACCOUNTS in existing:
        old = sa.table(
            OLD_ACCOUNTS,
            sa.column("username", sa.String),
            sa.column("password_hash", sa.String),
            sa.column("admin", sa.Boolean),
        )
        # The old table kept no creation date: the accounts date from their move.
        moved = datetime.now(UTC)
        rows = [
            {"username": r.username, "password_hash": r.password_hash, "admin": bool(r.admin), "created_at": moved}
            for r in conn.execute(sa.select(old).order_by(old.c.username))
        ]
        if rows:
            op.bulk_insert(
                sa.table(
                    "accounts",
                    sa.column("username", sa.String),
                    sa.column("password_hash", sa.String),
                    sa.column("admin", sa.Boolean),
                    sa.column("created_at", sa.DateTime(timezone=True)),
                ),
                rows,
            )
        op.drop_table(OLD_ACCOUNTS)
    if OLD_OWNERS in existing:
        owners = sa.table(OLD_OWNERS, sa.column("story_id", sa.Integer), sa.column("owner", sa.String))
        stories = sa.table("stories", sa.column("id", sa.Integer), sa.column("owner", sa.String))
        # Rows of stories deleted since (from the CLI) match no story and are dropped with the table.
        owner_of = sa.select(owners.c.owner).where(owners.c.story_id == stories.c.id).scalar_subquery()
        conn.execute(stories.update().where(stories.c.id.in_(sa.select(owners.c.story_id))).values(owner=owner_of))
        op.drop_table(OLD_OWNERS)


def downgrade() -> None:
    raise NotImplementedError("the story bank is only ever upgraded; restore an export to go back")
