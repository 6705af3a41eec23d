"""--explain: every detector that ran, every match it kept or set aside, every decision."""

from __future__ import annotations


def explain_lines(review) -> list[str]:
    trace, text = review.trace, review.text
    if trace is None:
        return ["no trace recorded"]
    lines = [f"detectors run: {', '.join(trace.detectors)}", "fired:"]
    for e in sorted(trace.fired, key=lambda e: (e.start, e.signal)):
        where = f"[{e.dimension}]" if e.dimension else "[flags]"
        lines.append(f"  {e.signal} {where} {e.polarity} @{e.start}-{e.end}: “{text[e.start : e.end]}”")
    lines.append("suppressed:" if trace.suppressed else "suppressed: none")
    for s in trace.suppressed:
        lines.append(f"  {s.signal} @{s.start}-{s.end}: “{text[s.start : s.end]}” ({s.reason})")
    lines.append("decisions:")
    lines += [f"  {d}" for d in trace.decisions]
    return lines
