"""The review page: paste a story, pick a principle and a level, see the review on the story
itself and the other principles the story serves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request

from ...api import also_serves
from ...api import review as run_review
from ...errors import InputError
from ...judge import LEVELS
from ..auth import User, check_csrf
from ..rubrics import default_lp, judged, principle_names
from ..templating import page
from .common import charge_review, markdown_download, require_user, review_view

router = APIRouter(include_in_schema=False)


def _unknown_lp(lp: str) -> str | None:
    """Why `lp` cannot be reviewed, in the form's words; None when a rubric judges it."""
    if lp in principle_names():
        return None
    return f"no rubric judges the principle {lp!r}; choose one of the list"


def _form(request: Request, text: str, level: str, lp: str, *, status_code: int = 200, **context):
    known = lp in principle_names()
    return page(
        request,
        "review.html",
        status_code=status_code,
        text=text,
        level=level,
        levels=LEVELS,
        lp=lp if known else default_lp(),
        rubrics=judged(),
        principle=principle_names().get(lp, ""),
        principle_names=principle_names(),
        **{"result": None, "also": None, "error": None, **context},
    )


@router.get("/")
def review_form(request: Request, lp: str = "", user=Depends(require_user)):
    """The form; `?lp=dive-deep` chooses the principle (an unknown one is a 422 saying so)."""
    error = _unknown_lp(lp) if lp else None
    return _form(request, "", "L6", lp or default_lp(), status_code=422 if error else 200, error=error)


def review_page(request: Request, text: str, level: str, lp: str = "", *, save_error: str | None = None):
    """The review page with `text` reviewed at `level` for principle `lp`; with `save_error`,
    why saving it failed (the text stays in the form, so nothing typed is lost)."""
    level = level if level in LEVELS else "L6"
    lp = lp or default_lp()
    result = also = error = None
    try:
        review = run_review(text, level, lp=lp)
        result, also = review_view(review), also_serves(review)
    except InputError as exc:  # the story, or a principle no rubric judges
        error = exc.message
    return _form(
        request,
        text,
        level,
        lp,
        status_code=422 if error or save_error else 200,
        result=result,
        also=also,
        error=error,
        save_error=save_error,
    )


@dataclass(frozen=True)
class PostedStory:
    """A story posted from a form (CSRF checked, a review charged), with who posted it."""

    text: str
    level: str
    user: User
    lp: str = ""


def posted_story(
    request: Request,
    text: Annotated[str, Form()] = "",
    level: Annotated[str, Form()] = "L6",
    lp: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
    user: User = Depends(require_user),
) -> PostedStory:
    check_csrf(request, csrf)
    charge_review(request)
    return PostedStory(text, level if level in LEVELS else "L6", user, lp or default_lp())


@router.post("/review/report.md")
def review_report(story: PostedStory = Depends(posted_story)):
    """The review of the posted story as a Markdown file, as `starbar review --format md`."""
    review = run_review(story.text, story.level, lp=story.lp)
    return markdown_download(review, "starbar-review.md", also=also_serves(review))


@router.post("/review")
def review_submit(request: Request, story: PostedStory = Depends(posted_story)):
    return review_page(request, story.text, story.level, story.lp)
