"""The debrief: reading each transcript format, splitting the interview, timing it, reviewing each answer.

The corpus in tests/data/debrief/ is rendered from the scripts beside it by tests/debrief_corpus.py;
the expected split comes from each script's roles, never from the reader under test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import starbar
from debrief_corpus import DATA, VARIANTS, corpus
from starbar.debrief import TranscriptError, debrief, read_transcript
from starbar.debrief.formats import detect_format
from starbar.debrief.split import Question, split_interview
from starbar.practice.session import exchange_text

TRANSCRIPTS = sorted(p for p in DATA.iterdir() if p.is_file() and p.suffix in (".vtt", ".srt", ".txt"))
CORPUS = [p for p in TRANSCRIPTS if p.name != "hand.vtt"]
FORMAT_OF = {
    "voice.vtt": "vtt",
    "prefix.vtt": "vtt",
    "srt": "srt",
    "otter.txt": "otter",
    "zoom.txt": "zoom",
    "teams.txt": "teams",
}
HAND = (DATA / "hand.vtt").read_text(encoding="utf-8")
HAND_FIRST = "Um, I ran billing at a small lender and 300 customers were double charged every month."


def _expected(path: Path) -> dict:
    return json.loads((DATA / f"{path.name.split('.')[0]}.expected.json").read_text(encoding="utf-8"))


def _variant(path: Path) -> str:
    return path.name.split(".", 1)[1]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _boundaries(path: Path) -> tuple[int, int]:
    """(boundaries found, boundaries expected): each question, answer (or its absence) and follow-up."""
    expected = _expected(path)["exchanges"]
    found = split_interview(read_transcript(path.read_text(encoding="utf-8"))).exchanges
    total = sum(2 + len(e["followups"]) for e in expected) + abs(len(found) - len(expected))
    hits = 0
    for e, x in zip(expected, found):
        hits += e["question"] in _flat(x.question.text)
        hits += x.missed == e["missed"] and (e["answer"] is None or _flat(x.answer.text).startswith(e["answer"]))
        hits += sum(_flat(f.question.text).startswith(q) for f, q in zip(x.followups, e["followups"]))
    return hits, total


def test_the_corpus_is_what_its_scripts_render():
    for name, content in corpus().items():
        assert (DATA / name).read_text(encoding="utf-8") == content, f"{name}: run tests/debrief_corpus.py"


def test_the_corpus_has_every_format_and_the_hard_cases():
    assert {_variant(p) for p in CORPUS} == set(VARIANTS)
    exchanges = [e for p in DATA.glob("*.expected.json") for e in json.loads(p.read_text())["exchanges"]]
    assert any(e["missed"] for e in exchanges) and any(e["followups"] for e in exchanges)
    scripts = " ".join(p.read_text() for p in (DATA / "scripts").glob("*.yaml"))
    assert "crosstalk" in scripts and " || " in scripts and "[[pause" in scripts


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_each_format_is_detected_from_the_content(path):
    assert detect_format(path.read_text(encoding="utf-8")) == FORMAT_OF[_variant(path)]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_speakers_and_candidate_are_right(path):
    expected = _expected(path)
    transcript = read_transcript(path.read_text(encoding="utf-8"))
    assert list(transcript.speakers) == expected["speakers"]
    interview = split_interview(transcript)
    assert (interview.candidate, interview.chosen_by) == (expected["candidate"], "most_words")
    assert set(interview.interviewers) == set(expected["speakers"]) - {expected["candidate"]}


def test_every_expected_boundary_is_found_in_at_least_95_percent_of_the_corpus():
    complete = [p.name for p in CORPUS if len(set(_boundaries(p))) == 1]  # found == expected
    assert len(complete) / len(CORPUS) >= 0.95, sorted({p.name for p in CORPUS} - set(complete))


def test_two_questions_asked_together_get_one_answer_each():
    exchanges = split_interview(read_transcript((DATA / "checkout.srt").read_text())).exchanges
    first, second = exchanges[3], exchanges[4]
    assert first.question.text.startswith("Tell me about a time you disagreed")
    assert second.question.text.startswith("And separately")
    assert first.answer.text.startswith("Sure. For the first one") and "second question" not in first.answer.text
    assert second.answer.text.startswith("As for your second question")
    # The cut lands between the two answers' words, in time as in text.
    assert first.answer.end <= second.answer.start


def test_every_question_has_a_start_time_and_an_empty_one_is_refused():
    exchanges = split_interview(read_transcript(HAND)).exchanges
    questions = [q for ex in exchanges for q in (ex.question, *(f.question for f in ex.followups))]
    assert questions and all(isinstance(q, Question) and q.start == q.segments[0].start for q in questions)
    for empty in ((), ((),)):
        with pytest.raises(ValueError, match="at least one segment"):
            Question(empty)


def test_cross_talk_neither_asks_nor_splits_an_answer():
    transcript = read_transcript((DATA / "checkout.voice.vtt").read_text())
    mm_hm = next(s for s in transcript.segments if s.text == "Mm-hm.")
    overlapped = next(s for s in transcript.segments if s.end > mm_hm.start and s.speaker == "Sam Okafor")
    assert overlapped.start < mm_hm.start < overlapped.end  # it really is spoken over the candidate
    first = split_interview(transcript).exchanges[0]
    assert "Mm-hm" not in first.answer.text and "Buyers did not trust" in first.answer.text
    assert len(first.followups) == 2


def test_the_missed_questions_are_reported_without_a_review():
    result = debrief((DATA / "lending.zoom.txt").read_text())
    missed = [a for a in result.answers if a.exchange.missed]
    assert [a.number for a in missed] == [2] and missed[0].review is None and missed[0].problem
    passed = debrief((DATA / "checkout.prefix.vtt").read_text()).answers[2]
    assert passed.exchange.answer.text.startswith("Hmm. I don't think") and passed.review is None
    assert (missed[0].problem, passed.problem) == (
        "missed: no answer to this question",
        "missed: the candidate passed on this question",
    )


@pytest.mark.parametrize("name", ["wallet.teams.txt", "checkout.voice.vtt"])
def test_each_review_is_the_engines_review_of_that_answer(name):
    result = debrief((DATA / name).read_text(), level="L7")
    reviewed = [a for a in result.answers if a.review is not None]
    assert len(reviewed) >= 3
    for a in reviewed:
        assert a.review.to_dict() == starbar.review(a.exchange.answer.text, level="L7").to_dict()
        said = []
        for f in a.followups:
            said.append(f.followup.answer.text)
            after = starbar.review(exchange_text(a.exchange.answer.text, said), level="L7")
            assert f.review.to_dict() == after.to_dict()
        before = [a.review, *(f.review for f in a.followups)]
        for prev, f in zip(before, a.followups):
            rises = {(r.dimension, r.before, r.after) for r in f.recovered}
            assert rises == {
                (d, prev.dimensions[d].level, s.level)
                for d, s in f.review.dimensions.items()
                if s.level > prev.dimensions[d].level
            }


def test_delivery_figures_match_a_hand_computation():
    result = debrief(HAND)
    assert result.interview.candidate == "Bo Park"
    (answer,) = result.answers
    d = answer.delivery.to_dict()
    # Bo speaks 5-15 s and 19.5-29.5 s: 20 s of speech, 16 + 19 words, 24.5 s from first word to last.
    assert (d["speaking_seconds"], d["words"], d["words_per_minute"]) == (20.0, 35, 105)
    assert (d["start"], d["end"], d["length_seconds"], d["length"]) == (5.0, 29.5, 24.5, "short")
    # One silence over 3 s, 15-19.5 s, where the second cue starts in the answer text.
    assert d["pauses"] == [{"start": 15.0, "end": 19.5, "seconds": 4.5, "at": len(HAND_FIRST) + 1, "where": "within"}]
    assert answer.exchange.answer.text[len(HAND_FIRST) + 1 :].startswith("I read every ticket")
    # "Um" once and "I think" once in 20 s: 3 a minute each.
    assert [f["phrase"] for f in d["fillers"]] == ["um"] and d["fillers_per_minute"] == 3.0
    assert [h["phrase"] for h in d["hedges"]] == ["I think"] and d["hedges_per_minute"] == 3.0
    # The follow-up answer: 33.5-41.5 s, 14 words; 0.5 s after the question, so no pause.
    f = answer.followups[0].delivery.to_dict()
    assert (f["speaking_seconds"], f["words"], f["words_per_minute"], f["pauses"]) == (8.0, 14, 105, [])
    whole = result.to_dict()["interview"]
    # 0-41.5 s; Ann speaks 4 + 3 s, Bo 10 + 10 + 8 s: 28 of 35 s is 80%.
    assert whole["duration_seconds"] == 41.5
    assert whole["speaking_seconds"] == {"Ann Lee": 7.0, "Bo Park": 28.0}
    assert whole["candidate_talk_share"] == 0.8
    # 49 words in 28 s of answers: 105 a minute; one filler and one hedge in 28 s: 2.1 a minute.
    assert (whole["answer_words"], whole["answer_speaking_seconds"], whole["words_per_minute"]) == (49, 28.0, 105)
    assert (whole["pauses"], whole["fillers_per_minute"], whole["hedges_per_minute"]) == (1, 2.1, 2.1)


def test_plain_text_exports_time_blocks_by_their_starts_and_leave_pauses_unknown():
    result = debrief((DATA / "wallet.otter.txt").read_text())
    assert result.to_dict()["timestamps"] == "start_only"
    assert all(a.delivery.pauses is None for a in result.answers if a.delivery)
    segments = result.transcript.segments
    assert all(a.end == b.start for a, b in zip(segments, segments[1:]))


def test_me_chooses_the_candidate_and_an_unknown_name_is_refused():
    interview = split_interview(read_transcript(HAND), me="ann  LEE")
    assert (interview.candidate, interview.chosen_by) == ("Ann Lee", "me")
    with pytest.raises(TranscriptError, match="no speaker named 'Cy'; the speakers are Ann Lee, Bo Park"):
        split_interview(read_transcript(HAND), me="Cy")


def test_a_forced_format_reads_the_file_that_way():
    text = (DATA / "wallet.srt").read_text()
    assert read_transcript(text, "srt").format == "srt"
    with pytest.raises(TranscriptError, match="no timed speech found reading the file as Zoom text"):
        read_transcript(text, "zoom")


def test_srt_cues_without_a_name_continue_the_speaker_before():
    text = (DATA / "checkout.srt").read_text()
    assert text.split("\n\n")[1].endswith("\nme okay?")  # the second cue names nobody
    assert [(s.speaker, s.text) for s in read_transcript(text).segments[1:3]] == [
        ("Priya Nair", "me okay?"),
        ("Sam Okafor", "Yes, loud and clear. Thanks for having me."),
    ]


def test_a_star_label_at_the_start_of_a_cue_is_not_a_speaker():
    text = (
        "1\n00:00:00,000 --> 00:00:03,000\nAnn Lee: Tell me about a time you helped a customer?\n\n"
        "2\n00:00:04,000 --> 00:00:08,000\nBo Park: Sure. I ran billing at a small lender.\n\n"
        "3\n00:00:08,500 --> 00:00:12,000\nResult: double charges fell from 300 to 20 a month.\n"
    )
    segments = read_transcript(text).segments
    assert [(s.speaker, s.text) for s in segments[2:]] == [
        ("Bo Park", "Result: double charges fell from 300 to 20 a month.")
    ]


def _vtt(*cues: str) -> str:
    return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"


BAD = {
    "empty": ("  \n\n", "the file is empty"),
    "no timestamps": ("Ann: Tell me about a time.\nBo: Sure, I ran billing.\n", "no timestamps found"),
    "one speaker": (
        _vtt("00:00.000 --> 00:03.000\nAnn: Tell me about a time?", "00:04.000 --> 00:06.000\nAnn: Anyone?"),
        r"only one speaker \(Ann\)",
    ),
    "no names": (_vtt("00:00.000 --> 00:03.000\nTell me about a time?"), "no speaker names"),
    "backwards in a cue": (
        _vtt("00:00.000 --> 00:03.000\nAnn: Tell me?", "00:09.000 --> 00:05.000\nBo: Sure."),
        r"line 6: the time runs backwards \(ends at 0:05, before it starts at 0:09\)",
    ),
    "out of order": (
        _vtt("00:10.000 --> 00:13.000\nAnn: Tell me?", "00:04.000 --> 00:05.000\nBo: Sure."),
        r"line 6: starts at 0:04, before the part above it \(line 3, 0:10\); times must run forward",
    ),
    "one speaker overlapping themself": (
        _vtt(
            "00:00.000 --> 00:03.000\nAnn: Tell me?",
            "00:04.000 --> 00:09.000\nBo: Sure, so",
            "00:06.000 --> 00:08.000\nBo: I ran billing.",
        ),
        "line 9: Bo starts at 0:06 while still speaking until 0:09; the times overlap",
    ),
    "several hours": (
        _vtt("00:00:00.000 --> 00:00:03.000\nAnn: Tell me?", "02:30:00.000 --> 02:30:04.000\nBo: Sure."),
        "the transcript runs 2:30:04; a debrief reads one interview of up to 2 hours",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_transcripts_are_refused_with_one_clear_line(case):
    text, message = BAD[case]
    with pytest.raises(TranscriptError, match=message) as info:
        read_transcript(text)
    assert "\n" not in str(info.value)


def test_a_json_report_follows_the_contract():
    data = debrief((DATA / "checkout.voice.vtt").read_text()).to_dict()
    assert set(data) == {
        "schema_version",
        "format",
        "level",
        "candidate",
        "speakers",
        "timestamps",
        "interview",
        "answers",
    }
    assert data["schema_version"] == 1 and data["format"] == "vtt"
    assert [s["role"] for s in data["speakers"]] == ["interviewer", "candidate"]
    answer = data["answers"][0]
    assert set(answer) == {
        "number", "question", "answer", "missed", "problem", "principle", "review", "delivery", "followups", "final_review",
    }  # fmt: skip
    assert answer["principle"] == "customer-obsession-fintech"
    assert answer["final_review"]["verdict"] == answer["followups"][-1]["verdict_after"]
    assert answer["review"] == starbar.review(answer["answer"]["text"]).to_dict()
    json.dumps(data)
