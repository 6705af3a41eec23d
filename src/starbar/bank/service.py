"""The story bank's operations. Each write is one short transaction; reviews run before it.

    from starbar.bank import Bank

    with Bank.open() as bank:                      # $STARBAR_DATABASE_URL or the default file
        v1 = bank.add("Loan drop-off", text, level="L6", tags=["lending"])
        v2 = bank.update(v1.story_id, better_text)
        print(bank.diff(v1.story_id).verdict)      # latest against the one before

Every story method takes `owner`: given, it sees only that account's stories, and another
account's story is "not found", exactly like a missing one; None (the CLI, the local app)
sees every story, as before accounts existed.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import TypeVar

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy import text as sql

from ..errors import InputError
from . import accounts as accounts_mod
from . import checklist as checklist_mod
from . import claims as claims_mod
from . import formats
from .claims import Claim
from .db import (
    StoryNotFound,
    check_integrity,
    check_sqlite_file,
    display,
    errors_as_bank_errors,
    make_engine,
    resolve_url,
    sqlite_path,
    timeout_seconds,
    use_wal,
    with_retries,
)
from .diff import VersionDiff, diff_versions
from .fields import TITLE_MAX, check_level, check_lp, check_short, check_source, check_tags, check_title, in_id_range
from .matrix import Matrix
from .models import stories, story_principles, story_tags, versions
from .records import Story, Version, as_utc
from .schema import upgrade

T = TypeVar("T")
DEFAULT_LP = checklist_mod.CUSTOMER_OBSESSION
__all__ = ["TITLE_MAX", "Bank", "ImportResult"]


@dataclass(frozen=True)
class ImportResult:
    """What an import did: the ids of the stories it stored, and of those already in the bank."""

    stored: list[int]
    skipped: list[int]


def _now() -> datetime:
    return datetime.now(UTC)


def _judge(text: str, level: str, lp: str) -> tuple[str, dict, str, str]:
    """(clean text, review JSON, rubric version, verdict) under the rubric of principle `lp`:
    the review engine, outside any transaction."""
    from ..api import review
    from ..rubric import for_lp, load_rubric

    text = text.strip()
    result = review(text, level, lp=lp)
    return text, result.to_dict(), load_rubric(for_lp(lp)).version, result.verdict


def _fit_claims(text: str) -> tuple[Claim, ...]:
    """The principles `fit` claims for a story's text, outside any transaction."""
    from ..api import fit

    return claims_mod.from_fit(fit(text))


def _claims_for(story: Story, text: str) -> tuple[tuple[Claim, ...], str]:
    """(claims, source) for a new version of `story`: the user's choice keeps, with fresh signals."""
    if story.principles_source == claims_mod.USER:
        from ..api import fit

        return claims_mod.refreshed(story.principles, fit(text)), claims_mod.USER
    return _fit_claims(text), claims_mod.FIT


def _store_claims(conn: Connection, story_id: int, claims: Iterable[Claim], source: str) -> None:
    conn.execute(delete(story_principles).where(story_principles.c.story_id == story_id))
    rows = [{"story_id": story_id, "principle": c.principle, "role": c.role, "signals": c.signals} for c in claims]
    if rows:
        conn.execute(insert(story_principles), rows)
    conn.execute(update(stories).where(stories.c.id == story_id).values(principles_source=source))


def _in_order(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    """Primary first, then by signals, ties in the spec's table order."""
    from .principle_table import principle_table

    order = {p.id: n for n, p in enumerate(principle_table())}
    return tuple(sorted(claims, key=lambda c: (c.role != claims_mod.PRIMARY, -c.signals, order.get(c.principle, 99))))


def _version(row) -> Version:
    return Version(
        story_id=row.story_id,
        number=row.number,
        text=row.text,
        review=row.review,
        rubric_version=row.rubric_version,
        level=row.level,
        verdict=row.verdict,
        source=row.source,
        created_at=as_utc(row.created_at),
    )


def _prepare_import(
    item: formats.NewStory | formats.StoredStory, default_level: str, owner: str | None
) -> formats.StoredStory:
    """The story to store, every field checked as `add` checks it (a new one judged), outside any transaction."""
    title = check_title(item.title)
    tags = check_tags(item.tags)
    if isinstance(item, formats.NewStory):
        story_level = check_level(item.level or default_level)
        lp = check_lp(item.lp or DEFAULT_LP)
        story_text, review, rubric_version, verdict = _judge(item.text, story_level, lp)
        now = _now()
        version = Version(0, 1, story_text, review, rubric_version, story_level, verdict, "import", now)
        return formats.StoredStory(
            title, lp, story_level, tags, now, now, (version,), owner, item.uid, None, _fit_claims(story_text), "fit"
        )
    for v in item.versions:
        if not in_id_range(v.number):
            raise InputError(f"story {title!r}: version number {v.number} is out of range")
        check_level(v.level)
        check_short(v.rubric_version, "rubric version")
        check_short(v.verdict, "verdict")
        check_source(v.source)
    story_id = item.id if item.id is not None and in_id_range(item.id) else None
    story_owner = owner if owner is not None else item.owner
    claims, source = item.principles, item.principles_source
    if source is None:  # an export made before 0006, or of a story fit had not read: read it now
        claims, source = _fit_claims(item.versions[-1].text), claims_mod.FIT
    return formats.StoredStory(
        title,
        check_lp(item.lp),
        check_level(item.level),
        tags,
        item.created_at,
        item.updated_at,
        item.versions,
        story_owner,
        item.uid,
        story_id,
        claims,
        source,
    )


class Bank:
    """A story bank on SQLite or PostgreSQL. Open with `Bank.open(url)`; close or use `with`.

    Every method raises `BankError` (a `StarbarError`) with a one-line message when the
    database is missing, locked, read-only, corrupt or unreachable, `StoryNotFound` for an
    unknown id or version, and `InputError` for a story the review engine cannot judge.
    """

    def __init__(self, engine, where: str, file: str | None = None) -> None:
        self._engine = engine
        self.where = where  # the database as shown to users, password hidden
        self.file = file  # the SQLite file, None on PostgreSQL
        self._backend = engine.dialect.name
        self._integrity_checked = False

    # --- opening --------------------------------------------------------------------------

    @classmethod
    def open(cls, url: str | None = None, *, create: bool = True, timeout: float | None = None) -> Bank:
        """Open the bank at `url` (sqlite:///path, postgresql://user@host/db or a file path);
        None means $STARBAR_DATABASE_URL, else `bank.db` in the user's data directory.

        With `create`, a missing SQLite file is created; without, it is an error (for commands
        that only read). The schema is brought to the latest migration on open. `timeout` is
        how long to wait for a lock or a connection (default $STARBAR_DB_TIMEOUT or 30 s).
        """
        parsed = resolve_url(url)
        where = display(parsed)
        backend = parsed.get_backend_name()
        if backend == "sqlite":
            check_sqlite_file(parsed, create=create)
        engine = make_engine(parsed, timeout if timeout is not None else timeout_seconds())
        try:
            with errors_as_bank_errors(where, backend):
                upgrade(engine, where)
                use_wal(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, where, sqlite_path(parsed) if backend == "sqlite" else None)

    def close(self) -> None:
        """Close the bank's connections (a `with` block does it)."""
        self._engine.dispose()

    def __enter__(self) -> Bank:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @property
    def engine(self):
        """The SQLAlchemy engine (for tests and tools; the methods below are the API)."""
        return self._engine

    # --- transactions ---------------------------------------------------------------------

    def _read(self, work: Callable[[Connection], T]) -> T:
        with errors_as_bank_errors(self.where, self._backend), self._engine.connect() as conn, conn.begin():
            return work(conn)

    def _write(self, work: Callable[[Connection], T]) -> T:
        """Run `work` in one write transaction, again if it lost a race with another writer."""

        def attempt() -> T:
            with self._engine.connect() as conn:
                conn = conn.execution_options(starbar_write=True)
                with conn.begin():
                    return work(conn)

        with errors_as_bank_errors(self.where, self._backend):
            if not self._integrity_checked:  # once per opening: a damaged file takes no writes
                check_integrity(self._engine, self.where)
                self._integrity_checked = True
            return with_retries(attempt)

    # --- writes ---------------------------------------------------------------------------

    def add(
        self,
        title: str,
        text: str,
        *,
        level: str = "L6",
        tags: Iterable[str] = (),
        lp: str = DEFAULT_LP,
        told_for: str | None = None,
        owner: str | None = None,
    ) -> Version:
        """Review `text` at `level` under the rubric of principle `lp` and store it as version 1 of
        a new story of `owner`; returns that version. The story is tagged with the principles
        `fit` finds, or, given `told_for`, with that principle as the user's chosen primary (a
        principle no rubric judges, such as a practice answer's)."""
        title, level, lp, tag_list = check_title(title), check_level(level), check_lp(lp), check_tags(tags)
        text, review, rubric_version, verdict = _judge(text, level, lp)
        if told_for is None:
            claims, source = _fit_claims(text), claims_mod.FIT
        else:
            from ..api import fit

            claims, source = claims_mod.chosen(told_for, (), fit(text)), claims_mod.USER

        def work(conn: Connection) -> Version:
            now = _now()
            story_id = conn.execute(
                insert(stories)
                .values(
                    title=title,
                    lp=lp,
                    level=level,
                    latest_version=1,
                    created_at=now,
                    updated_at=now,
                    owner=owner,
                    uid=str(uuid.uuid4()),
                )
                .returning(stories.c.id)
            ).scalar_one()
            if tag_list:
                conn.execute(insert(story_tags), [{"story_id": story_id, "tag": t} for t in tag_list])
            _store_claims(conn, story_id, claims, source)
            return self._insert_version(conn, story_id, 1, text, review, rubric_version, level, verdict, "add", now)

        return self._write(work)

    def update(
        self,
        story_id: int,
        text: str,
        *,
        level: str | None = None,
        lp: str | None = None,
        owner: str | None = None,
    ) -> Version:
        """Review `text` and store it as the story's next version (at `level`, else the story's
        level; told for principle `lp`, else the story's principle, whose rubric judges it).

        Two writers updating one story at once both succeed: the version counter is taken
        under the story's row lock, so their numbers are distinct and in commit order.
        """
        story = self.story(story_id, owner=owner)
        level = check_level(level) if level else story.level
        lp = check_lp(lp) if lp else story.lp
        text, review, rubric_version, verdict = _judge(text, level, lp)
        claims, source = _claims_for(story, text)

        def work(conn: Connection) -> Version:
            version = self._next_version(
                conn, story_id, owner, text, review, rubric_version, level, verdict, "update", lp
            )
            _store_claims(conn, story_id, claims, source)
            return version

        return self._write(work)

    def delete(self, story_id: int, *, owner: str | None = None) -> Story:
        """Delete a story and all its versions; returns what was deleted."""

        def work(conn: Connection) -> Story:
            story = self._story(conn, story_id, owner)
            conn.execute(delete(versions).where(versions.c.story_id == story_id))
            conn.execute(delete(story_tags).where(story_tags.c.story_id == story_id))
            conn.execute(delete(story_principles).where(story_principles.c.story_id == story_id))
            conn.execute(delete(stories).where(stories.c.id == story_id))
            return story

        return self._write(work)

    def rereview(
        self,
        *,
        level: str | None = None,
        story_ids: Sequence[int] | None = None,
        owner: str | None = None,
    ) -> list[tuple[Story, Version | None]]:
        """Judge every story's latest text again with the current rubric of its principle (at
        `level` if given, which becomes the story's level). A new version keeps the new review; the old ones stay.
        A story whose review would not change gets no new version (None in the result).
        """
        level = check_level(level) if level else None
        chosen = self.list(owner=owner)
        if story_ids is not None:
            unknown = sorted(set(story_ids) - {s.id for s in chosen})
            if unknown:
                raise self._not_found(unknown[0], owner)
            chosen = [s for s in chosen if s.id in story_ids]
        results: builtins.list[tuple[Story, Version | None]] = []
        for story in chosen:
            target = level or story.level
            text, review, rubric_version, verdict = _judge(story.latest.text, target, story.lp)
            claims, source = _claims_for(story, text)
            if (claims, source) != (story.principles, story.principles_source):
                self._write(partial(self._claim, story_id=story.id, owner=owner, claims=claims, source=source))
            old = story.latest
            if review == old.review and rubric_version == old.rubric_version and target == old.level:
                results.append((story, None))
                continue
            new = self._write(
                partial(
                    self._next_version,
                    story_id=story.id,
                    owner=owner,
                    text=text,
                    review=review,
                    rubric_version=rubric_version,
                    level=target,
                    verdict=verdict,
                    source="rereview",
                    lp=story.lp,
                )
            )
            results.append((story, new))
        return results

    def tag(
        self,
        story_id: int,
        *,
        primary: str | None = None,
        secondaries: Sequence[str] = (),
        auto: bool = False,
        owner: str | None = None,
    ) -> Story:
        """Choose the principles a story is told for (kept through new versions), or with `auto`
        go back to the ones `fit` finds in its latest text; returns the story as stored."""
        from ..api import fit

        if auto and (primary or secondaries):
            raise InputError("give --auto alone, or the principles to tag the story with")
        story = self.story(story_id, owner=owner)
        found = fit(story.latest.text)
        if auto:
            claims, source = claims_mod.from_fit(found), claims_mod.FIT
        else:
            claims, source = claims_mod.chosen(primary, secondaries, found), claims_mod.USER
        self._write(partial(self._claim, story_id=story_id, owner=owner, claims=claims, source=source))
        return self.story(story_id, owner=owner)

    def _claim(
        self, conn: Connection, story_id: int, owner: str | None, claims: tuple[Claim, ...], source: str
    ) -> None:
        self._story(conn, story_id, owner)  # deleted meanwhile, or another account's: not found
        _store_claims(conn, story_id, claims, source)

    def import_stories(
        self,
        items: Sequence[formats.NewStory | formats.StoredStory],
        *,
        level: str = "L6",
        owner: str | None = None,
    ) -> ImportResult:
        """Store imported stories (as `owner`'s) in one transaction; says which were stored and which skipped.

        A `NewStory` (from Markdown or CSV) is judged now, at its own level or `level`; a
        `StoredStory` (from a JSON export) keeps its versions, reviews and dates as they were,
        and its exported id when this bank never gave that id to a story.
        A story whose uid the bank already holds (among `owner`'s stories, when given) is
        skipped, so importing an export twice, or into the bank it came from, adds nothing.
        A given `owner` owns every imported story, whatever the file says (no one can plant a
        story into another account by editing an export); with None, a `StoredStory` keeps
        the owner its export recorded, and a `NewStory` has none.
        """
        default_level = check_level(level)
        prepared = [_prepare_import(item, default_level, owner) for item in items]

        def work(conn: Connection) -> ImportResult:
            stored: list[int] = []
            skipped: list[int] = []
            taken: dict[str, int] = {}  # uid -> id, for a file that holds one story twice
            issued = self._highest_issued_id(conn)
            kept_ids = False
            for item in prepared:
                uid = item.uid
                if uid is not None and uid not in taken:
                    row = conn.execute(select(stories.c.id, stories.c.owner).where(stories.c.uid == uid)).one_or_none()
                    if row is not None and (owner is None or row.owner == owner):
                        taken[uid] = row.id
                    elif row is not None:
                        uid = None  # another account's story: this owner's copy is a story of its own
                if uid is not None and uid in taken:
                    skipped.append(taken[uid])
                    continue
                story_uid = uid or str(uuid.uuid4())
                values = {
                    "title": item.title,
                    "lp": item.lp,
                    "level": item.level,
                    "latest_version": item.versions[-1].number,
                    "created_at": item.created_at,
                    "updated_at": item.updated_at,
                    "owner": item.owner,
                    "uid": story_uid,
                }
                if item.id is not None and item.id > issued:
                    values["id"] = item.id
                    kept_ids = True
                story_id = conn.execute(insert(stories).values(**values).returning(stories.c.id)).scalar_one()
                issued = max(issued, story_id)
                taken[story_uid] = story_id
                if item.tags:
                    conn.execute(insert(story_tags), [{"story_id": story_id, "tag": t} for t in item.tags])
                _store_claims(conn, story_id, item.principles, item.principles_source or claims_mod.FIT)
                for v in item.versions:
                    self._insert_version(
                        conn,
                        story_id,
                        v.number,
                        v.text,
                        v.review,
                        v.rubric_version,
                        v.level,
                        v.verdict,
                        v.source,
                        v.created_at,
                    )
                stored.append(story_id)
            if kept_ids and self._backend == "postgresql":
                # Ids given explicitly do not move the sequence: the next `add` must not reuse one.
                conn.execute(sql("SELECT setval(pg_get_serial_sequence('stories', 'id'), :n)"), {"n": issued})
            return ImportResult(stored, skipped)

        return self._write(work)

    def _highest_issued_id(self, conn: Connection) -> int:
        """The highest story id this bank ever gave, deleted stories included (ids are never reused)."""
        highest = conn.execute(select(func.max(stories.c.id))).scalar_one() or 0
        if self._backend == "sqlite":
            seq = conn.execute(sql("SELECT seq FROM sqlite_sequence WHERE name = 'stories'")).scalar_one_or_none()
        else:
            row = conn.execute(sql("SELECT last_value, is_called FROM stories_id_seq")).one()
            seq = row.last_value if row.is_called else row.last_value - 1
        return max(highest, seq or 0)

    # --- reads ----------------------------------------------------------------------------

    def list(self, *, owner: str | None = None) -> list[Story]:
        """Every story (of `owner`) with its latest version, oldest story first."""
        return self._read(lambda conn: self._stories(conn, owner=owner))

    def story(self, story_id: int, *, owner: str | None = None) -> Story:
        """One story with its latest version."""
        return self._read(lambda conn: self._story(conn, story_id, owner))

    def version(self, story_id: int, number: int | None = None, *, owner: str | None = None) -> Version:
        """Version `number` of a story (the latest when None)."""

        def work(conn: Connection) -> Version:
            story = self._story(conn, story_id, owner)
            if number is None:
                return story.latest
            if not in_id_range(number):
                raise StoryNotFound(f"story {story_id} has no version {number} (it has 1 to {story.versions})")
            row = conn.execute(
                select(versions).where(versions.c.story_id == story_id, versions.c.number == number)
            ).one_or_none()
            if row is None:
                raise StoryNotFound(f"story {story_id} has no version {number} (it has 1 to {story.versions})")
            return _version(row)

        return self._read(work)

    def history(self, story_id: int, *, owner: str | None = None) -> builtins.list[Version]:
        """Every version of a story, oldest first."""

        def work(conn: Connection) -> builtins.list[Version]:
            self._story(conn, story_id, owner)
            rows = conn.execute(select(versions).where(versions.c.story_id == story_id).order_by(versions.c.number))
            return [_version(r) for r in rows]

        return self._read(work)

    def diff(
        self, story_id: int, a: int | None = None, b: int | None = None, *, owner: str | None = None
    ) -> VersionDiff:
        """What changed from version `a` to version `b` (default: the one before the latest, and the latest)."""
        if (a is None) != (b is None):
            raise InputError("give two version numbers, or none to compare the last two")
        history = {v.number: v for v in self.history(story_id, owner=owner)}
        if a is None or b is None:
            numbers = sorted(history)
            if len(numbers) < 2:
                raise StoryNotFound(f"story {story_id} has one version; nothing to compare yet")
            a, b = numbers[-2], numbers[-1]
        for n in (a, b):
            if n not in history:
                raise StoryNotFound(f"story {story_id} has no version {n} (it has {min(history)} to {max(history)})")
        return diff_versions(history[a], history[b])

    def checklist(
        self, level: str = "L6", *, fintech: bool = True, manages_people: bool = False, owner: str | None = None
    ) -> checklist_mod.Checklist:
        """The preparation checklist over the whole bank (or `owner`'s stories) at a target level:
        every principle's coverage from the story matrix, and Customer Obsession's rubric items."""
        from ..rubric import load_rubric
        from .matrix_inputs import story_matrix

        level = check_level(level)
        listed = self.list(owner=owner)
        matrix = story_matrix(listed, level, fintech=fintech, manages_people=manages_people)
        return checklist_mod.evaluate(load_rubric(), listed, level, matrix)

    def matrix(
        self, level: str = "L6", *, fintech: bool = True, manages_people: bool = False, owner: str | None = None
    ) -> Matrix:
        """The story matrix of the bank (or `owner`'s stories) at a target level: principles × stories, and the gaps."""
        from .matrix_inputs import story_matrix

        level = check_level(level)
        return story_matrix(self.list(owner=owner), level, fintech=fintech, manages_people=manages_people)

    def export(self, fmt: str = "json", *, owner: str | None = None) -> str:
        """The whole bank (or `owner`'s stories) as text: "json" (every version, lossless), "md" or "csv" (latest texts)."""
        if fmt not in formats.FORMATS:
            raise InputError(f"export format must be one of {', '.join(formats.FORMATS)}")
        if fmt != "json":
            listed = self.list(owner=owner)
            return formats.to_markdown(listed) if fmt == "md" else formats.to_csv(listed)

        def work(conn: Connection) -> str:  # one transaction: a consistent snapshot
            listed = self._stories(conn, owner=owner)
            query = select(versions).order_by(versions.c.story_id, versions.c.number)
            if owner is not None:
                query = query.where(versions.c.story_id.in_(select(stories.c.id).where(stories.c.owner == owner)))
            rows = conn.execute(query).all()
            by_story: dict[int, list[Version]] = {}
            for row in rows:
                by_story.setdefault(row.story_id, []).append(_version(row))
            return formats.to_json([(s, by_story.get(s.id, [])) for s in listed])

        return self._read(work)

    # --- inside a transaction -------------------------------------------------------------

    def _stories(self, conn: Connection, story_id: int | None = None, owner: str | None = None) -> builtins.list[Story]:
        query = (
            select(
                stories,
                versions.c.number,
                versions.c.text,
                versions.c.review,
                versions.c.rubric_version,
                versions.c.level.label("version_level"),
                versions.c.verdict,
                versions.c.source,
                versions.c.created_at.label("version_created_at"),
            )
            .join(versions, (versions.c.story_id == stories.c.id) & (versions.c.number == stories.c.latest_version))
            .order_by(stories.c.id)
        )
        if story_id is not None:
            query = query.where(stories.c.id == story_id)
        if owner is not None:
            query = query.where(stories.c.owner == owner)
        tags: dict[int, list[str]] = {}
        tag_query = select(story_tags).order_by(story_tags.c.story_id, story_tags.c.tag)
        if story_id is not None:
            tag_query = tag_query.where(story_tags.c.story_id == story_id)
        for row in conn.execute(tag_query):
            tags.setdefault(row.story_id, []).append(row.tag)
        claimed: dict[int, list[Claim]] = {}
        claim_query = select(story_principles)
        if story_id is not None:
            claim_query = claim_query.where(story_principles.c.story_id == story_id)
        for row in conn.execute(claim_query):
            claimed.setdefault(row.story_id, []).append(Claim(row.principle, row.role, row.signals))
        return [
            Story(
                id=r.id,
                title=r.title,
                lp=r.lp,
                level=r.level,
                tags=tuple(tags.get(r.id, ())),
                versions=r.latest_version,
                created_at=as_utc(r.created_at),
                updated_at=as_utc(r.updated_at),
                latest=Version(
                    r.id,
                    r.number,
                    r.text,
                    r.review,
                    r.rubric_version,
                    r.version_level,
                    r.verdict,
                    r.source,
                    as_utc(r.version_created_at),
                ),
                owner=r.owner,
                uid=r.uid,
                principles=_in_order(claimed.get(r.id, ())),
                principles_source=r.principles_source,
            )
            for r in conn.execute(query)
        ]

    def _not_found(self, story_id: int, owner: str | None) -> StoryNotFound:
        # Another account's story gets the same answer as a missing one: no hint that it exists.
        if owner is not None:
            return StoryNotFound(f"no story {story_id} in your story bank")
        return StoryNotFound(f"no story {story_id} in the bank at {self.where}; `starbar bank list` shows the ids")

    def _story(self, conn: Connection, story_id: int, owner: str | None = None) -> Story:
        if not in_id_range(story_id):  # no story has it, and the database cannot even compare it
            raise self._not_found(story_id, owner)
        found = self._stories(conn, story_id, owner)
        if not found:
            raise self._not_found(story_id, owner)
        return found[0]

    def _next_version(
        self,
        conn: Connection,
        story_id: int,
        owner: str | None,
        text: str,
        review: dict,
        rubric_version: str,
        level: str,
        verdict: str,
        source: str,
        lp: str,
    ) -> Version:
        # The UPDATE takes the story's row lock (PostgreSQL) inside the write lock (SQLite):
        # a concurrent writer waits here and then reads the incremented counter.
        if not in_id_range(story_id):
            raise self._not_found(story_id, owner)
        owned = stories.c.id == story_id if owner is None else (stories.c.id == story_id) & (stories.c.owner == owner)
        number = conn.execute(
            update(stories)
            .where(owned)
            .values(latest_version=stories.c.latest_version + 1, level=level, lp=lp)
            .returning(stories.c.latest_version)
        ).scalar_one_or_none()
        if number is None:
            raise self._not_found(story_id, owner)
        now = _now()  # read under the lock, so dates follow version numbers
        conn.execute(update(stories).where(stories.c.id == story_id).values(updated_at=now))
        return self._insert_version(conn, story_id, number, text, review, rubric_version, level, verdict, source, now)

    @staticmethod
    def _insert_version(
        conn: Connection,
        story_id: int,
        number: int,
        text: str,
        review: dict,
        rubric_version: str,
        level: str,
        verdict: str,
        source: str,
        created_at: datetime,
    ) -> Version:
        conn.execute(
            insert(versions).values(
                story_id=story_id,
                number=number,
                text=text,
                review=review,
                rubric_version=rubric_version,
                level=level,
                verdict=verdict,
                source=source,
                created_at=created_at,
            )
        )
        return Version(story_id, number, text, review, rubric_version, level, verdict, source, as_utc(created_at))

    def count_versions(self) -> int:
        """How many versions the bank holds, over all stories."""
        return self._read(lambda conn: conn.execute(select(func.count()).select_from(versions)).scalar_one())

    # --- accounts (team mode of the web app) ----------------------------------------------

    def create_account(self, username: str, password_hash: str, *, admin: bool = False) -> accounts_mod.Account:
        """Store a new account; `InputError` for a malformed or taken name. The caller hashes the password."""
        username = accounts_mod.check_username(username)
        return self._write(lambda conn: accounts_mod.create(conn, username, password_hash, admin, _now()))

    def account(self, username: str) -> accounts_mod.Account | None:
        """The account called `username`, or None."""
        return self._read(lambda conn: accounts_mod.find(conn, username))

    def accounts(self) -> builtins.list[accounts_mod.Account]:
        """Every account, by name."""
        return self._read(accounts_mod.every)
