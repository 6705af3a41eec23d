"""Give every sentence a STAR part.

A sentence under a STAR label ("Situation:", "**R —**") takes the label's part; a label that
names a stage ("- Pushback:", "What I owned") only leans its sentences towards a part. The
others are labelled together as one sequence: each sentence's wording (cues.py) and position
score the parts, and a best path (Viterbi) keeps the STAR order — an optional preamble,
an optional result told first, Situation, Task, Action, Result, then reflection — so a
sentence with no cue of its own takes the part of its neighbours.
"""

from __future__ import annotations

from dataclasses import replace

from .cues import part_scores
from .document import Heading, Sentence

# The path's states, in story order, and the part each one stands for.
_STATES = ("preamble", "result_first", "S", "T", "A", "R", "reflection")
_PART = ("O", "R", "S", "T", "A", "R", "O")
_NEG = -1e9
# Entering a state from the start of the story.
_START = (0.0, -0.5, 0.0, -1.0, -2.0, -4.0, -6.0)
# Leaving out a part costs a little (Task and Result are often missing); going back in the
# order costs a lot, and happens only when labels force it.
_SKIP = 0.6
_BACK = 6.0


def _transition(a: int, b: int) -> float:
    if a == b:
        return 0.0
    if b < a:
        return -_BACK
    if a == 0 and b in (1, 2):  # preamble -> result told first, or Situation
        return 0.0
    if a == 1:  # a result told first is followed by the story from any part
        return 0.0 if b in (2, 3, 4) else -_BACK
    if b == 1:
        return -_BACK
    return -_SKIP * (b - a - 1)


# For each state, the cost of reaching it from every state.
_INTO = tuple(tuple(_transition(a, b) for a in range(len(_STATES))) for b in range(len(_STATES)))


def _position_scores(index: int, count: int) -> tuple[float, ...]:
    """How likely each state is at this place in the story, before reading the sentence."""
    pos = (index + 0.5) / count
    return (
        0.5 if index == 0 else (0.0 if pos < 0.2 else -1.0 if pos < 0.3 else -4.0),
        -0.5 if index == 0 else _NEG,
        1.0 - 5.0 * pos if pos < 0.3 else -0.5 - 4.0 * (pos - 0.3),
        0.0 if pos < 0.5 else -2.0,
        -0.5 if pos < 0.15 else -0.3 if pos < 0.35 else 0.0,
        2.0 * (pos - 0.5),
        -3.0 if pos < 0.5 else 0.0,
    )


# A stage label ("The ask:", "What I found:") leans its lines this far towards its part; less
# than going back in the order, so the story's order can overrule it.
_LEAN = 5.0


def _emissions(sentences: tuple[Sentence, ...], labels: list[Heading | None]) -> list[tuple[float, ...]]:
    """Score every state for every sentence; a firm label allows only its parts, a soft one
    leans towards them. A later paragraph under a label may also be a closing reflection
    ("Result: ... \n\nLooking back, I ...")."""
    out = []
    label_paragraph = -1
    for sentence, label in zip(sentences, labels):
        if label is None or sentence.start <= label.end:
            label_paragraph = sentence.paragraph
        allowed = label.part + label.also if label and label.firm else None
        if allowed is not None and sentence.paragraph > label_paragraph:
            allowed += "O"
        if allowed is not None and len(allowed) == 1:
            out.append(tuple(0.0 if p == allowed else _NEG for p in _PART))
            continue
        lean = label.part + label.also if label and not label.firm else ""
        cue = part_scores(sentence.text)
        prior = _position_scores(sentence.index, len(sentences))
        out.append(
            tuple(
                cue[p] + prior[k] + (_LEAN if p in lean else 0.0) if allowed is None or p in allowed else _NEG
                for k, p in enumerate(_PART)
            )
        )
    return out


def _best_path(emissions: list[tuple[float, ...]]) -> list[int]:
    n_states = len(_STATES)
    score = [_START[k] + emissions[0][k] for k in range(n_states)]
    back: list[list[int]] = []
    for emission in emissions[1:]:
        step, new = [], []
        for into, gain in zip(_INTO, emission):
            reach = [s + t for s, t in zip(score, into)]
            best = max(reach)
            step.append(reach.index(best))
            new.append(best + gain)
        back.append(step)
        score = new
    state = max(range(n_states), key=score.__getitem__)
    path = [state]
    for step in reversed(back):
        state = step[state]
        path.append(state)
    return path[::-1]


def _heading_parts(sentences: tuple[Sentence, ...], headings: tuple[Heading, ...]) -> list[Heading | None]:
    """The label each sentence is under, or None before the first label and past a label's scope."""
    out: list[Heading | None] = []
    current: Heading | None = None
    pending = list(headings)
    for s in sentences:
        while pending and pending[0].start < s.end:
            current = pending.pop(0)
        if current is not None and 0 <= current.scope_end <= s.start:
            current = None
        out.append(current)
    return out


def assign_parts(sentences: tuple[Sentence, ...], headings: tuple[Heading, ...]) -> tuple[Sentence, ...]:
    if not sentences:
        return sentences
    labels = _heading_parts(sentences, headings)
    path = _best_path(_emissions(sentences, labels))
    out = []
    for s, state, label in zip(sentences, path, labels):
        part = _PART[state]
        from_label = label is not None and label.firm and part in label.part + label.also
        out.append(replace(s, part=part, part_source="heading" if from_label else "inferred"))
    return tuple(out)
