"""The Cypher stores as steps of ``kg build``: the embedded store by default, Neo4j on request."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path

from kg.graph import KnowledgeGraph

__all__ = ["embedded_step", "neo4j_step"]


def embedded_step(
    graph: KnowledgeGraph, out: Path, ontology: Sequence[str | Path], say: Callable[[str], None]
) -> list[Path]:
    """Write ``out/graph.lbug``; without LadybugDB installed, say so and write nothing (the JSONL is there)."""
    if importlib.util.find_spec("ladybug") is None:
        say("  embedded store skipped: LadybugDB is not installed (pip install 'kg[embedded]')")
        return []
    from kg.export.embedded import write_embedded
    from kg.ontology import load_ontology

    return [write_embedded(graph, out, vocabulary=load_ontology(ontology).vocabulary)]


def neo4j_step(graph: KnowledgeGraph, uri: str, ontology: Sequence[str | Path]) -> str:
    """Export to the server at ``uri`` (credentials from the environment); the summary line."""
    from kg.export.neo4j import settings_from_env, write_neo4j
    from kg.ontology import load_ontology

    report = write_neo4j(graph, settings_from_env(uri), vocabulary=load_ontology(ontology).vocabulary)
    return f"exported to Neo4j: {report.summary()}"
