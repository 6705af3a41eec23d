"""Bring a bank's schema to a migration revision with Alembic, run in-process.

An older bank is upgraded in place on first use by a newer starbar. The upgrade runs in one
transaction that holds the write lock (SQLite) or an advisory lock (PostgreSQL), so two
programs opening a new bank at once do not both create it, and a crash leaves the old schema.
A bank already at `HEAD` is opened with one query and without importing Alembic, which
would cost most of a short command's time.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from .db import BankError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
FIRST_REVISION = "0001"
# The newest revision in migrations/versions (a test checks they agree).
HEAD = "0006"
# Any 64-bit number unique to this program: the key of the PostgreSQL advisory lock.
_PG_LOCK_KEY = 0x5374617242616E6B  # "StarBank"
_OUR_TABLES = {
    "stories",
    "versions",
    "story_tags",
    "story_principles",
    "accounts",
    "sign_in_sessions",
    "sign_in_failures",
    "alembic_version",
}


def _config(conn: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if conn is not None:
        cfg.attributes["connection"] = conn
    return cfg


@lru_cache(maxsize=1)
def head_revision() -> str:
    """The newest revision, as Alembic finds it in migrations/versions."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head() or FIRST_REVISION


def known_revisions() -> set[str]:
    """Every revision in migrations/versions."""
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(conn: Connection, where: str) -> str | None:
    """The revision the bank records; None for a database without starbar's schema."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    rows = [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))]
    if len(rows) > 1:
        raise BankError(
            f"story bank {where} records {len(rows)} schema versions ({', '.join(sorted(rows))}) where there is one; "
            "it was changed by hand or by another tool: restore it from a backup or an export",
            code="db_corrupt",
        )
    return rows[0] if rows else None


def upgrade(engine: Engine, where: str, revision: str = "head") -> None:
    """Upgrade the bank to `revision` unless it is there already."""
    target = HEAD if revision == "head" else revision
    with engine.connect() as conn:
        current = current_revision(conn, where)
        if current == target:
            return
        _check_is_bank(conn, current, where)
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        raw = conn.connection.dbapi_connection
        assert raw is not None  # a live connection checked out of the pool
        if sqlite:
            # Rebuilding a table in batch mode drops it; with foreign keys on, that would
            # cascade into deleting every version. The pragma only works outside a transaction.
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            conn = conn.execution_options(starbar_write=True)
            with conn.begin():
                if not sqlite:
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
                current = current_revision(conn, where)  # another program may have upgraded it meanwhile
                if current != target:
                    from alembic import command

                    _check_is_bank(conn, current, where)
                    command.upgrade(_config(conn), target)
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys = ON")


def _check_is_bank(conn: Connection, current: str | None, where: str) -> None:
    if current is not None and current not in known_revisions():
        raise BankError(
            f"story bank {where} was written by a newer starbar (schema {current}); upgrade starbar to use it",
            code="db_newer",
        )
    if current is None:
        foreign = set(inspect(conn).get_table_names()) - _OUR_TABLES
        if foreign:
            raise BankError(
                f"story bank {where}: this database holds other tables ({', '.join(sorted(foreign)[:3])}) "
                "and is not a story bank; point --db at a new file or database",
                code="db_foreign",
            )
