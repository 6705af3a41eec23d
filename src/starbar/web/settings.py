"""What the app is started with: a frozen record built once by `starbar serve` or a test."""

from __future__ import annotations

import ipaddress
import secrets
from dataclasses import dataclass, field

# A STAR story is a few hundred words; 20,000 words (the engine's limit) fit well under this.
MAX_BODY_BYTES = 256 * 1024
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


@dataclass(frozen=True)
class Settings:
    database_url: str | None = None  # None: the bank's default (SQLite in the user's data folder)
    team: bool = False
    # Signs the session cookie; `starbar serve` passes the one kept in the data folder.
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    max_body_bytes: int = MAX_BODY_BYTES
    # Team mode: reviews allowed per client per minute, and the burst allowed at once.
    reviews_per_minute: int = 60
    review_burst: int = 20
    secure_cookies: bool = False
    # One name per port: two servers on one host (cookies ignore the port) keep their own sessions.
    cookie_name: str = "starbar_session"


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
