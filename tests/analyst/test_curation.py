"""Curation that survives rebuilds, end to end on articles written for these tests: every verb of a curation
file is applied by ``kg build`` and recorded on what it changed, applied again after an incremental update, a
removal and a fresh rebuild (with the same files as the update), and a decision that matches nothing is
reported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.cli import main
from kg.normalise.curate import FileCuration, _final
from kg.normalise.curation_file import parse_curation
from kg.normalise.entities import Decisions

pytestmark = pytest.mark.model

ARTICLES = [
    {"id": "c1", "published": "2021-03-02",
     "text": "Marta Kowalczyk, the chief executive of Brightwater Energy, met Tomas Reyes in Lisbon on Monday. "
             "Brightwater Energy signed a contract with Harbour Logistics. Reyes praised Kowalczyk."},
    {"id": "c2", "published": "2021-03-05",
     "text": "Harbour Logistics criticised Tomas Reyes on Friday. Kowalczyk said Brightwater would hire engineers. "
             "The Harbour firm sued Brightwater Energy."},
    {"id": "c3", "published": "2021-03-09",
     "text": "Tomas Reyes, a striker, joined Porto on Tuesday. Reyes scored against Benfica."},
]  # fmt: skip
LATER = {"id": "c4", "published": "2021-03-12",
         "text": "Harlog signed a deal with Brightwater Energy on Friday. Brightwater hired Ana Lima."}  # fmt: skip


def write(path: Path, articles: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def build(*args: str) -> int:
    return main(["build", *args, "-q", "--no-html", "--no-rdf", "--no-embedded"])


def entities(out: Path) -> dict[str, dict[str, Any]]:
    """label -> entity row (the labels of these articles name one entity each)."""
    rows = [json.loads(line) for line in (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    return {r["label"]: r for r in rows}


def facts(out: Path) -> dict[tuple[str, str, str], dict[str, Any]]:
    rows = [json.loads(line) for line in (out / "triples.jsonl").read_text(encoding="utf-8").splitlines()]
    return {(r["subject"]["label"], r["predicate"]["label"], r["object"]["label"]): r for r in rows}


def curate(out: Path, *args: str) -> None:
    assert main(["curate", str(out), *args]) == 0


@pytest.fixture(scope="module")
def curated(nlp: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A build, the analyst's decisions on it (made with kg curate), and the build again."""
    patch = pytest.MonkeyPatch()
    patch.setattr("kg.store.load_pipeline", lambda name=None: nlp)
    folder = tmp_path_factory.mktemp("curation")
    corpus = write(folder / "corpus.jsonl", ARTICLES)
    out = folder / "out"
    try:
        assert build(str(corpus), "--out", str(out)) == 0
        before = entities(out), facts(out)
        named, found = before
        praise = found[("Tomas Reyes", "praises", "Marta Kowalczyk")]["id"]
        curate(out, "--merge", named["Brightwater"]["id"], named["Brightwater Energy"]["id"], "--note", "one firm")
        curate(out, "--retype", named["Porto"]["id"], "Organization")
        curate(out, "--relabel", named["Porto"]["id"], "FC Porto")
        curate(out, "--split", named["Tomas Reyes"]["id"], "c3", "--note", "the footballer is someone else")
        curate(out, "--alias", named["Harbour Logistics"]["id"], "Harlog")
        curate(out, "--reject-entity", named["Harbour"]["id"])
        curate(out, "--reject-fact", praise)
        with (out / "curation.tsv").open("a", encoding="utf-8") as handle:
            handle.write("reject-fact\tst-0000000000000000\tan id from another build\n")
        assert build(str(corpus), "--out", str(out)) == 0
        return {"folder": folder, "corpus": corpus, "out": out, "before": before, "praise": praise, "nlp": nlp}
    finally:
        patch.undo()


def test_merge_moves_every_mention_and_is_recorded(curated: dict[str, Any]) -> None:
    named = entities(curated["out"])
    assert "Brightwater" not in named
    firm = named["Brightwater Energy"]
    assert firm["id"] == curated["before"][0]["Brightwater Energy"]["id"]  # the id it had stays
    assert "curation.tsv:2 merge" in firm["curation"]
    assert {m["text"] for m in firm["mentions"]} >= {"Brightwater", "Brightwater Energy"}


def test_retype_relabel_alias_change_the_entity_not_its_id(curated: dict[str, Any]) -> None:
    named, before = entities(curated["out"]), curated["before"][0]
    club = named["FC Porto"]
    assert (club["id"], club["type"]) == (before["Porto"]["id"], "Organization")
    assert "Porto" in club["aliases"]
    assert club["curation"] == ["curation.tsv:3 retype", "curation.tsv:4 relabel"]
    assert "Harlog" in named["Harbour Logistics"]["aliases"]
    assert facts(curated["out"])[("Tomas Reyes", "member of", "FC Porto")]["object"]["type"] == "Organization"


def test_split_makes_a_new_entity_of_one_documents_mentions(curated: dict[str, Any]) -> None:
    rows = [json.loads(line) for line in (curated["out"] / "entities.jsonl").read_text().splitlines()]
    reyes = [r for r in rows if r["label"] == "Tomas Reyes"]
    assert len(reyes) == 2
    kept, new = sorted(reyes, key=lambda r: "curation" in r)
    assert kept["id"] == curated["before"][0]["Tomas Reyes"]["id"]
    assert {m["document"] for m in kept["mentions"]} == {"c1", "c2"}
    assert {m["document"] for m in new["mentions"]} == {"c3"} and new["curation"] == ["curation.tsv:5 split"]
    club = facts(curated["out"])[("Tomas Reyes", "member of", "FC Porto")]
    assert club["subject"]["id"] == new["id"]


def test_rejected_entity_and_fact_are_gone(curated: dict[str, Any]) -> None:
    assert "Harbour" not in entities(curated["out"])
    assert curated["praise"] not in {r["id"] for r in facts(curated["out"]).values()}


def test_an_unmatched_decision_is_reported_and_fails_strict(
    curated: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kg.store.load_pipeline", lambda name=None: curated["nlp"])
    out = curated["out"]
    assert main(["build", str(curated["corpus"]), "--out", str(out), "--no-html", "--no-rdf", "--no-embedded"]) == 0
    err = capsys.readouterr().err
    assert "curation: 7 decision(s) applied, 1 matched nothing" in err
    assert "matched nothing: curation.tsv:9 reject-fact st-0000000000000000" in err
    assert build(str(curated["corpus"]), "--out", str(out), "--strict") == 1


def test_decisions_apply_again_after_an_update_a_removal_and_a_fresh_build(
    curated: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kg.store.load_pipeline", lambda name=None: curated["nlp"])
    folder, out = curated["folder"], curated["out"]
    later = write(folder / "later.jsonl", [LATER])
    assert build(str(later), "--out", str(out)) == 0  # an incremental update
    named = entities(out)
    assert {"c4"} <= {m["document"] for m in named["Brightwater Energy"]["mentions"]}  # merged again
    assert "c4" in {m["document"] for m in named["Harbour Logistics"]["mentions"]}  # the alias names it
    # the same corpus built from scratch with the same decisions gives the same files
    fresh = folder / "fresh"
    both = write(folder / "both.jsonl", [*ARTICLES, LATER])
    curation = out / "curation.tsv"
    assert build(str(both), "--out", str(fresh), "--curation", str(curation)) == 0
    for name in ("triples.jsonl", "entities.jsonl"):
        assert (fresh / name).read_bytes() == (out / name).read_bytes(), name
    # removing the later article leaves the decisions applied to what remains
    assert main(["remove", str(out), "--document", "c4", "-q"]) == 0
    assert "Brightwater" not in entities(out)
    assert "c4" not in {m["document"] for m in entities(out)["Brightwater Energy"]["mentions"]}


def test_a_bad_curation_line_stops_the_build_before_parsing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "c.tsv"
    bad.write_text("merge\tonly-one-id\n", encoding="utf-8")
    corpus = write(tmp_path / "corpus.jsonl", ARTICLES[:1])
    assert build(str(corpus), "--out", str(tmp_path / "out"), "--curation", str(bad)) == 1
    assert "c.tsv:1: merge needs a target and a value" in capsys.readouterr().err
    assert not (tmp_path / "out" / "triples.jsonl").exists()


def test_chains_of_merges_end_in_one_entity_and_cycles_stop() -> None:
    assert _final({"a": "b", "b": "c"}, "a") == "c"
    assert _final({"a": "b", "b": "a"}, "a") == "b"


def test_decisions_of_a_curation_file_on_hand_made_decisions() -> None:
    from kg.ids import entity_id

    decisions = Decisions(classes={"ana silva": "Person", "a silva": "Person", "tarvik": "Organization"})
    ana, short = entity_id("", "ana silva"), entity_id("", "a silva")
    text = f"merge\t{short}\t{ana}\nsplit\t{ana}\tdoc-9:10-19\nalias\t{entity_id('', 'tarvik')}\tTarvik Group\n"
    curation = FileCuration(parse_curation(text, "c.tsv"))
    curated = curation.decisions(decisions)
    assert curated.merged == {"a silva": "ana silva"}  # type: ignore[attr-defined]
    assert curated.split == {("ana silva", "doc-9", "10", "19"): "ana silva|doc-9|10|19"}  # type: ignore[attr-defined]
    assert curated.classes["ana silva|doc-9|10|19"] == "Person"
    assert curated.variants["tarvik group"] == "tarvik"
    assert curation.unmatched(curated=["c.tsv:1", "c.tsv:2", "c.tsv:3"], dropped={}) == []


def test_the_python_api_applies_a_curation_file_too(curated: dict[str, Any], tmp_path: Path) -> None:
    from kg.model import Document
    from kg.pipeline import BuildSettings, build_documents

    documents = [Document(a["id"], a["text"]) for a in ARTICLES]
    graph = build_documents(documents, BuildSettings(curation=(curated["out"] / "curation.tsv",)), nlp=curated["nlp"])
    labels = {e.label: e for e in graph.entities}
    assert "FC Porto" in labels and "Brightwater" not in labels and "Harbour" not in labels
    assert labels["FC Porto"].curation == ("curation.tsv:3 retype", "curation.tsv:4 relabel")
    assert graph.stats["unmatched"] == ["curation.tsv:9 reject-fact st-0000000000000000"]
