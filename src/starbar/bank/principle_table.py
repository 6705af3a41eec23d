"""The sixteen Leadership Principles as the bank needs them: id, name, tier, whether a rubric
judges it, in the spec's table order (lp-identification.md). Read from `starbar.principles`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Principle:
    id: str
    name: str
    tier: int  # 1 asked in nearly every loop ... 4 asked mainly at L7 or of people managers
    has_rubric: bool


@lru_cache(maxsize=1)
def principle_table() -> tuple[Principle, ...]:
    """All sixteen, in the spec's table order."""
    from ..principles import DEEP, load_principles

    return tuple(
        Principle(p.spec.id, p.spec.name, p.spec.tier, p.spec.id in DEEP) for p in load_principles().principles
    )


def judged_principles() -> tuple[Principle, ...]:
    """The seven a story can be told for: the principles with a rubric that judges it."""
    return tuple(p for p in principle_table() if p.has_rubric)


def find(value: str, among: tuple[Principle, ...]) -> Principle | None:
    """The principle of `among` that `value` names, by id or by name in any case and spacing."""
    slug = slugify(value)
    return next((p for p in among if slug in (p.id, slugify(p.name))), None)


def slugify(name: str) -> str:
    """'Have Backbone; Disagree and Commit' -> 'have-backbone-disagree-and-commit'."""
    return re.sub(r"[^a-z]+", "-", str(name).lower()).strip("-")
