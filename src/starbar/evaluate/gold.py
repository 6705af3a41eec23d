"""Labelled stories (the development set's JSON Lines format) and word-level part labels."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..rubric import DEFAULT_RUBRIC

_WORD = re.compile(r"\S+")
FORMAT_DOC = "docs/labelled-stories.md"
_REQUIRED = ("id", "text", "dims", "archetype", "verdict")


@dataclass(frozen=True)
class GoldStory:
    """A labelled story: its text and the levels, flags, archetype, verdict and parts a person gave it."""

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
    """The labelled stories of a JSON Lines file (one object a line; the format: docs/labelled-stories.md)."""
    stories = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder; give a JSON Lines file of labelled stories") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; labelled stories are JSON Lines ({FORMAT_DOC})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{where}: not JSON ({exc.msg} at column {exc.colno}); one labelled story a line"
            ) from None
        if not isinstance(row, dict):
            raise InputError(f"{where}: not a labelled story: a line must be a JSON object (see {FORMAT_DOC})")
        missing = [key for key in _REQUIRED if key not in row]
        if missing:
            raise InputError(
                f"{where}: not a labelled story: it lacks {', '.join(repr(k) for k in missing)} (see {FORMAT_DOC})"
            )
        from ..judge.result import VERDICT_ORDER

        if row["verdict"] not in VERDICT_ORDER:
            raise InputError(
                f"{where}: verdict {row['verdict']!r} is not one of {', '.join(VERDICT_ORDER)} (see {FORMAT_DOC})"
            )
        try:
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
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            detail = (
                str(exc) if isinstance(exc, ValueError) and "part text" in str(exc) else "a field has the wrong type"
            )
            raise InputError(f"{where}: not a labelled story: {detail} (see {FORMAT_DOC})") from None
    if not stories:
        raise InputError(f"{path}: no labelled stories")
    return stories


def word_parts(text: str, spans) -> list[tuple[int, str | None]]:
    """(word start, part) for every whitespace-delimited word covered by the spans."""
    out = []
    for m in _WORD.finditer(text):
        part = next((p for s, e, p in spans if s <= m.start() < e), None)
        out.append((m.start(), part))
    return out
