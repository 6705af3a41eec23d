"""The pure pieces of the web app: story highlighting, chart geometry, body limit, rate limit."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass

import pytest

import starbar
from starbar.rubric.schema import Condition, Rule
from starbar.web.chart import ZERO_BAR, dimension_chart, history_chart, level_bar
from starbar.web.highlight import story_blocks
from starbar.web.limits import BodyLimitMiddleware, RateLimiter

from .conftest import STRONG_STORY, WEAK_STORY


@dataclass
class Span:
    start: int
    end: int
    part: str = "A"


@dataclass
class Ev:
    start: int
    end: int
    signal: str
    dimension: str | None = "friction"
    polarity: str = "earns"


def _joined(blocks) -> str:
    return "".join(p.text for b in blocks for p in b.pieces)


def test_blocks_cover_the_text_exactly_with_gaps_between_parts():
    text = "One two.\n\nThree four."
    blocks = story_blocks(text, [Span(0, 8, "S"), Span(10, 21, "A")], [])
    assert _joined(blocks) == text
    assert [b.part for b in blocks] == ["S", None, "A"]


def test_overlapping_evidence_is_cut_and_each_piece_keeps_every_mark():
    text = "The risk team pushed back hard."
    outer = Ev(4, 30, "friction.pushback")
    inner = Ev(14, 25, "friction.resolved", "friction", "costs")
    blocks = story_blocks(text, [Span(0, len(text))], [outer, inner])
    pieces = [(p.text, tuple(m.signal for m in p.marks)) for p in blocks[0].pieces]
    assert pieces == [
        ("The ", ()),
        ("risk team ", ("friction.pushback",)),
        ("pushed back", ("friction.pushback", "friction.resolved")),
        (" hard", ("friction.pushback",)),
        (".", ()),
    ]


def test_evidence_across_a_part_boundary_is_marked_in_both_parts():
    text = "First part. Second part."
    blocks = story_blocks(text, [Span(0, 11, "S"), Span(12, 24, "T")], [Ev(6, 18, "x.y")])
    marked = [p.text for b in blocks for p in b.pieces if p.marks]
    assert marked == ["part.", " ", "Second"]


def test_spans_outside_the_text_are_ignored():
    blocks = story_blocks("abc", [Span(0, 3)], [Ev(2, 9, "bad"), Ev(1, 1, "empty")])
    assert all(not p.marks for b in blocks for p in b.pieces)


def test_a_real_review_keeps_user_markup_as_plain_text_pieces():
    text = "Situation: <b>customers</b> paid 3% in fees. " + STRONG_STORY
    review = starbar.review(text)
    blocks = story_blocks(review.text, review.parts, review.trace.fired)
    assert _joined(blocks) == text
    marks = [m for b in blocks for p in b.pieces for m in p.marks]
    assert {m.signal for m in marks} == {e.signal for e in review.trace.fired}
    descriptions = {m.signal: f"shows {m.signal}" for m in marks}
    assert all(
        m.label({"friction": "Friction"}, descriptions).endswith(f"shows {m.signal}")
        for m in marks
        if m.polarity == "earns"
    )


def _rubric_with(verdicts):
    return starbar.rubric.load_rubric().model_copy(update={"verdicts": verdicts})


def test_level_bar_is_read_from_the_hire_rule_for_the_level():
    rubric = _rubric_with(
        [
            Rule(value="no_hire", why="x", when=Condition(all=["levels.min<=0"])),
            Rule(value="hire", why="y", levels=["L7"], when=Condition(all=["levels.min_counted>=3"])),
            Rule(
                value="hire",
                why="z",
                levels=["L6"],
                when=Condition(all=["levels.min_counted>=2", "levels.mean_counted>=2.75"]),
            ),
            Rule(value="no_hire", why="else"),
        ]
    )
    assert (level_bar(rubric, "L7").floor, level_bar(rubric, "L7").mean) == (3, None)
    assert (level_bar(rubric, "L6").floor, level_bar(rubric, "L6").mean) == (2, 2.75)
    assert (level_bar(rubric, "L5").floor, level_bar(rubric, "L5").mean) == (None, None)


def test_dimension_chart_places_each_level_on_the_scale():
    review = starbar.review(STRONG_STORY)
    chart = dimension_chart(review, starbar.rubric.load_rubric(), left=100, plot_width=400)
    assert [r.id for r in chart.rows] == list(review.dimensions)
    assert all(r.width == max(review.dimensions[r.id].level * 100, ZERO_BAR) for r in chart.rows)
    assert [x for _, x in chart.ticks] == [100, 200, 300, 400, 500]
    assert chart.floor_x is None or 100 <= chart.floor_x <= 500


def test_a_level_of_zero_still_draws_a_bar_and_every_row_under_the_floor_is_marked():
    review = starbar.review(WEAK_STORY)
    chart = dimension_chart(review, starbar.rubric.load_rubric())
    zeros = [r for r in chart.rows if r.level == 0]
    assert zeros and all(r.width > 0 for r in zeros)
    floor = chart.bar.floor
    assert [r.id for r in chart.rows if r.below] == [d.id for d in review.dimensions.values() if d.level < floor]


def test_dimension_chart_colours_each_level_against_the_bar():
    from types import SimpleNamespace as NS

    rubric = _rubric_with(
        [
            Rule(value="hire", why="y", when=Condition(all=["levels.min_counted>=2", "levels.mean_counted>=2.5"])),
            Rule(value="no_hire", why="else"),
        ]
    )
    dims = {f"d{lvl}": NS(id=f"d{lvl}", name=f"D{lvl}", level=lvl) for lvl in range(5)}
    chart = dimension_chart(NS(level="L6", dimensions=dims), rubric)
    assert [r.status for r in chart.rows] == ["below", "below", "near", "above", "above"]


def test_history_chart_has_one_point_per_version():
    chart = history_chart([1, 2, 3], [{"a": 0}, {"a": 4}, {"a": 2}], {"a": "A", "b": "B"}, width=100, height=22)
    a, b = chart.lines
    assert a.levels == (0, 4, 2) and b.levels == (0, 0, 0)
    assert a.points == "0.0,20.0 50.0,2.0 100.0,11.0"


def test_rate_limiter_allows_a_burst_then_refills():
    now = [0.0]
    limiter = RateLimiter(per_minute=60, burst=2, clock=lambda: now[0])
    assert [limiter.allow("a"), limiter.allow("a")] == [0.0, 0.0]
    assert limiter.allow("a") == pytest.approx(1.0)
    assert limiter.allow("b") == 0.0
    now[0] = 1.0
    assert limiter.allow("a") == 0.0


def test_rate_limiter_forgets_refilled_clients_past_its_size():
    now = [0.0]
    limiter = RateLimiter(per_minute=60, burst=2, clock=lambda: now[0])
    limiter.MAX_KEYS = 3
    for key in "abcd":
        limiter.allow(key)
    now[0] = 0.5
    limiter.allow("e")  # a-d have half refilled: kept
    assert len(limiter._buckets) == 5
    now[0] = 5.0
    limiter.allow("f")  # a-e are full again: forgotten
    assert set(limiter._buckets) == {"f"}


def _run(headers, chunks):
    sent, seen = [], []

    async def receive():
        body = chunks.pop(0) if chunks else b""
        return {"type": "http.request", "body": body, "more_body": bool(chunks)}

    async def send(message):
        sent.append(message)

    async def inner(scope, receive_, send_):
        while True:
            message = await receive_()
            seen.append(message["body"])
            if not message["more_body"]:
                break
        await send_({"type": "http.response.start", "status": 200, "headers": []})
        await send_({"type": "http.response.body", "body": b"ok"})

    scope = {"type": "http", "headers": headers}
    # In a thread of its own: the browser tests' Playwright keeps an event loop running in this one.
    runner = threading.Thread(
        target=asyncio.run, args=(BodyLimitMiddleware(inner, max_bytes=10)(scope, receive, send),)
    )
    runner.start()
    runner.join()
    return sent[0]["status"], seen


def test_body_limit_trusts_no_content_length():
    assert _run([(b"content-length", b"4")], [b"12345", b"67890", b"x"])[0] == 413
    assert _run([], [b"12345", b"67890", b"x"])[0] == 413
    status, seen = _run([(b"content-length", b"99")], [b"1"])
    assert status == 413 and seen == []  # refused before reading
    assert _run([], [b"12345", b"67890"]) == (200, [b"12345", b"67890"])


def test_the_api_levels_are_the_judges():
    from starbar.judge import LEVELS
    from starbar.web.api import Level

    assert Level.__args__ == LEVELS
