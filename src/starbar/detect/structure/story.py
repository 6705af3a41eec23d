"""Shape of the story: length, spoken time, STAR part shares."""

from __future__ import annotations

from ...parse import PARTS, Document
from ..evidence import Detection
from ..registry import detector

_PART_FACTS = tuple(f"part.{p}.share" for p in PARTS)


@detector("story.shape", facts=("story.words", "story.headed", "structure.missing_part", *_PART_FACTS))
def shape(doc: Document, rubric, found) -> Detection:
    """Word count, whether STAR headings were used, and each part's share of the words."""
    words = doc.word_count
    per_part = doc.part_words()
    facts = {"story.words": float(words), "story.headed": float(bool(doc.headings))}
    for part in PARTS:
        facts[f"part.{part}.share"] = per_part[part] / words if words else 0.0
    facts["structure.missing_part"] = float(any(per_part[p] == 0 for p in "STAR"))
    return Detection(facts=facts)
