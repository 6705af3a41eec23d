"""The checklist's loop coverage: one line per Leadership Principle and one per bank-wide
rule of the story matrix, each met or not by the matrix's gaps. Pure: a `Matrix` in,
(text, status, detail) lines out, which the checklist holds as its items."""

from __future__ import annotations

from .matrix import MIN_STORIES, SCOPE_NEEDED, Matrix

# What each tier needs (lp-identification.md, "What counts as a coverage gap").
NEEDS = {
    1: "a primary story that reaches hire under its rubric, and a second story",
    2: "two stories (primary or secondary)",
    3: "a story",
    4: "a story when the level is L7 or the role manages people",
}
PRINCIPLE_GAPS = ("no_primary", "single_story", "no_story", "below_bar")
Line = tuple[str, str, str]  # text, status ("met" or "not_met"), detail


def principle_lines(matrix: Matrix) -> list[Line]:
    """One line per principle, in the table's order."""
    asked_tier4 = matrix.level == "L7" or matrix.manages_people
    lines: list[Line] = []
    for p in matrix.principles:
        column = matrix.column(p.id)
        stories = "; ".join(
            f"{cell.role} #{row.id} {row.title!r}" + (f" ({cell.verdict.replace('_', ' ')})" if cell.verdict else "")
            for row, cell in column
        )
        missing = [g.message for g in matrix.gaps if g.id in PRINCIPLE_GAPS and p.id in g.principles]
        text = f"{p.name} (tier {p.tier}): {NEEDS[p.tier]}"
        if missing:
            lines.append((text, "not_met", f"{stories or 'no story yet'}. Missing: {'; '.join(missing)}"))
        elif p.tier == 4 and not column and not asked_tier4:
            lines.append((text, "met", f"rarely asked at {matrix.level} of a role without reports"))
        else:
            lines.append((text, "met", stories))
    return lines


def bank_lines(matrix: Matrix) -> list[Line]:
    """The matrix's bank-wide rules: enough stories, scope, finance, a failure, a lost disagreement, no stretch."""
    rules = [
        ("thin_bank", f"At least {MIN_STORIES} distinct stories (aim for {matrix.target_stories})"),
        ("scope_below_level", f"Scope of {SCOPE_NEEDED[matrix.level]} or more, as {matrix.level} needs"),
        ("no_failure_story", "A story of your own mistake, owned without blame"),
        ("no_lost_disagreement", "A story of a disagreement you lost, and then committed to"),
        ("stretched_story", "No story claimed for more than one primary and two secondaries"),
    ]
    if matrix.fintech:
        rules.insert(2, ("off_domain", "Stories set in financial products: half of them, and four tier-1 primaries"))
    lines: list[Line] = []
    for gap_id, text in rules:
        gap = matrix.gap(gap_id)
        lines.append((text, "not_met", gap.message) if gap else (text, "met", "the matrix finds no gap"))
    return lines


def steps(matrix: Matrix) -> list[str]:
    """What to do next, one step per gap, in the spec's order."""
    return [
        f"{g.id.replace('_', ' ').capitalize()}: {g.message}. `starbar bank matrix` shows where." for g in matrix.gaps
    ]
