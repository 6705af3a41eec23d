"""Flags, context, archetype and verdict: ordered rules from the rubric over the facts so far."""

from __future__ import annotations

from dataclasses import replace

from ..detect import Signals
from ..parse import Document
from ..rubric import Rubric
from ..rubric.schema import Condition, Flag, Rule
from .facts import holds
from .levels import quotes_for
from .result import DimensionScore, FlagResult, Swing


def first_rule(rules: list[Rule], facts: dict[str, float], target: str | None = None) -> Rule:
    for rule in rules:
        if target and rule.levels and target not in rule.levels:
            continue
        if holds(rule.when, facts):
            return rule
    raise LookupError("no rule matched; the rubric's last rule should have no condition")


def aggregate(rubric: Rubric, scores: dict[str, DimensionScore], context: str) -> dict[str, float]:
    """The figures verdict rules read. "Counted" leaves out the rubric's gates (scored and shown,
    never averaged) and the dimensions its context exempts."""
    exempt = set(rubric.context_exempt.get(context, ())) | set(rubric.gates)
    levels = [s.level for s in scores.values()]
    counted = [s.level for d, s in scores.items() if d not in exempt]
    facts = {
        "levels.min": min(levels),
        "levels.min_counted": min(counted),
        "levels.mean": sum(levels) / len(levels),
        "levels.mean_counted": sum(counted) / len(counted),
        "levels.count4": sum(v == 4 for v in levels),
        "levels.count4_counted": sum(v == 4 for v in counted),
        "levels.count_ge3": sum(v >= 3 for v in levels),
        "levels.count_le1": sum(v <= 1 for v in counted),
    }
    return facts


def holding_flags(rubric: Rubric, facts: dict[str, float]) -> list[Flag]:
    """The rubric's flags whose condition holds."""
    return [flag for flag in rubric.flags if holds(flag.when, facts)]


def raise_flags(rubric: Rubric, doc: Document, signals: Signals, facts: dict[str, float]) -> tuple[FlagResult, ...]:
    raised = []
    for flag in holding_flags(rubric, facts):
        quotes = quotes_for(doc, signals.of(*flag.cite)) if flag.cite else ()
        # Two facts may say the same thing ("no Result"): name it once.
        named = list(dict.fromkeys(what for fact, what in flag.detail.items() if holds(Condition(all=[fact]), facts)))
        message = f"{flag.message.rstrip('.')}: {', '.join(named)}." if named else flag.message
        raised.append(FlagResult(flag.id, message, quotes))
    return tuple(raised)


def level_facts(rubric: Rubric, scores: dict[str, DimensionScore], context: str) -> dict[str, float]:
    """Each dimension's level and the aggregates the verdict rules read."""
    return {**{f"level.{d}": float(s.level) for d, s in scores.items()}, **aggregate(rubric, scores, context)}


def classify(rubric: Rubric, facts: dict[str, float], target: str) -> tuple[Rule, Rule]:
    """The archetype and verdict rules for facts that hold the levels and flags (adds the archetype fact)."""
    archetype = first_rule(rubric.archetypes, facts, target)
    facts[f"archetype.{archetype.value}"] = 1.0
    return archetype, first_rule(rubric.verdicts, facts, target)


def swings(
    rubric: Rubric,
    facts: dict[str, float],
    scores: dict[str, DimensionScore],
    context: str,
    target: str,
    now: str,
) -> tuple[Swing, ...]:
    """Every one-level change of one dimension that would change the verdict `now`: how close the
    story is to the next verdict up, and how little it would take to fall to the one below.
    `facts` are those the levels do not decide (signals, target, context)."""

    def verdict(levels: dict[str, DimensionScore]) -> str:
        known = {**facts, **level_facts(rubric, levels, context)}
        known.update({f"flag.{f.id}": 1.0 for f in holding_flags(rubric, known)})
        return classify(rubric, known, target)[1].value

    out = []
    for dim, score in scores.items():
        for step in (1, -1):
            if 0 <= score.level + step <= 4:
                changed = verdict({**scores, dim: replace(score, level=score.level + step)})
                if changed != now:
                    out.append(Swing(dim, step, changed))
    return tuple(out)
