"""Meaning units: word classes matched by base form, slots with gaps inside one clause."""

from __future__ import annotations

import pytest

from starbar.detect.units import Lexicon, Reading, UnitError, parse_unit, search
from starbar.parse.tokens import base_forms, tokenize

CLASSES = {
    "converse": ("speak with", "talk to", "sit with", "interview", "call"),
    "people": ("admin", "customer", "merchant", "small business owner"),
    "party": ("risk", "legal", "compliance team"),
    "objection": ("object", "refuse", "worry", "be against", "didn't want"),
}
LEXICON = Lexicon(CLASSES)


def found(unit: str, text: str) -> str | None:
    span = search(parse_unit(unit, CLASSES), Reading(text, LEXICON))
    return text[span[0] : span[1]] if span else None


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("spoke", "speak"),
        ("interviewed", "interview"),
        ("talking", "talk"),
        ("sat", "sit"),
        ("hoping", "hope"),
        ("stopped", "stop"),
        ("tried", "try"),
        ("companies", "company"),
        ("underwriters", "underwriter"),
        ("was", "be"),
        ("used", "use"),
        ("owed", "owe"),
    ],
)
def test_a_word_stands_for_its_base_form(word, base):
    assert base in base_forms(word)


def test_a_word_without_such_an_ending_invents_no_base_form():
    assert base_forms("rapid") == {"rapid"}


@pytest.mark.parametrize(
    "text",
    [
        "I spoke with 12 IT admins.",
        "Interviewed twelve admins over two weeks.",
        "So I talked to about twenty merchants in Lagos.",
        "I sat with five small business owners at their desks.",
    ],
)
def test_research_told_in_any_of_its_wordings_is_one_unit(text):
    assert found("{converse} ~4 #number ~3 {people}", text)


@pytest.mark.parametrize(
    "text",
    [
        "I spoke with the admins.",  # no count
        "We looked at data; then 12 admins called us.",  # the gap would cross a clause
        "Twelve admins spoke with us.",  # the order is the unit's
    ],
)
def test_a_unit_needs_every_slot_in_order_inside_one_clause(text):
    assert found("{converse} ~4 #number ~3 {people}", text) is None


def test_the_match_is_the_span_from_the_first_to_the_last_slot():
    assert found("{party} ~4 {objection}", "Back then Legal was against the change.") == "Legal was against"
    assert found("{party} ~4 {objection}", "The compliance team didn't want it.") == "compliance team didn't want"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Our risk team (Olu Bakare) refused the new limit.", "risk team (Olu Bakare) refused"),
        ("Legal (Inés) objects to the wording.", "Legal (Inés) objects"),
    ],
)
def test_a_name_in_brackets_stays_inside_its_clause(text, span):
    assert found("{party} ~5 {objection}", text) == span


@pytest.mark.parametrize(
    "text",
    [
        "We asked risk (as we always do) and merchants refused.",  # an aside in lower case ends the clause
        "It sat with risk (see the appendix) and nobody refused.",
    ],
)
def test_any_other_bracket_still_ends_the_clause(text):
    assert found("{party} ~5 {objection}", text) is None


def test_optional_slots_and_alternatives():
    unit = "{party} ~3 say|said|argued ~8 loss|risk?"
    assert found(unit, "Risk said it was a loss.") == "Risk said it was a loss"
    assert found(unit, "Risk argued hard.") == "Risk argued"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Then Priya in Risk said the cap was a loss.", "Priya in Risk said"),
        ("After a week, Calder Bank said no.", "Calder Bank said"),
        ("In March, Bank Indonesia argued for a lower limit.", "Bank Indonesia argued"),
    ],
)
def test_a_named_party_slot_reads_the_writers_capitals(text, span):
    assert found("#name ~3 say|said|argued", text) == span


@pytest.mark.parametrize(
    "text",
    ["The bank said no.", "Then risk said the cap was a loss.", "On Monday, the CFO said no.", "Priya said no."],
)
def test_a_named_party_slot_needs_a_name_inside_the_sentence(text):
    """A lower-case party, a weekday or an acronym is no name, and neither is a capital that
    opens the sentence (a sentence cannot tell a name there from its first word)."""
    assert found("#name ~3 say|said|argued", text) is None


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{nobody} ~2 {people}", "unknown word class"),
        ("{people} ~2", "ends with a gap"),
        ("{people}? ~1 risk?", "no required slot"),
        ("{people} ~x risk", "cannot read"),
    ],
)
def test_a_bad_unit_is_refused_with_a_reason(line, message):
    with pytest.raises(UnitError, match=message):
        parse_unit(line, CLASSES)


def test_tokens_keep_offsets_into_the_text():
    text = "Time fell from 41 to 19 days; $1.2M saved."
    assert all(text[t.start : t.end] == t.text for t in tokenize(text))
    assert "$1.2M" in [t.text for t in tokenize(text)]


def test_markdown_emphasis_reads_as_spaces_with_offsets_kept():
    from starbar.detect.casefold import fold

    text = "**Drop-off** fell to __12%__ after `v2`."
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "  drop-off   fell to   12%   after  v2 ."
    assert fold("snake_case and a*b stay") == "snake_case and a*b stay"
