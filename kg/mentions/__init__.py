"""Mentions: what each token of a parsed document names, built once per document.

:func:`read_mentions` commits the one change kg makes to a parsed Doc (named-entity spans merged into single
tokens, :func:`~kg.mentions.names.prepare`), finds the names (:mod:`kg.mentions.names`), decides each name's
class from all its mentions (:mod:`kg.mentions.classes`), resolves coreference
(:mod:`kg.mentions.coref`) and returns an immutable :class:`DocumentMentions` the extractors read.

>>> from spacy.vocab import Vocab
>>> from spacy.tokens import Doc
>>> from kg.model import Document
>>> from kg.ontology import load_ontology
>>> doc = Doc(Vocab(), words=["Ana", "Silva", "met", "Tom", ".", "She", "left", "."],
...           heads=[1, 2, 2, 2, 2, 6, 6, 6],
...           deps=["compound", "nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "punct"],
...           pos=["PROPN", "PROPN", "VERB", "PROPN", "PUNCT", "PRON", "VERB", "PUNCT"],
...           ents=["B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "O", "O", "O"],
...           sent_starts=[True, False, False, False, False, True, False, False])
>>> dm = read_mentions(doc, Document("d1", doc.text), load_ontology())
>>> [(m.text, m.label, m.rule) for m in dm.mentions]
[('Ana Silva', 'Ana Silva', 'ner'), ('Tom', 'Tom', 'ner')]
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from kg.mentions.classes import decide_classes, extend_org_names, join_party_names
from kg.mentions.coref import resolve
from kg.mentions.names import ENTITY_LABELS, QUALIFIER_LABELS, clean_label, find_names, objects_by_range, prepare
from kg.mentions.record import DocumentMentions
from kg.mentions.titled import add_titled_names, person_roles, split_fused_names, split_titled_entities
from kg.model import Document, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.ontology import Ontology

__all__ = ["ENTITY_LABELS", "QUALIFIER_LABELS", "DocumentMentions", "clean_label", "prepare", "read_mentions"]


def _sentences(doc: Doc, document: Document) -> tuple[dict[int, Sentence], tuple[int, ...]]:
    """Sentences by start token (blank lines are not sentences), and each token's sentence number."""
    by_start: dict[int, Sentence] = {}
    numbers = [0] * len(doc)
    whole = doc.text  # spaCy joins every token for each Doc.text: once per document, not once per sentence
    for index, sent in enumerate(s for s in doc.sents if s.text.strip()):
        numbers[sent.start : sent.end] = [index] * (sent.end - sent.start)
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.end_char - (len(text) - len(text.rstrip()))
        by_start[sent.start] = Sentence(document.id, index, start, end, whole[start:end])
    return by_start, tuple(numbers)


def _a_place(ontology: Ontology, text: str) -> bool:
    name = ontology.gazetteer.place(text)
    return name is not None and name.type in ("Country", "City", "Region")


def read_mentions(doc: Doc, document: Document, ontology: Ontology) -> DocumentMentions:
    """The mention record of one parsed document (the Doc's entity spans are merged first)."""
    if not doc.user_data.get("kg_prepared"):
        split_fused_names(doc, ontology.gazetteer)
        extend_org_names(doc)
        cues = ontology.cues
        join_party_names(doc, cues.party_names)
        generic = (
            cues.organization_nouns | cues.group_nouns | cues.force_nouns | cues.government_nouns | cues.portfolio_words
        )
        roles = person_roles(ontology)
        split_titled_entities(doc, roles)
        ranks = cues.portfolio_words | cues.force_nouns | {"police"}
        add_titled_names(doc, roles, generic, ranks, lambda text: _a_place(ontology, text))
    prepare(doc, ontology.gazetteer)
    by_start, numbers = _sentences(doc, document)
    found_names = find_names(doc, document.id, ontology.gazetteer)
    found_names.update(objects_by_range(doc, document.id, found_names, ontology))
    names = decide_classes(doc, found_names, ontology)
    found = resolve(doc, document.id, names, ontology, numbers)
    mentions = tuple(found.resolved[i][0] if i in found.resolved else m for i, m in sorted(found.names.items()))
    return DocumentMentions(
        doc=doc,
        document=document,
        ontology=ontology,
        sentences=tuple(by_start.values()),
        sentence_numbers=numbers,
        names=MappingProxyType(dict(found.names)),
        coref=MappingProxyType(dict(found.resolved)),
        mentions=mentions,
        _by_start=MappingProxyType(by_start),
    )
