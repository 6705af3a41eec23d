"""Delivery figures for a spoken (or typed) answer: pace, filler words, hedges and long sentences.

Every occurrence carries half-open character offsets into the answer, so it can be shown in place.
Fillers are counted conservatively: "like" and "you know" are everyday words, so they count
only where the words around them show they carry no meaning ("we had, like, 400 tickets"),
never as a verb or a comparison ("I'd like to", "it looks like", "tools like these").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..parse import Document

LONG_SENTENCE_WORDS = 30
# Pace band around the rubric's speaking rate: within 20% reads as steady.
PACE_TOLERANCE = 0.2

_APOS = "['\u2019]"
_WORD_BEFORE = re.compile(rf"([A-Za-z]+(?:{_APOS}[A-Za-z]+)?)[ \t]*$")
_WORD_AFTER = re.compile(rf"^[ \t]*([A-Za-z0-9$%]+(?:{_APOS}[A-Za-z]+)?)")

# Words before "like" that make it a verb or a comparison ("we'd like", "looks like", "just like").
_LIKE_AS_VERB_OR_COMPARISON = {
    "i",
    "you",
    "we",
    "they",
    "he",
    "she",
    "people",
    "customers",
    "users",
    "who",
    "would",
    "d",
    "do",
    "does",
    "did",
    "don't",
    "didn't",
    "doesn't",
    "to",
    "really",
    "also",
    "not",
    "look",
    "looks",
    "looked",
    "looking",
    "seem",
    "seems",
    "seemed",
    "sound",
    "sounds",
    "sounded",
    "feel",
    "feels",
    "felt",
    "feeling",
    "something",
    "anything",
    "nothing",
    "more",
    "less",
    "much",
    "just",
    "exactly",
    "very",
    "i'd",
    "we'd",
    "they'd",
    "you'd",
    "he'd",
    "she'd",
    "would've",
    "might",
    "may",
    "will",
    "i'll",
    "we'll",
    "they'll",
}
# What follows a filler "like": a number, an approximation or intensifier, a new clause.
_AFTER_FILLER_LIKE = {
    "about",
    "around",
    "almost",
    "nearly",
    "really",
    "so",
    "super",
    "totally",
    "very",
    "just",
    "literally",
    "completely",
    "honestly",
    "basically",
}
_CLAUSE_SUBJECTS = {"i", "we", "they", "he", "she", "you", "it", "it's", "there", "nobody", "everyone"}
_CLAUSE_OPENERS = {None, "and", "but", "so", "then", "because", "or"}
# Words before "you know" that make it a real question or clause ("did you know", "if you know").
_YOU_KNOW_REAL_BEFORE = {
    "do",
    "did",
    "don't",
    "didn't",
    "does",
    "if",
    "as",
    "would",
    "will",
    "could",
    "can",
    "let",
    "to",
    "that",
    "when",
    "what",
    "how",
    "d",
    "i'd",
    "we'd",
    "unless",
    "whether",
}
_YOU_KNOW_OBJECTS = {
    "the",
    "a",
    "an",
    "how",
    "that",
    "whether",
    "about",
    "if",
    "him",
    "her",
    "them",
    "it",
    "this",
    "these",
    "those",
    "someone",
    "exactly",
    "why",
    "where",
    "when",
    "who",
    "what",
    "more",
    "my",
    "our",
    "their",
    "your",
    "his",
}
# Before "kind of" / "sort of", these make it a noun ("this kind of fee", "what sort of customer").
_DETERMINERS = {
    "a",
    "the",
    "this",
    "that",
    "these",
    "those",
    "what",
    "which",
    "some",
    "any",
    "every",
    "each",
    "one",
    "same",
    "different",
    "right",
    "wrong",
    "new",
    "other",
    "another",
    "no",
    "first",
    "only",
    "particular",
    "certain",
    "whatever",
    "all",
    "our",
    "their",
    "my",
    "your",
    "its",
    "his",
    "her",
}


@dataclass(frozen=True, slots=True)
class Occurrence:
    phrase: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"phrase": self.phrase, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class LongSentence:
    start: int
    end: int
    words: int

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "words": self.words}


@dataclass(frozen=True)
class Delivery:
    """How the answer was delivered: words, time and pace, fillers, hedges, long sentences."""

    words: int
    seconds: float | None
    # "spoken" (a duration the candidate gave) or "typed" (measured at the terminal); None: untimed.
    timing: str | None
    words_per_minute: int | None
    # "slow", "steady" or "fast" against the rubric's speaking rate; only for a spoken answer.
    pace: str | None
    fillers: tuple[Occurrence, ...]
    hedges: tuple[Occurrence, ...]
    long_sentences: tuple[LongSentence, ...]

    def to_dict(self) -> dict:
        return {
            "words": self.words,
            "seconds": self.seconds,
            "timing": self.timing,
            "words_per_minute": self.words_per_minute,
            "pace": self.pace,
            "fillers": [o.to_dict() for o in self.fillers],
            "hedges": [o.to_dict() for o in self.hedges],
            "long_sentences": [s.to_dict() for s in self.long_sentences],
        }


def _word_before(text: str, start: int) -> str | None:
    """The word just before `start` in the same clause (no punctuation between), lower-cased."""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return m.group(1).lower().replace("\u2019", "'") if m else None


def _word_after(text: str, end: int) -> str | None:
    m = _WORD_AFTER.match(text[end : end + 40])
    return m.group(1).lower().replace("\u2019", "'") if m else None


def _comma_after(text: str, end: int) -> bool:
    return text[end : end + 2].lstrip(" \t")[:1] in {",", "\u2014", "\u2013"}


def _like_is_filler(text: str, m: re.Match) -> bool:
    before = _word_before(text, m.start())
    if before in _LIKE_AS_VERB_OR_COMPARISON:
        return False
    if _comma_after(text, m.end()):
        return True
    after = _word_after(text, m.end())
    if after is None:
        return False
    if after[0].isdigit() or after[0] == "$" or after in _AFTER_FILLER_LIKE:
        return True
    return after in _CLAUSE_SUBJECTS and before in _CLAUSE_OPENERS


def _you_know_is_filler(text: str, m: re.Match) -> bool:
    after = _word_after(text, m.end())
    if _comma_after(text, m.end()) or after is None:
        return _word_before(text, m.start()) not in _YOU_KNOW_REAL_BEFORE
    return _word_before(text, m.start()) not in _YOU_KNOW_REAL_BEFORE and after not in _YOU_KNOW_OBJECTS


def _not_a_noun(text: str, m: re.Match) -> bool:
    return _word_before(text, m.start()) not in _DETERMINERS


def _always(text: str, m: re.Match) -> bool:
    return True


Rule = tuple[str, re.Pattern, Callable[[str, re.Match], bool]]

FILLER_RULES: tuple[Rule, ...] = (
    ("um", re.compile(r"\b(?:u+m+|e+r+m+|h+m+)\b", re.I), _always),
    ("uh", re.compile(r"\b(?:u+h+|e+r+)\b", re.I), _always),
    ("like", re.compile(r"\blike\b", re.I), _like_is_filler),
    ("you know", re.compile(r"\byou know\b", re.I), _you_know_is_filler),
    ("sort of", re.compile(r"\bsort of\b", re.I), _not_a_noun),
    ("I mean", re.compile(r"\bI mean\b(?=\s*,)", re.I), _always),
    ("basically", re.compile(r"\bbasically\b", re.I), _always),
)
HEDGE_RULES: tuple[Rule, ...] = (
    ("I think", re.compile(r"\bI think\b", re.I), _always),
    ("I guess", re.compile(r"\bI guess\b", re.I), _always),
    ("I believe", re.compile(r"\bI believe\b", re.I), _always),
    ("maybe", re.compile(r"\bmaybe\b", re.I), _always),
    ("perhaps", re.compile(r"\bperhaps\b", re.I), _always),
    ("probably", re.compile(r"\bprobably\b", re.I), _always),
    ("kind of", re.compile(r"\bkind of\b", re.I), _not_a_noun),
)


def find_phrases(text: str, rules: tuple[Rule, ...]) -> tuple[Occurrence, ...]:
    """Every filler or hedge of `rules` in `text`, in order."""
    found = [
        Occurrence(phrase, m.start(), m.end())
        for phrase, pattern, keep in rules
        for m in pattern.finditer(text)
        if keep(text, m)
    ]
    return tuple(sorted(found, key=lambda o: o.start))


def parse_duration(value: str) -> float:
    """Seconds from "M:SS" (as in `--duration 2:40`) or a plain number of seconds."""
    m = re.fullmatch(r"\s*(?:(\d+):([0-5]\d)|(\d+(?:\.\d+)?)s?)\s*", value)
    if not m:
        raise ValueError(f"{value!r} is not a duration; write minutes and seconds like 2:40, or seconds like 160")
    seconds = int(m.group(1)) * 60 + int(m.group(2)) if m.group(1) is not None else float(m.group(3))
    if seconds <= 0:
        raise ValueError("a duration must be longer than zero seconds")
    return float(seconds)


def pace_of(words_per_minute: int, target: int) -> str:
    """slow, steady or fast: `wpm` against the rubric's target words per minute."""
    if words_per_minute < target * (1 - PACE_TOLERANCE):
        return "slow"
    if words_per_minute > target * (1 + PACE_TOLERANCE):
        return "fast"
    return "steady"


def measure_delivery(doc: Document, seconds: float | None, target_wpm: int, *, spoken: bool = True) -> Delivery:
    """Delivery figures for the answer segmented in `doc`, spoken (or, with `spoken=False`, typed) over `seconds`."""
    words = doc.word_count
    wpm = round(words * 60 / seconds) if seconds else None
    timing = None if not seconds else "spoken" if spoken else "typed"
    long_sentences = tuple(
        LongSentence(s.start, s.end, n) for s, n in zip(doc.sentences, doc.word_counts) if n > LONG_SENTENCE_WORDS
    )
    return Delivery(
        words=words,
        seconds=seconds,
        timing=timing,
        words_per_minute=wpm,
        pace=pace_of(wpm, target_wpm) if timing == "spoken" and wpm is not None else None,
        fillers=find_phrases(doc.text, FILLER_RULES),
        hedges=find_phrases(doc.text, HEDGE_RULES),
        long_sentences=long_sentences,
    )
