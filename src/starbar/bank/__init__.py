"""The story bank: every version of every story, with the review that judged it.

The Python API used by the CLI, the web app and the practice mode:

    from starbar.bank import Bank

    with Bank.open("sqlite:///bank.db") as bank:   # or postgresql://user@host/db, or None
        v = bank.add("Loan drop-off", text, level="L6", tags=["lending"], lp="customer-obsession")
        bank.update(v.story_id, new_text)            # -> Version 2
        bank.list()                                  # [Story] with .latest: Version
        bank.history(v.story_id)                     # [Version], oldest first
        bank.diff(v.story_id, 1, 2)                  # VersionDiff: words, dimensions, flags, verdict
        bank.checklist("L6")                         # Checklist over the whole bank
        bank.list(owner="alice")                     # only alice's stories (every method takes owner=)
        bank.create_account("alice", password_hash)  # team accounts: account(name), accounts()

Importing this package imports SQLAlchemy; `starbar review` never does.
"""

from .accounts import Account
from .checklist import Checklist
from .db import BankError, StoryNotFound
from .diff import VersionDiff
from .records import Story, Version
from .service import Bank

__all__ = ["Account", "Bank", "BankError", "Checklist", "Story", "StoryNotFound", "Version", "VersionDiff"]
