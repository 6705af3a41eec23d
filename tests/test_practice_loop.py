"""The mock loop: the draw (coverage rules, determinism), the same-story warning, scripted answers
matched to the questions drawn, and scripted loops end to end in the CLI.

The stories in tests/practice_stories/ and tests/data/ were written for the tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bank_fixtures import assert_one_clear_line, cli
from starbar.bank import Bank
from starbar.cli.practice import practice
from starbar.errors import InputError
from starbar.practice.loop import MAX_INTERVIEWS, MIN_INTERVIEWS, draw_loop
from starbar.practice.loop_script import parse_loop_answers
from starbar.practice.questions import load_questions, principle_table
from starbar.practice.reuse import find_reuse, same_story

STORIES = Path(__file__).parent / "practice_stories"
DATA = Path(__file__).parent / "data"
DIVE_DEEP = (STORIES / "dive_deep.txt").read_text()
DIVE_DEEP_RETOLD = (STORIES / "dive_deep_retold.txt").read_text()
# Stories that are each other's strangers, for the questions a test does not care about.
OTHERS = [
    (STORIES / name).read_text()
    for name in ("bias_for_action.txt", "no_friction.txt", "vague_result.txt", "team_only.txt", "dashboard_only.txt")
] + [
    (DATA / "strong.md").read_text(),
    (DATA / "feature-request.txt").read_text(),
    (STORIES / "emphasised.md").read_text(),
]
TIERS = {p.id: p.tier for p in principle_table()}


# --- the draw ------------------------------------------------------------------------------------


@pytest.mark.parametrize("level", ["L5", "L6", "L7"])
@pytest.mark.parametrize("interviews", range(MIN_INTERVIEWS, MAX_INTERVIEWS + 1))
def test_every_loop_asks_each_tier_1_principle_once_and_some_tier_2(level, interviews):
    for seed in range(25):
        plan = draw_loop(load_questions(), level=level, interviews=interviews, seed=seed)
        assert len(plan.interviews) == interviews
        assert all(len(i.questions) in (2, 3) for i in plan.interviews)
        asked = [q.lp for q in plan.questions]
        assert len(asked) == len(set(asked)), "a principle asked twice"
        assert {lp for lp, t in TIERS.items() if t == 1} <= set(asked)
        assert any(TIERS[lp] == 2 for lp in asked)
        if level != "L7":
            assert not any(TIERS[lp] == 4 for lp in asked)
        assert len({q.id for q in plan.questions}) == len(asked)


def test_tier_4_principles_come_up_at_l7():
    asked = {q.lp for seed in range(30) for q in draw_loop(load_questions(), level="L7", seed=seed).questions}
    assert any(TIERS[lp] == 4 for lp in asked)


def test_the_same_seed_draws_the_same_loop_and_seeds_differ():
    bank = load_questions()
    assert draw_loop(bank, seed=11) == draw_loop(bank, seed=11)
    plans = {tuple(q.id for q in draw_loop(bank, seed=s).questions) for s in range(10)}
    assert len(plans) >= 8
    # about five interviewers by default, two or three principles each
    assert len(draw_loop(bank, seed=11).interviews) == 5


def test_a_loop_size_outside_three_to_six_is_refused():
    with pytest.raises(ValueError, match="3 to 6 interviewers"):
        draw_loop(load_questions(), interviews=2, seed=1)
    option = next(p for p in practice.params if p.name == "interviews")
    assert (option.type.min, option.type.max) == (MIN_INTERVIEWS, MAX_INTERVIEWS)


# --- the same story told twice ----------------------------------------------------------------------


def test_a_story_retold_for_another_principle_is_the_same_story():
    shared = same_story(DIVE_DEEP, DIVE_DEEP_RETOLD)
    assert {"400", "82%", "spanish"} <= set(shared)


def test_stories_from_the_same_job_are_not_the_same_story():
    assert same_story(DIVE_DEEP, OTHERS[4]) == ()  # the same payments job, another (thinner) story
    assert all(same_story(a, b) == () for i, a in enumerate(OTHERS) for b in OTHERS[i + 1 :])


def test_find_reuse_names_both_questions_in_the_order_asked():
    q = load_questions()
    found = find_reuse([(q[0], DIVE_DEEP), (q[1], OTHERS[0]), (q[2], DIVE_DEEP_RETOLD)])
    assert [(r.first.id, r.second.id) for r in found] == [(q[0].id, q[2].id)]


# --- scripted answers ----------------------------------------------------------------------------


def _plan(seed: int = 5, interviews: int = 3):
    return draw_loop(load_questions(), interviews=interviews, seed=seed)


def _answers(plan, texts: dict[str, str] | None = None, times: dict[str, str] | None = None) -> str:
    """A loop answer file: one section per question drawn, named by its principle."""
    texts, times = texts or {}, times or {}
    others = iter(OTHERS)
    sections = []
    for q in plan.questions:
        header = f"=== {q.lp}" + (f" {times[q.lp]}" if q.lp in times else "")
        sections.append(f"{header}\n{texts.get(q.lp) or next(others)}\n")
    return "\n".join(sections)


def test_sections_land_on_their_questions_by_principle_or_question_id():
    plan = _plan()
    text = _answers(plan, times={plan.questions[0].lp: "2:05"})
    first = plan.questions[0]
    text = text.replace(f"=== {first.lp} 2:05", f"=== {first.id} 2:05")
    answers = parse_loop_answers(text, plan)
    assert [a.question for a in answers] == list(plan.questions)
    assert answers[0].seconds == 125 and answers[1].seconds is None
    assert answers[1].answer == OTHERS[1].strip()


def test_probe_answers_follow_the_answer_after_dash_lines():
    plan = _plan()
    lp = plan.questions[0].lp
    answers = parse_loop_answers(_answers(plan, {lp: "My answer.\n--- records\nI read 300 cases."}), plan)
    assert answers[0].answer == "My answer."
    assert [(p.name, p.text) for p in answers[0].probe_answers] == [("records", "I read 300 cases.")]


@pytest.mark.parametrize(
    "mangle, message",
    [
        (lambda t, q: t.replace(f"=== {q.lp}\n", "=== frugalty\n", 1), "`=== frugalty` names no question drawn"),
        (lambda t, q: t + f"\n=== {q.id}\nAgain.\n", "is answered twice"),
        (lambda t, q: t.split("\n=== ")[0], "no answer for"),
        (lambda t, q: "Preamble I forgot to label.\n" + t, "text before the first"),
        (lambda t, q: t.replace(f"=== {q.lp}\n", f"=== {q.lp} soon\n", 1), "is not a duration"),
    ],
)
def test_a_mismatched_answer_file_is_one_clear_error(mangle, message):
    plan = _plan()
    with pytest.raises(InputError, match=message):
        parse_loop_answers(mangle(_answers(plan), plan.questions[0]), plan)


# --- the CLI -------------------------------------------------------------------------------------


def _run(*args: str, input: str | None = None):
    return CliRunner().invoke(practice, list(args), input=input)


def _reuse_plan():
    """A three-interviewer loop (seed 5) and an answer file telling the Dive Deep story twice."""
    plan = _plan()
    lps = [q.lp for q in plan.questions]
    assert "dive-deep" in lps and "have-backbone" in lps
    texts = {"dive-deep": DIVE_DEEP, "have-backbone": DIVE_DEEP_RETOLD}
    return plan, _answers(plan, texts, times={"dive-deep": "2:30"})


def test_cli_scripted_loop_reports_by_principle_as_json():
    plan, answers = _reuse_plan()
    result = _run("--loop", "--interviews", "3", "--seed", "5", "--answer", "-", "--format", "json", input=answers)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["seed"] == 5 and data["level"] == "L6"
    rows = data["principles"]
    assert [r["lp"] for r in rows] == [q.lp for q in plan.questions]
    assert [r["interview"] for r in rows] == [i.number for i in plan.interviews for _ in i.questions]
    by_lp = {r["lp"]: r for r in rows}
    deep = by_lp["dive-deep"]
    assert deep["judged_by"] == "rubric" and deep["outcome"] in {"hire", "strong_hire"} and deep["seconds"] == 150
    assert all(r["judged_by"] == ("rubric" if TIERS[r["lp"]] == 1 else "fit") for r in rows)
    assert all(r["outcome"] in {"shows", "mismatch", "thin"} for r in rows if r["judged_by"] == "fit")
    assert any(r["probes"] for r in rows) and all(not p["answered"] for r in rows for p in r["probes"])
    reused = [(r["first"], r["second"]) for r in data["reused"]]
    ids = {q.lp: q.id for q in plan.questions}
    assert reused == [tuple(sorted((ids["dive-deep"], ids["have-backbone"]), key=[q.id for q in plan.questions].index))]


def test_cli_scripted_loop_text_names_the_principles_and_the_reused_story(tmp_path):
    _, answers = _reuse_plan()
    (tmp_path / "loop.txt").write_text(answers)
    result = _run("--loop", "--interviews", "3", "--seed", "5", "--answer", str(tmp_path / "loop.txt"))
    assert result.exit_code == 0, result.output
    assert "replay with --seed 5" in result.output
    assert "Interviewer 3" in result.output and "Dive Deep" in result.output and "2:30" in result.output
    assert "Stories told twice" in result.output and "tell the same story" in result.output


def test_cli_scripted_loop_saves_every_answer_under_its_principle(tmp_path):
    plan, answers = _reuse_plan()
    db = tmp_path / "bank.db"
    args = ["--loop", "--interviews", "3", "--seed", "5", "--answer", "-", "--save", "--db", str(db)]
    result = _run(*args, input=answers)
    assert result.exit_code == 0, result.output
    assert f"Saved {len(plan.questions)} answers" in result.output
    with Bank.open(str(db)) as bank:
        # Told for the asked principle: judged under it, or (no rubric) tagged with it by the user's choice.
        assert [s.told_for for s in bank.list()] == [q.lp for q in plan.questions]


def test_cli_plan_lists_the_questions_the_seed_draws():
    plan = _plan(seed=9, interviews=4)
    result = _run("--loop", "--interviews", "4", "--seed", "9", "--plan")
    assert result.exit_code == 0, result.output
    assert all(f"=== {q.lp}  ({q.id})" in result.output for q in plan.questions)


def test_cli_loop_refuses_single_question_options_and_bad_answer_files():
    clash = _run("--loop", "--question", "calculated-risk", "--plan")
    assert clash.exit_code == 2 and "--question" in clash.output and "a loop draws its own" in clash.output
    assert _run("--seed", "3", "--question", "calculated-risk").exit_code == 2
    assert _run("--loop", "--interviews", "9", "--plan").exit_code == 2


def test_a_bad_loop_answer_file_is_one_error_line_and_nothing_saved(cli, tmp_path):
    (tmp_path / "loop.txt").write_text("=== frugalty\nAn answer.\n")
    db = tmp_path / "bank.db"
    ran = cli(
        "practice",
        "--loop",
        "--seed",
        "5",
        "--interviews",
        "3",
        "--answer",
        str(tmp_path / "loop.txt"),
        "--save",
        "--db",
        str(db),
    )
    assert_one_clear_line(ran, "names no question drawn", "bias-for-action")
    assert not db.exists()
