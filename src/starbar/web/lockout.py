"""The back-off on wrong passwords, per user name: the first few are free, then each needs a
growing wait before the next try, and past a limit the name is locked for a while (an admin
lifts it with `starbar users unlock NAME`). Pure: the counts live in the bank (`SignIns`).

Names without an account are counted too, so a lock says nothing about who has one.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..bank.sessions import Failures

FREE_TRIES = 3
MAX_DELAY_SECONDS = 60
LOCK_AFTER = 10
LOCK_FOR = timedelta(minutes=15)
# Wrong passwords this long ago (without a lock) are forgotten.
FORGET_AFTER = timedelta(hours=1)


def delay_after(failures: int) -> float:
    """Seconds to wait after `failures` wrong passwords in a row: 0, 0, 0, 1, 2, 4... up to a minute."""
    return 0.0 if failures < FREE_TRIES else float(min(2 ** (failures - FREE_TRIES), MAX_DELAY_SECONDS))


def _remembered(failures: Failures | None, now: datetime) -> Failures | None:
    """The counts still in force (None: there are none, or they are forgotten)."""
    if failures is None:
        return None
    locked = failures.locked_until is not None and failures.locked_until > now
    return None if not locked and now - failures.last_at > FORGET_AFTER else failures


def wait_seconds(failures: Failures | None, now: datetime) -> float:
    """How long this name must wait before its next try (0: it may try now)."""
    failures = _remembered(failures, now)
    if failures is None:
        return 0.0
    if failures.locked_until is not None and failures.locked_until > now:
        return (failures.locked_until - now).total_seconds()
    ready = failures.last_at + timedelta(seconds=delay_after(failures.count))
    return max(0.0, (ready - now).total_seconds())


def is_locked(failures: Failures | None, now: datetime) -> bool:
    return failures is not None and failures.locked_until is not None and failures.locked_until > now


def after_failure(failures: Failures | None, now: datetime) -> Failures:
    """The counts once one more wrong password has come in."""
    remembered = _remembered(failures, now)
    count = 1 if remembered is None else remembered.count + 1
    return Failures(count, now, now + LOCK_FOR if count >= LOCK_AFTER else None)
