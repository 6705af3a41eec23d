"""parse: text -> Document (paragraphs, sentences with offsets, headings, STAR parts)."""

from __future__ import annotations

from functools import lru_cache

from .document import PART_NAMES, PARTS, Document, Heading, PartSpan, Sentence, Span
from .parts import assign_parts
from .segment import segment
from .validate import check_text

__all__ = ["PARTS", "PART_NAMES", "Document", "Heading", "PartSpan", "Sentence", "Span", "check_text", "parse"]


# A story is judged under several rubrics and read by `fit` in turn: the same text is segmented
# once. Documents are immutable, so sharing one is safe.
@lru_cache(maxsize=16)
def parse(text: str) -> Document:
    """Segment a story once; every later stage reads the result."""
    check_text(text)
    paragraphs, sentences, headings, word_counts = segment(text)
    sentences = assign_parts(sentences, headings)
    return Document(text, paragraphs, sentences, headings, word_counts)
