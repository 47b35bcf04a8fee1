"""Every exception kg raises on purpose, in one tree.

::

    KgError                      anything kg reports as a one-line error (the CLI prints it, exits 1)
    ├── InputError               an input cannot be read: missing path, binary, bad UTF-8, bad JSONL line...
    ├── ModelError               no spaCy pipeline could be loaded
    ├── OntologyError            a vocabulary, alias or lexicon file is malformed (names the file and line)
    ├── OutputError              an output directory or file cannot be written or read back
    ├── ExportError              an exporter failed
    │   └── DatabaseError        a graph database refused: unreachable, bad credentials, missing database
    ├── QueryError               a Cypher or SPARQL query was rejected
    └── UsageError               an option names something kg does not have (an unknown extractor, ...)

Each message is written to stand alone on one line.

>>> try:
...     raise InputError("corpus.jsonl:3", "a line must be a JSON object")
... except KgError as error:
...     print(error)
corpus.jsonl:3: a line must be a JSON object
"""

from __future__ import annotations

__all__ = [
    "DatabaseError",
    "ExportError",
    "InputError",
    "KgError",
    "ModelError",
    "OntologyError",
    "OutputError",
    "QueryError",
    "UsageError",
]


class KgError(Exception):
    """Base class: an error kg can explain in one line."""


class InputError(KgError):
    """An input could not be read; ``source`` names the file (and line)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelError(KgError):
    """No spaCy pipeline could be loaded."""


class OntologyError(KgError):
    """A vocabulary file is malformed."""


class OutputError(KgError):
    """An output could not be written or read back."""


class ExportError(KgError):
    """An exporter failed."""


class DatabaseError(ExportError):
    """A graph database refused the connection or the request."""


class QueryError(KgError):
    """A query was rejected by the engine."""


class UsageError(KgError):
    """An option or argument names something kg does not have; raised before any work is done."""
