"""The outputs of a build besides its JSONL files: RDF, the embedded Cypher store, the HTML view, Neo4j."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.export import Written, get_exporter

if TYPE_CHECKING:
    from kg.ontology import Ontology
    from kg.store.graph import Normalised
    from kg.store.state import Store

__all__ = ["OutputOptions", "write_outputs"]


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


def write_outputs(store: Store, ontology: Ontology, options: OutputOptions, normalised: Normalised) -> list[Written]:
    """Every output the options ask for, from the JSONL files just written."""
    from kg.graph import load

    graph = load(store.out)
    object.__setattr__(graph, "ontology", ontology)
    written: list[Written] = [
        Written("jsonl", tuple(normalised.paths), normalised.triples, f"JSONL: {normalised.triples:,} facts")
    ]
    if options.rdf:
        written.append(get_exporter("rdf").write(graph, store.out, format=options.rdf_format))
    if options.html:
        written.append(get_exporter("html").write(graph, store.out))
    if options.embedded and importlib.util.find_spec("ladybug") is not None:
        written.append(get_exporter("embedded").write(graph, store.out))
    if options.neo4j:
        extra = {"settings": options.neo4j_settings} if options.neo4j_settings is not None else {}
        written.append(get_exporter("neo4j").write(graph, options.neo4j, **extra))
    return written
