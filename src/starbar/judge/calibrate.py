"""The learned layer: a per-dimension linear model that corrects the anchors' systematic
misreadings by at most one level.

The rubric's anchors ask for conjunctions of evidence ("a named party AND a resolution AND a
cost"), and every detector misses some wordings, so the anchors alone read strong stories a
step low. The calibration (``calibration.json`` in the rubric folder, trained by
``scripts/train_calibration.py`` on the labelled sets it names) weighs the same evidence the
anchors read - which signals fired in how many sentences, every dimension's anchor level and
the context - and moves a level by one step where the labelled stories say the
evidence usually means that. It never moves a level further, caps still apply after it, and
the review's trace says where it moved a level and how sure it was. Pure arithmetic on
shipped weights: no randomness, no network.
"""

from __future__ import annotations

import math

from ..detect import Signals, roles
from ..rubric import Rubric, earning_signals
from ..rubric.schema import Calibration


def features(rubric: Rubric, signals: Signals, anchor_levels: dict[str, int], context: str) -> dict[str, float]:
    """What the model reads: the evidence that earns levels above a claim (the signals the
    rubric's level-2-and-up anchors test, and the tagger's sentence roles, in how many
    sentences), the anchors' own answer and the context. Nothing rubric words can move:
    generic-claim signals, the vocabulary count and the length are left out, and an anchor at a
    claim's level 1 reads as 0."""
    earning = earning_signals(rubric) | (roles.signals(rubric) if rubric.tagger else frozenset())
    sentences: dict[str, set[int]] = {}
    for e in signals.evidence:
        if e.signal in earning:
            sentences.setdefault(e.signal, set()).add(e.sentence)
    out = {f"sig:{name}": float(min(len(found), 3)) for name, found in sentences.items()}
    out.update({f"lvl:{dim}": float(level if level >= 2 else 0) for dim, level in anchor_levels.items()})
    out["ctx:other"] = 1.0 if context == "other" else 0.0
    return out


def probabilities(cal: Calibration, dim: str, feats: dict[str, float], *, own: bool = False) -> dict[int, float]:
    """Each level's probability under the dimension's model (`own`: its model of the dimension's
    own evidence alone)."""
    model = (cal.own if own else cal.dimensions)[dim]
    reads = cal.features if model.features is None else model.features
    # Most features are 0 in any one story: read the others once, not once per level.
    present = [(i, value) for i, name in enumerate(reads) if (value := feats.get(name, 0.0))]
    scores = [b + sum(w[i] * value for i, value in present) for w, b in zip(model.coef, model.intercept, strict=True)]
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    total = sum(exp)
    return dict(zip(model.classes, (e / total for e in exp), strict=True))


def adjust(probs: dict[int, float], anchor: int, band: int) -> tuple[int, float]:
    """The level within `band` steps of `anchor` with the least expected squared error under a
    model's level probabilities, and its probability."""
    candidates = [k for k in range(5) if abs(k - anchor) <= band]
    best = min(candidates, key=lambda k: (sum(p * (k - c) ** 2 for c, p in probs.items()), abs(k - anchor)))
    return best, probs.get(best, 0.0)


def above(probs: dict[int, float], level: int) -> float:
    """The probability that the level is higher than `level`."""
    return sum(p for c, p in probs.items() if c > level)
