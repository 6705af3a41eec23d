"""The review page: paste a story, pick a level, see the review on the story itself."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request

from ...api import review as run_review
from ...errors import InputError
from ...judge import LEVELS
from ..auth import check_csrf
from ..templating import page
from .common import charge_review, markdown_download, require_user, review_view

router = APIRouter(include_in_schema=False)


@router.get("/")
def review_form(request: Request, user=Depends(require_user)):
    return page(request, "review.html", text="", level="L6", levels=LEVELS, result=None, error=None)


def review_page(request: Request, text: str, level: str, *, save_error: str | None = None):
    """The review page with `text` reviewed at `level`; with `save_error`, why saving it failed
    (the text stays in the form, so nothing typed is lost)."""
    level = level if level in LEVELS else "L6"
    try:
        result = review_view(run_review(text, level))
    except InputError as exc:
        return page(
            request,
            "review.html",
            status_code=422,
            text=text,
            level=level,
            levels=LEVELS,
            result=None,
            error=exc.message,
        )
    return page(
        request,
        "review.html",
        status_code=422 if save_error else 200,
        text=text,
        level=level,
        levels=LEVELS,
        result=result,
        error=None,
        save_error=save_error,
    )


@router.post("/review/report.md")
def review_report(
    request: Request,
    text: Annotated[str, Form()] = "",
    level: Annotated[str, Form()] = "L6",
    csrf: Annotated[str, Form()] = "",
    user=Depends(require_user),
):
    """The review of the posted story as a Markdown file, as `starbar review --format md`."""
    check_csrf(request, csrf)
    charge_review(request)
    return markdown_download(run_review(text, level if level in LEVELS else "L6"), "starbar-review.md")


@router.post("/review")
def review_submit(
    request: Request,
    text: Annotated[str, Form()] = "",
    level: Annotated[str, Form()] = "L6",
    csrf: Annotated[str, Form()] = "",
    user=Depends(require_user),
):
    check_csrf(request, csrf)
    charge_review(request)
    return review_page(request, text, level)
