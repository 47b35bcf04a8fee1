"""Exporters: the graph out to files and databases.

One module per format, each with a pure ``generate_*`` (rows, triples, statements) and an I/O ``write_*``
(networkx ``readwrite`` style). Writers are registered by name and imported on first use, so ``import kg``
stays light and an exporter's heavy dependency (rdflib, pyvis, neo4j, ladybug) loads only when used::

    jsonl     triples.jsonl, extractions.jsonl, entities.jsonl, documents.jsonl   (kg.export.jsonl)
    rdf       graph.ttl / .jsonld / .nt / .nq with provenance                     (kg.export.rdf)
    html      graph.html, a self-contained interactive view                       (kg.export.html)
    embedded  graph.lbug, an embedded Cypher store                                (kg.export.embedded)
    neo4j     a Neo4j server over Bolt                                            (kg.export.neo4j)

Every writer takes the :class:`~kg.graph.KnowledgeGraph` first and a destination second.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__all__ = ["WRITERS", "get_writer"]

WRITERS: dict[str, str] = {
    "jsonl": "kg.export.jsonl:write_outputs",
    "rdf": "kg.export.rdf:write_rdf",
    "html": "kg.export.html:write_html",
    "embedded": "kg.export.embedded:write_embedded",
    "neo4j": "kg.export.neo4j:write_neo4j",
}


def get_writer(name: str) -> Callable[..., Any]:
    """The writer registered under ``name``.

    >>> get_writer("jsonl").__name__
    'write_outputs'
    """
    try:
        target = WRITERS[name]
    except KeyError:
        raise KeyError(f"unknown exporter {name!r} (known: {', '.join(sorted(WRITERS))})") from None
    module, _, attr = target.partition(":")
    writer: Callable[..., Any] = getattr(importlib.import_module(module), attr)
    return writer
