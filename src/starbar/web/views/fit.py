"""The fit page: paste a story, see all sixteen Leadership Principles ranked by the evidence in
it, the sentences behind each marked on the story, and the deep reviews to run."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Depends, Request

from ...api import fit as run_fit
from ...errors import InputError
from ...judge import LEVELS
from ...parse import parse
from ...principles import Fit
from ..highlight import Block, story_blocks
from ..rubrics import principle_names
from ..templating import page
from .common import require_user
from .review import PostedStory, posted_story

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True, slots=True)
class Span:
    """A quoted sentence as the story partial marks it: the principle stands where a review's
    dimension would, and a "mistaken for" sentence counts against it."""

    start: int
    end: int
    signal: str
    dimension: str
    polarity: str


@dataclass(frozen=True)
class FitView:
    """A Fit with what the story partial needs beside it; no judgment is added here."""

    fit: Fit
    blocks: tuple[Block, ...]
    dimension_names: dict[str, str]  # principle id -> name, the label of a mark
    signal_descriptions: dict[str, str]  # signal id -> what a sentence with it shows


def fit_view(text: str, result: Fit) -> FitView:
    spans = [
        Span(q.start, q.end, q.signal, p.id, polarity)
        for p in result.ranked
        for quotes, polarity in ((p.quotes, "earns"), (p.mistaken, "costs"))
        for q in quotes
    ]
    says = {q.signal: q.says for p in result.ranked for q in (*p.quotes, *p.mistaken)}
    return FitView(
        fit=result,
        blocks=story_blocks(text, parse(text).part_spans(), spans),
        dimension_names={p.id: p.name for p in result.ranked},
        signal_descriptions=says,
    )


def _page(request: Request, text: str, level: str, *, result=None, error: str | None = None):
    return page(
        request,
        "fit.html",
        status_code=422 if error else 200,
        text=text,
        level=level,
        levels=LEVELS,
        result=result,
        error=error,
        principle_names=principle_names(),
    )


@router.get("/fit")
def fit_form(request: Request, user=Depends(require_user)):
    return _page(request, "", "L6")


@router.post("/fit")
def fit_submit(request: Request, story: PostedStory = Depends(posted_story)):
    """Rank the posted story; its level is only carried to the deep reviews the page offers."""
    try:
        return _page(request, story.text, story.level, result=fit_view(story.text, run_fit(story.text)))
    except InputError as exc:
        return _page(request, story.text, story.level, error=exc.message)
