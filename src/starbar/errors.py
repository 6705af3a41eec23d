"""Errors with stable codes: every message says what went wrong and what to do."""

from __future__ import annotations


class StarbarError(Exception):
    """A user-facing error. `code` is stable so scripts and the web app can branch on it."""

    code = "error"
    exit_code = 2

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self)


class InputError(StarbarError):
    """The story text cannot be reviewed (empty, binary, too long, not English...)."""

    code = "bad_input"


class RubricError(StarbarError):
    """A rubric file is malformed: the message names the file and the key."""

    code = "bad_rubric"
    exit_code = 3
