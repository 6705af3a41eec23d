"""The Deliver Results rubric folder: it loads, its signals fire down to the span, and its verdict
rules give the spec's calibration examples their stated verdicts (shared/docs/rubrics/deliver-results.md)."""

from __future__ import annotations

import pytest

from starbar.detect.patterns import compiled, match_signal
from starbar.judge.decide import aggregate, first_rule
from starbar.judge.result import DimensionScore
from starbar.parse import parse
from starbar.rubric import all_signals, for_lp, load_rubric
from test_signal_examples import _unmark

RUBRIC_ID = "deliver-results-fintech"
RUBRIC = load_rubric(RUBRIC_ID)
DIMS = ("ownership", "goal_clarity", "key_inputs", "setback_recovery", "impact", "scope", "fintech_judgment")
CASES = [
    (signal.id, sample, fires)
    for _, signal in all_signals(RUBRIC)
    for fires, samples in ((True, signal.examples.fire), (False, signal.examples.quiet))
    for sample in samples
]


def test_the_folder_loads_with_the_spec_ids():
    assert for_lp("deliver-results") == RUBRIC_ID
    assert tuple(d.id for d in RUBRIC.dimensions) == DIMS
    assert set(RUBRIC.gates) == {"scope", "fintech_judgment"}
    assert [a.value for a in RUBRIC.archetypes] == ["off_topic", "effort_only", "results_driver", "shipper"]
    assert {f.id for f in RUBRIC.flags} >= {
        "output_not_outcome",
        "effort_narrative",
        "no_setback",
        "moved_goalposts",
        "quality_cut",
        "blame_shifting",
    }
    dims = set(DIMS)
    assert all(f.dimension in dims for f in RUBRIC.followups if f.dimension)


def test_every_signal_has_examples_both_ways():
    for _, signal in all_signals(RUBRIC):
        assert signal.examples.fire, f"{signal.id} has no example that fires"
        assert signal.examples.quiet, f"{signal.id} has no example that stays quiet"


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


def decide(levels, target="L6", context="fintech", flags=()):
    scores = {d: DimensionScore(d, d, lvl, (), "") for d, lvl in zip(DIMS, levels)}
    facts = {f"level.{d}": float(s.level) for d, s in scores.items()}
    facts.update(aggregate(RUBRIC, scores, context))
    facts.update({f"flag.{f}": 1.0 for f in flags})
    facts[f"target.{target}"] = facts[f"context.{context}"] = 1.0
    archetype = first_rule(RUBRIC.archetypes, facts, target).value
    facts[f"archetype.{archetype}"] = 1.0
    return archetype, first_rule(RUBRIC.verdicts, facts, target).value


STRONG = (4, 4, 4, 4, 4, 3, 4)
SHIPPER = (3, 2, 2, 2, 2, 2, 2)
WEAK = (1, 2, 1, 1, 1, 2, 1)


@pytest.mark.parametrize(
    ("levels", "target", "flags", "expected"),
    [
        # The spec's calibration examples, at their stated levels and flags.
        (STRONG, "L5", (), ("results_driver", "strong_hire")),
        (STRONG, "L6", (), ("results_driver", "strong_hire")),
        (STRONG, "L7", (), ("results_driver", "no_hire")),
        (SHIPPER, "L5", ("output_not_outcome", "effort_narrative"), ("shipper", "no_hire")),
        (SHIPPER, "L6", ("output_not_outcome", "effort_narrative"), ("shipper", "no_hire")),
        (SHIPPER, "L7", ("output_not_outcome", "effort_narrative"), ("shipper", "no_hire")),
        (
            WEAK,
            "L6",
            ("effort_narrative", "output_not_outcome", "vague_result", "we_not_i"),
            ("effort_only", "strong_no_hire"),
        ),
    ],
)
def test_calibration_examples_get_their_verdicts(levels, target, flags, expected):
    assert decide(levels, target, flags=flags) == expected


@pytest.mark.parametrize(
    ("levels", "target", "context", "flags", "expected"),
    [
        # The lowest hire: bar dimensions and impact at 3, ownership and goal at 2 (mean 2.6).
        ((2, 2, 3, 3, 3, 3, 0), "L6", "other", (), ("results_driver", "hire")),
        ((1, 2, 3, 3, 3, 3, 3), "L6", "fintech", (), ("results_driver", "no_hire")),
        # Scope gates the level; fintech_judgment gates only strong_hire.
        ((3, 3, 3, 3, 3, 2, 3), "L5", "fintech", (), ("results_driver", "hire")),
        ((3, 3, 3, 3, 3, 2, 3), "L6", "fintech", (), ("results_driver", "no_hire")),
        ((4, 4, 4, 4, 4, 3, 4), "L6", "other", (), ("results_driver", "hire")),
        ((4, 4, 4, 4, 4, 3, 2), "L6", "fintech", (), ("results_driver", "hire")),
        # At L7 strong_hire needs four at 4, both bar dimensions among them.
        ((4, 4, 3, 4, 4, 4, 4), "L7", "fintech", (), ("results_driver", "hire")),
        ((3, 4, 4, 4, 4, 4, 4), "L7", "fintech", (), ("results_driver", "strong_hire")),
        # Flags: a moved target keeps a story out of the top archetype; a quality cut caps it.
        ((4, 4, 4, 4, 4, 3, 4), "L6", "fintech", ("moved_goalposts",), ("shipper", "no_hire")),
        ((4, 4, 4, 4, 4, 3, 4), "L6", "fintech", ("quality_cut",), ("results_driver", "no_hire")),
        ((3, 3, 1, 3, 3, 3, 3), "L6", "fintech", ("effort_narrative",), ("effort_only", "strong_no_hire")),
        ((3, 3, 3, 3, 1, 3, 3), "L6", "fintech", (), ("effort_only", "strong_no_hire")),
        ((3, 0, 0, 0, 2, 2, 0), "L6", "fintech", (), ("off_topic", "strong_no_hire")),
    ],
)
def test_verdict_rules(levels, target, context, flags, expected):
    assert decide(levels, target, context, flags) == expected
