"""Sign in and out (team mode). Accounts are created by an admin from the CLI: `starbar users add`."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from ..auth import check_csrf, log_in, log_out
from ..stores import stores
from ..templating import page
from .common import charge_review

router = APIRouter(include_in_schema=False)


def _local_path(target: str) -> str:
    """Only a path on this site: never redirect a user to another host after sign-in."""
    parts = urlsplit(target)
    # Browsers read "/\\host" as "//host", another site.
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.get("/login")
def login_form(request: Request, next: str = "/"):
    if not request.app.state.settings.team:
        return RedirectResponse("/", status_code=303)
    return page(request, "login.html", next=_local_path(next), error=None, username="")


@router.post("/login")
def login_submit(
    request: Request,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
):
    if not request.app.state.settings.team:
        return RedirectResponse("/", status_code=303)
    check_csrf(request, csrf)
    # Password guessing costs the same quota as reviews.
    charge_review(request)
    user = stores(request).accounts.authenticate(username.strip().lower(), password)
    if user is None:
        return page(
            request,
            "login.html",
            status_code=401,
            next=_local_path(next),
            error="wrong user name or password",
            username=username,
        )
    log_in(request, user)
    return RedirectResponse(_local_path(next), status_code=303)


@router.post("/logout")
def logout(request: Request, csrf: Annotated[str, Form()] = ""):
    check_csrf(request, csrf)
    log_out(request)
    return RedirectResponse("/login" if request.app.state.settings.team else "/", status_code=303)
