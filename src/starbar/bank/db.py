"""Where the bank lives and how to talk to it safely: URLs, engines, transactions, errors.

SQLite is the default (one file in the platform's user data directory). PostgreSQL is
reached with psycopg 3. Every database failure leaves here as a `BankError` whose message
is one line saying what is wrong and what to do, so the CLI never shows a traceback.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, exc
from sqlalchemy.engine import URL, make_url

from ..errors import StarbarError

ENV_URL = "STARBAR_DATABASE_URL"
ENV_TIMEOUT = "STARBAR_DB_TIMEOUT"
DEFAULT_TIMEOUT = 30.0
SQLITE_MAGIC = b"SQLite format 3\x00"
# Attempts for a write that lost a race (serialization failure, deadlock, a taken version number).
WRITE_ATTEMPTS = 8

T = TypeVar("T")


class BankError(StarbarError):
    """The story bank cannot do what was asked; `code` says why (db_locked, not_found...)."""

    code = "bank"
    exit_code = 4


class StoryNotFound(BankError):
    """No such story (or version) for this caller: a missing id, or another account's story."""

    code = "not_found"
    exit_code = 1


def default_url() -> str:
    """The SQLite file in the user's data directory (created on first write)."""
    from platformdirs import user_data_dir

    return f"sqlite:///{Path(user_data_dir('starbar', appauthor=False)) / 'bank.db'}"


def resolve_url(url: str | None = None) -> URL:
    """`url`, else $STARBAR_DATABASE_URL, else the default file; a bare path means SQLite."""
    raw = (url or os.environ.get(ENV_URL) or default_url()).strip()
    if "://" not in raw:
        raw = f"sqlite:///{Path(raw).expanduser().resolve()}"
    try:
        parsed = make_url(raw)
    except exc.ArgumentError:
        raise BankError(
            f"{raw!r} is not a database URL; use sqlite:///path/to/bank.db or postgresql://user@host/db"
        ) from None
    if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg"):
        return parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername in ("sqlite", "sqlite+pysqlite"):
        if sqlite_path(parsed) is None:
            # An in-memory database (or a path from an unset variable) would take every story
            # and lose it when the command ends.
            raise BankError(
                f"{raw!r} names no file, so nothing stored would be kept; give a file path such as sqlite:///path/to/bank.db",
                code="db_url",
            )
        return parsed
    raise BankError(
        f"unsupported database {parsed.drivername!r}; use sqlite:///path/to/bank.db or postgresql://user@host/db"
    )


def display(url: URL) -> str:
    """The URL as shown in messages: the password hidden, the driver as the user wrote it."""
    if url.get_backend_name() == "sqlite":
        return sqlite_path(url) or ":memory:"
    return url.set(drivername="postgresql").render_as_string(hide_password=True)


def sqlite_path(url: URL) -> str | None:
    """The file behind a SQLite URL (also for `file:` URIs), None for an in-memory database."""
    database = url.database or ""
    if url.query.get("uri"):
        if url.query.get("mode") == "memory" or "mode=memory" in database:
            return None
        database = database.removeprefix("file:").split("?")[0]
    return None if database.strip() in ("", ":memory:") else database


def check_sqlite_file(url: URL, *, create: bool) -> None:
    """Refuse, before SQLite touches it, a file that is not a SQLite database or a path that cannot hold one."""
    path_text = sqlite_path(url)
    if path_text is None:
        return
    path = Path(path_text)
    if path.is_dir():
        raise BankError(f"story bank {path}: is a folder; give a file path such as sqlite:///{path}/bank.db")
    if path.exists():
        try:
            with path.open("rb") as fh:
                header = fh.read(len(SQLITE_MAGIC))
        except OSError as err:
            raise BankError(f"story bank {path}: cannot read ({err.strerror})") from None
        if header and header != SQLITE_MAGIC:
            raise BankError(
                f"story bank {path}: not a SQLite database (corrupt, or another kind of file); it was left untouched",
                code="db_corrupt",
            )
        return
    if not create:
        raise BankError(
            f"no story bank at {path}; store a story first with `starbar bank add FILE --title ...`",
            code="db_missing",
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise BankError(
            f"story bank {path}: cannot create the folder {path.parent} ({err.strerror})", code="db_missing"
        ) from None


def timeout_seconds() -> float:
    """How long to wait for a lock or a connection: $STARBAR_DB_TIMEOUT, else 30 s."""
    raw = os.environ.get(ENV_TIMEOUT)
    try:
        return float(raw) if raw else DEFAULT_TIMEOUT
    except ValueError:
        raise BankError(f"{ENV_TIMEOUT}={raw!r} is not a number of seconds") from None


def make_engine(url: URL, timeout: float) -> Engine:
    """A SQLAlchemy engine for the bank at `url`, waiting up to `timeout` seconds for locks and connections."""
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, timeout)
    # lock_timeout: a writer waits for another's row lock as long as a SQLite writer would, not forever.
    connect_args = {"connect_timeout": max(1, round(timeout)), "options": f"-c lock_timeout={int(timeout * 1000)}"}
    return create_engine(url, connect_args=connect_args, pool_pre_ping=True)


def _sqlite_engine(url: URL, timeout: float) -> Engine:
    engine = create_engine(url, connect_args={"timeout": timeout})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        # We issue BEGIN ourselves (below), so the driver must not open transactions on its own.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A write takes the write lock up front: a deferred transaction that upgrades its
        # read lock later fails at once with SQLITE_BUSY instead of waiting its turn.
        write = conn.get_execution_options().get("starbar_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def use_wal(engine: Engine) -> None:
    """Put a SQLite bank in WAL mode (kept in the file): readers then never block the writer.

    Called once the file is known to be a story bank, so nobody else's database is changed.
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None  # a live connection checked out of the pool
        if raw.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            # a read-only bank keeps its mode and can still be read
            with suppress(sqlite3.OperationalError):
                raw.execute("PRAGMA journal_mode = WAL")


def check_integrity(engine: Engine, where: str) -> None:
    """Refuse to write into a damaged SQLite file: a write there can spread the damage.

    `PRAGMA quick_check` reads every page once (milliseconds for a story bank) without the
    index cross-checks of `integrity_check`.
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        found = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check(1)")]
    if found != ["ok"]:
        problem = next((line for line in "\n".join(found).splitlines() if not line.startswith("***")), "damaged")
        raise BankError(
            f"story bank {where} is damaged ({problem.strip()}); nothing was written. "
            "Export what can be read with `starbar bank export`, or restore a backup",
            code="db_corrupt",
        )


# What a database error means for the user, by a phrase of the driver's message.
_SQLITE_PROBLEMS = (
    ("locked", "db_locked", "is locked by another program; try again when it has finished"),
    ("readonly", "db_readonly", "is read-only; check the file's permissions or point --db at a writable bank"),
    ("read-only", "db_readonly", "is read-only; check the file's permissions or point --db at a writable bank"),
    ("not a database", "db_corrupt", "is corrupt (not a SQLite database); it was left untouched"),
    ("malformed", "db_corrupt", "is corrupt (malformed database image); restore it from a backup or an export"),
    ("unable to open", "db_missing", "cannot be opened; check that the folder exists and is writable"),
    ("disk i/o", "db_io", "cannot be read or written (disk I/O error)"),
    ("disk is full", "db_full", "cannot grow: the disk is full"),
)
_PG_PROBLEMS = (
    ("does not exist", "db_missing", "does not exist; create it (createdb) or fix the URL"),
    (
        "no password supplied",
        "db_auth",
        "needs a password: put it in the URL (postgresql://user:password@host/db), in ~/.pgpass or in $PGPASSWORD",
    ),
    ("lock timeout", "db_locked", "is locked by another program; try again when it has finished"),
    ("password authentication", "db_auth", "refused the user name or password"),
    ("authentication", "db_auth", "refused the connection (authentication)"),
    ("connection refused", "db_unreachable", "is unreachable (connection refused); is the server running?"),
    ("timeout", "db_unreachable", "is unreachable (timed out)"),
    ("could not translate host", "db_unreachable", "is unreachable (unknown host name)"),
    ("could not connect", "db_unreachable", "is unreachable"),
    ("connection", "db_unreachable", "is unreachable or closed the connection"),
    ("read-only", "db_readonly", "is read-only (a standby or read-only transaction)"),
    ("permission denied", "db_permission", "refused access (permission denied); grant the user rights on the database"),
)
_RETRYABLE_PG_CODES = {"40001", "40P01"}  # serialization failure, deadlock


def _first_line(err: BaseException) -> str:
    text = str(getattr(err, "orig", None) or err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def _unwritable_sqlite_file(where: str) -> str | None:
    """Which file or folder stops SQLite from writing the bank at `where`, as a message.

    SQLite says "read-only database" or "unable to open" alike for the bank's file, a leftover
    -wal or -shm file beside it, and a folder where it cannot create them.
    """
    path = Path(where)
    for side in (path.with_name(path.name + suffix) for suffix in ("-shm", "-wal", "-journal")):
        if side.exists() and not os.access(side, os.W_OK):
            return (
                f"story bank {path}: the file {side} beside it is read-only (left by another user or program?); "
                "make it writable, or delete it when no program has the bank open"
            )
    if path.exists() and not os.access(path, os.W_OK):
        return f"story bank {path} is a read-only file; check its permissions or point --db at a writable bank"
    if path.parent.is_dir() and not os.access(path.parent, os.W_OK):
        return (
            f"story bank {path}: its folder {path.parent} is read-only, and SQLite needs to create its -wal and "
            "-shm files beside the bank; make the folder writable or move the bank to one that is"
        )
    return None


def translate(err: exc.SQLAlchemyError, where: str, backend: str) -> BankError:
    """One clear line for a driver error."""
    detail = _first_line(err)
    low = detail.lower()
    for phrase, code, message in _SQLITE_PROBLEMS if backend == "sqlite" else _PG_PROBLEMS:
        if phrase in low:
            cause = _unwritable_sqlite_file(where) if code in ("db_readonly", "db_missing") else None
            return BankError(cause or f"story bank {where} {message}", code=code)
    return BankError(f"story bank {where}: database error: {detail}", code="db_error")


def retryable(err: exc.SQLAlchemyError) -> bool:
    """A write that lost a race and may simply be run again."""
    orig = getattr(err, "orig", None)
    if getattr(orig, "sqlstate", None) in _RETRYABLE_PG_CODES:
        return True
    # Two writers picked the same version number. (A locked SQLite file is not retried:
    # BEGIN IMMEDIATE has already waited the whole busy timeout for the lock.)
    return isinstance(err, exc.IntegrityError) and bool(re.search(r"unique|duplicate", str(orig), re.I))


@contextmanager
def errors_as_bank_errors(where: str, backend: str) -> Iterator[None]:
    """Turn any database error raised inside the block into a one-line `BankError` about `where`."""
    try:
        yield
    except exc.SQLAlchemyError as err:
        raise translate(err, where, backend) from None
    except sqlite3.Error as err:  # raised outside SQLAlchemy's wrapping, e.g. by a PRAGMA in a hook
        raise translate(exc.DBAPIError(None, None, err), where, backend) from None


def with_retries(run: Callable[[], T], attempts: int = WRITE_ATTEMPTS) -> T:
    """Run a write transaction again when it lost a race; the last failure propagates."""
    for attempt in range(attempts):
        try:
            return run()
        except exc.SQLAlchemyError as err:
            if attempt == attempts - 1 or not retryable(err):
                raise
            time.sleep(min(0.05 * 2**attempt, 1.0))
    raise AssertionError("unreachable")
