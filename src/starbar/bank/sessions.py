"""Team sign-ins kept in the bank: sessions that end when revoked, and wrong passwords counted
per user name. Storage only: tokens, hashing and the back-off policy are the web app's.

`SignIns(bank)` works in the bank's own transactions, so revoking a session and removing an
account are one write each, seen at once by every server process on the same bank.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, insert, select, update

from . import accounts as accounts_mod
from .models import accounts, sign_in_failures, sign_in_sessions
from .records import as_utc


@dataclass(frozen=True)
class SessionInfo:
    username: str
    admin: bool
    client: str
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class Failures:
    count: int
    last_at: datetime
    locked_until: datetime | None


def _info(row) -> SessionInfo:
    return SessionInfo(
        row.username,
        bool(row.admin),
        row.client,
        as_utc(row.created_at),
        as_utc(row.last_seen_at),
        as_utc(row.expires_at),
    )


_SESSION_COLUMNS = (*sign_in_sessions.c, accounts.c.admin)


class SignIns:
    """Sessions and sign-in failures of a bank's accounts."""

    def __init__(self, bank) -> None:
        self._bank = bank  # its _read/_write: one transaction each, errors as BankError

    # --- sessions ----------------------------------------------------------------------------

    def start(self, token_hash: str, username: str, client: str, now: datetime, expires_at: datetime) -> None:
        values = dict(
            token_hash=token_hash,
            username=username,
            client=client[:64],
            created_at=now,
            last_seen_at=now,
            expires_at=expires_at,
        )

        def work(conn: Connection) -> None:
            # The user's ended sessions go as a new one starts, so the table does not grow for ever.
            conn.execute(
                delete(sign_in_sessions).where(
                    sign_in_sessions.c.username == username, sign_in_sessions.c.expires_at <= now
                )
            )
            conn.execute(insert(sign_in_sessions).values(**values))

        self._bank._write(work)

    def find(self, token_hash: str, now: datetime) -> SessionInfo | None:
        """The live session with this token (None when revoked, expired or unknown)."""

        def work(conn: Connection):
            return conn.execute(
                select(*_SESSION_COLUMNS)
                .join(accounts, accounts.c.username == sign_in_sessions.c.username)
                .where(sign_in_sessions.c.token_hash == token_hash, sign_in_sessions.c.expires_at > now)
            ).one_or_none()

        row = self._bank._read(work)
        return None if row is None else _info(row)

    def touch(self, token_hash: str, now: datetime) -> None:
        self._bank._write(
            lambda conn: conn.execute(
                update(sign_in_sessions).where(sign_in_sessions.c.token_hash == token_hash).values(last_seen_at=now)
            )
        )

    def end(self, token_hash: str) -> None:
        self._bank._write(
            lambda conn: conn.execute(delete(sign_in_sessions).where(sign_in_sessions.c.token_hash == token_hash))
        )

    def end_all(self, username: str) -> int:
        """End every session of `username`; returns how many there were."""
        return self._bank._write(lambda conn: _end_all(conn, username))

    def active(self, username: str, now: datetime) -> list[SessionInfo]:
        """The live sessions of `username`, newest first; expired ones are dropped on the way."""

        def work(conn: Connection) -> list[SessionInfo]:
            conn.execute(delete(sign_in_sessions).where(sign_in_sessions.c.expires_at <= now))
            rows = conn.execute(
                select(*_SESSION_COLUMNS)
                .join(accounts, accounts.c.username == sign_in_sessions.c.username)
                .where(sign_in_sessions.c.username == username)
                .order_by(sign_in_sessions.c.created_at.desc())
            )
            return [_info(r) for r in rows]

        return self._bank._write(work)

    # --- accounts: changes that end sessions ---------------------------------------------------

    def change_password(self, username: str, password_hash: str) -> bool:
        """Store the new hash and end every session of the account; False when it does not exist."""

        def work(conn: Connection) -> bool:
            if not accounts_mod.set_password(conn, username, password_hash):
                return False
            _end_all(conn, username)
            _clear_failures(conn, username)
            return True

        return self._bank._write(work)

    def remove_account(self, username: str) -> bool:
        """Remove the account and end its sessions (its stories stay); False when it does not exist."""

        def work(conn: Connection) -> bool:
            _end_all(conn, username)
            _clear_failures(conn, username)
            return accounts_mod.remove(conn, username)

        return self._bank._write(work)

    # --- wrong passwords ---------------------------------------------------------------------

    def failures(self, username: str) -> Failures | None:
        row = self._bank._read(
            lambda conn: conn.execute(
                select(sign_in_failures).where(sign_in_failures.c.username == username)
            ).one_or_none()
        )
        if row is None:
            return None
        locked = as_utc(row.locked_until) if row.locked_until is not None else None
        return Failures(row.failures, as_utc(row.last_failure_at), locked)

    def save_failures(self, username: str, failures: Failures, forget_before: datetime) -> None:
        """Store `username`'s count; counts of any name last wrong and unlocked before
        `forget_before` go (names without accounts would otherwise pile up)."""
        values = dict(failures=failures.count, last_failure_at=failures.last_at, locked_until=failures.locked_until)
        t = sign_in_failures.c

        def work(conn: Connection) -> None:
            stale = (t.last_failure_at < forget_before) & (
                (t.locked_until.is_(None)) | (t.locked_until < forget_before)
            )
            conn.execute(delete(sign_in_failures).where(stale | (t.username == username)))
            conn.execute(insert(sign_in_failures).values(username=username, **values))

        self._bank._write(work)

    def clear_failures(self, username: str) -> bool:
        """Forget the wrong passwords and lift any lock; False when there were none."""
        return self._bank._write(lambda conn: _clear_failures(conn, username))


def _end_all(conn: Connection, username: str) -> int:
    return conn.execute(delete(sign_in_sessions).where(sign_in_sessions.c.username == username)).rowcount


def _clear_failures(conn: Connection, username: str) -> bool:
    return conn.execute(delete(sign_in_failures).where(sign_in_failures.c.username == username)).rowcount > 0
