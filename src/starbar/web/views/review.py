"""The review page: paste a story, pick a level, see the review on the story itself."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request

from ...api import review as run_review
from ...errors import InputError
from ...judge import LEVELS
from ..auth import User, check_csrf
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
        result, error = review_view(run_review(text, level)), None
    except InputError as exc:
        result, error = None, exc.message
    return page(
        request,
        "review.html",
        status_code=422 if error or save_error else 200,
        text=text,
        level=level,
        levels=LEVELS,
        result=result,
        error=error,
        save_error=save_error,
    )


@dataclass(frozen=True)
class PostedStory:
    """A story posted from a form (CSRF checked, a review charged), with who posted it."""

    text: str
    level: str
    user: User


def posted_story(
    request: Request,
    text: Annotated[str, Form()] = "",
    level: Annotated[str, Form()] = "L6",
    csrf: Annotated[str, Form()] = "",
    user: User = Depends(require_user),
) -> PostedStory:
    check_csrf(request, csrf)
    charge_review(request)
    return PostedStory(text, level if level in LEVELS else "L6", user)


@router.post("/review/report.md")
def review_report(story: PostedStory = Depends(posted_story)):
    """The review of the posted story as a Markdown file, as `starbar review --format md`."""
    return markdown_download(run_review(story.text, story.level), "starbar-review.md")


@router.post("/review")
def review_submit(request: Request, story: PostedStory = Depends(posted_story)):
    return review_page(request, story.text, story.level)
