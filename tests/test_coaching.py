"""Coaching agrees with the levels: no follow-up asks for a dimension already at the bar, next
steps never repeat, and each quote sits under the dimension whose evidence it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from starbar import review
from starbar.evaluate import load_gold

ROOT = Path(__file__).resolve().parent.parent
STORIES = [s for path in sorted((ROOT / "data" / "tuning").glob("set-[ab].jsonl")) for s in load_gold(path)]


@pytest.fixture(scope="module")
def reviews():
    return [review(s.text, s.level) for s in STORIES]


def test_no_followup_probes_a_dimension_at_the_bar(rubric, reviews):
    by_text = {f.text: f.dimension for f in rubric.followups if f.dimension}
    for result in reviews:
        for question in result.followups:
            dim = by_text.get(question)
            assert dim is None or result.dimensions[dim].level < 3, (question, result.dimensions[dim].level)


def test_next_steps_never_repeat_and_skip_dimensions_at_the_bar(rubric, reviews):
    advice = {d.advice: d.id for d in rubric.dimensions}
    for result in reviews:
        assert len(set(result.next_steps)) == len(result.next_steps)
        for step in result.next_steps:
            if step in advice:
                assert result.dimensions[advice[step]].level < 3


def test_a_flag_and_its_dimension_give_one_piece_of_advice(rubric, reviews):
    flag_dims = {f.id: f.dimension for f in rubric.flags if f.dimension}
    dim_advice = {d.id: d.advice for d in rubric.dimensions}
    for result in reviews:
        for flag in result.flags:
            dim = flag_dims.get(flag.id)
            if dim:
                assert dim_advice[dim] not in result.next_steps


def test_each_quote_is_evidence_of_its_own_dimension(rubric, reviews):
    from starbar.detect.registry import for_rubric
    from starbar.rubric import all_signals

    owner = {s.id: dim for dim, s in all_signals(rubric)}
    for d in for_rubric(rubric.detectors):
        owner.update(d.signals)
    owner.update({f"role.{r}": spec.dimension for r, spec in rubric.roles.items()})  # the tagger's, from the rubric
    quoted = 0
    for result in reviews:
        for dim, score in result.dimensions.items():
            for quote in score.evidence:
                assert owner[quote.signal] == dim, (quote.signal, dim)
                quoted += 1
    assert quoted > 100
