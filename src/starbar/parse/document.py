"""The one segmented form of a story that every later stage reads.

Offsets are half-open character offsets into the exact input text, so any span can be
quoted back as ``text[start:end]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PARTS = ("S", "T", "A", "R", "O")
PART_NAMES = {"S": "Situation", "T": "Task", "A": "Action", "R": "Result", "O": "Other"}

WORD = re.compile(r"\S*[^\W_]\S*")


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def count_words(text: str) -> int:
    """Words as a person counts them: whitespace-separated tokens with a letter or digit (the
    tokens WORD finds, counted without the regex engine's backtracking over each one)."""
    return sum(1 for token in text.split() if token.isalnum() or _LETTER_OR_DIGIT.search(token))


@dataclass(frozen=True, slots=True)
class Heading:
    """A STAR label such as ``Situation:``, ``**Task**`` or ``### Result``."""

    start: int
    end: int
    part: str
    # Further parts a combined label names ("Situation and Task:" is S, also T).
    also: str = ""
    # A STAR name binds what it labels; a stage name ("The ask:") only leans it towards the part.
    firm: bool = True
    # Where the label stops applying: a label on a bullet covers that bullet only; -1 is up to
    # the next label.
    scope_end: int = -1


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    part: str = "O"
    # Where the part came from: "heading" (a label applies) or "inferred" (content and position).
    part_source: str = "inferred"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PartSpan:
    start: int
    end: int
    part: str


@dataclass(frozen=True)
class Document:
    text: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]
    headings: tuple[Heading, ...] = ()
    # Words per sentence index, computed once.
    word_counts: tuple[int, ...] = field(default=())

    @property
    def word_count(self) -> int:
        return sum(self.word_counts)

    def sentences_in(self, *parts: str) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if s.part in parts)

    def part_words(self) -> dict[str, int]:
        counts = dict.fromkeys(PARTS, 0)
        for sentence, words in zip(self.sentences, self.word_counts):
            counts[sentence.part] += words
        return counts

    def content(self, sentence: Sentence) -> str:
        """A sentence without its STAR label: "Result: TBD" says "TBD"."""
        label_end = next((h.end for h in self.headings if sentence.start <= h.start < sentence.end), sentence.start)
        return self.text[label_end : sentence.end]

    def part_spans(self) -> tuple[PartSpan, ...]:
        """Contiguous runs of one part, covering the text from its first to its last sentence."""
        spans: list[PartSpan] = []
        for sentence in self.sentences:
            if spans and spans[-1].part == sentence.part:
                spans[-1] = PartSpan(spans[-1].start, sentence.end, sentence.part)
            else:
                spans.append(PartSpan(sentence.start, sentence.end, sentence.part))
        return tuple(spans)

    def sentence_at(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None
