"""Geometry for the inline SVG charts; the templates only place what is computed here."""

from __future__ import annotations

from dataclasses import dataclass

from ..rubric import Rubric
from ..rubric.schema import parse_fact

MAX_LEVEL = 4


@dataclass(frozen=True)
class Bar:
    """The rubric's own bar for `hire` at a level: the lowest level any counted dimension may
    have, and the mean the counted dimensions must reach (either may be absent)."""

    floor: float | None
    mean: float | None


def level_bar(rubric: Rubric, level: str) -> Bar:
    """Read from the verdict rules, so the chart shows the bar the judge applies, not a copy of it."""
    for rule in rubric.verdicts:
        if rule.value != "hire" or (rule.levels and level not in rule.levels) or rule.when is None:
            continue
        bounds: dict[str, float] = {}
        for item in rule.when.all:
            if isinstance(item, str):
                name, op, value = parse_fact(item)
                if op == ">=" and value is not None:
                    bounds[name] = value
        return Bar(bounds.get("levels.min_counted"), bounds.get("levels.mean_counted"))
    return Bar(None, None)


# A level of 0 still gets a sliver of bar, so "nothing" reads as a level, not a missing row.
ZERO_BAR = 3.0


@dataclass(frozen=True)
class Row:
    id: str
    name: str
    level: int
    y: int  # the top of the row: its name, then its bar under it
    width: float
    status: str  # "below" the floor (it sinks the verdict), "near" (under the mean) or "above"

    @property
    def below(self) -> bool:
        return self.status == "below"


@dataclass(frozen=True)
class DimensionChart:
    """Each dimension's name above its bar, so the chart is narrow enough for a phone at full size."""

    rows: tuple[Row, ...]
    bar: Bar
    left: int
    plot_width: int
    width: int
    row_height: int
    height: int
    ticks: tuple[tuple[int, float], ...]  # (level, x)
    floor_x: float | None
    mean_x: float | None


def dimension_chart(
    review, rubric: Rubric, *, left: int = 8, plot_width: int = 300, row_height: int = 42
) -> DimensionChart:
    bar = level_bar(rubric, review.level)
    scale = plot_width / MAX_LEVEL

    def x(level: float) -> float:
        return round(left + level * scale, 1)

    rows = []
    for i, score in enumerate(review.dimensions.values()):
        floor = bar.floor if bar.floor is not None else 0
        status = "below" if score.level < floor else "near" if score.level < (bar.mean or floor) else "above"
        width = max(round(score.level * scale, 1), ZERO_BAR)
        rows.append(Row(score.id, score.name, score.level, 8 + i * row_height, width, status))
    height = 8 + len(rows) * row_height + 22
    return DimensionChart(
        rows=tuple(rows),
        bar=bar,
        left=left,
        plot_width=plot_width,
        width=left + plot_width + 24,
        row_height=row_height,
        height=height,
        ticks=tuple((lvl, x(lvl)) for lvl in range(MAX_LEVEL + 1)),
        floor_x=x(bar.floor) if bar.floor is not None else None,
        mean_x=x(bar.mean) if bar.mean is not None else None,
    )


@dataclass(frozen=True)
class Line:
    id: str
    name: str
    points: str  # SVG polyline points
    levels: tuple[int, ...]


@dataclass(frozen=True)
class HistoryChart:
    lines: tuple[Line, ...]
    versions: tuple[int, ...]
    width: int
    height: int


def history_chart(
    versions: list[int],
    levels_by_version: list[dict[str, int]],
    names: dict[str, str],
    *,
    width: int = 160,
    height: int = 28,
) -> HistoryChart:
    """One small line per dimension: its level (0-4) at each saved version, oldest first."""
    step = width / max(1, len(versions) - 1)
    lines = []
    for dim_id, name in names.items():
        levels = tuple(v.get(dim_id, 0) for v in levels_by_version)
        pts = " ".join(
            f"{round(i * step, 1)},{round(height - 2 - lvl * (height - 4) / MAX_LEVEL, 1)}"
            for i, lvl in enumerate(levels)
        )
        lines.append(Line(dim_id, name, pts, levels))
    return HistoryChart(tuple(lines), tuple(versions), width, height)
