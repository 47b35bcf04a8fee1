"""The Parquet tables of a Spark build, and the graph read back from them.

``DIR/tables/`` holds four tables, one folder of Parquet parts each, in Spark DDL (:data:`SCHEMAS`):

* ``documents``: every document (its place in the input order, metadata, ``dateline`` as a struct, ``text``),
  ``parsed``, and ``reading``: the sentences, mentions and extractions of its
  :class:`~kg.extract.DocumentReading` as JSON (null when it was not parsed), so the graph can be normalised
  again without parsing;
* ``entities``: one row per entity, its mentions as a list of structs;
* ``facts``: one row per triple, its ends by entity id;
* ``evidence``: one row per piece of evidence, keyed by ``fact`` and its ``position`` in the fact's evidence.

The rows come from the same records the JSONL files are written from (:func:`fact_row` and friends), and
:func:`read_tables` turns the tables back into the :class:`~kg.graph.KnowledgeGraph` the exporters take (with
pyarrow, no Spark needed), which is how the embedded store and the HTML view of a Spark build are written.

>>> from kg.model import Entity, Relation, Triple
>>> lee, acme = Entity("a", "Ann Lee", "Person"), Entity("b", "Acme", "Organization")
>>> t = Triple("st-1", lee, Relation("kg:leads", "leads"), acme, 0.9)
>>> fact_row(t)[:6]
('st-1', 'a', 'kg:leads', 'leads', None, 'b')
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from kg.errors import OutputError
from kg.graph import KnowledgeGraph
from kg.model import Document, Entity, Evidence, Mention, Relation, Triple
from kg.ontology import Ontology

__all__ = ["EVIDENCE_FIELDS", "SCHEMAS", "TABLES", "entity_table_row", "evidence_rows", "fact_row", "read_tables"]

TABLES = ("documents", "entities", "facts", "evidence")

# Evidence columns after (fact, position): the fields of kg.model.Evidence, in order.
EVIDENCE_FIELDS = tuple(f.name for f in fields(Evidence))
_EVIDENCE_TYPES = {
    "start": "INT",
    "end": "INT",
    "subject_start": "INT",
    "subject_end": "INT",
    "object_start": "INT",
    "object_end": "INT",
    "confidence": "DOUBLE",
    "hedged": "BOOLEAN",
}

SCHEMAS: dict[str, str] = {
    "documents": (
        "input INT, file INT, item INT, id STRING, title STRING, url STRING, published STRING, source STRING, "
        "author STRING, origin STRING, language STRING, dateline STRUCT<place: STRING, agency: STRING>, "
        "text STRING, parsed BOOLEAN, reading STRING"
    ),
    "entities": (
        "id STRING, label STRING, type STRING, aliases ARRAY<STRING>, note STRING, curation ARRAY<STRING>, "
        "mentions ARRAY<STRUCT<document: STRING, start: INT, end: INT, text: STRING, rule: STRING, merged_by: STRING>>"
    ),
    "facts": (
        "id STRING, subject STRING, predicate STRING, predicate_label STRING, surface STRING, object STRING, "
        "confidence DOUBLE, negated BOOLEAN, hedged BOOLEAN, attributed_to STRING, time ARRAY<STRING>, "
        "place ARRAY<STRING>, flags ARRAY<STRING>, sources INT, disputed_by ARRAY<STRING>"
    ),
    "evidence": "fact STRING, position INT, "
    + ", ".join(f"{name} {_EVIDENCE_TYPES.get(name, 'STRING')}" for name in EVIDENCE_FIELDS),
}


def document_table_row(where: tuple[int, int, int], record: dict[str, Any], parsed: bool) -> tuple[Any, ...]:
    """A ``documents`` row from a document's place and its JSON record (a reading, or the document alone)."""
    document = record["document"] if parsed else record
    reading = {k: v for k, v in record.items() if k != "document"} if parsed else None
    dateline = document.get("dateline")
    return (
        *where,
        *(document.get(name) for name in ("id", "title", "url", "published", "source", "author", "origin")),
        document.get("language"),
        (dateline["place"], dateline.get("agency")) if dateline else None,
        document.get("text", ""),
        parsed,
        json.dumps(reading, ensure_ascii=False) if reading is not None else None,
    )


def entity_table_row(entity: Entity) -> tuple[Any, ...]:
    mentions = [
        (m.document, m.start, m.end, m.text, m.rule, how)
        for m, how in zip(entity.mentions, entity.merged_by, strict=True)
    ]
    return (entity.id, entity.label, entity.type, list(entity.aliases), entity.note, list(entity.curation), mentions)


def fact_row(t: Triple) -> tuple[Any, ...]:
    p = t.predicate
    return (
        *(t.id, t.subject.id, p.id, p.label, p.surface, t.object.id, t.confidence, t.negated, t.hedged),
        *(t.attributed_to, list(t.time), list(t.place), list(t.flags), t.sources, list(t.disputed_by)),
    )


def evidence_rows(t: Triple) -> Iterator[tuple[Any, ...]]:
    for position, e in enumerate(t.evidence):
        yield (t.id, position, *(getattr(e, name) for name in EVIDENCE_FIELDS))


# -- reading back --------------------------------------------------------------------------------------


def _table(folder: Path, name: str) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    path = folder / name
    if not path.exists():
        raise OutputError(f"{path}: not found (is this a `kg build --engine spark --out` folder?)")
    # Spark writes part files and markers (_SUCCESS); the dataset reader takes the parts and skips markers.
    return list(pq.read_table(path).to_pylist())


def _entity(row: dict[str, Any]) -> Entity:
    mentions = row["mentions"] or []
    return Entity(
        row["id"],
        row["label"],
        row["type"],
        tuple(row["aliases"] or ()),
        tuple(Mention(m["document"], m["start"], m["end"], m["text"], row["label"], rule=m["rule"]) for m in mentions),
        tuple(m["merged_by"] for m in mentions),
        row["note"],
        tuple(row.get("curation") or ()),
    )


def _document(row: dict[str, Any]) -> Document:
    dateline = row["dateline"]
    meta = {k: row[k] for k in ("id", "text", "title", "url", "published", "source", "author", "origin", "language")}
    return Document.from_dict({**meta, "dateline": dateline})


def _triple(row: dict[str, Any], entities: dict[str, Entity], evidence: Sequence[Evidence]) -> Triple:
    return Triple(
        id=row["id"],
        subject=entities[row["subject"]],
        predicate=Relation(row["predicate"], row["predicate_label"], row["surface"]),
        object=entities[row["object"]],
        confidence=row["confidence"],
        negated=row["negated"],
        hedged=row["hedged"],
        attributed_to=row["attributed_to"],
        time=tuple(row["time"] or ()),
        place=tuple(row["place"] or ()),
        evidence=tuple(evidence),
        flags=tuple(row["flags"] or ()),
        sources=row["sources"] or 0,
        disputed_by=tuple(row["disputed_by"] or ()),
    )


def read_tables(folder: str | Path, ontology: Ontology | None = None) -> KnowledgeGraph:
    """The graph of a Spark build's ``tables`` folder: documents in input order, entities and facts by id."""
    folder = Path(folder)
    entities = {row["id"]: _entity(row) for row in _table(folder, "entities")}
    evidence: dict[str, list[tuple[int, Evidence]]] = defaultdict(list)
    for row in _table(folder, "evidence"):
        evidence[row["fact"]].append((row["position"], Evidence(**{k: row[k] for k in EVIDENCE_FIELDS})))
    triples = []
    for row in _table(folder, "facts"):
        items = [e for _, e in sorted(evidence.get(row["id"], []), key=lambda pe: pe[0])]
        triples.append(_triple(row, entities, items))
    documents = sorted(_table(folder, "documents"), key=lambda r: (r["input"], r["file"], r["item"]))
    return KnowledgeGraph(
        triples=tuple(sorted(triples, key=lambda t: t.id)),
        entities=tuple(sorted(entities.values(), key=lambda e: e.id)),
        documents=tuple(_document(r) for r in documents),
        ontology=ontology,
    )
