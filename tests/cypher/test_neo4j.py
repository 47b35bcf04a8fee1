"""The Neo4j exporter against a real server: the model, idempotency, growth, injection, errors, the CLI."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from kg.cli import main
from kg.errors import DatabaseError, QueryError
from kg.export.jsonl import write_outputs
from kg.export.neo4j import Neo4jSettings, write_neo4j
from kg.query import query_neo4j

from .helpers import HOSTILE, hostile_graph, run_cypher, small_graph, snapshot

pytestmark = pytest.mark.neo4j


def test_model_labels_types_properties_and_documents(neo4j_db: Any) -> None:
    report = write_neo4j(small_graph(2), neo4j_db, batch_size=2)
    assert (report.entities, report.documents, report.relationships) == (5, 2, 6)

    labels = run_cypher(neo4j_db, "MATCH (e:Entity) RETURN e.name AS name, labels(e) AS labels ORDER BY name")
    assert {r["name"]: sorted(r["labels"]) for r in labels}["Daniel Mwangi"] == ["Entity", "Person"]
    assert {r["name"]: sorted(r["labels"]) for r in labels}["Norway"] == ["Country", "Entity"]
    norway = run_cypher(neo4j_db, "MATCH (e:Entity {name: 'Norway'}) RETURN properties(e) AS p")[0]["p"]
    assert norway == {"id": "norway", "name": "Norway", "type": "Country", "aliases": ["Kingdom of Norway"]}

    types = run_cypher(neo4j_db, "MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n ORDER BY t")
    assert {r["t"]: r["n"] for r in types} == {
        "MEETS": 1,
        "MENTIONS": 10,
        "PRESIDENT_OF": 1,
        "RELATED_TO": 2,
        "SUPPORTS": 2,
    }
    edge = run_cypher(
        neo4j_db,
        "MATCH (:Entity {name: 'Norway'})-[r:SUPPORTS]->(:Entity {name: 'Daniel Mwangi'}) RETURN properties(r) AS r",
    )[0]["r"]
    assert edge["id"] == "st-supports-no" and edge["predicate"] == "kg:supports"
    assert edge["confidence"] == 0.8 and edge["negated"] is False and edge["hedged"] is False
    assert edge["documents"] == ["doc-0", "doc-1"] and edge["time"] == ["Monday"]
    assert edge["evidence_sentences"] == [
        "Norway supports Mwangi, article 0 says.",
        "Norway supports Mwangi, article 1 says.",
    ]
    assert edge["evidence_starts"] == [0, 0] and edge["evidence_extractors"] == ["kg.svo.v1", "kg.svo.v1"]
    lists = [name for name in edge if name.startswith("evidence_")]
    assert len(lists) == 12 and all(len(edge[name]) == 2 for name in lists)
    related = run_cypher(neo4j_db, "MATCH ()-[r:RELATED_TO]->() RETURN DISTINCT r.surface AS s")
    assert related == [{"s": "fly over"}]

    # "Which articles say Norway supports Mwangi" is one query.
    articles = run_cypher(
        neo4j_db,
        "MATCH (:Entity {name: 'Norway'})-[r:SUPPORTS]->(:Entity {name: 'Daniel Mwangi'}) "
        "MATCH (d:Document) WHERE d.id IN r.documents RETURN d.title AS title, d.url AS url ORDER BY title",
    )
    assert articles == [
        {"title": "Article 0", "url": "https://example.org/0"},
        {"title": "Article 1", "url": "https://example.org/1"},
    ]
    mentioned = run_cypher(
        neo4j_db, "MATCH (d:Document {id: 'doc-1'})-[m:MENTIONS]->(e:Entity) RETURN e.name AS e ORDER BY e"
    )
    assert [r["e"] for r in mentioned] == ["Daniel Mwangi", "Denmark", "Ingrid Halvorsen", "Kenya", "Norway"]

    constraints = run_cypher(neo4j_db, "SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names")[0]["names"]
    assert {"kg_entity_id", "kg_document_id", "kg_rel_supports_id"} <= set(constraints)


def test_export_twice_changes_nothing(neo4j_db: Any) -> None:
    graph = small_graph(2)
    write_neo4j(graph, neo4j_db)
    first = snapshot(neo4j_db)
    again = write_neo4j(graph, neo4j_db, batch_size=1)
    assert again.counters["nodes_created"] == 0 and again.counters["relationships_created"] == 0
    assert snapshot(neo4j_db) == first
    assert len(first["nodes"]) == 7 and len(first["relationships"]) == 16


def test_larger_corpus_adds_evidence_without_duplicates(neo4j_db: Any) -> None:
    write_neo4j(small_graph(1), neo4j_db)
    before = run_cypher(neo4j_db, "MATCH ()-[r:SUPPORTS {id: 'st-supports-no'}]->() RETURN properties(r) AS r")[0]["r"]
    assert before["documents"] == ["doc-0"] and len(before["evidence_keys"]) == 1

    write_neo4j(small_graph(3), neo4j_db)
    after = run_cypher(neo4j_db, "MATCH ()-[r:SUPPORTS {id: 'st-supports-no'}]->() RETURN properties(r) AS r")[0]["r"]
    assert after["documents"] == ["doc-0", "doc-1", "doc-2"]
    assert after["evidence_sentences"] == [f"Norway supports Mwangi, article {k} says." for k in range(3)]
    assert len(set(after["evidence_keys"])) == len(after["evidence_keys"]) == 3
    assert after["evidence_documents"] == ["doc-0", "doc-1", "doc-2"]
    assert {len(after[name]) for name in after if name.startswith("evidence_")} == {3}  # still parallel
    assert after["time"] == ["Monday"]  # merged, not repeated
    counts = run_cypher(neo4j_db, "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels")
    assert counts == [{"nodes": 8, "rels": 7 + 15}]  # 3 documents, 5 entities; 7 facts, 15 mentions

    grown = snapshot(neo4j_db)
    write_neo4j(small_graph(3), neo4j_db)
    write_neo4j(small_graph(1), neo4j_db)  # an older, smaller export adds nothing and removes nothing
    assert snapshot(neo4j_db) == grown


def test_article_text_is_only_ever_data(neo4j_db: Any) -> None:
    run_cypher(neo4j_db, "CREATE (:Sentinel {name: 'still here'})")
    graph = hostile_graph()
    write_neo4j(graph, neo4j_db, batch_size=3)

    assert run_cypher(neo4j_db, "MATCH (s:Sentinel) RETURN s.name AS name") == [{"name": "still here"}]
    counts = run_cypher(neo4j_db, "MATCH (n) RETURN labels(n) AS labels, count(*) AS n ORDER BY n")
    assert {tuple(sorted(r["labels"])): r["n"] for r in counts} == {
        ("Sentinel",): 1,
        ("Document",): len(HOSTILE),
        ("Entity", "Person"): len(HOSTILE),
        ("Country", "Entity"): len(HOSTILE),
    }
    for i, text in enumerate(HOSTILE):
        doc_id = graph.documents[i].id
        doc = run_cypher(neo4j_db, "MATCH (d:Document {id: $id}) RETURN properties(d) AS p", id=doc_id)[0]["p"]
        assert doc == {"id": doc_id, "title": text, "url": text, "published": text, "source": text, "author": text}
        subject = run_cypher(neo4j_db, "MATCH (e:Entity {id: $id}) RETURN properties(e) AS p", id=f"a-{i}-{text}")
        assert subject[0]["p"] == {
            "id": f"a-{i}-{text}",
            "name": text,
            "type": "Person",
            "aliases": [text, f"alias {i}"],
            "note": text,
        }
        edge = run_cypher(
            neo4j_db, "MATCH ()-[r:RELATED_TO {id: $id}]->() RETURN properties(r) AS r", id=f"st-{i}-{text}"
        )[0]["r"]
        assert (edge["surface"], edge["attributed_to"], edge["time"], edge["flags"]) == (text, text, [text], [text])
        assert edge["evidence_sentences"] == [text] and edge["documents"] == [doc_id]
        assert edge["evidence_extractors"] == [text or "x"]
    assert run_cypher(neo4j_db, "MATCH ()-[r]->() RETURN count(r) AS n") == [{"n": 4 * len(HOSTILE)}]


def test_query_neo4j_reads_and_rejects_bad_queries(neo4j_db: Any) -> None:
    write_neo4j(small_graph(1), neo4j_db)
    result = query_neo4j(neo4j_db, "MATCH (a:Entity)-[r:SUPPORTS]->(b) RETURN a.name AS a, b ORDER BY a")
    assert result.columns == ["a", "b"]
    assert result.rows[0][0] == "Denmark" and result.rows[0][1]["_labels"] == ["Entity", "Person"]
    with pytest.raises(QueryError, match="Invalid input"):
        query_neo4j(neo4j_db, "MATCH (n) RETRN n")
    with pytest.raises(QueryError) as error:
        query_neo4j(neo4j_db, "CREATE (:Intruder)")  # kg query is read-only
    assert "\n" not in str(error.value)
    assert run_cypher(neo4j_db, "MATCH (n:Intruder) RETURN count(n) AS n") == [{"n": 0}]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def _broken(settings: Neo4jSettings, case: str) -> Neo4jSettings:
    if case == "unreachable":
        return Neo4jSettings(f"bolt://127.0.0.1:{_free_port()}", settings.user, settings.password)
    if case == "password":
        return Neo4jSettings(settings.uri, settings.user, "not-the-password")
    return Neo4jSettings(settings.uri, settings.user, settings.password, "nosuchdatabase")


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("unreachable", "cannot reach Neo4j at bolt://127.0.0.1:"),
        ("password", "wrong user name or password"),
        ("database", "has no database 'nosuchdatabase'"),
    ],
)
def test_connection_errors_are_one_line(neo4j_settings: Any, case: str, message: str) -> None:
    with pytest.raises(DatabaseError, match=message) as error:
        write_neo4j(small_graph(1), _broken(neo4j_settings, case))
    assert "\n" not in str(error.value)


@pytest.mark.parametrize("case", ["unreachable", "password", "database"])
def test_cli_connection_errors_exit_1_with_one_line(
    neo4j_settings: Any, case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(name, raising=False)
    write_outputs(small_graph(1), tmp_path)
    broken = _broken(neo4j_settings, case)
    argv = ["export", "neo4j", str(tmp_path), "--uri", broken.uri, "--user", broken.user]
    argv += ["--password", str(broken.password)] + (["--database", broken.database] if broken.database else [])
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: error: ") and err.count("\n") == 1, err
    assert (
        main(
            ["query", "--neo4j", broken.uri, "RETURN 1", "--password", str(broken.password)]
            + (["--database", broken.database] if broken.database else [])
        )
        == 1
    )
    err = capsys.readouterr().err
    assert err.startswith("kg: error: ") and err.count("\n") == 1, err


def test_cli_export_then_query(
    neo4j_db: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    monkeypatch.setenv("NEO4J_URI", neo4j_db.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_db.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_db.password)
    write_outputs(small_graph(2), tmp_path)
    assert main(["export", "neo4j", str(tmp_path), "--batch-size", "2"]) == 0
    assert "5 entities, 2 documents, 6 relationships" in capsys.readouterr().err
    query = "MATCH (a:Entity)-[r:SUPPORTS]->(b:Entity) RETURN a.name AS a, type(r) AS t, b.name AS b ORDER BY a.name"
    assert main(["query", "--neo4j", neo4j_db.uri, query, "--format", "csv"]) == 0
    assert capsys.readouterr().out == "a,t,b\nDenmark,SUPPORTS,Daniel Mwangi\nNorway,SUPPORTS,Daniel Mwangi\n"
    by_name = "MATCH (e:Entity {name: $n}) RETURN e.type AS t"
    assert main(["query", "--neo4j", neo4j_db.uri, by_name, "-p", "n=Denmark"]) == 0
    assert capsys.readouterr().out.splitlines()[2] == "Country"


@pytest.mark.model
def test_build_exports_to_neo4j_in_one_go(
    neo4j_db: Any, nlp: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    from conftest import SAMPLE_ARTICLE

    monkeypatch.setenv("NEO4J_USER", neo4j_db.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_db.password)
    assert main(["build", str(SAMPLE_ARTICLE), "--out", str(tmp_path), "--neo4j", neo4j_db.uri]) == 0
    assert "exported to Neo4j" in capsys.readouterr().err
    edges = run_cypher(neo4j_db, "MATCH (:Entity {name: 'Norway'})-[r:SUPPORTS]->(b) RETURN b.name AS b")
    assert edges == [{"b": "Kenya"}]
    assert (tmp_path / "graph.lbug").is_file()
