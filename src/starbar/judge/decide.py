"""Flags, context, archetype and verdict: ordered rules from the rubric over the facts so far."""

from __future__ import annotations

from ..detect import Signals
from ..parse import Document
from ..rubric import Rubric
from ..rubric.schema import Condition, Rule
from .facts import holds
from .levels import quotes_for
from .result import DimensionScore, FlagResult


def first_rule(rules: list[Rule], facts: dict[str, float], target: str | None = None) -> Rule:
    for rule in rules:
        if target and rule.levels and target not in rule.levels:
            continue
        if holds(rule.when, facts):
            return rule
    raise LookupError("no rule matched; the rubric's last rule should have no condition")


def aggregate(rubric: Rubric, scores: dict[str, DimensionScore], context: str) -> dict[str, float]:
    exempt = set(rubric.context_exempt.get(context, ()))
    levels = [s.level for s in scores.values()]
    counted = [s.level for d, s in scores.items() if d not in exempt]
    facts = {
        "levels.min": min(levels), "levels.min_counted": min(counted),
        "levels.mean": sum(levels) / len(levels), "levels.mean_counted": sum(counted) / len(counted),
        "levels.count4": sum(v == 4 for v in levels), "levels.count_ge3": sum(v >= 3 for v in levels),
        "levels.count_le1": sum(v <= 1 for v in counted),
    }
    return facts


def raise_flags(rubric: Rubric, doc: Document, signals: Signals, facts: dict[str, float]) -> tuple[FlagResult, ...]:
    raised = []
    for flag in rubric.flags:
        if holds(flag.when, facts):
            quotes = quotes_for(doc, signals.of(*flag.cite)) if flag.cite else ()
            # Two facts may say the same thing ("no Result"): name it once.
            named = list(dict.fromkeys(what for fact, what in flag.detail.items() if holds(Condition(all=[fact]), facts)))
            message = f"{flag.message.rstrip('.')}: {', '.join(named)}." if named else flag.message
            raised.append(FlagResult(flag.id, message, quotes))
    return tuple(raised)
