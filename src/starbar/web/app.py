"""The app factory: `create_app(settings)` wires middleware, routers, templates and static files."""

from __future__ import annotations

import dataclasses
import json
import os
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from .. import __version__
from ..api import prepare
from . import errors
from .api import router as api_router
from .limits import BodyLimitMiddleware, RateLimiter
from .sessions import SESSION_SECONDS
from .settings import Settings, is_loopback
from .views import auth, bank, debrief, fit, matrix, practice, practice_loop, review

HERE = Path(__file__).resolve().parent
# How `starbar serve --workers N` hands its settings to each worker process.
ENV_SETTINGS = "STARBAR_WEB_SETTINGS"


class LoopbackHostMiddleware:
    """Local mode answers only requests addressed to a loopback name, so a web page that
    rebinds its own domain to 127.0.0.1 cannot read the user's stories."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] in ("http", "websocket"):
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if not is_loopback(name.strip("[]")):
                body = b'{"error": {"code": "bad_host", "message": "local mode answers only on a loopback address"}}'
                await send(
                    {"type": "http.response.start", "status": 400, "headers": [(b"content-type", b"application/json")]}
                )
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


# Pages load only this app's own script and styles, and may not be framed by another site: even
# if some user text ever slipped through unescaped, the browser would not run it.
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]


class SecurityHeadersMiddleware:
    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        await self.app(scope, receive, with_headers)


@asynccontextmanager
async def _lifespan(app: FastAPI):
    prepare()  # the first review is then as fast as the hundredth
    yield
    if app.state.stores is not None:
        app.state.stores.close()


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        lifespan=_lifespan,
        title="starbar",
        version=__version__,
        description="Judge STAR stories for fintech PM interviews against seven Leadership Principles, and rank "
        "all sixteen, with quoted evidence. "
        "The same review, story bank and practice as the command line.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # the interactive docs load scripts from a CDN; the app must work offline
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.limiter = RateLimiter(settings.reviews_per_minute, settings.review_burst)
    app.state.stores = None  # the bank and the accounts, opened on first use (see stores.stores)

    app.include_router(api_router)
    # /bank/matrix before /bank/{story_id}, /practice/loop before /practice/{question_id}
    for module in (review, fit, matrix, bank, practice_loop, practice, debrief, auth):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:  # for browsers and tools that ask before reading the page's link
        return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")

    errors.install(app)

    # Outermost last: the body limit and host check run before anything reads the request.
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie=settings.cookie_name,
        same_site="lax",
        https_only=settings.secure_cookies,
        max_age=SESSION_SECONDS,
    )
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeadersMiddleware)
    if not settings.team:
        app.add_middleware(LoopbackHostMiddleware)
    return app


def settings_to_environment(settings: Settings) -> None:
    os.environ[ENV_SETTINGS] = json.dumps(dataclasses.asdict(settings))


def app_from_environment() -> FastAPI:
    """The factory each worker process calls: the same settings (and session key) in every worker."""
    return create_app(Settings(**json.loads(os.environ[ENV_SETTINGS])))
