"""Load the sixteen principles (``data/principles.yaml`` and the word classes in ``data/vocab``)
and check them before any story is read: errors name the file and the key, and the checks run
both ways (every word class a unit names exists, every word class is used)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from ..detect.patterns import CompiledSignal
from ..detect.units import Lexicon, UnitError, parse_unit
from ..errors import RubricError
from ..parse.matcher import Matcher, compile_lower
from ..rubric.loader import _explain, _read_classes, _read_yaml
from ..rubric.schema import Signal
from .schema import Principle, Principles


@dataclass(frozen=True)
class LoadedPrinciple:
    spec: Principle
    signals: tuple[CompiledSignal, ...]
    mistaken: tuple[CompiledSignal, ...]
    names: re.Pattern | Matcher | None


@dataclass(frozen=True)
class Catalogue:
    version: str
    principles: tuple[LoadedPrinciple, ...]
    lexicon: Lexicon


def data_folder() -> Path:
    return Path(str(resources.files("starbar.principles") / "data"))


@lru_cache(maxsize=4)
def load_principles(folder: Path | None = None) -> Catalogue:
    """The principles in table order, their signals compiled; raises `RubricError` naming the
    file and key of anything malformed."""
    folder = folder or data_folder()
    main = folder / "principles.yaml"
    try:
        spec = Principles.model_validate(_read_yaml(main))
    except ValidationError as exc:
        raise _explain(main, exc) from None
    classes = _read_classes(folder)
    lexicon = Lexicon(classes)
    used: set[str] = set()
    loaded = []
    for principle in spec.principles:
        compiled = []
        for kind, signals in (("signals", principle.signals), ("mistaken", principle.mistaken)):
            group = []
            for signal in signals:
                where = f"{main}: {principle.id}.{kind}.{signal.id}"
                group.append(_compile(signal, lexicon, where, used))
            compiled.append(tuple(group))
        names = _regex("|".join(f"(?:{n})" for n in principle.names), f"{main}: {principle.id}.names")
        loaded.append(LoadedPrinciple(principle, compiled[0], compiled[1], names if principle.names else None))
    unused = sorted(set(classes) - used)
    if unused:
        raise RubricError(f"{folder}/vocab/{unused[0]}.txt: no unit uses this word class")
    return Catalogue(spec.version, tuple(loaded), lexicon)


def _compile(signal: Signal, lexicon: Lexicon, where: str, used: set[str]) -> CompiledSignal:
    units = []
    for line in signal.units:
        try:
            unit = parse_unit(line, lexicon.classes)
        except UnitError as exc:
            raise RubricError(f"{where}.units: {exc}") from None
        used |= {str(s.value) for s in unit.slots if s.kind == "class"}
        units.append(unit)

    def regex(pattern: str, key: str) -> re.Pattern | Matcher:
        return _regex(pattern, f"{where}.{key}")

    pattern = "|".join(f"(?:{p})" for p in signal.patterns)
    return CompiledSignal(
        signal.id,
        None,
        signal.polarity,
        frozenset(signal.parts),
        regex(pattern, "patterns") if signal.patterns else None,
        tuple(units),
        lexicon,
        tuple(regex(w, "with") for w in signal.with_),
        tuple(regex(w, "without") for w in signal.without),
    )


def _regex(pattern: str, where: str) -> re.Pattern | Matcher:
    try:
        return compile_lower(pattern)
    except re.error as exc:
        raise RubricError(f"{where}: bad regex {pattern!r}: {exc}") from None
