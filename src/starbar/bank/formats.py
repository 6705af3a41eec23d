"""Import and export formats. Pure: text in, records out, and back.

- JSON is lossless: every story with every version, its review and rubric version, and its
  owner (the account's name; null for a story without one, and in exports made before owners).
- Markdown holds one story per `## Title` section, its STAR headings inside (a `##` heading
  named Situation, Task, Action or Result stays inside the story), and a comment with its tags.
- CSV has the columns title, text, tags (separated by `;` or `,`), and optionally lp, level.
Markdown and CSV carry each story's latest text; importing them judges the stories afresh.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import datetime

from ..errors import InputError
from .accounts import USERNAME
from .records import Story, Version, iso

EXPORT_FORMAT = "starbar-bank"
EXPORT_VERSION = 1
FORMATS = ("md", "json", "csv")
_SECTION = re.compile(r"^##(?!#)\s*(.+?)\s*#*\s*$")
_STAR_HEADING = re.compile(r"^\**\s*(situation|task|actions?|results?|[star])\s*\**\s*:?\s*$", re.I)
_META = re.compile(r"^<!--\s*starbar:\s*(\{.*\})\s*-->\s*$")


@dataclass(frozen=True)
class NewStory:
    """A story to import without versions: it is judged when stored."""

    title: str
    text: str
    tags: tuple[str, ...] = ()
    lp: str | None = None
    level: str | None = None


@dataclass(frozen=True)
class StoredStory:
    """A story exported as JSON, with its versions and their reviews, imported as is."""

    title: str
    lp: str
    level: str
    tags: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    versions: tuple[Version, ...] = field(default=())
    owner: str | None = None  # the account it belonged to; `Bank.import_stories(owner=...)` overrides it


def split_tags(raw: str | list | tuple | None) -> tuple[str, ...]:
    """Tags, stripped, without repeats, sorted, so every format stores them the same way."""
    items = raw if isinstance(raw, (list, tuple)) else re.split(r"[;,]", raw or "")
    return tuple(sorted({str(t).strip() for t in items if str(t).strip()}))


def format_for(path: str, fmt: str | None) -> str:
    if fmt:
        return fmt
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    found = {"md": "md", "markdown": "md", "txt": "md", "csv": "csv", "json": "json"}.get(suffix)
    if found is None:
        raise InputError(f"{path}: cannot tell the format from the name; give --format md, csv or json")
    return found


# --- Markdown -----------------------------------------------------------------------------


def parse_markdown(text: str, name: str = "input") -> list[NewStory]:
    sections: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        heading = _SECTION.match(line)
        if heading and not _STAR_HEADING.match(heading.group(1)):
            sections.append((heading.group(1), []))
        elif sections:
            sections[-1][1].append(line)
    if not sections:
        raise InputError(f"{name}: no `## Title` section; put each story under a `## Its title` heading")
    stories = []
    for title, lines in sections:
        meta = {}
        body = "\n".join(lines).strip()
        first, _, rest = body.partition("\n")
        found = _META.match(first)
        if found:
            try:
                meta = json.loads(found.group(1))
            except json.JSONDecodeError:
                raise InputError(f"{name}: story {title!r}: the starbar comment is not valid JSON") from None
            body = rest.strip()
        if not body:
            raise InputError(f"{name}: story {title!r} has no text")
        stories.append(NewStory(title, body, split_tags(meta.get("tags")), meta.get("lp"), meta.get("level")))
    return stories


def to_markdown(stories: list[Story]) -> str:
    parts = ["# Story bank\n"]
    for s in stories:
        meta = json.dumps({"lp": s.lp, "level": s.level, "tags": list(s.tags)}, ensure_ascii=False)
        parts.append(f"## {s.title}\n<!-- starbar: {meta} -->\n\n{s.latest.text}\n")
    return "\n".join(parts)


# --- CSV ----------------------------------------------------------------------------------


def parse_csv(text: str, name: str = "input") -> list[NewStory]:
    reader = csv.DictReader(io.StringIO(text))
    columns = {c.strip().lower(): c for c in reader.fieldnames or []}
    missing = [c for c in ("title", "text") if c not in columns]
    if missing:
        raise InputError(
            f"{name}: CSV needs the columns title, text (and optionally tags); missing {', '.join(missing)}"
        )
    stories = []
    for row_number, row in enumerate(reader, start=2):

        def get(key: str, row: dict = row) -> str:
            return (row.get(columns[key]) or "").strip() if key in columns else ""

        if not get("title") or not get("text"):
            raise InputError(f"{name}: line {row_number}: a story needs a title and a text")
        stories.append(
            NewStory(get("title"), get("text"), split_tags(get("tags")), get("lp") or None, get("level") or None)
        )
    if not stories:
        raise InputError(f"{name}: no stories in the CSV")
    return stories


def to_csv(stories: list[Story]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["title", "text", "tags", "lp", "level"])
    for s in stories:
        writer.writerow([s.title, s.latest.text, ";".join(s.tags), s.lp, s.level])
    return out.getvalue()


# --- JSON ---------------------------------------------------------------------------------


def to_json(stories: list[tuple[Story, list[Version]]]) -> str:
    data = {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_VERSION,
        "stories": [
            {
                "id": s.id,
                "title": s.title,
                "lp": s.lp,
                "level": s.level,
                "tags": list(s.tags),
                "created_at": iso(s.created_at),
                "updated_at": iso(s.updated_at),
                "owner": s.owner,
                "versions": [
                    {
                        "number": v.number,
                        "created_at": iso(v.created_at),
                        "source": v.source,
                        "level": v.level,
                        "rubric_version": v.rubric_version,
                        "verdict": v.verdict,
                        "text": v.text,
                        "review": v.review,
                    }
                    for v in versions
                ],
            }
            for s, versions in stories
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def parse_json(text: str, name: str = "input") -> list[StoredStory]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{name}: not valid JSON (line {err.lineno}: {err.msg})") from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise InputError(f"{name}: not a starbar bank export (made by `starbar bank export --format json`)")
    if data.get("format_version") != EXPORT_VERSION:
        raise InputError(
            f"{name}: export format version {data.get('format_version')!r} is not supported; upgrade starbar"
        )
    try:
        return [_stored_story(s) for s in data["stories"]]
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise InputError(
            f"{name}: a story in the export is incomplete or malformed ({type(err).__name__}: {err})"
        ) from None


def _stored_story(raw: dict) -> StoredStory:
    versions = tuple(
        Version(
            story_id=0,
            number=int(v["number"]),
            text=str(v["text"]),
            review=dict(v["review"]),
            rubric_version=str(v["rubric_version"]),
            level=str(v["level"]),
            verdict=str(v["verdict"]),
            source=str(v.get("source", "import")),
            created_at=datetime.fromisoformat(v["created_at"]),
        )
        for v in raw["versions"]
    )
    numbers = [v.number for v in versions]
    if not numbers or numbers != sorted(set(numbers)) or numbers[0] < 1:
        raise ValueError(f"story {raw.get('title')!r}: version numbers must be distinct, ascending and from 1")
    owner = raw.get("owner")  # absent in exports made before owners
    if owner is not None and not (isinstance(owner, str) and USERNAME.match(owner)):
        raise ValueError(f"story {raw.get('title')!r}: owner {owner!r} is not an account name")
    return StoredStory(
        title=str(raw["title"]),
        lp=str(raw["lp"]),
        level=str(raw["level"]),
        tags=split_tags(raw.get("tags")),
        created_at=datetime.fromisoformat(raw["created_at"]),
        updated_at=datetime.fromisoformat(raw["updated_at"]),
        versions=versions,
        owner=owner,
    )
