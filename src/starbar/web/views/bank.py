"""The story bank pages: the list with latest verdicts and the checklist; a story's versions,
their chart and diff; edit and save a new version."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from ...api import review as run_review
from ...bank.principle_table import principle_table
from ...bank.service import DEFAULT_LP
from ...errors import InputError
from ...judge import LEVELS
from ...rubric import for_lp, load_rubric
from ..auth import check_csrf
from ..chart import history_chart
from ..stores import user_bank
from ..templating import page
from .common import StoryId, VersionQuery, charge_review, markdown_download, require_user, review_view
from .review import PostedStory, posted_story, review_page

router = APIRouter(include_in_schema=False)


def _level(level: str) -> str:
    return level if level in LEVELS else "L6"


@router.get("/bank")
def bank_list(request: Request, level: str = "L6", user=Depends(require_user)):
    bank = user_bank(request, user)
    level = _level(level)
    return page(
        request, "bank_list.html", stories=bank.list(), checklist=bank.checklist(level), level=level, levels=LEVELS
    )


@router.post("/bank")
def bank_add(
    request: Request,
    title: Annotated[str, Form()] = "",
    lp: Annotated[str, Form()] = DEFAULT_LP,
    story: PostedStory = Depends(posted_story),
):
    try:
        version = user_bank(request, story.user).add(title, story.text, level=story.level, lp=lp)
    except InputError as exc:
        return review_page(request, story.text, story.level, lp, save_error=exc.message)
    return RedirectResponse(f"/bank/{version.story_id}", status_code=303)


@router.get("/bank/{story_id}")
def bank_story(request: Request, story_id: StoryId, v: VersionQuery = None, user=Depends(require_user)):
    bank = user_bank(request, user)
    story = bank.story(story_id)
    history = bank.history(story_id)
    shown = bank.version(story_id, v) if v else story.latest
    rubric = load_rubric(for_lp(story.lp))
    # The annotated view needs the parsed story and its evidence, which are not stored: judge the
    # stored text again (same input, same output) and say so when the rubric has changed since.
    rv = review_view(run_review(shown.text, shown.level, lp=story.lp))
    chart = history_chart(
        [h.number for h in history], [h.levels for h in history], {d.id: d.name for d in rubric.dimensions}
    )
    return page(
        request,
        "bank_story.html",
        story=story,
        history=history,
        shown=shown,
        rv=rv,
        chart=chart,
        rubric_changed=shown.rubric_version != rubric.version,
        rubric_version=rubric.version,
        levels=LEVELS,
        level=story.level,
        principles=principle_table(),
    )


@router.get("/bank/{story_id}/report.md")
def bank_report(request: Request, story_id: StoryId, v: VersionQuery = None, user=Depends(require_user)):
    """The Markdown report of a version (default: the latest), judged as its page shows it."""
    bank = user_bank(request, user)
    story, shown = bank.story(story_id), bank.version(story_id, v)
    heading = f"**{story.title}**, version {shown.number} of {story.versions}\n\n"
    return markdown_download(
        run_review(shown.text, shown.level, lp=story.lp), f"story-{story_id}-v{shown.number}.md", heading
    )


@router.post("/bank/{story_id}")
def bank_update(
    request: Request,
    story_id: StoryId,
    text: Annotated[str, Form()] = "",
    level: Annotated[str, Form()] = "L6",
    lp: Annotated[str | None, Form()] = None,  # None keeps the story's principle
    csrf: Annotated[str, Form()] = "",
    user=Depends(require_user),
):
    check_csrf(request, csrf)
    charge_review(request)
    user_bank(request, user).update(story_id, text, level=_level(level), lp=lp)
    return RedirectResponse(f"/bank/{story_id}", status_code=303)


@router.post("/bank/{story_id}/principles")
def bank_tag(
    request: Request,
    story_id: StoryId,
    primary: Annotated[str, Form()] = "",
    secondary: Annotated[list[str] | None, Form()] = None,
    auto: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
    user=Depends(require_user),
):
    """Choose the principles the story is told for, or (`auto`) hand the choice back to fit."""
    check_csrf(request, csrf)
    chosen = [s for s in secondary or () if s]
    if auto:
        user_bank(request, user).tag(story_id, auto=True)
    else:
        user_bank(request, user).tag(story_id, primary=primary or None, secondaries=chosen)
    return RedirectResponse(f"/bank/{story_id}", status_code=303)


@router.get("/bank/{story_id}/delete")
def bank_delete_confirm(request: Request, story_id: StoryId, user=Depends(require_user)):
    return page(request, "bank_delete.html", story=user_bank(request, user).story(story_id))


@router.post("/bank/{story_id}/delete")
def bank_delete(request: Request, story_id: StoryId, csrf: Annotated[str, Form()] = "", user=Depends(require_user)):
    check_csrf(request, csrf)
    user_bank(request, user).delete(story_id)
    return RedirectResponse("/bank", status_code=303)


@router.get("/bank/{story_id}/diff")
def bank_diff(
    request: Request,
    story_id: StoryId,
    a: VersionQuery = None,
    b: VersionQuery = None,
    user=Depends(require_user),
):
    bank = user_bank(request, user)
    story = bank.story(story_id)
    diff = bank.diff(story_id, a, b)
    names = {d.id: d.name for d in load_rubric(for_lp(story.lp)).dimensions}
    return page(
        request,
        "bank_diff.html",
        story=story,
        diff=diff,
        names=names,
        numbers=[h.number for h in bank.history(story_id)],
    )
