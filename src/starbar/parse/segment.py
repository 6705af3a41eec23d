"""Split text into paragraphs and sentences, keeping exact character offsets."""

from __future__ import annotations

import re

from .document import Heading, Sentence, Span
from .headings import find_heading

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LINE = re.compile(r"[^\n]+")
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013]|\d+[.)])\s+")
# A sentence ends at . ! ? (maybe followed by quotes or brackets) and whitespace, unless the
# period belongs to a number ("1.5") or a common abbreviation.
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+|$)")
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|vs|etc|Mr|Ms|Dr|Inc|Ltd|Co|approx|U\.S)\.)$", re.I)
_WORDS = re.compile(r"[\w'$%.,-]*\w[\w'$%.,-]*")


def _paragraphs(text: str) -> list[Span]:
    spans, pos = [], 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        spans.append(Span(pos, brk.start()))
        pos = brk.end()
    spans.append(Span(pos, len(text)))
    return [s for s in spans if text[s.start : s.end].strip()]


def _units(text: str, para: Span) -> list[tuple[int, int]]:
    """Lines that are bullets or headings stand alone; other lines flow together."""
    units: list[list[int]] = []
    for line in _LINE.finditer(text, para.start, para.end):
        start, end = line.start(), line.end()
        standalone = _BULLET.match(line.group()) or find_heading(text, start, end)
        if units and not standalone and not units[-1][2]:
            units[-1][1] = end
        else:
            units.append([start, end, bool(standalone) and not _continues(text, start, end)])
    return [(u[0], u[1]) for u in units]


def _continues(text: str, start: int, end: int) -> bool:
    return False


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in _END.finditer(text, start, end):
        if _ABBREV.search(text, max(pos, m.start() - 6), m.end()):
            continue
        out.append((pos, m.end()))
        pos = m.end()
    out.append((pos, end))
    trimmed = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed


def segment(text: str) -> tuple[tuple[Span, ...], tuple[Sentence, ...], tuple[Heading, ...], tuple[int, ...]]:
    paragraphs = _paragraphs(text)
    sentences: list[Sentence] = []
    headings: list[Heading] = []
    for p_index, para in enumerate(paragraphs):
        for u_start, u_end in _units(text, para):
            heading = find_heading(text, u_start, u_end)
            if heading:
                headings.append(heading)
            for s, e in _split_sentences(text, u_start, u_end):
                sentences.append(Sentence(len(sentences), s, e, text[s:e], p_index))
    counts = tuple(len(_WORDS.findall(s.text)) for s in sentences)
    return tuple(paragraphs), tuple(sentences), tuple(headings), counts
