"""The sixteen principles load and are checked on load; every signal's examples fire (down to
the span where one is marked) or stay quiet as written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from starbar.detect.patterns import match_signal
from starbar.errors import RubricError
from starbar.parse import parse
from starbar.principles import DEEP, load_principles
from starbar.principles.loader import data_folder
from test_signal_examples import _unmark

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


def test_the_sixteen_principles_in_the_spec_order_with_their_tiers():
    assert [p.spec.id for p in CATALOGUE.principles] == SPEC_IDS
    tiers = {p.spec.id: p.spec.tier for p in CATALOGUE.principles}
    assert all(tiers[lp] == 1 for lp in DEEP)
    assert tiers["earths-best-employer"] == tiers["success-and-scale"] == 4


def test_every_signal_has_examples_both_ways():
    ids = {s.id for p in CATALOGUE.principles for s in [*p.signals, *p.mistaken]}
    missing = {(i, way) for i in ids for way in (True, False)} - {(c[0].id, c[2]) for c in CASES}
    assert not missing, f"signals without an example that fires (True) or stays quiet (False): {sorted(missing)}"


@pytest.mark.parametrize(
    ("signal", "sample", "fires"),
    CASES,
    ids=[f"{c[0].id}-{'fire' if c[2] else 'quiet'}-{i}" for i, c in enumerate(CASES)],
)
def test_signal_example(signal, sample, fires):
    text, expected = _unmark(sample)
    spans = [text[e.start : e.end] for e in match_signal(signal, parse(text)).evidence]
    assert bool(spans) == fires, f"{signal.id} {'stayed quiet' if fires else 'fired'} on {text!r}: {spans}"
    if fires and expected is not None:
        assert spans[0] == expected


@pytest.fixture
def copy(tmp_path) -> Path:
    folder = tmp_path / "fit"
    shutil.copytree(data_folder(), folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


# (old text, new text, what the error must say): each malformed file is refused by name.
MALFORMED = [
    ("    tier: 1\n", "    tier: 1\n    teir: 2\n", r"principles\.yaml: principles\.0\.teir: unknown key"),
    (
        '"{actor} ~3 {converse}',
        '"{actr} ~3 {converse}',
        r"customer-obsession\.signals\.customer-obsession\.contact\.units: unknown word class \{actr\}",
    ),
    (
        '"\\\\b(?:on their radar',
        '"\\\\b((?:on their radar',
        r"ownership\.mistaken\.ownership\.radar\.patterns: bad regex",
    ),
    ("- id: ownership.radar", "- id: earn-trust.radar", r"must start with 'ownership\.'"),
]


@pytest.mark.parametrize(("old", "new", "error"), MALFORMED)
def test_a_malformed_file_is_refused_naming_the_key(copy, old, new, error):
    _edit(copy / "principles.yaml", old, new)
    with pytest.raises(RubricError, match=error):
        load_principles(copy)


def test_a_word_class_no_unit_uses_is_refused(copy):
    (copy / "vocab" / "spare.txt").write_text("spare\n")
    with pytest.raises(RubricError, match=r"vocab/spare\.txt: no unit uses this word class"):
        load_principles(copy)


def test_a_principle_with_a_rubric_cannot_be_left_out(copy):
    path = copy / "principles.yaml"
    text = path.read_text()
    start = text.index("  - id: dive-deep\n")
    end = text.index("  - id: have-backbone\n")
    path.write_text(text[:start] + text[end:])
    with pytest.raises(RubricError, match="'dive-deep', which has a rubric, is missing"):
        load_principles(copy)
