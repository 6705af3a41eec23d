"""Team mode: accounts with scrypt-hashed passwords, and CSRF tokens (sessions: `sessions.py`).

Local mode has one implicit user and no login; every request is that user.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from fastapi import HTTPException, Request

from ..bank import Bank
from ..bank.sessions import SignIns
from ..errors import InputError

# scrypt cost: about 50 ms and 16 MB per hash here, slow enough to make guessing expensive.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
MIN_PASSWORD = 10
LOCAL_USER = "local"


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **_SCRYPT)
    enc = base64.b64encode
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${enc(salt).decode()}${enc(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    expected = base64.b64decode(digest)
    actual = hashlib.scrypt(
        password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected)
    )
    return hmac.compare_digest(actual, expected)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"password: use at least {MIN_PASSWORD} characters")


# Checked against when the username is unknown, so a wrong name costs the same time as a wrong password.
_DUMMY_HASH = hash_password(secrets.token_urlsafe(16))


@dataclass(frozen=True)
class User:
    name: str
    admin: bool = False


LOCAL = User(LOCAL_USER, admin=True)


class Accounts:
    """Team accounts with their passwords: the hashing here, the accounts in the story bank."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank

    def add(self, username: str, password: str, *, admin: bool = False) -> User:
        _check_password(password)
        account = self.bank.create_account(username, hash_password(password), admin=admin)
        return User(account.username, account.admin)

    def authenticate(self, username: str, password: str) -> User | None:
        account = self.bank.account(username)
        if account is None:
            verify_password(password, _DUMMY_HASH)
            return None
        return User(account.username, account.admin) if verify_password(password, account.password_hash) else None

    def names(self) -> list[str]:
        return [a.username for a in self.bank.accounts()]

    def change_password(self, username: str, password: str) -> None:
        """Store a new password and end every session of the account."""
        _check_password(password)
        if not SignIns(self.bank).change_password(username, hash_password(password)):
            raise InputError(f"no user {username!r}")


# --- CSRF -------------------------------------------------------------------------


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def check_csrf(request: Request, submitted: str | None) -> None:
    expected = request.session.get("csrf")
    if not expected or not submitted or not hmac.compare_digest(expected, submitted):
        raise HTTPException(403, "the form expired or came from another site; reload the page and try again")
