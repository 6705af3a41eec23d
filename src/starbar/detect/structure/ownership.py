"""Who acted: first person singular against "we", "the team" and the passive, in Action."""

from __future__ import annotations

import re

from ...parse import Document
from ..evidence import Detection, Evidence
from ..registry import detector

_I = re.compile(r"\bI\b(?:'(?:ve|d|m|ll))?")
_WE = re.compile(r"\b(?:we|We)\b|\bthe team\b|\bThe team\b")


@detector("ownership.pronouns", signals={"ownership.first_person": "ownership"}, facts=("ownership.i_share",))
def pronouns(doc: Document, rubric, found) -> Detection:
    """Share of actor mentions in Action (and Task) sentences that are "I" rather than "we"."""
    sentences = doc.sentences_in("A", "T") or doc.sentences
    evidence, singular, plural = [], 0, 0
    for s in sentences:
        mine = list(_I.finditer(s.text))
        singular += len(mine)
        plural += len(_WE.findall(s.text))
        if mine:
            m = mine[0]
            evidence.append(Evidence("ownership.first_person", "ownership", s.start + m.start(), s.start + m.end(), s.index))
    total = singular + plural
    return Detection(tuple(evidence), {"ownership.i_share": singular / total if total else 0.0})
