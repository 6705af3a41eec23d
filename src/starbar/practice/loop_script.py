"""The answers of a scripted mock loop, matched to the questions drawn. Pure: text in, answers out.

The file holds one section per question drawn, each opened by a line `=== NAME` or
`=== NAME M:SS`, where NAME is the question's id or its principle's id and M:SS how long the
answer took to say. In a section, the answer comes first; probe answers may follow, each after
a `---` line as in `--probe-answers`. Every question drawn needs exactly one section: a
missing, repeated or unknown one is an error naming the questions, so no answer is ever
judged under a question it was not written for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from .delivery import parse_duration
from .loop import LoopPlan
from .questions import Question
from .scripted import ProbeAnswer, split_answer

_HEADER = re.compile(r"^[ \t]*===[ \t]*(?P<name>\S+)(?:[ \t]+(?P<time>\S+))?[ \t]*$", re.M)


@dataclass(frozen=True)
class LoopAnswer:
    question: Question
    answer: str
    probe_answers: list[ProbeAnswer]
    seconds: float | None


def _drawn(plan: LoopPlan) -> str:
    return ", ".join(f"{q.lp} ({q.id})" for q in plan.questions)


def parse_loop_answers(text: str, plan: LoopPlan) -> list[LoopAnswer]:
    """One answer per question of `plan`, in the plan's order; an `InputError` for any mismatch."""
    drawn = f"the questions drawn are {_drawn(plan)} (`--plan` lists them)"
    headers = list(_HEADER.finditer(text))
    if text[: headers[0].start() if headers else len(text)].strip():
        raise InputError(f"loop answers: text before the first `=== NAME` line answers no question; {drawn}")
    found: dict[str, LoopAnswer] = {}
    for i, header in enumerate(headers):
        name = header.group("name")
        question = next((q for q in plan.questions if name in (q.id, q.lp)), None)
        if question is None:
            raise InputError(f"loop answers: `=== {name}` names no question drawn; {drawn}")
        if question.id in found:
            raise InputError(f"loop answers: {question.lp} ({question.id}) is answered twice")
        try:
            seconds = parse_duration(header.group("time")) if header.group("time") else None
        except ValueError as exc:
            raise InputError(f"loop answers: `=== {name}`: {exc}") from None
        end = headers[i + 1].start() if i + 1 < len(headers) else len(text)
        answer, probe_answers = split_answer(text[header.end() : end])
        if not answer:
            raise InputError(f"loop answers: the section `=== {name}` holds no answer")
        found[question.id] = LoopAnswer(question, answer, probe_answers, seconds)
    missing = [q for q in plan.questions if q.id not in found]
    if missing:
        raise InputError(
            f"loop answers: no answer for {', '.join(f'{q.lp} ({q.id})' for q in missing)}; every question drawn needs one"
        )
    return [found[q.id] for q in plan.questions]
