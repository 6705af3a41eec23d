"""Plain-text views of the question bank and of a practice session (the JSON is `to_dict`)."""

from __future__ import annotations

import textwrap

from ..judge import Review
from ..render.plain import plain
from .delivery import Delivery, Occurrence
from .fit_reading import FitReading
from .loop import LoopPlan, LoopResult
from .questions import Question
from .session import AnySession, FitSession

WIDTH = 88  # when the caller does not know the terminal's width


def wrap(text: str, indent: str, first: str | None = None, width: int = WIDTH) -> str:
    """`text` as one paragraph wrapped to `width` columns, breaking at spaces only (a word
    longer than a line stays whole)."""
    return textwrap.fill(
        " ".join(text.split()),
        width,
        initial_indent=first or indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def clock(seconds: float) -> str:
    """Seconds as M:SS, rounded up so a countdown never shows 0:00 while time is left."""
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60}:{whole % 60:02d}"


def questions_text(questions: tuple[Question, ...], width: int = WIDTH) -> str:
    """The question bank as text, each question wrapped to `width`."""
    lines = []
    for q in questions:
        lines.append(f"{q.id}  [{q.lp} · {q.kind} · {q.setting}]")
        lines.append(wrap(q.text, "    ", width=width))
    return "\n".join(lines)


def review_brief(review: Review, before: Review | None = None, width: int = WIDTH) -> list[str]:
    """The verdict and one bar per dimension; with `before`, each level that rose shows where it came from."""
    lines = [f"  {review.verdict.replace('_', ' ').upper()} at {review.level}  ·  {review.archetype.replace('_', ' ')}"]
    for dim in review.dimensions.values():
        bar = "█" * dim.level + "·" * (4 - dim.level)
        was = before.dimensions[dim.id].level if before else dim.level
        rise = f"  (was {was}/4)" if dim.level > was else ""
        lines.append(f"    {dim.name:<24} {bar} {dim.level}/4{rise}")
    flags = ", ".join(f.id for f in review.flags) or "none"
    lines.append(wrap(flags, "      ", first="    flags: ", width=width))
    return lines


def phrase_counts(found: tuple[Occurrence, ...]) -> str:
    """Each phrase found with how often, in order of first use: "um ×2, like ×1"."""
    counts: dict[str, int] = {}
    for o in found:
        counts[o.phrase] = counts.get(o.phrase, 0) + 1
    return ", ".join(f"{p} ×{n}" for p, n in counts.items())


def delivery_lines(delivery: Delivery, text: str, width: int = WIDTH) -> list[str]:
    """The delivery figures as lines of text, quotes of the answer without Markdown marks."""
    lines = [f"  {delivery.words} words"]
    if delivery.seconds is not None and delivery.timing == "spoken":
        lines[0] += f" in {clock(delivery.seconds)}: {delivery.words_per_minute} words a minute ({delivery.pace})"
    elif delivery.seconds is not None and delivery.timing == "typed":
        lines[0] += f" typed in {clock(delivery.seconds)}: {delivery.words_per_minute} words a minute"
    for label, found in (("fillers", delivery.fillers), ("hedges", delivery.hedges)):
        lines.append(wrap(phrase_counts(found) or "none", "    ", first=f"  {label}: ", width=width))
    for s in delivery.long_sentences:
        snippet = " ".join(plain(text[s.start : s.end]).split())
        lines.append(
            wrap(
                f"{snippet[:80]}{'…' if len(snippet) > 80 else ''}",
                "      ",
                first=f"  long sentence ({s.words} words): ",
                width=width,
            )
        )
    return lines


def reading_lines(reading: FitReading, width: int = WIDTH) -> list[str]:
    """What `fit` found for the asked principle: the verdict line, then each quote behind it (and
    for a mismatch, the quotes of the principle the story shows instead)."""
    lines = [wrap(reading.summary, "    ", first="  ", width=width)]
    shown = reading.about if reading.status == "mismatch" and reading.about is not None else reading.asked
    for q in shown.quotes:
        quote = " ".join(plain(q.quote).split())
        lines.append(wrap(f"\u201c{quote}\u201d ({q.says})", "      ", first="    - ", width=width))
    return lines


def fit_session_text(session: FitSession, width: int = WIDTH) -> str:
    """A session about a principle without a rubric, as the candidate reads it."""
    out = [wrap(session.question.text, "  ", first="Question: ", width=width), ""]
    out += [f"Your answer, read for {session.reading.asked.name} (no rubric: no verdict, no probes)"]
    out += reading_lines(session.reading, width)
    out += ["", "Delivery", *delivery_lines(session.delivery, session.answer, width)]
    return "\n".join(out)


def session_text(session: AnySession, width: int = WIDTH) -> str:
    """The whole session as the candidate reads it, wrapped to `width` columns."""
    if isinstance(session, FitSession):
        return fit_session_text(session, width)
    out = [wrap(session.question.text, "  ", first="Question: ", width=width), "", "Your answer"]
    out += review_brief(session.initial, width=width)
    for i, ex in enumerate(session.exchanges, 1):
        out += [
            "",
            wrap(ex.probe.text, "    ", first=f"Follow-up {i}: ", width=width),
            wrap(ex.probe.why, "    ", first="  why: ", width=width),
        ]
        out.append(wrap(plain(ex.answer), "    ", first="  > ", width=width) if ex.answer else "  (no answer)")
    out += ["", "The whole exchange"]
    out += review_brief(session.final, before=session.initial, width=width)
    rises = ", ".join(f"{r.dimension} {r.before}->{r.after}" for r in session.recovered) or "nothing"
    out += ["", wrap(rises, "  ", first="Recovered by the probes: ", width=width)]
    out += ["", "Delivery", *delivery_lines(session.delivery, session.answer, width)]
    out += ["", "Next steps"]
    out += [wrap(step, "     ", first=f"  {i}. ", width=width) for i, step in enumerate(session.final.next_steps, 1)]
    return "\n".join(out)


def outcome_text(row: dict) -> str:
    """A loop row's outcome as read: the verdict in capitals, or what `fit` found."""
    if row["judged_by"] == "rubric":
        return row["outcome"].replace("_", " ").upper()
    return {"shows": "shows it (fit)", "mismatch": "mismatch (fit)", "thin": "too thin (fit)"}[row["outcome"]]


def loop_text(result: LoopResult, width: int = WIDTH) -> str:
    """The mock loop as the candidate reads it: by interviewer, one line per principle, then the
    stories told twice."""
    plan = result.plan
    out = [f"Mock loop at {plan.level}: {len(plan.interviews)} interviewers (replay with --seed {plan.seed})"]
    rows = result.rows()
    sessions = {s.question.id: s for s in result.sessions}
    for interview in plan.interviews:
        out += ["", f"Interviewer {interview.number}"]
        for row in (r for r in rows if r["interview"] == interview.number):
            took = clock(row["seconds"]) if row["seconds"] else "-:--"
            out.append(f"  {row['name'][:34]:<34} {outcome_text(row):<16} {took:>5}")
            session = sessions[row["question"]]
            out.append(wrap(session.question.text, "      ", first="    Q: ", width=width))
            if isinstance(session, FitSession):
                out.append(wrap(session.reading.summary, "      ", first="    ", width=width))
            for probe in row["probes"]:
                asked = "" if probe["answered"] else " (passed)"
                out.append(wrap(probe["probe"] + asked, "      ", first="    probe: ", width=width))
    if result.reused:
        out += ["", "Stories told twice (the debrief counts a story once)"]
        for r in result.reused:
            shared = ", ".join(r.shared[:6])
            out.append(
                wrap(
                    f"{r.first.lp} ({r.first.id}) and {r.second.lp} ({r.second.id}) tell the same story: "
                    f"both have {shared}",
                    "    ",
                    first="  ! ",
                    width=width,
                )
            )
    return "\n".join(out)


def plan_text(plan: LoopPlan, width: int = WIDTH) -> str:
    """The drawn loop before any answer: who asks what, with the ids a scripted answer file names."""
    out = [f"Mock loop at {plan.level} (seed {plan.seed})"]
    for interview in plan.interviews:
        out += ["", f"Interviewer {interview.number}"]
        for q in interview.questions:
            out.append(f"  === {q.lp}  ({q.id})")
            out.append(wrap(q.text, "      ", width=width))
    return "\n".join(out)
