"""The principles the web app judges, one per packaged rubric: the review form's choices, the
API's rubric list, and the "review it for" buttons of the fit and review pages."""

from __future__ import annotations

from functools import lru_cache

from ..rubric import DEFAULT_RUBRIC, available, load_rubric
from ..rubric.schema import Rubric


@lru_cache(maxsize=1)
def judged() -> tuple[Rubric, ...]:
    """Every packaged rubric, in the rubric list's order."""
    return tuple(load_rubric(name) for name in available())


def default_lp() -> str:
    """The principle a review is for unless another is chosen: Customer Obsession's."""
    return load_rubric(DEFAULT_RUBRIC).lp


def principle_names() -> dict[str, str]:
    """Principle id (what `lp` takes) to its name, for each principle a rubric judges."""
    return {r.lp: r.principle for r in judged()}
