"""Dimension levels from evidence, through the rubric's anchors and caps."""

from __future__ import annotations

from ..detect import Signals
from ..parse import Document
from ..rubric import Dimension, Rubric
from .facts import holds
from .result import DimensionScore, Quote

MAX_QUOTES = 4


def quotes_for(doc: Document, evidence, limit: int = MAX_QUOTES) -> tuple[Quote, ...]:
    """One quote per sentence, in story order: the sentences that earned a judgment."""
    seen: dict[int, str] = {}
    for e in sorted(evidence, key=lambda e: (e.sentence, e.start)):
        seen.setdefault(e.sentence, e.signal)
    out = []
    for index, signal in list(seen.items())[:limit]:
        s = doc.sentences[index]
        out.append(Quote(s.start, s.end, signal, s.text))
    return tuple(out)


def dimension_evidence(dim: Dimension, signals: Signals):
    return [e for e in signals.evidence if e.dimension == dim.id]


def score(dim: Dimension, doc: Document, signals: Signals, facts: dict[str, float]) -> tuple[DimensionScore, list[str]]:
    decisions = []
    anchors = sorted(dim.anchors, key=lambda a: a.level, reverse=True)
    anchor = next(a for a in anchors if a.level == 0 or holds(a.when, facts))
    level, why = anchor.level, anchor.text
    decisions.append(f"{dim.id}: level {level} (anchor: {anchor.text})")
    claims = [e for e in signals.claims if e.dimension == dim.id]
    if level == 0 and claims:
        level, why = 1, f"{next(a.text for a in dim.anchors if a.level == 1)} (rubric words alone earn no more)"
        decisions.append(f"{dim.id}: level 1 (only rubric vocabulary, with nothing concrete behind it)")
    for cap in dim.caps:
        if level > cap.max and holds(cap.when, facts):
            level = cap.max
            why = f"{next(a.text for a in dim.anchors if a.level == level)} Held at {level}: {cap.why}"
            decisions.append(f"{dim.id}: capped at {level} ({cap.why})")
    evidence = dimension_evidence(dim, signals)
    # Quote what earned the level: the signals its anchor tests, then the rest of the dimension's.
    chosen = next(a for a in dim.anchors if a.level == level)
    tested = chosen.when.fact_names() if chosen.when else set()
    earned = [e for e in evidence if e.signal in tested and e.polarity == "earns"]
    costs = [e for e in evidence if e.polarity == "costs"]
    evidence = earned or (costs if level <= 1 else []) or evidence or claims
    return DimensionScore(dim.id, dim.name, level, quotes_for(doc, evidence), why), decisions


def score_all(rubric: Rubric, doc: Document, signals: Signals, facts: dict[str, float]):
    scores, decisions = {}, []
    for dim in rubric.dimensions:
        scores[dim.id], why = score(dim, doc, signals, facts)
        decisions += why
    return scores, decisions
