"""Shape of the story: length, spoken time, STAR part shares, a missing part."""

from __future__ import annotations

from ...parse import PARTS, Document
from ...parse.cues import states_task
from ...parse.matcher import compile_lower
from ..casefold import fold
from ..evidence import Detection
from ..registry import detector

_PART_FACTS = tuple(f"part.{p}.share" for p in PARTS)
# What people write under a label they have nothing for yet.
_PLACEHOLDER = compile_lower(r"\W*(?:tbd|tba|n/?a|none|pending|todo|to do|to come|coming soon|x+)?\W*")


def parts_told(doc: Document) -> set[str]:
    """The parts with something said in them: a bare label or "Result: TBD" tells nothing. A
    goal or an owned area stated anywhere tells the Task, even where the story's order reads
    that sentence as setup or action ("I read 400 claims. My goal was halving rejections.")."""
    told = set()
    for sentence in doc.sentences:
        if sentence.part in told:
            continue
        if not _PLACEHOLDER.fullmatch(fold(doc.content(sentence))):
            told.add(sentence.part)
    if "T" not in told and any(states_task(doc.content(s)) for s in doc.sentences):
        told.add("T")
    return told


_MISSING_FACTS = tuple(f"structure.missing.{p}" for p in "STAR")


@detector("story.shape", facts=("story.words", "story.headed", "structure.missing_part", *_MISSING_FACTS, *_PART_FACTS))
def shape(doc: Document, rubric, found) -> Detection:
    """Word count, whether STAR headings were used, each part's share of the words, and
    whether Situation, Task, Action or Result is absent from the text."""
    words = doc.word_count
    per_part = doc.part_words()
    facts = {"story.words": float(words), "story.headed": float(bool(doc.headings))}
    for part in PARTS:
        facts[f"part.{part}.share"] = per_part[part] / words if words else 0.0
    told = parts_told(doc)
    for part in "STAR":
        facts[f"structure.missing.{part}"] = float(part not in told)
    facts["structure.missing_part"] = float(not set("STAR") <= told)
    return Detection(facts=facts)
