"""Request body size limit (ASGI middleware) and a per-client token bucket for reviews."""

from __future__ import annotations

import json
import threading
import time

from starlette.exceptions import HTTPException

# How much of an oversize body is read and thrown away before the 413 goes out. A client that
# sends its whole body before reading the answer, on a connection it asked to close, would
# otherwise meet a reset connection (the server closing with data unread) instead of the 413.
DRAIN_BYTES = 16 * 1024 * 1024


async def drain(receive, more: bool = True) -> None:
    """Read and discard the rest of the request body, up to DRAIN_BYTES."""
    read = 0
    while more and read <= DRAIN_BYTES:
        message = await receive()
        if message["type"] != "http.request":
            return
        read += len(message.get("body", b""))
        more = message.get("more_body", False)


def too_large_message(limit: int) -> str:
    return f"request body over {limit:,} bytes; a STAR story is a few hundred words"


class BodyTooLarge(HTTPException):
    """Raised while the body is read; an HTTPException so the framework answers 413 rather than 400."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, too_large_message(limit))


def _too_large_response(limit: int) -> tuple[dict, dict]:
    body = json.dumps({"error": {"code": "too_large", "message": too_large_message(limit)}})
    start = {
        "type": "http.response.start",
        "status": 413,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
    }
    return start, {"type": "http.response.body", "body": body.encode()}


class BodyLimitMiddleware:
    """Refuses bodies over `max_bytes` with 413: at once when Content-Length says so, and while
    reading when it lies or is absent (chunked), so no handler ever holds an oversized body."""

    def __init__(self, app, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            # A client waiting for "100 Continue" has sent nothing yet: answer it at once.
            if headers.get(b"expect", b"").lower() != b"100-continue":
                await drain(receive)
            await self._refuse(send)
            return
        received = 0
        more_body = True
        started = False

        async def limited_receive():
            nonlocal received, more_body
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                more_body = message.get("more_body", False)
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def drain_if_too_large() -> None:
            nonlocal more_body
            if received > self.max_bytes and more_body:
                await drain(receive)
                more_body = False

        async def tracked_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                await drain_if_too_large()  # the framework's own 413 for BodyTooLarge
            await send(message)

        try:
            await self.app(scope, limited_receive, tracked_send)
        except BodyTooLarge:
            if not started:
                await drain_if_too_large()
                await self._refuse(send)

    async def _refuse(self, send) -> None:
        start, body = _too_large_response(self.max_bytes)
        await send(start)
        await send(body)


class RateLimiter:
    """A token bucket per client key: `burst` at once, refilled at `per_minute`."""

    # Past this many clients, buckets that have refilled are forgotten (they equal a new one).
    MAX_KEYS = 10_000

    def __init__(self, per_minute: int, burst: int, clock=time.monotonic) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> float:
        """0 when the request may go ahead, else the seconds to wait before retrying."""
        now = self.clock()
        with self._lock:
            if len(self._buckets) > self.MAX_KEYS:
                self._forget_full(now)
            tokens, last = self._buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[key] = (tokens - 1, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1 - tokens) / self.rate if self.rate else float("inf")

    def _forget_full(self, now: float) -> None:
        self._buckets = {
            key: (tokens, last)
            for key, (tokens, last) in self._buckets.items()
            if tokens + (now - last) * self.rate < self.burst
        }
