"""Labelled stories (the development set's JSON Lines format) and word-level part labels."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..rubric import DEFAULT_RUBRIC

_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class GoldStory:
    id: str
    text: str
    level: str
    context: str
    dims: dict[str, int]
    flags: frozenset[str]
    archetype: str
    verdict: str
    parts: tuple[tuple[int, int, str], ...]  # (start, end, part) located in text
    style: str = ""
    # Every verdict raters accept, the labelled one first (gold-schema.md).
    verdict_ok: tuple[str, ...] = ()
    # The rubric the labels are against (docs/rubrics/README.md); absent means Customer Obsession.
    rubric: str = DEFAULT_RUBRIC


def _locate_parts(text: str, parts: list[dict]) -> tuple[tuple[int, int, str], ...]:
    located, pos = [], 0
    for p in parts:
        start = text.find(p["text"], pos)
        if start < 0:
            raise ValueError(f"part text not found in story: {p['text'][:40]!r}")
        located.append((start, start + len(p["text"]), p["part"]))
        pos = start + len(p["text"])
    return tuple(located)


def load_gold(path: str | Path) -> list[GoldStory]:
    stories = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            stories.append(
                GoldStory(
                    id=str(row["id"]),
                    text=row["text"],
                    level=row.get("level", "L6"),
                    context=row.get("context", "fintech"),
                    dims={k: int(v) for k, v in row["dims"].items()},
                    flags=frozenset(row.get("flags", ())),
                    archetype=row["archetype"],
                    verdict=row["verdict"],
                    parts=_locate_parts(row["text"], row.get("parts", [])),
                    style=row.get("style", ""),
                    verdict_ok=tuple(row.get("verdict_ok") or (row["verdict"],)),
                    rubric=row.get("rubric") or DEFAULT_RUBRIC,
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number}: not a labelled story ({exc.__class__.__name__}: {exc})") from None
    if not stories:
        raise InputError(f"{path}: no labelled stories")
    return stories


def word_parts(text: str, spans) -> list[tuple[int, str]]:
    """(word start, part) for every whitespace-delimited word covered by the spans."""
    out = []
    for m in _WORD.finditer(text):
        part = next((p for s, e, p in spans if s <= m.start() < e), None)
        out.append((m.start(), part))
    return out
