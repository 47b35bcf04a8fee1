"""Reading an output folder back: ``triples.jsonl``, ``entities.jsonl`` and ``documents.jsonl`` into a
:class:`~kg.graph.KnowledgeGraph`, so exporters and views work on earlier runs too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.errors import InputError, OutputError
from kg.graph.graph import KnowledgeGraph
from kg.model import Document, Entity, Evidence, Mention, Relation, Triple

__all__ = ["entity_from_dict", "load", "triple_from_dict"]


def entity_from_dict(row: dict[str, Any]) -> Entity:
    """The inverse of :meth:`Entity.to_dict` with its mentions (an ``entities.jsonl`` row).

    >>> entity_from_dict({"id": "a", "label": "Ana", "type": "Person", "mentions": []}).label
    'Ana'
    """
    mentions = tuple(
        Mention(m["document"], m["start"], m["end"], m["text"], row["label"], rule=m.get("rule", "ner"))
        for m in row.get("mentions", ())
    )
    merged_by = tuple(m.get("merged_by", "exact") for m in row.get("mentions", ()))
    return Entity(
        row["id"],
        row["label"],
        row["type"],
        tuple(row.get("aliases", ())),
        mentions,
        merged_by,
        row.get("note"),
        tuple(row.get("curation", ())),
    )


def triple_from_dict(row: dict[str, Any]) -> Triple:
    """The inverse of :meth:`Triple.to_dict` (the ``triples.jsonl`` contract)."""
    evidence = tuple(Evidence(**e) for e in row.get("evidence", ()))
    predicate = row["predicate"]
    return Triple(
        id=row["id"],
        subject=entity_from_dict(row["subject"]),
        predicate=Relation(predicate["id"], predicate["label"], predicate.get("surface")),
        object=entity_from_dict(row["object"]),
        confidence=row["confidence"],
        negated=row.get("negated", False),
        hedged=row.get("hedged", False),
        attributed_to=row.get("attributed_to"),
        time=tuple(row.get("time", ())),
        place=tuple(row.get("place", ())),
        evidence=evidence,
        flags=tuple(row.get("flags", ())),
        sources=row.get("sources", 0),
        disputed_by=tuple(row.get("disputed_by", ())),
    )


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    from kg.jsonlines import read_json_lines

    if not path.exists():
        raise OutputError(f"{path}: not found (is this a `kg build --out` folder?)")
    try:
        for _, row in read_json_lines(path):
            yield row
    except InputError as error:
        raise OutputError(str(error)) from None


def load(folder: str | Path) -> KnowledgeGraph:
    """Load the graph a ``kg build --out FOLDER`` run wrote.

    >>> import tempfile
    >>> from kg.export.jsonl import write_outputs
    >>> lee, acme = Entity("lee", "Ann Lee", "Person"), Entity("acme", "Acme", "Organization")
    >>> graph = KnowledgeGraph(triples=(Triple("t1", lee, Relation("kg:leads", "leads"), acme, 0.9),))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = write_outputs(graph, folder)
    ...     [(t.subject.label, t.predicate.label, t.object.label) for t in load(folder).triples]
    [('Ann Lee', 'leads', 'Acme')]
    """
    folder = Path(folder)
    triples = tuple(triple_from_dict(r) for r in _rows(folder / "triples.jsonl"))
    entities: tuple[Entity, ...] = ()
    if (folder / "entities.jsonl").exists():
        entities = tuple(entity_from_dict(r) for r in _rows(folder / "entities.jsonl"))
    documents: tuple[Document, ...] = ()
    if (folder / "documents.jsonl").exists():
        documents = tuple(Document.from_dict(r) for r in _rows(folder / "documents.jsonl"))
    return KnowledgeGraph(triples=triples, entities=entities, documents=documents)
