"""Follow-up questions and next steps, chosen by the gaps the judgment found."""

from __future__ import annotations

from ..rubric import Rubric
from .facts import holds
from .result import DimensionScore, FlagResult

MAX_FOLLOWUPS = 5
MAX_STEPS = 6


def followups(
    rubric: Rubric, facts: dict[str, float], scores: dict[str, DimensionScore], bar: int = 3
) -> tuple[str, ...]:
    """The rubric's probes whose condition holds, never one about a dimension already at the bar."""
    chosen: list[str] = []
    for f in rubric.followups:
        if f.dimension and scores[f.dimension].level >= bar:
            continue
        if holds(f.when, facts) and f.text not in chosen:
            chosen.append(f.text)
    # Conditional probes come first in the file; the always-useful ones fill what is left.
    return tuple(chosen[:MAX_FOLLOWUPS])


def next_steps(
    rubric: Rubric, scores: dict[str, DimensionScore], flags: tuple[FlagResult, ...], bar: int = 3
) -> tuple[str, ...]:
    """Advice for each raised flag, then for each dimension under the bar, weakest first; a
    flag's advice stands in for its dimension's, so no step says the same thing twice."""
    by_flag = {f.id: f for f in rubric.flags}
    steps: list[str] = []
    covered: set[str] = set()
    for flag in flags:
        spec = by_flag[flag.id]
        if spec.dimension and scores[spec.dimension].level >= bar:
            continue
        if spec.advice and spec.advice not in steps:
            steps.append(spec.advice)
            if spec.dimension:
                covered.add(spec.dimension)
    dims = {d.id: d for d in rubric.dimensions}
    for score in sorted(scores.values(), key=lambda s: s.level):
        if score.level < bar and score.id not in covered and dims[score.id].advice not in steps:
            steps.append(dims[score.id].advice)
    if not steps:
        steps.append(
            "The story clears the bar: rehearse it aloud in under three minutes and prepare for the follow-ups above."
        )
    return tuple(steps[:MAX_STEPS])
