"""A transcript as data: timed segments of speech, each with its speaker, checked before any analysis.

Every reader in `formats.py` produces segments; `check` refuses what cannot be debriefed
(no speakers, one speaker, times that run backwards or overlap, an interview of hours) with
one line that says where and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError

# One interview is under an hour or so; a file of several hours is a whole day of recordings.
MAX_SECONDS = 2 * 3600
_WORD = re.compile(r"\S+")


class TranscriptError(InputError):
    """The file is not a transcript starbar can debrief; the message says why, in one line."""

    code = "bad_transcript"


@dataclass(frozen=True, slots=True)
class Segment:
    """One timed piece of speech: a cue of a caption file, or a block of a plain-text export."""

    speaker: str
    start: float  # seconds from the start of the recording
    end: float
    text: str
    line: int  # where it starts in the file, for error messages

    @property
    def seconds(self) -> float:
        return self.end - self.start

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


@dataclass(frozen=True)
class Transcript:
    format: str  # vtt, srt, otter, zoom or teams
    segments: tuple[Segment, ...]
    # Caption files time each cue's end; plain-text exports give only starts, so a segment
    # there runs until the next one begins and a pause cannot be seen.
    end_times: bool

    @property
    def speakers(self) -> tuple[str, ...]:
        """Every speaker, in order of first appearance."""
        return tuple(dict.fromkeys(s.speaker for s in self.segments))

    @property
    def start(self) -> float:
        return self.segments[0].start

    @property
    def end(self) -> float:
        return max(s.end for s in self.segments)


def clock(seconds: float) -> str:
    """Seconds as M:SS (H:MM:SS from an hour), as a transcript shows them."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def check(transcript: Transcript) -> Transcript:
    """The transcript, if it can be debriefed; else a `TranscriptError` naming the line at fault."""
    segments = transcript.segments
    if not segments:
        raise TranscriptError("no speech found: the file has timestamps but no text under them")
    last_end: dict[str, float] = {}
    previous: Segment | None = None
    for seg in segments:
        if seg.end < seg.start:
            raise TranscriptError(
                f"line {seg.line}: the time runs backwards (ends at {clock(seg.end)}, before it starts at {clock(seg.start)})"
            )
        if previous is not None and seg.start < previous.start:
            raise TranscriptError(
                f"line {seg.line}: starts at {clock(seg.start)}, before the part above it "
                f"(line {previous.line}, {clock(previous.start)}); times must run forward"
            )
        # Two people may talk at once (cross-talk); one person cannot say two things at once.
        if seg.start < last_end.get(seg.speaker, 0.0):
            raise TranscriptError(
                f"line {seg.line}: {seg.speaker} starts at {clock(seg.start)} while still speaking "
                f"until {clock(last_end[seg.speaker])}; the times overlap"
            )
        last_end[seg.speaker] = seg.end
        previous = seg
    span = transcript.end - transcript.start
    if span > MAX_SECONDS:
        raise TranscriptError(
            f"the transcript runs {clock(span)}; a debrief reads one interview of up to {MAX_SECONDS // 3600} hours"
        )
    speakers = transcript.speakers
    if len(speakers) < 2:
        raise TranscriptError(
            f"only one speaker ({speakers[0]}); a debrief needs the interviewer and the candidate, "
            "each named (a `Name:` prefix or a <v Name> tag)"
        )
    return transcript
