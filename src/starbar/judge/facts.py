"""Facts the judge derives in stages, and how a rubric condition is tested against them."""

from __future__ import annotations

from ..rubric.schema import Condition, Rubric, parse_fact

LEVELS = ("L5", "L6", "L7")
AGGREGATES = (
    "levels.min",
    "levels.min_counted",
    "levels.mean",
    "levels.mean_counted",
    "levels.count4",
    "levels.count4_counted",
    "levels.count_ge3",
    "levels.count_le1",
)


def stage_facts(rubric: Rubric) -> set[str]:
    """Names that exist once dimensions, flags and archetype are decided."""
    names = {f"level.{d.id}" for d in rubric.dimensions}
    names |= {f"flag.{f.id}" for f in rubric.flags}
    names |= {f"archetype.{a.value}" for a in rubric.archetypes}
    names |= {f"target.{lvl}" for lvl in LEVELS}
    names |= {f"context.{c.value}" for c in rubric.contexts}
    return names | set(AGGREGATES)


def holds(cond: Condition | None, facts: dict[str, float]) -> bool:
    if cond is None:
        return True
    if not all(_item(i, facts) for i in cond.all):
        return False
    if cond.any and not any(_item(i, facts) for i in cond.any):
        return False
    if any(_item(i, facts) for i in cond.none):
        return False
    return not (cond.some and sum(_item(i, facts) for i in cond.some.of) < cond.some.n)


def _item(item: str | Condition, facts: dict[str, float]) -> bool:
    if isinstance(item, Condition):
        return holds(item, facts)
    name, op, number = parse_fact(item)
    value = facts.get(name, 0.0)
    if op is None or number is None:
        return value > 0
    return {
        ">=": value >= number,
        "<=": value <= number,
        ">": value > number,
        "<": value < number,
        "==": value == number,
    }[op]
