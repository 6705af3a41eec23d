"""The story matrix (bank/matrix.py) on hand-built stories: every gap id of lp-identification.md,
where it holds and where it does not, the cells and the stretched claims."""

from __future__ import annotations

from dataclasses import replace

import pytest

from starbar.bank.claims import Claim
from starbar.bank.matrix import GAP_IDS, Judged, StoryInput, build, kept_claims, rubrics_needed
from starbar.bank.principle_table import principle_table

TABLE = principle_table()
RUBRIC = {p.id for p in TABLE if p.has_rubric}

# Nine stories with no gap at L6 for a fintech role: every tier-1 principle a primary and a
# second story, every tier-2 principle two stories, every tier-3 one, and the tier-4 ones too.
FULL = [
    ("customer-obsession", "ownership", "are-right-a-lot"),
    ("ownership", "invent-and-simplify", "think-big"),
    ("invent-and-simplify", "earn-trust", "insist-on-the-highest-standards"),
    ("earn-trust", "dive-deep", "insist-on-the-highest-standards"),
    ("dive-deep", "have-backbone", "bias-for-action"),
    ("have-backbone", "deliver-results", "bias-for-action"),
    ("deliver-results", "customer-obsession", "learn-and-be-curious"),
    ("are-right-a-lot", "frugality", "hire-and-develop-the-best"),
    ("think-big", "earths-best-employer", "success-and-scale"),
]
FAILURE_STORY = 4  # its Earn Trust review: self-criticism 3, no blame
DISAGREEMENT_STORY = 6  # its Have Backbone review: overruled, commitment 3


def judged(verdict: str = "hire", context: str = "fintech", flags: tuple[str, ...] = (), **levels: int) -> Judged:
    return Judged(verdict, {"scope": 3, "fintech_judgment": 3, **levels}, frozenset(flags), context)


def story(
    story_id: int,
    primary: str | None,
    *secondaries: str,
    lp: str = "customer-obsession",
    text: str | None = None,
    signals: dict[str, int] | None = None,
    **reviews: Judged,
) -> StoryInput:
    """A story claimed for `primary` and `secondaries`, every review it needs `judged()` unless given
    (keyword: the principle id with `_` for `-`)."""
    signals = signals or {}
    claims = tuple(
        Claim(p, "primary" if n == 0 and primary else "secondary", signals.get(p, 3 if n == 0 else 2))
        for n, p in enumerate([primary, *secondaries] if primary else secondaries)
    )
    kept, _ = kept_claims(claims, TABLE)
    given = {k.replace("_", "-"): v for k, v in reviews.items()}
    needed = {p: given.get(p, judged()) for p in rubrics_needed(lp, kept, TABLE)}
    return StoryInput(story_id, f"Story {story_id}", lp, text or f"The text of story {story_id}.", claims, needed)


def full_bank(**changes: StoryInput) -> list[StoryInput]:
    """FULL as stories; `s4=story(...)` replaces story 4."""
    stories = []
    for n, claims in enumerate(FULL, 1):
        reviews = {}
        if n == FAILURE_STORY:
            reviews["earn_trust"] = judged(self_criticism=3)
        if n == DISAGREEMENT_STORY:
            reviews["have_backbone"] = judged(flags=("overruled",), commitment=3)
        stories.append(changes.get(f"s{n}", story(n, *claims, **reviews)))
    return stories


def gaps(stories, level: str = "L6", **options) -> dict[str, object]:
    m = build(stories, TABLE, level, **options)
    return {g.id: (g.principles or g.stories) for g in m.gaps}


def test_the_full_bank_has_no_gap_at_any_level_short_of_tier_four():
    assert gaps(full_bank()) == {}
    assert gaps(full_bank(), "L5") == {}
    assert gaps(full_bank(), manages_people=True) == {}  # its tier-4 principles each have a story


def test_cells_hold_the_role_and_the_verdict_under_the_principles_rubric():
    s5 = story(5, "dive-deep", "have-backbone", "bias-for-action", dive_deep=judged("strong_hire"))
    m = build([s5], TABLE, "L6")
    [row] = m.rows
    assert list(row.cells) == ["bias-for-action", "dive-deep", "have-backbone"]  # the table's order
    assert (row.cells["dive-deep"].role, row.cells["dive-deep"].verdict) == ("primary", "strong_hire")
    assert (row.cells["have-backbone"].role, row.cells["have-backbone"].verdict) == ("secondary", "hire")
    assert row.cells["bias-for-action"].verdict is None  # no rubric judges it
    assert (row.scope, row.fintech_judgment, row.context) == (3, 3, "fintech")
    assert m.to_dict()["rows"][0]["cells"]["dive-deep"] == {"role": "primary", "verdict": "strong_hire"}
    assert [g for g in m.to_dict()["gaps"] if g["id"] not in GAP_IDS] == []


def test_the_reviews_a_story_needs():
    kept = (Claim("dive-deep", "primary", 4), Claim("frugality", "secondary", 2))
    assert rubrics_needed("ownership", kept, TABLE) == ("ownership", "earn-trust", "dive-deep", "have-backbone")


def test_thin_bank_counts_distinct_stories():
    assert "thin_bank" not in gaps(full_bank()[:8])
    assert gaps(full_bank()[:7])["thin_bank"] == (1, 2, 3, 4, 5, 6, 7)
    told_twice = full_bank(s8=story(8, "are-right-a-lot", "frugality", text="The text of story 3."))[:8]
    m = build(told_twice, TABLE, "L6")
    assert m.gap("thin_bank") is not None and m.distinct == 7 and m.rows[7].repeat_of == 3


def test_no_primary_for_a_tier_one_principle():
    moved = full_bank(s5=story(5, "think-big", "have-backbone", "bias-for-action"))
    assert gaps(moved)["no_primary"] == ("dive-deep",)
    # a tier-2 principle without a primary is no gap
    assert "no_primary" not in gaps(full_bank(s9=story(9, None, "think-big", "earths-best-employer")))


def test_single_story_for_tier_one_and_two():
    one_action = full_bank(s6=story(6, "have-backbone", "deliver-results", "frugality"))
    assert gaps(one_action)["single_story"] == ("bias-for-action",)
    # a tier-3 principle with one story is covered
    assert "single_story" not in gaps(
        full_bank(s7=story(7, "deliver-results", "customer-obsession", "bias-for-action"))
    )


def test_no_story_for_tier_three_always_and_tier_four_when_asked():
    no_curious = full_bank(s7=story(7, "deliver-results", "customer-obsession", "think-big"))
    assert gaps(no_curious)["no_story"] == ("learn-and-be-curious",)
    no_employer = full_bank(s9=story(9, "think-big", "success-and-scale", "insist-on-the-highest-standards"))
    assert "no_story" not in gaps(no_employer)  # L6, no reports: tier 4 is rarely asked
    assert gaps(no_employer, "L7")["no_story"] == ("earths-best-employer",)
    assert gaps(no_employer, manages_people=True)["no_story"] == ("earths-best-employer",)


def test_below_bar_when_no_story_of_a_tier_one_principle_reaches_hire():
    bank = full_bank()
    bank[3] = replace(bank[3], reviews={**bank[3].reviews, "dive-deep": judged("no_hire")})
    assert "below_bar" not in gaps(bank)  # story 5, its primary, still reaches hire
    bank[4] = replace(bank[4], reviews={**bank[4].reviews, "dive-deep": judged("lean_no_hire")})
    assert gaps(bank)["below_bar"] == ("dive-deep",)


def test_scope_below_level_for_a_tier_one_primary_or_most_stories():
    bank = full_bank()
    small = judged(scope=2)
    bank[7] = replace(bank[7], reviews={**bank[7].reviews, "customer-obsession": small})  # tier-2 primary
    assert "scope_below_level" not in gaps(bank)
    bank[0] = replace(bank[0], reviews={**bank[0].reviews, "customer-obsession": small})  # tier-1 primary
    assert gaps(bank)["scope_below_level"] == (1,)
    assert "scope_below_level" not in gaps(bank, "L5")  # L5 asks for scope 2
    assert gaps(full_bank(), "L7")["scope_below_level"] == tuple(range(1, 10))  # every story at 3, L7 wants 4


def test_scope_comes_from_the_storys_own_rubric_else_the_first_that_scores_it():
    no_scope = Judged("hire", {"fintech_judgment": 2}, frozenset(), "fintech")  # as Customer Obsession's
    s = story(1, "dive-deep", customer_obsession=no_scope, earn_trust=judged(scope=1), dive_deep=judged(scope=4))
    [row] = build([s], TABLE, "L6").rows
    assert (row.scope, row.fintech_judgment) == (1, 2)  # Earn Trust precedes Dive Deep in the table


def _set_context(bank: list[StoryInput], ids: set[int], context: str) -> list[StoryInput]:
    return [
        replace(s, reviews={k: replace(v, context=context) for k, v in s.reviews.items()}) if s.id in ids else s
        for s in bank
    ]


def test_off_domain_for_a_fintech_role():
    four_tier_one = _set_context(full_bank(), {1, 2, 3, 8}, "other")  # 4 of 7 tier-1 primaries stay
    assert "off_domain" not in gaps(four_tier_one)
    three_tier_one = _set_context(full_bank(), {1, 2, 3, 4}, "other")
    assert gaps(three_tier_one)["off_domain"] == (1, 2, 3, 4)
    most_stories = _set_context(full_bank(), {1, 2, 3, 8, 9}, "other")  # 4 of 9 in fintech
    assert gaps(most_stories)["off_domain"] == (1, 2, 3, 8, 9)
    assert "off_domain" not in gaps(most_stories, fintech=False)


@pytest.mark.parametrize(
    "earn_trust",
    [
        judged(self_criticism=2),
        judged(self_criticism=4, flags=("blame_shifting",)),
        judged(self_criticism=3, flags=("humblebrag_mistake",)),
    ],
)
def test_no_failure_story(earn_trust):
    bank = full_bank(s4=story(4, *FULL[3], earn_trust=earn_trust))
    assert gaps(bank)["no_failure_story"] == ("earn-trust",)


@pytest.mark.parametrize("have_backbone", [judged(commitment=4), judged(flags=("overruled",), commitment=2)])
def test_no_lost_disagreement(have_backbone):
    bank = full_bank(s6=story(6, *FULL[5], have_backbone=have_backbone))
    assert gaps(bank)["no_lost_disagreement"] == ("have-backbone",)


def test_a_stretched_storys_extra_claims_are_dropped_before_the_other_gaps():
    stretched = story(
        8,
        "are-right-a-lot",
        "hire-and-develop-the-best",
        "frugality",
        "think-big",
        signals={"hire-and-develop-the-best": 3, "frugality": 1, "think-big": 3},
    )
    bank = full_bank(s8=stretched)
    m = build(bank, TABLE, "L6")
    row = m.rows[7]
    assert [c.principle for c in row.dropped] == ["frugality"]  # the fewest signals
    assert list(row.cells) == ["are-right-a-lot", "hire-and-develop-the-best", "think-big"]
    found = gaps(bank)
    assert found["stretched_story"] == (8,)
    assert found["no_story"] == ("frugality",)  # its only claim was dropped


def test_stretched_ties_go_by_the_table_order():
    kept, dropped = kept_claims(
        (
            Claim("earn-trust", "secondary", 2),
            Claim("think-big", "secondary", 2),
            Claim("ownership", "secondary", 2),
            Claim("dive-deep", "primary", 4),
        ),
        TABLE,
    )
    assert [c.principle for c in kept] == ["dive-deep", "ownership", "think-big"]
    assert [c.principle for c in dropped] == ["earn-trust"]


def test_an_empty_bank_names_every_gap_it_can():
    found = gaps([])
    assert set(found) == set(GAP_IDS) - {"stretched_story", "scope_below_level"}
    assert found["no_primary"] == tuple(p.id for p in TABLE if p.tier == 1)


def test_scope_below_level_for_more_than_half_of_the_stories_without_a_tier_one_primary():
    small = {"customer_obsession": judged(scope=2)}
    one_of_three = [story(1, "think-big", **small), story(2, None, "frugality"), story(3, "bias-for-action")]
    assert "scope_below_level" not in gaps(one_of_three)
    two_of_three = [*one_of_three[:2], story(3, "bias-for-action", **small)]
    assert gaps(two_of_three)["scope_below_level"] == (1, 3)
    two_of_four = [*two_of_three, story(4, None, "think-big")]
    assert "scope_below_level" not in gaps(two_of_four)  # half is not more than half


# --- the checklist's loop coverage, built on the gaps -------------------------------------


def test_coverage_names_every_principle_and_marks_what_the_gaps_name():
    from starbar.bank import coverage

    assert [status for _, status, _ in coverage.principle_lines(build(full_bank(), TABLE, "L6"))] == ["met"] * 16
    moved = build(full_bank(s5=story(5, "think-big", "have-backbone", "bias-for-action")), TABLE, "L6")
    lines = {text.split(" (tier")[0]: (status, detail) for text, status, detail in coverage.principle_lines(moved)}
    assert len(lines) == 16 and lines["Dive Deep"][0] == "not_met"
    assert lines["Dive Deep"][1] == (
        "secondary #4 'Story 4' (hire). Missing: no story is about Dive Deep; fewer than two stories for Dive Deep"
    )
    assert [p for p, (status, _) in lines.items() if status == "not_met"] == ["Dive Deep"]
    assert coverage.steps(moved) == [
        "No primary: no story is about Dive Deep. `starbar bank matrix` shows where.",
        "Single story: fewer than two stories for Dive Deep. `starbar bank matrix` shows where.",
    ]


def test_coverage_of_tier_four_and_the_bank_wide_rules():
    from starbar.bank import coverage

    no_employer = full_bank(s9=story(9, "think-big", "success-and-scale", "insist-on-the-highest-standards"))
    at_l6 = dict(
        (t.split(" (tier")[0], (s, d)) for t, s, d in coverage.principle_lines(build(no_employer, TABLE, "L6"))
    )
    assert at_l6["Strive to be Earth's Best Employer"] == ("met", "rarely asked at L6 of a role without reports")
    at_l7 = dict((t.split(" (tier")[0], s) for t, s, _ in coverage.principle_lines(build(no_employer, TABLE, "L7")))
    assert at_l7["Strive to be Earth's Best Employer"] == "not_met"

    rules = coverage.bank_lines(build(full_bank(), TABLE, "L6"))
    assert [s for _, s, _ in rules] == ["met"] * 6
    thin = coverage.bank_lines(build(full_bank()[:5], TABLE, "L6", fintech=False))
    assert len(thin) == 5 and thin[0][:2] == ("At least 8 distinct stories (aim for 12)", "not_met")
