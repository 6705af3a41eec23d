"""The smallest change of levels that would lift a verdict to `hire`: what a no hire needs first.

The judge's own swings are one level on one dimension; a story may need more (two levels on
friction, or friction and impact together). This searches raises by their total size, smallest
first, and asks the judge's public rules (`judge.decide`) what each would give. Pure: a Review
in, a plan out; the story is not reviewed again, only its signals detected again for the
facts the levels do not decide.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..detect import detect
from ..judge.decide import classify, holding_flags, level_facts
from ..judge.result import VERDICT_ORDER, Review
from ..rubric import load_rubric

MAX_LEVEL = 4
# Past this many levels in all, "the smallest change" is a rewrite, not a change.
MAX_TOTAL = 6
_NUMBER = {1: "one", 2: "two", 3: "three", 4: "four"}


def _spreads(total: int, dims: list[str], room: dict[str, int]) -> Iterator[dict[str, int]]:
    """Every way to add `total` levels over `dims`, each within its room, in a fixed order."""
    if not dims:
        if total == 0:
            yield {}
        return
    first, rest = dims[0], dims[1:]
    for step in range(min(total, room[first]), -1, -1):
        for tail in _spreads(total - step, rest, room):
            yield {first: step, **tail} if step else tail


def smallest_raise(review: Review, target: str = "hire") -> dict[str, int] | None:
    """{dimension: levels more} with the fewest levels in all that makes the verdict `target` or
    better; {} when it is already there; None when no raise of up to MAX_TOTAL levels does
    (a flag the levels do not decide holds it down)."""
    goal = VERDICT_ORDER.index(target)
    if VERDICT_ORDER.index(review.verdict) >= goal:
        return {}
    if review.document is None:
        return None
    rubric = load_rubric(review.rubric)
    facts = dict(detect(review.document, rubric).facts)
    facts[f"target.{review.level}"] = 1.0
    facts[f"context.{review.context}"] = 1.0
    scores = review.dimensions

    def reaches(raise_: dict[str, int]) -> bool:
        raised = {d: replace(s, level=s.level + raise_.get(d, 0)) for d, s in scores.items()}
        known = {**facts, **level_facts(rubric, raised, review.context)}
        known.update({f"flag.{f.id}": 1.0 for f in holding_flags(rubric, known)})
        return VERDICT_ORDER.index(classify(rubric, known, review.level)[1].value) >= goal

    # The weakest dimensions first: of equally small changes, the one a coach would name.
    dims = sorted(scores, key=lambda d: scores[d].level)
    room = {d: MAX_LEVEL - s.level for d, s in scores.items()}
    for total in range(1, MAX_TOTAL + 1):
        for raise_ in _spreads(total, dims, room):
            if reaches(raise_):
                return raise_
    return None


def raise_sentence(review: Review, raise_: dict[str, int], target: str = "hire") -> str:
    """'The smallest change that reaches hire: two levels more on friction, plus one on customer impact.'"""
    ordered = [d for d in review.dimensions if raise_.get(d)]
    parts = []
    for i, dim in enumerate(ordered):
        n = raise_[dim]
        name = review.dimensions[dim].name.lower()
        levels = f"{_NUMBER[n]} level{'s' if n > 1 else ''} more on" if i == 0 else f"{_NUMBER[n]} on"
        parts.append(f"{levels} {name}")
    joined = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])}, plus {parts[-1]}"
    return f"The smallest change that reaches {target.replace('_', ' ')}: {joined}."


def how_close(review: Review, swings: list[str]) -> tuple[str, ...]:
    """The judge's one-level swings, led for a verdict under hire by the smallest change that
    reaches hire, when no single level does (the swings then only say how it could fall)."""
    if VERDICT_ORDER.index(review.verdict) >= VERDICT_ORDER.index("hire"):
        return tuple(swings)
    raise_ = smallest_raise(review)
    if raise_ is None:
        lead = (
            f"Reaching hire takes more than {MAX_TOTAL} levels in all, or clearing a flag: start with the next steps."
        )
    elif sum(raise_.values()) == 1:
        return tuple(swings)  # the swings already lead with it
    else:
        lead = raise_sentence(review, raise_)
    return (lead, *swings)
