"""Agreement measures between predicted and labelled judgments (pure functions)."""

from __future__ import annotations

from collections import Counter


def quadratic_weighted_kappa(gold: list[int], pred: list[int], lo: int = 0, hi: int = 4) -> float:
    """Cohen's kappa with quadratic weights over the ordinal scale lo..hi.

    1 is perfect agreement, 0 is chance. When both raters use a single identical value the
    statistic is undefined; agreement is then total, so 1.0 is returned.
    """
    if len(gold) != len(pred) or not gold:
        raise ValueError("kappa needs two equally long, non-empty lists")
    k = hi - lo + 1
    n = len(gold)
    observed = [[0.0] * k for _ in range(k)]
    for g, p in zip(gold, pred):
        observed[g - lo][p - lo] += 1
    hist_g = Counter(g - lo for g in gold)
    hist_p = Counter(p - lo for p in pred)
    num = den = 0.0
    for i in range(k):
        for j in range(k):
            w = (i - j) ** 2 / (k - 1) ** 2
            num += w * observed[i][j]
            den += w * hist_g[i] * hist_p[j] / n
    return 1.0 if den == 0 else 1.0 - num / den


def exact(gold: list, pred: list) -> float:
    return sum(g == p for g, p in zip(gold, pred)) / len(gold)


def within_one(gold: list[int], pred: list[int]) -> float:
    return sum(abs(g - p) <= 1 for g, p in zip(gold, pred)) / len(gold)


def prf(gold: list[set[str]], pred: list[set[str]], label: str | None = None) -> dict[str, float]:
    """Precision, recall and F1 for one label, or micro-averaged over all labels when None."""
    tp = fp = fn = 0
    for g, p in zip(gold, pred):
        if label is not None:
            g, p = g & {label}, p & {label}
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
