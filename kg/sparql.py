"""SPARQL over the RDF export (rdflib), with the ontology loaded and the usual prefixes declared.

The export sits in the default graph (N-Quads: the union of the default graph and every article's graph, which
``GRAPH ?article { ... }`` still reaches); the ontology is in the named graph
``<https://w3id.org/kg-news/ontology>``, so ``?p rdfs:subPropertyOf* kg:supports`` works. Only read-only
queries run, and only on local data: ``SERVICE`` and ``FROM`` (which would fetch from the network) are refused.

>>> from kg import Entity, KnowledgeGraph, Relation, Triple
>>> from kg.export.rdf import generate_rdf
>>> alice, bob = Entity("a", "Alice", "Person"), Entity("b", "Bob", "Person")
>>> rdf = generate_rdf(KnowledgeGraph(triples=(Triple("st-1", alice, Relation("kg:supports", "supports"), bob, 1),)))
>>> result = run_sparql(rdf, "SELECT ?l WHERE { ?x kg:supports ?y . ?x rdfs:label ?l }")
>>> print(format_result(result, "csv"), end="")
l
Alice
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import QueryError
from kg.export.rdf_terms import DEFAULT_BASE_IRI, ONTOLOGY_IRI, prefixes

if TYPE_CHECKING:
    import rdflib
    from rdflib.query import Result
    from rdflib.term import Node

__all__ = ["RESEARCH_QUERIES", "format_result", "load_for_query", "run_sparql"]

# The README's research queries; tests/rdf/test_sparql.py runs each on a hand-made graph.
RESEARCH_QUERIES: dict[str, str] = {
    "supporters": """\
# Who supports Kenya (kg:supports or a sub-property such as kg:alliedWith), and the sentences that say so.
SELECT ?actor ?relation ?sentence ?article WHERE {
  ?target rdfs:label "Kenya" .
  ?relation rdfs:subPropertyOf* kg:supports .
  ?st rdf:subject ?s ; rdf:predicate ?relation ; rdf:object ?target ;
      kg:negated false ; kg:evidence ?ev .
  ?s rdfs:label ?actor .
  ?ev kg:sentence ?sentence ; prov:wasDerivedFrom ?article .
}
ORDER BY ?actor ?sentence""",
    "by-date": """\
# Facts in the order their articles were published (first 10 characters of dcterms:date: the day).
SELECT DISTINCT ?day ?subject ?relation ?object ?title WHERE {
  ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?relation ; rdf:object ?o ;
      kg:negated false ; kg:evidence/prov:wasDerivedFrom ?article .
  ?article dcterms:date ?date .
  OPTIONAL { ?article dcterms:title ?title }
  ?s rdfs:label ?subject . ?o rdfs:label ?object .
  BIND (SUBSTR(STR(?date), 1, 10) AS ?day)
}
ORDER BY ?day ?subject ?relation ?object""",
    "outlets": """\
# Facts that more than one outlet (dcterms:source) reports, with the outlets.
SELECT ?subject ?relation ?object (COUNT(DISTINCT ?outlet) AS ?outlets)
       (GROUP_CONCAT(DISTINCT ?outlet; separator=" | ") AS ?sources) WHERE {
  ?st rdf:subject ?s ; rdf:predicate ?relation ; rdf:object ?o ;
      kg:negated false ; kg:evidence/prov:wasDerivedFrom ?article .
  ?article dcterms:source ?outlet .
  ?s rdfs:label ?subject . ?o rdfs:label ?object .
}
GROUP BY ?subject ?relation ?object
HAVING (COUNT(DISTINCT ?outlet) > 1)
ORDER BY DESC(?outlets) ?subject""",
    "disputed": """\
# Disputed facts: asserted by some articles and denied by others, with the sources on each side.
SELECT ?subject ?relation ?object ?asserted ?denied WHERE {
  ?st kg:disputed true ; kg:negated false ; kg:disputedBy ?twin ;
      rdf:subject ?s ; rdf:predicate ?relation ; rdf:object ?o .
  ?s rdfs:label ?subject . ?o rdfs:label ?object .
  { SELECT ?st (GROUP_CONCAT(DISTINCT STR(?a); separator=" | ") AS ?asserted)
    WHERE { ?st kg:evidence/prov:wasDerivedFrom ?a } GROUP BY ?st }
  { SELECT ?twin (GROUP_CONCAT(DISTINCT STR(?d); separator=" | ") AS ?denied)
    WHERE { ?twin kg:evidence/prov:wasDerivedFrom ?d } GROUP BY ?twin }
}
ORDER BY ?subject ?relation ?object""",
    "timeline": """\
# What happened when: facts by the event date their sentences give (else the publication date).
SELECT DISTINCT ?day ?subject ?relation ?object WHERE {
  ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?relation ; rdf:object ?o ; kg:negated false ;
      kg:evidence ?ev .
  OPTIONAL { ?ev kg:eventStart ?event }
  OPTIONAL { ?st kg:firstSeen ?seen }
  BIND (COALESCE(?event, ?seen) AS ?day)
  FILTER (BOUND(?day))
  ?s rdfs:label ?subject . ?o rdfs:label ?object .
}
ORDER BY ?day ?subject ?relation ?object""",
}


def load_for_query(folder: str | Path, base_iri: str = DEFAULT_BASE_IRI) -> tuple[rdflib.Dataset, str]:
    """The folder's RDF (see :func:`kg.export.rdf.load_rdf`) with the ontology in its own named graph."""
    import rdflib

    from kg.export.rdf import load_rdf
    from kg.resources import ontology_file

    dataset, source = load_rdf(folder, base_iri)
    dataset.graph(rdflib.URIRef(ONTOLOGY_IRI)).parse(ontology_file("kg.ttl"), format="turtle")
    for name, namespace in prefixes(base_iri).items():
        dataset.bind(name, namespace, override=True, replace=True)
    return dataset, source


def _walk(node: Any, found: list[Any]) -> None:
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        found.append(node)
        for value in dict.values(node):
            _walk(value, found)
    elif isinstance(node, (list, tuple, ParseResults)):
        for value in node:
            _walk(value, found)


def _prepare(text: str, namespaces: dict[str, str]) -> Any:
    from pyparsing import ParseException
    from rdflib.plugins.sparql import algebra, parser

    try:
        parsed = parser.parseQuery(text)
    except ParseException as error:
        raise QueryError(f"SPARQL syntax error at line {error.lineno}, column {error.col}: {error.msg}") from None
    nodes: list[Any] = []
    _walk(parsed, nodes)
    declared = set(namespaces) | {n.get("prefix") or "" for n in nodes if n.name == "PrefixDecl"}
    for node in nodes:
        if node.name == "pname" and (node.get("prefix") or "") not in declared:
            prefix = node.get("prefix") or ""
            raise QueryError(f"SPARQL: unknown prefix {prefix}: (declare it with PREFIX {prefix}: <...>)")
        if node.name == "ServiceGraphPattern":
            raise QueryError("SPARQL: SERVICE is not supported (kg sparql reads only the local graph)")
        if node.name == "DatasetClause":
            raise QueryError("SPARQL: FROM / FROM NAMED are not supported; use GRAPH ?g { ... } on N-Quads exports")
    return algebra.translateQuery(parsed, initNs=namespaces)


def run_sparql(data: rdflib.Graph, text: str, base_iri: str = DEFAULT_BASE_IRI) -> Result:
    """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query; the kg prefixes are declared for it."""
    from rdflib.plugins.sparql.sparql import SPARQLError

    namespaces = {**dict(data.namespaces()), **prefixes(base_iri)}
    query = _prepare(text, {str(k): str(v) for k, v in namespaces.items()})
    try:
        return data.query(query)
    except SPARQLError as error:
        raise QueryError(f"SPARQL: {str(error).strip().splitlines()[0] if str(error).strip() else error}") from None


_CELL_ESCAPES = {ord("\\"): "\\\\", ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}
_CELL_ESCAPES.update({c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F, 0x85, 0x2028, 0x2029] if c not in _CELL_ESCAPES})


def _cell(node: Node | None, names: rdflib.Graph | None) -> str:
    """A table cell (``names`` given: IRIs as prefixed names, one line) or a CSV field (as it is)."""
    import rdflib

    if node is None:
        return ""
    if names is None:
        return str(node)
    if isinstance(node, rdflib.URIRef):
        return str(names.namespace_manager.normalizeUri(node))
    # One row a line: line breaks and other control characters in a sentence are shown escaped (\n, \u2028).
    return str(node).translate(_CELL_ESCAPES)


def format_result(result: Result, fmt: str = "table", names: rdflib.Graph | None = None) -> str:
    """Rows as an aligned ``table``, ``csv`` or SPARQL JSON results (``json``); graphs as Turtle / JSON-LD / N-Triples.

    ``names`` provides the prefixes the table writes IRIs with.
    """
    # complex: one branch per query form (SELECT, ASK, CONSTRUCT) and output format, each a few lines.
    import rdflib

    if names is None:
        names = rdflib.Graph()
        for name, namespace in prefixes().items():
            names.bind(name, namespace, override=True, replace=True)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = result.graph
        assert graph is not None
        for name, namespace in names.namespaces():
            graph.bind(name, namespace, override=True, replace=True)
        rdf_format = {"table": "turtle", "json": "json-ld", "csv": "nt"}[fmt]
        return graph.serialize(format=rdf_format)
    if fmt == "json":
        return (result.serialize(format="json") or b"").decode("utf-8") + "\n"
    if result.type == "ASK":
        return ("true" if result.askAnswer else "false") + "\n"
    header = [str(v) for v in result.vars or ()]
    table = [tuple(row) for row in result if isinstance(row, tuple)]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([_cell(node, None) for node in row] for row in table)
        return out.getvalue()
    rows = [[_cell(node, names) for node in row] for row in table]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip() for cells in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"
