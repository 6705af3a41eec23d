"""Split text into paragraphs and sentences, keeping exact character offsets.

A paragraph is split into units: a bullet or a STAR label starts a unit, a plain line
continues the one before unless that line ended a thought without punctuation. Units are
split into sentences at . ! ? (not after abbreviations, inside numbers, or before a
lower-case word after a quoted question), and a spoken run-on is cut at its discourse
markers ("so", "and then", "um") into sentence-sized pieces.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace

from .document import WORD, Heading, Sentence, Span, count_words
from .headings import find_heading

_PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t\r]*\n\s*")
_LINE = re.compile(r"[^\r\n]+")
# A line that is only a section title: a Markdown heading, or bold words alone on their line.
_SECTION_TITLE = re.compile(r"[ \t]*(?:#{1,6}[ \t]+\S[^\r\n]*|(?:\*\*|__)[^*_\r\n]+(?:\*\*|__)[ \t]*:?)[ \t]*$", re.M)
_BULLET = re.compile(r"[ \t]*(?:[-*+\u2022\u2013\u2014]|\d{1,2}[.)]|[a-z][.)])[ \t]+")
_END = re.compile(r"(?:[.!?]+|\u2026)[\"'\u201d\u2019)\]*_]*(?=\s|$)")
_NEXT_WORD = re.compile(r"\s*[\"'\u201c\u2018(\[]*(\S)")
# Abbreviations after which a period never ends a sentence, and those that end one only
# before a capital ("... fees, etc. Then we ...").
_ABBREV_NEVER = re.compile(
    r"\b(?:(?i:e\.g|i\.e|vs|cf|approx|incl|esp)|Mr|Mrs|Ms|Dr|Prof|Jr|Sr|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.$"
)
_ABBREV_BEFORE_CAPITAL = re.compile(r"\b(?:etc|a\.m|p\.m|Inc|Ltd|Co|Corp|LLC|U\.S|U\.K|E\.U)\.$", re.I)
_NUMBER_ABBREV = re.compile(r"\b(?:No|no|Nos|p|pp|Fig|fig|ch|Ch|vol|Vol)\.$")
_FINAL_PUNCT = re.compile(r"(?:[.!?]|\u2026)[\"'\u201d\u2019)\]*_]*\s*$")
# The interviewer's words inside a saved exchange ("Follow-up: ...", "Q: ...", "Interviewer: ...")
# are not the candidate's story: they are left out of the sentences, so nothing is judged on them.
_PROMPT = re.compile(
    r"[ \t]*(?:\*\*)?(?:follow[- ]?up(?: question)?|interviewer|question|Q)(?:[ \t]*\d+)?(?:\*\*)?[ \t]*:", re.I
)
# A turn in a transcript ("Interviewer: ...", "[00:42] Candidate: ...") starts a unit of its own,
# so leaving out the interviewer's turn keeps the answer on the lines after it.
_SPEAKER = re.compile(
    r"[ \t]*(?:\[?\d{1,2}(?::\d{2}){1,2}\]?[ \t]*)?(?:\*\*)?[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?(?:\*\*)?[ \t]*:[ \t]"
)
# A line ending in a comma or in a word that cannot end a clause continues on the next line.
_DANGLING = re.compile(
    r"(?:[,;:(\u2013\u2014-]|\b(?:and|or|but|the|a|an|of|to|in|on|for|with|by|at|from|that|which|our|my|their|is|was|were|as))\s*$",
    re.I,
)
_SHORT_LINE = 60
_LETTER_LABEL = re.compile(r"\W*[STARstar]\W*")

# Run-ons: a sentence longer than _RUN_ON_WORDS is cut at discourse markers into pieces of at
# most _PIECE_MAX words where it can be, none shorter than _PIECE_MIN.
_RUN_ON_WORDS = 50
_PIECE_MAX = 25
_PIECE_MIN = 8
_RUN_ON_CUT = re.compile(
    r"(?:[,;]\s+|\s+)(?=(?:and\s+then|and\s+so|so\s+then|but\s+then|and\s+yeah|so\s+yeah|after\s+that|anyway|"
    r"um+|uh+|so|but|then|because|and)\b)",
    re.I,
)
_TRAILING_JOINERS = re.compile(r"(?:[,;]?\s+(?:and|but|so|um+|uh+|then|or|like)\b)+[,;]?\s*$", re.I)
# Places a clause never ends: after a word that needs what follows ("which | then blocked",
# "less than | control"), and before the "but" of "not X but Y" ("came back, not to argue | but
# with data"), where both halves are one act.
_NEEDS_MORE = re.compile(
    r"\b(?:which|that|who|whom|whose|where|than|the|a|an|of|to|in|on|for|with|by|at|from|into|"
    r"our|my|their|his|her|its|is|was|were|are|as|if)\s*$",
    re.I,
)
_NOT_BEFORE_BUT = re.compile(r"\b(?:not|n't|never)\b(?:\s+[\w'$%.-]+){0,6},?\s*$", re.I)
_CUT_STRENGTH = {
    "um": 3,
    "uh": 3,
    "so": 3,
    "and then": 3,
    "and so": 3,
    "so then": 3,
    "but then": 3,
    "after that": 3,
    "anyway": 3,
    "and yeah": 3,
    "so yeah": 3,
    "but": 2,
    "then": 2,
    "because": 1,
    "and": 1,
}


def _paragraphs(text: str) -> list[Span]:
    spans, pos = [], 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        spans.append(Span(pos, brk.start()))
        pos = brk.end()
    spans.append(Span(pos, len(text)))
    return [s for s in spans if text[s.start : s.end].strip()]


def _ends_thought(line: str, next_line: str) -> bool:
    """A line without final punctuation followed by a capitalised line is its own sentence."""
    line = line.rstrip()
    if not line or _FINAL_PUNCT.search(line) or _DANGLING.search(line):
        return False
    first = next_line.lstrip()[:1]
    return bool(first) and (first.isupper() or first.isdigit()) and len(line.strip()) < _SHORT_LINE


def _units(text: str, para: Span) -> list[tuple[int, int]]:
    """Bullets and labels start a unit; other lines continue the unit before them."""
    units: list[list[int]] = []
    bare_heading = False
    previous = ""
    for line in _LINE.finditer(text, para.start, para.end):
        start, end = line.start(), line.end()
        if not line.group().strip():
            continue
        heading = find_heading(text, start, end)
        starts_unit = (
            not units
            or heading
            or _BULLET.match(line.group())
            or _SPEAKER.match(line.group())
            or bare_heading
            or _ends_thought(previous, line.group())
        )
        if starts_unit:
            units.append([start, end])
        else:
            units[-1][1] = end
        bare_heading = heading is not None and not text[heading.end : end].strip()
        previous = line.group()
    return [(u[0], u[1]) for u in units]


def _is_sentence_end(text: str, start: int, match: re.Match[str], end: int) -> bool:
    mark = match.group().rstrip("\"'\u201d\u2019)]*_")
    nxt = _NEXT_WORD.match(text, match.end(), end)
    next_char = nxt.group(1) if nxt else ""
    if mark == ".":
        before = text[max(start, match.start() - 12) : match.start() + 1]
        if _ABBREV_NEVER.search(before) or (_NUMBER_ABBREV.search(before) and next_char.isdigit()):
            return False
        if _ABBREV_BEFORE_CAPITAL.search(before) and not next_char.isupper():
            return False
    if nxt and "\n" in text[match.end() : nxt.start(1)]:
        return True  # punctuation at the end of a line ends the sentence
    # '"Where is my claim?" was 40%': a quoted question or exclamation inside a sentence.
    quoted = mark != match.group()
    return not (next_char.islower() and (quoted or mark[-1:] in "?!\u2026"))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bullet = _BULLET.match(text, start, end)
    body = bullet.end() if bullet else start
    bounds, pos = [], start
    for m in _END.finditer(text, body, end):
        if _is_sentence_end(text, start, m, end):
            bounds.append((pos, m.end()))
            pos = m.end()
    bounds.append((pos, end))
    out = []
    for s, e in bounds:
        s, e = _trimmed(text, s, e)
        if s < e:
            out.extend(_split_run_on(text, s, e))
    return out


def _split_run_on(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a spoken run-on at its strongest marker nearest the middle, then each half the
    same way, until the pieces are about _PIECE_MAX words."""
    if text.count(" ", start, end) < _RUN_ON_WORDS:  # cheap bound: fewer spaces than words needed
        return [(start, end)]
    word_ends = [m.end() for m in WORD.finditer(text, start, end)]
    if len(word_ends) <= _RUN_ON_WORDS:
        return [(start, end)]
    cuts = list(_cuts(text, start, end, word_ends))
    chosen: list[int] = []

    def split(lo_words: int, hi_words: int, lo: int, hi: int) -> None:
        # cuts[lo:hi] lie inside the piece spanning words lo_words..hi_words.
        total = hi_words - lo_words
        if total <= _PIECE_MAX:
            return
        best, best_score = None, 0.0
        for k in range(lo, hi):
            words = cuts[k][1] - lo_words
            if words < _PIECE_MIN or total - words < _PIECE_MIN:
                continue
            score = cuts[k][2] + 1 - abs(words / total - 0.5)
            if score > best_score:
                best, best_score = k, score
        if best is None:
            return
        split(lo_words, cuts[best][1], lo, best)
        chosen.append(cuts[best][0])
        split(cuts[best][1], hi_words, best + 1, hi)

    split(0, len(word_ends), 0, len(cuts))
    bounds = [start, *chosen, end]
    return [_trimmed(text, a, b) for a, b in zip(bounds, bounds[1:])]


def _cuts(text: str, start: int, end: int, word_ends: list[int]) -> Iterator[tuple[int, int, int]]:
    """(offset, words before it, strength) for each place a run-on may be cut: after a comma,
    before the marker and the words joining it ("... the window | and so I proposed")."""
    for m in _RUN_ON_CUT.finditer(text, start, end):
        marker = " ".join(text[m.end() : m.end() + 10].lower().split()[:2])
        strength = _CUT_STRENGTH.get(marker) or _CUT_STRENGTH.get(marker.split(" ")[0], 1)
        cut = m.start()
        joiners = _TRAILING_JOINERS.search(text, max(start, cut - 40), m.end())
        if joiners:
            cut = joiners.start()
        before = text[max(start, cut - 60) : cut]
        if _NEEDS_MORE.search(before) or (marker.startswith("but") and _NOT_BEFORE_BUT.search(before)):
            continue
        if text[cut] in ",;":
            cut += 1
            strength += 1
        yield cut, bisect_right(word_ends, cut), strength


def _scoped(text: str, heading: Heading, u_start: int, u_end: int, answer_end: int) -> Heading:
    """Where a label with words after it on its line stops: a bulleted one at its bullet
    ("- My role: PM for billing" does not label the bullets after it), a stage name at the end of
    its answer (`answer_end`: its paragraph, or the interviewer's next question where a
    transcript's turns share one paragraph). A label alone on its line heads everything up to
    the next label."""
    line_end = text.find("\n", heading.end, u_end)
    if not text[heading.end : u_end if line_end < 0 else line_end].strip():
        return heading
    if _BULLET.match(text, u_start, u_end):
        return replace(heading, scope_end=u_end)
    return heading if heading.firm else replace(heading, scope_end=answer_end)


def _without_answer_marks(text: str, headings: list[Heading]) -> list[Heading]:
    """In a saved exchange ("Q: ... A: ..."), "A:" marks the answer, not the Action: a lone
    letter A counts as a label only beside S, T or R letters."""
    letters = {h.part for h in headings if _LETTER_LABEL.fullmatch(text, h.start, h.end)}
    if letters != {"A"}:
        return headings
    return [h for h in headings if not (h.part == "A" and _LETTER_LABEL.fullmatch(text, h.start, h.end))]


def _lone_label_scoped(text: str, headings: list[Heading], paragraphs: list[Span]) -> list[Heading]:
    """A story whose labels all name one part is prose with a labelled line ("My target for the
    quarter: ..."): a label with words after it on its line heads its paragraph only, so the
    story after it is read for its parts, not taken as the label's or as other."""
    if len({h.part for h in headings}) != 1:
        return headings
    out = []
    for h in headings:
        line_end = text.find("\n", h.end)
        words_after = text[h.end : len(text) if line_end < 0 else line_end].strip()
        if words_after and h.scope_end < 0:
            para_end = next(p.end for p in paragraphs if p.start <= h.start < p.end)
            h = replace(h, scope_end=para_end)
        out.append(h)
    return out


def _ended_by_sections(text: str, headings: list[Heading]) -> list[Heading]:
    """A section the writer titled in their own words ("### The setback", "**What I focused
    on**") ends the label before it, though its title names no STAR part: its lines are read
    for their own part, not taken as the Situation's because "### Background" came first."""
    if not headings:
        return headings
    # A recognised label's own line never falls strictly between it and the next label.
    titles = [m.start() for m in _SECTION_TITLE.finditer(text)]
    out = []
    for h, following in zip(headings, [*(h.start for h in headings[1:]), len(text)], strict=True):
        untitled = next((t for t in titles if h.end <= t < following), None)
        if untitled is not None and (h.scope_end < 0 or untitled < h.scope_end):
            h = replace(h, scope_end=untitled)
        out.append(h)
    return out


def segment(text: str) -> tuple[tuple[Span, ...], tuple[Sentence, ...], tuple[Heading, ...], tuple[int, ...]]:
    paragraphs = _paragraphs(text)
    sentences: list[Sentence] = []
    headings: list[Heading] = []
    inline: list[Heading] = []
    for p_index, para in enumerate(paragraphs):
        units = _units(text, para)
        questions = [u_start for u_start, u_end in units if _PROMPT.match(text, u_start, u_end)]
        for u_start, u_end in units:
            if u_start in questions:
                continue
            answer_end = next((q for q in questions if q > u_start), para.end)
            for n, (s, e) in enumerate(_split_sentences(text, u_start, u_end)):
                heading = find_heading(text, s if n else u_start, e, inline=bool(n))
                if heading:
                    heading = _scoped(text, heading, u_start, u_end, answer_end)
                    (inline if n else headings).append(heading)
                sentences.append(Sentence(len(sentences), s, e, text[s:e], p_index))
    # "Situation: ... Task: ..." run together is a labelled story; a lone "Impact: ..." inside
    # prose is a sentence, not a label for the rest of the story.
    if len({h.part for h in headings + inline}) >= 2:
        headings = sorted(headings + inline, key=lambda h: h.start)
    headings = _without_answer_marks(text, headings)
    headings = _lone_label_scoped(text, headings, paragraphs)
    headings = _ended_by_sections(text, headings)
    counts = tuple(count_words(s.text) for s in sentences)
    return tuple(paragraphs), tuple(sentences), tuple(headings), counts
