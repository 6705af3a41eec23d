"""Practice for any principle: a rubric's principle is judged and probed under its own rubric, the
other nine are read with `fit` (shows the principle, mismatch, or too thin), end to end in the CLI.

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
from starbar.practice.probes import choose_probes
from starbar.practice.questions import find, load_questions
from starbar.practice.session import FitSession, Session, run_session
from starbar.principles import DEEP
from starbar.rubric import for_lp, load_rubric

STORIES = Path(__file__).parent / "practice_stories"
DASHBOARD_ONLY = STORIES / "dashboard_only.txt"
DIVE_DEEP = STORIES / "dive_deep.txt"
BIAS_FOR_ACTION = STORIES / "bias_for_action.txt"


def _question(question_id: str):
    return find(load_questions(), question_id)


@pytest.mark.parametrize("lp", DEEP)
def test_probes_come_from_the_asked_principles_rubric(lp):
    rubric = load_rubric(for_lp(lp))
    initial = review(DASHBOARD_ONLY.read_text(), "L6", lp=lp)
    assert initial.rubric == rubric.id
    probes = choose_probes(initial)
    assert probes
    own_texts = {f.followup for f in rubric.flags if f.followup} | {f.text for f in rubric.followups}
    assert all(p.text in own_texts for p in probes)
    dims = {d.id for d in rubric.dimensions}
    assert all(p.dimension is None or p.dimension in dims for p in probes)


def test_a_dive_deep_answer_is_judged_and_probed_as_dive_deep_weakest_first():
    session = run_session(_question("authorisation-rate-drop"), DASHBOARD_ONLY.read_text(), [])
    assert isinstance(session, Session)
    assert session.initial.rubric == "dive-deep-fintech"
    assert session.initial.archetype == "dashboard_reader"
    probed = [ex.probe.dimension for ex in session.exchanges]
    assert "data_depth" in probed
    levels = [session.initial.dimensions[d].level for d in probed if d]
    flagged = [ex for ex in session.exchanges if ex.probe.id in {f.id for f in session.initial.flags}]
    # raised flags first (their weakest dimension first), then the plain gaps
    assert [ex.probe.id for ex in session.exchanges[: len(flagged)]] == [ex.probe.id for ex in flagged]
    assert levels[: len(flagged)] == sorted(levels[: len(flagged)])


def test_an_answer_that_shows_a_principle_without_a_rubric_is_read_with_fit():
    answer = BIAS_FOR_ACTION.read_text()
    session = run_session(_question("calculated-risk"), answer, [])
    assert isinstance(session, FitSession)
    assert session.exchanges == ()
    reading = session.reading
    assert reading.status == "shows" and reading.asked.id == "bias-for-action"
    assert reading.asked.signals >= 3 and reading.about is None
    assert reading.asked.quotes and all(answer[q.start : q.end] == q.quote for q in reading.asked.quotes)
    assert reading.summary.startswith("Shows Bias for Action")


def test_a_story_about_another_principle_is_a_mismatch_naming_it():
    session = run_session(_question("removed-waste"), DIVE_DEEP.read_text(), [])
    assert isinstance(session, FitSession)
    assert session.reading.status == "mismatch"
    assert session.reading.asked.id == "frugality" and session.reading.asked.signals < 3
    assert session.reading.about is not None and session.reading.about.id == "dive-deep"
    assert "about Dive Deep" in session.reading.summary


def test_a_story_that_shows_no_principle_is_too_thin():
    session = run_session(_question("removed-waste"), DASHBOARD_ONLY.read_text(), [])
    assert isinstance(session, FitSession)
    assert session.reading.status == "thin" and session.reading.about is None


# --- the CLI -------------------------------------------------------------------------------------


def _run(*args: str, input: str | None = None):
    return CliRunner().invoke(practice, list(args), input=input)


def test_cli_scripted_fit_session_as_json_and_text():
    result = _run("--question", "calculated-risk", "--answer", str(BIAS_FOR_ACTION), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["judged_by"] == "fit" and data["question"]["lp"] == "bias-for-action"
    assert data["reading"]["status"] == "shows" and data["probes"] == []
    assert data["reading"]["asked"]["quotes"]
    text = _run("--question", "removed-waste", "--answer", str(DIVE_DEEP))
    assert text.exit_code == 0, text.output
    assert "Mismatch" in text.output and "about Dive Deep" in text.output
    assert "I pulled 400 declined transactions" in text.output  # a quote of the principle shown instead


def test_cli_scripted_rubric_session_probes_under_its_rubric():
    listed = _run("--question", "authorisation-rate-drop", "--answer", str(DASHBOARD_ONLY), "--list-probes")
    assert listed.exit_code == 0, listed.output
    ids = [line.split("\t")[0] for line in listed.output.splitlines()]
    rubric = load_rubric(for_lp("dive-deep"))
    assert ids and set(ids) <= {f.id for f in rubric.flags} | {f.id for f in rubric.followups}
    answers = "\n".join(f"--- {i}\nI read 300 declined transactions myself, one by one." for i in ids)
    result = _run(
        "--question",
        "authorisation-rate-drop",
        "--answer",
        str(DASHBOARD_ONLY),
        "--probe-answers",
        "-",
        "--format",
        "json",
        input=answers,
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["judged_by"] == "rubric" and data["final_review"]["rubric"] == "dive-deep-fintech"
    assert [p["id"] for p in data["probes"]] == ids


def test_cli_refuses_probes_for_a_principle_without_a_rubric():
    result = _run("--question", "calculated-risk", "--answer", str(BIAS_FOR_ACTION), "--list-probes")
    assert result.exit_code == 2
    assert "bias-for-action has no rubric" in result.output


def test_cli_lp_conflicts_with_question_and_unknown_lp_is_refused():
    both = _run("--lp", "dive-deep", "--question", "calculated-risk", "--answer", str(BIAS_FOR_ACTION))
    assert both.exit_code == 2 and "--question picks the question" in both.output
    unknown = _run("--lp", "dive_deep", "--question", "calculated-risk")
    assert unknown.exit_code == 2 and "no Leadership Principle 'dive_deep'" in unknown.output


def test_a_saved_session_is_stored_under_its_principle(tmp_path):
    db = tmp_path / "bank.db"
    result = _run("--question", "calculated-risk", "--answer", str(BIAS_FOR_ACTION), "--save", "--db", str(db))
    assert result.exit_code == 0, result.output
    with Bank.open(str(db)) as bank:
        (story,) = bank.list()
        # No rubric judges Bias for Action: the bank's default judges it, the user's tag places it.
        assert story.lp == "customer-obsession" and story.principles_source == "user"
        assert story.principles[0].principle == "bias-for-action" and story.principles[0].role == "primary"
        assert {"practice", "pressure", "fraud"} <= set(story.tags)


def test_cli_scripted_with_lp_alone_draws_one_of_its_questions_and_judges_under_it():
    result = _run("--lp", "dive-deep", "--answer", str(DASHBOARD_ONLY), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["question"]["lp"] == "dive-deep" and data["final_review"]["rubric"] == "dive-deep-fintech"
    fit_only = _run("--lp", "bias-for-action", "--answer", str(BIAS_FOR_ACTION), "--format", "json")
    assert fit_only.exit_code == 0 and json.loads(fit_only.output)["reading"]["status"] == "shows"
