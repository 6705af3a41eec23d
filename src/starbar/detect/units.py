"""Meaning units: a sentence matched by the roles it holds, not by its exact phrasing.

A unit is one line of the rubric, a sequence of slots read left to right:

    {converse} ~4 #number ~3 {people}

- ``{name}``: a term of the rubric's word class ``name`` (``vocab/name.txt``, one term a line;
  a term may be several words). Every word matches by base form, so the line ``speak with``
  matches "spoke with", "speaking with" and "speaks with".
- ``word`` or ``word|other``: a literal word, also by base form (an alternative is one word:
  "the way|where" is two slots, "the" then "way|where"; a phrase belongs in a word class).
- ``#number``: a quantity in any written form (see ``parse.quantities``).
- ``#name``: a named party, read from the writer's capitals (see ``detect.names``): "Priya",
  "Calder Bank", "Bank Indonesia". A name that opens the sentence is not read as one.
- ``~N``: up to N tokens may stand between the slots either side. A gap never crosses the
  end of a clause (``; : . ! ?``, brackets, dashes or quotes), so a unit reads one clause; a
  name in brackets ("the CFO (Dana) said no") is part of the clause around it.
- a trailing ``?`` makes a slot optional.

A synonym is one more line in a class file; a new way of saying a thing is one more unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from ..parse.quantities import quantities
from ..parse.tokens import CLAUSE_MARKS, Token, tokenize
from .names import names

_SLOT = re.compile(r"^(\{[a-z_]+\}|#number|#name|[\w'’-]+(?:\|[\w'’-]+)*)(\?)?$")
_GAP = re.compile(r"^~(\d+)$")


class UnitError(ValueError):
    """A unit line that cannot be read; the loader names the file and key."""


@dataclass(frozen=True, slots=True)
class Slot:
    kind: str  # "class", "words", "number" or "name"
    value: str | tuple[str, ...]
    optional: bool
    gap: int  # tokens allowed before this slot


@dataclass(frozen=True, slots=True)
class Unit:
    source: str
    slots: tuple[Slot, ...]
    # The required slots, each under a key a sentence can answer in one lookup: most units
    # lack one of them in most sentences, and are set aside before any search.
    required: tuple[tuple[str, Slot], ...] = ()


def parse_unit(line: str, classes: Mapping[str, object]) -> Unit:
    slots: list[Slot] = []
    gap = 0
    for part in line.split():
        if m := _GAP.match(part):
            gap = int(m.group(1))
            continue
        m = _SLOT.match(part)
        if not m:
            raise UnitError(f"cannot read {part!r} in unit {line!r}")
        body, optional = m.group(1), bool(m.group(2))
        if body.startswith("{"):
            name = body[1:-1]
            if name not in classes:
                raise UnitError(f"unknown word class {{{name}}} in unit {line!r}")
            slots.append(Slot("class", name, optional, gap))
        elif body in ("#number", "#name"):
            slots.append(Slot(body[1:], "", optional, gap))
        else:
            slots.append(Slot("words", tuple(w.lower() for w in body.split("|")), optional, gap))
        gap = 0
    if not slots or all(s.optional for s in slots):
        raise UnitError(f"unit {line!r} has no required slot")
    if gap:
        raise UnitError(f"unit {line!r} ends with a gap")
    return Unit(line, tuple(slots), tuple((_key(s), s) for s in slots if not s.optional))


def _key(slot: Slot) -> str:
    if slot.kind == "class":
        return f"{{{slot.value}}}"
    if slot.kind in ("number", "name"):
        return f"#{slot.kind}"
    return "|".join(slot.value)


@lru_cache(maxsize=4096)
def _term_words(term: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in term.replace("’", "'").split())


class Lexicon:
    """A rubric's word classes, all their terms indexed by first word, so a sentence looks each of
    its words up once for every class instead of trying every term. Built once per rubric."""

    def __init__(self, classes: Mapping[str, tuple[str, ...]]):
        self.classes = classes
        # first word -> (class, the term's line in its file, the term's words); lines keep
        # matches in the class file's order.
        index: dict[str, list[tuple[str, int, tuple[str, ...]]]] = {}
        for name, terms in classes.items():
            for line, term in enumerate(terms):
                words = _term_words(term)
                index.setdefault(words[0], []).append((name, line, words))
        self.by_first: dict[str, tuple[tuple[str, int, tuple[str, ...]], ...]] = {
            first: tuple(entries) for first, entries in index.items()
        }


@dataclass(frozen=True, slots=True)
class _Lexed:
    tokens: tuple[Token, ...]
    number_ends: dict[int, list[int]]
    # Where each form stands, so a literal word is looked up, not searched for.
    at: dict[str, list[int]]
    # The brackets of a name put in as an aside, which a gap may cross (see `_asides`).
    asides: frozenset[int]


@lru_cache(maxsize=512)
def _lex(text: str) -> _Lexed:
    """What every rubric reads of a sentence alike: shared by the seven rubrics and `fit`."""
    tokens = tokenize(text)
    at: dict[str, list[int]] = {}
    for i, tok in enumerate(tokens):
        for form in tok.forms:
            at.setdefault(form, []).append(i)
    return _Lexed(tokens, _token_ends(tokens, ((q.start, q.end) for q in quantities(text))), at, _asides(tokens))


def _asides(tokens: tuple[Token, ...]) -> frozenset[int]:
    """The brackets around one to three capitalised words: a name told in passing ("our risk
    team (Dana) refused") belongs to the clause around it rather than ending it."""
    out: set[int] = set()
    for i, tok in enumerate(tokens):
        if tok.text != "(":
            continue
        for k in range(i + 2, min(i + 5, len(tokens))):
            if tokens[k].text == ")":
                if all(t.text[:1].isupper() for t in tokens[i + 1 : k]):
                    out.update((i, k))
                break
    return frozenset(out)


def _token_ends(tokens: tuple[Token, ...], spans: Iterable[tuple[int, int]]) -> dict[int, list[int]]:
    """For character spans of the sentence (a quantity, a name): the first token each covers,
    and the token after its last."""
    ends: dict[int, list[int]] = {}
    for start, end in spans:
        inside = [i for i, t in enumerate(tokens) if t.start < end and t.end > start]
        if inside:
            ends.setdefault(inside[0], []).append(inside[-1] + 1)
    return ends


_NOWHERE: dict[int, list[int]] = {}


class Reading:
    """One sentence prepared for one rubric's units: its tokens, where each class's terms start
    and end, and which tokens are quantities. Classes are read lazily, so a sentence pays only for
    what is asked."""

    def __init__(self, text: str, lexicon: Lexicon):
        self._text = text
        self._name_ends: dict[int, list[int]] | None = None
        lexed = _lex(text)
        self.tokens = lexed.tokens
        self.number_ends = lexed.number_ends
        self.asides = lexed.asides
        self._at = lexed.at
        self._lexicon = lexicon
        self._class_ends: dict[str, dict[int, list[int]]] | None = None
        self._present: dict[str, bool] = {}

    def present(self, key: str, slot: Slot) -> bool:
        """Whether `slot` can match anywhere in the sentence (`key` names it, see `Unit.required`)."""
        hit = self._present.get(key)
        if hit is None:
            hit = self._present[key] = bool(self.starts(slot))
        return hit

    def class_ends(self, name: str) -> dict[int, list[int]]:
        """Where each term of class `name` starts in the sentence and the token each ends at.
        The first call reads every class in one pass over the words."""
        if self._class_ends is None:
            self._class_ends = self._read_classes()
        return self._class_ends.get(name, _NOWHERE)

    def _read_classes(self) -> dict[str, dict[int, list[int]]]:
        found: dict[str, dict[int, list[tuple[int, int]]]] = {}
        tokens = self.tokens
        by_first = self._lexicon.by_first
        for i, tok in enumerate(tokens):
            for form in tok.forms:
                for name, line, words in by_first.get(form, ()):
                    if i + len(words) <= len(tokens) and all(
                        w in tokens[i + k].forms for k, w in enumerate(words[1:], 1)
                    ):
                        found.setdefault(name, {}).setdefault(i, []).append((line, i + len(words)))
        return {
            name: {i: [end for _, end in sorted(hits)] for i, hits in sorted(starts.items())}
            for name, starts in found.items()
        }

    def name_ends(self) -> dict[int, list[int]]:
        """Where each named party starts and the token after it ends; read on first use."""
        if self._name_ends is None:
            self._name_ends = _token_ends(self.tokens, names(self._text))
        return self._name_ends

    def starts(self, slot: Slot) -> Iterable[int]:
        """Every token where `slot` can match, in order."""
        if slot.kind == "number":
            return sorted(self.number_ends)
        if slot.kind == "name":
            return sorted(self.name_ends())
        if slot.kind == "class":
            return self.class_ends(str(slot.value)).keys()  # built in token order
        return sorted({i for w in slot.value for i in self._at.get(w, ())})

    def ends(self, slot: Slot, i: int) -> list[int]:
        if i >= len(self.tokens):
            return []
        if slot.kind == "number":
            return self.number_ends.get(i, [])
        if slot.kind == "name":
            return self.name_ends().get(i, [])
        if slot.kind == "class":
            return self.class_ends(str(slot.value)).get(i, [])
        forms = self.tokens[i].forms
        return [i + 1] if any(w in forms for w in slot.value) else []


@lru_cache(maxsize=512)
def read(text: str, lexicon: Lexicon) -> Reading:
    """A sentence read for one rubric's lexicon, kept for the next reader of the same sentence:
    the units, then the sentence-role tagger, read its classes once between them. Like `_lex`,
    it holds a few stories' sentences, not a whole set's: a process that judges new stories
    gains nothing from more, and a benchmark that cycles through a set would gain falsely."""
    return Reading(text, lexicon)


def _search(unit: Unit, reading: Reading) -> tuple[int, int] | None:
    """The first match as (first token, end token), or None. A match starts at the first
    required slot: optional slots before it add nothing to what the sentence says."""
    if not all(reading.present(key, slot) for key, slot in unit.required):
        return None
    tokens = reading.tokens
    n = len(tokens)
    slots = unit.slots
    first = next(k for k, s in enumerate(slots) if not s.optional)

    def step(k: int, i: int) -> int | None:
        """Match slots k.. with slot k at token i or after its gap; the end token."""
        if k == len(slots):
            return i
        slot = slots[k]
        for j in range(i, min(i + slot.gap, n) + 1):
            if j > i and tokens[j - 1].lower in CLAUSE_MARKS and j - 1 not in reading.asides:
                break
            for end in reading.ends(slot, j):
                found = step(k + 1, end)
                if found is not None:
                    return found
        return step(k + 1, i) if slot.optional else None

    for start in reading.starts(slots[first]):
        for end in reading.ends(slots[first], start):
            found = step(first + 1, end)
            if found is not None:
                return start, found
    return None


def search(unit: Unit, reading: Reading) -> tuple[int, int] | None:
    """Character offsets (into the sentence) of the unit's first match, or None."""
    hit = _search(unit, reading)
    if hit is None:
        return None
    start, end = hit
    return reading.tokens[start].start, reading.tokens[end - 1].end


__all__ = ["Lexicon", "Reading", "Unit", "UnitError", "parse_unit", "search"]
