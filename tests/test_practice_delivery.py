"""Delivery figures on transcripts written for these tests: pace, fillers, hedges, long sentences."""

from __future__ import annotations

import pytest

from starbar.parse import parse
from starbar.practice.delivery import FILLER_RULES, HEDGE_RULES, find_phrases, measure_delivery, parse_duration


def _phrases(text, rules):
    return [(o.phrase, text[o.start : o.end]) for o in find_phrases(text, rules)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We had, like, four hundred tickets a week.", [("like", "like")]),
        ("The form was like really slow on older phones.", [("like", "like")]),
        ("And like we had no idea why they left.", [("like", "like")]),
        ("It cost them like 30 dollars in fees.", [("like", "like")]),
        ("Um, so I called the merchants first.", [("um", "Um")]),
        ("Uhh I pulled the refund logs.", [("uh", "Uhh")]),
        ("I read the tickets, you know, to see the pattern.", [("you know", "you know")]),
        ("The fee was sort of hidden.", [("sort of", "sort of")]),
    ],
)
def test_fillers_found_with_their_span(text, expected):
    assert _phrases(text, FILLER_RULES) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to walk you through the refund flow.",
        "Borrowers would like a faster decision.",
        "It looks like a fraud spike at first glance.",
        "The page seemed like a dead end to new sellers.",
        "We studied wallets like the ones our rivals ship.",
        "Merchants like the new payout report.",
        "Did you know the fee was charged twice?",
        "What sort of customer files a dispute?",
        "The umbrella policy covered it.",
    ],
)
def test_like_as_a_verb_or_comparison_is_not_a_filler(text):
    assert _phrases(text, FILLER_RULES) == []


def test_curly_apostrophe_verb_like_is_not_a_filler():
    assert _phrases("We\u2019d like the limit raised.", FILLER_RULES) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I think the upload step was the problem.", ["I think"]),
        ("Maybe a third of them churned.", ["maybe"]),
        ("The statement was kind of confusing, probably for most users.", ["kind of", "probably"]),
    ],
)
def test_hedges(text, expected):
    assert [p for p, _ in _phrases(text, HEDGE_RULES)] == expected


def test_kind_of_as_a_noun_is_not_a_hedge():
    assert _phrases("This kind of fee drives people away.", HEDGE_RULES) == []


def test_measure_pace_fillers_hedges_and_long_sentences():
    transcript = (
        "Um, I ran the card payments team at a marketplace. "
        "Buyers were, like, abandoning checkout because the confirmation page took so long to load that "
        "they assumed the payment had failed and tried again, which charged many of them twice and filled "
        "the support queue with angry refund requests every single week. "
        "I think we fixed most of it."
    )
    doc = parse(transcript)
    delivery = measure_delivery(doc, 15.0, 150)
    assert delivery.words == doc.word_count
    assert delivery.words_per_minute == round(doc.word_count * 4)
    assert delivery.pace == "fast"
    assert [(o.phrase, transcript[o.start : o.end]) for o in delivery.fillers] == [("um", "Um"), ("like", "like")]
    assert [transcript[o.start : o.end] for o in delivery.hedges] == ["I think"]
    assert len(delivery.long_sentences) == 1
    long = delivery.long_sentences[0]
    assert transcript[long.start : long.end].startswith("Buyers were") and long.words > 30


def test_pace_without_a_duration_is_unknown_and_slow_speech_is_slow():
    doc = parse("I called twelve sellers about late payouts and wrote down what each one lost.")
    assert measure_delivery(doc, None, 150).words_per_minute is None
    assert measure_delivery(doc, 60.0, 150).pace == "slow"
    typed = measure_delivery(doc, 60.0, 150, spoken=False)
    assert (typed.timing, typed.pace, typed.words_per_minute) == ("typed", None, doc.word_count)


@pytest.mark.parametrize("value, seconds", [("2:40", 160.0), ("0:45", 45.0), ("95", 95.0), ("12.5s", 12.5)])
def test_parse_duration(value, seconds):
    assert parse_duration(value) == seconds


@pytest.mark.parametrize("value", ["2:75", "two minutes", "0:00", "", "-1"])
def test_parse_duration_rejects(value):
    with pytest.raises(ValueError):
        parse_duration(value)
