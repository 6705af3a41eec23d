"""Sentence roles: what each sentence does in the story, read by a linear tagger trained on
labelled sentences rather than by phrases.

The anchors ask for roles (research, a finding, an objection, the settlement, a control), and a
candidate can tell each of them in endlessly many words. The tagger reads a sentence as a bag
of its words, word pairs, numbers, the rubric's word classes and its STAR part, and gives each
role a probability from weights trained by ``scripts/train_roles.py`` on sentences that readers
labelled with only the rubric in hand. A sentence whose probability for a role reaches the
tagger's threshold is evidence of ``role.<id>`` for the dimension that role speaks for, quoted
whole. The learned layer (judge/calibrate.py) counts them beside the anchors' signals, and the
judge quotes them under their dimension, so a level the layer moved still shows the sentences
behind it. An anchor may test one where its rubric says so (Customer Obsession lets a tagged
objection, control or real cause name level 2, never more; Earn Trust, Deliver Results and
Invent and Simplify do the same for their central acts); like any evidence, a role in a
sentence of rubric vocabulary with nothing concrete is set aside as a claim. Pure arithmetic on
shipped weights: no randomness, no network.
"""

from __future__ import annotations

import math

from ..parse import Document
from ..rubric import Rubric
from ..rubric.schema import Tagger
from .evidence import Detection, Evidence, Signals
from .patterns import lexicon
from .registry import detector
from .units import Lexicon, read

_MINE = frozenset({"i", "my", "me", "myself", "i'm", "i've", "i'd", "i'll"})


def signals(rubric: Rubric) -> frozenset[str]:
    """The evidence ids the tagger can give under this rubric: ``role.<id>`` for each role it declares."""
    return frozenset(f"role.{role}" for role in rubric.roles)


def sentence_features(text: str, part: str, lex: Lexicon) -> list[str]:
    """What the tagger reads of one sentence: its words (any number as one word), each pair of
    neighbouring tokens, the word classes present and the STAR part. Training and judging call
    this same function, so the two can never read a sentence differently."""
    reading = read(text, lex)
    words = ["<num>" if any(c.isdigit() for c in t.lower) else t.lower for t in reading.tokens]
    out = {f"w:{w}" for w in words if w == "<num>" or any(c.isalnum() for c in w)}
    out |= {f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False)}
    out |= {f"c:{name}" for name in lex.classes if reading.class_ends(name)}
    out.add(f"p:{part}")
    return sorted(out)


def probabilities(tagger: Tagger, feats: list[str]) -> dict[str, float]:
    """Each role's probability for a sentence with these features (logistic, one per role)."""
    scores = list(tagger.intercept)
    for name in feats:
        for k, w in tagger.weights.get(name, {}).items():
            scores[k] += w
    return {role: 1.0 / (1.0 + math.exp(-s)) for role, s in zip(tagger.roles, scores, strict=True)}


# The signals are the rubric's own (``role.<id>`` for each role in its rubric.yaml), not this module's.
@detector("roles.tagged")
def tagged(doc: Document, rubric: Rubric, found: Signals) -> Detection:
    """Each sentence's roles by the rubric's trained tagger (none without one)."""
    tagger = rubric.tagger
    if tagger is None:
        return Detection()
    lex = lexicon(rubric)
    evidence = []
    for s in doc.sentences:
        mine = not _MINE.isdisjoint(t.lower.replace("’", "'") for t in read(s.text, lex).tokens)
        for role, p in probabilities(tagger, sentence_features(s.text, s.part, lex)).items():
            if p < tagger.threshold:
                continue
            spec = rubric.roles[role]
            if mine or not spec.mine:
                evidence.append(
                    Evidence(f"role.{role}", spec.dimension, s.start, s.end, s.index, spec.polarity, note=f"p={p:.2f}")
                )
    return Detection(tuple(evidence))
