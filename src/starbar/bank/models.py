"""The bank's tables at the latest migration (the migrations in `migrations/versions` build them).

A story is a title plus numbered versions; a version is immutable: its text, the review JSON
that judged it, the rubric version and level of that review. `stories.latest_version` is the
counter a write increments under the story's row lock, so version numbers stay unique and
ordered when two writers update one story at once. `stories.owner` names the account that
owns a story (the web app's team mode); NULL for a story of the CLI or the local app.
`stories.uid` is a story's identity in exports, so importing one twice adds nothing.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s_%(column_1_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(200), nullable=False),
    Column("lp", String(64), nullable=False),
    Column("level", String(2), nullable=False),
    Column("latest_version", Integer, nullable=False, server_default="0"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("owner", String(32), nullable=True, index=True),
    # A random UUID: the story's identity across export and import (ids are this bank's numbers).
    Column("uid", String(36), nullable=False, unique=True, index=True),
    # Who chose the principles in story_principles: "fit" (they follow each version) or "user";
    # NULL for a story stored before 0006 that fit has not read yet.
    Column("principles_source", String(8), nullable=True),
    sqlite_autoincrement=True,  # ids are never reused, so an old id never names another story
)

story_tags = Table(
    "story_tags",
    metadata,
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("tag", String(64), primary_key=True),
)

# The principles a story is told for (0006): its primary and secondaries, with fit's signals.
story_principles = Table(
    "story_principles",
    metadata,
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("principle", String(64), primary_key=True),
    Column("role", String(16), nullable=False),
    Column("signals", Integer, nullable=False),
)

versions = Table(
    "versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("number", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("review", JSON, nullable=False),
    Column("rubric_version", String(32), nullable=False),
    Column("level", String(2), nullable=False),
    Column("verdict", String(32), nullable=False),
    # what made the version: add, update, rereview or import
    Column("source", String(16), nullable=False, server_default="update"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("story_id", "number"),
)

accounts = Table(
    "accounts",
    metadata,
    Column("username", String(32), primary_key=True),
    Column("password_hash", String(200), nullable=False),  # never the password itself
    Column("admin", Boolean, nullable=False, server_default=false()),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# The web app's team sign-ins (0004). A session is found by the SHA-256 of the token in its
# cookie, so a copy of this table cannot be replayed as cookies; removing an account ends them.
sign_in_sessions = Table(
    "sign_in_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("username", String(32), ForeignKey("accounts.username", ondelete="CASCADE"), nullable=False, index=True),
    Column("client", String(64), nullable=False, server_default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

# Wrong passwords per user name (known or not, so a lock tells nothing about who exists).
sign_in_failures = Table(
    "sign_in_failures",
    metadata,
    Column("username", String(32), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_failure_at", DateTime(timezone=True), nullable=False),
    Column("locked_until", DateTime(timezone=True), nullable=True),
)
