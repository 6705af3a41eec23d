"""Sign in and out (team mode). Accounts are created by an admin from the CLI: `starbar users add`."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from .. import lockout
from ..auth import check_csrf
from ..sessions import client_address, log_in, log_out
from ..stores import stores
from ..templating import page
from .common import charge_review, too_many

log = logging.getLogger("starbar.web.auth")

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
    # Password guessing costs the same quota as reviews, per address; and backs off per name.
    charge_review(request, "sign-in attempts")
    name = username.strip().lower()[:32]
    sign_ins = stores(request).sign_ins
    failures = sign_ins.failures(name)
    now = datetime.now(UTC)
    wait = lockout.wait_seconds(failures, now)
    if wait:
        log.warning("sign-in refused for %r from %s: backing off", name, client_address(request))
        if lockout.is_locked(failures, now):
            raise HTTPException(
                429,
                f"too many sign-in attempts; this account is locked for {int(wait // 60) + 1} min, "
                "or until an admin unlocks it",
                headers={"Retry-After": str(int(wait) + 1)},
            )
        raise too_many("sign-in attempts", wait)
    user = stores(request).accounts.authenticate(name, password)
    if user is None:
        failures = lockout.after_failure(failures, now)
        sign_ins.save_failures(name, failures, forget_before=now - lockout.FORGET_AFTER)
        log.warning("failed sign-in for %r from %s (%d in a row)", name, client_address(request), failures.count)
        return page(
            request,
            "login.html",
            status_code=401,
            next=_local_path(next),
            error="wrong user name or password",
            username=username,
        )
    if failures is not None:
        sign_ins.clear_failures(name)
    log_in(request, user)
    return RedirectResponse(_local_path(next), status_code=303)


@router.post("/logout")
def logout(request: Request, csrf: Annotated[str, Form()] = ""):
    check_csrf(request, csrf)
    log_out(request)
    return RedirectResponse("/login" if request.app.state.settings.team else "/", status_code=303)
