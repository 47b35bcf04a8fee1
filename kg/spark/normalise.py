"""Normalisation on Spark: the four phases of :mod:`kg.normalise`, distributed, calling the same functions.

a. **Name statistics, reduced.** Each partition folds :func:`~kg.normalise.name_stats` of its readings
   (:meth:`NameStats.update`), and the partitions' statistics meet in a ``treeReduce`` of
   :meth:`NameStats.merge` (associative and commutative, so partitioning does not matter).
b. **Decisions, broadcast.** :func:`~kg.normalise.decide` runs once on the driver over the merged statistics;
   the :class:`~kg.normalise.entities.Decisions` go to every executor as a broadcast variable.
c. **Every reading mapped** with :func:`~kg.normalise.map_reading` into entity parts keyed by entity key and
   fact drafts keyed by statement id (a ``flatMap``).
d. **Merged per key** (``reduceByKey`` with :func:`~kg.normalise.assemble.merge_parts` and
   :func:`~kg.normalise.facts.merge_drafts`), then each entity assembled
   (:func:`~kg.normalise.assemble.entity_header`, :func:`~kg.normalise.assemble.with_mentions`) and each fact
   (:func:`~kg.normalise.assemble.assemble_fact`) once its two ends and its twin (the statement that says the
   opposite) are joined to it. The entities kept are those a fact uses or that were named outright
   (:func:`~kg.normalise.assemble.is_named`), as in a local build.

Facts are assembled with their ends' headers (an entity without its mentions, as the streaming local build
does): the JSONL and RDF of a fact never carry its ends' mentions, and a popular entity's thousands of
mentions are not copied into each of its facts.

Near-duplicate documents (:mod:`kg.duplicates`) are clustered on the driver from the signatures the executors
computed (512 bytes a document), and the clusters broadcast for counting each fact's independent sources.

>>> from collections import Counter
>>> add_counts(Counter({"a": 1}), Counter({"a": 2, "b": 1}))
Counter({'a': 3, 'b': 1})
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.extract import DocumentReading
from kg.model import Entity, Triple
from kg.normalise import Settings, decide, map_reading, name_stats
from kg.normalise.assemble import assemble_fact, entity_header, is_named, merge_parts, with_mentions
from kg.normalise.curation import NO_CURATION, Curation
from kg.normalise.entities import Decisions
from kg.normalise.facts import Draft, merge_drafts, twin_of
from kg.normalise.mapping import EntityPart, MappedReading
from kg.normalise.stats import NameStats
from kg.ontology import Ontology

if TYPE_CHECKING:
    from pyspark import RDD, Broadcast
    from pyspark.sql import SparkSession

__all__ = ["Normalised", "add_counts", "normalise_readings"]


@dataclass(frozen=True, slots=True)
class Normalised:
    """The triples and entities of a corpus, as distributed collections, and why extractions made no fact."""

    triples: RDD[Triple]
    entities: RDD[Entity]
    dropped: dict[str, int]


@dataclass(frozen=True, slots=True)
class _Shared:
    """What every executor needs for phases (c) and (d): one broadcast."""

    decisions: Decisions
    ontology: Ontology
    settings: Settings
    clusters: Mapping[str, str] | None
    curation: Curation


def add_counts(a: Counter[str], b: Counter[str]) -> Counter[str]:
    a.update(b)
    return a


def _fold_stats(readings: Iterable[DocumentReading], ontology: Ontology) -> Iterator[NameStats]:
    stats = NameStats()
    for reading in readings:
        stats.update(name_stats(reading, ontology))
    yield stats


def _entity(item: tuple[str, EntityPart], shared: _Shared) -> Iterator[tuple[str, tuple[Entity, Entity]]]:
    """(key, (header, entity with its mentions)) of one merged part, unless curation leaves it out."""
    key, part = item
    header = shared.curation.entity(entity_header(key, part.labels, part.aliases, part.created, shared.decisions))
    if header is not None:
        yield key, (header, with_mentions(header, part.mentions))


Ends = tuple[tuple[str, Draft, str | None], Entity | None]


def _fact(item: tuple[str, tuple[Ends, Entity | None]], shared: _Shared) -> Triple | str:
    """One statement's triple, from its merged draft, its twin (if the opposite was said) and its two ends."""
    _, (((sid, draft, twin), subject), obj) = item
    ends = {k: e for k, e in ((draft.subject, subject), (draft.object, obj)) if e is not None}
    statements = {twin} if twin is not None else set()
    return assemble_fact(
        sid, draft, ends, statements, shared.settings, clusters=shared.clusters, curation=shared.curation
    )


def _decisions(readings: RDD[DocumentReading], ontology: Ontology, curation: Curation) -> Decisions:
    """Phases (a) and (b): statistics reduced over the partitions, decisions made once."""
    stats = readings.mapPartitions(lambda rs: _fold_stats(rs, ontology)).treeReduce(lambda a, b: a.merge(b))
    return curation.decisions(decide(stats, ontology))


def _facts(mapped: RDD[MappedReading], headers: RDD[tuple[str, Entity]], shared: Broadcast[_Shared]) -> RDD[Any]:
    """Phase (d) for facts: drafts merged per statement id, joined to their twins and both ends, assembled."""
    drafts = mapped.flatMap(lambda m: m.facts.items()).reduceByKey(merge_drafts)
    twins = drafts.map(lambda sd: (twin_of(sd[1]), sd[0])).join(drafts.mapValues(lambda _: None))
    disputed = twins.map(lambda kv: (kv[1][0], kv[0]))  # (statement, its twin that was said too)
    with_twin = drafts.leftOuterJoin(disputed).map(lambda kv: (kv[1][0].subject, (kv[0], kv[1][0], kv[1][1])))
    with_subject = with_twin.leftOuterJoin(headers).map(lambda kv: (kv[1][0][1].object, kv[1]))
    return with_subject.leftOuterJoin(headers).map(lambda item: _fact(item, shared.value))


def normalise_readings(
    spark: SparkSession,
    records: RDD[tuple[Any, DocumentReading]],
    ontology: Ontology,
    settings: Settings,
    *,
    clusters: Mapping[str, str] | None = None,
    curation: Curation = NO_CURATION,
) -> Normalised:
    """Entities and triples of the readings (keyed by anything: their place in the input order)."""
    from pyspark import StorageLevel

    readings = records.values().persist(StorageLevel.MEMORY_AND_DISK)
    decisions = _decisions(readings, ontology, curation)
    shared = spark.sparkContext.broadcast(_Shared(decisions, ontology, settings, clusters, curation))
    mapped = readings.map(
        lambda r: map_reading(r, shared.value.decisions, shared.value.ontology, shared.value.settings)
    )
    mapped = mapped.persist(StorageLevel.MEMORY_AND_DISK)
    parts = mapped.flatMap(lambda m: m.entities.items()).reduceByKey(merge_parts)
    assembled = parts.flatMap(lambda kp: _entity(kp, shared.value)).persist(StorageLevel.MEMORY_AND_DISK)
    headers = assembled.mapValues(lambda he: he[0])
    facts = _facts(mapped, headers, shared).persist(StorageLevel.MEMORY_AND_DISK)
    triples = facts.filter(lambda f: not isinstance(f, str))
    dropped = mapped.map(lambda m: Counter(m.dropped)).fold(Counter(), add_counts)
    dropped.update(facts.filter(lambda f: isinstance(f, str)).countByValue())
    used = triples.flatMap(lambda t: ((t.subject.id, True), (t.object.id, True))).distinct()
    entities = (
        assembled.map(lambda kv: (kv[1][1].id, kv[1][1]))
        .leftOuterJoin(used)
        .filter(lambda kv: kv[1][1] is not None or is_named(kv[1][0].merged_by))
        .map(lambda kv: kv[1][0])
    )
    readings.unpersist()
    return Normalised(triples, entities, dict(sorted(dropped.items())))
