"""Tags in their own table, a per-story version counter, and each version's verdict and source.

The counter lets a write take the next version number under the story's row lock; the
verdict column lets `list` and `history` skip parsing every review. Existing rows are
filled from the data they already hold.

Revision ID: 0002
Revises: 0001
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    op.create_table(
        "story_tags",
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("tag", sa.String(64), primary_key=True),
    )
    old_stories = sa.table("stories", sa.column("id", sa.Integer), sa.column("tags", sa.Text))
    tag_rows = [
        {"story_id": story_id, "tag": tag}
        for story_id, tags in conn.execute(sa.select(old_stories.c.id, old_stories.c.tags))
        for tag in sorted({t.strip() for t in (tags or "").split(",") if t.strip()})
    ]
    if tag_rows:
        op.bulk_insert(sa.table("story_tags", sa.column("story_id", sa.Integer), sa.column("tag", sa.String)), tag_rows)

    with op.batch_alter_table("stories", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("tags")
        batch.add_column(sa.Column("latest_version", sa.Integer, nullable=False, server_default="0"))
    with op.batch_alter_table("versions") as batch:
        batch.add_column(sa.Column("verdict", sa.String(32), nullable=True))
        batch.add_column(sa.Column("source", sa.String(16), nullable=False, server_default="update"))

    stories = sa.table("stories", sa.column("id", sa.Integer), sa.column("latest_version", sa.Integer))
    versions = sa.table(
        "versions",
        sa.column("id", sa.Integer),
        sa.column("story_id", sa.Integer),
        sa.column("number", sa.Integer),
        sa.column("review", sa.JSON),
        sa.column("verdict", sa.String),
        sa.column("source", sa.String),
    )
    newest = sa.select(sa.func.max(versions.c.number)).where(versions.c.story_id == stories.c.id).scalar_subquery()
    conn.execute(stories.update().values(latest_version=sa.func.coalesce(newest, 0)))
    for version_id, number, review in conn.execute(sa.select(versions.c.id, versions.c.number, versions.c.review)):
        review = json.loads(review) if isinstance(review, str) else review
        conn.execute(
            versions.update()
            .where(versions.c.id == version_id)
            .values(verdict=review.get("verdict", "unknown"), source="add" if number == 1 else "update")
        )
    with op.batch_alter_table("versions") as batch:
        batch.alter_column("verdict", existing_type=sa.String(32), nullable=False)


def downgrade() -> None:
    raise NotImplementedError("the story bank is only ever upgraded; restore an export to go back")
