"""Errors as JSON under /api and as pages elsewhere, each with a clear message, never a trace."""

from __future__ import annotations

import logging
import re
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from ..bank.db import BankError, StoryNotFound, display, resolve_url
from ..errors import InputError, StarbarError
from .sessions import current_user
from .templating import page

log = logging.getLogger("starbar.web")

_CODES = {
    400: "bad_request",
    401: "login_required",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "rate_limited",
}


# The engine's errors by kind, most specific first. A locked or unreachable bank is a 503:
# the same request may succeed later, and the message says what to do.
_STATUS_OF_ERROR = ((StoryNotFound, 404), (BankError, 503), (InputError, 422), (StarbarError, 400))


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _user_or_none(request: Request):
    """Who is asking, for the navigation; None when that cannot be known (the error may be that
    the database behind the sessions is unreachable)."""
    try:
        return current_user(request)
    except Exception:
        return None


async def error_response(request: Request, status: int, code: str, message: str, headers: dict | None = None):
    if _wants_json(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)
    user = await run_in_threadpool(_user_or_none, request)
    response = page(request, "error.html", status_code=status, status=status, message=message, user=user)
    response.headers.update(headers or {})
    return response


_NO_STORY = re.compile(r"^no story (\d+)\b.*")
_OPTION = re.compile(r" \(--[a-z-]+\)")


def web_message(request: Request, exc: StarbarError) -> str:
    """The engine's and the bank's messages in a browser's words: no server paths or database
    URLs, no CLI commands or options (those are for the terminal)."""
    message = exc.message
    if isinstance(exc, StoryNotFound):
        message = _NO_STORY.sub(r"no story \1 in your story bank", message)
    try:
        where = display(resolve_url(request.app.state.settings.database_url))
    except BankError:
        where = None
    if where:
        message = message.replace(f"story bank {where}", "the story bank").replace(where, "the story bank")
    message = _OPTION.sub("", message)
    parts = message.split("; ")
    kept = [part for part in parts[1:] if "`starbar" not in part and "--" not in part]
    return "; ".join([parts[0], *kept])


def _describe(errors) -> tuple[int, str]:
    """Malformed JSON is a 400; JSON of the wrong shape is a 422 naming the first bad field."""
    first = errors[0] if errors else {}
    if first.get("type") == "json_invalid":
        return 400, f"the body is not valid JSON ({first.get('ctx', {}).get('error', 'parse error')})"
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "body"
    return 422, f"{where}: {first.get('msg', 'invalid')}"


def install(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        status, message = _describe(exc.errors())
        return await error_response(request, status, _CODES[status], message)

    @app.exception_handler(StarbarError)
    async def _starbar(request: Request, exc: StarbarError):
        status = next(code for kind, code in _STATUS_OF_ERROR if isinstance(exc, kind))
        return await error_response(request, status, exc.code, web_message(request, exc))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 401 and not _wants_json(request):
            return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
        if exc.status_code == 404 and message == "Not Found":
            message = "no such page"
        return await error_response(
            request,
            exc.status_code,
            _CODES.get(exc.status_code, "error"),
            message,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return await error_response(
            request, 500, "internal_error", "something went wrong on the server; the details are in its log"
        )
