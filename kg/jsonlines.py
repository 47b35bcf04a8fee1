"""JSON lines, read one way everywhere: corpora, gold files and output folders.

Only ``\\n`` ends a line: ``str.splitlines()`` would also break at U+2028 or U+0085, which are legal raw inside
a JSON string. Errors name ``source:line``.

>>> [(where, row) for where, row in json_lines('{"a": 1}\\n\\n[2]\\n', "f.jsonl")]
[('f.jsonl:1', {'a': 1}), ('f.jsonl:3', [2])]
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import InputError

__all__ = ["json_lines", "read_json_lines"]


def _raise(error: InputError) -> None:
    raise error


def json_lines(
    text: str | Iterable[str], source: str, on_error: Callable[[InputError], None] | None = None
) -> Iterator[tuple[str, Any]]:
    """``(source:line, value)`` for each non-blank line of a text (or of its lines, given one at a time, without
    their ``\\n``); a malformed line goes to ``on_error`` (default: raised)."""
    handle = on_error or _raise
    lines = text.split("\n") if isinstance(text, str) else text
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            handle(InputError(where, f"not valid JSON ({error.msg} at column {error.colno})"))
            continue
        yield where, value


def read_json_lines(path: str | Path) -> Iterator[tuple[str, Any]]:
    """The JSON lines of a UTF-8 file; an unreadable file or a malformed line is an InputError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read ({error})") from None
    yield from json_lines(text, str(path))
