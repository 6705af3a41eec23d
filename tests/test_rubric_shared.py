"""What every principle needs alike lives once, in rubric/data/shared/: a fix there reaches every
rubric, and a rubric may add to a shared word class but not keep a second copy of it."""

from __future__ import annotations

import pytest

import starbar
from starbar.errors import RubricError
from starbar.rubric import available, load_rubric
from test_rubric_loader import _edit
from test_rubric_loader import rubric_copy as copy

# A workplace named once, with its money in that sentence only: the story is a financial product's
# only because of where the candidate works.
WORKPLACE_STORY = (
    "I joined Brightwell, a pension startup, as the product manager for its mobile app. Members kept calling "
    "because the yearly statement confused them. I listened to 300 of those calls and found they could not tell "
    "the charges from the growth. I redesigned the statement with two designers and tested it with twenty members. "
    "Calls about the statement fell by a third within six months."
)
PRINCIPLES = [None, "ownership", "dive-deep", "have-backbone", "earn-trust", "deliver-results", "invent-and-simplify"]


@pytest.mark.parametrize("lp", PRINCIPLES)
def test_every_principle_tells_a_fintech_workplace_the_same_way(lp):
    assert starbar.review(WORKPLACE_STORY, lp=lp).context == "fintech"


def test_the_same_workplace_at_a_bakery_is_not_fintech():
    story = WORKPLACE_STORY.replace("a pension startup", "a bakery chain").replace("charges", "recipes")
    assert {starbar.review(story, lp=lp).context for lp in PRINCIPLES} == {"other"}


def test_every_rubric_takes_the_shared_fragments_and_signals():
    rubrics = [load_rubric(name) for name in available()]
    assert len({r.vocab["finance"] for r in rubrics}) == 1
    for rubric in rubrics:
        assert {"context.money", "context.institution"} <= {s.id for s in rubric.signals}


def test_a_rubric_may_not_keep_its_own_copy_of_a_shared_fragment(copy):
    _edit(copy / "rubric.yaml", lambda d: d.setdefault("vocab", {}).update(finance="money|cash"))
    with pytest.raises(RubricError, match=r"rubric\.yaml: vocab\.finance: already defined in .*shared\.yaml"):
        load_rubric(str(copy))


def test_a_word_class_of_a_shared_name_adds_the_principles_own_terms(copy):
    shared = load_rubric().classes["decide"]
    (copy / "vocab" / "decide.txt").write_text("# this principle's own\nadjudicated\n")
    terms = load_rubric(str(copy)).classes["decide"]
    assert "adjudicated" in terms and set(shared) <= set(terms)


def test_a_word_class_repeating_a_shared_term_is_refused(copy):
    term = load_rubric().classes["decide"][0]
    (copy / "vocab" / "decide.txt").write_text(f"adjudicated\n{term}\n")
    with pytest.raises(RubricError, match=rf"vocab/decide\.txt: '{term}' is already in the shared class"):
        load_rubric(str(copy))


def test_an_unknown_shared_signal_is_refused(copy):
    _edit(copy / "rubric.yaml", lambda d: d["shared_signals"].append("context.weather"))
    with pytest.raises(RubricError, match=r"rubric\.yaml: shared_signals: no shared signal 'context\.weather'"):
        load_rubric(str(copy))
