"""Archetype and verdict follow from levels, flags, context and target level, by the rubric's rules."""

from __future__ import annotations

import pytest

from starbar.judge.decide import aggregate, first_rule, swings
from starbar.judge.result import DimensionScore

DIMS = (
    "problem_depth",
    "root_cause",
    "customer_insight",
    "ownership",
    "friction",
    "fintech_judgment",
    "customer_impact",
)


def decide(rubric, levels, target="L6", context="fintech", flags=()):
    """Archetype and verdict by `rubric`'s own rules, for levels given by dimension id or in the
    rubric's dimension order (every principle's rubric tests use this one helper)."""
    if not isinstance(levels, dict):
        levels = dict(zip((d.id for d in rubric.dimensions), levels, strict=True))
    scores = {d: DimensionScore(d, d, lvl, (), "") for d, lvl in levels.items()}
    facts = {f"level.{d}": float(s.level) for d, s in scores.items()}
    facts.update(aggregate(rubric, scores, context))
    facts.update({f"flag.{f}": 1.0 for f in flags})
    facts[f"target.{target}"] = facts[f"context.{context}"] = 1.0
    archetype = first_rule(rubric.archetypes, facts, target).value
    facts[f"archetype.{archetype}"] = 1.0
    return archetype, first_rule(rubric.verdicts, facts, target).value


@pytest.mark.parametrize(
    ("levels", "target", "context", "flags", "expected"),
    [
        ((4, 4, 4, 4, 4, 4, 4), "L6", "fintech", (), ("obsession", "strong_hire")),
        ((4, 4, 4, 3, 3, 3, 4), "L6", "fintech", (), ("obsession", "strong_hire")),
        ((4, 3, 3, 3, 4, 3, 3), "L6", "fintech", (), ("obsession", "hire")),
        ((3, 3, 3, 3, 2, 3, 3), "L6", "fintech", (), ("obsession", "hire")),
        ((3, 3, 3, 3, 2, 3, 3), "L7", "fintech", (), ("obsession", "no_hire")),
        ((3, 3, 2, 3, 2, 3, 2), "L5", "fintech", (), ("obsession", "hire")),
        ((4, 4, 4, 1, 4, 4, 4), "L6", "fintech", (), ("obsession", "no_hire")),
        ((4, 4, 4, 4, 0, 4, 4), "L6", "fintech", (), ("obsession", "no_hire")),
        ((3, 2, 3, 3, 4, 3, 3), "L6", "fintech", (), ("advocacy", "no_hire")),
        ((0, 0, 0, 4, 4, 4, 3), "L6", "fintech", (), ("off_topic", "strong_no_hire")),
        # A need found beneath the request is a customer problem, even where the setup showed none.
        ((0, 3, 4, 4, 3, 3, 3), "L6", "fintech", (), ("obsession", "no_hire")),
        ((1, 0, 1, 4, 3, 4, 3), "L6", "fintech", ("feature_factory",), ("feature_factory", "strong_no_hire")),
        ((4, 4, 4, 4, 4, 4, 0), "L6", "fintech", (), ("obsession", "strong_no_hire")),
        ((4, 4, 4, 4, 4, 4, 4), "L6", "fintech", ("buzzword_stuffing",), ("obsession", "no_hire")),
        # Outside financial products: fintech_judgment is shown but does not sink the story; capped at hire.
        ((4, 4, 4, 4, 4, 0, 4), "L6", "other", (), ("obsession", "hire")),
        ((4, 4, 4, 4, 4, 0, 4), "L6", "fintech", (), ("obsession", "no_hire")),
        ((4, 4, 4, 4, 4, 3, 4), "L6", "other", (), ("obsession", "strong_hire")),
    ],
)
def test_verdict_rules(rubric, levels, target, context, flags, expected):
    assert decide(rubric, levels, target, context, flags) == expected


def test_same_story_can_clear_l5_and_miss_l7(rubric):
    levels = (3, 3, 3, 2, 3, 3, 3)
    assert decide(rubric, levels, "L5")[1] == "hire"
    assert decide(rubric, levels, "L7")[1] == "no_hire"


def swings_for(rubric, levels, target="L6", context="fintech"):
    scores = {d: DimensionScore(d, d, lvl, (), "") for d, lvl in zip(DIMS, levels)}
    base = {f"target.{target}": 1.0, f"context.{context}": 1.0}
    now = decide(rubric, levels, target, context)[1]
    return {(s.dimension, s.step, s.verdict) for s in swings(rubric, base, scores, context, target, now)}


@pytest.mark.parametrize(
    "levels",
    [(3, 3, 3, 3, 2, 3, 3), (4, 4, 4, 3, 3, 3, 4), (1, 0, 1, 4, 3, 4, 3), (0, 3, 4, 4, 3, 3, 3), (4, 4, 4, 4, 4, 4, 0)],
)
def test_swings_are_exactly_the_single_levels_that_change_the_verdict(rubric, levels):
    _, now = decide(rubric, levels)
    expected = set()
    for i, dim in enumerate(DIMS):
        for step in (1, -1):
            if 0 <= levels[i] + step <= 4:
                changed = list(levels)
                changed[i] += step
                _, verdict = decide(rubric, tuple(changed))
                if verdict != now:
                    expected.add((dim, step, verdict))
    assert swings_for(rubric, levels) == expected


def test_a_hire_one_level_from_no_hire_on_friction(rubric):
    # friction at 2 -> 1 puts a dimension at 1: no hire; no single level up reaches strong hire.
    found = swings_for(rubric, (3, 3, 3, 3, 2, 3, 3))
    assert ("friction", -1, "no_hire") in found
    assert not any(step > 0 for _, step, _ in found)
