"""Quantities in the forms people write them."""

from __future__ import annotations

import pytest

from starbar.parse.quantities import changes, quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Resolution time fell from 41 to 19 days.", ["41", "19"]),
        ("roughly a third of users, two in five of them", ["a third", "two in five"]),
        ("₹1.2 crore saved and Rs 3 lakh refunded", ["₹1.2 crore", "Rs 3 lakh"]),
        ("Complaints were cut in half.", ["cut in half"]),
        ("Completion went 38% -> 61%.", ["38%", "61%"]),
        ("We lost $40k a month, about 12 basis points.", ["$40k", "12 basis points"]),
        ("twenty merchants and a dozen banks", ["twenty", "a dozen"]),
    ],
)
def test_quantities_in_every_form(text, expected):
    assert [q.text for q in quantities(text)] == expected


@pytest.mark.parametrize("text", ["The team decided to ship it.", "Customers were happier.", "It took ages."])
def test_words_without_a_quantity_hold_none(text):
    assert quantities(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Resolution time fell from 41 to 19 days.",
        "from 41 days to 19 days",
        "Completion went 38% -> 61%.",
        "Refunds paid in a day went from around 55% to 88%.",
    ],
)
def test_a_change_with_both_ends_is_one_change(text):
    assert changes(text)


def test_offsets_quote_the_text():
    text = "Drop-off fell from 30% to 12% within a quarter."
    assert all(text[q.start : q.end] == q.text for q in quantities(text))
