"""The practice question bank: data in `questions.yaml`, validated on load, filtered by principle, kind and setting."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal, get_args

import yaml
from pydantic import Field, ValidationError, model_validator

from ..errors import StarbarError
from ..rubric.schema import Strict

# Customer Obsession's own kinds, then the kinds any principle's questions use.
Kind = Literal[
    "customer_interaction",
    "difficult_customer",
    "above_and_beyond",
    "customer_vs_business",
    "customer_data",
    "failure",
    "conflict",
    "data",
    "scale",
    "ambiguity",
    "pressure",
    "initiative",
    "people",
]
Setting = Literal["general", "payments", "lending", "wallets", "fraud", "disputes", "billing", "onboarding", "treasury"]
KINDS: tuple[str, ...] = get_args(Kind)
SETTINGS: tuple[str, ...] = get_args(Setting)
BANK_FILE = "questions.yaml"
# How many questions a principle needs: a tier-1 principle (asked in nearly every loop, judged
# with a full rubric) enough to practise it many times over; any other enough for a loop or two.
MIN_QUESTIONS = {1: 12, 2: 3, 3: 3, 4: 3}


@dataclass(frozen=True, slots=True)
class PrincipleEntry:
    """One of the sixteen Leadership Principles as the question bank needs it: id, name, tier."""

    id: str
    name: str
    tier: int


@lru_cache(maxsize=1)
def principle_table() -> tuple[PrincipleEntry, ...]:
    """The sixteen principles in the spec's table order, read from `fit`'s data file.

    Only the ids, names and tiers are read: importing `starbar.principles` would compile every
    principle's signals, and listing questions must stay as quick as it was.
    """
    path = Path(str(resources.files("starbar") / "principles" / "data" / "principles.yaml"))
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return tuple(PrincipleEntry(p["id"], p["name"], p["tier"]) for p in data["principles"])


def principle_ids() -> tuple[str, ...]:
    """The sixteen principle ids, in the spec's table order."""
    return tuple(p.id for p in principle_table())


def principle_named(lp: str) -> PrincipleEntry:
    """The principle with id `lp`, or a `QuestionError` listing the ids."""
    for p in principle_table():
        if p.id == lp:
            return p
    raise QuestionError(f"no Leadership Principle {lp!r}; the ids are {', '.join(principle_ids())}")


class QuestionError(StarbarError):
    """The question bank file is malformed, or a question asked for does not exist."""

    code = "bad_question"


class Question(Strict):
    """A practice question: its id, text, the principle it asks about, its kind and the product setting it is set in."""

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    text: str = Field(min_length=10)
    lp: str = Field(pattern=r"^[a-z]+(?:-[a-z]+)*$")
    kind: Kind
    setting: Setting

    @property
    def fintech(self) -> bool:
        return self.setting != "general"

    def to_dict(self) -> dict:
        """The question as JSON (`starbar questions --format json`)."""
        return {"id": self.id, "text": self.text, "lp": self.lp, "kind": self.kind, "setting": self.setting}


class QuestionBank(Strict):
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> QuestionBank:
        seen: set[str] = set()
        for q in self.questions:
            if q.id in seen:
                raise ValueError(f"question id {q.id!r} is used twice")
            seen.add(q.id)
        return self


def check_coverage(questions: tuple[Question, ...], where: str) -> None:
    """Every principle has its minimum of questions (`MIN_QUESTIONS` by tier)."""
    for p in principle_table():
        count = sum(q.lp == p.id for q in questions)
        if count < MIN_QUESTIONS[p.tier]:
            raise QuestionError(
                f"{where}: {p.id} has {count} question{'s' if count != 1 else ''}; "
                f"a tier-{p.tier} principle needs at least {MIN_QUESTIONS[p.tier]}"
            )


def parse_bank(text: str, where: str) -> QuestionBank:
    """Validate the YAML text of a question bank; errors name the file, the question and the key."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise QuestionError(f"{where}: not valid YAML: {exc}") from None
    try:
        bank = QuestionBank.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"]) or "(top)"
        msg = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
        raise QuestionError(f"{where}: {key}: {msg}") from None
    known = principle_ids()
    for i, q in enumerate(bank.questions):
        if q.lp not in known:
            raise QuestionError(f"{where}: questions.{i}.lp: {q.lp!r} is not one of the sixteen principles")
    return bank


@lru_cache(maxsize=1)
def load_questions() -> tuple[Question, ...]:
    """The question bank shipped with starbar, validated."""
    path = Path(str(resources.files("starbar.practice") / BANK_FILE))
    questions = tuple(parse_bank(path.read_text(encoding="utf-8"), str(path)).questions)
    check_coverage(questions, str(path))
    return questions


def select(
    questions: tuple[Question, ...], *, kind: str | None = None, fintech: bool = False, lp: str | None = None
) -> tuple[Question, ...]:
    """The questions about principle `lp` of `kind` (each: all when None), only those set in a
    financial product with `fintech`."""
    return tuple(
        q
        for q in questions
        if (kind is None or q.kind == kind) and (lp is None or q.lp == lp) and (not fintech or q.fintech)
    )


def find(questions: tuple[Question, ...], question_id: str) -> Question:
    """The question with `question_id`, or an `InputError` pointing at `starbar questions`."""
    for q in questions:
        if q.id == question_id:
            return q
    raise QuestionError(f"no question with id {question_id!r}; `starbar questions` lists them")
