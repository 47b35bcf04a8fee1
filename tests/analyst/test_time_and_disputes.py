"""Time on every fact and disputed facts, end to end on articles written for these tests: the dates reach
triples.jsonl, the embedded Cypher store (as dates) and RDF (as xsd:date); a fact some articles assert and
others deny is disputed on both sides, and the README's queries find the pair."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.cli import main
from kg.query import EXAMPLES, query_embedded

pytestmark = pytest.mark.model

ARTICLES = [
    {"id": "a1", "published": "2020-01-08", "source": "Harbour Daily",
     "text": "Ingrid Halvorsen met Daniel Mwangi in Nairobi on Tuesday. Acme Corp. bought Atlas Inc. last week."},
    {"id": "a2", "published": "Thu, 09 Jan 2020 10:00:00 +0000", "source": "Coast Herald",
     "text": "Ingrid Halvorsen did not meet Daniel Mwangi in Nairobi, her office said."},
    {"id": "a3", "source": "Undated Weekly",
     "text": "Acme Corp. bought Atlas Inc. in 2017. Ingrid Halvorsen met Daniel Mwangi on Friday."},
]  # fmt: skip


@pytest.fixture(scope="module")
def built(nlp: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    import kg.pipeline

    folder = tmp_path_factory.mktemp("analyst")
    corpus = folder / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    out = folder / "out"
    original = kg.pipeline.load_pipeline
    kg.pipeline.load_pipeline = lambda name=None: nlp  # type: ignore[assignment]
    try:
        assert main(["build", str(corpus), "--out", str(out), "-q", "--no-html"]) == 0
    finally:
        kg.pipeline.load_pipeline = original
    return out


def rows(out: Path) -> dict[tuple[str, str, str, bool], dict[str, Any]]:
    found = {}
    for line in (out / "triples.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        found[(r["subject"]["label"], r["predicate"]["id"], r["object"]["label"], r["negated"])] = r
    return found


def meeting(out: Path, negated: bool) -> dict[str, Any]:
    """kg:meets is symmetric: its ends are stored in a canonical order, not the sentence's."""
    return rows(out)[("Daniel Mwangi", "kg:meets", "Ingrid Halvorsen", negated)]


def test_event_dates_resolve_against_the_publication_date(built: Path) -> None:
    met = meeting(built, False)
    dated = {(e["document"], e.get("event_start"), e.get("date_rule")) for e in met["evidence"]}
    # "on Tuesday" in an article of Wednesday 8 January 2020 is 7 January
    assert ("a1", "2020-01-07", "relative.weekday") in dated
    # without a publication date a weekday resolves to nothing
    assert ("a3", None, None) in dated
    assert met["first_seen"] == met["last_seen"] == "2020-01-08"
    assert met["event_dates"] == [["2020-01-07", "2020-01-07"]]


def test_intervals_and_absolute_dates(built: Path) -> None:
    bought = rows(built)[("Acme Corp.", "kg:acquires", "Atlas Inc.", False)]
    spans = {(e["document"], e.get("event_start"), e.get("event_end")) for e in bought["evidence"]}
    assert ("a1", "2019-12-30", "2020-01-05") in spans  # "last week": Monday to Sunday
    assert ("a3", "2017-01-01", "2017-12-31") in spans  # "in 2017" needs no publication date


def test_a_fact_asserted_and_denied_is_disputed_on_both_sides(built: Path) -> None:
    found = rows(built)
    asserted, denied = meeting(built, False), meeting(built, True)
    assert asserted["disputed"] and denied["disputed"]
    assert asserted["disputed_by"] == [denied["id"]] and denied["disputed_by"] == [asserted["id"]]
    assert "disputed" not in found[("Acme Corp.", "kg:acquires", "Atlas Inc.", False)]


def test_the_store_holds_dates_and_the_disputed_query_finds_the_pair(built: Path) -> None:
    dated = query_embedded(
        built, "MATCH (:Entity)-[r:ACQUIRES]->(:Entity) RETURN r.first_seen AS seen, r.event_start AS began"
    ).rows
    assert dated == [["2020-01-08", "2017-01-01"]]
    disputed = query_embedded(built, EXAMPLES["disputed"].query)
    assert disputed.rows == [["Daniel Mwangi", "kg:meets", "Ingrid Halvorsen", ["a1", "a3"], ["a2"]]]
    timeline = query_embedded(built, EXAMPLES["timeline"].query).rows
    assert timeline[0][0] == "2020-01-07"


def test_rdf_carries_typed_dates_and_the_disputed_pair(built: Path) -> None:
    from kg.sparql import RESEARCH_QUERIES, load_for_query, run_sparql

    data, _ = load_for_query(built)
    answer = list(run_sparql(data, RESEARCH_QUERIES["disputed"]))
    assert len(answer) == 1 and (str(answer[0][0]), str(answer[0][2])) == ("Daniel Mwangi", "Ingrid Halvorsen")
    assert str(answer[0][4]).endswith("/a2") and "/a1" in str(answer[0][3])
    days = {str(row[0]) for row in run_sparql(data, RESEARCH_QUERIES["timeline"])}
    assert {"2017-01-01", "2020-01-07"} <= days
    typed = list(run_sparql(data, "SELECT ?d WHERE { ?e kg:eventStart ?d } LIMIT 1"))
    assert str(typed[0][0].datatype).endswith("#date")
