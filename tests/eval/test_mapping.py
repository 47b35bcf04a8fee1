"""The CoNLL04 mapping: kg relations onto the benchmark's five labels by the classes of both ends."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import OntologyError
from kg.eval.mapping import load_mapping
from kg.ontology import load_ontology


def test_every_relation_maps_onto_conll04_where_the_benchmark_has_one() -> None:
    mapping = load_mapping(load_ontology())
    assert mapping.label("kg:kills", "Person", "Person") == "Kill"
    assert mapping.label("kg:worksFor", "Person", "Organization") == "Work_For"
    assert mapping.label("kg:basedIn", "Organization", "City") == "OrgBased_In"
    assert mapping.label("kg:livesIn", "Person", "Country") == "Live_In"
    assert mapping.label("kg:locatedIn", "City", "Country") == "Located_In"
    assert mapping.label("kg:meets", "Person", "Person") is None


def test_user_rows_come_after_the_builtin_ones_and_unknown_relations_are_refused(tmp_path: Path) -> None:
    extra = tmp_path / "conll04-extra.tsv"
    extra.write_text("relation\tsubject_class\tobject_class\tconll04\nkg:meets\tPerson\tPerson\tKill\n")
    assert load_mapping(load_ontology(), [tmp_path]).label("kg:meets", "Person", "Person") == "Kill"
    extra.write_text("relation\tsubject_class\tobject_class\tconll04\nkg:frobs\tPerson\tPerson\tKill\n")
    with pytest.raises(OntologyError, match=r"conll04-extra\.tsv:2: relation kg:frobs is not declared"):
        load_mapping(load_ontology(), [extra])
