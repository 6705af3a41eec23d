"""What several pages and the API share: who is asking, the review quota, a review laid out for display."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import HTTPException, Path, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from ...judge import Review
from ...render.closeness import closeness
from ...render.markdown import to_markdown
from ...rubric import load_rubric
from ..auth import User
from ..chart import DimensionChart, dimension_chart
from ..highlight import Block, story_blocks
from ..reach import how_close
from ..sessions import client_address, current_user

# Ids and version numbers fit PostgreSQL's integer: a larger one names nothing, and must not
# reach the database driver (which fails on it, or overflows past 2^63).
MAX_ID = 2**31 - 1
StoryId = Annotated[int, Path(ge=1, le=MAX_ID, description="a story's id")]
VersionNumber = Annotated[int, Path(ge=1, le=MAX_ID, description="a version's number")]
VersionQuery = Annotated[int | None, Query(ge=1, le=MAX_ID)]


# Coroutines, so local mode's checks run on the event loop; team mode reads the session from
# the bank, in a worker thread.
async def require_user(request: Request) -> User:
    if request.app.state.settings.team:
        user = await run_in_threadpool(current_user, request)
    else:
        user = current_user(request)
    if user is None:
        raise HTTPException(401, "sign in first")
    return user


def too_many(what: str, wait: float) -> HTTPException:
    seconds = int(wait) + 1
    return HTTPException(429, f"too many {what}; try again in {seconds} s", headers={"Retry-After": str(seconds)})


def charge_review(request: Request, what: str = "reviews") -> None:
    """Team mode only: each client (signed-in user, else address) gets a bounded rate of reviews
    (and of sign-in attempts, which share the bucket)."""
    settings = request.app.state.settings
    if not settings.team:
        return
    user = current_user(request)
    key = f"user:{user.name}" if user else f"addr:{client_address(request)}"
    wait = request.app.state.limiter.allow(key)
    if wait:
        raise too_many(what, wait)


async def review_quota(request: Request) -> None:
    if request.app.state.settings.team:
        await run_in_threadpool(charge_review, request)


def markdown_download(review: Review, filename: str, heading: str = "", also=None) -> Response:
    """The review as `starbar review --format md` writes it (with the principles it also
    serves, when given), as a file to save."""
    return Response(
        heading + to_markdown(review, also=also),
        media_type="text/markdown; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@dataclass(frozen=True)
class FlagView:
    id: str
    message: str
    quotes: tuple
    missing: str  # what the story lacks, shown when there is no sentence to quote


@dataclass(frozen=True)
class ReviewView:
    """A Review with what the partials need beside it; no judgment is added here."""

    review: Review
    blocks: tuple[Block, ...]
    chart: DimensionChart
    flags: tuple[FlagView, ...]
    dimension_names: dict[str, str]
    signal_descriptions: dict[str, str]  # signal id -> what a sentence with it shows
    level_scope: str
    closeness: tuple[str, ...]


def signal_descriptions(rubric) -> dict[str, str]:
    signals = [*rubric.signals, *(s for d in rubric.dimensions for s in d.signals)]
    return {s.id: s.description for s in signals}


def review_view(review: Review) -> ReviewView:
    rubric = load_rubric(review.rubric)
    specs = {f.id: f for f in rubric.flags}

    def missing(flag) -> str:
        spec = specs.get(flag.id)
        return "" if flag.evidence or spec is None else spec.advice or spec.description

    flags = tuple(FlagView(f.id, f.message, f.evidence, missing(f)) for f in review.flags)
    evidence = review.trace.fired if review.trace else ()
    return ReviewView(
        review=review,
        blocks=story_blocks(review.text, review.parts, evidence),
        chart=dimension_chart(review, rubric),
        flags=flags,
        dimension_names={d.id: d.name for d in rubric.dimensions},
        signal_descriptions=signal_descriptions(rubric),
        level_scope=rubric.level_scope.get(review.level, ""),
        closeness=how_close(review, closeness(review)),
    )
