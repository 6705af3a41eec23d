"""The engine's agreement with labelled stories, measured as `starbar eval` does, held to the bar.

The development set must meet the figures the review engine was accepted on; the wider tuning
pool (stories in other voices, see data/README.md) keeps a floor so that a change which helps
the development set by memorising it, and hurts every other story, fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from starbar.evaluate import evaluate, load_gold

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "data" / "devset" / "stories.jsonl"
POOL = [*sorted((ROOT / "data").glob("tuning/*.jsonl")), ROOT / "data" / "heldout" / "stories.jsonl"]


@pytest.fixture(scope="module")
def devset():
    if not DEVSET.exists():
        pytest.skip("the development set is not beside this checkout")
    return evaluate(load_gold(DEVSET))


@pytest.fixture(scope="module")
def pool():
    stories = [s for path in POOL for s in load_gold(path)]
    return evaluate(stories)


def test_devset_dimensions(devset):
    assert devset["mean_qwk"] >= 0.75
    assert all(d["qwk"] >= 0.6 for d in devset["dimensions"].values()), devset["dimensions"]


def test_devset_verdict_archetype_flags_parts(devset):
    assert devset["verdict"]["accuracy"] >= 0.75
    assert devset["verdict"]["within_one"] >= 0.95
    assert devset["archetype"]["accuracy"] >= 0.8
    assert devset["flags"]["micro"]["f1"] >= 0.8
    assert devset["parts"]["word_agreement"] >= 0.85
    assert devset["buzzword_stuffing_at_no_hire_or_below"]


def test_tuning_pool_floor(pool):
    assert pool["mean_qwk"] >= 0.8
    assert all(d["qwk"] >= 0.7 for d in pool["dimensions"].values()), pool["dimensions"]
    assert pool["verdict"]["within_one"] >= 0.9
    assert pool["archetype"]["accuracy"] >= 0.75
    assert pool["flags"]["micro"]["f1"] >= 0.8
    assert pool["buzzword_stuffing_at_no_hire_or_below"]


# Sealed sets: written by people who never read the engine, after the work on them started, and
# never tuned against (not even by the calibration, whose script refuses them). The floors are
# a little under what the judge reached when they were first measured (README, "How far to
# trust it"), so that a change which loses ground on unseen stories fails here.
SEALED = {
    "data/sealed/sealed-1.jsonl": (0.88, 0.97),
    "data/sealed/sealed-2.jsonl": (0.80, 0.87),
    "data/final-check/stories.jsonl": (0.85, 0.97),
    "data/final-check/set-z.jsonl": (0.84, 0.93),
    "data/sealed/sealed-3.jsonl": (0.81, 0.97),
    "data/sealed/sealed-4.jsonl": (0.79, 0.93),
    "data/sealed/sealed-5.jsonl": (0.85, 0.97),
    "data/sealed/sealed-6.jsonl": (0.85, 0.97),
    # written after the sentence-role tagger was in, measured once for the README
    "data/sealed/sealed-7.jsonl": (0.82, 0.97),
    "data/sealed/sealed-8.jsonl": (0.79, 0.97),
    # written before rubric 2026.12.6, measured at first contact before and after it
    "data/sealed/sealed-9.jsonl": (0.78, 0.94),
    "data/sealed/sealed-10.jsonl": (0.82, 0.90),
    "data/sealed/sealed-11.jsonl": (0.80, 0.90),
    "data/sealed/sealed-12.jsonl": (0.77, 0.90),
    "data/sealed/sealed-13.jsonl": (0.78, 0.94),
    # written after 2026.12.6 shipped, measured at first contact
    "data/sealed/sealed-14.jsonl": (0.86, 0.94),
    "data/sealed/sealed-15.jsonl": (0.81, 0.94),
    "data/sealed/sealed-16.jsonl": (0.88, 0.97),
    # written after 2026.12.7 shipped, measured at first contact
    "data/sealed/sealed-17.jsonl": (0.84, 0.94),
    # written after 2026.12.8 was made, measured at first contact
    "data/sealed/sealed-18.jsonl": (0.84, 0.97),
    # written after 2026.12.8 shipped, measured at first contact
    "data/sealed/sealed-19.jsonl": (0.85, 0.90),
    # written after 2026.12.9 was made, measured at first contact
    "data/sealed/sealed-20.jsonl": (0.80, 0.97),
    # written after 2026.12.11 was made, measured at first contact
    "data/sealed/sealed-21.jsonl": (0.83, 0.94),
    # written after 2026.12.12 was made, measured at first contact
    "data/sealed/sealed-22.jsonl": (0.88, 0.97),
    # written after 2026.12.12 shipped, measured at first contact
    "data/sealed/sealed-23.jsonl": (0.83, 0.94),
    # written after 2026.12.13 shipped, measured at first contact
    "data/sealed/sealed-24.jsonl": (0.82, 0.97),
    # written after 2026.12.13 shipped (twelfth round), measured at first contact
    "data/sealed/sealed-25.jsonl": (0.84, 0.97),
    # The other principles' sealed sets, each judged under its own rubric (first drafts).
    "data/lp/ownership/sealed.jsonl": (0.68, 0.93),
    "data/lp/dive-deep/sealed.jsonl": (0.70, 0.90),
    "data/lp/have-backbone/sealed.jsonl": (0.64, 0.87),
    "data/lp/earn-trust/sealed.jsonl": (0.58, 0.83),
    "data/lp/deliver-results/sealed.jsonl": (0.70, 0.93),
    "data/lp/invent-and-simplify/sealed.jsonl": (0.53, 0.90),
    # and their second sealed sets, written before the third round
    "data/lp/ownership/sealed-2.jsonl": (0.69, 0.90),
    "data/lp/dive-deep/sealed-2.jsonl": (0.68, 0.97),
    "data/lp/have-backbone/sealed-2.jsonl": (0.66, 0.90),
    "data/lp/earn-trust/sealed-2.jsonl": (0.61, 0.87),
    "data/lp/deliver-results/sealed-2.jsonl": (0.68, 0.93),
    "data/lp/invent-and-simplify/sealed-2.jsonl": (0.53, 0.80),
    # and their third, written before the fourth round
    "data/lp/ownership/sealed-3.jsonl": (0.71, 0.87),
    "data/lp/dive-deep/sealed-3.jsonl": (0.67, 0.83),
    "data/lp/have-backbone/sealed-3.jsonl": (0.70, 0.90),
    "data/lp/earn-trust/sealed-3.jsonl": (0.67, 0.90),
    "data/lp/deliver-results/sealed-3.jsonl": (0.65, 0.87),
    "data/lp/invent-and-simplify/sealed-3.jsonl": (0.62, 0.83),
    # their fourth, written before the sentence roles
    "data/lp/ownership/sealed-4.jsonl": (0.61, 0.80),
    "data/lp/dive-deep/sealed-4.jsonl": (0.63, 0.87),
    "data/lp/have-backbone/sealed-4.jsonl": (0.73, 0.84),
    "data/lp/earn-trust/sealed-4.jsonl": (0.66, 0.90),
    "data/lp/deliver-results/sealed-4.jsonl": (0.75, 0.90),
    "data/lp/invent-and-simplify/sealed-4.jsonl": (0.66, 0.90),
    # their fifth, written before the learned layer of four of them (2026.12.5), and sixth, written
    # while it was built and measured once it was done
    "data/lp/ownership/sealed-5.jsonl": (0.68, 0.90),
    "data/lp/dive-deep/sealed-5.jsonl": (0.78, 0.90),
    "data/lp/have-backbone/sealed-5.jsonl": (0.73, 0.87),
    "data/lp/earn-trust/sealed-5.jsonl": (0.70, 0.94),
    "data/lp/deliver-results/sealed-5.jsonl": (0.70, 0.94),
    "data/lp/invent-and-simplify/sealed-5.jsonl": (0.69, 0.94),
    "data/lp/ownership/sealed-6.jsonl": (0.66, 0.94),
    "data/lp/dive-deep/sealed-6.jsonl": (0.72, 0.94),
    "data/lp/have-backbone/sealed-6.jsonl": (0.56, 0.80),
    "data/lp/earn-trust/sealed-6.jsonl": (0.68, 0.90),
    "data/lp/deliver-results/sealed-6.jsonl": (0.74, 0.94),
    "data/lp/invent-and-simplify/sealed-6.jsonl": (0.70, 0.87),
    # their seventh, eighth and ninth, measured at first contact
    "data/lp/ownership/sealed-7.jsonl": (0.67, 0.90),
    "data/lp/dive-deep/sealed-7.jsonl": (0.73, 0.90),
    "data/lp/have-backbone/sealed-7.jsonl": (0.71, 0.87),
    "data/lp/earn-trust/sealed-7.jsonl": (0.64, 0.90),
    "data/lp/deliver-results/sealed-7.jsonl": (0.77, 0.87),
    "data/lp/invent-and-simplify/sealed-7.jsonl": (0.62, 0.90),
    "data/lp/ownership/sealed-8.jsonl": (0.65, 0.94),
    "data/lp/dive-deep/sealed-8.jsonl": (0.67, 0.94),
    "data/lp/have-backbone/sealed-8.jsonl": (0.70, 0.84),
    "data/lp/earn-trust/sealed-8.jsonl": (0.63, 0.90),
    "data/lp/deliver-results/sealed-8.jsonl": (0.66, 0.84),
    "data/lp/invent-and-simplify/sealed-8.jsonl": (0.68, 0.80),
    "data/lp/ownership/sealed-9.jsonl": (0.73, 0.97),
    "data/lp/dive-deep/sealed-9.jsonl": (0.69, 0.94),
    "data/lp/have-backbone/sealed-9.jsonl": (0.69, 0.87),
    "data/lp/earn-trust/sealed-9.jsonl": (0.64, 0.90),
    "data/lp/deliver-results/sealed-9.jsonl": (0.70, 0.84),
    "data/lp/invent-and-simplify/sealed-9.jsonl": (0.66, 0.94),
    # their tenth, written before the four learned principles were retrained with tuning set 5
    "data/lp/ownership/sealed-10.jsonl": (0.63, 0.87),
    "data/lp/dive-deep/sealed-10.jsonl": (0.72, 0.94),
    "data/lp/have-backbone/sealed-10.jsonl": (0.65, 0.84),
    "data/lp/earn-trust/sealed-10.jsonl": (0.67, 0.90),
    "data/lp/deliver-results/sealed-10.jsonl": (0.77, 0.97),
    "data/lp/invent-and-simplify/sealed-10.jsonl": (0.69, 0.90),
    # their eleventh, written after 2026.12.7 shipped, measured at first contact
    "data/lp/ownership/sealed-11.jsonl": (0.68, 0.94),
    "data/lp/dive-deep/sealed-11.jsonl": (0.73, 0.94),
    "data/lp/have-backbone/sealed-11.jsonl": (0.66, 0.94),
    "data/lp/earn-trust/sealed-11.jsonl": (0.68, 0.90),
    "data/lp/deliver-results/sealed-11.jsonl": (0.78, 0.94),
    "data/lp/invent-and-simplify/sealed-11.jsonl": (0.64, 0.87),
    # their twelfth, written after 2026.12.8 shipped, measured at first contact
    "data/lp/ownership/sealed-12.jsonl": (0.72, 0.94),
    "data/lp/dive-deep/sealed-12.jsonl": (0.71, 0.84),
    "data/lp/have-backbone/sealed-12.jsonl": (0.79, 0.94),
    "data/lp/earn-trust/sealed-12.jsonl": (0.72, 0.94),
    "data/lp/deliver-results/sealed-12.jsonl": (0.77, 0.97),
    "data/lp/invent-and-simplify/sealed-12.jsonl": (0.67, 0.90),
    # their thirteenth, written after 2026.12.9 shipped, measured at first contact
    "data/lp/ownership/sealed-13.jsonl": (0.73, 0.87),
    "data/lp/dive-deep/sealed-13.jsonl": (0.76, 0.87),
    "data/lp/have-backbone/sealed-13.jsonl": (0.75, 0.90),
    "data/lp/earn-trust/sealed-13.jsonl": (0.71, 0.90),
    "data/lp/deliver-results/sealed-13.jsonl": (0.71, 0.94),
    "data/lp/invent-and-simplify/sealed-13.jsonl": (0.73, 0.97),
    # their fourteenth, written after this round's changes were made, measured at first contact
    "data/lp/ownership/sealed-14.jsonl": (0.69, 0.84),
    "data/lp/dive-deep/sealed-14.jsonl": (0.71, 0.94),
    "data/lp/have-backbone/sealed-14.jsonl": (0.69, 0.94),
    "data/lp/earn-trust/sealed-14.jsonl": (0.74, 0.90),
    "data/lp/deliver-results/sealed-14.jsonl": (0.74, 0.94),
    "data/lp/invent-and-simplify/sealed-14.jsonl": (0.63, 0.94),
    # their fifteenth, written after the fourteenth's round shipped, measured at first contact
    "data/lp/ownership/sealed-15.jsonl": (0.74, 0.90),
    "data/lp/dive-deep/sealed-15.jsonl": (0.74, 0.94),
    "data/lp/have-backbone/sealed-15.jsonl": (0.72, 0.87),
    "data/lp/earn-trust/sealed-15.jsonl": (0.73, 0.90),
    "data/lp/deliver-results/sealed-15.jsonl": (0.77, 0.97),
    "data/lp/invent-and-simplify/sealed-15.jsonl": (0.72, 0.87),
    # their sixteenth, written after this round's changes were made, measured at first contact
    "data/lp/ownership/sealed-16.jsonl": (0.76, 0.93),
    "data/lp/dive-deep/sealed-16.jsonl": (0.77, 0.93),
    "data/lp/have-backbone/sealed-16.jsonl": (0.75, 0.97),
    "data/lp/earn-trust/sealed-16.jsonl": (0.75, 0.93),
    "data/lp/deliver-results/sealed-16.jsonl": (0.70, 0.87),
    "data/lp/invent-and-simplify/sealed-16.jsonl": (0.71, 0.93),
    # their seventeenth, written after the tune-10 rules were made, measured at first contact
    "data/lp/ownership/sealed-17.jsonl": (0.69, 0.93),
    "data/lp/dive-deep/sealed-17.jsonl": (0.71, 0.93),
    "data/lp/have-backbone/sealed-17.jsonl": (0.72, 0.87),
    "data/lp/earn-trust/sealed-17.jsonl": (0.68, 0.83),
    "data/lp/deliver-results/sealed-17.jsonl": (0.80, 0.97),
    "data/lp/invent-and-simplify/sealed-17.jsonl": (0.72, 0.97),
    # their eighteenth, written after the tune-11 rules were made, measured at first contact
    "data/lp/ownership/sealed-18.jsonl": (0.78, 0.93),
    "data/lp/dive-deep/sealed-18.jsonl": (0.79, 0.97),
    "data/lp/have-backbone/sealed-18.jsonl": (0.77, 0.93),
    "data/lp/earn-trust/sealed-18.jsonl": (0.72, 0.90),
    "data/lp/deliver-results/sealed-18.jsonl": (0.75, 0.87),
    "data/lp/invent-and-simplify/sealed-18.jsonl": (0.70, 0.93),
    # their nineteenth, written after the tune-11 rules shipped, measured at first contact
    "data/lp/ownership/sealed-19.jsonl": (0.69, 0.90),
    "data/lp/dive-deep/sealed-19.jsonl": (0.75, 0.93),
    "data/lp/have-backbone/sealed-19.jsonl": (0.70, 0.90),
    "data/lp/earn-trust/sealed-19.jsonl": (0.70, 0.97),
    "data/lp/deliver-results/sealed-19.jsonl": (0.75, 0.87),
    "data/lp/invent-and-simplify/sealed-19.jsonl": (0.70, 0.90),
    # their twentieth, written after the tune-12 rules shipped, measured at first contact
    "data/lp/ownership/sealed-20.jsonl": (0.69, 0.87),
    "data/lp/dive-deep/sealed-20.jsonl": (0.80, 0.93),
    "data/lp/have-backbone/sealed-20.jsonl": (0.70, 0.93),
    "data/lp/earn-trust/sealed-20.jsonl": (0.73, 0.87),
    "data/lp/deliver-results/sealed-20.jsonl": (0.78, 0.87),
    "data/lp/invent-and-simplify/sealed-20.jsonl": (0.69, 0.90),
    # their twenty-first, written after the tune-13 rules shipped, measured at first contact
    "data/lp/ownership/sealed-21.jsonl": (0.75, 0.93),
    "data/lp/dive-deep/sealed-21.jsonl": (0.78, 0.90),
    "data/lp/have-backbone/sealed-21.jsonl": (0.70, 0.87),
    "data/lp/earn-trust/sealed-21.jsonl": (0.69, 0.87),
    "data/lp/deliver-results/sealed-21.jsonl": (0.75, 0.90),
    "data/lp/invent-and-simplify/sealed-21.jsonl": (0.59, 0.83),
}


@pytest.mark.parametrize("path", sorted(SEALED))
def test_sealed_sets_keep_their_floor(path):
    mean_floor, within_floor = SEALED[path]
    result = evaluate(load_gold(ROOT / path))
    assert result["mean_qwk"] >= mean_floor, result["dimensions"]
    assert result["verdict"]["within_one"] >= within_floor


def test_the_guides_own_examples_get_an_acceptable_verdict(seed_examples):
    from starbar import review

    for story in seed_examples:
        result = review(story["text"], level=story.get("level", "L6"))
        assert result.verdict in story["verdict_ok"], (story["id"], result.verdict)
        assert result.archetype in story["archetype_ok"], (story["id"], result.archetype)


def test_the_guides_own_examples_get_their_labelled_flags_and_no_coaching_against_them(seed_examples):
    """The spec's BAD answer is a feature factory with a vague result (a feeling, no number);
    the GOOD and loan answers are flagged with nothing that asks them to change their shape."""
    from starbar import review

    for story in seed_examples:
        flagged = {flag.id for flag in review(story["text"], level=story.get("level", "L6")).flags}
        assert set(story["flags"]) <= flagged, (story["id"], flagged)
        if not story["flags"]:
            assert not flagged & {"thin_action", "length_off", "missing_part"}, (story["id"], flagged)
