"""`fit` as terminal text: the claimed principles with their quotes, the deep reviews to run,
then the rest by score."""

from __future__ import annotations

import textwrap

from .result import Fit, PrincipleFit, Quote

_WIDTH = 100


def _heading(p: PrincipleFit) -> str:
    role = f", {p.role}" if p.role else ""
    noun = "signal" if p.signals == 1 else "signals"
    return f"{p.name} ({p.id}{role}): {p.signals} {noun}, score {p.score:g}"


def _quotes(quotes: tuple[Quote, ...], prefix: str = "") -> list[str]:
    """Each sentence once, with everything it shows."""
    by_sentence: dict[tuple[int, int], list[Quote]] = {}
    for q in quotes:
        by_sentence.setdefault((q.start, q.end), []).append(q)
    lines = []
    for group in by_sentence.values():
        says = "; ".join(dict.fromkeys(q.says for q in group))
        body = " ".join(group[0].quote.split())
        lines += textwrap.wrap(f'{prefix}{says}: "{body}"', _WIDTH, initial_indent="  - ", subsequent_indent="    ")
    return lines


def to_text(result: Fit, source: str = "FILE") -> str:
    claimed = [p for p in result.ranked if p.claimed]
    shown = [p for p in result.ranked if not p.claimed and p.score > 0]
    lines = ["Principles this story shows (ranked by quoted evidence)", ""]
    if not claimed:
        lines += ["No principle shows two signals or more: the story is too thin to answer a question well.", ""]
    for p in claimed + shown:
        lines.append(_heading(p))
        lines += _quotes(p.quotes)
        lines += _quotes(p.mistaken, "mistaken for it, ")
        lines.append("")
    if result.deep:
        lines.append("Deep reviews to run:")
        lines += [f"  starbar review {source} --lp {lp}" for lp in result.deep]
        lines.append("")
    quiet = [p.id for p in result.ranked if p.score == 0]
    if quiet:
        lines += textwrap.wrap(
            "No evidence: " + ", ".join(quiet), _WIDTH, subsequent_indent="  ", break_on_hyphens=False
        )
    return "\n".join(lines).rstrip() + "\n"
