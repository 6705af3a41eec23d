"""Follow-up questions and next steps, chosen by the gaps the judgment found."""

from __future__ import annotations

from ..rubric import Rubric
from .facts import holds
from .result import DimensionScore, FlagResult

MAX_FOLLOWUPS = 5
MAX_STEPS = 6


def followups(rubric: Rubric, facts: dict[str, float]) -> tuple[str, ...]:
    chosen: list[str] = []
    for f in rubric.followups:
        if holds(f.when, facts) and f.text not in chosen:
            chosen.append(f.text)
    # Conditional probes come first in the file; the always-useful ones fill what is left.
    return tuple(chosen[:MAX_FOLLOWUPS])


def next_steps(
    rubric: Rubric, scores: dict[str, DimensionScore], flags: tuple[FlagResult, ...], bar: int = 3
) -> tuple[str, ...]:
    by_flag = {f.id: f for f in rubric.flags}
    steps: list[str] = []
    for flag in flags:
        advice = by_flag[flag.id].advice
        if advice and advice not in steps:
            steps.append(advice)
    dims = {d.id: d for d in rubric.dimensions}
    for score in sorted(scores.values(), key=lambda s: s.level):
        if score.level < bar and dims[score.id].advice not in steps:
            steps.append(dims[score.id].advice)
    if not steps:
        steps.append(
            "The story clears the bar: rehearse it aloud in under three minutes and prepare for the follow-ups above."
        )
    return tuple(steps[:MAX_STEPS])
