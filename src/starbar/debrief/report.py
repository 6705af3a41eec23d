"""The debrief: every answer reviewed by the engine, its delivery measured, and the JSON contract.

Each answer is reviewed as `starbar.review(answer_text, level)`, against the principle its
question targets; each follow-up answer is reviewed with the answer before it, as practice
mode reviews an exchange, and what that follow-up recovered is the rise from the step before.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..api import review
from ..errors import InputError
from ..judge import Review
from ..practice.session import Rise, exchange_text, flags_cleared, recovered
from ..rubric import DEFAULT_RUBRIC, load_rubric
from .formats import read_transcript
from .split import Exchange, Followup, Interview, Passage, split_interview, words_by_speaker
from .timing import Delivery, Overall, measure, overall
from .transcript import Transcript

SCHEMA_VERSION = 1


def _passage_dict(passage: Passage) -> dict:
    return {
        "text": passage.text,
        "start": None if passage.start is None else round(passage.start, 3),
        "end": None if passage.end is None else round(passage.end, 3),
        "speakers": list(dict.fromkeys(s.speaker for s in passage.segments)),
    }


@dataclass(frozen=True)
class FollowupResult:
    followup: Followup
    delivery: Delivery | None  # None: the candidate did not answer it
    review: Review  # the answer with every follow-up answer up to this one
    recovered: tuple[Rise, ...]
    flags_cleared: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "question": _passage_dict(self.followup.question),
            "answer": _passage_dict(self.followup.answer),
            "delivery": self.delivery.to_dict() if self.delivery else None,
            "verdict_after": self.review.verdict,
            "recovered": [r.to_dict() for r in self.recovered],
            "flags_cleared": list(self.flags_cleared),
        }


@dataclass(frozen=True)
class AnswerResult:
    number: int
    exchange: Exchange
    principle: str  # the rubric the answer was reviewed against
    review: Review | None  # None: missed, or text the engine cannot judge (see `problem`)
    problem: str | None
    delivery: Delivery | None
    followups: tuple[FollowupResult, ...]

    @property
    def final(self) -> Review | None:
        """The review of the whole exchange: after the last follow-up, else the answer's own."""
        return self.followups[-1].review if self.followups else self.review

    def to_dict(self) -> dict:
        final = self.final
        return {
            "number": self.number,
            "question": _passage_dict(self.exchange.question),
            "answer": _passage_dict(self.exchange.answer),
            "missed": self.exchange.missed,
            "problem": self.problem,
            "principle": self.principle,
            "review": self.review.to_dict() if self.review else None,
            "delivery": self.delivery.to_dict() if self.delivery else None,
            "followups": [f.to_dict() for f in self.followups],
            "final_review": final.to_dict() if final and self.followups else None,
        }


@dataclass(frozen=True)
class Debrief:
    transcript: Transcript
    interview: Interview
    level: str
    answers: tuple[AnswerResult, ...]
    overall: Overall

    def to_dict(self) -> dict:
        words = words_by_speaker(self.transcript)
        speaking = self.overall.seconds_by_speaker
        return {
            "schema_version": SCHEMA_VERSION,
            "format": self.transcript.format,
            "level": self.level,
            "candidate": {"name": self.interview.candidate, "chosen_by": self.interview.chosen_by},
            "speakers": [
                {
                    "name": name,
                    "role": "candidate" if name == self.interview.candidate else "interviewer",
                    "words": words[name],
                    "speaking_seconds": round(speaking[name], 3),
                }
                for name in self.transcript.speakers
            ],
            "timestamps": "start_and_end" if self.transcript.end_times else "start_only",
            "interview": self.overall.to_dict(),
            "answers": [a.to_dict() for a in self.answers],
        }


def _judge_answer(number: int, exchange: Exchange, level: str, rubric: str, transcript: Transcript) -> AnswerResult:
    target_wpm = load_rubric(rubric).structure.words_per_minute
    if exchange.missed:
        why = "the candidate passed on this question" if exchange.answer.turns else "no answer to this question"
        return AnswerResult(number, exchange, rubric, None, f"missed: {why}", None, ())
    text = exchange.answer.text
    delivery = measure(exchange.answer, transcript, target_wpm)
    try:
        first = review(text, level, rubric=rubric)
    except InputError as exc:
        return AnswerResult(number, exchange, rubric, None, str(exc), delivery, ())
    results: list[FollowupResult] = []
    before, said = first, []
    for followup in exchange.followups:
        if not followup.answer.turns:
            results.append(FollowupResult(followup, None, before, (), ()))
            continue
        said.append(followup.answer.text)
        after = review(exchange_text(text, said), level, rubric=rubric)
        fu_delivery = measure(followup.answer, transcript, target_wpm)
        results.append(
            FollowupResult(followup, fu_delivery, after, recovered(before, after), flags_cleared(before, after))
        )
        before = after
    return AnswerResult(number, exchange, rubric, first, None, delivery, tuple(results))


def debrief_transcript(
    transcript: Transcript, *, me: str | None = None, level: str = "L6", lp: str | None = None
) -> Debrief:
    # Customer Obsession is the only principle today; when `fit` can rank principles for a
    # question, the one it ranks first for each question belongs here, `--lp` overriding it.
    rubric = lp or DEFAULT_RUBRIC
    interview = split_interview(transcript, me)
    answers = tuple(_judge_answer(n, ex, level, rubric, transcript) for n, ex in enumerate(interview.exchanges, 1))
    parts = [d for a in answers for d in (a.delivery, *(f.delivery for f in a.followups)) if d is not None]
    target_wpm = load_rubric(rubric).structure.words_per_minute
    return Debrief(transcript, interview, level, answers, overall(transcript, interview, parts, target_wpm))


def debrief(
    text: str, *, fmt: str | None = None, me: str | None = None, level: str = "L6", lp: str | None = None
) -> Debrief:
    """Read a transcript (its format detected unless `fmt` is given), split it, and review every answer."""
    return debrief_transcript(read_transcript(text, fmt), me=me, level=level, lp=lp)
