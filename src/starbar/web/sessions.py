"""Team sign-in sessions kept in the bank: the signed cookie holds only a random token, the bank
the SHA-256 of it with the user and an expiry. Signing out, a new password or a removed account
deletes the row, so a copied cookie stops working at once, in every server process.

Local mode has no sessions: every request is the local user.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from fastapi import Request

from .auth import LOCAL, User, csrf_token
from .stores import stores

SESSION_DAYS = 14
SESSION_SECONDS = SESSION_DAYS * 24 * 3600
# How stale "last seen" may get before a request writes it again: one write per session per
# few minutes, not one per request.
TOUCH_EVERY = timedelta(minutes=5)
_NOBODY = object()  # request.state's "not looked up yet"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def client_address(request: Request) -> str:
    """The peer's address (a proxy's forwarded one only from `--forwarded-allow-ips`)."""
    return request.client.host if request.client else "?"


def log_in(request: Request, user: User) -> None:
    # A fresh session on login: nothing set before it (by anyone) carries over.
    request.session.clear()
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    stores(request).sign_ins.start(
        _hash(token), user.name, client_address(request), now, now + timedelta(days=SESSION_DAYS)
    )
    request.session["sid"] = token
    csrf_token(request)
    request.state.starbar_user = user


def log_out(request: Request) -> None:
    token = request.session.get("sid")
    if token and request.app.state.settings.team:
        stores(request).sign_ins.end(_hash(token))
    request.session.clear()
    request.state.starbar_user = None


def current_user(request: Request) -> User | None:
    """The signed-in user (in local mode always the local user); looked up once per request.

    Blocks on the bank in team mode: call it from a worker thread, not the event loop.
    """
    if not request.app.state.settings.team:
        return LOCAL
    known = getattr(request.state, "starbar_user", _NOBODY)
    if known is None or isinstance(known, User):  # looked up already in this request
        return known
    user = None
    token = request.session.get("sid")
    if token:
        now = datetime.now(UTC)
        found = stores(request).sign_ins.find(_hash(token), now)
        if found is None:
            request.session.clear()  # revoked or expired: the browser gets a fresh session
        else:
            user = User(found.username, found.admin)
            if now - found.last_seen_at > TOUCH_EVERY:
                stores(request).sign_ins.touch(_hash(token), now)
    request.state.starbar_user = user
    return user
