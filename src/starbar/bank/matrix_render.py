"""The story matrix as terminal text and as Markdown (`bank matrix --format text|markdown`). Pure."""

from __future__ import annotations

from .claims import PRIMARY
from .matrix import MIN_STORIES, Cell, Matrix, Row


def _settings(m: Matrix) -> str:
    role = "fintech role" if m.fintech else "role outside fintech"
    people = "manages people" if m.manages_people else "no reports"
    return f"at {m.level} · {role} · {people}"


def _count_line(m: Matrix) -> str:
    repeats = len(m.rows) - m.distinct
    told = f" ({repeats} told twice, counted once)" if repeats else ""
    return f"{m.distinct} distinct stor{'y' if m.distinct == 1 else 'ies'}{told}; a loop needs {MIN_STORIES}, aim for {m.target_stories}"


def _claim(row: Row, cell: Cell) -> str:
    verdict = f" {cell.verdict}" if cell.verdict else ""
    return f"#{row.id}{verdict}"


def _story_line(r: Row) -> str:
    repeat = f" · the same text as #{r.repeat_of}" if r.repeat_of is not None else ""
    dropped = f" · stretched, not counted: {', '.join(c.principle for c in r.dropped)}" if r.dropped else ""
    return (
        f"#{r.id} {r.title!r}: told for {r.lp} · scope {_level(r.scope)} · fintech judgment "
        f"{_level(r.fintech_judgment)} · {r.context}{repeat}{dropped}"
    )


def _level(value: int | None) -> str:
    return "-" if value is None else str(value)


def to_text(m: Matrix) -> str:
    """One line per principle (its primary and secondary stories with their verdicts), then the stories and the gaps."""
    width = max(len(p.name) for p in m.principles)
    lines = [f"Story matrix {_settings(m)}", _count_line(m), ""]
    lines.append(f"{'PRINCIPLE'.ljust(width)}  TIER  PRIMARY / SECONDARY (story and verdict at {m.level})")
    for p in m.principles:
        column = m.column(p.id)
        primary = ", ".join(_claim(r, c) for r, c in column if c.role == PRIMARY) or "-"
        secondary = ", ".join(_claim(r, c) for r, c in column if c.role != PRIMARY) or "-"
        lines.append(f"{p.name.ljust(width)}  {p.tier}     {primary} / {secondary}")
    lines += ["", "Stories:", *(f"  {_story_line(r)}" for r in m.rows)] if m.rows else ["", "No stories yet."]
    lines += ["", f"Gaps ({len(m.gaps)}):" if m.gaps else "Gaps: none."]
    lines += [f"  {g.id}: {g.message}" for g in m.gaps]
    return "\n".join(lines)


def _md(text: str) -> str:
    """User text inside a Markdown table cell: no pipe or line break can break the table."""
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def to_markdown(m: Matrix) -> str:
    """The matrix as a Markdown table (stories × principles), the stories' shared levels and the gaps."""
    head = ["Story", *(p.name for p in m.principles), "Scope", "Fintech judgment", "Context"]
    lines = [f"# Story matrix {_settings(m)}", "", _count_line(m) + ".", ""]
    lines += ["| " + " | ".join(_md(h) for h in head) + " |", "|" + "---|" * len(head)]
    for r in m.rows:
        cells = []
        for p in m.principles:
            cell = r.cells.get(p.id)
            if cell is None:
                cells.append("")
            else:
                verdict = f" ({cell.verdict.replace('_', ' ')})" if cell.verdict else ""
                cells.append(("**primary**" if cell.role == PRIMARY else "secondary") + verdict)
        story = f"#{r.id} {_md(r.title)}" + (f" (same as #{r.repeat_of})" if r.repeat_of is not None else "")
        lines.append(
            "| " + " | ".join([story, *cells, _level(r.scope), _level(r.fintech_judgment), _md(r.context)]) + " |"
        )
    lines += ["", "## Gaps", ""]
    lines += [f"- `{g.id}`: {_md(g.message)}" for g in m.gaps] or ["None."]
    return "\n".join(lines) + "\n"
