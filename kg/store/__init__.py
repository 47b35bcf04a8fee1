"""Builds that grow: ``kg build INPUT... --out DIR`` adds to the build already in DIR, ``kg remove`` takes
documents out, and both stream, so memory does not grow with the corpus.

A build keeps its state in ``DIR/.kg/`` (:mod:`kg.store.state`): every document's record (what reading it
yielded) in compressed shards, stamped with the pipeline fingerprint (:mod:`kg.store.fingerprint`). Adding
documents parses only the new and the changed ones (same id, other content); a changed model parses every
stored document again, changed extractors or ontology read every stored parse again (no spaCy), and changed
normalisation settings only normalise again. Normalisation then runs over every stored record in four phases
(:mod:`kg.normalise`) with its group-by on disk (:mod:`kg.store.tables`), and every output is written again,
atomically. Building A and then adding B gives the same files as building A and B together, and removing B
afterwards the same as building A.

>>> from kg.store import build_into  # doctest: +SKIP
>>> report = build_into(["monday/"], "out/news")  # doctest: +SKIP
>>> report.summary()  # doctest: +SKIP
'12 new documents parsed, 2,000 reused'
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.duplicates import join_candidates
from kg.errors import InputError, UsageError
from kg.export import Written
from kg.ids import digest
from kg.ingest import read_documents
from kg.model import Document
from kg.nlp import load_pipeline, model_name, pipeline_name
from kg.normalise.curate import load_curation
from kg.normalise.curation import NO_CURATION
from kg.normalise.curation_file import CURATION_FILE
from kg.ontology import Ontology, load_ontology
from kg.pipeline import BuildSettings, other_language
from kg.store.fingerprint import Fingerprint, code_digest, fingerprint
from kg.store.graph import Normalised, normalise_store
from kg.store.outputs import OutputOptions, write_outputs
from kg.store.stage import ShardWriter, ToParse, parse_documents, reread
from kg.store.state import STATE, Entry, Pending, Store, content_digest

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["OutputOptions", "Report", "build_into", "export_to_neo4j", "holds_build", "remove_from"]

# A JSONL corpus record's origin: "corpus.jsonl:12".
_LINE = re.compile(r":\d+$")


@dataclass(slots=True)
class Report:
    """What a build or a removal did."""

    new: int = 0  # documents parsed for the first time
    changed: int = 0  # stored documents whose content changed, parsed again
    reparsed: int = 0  # stored documents parsed again (the model changed)
    reread: int = 0  # stored parses read again (extractors, rules or ontology changed)
    reused: int = 0  # documents of the inputs already stored as they are
    removed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # ids and origins asked to remove that the build lacks
    skipped: list[InputError] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # why stored work was redone
    normalised: Normalised | None = None
    written: list[Written] = field(default_factory=list)
    documents: int = 0  # documents in the build (parsed or not)
    curation: int = 0  # analyst decisions in the curation files applied
    unmatched: list[str] = field(default_factory=list)  # decisions that matched nothing ("FILE:LINE verb target")
    seconds: float = 0.0

    def summary(self) -> str:
        """The first summary line: what was parsed, reused, redone and why."""
        parts = []
        if self.new or not (self.reused or self.removed or self.changed):
            parts.append(f"{self.new:,} new document{'s' if self.new != 1 else ''} parsed")
        if self.changed:
            parts.append(f"{self.changed:,} changed and parsed again")
        if self.reused:
            parts.append(f"{self.reused:,} reused")
        if self.removed:
            parts.append(f"{len(self.removed):,} removed")
        line = ", ".join(parts)
        if self.reasons:
            line += "; " + "; ".join(self.reasons)
        return line


def _settings_dict(settings: BuildSettings) -> dict[str, Any]:
    return dataclasses.asdict(settings.normalise)


class _Build:
    """One run over one store: what it knows about the pipeline, loaded when first needed."""

    def __init__(self, store: Store, settings: BuildSettings, nlp: Language | None, progress: bool) -> None:
        self.store = store
        self.settings = settings
        self.ontology: Ontology = load_ontology(settings.ontology)
        self._nlp = nlp
        self.progress = progress
        model = model_name(nlp) if nlp is not None else pipeline_name(settings.model)
        if model is None:  # a pipeline named by a path or link: load it to know what it is
            self._nlp = load_pipeline(settings.model)
            model = model_name(self._nlp)
        named = [Path(p) for p in settings.curation]
        own = store.out / CURATION_FILE
        self.curation_files = named or ([own] if own.is_file() else [])
        self.curation = load_curation(self.curation_files)
        self.fingerprint = fingerprint(
            model, settings.extractors, list(self.ontology.sources), _settings_dict(settings), self.curation_files
        )

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self.settings.model)
            if model_name(self._nlp) != self.fingerprint.model:
                self.fingerprint = self.fingerprint.replace(model=model_name(self._nlp))
        return self._nlp

    @property
    def lang(self) -> str:
        if self._nlp is not None:
            return self._nlp.lang or "xx"
        return self.fingerprint.model.split("_", 1)[0] or "xx"

    def writer(self) -> ShardWriter:
        return ShardWriter(self.store, self.fingerprint.parse_hash, self.fingerprint.read_hash)

    def bar(self, what: str) -> Any:
        if not self.progress:
            return None
        from tqdm import tqdm

        return tqdm(unit="doc", desc=what, leave=False, dynamic_ncols=True)


def _count(items: Iterator[Document], bar: Any) -> int:
    n = 0
    for _ in items:
        n += 1
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    return n


def _ingest(
    run: _Build, documents: Iterable[Document], report: Report, handle: Callable[[InputError], None]
) -> Iterator[ToParse]:
    """The documents of the inputs that need parsing; the others are counted as reused, or stored as
    documents in another language (reported, never parsed)."""
    generation = run.store.generation()
    writer = run.writer()
    position = 0
    superseded: list[str] = []
    seen: set[str] = set()
    for document in documents:
        position += 1
        content = content_digest(document)
        entry = run.store.entry(document.id)
        reason = other_language(document, run.lang)
        if reason is not None:
            handle(InputError(document.origin or document.id, reason))
        seen.add(document.id)
        if entry is not None and entry.content == content:
            report.reused += 1
            continue
        earlier = _earlier_versions(run.store, document) if entry is None else []
        superseded += earlier
        if entry is not None or earlier:
            report.changed += 1
        else:
            report.new += 1
        seq = (generation << 32) | position
        if reason is not None:
            writer.add(Pending(document, content, seq, None, reason, None, None))
            continue
        yield ToParse(document, content, seq)
    writer.flush()
    run.store.remove([doc_id for doc_id in superseded if doc_id not in seen])  # another file may hold it still


def _earlier_versions(store: Store, document: Document) -> list[str]:
    """ "an edited page is read again": the documents an earlier build read from the same file, which this
    version replaces (a JSONL corpus's records are told apart by their own ids, not by their lines)."""
    origin = document.origin
    if not origin or _LINE.search(origin):
        return []
    return [doc_id for doc_id in store.ids_of_file(origin) if doc_id != document.id]


def _parse_new(
    run: _Build, documents: Iterable[Document], report: Report, handle: Callable[[InputError], None]
) -> None:
    writer = run.writer()
    items = _ingest(run, documents, report, handle)
    first = next(items, None)
    if first is None:
        return
    settings = run.settings

    def chained() -> Iterator[ToParse]:
        yield first
        yield from items

    stored = parse_documents(
        chained(),
        run.nlp,
        run.ontology,
        settings.extractors,
        writer,
        batch_size=settings.batch_size,
        workers=settings.workers,
    )
    _count(stored, run.bar("kg build"))
    writer.flush()
    # The foreign documents are written by _ingest's own writer, flushed when its generator ends.


def _refresh(run: _Build, report: Report) -> None:
    """Bring every stored record up to the current fingerprint: parse again where the model changed, read
    the stored parse again where extractors, rules or the ontology changed."""
    fp = run.fingerprint
    stale = [e for e in run.store.entries() if e.read_hash != fp.read_hash]
    if not stale:
        return
    reparse = [e for e in stale if e.parse_hash != fp.parse_hash]
    reread_ = [e for e in stale if e.parse_hash == fp.parse_hash and e.parse is not None]
    relabel = [e for e in stale if e.parse_hash == fp.parse_hash and e.parse is None]
    writer = run.writer()
    if reparse:
        report.reparsed = _parse_again(run, reparse, writer, report)
    if reread_:
        report.reread = _count(
            reread(run.store, reread_, run.nlp, run.ontology, run.settings.extractors, writer),
            run.bar("kg build (reading again)"),
        )
    for entry in relabel:  # documents in another language: nothing to read, only the stamp to renew
        line = run.store.line(entry)
        writer.add(
            Pending(Document.from_dict(line["document"]), entry.content, entry.seq, None, line["skipped"], None, None)
        )
    writer.flush()


def _parse_again(run: _Build, entries: list[Entry], writer: ShardWriter, report: Report) -> int:
    """Parse stored documents again (the model changed); how many."""
    items = (_stored_to_parse(run, e, report) for e in entries)
    return _count(
        parse_documents(
            (i for i in items if i is not None),
            run.nlp,
            run.ontology,
            run.settings.extractors,
            writer,
            batch_size=run.settings.batch_size,
            workers=run.settings.workers,
        ),
        run.bar("kg build (parsing again)"),
    )


def _stored_to_parse(run: _Build, entry: Entry, report: Report) -> ToParse | None:
    line = run.store.line(entry)
    document = Document.from_dict(line["record"]["document"] if "record" in line else line["document"])
    reason = other_language(document, run.lang)
    if reason is not None:
        run.writer().add(Pending(document, entry.content, entry.seq, None, reason, None, None))
        return None
    return ToParse(document, entry.content, entry.seq)


def _reasons(old: Fingerprint | None, new: Fingerprint, report: Report) -> list[str]:
    """Why stored work was redone, in words."""
    if old is None:
        return []
    changed = set(old.changes(new))
    reasons = []
    if changed & {"model", "spacy", "kg", "nlp", "duplicates"}:
        what = "model" if "model" in changed else "parser"
        reasons.append(f"{what} changed: {report.reparsed:,} stored documents parsed again")
    elif changed & {"extractors", "rules", "ontology"}:
        what = "ontology" if "ontology" in changed else "extractors"
        reasons.append(f"{what} changed: {report.reread:,} stored parses read again")
    if changed & {"ontology", "settings", "curation"} or reasons:
        what = next((w for w in ("ontology", "settings", "curation") if w in changed), "records")
        reasons.append(f"{what} changed: re-normalised" if not reasons else "re-normalised")
    return reasons


def _only_neo4j(options: OutputOptions) -> OutputOptions:
    return dataclasses.replace(options, rdf=False, html=False, embedded=False)


def _outputs_key(run: _Build, options: OutputOptions) -> str:
    return digest(
        run.store.live_digest(),
        run.fingerprint.read_hash,
        run.fingerprint.normalise_hash,
        code_digest("normalise", "export", "build", "graph", "views"),
        repr(options.key()),
    )


def _finish(run: _Build, options: OutputOptions, report: Report, old: Fingerprint | None, force: bool) -> None:
    """Normalise and write every output, unless nothing changed since the last complete build."""
    store = run.store
    state = store.read_state()
    key = _outputs_key(run, options)
    report.reasons = _reasons(old, run.fingerprint, report)
    report.documents = store.count()
    tables = store.root / "graph.sqlite"
    files = [store.out / name for name in options.files()]
    if not force and state.get("outputs") == key and tables.exists() and all(p.exists() for p in files):
        report.reasons.append("nothing changed: outputs kept")
        report.normalised = Normalised(**state.get("counts", {}))
        report.curation, report.unmatched = state.get("curation", 0), state.get("unmatched", [])
        if options.neo4j:  # the server may still lack what changed since its last export
            report.written = write_outputs(store, run.ontology, _only_neo4j(options), report.normalised)[1:]
        return
    near = join_candidates(store.candidates())
    curation = run.curation or NO_CURATION
    normalised = normalise_store(
        store, run.ontology, run.settings.normalise, store.out, clusters=near, curation=curation
    )
    report.normalised = normalised
    if run.curation is not None:
        missed = run.curation.unmatched(normalised.curated, normalised.dropped)
        report.curation = len(run.curation.file) - len(missed)
        report.unmatched = [f"{d.source} {d.verb} {d.target}" for d in missed]
    report.written = write_outputs(store, run.ontology, options, normalised)
    counts = {
        name: getattr(normalised, name)
        for name in ("documents", "sentences", "words", "extractions", "triples", "entities", "dropped", "curated")
    }
    store.write_state(
        {
            "fingerprint": run.fingerprint.to_dict(),
            "settings": {
                "model": run.settings.model,
                "extractors": list(run.settings.extractors),
                "ontology": [str(p) for p in run.settings.ontology],
                "batch_size": run.settings.batch_size,
                "curation": [str(p) for p in run.settings.curation],
            },
            "curation": report.curation,
            "unmatched": report.unmatched,
            "options": options.to_dict(),
            "outputs": key,
            "counts": counts,
            "documents": report.documents,
        }
    )
    store.complete()


def build_into(
    inputs: Iterable[str | Path],
    out: str | Path,
    settings: BuildSettings | None = None,
    *,
    options: OutputOptions | None = None,
    fresh: bool = False,
    nlp: Language | None = None,
    on_error: Callable[[InputError], None] | None = None,
    progress: bool = False,
) -> Report:
    """Add the documents of ``inputs`` to the build in ``out`` (a new one if there is none, or with ``fresh``)
    and write every output again. Bad inputs go to ``on_error`` (default: raise the first one)."""
    started = time.perf_counter()
    settings = settings or BuildSettings()
    options = options or OutputOptions()
    report = Report()

    def handle(error: InputError) -> None:
        report.skipped.append(error)
        if on_error is None:
            raise error
        on_error(error)

    documents = read_documents(inputs, fields=settings.fields, on_error=handle)
    first = next(documents, None)
    if first is None:  # nothing could be read: leave the folder as it is
        return report
    with Store(Path(out)) as store:
        if fresh:
            store.reset()
        state = store.read_state()
        old = Fingerprint.from_dict(state["fingerprint"]) if "fingerprint" in state else None
        run = _Build(store, settings, nlp, progress)
        _parse_new(run, itertools.chain([first], documents), report, handle)
        _refresh(run, report)
        _finish(run, options, report, old, force=False)
    report.seconds = time.perf_counter() - started
    return report


def _stored_settings(state: dict[str, Any]) -> BuildSettings:
    """The settings of the build a state describes (what ``kg remove`` normalises with)."""
    stored = state["settings"]
    normalise = dataclasses.replace(BuildSettings().normalise, **state["fingerprint"]["normalise"]["settings"])
    return BuildSettings(
        model=stored["model"],
        extractors=tuple(stored["extractors"]),
        ontology=tuple(stored["ontology"]),
        batch_size=stored["batch_size"],
        curation=tuple(stored.get("curation", ())),
        normalise=normalise,
    )


def remove_from(
    out: str | Path,
    documents: Sequence[str] = (),
    origins: Sequence[str] = (),
    *,
    neo4j: str | None = None,
    nlp: Language | None = None,
    progress: bool = False,
) -> Report:
    """Take documents (by id, or by the file they were read from) out of the build in ``out`` and write every
    output again with the build's own settings. Ids of everything else stay as they were."""
    started = time.perf_counter()
    report = Report()
    with Store(Path(out)) as store:
        state = store.read_state()
        if not state:
            raise UsageError(f"{out} holds no kg build (no {store.root / 'state.json'})")
        by_origin = {origin: store.ids_of_origins([origin]) for origin in origins}
        report.missing = [o for o, ids in by_origin.items() if not ids]
        wanted = list(dict.fromkeys([*documents, *(i for ids in by_origin.values() for i in ids)]))
        report.removed = store.remove(wanted)
        report.missing[:0] = [d for d in dict.fromkeys(documents) if d not in report.removed]
        settings = BuildSettings(
            model=state["settings"]["model"],
            extractors=tuple(state["settings"]["extractors"]),
            ontology=tuple(state["settings"]["ontology"]),
            batch_size=state["settings"]["batch_size"],
            curation=tuple(state["settings"].get("curation", ())),
        ).replace(
            normalise=dataclasses.replace(BuildSettings().normalise, **state["fingerprint"]["normalise"]["settings"])
        )
        run = _Build(store, settings, nlp, progress)
        _refresh(run, report)
        options = dataclasses.replace(OutputOptions.from_dict(state["options"]), neo4j=neo4j)
        _finish(run, options, report, Fingerprint.from_dict(state["fingerprint"]), force=False)
    report.seconds = time.perf_counter() - started
    return report


def holds_build(out: str | Path) -> bool:
    """Whether ``out`` holds a build with its state (so a Neo4j export of it can send only changes)."""
    return (Path(out) / STATE / "state.json").exists()


def export_to_neo4j(out: str | Path, neo4j: Any, *, full: bool = False, nlp: Language | None = None) -> Written:
    """Bring a Neo4j server (:class:`~kg.export.neo4j.Neo4jSettings`) up to the build in ``out``: only what
    changed since this build's last export there, or everything with ``full``."""
    with Store(Path(out)) as store:
        state = store.read_state()
        if not state:
            raise UsageError(f"{out} holds no kg build (no {store.root / 'state.json'})")
        if full:
            store.forget_export(neo4j.where())
        run = _Build(store, _stored_settings(state), nlp, progress=False)
        options = dataclasses.replace(OutputOptions.from_dict(state["options"]), neo4j=neo4j.uri, neo4j_settings=neo4j)
        report = Report()
        _finish(run, options, report, Fingerprint.from_dict(state["fingerprint"]), force=False)
        return next(w for w in report.written if w.exporter == "neo4j")
