"""kg.diff without a model: comparing builds held in memory, and reading output folders written by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.diff import Build, EntityState, FactState, compare, diff_builds, read_build
from kg.errors import KgError, OutputError

NORWAY = EntityState("Norway", "Country", ("Norwegian",), 3)
KENYA = EntityState("Kenya", "Country", ("Kenyan",), 2)


def fact(subject: str = "Norway", obj: str = "Kenya", **changes: Any) -> FactState:
    values: dict[str, Any] = {"predicate": "supports", "surface": None, "confidence": 0.75, "evidence": 1}
    values.update({"documents": 1, **changes})
    return FactState(subject=subject, object=obj, **values)


def test_added_removed_and_changed_in_a_fixed_order() -> None:
    old = Build(
        facts={"st-b": fact(), "st-a": fact("Denmark"), "st-c": fact("Sweden")},
        entities={"country-no": NORWAY, "country-ke": KENYA},
    )
    new = Build(
        facts={"st-b": fact(confidence=0.81, evidence=3, documents=2), "st-c": fact("Sweden"), "st-d": fact("Finland")},
        entities={"country-no": NORWAY, "country-ke": EntityState("Kenya", "Country", ("Kenyan",), 5)},
    )
    diff = compare(old, new)
    assert [(c.kind, c.status, c.id, c.label) for c in diff.changes] == [
        ("fact", "removed", "st-a", "Denmark supports Kenya"),
        ("fact", "added", "st-d", "Finland supports Kenya"),
        ("fact", "changed", "st-b", "Norway supports Kenya"),
        ("entity", "changed", "country-ke", "Kenya"),
    ]
    assert diff.changes[2].fields == ("confidence", "evidence", "documents")
    assert diff.changes[3].fields == ("mentions",)
    assert not diff.identical
    assert diff.summary() == {
        "facts": {"removed": 1, "added": 1, "changed": 1, "old": 3, "new": 3},
        "entities": {"removed": 0, "added": 0, "changed": 1, "old": 2, "new": 2},
    }
    # the same builds in another insertion order give the same list
    shuffled = Build(dict(reversed(list(new.facts.items()))), dict(reversed(list(new.entities.items()))))
    assert compare(old, shuffled) == diff


def test_labels_flags_and_relation_changes_are_named() -> None:
    old = Build(facts={"st-1": fact(surface="welcomed", predicate="related to")})
    new = Build(facts={"st-1": fact("Kingdom of Norway", surface="hailed", predicate="related to", hedged=True)})
    (change,) = compare(old, new).changes
    assert change.fields == ("subject", "surface", "hedged")
    assert change.label == "Kingdom of Norway related to (hailed) Kenya"
    assert FactState("Norway", "supports", "Kenya", None, 0.7, 1, 1, negated=True).label == "Norway not supports Kenya"


def test_identical_builds_and_only_one_kind() -> None:
    build = Build(facts={"st-1": fact()}, entities={"country-no": NORWAY})
    assert compare(build, build).identical
    assert compare(Build(), Build()).identical
    entity_only = compare(build, Build(facts=build.facts, entities={}))
    assert entity_only.only("fact").identical
    assert not entity_only.only("entity").identical
    assert entity_only.only("entity").summary() == {
        "entities": {"removed": 1, "added": 0, "changed": 0, "old": 1, "new": 0}
    }


def test_to_dict_is_json_and_limits() -> None:
    old = Build(facts={f"st-{i}": fact(f"Country {i}") for i in range(5)})
    document = compare(old, Build()).to_dict(limit=2)
    assert json.loads(json.dumps(document)) == document
    assert [c["id"] for c in document["changes"]] == ["st-0", "st-1"]
    assert document["left_off"] == 3
    assert document["changes"][0]["old"]["subject"] == "Country 0"
    assert document["changes"][0]["new"] is None


# -- reading output folders ---------------------------------------------------------------------------------


def triple_row(triple_id: str, subject: str, obj: str, documents: tuple[str, ...]) -> dict[str, Any]:
    def end(label: str) -> dict[str, Any]:
        return {"id": label.lower(), "label": label, "type": "Country", "aliases": []}

    evidence = [{"document": d, "sentence": f"{subject} backs {obj}."} for d in documents]
    return {
        "id": triple_id,
        "subject": end(subject),
        "predicate": {"id": "kg:supports", "label": "supports"},
        "object": end(obj),
        "confidence": 0.8,
        "negated": False,
        "hedged": False,
        "evidence": evidence,
    }


def write_build(folder: Path, triples: list[dict[str, Any]], entities: list[dict[str, Any]]) -> Path:
    folder.mkdir(parents=True)
    for name, rows in (("triples.jsonl", triples), ("entities.jsonl", entities)):
        (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return folder


def test_read_build_counts_evidence_documents_and_mentions(tmp_path: Path) -> None:
    mentions = [{"document": "d1", "start": 0, "end": 6, "text": "Norway"}] * 2
    folder = write_build(
        tmp_path / "out",
        [triple_row("st-1", "Norway", "Kenya", ("d1", "d1", "d2"))],
        [{"id": "norway", "label": "Norway", "type": "Country", "aliases": ["Norwegian"], "mentions": mentions}],
    )
    build = read_build(folder)
    assert build.facts["st-1"] == FactState("Norway", "supports", "Kenya", None, 0.8, 3, 2)
    assert build.entities["norway"] == EntityState("Norway", "Country", ("Norwegian",), 2)
    assert diff_builds(folder, folder).identical


def test_bad_folders_are_one_line_errors(tmp_path: Path) -> None:
    good = write_build(tmp_path / "good", [triple_row("st-1", "Norway", "Kenya", ("d1",))], [])
    with pytest.raises(OutputError, match="no such folder"):
        read_build(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(OutputError, match=r"triples\.jsonl: not found \(is .* a `kg build --out` folder\?\)"):
        read_build(tmp_path / "empty")
    broken = write_build(tmp_path / "broken", [triple_row("st-1", "Norway", "Kenya", ("d1",))], [])
    with (broken / "entities.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"id": "x", "label": "X", "type": "Country"}\n{"id": \n')
    with pytest.raises(OutputError, match=r"entities\.jsonl:2: not valid JSON"):
        read_build(broken)
    odd = write_build(tmp_path / "odd", [{"id": "st-1", "subject": "Norway"}], [])
    with pytest.raises(KgError, match=r"triples\.jsonl:1: not a row kg build writes") as raised:
        diff_builds(good, odd)
    assert "\n" not in str(raised.value)
