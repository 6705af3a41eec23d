"""Writing a file the user named: never onto a database, and never half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import InputError

# Files SQLite keeps beside a database; overwriting one damages the database too.
_SIDECARS = ("-wal", "-shm", "-journal")


def _is_sqlite_file(path: Path) -> bool:
    from ..bank.db import SQLITE_MAGIC

    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def refuse_database_target(output: Path, bank_file: str | None) -> None:
    """An `InputError` when `output` is the bank's file (or one beside it) or any SQLite database."""
    target = output.expanduser().resolve()
    if bank_file is not None:
        bank = Path(bank_file).expanduser().resolve()
        if target in {bank, *(bank.with_name(bank.name + s) for s in _SIDECARS)}:
            raise InputError(f"{output}: is the story bank's own file; export to another file")
    if _is_sqlite_file(target) or any(
        target.name.endswith(s) and _is_sqlite_file(target.with_name(target.name.removesuffix(s))) for s in _SIDECARS
    ):
        raise InputError(f"{output}: is a database file; an export never overwrites one, so name another file")


def write_atomically(output: Path, text: str) -> None:
    """Write `text` to a temporary file beside `output`, then rename it over: readers and a
    crash see the old file or the new one, never a part."""
    folder = output.parent
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise InputError(f"{output}: cannot write in {folder} ({err.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if output.exists():
            os.chmod(temp, output.stat().st_mode & 0o777)
        os.replace(temp, output)
    except OSError as err:
        Path(temp).unlink(missing_ok=True)
        raise InputError(f"{output}: cannot write ({err.strerror})") from None
