"""The pure logic of a practice session: review the answer, choose probes, review the whole exchange.

A question about a principle with a rubric is judged under that rubric and probed with its
follow-ups (`Session`); one about a principle without a rubric is read with `fit` and gets no
probes (`FitSession`). No terminal and no clock here: `terminal.py` and the CLI feed answers in,
and this module turns them into a session whose `to_dict` is the practice JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..api import review
from ..errors import InputError
from ..judge import Review
from ..parse import parse
from ..principles import DEEP
from ..rubric import DEFAULT_RUBRIC, load_rubric
from .delivery import Delivery, measure_delivery
from .fit_reading import FitReading, read_with_fit
from .probes import Probe, choose_probes
from .questions import Question

DEFAULT_LP = "customer-obsession"


def has_rubric(lp: str) -> bool:
    """Whether answers about principle `lp` are judged by a rubric (and probed), not only read with `fit`."""
    return lp in DEEP


@dataclass(frozen=True)
class Exchange:
    """A probe asked and the candidate's answer to it."""

    probe: Probe
    answer: str

    def to_dict(self) -> dict:
        """The probe and its answer as JSON."""
        return {
            "id": self.probe.id,
            "probe": self.probe.text,
            "why": self.probe.why,
            "dimension": self.probe.dimension,
            "answer": self.answer,
        }


@dataclass(frozen=True, slots=True)
class Rise:
    """A dimension the probe answers lifted: its level before and after."""

    dimension: str
    before: int
    after: int

    def to_dict(self) -> dict:
        """The rise as JSON."""
        return {"dimension": self.dimension, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class Session:
    """A finished practice session: the question, the answer and its review, the probes, the final review, the delivery."""

    question: Question
    answer: str
    initial: Review
    exchanges: tuple[Exchange, ...]
    final: Review
    delivery: Delivery

    @property
    def level(self) -> str:
        return self.final.level

    @property
    def recovered(self) -> tuple[Rise, ...]:
        """The dimensions the probe answers lifted, in rubric order."""
        return recovered(self.initial, self.final)

    @property
    def flags_cleared(self) -> tuple[str, ...]:
        return flags_cleared(self.initial, self.final)

    def transcript(self) -> str:
        """The whole exchange as one story text: the answer, then each probe and its answer."""
        parts = [self.answer.strip()]
        for ex in self.exchanges:
            if ex.answer.strip():
                parts.append(f"Follow-up: {ex.probe.text}\n\n{ex.answer.strip()}")
        return "\n\n".join(parts) + "\n"

    def to_dict(self) -> dict:
        """The whole session as JSON (`starbar practice --format json`)."""
        return {
            "question": self.question.to_dict(),
            "answer": self.answer,
            "judged_by": "rubric",
            "initial_review": self.initial.to_dict(),
            "probes": [ex.to_dict() for ex in self.exchanges],
            "final_review": self.final.to_dict(),
            "recovered": [r.to_dict() for r in self.recovered],
            "flags_cleared": list(self.flags_cleared),
            "delivery": self.delivery.to_dict(),
        }


@dataclass(frozen=True)
class FitSession:
    """A finished session about a principle without a rubric: the answer read with `fit`, no probes."""

    question: Question
    answer: str
    level: str
    reading: FitReading
    delivery: Delivery
    exchanges: tuple[Exchange, ...] = ()

    def transcript(self) -> str:
        """The answer as one story text (there are no probes to add)."""
        return self.answer.strip() + "\n"

    def to_dict(self) -> dict:
        """The session as JSON (`starbar practice --format json`)."""
        return {
            "question": self.question.to_dict(),
            "answer": self.answer,
            "judged_by": "fit",
            "level": self.level,
            "reading": self.reading.to_dict(),
            "probes": [],
            "delivery": self.delivery.to_dict(),
        }


AnySession = Session | FitSession


def read_answer(
    question: Question, answer: str, level: str, seconds: float | None = None, *, spoken: bool = True
) -> FitSession:
    """Read an answer to a principle without a rubric; delivery is measured against Customer
    Obsession's speaking rate, the one every rubric shares."""
    reading = read_with_fit(answer, question.lp)
    target_wpm = load_rubric(DEFAULT_RUBRIC).structure.words_per_minute
    delivery = measure_delivery(parse(answer), seconds, target_wpm, spoken=spoken)
    return FitSession(question, answer, level, reading, delivery)


def recovered(before: Review, after: Review) -> tuple[Rise, ...]:
    """The dimensions that rose from `before` to `after` (what a probe's answer recovered), in rubric order."""
    return tuple(
        Rise(dim, before.dimensions[dim].level, score.level)
        for dim, score in after.dimensions.items()
        if score.level > before.dimensions[dim].level
    )


def flags_cleared(before: Review, after: Review) -> tuple[str, ...]:
    """The flags `before` raised that `after` no longer does."""
    still = {f.id for f in after.flags}
    return tuple(f.id for f in before.flags if f.id not in still)


def begin(answer: str, level: str, lp: str = DEFAULT_LP) -> tuple[Review, tuple[Probe, ...]]:
    """Review the answer under principle `lp`'s rubric and choose the probes to ask about its gaps."""
    initial = review(answer, level, lp=lp)
    return initial, choose_probes(initial)


def exchange_text(answer: str, probe_answers: Sequence[str]) -> str:
    """What the final review reads: the answer and every non-empty probe answer, as paragraphs.

    The probe questions themselves are left out: their words ("who disagreed with you")
    must not earn the candidate credit.
    """
    return "\n\n".join(p.strip() for p in [answer, *probe_answers] if p.strip()) + "\n"


def finish(
    question: Question,
    answer: str,
    initial: Review,
    probes: Sequence[Probe],
    probe_answers: Sequence[str],
    seconds: float | None = None,
    *,
    spoken: bool = True,
) -> Session:
    """Review the whole exchange; probes beyond the answers given count as unanswered.

    `seconds` is how long the answer took: said aloud (`spoken`) or typed at the terminal.
    """
    answers = [*probe_answers[: len(probes)], *[""] * (len(probes) - len(probe_answers))]
    exchanges = tuple(Exchange(p, a.strip()) for p, a in zip(probes, answers))
    final = initial
    if any(a for a in answers if a.strip()):
        final = review(exchange_text(answer, answers), initial.level, rubric=initial.rubric)
    target_wpm = load_rubric(initial.rubric).structure.words_per_minute
    assert initial.document is not None  # review() keeps the document it parsed
    delivery = measure_delivery(initial.document, seconds, target_wpm, spoken=spoken)
    return Session(question, answer, initial, exchanges, final, delivery)


def run_session(
    question: Question,
    answer: str,
    probe_answers: Sequence[str],
    level: str = "L6",
    seconds: float | None = None,
    *,
    spoken: bool = True,
) -> AnySession:
    """A whole session at once, as scripted mode runs it: judged and probed under the question's
    principle's rubric, or read with `fit` (no probes, so `probe_answers` must be empty)."""
    if not has_rubric(question.lp):
        if any(a.strip() for a in probe_answers):
            raise InputError(f"{question.lp} has no rubric, so no probes are asked: the probe answers would be lost")
        return read_answer(question, answer, level, seconds, spoken=spoken)
    initial, probes = begin(answer, level, question.lp)
    return finish(question, answer, initial, probes, probe_answers, seconds, spoken=spoken)
