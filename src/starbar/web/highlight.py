"""The story cut into pieces for display: STAR parts shaded, evidence spans marked.

Pure: a Review in, plain records out. The template escapes every slice, so user text is
never trusted as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mark:
    signal: str
    dimension: str | None
    polarity: str

    def label(self, dimension_names: dict[str, str], signal_descriptions: dict[str, str]) -> str:
        """What a reader sees: the dimension's name and what the sentence shows, never an internal id."""
        where = dimension_names.get(self.dimension or "", "Context")
        shows = signal_descriptions.get(self.signal, self.signal.split(".")[-1].replace("_", " "))
        return f"{where}: {shows}" + (" (counts against)" if self.polarity == "costs" else "")


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    marks: tuple[Mark, ...]


@dataclass(frozen=True, slots=True)
class Block:
    """A run of text in one STAR part (None: the gaps between parts)."""

    part: str | None
    pieces: tuple[Piece, ...]


def story_blocks(text: str, parts, evidence) -> tuple[Block, ...]:
    """`parts`: spans with start/end/part; `evidence`: spans with start/end/signal/dimension/polarity.

    Evidence spans may overlap one another and cross part boundaries: the text is cut at
    every boundary, and each piece carries every mark that covers it.
    """
    marks = [
        (e.start, e.end, Mark(e.signal, e.dimension, e.polarity)) for e in evidence if 0 <= e.start < e.end <= len(text)
    ]
    regions: list[tuple[int, int, str | None]] = []
    cursor = 0
    for span in sorted(parts, key=lambda p: p.start):
        if span.start > cursor:
            regions.append((cursor, span.start, None))
        regions.append((max(span.start, cursor), span.end, span.part))
        cursor = max(cursor, span.end)
    if cursor < len(text):
        regions.append((cursor, len(text), None))
    return tuple(Block(part, _pieces(text, start, end, marks)) for start, end, part in regions if end > start)


def _pieces(text: str, start: int, end: int, marks) -> tuple[Piece, ...]:
    cuts = {start, end}
    for m_start, m_end, _ in marks:
        cuts.update(c for c in (m_start, m_end) if start < c < end)
    edges = sorted(cuts)
    pieces = []
    for a, b in zip(edges, edges[1:]):
        covering = tuple(dict.fromkeys(m for m_start, m_end, m in marks if m_start <= a and b <= m_end))
        pieces.append(Piece(text[a:b], covering))
    return tuple(pieces)
