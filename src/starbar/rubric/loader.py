"""Load a rubric from its data files and check it before anything is judged with it.

A rubric is a folder: ``rubric.yaml`` (structure, the detectors it runs, flags, archetypes,
verdicts, follow-ups), ``dimensions/*.yaml`` (one dimension each: anchors, caps and its
signals) and ``vocab/*.txt`` (word classes, one term a line, that meaning units match).
What every principle needs alike (money words, number words, the signals that tell a fintech
story) is written once in ``data/shared/`` and given to each rubric; a rubric may not define
those names again. Errors name the file and the key, so a coach editing the YAML can fix it without reading
Python. The checks run both ways: every name a rubric uses must exist, and every word class
and detector it declares must be used.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import ValidationError

from ..errors import InputError, RubricError
from .schema import Condition, Dimension, Flag, Followup, Rubric, Signal, parse_fact

DEFAULT_RUBRIC = "customer-obsession-fintech"
_VOCAB_REF = re.compile(r"\{([a-z_]+)\}")
_CLASS_NAME = re.compile(r"^[a-z][a-z_]*$")

# the C loader is several times faster; fall back where libyaml is absent
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RubricError(f"{path}: cannot read rubric file: {exc}") from None
    if not isinstance(data, dict):
        raise RubricError(f"{path}: a rubric file must hold a mapping of keys")
    return data


def _explain(path: Path, exc: ValidationError, within: str = "") -> RubricError:
    first = exc.errors()[0]
    parts = [within] if within else []
    key = ".".join([*parts, *(str(p) for p in first["loc"])]) or "(top)"
    msg = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
    return RubricError(f"{path}: {key}: {msg}")


@dataclass(frozen=True)
class _Shared:
    folder: Path
    vocab: dict[str, str]
    classes: dict[str, tuple[str, ...]]
    signals: dict[str, dict]


@lru_cache(maxsize=1)
def _shared() -> _Shared:
    """``data/shared/``: regex fragments and word classes every rubric gets, and signals a rubric
    takes by listing them in its ``shared_signals``."""
    folder = Path(str(resources.files("starbar.rubric") / "data" / "shared"))
    path = folder / "shared.yaml"
    data = _read_yaml(path)
    if unknown := sorted(set(data) - {"vocab", "signals"}):
        raise RubricError(f"{path}: {unknown[0]}: unknown key")
    signals = {}
    for i, raw in enumerate(data.get("signals") or []):
        try:
            signals[Signal.model_validate(raw).id] = raw
        except ValidationError as exc:
            raise _explain(path, exc, within=f"signals.{i}") from None
    return _Shared(folder, data.get("vocab") or {}, _read_classes(folder), signals)


def available() -> list[str]:
    root = resources.files("starbar.rubric") / "data"
    return sorted(p.name for p in root.iterdir() if (p / "rubric.yaml").is_file())


@lru_cache(maxsize=32)
def for_lp(lp: str) -> str:
    """The packaged rubric that judges Leadership Principle `lp` (``customer-obsession``)."""
    # Each folder's rubric.yaml names its principle: read that key alone, not every whole rubric,
    # so judging one principle never pays for compiling the others.
    by_lp = {_principle_of(name): name for name in available()}
    if lp not in by_lp:  # the user's choice, not a broken rubric
        raise InputError(f"no rubric judges the principle {lp!r}; available: {', '.join(sorted(by_lp))}")
    return by_lp[lp]


@lru_cache(maxsize=64)
def _principle_of(name: str) -> str:
    return str(_read_yaml(_folder(name) / "rubric.yaml").get("lp", ""))


def _folder(name: str) -> Path:
    candidate = Path(name)
    if (candidate / "rubric.yaml").is_file():
        return candidate
    packaged = Path(str(resources.files("starbar.rubric") / "data" / name))
    if not (packaged / "rubric.yaml").is_file():
        raise RubricError(f"no rubric named {name!r}; available: {', '.join(available())}")
    return packaged


@lru_cache(maxsize=8)
def load_rubric(name: str = DEFAULT_RUBRIC, calibrated: bool = True, tagged: bool = True) -> Rubric:
    """The rubric folder `name` (a packaged rubric or a path), checked both ways. With
    `calibrated=False` its learned layer is left unread, and with `tagged=False` its sentence-role
    tagger: what the training scripts need, since the weights they replace may have been trained
    for an older version of the bar and would be refused."""
    folder = _folder(name)
    main = folder / "rubric.yaml"
    data = _read_yaml(main)
    dimensions = []
    for path in sorted((folder / "dimensions").glob("*.yaml")):
        try:
            dimensions.append(Dimension.model_validate(_read_yaml(path)))
        except ValidationError as exc:
            raise _explain(path, exc) from None
    if "dimensions" in data:
        raise RubricError(f"{main}: dimensions: unknown key (dimensions live in dimensions/*.yaml)")
    order = data.pop("dimension_order", None)
    if order is not None:
        by_id = {d.id: d for d in dimensions}
        unknown = [d for d in order if d not in by_id]
        if unknown or len(order) != len(by_id):
            raise RubricError(f"{main}: dimension_order: must list each dimension file's id once (got {order})")
        dimensions = [by_id[d] for d in order]
    if "classes" in data:
        raise RubricError(f"{main}: classes: unknown key (word classes live in vocab/*.txt)")
    own_classes = _read_classes(folder)
    data, classes = _with_shared(data, own_classes, main)
    calibration = _read_learned(folder / "calibration.json") if calibrated else None
    tagger = _read_learned(folder / "roles.json") if tagged else None
    try:
        rubric = Rubric.model_validate(
            {
                **data,
                "classes": classes,
                "calibration": calibration,
                "tagger": tagger,
                "dimensions": [d.model_dump(by_alias=True) for d in dimensions],
            }
        )
    except ValidationError as exc:
        raise _explain(_learned_file(exc, folder) or main, exc) from None
    if rubric.calibration:
        _check_calibration(rubric, folder / "calibration.json")
    _check_tagger(rubric, folder, required=calibrated and tagged)
    _check_units(rubric, folder, set(own_classes))
    _check_patterns(rubric, folder)
    _check_detectors(rubric, main)
    _check_references(rubric, folder)
    return rubric


def _with_shared(
    data: dict, own_classes: dict[str, tuple[str, ...]], main: Path
) -> tuple[dict, dict[str, tuple[str, ...]]]:
    """The rubric's data and word classes with the shared ones added. A fragment defined in both
    would leave two copies to drift apart, so it is refused; a word class of a shared name adds
    the principle's own terms to the shared ones, and may not repeat them."""
    shared = _shared()
    own_vocab = data.get("vocab") or {}
    if clash := sorted(set(own_vocab) & set(shared.vocab)):
        raise RubricError(f"{main}: vocab.{clash[0]}: already defined in {shared.folder / 'shared.yaml'}; use that one")
    classes = dict(shared.classes)
    for name, terms in own_classes.items():
        base = shared.classes.get(name, ())
        if again := [t for t in terms if t in base]:
            raise RubricError(f"{main.parent}/vocab/{name}.txt: {again[0]!r} is already in the shared class")
        classes[name] = base + terms
    wanted = data.get("shared_signals") or []
    if unknown := [s for s in wanted if s not in shared.signals]:
        raise RubricError(f"{main}: shared_signals: no shared signal {unknown[0]!r}")
    rest = {k: v for k, v in data.items() if k != "shared_signals"}
    merged = {
        **rest,
        "vocab": {**shared.vocab, **own_vocab},
        "signals": [*(shared.signals[s] for s in wanted), *(data.get("signals") or [])],
    }
    return merged, classes


def _read_learned(path: Path) -> dict | None:
    """A learned layer's weights (calibration.json, roles.json), or None where there are none."""
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RubricError(f"{path}: cannot read the learned weights: {exc}") from None
    if not isinstance(data, dict):
        raise RubricError(f"{path}: the learned weights must be a JSON object")
    return data


def _learned_file(exc: ValidationError, folder: Path) -> Path | None:
    """The weights file a validation error is about, if it is about one."""
    first = exc.errors()[0]["loc"][0] if exc.errors() and exc.errors()[0]["loc"] else None
    return {"calibration": folder / "calibration.json", "tagger": folder / "roles.json"}.get(str(first))


def _check_tagger(rubric: Rubric, folder: Path, *, required: bool) -> None:
    """Roles speak for the rubric's own dimensions and come with the detector that reads them; a
    rubric that runs the tagger ships its weights, for roles it declares. Only the training
    scripts (which write the weights) may read the rubric without them."""
    main, path = folder / "rubric.yaml", folder / "roles.json"
    dims = {d.id for d in rubric.dimensions}
    for role, spec in rubric.roles.items():
        if spec.dimension not in dims:
            raise RubricError(f"{main}: roles.{role}.dimension: no dimension {spec.dimension!r}")
    runs = "roles.tagged" in rubric.detectors
    if runs != bool(rubric.roles):
        raise RubricError(f"{main}: roles: declared roles and the roles.tagged detector go together")
    if rubric.tagger is None:
        if required and runs:
            raise RubricError(f"{path}: the rubric runs roles.tagged but has no weights; train them (make calibrate)")
        return
    if unknown := [r for r in rubric.tagger.roles if r not in rubric.roles]:
        raise RubricError(f"{path}: roles: no role {unknown[0]!r} in rubric.yaml's roles")


def _check_calibration(rubric: Rubric, path: Path) -> None:
    """Weights trained on another version of the bar, or for dimensions it no longer has, are
    refused, and so are weights the rubric does not say how to use."""
    cal = rubric.calibration
    assert cal is not None
    if rubric.learned_layer is None:
        raise RubricError(f"{path}: the rubric declares no learned_layer (what the layer may do) in rubric.yaml")
    if cal.rubric_version != rubric.version:
        raise RubricError(
            f"{path}: rubric_version: trained for {cal.rubric_version}, the rubric is {rubric.version}; "
            "retrain it (make calibrate)"
        )
    dims = {d.id for d in rubric.dimensions}
    if set(cal.dimensions) != dims:
        raise RubricError(f"{path}: dimensions: must be exactly the rubric's ({', '.join(sorted(dims))})")
    if rubric.learned_layer.raises == "own_evidence" and set(cal.own) != dims:
        raise RubricError(f"{path}: own: raises need own evidence, so a model for each of {', '.join(sorted(dims))}")


def _read_classes(folder: Path) -> dict[str, tuple[str, ...]]:
    """Word classes: ``vocab/NAME.txt``, one term a line; ``#`` starts a comment."""
    classes = {}
    for path in sorted((folder / "vocab").glob("*.txt")):
        if not _CLASS_NAME.match(path.stem):
            raise RubricError(f"{path}: a word class is named in lower case with underscores")
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise RubricError(f"{path}: cannot read word class: {exc}") from None
        terms = tuple(dict.fromkeys(t for line in lines if (t := " ".join(line.split("#", 1)[0].split()).lower())))
        if not terms:
            raise RubricError(f"{path}: the word class holds no term")
        classes[path.stem] = terms
    return classes


def expand(rubric: Rubric, pattern: str) -> str:
    """Replace ``{name}`` with the rubric's shared vocabulary (a regex fragment)."""
    return _VOCAB_REF.sub(lambda m: f"(?:{rubric.vocab[m.group(1)]})", pattern)


T = TypeVar("T")


def per_rubric(fn: Callable[[Rubric], T]) -> Callable[[Rubric], T]:
    """`fn` worked out once per rubric object. Rubrics hold dicts and cannot key an lru_cache, so
    each answer is kept beside its rubric and found again by identity."""
    answers: dict[int, tuple[Rubric, T]] = {}

    def cached(rubric: Rubric) -> T:
        hit = answers.get(id(rubric))
        if hit is None or hit[0] is not rubric:
            hit = answers[id(rubric)] = (rubric, fn(rubric))
        return hit[1]

    return cached


@per_rubric
def earning_signals(rubric: Rubric) -> frozenset[str]:
    """The facts the rubric's anchors at level 2 and above test for being there: what earns more
    than a claim. A fact an anchor tests for being absent (`none`) holds a level back instead."""
    names: set[str] = set()
    blocking: set[str] = set()
    for dim in rubric.dimensions:
        for anchor in dim.anchors:
            if anchor.level >= 2 and anchor.when:
                names |= anchor.when.fact_names()
                blocking |= _absent(anchor.when)
    return frozenset(names - blocking)


def _absent(cond: Condition) -> set[str]:
    """The facts `cond` requires to be absent: its `none` items, at any depth."""
    out: set[str] = set()
    for item in cond.none:
        out |= {parse_fact(item)[0]} if isinstance(item, str) else item.fact_names()
    for item in [*cond.all, *cond.any, *(cond.some.of if cond.some else [])]:
        if isinstance(item, Condition):
            out |= _absent(item)
    return out


def all_signals(rubric: Rubric):
    """Every (dimension id or None, signal) pair the rubric declares."""
    for dim in rubric.dimensions:
        for signal in dim.signals:
            yield dim.id, signal
    for signal in rubric.signals:
        yield None, signal


def _check_patterns(rubric: Rubric, folder: Path) -> None:
    from ..detect.patterns import compiled

    seen: set[str] = set()
    for dim_id, signal in all_signals(rubric):
        where = folder / ("dimensions" if dim_id else "rubric.yaml")
        if signal.id in seen:
            raise RubricError(f"{where}: signals.{signal.id}: the id is used twice")
        seen.add(signal.id)
        for regex in [*signal.patterns, *signal.with_, *signal.without]:
            missing = [v for v in _VOCAB_REF.findall(regex) if v not in rubric.vocab]
            if missing:
                raise RubricError(f"{where}: signals.{signal.id}: unknown vocab {{{missing[0]}}}")
    try:
        compiled(rubric)  # compiled once, as the detector will use them, and kept
    except re.error:
        _name_bad_pattern(rubric, folder)


def _check_units(rubric: Rubric, folder: Path, own_classes: set[str]) -> None:
    from ..detect.units import UnitError, parse_unit

    clash = sorted(set(rubric.classes) & set(rubric.vocab))
    if clash:
        raise RubricError(f"{folder}/vocab/{clash[0]}.txt: the name is also a regex fragment in rubric.yaml vocab")
    used: set[str] = set()
    for dim_id, signal in all_signals(rubric):
        where = folder / (f"dimensions/{dim_id}.yaml" if dim_id else "rubric.yaml")
        for line in signal.units:
            try:
                unit = parse_unit(line, rubric.classes)
            except UnitError as exc:
                raise RubricError(f"{where}: signals.{signal.id}.units: {exc}") from None
            used |= {str(s.value) for s in unit.slots if s.kind == "class"}
    # a shared class may serve other rubrics only; the rubric's own must each serve a unit
    if unused := sorted(own_classes - used):
        raise RubricError(f"{folder}/vocab/{unused[0]}.txt: no unit uses this word class")


def _check_detectors(rubric: Rubric, main: Path) -> None:
    from ..detect.registry import by_id

    known = by_id()
    for name in rubric.detectors:
        if name not in known:
            raise RubricError(f"{main}: detectors: no detector registered as {name!r}")
    if len(set(rubric.detectors)) != len(rubric.detectors):
        raise RubricError(f"{main}: detectors: a detector is listed twice")


def _name_bad_pattern(rubric: Rubric, folder: Path) -> None:
    for dim_id, signal in all_signals(rubric):
        for regex in [*signal.patterns, *signal.with_, *signal.without]:
            try:
                re.compile(expand(rubric, regex))
            except re.error as exc:
                where = folder / ("dimensions" if dim_id else "rubric.yaml")
                raise RubricError(f"{where}: signals.{signal.id}: bad pattern {regex!r}: {exc}") from None
    raise RubricError(f"{folder}: the signals' patterns do not compile together")


def _conditions(rubric: Rubric):
    for dim in rubric.dimensions:
        for anchor in dim.anchors:
            if anchor.when:
                yield f"dimensions/{dim.id}: anchors.{anchor.level}", anchor.when
        for i, cap in enumerate(dim.caps):
            yield f"dimensions/{dim.id}: caps.{i}", cap.when
    for flag in rubric.flags:
        yield f"rubric.yaml: flags.{flag.id}", flag.when
        if flag.detail:
            yield f"rubric.yaml: flags.{flag.id}.detail", Condition(any=list(flag.detail))
    for kind in ("contexts", "archetypes", "verdicts"):
        for rule in getattr(rubric, kind):
            if rule.when:
                yield f"rubric.yaml: {kind}.{rule.value}", rule.when
    for f in rubric.followups:
        if f.when:
            yield f"rubric.yaml: followups.{f.id}", f.when


def known_facts(rubric: Rubric) -> set[str]:
    """What conditions may test: the rubric's own signals, what its declared detectors produce,
    and the judge's stage facts. A detector the rubric does not declare gives it nothing."""
    from ..detect import roles
    from ..detect.registry import declared_facts
    from ..judge.facts import stage_facts

    # The tagger's signals are the rubric's own roles, given only where it runs.
    tagged = roles.signals(rubric) if "roles.tagged" in rubric.detectors else frozenset()
    return {s.id for _, s in all_signals(rubric)} | declared_facts(rubric.detectors) | stage_facts(rubric) | tagged


def _check_references(rubric: Rubric, folder: Path) -> None:
    known = known_facts(rubric)
    for where, cond in _conditions(rubric):
        unknown = sorted(cond.fact_names() - known)
        if unknown:
            raise RubricError(f"{folder}/{where}: unknown fact {unknown[0]!r}")
    for kind in ("contexts", "archetypes", "verdicts"):
        rules = getattr(rubric, kind)
        if rules and rules[-1].when is not None:
            raise RubricError(
                f"{folder}/rubric.yaml: {kind}.{rules[-1].value}: the last rule is the fallback and takes no condition"
            )
    dims = {d.id for d in rubric.dimensions}
    named = [*rubric.gates, *(d for ds in rubric.context_exempt.values() for d in ds), *rubric.dimension_of.values()]
    if unknown := [d for d in named if d not in dims]:
        raise RubricError(f"{folder}/rubric.yaml: gates, context_exempt, dimension_of: no dimension {unknown[0]!r}")
    layer = rubric.learned_layer
    if layer and layer.dimensions is not None and (unknown := [d for d in layer.dimensions if d not in dims]):
        raise RubricError(f"{folder}/rubric.yaml: learned_layer.dimensions: no dimension {unknown[0]!r}")
    if not dims - set(rubric.gates):
        raise RubricError(f"{folder}/rubric.yaml: gates: at least one dimension must be counted")
    tagged: list[tuple[Followup | Flag, str]] = [(f, "followups") for f in rubric.followups]
    tagged += [(f, "flags") for f in rubric.flags]
    for item, kind in tagged:
        if item.dimension is not None and item.dimension not in dims:
            raise RubricError(f"{folder}/rubric.yaml: {kind}.{item.id}.dimension: no dimension {item.dimension!r}")
    if rubric.claim_words and rubric.claim_words not in known:
        raise RubricError(f"{folder}/rubric.yaml: claim_words: unknown signal {rubric.claim_words!r}")
    for flag in rubric.flags:
        bad = [c for c in flag.cite if c not in known]
        if bad:
            raise RubricError(f"{folder}/rubric.yaml: flags.{flag.id}.cite: unknown signal {bad[0]!r}")


__all__ = [
    "DEFAULT_RUBRIC",
    "Condition",
    "all_signals",
    "available",
    "earning_signals",
    "expand",
    "for_lp",
    "known_facts",
    "load_rubric",
    "per_rubric",
]
