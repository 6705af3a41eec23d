"""A story's identity that survives export and import: `stories.uid`, a random UUID.

Ids are the bank's own numbers; the uid travels in every export format, so importing the
same export twice recognises the stories already there instead of storing them again.
Existing stories get a fresh uid each.

Revision ID: 0005
Revises: 0004
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    with op.batch_alter_table("stories", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.add_column(sa.Column("uid", sa.String(36), nullable=True))
    stories = sa.table("stories", sa.column("id", sa.Integer), sa.column("uid", sa.String))
    for (story_id,) in conn.execute(sa.select(stories.c.id)).all():
        conn.execute(stories.update().where(stories.c.id == story_id).values(uid=str(uuid.uuid4())))
    with op.batch_alter_table("stories", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.alter_column("uid", existing_type=sa.String(36), nullable=False)
        batch.create_index(op.f("ix_stories_uid"), ["uid"], unique=True)


def downgrade() -> None:
    raise NotImplementedError("the story bank is only ever upgraded; restore an export to go back")
