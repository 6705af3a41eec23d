"""Reading each transcript format into timed, attributed segments, and telling the formats apart.

- WebVTT (`.vtt`): cues with `-->` timings; the speaker from a `<v Name>` voice tag or a
  `Name:` prefix; a cue without one continues the speaker before it.
- SubRip (`.srt`): numbered cues, `00:01:02,500 --> ...`, speakers as `Name:` prefixes.
- Otter text export: a line `Name  1:02` (name, two spaces, time), then what was said.
- Zoom text transcript: a line `[Name] 00:01:02`, then what was said.
- Teams text export: the name on a line, the time `0:01:02` on the next, then what was said.

The plain-text exports give only when each block starts: a block lasts until the next one
begins, and the last one as long as its words take at an ordinary speaking rate.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from .transcript import Segment, Transcript, TranscriptError, check

FORMATS = ("vtt", "srt", "otter", "zoom", "teams")
FORMAT_NAMES = {"vtt": "WebVTT", "srt": "SubRip", "otter": "Otter text", "zoom": "Zoom text", "teams": "Teams text"}
# Only to time the last block of a plain-text export, which has no next block to end it.
LAST_BLOCK_WORDS_PER_MINUTE = 150

_CUE_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?"
_TIMING = re.compile(rf"^\s*{_CUE_TIME}\s*-->\s*{_CUE_TIME}(?:\s.*)?$")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
_TAG = re.compile(r"</?[a-z][^>]*>", re.I)
# A speaker prefix: a capitalised name of up to four words, then a colon and the words said.
_PREFIX = re.compile(r"^\s*(?:-\s*)?([A-Z][\w.'’-]*(?: [A-Za-z][\w.'’-]*){0,3}):\s+(?=\S)")
# Words a speaker says before a colon that are not names ("Result: churn fell by half").
_LABELS = frozenset(
    {
        "situation", "task", "action", "actions", "result", "results", "outcome", "impact", "context", "background",
        "note", "example", "question", "answer", "problem", "goal", "update", "summary", "takeaway", "bottom line",
    }
)  # fmt: skip
_CLOCK = r"(?:\d+:)?\d{1,2}:\d{2}"
_OTTER_HEAD = re.compile(rf"^(\S.*?\S|\S)[ \t]{{2,}}({_CLOCK})[ \t]*$")
_ZOOM_HEAD = re.compile(rf"^\[([^\]\n]+)\][ \t]+({_CLOCK})[ \t]*$")
_TEAMS_TIME = re.compile(rf"^({_CLOCK})(?:\.\d+)?[ \t]*$")


def _seconds(hours: str | None, minutes: str, secs: str, millis: str | None) -> float:
    fraction = int((millis or "0").ljust(3, "0")) / 1000
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(secs) + fraction


def _clock_seconds(value: str) -> float:
    parts = [int(p) for p in value.split(":")]
    return sum(p * 60**i for i, p in enumerate(reversed(parts)))


def _speaker_lines(payload: list[str], speaker: str | None) -> list[tuple[str | None, str]]:
    """A cue's lines as (speaker, text) runs: a voice tag or prefix switches the speaker."""
    runs: list[tuple[str | None, str]] = []
    for raw in payload:
        voice = _VOICE.search(raw)
        if voice:
            speaker = " ".join(voice.group(1).split())
        line = html.unescape(_TAG.sub("", raw)).strip()
        prefix = _PREFIX.match(line)
        if prefix and not voice and prefix.group(1).casefold() not in _LABELS:
            speaker, line = prefix.group(1), line[prefix.end() :]
        if not line:
            continue
        if runs and runs[-1][0] == speaker:
            runs[-1] = (speaker, f"{runs[-1][1]} {line}")
        else:
            runs.append((speaker, line))
    return runs


def read_cues(text: str) -> list[Segment]:
    """The cues of a WebVTT or SubRip file; a cue voicing two speakers is shared out by their words."""
    segments: list[Segment] = []
    speaker: str | None = None
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = _TIMING.match(lines[i])
        if not m:
            i += 1
            continue
        line_no = i + 1
        start, end = _seconds(*m.groups()[:4]), _seconds(*m.groups()[4:])
        payload = []
        i += 1
        while i < len(lines) and lines[i].strip():
            payload.append(lines[i])
            i += 1
        runs = _speaker_lines(payload, speaker)
        total = sum(len(t.split()) for _, t in runs) or 1
        at = start
        for who, words in runs:
            share = (end - start) * len(words.split()) / total
            segments.append(Segment(who or "", at, at + share, words, line_no))
            at += share
            speaker = who
    return segments


def _blocks(text: str, head: Callable[[list[str], int], tuple[str, str, int] | None]) -> list[Segment]:
    """Blocks of a plain-text export: `head` reads (speaker, time, lines used) at a line, or None."""
    lines = text.split("\n")
    starts: list[tuple[str, float, int, list[str]]] = []
    i = 0
    while i < len(lines):
        found = head(lines, i)
        if found:
            speaker, time, used = found
            starts.append((speaker, _clock_seconds(time), i + 1, []))
            i += used
            continue
        if starts and lines[i].strip():
            starts[-1][3].append(lines[i].strip())
        i += 1
    segments = []
    for n, (speaker, start, line_no, said) in enumerate(starts):
        words = " ".join(said)
        if n + 1 < len(starts):
            end = max(start, starts[n + 1][1])
        else:
            end = start + len(words.split()) * 60 / LAST_BLOCK_WORDS_PER_MINUTE
        if words:
            segments.append(Segment(speaker, start, end, words, line_no))
    return segments


def _otter_head(lines: list[str], i: int):
    m = _OTTER_HEAD.match(lines[i])
    return (m.group(1).strip(), m.group(2), 1) if m else None


def _zoom_head(lines: list[str], i: int):
    m = _ZOOM_HEAD.match(lines[i])
    return (m.group(1).strip(), m.group(2), 1) if m else None


def _teams_head(lines: list[str], i: int):
    name = lines[i].strip()
    if not name or len(name) > 60 or i + 1 >= len(lines) or _TEAMS_TIME.match(name):
        return None
    if (i > 0 and lines[i - 1].strip()) or len(name.split()) > 5:
        return None  # a speaker line opens a block
    m = _TEAMS_TIME.match(lines[i + 1].strip())
    return (name, m.group(1), 2) if m else None


READERS: dict[str, Callable[[str], list[Segment]]] = {
    "vtt": read_cues,
    "srt": read_cues,
    "otter": lambda text: _blocks(text, _otter_head),
    "zoom": lambda text: _blocks(text, _zoom_head),
    "teams": lambda text: _blocks(text, _teams_head),
}


def detect_format(text: str) -> str:
    """The format a transcript is in, judged from its content (never from the file name)."""
    if text.lstrip().startswith("WEBVTT"):
        return "vtt"
    lines = text.split("\n")
    if any(_TIMING.match(line) for line in lines):
        return "srt"
    counts = {
        name: sum(1 for i in range(len(lines)) if head(lines, i))
        for name, head in (("zoom", _zoom_head), ("otter", _otter_head), ("teams", _teams_head))
    }
    best = max(counts, key=lambda name: counts[name])
    if counts[best] == 0:
        raise TranscriptError(
            "no timestamps found: not a WebVTT, SubRip, Otter, Zoom or Teams transcript (see `starbar debrief --help`)"
        )
    return best


def read_transcript(text: str, fmt: str | None = None) -> Transcript:
    """Read `text` as `fmt` (detected when None) into a checked `Transcript`."""
    if not text.strip():
        raise TranscriptError("the file is empty")
    fmt = fmt or detect_format(text)
    segments = READERS[fmt](text)
    if not segments:
        raise TranscriptError(f"no timed speech found reading the file as {FORMAT_NAMES[fmt]}")
    if not any(s.speaker for s in segments):
        raise TranscriptError(
            "no speaker names: each cue needs a <v Name> tag or a `Name:` prefix to tell the interviewer from the candidate"
        )
    unnamed = next((s for s in segments if not s.speaker), None)
    if unnamed:
        raise TranscriptError(f"line {unnamed.line}: no speaker named before this cue")
    return check(Transcript(fmt, tuple(segments), end_times=fmt in ("vtt", "srt")))
