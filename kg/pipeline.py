"""The whole pipeline in one call: ingest -> nlp -> extract -> normalise -> graph.

>>> import kg
>>> graph = kg.build(["notebooks/data/sample-article.txt"])  # doctest: +SKIP
>>> [(t.subject.label, t.predicate.label, t.object.label) for t in graph.triples][:1]  # doctest: +SKIP
[('Samuel Bekele', 'leads', 'Ethiopia')]
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError
from kg.extract import DEFAULT_EXTRACTORS, DocumentReading, check_extractors, extract
from kg.graph import KnowledgeGraph
from kg.ingest import JsonlFields, read_documents
from kg.model import Document
from kg.nlp import load_pipeline, model_name, parse
from kg.ontology import load_ontology
from kg.ontology.normalise import Settings, normalise

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["build", "build_documents"]

Progress = Callable[[int], None]


def build(
    inputs: Iterable[str | Path],
    *,
    model: str | None = None,
    nlp: Language | None = None,
    workers: int = 1,
    batch_size: int = 64,
    extractors: Sequence[str] = DEFAULT_EXTRACTORS,
    ontology: Sequence[str | Path] = (),
    settings: Settings | None = None,
    fields: JsonlFields | None = None,
    on_error: Callable[[InputError], None] | None = None,
    progress: bool = False,
) -> KnowledgeGraph:
    """Build a knowledge graph from files, folders or ``-`` (stdin).

    Bad inputs go to ``on_error`` (default: raise the first one); ``progress`` shows a bar on stderr.
    """
    extractors = check_extractors(extractors)
    errors: list[InputError] = []

    def handle(error: InputError) -> None:
        errors.append(error)
        if on_error is None:
            raise error
        on_error(error)

    documents = list(read_documents(inputs, fields=fields, on_error=handle))
    if not documents:
        # nothing to read: no need to load a spaCy pipeline to say so
        return KnowledgeGraph(stats={"documents": 0, "skipped": [str(e) for e in errors]})
    graph = build_documents(
        documents,
        model=model,
        nlp=nlp,
        workers=workers,
        batch_size=batch_size,
        extractors=extractors,
        ontology=ontology,
        settings=settings,
        progress=progress,
    )
    graph.stats["skipped"] = [str(e) for e in errors]
    return graph


def build_documents(
    documents: Sequence[Document],
    *,
    model: str | None = None,
    nlp: Language | None = None,
    workers: int = 1,
    batch_size: int = 64,
    extractors: Sequence[str] = DEFAULT_EXTRACTORS,
    ontology: Sequence[str | Path] = (),
    settings: Settings | None = None,
    progress: bool = False,
) -> KnowledgeGraph:
    """Build a knowledge graph from documents already in memory."""
    started = time.perf_counter()
    extractors = check_extractors(extractors)
    onto = load_ontology(ontology)
    nlp = nlp or load_pipeline(model)
    readings: list[DocumentReading] = []
    bar: Any = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(documents), unit="doc", desc="kg build", leave=False, dynamic_ncols=True)
    for doc, document in parse(nlp, documents, batch_size=batch_size, workers=workers):
        readings.append(extract(doc, document, extractors, onto))
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    result = normalise(readings, onto, settings)
    extractions = tuple(e for r in readings for e in r.extractions)
    stats: dict[str, Any] = {
        "documents": len(documents),
        "sentences": sum(len(r.sentences) for r in readings),
        "words": sum(len(d.text.split()) for d in documents),
        "extractions": len(extractions),
        "entities": len(result.entities),
        "triples": len(result.triples),
        "dropped": dict(sorted(result.dropped.items())),
        "model": model_name(nlp),
        "extractors": list(extractors),
        "seconds": round(time.perf_counter() - started, 3),
    }
    return KnowledgeGraph(
        triples=result.triples,
        entities=result.entities,
        documents=tuple(documents),
        extractions=extractions,
        stats=stats,
    )
