"""The review's JSON contract, offsets, determinism and the verdict's floor for stuffed stories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import starbar

DATA = Path(__file__).parent / "data"
STORIES = sorted(p for p in DATA.iterdir() if p.suffix in {".txt", ".md"})
CONTRACT_KEYS = [
    "schema_version",
    "rubric",
    "level",
    "verdict",
    "archetype",
    "dimensions",
    "flags",
    "parts",
    "followups",
    "next_steps",
    "stats",
]


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.name)
def test_contract_shape_and_offsets(path, rubric):
    text = path.read_text()
    out = starbar.review(text).to_dict()
    assert list(out) == CONTRACT_KEYS
    assert out["schema_version"] == 1 and out["rubric"] == rubric.id and out["level"] == "L6"
    assert list(out["dimensions"]) == [d.id for d in rubric.dimensions]
    assert out["verdict"] in {"strong_hire", "hire", "no_hire", "strong_no_hire"}
    for dim in out["dimensions"].values():
        assert set(dim) == {"level", "evidence", "why"} and 0 <= dim["level"] <= 4 and dim["why"]
        for ev in dim["evidence"]:
            assert set(ev) == {"start", "end", "signal", "quote"}
            assert text[ev["start"] : ev["end"]] == ev["quote"]
    for flag in out["flags"]:
        assert flag["id"] in {f.id for f in rubric.flags}
        for ev in flag["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["quote"]
    starts = [p["start"] for p in out["parts"]]
    assert starts == sorted(starts)
    assert all(p["part"] in "STARO" and p["start"] < p["end"] <= len(text) for p in out["parts"])
    for a, b in zip(out["parts"], out["parts"][1:]):
        assert a["end"] <= b["start"] and a["part"] != b["part"]
    assert abs(sum(out["stats"]["part_shares"].values()) - 1) < 0.05
    assert out["stats"]["words"] > 0 and out["stats"]["speaking_seconds"] > 0


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.name)
def test_same_input_same_output(path):
    text = path.read_text()
    assert json.dumps(starbar.review(text).to_dict()) == json.dumps(starbar.review(text).to_dict())


def test_keyword_stuffing_does_not_pay():
    review = starbar.review((DATA / "stuffed.txt").read_text())
    assert review.verdict in {"no_hire", "strong_no_hire"}
    assert review.flag("buzzword_stuffing") is not None
    assert all(d.level <= 2 for d in review.dimensions.values())


def test_feature_request_story_is_a_feature_factory():
    review = starbar.review((DATA / "feature-request.txt").read_text())
    assert review.archetype == "feature_factory"
    assert review.verdict == "strong_no_hire"
    assert {"feature_factory", "no_friction", "we_not_i", "length_off"} <= {f.id for f in review.flags}


def test_flags_say_what_is_missing():
    review = starbar.review((DATA / "feature-request.txt").read_text())
    assert review.flag("missing_part").message.endswith(": no Task.")
    assert review.flag("length_off").message.endswith(": under 150 words.")


def test_strong_story_clears_the_bar():
    review = starbar.review((DATA / "strong.md").read_text())
    assert review.verdict in {"hire", "strong_hire"}
    assert review.archetype == "obsession"
    assert review.flag("no_friction") is None and review.flag("we_not_i") is None


def test_higher_level_never_judges_more_kindly():
    text = (DATA / "strong.md").read_text()
    order = ["strong_no_hire", "no_hire", "hire", "strong_hire"]
    verdicts = [order.index(starbar.review(text, level).verdict) for level in ("L5", "L6", "L7")]
    assert verdicts == sorted(verdicts, reverse=True)


def test_unknown_level_is_refused():
    with pytest.raises(ValueError):
        starbar.review("I did a thing for customers.", "L9")


def test_a_story_that_stops_before_any_outcome_lacks_its_result():
    text = (
        "At Brindle, a payroll provider for small shops, 6% of payroll runs bounced because the employer's "
        "account was short, and staff were paid days late. My goal was to halve bounced runs this year. "
        "I interviewed 14 owners and found they funded payroll on the day from card takings. "
        "I proposed an early warning two days before the debit, and finance pushed back on the cost of the texts. "
        "The pilot with 300 employers starts next month."
    )
    review = starbar.review(text)
    assert review.dimensions["customer_impact"].level == 0
    assert review.flag("missing_part").message.endswith(": no Result.")


def test_how_close_the_verdict_is_names_each_swing_and_stays_out_of_the_json():
    from starbar.render import render
    from starbar.render.closeness import closeness

    review = starbar.review((DATA / "strong.md").read_text())
    sentences = closeness(review)
    for swing in review.swings:
        name = review.dimensions[swing.dimension].name.lower()
        verdict = swing.verdict.replace("_", " ")
        assert any(verdict in s and (name in s or "any dimension" in s) for s in sentences)
    assert "How close: " in render(review, "text") and "**How close:**" in render(review, "md")
    assert "swings" not in review.to_dict()


def test_how_close_groups_swings_by_direction_and_verdict():
    from dataclasses import replace

    from starbar.judge.result import Swing
    from starbar.render.closeness import closeness

    review = starbar.review((DATA / "feature-request.txt").read_text())
    assert closeness(replace(review, swings=())) == [
        "No single level more or less on one dimension changes this verdict."
    ]
    moved = replace(
        review,
        swings=(
            Swing("friction", -1, "no_hire"),
            Swing("root_cause", 1, "hire"),
            Swing("customer_impact", -1, "no_hire"),
        ),
    )
    assert closeness(moved) == [
        "One level more on root cause would make it hire.",
        "One level less on friction and trade-offs or customer impact would make it no hire.",
    ]


def test_the_terminal_shows_quotes_without_markdown_marks_and_the_json_keeps_them_exact():
    from starbar.render import render

    text = (
        "**Situation:** At **PayCo**, 38% of *applicants* abandoned at the statements step.\n\n"
        "**Task:** I owned the application and my goal was to halve that drop-off.\n\n"
        "**Action:** I read 300 tickets and found that **the upload code expired** after ten minutes.\n\n"
        "**Result:** Abandonment fell from 38% to 20% in a quarter."
    )
    result = starbar.review(text)
    shown = render(result, "text", color=False, explain=False)
    assert "**" not in shown and "the upload code expired" in shown
    quotes = [q for d in result.to_dict()["dimensions"].values() for q in d["evidence"]]
    assert any("**" in q["quote"] for q in quotes)
    assert all(q["quote"] == text[q["start"] : q["end"]] for q in quotes)
