"""Run the engine over labelled stories and measure agreement, dimension by dimension."""

from __future__ import annotations

from ..api import review
from ..judge.result import VERDICT_ORDER, Review
from .gold import GoldStory, word_parts
from .metrics import exact, prf, quadratic_weighted_kappa, within_one


def _part_agreement(story: GoldStory, rv: Review) -> tuple[int, int]:
    gold = word_parts(story.text, story.parts)
    pred = dict(word_parts(story.text, [(p.start, p.end, p.part) for p in rv.parts]))
    scored = [(start, part) for start, part in gold if part is not None]
    # A word between predicted spans (a heading line, whitespace) counts as the part before it.
    agree = sum(pred.get(start) == part for start, part in scored)
    return agree, len(scored)


def evaluate(stories: list[GoldStory]) -> dict:
    """Review every labelled story and measure agreement: kappa per dimension, verdict, archetype, flags, parts."""
    reviews = [review(s.text, s.level, rubric=s.rubric) for s in stories]
    dims = list(stories[0].dims)
    result: dict = {"stories": len(stories), "dimensions": {}}
    for d in dims:
        g = [s.dims[d] for s in stories]
        p = [r.dimensions[d].level for r in reviews]
        result["dimensions"][d] = {
            "qwk": quadratic_weighted_kappa(g, p),
            "exact": exact(g, p),
            "within_one": within_one(g, p),
            # Below zero, the engine reads this dimension lower than the labels on average.
            "bias": sum(b - a for a, b in zip(g, p, strict=True)) / len(g),
        }
    kappas = [v["qwk"] for v in result["dimensions"].values()]
    result["mean_qwk"] = sum(kappas) / len(kappas)
    result["min_qwk"] = min(kappas)
    gv = [VERDICT_ORDER.index(s.verdict) for s in stories]
    pv = [VERDICT_ORDER.index(r.verdict) for r in reviews]
    hired = ("hire", "strong_hire")
    result["verdict"] = {
        "accuracy": exact(gv, pv),
        "within_one": within_one(gv, pv),
        # any verdict the labellers accept, and the hire-or-better line
        "acceptable": sum(r.verdict in (s.verdict_ok or (s.verdict,)) for s, r in zip(stories, reviews)) / len(stories),
        "hire_line": sum((s.verdict in hired) == (r.verdict in hired) for s, r in zip(stories, reviews)) / len(stories),
    }
    result["archetype"] = {"accuracy": exact([s.archetype for s in stories], [r.archetype for r in reviews])}
    gold_flags = [set(s.flags) for s in stories]
    pred_flags = [{f.id for f in r.flags} for r in reviews]
    labels = sorted(set().union(*gold_flags, *pred_flags))
    result["flags"] = {
        "micro": prf(gold_flags, pred_flags),
        "per_flag": {f: prf(gold_flags, pred_flags, f) for f in labels},
    }
    agree = total = 0
    for s, r in zip(stories, reviews):
        a, t = _part_agreement(s, r)
        agree, total = agree + a, total + t
    result["parts"] = {"word_agreement": agree / total if total else 0.0}
    stuffed = [r.verdict for s, r in zip(stories, reviews) if "buzzword_stuffing" in s.flags]
    result["buzzword_stuffing_at_no_hire_or_below"] = all(v in ("no_hire", "strong_no_hire") for v in stuffed)
    result["mismatches"] = [
        {
            "id": s.id,
            "gold": s.verdict,
            "predicted": r.verdict,
            "dims": {d: [s.dims[d], r.dimensions[d].level] for d in dims if s.dims[d] != r.dimensions[d].level},
        }
        for s, r in zip(stories, reviews)
    ]
    return result
