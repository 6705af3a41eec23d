"""`fit(text)`: which Leadership Principles a story shows, by the rules of lp-identification.md.

A signal counts only in a sentence that holds something concrete (`detect.substance.concrete`:
a number, a cause, a named party or a quote; or an exchange between people), so naming a
principle or speaking its vocabulary earns nothing. A sentence holding one of a principle's
"mistaken for" patterns earns that principle nothing, and each such pattern lowers its score.
One sentence may serve two principles but counts once per principle: the signals counted are a
largest matching of signals to sentences. Principles whose scores tie are ordered by how often
the story names them or speaks their vocabulary, then by the spec's table.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..detect.casefold import fold
from ..detect.patterns import CompiledSignal, Readings, match_signal
from ..detect.substance import concrete
from ..parse import Document, parse
from .loader import LoadedPrinciple, load_principles
from .result import Fit, PrincipleFit, Quote, Role
from .schema import DEEP

# The spec's thresholds: a primary story shows at least three signals, a secondary two, and
# one story carries at most one primary and two secondaries.
PRIMARY_SIGNALS = 3
SECONDARY_SIGNALS = 2
MAX_SECONDARY = 2
# Sentences beyond the counted signals add a little (a story that keeps showing a principle
# leans towards it), never as much as one more signal.
EXTRA_SENTENCE = 0.1
MAX_EXTRA = 5
MISTAKEN_COST = 0.5
# An exchange reported between people ("she said no the first time", "he still wanted the full
# rule", "I showed Graham the analysis") is an act, the spec's "quoted exchange", though
# `concrete()` sees no number or named party in it. The candidate's own verbs count only with a
# person as their object, so "I disagreed and committed" stays a claim.
_EXCHANGE = re.compile(
    r"(?i:\b(?:he|she|they)\s+(?:still\s+|then\s+|first\s+)?(?:said|agreed|refused|declined|replied|answered|"
    r"responded|told|asked|wrote|argued|admitted|insisted|objected|decided|chose|wanted|kept|overruled|approved|"
    r"rejected|pushed\s+back)\b"
    r"|\bi\s+(?:said|agreed|refused|declined|replied|answered|told|asked|wrote|argued|admitted)\b)"
    r"|\b[Ii]\s+(?:showed|told|asked|sent|gave|took|called|warned|emailed|rang)\s+(?:him|her|them|[A-Z][a-z]+)\b",
)


def fit(text: str) -> Fit:
    """All sixteen principles ranked by the evidence in `text`, each with its quotes; raises
    `InputError` for text that cannot be read as a story."""
    catalogue = load_principles()
    doc = parse(text)
    folded = [fold(s.text) for s in doc.sentences]
    readings = Readings(doc, catalogue.lexicon)
    concrete_at = {s.index for s in doc.sentences if _shows_something(doc.content(s))}
    scored = [_score(p, doc, folded, readings, concrete_at) for p in catalogue.principles]
    order = sorted(range(len(scored)), key=lambda i: (-scored[i].score, -scored[i].mentions, i))
    ranked = _assign_roles([scored[i] for i in order])
    return Fit(catalogue.version, ranked, _deep_reviews(ranked))


# An act pinned to a time ("I checked the report weekly until the next tax season") or done with
# a function named as people name it ("belonged to fraud ops", "I handed it to tax ops") is an act
# a listener could check, which `concrete()` reads as a bare claim for want of a number.
_WHEN_OR_WHO = re.compile(
    r"\b(?:daily|weekly|monthly|nightly|fortnightly|every (?:day|week|month|night|morning|monday|tuesday|wednesday|"
    r"thursday|friday|sprint|run|release)|until the (?:next|end)|the same (?:day|week|morning|afternoon)|that "
    r"(?:morning|afternoon|evening|week))\b"
    r"|\b(?:\w+ ops|finance|legal|compliance|treasury|procurement|underwriting)\b",
    re.IGNORECASE,
)


def _shows_something(sentence: str) -> bool:
    return any(p.search(sentence) for p in (_EXCHANGE, _WHEN_OR_WHO)) or concrete(sentence) is not None


def _found(signal: CompiledSignal, doc: Document, folded: list[str], readings: Readings) -> dict[int, Quote]:
    """The sentences where `signal` fires, each quoted whole (without its STAR label)."""
    out = {}
    for ev in match_signal(signal, doc, folded, readings).evidence:
        sentence = doc.sentences[ev.sentence]
        content = doc.content(sentence)
        start = sentence.end - len(content.lstrip())
        out[ev.sentence] = Quote(signal.id, "", start, sentence.end, doc.text[start : sentence.end])
    return out


def _score(
    principle: LoadedPrinciple, doc: Document, folded: list[str], readings: Readings, concrete_at: set[int]
) -> PrincipleFit:
    says = {s.id: s.description for s in [*principle.spec.signals, *principle.spec.mistaken]}

    def described(q: Quote) -> Quote:
        return Quote(q.signal, says[q.signal], q.start, q.end, q.quote)

    mistaken: dict[int, Quote] = {}
    mistaken_ids: set[str] = set()
    for signal in principle.mistaken:
        for index, quote in _found(signal, doc, folded, readings).items():
            mistaken.setdefault(index, described(quote))
            mistaken_ids.add(signal.id)
    where: dict[str, dict[int, Quote]] = {}
    mentioned = set(mistaken)
    for signal in principle.signals:
        found = _found(signal, doc, folded, readings)
        mentioned |= set(found)
        hits = {i: described(q) for i, q in found.items() if i in concrete_at and i not in mistaken}
        if hits:
            where[signal.id] = hits
    if principle.names is not None:
        mentioned |= {i for i, text in enumerate(folded) if principle.names.search(text)}
    signals = _matching({sid: set(hits) for sid, hits in where.items()})
    sentences = {i for hits in where.values() for i in hits}
    quotes = tuple(sorted((q for hits in where.values() for q in hits.values()), key=lambda q: (q.start, q.signal)))
    score = 0.0
    if quotes:
        extra = min(len(sentences) - signals, MAX_EXTRA)
        score = max(0.0, round(signals + EXTRA_SENTENCE * extra - MISTAKEN_COST * len(mistaken_ids), 2))
    spec = principle.spec
    return PrincipleFit(
        spec.id,
        spec.name,
        spec.tier,
        score,
        signals,
        quotes,
        tuple(mistaken[i] for i in sorted(mistaken)),
        None,
        len(mentioned - set(sentences)),
    )


def _matching(options: dict[str, set[int]]) -> int:
    """How many signals can each be given a sentence of its own (augmenting paths; a story has
    a few dozen sentences and a principle six signals, so this is instant)."""
    owner: dict[int, str] = {}

    def place(sid: str, seen: set[int]) -> bool:
        for i in sorted(options[sid]):
            if i in seen:
                continue
            seen.add(i)
            if i not in owner or place(owner[i], seen):
                owner[i] = sid
                return True
        return False

    return sum(place(sid, set()) for sid in options)


def _deep_reviews(ranked: tuple[PrincipleFit, ...]) -> tuple[str, ...]:
    """The claimed principles that have a full rubric, best first; when none is claimed, the
    best-ranked of them with any evidence, so a thin story still gets the review nearest to it."""
    with_evidence = [p for p in ranked if p.id in DEEP and p.score > 0]
    claimed = tuple(p.id for p in with_evidence if p.claimed)
    return claimed or tuple(p.id for p in with_evidence[:1])


def _assign_roles(ranked: list[PrincipleFit]) -> tuple[PrincipleFit, ...]:
    """Primary: the best principle with three signals or more; secondary: the next two with two
    or more (claims beyond three per story are stretched and dropped)."""
    out = []
    primary_taken = False
    secondaries = 0
    for p in ranked:
        role: Role | None = None
        if p.signals >= PRIMARY_SIGNALS and not primary_taken:
            role, primary_taken = "primary", True
        elif p.signals >= SECONDARY_SIGNALS and secondaries < MAX_SECONDARY and p.score > 0:
            role, secondaries = "secondary", secondaries + 1
        out.append(replace(p, role=role))
    return tuple(out)
