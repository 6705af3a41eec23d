"""Robustness: the judge reads substance, not wording.

Each record (data/robustness/, written by people who never read the engine) holds a base story
and versions of it: the same substance in other words and as a spoken answer (the verdict must
hold), the story with rubric vocabulary added and no substance (no dimension may rise above a
claim's level 1, no verdict may rise), and the story with its friction, its customer numbers
or its "I" taken out (that dimension must fall).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..api import review
from ..errors import InputError
from ..judge.result import VERDICT_ORDER


@dataclass(frozen=True)
class Robustness:
    paraphrases: int  # paraphrased or spoken versions that kept the base verdict
    paraphrase_total: int
    gamed_raises: tuple[tuple[str, str, int, int], ...]  # (record, dimension, base, gamed) above a claim's level
    gamed_verdicts: tuple[tuple[str, str, str], ...]  # (record, base verdict, gamed verdict) that rose
    ablations: int  # ablated versions whose named dimension fell
    ablation_total: int

    def to_dict(self) -> dict:
        return {
            "paraphrase_kept_verdict": self.paraphrases / self.paraphrase_total,
            "gaming_raised_dimensions": len(self.gamed_raises),
            "gaming_raised_verdicts": len(self.gamed_verdicts),
            "ablation_lowered_dimension": self.ablations / self.ablation_total,
        }


def load_records(path: str | Path) -> list[dict]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read robustness records from {path}: {exc}") from None


def measure(records: list[dict]) -> Robustness:
    kept = total = lowered = ablated = 0
    raises: list[tuple[str, str, int, int]] = []
    verdicts: list[tuple[str, str, str]] = []
    for record in records:
        level = record.get("level", "L6")
        # Each record is judged under its own principle's rubric (Customer Obsession unless named).
        lp = record.get("lp", "customer-obsession")
        base = review(record["base"], level, lp=lp)
        for version in ("paraphrase", "spoken"):
            kept += review(record[version], level, lp=lp).verdict == base.verdict
            total += 1
        gamed = review(record["gamed"], level, lp=lp)
        for dim, score in base.dimensions.items():
            if gamed.dimensions[dim].level > max(score.level, 1):
                raises.append((record["id"], dim, score.level, gamed.dimensions[dim].level))
        if VERDICT_ORDER.index(gamed.verdict) > VERDICT_ORDER.index(base.verdict):
            verdicts.append((record["id"], base.verdict, gamed.verdict))
        for dim, text in record["ablations"].items():
            if dim not in base.dimensions:
                raise InputError(f"robustness record {record['id']}: {lp} has no dimension {dim!r} to ablate")
            lowered += review(text, level, lp=lp).dimensions[dim].level < base.dimensions[dim].level
            ablated += 1
    return Robustness(kept, total, tuple(raises), tuple(verdicts), lowered, ablated)
