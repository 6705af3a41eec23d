"""How often `starbar fit` ranks a story's labelled principle first and in its top two, and how
often it claims the other principles the story is labelled to serve (`lps_also`).

Four pools: `dev` (data/lp/*/dev.jsonl and the Customer Obsession tuning sets
data/tuning/set-a..d.jsonl), `tune` (data/lp/*/tune.jsonl), `tune3` (data/lp/*/tune-3.jsonl and
data/tuning/set-e.jsonl: stories written after `fit` was tuned on the first two), and
`robustness` (each story of data/robustness/*.jsonl as written, paraphrased, spoken and stuffed
with rubric words: a check nobody tunes `fit` on). The sealed sets are refused: the lead
measures those.

    .venv/bin/python scripts/measure_fit.py [dev|tune|tune3|robustness] [--misses]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from starbar.principles import fit

ROOT = Path(__file__).resolve().parent.parent / "data"
CO_SETS = ("set-a", "set-b", "set-c", "set-d")
POOLS = ("dev", "tune", "tune3", "robustness")
VERSIONS = ("base", "paraphrase", "spoken", "gamed")


def _paths(pool: str) -> list[tuple[Path, str | None]]:
    if pool == "robustness":
        return [
            (p, None if p.stem != "stories" else "customer-obsession") for p in sorted(ROOT.glob("robustness/*.jsonl"))
        ]
    if pool == "tune3":
        paths = [(p, None) for p in sorted(ROOT.glob("lp/*/tune-3.jsonl"))]
        return [*paths, (ROOT / "tuning" / "set-e.jsonl", "customer-obsession")]
    paths = [(p, None) for p in sorted(ROOT.glob(f"lp/*/{pool}.jsonl"))]
    if pool == "dev":
        paths += [(ROOT / "tuning" / f"{name}.jsonl", "customer-obsession") for name in CO_SETS]
    return paths


def labelled_rows(pool: str = "dev") -> list[dict]:
    """Every story of `pool` as its row, `lp` filled in where the file leaves it out."""
    if pool not in POOLS:
        raise SystemExit(f"unknown pool {pool!r}: choose from {', '.join(POOLS)}")
    rows = []
    for path, lp in _paths(pool):
        if "sealed" in path.parts or path.stem.startswith("sealed"):
            raise SystemExit(f"refusing a sealed set: {path}")
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            row = {**row, "lp": lp or row["lp"], "lps_also": row.get("lps_also", [])}
            if pool != "robustness":
                rows.append(row)
                continue
            # A robustness record holds one story in several versions, each measured alone.
            rows += [{**row, "id": f"{row['id']}/{v}", "text": row[v]} for v in VERSIONS if row.get(v)]
    return rows


def labelled(pool: str = "dev") -> list[tuple[str, str, str]]:
    """(story id, labelled principle, text) for every story of `pool`."""
    return [(row["id"], row["lp"], row["text"]) for row in labelled_rows(pool)]


def _share(hits: list[bool]) -> str:
    return f"{sum(hits):>3}/{len(hits):<3} {sum(hits) / len(hits):>4.0%}" if hits else "  -"


def main(pool: str, show_misses: bool) -> None:
    top1: dict[str, list[bool]] = defaultdict(list)
    top2: dict[str, list[bool]] = defaultdict(list)
    also: dict[str, list[bool]] = defaultdict(list)
    for row in labelled_rows(pool):
        lp, result = row["lp"], fit(row["text"])
        ranked = [p.id for p in result.ranked]
        claimed = {p.id for p in result.ranked if p.claimed}
        top1[lp].append(ranked[0] == lp)
        top2[lp].append(lp in ranked[:2])
        also[lp] += [other in claimed for other in row["lps_also"]]
        if show_misses and lp not in ranked[:2]:
            print(f"miss {row['id']}: {lp} ranked {ranked.index(lp) + 1}; top {ranked[:3]}")
    print(f"{'principle':<32} {'top two':>13} {'top one':>13} {'lps_also claimed':>17}")
    for lp in sorted(top2):
        print(f"{lp:<32} {_share(top2[lp]):>13} {_share(top1[lp]):>13} {_share(also[lp]):>17}")
    every = [(k, [h for rows in d.values() for h in rows]) for k, d in (("2", top2), ("1", top1), ("a", also))]
    print(f"{'all':<32} {_share(every[0][1]):>13} {_share(every[1][1]):>13} {_share(every[2][1]):>17}")


if __name__ == "__main__":
    args = sys.argv[1:]
    pools = [a for a in args if not a.startswith("--")]
    main(pools[0] if pools else "dev", "--misses" in args)
