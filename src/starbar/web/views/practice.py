"""The practice page: a question, a visible countdown, an answer, then the probes one by one.

The server keeps no session state: each step posts the answer and the probe answers so far,
and the probes are chosen again from the answer (same input, same output).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from ...judge import LEVELS
from ...practice.questions import KINDS, Question, QuestionError, find, load_questions, principle_table
from ...practice.report import clock
from ...practice.saving import add_session
from ...practice.session import begin, finish, has_rubric, read_answer, run_session
from ..auth import User, check_csrf
from ..stores import user_bank
from ..templating import page
from .common import charge_review, require_user, review_view

router = APIRouter(include_in_schema=False)
MINUTES = (1, 2, 3, 4, 5)
DEFAULT_MINUTES = 3


def _question(question_id: str) -> Question:
    try:
        return find(load_questions(), question_id)
    except QuestionError as exc:
        raise HTTPException(404, exc.message) from None


def _level(level: str) -> str:
    return level if level in LEVELS else "L6"


@dataclass(frozen=True)
class Step:
    """What each practice form posts back: the question, the answer, the probe answers so far."""

    user: User
    question: Question
    answer: str
    level: str
    elapsed: str  # seconds the answer took, as the countdown measured it ("" without JavaScript)
    probe_answers: list[str]

    @property
    def seconds(self) -> float | None:
        return float(self.elapsed) if self.elapsed.replace(".", "", 1).isdigit() and float(self.elapsed) > 0 else None

    def carried(self, probes) -> dict:
        return {
            "answer": self.answer,
            "level": self.level,
            "elapsed": self.elapsed,
            "answered": list(zip(probes, self.probe_answers)),
        }


def posted_step(
    request: Request,
    question_id: str,
    user: User = Depends(require_user),
    answer: Annotated[str, Form()] = "",
    level: Annotated[str, Form()] = "L6",
    elapsed: Annotated[str, Form()] = "",
    probe: Annotated[list[str] | None, Form()] = None,
    csrf: Annotated[str, Form()] = "",
) -> Step:
    if probe is None:
        probe = []
    check_csrf(request, csrf)
    charge_review(request)
    return Step(user, _question(question_id), answer, _level(level), elapsed, probe)


@router.get("/practice")
def practice_questions(request: Request, kind: str | None = None, lp: str | None = None, user=Depends(require_user)):
    questions = [q for q in load_questions() if kind in (None, "", q.kind) and lp in (None, "", q.lp)]
    return page(
        request,
        "practice_list.html",
        questions=questions,
        kinds=KINDS,
        kind=kind or "",
        principles=principle_table(),
        principle_names={p.id: p.name for p in principle_table()},
        lp=lp or "",
        levels=LEVELS,
        level="L6",
        minutes_choices=MINUTES,
        default_minutes=DEFAULT_MINUTES,
    )


def _question_page(request: Request, question: Question, level: str, minutes: int, error: str | None = None):
    return page(
        request,
        "practice_question.html",
        status_code=422 if error else 200,
        question=question,
        level=level,
        seconds=minutes * 60,
        limit=clock(minutes * 60),
        error=error,
    )


@router.get("/practice/{question_id}")
def practice_question(
    request: Request, question_id: str, level: str = "L6", minutes: int = DEFAULT_MINUTES, user=Depends(require_user)
):
    return _question_page(
        request, _question(question_id), _level(level), minutes if minutes in MINUTES else DEFAULT_MINUTES
    )


@router.post("/practice/{question_id}")
def practice_step(request: Request, step: Step = Depends(posted_step)):
    """The answer (and the probe answers so far) in; the next probe, or the whole session's review, out."""
    if not step.answer.strip():
        return _question_page(
            request, step.question, step.level, DEFAULT_MINUTES, error="Type an answer first; nothing was reviewed."
        )
    if not has_rubric(step.question.lp):  # read with fit: no probes, straight to the result
        reading = read_answer(step.question, step.answer, step.level, step.seconds, spoken=False)
        return page(
            request,
            "practice_fit_result.html",
            question=step.question,
            session=reading,
            clock=clock,
            **step.carried([]),
        )
    initial, probes = begin(step.answer, step.level, step.question.lp)
    done = len(step.probe_answers)
    if done < len(probes):
        return page(
            request,
            "practice_probe.html",
            question=step.question,
            probe=probes[done],
            step=done + 1,
            total=len(probes),
            rv=review_view(initial),
            **step.carried(probes),
        )
    session = finish(step.question, step.answer, initial, probes, step.probe_answers, step.seconds, spoken=False)
    return page(
        request,
        "practice_result.html",
        question=step.question,
        session=session,
        rv=review_view(session.final),
        clock=clock,
        **step.carried(probes),
    )


@router.post("/practice/{question_id}/save")
def practice_save(request: Request, step: Step = Depends(posted_step)):
    """Save the finished session to the bank as a new story, the way `starbar practice` does."""
    session = run_session(step.question, step.answer, step.probe_answers, step.level, step.seconds, spoken=False)
    story_id, _ = add_session(user_bank(request, step.user), session)
    return RedirectResponse(f"/bank/{story_id}", status_code=303)
