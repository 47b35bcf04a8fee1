"""Files written in parallel parts that concatenate to what a local build writes.

Every output file of a build is a sequence of items in a fixed order: triples and entities by id, documents
and extractions in input order, RDF in three sections each by id (:func:`kg.export.rdf.iter_quads`). Each item
is rendered by kg's own exporter on an executor (:func:`render_jsonl`, :func:`render_rdf`); Spark sorts the
items by their key into range partitions and writes partition *i* as ``part-0000i`` (``saveAsTextFile``), so
the parts, concatenated in name order, are the whole file in order. :func:`assemble` does that concatenation
into the final file atomically and removes the parts. Turtle's ``@prefix`` header is written once before them.

The text of one item never ends with its final newline: ``saveAsTextFile`` writes each element followed by
one, which gives back the exact bytes.

>>> from kg.model import Entity
>>> render_jsonl("entities", [Entity("a", "Ann Lee", "Person")])
'{"id": "a", "label": "Ann Lee", "type": "Person", "aliases": [], "mentions": []}'
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from kg.export.files import atomic_path
from kg.export.jsonl import generate_documents, generate_entities, generate_extractions, generate_triples, write_jsonl
from kg.export.rdf import DEFAULT_BASE_IRI, RdfSource, iter_quads, rdf_format
from kg.export.rdf_stream import write_ntriples, write_turtle, write_turtle_header
from kg.export.rdf_terms import Iris
from kg.graph import KnowledgeGraph
from kg.model import Extraction

if TYPE_CHECKING:
    from pyspark import RDD

__all__ = ["PARTS", "assemble", "chunks", "in_order", "render_jsonl", "render_rdf", "turtle_header", "write_parts"]

PARTS = ".parts"  # the folder of parts inside the output folder, while a build writes them
T = TypeVar("T")


def chunks(items: Iterable[T], size: int = 500) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter): a partition rendered a chunk at a time."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _without_newline(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    return text[:-1] if text.endswith("\n") else text


def render_jsonl(name: str, items: Sequence[Any]) -> str:
    """The lines the JSONL exporter writes for ``items`` of one file (``triples``, ``entities``, ``documents``,
    ``extractions``), in the order given."""
    graph: KnowledgeGraph
    if name == "triples":
        graph, rows = KnowledgeGraph(triples=tuple(items)), generate_triples
    elif name == "entities":
        graph, rows = KnowledgeGraph(entities=tuple(items)), generate_entities
    elif name == "documents":
        graph, rows = KnowledgeGraph(documents=tuple(items)), generate_documents
    else:
        graph, rows = KnowledgeGraph(extractions=tuple(items)), generate_extractions
    buffer = io.StringIO()
    write_jsonl(rows(graph), buffer)
    return _without_newline(buffer)


def _source(section: str, items: Sequence[Any]) -> RdfSource:
    """The RDF exporter's source holding only one section's items (the other two empty)."""
    if section == "entities":  # items: (entity, the (relation, object) of each fact it asserts)
        return RdfSource([(e, sorted(pairs)) for e, pairs in items], [], [])
    if section == "articles":  # items: documents
        return RdfSource([], [(d.id, d) for d in items], [])
    return RdfSource([], [], items)


def render_rdf(section: str, items: Sequence[Any], fmt: str, base_iri: str = DEFAULT_BASE_IRI) -> tuple[str, int]:
    """One section's items as the RDF exporter writes them in ``fmt`` (Turtle without its header), and how
    many RDF triples (quads) that is."""
    spec = rdf_format(fmt)
    quads = iter_quads(_source(section, items), base_iri, named_graphs=spec.graphs)
    buffer = io.StringIO()
    if spec.name == "turtle":
        count = write_turtle(quads, buffer, Iris(base_iri).prefixes, header=False)
    else:
        count = write_ntriples(quads, buffer, graphs=spec.graphs)
    return _without_newline(buffer), count


def turtle_header(base_iri: str = DEFAULT_BASE_IRI) -> str:
    buffer = io.StringIO()
    write_turtle_header(buffer, Iris(base_iri).prefixes)
    return buffer.getvalue()


def in_order(texts: RDD[tuple[Any, str]], partitions: int) -> RDD[str]:
    """The texts of ``(key, text)`` pairs sorted by key into ``partitions`` ranges (partition *i* before *i+1*)."""
    return texts.sortByKey(numPartitions=max(1, partitions)).values()


def write_parts(texts: RDD[str], folder: Path) -> None:
    """Write the texts, in partition order, as one ``part-*`` file per partition (empty texts left out)."""
    texts.filter(bool).saveAsTextFile(folder.resolve().as_uri())


def assemble(parts: Path, target: Path, header: str = "") -> Path:
    """Concatenate the ``part-*`` files of ``parts`` in name order (after ``header``) into ``target``,
    atomically, and remove the parts."""
    files = sorted(parts.glob("part-*"))
    with atomic_path(target) as tmp, tmp.open("wb") as out:
        out.write(header.encode("utf-8"))
        for part in files:
            with part.open("rb") as handle:
                shutil.copyfileobj(handle, out, 1 << 20)
    shutil.rmtree(parts, ignore_errors=True)
    return target


def extraction_lines(readings: Iterable[tuple[Any, Sequence[Extraction]]]) -> Iterator[tuple[Any, str]]:
    """``(key, text)`` of each document's extractions (nothing for a document without any)."""
    for key, extractions in readings:
        if extractions:
            yield key, render_jsonl("extractions", extractions)
