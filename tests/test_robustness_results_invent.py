"""Deliver Results and Invent and Simplify against stories they were not written for.

For each principle: the robustness suite (data/robustness/<lp>.jsonl, see evaluate/robustness.py:
paraphrased and spoken versions keep the verdict, rubric vocabulary raises nothing, removing the
substance lowers the named dimension) and agreement with its labelled sets (data/lp/<lp>/: the
development set and the tuning set written by people who never read the engine), as
`starbar eval` measures it. The floors are what the rubrics reach (their CHANGELOGs give the
figures and the first contact), so a change that loses ground on either set fails here. The
sealed sets are never read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from starbar.evaluate import evaluate, load_gold
from starbar.evaluate.robustness import load_records, measure

DATA = Path(__file__).resolve().parent.parent / "data"

# lp: (paraphrases and spoken versions that keep the verdict, of 16; ablations that lower the
# named dimension, of 23). Gaming raises no verdict and no dimension for either.
ROBUSTNESS = {
    "deliver-results": (16, 22),
    "invent-and-simplify": (16, 22),
}

# (lp, set): (mean kappa, lowest dimension's kappa, verdict exact, verdict within one)
AGREEMENT = {
    ("deliver-results", "dev"): (0.86, 0.82, 0.92, 1.0),
    ("deliver-results", "tune"): (0.76, 0.66, 0.75, 0.95),
    ("invent-and-simplify", "dev"): (0.80, 0.73, 0.90, 1.0),
    ("invent-and-simplify", "tune"): (0.78, 0.52, 0.70, 1.0),
}


@pytest.fixture(scope="module", params=sorted(ROBUSTNESS))
def suite(request):
    lp = request.param
    records = load_records(DATA / "robustness" / f"{lp}.jsonl")
    return lp, records, measure(records)


def test_every_record_is_judged_under_its_principle(suite):
    lp, records, _ = suite
    assert len(records) == 8
    for record in records:
        assert record["lp"] == lp
        assert {"base", "paraphrase", "spoken", "gamed", "ablations"} <= set(record)


def test_paraphrased_and_spoken_versions_keep_the_verdict(suite):
    lp, _, result = suite
    assert result.paraphrase_total == 16
    assert result.paraphrases >= ROBUSTNESS[lp][0]


def test_vocabulary_without_substance_raises_nothing(suite):
    _, _, result = suite
    assert result.gamed_verdicts == ()
    assert result.gamed_raises == ()


def test_removing_the_substance_lowers_the_dimension(suite):
    lp, _, result = suite
    assert result.ablation_total == 23
    assert result.ablations >= ROBUSTNESS[lp][1]


@pytest.mark.parametrize(("lp", "name"), sorted(AGREEMENT))
def test_agreement_with_the_labelled_sets(lp, name):
    mean_floor, min_floor, exact_floor, within_floor = AGREEMENT[(lp, name)]
    result = evaluate(load_gold(DATA / "lp" / lp / f"{name}.jsonl"))
    assert result["mean_qwk"] >= mean_floor, result["dimensions"]
    assert result["min_qwk"] >= min_floor, result["dimensions"]
    assert result["verdict"]["accuracy"] >= exact_floor, result["mismatches"]
    assert result["verdict"]["within_one"] >= within_floor, result["mismatches"]
    assert result["buzzword_stuffing_at_no_hire_or_below"]
