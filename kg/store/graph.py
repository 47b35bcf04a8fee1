"""Normalisation over a store, streaming, and the JSONL files it writes on the way.

Phase (a) folds the name statistics of every shard (cached per shard: a shard whose live documents did not
change is not read again); phase (b) decides; phase (c) maps every record, in the build's order, into the
group-by tables (:mod:`kg.store.tables`) while ``documents.jsonl`` and ``extractions.jsonl`` are written from
the same records; phase (d) assembles each statement id's triple into ``triples.jsonl`` and each entity into
``entities.jsonl``. Held in memory: the name statistics, then the decisions and the entity headers (label,
class, aliases: one small record per entity), never documents, sentences, mentions or evidence.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from kg.export.files import open_output
from kg.extract import DocumentReading
from kg.ids import digest
from kg.model import Document, Entity
from kg.normalise import Settings, decide, map_reading, name_stats
from kg.normalise.assemble import assemble_fact, entity_header, is_named, with_mentions
from kg.normalise.curation import NO_CURATION, Curation
from kg.normalise.stats import NameStats
from kg.ontology import Ontology
from kg.store.state import Store
from kg.store.tables import Tables

__all__ = ["Normalised", "normalise_store"]

JSONL = ("triples.jsonl", "extractions.jsonl", "entities.jsonl", "documents.jsonl")


@dataclass(slots=True)
class Normalised:
    """What a streaming normalisation wrote and counted."""

    documents: int = 0  # parsed documents
    sentences: int = 0
    words: int = 0
    extractions: int = 0
    triples: int = 0
    entities: int = 0
    dropped: dict[str, int] = field(default_factory=dict)
    paths: list[Path] = field(default_factory=list)


def _line(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False) + "\n"


def name_statistics(store: Store, ontology: Ontology) -> NameStats:
    """Phase (a) over the store: every shard's statistics (cached while its live documents stay the same)."""
    stats = NameStats()
    for shard, entries in store.shard_entries():
        live = digest(*(f"{e.id}|{e.content}|{e.read_hash}" for e in entries))
        cached = store.cached_stats(shard, live)
        if cached is not None:
            stats.update(NameStats.from_dict(json.loads(zlib.decompress(cached))))
            continue
        part = NameStats()
        for entry in entries:
            line = store.line(entry)
            if "record" in line:
                part.update(name_stats(DocumentReading.from_dict(line["record"]), ontology))
        store.cache_stats(shard, live, zlib.compress(json.dumps(part.to_dict()).encode("utf-8")))
        stats.update(part)
    return stats


def _map_records(
    store: Store,
    tables: Tables,
    decide_: Callable[[DocumentReading], Any],
    documents: IO[str],
    extractions: IO[str],
    counts: Normalised,
) -> None:
    """Phase (c) in the build's order, writing documents.jsonl and extractions.jsonl from the same records."""
    for n, (_, line) in enumerate(store.lines(), 1):
        if "record" not in line:
            document = Document.from_dict(line["document"])
        else:
            reading = DocumentReading.from_dict(line["record"])
            document = reading.document
            tables.add(decide_(reading))
            for e in reading.extractions:
                extractions.write(_line(e.to_dict()))
            counts.documents += 1
            counts.sentences += len(reading.sentences)
            counts.words += len(document.text.split())
            counts.extractions += len(reading.extractions)
        documents.write(_line(document.to_dict()))
        tables.add_article(document.id, document.meta())
        if n % 1000 == 0:
            tables.commit()


def _spans(entity: Entity) -> list[tuple[str, str, int, int]]:
    return [(m.document, entity.id, m.start, m.end) for m in entity.mentions]


def normalise_store(
    store: Store,
    ontology: Ontology,
    settings: Settings,
    out: Path,
    *,
    clusters: Mapping[str, str] | None = None,
    curation: Curation = NO_CURATION,
) -> Normalised:
    """Normalise every stored record into ``out``'s JSONL files (see the module docstring)."""
    counts = Normalised()
    decisions = curation.decisions(decide(name_statistics(store, ontology), ontology))
    tables = Tables.create(store.root / "graph.sqlite")
    try:
        with open_output(out / "documents.jsonl") as documents, open_output(out / "extractions.jsonl") as extractions:
            _map_records(
                store, tables, lambda r: map_reading(r, decisions, ontology, settings), documents, extractions, counts
            )
        tables.index()
        headers: dict[str, Entity] = {}
        for key, labels, aliases, created in tables.names():
            header = curation.entity(entity_header(key, labels, aliases, created, decisions))
            if header is not None:
                headers[key] = header
        dropped: Counter[str] = Counter(tables.dropped())
        used: set[str] = set()
        with open_output(out / "triples.jsonl") as handle:
            for sid, draft in tables.drafts():
                triple = assemble_fact(sid, draft, headers, tables, settings, clusters=clusters, curation=curation)
                if isinstance(triple, str):
                    dropped[triple] += 1
                    continue
                handle.write(_line(triple.to_dict()))
                counts.triples += 1
                used.update((triple.subject.id, triple.object.id))
                if not triple.negated:
                    tables.add_asserted([(triple.subject.id, triple.predicate.id, triple.object.id, triple.id)])
                tables.add_spans(
                    [(e.document, triple.subject.id, e.subject_start, e.subject_end) for e in triple.evidence]
                    + [(e.document, triple.object.id, e.object_start, e.object_end) for e in triple.evidence]
                )
        with open_output(out / "entities.jsonl") as handle:
            for key, header in sorted(headers.items(), key=lambda item: item[1].id):
                entity = with_mentions(header, tables.mentions(key))
                if entity.id in used or is_named(entity.merged_by):
                    handle.write(_line(entity.to_dict(mentions=True)))
                    counts.entities += 1
                    tables.add_spans(_spans(entity))
        tables.commit()
        counts.dropped = dict(sorted(dropped.items()))
        counts.paths = [out / name for name in JSONL]
    finally:
        tables.close()
    return counts
