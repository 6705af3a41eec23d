"""Keyword stuffing: rubric vocabulary with nothing concrete holding it together."""

from __future__ import annotations

import re

from ...parse import Document
from ..evidence import Detection, Evidence
from ..registry import detector

_BUZZ = re.compile(
    r"\b(?:root[- ]cause|deep[- ]dive|voice of the customer|customer[- ]obsess\w*|pushback|push back|trade-?offs?|"
    r"NPS|CSAT|PCI(?: DSS)?|tokeni[sz]ation|3DS2?|MFA|secure[- ]by[- ]design|bank-grade|frictionless|data-driven|"
    r"north star|synerg\w+|leverag\w+|end-to-end|holistic|best-in-class|seamless)\b",
    re.I,
)
_NUMBER = re.compile(r"\d")


@detector("style.buzzwords", signals={"style.buzzword": None}, facts=("style.stuffing",))
def buzzwords(doc: Document, rubric, found) -> Detection:
    """Many rubric words per sentence, few numbers and few first-person actions."""
    evidence = []
    for s in doc.sentences:
        for m in _BUZZ.finditer(s.text):
            evidence.append(Evidence("style.buzzword", None, s.start + m.start(), s.start + m.end(), s.index))
    words = max(doc.word_count, 1)
    numbers = sum(bool(_NUMBER.search(s.text)) for s in doc.sentences)
    density = len(evidence) / words * 100
    stuffing = len(evidence) >= 5 and density >= 2.5 and numbers <= 2
    return Detection(tuple(evidence), {"style.stuffing": float(stuffing)})
