"""Keyword stuffing: rubric vocabulary with nothing concrete holding it together."""

from __future__ import annotations

from ...parse import Document
from ...parse.matcher import compile_pattern
from ..casefold import fold
from ..evidence import Detection, Evidence
from ..registry import detector
from ..substance import concrete as substantive
from .ownership import I_ACTION, NOTE_ACTION, WE_ACTION

# _BUZZ and _LINK are lower case and match folded text (see casefold).
_BUZZ = compile_pattern(
    r"\b(?:root[- ]cause|(?:five|5) whys|deep[- ]dive|dive deep|voice of the customer|customer[- ]obsess\w*|customer[- ](?:centric|back)|"
    r"working backwards?|bias for action|disagree and commit|pushback|push back|trade-?offs?|nps|csat|pci(?: dss)?|"
    r"tokeni[sz]ation|3ds2?|mfa|biometric|kyc|aml|secure[- ]by[- ]design|bank-grade|privacy-first|frictionless|"
    r"data-driven|north star|synerg\w+|leverag\w+|end-to-end|holistic|best-in-class|seamless|pain points?|"
    r"stakeholders?|alignment|empathy|mindset|digital-first|delight(?:ed)?|"
    # compliance claimed rather than done: "stayed compliant with", "fully secure"
    r"(?:fully |remained |stayed |kept everything |was |were )compliant|(?:fully|completely|highly) secure)\b",
)
# A concrete link: someone did something, and a number or a "because" ties it to something else.
# "So we did a deep dive" or "and so we" carries a spoken story on; only "..., so we" after a clause links cause and effect.
_LINK = compile_pattern(
    r"\d|\b(?:because|so that|which meant|meaning|since|in order to|led to|caused)\b|(?<=[\w,] )(?<!and )so (?:i|we)\b"
)


def concrete(text: str) -> bool:
    """An action with an actor, tied to a number or a cause. A note that opens with its verb
    ("- pulled 1,500 failed checks") is told by the candidate, subject left out."""
    folded = fold(text)
    actor = I_ACTION.search(text) or WE_ACTION.search(folded) or NOTE_ACTION.search(folded)
    return bool(actor and _LINK.search(folded))


def bare_claim(text: str) -> bool:
    """A sentence that speaks the rubric's vocabulary and holds nothing concrete: what the
    judge sets aside as a claim, for detectors that must not let it open a gate."""
    return bool(_BUZZ.search(fold(text))) and substantive(text) is None


@detector("style.buzzwords", signals={"style.buzzword": None}, facts=("style.stuffing",))
def buzzwords(doc: Document, rubric, found) -> Detection:
    """Many rubric words for the length, and few sentences where an actor's action is tied to a
    number or a cause: vocabulary standing in for a story."""
    evidence = []
    for s in doc.sentences:
        for m in _BUZZ.finditer(fold(s.text)):
            evidence.append(Evidence("style.buzzword", None, s.start + m.start(), s.start + m.end(), s.index))
    words = max(doc.word_count, 1)
    density = len(evidence) / words * 100
    dense = len(evidence) >= 5 and density >= 2.0
    stuffing = dense and sum(concrete(s.text) for s in doc.sentences) <= 2
    return Detection(tuple(evidence), {"style.stuffing": float(stuffing)})
