"""Team accounts, kept in the bank's `accounts` table: a name, a password hash, an admin mark.

The bank stores what it is given: hashing and checking passwords is the web app's part
(`starbar.web.auth`). A story's `owner` is an account's username.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, insert, select, update

from ..errors import InputError
from .models import accounts
from .records import as_utc

USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,31}$")


@dataclass(frozen=True)
class Account:
    """A team account as stored: its name, password hash (never the password), admin mark and creation time."""

    username: str
    password_hash: str
    admin: bool
    created_at: datetime


def check_username(username: str) -> str:
    """The name, or an `InputError` when it is not 2-32 lower-case letters, digits, `.`, `_` or `-`."""
    if not USERNAME.match(username):
        raise InputError(f"user name {username!r}: use 2-32 lower-case letters, digits, '.', '_' or '-'")
    return username


def _account(row) -> Account:
    return Account(row.username, row.password_hash, bool(row.admin), as_utc(row.created_at))


def create(conn: Connection, username: str, password_hash: str, admin: bool, created_at: datetime) -> Account:
    """Insert an account inside the caller's transaction; an `InputError` when the name is taken."""
    if find(conn, username) is not None:
        raise InputError(f"user {username!r} already exists")
    conn.execute(
        insert(accounts).values(username=username, password_hash=password_hash, admin=admin, created_at=created_at)
    )
    return Account(username, password_hash, admin, as_utc(created_at))


def find(conn: Connection, username: str) -> Account | None:
    """The account called `username`, or None."""
    row = conn.execute(select(accounts).where(accounts.c.username == username)).one_or_none()
    return None if row is None else _account(row)


def every(conn: Connection) -> list[Account]:
    """Every account, by name."""
    return [_account(r) for r in conn.execute(select(accounts).order_by(accounts.c.username))]


def set_password(conn: Connection, username: str, password_hash: str) -> bool:
    """False when there is no such account."""
    done = conn.execute(update(accounts).where(accounts.c.username == username).values(password_hash=password_hash))
    return done.rowcount == 1


def remove(conn: Connection, username: str) -> bool:
    """False when there is no such account. Its stories stay, still owned by the name."""
    return conn.execute(delete(accounts).where(accounts.c.username == username)).rowcount == 1
