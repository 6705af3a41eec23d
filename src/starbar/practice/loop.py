"""The mock loop: questions drawn over several principles the way a real loop asks them, and the
answers reported by principle. Pure: a seed in, the same loop out; answers in, a `LoopResult` out.

The draw follows lp-identification.md: about five interviewers, each asking two or three
principles; every tier-1 principle once; at least one tier-2 principle, and tier-3 ones now and
then; tier-4 ones only at L7, where a loop asks them. No principle is asked twice.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from .questions import PrincipleEntry, Question, principle_table, select
from .reuse import Reuse, find_reuse
from .session import AnySession, FitSession

DEFAULT_INTERVIEWS = 5
# Three interviewers of three principles each are the fewest that still ask all seven tier-1
# principles and a tier-2 one; past six, the loop runs out of principles a PM loop asks.
MIN_INTERVIEWS, MAX_INTERVIEWS = 3, 6
PER_INTERVIEW = (2, 3)
TIER_1 = 1
# How likely each tier is to fill a slot beyond the tier-1 principles (tier 4 only at L7).
EXTRA_WEIGHT = {2: 3, 3: 1, 4: 1}


@dataclass(frozen=True)
class Interview:
    """One interviewer's questions, one per principle."""

    number: int
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class LoopPlan:
    """The drawn loop: the seed that replays it, the level, the interviews in order."""

    seed: int
    level: str
    interviews: tuple[Interview, ...]

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for i in self.interviews for q in i.questions)

    def interview_of(self, question: Question) -> int:
        return next(i.number for i in self.interviews if question in i.questions)

    def to_dict(self) -> dict:
        return {
            "seed": self.seed,
            "level": self.level,
            "interviews": [
                {"number": i.number, "questions": [q.to_dict() for q in i.questions]} for i in self.interviews
            ],
        }


def _slot_counts(rng: random.Random, interviews: int, available: int, needed: int) -> list[int]:
    """Two or three principles per interviewer, at least `needed` and at most `available` in all."""
    counts = [rng.choice(PER_INTERVIEW) for _ in range(interviews)]
    while sum(counts) < needed:
        counts[rng.choice([i for i, c in enumerate(counts) if c < PER_INTERVIEW[-1]])] += 1
    while sum(counts) > available:
        counts[rng.choice([i for i, c in enumerate(counts) if c > PER_INTERVIEW[0]])] -= 1
    return counts


def _extras(rng: random.Random, pool: list[PrincipleEntry], count: int) -> list[PrincipleEntry]:
    """`count` principles beyond tier 1, the first always tier 2, then drawn by tier weight."""
    tier_2 = [p for p in pool if p.tier == 2]
    chosen = [rng.choice(tier_2)]
    rest = [p for p in pool if p not in chosen]
    while len(chosen) < count:
        pick = rng.choices(rest, weights=[EXTRA_WEIGHT[p.tier] for p in rest])[0]
        chosen.append(pick)
        rest.remove(pick)
    return chosen


def draw_loop(
    bank: Sequence[Question], *, level: str = "L6", interviews: int = DEFAULT_INTERVIEWS, seed: int
) -> LoopPlan:
    """A loop of `interviews` interviewers for `level`, the same for the same seed and bank."""
    if not MIN_INTERVIEWS <= interviews <= MAX_INTERVIEWS:
        raise ValueError(f"a loop has {MIN_INTERVIEWS} to {MAX_INTERVIEWS} interviewers, not {interviews}")
    rng = random.Random(seed)
    table = principle_table()
    tier_1 = [p for p in table if p.tier == TIER_1]
    pool = [p for p in table if p.tier != TIER_1 and (p.tier < 4 or level == "L7")]
    counts = _slot_counts(rng, interviews, len(tier_1) + len(pool), len(tier_1) + 1)
    principles = tier_1 + _extras(rng, pool, sum(counts) - len(tier_1))
    rng.shuffle(principles)
    questions = [rng.choice(select(tuple(bank), lp=p.id)) for p in principles]
    out, start = [], 0
    for number, count in enumerate(counts, 1):
        out.append(Interview(number, tuple(questions[start : start + count])))
        start += count
    return LoopPlan(seed, level, tuple(out))


@dataclass(frozen=True)
class LoopResult:
    """A finished loop: each question's session in the order asked, and the stories told twice."""

    plan: LoopPlan
    sessions: tuple[AnySession, ...]
    reused: tuple[Reuse, ...]

    def rows(self) -> list[dict]:
        """The report by principle: one row per question asked, in the order asked."""
        return [principle_row(self.plan.interview_of(s.question), s) for s in self.sessions]

    def to_dict(self) -> dict:
        """The loop as JSON (`starbar practice --loop --format json`)."""
        return {
            **self.plan.to_dict(),
            "principles": self.rows(),
            "reused": [r.to_dict() for r in self.reused],
            "sessions": [s.to_dict() for s in self.sessions],
        }


def principle_row(interview: int, session: AnySession) -> dict:
    """One principle's line of the loop report: verdict (rubric) or fit status, time, probes."""
    q = session.question
    name = next(p.name for p in principle_table() if p.id == q.lp)
    row = {"interview": interview, "lp": q.lp, "name": name, "question": q.id, "seconds": session.delivery.seconds}
    if isinstance(session, FitSession):
        return row | {"judged_by": "fit", "outcome": session.reading.status, "probes": []}
    return row | {
        "judged_by": "rubric",
        "outcome": session.final.verdict,
        "probes": [
            {"id": ex.probe.id, "probe": ex.probe.text, "answered": bool(ex.answer)} for ex in session.exchanges
        ],
    }


def finish_loop(plan: LoopPlan, sessions: Sequence[AnySession]) -> LoopResult:
    """The loop's result once every question has its session (in the plan's order)."""
    if [s.question.id for s in sessions] != [q.id for q in plan.questions]:
        raise ValueError("a loop's sessions must answer its questions, in order")
    return LoopResult(plan, tuple(sessions), find_reuse([(s.question, s.answer) for s in sessions]))
