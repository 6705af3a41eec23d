"""Sentence roles: what each sentence does in the story, read by a linear tagger trained on
labelled sentences rather than by phrases.

The anchors ask for roles (research, a finding, an objection, the settlement, a control), and a
candidate can tell each of them in endlessly many words. The tagger reads a sentence as a bag
of its words, word pairs, numbers, the rubric's word classes and its STAR part, and gives each
role a probability from weights trained by ``scripts/train_roles.py`` on sentences that readers
labelled with only the rubric in hand. A sentence whose probability for a role reaches the
tagger's threshold is evidence of ``role.<id>`` for the dimension that role speaks for, quoted
whole. No anchor tests them: the learned layer (judge/calibrate.py) counts them beside the
anchors' signals, and the judge quotes them under their dimension, so a level the layer moved
still shows the sentences behind it. Pure arithmetic on shipped weights: no randomness, no
network.
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

# Each role, the dimension it speaks to, and whether it earns there or holds it down (the work
# told as the team's; a result that measures only the company). Labelled sentences also mark
# interview vocabulary with nothing behind it, but no role is learned from that: a tagger that
# read it could only ever let vocabulary count.
ROLES: dict[str, tuple[str, str]] = {
    "request": ("problem_depth", "earns"),
    "pain": ("problem_depth", "earns"),
    "pain_size": ("problem_depth", "earns"),
    "research": ("customer_insight", "earns"),
    "finding": ("customer_insight", "earns"),
    "real_cause": ("root_cause", "earns"),
    "reframe": ("root_cause", "earns"),
    "objection": ("friction", "earns"),
    "resolution": ("friction", "earns"),
    "cost": ("friction", "earns"),
    "control": ("fintech_judgment", "earns"),
    "unhappy_path": ("fintech_judgment", "earns"),
    "goal": ("ownership", "earns"),
    "own_decision": ("ownership", "earns"),
    "team_action": ("ownership", "costs"),
    "customer_outcome": ("customer_impact", "earns"),
    "business_outcome": ("customer_impact", "costs"),
}
# Roles that are the candidate's own only when the sentence says so: "the team was asked to look
# at renewals" states a task, but not the candidate's.
FIRST_PERSON = frozenset({"goal", "own_decision"})
_MINE = frozenset({"i", "my", "me", "myself", "i'm", "i've", "i'd", "i'll"})
SIGNALS: dict[str, str | None] = {f"role.{role}": dim for role, (dim, _) in ROLES.items()}


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


@detector("roles.tagged", signals=SIGNALS)
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
            if p >= tagger.threshold and (mine or role not in FIRST_PERSON):
                dim, polarity = ROLES[role]
                evidence.append(Evidence(f"role.{role}", dim, s.start, s.end, s.index, polarity, note=f"p={p:.2f}"))
    return Detection(tuple(evidence))
