"""The debrief as terminal text and as Markdown (the JSON is `Debrief.to_dict`)."""

from __future__ import annotations

from ..judge import Review
from ..practice.report import phrase_counts, review_brief, wrap
from ..render.closeness import closeness
from .formats import FORMAT_NAMES
from .report import AnswerResult, Debrief
from .timing import PAUSE_SECONDS, TARGET_SECONDS, Delivery
from .transcript import clock

QUOTE_CHARS = 90


def _snippet(text: str, limit: int = QUOTE_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def headline(d: Debrief) -> list[str]:
    iv, o = d.interview, d.overall
    how = "named with --me" if iv.chosen_by == "me" else "the speaker with the most words; --me NAME to choose"
    answered = sum(1 for a in d.answers if not a.exchange.missed)
    lines = [
        f"Debrief of a {FORMAT_NAMES[d.transcript.format]} transcript, {clock(o.duration)} long: "
        f"{len(d.answers)} questions, {answered} answered",
        f"Candidate: {iv.candidate} ({how}); interviewer: {', '.join(iv.interviewers)}",
        f"Talk time: the candidate {clock(o.seconds_by_speaker[iv.candidate])} of "
        f"{clock(sum(o.seconds_by_speaker.values()))} ({round(o.talk_share * 100)}%)",
    ]
    if o.answers:
        lines.append(f"Answers: {delivery_line(o.answers)}")
    return lines


def delivery_line(dl: Delivery) -> str:
    parts = [f"{dl.words} words in {clock(dl.speaking_seconds)} of speech"]
    if dl.words_per_minute is not None:
        parts.append(f"{dl.words_per_minute} words a minute ({dl.pace})")
    if dl.pauses is None:
        parts.append("pauses: not timed in this format")
    else:
        parts.append(f"{len(dl.pauses)} {'pause' if len(dl.pauses) == 1 else 'pauses'} over {PAUSE_SECONDS:g} s")
    parts.append(f"fillers {dl.per_minute(dl.fillers)}/min" + (f" ({phrase_counts(dl.fillers)})" if dl.fillers else ""))
    parts.append(f"hedges {dl.per_minute(dl.hedges)}/min" + (f" ({phrase_counts(dl.hedges)})" if dl.hedges else ""))
    return " · ".join(parts)


def pause_lines(dl: Delivery, text: str) -> list[str]:
    lines = []
    for p in dl.pauses or ():
        where = "before the first word" if p.before else f"after “…{_snippet(text[max(0, p.at - 40) : p.at], 40)}”"
        lines.append(f"    pause of {p.seconds:.1f} s at {clock(p.start)}, {where}")
    return lines


def _evidence(review: Review) -> list[str]:
    lines = []
    for dim in review.dimensions.values():
        if dim.evidence:
            lines.append(
                wrap(f"“{_snippet(dim.evidence[0].quote)}”", "      ", first=f"    {dim.name} {dim.level}/4: ")
            )
    return lines


def answer_text(a: AnswerResult) -> list[str]:
    ex = a.exchange
    out = [wrap(ex.question.text, "    ", first=f"Question {a.number} at {clock(ex.question.start)}: ")]
    dl = a.delivery
    if a.review is None or dl is None:  # an answer the engine reviewed always has its delivery
        return [*out, f"  {a.problem}"]
    low, high = (int(s // 60) for s in TARGET_SECONDS)
    out.append(
        f"  Answer {clock(dl.start)}-{clock(dl.end)}: {clock(dl.length_seconds)} long ({dl.length}; target {low}-{high} minutes)"
    )
    out.append(wrap(delivery_line(dl), "    ", first="  "))
    out += pause_lines(dl, ex.answer.text)
    out += review_brief(a.review)
    out += [wrap(line, "    ", first="    How close: ") for line in closeness(a.review)]
    out += _evidence(a.review)
    for n, f in enumerate(a.followups, 1):
        out.append(
            wrap(f.followup.question.text, "      ", first=f"  Follow-up {n} at {clock(f.followup.question.start)}: ")
        )
        if f.delivery is None:
            out.append("    (no answer)")
            continue
        rises = ", ".join(f"{r.dimension} {r.before}->{r.after}" for r in f.recovered) or "nothing"
        cleared = f"; flags cleared: {', '.join(f.flags_cleared)}" if f.flags_cleared else ""
        out.append(f"    recovered: {rises}{cleared} -> {f.review.verdict.replace('_', ' ')}")
    final = a.final
    if a.followups and final is not None and final is not a.review:
        out += ["  With the follow-ups", *review_brief(final, before=a.review)]
    return out


def debrief_text(d: Debrief) -> str:
    out = headline(d)
    for a in d.answers:
        out += ["", *answer_text(a)]
    return "\n".join(out)


def _md_escape(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def debrief_markdown(d: Debrief) -> str:
    out = ["# Interview debrief", "", *(f"- {line}" for line in headline(d))]
    for a in d.answers:
        ex = a.exchange
        out += ["", f"## Question {a.number} ({clock(ex.question.start)})", "", f"> {_md_escape(ex.question.text)}", ""]
        r, dl = a.review, a.delivery
        if r is None or dl is None:
            out.append(f"*{a.problem}*")
            continue
        out += [
            f"**{r.verdict.replace('_', ' ')}** at {r.level} · {r.archetype.replace('_', ' ')} · "
            f"{clock(dl.length_seconds)} long ({dl.length})",
            "",
            f"Delivery: {delivery_line(dl)}",
            "",
            *(f"How close: {line}" for line in closeness(r)),
            "",
            "| Dimension | Level | Evidence |",
            "| --- | --- | --- |",
        ]
        for dim in r.dimensions.values():
            quote = f"“{_md_escape(_snippet(dim.evidence[0].quote))}”" if dim.evidence else ""
            out.append(f"| {dim.name} | {dim.level}/4 | {quote} |")
        if r.flags:
            out += ["", "Flags: " + ", ".join(f"`{f.id}`" for f in r.flags)]
        for n, f in enumerate(a.followups, 1):
            rises = ", ".join(f"{x.dimension} {x.before}→{x.after}" for x in f.recovered) or "nothing"
            answer = (
                "no answer"
                if f.delivery is None
                else f"recovered {rises}; verdict after: {f.review.verdict.replace('_', ' ')}"
            )
            out += ["", f"- Follow-up {n}: {_md_escape(f.followup.question.text)} — {answer}"]
    return "\n".join(out) + "\n"
