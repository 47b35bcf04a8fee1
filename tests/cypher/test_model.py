"""The shared property-graph model and the statements the Neo4j exporter sends (no server needed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.errors import ExportError, OntologyError
from kg.export.cypher import (
    EVIDENCE_LISTS,
    CypherSchema,
    generate_property_graph,
    relationship_type,
)
from kg.export.neo4j import generate_statements
from kg.graph import KnowledgeGraph
from kg.model import Entity
from kg.ontology import load_ontology

from .helpers import HOSTILE, MWANGI, NORWAY, evidence, hostile_graph, small_graph, triple


@pytest.mark.parametrize(
    ("relation", "expected"),
    [
        ("kg:supports", "SUPPORTS"),
        ("kg:presidentOf", "PRESIDENT_OF"),
        ("kg:relatedTo", "RELATED_TO"),
        ("kg:holdsTalksWith", "HOLDS_TALKS_WITH"),
        ("kg:deploysForcesTo", "DEPLOYS_FORCES_TO"),
    ],
)
def test_relationship_types_from_the_ontology(relation: str, expected: str) -> None:
    assert relationship_type(relation) == expected


@pytest.mark.parametrize("relation", ["kg:x`]->() DETACH DELETE n //", "kg:", "kg:has space", "kg:ünïcode"])
def test_names_that_are_not_identifiers_are_refused(relation: str) -> None:
    with pytest.raises(OntologyError, match="does not map to a Cypher relationship type"):
        relationship_type(relation)


def test_schema_covers_the_vocabulary() -> None:
    vocabulary = load_ontology().vocabulary
    schema = CypherSchema.from_vocabulary(vocabulary)
    assert set(schema.relationship_types) == set(vocabulary.relations)
    assert all(re.fullmatch(r"[A-Z][A-Z0-9_]*", t) for t in schema.relationship_types.values())
    assert {"Entity", "Person", "Country", "Organization", "Facility"} <= schema.labels
    assert not {"Statement", "Evidence", "Article"} & schema.labels  # provenance classes are not node labels


def test_an_extension_may_not_shadow_kg_own_names(tmp_path: Path) -> None:
    from kg.ontology import load_ontology

    ttl = tmp_path / "clash.ttl"
    ttl.write_text(
        "@prefix kg: <https://w3id.org/kg-news/ontology#> .\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "kg:mentions a owl:ObjectProperty ; rdfs:subPropertyOf kg:relation .\n",
        encoding="utf-8",
    )
    with pytest.raises(OntologyError, match="clashes with kg's own relationship type MENTIONS"):
        CypherSchema.from_vocabulary(load_ontology([ttl]).vocabulary)


def test_unknown_relation_or_class_is_a_one_line_export_error() -> None:
    unknown_rel = KnowledgeGraph(triples=(triple("st-x", NORWAY, "kg:frobnicates", MWANGI),))
    with pytest.raises(ExportError, match="st-x: relation kg:frobnicates is not in the ontology"):
        generate_property_graph(unknown_rel)
    odd = Entity("odd", "Odd", "Spaceship")
    unknown_class = KnowledgeGraph(triples=(triple("st-y", odd, "kg:supports", MWANGI),))
    with pytest.raises(ExportError, match="entity odd: type 'Spaceship' is not an entity class"):
        generate_property_graph(unknown_class)


def test_rows_hold_parallel_evidence_lists_without_repeats() -> None:
    ev = evidence("doc-0", "Norway supports Mwangi.", 0, NORWAY, MWANGI)
    later = evidence("doc-1", "Norway backs Mwangi.", 0, NORWAY, MWANGI)
    graph = KnowledgeGraph(triples=(triple("st-1", NORWAY, "kg:supports", MWANGI, later, ev, ev),))
    pg = generate_property_graph(graph)
    (row,) = pg.relationships["SUPPORTS"]
    assert row["documents"] == ["doc-0", "doc-1"]
    assert row["evidence_sentences"] == ["Norway supports Mwangi.", "Norway backs Mwangi."]
    assert {len(row[name]) for name in EVIDENCE_LISTS} == {2}
    assert [d["id"] for d in pg.documents] == ["doc-0", "doc-1"]  # documents known only from evidence
    assert {(m["document"], m["entity"], m["count"]) for m in pg.mentions} == {
        ("doc-0", "norway", 1),
        ("doc-0", "daniel-mwangi", 1),
        ("doc-1", "norway", 1),
        ("doc-1", "daniel-mwangi", 1),
    }


def test_statements_are_batched_and_carry_no_article_text() -> None:
    pg = generate_property_graph(hostile_graph())
    statements = list(generate_statements(pg, batch_size=4))
    data = [s for s in statements if not s.schema]
    assert all(0 < len(s.rows) <= 4 for s in data)
    assert sum(len(s.rows) for s in data) == len(pg.documents) + pg.entity_count + pg.relationship_count + len(
        pg.mentions
    )
    texts = [t for t in HOSTILE if len(t) > 3]
    for statement in statements:
        assert not any(t in statement.query for t in texts), statement.query
        assert all(
            line.startswith(("UNWIND", "MERGE", "MATCH", "ON CREATE", "ON MATCH", "SET", " ", "CREATE", "CALL"))
            for line in statement.query.splitlines()
        )
    with pytest.raises(ExportError, match="batch size must be at least 1"):
        list(generate_statements(generate_property_graph(small_graph()), batch_size=0))
