"""judge: evidence -> dimension levels -> flags -> context, archetype, verdict -> coaching."""

from __future__ import annotations

from ..detect import Signals
from ..parse import PARTS, Document
from ..rubric import Rubric
from .coaching import followups, next_steps
from .decide import classify, first_rule, level_facts, raise_flags, swings
from .facts import LEVELS
from .levels import score_all
from .result import Review, Stats, Trace

__all__ = ["LEVELS", "Review", "judge"]


def judge(doc: Document, signals: Signals, rubric: Rubric, level: str = "L6", *, calibrate: bool = True) -> Review:
    """The review of one story: levels, flags, archetype, verdict and coaching. `calibrate=False`
    leaves out the learned layer (the calibration's own training reads the anchors alone)."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    facts = dict(signals.facts)
    facts[f"target.{level}"] = 1.0
    context = first_rule(rubric.contexts, facts)
    facts[f"context.{context.value}"] = 1.0
    decisions = [f"context: {context.value} ({context.why})"]

    scores, why = score_all(rubric, doc, signals, facts, context=context.value, calibrate=calibrate)
    decisions += why
    before_levels = dict(facts)
    facts.update(level_facts(rubric, scores, context.value))

    flags = raise_flags(rubric, doc, signals, facts)
    facts.update({f"flag.{f.id}": 1.0 for f in flags})
    decisions += [f"flag {f.id}" for f in flags]

    archetype, verdict = classify(rubric, facts, level)
    decisions += [f"archetype: {archetype.value} ({archetype.why})", f"verdict: {verdict.value} ({verdict.why})"]

    words = doc.word_count
    shares = doc.part_words()
    stats = Stats(
        words=words,
        speaking_seconds=round(words * 60 / rubric.structure.words_per_minute),
        part_shares={p: round(shares[p] / words, 2) if words else 0.0 for p in PARTS},
    )
    return Review(
        rubric=rubric.id,
        level=level,
        verdict=verdict.value,
        archetype=archetype.value,
        dimensions=scores,
        flags=flags,
        parts=doc.part_spans(),
        followups=followups(rubric, facts, scores),
        next_steps=next_steps(rubric, scores, flags),
        stats=stats,
        context=context.value,
        swings=swings(rubric, before_levels, scores, context.value, level, verdict.value),
        document=doc,
        trace=Trace(tuple(signals.ran), tuple(signals.evidence), tuple(signals.suppressed), tuple(decisions)),
    )
