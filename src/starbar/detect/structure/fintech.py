"""Fintech judgment that needs more than a pattern: a control tied to the candidate's decision,
and a safeguard for the unhappy path or a safety-versus-convenience trade-off."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ...parse import Document
from ...parse.matcher import compile_pattern
from ..casefold import fold
from ..evidence import Detection, Evidence
from ..registry import detector
from ..units import Lexicon, Reading, Unit, parse_unit, search
from .style import bare_claim

# Patterns are lower case and match folded text (see casefold).
# A decision by the candidate ("I required", "we agreed to keep"), or a bullet that starts with one.
_DECISION = compile_pattern(
    r"\bi\s+(?!think\b|believe\b|feel\b|guess\b|mean\b)\w+|\bwe\s+(?:\w+\s+)?(?:decided|chose|agreed|required|insisted|"
    r"designed|added|kept|limited|set|scoped|built in|moved|made|put|replaced|redesigned|enrolled|check|skip|ask|"
    r"encrypt|mask|show|capped|changed|switched|matched|paid|routed|send|pick)\b|"
    # a rule the team holds itself to: "we only texted people who opted in", "we never fill it in"
    r"\bwe\s+(?:only|never|always|automatically|deliberately)\s+\w+|\b(?:agreed|settled) (?:to|on)\b|"
    r"\bsigned off\b|^\s*[-*•]?\s*(?:proposed|required|designed|added|built|kept|limited|set|scoped|"
    r"insisted|chose|wrote|moved)\b",
)
# What could go wrong for the customer or the business: fraud, theft, loss, a wrong payee.
_RISK = compile_pattern(
    r"\b(?:fraud\w*|hijack\w*|takeovers?|stolen|theft|thie(?:f|ves)|criminals?|misuse|scam\w*|sim[- ]swap|tamper\w*|"
    r"risky|(?:high|higher|highest)[- ]risk|improper|wrong (?:person|recipient|match|account|payee)|safety|sanctions|screening|velocity|overdr\w+|"
    r"money laundering|liveness|return rates?|loss(?:es)?|loss rate|fake\w*|forg(?:ed|ery|e)|counterfeit|"
    r"tip(?:s|ping)? off|tricks?|abus\w+|gam(?:e|ed|ing) the|exploit\w*|crim(?:e|es|inal\w*)|launder\w*|mules?|suspicious)\b",
)
# A deliberate limit or control placed against that risk.
_GUARD = compile_pattern(
    r"\b(?:kept|keep|keeping|limit(?:ed|ing)?|required?|requiring|insist\w*|paus\w+|freez\w+|block\w*|hold|"
    r"step-up|caps?|capped|deliberately|never|only|couldn't|could not|can't|whenever|"
    r"for \d+ (?:hours|days) after|in exchange for)\b",
)
# The unhappy path named outright, or safety bought at the price of convenience.
_UNHAPPY = compile_pattern(
    r"\b(?:fall ?back|falls back|fell back|human review\w*|manual review|(?:review|exception|manual) queues?|dead end|paper check|"
    r"(?:routed|handed|sent|passed|escalated|goes|go) (?:over )?to (?:a |an )?(?:human|live agent|person|specialist|reviewer)|"
    r"(?:for|the) safety (?:gain|benefit|reasons?)|in exchange for (?:the )?(?:safety|security)|safer|"
    r"hard (?:stop|block)|even though (?:it|that|this) (?:adds?|added|meant|slows?|slowed|costs?)|"
    # "if a read fails twice", "when the name doesn't match", "if a payment would overdraw the account"
    r"(?:if|when|whenever) (?:a |an |the |any |their )?(?:[\w-]+ ){0,2}(?:fails?|failed|bounces?|is declined|is returned|"
    # the other side backs out: "if the retailer later rejects the return"
    r"rejects|denies|reverses|is reversed|cancels|is cancell?ed|disputes|is disputed|lapses|expires|"
    r"comes back|came back|can't be verified|cannot be verified|isn't verified|doesn't match|does not match|don't match|"
    r"falls? short|would overdraw|is compromised|doesn't clear|does not clear|did not show up|doesn't show up|times out|"
    r"(?:still )?(?:gets?|slips?) through)|(?:could not|couldn't|can't|cannot|don't|do not|fail(?:ed)? to) pass|"
    r"in-person route|claw-?backs?|"
    # a failure that puts things back: "a failed inspection resumes the plan"
    r"(?:a|any|the) failed [\w-]+ (?:resumes|reverses|restores|reverts|re-?opens|triggers|sends|routes)|"
    # the customer who cannot pay: a hardship path
    r"(?:if|when) (?:you're|you are|they're|they are|a customer is|the \w+ is|someone is) (?:in (?:real |financial )?"
    r"(?:trouble|hardship|difficulty)|behind|short)|hardship (?:plans?|path|route|option|programs?|programmes?)|"
    # the convenience given up for safety: "which adds about two days", "which made the screen longer",
    # "this made the opt-in lower"
    r"(?:which|that|it|this) add(?:s|ed)? (?:about |around |roughly )?(?:a|an|one|two|three|\d)[^.;]{0,15}"
    r"(?:days?|minutes?|hours?|steps?|seconds?)|"
    r"(?:which|that|it|this) (?:made|makes|meant|means) (?:the |our |their )?[\w -]{0,25}?\b(?:longer|slower|lower|harder|fewer|smaller|less convenient))\b",
)


@lru_cache(maxsize=1)
def _safeguard_units() -> tuple[Lexicon, tuple[Unit, ...]]:
    """The word classes and units of safeguards.txt: "name: term" lines and "= unit" lines."""
    classes: dict[str, list[str]] = {}
    lines = []
    text = resources.files("starbar.detect.structure").joinpath("safeguards.txt").read_text(encoding="utf-8")
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("="):
            lines.append(line[1:].strip())
        else:
            name, term = line.split(":", 1)
            classes.setdefault(name.strip(), []).append(term.strip())
    frozen = {name: tuple(terms) for name, terms in classes.items()}
    return Lexicon(frozen), tuple(parse_unit(line, frozen) for line in lines)


def _safeguard_unit(text: str) -> tuple[int, int] | None:
    """Offsets in `text` of a safeguard told in the product's own words ("auto-credit after 48
    hours", "the quote expires", "capped at 10%", "a nightly check"), or None."""
    lexicon, units = _safeguard_units()
    reading = Reading(text, lexicon)
    return next((hit for unit in units if (hit := search(unit, reading))), None)


@detector("fintech.decisions", signals={"fintech.control": "fintech_judgment", "fintech.safeguard": "fintech_judgment"})
def decisions(doc: Document, rubric, found) -> Detection:
    """Controls the candidate decided on, and safeguards against what can go wrong with them."""
    sentences = doc.sentences
    # A control named only in a list of rubric words ("PCI, tokenization and MFA") opens nothing.
    mechanism = {e.sentence: e for e in found.of("fintech.mechanism") if not bare_claim(sentences[e.sentence].text)}
    if not mechanism:  # no control named: nothing to tie to a decision or to guard
        return Detection()
    evidence = []
    folded = [fold(s.text) for s in sentences]
    for s, text in zip(sentences, folded):
        if s.part == "S":  # results are often actions told late, so only the setup is skipped
            continue
        previous = folded[s.index - 1] if s.index else ""
        decided = _DECISION.search(text)
        named = mechanism.get(s.index)
        # a control described right after the candidate's decision ("I proposed three things.") is theirs too
        if named and (decided or _DECISION.search(previous)):
            evidence.append(Evidence("fintech.control", "fintech_judgment", named.start, named.end, s.index))
        unhappy = _UNHAPPY.search(text)
        guard = (decided or named) and _GUARD.search(text)
        if unhappy or (guard and (_RISK.search(text) or _RISK.search(previous))):
            m = unhappy or guard
            assert m  # one of them matched
            evidence.append(
                Evidence("fintech.safeguard", "fintech_judgment", s.start + m.start(), s.start + m.end(), s.index)
            )
        elif hit := _safeguard_unit(s.text):
            evidence.append(
                Evidence("fintech.safeguard", "fintech_judgment", s.start + hit[0], s.start + hit[1], s.index)
            )
    return Detection(tuple(evidence))
