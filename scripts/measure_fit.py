"""How often `starbar fit` ranks a story's labelled principle in its top two, on the
development sets: data/lp/*/dev.jsonl (each story's `lp`) and the Customer Obsession tuning
sets data/tuning/set-a..d.jsonl. The sealed sets are refused: the lead measures those.

    .venv/bin/python scripts/measure_fit.py [--misses]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from starbar.principles import fit

ROOT = Path(__file__).resolve().parent.parent / "data"
CO_SETS = ("set-a", "set-b", "set-c", "set-d")


def labelled() -> list[tuple[str, str, str]]:
    """(story id, labelled principle, text) for every development story."""
    paths = [(p, None) for p in sorted(ROOT.glob("lp/*/dev.jsonl"))]
    paths += [(ROOT / "tuning" / f"{name}.jsonl", "customer-obsession") for name in CO_SETS]
    stories = []
    for path, lp in paths:
        if "sealed" in path.parts or path.stem == "sealed":
            raise SystemExit(f"refusing a sealed set: {path}")
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            stories.append((row["id"], lp or row["lp"], row["text"]))
    return stories


def main(show_misses: bool) -> None:
    hits: dict[str, list[bool]] = defaultdict(list)
    for story_id, lp, text in labelled():
        ranked = [p.id for p in fit(text).ranked]
        hit = lp in ranked[:2]
        hits[lp].append(hit)
        if show_misses and not hit:
            print(f"miss {story_id}: {lp} ranked {ranked.index(lp) + 1}; top {ranked[:3]}")
    total = [h for rows in hits.values() for h in rows]
    for lp in sorted(hits):
        print(f"{lp:<32} {sum(hits[lp]):>3}/{len(hits[lp]):<3} {sum(hits[lp]) / len(hits[lp]):.0%}")
    print(f"{'all':<32} {sum(total):>3}/{len(total):<3} {sum(total) / len(total):.0%}")


if __name__ == "__main__":
    main("--misses" in sys.argv[1:])
