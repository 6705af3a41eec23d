"""The practice question bank: data in `questions.yaml`, validated on load, filtered by kind and setting."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal, get_args

import yaml
from pydantic import Field, ValidationError, model_validator

from ..errors import StarbarError
from ..rubric.schema import Strict

Kind = Literal[
    "customer_interaction", "difficult_customer", "above_and_beyond", "customer_vs_business", "customer_data"
]
Setting = Literal["general", "payments", "lending", "wallets", "fraud", "disputes", "billing", "onboarding", "treasury"]
KINDS: tuple[str, ...] = get_args(Kind)
SETTINGS: tuple[str, ...] = get_args(Setting)
BANK_FILE = "questions.yaml"


class QuestionError(StarbarError):
    """The question bank file is malformed, or a question asked for does not exist."""

    code = "bad_question"


class Question(Strict):
    """A practice question: its id, text, kind and the product setting it is set in."""

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    text: str = Field(min_length=10)
    kind: Kind
    setting: Setting

    @property
    def fintech(self) -> bool:
        return self.setting != "general"

    def to_dict(self) -> dict:
        """The question as JSON (`starbar questions --format json`)."""
        return {"id": self.id, "text": self.text, "kind": self.kind, "setting": self.setting}


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


def parse_bank(text: str, where: str) -> QuestionBank:
    """Validate the YAML text of a question bank; errors name the file, the question and the key."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise QuestionError(f"{where}: not valid YAML: {exc}") from None
    try:
        return QuestionBank.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"]) or "(top)"
        msg = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
        raise QuestionError(f"{where}: {key}: {msg}") from None


@lru_cache(maxsize=1)
def load_questions() -> tuple[Question, ...]:
    """The question bank shipped with starbar, validated."""
    path = Path(str(resources.files("starbar.practice") / BANK_FILE))
    return tuple(parse_bank(path.read_text(encoding="utf-8"), str(path)).questions)


def select(questions: tuple[Question, ...], *, kind: str | None = None, fintech: bool = False) -> tuple[Question, ...]:
    """The questions of `kind` (all when None), only those set in a financial product with `fintech`."""
    return tuple(q for q in questions if (kind is None or q.kind == kind) and (not fintech or q.fintech))


def find(questions: tuple[Question, ...], question_id: str) -> Question:
    """The question with `question_id`, or an `InputError` pointing at `starbar questions`."""
    for q in questions:
        if q.id == question_id:
            return q
    raise QuestionError(f"no question with id {question_id!r}; `starbar questions` lists them")
