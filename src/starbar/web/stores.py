"""The story bank and the team accounts behind the app, opened once on first use.

`UserBank` is the bank as one user sees it: in team mode only the stories that user
created; in local mode every story (the CLI's too). Pages and the API go through it, so
no handler can reach another user's story.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import sqlalchemy as sa
from fastapi import Request

from ..bank import Bank, Checklist, Story, StoryNotFound, Version, VersionDiff
from ..bank import checklist as checklist_mod
from . import tables
from .auth import Accounts, User
from .settings import Settings

_lock = threading.Lock()


@dataclass(frozen=True)
class Stores:
    bank: Bank
    accounts: Accounts

    def close(self) -> None:
        self.bank.close()


def open_stores(settings: Settings) -> Stores:
    bank = Bank.open(settings.database_url)  # creates and migrates the bank first
    tables.create(bank.engine)
    return Stores(bank, Accounts(bank.engine))


@contextmanager
def accounts_of(settings: Settings) -> Iterator[Accounts]:
    """For the CLI (`starbar users`): the accounts in the bank's database, closed after use."""
    opened = open_stores(settings)
    try:
        yield opened.accounts
    finally:
        opened.close()


def stores(request: Request) -> Stores:
    state = request.app.state
    if state.stores is None:
        with _lock:
            if state.stores is None:
                state.stores = open_stores(state.settings)
    return state.stores


class UserBank:
    """The bank's API, limited to one owner's stories (owner None: all of them)."""

    def __init__(self, bank: Bank, owner: str | None) -> None:
        self.bank = bank
        self.owner = owner

    def _owned_ids(self) -> set[int] | None:
        if self.owner is None:
            return None
        with self.bank.engine.connect() as conn:
            query = sa.select(tables.story_owners.c.story_id).where(tables.story_owners.c.owner == self.owner)
            return set(conn.execute(query).scalars())

    def _check(self, story_id: int) -> None:
        owned = self._owned_ids()
        if owned is not None and story_id not in owned:
            # The same answer as for a story that does not exist: no hint that it does.
            raise StoryNotFound(f"no story {story_id} in your story bank")

    def add(self, title: str, text: str, *, level: str = "L6", tags: Iterable[str] = ()) -> Version:
        version = self.bank.add(title, text, level=level, tags=tags)
        if self.owner is not None:
            owners = tables.story_owners
            with self.bank.engine.begin() as conn:
                # SQLite may reuse the id of a story deleted from the CLI: its old owner row goes.
                conn.execute(owners.delete().where(owners.c.story_id == version.story_id))
                conn.execute(owners.insert().values(story_id=version.story_id, owner=self.owner))
        return version

    def list(self) -> list[Story]:
        owned = self._owned_ids()
        return [s for s in self.bank.list() if owned is None or s.id in owned]

    def story(self, story_id: int) -> Story:
        self._check(story_id)
        return self.bank.story(story_id)

    def update(self, story_id: int, text: str, *, level: str | None = None) -> Version:
        self._check(story_id)
        return self.bank.update(story_id, text, level=level)

    def history(self, story_id: int) -> list[Version]:
        self._check(story_id)
        return self.bank.history(story_id)

    def version(self, story_id: int, number: int | None = None) -> Version:
        self._check(story_id)
        return self.bank.version(story_id, number)

    def diff(self, story_id: int, a: int | None = None, b: int | None = None) -> VersionDiff:
        self._check(story_id)
        return self.bank.diff(story_id, a, b)

    def checklist(self, level: str = "L6") -> Checklist:
        if self.owner is None:
            return self.bank.checklist(level)
        from ..rubric import load_rubric

        return checklist_mod.evaluate(load_rubric(), self.list(), level)


def user_bank(request: Request, user: User) -> UserBank:
    return UserBank(stores(request).bank, user.name if request.app.state.settings.team else None)
