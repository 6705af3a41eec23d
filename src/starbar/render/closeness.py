"""How close a verdict is: the one-level changes that would move it, a sentence for each."""

from __future__ import annotations

from ..judge.result import VERDICT_ORDER, Review


def closeness(review: Review) -> list[str]:
    """Sentences for the review's swings, the better verdicts first ("One level more on friction
    would make it hire.")."""
    if not review.swings:
        return ["No single level more or less on one dimension changes this verdict."]
    groups: dict[tuple[int, str], list[str]] = {}
    for swing in review.swings:
        groups.setdefault((swing.step, swing.verdict), []).append(review.dimensions[swing.dimension].name.lower())
    out = []
    for (step, verdict), names in sorted(groups.items(), key=lambda g: (-g[0][0], -VERDICT_ORDER.index(g[0][1]))):
        which = "any dimension" if len(names) == len(review.dimensions) else _either(names)
        out.append(f"One level {'more' if step > 0 else 'less'} on {which} would make it {verdict.replace('_', ' ')}.")
    return out


def _either(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
