"""A story's principle is one of the seven with a rubric; the principles it serves are stored.

`stories.lp` was free text. Values that name one of the seven principles (by id or by name,
in any case: "Dive Deep", "have backbone; disagree and commit") become its id. Any other value
becomes `customer-obsession`, the principle every story was judged under so far, and is kept
as a tag `lp:<the old value>`, so nothing the user wrote is lost. Stored reviews are left as
they were: `starbar bank rereview` judges each story again under its principle's rubric.

`story_principles` holds the principles each story is claimed for (its primary and
secondaries, with the signals `fit` found for each), and `stories.principles_source` says
whether `fit` or the user chose them; NULL for the stories here, which `fit` has not read yet
(the matrix reads them on demand until a new version or a rereview stores them).

Revision ID: 0006
Revises: 0005
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Frozen here, as every migration's data is: the seven principles with a rubric at 0006, and
# the slugs of their names where those differ from the id.
_SEVEN = (
    "customer-obsession",
    "ownership",
    "invent-and-simplify",
    "earn-trust",
    "dive-deep",
    "have-backbone",
    "deliver-results",
)
_NAMES = {"have-backbone-disagree-and-commit": "have-backbone"}
_DEFAULT = "customer-obsession"
_TAG_MAX = 64


def _principle(value: str) -> str | None:
    slug = re.sub(r"[^a-z]+", "-", value.lower()).strip("-")
    return slug if slug in _SEVEN else _NAMES.get(slug)


def upgrade() -> None:
    conn = op.get_bind()
    op.create_table(
        "story_principles",
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("principle", sa.String(64), primary_key=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("signals", sa.Integer, nullable=False),
    )
    with op.batch_alter_table("stories", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.add_column(sa.Column("principles_source", sa.String(8), nullable=True))
    stories = sa.table("stories", sa.column("id", sa.Integer), sa.column("lp", sa.String))
    tags = sa.table("story_tags", sa.column("story_id", sa.Integer), sa.column("tag", sa.String))
    for story_id, lp in conn.execute(sa.select(stories.c.id, stories.c.lp)).all():
        known = _principle(lp or "")
        if known == lp:
            continue
        conn.execute(stories.update().where(stories.c.id == story_id).values(lp=known or _DEFAULT))
        old = " ".join((lp or "").split())
        if known is None and old:
            tag = f"lp:{old}"[:_TAG_MAX]
            taken = conn.execute(sa.select(tags.c.tag).where(tags.c.story_id == story_id, tags.c.tag == tag)).first()
            if taken is None:
                conn.execute(tags.insert().values(story_id=story_id, tag=tag))


def downgrade() -> None:
    raise NotImplementedError("the story bank is only ever upgraded; restore an export to go back")
