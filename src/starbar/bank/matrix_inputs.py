"""The story matrix over stored stories: the reviews it needs, computed on demand.

The bank stores one review per version, under the story's own principle; the matrix also
needs each claimed principle's rubric, Earn Trust's and Have Backbone's, at the target level.
They are computed here with `starbar.review` (same text, same review) and kept in a small
cache for the life of the process, never stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .claims import from_fit
from .matrix import Judged, Matrix, StoryInput, build, kept_claims, rubrics_needed
from .principle_table import principle_table
from .records import Story


@lru_cache(maxsize=512)
def judged(text: str, level: str, lp: str) -> Judged:
    """What the matrix reads from the review of `text` at `level` under `lp`'s rubric."""
    from ..api import review

    result = review(text, level, lp=lp)
    return Judged(
        result.verdict,
        {d: score.level for d, score in result.dimensions.items()},
        frozenset(f.id for f in result.flags),
        result.context,
    )


def story_inputs(stories: Sequence[Story], level: str) -> list[StoryInput]:
    """Each story's claims (fit's, read now for a story stored before they were kept) and reviews."""
    from ..api import fit

    table = principle_table()
    inputs = []
    for s in stories:
        text = s.latest.text
        claims = s.principles if s.principles_source is not None else from_fit(fit(text))
        kept, _ = kept_claims(claims, table)
        reviews = {p: judged(text, level, p) for p in rubrics_needed(s.lp, kept, table)}
        inputs.append(StoryInput(s.id, s.title, s.lp, text, claims, reviews))
    return inputs


def story_matrix(stories: Sequence[Story], level: str, *, fintech: bool = True, manages_people: bool = False) -> Matrix:
    """The matrix of stored `stories` at target `level`."""
    return build(story_inputs(stories, level), principle_table(), level, fintech=fintech, manages_people=manages_people)
