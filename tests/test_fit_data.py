"""The sixteen principles load and are checked on load; every signal's examples fire (down to
the span where one is marked) or stay quiet as written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from starbar.detect.patterns import match_signal
from starbar.errors import RubricError
from starbar.fit import DEEP, load_principles
from starbar.fit.loader import data_folder
from starbar.parse import parse

CATALOGUE = load_principles()
# The ids of lp-identification.md's table, in its order.
SPEC_IDS = [
    "customer-obsession",
    "ownership",
    "invent-and-simplify",
    "are-right-a-lot",
    "learn-and-be-curious",
    "hire-and-develop-the-best",
    "insist-on-the-highest-standards",
    "think-big",
    "bias-for-action",
    "frugality",
    "earn-trust",
    "dive-deep",
    "have-backbone",
    "deliver-results",
    "earths-best-employer",
    "success-and-scale",
]


def _cases():
    for p in CATALOGUE.principles:
        specs = [*p.spec.signals, *p.spec.mistaken]
        for signal, spec in zip([*p.signals, *p.mistaken], specs):
            for fires, samples in ((True, spec.examples.fire), (False, spec.examples.quiet)):
                for sample in samples:
                    yield signal, sample, fires


CASES = list(_cases())


def _unmark(sample: str) -> tuple[str, str | None]:
    if "[[" not in sample:
        return sample, None
    before, rest = sample.split("[[", 1)
    span, after = rest.split("]]", 1)
    return before + span + after, span


def test_the_sixteen_principles_in_the_spec_order_with_their_tiers():
    assert [p.spec.id for p in CATALOGUE.principles] == SPEC_IDS
    tiers = {p.spec.id: p.spec.tier for p in CATALOGUE.principles}
    assert all(tiers[lp] == 1 for lp in DEEP)
    assert tiers["earths-best-employer"] == tiers["success-and-scale"] == 4


def test_every_signal_has_examples_both_ways():
    for p in CATALOGUE.principles:
        for spec in [*p.spec.signals, *p.spec.mistaken]:
            assert spec.examples.fire, f"{spec.id} has no example that fires"
            assert spec.examples.quiet, f"{spec.id} has no example that stays quiet"


@pytest.mark.parametrize(
    ("signal", "sample", "fires"),
    CASES,
    ids=[f"{c[0].id}-{'fire' if c[2] else 'quiet'}-{i}" for i, c in enumerate(CASES)],
)
def test_signal_example(signal, sample, fires):
    text, expected = _unmark(sample)
    found = match_signal(signal, parse(text)).evidence
    if not fires:
        assert not found, f"{signal.id} fired on {text!r}: {[text[e.start : e.end] for e in found]}"
        return
    assert found, f"{signal.id} did not fire on {text!r}"
    if expected is not None:
        assert text[found[0].start : found[0].end] == expected


@pytest.fixture
def copy(tmp_path) -> Path:
    folder = tmp_path / "fit"
    shutil.copytree(data_folder(), folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_an_unknown_key_names_the_file_and_key(copy):
    _edit(copy / "principles.yaml", "    tier: 1\n", "    tier: 1\n    teir: 2\n")
    with pytest.raises(RubricError, match=r"principles\.yaml: principles\.0\.teir: unknown key"):
        load_principles(copy)


def test_a_unit_naming_a_missing_word_class_is_refused(copy):
    _edit(copy / "principles.yaml", '"{actor} ~3 {converse}', '"{actr} ~3 {converse}')
    with pytest.raises(
        RubricError,
        match=r"customer-obsession\.signals\.customer-obsession\.contact\.units: unknown word class \{actr\}",
    ):
        load_principles(copy)


def test_a_word_class_no_unit_uses_is_refused(copy):
    (copy / "vocab" / "spare.txt").write_text("spare\n")
    with pytest.raises(RubricError, match=r"vocab/spare\.txt: no unit uses this word class"):
        load_principles(copy)


def test_a_bad_regex_is_named(copy):
    _edit(copy / "principles.yaml", '"\\\\b(?:on their radar', '"\\\\b((?:on their radar')
    with pytest.raises(RubricError, match=r"ownership\.mistaken\.ownership\.radar\.patterns: bad regex"):
        load_principles(copy)


def test_a_signal_id_must_belong_to_its_principle(copy):
    _edit(copy / "principles.yaml", "- id: ownership.radar", "- id: earn-trust.radar")
    with pytest.raises(RubricError, match=r"must start with 'ownership\.'"):
        load_principles(copy)


def test_a_principle_with_a_rubric_cannot_be_left_out(copy):
    path = copy / "principles.yaml"
    text = path.read_text()
    start = text.index("  - id: dive-deep\n")
    end = text.index("  - id: have-backbone\n")
    path.write_text(text[:start] + text[end:])
    with pytest.raises(RubricError, match="'dive-deep', which has a rubric, is missing"):
        load_principles(copy)
