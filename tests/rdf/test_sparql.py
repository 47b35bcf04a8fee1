"""kg sparql: the README's research queries return the expected rows; bad queries are one-line QueryErrors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import rdflib

from kg.cli import main
from kg.errors import QueryError
from kg.export.jsonl import write_outputs
from kg.export.rdf import write_rdf
from kg.sparql import RESEARCH_QUERIES, format_result, load_for_query, run_sparql

from .graphs import research_graph

D1, D2 = "https://w3id.org/kg-news/id/document/d1", "https://w3id.org/kg-news/id/document/d2"
S1 = "Norway supports Kenya with water funding."
S2 = "Norwegian aid keeps supporting Kenya, NRK reports."
S3 = "Denmark, Kenya's ally, sent engineers."


@pytest.fixture(scope="module", params=["turtle", "nquads"])
def folder(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp(f"research-{request.param}")
    graph = research_graph()
    write_outputs(graph, out)
    write_rdf(graph, out / ("graph.ttl" if request.param == "turtle" else "graph.nq"), format=request.param)
    return out


def rows(folder: Path, query: str) -> list[tuple[str, ...]]:
    data, _ = load_for_query(folder)
    return [tuple("" if v is None else str(v) for v in row) for row in run_sparql(data, query)]  # type: ignore[union-attr]


def test_supporters_of_kenya_with_their_sentences(folder: Path) -> None:
    kg_ = "https://w3id.org/kg-news/ontology#"
    assert rows(folder, RESEARCH_QUERIES["supporters"]) == [
        ("Denmark", kg_ + "alliedWith", S3, D1),  # a sub-property of kg:supports
        ("Norway", kg_ + "supports", S1, D1),
        ("Norway", kg_ + "supports", S2, D2),
    ]  # Uganda's negated support is not there


def test_facts_by_publication_date(folder: Path) -> None:
    kg_ = "https://w3id.org/kg-news/ontology#"
    assert rows(folder, RESEARCH_QUERIES["by-date"]) == [
        ("2024-03-01", "Ingrid Halvorsen", kg_ + "visits", "Kenya", "Minister in Nairobi"),
        ("2024-03-01", "Norway", kg_ + "supports", "Kenya", "Minister in Nairobi"),
        ("2024-03-04", "Denmark", kg_ + "alliedWith", "Kenya", "Water pact signed"),
        ("2024-03-04", "Norway", kg_ + "supports", "Kenya", "Water pact signed"),
        ("March 2024", "Uganda", kg_ + "relatedTo", "Kenya", "Border talks"),  # an untyped date sorts last
    ]


def test_facts_reported_by_more_than_one_outlet(folder: Path) -> None:
    (row,) = rows(folder, RESEARCH_QUERIES["outlets"])
    assert row[:4] == ("Norway", "https://w3id.org/kg-news/ontology#supports", "Kenya", "2")
    assert sorted(row[4].split(" | ")) == ["Daily Nation", "NRK"]


def test_ontology_and_named_graphs_are_queryable(folder: Path) -> None:
    assert rows(folder, "SELECT ?l WHERE { kg:alliedWith rdfs:label ?l }") == [("ally of",)]
    graphs = rows(folder, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?st a kg:Statement } } ORDER BY ?g")
    if (folder / "graph.nq").exists():
        assert [g for (g,) in graphs] == [D1, D2, "https://w3id.org/kg-news/id/document/d3"]
    else:
        assert graphs == []


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("SELECT ?x WHERE { ?x kg:supports ", "SPARQL syntax error at line 1"),
        ("SELECT ?x WHERE { ?x foo:bar ?y }", "unknown prefix foo:"),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE is not supported"),
        ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", "FROM / FROM NAMED are not supported"),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "SPARQL syntax error"),
    ],
)
def test_bad_queries_are_query_errors(folder: Path, query: str, message: str) -> None:
    data, _ = load_for_query(folder)
    with pytest.raises(QueryError, match=message) as error:
        run_sparql(data, query)
    assert "\n" not in str(error.value)


def test_cli_prints_table_csv_and_json(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    query = "SELECT ?a ?s WHERE { ?st rdf:subject/rdfs:label ?a ; kg:negated false ; kg:evidence/kg:sentence ?s } "
    query += "ORDER BY ?a ?s LIMIT 3"
    assert main(["sparql", str(folder), query]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "a                 s",
        "----------------  " + "-" * len(S1),
        f"Denmark           {S3}",
        "Ingrid Halvorsen  Halvorsen visited Kenya on Monday.",
        f"Norway            {S1}",
    ]
    assert "3 row(s)" in err
    assert main(["sparql", str(folder), query, "--format", "csv"]) == 0
    assert list(csv.reader(io.StringIO(capsys.readouterr().out))) == [
        ["a", "s"],
        ["Denmark", S3],
        ["Ingrid Halvorsen", "Halvorsen visited Kenya on Monday."],
        ["Norway", S1],
    ]
    assert main(["sparql", str(folder), query, "--format", "json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert results["head"]["vars"] == ["a", "s"]
    assert results["results"]["bindings"][0]["a"] == {"type": "literal", "value": "Denmark"}
    assert main(["sparql", str(folder), "ASK { ?x kg:kills ?y }"]) == 0
    assert capsys.readouterr().out == "false\n"
    assert main(["sparql", str(folder), "CONSTRUCT { ?x kg:supports ?y } WHERE { ?x kg:supports ?y }"]) == 0
    assert len(rdflib.Graph().parse(data=capsys.readouterr().out, format="turtle")) == 1


def test_cli_reads_queries_from_files_and_reports_errors(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    query = tmp_path / "supporters.rq"
    query.write_text(RESEARCH_QUERIES["supporters"], encoding="utf-8")
    assert main(["sparql", str(folder), f"@{query}", "-f", "csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 4
    assert main(["sparql", str(folder), "SELECT nonsense"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: error: SPARQL syntax error") and err.count("\n") == 1
    assert main(["sparql", str(folder), f"@{tmp_path / 'missing.rq'}"]) == 1
    assert "cannot read the query" in capsys.readouterr().err


def test_table_cells_stay_on_one_line() -> None:
    from kg.export.rdf import generate_rdf

    from .graphs import hostile_graph

    data = generate_rdf(hostile_graph())
    result = run_sparql(data, "SELECT ?s WHERE { ?e kg:sentence ?s }")
    table = format_result(result, "table", data)
    assert len(table.splitlines()) == 2 + len(result)


def test_cli_runs_the_research_queries_by_name(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sparql", str(folder), ":supporters", "-f", "csv"]) == 0
    by_name = capsys.readouterr().out
    assert main(["sparql", str(folder), RESEARCH_QUERIES["supporters"], "-f", "csv"]) == 0
    assert by_name == capsys.readouterr().out and len(by_name.splitlines()) == 4
    assert main(["sparql", "--examples"]) == 0
    printed = capsys.readouterr().out
    assert all(f"# :{name}\n" in printed for name in RESEARCH_QUERIES)
    assert main(["sparql", str(folder), ":nope"]) == 1
    assert "no research query :nope" in capsys.readouterr().err
    assert main(["sparql", str(folder)]) == 1
    assert "needs a build folder and a query" in capsys.readouterr().err
