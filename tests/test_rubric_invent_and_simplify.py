"""Invent and Simplify as a rubric folder: it loads, its signals fire where their examples say,
its verdict rules give the spec's calibration examples their verdicts, and whole stories land
where a bar raiser would put them."""

from __future__ import annotations

import pytest

from starbar import review
from starbar.detect.patterns import compiled, match_signal
from starbar.judge.decide import aggregate, first_rule
from starbar.judge.result import DimensionScore
from starbar.parse import parse
from starbar.rubric import all_signals, for_lp, load_rubric
from test_signal_examples import _unmark

LP = "invent-and-simplify"
RUBRIC = load_rubric("invent-and-simplify-fintech")
CORE = ("ownership", "complexity_diagnosis", "invention", "simplification", "impact")
CASES = [
    (signal.id, sample, fires)
    for _, signal in all_signals(RUBRIC)
    for fires, samples in ((True, signal.examples.fire), (False, signal.examples.quiet))
    for sample in samples
]


def test_the_folder_loads_as_the_principle_s_rubric():
    assert for_lp(LP) == RUBRIC.id
    assert [d.id for d in RUBRIC.dimensions] == [*CORE, "scope", "fintech_judgment"]
    assert RUBRIC.gates == ["scope", "fintech_judgment"]
    assert {"impact.result", "ownership.actors", "fintech.decisions"} <= set(RUBRIC.detectors)
    assert {a.value for a in RUBRIC.archetypes} == {
        "off_topic",
        "complexity_adder",
        "inventive_simplifier",
        "incremental_improver",
    }
    assert all(f.dimension for f in RUBRIC.followups if f.when and "level." in str(f.when))


def test_every_signal_has_examples_both_ways():
    for _, signal in all_signals(RUBRIC):
        assert signal.examples.fire and signal.examples.quiet, signal.id


@pytest.mark.parametrize(
    ("signal_id", "sample", "fires"),
    CASES,
    ids=[f"{c[0]}-{'fire' if c[2] else 'quiet'}-{i}" for i, c in enumerate(CASES)],
)
def test_signal_example(signal_id, sample, fires):
    text, expected = _unmark(sample)
    signal = next(s for s in compiled(RUBRIC) if s.id == signal_id)
    found = match_signal(signal, parse(text)).evidence
    if not fires:
        assert not found, f"{signal_id} fired on {text!r}: {[text[e.start : e.end] for e in found]}"
        return
    assert found, f"{signal_id} did not fire on {text!r}"
    if expected is not None:
        assert text[found[0].start : found[0].end] == expected


def decide(levels: dict[str, int], target="L6", context="fintech", flags=()) -> tuple[str, str]:
    scores = {d: DimensionScore(d, d, lvl, (), "") for d, lvl in levels.items()}
    facts = {f"level.{d}": float(s.level) for d, s in scores.items()}
    facts.update(aggregate(RUBRIC, scores, context))
    facts.update({f"flag.{f}": 1.0 for f in flags})
    facts[f"target.{target}"] = facts[f"context.{context}"] = 1.0
    archetype = first_rule(RUBRIC.archetypes, facts, target).value
    facts[f"archetype.{archetype}"] = 1.0
    return archetype, first_rule(RUBRIC.verdicts, facts, target).value


def levels(own, cd, inv, simp, imp, scope, fj):
    return dict(zip([*CORE, "scope", "fintech_judgment"], (own, cd, inv, simp, imp, scope, fj)))


@pytest.mark.parametrize("target", ["L5", "L6", "L7"])
def test_the_spec_s_strong_example_is_a_strong_hire_at_every_level(target):
    assert decide(levels(4, 4, 4, 4, 4, 4, 4), target) == ("inventive_simplifier", "strong_hire")


@pytest.mark.parametrize("target", ["L5", "L6", "L7"])
def test_the_spec_s_incremental_example_is_a_no_hire_at_every_level(target):
    assert decide(levels(3, 2, 2, 2, 3, 2, 2), target, flags=("no_friction",)) == ("incremental_improver", "no_hire")


def test_the_spec_s_weak_example_is_a_complexity_adder():
    flags = ("novelty_without_need", "added_complexity", "buzzword_stuffing", "no_friction", "vague_result")
    assert decide(levels(2, 0, 2, 0, 1, 2, 1), flags=flags) == ("complexity_adder", "strong_no_hire")


@pytest.mark.parametrize(
    ("lv", "target", "context", "flags", "expected"),
    [
        # both bar dimensions at 3, the rest at 2: a mean of 2.4; one more at 3 makes 2.6
        (levels(2, 2, 3, 3, 2, 3, 3), "L6", "fintech", (), ("inventive_simplifier", "no_hire")),
        (levels(3, 2, 3, 3, 2, 3, 3), "L6", "fintech", (), ("inventive_simplifier", "hire")),
        # scope gates the level: the same story clears L5 and misses L6
        (levels(3, 3, 3, 3, 3, 2, 3), "L5", "fintech", (), ("inventive_simplifier", "hire")),
        (levels(3, 3, 3, 3, 3, 2, 3), "L6", "fintech", (), ("inventive_simplifier", "no_hire")),
        # outside financial products, or with fintech judgment at 2, hire at most and never sunk
        (levels(4, 4, 4, 4, 4, 3, 0), "L6", "other", (), ("inventive_simplifier", "hire")),
        (levels(4, 4, 4, 4, 4, 3, 2), "L6", "fintech", (), ("inventive_simplifier", "hire")),
        # L7: every core dimension at 3, and for strong hire both bar dimensions at 4
        (levels(4, 4, 4, 4, 2, 4, 4), "L7", "fintech", (), ("inventive_simplifier", "no_hire")),
        (levels(4, 4, 3, 4, 4, 4, 4), "L7", "fintech", (), ("inventive_simplifier", "hire")),
        # capping and forcing flags
        (levels(3, 3, 3, 3, 3, 3, 1), "L6", "fintech", ("control_removed",), ("inventive_simplifier", "no_hire")),
        (levels(4, 2, 2, 1, 3, 4, 3), "L7", "fintech", ("added_complexity",), ("complexity_adder", "strong_no_hire")),
        (levels(3, 0, 0, 0, 3, 3, 0), "L6", "other", (), ("off_topic", "strong_no_hire")),
        (levels(3, 3, 3, 3, 0, 2, 3), "L5", "fintech", (), ("inventive_simplifier", "strong_no_hire")),
        (levels(4, 2, 2, 1, 4, 3, 3), "L6", "fintech", (), ("incremental_improver", "no_hire")),
    ],
)
def test_verdict_rules(lv, target, context, flags, expected):
    assert decide(lv, target, context, flags) == expected
