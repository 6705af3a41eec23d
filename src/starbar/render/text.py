"""Terminal report: verdict first, then each judgment with the sentences behind it."""

from __future__ import annotations

import textwrap

import click

from ..parse import PART_NAMES
from ..rubric import load_rubric
from .closeness import closeness
from .explain import explain_lines
from .plain import plain
from .serves import NONE_SERVED, by_sentence, heading

_VERDICT_COLOR = {"strong_hire": "green", "hire": "green", "no_hire": "yellow", "strong_no_hire": "red"}
WIDTH = 88


def _wrap(text: str, indent: str, first: str | None = None) -> str:
    return textwrap.fill(" ".join(text.split()), WIDTH, initial_indent=first or indent, subsequent_indent=indent)


def to_text(review, *, color: bool = False, explain: bool = False, also=None) -> str:
    def style(s: str, **kw) -> str:
        return click.style(s, **kw) if color else s

    rubric = load_rubric(review.rubric)
    out: list[str] = []
    label = review.verdict.replace("_", " ").upper()
    out.append(
        f"{style(label, fg=_VERDICT_COLOR[review.verdict], bold=True)} at {review.level}"
        f"  ·  archetype: {review.archetype.replace('_', ' ')}  ·  context: {review.context}"
    )
    out.append(_wrap(rubric.level_scope[review.level], "    ", first=f"  Bar for {review.level}: "))
    out += [
        _wrap(sentence, "    ", first="  How close: " if i == 0 else "    ")
        for i, sentence in enumerate(closeness(review))
    ]
    out.append("")
    out.append(style("Dimensions", bold=True))
    for dim in review.dimensions.values():
        bar = "█" * dim.level + "·" * (4 - dim.level)
        hue = "green" if dim.level >= 3 else "yellow" if dim.level == 2 else "red"
        out.append(f"  {dim.name:<24} {style(bar, fg=hue)} {dim.level}/4")
        out.append(_wrap(dim.why, "      "))
        for q in dim.evidence:
            out.append(_wrap(f"“{plain(q.quote)}”", "        ", first="      > "))
    out.append("")
    out.append(style("Flags", bold=True))
    if not review.flags:
        out.append("  none")
    for flag in review.flags:
        out.append(f"  {style('!', fg='red')} {flag.id}: {flag.message}")
        for q in flag.evidence:
            out.append(_wrap(f"“{plain(q.quote)}”", "        ", first="      > "))
    out.append("")
    if also is not None:
        out.append(style("Also serves", bold=True))
        out += [] if also else [_wrap(NONE_SERVED, "    ", first="  ")]
        for p in also:
            out.append(f"  {heading(p)}")
            for says, quote in by_sentence(p.quotes):
                out.append(_wrap(f"{says}: “{plain(quote)}”", "        ", first="      > "))
        out.append("")
    s = review.stats
    out.append(style("Structure", bold=True))
    minutes, seconds = divmod(s.speaking_seconds, 60)
    out.append(f"  {s.words} words, about {minutes}:{seconds:02d} spoken")
    shares = "  ".join(f"{PART_NAMES[p]} {round(v * 100)}%" for p, v in s.part_shares.items() if v)
    out.append(f"  {shares}")
    for part in review.parts:
        snippet = " ".join(plain(review.text[part.start : part.end]).split())
        out.append(f"  [{part.part}] {snippet[:70]}{'…' if len(snippet) > 70 else ''}")
    out.append("")
    out.append(style("A bar raiser would ask", bold=True))
    out += [_wrap(q, "    ", first="  - ") for q in review.followups]
    out.append("")
    out.append(style("Next steps", bold=True))
    out += [_wrap(step, "     ", first=f"  {i}. ") for i, step in enumerate(review.next_steps, 1)]
    if explain:
        out.append("")
        out.append(style("Explain", bold=True))
        out += [f"  {line}" for line in explain_lines(review)]
    return "\n".join(out)
