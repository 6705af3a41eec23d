"""The story matrix of lp-identification.md: stories × the sixteen principles, and its gaps.

Pure: each story's claimed principles and the reviews the matrix needs go in (`StoryInput`,
with `rubrics_needed` saying which reviews), a `Matrix` comes out. A cell is empty,
`secondary` or `primary`, with the verdict at the target level under the principle's rubric
where it has one. Every story also carries the shared `scope` and `fintech_judgment` levels
and its context. A story claimed for more than it can carry (one primary, two secondaries)
is stretched: its extra claims are dropped first (the secondaries with the fewest signals,
ties in the spec's table order), then the ten gaps are computed, each naming the principles
or stories it concerns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .claims import PRIMARY, SECONDARY, Claim
from .principle_table import Principle
from .records import PASSING_VERDICTS

MIN_STORIES = 8
# The stories a loop needs: 12 at L5 and L6; 14 at L7 or for a role that manages people.
TARGET_STORIES = {"L5": 12, "L6": 12, "L7": 14}
PEOPLE_MANAGER_TARGET = 14
MAX_SECONDARIES = 2
# The `scope` a target level requires of a story.
SCOPE_NEEDED = {"L5": 2, "L6": 3, "L7": 4}
SELF_CRITICISM_NEEDED = 3
COMMITMENT_NEEDED = 3
FAILURE_PRINCIPLE = "earn-trust"  # its rubric scores an owned mistake (no_failure_story)
DISAGREEMENT_PRINCIPLE = "have-backbone"  # its rubric scores a lost disagreement (no_lost_disagreement)
FINTECH = "fintech"
GAP_IDS = (
    "thin_bank",
    "no_primary",
    "single_story",
    "no_story",
    "below_bar",
    "scope_below_level",
    "off_domain",
    "no_failure_story",
    "no_lost_disagreement",
    "stretched_story",
)


@dataclass(frozen=True)
class Judged:
    """What the matrix reads from one review of a story at the target level."""

    verdict: str
    levels: Mapping[str, int]
    flags: frozenset[str]
    context: str  # "fintech" or "other"


@dataclass(frozen=True)
class StoryInput:
    id: int
    title: str
    lp: str  # the principle it is told for
    text: str
    claims: tuple[Claim, ...]
    reviews: Mapping[str, Judged]  # principle id -> its rubric's review (see `rubrics_needed`)


@dataclass(frozen=True)
class Cell:
    role: str  # primary or secondary
    verdict: str | None  # under the principle's rubric at the target level; None without one


@dataclass(frozen=True)
class Row:
    id: int
    title: str
    lp: str
    cells: Mapping[str, Cell]  # principle id -> the story's claim on it (absent: empty cell)
    dropped: tuple[Claim, ...]  # stretched claims, not counted
    scope: int | None
    fintech_judgment: int | None
    context: str
    repeat_of: int | None = None  # the same text as an earlier story: told twice, it counts once

    @property
    def primary(self) -> str | None:
        return next((p for p, c in self.cells.items() if c.role == PRIMARY), None)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "lp": self.lp,
            "cells": {p: {"role": c.role, "verdict": c.verdict} for p, c in self.cells.items()},
            "dropped": [c.to_dict() for c in self.dropped],
            "scope": self.scope,
            "fintech_judgment": self.fintech_judgment,
            "context": self.context,
            "repeat_of": self.repeat_of,
        }


@dataclass(frozen=True)
class Gap:
    id: str
    message: str
    principles: tuple[str, ...] = ()
    stories: tuple[int, ...] = ()

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "message": self.message,
            "principles": list(self.principles),
            "stories": list(self.stories),
        }


@dataclass(frozen=True)
class Matrix:
    level: str
    fintech: bool
    manages_people: bool
    principles: tuple[Principle, ...]
    rows: tuple[Row, ...]
    gaps: tuple[Gap, ...]
    target_stories: int
    distinct: int  # stories counted once whatever their repeats

    def gap(self, gap_id: str) -> Gap | None:
        return next((g for g in self.gaps if g.id == gap_id), None)

    def column(self, principle: str) -> list[tuple[Row, Cell]]:
        """The distinct stories claimed for `principle`, with their cells."""
        return [(r, r.cells[principle]) for r in self.rows if r.repeat_of is None and principle in r.cells]

    def to_dict(self) -> dict:
        """The matrix as JSON (`bank matrix --format json`)."""
        return {
            "level": self.level,
            "fintech": self.fintech,
            "manages_people": self.manages_people,
            "stories": len(self.rows),
            "distinct_stories": self.distinct,
            "target_stories": self.target_stories,
            "minimum_stories": MIN_STORIES,
            "principles": [
                {"id": p.id, "name": p.name, "tier": p.tier, "rubric": p.has_rubric} for p in self.principles
            ],
            "rows": [r.to_dict() for r in self.rows],
            "gaps": [g.to_dict() for g in self.gaps],
        }


def kept_claims(claims: Sequence[Claim], table: Sequence[Principle]) -> tuple[tuple[Claim, ...], tuple[Claim, ...]]:
    """(kept, dropped): one primary and the two secondaries with the most signals, ties by table order."""
    order = {p.id: n for n, p in enumerate(table)}
    primary = [c for c in claims if c.role == PRIMARY][:1]
    secondaries = sorted(
        (c for c in claims if c.role == SECONDARY), key=lambda c: (-c.signals, order.get(c.principle, len(order)))
    )
    kept = (*primary, *secondaries[:MAX_SECONDARIES])
    return kept, tuple(c for c in claims if c not in kept)


def rubrics_needed(lp: str, kept: Sequence[Claim], table: Sequence[Principle]) -> tuple[str, ...]:
    """The principles whose rubric must review a story: its own, each kept claim's that has a
    rubric, Earn Trust's (an owned failure) and Have Backbone's (a lost disagreement)."""
    with_rubric = {p.id for p in table if p.has_rubric}
    wanted = {lp, FAILURE_PRINCIPLE, DISAGREEMENT_PRINCIPLE} | {c.principle for c in kept if c.principle in with_rubric}
    return tuple(p.id for p in table if p.id in wanted)


def build(
    stories: Sequence[StoryInput],
    table: Sequence[Principle],
    level: str,
    *,
    fintech: bool = True,
    manages_people: bool = False,
) -> Matrix:
    """The matrix of `stories` at target `level` for a role in fintech (or not) that manages people (or not)."""
    rows = _rows(stories, table)
    distinct = [r for r in rows if r.repeat_of is None]
    by_id = {s.id: s for s in stories}
    target = PEOPLE_MANAGER_TARGET if manages_people else TARGET_STORIES[level]
    tier4_asked = level == "L7" or manages_people
    gaps = [
        *_coverage_gaps(distinct, table, target, tier4_asked),
        *_below_bar(distinct, table, level),
        *_scope_below_level(distinct, table, level),
        *_off_domain(distinct, table, fintech),
        *_no_failure_story(distinct, by_id),
        *_no_lost_disagreement(distinct, by_id),
        *_stretched(rows),
    ]
    gaps.sort(key=lambda g: GAP_IDS.index(g.id))
    return Matrix(level, fintech, manages_people, tuple(table), tuple(rows), tuple(gaps), target, len(distinct))


def _rows(stories: Sequence[StoryInput], table: Sequence[Principle]) -> list[Row]:
    rubric_order = tuple(p.id for p in table if p.has_rubric)
    with_rubric = set(rubric_order)
    first_with_text: dict[str, int] = {}
    rows = []
    for s in stories:
        key = " ".join(s.text.lower().split())
        repeat_of = first_with_text.setdefault(key, s.id)
        kept, dropped = kept_claims(s.claims, table)
        cells = {
            c.principle: Cell(c.role, s.reviews[c.principle].verdict if c.principle in with_rubric else None)
            for c in kept
        }
        own = s.reviews[s.lp]
        # `scope` is shared by six rubrics: the story's own principle's, else the first that scores it.
        scored = [s.reviews[p].levels for p in (s.lp, *rubric_order) if p in s.reviews]
        scope = next((levels["scope"] for levels in scored if "scope" in levels), None)
        rows.append(
            Row(
                s.id,
                s.title,
                s.lp,
                {p.id: cells[p.id] for p in table if p.id in cells},  # in the table's order
                dropped,
                scope,
                own.levels.get("fintech_judgment"),
                own.context,
                None if repeat_of == s.id else repeat_of,
            )
        )
    return rows


def _names(ids: Sequence[str], table: Sequence[Principle]) -> str:
    names = {p.id: p.name for p in table}
    return ", ".join(names[i] for i in ids)


def _titles(rows: Sequence[Row]) -> str:
    return ", ".join(f"#{r.id} {r.title!r}" for r in rows)


def _coverage_gaps(distinct: list[Row], table: Sequence[Principle], target: int, tier4_asked: bool) -> list[Gap]:
    gaps = []
    if len(distinct) < MIN_STORIES:
        gaps.append(
            Gap(
                "thin_bank",
                f"{len(distinct)} distinct stor{'y' if len(distinct) == 1 else 'ies'}: a loop needs at least "
                f"{MIN_STORIES} (aim for {target})",
                stories=tuple(r.id for r in distinct),
            )
        )
    count = {p.id: sum(p.id in r.cells for r in distinct) for p in table}
    no_primary = [p.id for p in table if p.tier == 1 and not any(r.primary == p.id for r in distinct)]
    single = [p.id for p in table if p.tier <= 2 and count[p.id] < 2]
    no_story = [p.id for p in table if (p.tier == 3 or (p.tier == 4 and tier4_asked)) and count[p.id] == 0]
    if no_primary:
        gaps.append(Gap("no_primary", f"no story is about {_names(no_primary, table)}", principles=tuple(no_primary)))
    if single:
        gaps.append(
            Gap("single_story", f"fewer than two stories for {_names(single, table)}", principles=tuple(single))
        )
    if no_story:
        gaps.append(Gap("no_story", f"no story for {_names(no_story, table)}", principles=tuple(no_story)))
    return gaps


def _below_bar(distinct: list[Row], table: Sequence[Principle], level: str) -> list[Gap]:
    below = [
        p.id
        for p in table
        if p.tier == 1 and not any(r.cells[p.id].verdict in PASSING_VERDICTS for r in distinct if p.id in r.cells)
    ]
    if not below:
        return []
    return [
        Gap(
            "below_bar",
            f"no story reaches hire at {level} under the rubric of {_names(below, table)}",
            principles=tuple(below),
        )
    ]


def _scope_below_level(distinct: list[Row], table: Sequence[Principle], level: str) -> list[Gap]:
    needed = SCOPE_NEEDED[level]
    tier1 = {p.id for p in table if p.tier == 1}
    below = [r for r in distinct if r.scope is not None and r.scope < needed]
    primaries_below = [r for r in below if r.primary in tier1]
    if not primaries_below and 2 * len(below) <= len(distinct):
        return []
    named = below if 2 * len(below) > len(distinct) else primaries_below
    return [
        Gap(
            "scope_below_level",
            f"scope below the {needed} that {level} requires: {_titles(named)}",
            stories=tuple(r.id for r in named),
        )
    ]


def _off_domain(distinct: list[Row], table: Sequence[Principle], fintech: bool) -> list[Gap]:
    if not fintech:
        return []
    tier1 = {p.id for p in table if p.tier == 1}
    other = [r for r in distinct if r.context != FINTECH]
    tier1_fintech = [r for r in distinct if r.primary in tier1 and r.context == FINTECH]
    few_fintech = 2 * (len(distinct) - len(other)) < len(distinct)
    if not few_fintech and len(tier1_fintech) >= 4:
        return []
    return [
        Gap(
            "off_domain",
            f"stories set in financial products: {len(distinct) - len(other)} of {len(distinct)} (a fintech loop "
            f"wants at least half), of them tier-1 primaries: {len(tier1_fintech)} (it wants four of the seven); "
            "a story outside finance is capped at hire",
            stories=tuple(r.id for r in other),
        )
    ]


def _no_failure_story(distinct: list[Row], by_id: Mapping[int, StoryInput]) -> list[Gap]:
    def owned_failure(review: Judged | None) -> bool:
        return (
            review is not None
            and review.levels.get("self_criticism", 0) >= SELF_CRITICISM_NEEDED
            and not review.flags & {"blame_shifting", "humblebrag_mistake"}
        )

    if any(owned_failure(by_id[r.id].reviews.get(FAILURE_PRINCIPLE)) for r in distinct):
        return []
    return [
        Gap(
            "no_failure_story",
            "no story of a mistake of your own, owned without blame or humblebrag (Earn Trust's self-criticism 3 or more)",
            principles=(FAILURE_PRINCIPLE,),
        )
    ]


def _no_lost_disagreement(distinct: list[Row], by_id: Mapping[int, StoryInput]) -> list[Gap]:
    def lost_and_committed(review: Judged | None) -> bool:
        return (
            review is not None
            and "overruled" in review.flags
            and review.levels.get("commitment", 0) >= COMMITMENT_NEEDED
        )

    if any(lost_and_committed(by_id[r.id].reviews.get(DISAGREEMENT_PRINCIPLE)) for r in distinct):
        return []
    return [
        Gap(
            "no_lost_disagreement",
            "no story of a disagreement you lost and then committed to (Have Backbone: overruled, commitment 3 or more)",
            principles=(DISAGREEMENT_PRINCIPLE,),
        )
    ]


def _stretched(rows: list[Row]) -> list[Gap]:
    stretched = [r for r in rows if r.dropped]
    if not stretched:
        return []
    told = "; ".join(f"#{r.id} {r.title!r} drops {', '.join(c.principle for c in r.dropped)}" for r in stretched)
    return [
        Gap(
            "stretched_story",
            f"claimed for more than one primary and two secondaries, so the extra claims do not count: {told}",
            stories=tuple(r.id for r in stretched),
        )
    ]
