"""Every exporter answers to the one interface: generate without I/O, write and say what it wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import UsageError
from kg.export import EXPORTERS, Written, get_exporter
from tests.cypher.helpers import small_graph


@pytest.mark.parametrize("name", [n for n in EXPORTERS if n != "neo4j"])  # neo4j is tested against a server
def test_each_file_exporter_writes_into_a_folder_and_reports_it(name: str, tmp_path: Path) -> None:
    exporter = get_exporter(name)
    graph = small_graph(2)
    assert exporter.name == name
    assert list(exporter.generate(graph))  # something to write, and no file yet
    assert list(tmp_path.iterdir()) == []
    written = exporter.write(graph, tmp_path)
    assert isinstance(written, Written) and written.exporter == name
    assert written.paths and all(p.exists() and p.parent == tmp_path for p in written.paths)
    assert written.count > 0 and "\n" not in written.summary


def test_the_graph_carries_its_vocabulary_to_the_exporters() -> None:
    graph = small_graph(1)
    assert "kg:supports" in graph.vocabulary.relations


def test_an_unknown_exporter_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown exporter parquet"):
        get_exporter("parquet")
