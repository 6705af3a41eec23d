"""The mock-loop page: a loop drawn from a seed, a box per question, then the report by principle.

As on the practice page, the server keeps no state: the form posts the seed, level and size
(which draw the same loop again) with the question ids it showed and the answers in their
order, and how long each took to type (measured by the page's script). Probes are listed as
the interviewer would ask them; the page takes no probe answers.
"""

from __future__ import annotations

import random
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request

from ...judge import LEVELS
from ...practice.loop import DEFAULT_INTERVIEWS, MAX_INTERVIEWS, MIN_INTERVIEWS, LoopPlan, draw_loop, finish_loop
from ...practice.questions import load_questions, principle_table
from ...practice.report import clock, outcome_text
from ...practice.scripted import scripted_session
from ..auth import check_csrf
from ..templating import page
from .common import charge_review, require_user

router = APIRouter(include_in_schema=False)
INTERVIEW_CHOICES = tuple(range(MIN_INTERVIEWS, MAX_INTERVIEWS + 1))
MAX_SEED = 10**9


def _plan(level: str, interviews: str, seed: str) -> tuple[LoopPlan, str | None]:
    """The loop the query or form asks for; an unreadable value is replaced and named in the error."""
    error = None
    if level not in LEVELS:
        level, error = "L6", f"level {level!r} is not one of {', '.join(LEVELS)}; L6 was used"
    size = int(interviews) if interviews.isdigit() and int(interviews) in INTERVIEW_CHOICES else None
    if size is None:
        size = DEFAULT_INTERVIEWS
        if interviews:
            error = f"a loop has {MIN_INTERVIEWS} to {MAX_INTERVIEWS} interviewers; {size} were drawn"
    number = int(seed) if seed.isdigit() and int(seed) < MAX_SEED else None
    if number is None:
        if seed:
            error = f"the seed must be a whole number below {MAX_SEED}; a new loop was drawn"
        number = random.randrange(1_000_000)
    return draw_loop(load_questions(), level=level, interviews=size, seed=number), error


def _seconds(elapsed: list[str], count: int) -> list[float | None]:
    """Each answer's typing time as the page measured it; None where it did not (no JavaScript)."""
    values = [*elapsed[:count], *[""] * (count - len(elapsed))]
    return [float(v) if v.isdigit() and int(v) > 0 else None for v in values]


def _loop_page(
    request: Request,
    plan: LoopPlan,
    answers: list[str],
    error: str | None,
    status: int = 200,
    unplaced: list[str] | None = None,
):
    return page(
        request,
        "practice_loop.html",
        status_code=status,
        plan=plan,
        answers=answers or [""] * len(plan.questions),
        unplaced=[a for a in unplaced or [] if a.strip()],
        levels=LEVELS,
        interview_choices=INTERVIEW_CHOICES,
        error=error,
    )


@router.get("/practice/loop")
def loop_form(request: Request, level: str = "L6", interviews: str = "", seed: str = "", user=Depends(require_user)):
    plan, error = _plan(level, interviews, seed)
    return _loop_page(request, plan, [], error, 422 if error else 200)


@router.post("/practice/loop")
def loop_report(
    request: Request,
    user=Depends(require_user),
    level: Annotated[str, Form()] = "L6",
    interviews: Annotated[str, Form()] = "",
    seed: Annotated[str, Form()] = "",
    question: Annotated[list[str] | None, Form()] = None,
    answer: Annotated[list[str] | None, Form()] = None,
    elapsed: Annotated[list[str] | None, Form()] = None,
    csrf: Annotated[str, Form()] = "",
):
    """Every answer in, the report by principle out; a form that does not match its loop comes back with its answers."""
    check_csrf(request, csrf)
    plan, error = _plan(level, interviews, seed)
    answers = answer or []
    if error is None and (question or []) != [q.id for q in plan.questions]:
        error = "these answers belong to another loop (its seed, level or size changed); nothing was reviewed"
    elif error is None and (len(answers) != len(plan.questions) or not all(a.strip() for a in answers)):
        error = "answer every question of the loop; nothing was reviewed yet and your answers are kept below"
    if error is not None:
        # Answers go back into their boxes only when they are this loop's; otherwise they are
        # shown apart, never under a question they were not written for.
        mine = (question or []) == [q.id for q in plan.questions] and len(answers) == len(plan.questions)
        return _loop_page(request, plan, answers if mine else [], error, 422, unplaced=[] if mine else answers)
    charge_review(request)
    times = _seconds(elapsed or [], len(answers))
    sessions = [
        scripted_session(q, a, [], plan.level, t, spoken=False) for q, a, t in zip(plan.questions, answers, times)
    ]
    result = finish_loop(plan, sessions)
    return page(
        request,
        "practice_loop_report.html",
        result=result,
        rows=list(zip(result.rows(), result.sessions)),
        outcome_text=outcome_text,
        clock=clock,
        names={p.id: p.name for p in principle_table()},
    )
