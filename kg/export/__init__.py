"""Exporters: the graph out to files and databases, behind one small interface.

Each format module keeps a pure ``generate_*`` (rows, triples, statements) and an I/O ``write_*`` (networkx
``readwrite`` style), and exposes an :class:`Exporter`: ``generate(graph)`` and ``write(graph, target)``,
which returns what it :class:`Written`. Exporters are registered by name and imported on first use, so
``import kg`` stays light and a heavy dependency (rdflib, pyvis, neo4j, ladybug) loads only when used::

    jsonl     triples.jsonl, extractions.jsonl, entities.jsonl, documents.jsonl   (kg.export.jsonl)
    rdf       graph.ttl / .jsonld / .nt / .nq with provenance                     (kg.export.rdf)
    html      graph.html, a self-contained interactive view                       (kg.export.html)
    embedded  graph.lbug, an embedded Cypher store                                (kg.export.embedded)
    neo4j     a Neo4j server over Bolt                                            (kg.export.neo4j)

``kg build`` and ``kg export`` write every output through :func:`get_exporter`. Labels and relation types are
checked against the vocabulary the graph carries (:attr:`KnowledgeGraph.vocabulary`).

>>> exporter = get_exporter("jsonl")
>>> exporter.name, exporter.default_target
('jsonl', '.')
>>> get_exporter("csv")
Traceback (most recent call last):
kg.errors.UsageError: unknown exporter csv (known: embedded, html, jsonl, neo4j, rdf)
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from kg.errors import UsageError

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["EXPORTERS", "Exporter", "Written", "get_exporter"]

EXPORTERS: dict[str, str] = {
    "jsonl": "kg.export.jsonl:EXPORTER",
    "rdf": "kg.export.rdf:EXPORTER",
    "html": "kg.export.html:EXPORTER",
    "embedded": "kg.export.embedded:EXPORTER",
    "neo4j": "kg.export.neo4j:EXPORTER",
}


@dataclass(frozen=True, slots=True)
class Written:
    """What one exporter wrote: the files (none for a database), how many items, and a line for the user."""

    exporter: str
    paths: tuple[Path, ...]
    count: int
    summary: str


class Exporter(Protocol):
    """One output format. ``target`` is a file, a folder (``default_target`` names the file in it) or, for a
    database, its URI."""

    @property
    def name(self) -> str: ...

    @property
    def default_target(self) -> str: ...

    def generate(self, graph: KnowledgeGraph, **options: Any) -> Iterable[Any]:
        """The format's content, without I/O (rows, RDF triples, Cypher statements, the page)."""
        ...

    def write(self, graph: KnowledgeGraph, target: str | Path, **options: Any) -> Written:
        """Write ``graph`` to ``target`` (atomically for files)."""
        ...


def get_exporter(name: str) -> Exporter:
    """The exporter registered under ``name`` (imported on first use)."""
    try:
        target = EXPORTERS[name]
    except KeyError:
        raise UsageError(f"unknown exporter {name} (known: {', '.join(sorted(EXPORTERS))})") from None
    module, _, attr = target.partition(":")
    exporter: Exporter = getattr(importlib.import_module(module), attr)
    return exporter


def in_folder(target: str | Path, default: str) -> Path:
    """``target`` itself when it names a file, else ``default`` inside that folder."""
    path = Path(target)
    return path / default if path.is_dir() or not path.suffix else path
