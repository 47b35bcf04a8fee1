"""JSON lines: the contract files other tools read.

``triples.jsonl`` (one normalised triple a line, sorted by id), ``extractions.jsonl`` (surface extractions in
reading order, what Open IE benchmarks score), ``entities.jsonl`` (entities with their merge trace) and
``documents.jsonl`` (document metadata, language, dateline and the text evidence offsets point into).
Output is deterministic: the same input gives the same bytes.

>>> import io
>>> from kg.model import Entity, Relation, Triple
>>> lee, acme = Entity("lee", "Ann Lee", "Person"), Entity("acme", "Acme", "Organization")
>>> graph = KnowledgeGraph(triples=(Triple("t1", lee, Relation("kg:leads", "leads"), acme, 0.9),))
>>> buffer = io.StringIO()
>>> write_jsonl(generate_triples(graph), buffer)
1
>>> row = json.loads(buffer.getvalue())
>>> row["subject"]["label"], row["predicate"]["id"], row["object"]["label"]
('Ann Lee', 'kg:leads', 'Acme')
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.export import Written
from kg.export.files import PathOrFile, open_output
from kg.graph import KnowledgeGraph

__all__ = [
    "generate_documents",
    "generate_entities",
    "generate_extractions",
    "generate_triples",
    "write_jsonl",
    "write_outputs",
]


def _line(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False) + "\n"


def generate_triples(graph: KnowledgeGraph) -> Iterator[dict[str, Any]]:
    for triple in sorted(graph.triples, key=lambda t: t.id):
        yield triple.to_dict()


def generate_extractions(graph: KnowledgeGraph) -> Iterator[dict[str, Any]]:
    for extraction in graph.extractions:
        yield extraction.to_dict()


def generate_entities(graph: KnowledgeGraph) -> Iterator[dict[str, Any]]:
    for entity in sorted(graph.entities, key=lambda e: e.id):
        yield entity.to_dict(mentions=True)


def generate_documents(graph: KnowledgeGraph) -> Iterator[dict[str, Any]]:
    for document in graph.documents:
        yield document.to_dict()


def write_jsonl(rows: Iterable[dict[str, Any]], target: PathOrFile) -> int:
    """Write rows as JSON lines; returns how many."""
    count = 0
    with open_output(target) as handle:
        for row in rows:
            handle.write(_line(row))
            count += 1
    return count


def write_outputs(graph: KnowledgeGraph, folder: str | Path) -> list[Path]:
    """The four JSONL files of an output folder."""
    folder = Path(folder)
    paths = []
    for name, rows in EXPORTER.generate(graph):
        write_jsonl(rows, folder / name)
        paths.append(folder / name)
    return paths


class JsonlExporter:
    """The four JSON-lines files of an output folder."""

    name = "jsonl"
    default_target = "."

    def generate(self, graph: KnowledgeGraph, **options: Any) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
        yield "triples.jsonl", generate_triples(graph)
        yield "extractions.jsonl", generate_extractions(graph)
        yield "entities.jsonl", generate_entities(graph)
        yield "documents.jsonl", generate_documents(graph)

    def write(self, graph: KnowledgeGraph, target: str | Path, **options: Any) -> Written:
        paths = write_outputs(graph, target)
        return Written(self.name, tuple(paths), len(graph.triples), f"JSONL: {len(graph.triples):,} facts")


EXPORTER = JsonlExporter()
