"""Finding the candidate and splitting the conversation into questions, answers and follow-ups.

An interviewer turn that asks a new question ("Tell me about a time...") opens an answer; the
candidate's turns until the next question are that answer. An interviewer turn that asks
something else while an answer is open is a follow-up attached to that answer, and the
candidate's turns after it answer the follow-up, as in practice mode. Backchannel ("Mm-hm.",
"Right.") from either side is cross-talk: it neither asks nor answers. A question the
candidate passes on, or never speaks to, is missed. An interviewer turn that asks two new
questions gets one answer each: the candidate's reply is cut where it turns to the second
("As for your second question..."); without such a turn all of it answers the first.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .transcript import Segment, Transcript, TranscriptError

_BACKCHANNEL = re.compile(
    r"^(?:(?:m+-?h+m+|u+h-?h+u+h|hmm+|right|okay|ok|sure|yes|yeah|yep|got it|i see|great|cool|nice|"
    r"go on|go ahead|makes sense|absolutely|of course|interesting|thanks|thank you|understood)[\s.,!]*)+$",
    re.I,
)
BACKCHANNEL_MAX_WORDS = 4
_IMPERATIVE = re.compile(r"\b(?:tell|walk|talk) me\b|\bdescribe\b|\bgive me\b|\bshare (?:with me|an?|one)\b", re.I)
_NEW_QUESTION = re.compile(
    r"\btell me about (?:a|an|the last|one) (?:time|situation|moment|case|project|occasion|decision|customer)\b|"
    r"\b(?:describe|walk me through|talk me through|share) (?:a|an|one) (?:time|situation|moment|case|project|decision)\b|"
    r"\b(?:give|share with) me (?:an|one|another) example\b|\ban example of a time\b|"
    r"\ba time (?:when|that|where|you)\b|\ba situation (?:where|when|in which)\b|\bhave you ever\b|"
    r"\b(?:next|another|different|last) question\b|\bmoving on\b|\bswitch(?:ing)? gears\b",
    re.I,
)
_SEVERAL_QUESTIONS = re.compile(r"\b(?:two|2) questions\b|\bsecond(?:ly)?\b|\bseparately\b|\band also\b", re.I)
_MOVE_ON = re.compile(
    r"\b(?:move|moving) on\b|\b(?:another|next|different) question\b|\bswitch(?:ing)? gears\b|\blet'?s skip\b", re.I
)
_CLOSING = re.compile(
    r"\b(?:any|what) questions (?:do you have )?for (?:me|us)\b|\bthat'?s (?:all|it) (?:from me|for (?:today|my questions))\b|"
    r"\bwe'?re (?:just )?(?:about )?out of time\b|\blet'?s wrap (?:it )?up\b",
    re.I,
)
_TURNS_TO_NEXT = re.compile(
    r"\b(?:(?:for|on|as for|to|now for|now on|moving on to|turning to) (?:your|the) (?:second|other|next) "
    r"(?:question|one|part)|(?:your|the) second question)\b",
    re.I,
)
_PASS = re.compile(
    r"\b(?:(?:don'?t|do not) (?:have|think i have|really have|recall)|can'?t (?:think of|recall)|not sure i have|"
    r"pass on (?:this|that)|skip (?:this|that)|nothing comes to mind)\b",
    re.I,
)
PASS_MAX_WORDS = 30
_SENTENCE = re.compile(r"[^.?!]+(?:[.?!]+|$)")


@dataclass(frozen=True)
class Turn:
    """Consecutive segments of one speaker; `text` joins them with spaces."""

    speaker: str
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)

    @property
    def start(self) -> float:
        return self.segments[0].start

    @property
    def end(self) -> float:
        return self.segments[-1].end


@dataclass(frozen=True)
class Passage:
    """What one person said across one or more turns: each turn a paragraph of the text."""

    turns: tuple[tuple[Segment, ...], ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(" ".join(s.text for s in turn) for turn in self.turns)

    @property
    def segments(self) -> tuple[Segment, ...]:
        return tuple(s for turn in self.turns for s in turn)

    def offsets(self) -> tuple[int, ...]:
        """Where each segment starts in `text`."""
        found, at = [], 0
        for turn in self.turns:
            for seg in turn:
                found.append(at)
                at += len(seg.text) + 1
            at += 1  # the paragraph break is two characters; the last space counted one
        return tuple(found)

    @property
    def start(self) -> float | None:
        return self.turns[0][0].start if self.turns else None

    @property
    def end(self) -> float | None:
        return self.turns[-1][-1].end if self.turns else None

    def with_turn(self, segments: tuple[Segment, ...]) -> Passage:
        return Passage((*self.turns, segments)) if segments else self


@dataclass(frozen=True)
class Question(Passage):
    """An interviewer's question: cut from a turn that has words, so it always has a start time."""

    def __post_init__(self) -> None:
        if not self.segments:
            raise ValueError("a question needs at least one segment")

    @property
    def start(self) -> float:
        return self.turns[0][0].start


@dataclass(frozen=True)
class Followup:
    question: Question
    answer: Passage = field(default_factory=Passage)


@dataclass(frozen=True)
class Exchange:
    """One question, the candidate's answer, and the follow-ups that probed it."""

    question: Question
    answer: Passage = field(default_factory=Passage)
    followups: tuple[Followup, ...] = ()

    @property
    def missed(self) -> bool:
        """The candidate never spoke to the question, or passed on it."""
        text = self.answer.text
        return not text.strip() or (len(text.split()) <= PASS_MAX_WORDS and bool(_PASS.search(text)))

    def heard(self, segments: tuple[Segment, ...]) -> Exchange:
        """The exchange with the candidate's next turn added to whatever is open: the last follow-up, else the answer."""
        if self.followups:
            last = self.followups[-1]
            return Exchange(
                self.question,
                self.answer,
                (*self.followups[:-1], Followup(last.question, last.answer.with_turn(segments))),
            )
        return Exchange(self.question, self.answer.with_turn(segments), self.followups)


@dataclass(frozen=True)
class Interview:
    candidate: str
    chosen_by: str  # "me" (named with --me) or "most_words"
    interviewers: tuple[str, ...]
    exchanges: tuple[Exchange, ...]


def words_by_speaker(transcript: Transcript) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for seg in transcript.segments:
        counts[seg.speaker] += seg.words
    return {name: counts[name] for name in transcript.speakers}


def find_candidate(transcript: Transcript, me: str | None = None) -> tuple[str, str]:
    """(candidate, how chosen): `me` matched without regard to case or spacing, else the speaker with most words."""
    if me:
        wanted = " ".join(me.split()).casefold()
        for name in transcript.speakers:
            if name.casefold() == wanted:
                return name, "me"
        raise TranscriptError(f"no speaker named {me!r}; the speakers are {', '.join(transcript.speakers)}")
    counts = words_by_speaker(transcript)
    return max(transcript.speakers, key=lambda name: counts[name]), "most_words"


def turns_of(segments: tuple[Segment, ...]) -> list[Turn]:
    """Segments grouped into turns, leaving out backchannel so it cannot split a question or an answer."""
    turns: list[Turn] = []
    for seg in segments:
        if is_backchannel(seg.text):
            continue
        if turns and turns[-1].speaker == seg.speaker:
            turns[-1] = Turn(seg.speaker, (*turns[-1].segments, seg))
        else:
            turns.append(Turn(seg.speaker, (seg,)))
    return turns


def is_backchannel(text: str) -> bool:
    return len(text.split()) <= BACKCHANNEL_MAX_WORDS and bool(_BACKCHANNEL.match(text.strip()))


def _sentences(text: str) -> list[re.Match]:
    return [m for m in _SENTENCE.finditer(text) if m.group().strip()]


def _asks(sentence: str) -> bool:
    return sentence.rstrip().endswith("?") or bool(_IMPERATIVE.search(sentence))


def new_questions(text: str) -> tuple[list[int], bool]:
    """Where each new question in an interviewer's turn starts (none: it asks no new question),
    and whether the candidate is to answer them together ("two questions... and separately").

    A second question counts only when the turn says it asks several, or moves on from the
    first ("Let's move on to another question"), which leaves the first unanswered.
    """
    several = bool(_SEVERAL_QUESTIONS.search(text))
    starts: list[int] = []
    moving_from: int | None = None
    for m in _sentences(text):
        sentence = m.group()
        if _MOVE_ON.search(sentence) and moving_from is None:
            moving_from = m.start()
        if _asks(sentence) and _NEW_QUESTION.search(sentence):
            if not starts or several:
                starts.append(m.start())
            elif moving_from is not None and moving_from > starts[-1]:
                starts.append(moving_from)
            moving_from = None
    return starts, several and len(starts) > 1


def asks(text: str) -> bool:
    return any(_asks(m.group()) for m in _sentences(text))


def _cut(segments: tuple[Segment, ...], starts: list[int]) -> list[tuple[Segment, ...]]:
    """A turn's segments cut at character offsets of its text, timing a cut segment by its words."""
    pieces: list[list[Segment]] = [[] for _ in range(len(starts) + 1)]
    at = 0
    for seg in segments:
        bounds = [0, *[c - at for c in starts if at < c < at + len(seg.text)], len(seg.text)]
        owner = sum(1 for c in starts if c <= at)
        words_total = max(1, seg.words)
        for n, (a, b) in enumerate(zip(bounds, bounds[1:])):
            before = len(seg.text[:a].split())
            t0 = seg.start + seg.seconds * before / words_total
            t1 = seg.start + seg.seconds * len(seg.text[:b].split()) / words_total
            part = seg.text[a:b].strip()
            if part:
                pieces[owner + n].append(Segment(seg.speaker, t0, t1, part, seg.line))
        at += len(seg.text) + 1
    return [tuple(p) for p in pieces]


def split_interview(transcript: Transcript, me: str | None = None) -> Interview:
    candidate, chosen_by = find_candidate(transcript, me)
    exchanges: list[Exchange] = []
    # How many of the last exchanges one interviewer turn opened; the candidate's next reply is shared among them.
    opened = 0
    for turn in turns_of(transcript.segments):
        if turn.speaker == candidate:
            if not exchanges:
                continue  # small talk before the first question
            if opened > 1:
                starts = [m.start() for m in _sentences(turn.text) if _TURNS_TO_NEXT.search(m.group())]
                pieces = _cut(turn.segments, starts[: opened - 1])
                first = len(exchanges) - opened
                for n, piece in enumerate(pieces):
                    exchanges[first + n] = exchanges[first + n].heard(piece)
            else:
                exchanges[-1] = exchanges[-1].heard(turn.segments)
            opened = min(opened, 1)
            continue
        if _CLOSING.search(turn.text):
            break  # the candidate's own questions follow; they are not answers
        starts, together = new_questions(turn.text)
        if starts:
            # What comes before the first question ("Great, let's start.") is not part of it.
            questions = [q for q in _cut(turn.segments, starts)[1:] if q]
            exchanges.extend(Exchange(Question((q,))) for q in questions)
            opened = len(questions) if together else 1
        elif exchanges and asks(turn.text) and not exchanges[-1].missed:
            last = exchanges[-1]
            exchanges[-1] = Exchange(
                last.question, last.answer, (*last.followups, Followup(Question((turn.segments,))))
            )
            opened = 1
    interviewers = tuple(s for s in transcript.speakers if s != candidate)
    return Interview(candidate, chosen_by, interviewers, tuple(exchanges))
