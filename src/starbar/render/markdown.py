"""Markdown report, for notes files and coaches' documents."""

from __future__ import annotations

from ..rubric import load_rubric
from .closeness import closeness
from .explain import explain_lines
from .serves import NONE_SERVED, by_sentence, heading


def _quote(text: str) -> str:
    return "> " + " ".join(text.split())


def to_markdown(review, *, explain: bool = False, also=None) -> str:
    rubric = load_rubric(review.rubric)
    out = [
        f"# Review: {review.verdict.replace('_', ' ')} at {review.level}",
        "",
        f"**Archetype:** {review.archetype.replace('_', ' ')} · **Context:** {review.context} · "
        f"**Bar for {review.level}:** {rubric.level_scope[review.level]}",
        "",
        f"**How close:** {' '.join(closeness(review))}",
        "",
        "## Dimensions",
        "",
        "| dimension | level | why |",
        "| --- | --- | --- |",
    ]
    out += [f"| {d.name} | {d.level}/4 | {d.why} |" for d in review.dimensions.values()]
    for d in review.dimensions.values():
        if d.evidence:
            out += ["", f"**{d.name}** ({d.level}/4)", ""]
            for q in d.evidence:
                out += [_quote(q.quote), ""]
    out += ["", "## Flags", ""]
    out += [f"- **{f.id}**: {f.message}" for f in review.flags] or ["- none"]
    if also is not None:
        out += ["", "## Also serves"] + ([] if also else ["", NONE_SERVED])
        for p in also:
            out += ["", f"**{heading(p)}**"]
            for says, quote in by_sentence(p.quotes):
                out += ["", _quote(quote), f"> — {says}"]
    s = review.stats
    shares = ", ".join(f"{p} {round(v * 100)}%" for p, v in s.part_shares.items())
    out += [
        "",
        "## Structure",
        "",
        f"{s.words} words, about {s.speaking_seconds // 60}:{s.speaking_seconds % 60:02d} spoken. Parts: {shares}.",
    ]
    out += ["", "## Follow-up questions", ""] + [f"- {q}" for q in review.followups]
    out += ["", "## Next steps", ""] + [f"{i}. {step}" for i, step in enumerate(review.next_steps, 1)]
    if explain:
        out += ["", "## Explain", "", "```", *explain_lines(review), "```"]
    return "\n".join(out) + "\n"
