"""Neo4j through the official Spark connector holds what the Python exporter writes: the same nodes, labels,
relationships and properties, and exporting twice changes nothing. Against the real server ``.ci/neo4j/start``
runs (NEO4J_URI); the connector jar comes from ``.ci/spark/resolve``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLE_ARTICLE, unavailable

from kg.cli import main
from kg.export.neo4j import write_neo4j
from kg.graph import KnowledgeGraph, load
from kg.ontology import load_ontology
from tests.cypher.helpers import hostile_graph, run_cypher, small_graph, snapshot, wipe

pytestmark = [pytest.mark.spark, pytest.mark.neo4j]


@pytest.fixture(scope="module")
def connector(spark: Any) -> Any:
    from kg.spark.neo4j import CONNECTOR, CONNECTOR_CLASS

    if not spark.sparkContext._jvm.org.apache.spark.util.Utils.classIsLoadable(CONNECTOR_CLASS):
        unavailable(f"the Neo4j Spark connector ({CONNECTOR}) is not on spark.jars: run bash .ci/spark/resolve")
    return spark


def through_connector(spark: Any, graph: KnowledgeGraph, settings: Any) -> Any:
    from kg.spark.neo4j import write_neo4j_spark

    context = spark.sparkContext
    return write_neo4j_spark(
        spark,
        context.parallelize(graph.entities, 2),
        context.parallelize(graph.triples, 2),
        context.parallelize(graph.documents, 2),
        settings,
        load_ontology(),
        batch_size=2,
        partitions=2,
    )


@pytest.mark.parametrize("graph", [small_graph(3), hostile_graph()], ids=["facts-over-3-articles", "hostile-text"])
def test_connector_writes_what_the_exporter_writes(connector: Any, neo4j_db: Any, graph: KnowledgeGraph) -> None:
    write_neo4j(graph, neo4j_db)
    expected = snapshot(neo4j_db)
    wipe(neo4j_db)
    run_cypher(neo4j_db, "CREATE (:Sentinel {name: 'still here'})")
    written = through_connector(connector, graph, neo4j_db)
    assert written.count == len(graph.triples)
    got = snapshot(neo4j_db)
    sentinel = [n for n in got["nodes"] if n[0] == ["Sentinel"]]
    assert sentinel == [(["Sentinel"], {"name": "still here"})]  # no text ran as Cypher
    got["nodes"] = [n for n in got["nodes"] if n[0] != ["Sentinel"]]
    assert got == expected
    through_connector(connector, graph, neo4j_db)  # exporting twice changes nothing
    again = snapshot(neo4j_db)
    again["nodes"] = [n for n in again["nodes"] if n[0] != ["Sentinel"]]
    assert again == expected


@pytest.mark.model
def test_build_with_neo4j_matches_the_local_export(
    connector: Any, neo4j_db: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    options = ["--no-embedded", "--no-html", "--no-rdf", "--quiet"]
    assert main(["build", str(SAMPLE_ARTICLE), "--out", str(tmp_path / "local"), *options]) == 0
    write_neo4j(load(tmp_path / "local"), neo4j_db)
    expected = snapshot(neo4j_db)
    assert expected["relationships"], "the sample article exports facts"
    wipe(neo4j_db)
    spark_out = str(tmp_path / "spark")
    assert (
        main(["build", str(SAMPLE_ARTICLE), "--out", spark_out, *options, "--engine", "spark", "--neo4j", neo4j_db.uri])
        == 0
    )
    assert snapshot(neo4j_db) == expected
    constraints = run_cypher(neo4j_db, "SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names")[0]["names"]
    assert {"kg_entity_id", "kg_document_id"} <= set(constraints)
