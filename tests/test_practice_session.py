"""Practice sessions: probe selection against the gaps, the re-review after probes, scripted runs end to end.

The stories in tests/practice_stories/ were written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from starbar import review
from starbar.bank import Bank
from starbar.cli.practice import practice
from starbar.judge.coaching import followups
from starbar.judge.result import DimensionScore, FlagResult, Review, Stats
from starbar.practice.probes import MAX_PROBES, choose_probes
from starbar.practice.questions import find, load_questions
from starbar.practice.scripted import parse_probe_answers
from starbar.practice.session import exchange_text, run_session

STORIES = Path(__file__).parent / "practice_stories"
NO_FRICTION = (STORIES / "no_friction.txt").read_text()
VAGUE_RESULT = (STORIES / "vague_result.txt").read_text()
TEAM_ONLY = (STORIES / "team_only.txt").read_text()
PROBE_ANSWERS = [a.text for a in parse_probe_answers((STORIES / "no_friction_probes.txt").read_text())]
QUESTION = find(load_questions(), "conversion-versus-safety")


def _flag_followup(rubric, flag_id):
    return next(f.followup for f in rubric.flags if f.id == flag_id)


def _rubric_followup(rubric, followup_id):
    return next(f.text for f in rubric.followups if f.id == followup_id)


def _review_with(rubric, levels: dict[str, int], flags: tuple[str, ...] = ()) -> Review:
    """A review with chosen levels and flags; its follow-ups come from the engine's own selection."""
    dims = {d.id: DimensionScore(d.id, d.name, levels.get(d.id, 3), (), "") for d in rubric.dimensions}
    facts = {f"level.{k}": float(v.level) for k, v in dims.items()} | {"context.fintech": 1.0}
    return Review(
        rubric.id,
        "L6",
        "no_hire",
        "advocacy",
        dims,
        tuple(FlagResult(f, "", ()) for f in flags),
        (),
        followups(rubric, facts, dims),
        (),
        Stats(0, 0, {}),
    )


# --- probe selection -------------------------------------------------------------------------


def test_weakest_dimension_is_probed_first_with_the_rubric_text(rubric):
    r = _review_with(rubric, {"friction": 0, "customer_impact": 1}, ("no_friction", "vague_result"))
    probes = choose_probes(r)
    assert [p.dimension for p in probes[:2]] == ["friction", "customer_impact"]
    assert probes[0].text == _flag_followup(rubric, "no_friction")
    assert probes[1].text == _flag_followup(rubric, "vague_result")
    assert probes[0].why == next(f.message for f in rubric.flags if f.id == "no_friction")


def test_the_order_follows_the_levels_not_the_file(rubric):
    r = _review_with(rubric, {"friction": 2, "customer_impact": 0})
    assert [p.dimension for p in choose_probes(r)] == ["customer_impact", "friction"]
    assert choose_probes(r)[0].text == _rubric_followup(rubric, "baseline")
    assert "level 0 of 4" in choose_probes(r)[0].why


def test_at_most_three_probes_and_no_text_twice(rubric):
    r = _review_with(
        rubric,
        dict.fromkeys(["friction", "customer_impact", "ownership", "root_cause", "customer_insight"], 1),
        ("no_friction", "vague_result", "we_not_i"),
    )
    probes = choose_probes(r)
    assert len(probes) == MAX_PROBES
    assert len({p.text for p in probes}) == len(probes)
    assert {p.id for p in probes} == {"no_friction", "vague_result", "we_not_i"}  # flags win ties


def test_a_story_with_no_gap_gets_one_always_useful_probe(rubric):
    probes = choose_probes(_review_with(rubric, {}))
    assert len(probes) == 1 and probes[0].dimension is None
    assert probes[0].text == _rubric_followup(rubric, "differently")


def test_story_with_no_friction_gets_the_friction_probe_first(rubric):
    initial = review(NO_FRICTION)
    assert initial.flag("no_friction")
    probes = choose_probes(initial)
    assert probes[0].text.startswith("Where was the friction?")
    assert probes[0].text == _flag_followup(rubric, "no_friction")


def test_story_with_a_vague_result_gets_the_baseline_probe(rubric):
    initial = review(VAGUE_RESULT)
    assert initial.flag("vague_result") and not initial.flag("no_friction")
    baseline = [p for p in choose_probes(initial) if p.dimension == "customer_impact"]
    assert [p.text for p in baseline] == [_rubric_followup(rubric, "baseline")]
    assert "baseline" in baseline[0].text and baseline[0].why == next(
        f.message for f in rubric.flags if f.id == "vague_result"
    )


def test_team_story_is_asked_what_the_candidate_did(rubric):
    probes = choose_probes(review(TEAM_ONLY))
    assert _rubric_followup(rubric, "personal") in [p.text for p in probes]


# --- the re-review -----------------------------------------------------------------------------


def test_probe_answers_raise_the_dimensions_they_answer():
    session = run_session(QUESTION, NO_FRICTION, PROBE_ANSWERS)
    rose = {r.dimension: r for r in session.recovered}
    assert {"friction", "customer_impact"} <= set(rose)
    for rise in rose.values():
        assert rise.after > rise.before == session.initial.dimensions[rise.dimension].level
        assert session.final.dimensions[rise.dimension].level == rise.after
    assert "no_friction" in session.flags_cleared and not session.final.flag("no_friction")
    assert session.exchanges[0].answer == PROBE_ANSWERS[0]


def test_answers_without_substance_recover_nothing():
    session = run_session(QUESTION, NO_FRICTION, ["I don't recall that part.", "I would have to check my notes."])
    assert session.recovered == ()
    assert session.final.dimensions["friction"].level == session.initial.dimensions["friction"].level


def test_unanswered_probes_leave_the_review_as_it_was():
    session = run_session(QUESTION, NO_FRICTION, [])
    assert session.final is session.initial
    assert all(ex.answer == "" for ex in session.exchanges) and session.exchanges


def test_the_probe_wording_earns_no_credit():
    probes = choose_probes(review(TEAM_ONLY))
    text = exchange_text(TEAM_ONLY, ["I am not sure."] * len(probes))
    assert all(p.text not in text for p in probes)
    assert text.startswith(TEAM_ONLY.strip()) and text.rstrip().endswith("I am not sure.")


def test_transcript_holds_the_probes_and_their_answers():
    session = run_session(QUESTION, NO_FRICTION, [PROBE_ANSWERS[0], ""])
    transcript = session.transcript()
    assert f"Follow-up: {session.exchanges[0].probe.text}" in transcript
    assert session.exchanges[1].probe.text not in transcript  # passed probes are left out
    assert PROBE_ANSWERS[0] in transcript and transcript.startswith(NO_FRICTION.strip())


def test_probe_answers_split_on_dash_lines_only():
    parsed = parse_probe_answers("one\n---\ntwo -- still two\n  ---  \nthree\n")
    assert [(a.name, a.text) for a in parsed] == [(None, "one"), (None, "two -- still two"), (None, "three")]
    named = parse_probe_answers("--- friction\nRisk pushed back.\n---  baseline \n\n")
    assert [(a.name, a.text) for a in named] == [("friction", "Risk pushed back."), ("baseline", "")]


# --- scripted sessions end to end ---------------------------------------------------------------


def _files(tmp_path):
    answer = tmp_path / "answer.txt"
    answer.write_text(NO_FRICTION)
    probes = tmp_path / "probes.txt"
    probes.write_text((STORIES / "no_friction_probes.txt").read_text())
    return str(answer), str(probes)


def test_scripted_json_session(tmp_path):
    answer, probes = _files(tmp_path)
    result = CliRunner().invoke(
        practice,
        [
            "--question",
            QUESTION.id,
            "--answer",
            answer,
            "--probe-answers",
            probes,
            "--duration",
            "1:30",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["question"] == QUESTION.to_dict()
    assert data["initial_review"] == review(NO_FRICTION).to_dict()
    assert [p["answer"] for p in data["probes"]] == PROBE_ANSWERS
    assert all(set(p) >= {"probe", "why", "answer"} for p in data["probes"])
    assert (
        data["final_review"]["dimensions"]["friction"]["level"]
        > data["initial_review"]["dimensions"]["friction"]["level"]
    )
    assert {r["dimension"] for r in data["recovered"]} >= {"friction", "customer_impact"}
    assert data["delivery"]["seconds"] == 90
    assert data["delivery"]["words_per_minute"] == round(data["initial_review"]["stats"]["words"] * 60 / 90)


def test_scripted_session_is_repeatable(tmp_path):
    answer, probes = _files(tmp_path)
    args = ["-q", QUESTION.id, "--answer", answer, "--probe-answers", probes, "-f", "json"]
    assert CliRunner().invoke(practice, args).stdout == CliRunner().invoke(practice, args).stdout


def test_scripted_text_session_shows_what_the_probes_recovered(tmp_path):
    answer, probes = _files(tmp_path)
    result = CliRunner().invoke(practice, ["-q", QUESTION.id, "--answer", answer, "--probe-answers", probes])
    assert result.exit_code == 0, result.output
    assert "Follow-up 1: Where was the friction?" in result.output
    shown = " ".join(result.output.split())  # the line wraps to the terminal's width
    assert "Recovered by the probes: " in shown and "friction 0->" in shown
    assert "(was 0/4)" in result.output


def test_scripted_session_saves_only_when_asked(tmp_path):
    answer, probes = _files(tmp_path)
    db = tmp_path / "bank.db"
    args = ["-q", QUESTION.id, "--answer", answer, "--probe-answers", probes, "--db", str(db)]
    assert CliRunner().invoke(practice, args).exit_code == 0
    assert not db.exists()
    result = CliRunner().invoke(practice, [*args, "--save"])
    assert result.exit_code == 0, result.output
    assert "Saved to the story bank" in result.output
    with Bank.open(str(db), create=False) as bank:
        (story,) = bank.list()
    assert story.title == f"Practice: {QUESTION.text}"
    assert {"practice", QUESTION.kind, QUESTION.setting} <= set(story.tags)
    assert "Follow-up: Where was the friction?" in story.latest.text and PROBE_ANSWERS[1] in story.latest.text


def test_extra_probe_answers_are_refused(tmp_path):
    answer, _ = _files(tmp_path)
    many = tmp_path / "many.txt"
    many.write_text("\n---\n".join(["I argued with risk."] * 5))
    result = CliRunner().invoke(practice, ["-q", QUESTION.id, "--answer", answer, "--probe-answers", str(many)])
    assert result.exit_code != 0
    assert "5 answers for 2 probes" in str(result.exception)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--probe-answers", "x.txt"], "--probe-answers needs --answer"),
        (["--answer", "x.txt"], "needs --question"),
        (["--duration", "2:99", "-q", "delayed-launch", "--answer", "x.txt"], "not a duration"),
    ],
)
def test_scripted_usage_errors(args, message):
    result = CliRunner().invoke(practice, args)
    assert result.exit_code == 2 and message in result.output


def test_unknown_question_and_missing_terminal(tmp_path):
    answer, _ = _files(tmp_path)
    unknown = CliRunner().invoke(practice, ["-q", "no-such-question", "--answer", answer])
    assert unknown.exit_code != 0 and "no question with id" in str(unknown.exception)
    no_tty = CliRunner().invoke(practice, ["-q", QUESTION.id], input="an answer\n")
    assert no_tty.exit_code == 2 and "needs a terminal" in no_tty.output


def test_the_practice_docs_cover_every_option():
    from starbar.cli.practice import questions

    doc = (Path(__file__).resolve().parents[1] / "docs" / "practice.md").read_text()
    for command in (practice, questions):
        for param in command.params:
            for option in [*param.opts, *param.secondary_opts]:
                assert not option.startswith("--") or option in doc, (
                    f"{command.name} {option} is not in docs/practice.md"
                )
