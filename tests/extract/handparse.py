"""Hand-built parses: a sentence as a table of (word, head, dep, pos, tag, lemma, entity), so extractor tests
do not change when a spaCy model does.

Heads are the index of the head token within the sentence (the root points to itself); entities use BIO tags
("B-PERSON", "I-PERSON", "O")."""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.tokens import Doc

from kg.extract import DocumentReading, read
from kg.graph import KnowledgeGraph
from kg.model import Document
from kg.normalise import Settings, normalise
from kg.ontology import load_ontology

Row = tuple[str, int, str, str, str, str, str]

# An English vocabulary without a model: lexical attributes (lower case, like_num...) as English defines them.
_VOCAB = spacy.blank("en").vocab


def proper(word: str, head: int, dep: str, ent: str = "O") -> Row:
    """A proper noun's row (its lemma is itself)."""
    return (word, head, dep, "PROPN", "NNP", word, ent)


def punct(head: int, mark: str = ".") -> Row:
    """A punctuation mark's row."""
    return (mark, head, "punct", "PUNCT", mark, mark, "O")


def story(*sentences: Sequence[Row]) -> list[Row]:
    """Hand-parsed sentences as one document (heads shifted to document positions)."""
    rows: list[Row] = []
    for sentence in sentences:
        rows += [(w, head + len(rows), *rest) for w, head, *rest in sentence]  # type: ignore[misc]
    return rows


def build_doc(rows: Sequence[Row]) -> Doc:
    words = [r[0] for r in rows]
    # no space before punctuation, none around a hyphen that joins words ("Q-Tel": tagged HYPH)
    spaces = [
        not (i + 1 < len(rows) and (rows[i + 1][0] in {".", ",", "'s", "?", "!"} or rows[i + 1][4] == "HYPH"))
        and rows[i][4] != "HYPH"
        for i in range(len(rows))
    ]
    spaces[-1] = False
    return Doc(
        _VOCAB,
        words=words,
        spaces=spaces,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
        ents=[r[6] for r in rows],
    )


def read_rows(rows: Sequence[Row], doc_id: str = "d1") -> DocumentReading:
    doc = build_doc(rows)
    return read(doc, Document(doc_id, doc.text), load_ontology())


def graph_of(rows: Sequence[Row], settings: Settings | None = None) -> KnowledgeGraph:
    reading = read_rows(rows)
    result = normalise([reading], load_ontology(), settings)
    return KnowledgeGraph(result.triples, result.entities, (reading.document,), reading.extractions)


def facts(graph: KnowledgeGraph) -> set[tuple[str, str, str]]:
    """(subject label, relation id, object label) of every triple."""
    return {(t.subject.label, t.predicate.id, t.object.label) for t in graph.triples}
