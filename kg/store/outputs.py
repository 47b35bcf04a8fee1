"""The outputs of a build besides its JSONL files, written from those files and the group-by tables.

RDF and the embedded store stream: the export reads ``entities.jsonl`` and ``triples.jsonl`` a line at a time
and the tables of :mod:`kg.store.tables` (each entity's asserted facts, the articles, the mention counts), in
the order the in-memory exporters write, so the files are the same bytes as ``kg export`` of the same graph.
The HTML view needs its graph in memory: the facts and the entities (without mentions) and the articles'
metadata (without text). Neo4j gets only what changed since the last export to that server
(:mod:`kg.store.delta`).
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.export import Written, get_exporter, in_folder
from kg.graph import KnowledgeGraph, triple_from_dict
from kg.model import Document, Entity, Triple
from kg.store.tables import Tables

if TYPE_CHECKING:
    from kg.ontology import Ontology
    from kg.store.graph import Normalised
    from kg.store.state import Store

__all__ = ["OutputOptions", "entities_of", "triples_of", "write_outputs"]


@dataclass(frozen=True, slots=True)
class OutputOptions:
    """Which outputs a build writes (``kg build --no-rdf`` and friends); ``neo4j`` is a server URI."""

    rdf: bool = True
    rdf_format: str = "turtle"
    html: bool = True
    embedded: bool = True
    neo4j: str | None = None
    neo4j_settings: Any = None  # kg.export.neo4j.Neo4jSettings, when the caller has them

    def key(self) -> tuple[Any, ...]:
        """What the files written depend on (a Neo4j export is not a file)."""
        return (self.rdf, self.rdf_format, self.html, self.embedded)

    def files(self) -> list[str]:
        from kg.export.rdf import rdf_format

        names = ["triples.jsonl", "extractions.jsonl", "entities.jsonl", "documents.jsonl"]
        if self.rdf:
            names.append(f"graph{rdf_format(self.rdf_format).extension}")
        if self.html:
            names.append("graph.html")
        if self.embedded and importlib.util.find_spec("ladybug") is not None:
            names.append("graph.lbug")
        return names

    def to_dict(self) -> dict[str, Any]:
        return {"rdf": self.rdf, "rdf_format": self.rdf_format, "html": self.html, "embedded": self.embedded}

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> OutputOptions:
        return cls(**{k: row[k] for k in ("rdf", "rdf_format", "html", "embedded") if k in row})


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def triples_of(out: Path) -> Iterator[Triple]:
    """The facts of a build folder, one at a time, in id order."""
    for row in _rows(out / "triples.jsonl"):
        yield triple_from_dict(row)


def entities_of(out: Path, mentions: bool = False) -> Iterator[Entity]:
    """The entities of a build folder, without their mentions unless asked, one at a time, in id order."""
    from kg.graph.read import entity_from_dict

    for row in _rows(out / "entities.jsonl"):
        if mentions:
            yield entity_from_dict(row)
            continue
        yield Entity(
            row["id"],
            row["label"],
            row["type"],
            tuple(row.get("aliases", ())),
            note=row.get("note"),
            curation=tuple(row.get("curation", ())),
        )


def _articles(tables: Tables) -> Iterator[tuple[str, Document]]:
    for doc_id, meta in tables.articles():
        yield doc_id, Document.from_dict({**meta, "id": doc_id})


def _with_asserted(out: Path, tables: Tables) -> Iterator[tuple[Entity, list[tuple[str, str]]]]:
    """Every entity with the (relation, object) of the facts it asserts, both streams in id order."""
    asserted = tables.asserted()
    pending = next(asserted, None)
    for entity in entities_of(out):
        while pending is not None and pending[0] < entity.id:
            pending = next(asserted, None)
        mine: list[tuple[str, str]] = []
        if pending is not None and pending[0] == entity.id:
            mine = [(p, o) for p, o, _ in pending[1]]
        yield entity, mine


def _rdf(out: Path, tables: Tables, options: OutputOptions) -> Written:
    from kg.export.rdf import RdfSource, rdf_format, write_rdf

    fmt = rdf_format(options.rdf_format)
    path = in_folder(out, f"graph{fmt.extension}")
    source = RdfSource(_with_asserted(out, tables), _articles(tables), triples_of(out))
    count = write_rdf(source, path, format=fmt.name)
    return Written("rdf", (path,), count, f"RDF: {count:,} triples in {path.name}")


def _property_rows(out: Path, tables: Tables, ontology: Ontology) -> Any:
    from kg.export.cypher import CypherSchema, PropertyRows, document_row, entity_row, relationship_row

    schema = CypherSchema.from_vocabulary(ontology.vocabulary)
    return PropertyRows(
        entities=((schema.label(e.type, e.id), entity_row(e)) for e in entities_of(out)),
        documents=(document_row(doc_id, doc) for doc_id, doc in _articles(tables)),
        relationships=((schema.type_of(t.predicate.id, t.id), relationship_row(t)) for t in triples_of(out)),
        mentions=({"document": d, "entity": e, "count": n} for d, e, n in tables.mention_counts()),
    )


def _embedded(out: Path, tables: Tables, ontology: Ontology, normalised: Normalised) -> Written:
    from kg.export.embedded import write_embedded

    path = write_embedded(_property_rows(out, tables, ontology), out, vocabulary=ontology.vocabulary)
    note = f"{normalised.entities:,} entities, {normalised.triples:,} facts"
    return Written("embedded", (path,), normalised.triples, f"embedded store: {path.name} ({note})")


def _html(out: Path, tables: Tables, ontology: Ontology) -> Written:
    graph = KnowledgeGraph(
        triples=tuple(triples_of(out)),
        entities=tuple(entities_of(out, mentions=True)),  # the view counts each entity's articles
        documents=tuple(doc for _, doc in _articles(tables)),
        ontology=ontology,
    )
    return get_exporter("html").write(graph, out)


def write_outputs(store: Store, ontology: Ontology, options: OutputOptions, normalised: Normalised) -> list[Written]:
    """Every output the options ask for, from the JSONL files and the tables normalisation just wrote."""
    out = store.out
    written: list[Written] = [
        Written("jsonl", tuple(normalised.paths), normalised.triples, f"JSONL: {normalised.triples:,} facts")
    ]
    tables = Tables.open(store.root / "graph.sqlite")
    try:
        if options.rdf:
            written.append(_rdf(out, tables, options))
        if options.html:
            written.append(_html(out, tables, ontology))
        if options.embedded and importlib.util.find_spec("ladybug") is not None:
            written.append(_embedded(out, tables, ontology, normalised))
        if options.neo4j:
            from kg.store.delta import export_delta

            written.append(export_delta(store, _property_rows(out, tables, ontology), ontology, options))
    finally:
        tables.close()
    return written
