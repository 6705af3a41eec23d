"""The JSON API: the same content as the CLI, described by the OpenAPI document at /api/openapi.json."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from ..api import also_serves
from ..api import fit as run_fit
from ..api import review as run_review
from ..bank.service import TITLE_MAX
from ..practice.questions import QuestionError, find, load_questions, select
from ..practice.session import begin, run_session
from ..render.serves import report_dict
from .rubrics import judged
from .stores import UserBank, user_bank
from .views.common import StoryId, VersionNumber, VersionQuery, require_user, review_quota

router = APIRouter(prefix="/api", tags=["api"])
Level = Literal["L5", "L6", "L7"]  # judge.LEVELS, spelled out for the OpenAPI document


class ErrorDetail(BaseModel):
    code: str = Field(description="stable: bad_input, too_large, invalid_request, rate_limited, not_found...")
    message: str = Field(description="what went wrong and what to do")


class ErrorBody(BaseModel):
    error: ErrorDetail


# FastAPI's `responses`: status code to OpenAPI response object.
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "malformed JSON"},
    401: {"model": ErrorBody, "description": "team mode: not signed in"},
    413: {"model": ErrorBody, "description": "request body too large"},
    415: {"model": ErrorBody, "description": "the body is not JSON"},
    422: {"model": ErrorBody, "description": "a field is missing or wrong, or the story cannot be reviewed"},
    429: {"model": ErrorBody, "description": "team mode: too many reviews; see Retry-After"},
}


class ReviewRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="the STAR story, plain text or Markdown")
    level: Level = Field("L6", description="target level of the role")
    lp: str = Field("customer-obsession", description="the Leadership Principle to judge against (GET /api/rubrics)")


# The review contract (README, "The JSON contract"), for the OpenAPI document; responses are
# render.serves.report_dict as is.
class QuoteOut(BaseModel):
    start: int
    end: int
    signal: str
    quote: str


class DimensionOut(BaseModel):
    level: int = Field(ge=0, le=4)
    evidence: list[QuoteOut]
    why: str


class FlagOut(BaseModel):
    id: str
    message: str
    evidence: list[QuoteOut]


class PartOut(BaseModel):
    start: int
    end: int
    part: Literal["S", "T", "A", "R", "O"]


class StatsOut(BaseModel):
    words: int
    speaking_seconds: int
    part_shares: dict[str, float]


class PrincipleQuoteOut(BaseModel):
    signal: str
    says: str = Field(description="what the sentence shows for the principle")
    start: int
    end: int
    quote: str


class ServesOut(BaseModel):
    id: str = Field(description="the principle's id, as `lp` takes it")
    name: str
    role: Literal["primary", "secondary"]
    signals: int
    deep_review: bool = Field(description="a rubric judges this principle: POST it as `lp` for its review")
    quotes: list[PrincipleQuoteOut]


class ReviewOut(BaseModel):
    schema_version: int
    rubric: str
    level: str
    verdict: Literal["strong_hire", "hire", "no_hire", "strong_no_hire"]
    archetype: str = Field(description="one of the rubric's archetype ids")
    dimensions: dict[str, DimensionOut]
    flags: list[FlagOut]
    parts: list[PartOut]
    followups: list[str]
    next_steps: list[str]
    stats: StatsOut
    also_serves: list[ServesOut] = Field(
        description="the other principles the story credibly serves (`starbar fit`'s roles), best first"
    )


async def json_body(request: Request) -> None:
    """JSON only: a cross-site form cannot send it without a CORS preflight, which this app never grants."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise HTTPException(415, "send the body as JSON with Content-Type: application/json")


@router.post(
    "/review",
    response_model=None,
    responses={200: {"model": ReviewOut}, **ERRORS},
    dependencies=[Depends(json_body), Depends(require_user), Depends(review_quota)],
)
def review(body: ReviewRequest) -> JSONResponse:
    """Review one story at a level against a principle: the same JSON as `starbar review --format json`."""
    result = run_review(body.text, body.level, lp=body.lp)
    return JSONResponse(report_dict(result, also_serves(result)))


class FitRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="the STAR story, plain text or Markdown")


class PrincipleOut(BaseModel):
    id: str
    name: str
    tier: int
    score: float
    signals: int = Field(description="distinct signals shown, no sentence counted for two")
    role: Literal["primary", "secondary"] | None
    mentions: int = Field(description="sentences that only name the principle or speak its words: ties only")
    quotes: list[PrincipleQuoteOut]
    mistaken: list[PrincipleQuoteOut] = Field(description='"mistaken for" sentences, which lower the score')


class FitOut(BaseModel):
    version: str
    primary: str | None
    claimed: list[str]
    deep_reviews: list[str] = Field(description="principles with a rubric worth a review (POST /api/review `lp`)")
    principles: list[PrincipleOut] = Field(description="all sixteen, best first")


@router.post(
    "/fit",
    response_model=None,
    responses={200: {"model": FitOut}, **ERRORS},
    dependencies=[Depends(json_body), Depends(require_user), Depends(review_quota)],
)
def fit(body: FitRequest) -> JSONResponse:
    """Rank all sixteen Leadership Principles by the evidence in the story: the same JSON as
    `starbar fit --format json`."""
    return JSONResponse(run_fit(body.text).to_dict())


class RubricOut(BaseModel):
    lp: str
    rubric: str
    principle: str
    version: str
    dimensions: list[str]


@router.get("/rubrics", response_model=list[RubricOut], dependencies=[Depends(require_user)])
def rubrics() -> list[RubricOut]:
    """The principles starbar judges, with each rubric's id, version and dimensions."""
    return [
        RubricOut(
            lp=r.lp, rubric=r.id, principle=r.principle, version=r.version, dimensions=[d.id for d in r.dimensions]
        )
        for r in judged()
    ]


# --- story bank -----------------------------------------------------------------------------


class NewStory(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = Field(description="a short name for the story", max_length=TITLE_MAX)
    text: str
    level: Level = "L6"
    lp: str = Field("customer-obsession", description="the principle the story is told for; its rubric judges it")


class NewVersion(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    level: Level | None = Field(None, description="default: the story's level")
    lp: str | None = Field(None, description="default: the story's principle")


def _bank(request: Request, user=Depends(require_user)) -> UserBank:
    return user_bank(request, user)


@router.get("/stories", responses=ERRORS)
def list_stories(bank: UserBank = Depends(_bank)) -> list[dict]:
    """Every story (yours, in team mode) with its latest version, as `starbar bank list --format json`."""
    return [s.to_dict() for s in bank.list()]


@router.post("/stories", status_code=201, responses=ERRORS, dependencies=[Depends(json_body), Depends(review_quota)])
def add_story(body: NewStory, bank: UserBank = Depends(_bank)) -> dict:
    """Review the text and store it as version 1 of a new story."""
    return bank.add(body.title, body.text, level=body.level, lp=body.lp).to_dict()


@router.get("/stories/{story_id}", responses={404: {"model": ErrorBody}, **ERRORS})
def get_story(story_id: StoryId, bank: UserBank = Depends(_bank)) -> dict:
    """One story with its latest version and that version's review."""
    return bank.story(story_id).to_dict(review=True)


@router.post(
    "/stories/{story_id}/versions",
    status_code=201,
    responses={404: {"model": ErrorBody}, **ERRORS},
    dependencies=[Depends(json_body), Depends(review_quota)],
)
def add_version(story_id: StoryId, body: NewVersion, bank: UserBank = Depends(_bank)) -> dict:
    """Review the new text and store it as the story's next version."""
    return bank.update(story_id, body.text, level=body.level, lp=body.lp).to_dict()


@router.delete("/stories/{story_id}", status_code=204, responses={404: {"model": ErrorBody}, **ERRORS})
def delete_story(story_id: StoryId, bank: UserBank = Depends(_bank)) -> Response:
    """Delete the story and every version of it (yours only, in team mode). Another site cannot
    send a DELETE without a CORS preflight, which this app never grants."""
    bank.delete(story_id)
    return Response(status_code=204)


@router.get("/stories/{story_id}/versions", responses={404: {"model": ErrorBody}, **ERRORS})
def story_history(story_id: StoryId, bank: UserBank = Depends(_bank)) -> list[dict]:
    """Every version, oldest first (without the reviews; ask for one version to get its review)."""
    return [v.to_dict(review=False) for v in bank.history(story_id)]


@router.get("/stories/{story_id}/versions/{number}", responses={404: {"model": ErrorBody}, **ERRORS})
def story_version(story_id: StoryId, number: VersionNumber, bank: UserBank = Depends(_bank)) -> dict:
    return bank.version(story_id, number).to_dict()


@router.get("/stories/{story_id}/diff", responses={404: {"model": ErrorBody}, **ERRORS})
def story_diff(
    story_id: StoryId, a: VersionQuery = None, b: VersionQuery = None, bank: UserBank = Depends(_bank)
) -> dict:
    """What changed from version `a` to `b` (default: the last two): the words, every dimension, flags, verdict."""
    return bank.diff(story_id, a, b).to_dict()


@router.get("/checklist", responses=ERRORS)
def checklist(
    level: Level = "L6", fintech: bool = True, manages_people: bool = False, bank: UserBank = Depends(_bank)
) -> dict:
    """The preparation checklist over your stories at a level: every principle's coverage, then Customer Obsession's items."""
    return bank.checklist(level, fintech=fintech, manages_people=manages_people).to_dict()


@router.get("/matrix", responses=ERRORS)
def matrix(
    level: Level = "L6", fintech: bool = True, manages_people: bool = False, bank: UserBank = Depends(_bank)
) -> dict:
    """The story matrix over your stories at a level, as `starbar bank matrix --format json`."""
    return bank.matrix(level, fintech=fintech, manages_people=manages_people).to_dict()


# --- practice -------------------------------------------------------------------------------


class PracticeStart(BaseModel):
    model_config = ConfigDict(extra="forbid")
    answer: str
    level: Level = "L6"
    lp: str = Field("customer-obsession", description="the principle whose rubric judges and probes the answer")


class PracticeSession(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question_id: str
    answer: str
    probe_answers: list[str] = Field(
        default=[], description="answers to the probes, in order; missing ones count as passed"
    )
    level: Level = "L6"
    seconds: float | None = Field(None, gt=0, description="how long the answer took to say, for the pace")


@router.get("/practice/questions", responses=ERRORS, dependencies=[Depends(require_user)])
def practice_questions(kind: str | None = None, lp: str | None = None) -> list[dict]:
    """The practice questions, as `starbar questions --format json`."""
    return [q.to_dict() for q in select(load_questions(), kind=kind, lp=lp)]


@router.post(
    "/practice/probes",
    responses=ERRORS,
    dependencies=[Depends(json_body), Depends(require_user), Depends(review_quota)],
)
def practice_probes(body: PracticeStart) -> dict:
    """Review an answer and choose the follow-up probes a bar raiser would ask about its gaps."""
    initial, probes = begin(body.answer, body.level, body.lp)
    return {
        "review": initial.to_dict(),
        "probes": [{"id": p.id, "probe": p.text, "why": p.why, "dimension": p.dimension} for p in probes],
    }


@router.post(
    "/practice/sessions",
    responses={404: {"model": ErrorBody}, **ERRORS},
    dependencies=[Depends(json_body), Depends(require_user), Depends(review_quota)],
)
def practice_session(body: PracticeSession) -> dict:
    """A whole session at once: the answer, the probe answers, and the review of the exchange
    (the same JSON as `starbar practice --answer FILE --format json`)."""
    try:
        question = find(load_questions(), body.question_id)
    except QuestionError as exc:
        raise HTTPException(404, exc.message) from None
    return run_session(question, body.answer, body.probe_answers, body.level, body.seconds).to_dict()
