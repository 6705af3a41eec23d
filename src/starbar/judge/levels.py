"""Dimension levels from evidence, through the rubric's anchors and caps."""

from __future__ import annotations

from collections.abc import Iterable

from ..detect import Evidence, Signals
from ..parse import Document
from ..rubric import Dimension, Rubric
from .calibrate import above, adjust, features, probabilities
from .facts import holds
from .result import DimensionScore, Quote

MAX_QUOTES = 4


def quotes_for(doc: Document, evidence: Iterable[Evidence], limit: int = MAX_QUOTES) -> tuple[Quote, ...]:
    """One quote per sentence, in story order: the sentences that earned a judgment."""
    seen: dict[int, str] = {}
    for e in sorted(evidence, key=lambda e: (e.sentence, e.start)):
        seen.setdefault(e.sentence, e.signal)
    out = []
    for index, signal in list(seen.items())[:limit]:
        s = doc.sentences[index]
        out.append(Quote(s.start, s.end, signal, s.text))
    return tuple(out)


def dimension_evidence(dim: Dimension, signals: Signals) -> list[Evidence]:
    return [e for e in signals.evidence if e.dimension == dim.id]


def anchor_level(dim: Dimension, facts: dict[str, float]) -> int:
    """The highest anchor whose condition holds."""
    return next(a.level for a in sorted(dim.anchors, key=lambda a: a.level, reverse=True) if holds(a.when, facts))


def score(
    dim: Dimension, doc: Document, signals: Signals, facts: dict[str, float], moved: tuple[int, str] | None = None
) -> tuple[DimensionScore, list[str]]:
    """A dimension's level: its anchors' (or, `moved`, the level the calibration chose with its
    reason), at least the claim level where only rubric words spoke, then its caps."""
    decisions = []
    level = anchor_level(dim, facts)
    anchor = next(a for a in dim.anchors if a.level == level)
    why = anchor.text
    decisions.append(f"{dim.id}: level {level} (anchor: {anchor.text})")
    if moved is not None:
        level, reason = moved
        why = next(a.text for a in dim.anchors if a.level == level)
        decisions.append(f"{dim.id}: calibrated to {level} ({reason})")
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


def score_all(
    rubric: Rubric, doc: Document, signals: Signals, facts: dict[str, float], *, context: str, calibrate: bool = True
) -> tuple[dict[str, DimensionScore], list[str]]:
    """Every dimension's score, and the decisions behind them. With the rubric's calibration,
    each anchor level may move one step where the learned layer says the evidence means it, as far
    as the rubric's `learned_layer` lets it."""
    moved: dict[str, tuple[int, str]] = {}
    if calibrate and rubric.calibration and rubric.learned_layer:
        cal, policy = rubric.calibration, rubric.learned_layer
        anchors = {d.id: anchor_level(d, facts) for d in rubric.dimensions}
        feats = features(rubric, signals, anchors, context)
        # Only evidence can raise a level: the model never lifts a dimension nothing in the story speaks for.
        spoken = {e.dimension for e in signals.evidence if e.polarity == "earns"}
        movable = anchors.keys() if policy.dimensions is None else policy.dimensions
        for dim_id in movable:
            anchor = anchors[dim_id]
            probs = probabilities(cal, dim_id, feats)
            level, p = adjust(probs, anchor, cal.band)
            reason = f"labelled stories with this evidence sit nearest {level}; p={p:.2f} for {level} itself"
            raises = level > anchor and dim_id in spoken
            if raises and policy.raises == "own_evidence":
                # Strength elsewhere in the story is no evidence for this dimension: take the step
                # only where a higher level is more likely than not, both on the story's evidence
                # and on the dimension's own evidence read alone.
                odds = [above(probs, anchor), above(probabilities(cal, dim_id, feats, own=True), anchor)]
                raises = min(odds) > 0.5
                reason = (
                    f"labelled stories with this evidence sit above {anchor} (p={odds[0]:.2f}), "
                    f"and so do those with this dimension's own evidence alone (p={odds[1]:.2f})"
                )
            # Nor does it read "nothing at all" where a sentence speaks for the dimension.
            lowers = policy.lowers and level < anchor and (level > 0 or dim_id not in spoken)
            if raises or lowers:
                moved[dim_id] = (level, reason)
    scores, decisions = {}, []
    for dim in rubric.dimensions:
        scores[dim.id], why = score(dim, doc, signals, facts, moved.get(dim.id))
        decisions += why
    return scores, decisions
