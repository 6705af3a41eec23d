"""`starbar debrief FILE`: a recorded interview's transcript, every answer reviewed, delivery from its timestamps."""

from __future__ import annotations

import json

import click

from ..debrief.formats import FORMATS
from .inputs import decode, read_bytes
from .review import LEVEL

REPORTS = ("text", "md", "json")
# A 60-minute WebVTT file is about 150 kB; this leaves room without reading a video by mistake.
MAX_BYTES = 5_000_000


def read_transcript_file(path: str) -> str:
    from ..debrief import TranscriptError

    data, name = read_bytes(path, MAX_BYTES)
    if len(data) > MAX_BYTES:
        raise TranscriptError(
            f"{name}: larger than {MAX_BYTES // 1_000_000} MB; a transcript of one interview is far smaller"
        )
    if not data.strip():
        raise TranscriptError(f"{name}: the file is empty")
    return decode(data, name, what="transcript")


def _formats(values: tuple[str, ...]) -> tuple[str | None, str]:
    """(input format or None to detect it, report format) from the --format values given."""
    inputs = [v for v in values if v in FORMATS]
    reports = [v for v in values if v in REPORTS]
    if len(inputs) > 1 or len(reports) > 1:
        raise click.UsageError("give --format at most once for the transcript and once for the report")
    return (inputs[0] if inputs else None), (reports[0] if reports else "text")


def _story_choices(values: tuple[str, ...], answered: list[int]) -> dict[int, int]:
    """--story N=ID (answer N into story ID); a bare ID when only one answer is saved."""
    chosen: dict[int, int] = {}
    for value in values:
        number, _, story = value.rpartition("=")
        if not story.isdigit() or (number and not number.isdigit()):
            raise click.BadParameter(f"{value!r}: write ANSWER=STORY_ID, like 2=14", param_hint="--story")
        if not number:
            if len(answered) != 1:
                raise click.BadParameter(
                    f"{len(answered)} answers to save: say which goes into story {story}, like --story 2={story}",
                    param_hint="--story",
                )
            number = str(answered[0])
        if int(number) not in answered:
            raise click.BadParameter(f"there is no answered question {number}", param_hint="--story")
        chosen[int(number)] = int(story)
    return chosen


@click.command()
@click.argument("file", type=str)
@click.option(
    "--me",
    metavar="NAME",
    help="The candidate's name as the transcript shows it (default: the speaker with most words).",
)
@click.option(
    "--format",
    "-f",
    "formats",
    multiple=True,
    type=click.Choice([*FORMATS, *REPORTS]),
    help="The transcript's format (vtt, srt, otter, zoom, teams; default: detected from the content) "
    "and/or the report's (text, md, json; default text). Give it twice for both.",
)
@click.option("--level", "-l", type=LEVEL, default="L6", show_default=True, help="Target level of the role.")
@click.option(
    "--lp", metavar="RUBRIC", help="Judge every answer against this principle's rubric (default: Customer Obsession)."
)
@click.option("--save", is_flag=True, help="Store every answer in the story bank, tagged 'debrief'.")
@click.option(
    "--story",
    "stories",
    multiple=True,
    metavar="N=ID",
    help="With --save: store answer N as a new version of story ID.",
)
@click.option(
    "--db",
    "db_url",
    metavar="URL",
    help="The story bank to save to (default: $STARBAR_DATABASE_URL, else the user's data file).",
)
def debrief(file, me, formats, level, lp, save, stories, db_url) -> None:
    """Debrief the interview transcript in FILE ('-' reads standard input): every answer reviewed, with real delivery."""
    from ..debrief import debrief as run_debrief
    from ..debrief.render import debrief_markdown, debrief_text

    source, report = _formats(formats)
    if stories and not save:
        raise click.UsageError("--story needs --save")
    result = run_debrief(read_transcript_file(file), fmt=source, me=me, level=level.upper(), lp=lp)
    chosen = _story_choices(stories, [a.number for a in result.answers if a.review is not None])
    if report == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(debrief_markdown(result) if report == "md" else debrief_text(result))
    if save:
        from ..debrief.saving import save_answers

        for line in save_answers(result, db_url, chosen):
            click.echo(line, err=report == "json")
