"""Words as meaning units are matched on: each token with its offsets and the base forms it may
stand for, so one vocabulary line ("speak") matches "spoke", "speaking" and "speaks".

The base forms are candidates, not one answer: a suffix is stripped every way it could have
been added ("hoping" gives "hop" and "hope"), and irregular forms come from a table held as
data. A class term matches a token when the term is among the token's candidates, which is
robust without a dictionary and cannot invent a match for a word that has no such ending.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Words, numbers with their separators and units, and single punctuation marks that end a
# clause (a gap in a unit never crosses a clause mark, see units.py).
_TOKEN = re.compile(r"[$£€₹¥]?\d(?:[\d,.]*\d)?(?:%|[kKmMbB]n?\b|x\b)?|[^\W\d_]+(?:['’\-][^\W\d_]+)*|[;:!?.,()\"“”—–]")
CLAUSE_MARKS = frozenset(';:!?.()—–"“”')


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    lower: str
    start: int  # offsets into the sentence text
    end: int
    forms: frozenset[str]  # the token's lower form and every base form it may stand for

    @property
    def is_mark(self) -> bool:
        return self.lower in CLAUSE_MARKS or self.lower == ","


@lru_cache(maxsize=1)
def _irregular() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    text = resources.files("starbar.parse").joinpath("irregular.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        base, *forms = line.split()
        for form in forms:
            table.setdefault(form, []).append(base)
    return {form: tuple(bases) for form, bases in table.items()}


_VOWEL = frozenset("aeiou")


@lru_cache(maxsize=65536)
def base_forms(word: str) -> frozenset[str]:
    """The lower-cased word and the base forms it may be an inflection of."""
    w = word.lower().replace("’", "'")
    out = {w}
    if w.endswith(("'s", "s'")):
        w = w[:-2] if w.endswith("'s") else w[:-1]
        out.add(w)
    out.update(_irregular().get(w, ()))
    n = len(w)
    if n > 3 and w.endswith("ies"):
        out.add(w[:-3] + "y")
    if n > 3 and w.endswith("es"):
        out.add(w[:-2])
    if n > 2 and w.endswith("s") and not w.endswith("ss"):
        out.add(w[:-1])
    for suffix in ("ed", "ing", "er", "ers"):
        if n >= len(suffix) + 2 and w.endswith(suffix):  # "used" is "use"
            stem = w[: -len(suffix)]
            out.add(stem)
            out.add(stem + "e")  # hoped, hoping -> hope
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWEL:
                out.add(stem[:-1])  # stopped -> stop
            if stem.endswith("i"):
                out.add(stem[:-1] + "y")  # tried, studied -> try, study
    if n > 4 and w.endswith("ied"):
        out.add(w[:-3] + "y")
    return frozenset(out)


def tokenize(text: str) -> tuple[Token, ...]:
    return tuple(
        Token(m.group(), m.group().lower(), m.start(), m.end(), base_forms(m.group())) for m in _TOKEN.finditer(text)
    )
