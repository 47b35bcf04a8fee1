"""Syndicated copies: near-duplicate documents cluster whatever order they come in; LSH only ever joins what
comparing every pair joins (it may miss a pair near the threshold, never invents one); a build groups the
bands on disk to the same clusters as in memory."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.duplicates import THRESHOLD, clusters, signature, similarity

from .corpus import ARTICLES

WORDS = " ".join(ARTICLES.values()).split()


def story(seed: int, words: int = 120) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(words))


def edited(text: str, seed: int, edits: int) -> str:
    """A copy with a few words replaced (what an outlet changes in a wire story)."""
    rng = random.Random(seed)
    words = text.split()
    for _ in range(edits):
        words[rng.randrange(len(words))] = rng.choice(WORDS)
    return " ".join(words)


def corpus() -> list[tuple[str, str]]:
    docs = []
    for n in range(12):
        text = story(n)
        docs.append((f"d{n:02d}", text))
        if n % 3 == 0:  # two copies of every third story, one lightly and one more edited
            docs.append((f"c{n:02d}a", edited(text, n, 2)))
            docs.append((f"c{n:02d}b", edited(text, n + 100, 6)))
    return docs


SIGNATURES = [(doc, signature(text)) for doc, text in corpus()]


def all_pairs(signatures: list[tuple[str, bytes]]) -> dict[str, str]:
    """Clusters by comparing every pair (the definition the LSH must match)."""
    parent = {doc: doc for doc, _ in signatures}

    def root(doc: str) -> str:
        while parent[doc] != doc:
            doc = parent[doc]
        return doc

    for i, (a, x) in enumerate(signatures):
        for b, y in signatures[:i]:
            if similarity(x, y) >= THRESHOLD and root(a) != root(b):
                ra, rb = root(a), root(b)
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for doc in parent:
        groups.setdefault(root(doc), []).append(doc)
    return {doc: min(g) for g in groups.values() if len(g) > 1 for doc in g}


def test_copies_cluster_under_the_smallest_id_and_other_stories_stay_apart() -> None:
    found, exact = clusters(SIGNATURES), all_pairs(SIGNATURES)
    # every cluster LSH finds lies within one cluster of the all-pairs comparison
    assert all(exact.get(doc) == exact.get(cluster) is not None for doc, cluster in found.items())
    for n in (0, 3, 6, 9):  # a copy with two words changed is always found
        assert found[f"d{n:02d}"] == found[f"c{n:02d}a"] == f"c{n:02d}a"  # the smallest id names the cluster
    assert not {"d01", "d02", "d04"} & set(found)


@settings(max_examples=25, deadline=None)
@given(order=st.permutations(range(len(SIGNATURES))))
def test_clusters_do_not_depend_on_the_order(order: list[int]) -> None:
    assert clusters([SIGNATURES[i] for i in order]) == clusters(SIGNATURES)


@pytest.mark.model
def test_a_build_clusters_on_disk_as_in_memory(nlp: Any, tmp_path: Path) -> None:
    from kg.duplicates import join_candidates
    from kg.model import Document
    from kg.store.state import Pending, Store, content_digest

    with Store(tmp_path / "out") as store:
        pending = [
            Pending(Document(doc, text), content_digest(Document(doc, text)), n, None, None, signature(text), None)
            for n, (doc, text) in enumerate(corpus())
        ]
        store.write_shard(pending, b"", "p", "r")
        assert join_candidates(store.candidates()) == clusters(SIGNATURES)
