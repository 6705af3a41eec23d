"""The robustness suites (data/robustness/, see evaluate/robustness.py): paraphrases keep the
verdict, vocabulary without substance raises nothing, removing the substance lowers the level.

The issue's targets are 90% of paraphrases keeping the verdict, no raise from vocabulary, and
95% of ablations lowering the named dimension; the judge meets all three, and the tests hold
it to them (README, "How far to trust it"), so a change that loses ground fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from starbar.evaluate.robustness import load_records, measure

RECORDS = Path(__file__).resolve().parent.parent / "data" / "robustness" / "stories.jsonl"


@pytest.fixture(scope="module")
def result():
    return measure(load_records(RECORDS))


def test_every_record_has_every_version():
    for record in load_records(RECORDS):
        assert {"base", "paraphrase", "spoken", "gamed", "ablations"} <= set(record)
        assert set(record["ablations"]) == {"friction", "customer_impact", "ownership"}


def test_paraphrases_and_spoken_versions_keep_the_verdict(result):
    assert result.paraphrase_total == 48
    assert result.paraphrases / result.paraphrase_total >= 0.9


def test_vocabulary_without_substance_raises_nothing(result):
    assert result.gamed_raises == (), result.gamed_raises
    assert result.gamed_verdicts == (), result.gamed_verdicts


def test_removing_the_substance_lowers_the_dimension(result):
    assert result.ablation_total == 72
    assert result.ablations / result.ablation_total >= 0.95
