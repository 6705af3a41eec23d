"""The shape of a rubric file. Unknown keys are errors, so a typo never silently does nothing."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

PartLetter = Literal["S", "T", "A", "R", "O"]
_FACT = re.compile(r"^([A-Za-z0-9_.\-]+)\s*(?:(>=|<=|==|>|<)\s*(-?\d+(?:\.\d+)?))?$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Condition(Strict):
    """All of `all`, at least one of `any` (when given), none of `none`, and `some.n` of `some.of`.

    A fact is a name ("friction.pushback") that holds when its value is above zero, or a
    comparison ("level.ownership>=3", "story.words<150").
    """

    all: list[str | Condition] = []
    any: list[str | Condition] = []
    none: list[str | Condition] = []
    some: Some | None = None

    @field_validator("all", "any", "none")
    @classmethod
    def _facts_parse(cls, items: list) -> list:
        for item in items:
            if isinstance(item, str) and not _FACT.match(item):
                raise ValueError(f"not a fact or comparison: {item!r}")
        return items

    def fact_names(self) -> set[str]:
        names: set[str] = set()
        for item in [*self.all, *self.any, *self.none, *(self.some.of if self.some else [])]:
            if isinstance(item, str):
                names.add(parse_fact(item)[0])
            else:
                names |= item.fact_names()
        return names


class Some(Strict):
    n: int = Field(ge=1)
    of: list[str | Condition]


Condition.model_rebuild()


@lru_cache(maxsize=4096)
def parse_fact(item: str) -> tuple[str, str | None, float | None]:
    m = _FACT.match(item)
    if m is None:  # conditions are validated on load; this guards a hand-made one
        raise ValueError(f"not a fact or comparison: {item!r}")
    op, num = m.group(2), m.group(3)
    return m.group(1), op, float(num) if num is not None else None


class Examples(Strict):
    fire: list[str] = []
    quiet: list[str] = []


class Signal(Strict):
    """A pattern or meaning-unit rule. A sentence yields evidence when one of `patterns` (regexes)
    or `units` (role sequences over word classes, see detect/units.py) matches, every regex in
    `with` also matches it, and none in `without` does."""

    id: str
    kind: Literal["phrase", "pattern"] = "pattern"
    description: str
    polarity: Literal["earns", "costs"] = "earns"
    patterns: list[str] = []
    units: list[str] = []
    with_: list[str] = Field(default=[], alias="with")
    without: list[str] = []
    parts: list[PartLetter] = []
    examples: Examples = Examples()

    @model_validator(mode="after")
    def _something_to_match(self) -> Signal:
        if not self.patterns and not self.units:
            raise ValueError("a signal needs patterns or units")
        return self


class Anchor(Strict):
    level: int = Field(ge=0, le=4)
    text: str
    when: Condition | None = None


class Cap(Strict):
    max: int = Field(ge=0, le=4)
    why: str
    when: Condition


class Dimension(Strict):
    id: str
    name: str
    part: str
    description: str
    anchors: list[Anchor]
    caps: list[Cap] = []
    signals: list[Signal] = []
    advice: str
    followup: str | None = None

    @model_validator(mode="after")
    def _every_anchor(self) -> Dimension:
        levels = sorted(a.level for a in self.anchors)
        missing = sorted(set(range(5)) - set(levels))
        if missing:
            raise ValueError(f"anchors: missing level {', '.join(map(str, missing))}")
        if len(levels) != len(set(levels)):
            raise ValueError("anchors: a level is given twice")
        return self


class Flag(Strict):
    id: str
    description: str
    message: str
    when: Condition
    # Signals whose evidence is cited when the flag is raised.
    cite: list[str] = []
    # Said after the message when the flag is raised: each fact that holds names what is off.
    detail: dict[str, str] = {}
    followup: str | None = None
    advice: str | None = None
    # The dimension the flag speaks for: its advice replaces that dimension's own.
    dimension: str | None = None

    @field_validator("detail")
    @classmethod
    def _detail_facts_parse(cls, detail: dict[str, str]) -> dict[str, str]:
        Condition(all=list(detail))
        return detail


class Rule(Strict):
    """One line of an ordered decision list: the first rule whose `when` holds decides."""

    value: str
    why: str
    when: Condition | None = None
    levels: list[Literal["L5", "L6", "L7"]] = []


class Followup(Strict):
    id: str
    text: str
    when: Condition | None = None
    # The dimension the question probes: never asked once that dimension is at the bar.
    dimension: str | None = None


class Structure(Strict):
    words_min: int
    words_max: int
    words_per_minute: int
    action_share: tuple[float, float]
    setup_share: tuple[float, float]


class DimensionModel(Strict):
    classes: list[int]
    coef: list[list[float]]  # one row per class, one weight per feature
    intercept: list[float]
    # The features it reads where it reads only some of the calibration's (a dimension's own).
    features: list[str] | None = None


class Calibration(Strict):
    """Weights of the learned layer (judge/calibrate.py), written by scripts/train_calibration.py."""

    rubric_version: str
    trained_on: dict[str, int]  # labelled file -> stories
    band: int = Field(ge=0, le=4)
    features: list[str]
    dimensions: dict[str, DimensionModel]
    # Per dimension, the same kind of model over that dimension's own evidence alone (its
    # signals and roles, its anchor level, the context), for rubrics whose learned_layer lets a
    # level rise only where the dimension's own evidence agrees.
    own: dict[str, DimensionModel] = {}

    @model_validator(mode="after")
    def _shapes(self) -> Calibration:
        for key, models in (("dimensions", self.dimensions), ("own", self.own)):
            for dim, m in models.items():
                if len(m.coef) != len(m.classes) or len(m.intercept) != len(m.classes):
                    raise ValueError(f"{key}.{dim}: one row of weights and one intercept per class")
                reads = self.features if m.features is None else m.features
                if any(len(row) != len(reads) for row in m.coef):
                    raise ValueError(f"{key}.{dim}: each row needs one weight per feature")
                if unknown := set(reads) - set(self.features):
                    raise ValueError(f"{key}.{dim}: features not in the calibration's: {sorted(unknown)}")
        return self


class LearnedLayer(Strict):
    """How the learned layer (calibration.json) may move an anchor's level, one step at most.
    `lowers`: it may also step a level down; `raises`: a level rises where the story has evidence
    for the dimension (`evidence`), or only where a model of that dimension's own evidence agrees
    (`own_evidence`), so that strength elsewhere in the story cannot lift it; `dimensions`: the
    ones it may move."""

    lowers: bool = True
    raises: Literal["evidence", "own_evidence"] = "evidence"
    # The dimensions it may move (every one when absent): a dimension whose ablations or
    # paraphrases the layer would blur is left to its anchors.
    dimensions: list[str] | None = None


class Role(Strict):
    """What a sentence role the tagger reads speaks for: a dimension, earning there or holding
    it down (the work told as the team's). `mine`: the role counts only in a sentence in the
    first person ("the team was asked to look at renewals" states a task, but not the candidate's)."""

    dimension: str
    polarity: Literal["earns", "costs"] = "earns"
    mine: bool = False


class Tagger(Strict):
    """Weights of the sentence-role tagger (detect/roles.py), written by scripts/train_roles.py."""

    trained_on: dict[str, int]  # labelled file -> sentences
    roles: list[str]
    threshold: float = Field(gt=0, lt=1)
    intercept: list[float]
    # feature -> {role's index: weight}; weights too small to matter are left out
    weights: dict[str, dict[int, float]]

    @model_validator(mode="after")
    def _shapes(self) -> Tagger:
        if len(self.intercept) != len(self.roles):
            raise ValueError("intercept: one per role")
        used = {k for row in self.weights.values() for k in row}
        if used and not 0 <= min(used) <= max(used) < len(self.roles):
            raise ValueError("weights: a role index outside roles")
        return self


class Rubric(Strict):
    id: str
    name: str
    version: str
    principle: str
    # The Leadership Principle's id (kebab case, as in lp-identification.md): `--lp` picks the rubric by it.
    lp: str = Field(pattern=r"^[a-z]+(?:-[a-z]+)*$")
    summary: str
    vocab: dict[str, str] = {}
    # Word classes from vocab/*.txt (one term a line), for meaning units.
    classes: dict[str, tuple[str, ...]] = {}
    # Structural detectors this rubric runs (registered by id in code), in order.
    detectors: list[str] = []
    # The signal whose spans are the rubric's own vocabulary ("root cause", "PCI", "pushback"):
    # evidence made of those words earns only in a sentence that also carries something
    # concrete - a number, a named party, a cause, a customer's words (detect/substance.py).
    claim_words: str | None = None
    # The learned layer, from calibration.json beside rubric.yaml (optional), and what it may do:
    # a rubric that declares `learned_layer` has one trained for it (make calibrate).
    calibration: Calibration | None = None
    learned_layer: LearnedLayer | None = None
    # The sentence roles the `roles.tagged` detector reads, each with the dimension it speaks for,
    # and the tagger's weights for them, from roles.json beside rubric.yaml.
    roles: dict[str, Role] = {}
    tagger: Tagger | None = None
    structure: Structure
    dimensions: list[Dimension]
    signals: list[Signal] = []
    flags: list[Flag]
    contexts: list[Rule]
    # Dimensions shown but not counted toward the verdict's floor, by context.
    context_exempt: dict[str, list[str]] = {}
    # Gate dimensions: scored and shown, never in the "counted" aggregates (a level's scope, say).
    gates: list[str] = []
    # Which of this rubric's dimensions a shared detector's signals speak for, where the detector
    # names another ("impact.*": impact, for a rubric whose outcome dimension is `impact`).
    dimension_of: dict[str, str] = {}
    archetypes: list[Rule]
    verdicts: list[Rule]
    followups: list[Followup]
    checklist: list[str] = []
    level_scope: dict[str, str]

    @field_validator("vocab")
    @classmethod
    def _fold_alternatives(cls, vocab: dict[str, str]) -> dict[str, str]:
        # Long alternations are written over several YAML lines, each ending at a bar; folding
        # them puts a space after that bar, which would make the next alternative demand one.
        # A space before a bar is the author's ("NACH |UPI "): it stays.
        return {name: re.sub(r"\|\s+", "|", value).strip() for name, value in vocab.items()}
