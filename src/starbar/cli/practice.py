"""`starbar questions` and `starbar practice`: the question bank and a timed mock interview."""

from __future__ import annotations

import json
import random
import shutil
import sys

import click

from ..errors import StarbarError
from ..practice.questions import KINDS, Question, find, load_questions, select
from .inputs import LEVEL, read_story


class Interrupted(StarbarError):
    code = "interrupted"
    exit_code = 130


def terminal_width() -> int:
    """Columns to wrap text output to: the terminal's (or $COLUMNS), kept readable."""
    return max(40, min(100, shutil.get_terminal_size((88, 24)).columns))


def _principle(ctx, param, value: str | None) -> str | None:
    """A Leadership Principle id, checked when given (the ids are data, read only when needed)."""
    from ..practice.questions import QuestionError, principle_named

    if value is None:
        return None
    try:
        return principle_named(value).id
    except QuestionError as exc:
        raise click.BadParameter(exc.message) from None


@click.command()
@click.option("--lp", callback=_principle, metavar="ID", help="Only questions about this Leadership Principle.")
@click.option("--kind", type=click.Choice(KINDS), help="Only questions of this kind.")
@click.option("--fintech", is_flag=True, help="Only questions set in a financial product (not 'general').")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def questions(lp: str | None, kind: str | None, fintech: bool, fmt: str) -> None:
    """List the practice questions."""
    from ..practice.report import questions_text

    chosen = select(load_questions(), kind=kind, fintech=fintech, lp=lp)
    if not chosen:
        raise click.UsageError("no question matches --lp, --kind and --fintech together")
    if fmt == "json":
        click.echo(json.dumps([q.to_dict() for q in chosen], ensure_ascii=False, indent=2))
    else:
        click.echo(questions_text(chosen, terminal_width()))


def _duration(ctx, param, value: str | None) -> float | None:
    from ..practice.delivery import parse_duration

    if value is None:
        return None
    try:
        return parse_duration(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _pick_question(question_id: str | None, lp: str | None, kind: str | None, fintech: bool) -> Question:
    bank = load_questions()
    if question_id:
        return find(bank, question_id)
    pool = select(bank, kind=kind, fintech=fintech, lp=lp)
    if not pool:
        raise click.UsageError("no question matches --lp, --kind and --fintech together")
    return random.choice(pool)


@click.command()
@click.option(
    "--lp",
    callback=_principle,
    metavar="ID",
    help="Ask a question about this Leadership Principle (`starbar fit` ids).",
)
@click.option("--kind", type=click.Choice(KINDS), help="Ask a question of this kind.")
@click.option("--fintech", is_flag=True, help="Ask a question set in a financial product.")
@click.option("--level", "-l", type=LEVEL, default="L6", show_default=True, help="Target level of the role.")
@click.option(
    "--minutes",
    type=click.FloatRange(min=0.05, max=30),
    default=3.0,
    show_default=True,
    help="Time for the answer; a warning comes at the two-minute mark.",
)
@click.option("--question", "-q", "question_id", metavar="ID", help="The question's id (see `starbar questions`).")
@click.option(
    "--answer",
    "answer_file",
    metavar="FILE",
    help="Read the answer from this file instead of the terminal ('-' for standard input).",
)
@click.option(
    "--probe-answers",
    "probes_file",
    metavar="FILE",
    help="Answers to the probes, each after a line `---` or `--- PROBE` (its id or dimension; see --list-probes).",
)
@click.option(
    "--list-probes",
    is_flag=True,
    help="With --answer: print the probes the answer would be asked (id, dimension, question) and stop.",
)
@click.option(
    "--duration", callback=_duration, metavar="M:SS", help="How long the answer took to say, as M:SS (for the pace)."
)
@click.option(
    "--loop",
    "loop",
    is_flag=True,
    help="A mock loop: several interviewers, two or three principles each, every tier-1 principle once.",
)
@click.option(
    "--interviews",
    # practice.loop's MIN_INTERVIEWS and MAX_INTERVIEWS (a test holds them equal): importing that
    # module here would load the review engine for every command.
    type=click.IntRange(3, 6),
    default=5,
    show_default=True,
    help="With --loop: how many interviewers.",
)
@click.option("--seed", type=int, help="With --loop: draw the same loop again (the report shows the seed it used).")
@click.option(
    "--plan", "show_plan", is_flag=True, help="With --loop: print the questions drawn (and their ids) and stop."
)
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--save/--no-save",
    default=None,
    help="Save the session to the story bank (default: on at the terminal, off with --answer).",
)
@click.option(
    "--db",
    "db_url",
    metavar="URL",
    help="The story bank to save to (default: $STARBAR_DATABASE_URL, else the user's data file).",
)
def practice(
    lp,
    kind,
    fintech,
    level,
    minutes,
    question_id,
    answer_file,
    probes_file,
    list_probes,
    duration,
    loop,
    interviews,
    seed,
    show_plan,
    fmt,
    save,
    db_url,
) -> None:
    """A mock interview: a question, a timed answer, bar-raiser probes, and a review of the whole exchange.

    With --loop, a mock loop: questions drawn over several principles, reported by principle.
    """
    from ..practice.report import session_text
    from ..practice.session import has_rubric

    if loop:
        single = {"--lp": lp, "--kind": kind, "--fintech": fintech, "--question": question_id}
        single |= {"--probe-answers": probes_file, "--list-probes": list_probes, "--duration": duration}
        given = [name for name, value in single.items() if value]
        if given:
            raise click.UsageError(
                f"{', '.join(given)} choose or answer one question; a loop draws its own "
                "(answer a scripted loop's probes inside --answer, after `---` lines)"
            )
        _loop(level, minutes, interviews, seed, show_plan, answer_file, fmt, save, db_url)
        return
    if show_plan or seed is not None:
        raise click.UsageError("--plan and --seed go with --loop")
    scripted = answer_file is not None
    if probes_file and not scripted:
        raise click.UsageError("--probe-answers needs --answer")
    if list_probes and not scripted:
        raise click.UsageError("--list-probes needs --answer: the probes follow from the answer's gaps")
    if scripted and not (question_id or lp):
        raise click.UsageError(
            "a scripted session needs --question ID, or --lp ID to judge under a principle (see `starbar questions`)"
        )
    if question_id and (lp or kind or fintech):
        raise click.UsageError("--question picks the question; --lp, --kind and --fintech only choose one at random")
    if answer_file == "-" and probes_file == "-":
        raise click.UsageError("--answer and --probe-answers cannot both read standard input; give one a file")
    question = _pick_question(question_id, lp, kind, fintech)
    if (probes_file or list_probes) and not has_rubric(question.lp):
        raise click.UsageError(
            f"{question.lp} has no rubric: its answers are read with `starbar fit` and get no probes; "
            "drop --probe-answers and --list-probes"
        )
    if save is None:  # a session typed at the terminal is worth keeping; a scripted one usually is a test
        save = not scripted and not list_probes
    if save:
        _check_bank(db_url)  # before the session: a bad --db must not cost the candidate an answer
    if list_probes:
        click.echo(_probes_text(read_story(answer_file), level, question.lp))
        return
    if scripted:
        session = _scripted(question, level, answer_file, probes_file, duration)
    else:
        session = _interactive(question, level, minutes, duration)
    click.echo(
        json.dumps(session.to_dict(), ensure_ascii=False, indent=2)
        if fmt == "json"
        else session_text(session, terminal_width())
    )
    if save:
        from ..practice.saving import save_session

        click.echo(save_session(session, db_url), err=fmt == "json")


def _loop(level, minutes, interviews, seed, show_plan, answer_file, fmt, save, db_url) -> None:
    from ..practice.loop import draw_loop, finish_loop
    from ..practice.report import loop_text, plan_text

    if seed is None:  # a fresh loop each time, and the seed in the report replays it
        seed = random.randrange(1_000_000)
    plan = draw_loop(load_questions(), level=level, interviews=interviews, seed=seed)
    if show_plan:
        click.echo(json.dumps(plan.to_dict(), ensure_ascii=False, indent=2) if fmt == "json" else plan_text(plan))
        return
    scripted = answer_file is not None
    if save is None:
        save = not scripted
    if save:
        _check_bank(db_url)
    if scripted:
        from ..practice.loop_script import parse_loop_answers
        from ..practice.scripted import scripted_session

        answers = parse_loop_answers(read_story(answer_file), plan)
        sessions = [scripted_session(a.question, a.answer, a.probe_answers, level, a.seconds) for a in answers]
    else:
        sessions = _interactive_loop(plan, minutes)
    result = finish_loop(plan, sessions)
    click.echo(
        json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
        if fmt == "json"
        else loop_text(result, terminal_width())
    )
    if save:
        from ..practice.saving import save_sessions

        click.echo(save_sessions(result.sessions, db_url), err=fmt == "json")


def _interactive_loop(plan, minutes):
    from ..practice.terminal import LineReader, run_loop_interactive, stdout_writer

    if not sys.stdin.isatty():
        raise click.UsageError("a loop needs a terminal; for a scripted loop give --answer FILE (see --plan)")
    try:
        return run_loop_interactive(plan, minutes, LineReader(sys.stdin.fileno()), stdout_writer, terminal_width())
    except KeyboardInterrupt:
        stdout_writer("\n")
        raise Interrupted("mock loop interrupted; nothing was saved") from None


def _check_bank(db_url: str | None) -> None:
    """Open the bank a session will be saved to, so a wrong --db fails now; a SQLite file that
    does not exist yet is not created (an abandoned session leaves nothing), only its folder checked."""
    import os
    from pathlib import Path

    from ..bank import Bank, BankError
    from ..bank.db import resolve_url, sqlite_path

    url = resolve_url(db_url)
    path = sqlite_path(url) if url.get_backend_name() == "sqlite" else None
    if path is None or Path(path).exists():
        Bank.open(db_url, create=False).close()
        return
    folder = Path(path).parent
    while not folder.exists():
        folder = folder.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise BankError(f"story bank {path}: cannot be created, {folder} is not a writable folder", code="db_missing")


def _probes_text(answer: str, level: str, lp: str) -> str:
    from ..practice.session import begin

    _, probes = begin(answer, level, lp)
    return "\n".join(f"{p.id}\t{p.dimension or '-'}\t{p.text}" for p in probes)


def _scripted(question, level, answer_file, probes_file, duration):
    from ..practice.scripted import parse_probe_answers, scripted_session

    answer = read_story(answer_file)
    probe_answers = parse_probe_answers(read_story(probes_file)) if probes_file else []
    return scripted_session(question, answer, probe_answers, level, duration)


def _interactive(question, level, minutes, duration):
    from ..practice.terminal import LineReader, run_interactive, stdout_writer

    if not sys.stdin.isatty():
        raise click.UsageError("practice needs a terminal; for a scripted session give --question ID --answer FILE")
    try:
        return run_interactive(
            question, level, minutes, duration, LineReader(sys.stdin.fileno()), stdout_writer, terminal_width()
        )
    except KeyboardInterrupt:
        stdout_writer("\n")
        raise Interrupted("practice interrupted; nothing was saved") from None
