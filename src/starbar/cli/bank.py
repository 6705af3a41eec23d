"""`starbar bank ...`: keep every version of every story, with its review, and see the progress."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from ..errors import InputError
from .inputs import LEVEL, decode, read_story

DB_HELP = "Database URL: sqlite:///path/to/bank.db or postgresql://user@host/db (default: $STARBAR_DATABASE_URL, else bank.db in your data folder)."
db_option = click.option("--db", "db", envvar="STARBAR_DATABASE_URL", metavar="URL", help=DB_HELP)
json_or_text = click.option(
    "--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
color_option = click.option(
    "--color/--no-color", default=None, help="Colour output (default: when writing to a terminal)."
)
owner_option = click.option(
    "--owner",
    metavar="NAME",
    default=None,
    help="Act on NAME's stories only (team mode accounts); without it, every story (local mode).",
)


@contextmanager
def opened(db: str | None, *, create: bool = False, owner: str | None = None):
    """The bank at `db`; with `owner`, only if that account exists (an unknown name is an error, not an empty bank)."""
    from ..bank import Bank

    bank = Bank.open(db, create=create)
    try:
        if owner is not None and bank.account(owner) is None:
            raise InputError(
                f"--owner {owner}: no such account in the bank at {bank.where}; `starbar users list` shows the accounts"
            )
        yield bank
    finally:
        bank.close()


@contextmanager
def reading(db: str | None, owner: str | None = None):
    """The bank at `db` for a command that only reads; None when its SQLite file does not exist
    yet (a new install), which such a command shows as an empty bank rather than an error."""
    from ..bank.db import resolve_url, sqlite_path

    url = resolve_url(db)
    path = sqlite_path(url) if url.get_backend_name() == "sqlite" else None
    if path is not None and owner is None and not Path(path).exists():
        yield None
        return
    with opened(db, owner=owner) as b:
        yield b


def echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def levels_digits(levels: dict[str, int]) -> str:
    return "".join(str(v) for v in levels.values())


def legend(levels: dict[str, int]) -> str:
    return f"levels, one digit each (0-4): {', '.join(levels)}"


def table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    return "\n".join("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip() for r in [header, *rows])


@click.group()
def bank() -> None:
    """Keep your stories and every version of them, each with its review, in a database.

    SQLite by default (in your data folder, created on first use); set STARBAR_DATABASE_URL
    or give --db to use another file or a PostgreSQL server.
    """


@bank.command()
@click.argument("file", type=str)
@click.option("--title", "-t", help="The story's title (default: the file's name).")
@click.option(
    "--lp",
    default="customer-obsession",
    show_default=True,
    help="The Leadership Principle the story is told for; its rubric judges the story (`starbar rubric list`).",
)
@click.option("--tag", "tags", multiple=True, help="A tag; repeat for several.")
@click.option("--level", "-l", type=LEVEL, default="L6", show_default=True, help="Target level to judge it at.")
@owner_option
@db_option
def add(
    file: str, title: str | None, lp: str, tags: tuple[str, ...], level: str, owner: str | None, db: str | None
) -> None:
    """Store the story in FILE ('-' reads standard input) with its review, as version 1."""
    text = read_story(file)
    title = title or (Path(file).stem.replace("-", " ").replace("_", " ") if file != "-" else "")
    with opened(db, create=True, owner=owner) as b:
        version = b.add(title, text, level=level, tags=tags, lp=lp, owner=owner)
    click.echo(
        f"stored story {version.story_id} {title.strip()!r}, version 1: {version.verdict} ({version.archetype}), levels {levels_digits(version.levels)}"
    )


@bank.command()
@click.argument("story_id", type=int)
@click.argument("file", type=str)
@click.option(
    "--level", "-l", type=LEVEL, default=None, help="Judge at this level from now on (default: the story's level)."
)
@click.option("--lp", default=None, help="Tell it for this principle from now on (default: the story's principle).")
@owner_option
@db_option
def update(story_id: int, file: str, level: str | None, lp: str | None, owner: str | None, db: str | None) -> None:
    """Store the text in FILE as the next version of story STORY_ID."""
    text = read_story(file)
    with opened(db, owner=owner) as b:
        version = b.update(story_id, text, level=level, lp=lp, owner=owner)
    click.echo(
        f"stored story {story_id}, version {version.number}: {version.verdict} ({version.archetype}), levels {levels_digits(version.levels)}"
    )


@bank.command(name="list")
@json_or_text
@owner_option
@db_option
def list_(fmt: str, owner: str | None, db: str | None) -> None:
    """Every story: latest verdict, dimension levels, number of versions, last change."""
    with reading(db, owner=owner) as b:
        stories = b.list(owner=owner) if b else []
    if fmt == "json":
        echo_json([s.to_dict() for s in stories])
        return
    if not stories:
        if owner is not None:
            click.echo(f"{owner} has no stories yet: add one with `starbar bank add FILE --title ... --owner {owner}`.")
        else:
            click.echo("The bank is empty: add a story with `starbar bank add FILE --title ...`.")
        return
    rows = [
        [
            str(s.id),
            s.title,
            s.latest.verdict,
            s.latest.level,
            levels_digits(s.latest.levels),
            str(s.versions),
            when(s.updated_at),
        ]
        for s in stories
    ]
    click.echo(table(rows, ["ID", "TITLE", "VERDICT", "LEVEL", "LEVELS", "VERSIONS", "CHANGED (UTC)"]))
    click.echo(legend(stories[0].latest.levels))


@bank.command()
@click.argument("story_id", type=int)
@click.option("--version", "-v", "number", type=int, help="Which version (default: the latest).")
@json_or_text
@owner_option
@db_option
def show(story_id: int, number: int | None, fmt: str, owner: str | None, db: str | None) -> None:
    """One story: a version's text and its stored review."""
    with opened(db, owner=owner) as b:
        story = b.story(story_id, owner=owner)
        version = b.version(story_id, number, owner=owner)
    if fmt == "json":
        echo_json({**story.to_dict(), "version": version.to_dict()})
        return
    tags = f", tags: {', '.join(story.tags)}" if story.tags else ""
    lines = [
        f"#{story.id} {story.title}  ({story.lp}{tags})",
        f"principles: {principles_line(story)}",
        f"version {version.number} of {story.versions} · {when(version.created_at)} UTC · {version.source} · rubric {version.rubric_version}",
        f"verdict at {version.level}: {version.verdict} ({version.archetype})",
    ]
    width = max(map(len, version.levels), default=0)
    for dim, score in version.review.get("dimensions", {}).items():
        lines.append(f"  {dim.ljust(width)}  {score['level']}  {score.get('why', '')}")
    if version.flags:
        lines.append(f"flags: {', '.join(version.flags)}")
    steps = version.review.get("next_steps", [])
    if steps:
        lines += ["next steps:", *(f"  - {s}" for s in steps)]
    lines += ["", version.text]
    click.echo("\n".join(lines))


@bank.command()
@click.argument("story_id", type=int)
@json_or_text
@owner_option
@db_option
def history(story_id: int, fmt: str, owner: str | None, db: str | None) -> None:
    """Each version of a story, oldest first: its verdict and levels (the score trend)."""
    with opened(db, owner=owner) as b:
        versions = b.history(story_id, owner=owner)
    if fmt == "json":
        echo_json([{"id": v.number, **v.to_dict(review=False)} for v in versions])
        return
    rows = [
        [
            str(v.number),
            when(v.created_at),
            v.source,
            v.rubric_version,
            v.level,
            v.verdict,
            levels_digits(v.levels),
            str(sum(v.levels.values())),
            str(v.review.get("stats", {}).get("words", "")),
        ]
        for v in versions
    ]
    click.echo(table(rows, ["V", "DATE (UTC)", "SOURCE", "RUBRIC", "LEVEL", "VERDICT", "LEVELS", "TOTAL", "WORDS"]))
    click.echo(legend(versions[-1].levels))


@bank.command()
@click.argument("story_id", type=int)
@click.argument("versions", type=int, nargs=-1)
@json_or_text
@color_option
@owner_option
@db_option
def diff(
    story_id: int, versions: tuple[int, ...], fmt: str, color: bool | None, owner: str | None, db: str | None
) -> None:
    """What changed from version A to B (default: the last two): words, dimensions, flags, verdict.

    Usage: starbar bank diff ID [A B]
    """
    if len(versions) not in (0, 2):
        raise click.UsageError("give two version numbers (A B), or none to compare the last two")
    with opened(db, owner=owner) as b:
        change = b.diff(story_id, *versions, owner=owner) if versions else b.diff(story_id, owner=owner)
    if fmt == "json":
        echo_json(change.to_dict())
        return
    use_color = sys.stdout.isatty() if color is None else color
    click.echo(render_diff(change, use_color))


def render_diff(change, use_color: bool) -> str:
    def mark(text: str, op: str) -> str:
        if use_color:
            return (
                click.style(text, fg="red", strikethrough=True)
                if op == "delete"
                else click.style(text, fg="green", underline=True)
            )
        return f"[-{text}-]" if op == "delete" else f"{{+{text}+}}"

    def arrow(c) -> str:
        if not c.changed:
            return f"{c.before} (unchanged)"
        delta = f"  {c.after - c.before:+d}" if isinstance(c.before, int) and isinstance(c.after, int) else ""
        return f"{c.before} -> {c.after}{delta}"

    width = max([len(c.name) for c in change.dimensions] + [len("rubric version")])
    lines = [
        f"story {change.story_id}: version {change.before.number} -> {change.after.number}",
        f"{'verdict'.ljust(width)}  {arrow(change.verdict)}",
        f"{'archetype'.ljust(width)}  {arrow(change.archetype)}",
        f"{'rubric version'.ljust(width)}  {arrow(change.rubric_version)}",
        *(f"{c.name.ljust(width)}  {arrow(c)}" for c in change.dimensions),
        f"flags raised: {', '.join(change.flags_raised) or 'none'}",
        f"flags cleared: {', '.join(change.flags_cleared) or 'none'}",
        f"flags still raised: {', '.join(change.flags_kept) or 'none'}",
        "",
    ]
    if not change.text_changed:
        lines.append("text: unchanged")
    else:
        lines.append("".join(s.text if s.op == "equal" else mark(s.text, s.op) for s in change.words))
    return "\n".join(lines)


@bank.command(name="delete")
@click.argument("story_id", type=int)
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@owner_option
@db_option
def delete_(story_id: int, yes: bool, owner: str | None, db: str | None) -> None:
    """Delete a story and all its versions (asks first)."""
    with opened(db, owner=owner) as b:
        story = b.story(story_id, owner=owner)
        if not yes and not click.confirm(
            f"Delete story {story.id} {story.title!r} and its {story.versions} version(s)?", default=False
        ):
            click.echo("nothing deleted", err=True)
            sys.exit(1)
        b.delete(story_id, owner=owner)
    click.echo(f"deleted story {story.id} {story.title!r} ({story.versions} version(s))")


def principles_line(story) -> str:
    """'customer-obsession (primary, 4 signals), dive-deep (secondary, 2) · from fit'."""
    if story.principles_source is None:
        return "not read yet: `starbar bank rereview` reads them"
    claims = ", ".join(
        f"{c.principle} ({c.role}, {c.signals} signal{'' if c.signals == 1 else 's'})" for c in story.principles
    )
    claims = claims or "none"
    return f"{claims} · {'from fit' if story.principles_source == 'fit' else 'chosen by you'}"


@bank.command()
@click.argument("story_id", type=int)
@click.option("--primary", "-p", default=None, help="The principle the story is about (id or name).")
@click.option("--secondary", "-s", "secondaries", multiple=True, help="A principle it also serves; repeat for two.")
@click.option("--auto", is_flag=True, help="Forget your choice: use the principles fit finds, version after version.")
@owner_option
@db_option
def tag(
    story_id: int, primary: str | None, secondaries: tuple[str, ...], auto: bool, owner: str | None, db: str | None
) -> None:
    """Choose the Leadership Principles story STORY_ID is told for (kept through new versions).

    By default a story's principles are the ones `starbar fit` finds in its latest text.
    """
    with opened(db, owner=owner) as b:
        story = b.tag(story_id, primary=primary, secondaries=secondaries, auto=auto, owner=owner)
    click.echo(f"story {story.id} {story.title!r}: {principles_line(story)}")


@bank.command()
@click.option("--level", "-l", type=LEVEL, default=None, help="Judge at this level (default: each story's level).")
@click.argument("story_ids", type=int, nargs=-1)
@owner_option
@db_option
def rereview(level: str | None, story_ids: tuple[int, ...], owner: str | None, db: str | None) -> None:
    """Judge every story (or STORY_IDS) again with the current rubric of its principle; old reviews are kept.

    A story whose review changes gets a new version holding the new review.
    """
    with opened(db, owner=owner) as b:
        results = b.rereview(level=level, story_ids=list(story_ids) or None, owner=owner)
    for story, new in results:
        if new is None:
            click.echo(f"story {story.id} {story.title!r}: unchanged ({story.latest.verdict})")
        else:
            click.echo(
                f"story {story.id} {story.title!r}: version {new.number}, {story.latest.verdict} -> {new.verdict} at {new.level}"
            )
    if not results:
        click.echo("The bank is empty: nothing to re-review.")


fintech_option = click.option(
    "--fintech/--no-fintech", default=True, show_default=True, help="Whether the role is in financial technology."
)
manages_people_option = click.option(
    "--manages-people", is_flag=True, help="The role manages people (tier-4 principles are asked too)."
)


@bank.command()
@click.option("--level", "-l", type=LEVEL, default="L6", show_default=True, help="Target level of the role.")
@fintech_option
@manages_people_option
@json_or_text
@owner_option
@db_option
def checklist(level: str, fintech: bool, manages_people: bool, fmt: str, owner: str | None, db: str | None) -> None:
    """The preparation checklist over the whole bank: every principle's coverage (from the
    story matrix), the Customer Obsession rubric's items, and what to do next."""
    with reading(db, owner=owner) as b:
        if b is None:
            from ..bank.checklist import evaluate
            from ..bank.matrix_inputs import story_matrix
            from ..rubric import load_rubric

            empty = story_matrix([], level, fintech=fintech, manages_people=manages_people)
            result = evaluate(load_rubric(), [], level, empty)
        else:
            result = b.checklist(level, fintech=fintech, manages_people=manages_people, owner=owner)
    if fmt == "json":
        echo_json(result.to_dict())
        return
    marks = {"met": "[x]", "not_met": "[ ]", "yours": "[?]"}
    lines = [f"Preparation checklist at {result.level}", "", "Loop coverage (`starbar bank matrix` shows the table):"]
    for item in result.coverage:
        lines.append(f"{marks[item.status]} {item.text}")
        if item.detail:
            lines.append(f"    {item.detail}")
    lines += ["", "Customer Obsession:"]
    for item in result.items:
        lines.append(f"{marks[item.status]} {item.text}")
        lines.append(f"    {item.detail}")
        lines += [f"    - #{g.story_id} {g.title!r}: lacks {g.missing}" for g in item.gaps]
    lines += (
        ["", "Next:", *(f"  {n}. {step}" for n, step in enumerate(result.next_steps, 1))]
        if result.next_steps
        else ["", "Ready: every item the reviews can check is met."]
    )
    click.echo("\n".join(lines))


@bank.command()
@click.option("--level", "-l", type=LEVEL, default="L6", show_default=True, help="Target level of the role.")
@fintech_option
@manages_people_option
@click.option(
    "--format", "-f", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True
)
@owner_option
@db_option
def matrix(level: str, fintech: bool, manages_people: bool, fmt: str, owner: str | None, db: str | None) -> None:
    """Stories × the sixteen Leadership Principles: each story's primary and secondary principles
    with the verdicts at LEVEL, and the gaps a loop would find (lp-identification.md)."""
    from ..bank.matrix_inputs import story_matrix
    from ..bank.matrix_render import to_markdown, to_text

    with reading(db, owner=owner) as b:
        result = (
            b.matrix(level, fintech=fintech, manages_people=manages_people, owner=owner)
            if b is not None
            else story_matrix([], level, fintech=fintech, manages_people=manages_people)
        )
    if fmt == "json":
        echo_json(result.to_dict())
    else:
        click.echo(to_markdown(result) if fmt == "markdown" else to_text(result), nl=fmt != "markdown")


@bank.command(name="import")
@click.argument("file", type=str)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["md", "csv", "json"]),
    default=None,
    help="md: one story per `## Title`; csv: title,text,tags; json: a `bank export`. Default: from the file name.",
)
@click.option("--level", "-l", type=LEVEL, default="L6", show_default=True, help="Level to judge new stories at.")
@owner_option
@db_option
def import_(file: str, fmt: str | None, level: str, owner: str | None, db: str | None) -> None:
    """Import stories from a Markdown, CSV or JSON file, in one transaction.

    With --owner every imported story is NAME's; without it, a JSON export's stories keep
    the owners it recorded.
    """
    from ..bank import formats

    fmt = formats.format_for(file, fmt) if file != "-" else (fmt or "md")
    text = _read_import_file(file)
    parse = {"md": formats.parse_markdown, "csv": formats.parse_csv, "json": formats.parse_json}[fmt]
    items = parse(text, file)
    with opened(db, create=True, owner=owner) as b:
        result = b.import_stories(items, level=level, owner=owner)
    click.echo(import_summary(result.stored, result.skipped))


def _stories(count: int) -> str:
    return f"{count} stor{'y' if count == 1 else 'ies'}"


def _ids(ids: list[int]) -> str:
    return f"id{'' if len(ids) == 1 else 's'} {', '.join(map(str, ids))}"


def import_summary(stored: list[int], skipped: list[int]) -> str:
    """One line: what an import stored, and what it skipped as already in the bank."""
    line = f"imported {_stories(len(stored))}" + (f": {_ids(stored)}" if stored else "")
    if skipped:
        line += f"; skipped {_stories(len(skipped))} already in the bank: {_ids(skipped)}"
    return line


def _read_import_file(file: str) -> str:
    # A file of many stories (an export keeps every review) is not bound by the size limit of one story.
    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as err:
        raise InputError(f"{file}: cannot read ({err.strerror})") from None
    return decode(data, file)


@bank.command()
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["md", "json", "csv"]),
    default="json",
    show_default=True,
    help="json keeps every version and review; md and csv hold each story's latest text.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to this file (default: standard output).",
)
@owner_option
@db_option
def export(fmt: str, output: str | None, owner: str | None, db: str | None) -> None:
    """Export the whole bank (or NAME's stories, with --owner)."""
    from .outputs import refuse_database_target, write_atomically

    with opened(db, owner=owner) as b:
        if output:
            refuse_database_target(Path(output), b.file)
        text = b.export(fmt, owner=owner)
    if output:
        write_atomically(Path(output), text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
