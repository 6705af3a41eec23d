"""The preparation checklist over the bank: the loop's coverage of every principle, from the
story matrix's gaps, and Customer Obsession's rubric checklist, from the stored reviews.

Nothing here reads a story's text again: each Customer Obsession item is decided by the
levels, flags, signals, archetype and verdict of every story's latest review, and each
coverage item by the matrix (`coverage.py`). Items the reviews cannot speak to
(prepared phrases, knowing the employer's products) are listed as for the candidate to do.
Which test applies to an item is found from its wording, so the rubric can reorder or add items.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import coverage
from .records import Story, Version

if TYPE_CHECKING:
    from ..rubric import Rubric
    from .matrix import Matrix

CUSTOMER_OBSESSION = "customer-obsession"
# "Two or three distinct stories": two is the least a loop needs.
STORIES_NEEDED = 2
BAR = 3  # the level a rubric anchor calls "at the bar"


@dataclass(frozen=True)
class Gap:
    """A story missing what an item asks for, and the rubric's advice for that dimension."""

    story_id: int
    title: str
    missing: str
    advice: str


@dataclass(frozen=True)
class Item:
    """One line of the rubric's checklist: met, not met, or for the candidate to judge, and why."""

    text: str  # the rubric's wording
    status: str  # "met", "not_met" or "yours" (not judged from reviews)
    detail: str
    gaps: tuple[Gap, ...] = ()

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "status": self.status,
            "detail": self.detail,
            "gaps": [{"story_id": g.story_id, "title": g.title, "missing": g.missing} for g in self.gaps],
        }


@dataclass(frozen=True)
class Checklist:
    """The checklist over a bank at a target level: the loop's coverage of every principle, the
    Customer Obsession rubric's items, and the next steps, in order."""

    level: str
    coverage: tuple[Item, ...]  # one per principle, then the matrix's bank-wide rules
    items: tuple[Item, ...]
    clearing: tuple[Story, ...]  # distinct Customer Obsession stories that clear the bar
    next_steps: tuple[str, ...]

    def to_dict(self) -> dict:
        """The checklist as JSON (`bank checklist --format json`)."""
        return {
            "level": self.level,
            "coverage": [i.to_dict() for i in self.coverage],
            "clearing": [{"id": s.id, "title": s.title, "verdict": s.latest.verdict} for s in self.clearing],
            "items": [i.to_dict() for i in self.items],
            "next_steps": list(self.next_steps),
        }


def clears_bar(version: Version, level: str) -> bool:
    """Judged at `level`, a passing verdict, obsession (beyond superficial feedback), money at stake."""
    return (
        version.level == level
        and version.passes
        and version.archetype == "obsession"
        and version.levels.get("fintech_judgment", 0) >= 2
    )


def _distinct(stories: list[Story]) -> list[Story]:
    """The first of stories whose latest texts are the same (an import run twice is one story)."""
    seen: set[str] = set()
    kept = []
    for story in stories:
        key = " ".join(story.latest.text.lower().split())
        if key not in seen:
            seen.add(key)
            kept.append(story)
    return kept


def _has_problem_numbers(v: Version) -> bool:
    return v.levels.get("problem_depth", 0) >= BAR or "problem.quantified" in v.signals


def _has_impact_numbers(v: Version) -> bool:
    return v.levels.get("customer_impact", 0) >= BAR or "impact.customer_metric" in v.signals


def _has_deep_action(v: Version) -> bool:
    return v.levels.get("customer_insight", 0) >= BAR and "thin_action" not in v.flags


def _has_tradeoff(v: Version) -> bool:
    return v.levels.get("friction", 0) >= BAR and "no_friction" not in v.flags


def _has_financial_outcome(v: Version) -> bool:
    return "impact.financial_outcome" in v.signals or v.levels.get("customer_impact", 0) >= 4


# (what a story lacks, the dimension whose advice fixes it, the test)
Test = tuple[str, str, Callable[[Version], bool]]
_PER_STORY: tuple[tuple[re.Pattern, tuple[Test, ...]], ...] = (
    (
        re.compile(r"\bnumbers?\b", re.I),
        (
            ("numbers for the size of the problem", "problem_depth", _has_problem_numbers),
            ("numbers for the customer impact", "customer_impact", _has_impact_numbers),
        ),
    ),
    (
        re.compile(r"\baction\b|\bresearch\b", re.I),
        (("a deep Action section (research, data)", "customer_insight", _has_deep_action),),
    ),
    (
        re.compile(r"trade-?off|resistance", re.I),
        (("a detailed trade-off or internal resistance", "friction", _has_tradeoff),),
    ),
    (
        re.compile(r"financial implications", re.I),
        (("the customer's financial implications", "customer_impact", _has_financial_outcome),),
    ),
)
_DISTINCT = re.compile(r"\bdistinct\b", re.I)


def _count(n: int, noun: str) -> str:
    """'1 story', '2 stories'."""
    return f"{n} {noun if n == 1 else noun[:-1] + 'ies' if noun.endswith('y') else noun + 's'}"


def evaluate(rubric: Rubric, stories: list[Story], level: str, matrix: Matrix) -> Checklist:
    """The checklist at a target level over `stories` (each with its latest version) and their `matrix`."""
    advice = {d.id: d.advice for d in rubric.dimensions}
    co = [s for s in stories if s.lp == CUSTOMER_OBSESSION]
    clearing = tuple(s for s in _distinct(co) if clears_bar(s.latest, level))
    items: list[Item] = []
    for text in rubric.checklist:
        if _DISTINCT.search(text):
            names = ", ".join(f"#{s.id} {s.title!r}" for s in clearing) or "none yet"
            status = "met" if len(clearing) >= STORIES_NEEDED else "not_met"
            items.append(
                Item(
                    text,
                    status,
                    f"{len(clearing)} of {_count(len(co), 'Customer Obsession story')} "
                    f"{'clears' if len(clearing) == 1 else 'clear'} the bar at {level}: {names}",
                )
            )
            continue
        tests = next((t for pattern, t in _PER_STORY if pattern.search(text)), None)
        if tests is None:
            items.append(Item(text, "yours", "not something a review can check: prepare it yourself"))
            continue
        gaps = tuple(
            Gap(s.id, s.title, missing, advice.get(dim, ""))
            for s in co
            for missing, dim, test in tests
            if not test(s.latest)
        )
        if not co:
            items.append(Item(text, "not_met", "no Customer Obsession story in the bank yet"))
        elif gaps:
            lacking = sorted({g.story_id for g in gaps})
            lack = "lacks" if len(lacking) == 1 else "lack"
            items.append(Item(text, "not_met", f"{len(lacking)} of {_count(len(co), 'story')} {lack} it", gaps))
        else:
            items.append(
                Item(text, "met", "the one story has it" if len(co) == 1 else f"all {len(co)} stories have it")
            )
    covered = tuple(Item(*line) for line in [*coverage.principle_lines(matrix), *coverage.bank_lines(matrix)])
    steps = (*_next_steps(items, co, clearing, level), *coverage.steps(matrix))
    return Checklist(level, covered, tuple(items), clearing, steps)


def _next_steps(items: list[Item], co: list[Story], clearing: tuple[Story, ...], level: str) -> tuple[str, ...]:
    steps: list[str] = []
    other_level = [s for s in co if s.latest.level != level]
    if other_level:
        ids = ", ".join(f"#{s.id}" for s in other_level)
        steps.append(
            f"Stories {ids} were judged at another level: run `starbar bank rereview --level {level}` to judge them at {level}."
        )
    missing = STORIES_NEEDED - len(clearing)
    if missing > 0:
        if not co:
            steps.append(
                f"Add {STORIES_NEEDED} Customer Obsession stories from financial products: `starbar bank add FILE --title ...`."
            )
        else:
            steps.append(
                f"Bring {missing} more Customer Obsession {'story' if missing == 1 else 'stories'} to the bar at {level} (hire or better, obsession, money at stake), or add new ones."
            )
    seen: set[tuple[int, str]] = set()
    for item in items:
        for gap in item.gaps:
            if (gap.story_id, gap.advice) not in seen:
                seen.add((gap.story_id, gap.advice))
                steps.append(f"#{gap.story_id} {gap.title!r}: add {gap.missing}. {gap.advice}".strip())
    steps += [f"Prepare yourself: {item.text}" for item in items if item.status == "yours"]
    return tuple(steps)
