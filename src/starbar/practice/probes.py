"""Choose the follow-up probes a bar raiser would ask, from the weakest dimensions and the flags.

The probe texts are the rubric's own: a raised flag's `followup`, and the rubric `followups`
the review selected. A raised flag is a named pitfall, so its probe goes before a plain gap;
within each, the weakest dimension probed comes first, then rubric order decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..judge import Review
from ..rubric import Condition, Dimension, load_rubric

MAX_PROBES = 3


@dataclass(frozen=True, slots=True)
class Probe:
    """A follow-up question a bar raiser would ask, why, and the dimension it should lift."""

    id: str
    text: str
    why: str
    # The dimension the probe should lift, or None for an always-useful question.
    dimension: str | None


def _probed_dimension(cond: Condition | None, dimension_ids: set[str]) -> str | None:
    """The dimension a condition tests through a `level.<id>` fact, if any."""
    if cond is None:
        return None
    for name in sorted(cond.fact_names()):
        if name.startswith("level.") and name[6:] in dimension_ids:
            return name[6:]
    return None


def choose_probes(review: Review, limit: int = MAX_PROBES) -> tuple[Probe, ...]:
    """One to `limit` probes for the gaps in `review`; an always-useful question when there are none."""
    rubric = load_rubric(review.rubric)
    dims = {d.id: d for d in rubric.dimensions}
    raised = {f.id for f in review.flags}
    # (0 for a flag / 1 for a gap, level probed, rubric order) -> probe
    ranked: list[tuple[tuple[int, int, int], Probe]] = []
    for order, flag in enumerate(rubric.flags):
        if flag.id in raised and flag.followup:
            dim = _probed_dimension(flag.when, set(dims))
            level = review.dimensions[dim].level if dim else 0
            ranked.append(((0, level, order), Probe(flag.id, flag.followup, flag.message, dim)))
    general: list[Probe] = []
    for order, followup in enumerate(rubric.followups):
        if followup.text not in review.followups:
            continue
        dim = _probed_dimension(followup.when, set(dims))
        if dim is None:
            general.append(
                Probe(followup.id, followup.text, "Always worth rehearsing: the story leaves no gap to probe.", None)
            )
            continue
        level = review.dimensions[dim].level
        why = f"{dims[dim].name} is at level {level} of 4: {_anchor_text(dims[dim], level)}"
        ranked.append(((1, level, order), Probe(followup.id, followup.text, why, dim)))
    chosen: list[Probe] = []
    for _, probe in sorted(ranked, key=lambda item: item[0]):
        if all(p.text != probe.text for p in chosen):
            chosen.append(probe)
    return tuple((chosen or general[:1])[:limit])


def _anchor_text(dimension: Dimension, level: int) -> str:
    return next(a.text for a in dimension.anchors if a.level == level)
