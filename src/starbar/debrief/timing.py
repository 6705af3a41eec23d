"""Delivery figures from the transcript's own timestamps: speaking time, pace, pauses, fillers, talk share.

Pure functions of the split interview. Speaking time is the sum of the candidate's segments;
an answer's length runs from its first word to its last; a pause is a silence of more than
`PAUSE_SECONDS` between the candidate's segments in an answer, or between the last words
before the answer (the question's, or the candidate's own) and its first word. Plain-text exports time only the start of each block,
so their pauses are unknown (None), never zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..practice.delivery import FILLER_RULES, HEDGE_RULES, Occurrence, find_phrases, pace_of
from .split import Interview, Passage
from .transcript import Transcript

PAUSE_SECONDS = 3.0
# The two-to-three-minute answer interviewers expect for a behavioural question.
TARGET_SECONDS = (120.0, 180.0)
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Pause:
    start: float
    end: float
    at: int  # character offset in the answer text where the silence falls
    before: bool  # between the question and the answer's first word

    @property
    def seconds(self) -> float:
        return self.end - self.start

    def to_dict(self) -> dict:
        return {
            "start": round(self.start, 3),
            "end": round(self.end, 3),
            "seconds": round(self.seconds, 3),
            "at": self.at,
            "where": "before" if self.before else "within",
        }


@dataclass(frozen=True)
class Delivery:
    """How a stretch of the candidate's speech was delivered, from its timestamps."""

    start: float
    end: float
    speaking_seconds: float
    words: int
    pauses: tuple[Pause, ...] | None
    fillers: tuple[Occurrence, ...]
    hedges: tuple[Occurrence, ...]
    target_wpm: int

    @property
    def length_seconds(self) -> float:
        return self.end - self.start

    @property
    def words_per_minute(self) -> int | None:
        return round(self.words * 60 / self.speaking_seconds) if self.speaking_seconds > 0 else None

    @property
    def pace(self) -> str | None:
        wpm = self.words_per_minute
        return pace_of(wpm, self.target_wpm) if wpm is not None else None

    def per_minute(self, found: tuple[Occurrence, ...]) -> float:
        return round(len(found) * 60 / self.speaking_seconds, 1) if self.speaking_seconds > 0 else 0.0

    @property
    def length(self) -> str:
        """The answer's length against the two-to-three-minute target."""
        low, high = TARGET_SECONDS
        return "short" if self.length_seconds < low else "long" if self.length_seconds > high else "on target"

    def to_dict(self) -> dict:
        return {
            "start": round(self.start, 3),
            "end": round(self.end, 3),
            "length_seconds": round(self.length_seconds, 3),
            "length": self.length,
            "speaking_seconds": round(self.speaking_seconds, 3),
            "words": self.words,
            "words_per_minute": self.words_per_minute,
            "pace": self.pace,
            "pauses": None if self.pauses is None else [p.to_dict() for p in self.pauses],
            "fillers": [o.to_dict() for o in self.fillers],
            "fillers_per_minute": self.per_minute(self.fillers),
            "hedges": [o.to_dict() for o in self.hedges],
            "hedges_per_minute": self.per_minute(self.hedges),
        }


def _pauses(passage: Passage, after: float | None) -> tuple[Pause, ...]:
    found: list[Pause] = []
    previous_end = after
    for seg, at in zip(passage.segments, passage.offsets()):
        if previous_end is not None and seg.start - previous_end > PAUSE_SECONDS:
            found.append(Pause(previous_end, seg.start, at, before=not found and at == 0))
        previous_end = seg.end
    return tuple(found)


def silence_from(transcript: Transcript, moment: float) -> float | None:
    """When the last speech before `moment` ended, by anyone (None: nothing was said before it)."""
    ends = [s.end for s in transcript.segments if s.start < moment]
    return min(max(ends), moment) if ends else None


def measure(passage: Passage, transcript: Transcript, target_wpm: int) -> Delivery:
    """Delivery of the candidate's `passage` of the `transcript`."""
    text = passage.text
    start = passage.start or 0.0
    return Delivery(
        start=start,
        end=passage.end or 0.0,
        speaking_seconds=sum(s.seconds for s in passage.segments),
        words=len(_WORD.findall(text)),
        pauses=_pauses(passage, silence_from(transcript, start)) if transcript.end_times else None,
        fillers=find_phrases(text, FILLER_RULES),
        hedges=find_phrases(text, HEDGE_RULES),
        target_wpm=target_wpm,
    )


@dataclass(frozen=True)
class Overall:
    """The whole interview: who spoke how long, and the candidate's answers taken together."""

    duration: float
    seconds_by_speaker: dict[str, float]
    candidate: str
    answers: Delivery | None  # every answer and follow-up answer, as one stretch of speech

    @property
    def talk_share(self) -> float:
        total = sum(self.seconds_by_speaker.values())
        return round(self.seconds_by_speaker[self.candidate] / total, 3) if total else 0.0

    def to_dict(self) -> dict:
        answers = self.answers
        return {
            "duration_seconds": round(self.duration, 3),
            "speaking_seconds": {k: round(v, 3) for k, v in self.seconds_by_speaker.items()},
            "candidate_talk_share": self.talk_share,
            "answer_speaking_seconds": round(answers.speaking_seconds, 3) if answers else 0.0,
            "answer_words": answers.words if answers else 0,
            "words_per_minute": answers.words_per_minute if answers else None,
            "pauses": None if answers is None or answers.pauses is None else len(answers.pauses),
            "fillers_per_minute": answers.per_minute(answers.fillers) if answers else 0.0,
            "hedges_per_minute": answers.per_minute(answers.hedges) if answers else 0.0,
        }


def overall(transcript: Transcript, interview: Interview, parts: list[Delivery], target_wpm: int) -> Overall:
    """Totals over the interview; `parts` are the deliveries of every answer and follow-up answer."""
    seconds: dict[str, float] = dict.fromkeys(transcript.speakers, 0.0)
    for seg in transcript.segments:
        seconds[seg.speaker] += seg.seconds
    together = None
    if parts:
        together = Delivery(
            start=min(p.start for p in parts),
            end=max(p.end for p in parts),
            speaking_seconds=sum(p.speaking_seconds for p in parts),
            words=sum(p.words for p in parts),
            pauses=None if not transcript.end_times else tuple(x for p in parts for x in p.pauses or ()),
            fillers=tuple(x for p in parts for x in p.fillers),
            hedges=tuple(x for p in parts for x in p.hedges),
            target_wpm=target_wpm,
        )
    return Overall(transcript.end - transcript.start, seconds, interview.candidate, together)
