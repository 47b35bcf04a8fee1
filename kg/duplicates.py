"""Near-duplicate documents: syndicated copies of one story, found with MinHash and LSH (datasketch).

News corpora carry a wire story many times over, republished by outlets with a new headline, a trimmed
paragraph, their own furniture. Facts read from such copies are one source, not several. A document's
:func:`signature` is a MinHash of its word 5-gram shingles (a pure map, stored with the document); documents
whose estimated Jaccard similarity is at least :data:`THRESHOLD` are near-duplicates, and :func:`clusters`
joins them transitively. A cluster is named by its smallest document id, so clusters do not depend on the
order documents come in (nor on how a corpus was split into builds).

>>> story = ("Dock workers in the port city of Valdora stopped work on Monday over pay and hours, their union "
...          "said. The strike closed two container terminals and left a dozen ships waiting at anchor. The port "
...          "authority called the stoppage unlawful and asked the labour court to order the workers back. Union "
...          "leaders said they would meet the authority on Wednesday but would not end the strike before a new "
...          "offer was on the table. Shipping agents said the delays would cost exporters of fruit and timber.")
>>> copy = story.replace("a dozen ships", "twelve ships") + " Reporting by the Valdora desk."
>>> other = "The city council approved a new budget for schools and roads after a long debate on Friday."
>>> clusters([("b", signature(copy)), ("a", signature(story)), ("c", signature(other))])
{'a': 'a', 'b': 'a'}
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

__all__ = [
    "NUM_PERM",
    "SHINGLE",
    "THRESHOLD",
    "VERSION",
    "band_keys",
    "bands",
    "clusters",
    "join_candidates",
    "signature",
    "similarity",
]

NUM_PERM = 128  # permutations: 512 bytes a document; the estimate of a similarity of 0.8 is within 0.07 (2 sd)
SHINGLE = 5  # words per shingle: copies share nearly all, different stories on one topic few
THRESHOLD = 0.7  # estimated Jaccard similarity from which two documents are copies of one story
_WORD = re.compile(r"\w+")
_SEED = 1  # fixed: the same text has the same signature in every process and on every machine
_SCHEME = "affine32"  # datasketch's permutation scheme, named: a later default must not change stored signatures
# What a stored signature depends on (a build re-computes signatures when it changes).
VERSION = f"minhash-{_SCHEME}-{NUM_PERM}-{SHINGLE}-{_SEED}"


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) <= SHINGLE:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> bytes:
    """The MinHash signature of a text: :data:`NUM_PERM` 32-bit values, little-endian."""
    import numpy as np
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    minhash.update_batch(list(_shingles(text)))
    return bytes(np.asarray(minhash.hashvalues, dtype="<u4").tobytes())


@cache
def bands() -> tuple[int, int]:
    """(bands, rows per band) of the LSH index datasketch chooses for :data:`THRESHOLD` and :data:`NUM_PERM`:
    documents that share all the values of one band are candidates, and are compared."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


def band_keys(data: bytes) -> list[tuple[int, bytes]]:
    """(band, its values) of a signature: two documents are candidates when they share one."""
    count, rows = bands()
    width = 4 * rows
    return [(band, data[band * width : (band + 1) * width]) for band in range(count)]


def similarity(a: bytes, b: bytes) -> float:
    """The estimated Jaccard similarity of two signatures: the share of their values that are equal."""
    import numpy as np

    x, y = np.frombuffer(a, dtype="<u4"), np.frombuffer(b, dtype="<u4")
    return float(np.count_nonzero(x == y)) / len(x)


def join_candidates(groups: Iterable[list[tuple[str, bytes]]]) -> dict[str, str]:
    """Document -> cluster, from groups of candidates (documents that share a band): candidates similar enough
    are joined, transitively; a cluster is named by its smallest document id. Pairs already joined are not
    compared again, which changes nothing but the work: the clusters are the same as comparing all pairs."""
    parent: dict[str, str] = {}

    def root(doc: str) -> str:
        while parent.get(doc, doc) != doc:
            doc = parent[doc]
        return doc

    for group in groups:
        members = sorted(group)
        for i, (doc, data) in enumerate(members):
            for other, other_data in members[:i]:
                a, b = root(doc), root(other)
                if a != b and similarity(data, other_data) >= THRESHOLD:
                    parent[max(a, b)] = min(a, b)
    found = {doc: root(doc) for doc in parent}
    for doc in list(found.values()):
        found.setdefault(doc, doc)
    return dict(sorted(found.items()))


def clusters(signatures: Iterable[tuple[str, bytes]]) -> dict[str, str]:
    """Document -> cluster (the smallest document id among its near-duplicates, found transitively), for the
    documents that have a near-duplicate; the others are their own source and are left out. In memory; a
    build's store groups the bands on disk (``Store.candidates``) and calls :func:`join_candidates`."""
    by_band: dict[tuple[int, bytes], list[tuple[str, bytes]]] = {}
    for doc, data in signatures:
        for key in band_keys(data):
            by_band.setdefault(key, []).append((doc, data))
    return join_candidates(group for group in by_band.values() if len(group) > 1)
