"""Every pattern and unit signal of every rubric carries examples that should and should not fire.

An example may mark the exact span it expects with [[ and ]]; the evidence must then be
exactly that text. Examples are written for the rule, in words the rule was not built from.
"""

from __future__ import annotations

import pytest

from detecting import signal_evidence
from starbar.rubric import all_signals, available, load_rubric

RUBRICS = {name: load_rubric(name) for name in available()}
CASES = [
    (name, signal.id, sample, fires)
    for name, rubric in RUBRICS.items()
    for _, signal in all_signals(rubric)
    for fires, samples in ((True, signal.examples.fire), (False, signal.examples.quiet))
    for sample in samples
]


def _unmark(sample: str) -> tuple[str, str | None]:
    if "[[" not in sample:
        return sample, None
    before, rest = sample.split("[[", 1)
    span, after = rest.split("]]", 1)
    return before + span + after, span


@pytest.mark.parametrize("name", sorted(RUBRICS))
def test_every_signal_has_examples_both_ways(name):
    for _, signal in all_signals(RUBRICS[name]):
        assert signal.examples.fire, f"{name}: {signal.id} has no example that fires"
        assert signal.examples.quiet, f"{name}: {signal.id} has no example that stays quiet"


@pytest.mark.parametrize(
    ("name", "signal_id", "sample", "fires"),
    CASES,
    ids=[f"{c[0]}:{c[1]}-{'fire' if c[3] else 'quiet'}-{i}" for i, c in enumerate(CASES)],
)
def test_signal_example(name, signal_id, sample, fires):
    text, expected = _unmark(sample)
    found = signal_evidence(RUBRICS[name], signal_id, text)
    if not fires:
        assert not found, f"{signal_id} fired on {text!r}: {[text[e.start : e.end] for e in found]}"
        return
    assert found, f"{signal_id} did not fire on {text!r}"
    if expected is not None:
        assert text[found[0].start : found[0].end] == expected


def test_lowered_patterns_keep_their_escapes():
    from starbar.parse.matcher import lower_pattern

    assert lower_pattern(r"\bI\b (?:Reg [A-Z])\D\S") == r"\bi\b (?:reg [a-z])\D\S"
    assert lower_pattern(r"\\Bank") == r"\\bank"
