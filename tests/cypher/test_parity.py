"""The embedded store and Neo4j, loaded from the same graph, answer the same queries with the same rows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from kg.export.embedded import write_embedded
from kg.export.neo4j import write_neo4j
from kg.graph import KnowledgeGraph
from kg.query import EXAMPLES, QueryResult, query_embedded, query_neo4j

from .helpers import hostile_graph, small_graph

pytestmark = pytest.mark.neo4j

# Every stored value, so that parity covers the whole model and not only what the examples touch.
DUMPS = {
    "entities": "MATCH (e:Entity) RETURN e.id AS id, e.name AS name, e.aliases AS aliases, e.type AS class, "
    "e.note AS note ORDER BY id",
    "documents": "MATCH (d:Document) RETURN d.id AS id, d.title AS title, d.url AS url, d.published AS published, "
    "d.source AS source, d.author AS author ORDER BY id",
    "mentions": "MATCH (d:Document)-[m:MENTIONS]->(e:Entity) RETURN d.id AS doc, e.id AS entity, m.count AS n "
    "ORDER BY doc, entity",
    "edges": "MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS source, type(r) AS rel, b.id AS target, r.id AS id, "
    "r.predicate AS predicate, r.surface AS surface, r.confidence AS confidence, r.negated AS negated, "
    "r.hedged AS hedged, r.attributed_to AS attributed_to, r.time AS time, r.place AS place, r.flags AS flags, "
    "r.documents AS documents, r.evidence_keys AS keys, r.evidence_documents AS evidence_documents, "
    "r.evidence_sentences AS sentences, r.evidence_starts AS starts_at, r.evidence_ends AS ends_at, "
    "r.evidence_subjects AS subjects, r.evidence_objects AS objects, r.evidence_extractors AS extractors, "
    "r.evidence_confidences AS confidences ORDER BY id",
}


def both(graph: KnowledgeGraph, settings: Any, folder: Path) -> tuple[Any, Path]:
    write_neo4j(graph, settings)
    return settings, write_embedded(graph, folder)


def same(neo4j: QueryResult, embedded: QueryResult) -> None:
    assert embedded.columns == neo4j.columns
    assert embedded.rows == neo4j.rows


@pytest.fixture(scope="module")
def examples_graph(nlp: Any) -> KnowledgeGraph:
    """The sample article with the dated articles of tests/analyst, some of which deny what others assert:
    every README example then has something to find (the sample alone disputes nothing)."""
    from kg.model import Document
    from kg.pipeline import build_documents
    from tests.analyst.test_time_and_disputes import ARTICLES
    from tests.conftest import SAMPLE_ARTICLE

    documents = [Document("sample", Path(SAMPLE_ARTICLE).read_text(encoding="utf-8"))]
    documents += [Document(a["id"], a["text"], published=a.get("published"), source=a["source"]) for a in ARTICLES]
    return build_documents(documents, nlp=nlp)


@pytest.mark.model
def test_readme_examples_agree_on_the_sample_article(examples_graph: Any, neo4j_db: Any, tmp_path: Path) -> None:
    settings, store = both(examples_graph, neo4j_db, tmp_path)
    for name, example in EXAMPLES.items():
        neo4j = query_neo4j(settings, example.query)
        embedded = query_embedded(store, example.query)
        assert neo4j.rows, f"example {name!r} finds nothing in the sample article: the parity check would be empty"
        same(neo4j, embedded)
    for name, query in DUMPS.items():
        neo4j = query_neo4j(settings, query)
        assert neo4j.rows, name
        same(neo4j, query_embedded(store, query))


def readme_queries() -> list[str]:
    """The Cypher statements of the README's ```cypher blocks (comments dropped, split at semicolons)."""
    text = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    queries = []
    for block in re.findall(r"```cypher\n(.*?)```", text, re.DOTALL):
        code = "\n".join(line for line in block.splitlines() if not line.lstrip().startswith("//"))
        queries += [q.strip() for q in code.split(";") if q.strip()]
    return queries


@pytest.mark.model
def test_readme_queries_agree_on_the_sample_article(examples_graph: Any, neo4j_db: Any, tmp_path: Path) -> None:
    queries = readme_queries()
    assert queries, "the README has no ```cypher block"
    settings, store = both(examples_graph, neo4j_db, tmp_path)
    for query in queries:
        neo4j = query_neo4j(settings, query)
        assert neo4j.rows, f"the README query finds nothing in the sample article:\n{query}"
        same(neo4j, query_embedded(store, query))


@pytest.mark.parametrize("graph", [small_graph(3), hostile_graph()], ids=["small", "hostile"])
def test_every_stored_value_agrees(graph: KnowledgeGraph, neo4j_db: Any, tmp_path: Path) -> None:
    settings, store = both(graph, neo4j_db, tmp_path)
    for query in [*DUMPS.values(), *(e.query for e in EXAMPLES.values())]:
        same(query_neo4j(settings, query), query_embedded(store, query))
    params = {"name": graph.triples[0].subject.label}
    query = "MATCH (a:Entity {name: $name})-[r]-(b:Entity) RETURN type(r) AS rel, b.name AS other ORDER BY rel, other"
    same(query_neo4j(settings, query, params), query_embedded(store, query, params))
