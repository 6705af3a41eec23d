"""Probe answers for a scripted session, matched to the probes asked, and the scripted session
itself. Pure: text in, answers and sessions out.

The file holds one answer per probe, each after a line `---`. A separator may name its
probe (`--- friction`, by the probe's id or the dimension it probes); then every answer must
be named, and each lands on its probe whatever the order. Unnamed answers go to the probes
in the order they are asked. Either way, every probe asked must get exactly one answer (an
empty one passes it): a missing, extra or unknown answer is an error naming the probes, so
no answer is ever saved under a question it was not written for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import InputError
from .probes import Probe
from .questions import Question
from .session import AnySession, begin, finish, has_rubric, read_answer

_SEPARATOR = re.compile(r"^[ \t]*---[ \t]*(?P<name>[^\s-][^\n]*?)?[ \t]*$", re.M)


@dataclass(frozen=True)
class ProbeAnswer:
    name: str | None  # the probe it names, None for an answer by position
    text: str


def parse_probe_answers(text: str) -> list[ProbeAnswer]:
    """The answers of a probe-answers file, in order. Text before the first `---` line is the
    first answer; when it is blank, the first `---` opens the first answer (not an empty one)."""
    found = list(_SEPARATOR.finditer(text))
    answers = []
    head = text[: found[0].start()] if found else text
    if head.strip():
        answers.append(ProbeAnswer(None, head.strip()))
    for i, sep in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        answers.append(ProbeAnswer(sep.group("name"), text[sep.end() : end].strip()))
    return answers


def probe_names(probe: Probe) -> tuple[str, ...]:
    """What a `--- NAME` line may call a probe: its id, and the dimension it probes."""
    return (probe.id,) if probe.dimension is None else (probe.id, probe.dimension)


def describe(probes: Sequence[Probe]) -> str:
    """The probes as "1 no_friction, 2 vague_result", for messages."""
    return ", ".join(f"{i} {probe.id}" for i, probe in enumerate(probes, 1))


def match_answers(probes: Sequence[Probe], answers: Sequence[ProbeAnswer]) -> list[str]:
    """One answer text per probe, in the probes' order; an InputError for any mismatch."""
    named = [a for a in answers if a.name]
    asked = f"the probes asked are {describe(probes)} (`--list-probes` shows them)"
    if named and len(named) != len(answers):
        raise InputError(f"probe answers: name every answer (`--- friction`) or none; {asked}")
    if not named:
        if len(answers) != len(probes):
            raise InputError(
                f"probe answers: {len(answers)} answer{'s' if len(answers) != 1 else ''} for {len(probes)} "
                f"probe{'s' if len(probes) != 1 else ''}; {asked}; an empty answer passes a probe"
            )
        return [a.text for a in answers]
    by_probe: dict[str, str] = {}
    for answer in named:
        probe = next((p for p in probes if answer.name in probe_names(p)), None)
        if probe is None:
            raise InputError(f"probe answers: `--- {answer.name}` names no probe asked; {asked}")
        if probe.id in by_probe:
            raise InputError(f"probe answers: probe {probe.id} is answered twice")
        by_probe[probe.id] = answer.text
    missing = [p.id for p in probes if p.id not in by_probe]
    if missing:
        raise InputError(
            f"probe answers: no answer for {', '.join(missing)}; {asked}; `--- {missing[0]}` with nothing under it passes it"
        )
    return [by_probe[p.id] for p in probes]


def split_answer(text: str) -> tuple[str, list[ProbeAnswer]]:
    """A section holding an answer and then its probe answers: the answer (text before the first
    `---` line) and the probe answers after it."""
    first = _SEPARATOR.search(text)
    if first is None:
        return text.strip(), []
    return text[: first.start()].strip(), parse_probe_answers(text[first.start() :])


def scripted_session(
    question: Question,
    answer: str,
    probe_answers: Sequence[ProbeAnswer],
    level: str,
    seconds: float | None = None,
    *,
    spoken: bool = True,
) -> AnySession:
    """A whole scripted session: the answer judged under the question's principle, the probe
    answers matched to the probes asked (none given: every probe passed). A principle without a
    rubric is read with `fit` and takes no probe answers. `seconds`: how long the answer took,
    said aloud (`spoken`) or typed."""
    if not has_rubric(question.lp):
        if probe_answers:
            raise InputError(
                f"{question.id}: {question.lp} has no rubric, so no probes are asked; remove its probe answers"
            )
        return read_answer(question, answer, level, seconds, spoken=spoken)
    initial, probes = begin(answer, level, question.lp)
    matched = match_answers(probes, probe_answers) if probe_answers else []
    return finish(question, answer, initial, probes, matched, seconds, spoken=spoken)
