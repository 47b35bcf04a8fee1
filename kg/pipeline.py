"""The whole pipeline in one call: ingest -> nlp -> extract -> normalise -> graph.

>>> import kg
>>> graph = kg.build(["notebooks/data/sample-article.txt"])  # doctest: +SKIP
>>> [(t.subject.label, t.predicate.label, t.object.label) for t in graph.triples][:1]  # doctest: +SKIP
[('Samuel Bekele', 'leads', 'Ethiopia')]
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.duplicates import clusters, signature
from kg.errors import InputError, UsageError
from kg.extract import DEFAULT_EXTRACTORS, DocumentReading, check_extractors, read
from kg.graph import KnowledgeGraph
from kg.ingest import JsonlFields, read_documents
from kg.model import Document
from kg.nlp import load_pipeline, model_name, parse
from kg.normalise import Settings, normalise
from kg.ontology import Ontology, load_ontology

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["BuildSettings", "build", "build_documents", "other_language"]

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class BuildSettings:
    """Everything a build depends on besides its inputs, in one place (the CLI fills it from its options).

    >>> BuildSettings(workers=2).replace(batch_size=16).batch_size
    16
    >>> BuildSettings().replace(wokers=2)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.UsageError: unknown build option wokers (options: batch_size, extractors, ...)
    """

    model: str | None = None  # a spaCy pipeline name or path; None: the default English pipelines
    workers: int = 1  # parser processes
    batch_size: int = 64  # documents per spaCy batch
    extractors: tuple[str, ...] = DEFAULT_EXTRACTORS
    ontology: tuple[str | Path, ...] = ()  # extra vocabulary files or folders
    normalise: Settings = field(default_factory=Settings)
    fields: JsonlFields = field(default_factory=JsonlFields)  # the keys of JSONL corpora

    def replace(self, **options: Any) -> BuildSettings:
        """A copy with some options changed; an unknown option is a UsageError naming the known ones."""
        unknown = sorted(set(options) - set(self.__dataclass_fields__))
        if unknown:
            known = ", ".join(sorted(self.__dataclass_fields__))
            raise UsageError(f"unknown build option {', '.join(unknown)} (options: {known})")
        if "extractors" in options:
            options["extractors"] = check_extractors(options["extractors"])
        if "ontology" in options:
            options["ontology"] = tuple(options["ontology"])
        return dataclasses.replace(self, **options)


def build(
    inputs: Iterable[str | Path],
    settings: BuildSettings | None = None,
    *,
    nlp: Language | None = None,
    on_error: Callable[[InputError], None] | None = None,
    progress: bool = False,
    **options: Any,
) -> KnowledgeGraph:
    """Build a knowledge graph from files, folders or ``-`` (stdin).

    ``options`` change single settings (``kg.build(paths, model="en_core_web_md")``). Bad inputs go to
    ``on_error`` (default: raise the first one); ``progress`` shows a bar on stderr.
    """
    settings = (settings or BuildSettings()).replace(**options)
    errors: list[InputError] = []

    def handle(error: InputError) -> None:
        errors.append(error)
        if on_error is None:
            raise error
        on_error(error)

    documents = list(read_documents(inputs, fields=settings.fields, on_error=handle))
    if not documents:
        # nothing to read: no need to load a spaCy pipeline to say so
        return KnowledgeGraph(stats={"documents": 0, "skipped": [str(e) for e in errors]})
    graph = build_documents(documents, settings, nlp=nlp, progress=progress, on_error=handle)
    graph.stats["skipped"] = [str(e) for e in errors]  # bad inputs and documents in another language
    return graph


def other_language(document: Document, pipeline_lang: str) -> str | None:
    """Why ``document`` is not for a pipeline of ``pipeline_lang`` (spaCy's ``nlp.lang``), or None.

    Undetermined documents (too short to tell) are parsed, and so is everything by a multi-language pipeline.

    >>> other_language(Document(id="d", text="...", language="pt"), "en")
    'language pt, the pipeline is English'
    >>> other_language(Document(id="d", text="...", language=None), "en") is None
    True
    """
    if document.language is None or pipeline_lang in (document.language, "xx"):
        return None
    return f"language {document.language}, the pipeline is {_language_name(pipeline_lang)}"


def _by_language(documents: Sequence[Document], lang: str) -> tuple[list[Document], list[InputError]]:
    """The documents to parse, and one InputError for each of the others (said before any parsing starts)."""
    parsed: list[Document] = []
    foreign: list[InputError] = []
    for document in documents:
        reason = other_language(document, lang)
        if reason is None:
            parsed.append(document)
        else:
            foreign.append(InputError(document.origin or document.id, reason))
    return parsed, foreign


def _language_name(code: str) -> str:
    from spacy.util import get_lang_class

    try:
        return str(get_lang_class(code).__name__)
    except ImportError:  # a code spaCy has no language class for: say the code
        return code


def _read_all(
    nlp: Language, parsed: Sequence[Document], onto: Ontology, settings: BuildSettings, *, progress: bool
) -> list[DocumentReading]:
    """Parse and read every document, in order, with a progress bar when asked."""
    readings: list[DocumentReading] = []
    bar: Any = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(parsed), unit="doc", desc="kg build", leave=False, dynamic_ncols=True)
    for doc, document in parse(nlp, parsed, batch_size=settings.batch_size, workers=settings.workers):
        readings.append(read(doc, document, onto, settings.extractors))
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    return readings


def build_documents(
    documents: Sequence[Document],
    settings: BuildSettings | None = None,
    *,
    nlp: Language | None = None,
    progress: bool = False,
    on_error: Callable[[InputError], None] | None = None,
    **options: Any,
) -> KnowledgeGraph:
    """Build a knowledge graph from documents already in memory.

    Documents in another language than the pipeline's are never parsed: each is reported to ``on_error`` (by
    default only listed in ``stats["skipped"]``) and kept in the graph's documents with its text and language.
    """
    started = time.perf_counter()
    settings = (settings or BuildSettings()).replace(**options)
    extractors = settings.extractors
    onto = load_ontology(settings.ontology)
    nlp = nlp or load_pipeline(settings.model)
    parsed, foreign = _by_language(documents, nlp.lang or "xx")
    for error in foreign:
        if on_error is not None:
            on_error(error)
    readings = _read_all(nlp, parsed, onto, settings, progress=progress)
    # near-duplicates (syndicated copies) count once among a fact's sources
    near = clusters((d.id, signature(d.text)) for d in parsed)
    result = normalise(readings, onto, settings.normalise, clusters=near)
    extractions = tuple(e for r in readings for e in r.extractions)
    stats: dict[str, Any] = {
        "documents": len(parsed),
        "sentences": sum(len(r.sentences) for r in readings),
        "words": sum(len(d.text.split()) for d in parsed),
        "extractions": len(extractions),
        "entities": len(result.entities),
        "triples": len(result.triples),
        "dropped": dict(sorted(result.dropped.items())),
        "model": model_name(nlp),
        "extractors": list(extractors),
        "seconds": round(time.perf_counter() - started, 3),
        "skipped": [str(e) for e in foreign],
    }
    return KnowledgeGraph(
        triples=result.triples,
        entities=result.entities,
        documents=tuple(documents),
        extractions=extractions,
        stats=stats,
        ontology=onto,
    )
