"""The literal prefilter never changes an answer: it only skips text that cannot match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from starbar.parse import matcher
from starbar.parse.matcher import Matcher, compile_lower, compile_pattern, required_literals


@pytest.fixture(autouse=True, scope="module")
def prefilters_at_once():
    """Prefilters are in use from the first call here, not after a few reviews' worth."""
    saved, matcher._WARM_AFTER = matcher._WARM_AFTER, 0
    yield
    matcher._WARM_AFTER = saved


class CountingPattern:
    """Stands in for a compiled pattern and counts the searches that reach the engine."""

    def __init__(self, compiled: re.Pattern):
        self.compiled, self.searches = compiled, 0

    def search(self, text, *args):
        self.searches += 1
        return self.compiled.search(text, *args)


def span(m: re.Match | None) -> tuple[int, int] | None:
    return m.span() if m else None


def every_match_holds_a_literal(regex: str, texts: list[str]) -> None:
    literals = required_literals(regex)
    assert literals, regex
    for text in texts:
        for m in re.finditer(regex, text):
            assert any(lit in m.group() for lit in literals), (regex, m.group(), literals)


@pytest.mark.parametrize(
    "regex, expected",
    [
        # A spelled-out run beats its parts: the whole phrase must be there.
        (
            r"\bcustomers? (?:complained|called)\b",
            {"customer complained", "customer called", "customers complained", "customers called"},
        ),
        (r"\b(?:refund|chargeback)s?\b", {"refund", "chargeback"}),
        (r"\b(?:pay|paid) (?:out|back)\b", {"pay out", "pay back", "paid out", "paid back"}),
        (r"(?:late|missed) fees?", {"late fee", "missed fee"}),
        (r"\bI (?:\w+ ){0,2}interviewed\b", {"interviewed"}),
    ],
)
def test_literals_a_match_must_contain(regex, expected):
    assert set(required_literals(regex)) == expected


@pytest.mark.parametrize(
    "regex",
    [
        r"\d+%",  # classes only
        r"(?:refunds?)?",  # may match nothing
        r"\b(?:i|we)\b",  # letters too short to be worth a scan
        r"\b(?:refund|x)\b",  # one branch needs only a letter
        r"(?!refund)\w+",  # a lookahead that must fail holds no literal
        r"refund|\d+",  # a branch with no literal at all
    ],
)
def test_no_literals_when_a_match_need_not_hold_one(regex):
    assert required_literals(regex) is None


def test_the_engine_runs_only_on_text_holding_a_literal():
    pattern = compile_pattern(r"\b(?:overdraft|late) fees?\b")
    pattern.compiled = counting = CountingPattern(pattern.compiled)
    assert pattern.search("we cut overdraft fees by half").group() == "overdraft fees"
    assert pattern.search("nothing about money here") is None
    assert pattern.search("a fee, but not late") is None
    assert counting.searches == 1


def test_no_prefilter_until_the_patterns_have_run_often(monkeypatch):
    """A one-off review never pays for the analysis; until then every text goes to the engine."""
    monkeypatch.setattr(matcher, "_WARM_AFTER", 3)
    monkeypatch.setattr(matcher._LITERALS, "calls", 0)
    pattern = compile_pattern(r"\bescrow (?:hold|release)s?\b")
    pattern.compiled = counting = CountingPattern(pattern.compiled)
    for _ in range(3):
        assert pattern.search("an unrelated sentence") is None
    assert counting.searches == 3
    for _ in range(5):
        assert pattern.search("an unrelated sentence") is None
    assert counting.searches == 3
    assert pattern.search("the escrow release cleared").group() == "escrow release"


def test_a_pattern_without_literals_always_runs_the_engine():
    pattern = compile_pattern(r"\d+%")
    pattern.compiled = counting = CountingPattern(pattern.compiled)
    assert pattern.search("up 12%").group() == "12%"
    assert pattern.search("no numbers") is None
    assert counting.searches == 2


def test_case_insensitive_patterns_get_no_prefilter():
    assert isinstance(compile_pattern(r"\brefund\b", re.I), re.Pattern)
    assert isinstance(compile_pattern(r"(?i)\brefund\b"), re.Pattern)


def test_the_literals_hold_on_real_sentences():
    texts = [
        "Customers complained about refunds.",
        "We paid back 40 customers who called twice.",
        "Late fees fell; missed fees too.",
        "I personally interviewed twelve of them.",
    ]
    for regex in (r"\bcustomers? (?:complained|called)\b", r"\b(?:pay|paid) (?:out|back)\b", r"(?:late|missed) fees?"):
        every_match_holds_a_literal(regex.lower(), [t.lower() for t in texts])


def test_every_method_answers_as_the_engine_does():
    regex = r"\b(?:refund|chargeback)s?\b"
    fast, plain = compile_pattern(regex), re.compile(regex)
    assert isinstance(fast, Matcher) and fast.pattern == regex
    for text in ("two refunds and a chargeback", "nothing to see", ""):
        assert span(fast.search(text)) == span(plain.search(text))
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert fast.findall(text) == plain.findall(text)
        assert fast.sub("#", text) == plain.sub("#", text)
        assert fast.split(text) == plain.split(text)
        assert bool(fast.match(text)) == bool(plain.match(text))
        assert bool(fast.fullmatch(text)) == bool(plain.fullmatch(text))


def test_a_pattern_compiled_after_others_were_used_still_matches():
    """A new literal rebuilds the automaton; what an older one found for a text is not reused."""
    text = "the escrow ledger reconciled overnight"
    assert compile_pattern(r"\bescrow\b").search(text)
    late = compile_pattern(r"\bledger reconcil\w+")
    assert isinstance(late, Matcher)
    assert late.search(text).group() == "ledger reconciled"


def test_compile_lower_matches_lowered_text_as_ignorecase_matches_the_original():
    regex = r"\bI (?:Called|emailed) (?:the )?Customers?\b"
    text = "Then I called the customers, and I EMAILED Customer Support."
    lowered = compile_lower(regex)
    assert [m.span() for m in lowered.finditer(text.lower())] == [m.span() for m in re.finditer(regex, text, re.I)]


# Random patterns over a small alphabet, so that matches are common, checked against the engine.
_ATOMS = st.sampled_from(["ab", "ba", "abc", "cab", "a", "b", "c", " ", r"\b", r"\w", ".", "[ab]", "[ab ]", r"\s"])


def _patterns():
    def extend(inner):
        return st.one_of(
            st.lists(inner, min_size=1, max_size=4).map("".join),
            st.lists(inner, min_size=2, max_size=3).map(lambda xs: "(?:" + "|".join(xs) + ")"),
            inner.map(lambda x: f"(?:{x})?"),
            inner.map(lambda x: f"(?:{x})+"),
            inner.map(lambda x: f"(?:{x}){{1,2}}"),
            inner.map(lambda x: f"(?={x})"),
            inner.map(lambda x: f"(?!{x})"),
            inner.map(lambda x: f"(?<!{x[:1] or 'a'})"),
        )

    return st.recursive(_ATOMS, extend, max_leaves=8)


@settings(max_examples=400, deadline=None)
@given(regex=_patterns(), text=st.text(alphabet="abc .", max_size=30))
def test_the_prefilter_never_changes_a_search(regex, text):
    try:
        plain = re.compile(regex)
    except re.error:
        return
    fast = compile_pattern(regex)
    got, expected = fast.search(text), plain.search(text)
    assert span(got) == span(expected)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_threads_compiling_and_searching_at_once_get_the_engines_answers():
    """A server reviews in several threads; patterns made and analysed meanwhile never miss."""
    from concurrent.futures import ThreadPoolExecutor

    words = ["escrow", "ledger", "payout", "refund", "mandate", "overdraft", "remittance", "chargeback"]
    texts = [f"the {a} and the {b} were reconciled" for a in words for b in words]

    def run(i: int) -> list[bool]:
        regex = rf"\b{words[i % len(words)]} and the {words[(i * 3) % len(words)]}\b"
        pattern, plain = compile_pattern(regex), re.compile(regex)
        return [bool(pattern.search(t)) == bool(plain.search(t)) for t in texts]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, range(64)))
    assert all(all(r) for r in results)


def test_an_upper_case_pattern_for_folded_text_is_refused_not_silently_dead():
    import pytest

    from starbar.parse.matcher import compile_lower, compile_pattern

    with pytest.raises(ValueError, match="upper case"):
        compile_pattern(r"\bPCI\b")
    assert compile_lower(r"\bPCI\b").search("we met pci dss")
    assert compile_pattern(r"\bI\b", cased=True).search("so I went")
