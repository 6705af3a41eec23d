"""The debrief page: upload a transcript, see each answer's card and a timeline of the interview.

The transcript is read in this process and never stored; nothing about it leaves the machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile

from ...cli.inputs import decode
from ...debrief import FORMATS, Debrief, debrief
from ...debrief.formats import FORMAT_NAMES
from ...debrief.render import delivery_line, pause_lines
from ...debrief.transcript import clock
from ...errors import InputError
from ...judge import LEVELS
from ..auth import check_csrf
from ..templating import page
from .common import charge_review, require_user, review_view

router = APIRouter(include_in_schema=False)
WIDTH = 900
LANE = 16


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    y: int
    kind: str  # interviewer, candidate, or the verdict of an answer ("missed" when none)
    label: str


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, str], ...]


def timeline(d: Debrief, width: int = WIDTH) -> Timeline:
    """SVG geometry: who spoke when on two lanes, and each answer's span coloured by its verdict."""
    start, span = d.transcript.start, max(d.transcript.end - d.transcript.start, 1.0)

    def x(t: float) -> float:
        return round((t - start) * width / span, 1)

    bars = [
        Bar(
            x(s.start),
            max(x(s.end) - x(s.start), 0.5),
            0 if s.speaker != d.interview.candidate else LANE + 4,
            "candidate" if s.speaker == d.interview.candidate else "interviewer",
            f"{s.speaker} {clock(s.start)}",
        )
        for s in d.transcript.segments
    ]
    for a in d.answers:
        ex = a.exchange
        ends = [p.end for p in (ex.question, ex.answer, *(f.answer for f in ex.followups)) if p.end is not None]
        verdict = a.final.verdict if a.final else "missed"
        bars.append(
            Bar(
                x(ex.question.start),
                max(x(max(ends)) - x(ex.question.start), 2.0),
                2 * (LANE + 4),
                verdict,
                f"Question {a.number}: {verdict.replace('_', ' ')}",
            )
        )
    minutes = int(span // 60)
    step = max(1, minutes // 10) * 60
    ticks = tuple((x(start + t), clock(t)) for t in range(0, int(span) + 1, step))
    return Timeline(width, 3 * (LANE + 4) + 14, tuple(bars), ticks)


# Positional-only: the form fields passed as **context can never be taken for the status code.
def _form(request: Request, status_code: int = 200, /, **context):
    context = {"level": "L6", "me": "", "source": "", "error": None, "result": None, **context}
    return page(
        request, "debrief.html", status_code, levels=LEVELS, formats=FORMATS, format_names=FORMAT_NAMES, **context
    )


@router.get("/debrief")
def debrief_form(request: Request, user=Depends(require_user)):
    return _form(request)


@router.post("/debrief")
async def debrief_submit(
    request: Request,
    transcript: Annotated[UploadFile | None, File()] = None,
    me: Annotated[str, Form()] = "",
    level: Annotated[str, Form()] = "L6",
    source: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
    user=Depends(require_user),
):
    check_csrf(request, csrf)
    charge_review(request)
    level = level if level in LEVELS else "L6"
    kept = {"level": level, "me": me, "source": source if source in FORMATS else ""}
    data = await transcript.read() if transcript is not None else b""
    name = (transcript.filename if transcript is not None else "") or "the upload"
    try:
        if not data.strip():
            raise InputError(f"{name}: choose a transcript file; the upload is empty")
        result = debrief(
            decode(data, name, what="transcript"), fmt=kept["source"] or None, me=me.strip() or None, level=level
        )
    except InputError as exc:
        return _form(request, 422, error=exc.message, **kept)
    cards = [
        {
            "answer": a,
            "rv": review_view(a.review) if a.review else None,
            "final": a.final if a.followups and a.final is not a.review else None,
            "delivery": delivery_line(a.delivery) if a.delivery else "",
            "pauses": pause_lines(a.delivery, a.exchange.answer.text) if a.delivery else [],
        }
        for a in result.answers
    ]
    return _form(request, result=result, cards=cards, timeline=timeline(result), clock=clock, file_name=name, **kept)
