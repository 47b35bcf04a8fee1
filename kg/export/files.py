"""The one helper every file writer shares: accept a path or an open file, and never leave half a file.

A path is written to a temporary name beside it and moved into place when complete (``os.replace`` is
atomic on one filesystem), so an interrupted run keeps the previous output intact.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from kg.errors import OutputError

__all__ = ["PathOrFile", "atomic_path", "open_output"]

PathOrFile = str | Path | IO[str]


@contextmanager
def open_output(target: PathOrFile) -> Iterator[IO[str]]:
    """Yield a text handle for ``target``: the open file itself, or a temporary file renamed on success."""
    if not isinstance(target, (str, Path)):
        yield target
        return
    with atomic_path(Path(target)) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as handle:
        yield handle


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` that replaces it when the block succeeds, and is removed otherwise."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None
    os.close(fd)
    tmp = Path(name)
    try:
        # mkstemp creates the file readable by its owner only; give the output the mode a plain open() would.
        tmp.chmod(path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
        yield tmp
        try:
            os.replace(tmp, path)
        except OSError as error:  # e.g. a folder already has the output's name
            raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None
    finally:
        if tmp.exists():
            tmp.unlink()


def _umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it; put it straight back
    os.umask(mask)
    return mask
