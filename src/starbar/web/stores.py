"""The story bank and the team accounts behind the app, opened once on first use.

`UserBank` is the bank as one user sees it: in team mode only the stories that user owns
(the bank filters by `owner`); in local mode every story (the CLI's too). Pages and the
API go through it, so no handler can reach another user's story.
"""

from __future__ import annotations

import builtins
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fastapi import Request

from ..bank import Bank, Checklist, Story, Version, VersionDiff
from ..bank.matrix import Matrix
from ..bank.service import DEFAULT_LP
from ..bank.sessions import SignIns
from ..errors import InputError
from .auth import Accounts, User
from .settings import Settings

_lock = threading.Lock()


@dataclass(frozen=True)
class Stores:
    bank: Bank
    accounts: Accounts
    sign_ins: SignIns

    def close(self) -> None:
        self.bank.close()


def open_stores(settings: Settings) -> Stores:
    bank = Bank.open(settings.database_url)  # creates and migrates the bank, accounts included
    return Stores(bank, Accounts(bank), SignIns(bank))


def stores(request: Request) -> Stores:
    state = request.app.state
    if state.stores is None:
        with _lock:
            if state.stores is None:
                state.stores = open_stores(state.settings)
    return state.stores


class UserBank:
    """The bank's API with the owner bound (None: every story)."""

    def __init__(self, bank: Bank, owner: str | None) -> None:
        self.bank = bank
        self.owner = owner

    def add(
        self,
        title: str,
        text: str,
        *,
        level: str = "L6",
        lp: str = DEFAULT_LP,
        tags: Iterable[str] = (),
        told_for: str | None = None,
    ) -> Version:
        if not title.strip():
            raise InputError("give the story a title")
        return self.bank.add(title, text, level=level, lp=lp, tags=tags, told_for=told_for, owner=self.owner)

    def list(self) -> list[Story]:
        return self.bank.list(owner=self.owner)

    def story(self, story_id: int) -> Story:
        return self.bank.story(story_id, owner=self.owner)

    def update(self, story_id: int, text: str, *, level: str | None = None, lp: str | None = None) -> Version:
        return self.bank.update(story_id, text, level=level, lp=lp, owner=self.owner)

    def tag(
        self, story_id: int, *, primary: str | None = None, secondaries: Sequence[str] = (), auto: bool = False
    ) -> Story:
        return self.bank.tag(story_id, primary=primary, secondaries=secondaries, auto=auto, owner=self.owner)

    def delete(self, story_id: int) -> Story:
        return self.bank.delete(story_id, owner=self.owner)

    # `builtins.`: inside this class `list` names the method above.
    def history(self, story_id: int) -> builtins.list[Version]:
        return self.bank.history(story_id, owner=self.owner)

    def version(self, story_id: int, number: int | None = None) -> Version:
        return self.bank.version(story_id, number, owner=self.owner)

    def diff(self, story_id: int, a: int | None = None, b: int | None = None) -> VersionDiff:
        return self.bank.diff(story_id, a, b, owner=self.owner)

    def matrix(self, level: str = "L6", *, fintech: bool = True, manages_people: bool = False) -> Matrix:
        return self.bank.matrix(level, fintech=fintech, manages_people=manages_people, owner=self.owner)

    def checklist(self, level: str = "L6", *, fintech: bool = True, manages_people: bool = False) -> Checklist:
        return self.bank.checklist(level, fintech=fintech, manages_people=manages_people, owner=self.owner)


def user_bank(request: Request, user: User) -> UserBank:
    return UserBank(stores(request).bank, user.name if request.app.state.settings.team else None)
