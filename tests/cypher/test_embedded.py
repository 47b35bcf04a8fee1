"""The embedded LadybugDB store: schema from the ontology, bulk load, atomic write, ``kg query``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from kg.cli import main
from kg.errors import ExportError, QueryError
from kg.export import embedded
from kg.export.embedded import FILENAME, write_embedded
from kg.query import query_embedded, to_embedded

from .helpers import HOSTILE, hostile_graph, small_graph


def rows(store: Path, query: str, **params: Any) -> list[list[Any]]:
    return query_embedded(store, query, params).rows


def test_every_relation_of_the_ontology_has_a_table(tmp_path: Path) -> None:
    store = write_embedded(small_graph(1), tmp_path)
    assert store == tmp_path / FILENAME
    # A relation nobody asserted yet: no rows, not an error.
    assert rows(store, "MATCH (a)-[r:MARRIED_TO]->(b) RETURN a.name") == []
    assert rows(store, "MATCH (a:Entity)-[r:PRESIDENT_OF]->(b) RETURN a.name, b.name") == [["Daniel Mwangi", "Kenya"]]
    assert rows(store, "MATCH (:Entity)-[r:RELATED_TO]->(:Entity) RETURN r.surface") == [["fly over"]]


def test_values_round_trip(tmp_path: Path) -> None:
    store = write_embedded(small_graph(2), tmp_path / "graph.lbug")
    (edge,) = rows(
        store,
        "MATCH (:Entity {name: 'Norway'})-[r:SUPPORTS]->(:Entity) "
        "RETURN r.id, r.confidence, r.negated, r.time, r.documents, r.evidence_sentences, r.evidence_starts, "
        "r.evidence_confidences, r.evidence_keys",
    )
    assert edge[:5] == ["st-supports-no", 0.8, False, ["Monday"], ["doc-0", "doc-1"]]
    assert edge[5] == ["Norway supports Mwangi, article 0 says.", "Norway supports Mwangi, article 1 says."]
    assert edge[6:8] == [[0, 0], [0.8, 0.8]]
    assert len(set(edge[8])) == 2 and all(re.fullmatch(r"ev-[0-9a-f]{16}", k) for k in edge[8])
    assert rows(store, "MATCH (e:Entity {id: 'norway'}) RETURN e.aliases, e.note, e.type") == [
        [["Kingdom of Norway"], None, "Country"]
    ]
    assert rows(
        store, "MATCH (d:Document)-[m:MENTIONS]->(e:Entity {name: 'Kenya'}) RETURN d.id, m.count ORDER BY d.id"
    ) == [
        ["doc-0", 2],  # the object of two facts in each article
        ["doc-1", 2],
    ]


def test_hostile_text_is_stored_verbatim(tmp_path: Path) -> None:
    graph = hostile_graph()
    store = write_embedded(graph, tmp_path)
    for i, text in enumerate(HOSTILE):
        doc_id = graph.documents[i].id
        assert rows(store, "MATCH (d:Document {id: $id}) RETURN d.title, d.url, d.published, d.author", id=doc_id) == [
            [text, text, text, text]
        ]
        found = rows(
            store,
            "MATCH (a:Entity {id: $id})-[r:RELATED_TO]->(b) "
            "RETURN a.name, a.aliases, a.note, r.surface, r.attributed_to, r.time, r.place, r.flags, "
            "r.evidence_sentences, r.evidence_extractors, r.documents",
            id=f"a-{i}-{text}",
        )
        assert found == [
            [text, [text, f"alias {i}"], text, text, text, [text], [text, "x"], [text], [text], [text or "x"], [doc_id]]
        ]
    assert rows(store, "MATCH ()-[r]->() RETURN count(*)") == [[4 * len(HOSTILE)]]
    assert rows(store, "MATCH (n) RETURN count(*)") == [[3 * len(HOSTILE)]]


def test_a_failed_write_keeps_the_previous_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = write_embedded(small_graph(1), tmp_path)
    before = store.read_bytes()
    schema = embedded.generate_schema
    # The engine itself rejects the last statement, half-way through building the new store.
    monkeypatch.setattr(embedded, "generate_schema", lambda v: [*schema(v), "CREATE NODE TABLE Entity(id INT64)"])
    with pytest.raises(ExportError, match="the embedded store refused the load"):
        write_embedded(small_graph(3), tmp_path)
    assert store.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILENAME]
    assert rows(store, "MATCH (d:Document) RETURN count(*)") == [[1]]


def test_unknown_relation_is_a_one_line_error(tmp_path: Path) -> None:
    from kg.graph import KnowledgeGraph

    from .helpers import MWANGI, NORWAY, triple

    graph = KnowledgeGraph(triples=(triple("st-x", NORWAY, "kg:frobnicates", MWANGI),))
    with pytest.raises(ExportError, match=r"st-x: relation kg:frobnicates is not in the ontology"):
        write_embedded(graph, tmp_path)
    assert not (tmp_path / FILENAME).exists()


def test_type_is_translated_outside_strings_and_comments() -> None:
    assert (
        to_embedded("RETURN type(r), TYPE (r), e.type, {type: 'x'}")
        == "RETURN label(r), label (r), e.type, {type: 'x'}"
    )
    assert to_embedded("RETURN 'type(r)', \"type(r)\", `type(x)` // type(r)") == (
        "RETURN 'type(r)', \"type(r)\", `type(x)` // type(r)"
    )
    assert to_embedded("RETURN 'it\\'s type(r)' /* type(r) */, subtype(r)") == (
        "RETURN 'it\\'s type(r)' /* type(r) */, subtype(r)"
    )


def test_queries_are_read_only_and_errors_are_one_line(tmp_path: Path) -> None:
    store = write_embedded(small_graph(1), tmp_path)
    with pytest.raises(QueryError) as error:
        query_embedded(store, "MATCH (n) RETRN n")
    assert str(error.value) == 'Cypher syntax error at line 1, column 11, near "RETRN n"'
    with pytest.raises(QueryError):
        query_embedded(store, "CREATE (:Entity {id: 'intruder'})")
    assert rows(store, "MATCH (e:Entity {id: 'intruder'}) RETURN e.id") == []
    with pytest.raises(QueryError, match="no embedded graph store here"):
        query_embedded(tmp_path / "elsewhere", "RETURN 1")


def test_kg_query_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_embedded(small_graph(1), tmp_path)
    query = (
        "MATCH (a:Entity)-[r:SUPPORTS]->(b:Entity) RETURN a.name AS who, type(r) AS t, r.documents AS d ORDER BY who"
    )
    assert main(["query", str(tmp_path), query]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "who      t         d",
        "-------  --------  ---------",
        'Denmark  SUPPORTS  ["doc-0"]',
        'Norway   SUPPORTS  ["doc-0"]',
        "(2 rows)",
    ]
    assert main(["query", str(tmp_path), query, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"who": "Denmark", "t": "SUPPORTS", "d": ["doc-0"]},
        {"who": "Norway", "t": "SUPPORTS", "d": ["doc-0"]},
    ]
    assert main(["query", str(tmp_path), query, "--format", "csv"]) == 0
    assert capsys.readouterr().out == 'who,t,d\nDenmark,SUPPORTS,"[""doc-0""]"\nNorway,SUPPORTS,"[""doc-0""]"\n'
    by_name = "MATCH (e:Entity {name: $n}) RETURN e.id"
    assert main(["query", str(tmp_path), by_name, "-p", "n=Denmark", "-f", "csv"]) == 0
    assert capsys.readouterr().out == "e.id\ndenmark\n"
    assert main(["query", str(tmp_path), "MATCH (e:Entity {id: 'norway'}) RETURN e", "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {
            "e": {
                "_labels": ["Entity"],
                "aliases": ["Kingdom of Norway"],
                "id": "norway",
                "name": "Norway",
                "type": "Country",
            }
        }
    ]


def test_kg_query_errors_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_embedded(small_graph(1), tmp_path)
    for argv in (
        ["query", str(tmp_path), "MATCH (n) RETRN n"],
        ["query", str(tmp_path / "missing"), "RETURN 1"],
        ["query", str(tmp_path)],
        ["query", str(tmp_path), "RETURN 1", "-p", "no-equals"],
        ["query", str(tmp_path), "MATCH (e:Entity {name: $who}) RETURN e.id"],
        ["query", str(tmp_path), "MATCH (n:Person) RETURN n.name"],
        ["query", str(tmp_path), "MATCH (a)-[r:NOT_A_RELATION]->(b) RETURN a.name"],
    ):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert err.startswith("kg: error: ") and err.count("\n") == 1, (argv, err)


def test_kg_query_explains_what_the_engine_means(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_embedded(small_graph(1), tmp_path)
    assert main(["query", str(tmp_path), "MATCH (e:Entity {name: $who}) RETURN e.id"]) == 1
    assert "add --param who=VALUE" in capsys.readouterr().err
    # a $ inside a string is text, not a parameter
    assert main(["query", str(tmp_path), "MATCH (e:Entity) WHERE e.name = '$who' RETURN e.id"]) == 0
    capsys.readouterr()
    assert main(["query", str(tmp_path), "MATCH (n:Person) RETURN n.name"]) == 1
    assert "write (n:Entity {type: 'Person'})" in capsys.readouterr().err
    assert main(["query", str(tmp_path), "MATCH (a:Entity)-[r:NOT_A_RELATION]->(b) RETURN a.name"]) == 1
    assert "no relationship type NOT_A_RELATION" in capsys.readouterr().err


def test_kg_query_examples(capsys: pytest.CaptureFixture[str]) -> None:
    from kg.query import EXAMPLES

    assert main(["query", "--examples"]) == 0
    out = capsys.readouterr().out
    assert all(example.query in out for example in EXAMPLES.values())


@pytest.mark.model
def test_kg_build_writes_the_store_and_kg_query_reads_it(
    nlp: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import SAMPLE_ARTICLE

    out = tmp_path / "sample"
    assert main(["build", str(SAMPLE_ARTICLE), "--out", str(out)]) == 0
    assert str(out / FILENAME) in capsys.readouterr().err
    assert (
        main(["query", str(out), "MATCH (a)-[r]->(b) RETURN a.name, type(r), b.name ORDER BY a.name", "-f", "json"])
        == 0
    )
    found = json.loads(capsys.readouterr().out)
    assert {"a.name": "Norway", "type(r)": "SUPPORTS", "b.name": "Kenya"} in found

    bare = tmp_path / "bare"
    assert main(["build", str(SAMPLE_ARTICLE), "--out", str(bare), "--no-embedded", "-q"]) == 0
    assert not (bare / FILENAME).exists() and (bare / "triples.jsonl").exists()


def test_an_output_folder_with_quotes_in_its_name(tmp_path: Path) -> None:
    folder = tmp_path / 'it\'s a \\ "folder"'
    store = write_embedded(small_graph(1), folder)
    assert store == folder / FILENAME
    assert rows(store, "MATCH (d:Document) RETURN d.id") == [["doc-0"]]
