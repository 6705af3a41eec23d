"""The CLI's input handling: a story from a file or standard input, with clear errors for bad
bytes and for files that hold no story (a web page, a lone title); the --level option."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from ..errors import InputError

MAX_BYTES = 2_000_000
# A whole web page starts with its doctype or <html> tag; a story that quotes HTML does not.
_PAGE_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
# A Markdown heading (`# Title`) or a setext underline (`=====`).
_HEADING_LINE = re.compile(r"^\s{0,3}(?:#{1,6}(?:\s.*)?|=+|-+)\s*$")


class LevelType(click.ParamType):
    """L5, L6 or L7 in any case, handed on in upper case."""

    name = "level"

    def get_metavar(self, param, ctx=None) -> str:
        return "[L5|L6|L7]"

    def convert(self, value, param, ctx) -> str:
        from ..judge.facts import LEVELS

        level = str(value).strip().upper()
        if level not in LEVELS:
            self.fail(f"{value!r} is not a level; use {', '.join(LEVELS[:-1])} or {LEVELS[-1]}", param, ctx)
        return level


LEVEL = LevelType()


def decode(data: bytes, name: str, what: str = "story") -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks binary, not a text {what}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start}); save the {what} as UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(path: str, limit: int | None = None) -> tuple[bytes, str]:
    """The bytes of a file, or of standard input for '-', and the name to put in errors.

    With a `limit`, one byte more is read, so a caller can tell an oversized input apart.
    """
    size = -1 if limit is None else limit + 1
    if path == "-":
        return sys.stdin.buffer.read(size), "standard input"
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{path}: is a folder; give a file")
    try:
        with p.open("rb") as fh:
            return fh.read(size), path
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def refuse_non_story(text: str, name: str) -> None:
    """An `InputError` for a file that holds no story to judge: a whole HTML page, or only a title."""
    if _PAGE_START.match(text):
        raise InputError(
            f"{name}: is an HTML page, not a story; save the story's text as plain text or Markdown and give that"
        )
    lines = [line for line in text.split("\n") if line.strip()]
    if lines and all(_HEADING_LINE.match(line) for line in lines):
        title = lines[0].strip().lstrip("#").strip()
        raise InputError(f"{name}: holds only a title ({title[:60]!r}) and no story; write the story under it")


def read_story(path: str) -> str:
    """The story in the file at `path` ('-': standard input) as text, or an `InputError` saying
    why it cannot be one (missing, a folder, too large, binary, not UTF-8, a web page, a lone title)."""
    data, name = read_bytes(path, MAX_BYTES)
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than {MAX_BYTES // 1_000_000} MB; a STAR story is a few hundred words")
    text = decode(data, name)
    refuse_non_story(text, name)
    return text
