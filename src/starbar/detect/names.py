"""Named parties, read from the writer's own capitals: patterns match folded text, where "Priya"
and "priya" look alike, so names are found on the original text, offsets kept.

A name is a run of capitalised words (``Priya``, ``Calder Bank``, ``McKenzie``) that does not
open a sentence, a line, a label's note or a quotation, and is not a common word written with a
capital (``common_capitals.txt``: weekdays, months, STAR labels, pronouns). All-capitals words
are left out: an acronym (PCI, NPS, KYC) is what a claim is made of, and a role (CFO, CRO) is
read by the role patterns.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# A capitalised word: a capital then lower case, with inner capitals ("McKenzie") or an
# apostrophe-s ("Priya's") allowed.
_WORD = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:['’]s)?\b")
# What stands just before a word that opens something: the start of the text or of a line (with
# a bullet, a number or emphasis), end punctuation or a colon, a dash, an opening quote.
_OPENS = re.compile(
    r"(?:(?:^|\n)\s*(?:[-–—*•>#]+|\d+[.)])?|[.!?:;]|\s[-–—]|(?:^|\s)[\"“‘(\[])\s*(?:\*\*|__|[\"“‘(\[])?\s*$"
)
_JOIN = re.compile(r"^[ \t]+$")


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    text = resources.files("starbar.detect").joinpath("common_capitals.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=4096)
def names(text: str, known: frozenset[str] = frozenset()) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets in `text` of each named party: adjacent capitalised words are one name.
    A word in `known` (a story's names, lower case, from `story_names`) is a name even where it
    opens the sentence: "Priya pushed back." once the story has said "I went to Priya"."""
    common = _common()
    spans: list[tuple[int, int]] = []
    for m in _WORD.finditer(text):
        word = m.group().lower()
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        if word in common or (word not in known and _OPENS.search(text, max(0, m.start() - 12), m.start())):
            continue
        if spans and _JOIN.match(text[spans[-1][1] : m.start()]):
            spans[-1] = (spans[-1][0], m.end())
        else:
            spans.append((m.start(), m.end()))
    return tuple(spans)


def story_names(sentences: tuple[str, ...]) -> frozenset[str]:
    """Every word (lower case, without a possessive) the story uses as a name inside a sentence."""
    return frozenset(
        word.lower().removesuffix("'s").removesuffix("’s")
        for text in sentences
        for a, b in names(text)
        for word in text[a:b].split()
    )
