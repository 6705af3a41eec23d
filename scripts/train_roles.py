"""Train the sentence-role tagger and write it beside the rubric (``roles.json``).

    .venv/bin/python scripts/train_roles.py                  # Customer Obsession
    .venv/bin/python scripts/train_roles.py --lp dive-deep   # or --all; then: make calibrate

The labelled sentences are in data/roles/<principle>.jsonl: every sentence of the principle's
labelled sets that are not sealed (for Customer Obsession the development set and the stories
under data/tuning and data/heldout; for another principle data/lp/<principle>/), each labelled
with the roles it plays (research, finding, objection, settlement, control...) by readers who
had only the rubric and the role list, never the engine. The roles and the dimension each
speaks for are the rubric's own (``roles`` in its rubric.yaml). For each role,
a logistic regression over the features detect/roles.py reads (words, word pairs, numbers, the
rubric's word classes, the STAR part); deterministic (liblinear with a fixed seed, data in file
order), so the same files give the same weights. Weights too small to move a probability are
left out of the file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "data" / "roles"
# Leaving a quarter of the labelled stories out of the tagger and the learned layer in turn,
# 0.3, 1 and 3 gave mean kappa 0.866, 0.868 and 0.868 (labelled sets only, never the sealed ones).
REGULARISATION = 1.0
THRESHOLD = 0.5
MIN_COUNT = 2  # a feature seen once teaches nothing that carries to other stories
# dropping weights under this flips about 1 role decision in 20,000 and shrinks the file fourfold
SMALLEST_WEIGHT = 0.1


def labels_file(lp: str) -> Path:
    return LABELS / f"{lp}.jsonl"


def read_labels(lp: str) -> list[dict]:
    from starbar.errors import InputError

    path = labels_file(lp)
    if not path.is_file():
        raise InputError(f"no labelled sentences for {lp} at {path.relative_to(ROOT)}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fit(rows: list[dict], rubric) -> dict:
    """The tagger's weights (the JSON roles.json holds) trained on labelled sentence rows."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    from starbar.detect.patterns import lexicon
    from starbar.detect.roles import sentence_features

    lex = lexicon(rubric)
    feats = [sentence_features(r["text"], r["part"], lex) for r in rows]
    counts = Counter(f for fs in feats for f in fs)
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(names)}
    cols = [[index[f] for f in fs if f in index] for fs in feats]
    indptr = np.cumsum([0] + [len(c) for c in cols])
    x = csr_matrix(
        (np.ones(indptr[-1]), np.array([i for c in cols for i in c], dtype=np.int32), indptr.astype(np.int32)),
        shape=(len(rows), len(names)),
    )
    roles = [r for r in rubric.roles if any(r in row["roles"] for row in rows)]
    weights: dict[str, dict[int, float]] = {}
    intercept = []
    for k, role in enumerate(roles):
        y = np.array([role in row["roles"] for row in rows])
        model = LogisticRegression(C=REGULARISATION, solver="liblinear", random_state=0, max_iter=1000).fit(x, y)
        intercept.append(round(float(model.intercept_[0]), 3))
        for i, w in enumerate(model.coef_[0]):
            if abs(w) >= SMALLEST_WEIGHT:
                weights.setdefault(names[i], {})[k] = round(float(w), 3)
    return {
        "trained_on": {str(labels_file(rubric.lp).relative_to(ROOT)): len(rows)},
        "roles": roles,
        "threshold": THRESHOLD,
        "intercept": intercept,
        "weights": weights,
    }


def have_sklearn(script: str) -> bool:
    """scikit-learn is a training dependency only (the `train` extra): say how to get it."""
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print(f"{script}: needs scikit-learn: .venv/bin/pip install -e '.[train]'", file=sys.stderr)
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lp", default="customer-obsession", help="the principle whose tagger to train")
    parser.add_argument("--all", action="store_true", help="train every rubric that declares sentence roles")
    args = parser.parse_args()
    if not have_sklearn("train_roles"):
        return 2
    from starbar.errors import StarbarError
    from starbar.rubric import available, for_lp, load_rubric

    try:
        names = (
            [n for n in available() if load_rubric(n, calibrated=False, tagged=False).roles]
            if args.all
            else [for_lp(args.lp)]
        )
        for name in names:
            train(name)
    except StarbarError as exc:
        print(f"train_roles: {exc}", file=sys.stderr)
        return 2
    return 0


def train(name: str) -> None:
    from starbar.rubric import load_rubric
    from starbar.rubric.loader import _folder

    rubric = load_rubric(name, calibrated=False, tagged=False)
    rows = read_labels(rubric.lp)
    tagger = fit(rows, rubric)
    target = _folder(name) / "roles.json"
    target.write_text(json.dumps(tagger, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {target}: {len(rows)} sentences, {len(tagger['roles'])} roles, {len(tagger['weights'])} features")


if __name__ == "__main__":
    sys.exit(main())
