"""Builds that grow give the files one build gives: A then B is A and B together, byte for byte (triples,
entities, RDF, and the documents and extractions in the same order), and removing B afterwards is A."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.store import OutputOptions, build_into, remove_from

from .corpus import ARTICLES, write_corpus

pytestmark = pytest.mark.model

COMPARED = ("triples.jsonl", "entities.jsonl", "graph.ttl", "documents.jsonl", "extractions.jsonl")
OPTIONS = OutputOptions(html=False, embedded=False)
NAMES = list(ARTICLES)


def build(nlp: Any, paths: list[Path], out: Path, **options: Any) -> Any:
    return build_into(paths, out, options=OPTIONS, nlp=nlp, **options)


def same_files(a: Path, b: Path) -> None:
    for name in COMPARED:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def split(order: list[str], in_a: list[bool]) -> tuple[list[str], list[str]]:
    a = [name for name, keep in zip(order, in_a, strict=True) if keep]
    b = [name for name, keep in zip(order, in_a, strict=True) if not keep]
    return a, b


def test_adding_articles_one_at_a_time_gives_the_files_of_one_build(nlp: Any, tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "corpus")
    build(nlp, paths, tmp_path / "together")
    for path in paths:
        report = build(nlp, [path], tmp_path / "grown")
        assert report.new == 1
    same_files(tmp_path / "together", tmp_path / "grown")
    # the near-duplicate copy counts once among the sources of the facts both copies give
    assert '"document_count": 2, "sources": 1' in (tmp_path / "grown" / "triples.jsonl").read_text(encoding="utf-8")


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(order=st.permutations(NAMES), in_a=st.lists(st.booleans(), min_size=len(NAMES), max_size=len(NAMES)))
def test_a_then_b_is_a_and_b_together_and_removing_b_is_a(
    nlp: Any, tmp_path_factory: pytest.TempPathFactory, order: list[str], in_a: list[bool]
) -> None:
    a, b = split(order, in_a)
    if not a or not b:
        return
    root = tmp_path_factory.mktemp("split")
    corpus = root / "corpus"
    paths = {p.stem: p for p in write_corpus(corpus, order)}
    build(nlp, [paths[n] for n in a], root / "a")
    build(nlp, [paths[n] for n in a + b], root / "together")
    build(nlp, [paths[n] for n in a], root / "grown")
    report = build(nlp, [paths[n] for n in b], root / "grown")
    assert (report.new, report.reused) == (len(b), 0)
    same_files(root / "together", root / "grown")
    removed = remove_from(root / "grown", origins=[str(paths[n]) for n in b], nlp=nlp)
    assert len(removed.removed) == len(b)
    same_files(root / "a", root / "grown")


@pytest.mark.nightly
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(order=st.permutations(NAMES), in_a=st.lists(st.booleans(), min_size=len(NAMES), max_size=len(NAMES)))
def test_a_then_b_long_run(
    nlp: Any, tmp_path_factory: pytest.TempPathFactory, order: list[str], in_a: list[bool]
) -> None:
    test_a_then_b_is_a_and_b_together_and_removing_b_is_a.hypothesis.inner_test(  # type: ignore[attr-defined]
        nlp, tmp_path_factory, order, in_a
    )


def test_removing_keeps_every_other_id(nlp: Any, tmp_path: Path) -> None:
    import kg

    paths = write_corpus(tmp_path / "corpus")
    before = kg.load(build(nlp, paths, tmp_path / "out").written[0].paths[0].parent)
    gone = next(d.id for d in before.documents if d.origin and d.origin.endswith("union-vote.txt"))
    report = remove_from(tmp_path / "out", documents=[gone, "no-such-document"], nlp=nlp)
    assert report.removed == [gone] and report.missing == ["no-such-document"]
    after = kg.load(tmp_path / "out")
    assert gone not in {d.id for d in after.documents}
    assert all(ev.document != gone for t in after.triples for ev in t.evidence)
    # what is left keeps its id: every fact and entity after the removal was there before, under the same id
    assert {t.id for t in after.triples} < {t.id for t in before.triples}
    assert {e.id for e in after.entities} <= {e.id for e in before.entities}
    lost = {t.id for t in before.triples} - {t.id for t in after.triples}
    assert all({ev.document for ev in t.evidence} == {gone} for t in before.triples if t.id in lost)


def test_an_edited_article_replaces_its_earlier_version(nlp: Any, tmp_path: Path) -> None:
    """A page read again with other text (the paper corrected it, or kg reads pages better) is one document."""
    page = tmp_path / "corpus" / "story.txt"
    page.parent.mkdir()
    page.write_text("Ola Berg met Jon Moe in Oslo on Monday.\n", encoding="utf-8")
    build(nlp, [page], tmp_path / "out")
    page.write_text("Ola Berg met Ana Lind in Oslo on Monday.\n", encoding="utf-8")
    report = build(nlp, [page], tmp_path / "out")
    assert (report.new, report.changed) == (0, 1)
    documents = (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(documents) == 1 and "Ana Lind" in documents[0]
    fresh = build(nlp, [page], tmp_path / "fresh")
    assert fresh.new == 1
    same_files(tmp_path / "out", tmp_path / "fresh")


def test_the_same_text_in_another_file_is_kept_when_one_copy_is_edited(nlp: Any, tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (first, second):
        path.write_text("Ola Berg met Jon Moe in Oslo on Monday.\n", encoding="utf-8")
    skipped: list[InputError] = []
    build(nlp, [first, second], tmp_path / "out", on_error=skipped.append)
    assert len(skipped) == 1  # the copy is reported, its text stored once
    first.write_text("Ola Berg met Ana Lind in Oslo on Monday.\n", encoding="utf-8")
    build(nlp, [first, second], tmp_path / "out", on_error=skipped.append)
    documents = (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8")
    assert "Jon Moe" in documents and "Ana Lind" in documents
