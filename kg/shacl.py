"""SHACL validation of the RDF export against ``ontology/shapes.ttl`` (pyshacl, the ``shacl`` extra).

The ontology is mixed into the data while validating, so that the shapes can ask whether a type is a class
of the ontology (``rdfs:subClassOf*`` reaches ``kg:Entity``) and a predicate one of its relations.

>>> from kg import Entity, Evidence, KnowledgeGraph, Relation, Triple
>>> from kg.export.rdf import generate_rdf
>>> ev = Evidence("d1", "A backs B.", 0, 10, "A", 0, 1, "B", 8, 9, "kg.svo.v1")
>>> t = Triple("st-1", Entity("a", "A", "Person"), Relation("kg:supports", "supports"), Entity("b", "B", "Person"),
...            0.9, evidence=(ev,))
>>> validate_rdf(generate_rdf(KnowledgeGraph(triples=(t,))))
[]
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ExportError, OutputError

if TYPE_CHECKING:
    import rdflib
    from rdflib.term import Node

__all__ = ["Violation", "load_shapes", "validate_rdf"]


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result: the node that failed, the property path, and what the shape says."""

    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"

    def line(self) -> str:
        value = f" (value: {self.value})" if self.value and self.value != self.focus else ""
        return f"{self.severity}: {self.focus} {self.path or '-'}: {self.message}{value}"


def load_shapes(path: str | Path | None = None) -> rdflib.Graph:
    """The shapes graph: ``shapes.ttl`` of the built-in ontology folder, or the given file."""
    import rdflib

    from kg.resources import ontology_file

    source = Path(path) if path else ontology_file("shapes.ttl")
    try:
        return rdflib.Graph().parse(source, format="turtle")
    except FileNotFoundError:
        raise OutputError(f"{source}: no such shapes file") from None
    except (SyntaxError, rdflib.exceptions.ParserError) as error:
        raise OutputError(f"{source}: invalid Turtle: {str(error).strip().splitlines()[0]}") from None


def _flatten(data: rdflib.Graph) -> rdflib.Graph:
    # pyshacl validates each named graph of a Dataset on its own; a statement in an article's graph must
    # see the entities of the default graph, so validate the union.
    import rdflib

    if not isinstance(data, rdflib.ConjunctiveGraph):
        return data
    union = rdflib.Graph()
    for s, p, o, _ in data.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _show(graph: rdflib.Graph, node: Node | None, results: rdflib.Graph) -> str:
    import rdflib
    from rdflib.namespace import SH

    if node is None:
        return ""
    if isinstance(node, rdflib.URIRef):
        return str(graph.namespace_manager.normalizeUri(node))
    if isinstance(node, rdflib.Literal):
        text = str(node)
        return repr(text if len(text) <= 60 else text[:57] + "...")
    for kind, suffix in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
        inner = results.value(node, kind)
        if inner is not None:
            return _show(graph, inner, results) + suffix
    return "[]"


def validate_rdf(
    data: rdflib.Graph, shapes: rdflib.Graph | None = None, ontology: rdflib.Graph | None = None
) -> list[Violation]:
    """Every SHACL result of ``data`` (a Graph or Dataset) against the shapes; empty when it conforms."""
    import rdflib
    from rdflib.namespace import SH

    from kg.export.rdf_terms import prefixes
    from kg.resources import ontology_file

    try:
        from pyshacl import validate
    except ImportError:
        raise ExportError("SHACL validation needs pyshacl: pip install 'kg[shacl]'") from None
    if ontology is None:
        ontology = rdflib.Graph().parse(ontology_file("kg.ttl"), format="turtle")
    flat = _flatten(data)
    _, results, _ = validate(
        flat,
        shacl_graph=shapes if shapes is not None else load_shapes(),
        ont_graph=ontology,
        inference="none",
        allow_infos=True,
        allow_warnings=True,
    )
    names = rdflib.Graph()
    for name, namespace in {**dict(data.namespaces()), **prefixes()}.items():
        names.bind(name, namespace, override=True, replace=True)
    found = []
    # Top-level results only: the details of an sh:node failure repeat what the outer message says.
    for result in results.objects(None, SH.result):
        severity = results.value(result, SH.resultSeverity)
        found.append(
            Violation(
                focus=_show(names, results.value(result, SH.focusNode), results),
                path=_show(names, results.value(result, SH.resultPath), results),
                message=str(results.value(result, SH.resultMessage) or "fails its shape"),
                value=_show(names, results.value(result, SH.value), results),
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            )
        )
    return sorted(set(found), key=lambda v: (v.focus, v.path, v.message, v.value))
