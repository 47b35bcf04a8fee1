"""Reading the ontology's tables (TSV with a header, ``#`` comments) with errors that name file and line."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from kg.errors import OntologyError

__all__ = ["read_tsv"]


def read_tsv(path: Path, required: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each data line; OntologyError naming ``path:line`` for a malformed one."""
    # complex: one TSV reader with its line-numbered errors.
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise OntologyError(f"{path}: no such file") from None
    except UnicodeDecodeError as error:
        raise OntologyError(f"{path}: not UTF-8 (bad byte at offset {error.start})") from None
    header: list[str] | None = None
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            missing = [c for c in required if c not in header]
            if missing:
                raise OntologyError(f"{path}:{number}: header lacks column(s) {', '.join(missing)} (tab-separated)")
            continue
        if len(cells) > len(header):
            raise OntologyError(f"{path}:{number}: {len(cells)} columns, the header has {len(header)}")
        row = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))
        empty = [c for c in required if not row[c]]
        if empty:
            raise OntologyError(f"{path}:{number}: empty {', '.join(empty)} (is the line tab-separated?)")
        yield number, row
    if header is None:
        raise OntologyError(f"{path}: empty table (expected a header with {', '.join(required)})")
