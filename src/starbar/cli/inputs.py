"""Reading a story from a file or standard input, with clear errors for bad bytes."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError

MAX_BYTES = 2_000_000


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


def read_story(path: str) -> str:
    data, name = read_bytes(path, MAX_BYTES)
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than {MAX_BYTES // 1_000_000} MB; a STAR story is a few hundred words")
    return decode(data, name)
