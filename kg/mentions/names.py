"""Names: the tokens that name something, from the NER and the gazetteer, before any coreference.

Every named-entity span is one token after :func:`prepare` (so "Karim al-Nasser" is one argument however the
parser attached its pieces); a proper noun the NER missed is still a place when the gazetteer knows it as a
country or capital.

>>> clean_label("the Nordic Council's")
'Nordic Council'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from kg.ontology.gazetteer import Gazetteer

__all__ = ["ENTITY_LABELS", "QUALIFIER_LABELS", "clean_label", "find_names", "has_age", "prepare", "token_mention"]

# spaCy labels that name things a graph keeps (numbers, dates, money... are qualifiers, not nodes).
ENTITY_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "PER", "MISC"}
)
QUALIFIER_LABELS = frozenset({"DATE", "TIME"})
_PREPARED = "kg_prepared"


def _split_at_verbs(doc: Doc) -> None:
    """A named-entity span with a verb inside ("Ana Lind beat Rena Holt") is names around a verb, not one name:
    each run of proper nouns in it becomes a span of its own, with the same label."""
    from spacy.tokens import Span

    ents = []
    changed = False
    for ent in doc.ents:
        if not any(t.pos_ in ("VERB", "AUX") and t.text.islower() for t in ent[1:-1]):
            ents.append(ent)
            continue
        changed = True
        run: list[int] = []
        for t in [*ent, None]:
            if t is not None and t.pos_ == "PROPN":
                run.append(t.i)
                continue
            if run:
                ents.append(Span(doc, run[0], run[-1] + 1, label=ent.label_))
            run = []
    if changed:
        doc.ents = ents


def prepare(doc: Doc) -> Doc:
    """Merge every named-entity span into one token (idempotent): the one change kg commits to a parsed Doc;
    everything after reads it without changing it. Spans with a verb inside are split first."""
    if doc.user_data.get(_PREPARED):
        return doc
    _split_at_verbs(doc)
    with doc.retokenize() as retokenizer:
        for ent in doc.ents:
            if len(ent) > 1:
                retokenizer.merge(ent)
    doc.user_data[_PREPARED] = True
    return doc


def has_age(token: Token) -> bool:
    """A name followed by an age between commas is a person's, whatever the NER said: "Tove Ruud, 43,"."""
    return any(
        c.dep_ in ("appos", "amod", "npadvmod") and c.text.isdigit() and 0 < int(c.text) < 120 for c in token.rights
    )


def clean_label(text: str) -> str:
    """A mention's text as a name: no leading article, no possessive, single spaces."""
    words = text.replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    label = " ".join(words)
    for suffix in ("'s", "'"):
        if label.endswith(suffix) and len(label) > len(suffix) + 1:
            label = label[: -len(suffix)]
    return label.strip(" \"'“”")


def token_mention(
    document: str, token: Token, label: str, ner: str | None, rule: str, confidence: float = 1.0
) -> Mention:
    """A mention spanning exactly one token."""
    return Mention(document, token.idx, token.idx + len(token.text), token.text, label, ner, rule, confidence)


def corrected_ner(label: str, ner: str, gazetteer: Gazetteer) -> str:
    """The NER label, unless the gazetteer knows the name as a country or capital: "Moldova" tagged as
    an organisation is a place (people keep their label: "Jordan" may be a person)."""
    if ner in ("GPE", "PERSON", "PER", "NORP"):
        return ner
    known = gazetteer.lookup(label)
    if known is not None and known.type in ("Country", "City") and known.rule in ("name", "alias"):
        return "GPE"
    return ner


def find_names(doc: Doc, document: str, gazetteer: Gazetteer) -> dict[int, Mention]:
    """Token index -> the name it is, for every named-entity token and every country or capital the NER
    missed."""
    names: dict[int, Mention] = {}
    for token in doc:
        if token.ent_type_ in ENTITY_LABELS and token.ent_iob_ == "B":
            label = clean_label(token.text)
            if not any(c.isupper() or c.isdigit() for c in label):
                continue  # "n't", "bird watcher": no capital letter (nor a digit, as in "9/11"), no name
            ner = "PERSON" if has_age(token) else corrected_ner(label, token.ent_type_, gazetteer)
            names[token.i] = token_mention(document, token, label, ner, "ner")
        elif not token.ent_type_ and token.pos_ == "PROPN" and token.text[:1].isupper():
            known = gazetteer.lookup(token.text)
            if known is not None and known.type in ("Country", "City") and known.rule == "name":
                names[token.i] = token_mention(document, token, token.text, "GPE", "ner")
    return names
