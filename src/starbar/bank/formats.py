"""Import and export formats. Pure: text in, records out, and back.

Every format re-imports to the same bank: a story's `uid` travels with it, so importing an
export into the bank it came from (or importing it twice) adds nothing.

- JSON is lossless: every story with every version, its review and rubric version, its id and
  uid, its owner (the account's name; null for a story without one, and in exports made
  before owners), and the principles it is claimed for with who chose them (absent in exports
  made before 0006: fit reads the story on import).
- Markdown holds one story per `## Title` section, its STAR headings inside (a `##` heading
  named Situation, Task, Action or Result stays inside the story), and a comment with its
  title, tags, level and uid. In an export, a story's own lines that begin with `##` get one
  more leading backslash (`\\## Notes`), so no heading in a story can split it; import takes
  the backslash off again.
- CSV has the columns title, text, tags (separated by `;` or `,`), and optionally lp, level,
  uid. An export writes the tags as a JSON list (`["a, b", "c"]`) when a tag holds `,` or `;`.
Markdown and CSV carry each story's latest text; importing them judges the stories afresh.
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from ..errors import InputError
from .accounts import USERNAME
from .claims import SOURCES, Claim, check_claims
from .records import Story, Version, iso

T = TypeVar("T")
EXPORT_FORMAT = "starbar-bank"
EXPORT_VERSION = 1
FORMATS = ("md", "json", "csv")
_SECTION = re.compile(r"^##(?!#)\s*(.+?)\s*#*\s*$")
_STAR_HEADING = re.compile(r"^\**\s*(situation|task|actions?|results?|[star])\s*\**\s*:?\s*$", re.I)
_META = re.compile(r"^<!--\s*starbar:\s*(\{.*\})\s*-->\s*$")
# A story line that would read as a heading: escaped on export with one more backslash.
_ESCAPABLE = re.compile(r"^(\\*)##", re.M)
_ESCAPED = re.compile(r"^\\(\\*)##", re.M)


@dataclass(frozen=True)
class NewStory:
    """A story to import without versions: it is judged when stored."""

    title: str
    text: str
    tags: tuple[str, ...] = ()
    lp: str | None = None
    level: str | None = None
    uid: str | None = None  # the story's identity in the bank it was exported from


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
    uid: str | None = None  # absent in exports made before uids
    id: int | None = None  # its id in the exported bank, kept on import when this bank never used it
    principles: tuple[Claim, ...] = ()
    principles_source: str | None = None  # None: absent from the export (made before 0006), or never read by fit


def split_tags(raw: str | list | tuple | None) -> tuple[str, ...]:
    """Tags from a list, or from text separated by `;` or `,`, or from a JSON list (CSV exports)."""
    if isinstance(raw, str) and raw.strip().startswith("["):
        try:
            listed = json.loads(raw)
        except json.JSONDecodeError:
            listed = None
        if isinstance(listed, list) and all(isinstance(t, str) for t in listed):
            raw = listed
    items = raw if isinstance(raw, (list, tuple)) else re.split(r"[;,]", raw or "")
    return tuple(sorted({str(t).strip() for t in items if str(t).strip()}))


def join_tags(tags: tuple[str, ...]) -> str:
    """Tags as one CSV cell that `split_tags` reads back to the same tags."""
    if any(re.search(r"[;,]", t) for t in tags) or (tags and tags[0].startswith("[")):
        return json.dumps(list(tags), ensure_ascii=False)
    return ";".join(tags)


def check_uid(raw: object, title: str) -> str | None:
    """A story uid from a file in canonical UUID form; None when absent; an `InputError` when not a UUID."""
    if raw is None or raw == "":
        return None
    try:
        return str(uuid.UUID(str(raw)))
    except ValueError:
        raise InputError(f"story {title!r}: uid {str(raw)[:40]!r} is not a UUID") from None


def format_for(path: str, fmt: str | None) -> str:
    """The import format: `fmt` when given, else guessed from the file name's extension."""
    if fmt:
        return fmt
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    found = {"md": "md", "markdown": "md", "txt": "md", "csv": "csv", "json": "json"}.get(suffix)
    if found is None:
        raise InputError(f"{path}: cannot tell the format from the name; give --format md, csv or json")
    return found


# --- Markdown -----------------------------------------------------------------------------


def parse_markdown(text: str, name: str = "input") -> list[NewStory]:
    """The stories of a Markdown file, one per `## Title` section (an export's or hand-written)."""
    sections: list[tuple[str, list[str]]] = []
    # Only "\n" ends a line: splitlines() would also split a story at U+2028 and other separators.
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    for i, line in enumerate(lines):
        heading = _SECTION.match(line)
        # A heading over a starbar comment always starts a story (an export's title may read "Result").
        exported = i + 1 < len(lines) and bool(_META.match(lines[i + 1]))
        if heading and (exported or not _STAR_HEADING.match(heading.group(1))):
            sections.append((heading.group(1), []))
        elif sections:
            sections[-1][1].append(line)
    if not sections:
        raise InputError(f"{name}: no `## Title` section; put each story under a `## Its title` heading")
    stories = []
    for title, lines in sections:
        meta: dict = {}
        body = "\n".join(lines).strip()
        first, _, rest = body.partition("\n")
        found = _META.match(first)
        if found:
            try:
                meta = json.loads(found.group(1))
            except json.JSONDecodeError:
                raise InputError(f"{name}: story {title!r}: the starbar comment is not valid JSON") from None
            if not isinstance(meta, dict):
                raise InputError(f"{name}: story {title!r}: the starbar comment is not a JSON object")
            body = _ESCAPED.sub(r"\1##", rest.strip())  # only an export escapes its lines
            title = str(meta.get("title") or title)
        if not body:
            raise InputError(f"{name}: story {title!r} has no text")
        stories.append(
            NewStory(
                title,
                body,
                split_tags(meta.get("tags")),
                meta.get("lp"),
                meta.get("level"),
                check_uid(meta.get("uid"), title),
            )
        )
    return stories


def to_markdown(stories: list[Story]) -> str:
    """Each story's latest text as Markdown that `parse_markdown` reads back to the same stories."""
    parts = ["# Story bank\n"]
    for s in stories:
        meta = {"title": s.title, "lp": s.lp, "level": s.level, "tags": list(s.tags), "id": s.id, "uid": s.uid}
        # `--` may not appear inside an HTML comment; JSON escapes it as `-\u002d`.
        comment = json.dumps(meta, ensure_ascii=False).replace("--", "-\\u002d")
        body = _ESCAPABLE.sub(r"\\\1##", s.latest.text)
        parts.append(f"## {s.title}\n<!-- starbar: {comment} -->\n\n{body}\n")
    return "\n".join(parts)


# --- CSV ----------------------------------------------------------------------------------


def parse_csv(text: str, name: str = "input") -> list[NewStory]:
    """The stories of a CSV file with the columns title and text (and optionally tags, lp, level, uid)."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
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
            NewStory(
                get("title"),
                get("text"),
                split_tags(get("tags")),
                get("lp") or None,
                get("level") or None,
                check_uid(get("uid"), get("title")),
            )
        )
    if not stories:
        raise InputError(f"{name}: no stories in the CSV")
    return stories


def to_csv(stories: list[Story]) -> str:
    """Each story's latest text as CSV that `parse_csv` reads back to the same stories."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["title", "text", "tags", "lp", "level", "uid"])
    for s in stories:
        writer.writerow([s.title, s.latest.text, join_tags(s.tags), s.lp, s.level, s.uid])
    return out.getvalue()


# --- JSON ---------------------------------------------------------------------------------


def to_json(stories: list[tuple[Story, list[Version]]]) -> str:
    """Every story with all its versions and reviews, as the lossless JSON export."""
    data = {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_VERSION,
        "stories": [
            {
                "id": s.id,
                "uid": s.uid,
                "title": s.title,
                "lp": s.lp,
                "level": s.level,
                "tags": list(s.tags),
                "created_at": iso(s.created_at),
                "updated_at": iso(s.updated_at),
                "owner": s.owner,
                "principles_source": s.principles_source,
                "principles": [c.to_dict() for c in s.principles],
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
    """The stories of a JSON export; an `InputError` naming the story and field when one is malformed."""
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
    stories = data.get("stories")
    if not isinstance(stories, list):
        raise InputError(f"{name}: the export is incomplete: 'stories' is missing or not a list")
    return [_stored_story(raw, f"{name}: story {n}") for n, raw in enumerate(stories, 1)]


_KINDS = {str: "text", int: "a whole number", dict: "a JSON object", list: "a JSON list", datetime: "an ISO 8601 time"}


def _optional(raw: object, key: str, kind: type[T], where: str) -> T | None:
    """raw[key] as `kind` (None when absent), or an InputError naming the story and the field."""
    if not isinstance(raw, dict):
        raise InputError(f"{where} is malformed: not a JSON object")
    value = raw.get(key)
    if value is None:
        return None
    if kind is datetime and isinstance(value, str):
        try:
            return datetime.fromisoformat(value)  # type: ignore[return-value]
        except ValueError:
            pass
    elif isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    raise InputError(f"{where} is malformed: '{key}' is {str(value)[:40]!r}, not {_KINDS[kind]}")


def _field(raw: object, key: str, kind: type[T], where: str) -> T:
    value = _optional(raw, key, kind, where)
    if value is None:
        raise InputError(f"{where} is incomplete: '{key}' is missing")
    return value


def _stored_story(raw: object, where: str) -> StoredStory:
    title = _field(raw, "title", str, where)
    where = f"{where} ({title[:40]!r})"
    versions = []
    for n, v in enumerate(_field(raw, "versions", list, where), 1):
        at = f"{where}, version {n}"
        versions.append(
            Version(
                story_id=0,
                number=_field(v, "number", int, at),
                text=_field(v, "text", str, at),
                review=_field(v, "review", dict, at),
                rubric_version=_field(v, "rubric_version", str, at),
                level=_field(v, "level", str, at),
                verdict=_field(v, "verdict", str, at),
                source=_optional(v, "source", str, at) or "import",
                created_at=_field(v, "created_at", datetime, at),
            )
        )
    numbers = [v.number for v in versions]
    if not numbers or numbers != sorted(set(numbers)) or numbers[0] < 1:
        raise InputError(f"{where} is malformed: version numbers must be distinct, ascending and from 1")
    owner = raw.get("owner") if isinstance(raw, dict) else None  # absent in exports made before owners
    if owner is not None and not (isinstance(owner, str) and USERNAME.match(owner)):
        raise InputError(f"{where}: owner {owner!r} is not an account name")
    story_id = _optional(raw, "id", int, where)
    source = _optional(raw, "principles_source", str, where)
    if source is not None and source not in SOURCES:
        raise InputError(
            f"{where} is malformed: 'principles_source' is {source[:20]!r}, not one of {', '.join(SOURCES)}"
        )
    return StoredStory(
        title=title,
        lp=_field(raw, "lp", str, where),
        level=_field(raw, "level", str, where),
        tags=split_tags(_optional(raw, "tags", list, where)),
        created_at=_field(raw, "created_at", datetime, where),
        updated_at=_field(raw, "updated_at", datetime, where),
        versions=tuple(versions),
        owner=owner,
        uid=check_uid(_optional(raw, "uid", str, where), title),
        id=story_id,
        principles=check_claims(_optional(raw, "principles", list, where) or [], where),
        principles_source=source,
    )
