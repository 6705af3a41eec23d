"""Named parties read from the writer's capitals (detect.names), and the detectors that use them."""

from __future__ import annotations

import pytest

from detecting import fired
from starbar.detect.names import names, story_names
from starbar.detect.substance import concrete


def _named(text: str, known: frozenset[str] = frozenset()) -> list[str]:
    return [text[a:b] for a, b in names(text, known)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I took it to Priya Shah, our CRO, and she disagreed.", ["Priya Shah"]),
        ("Task: cut churn at Calder Bank by March.", ["Calder Bank"]),
        ("I was the PM at **Tallybook**, an invoicing app.", ["Tallybook"]),
        ("- Profiled the failures with McKenzie's team", ["McKenzie's"]),
        # a sentence's first word, a label's note, weekdays, months, acronyms and roles are not names
        ("Then on Monday in March I called the CFO.", []),
        ("Result: Complaints fell by a third.", []),
        ("The PCI and KYC checks passed.", []),
        ('He said "Stop that" and left.', []),
    ],
)
def test_names_are_capitalised_words_inside_a_sentence(text, expected):
    assert _named(text) == expected


def test_offsets_index_the_exact_input():
    text = "Last week I sat down with Dana from Risk."
    assert [(text[a:b], a) for a, b in names(text)] == [("Dana", 26), ("Risk", 36)]


def test_a_name_the_story_has_used_is_a_name_at_a_sentence_start_too():
    sentences = ("I took the plan to Priya in lending.", "Priya worried it would raise losses.")
    known = story_names(sentences)
    assert _named(sentences[1]) == []
    assert _named(sentences[1], known) == ["Priya"]


def test_a_sentence_that_names_a_person_is_concrete():
    assert concrete("I owned the rollout with **Dana** end to end.") == "a named party"
    assert concrete("We stayed compliant with Consumer Duty end to end.") is None


def test_a_person_named_by_name_who_resists_is_friction():
    text = (
        "I was the PM for instant payouts at a lending startup. I took the plan to Priya, who runs "
        "credit. Priya pushed back hard: she feared losses on first payouts."
    )
    assert "friction.party" in fired(text)
    # a named customer's worry is not internal resistance
    customer = "I was the PM for instant payouts at a lending startup. Maria, a customer, worried she would pay twice."
    assert "friction.party" not in fired(customer)
