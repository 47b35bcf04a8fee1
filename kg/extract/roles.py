"""kg.role.v1: what noun phrases say about who someone is and where something is.

* **titles**: a role noun before a name, with the state or organisation modifying the title
  ("Russian President Vladimir Putin", "Apple CEO Tim Cook") or after the name ("President X of Y");
* **appositions**: "David Lesch, an expert on Syria", "Soleimani, the Iranian general",
  "Assad's other main military ally, Iran" (the possessor is the one the role relates to);
* **copulas**: "Iran is Assad's ally", "X is the president of Y";
* **places and bases**: "San Francisco, California", "the Palace of Fine Arts, in San Francisco",
  "a Boston-based company", "Russia's Interfax news agency", "Syrian state news agency SANA".

Role nouns are the lexicon's ``role`` entries; the relation is the lexicon's too, so the extractor only
says which words hold the role and which name it relates to.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extract.clauses import attribution
from kg.extract.reading import Reading
from kg.extract.spans import conjuncts
from kg.model import Argument, Extraction

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["NAME", "extract_roles"]

NAME = "kg.role.v1"
_ROLE_PREPS = frozenset({"of", "for", "at", "on", "in", "to", "with", "from"})
_ORG_TYPES = frozenset({"ORG"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def _role_phrase(noun: Token, roles: frozenset[str]) -> str | None:
    """The lexicon role a noun expresses, with a compound before it ("foreign minister", "prime minister")."""
    lemma = noun.lemma_.lower()
    compounds = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and not c.ent_type_]
    for c in compounds:
        joined = f"{c.lower_} {lemma}"
        if joined in roles:
            return joined
    if lemma in roles:
        return lemma
    return noun.lower_ if noun.lower_ in roles else None


def _related(noun: Token, reading: Reading, preps: frozenset[str] = _ROLE_PREPS) -> list[tuple[Token, str]]:
    """Names a role noun relates to: its nationality or name modifiers, possessor, or prepositional object."""
    found: list[tuple[Token, str]] = []
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod", "poss") and reading.mentions_for(child):
            found.extend((t, "") for t in conjuncts(child) if reading.mentions_for(t))
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found.extend((t, child.lower_) for t in conjuncts(pobj) if reading.mentions_for(t))
    return found


def _make(
    reading: Reading,
    sent: Span,
    holder: Token,
    role: str,
    target: Token,
    rel: str,
    confidence: float,
    role_token: Token,
    preposition: str = "",
) -> Iterator[Extraction]:
    sentence = reading.sentence(sent)
    for arg1 in reading.arguments(holder):
        for arg2 in reading.arguments(target):
            if arg1.mention is None or arg2.mention is None or arg1.mention.label == arg2.mention.label:
                continue
            yield Extraction(
                document=reading.document.id,
                sentence=sentence,
                arg1=arg1,
                rel=rel,
                arg2=arg2,
                lemma=f"{role} {preposition}" if preposition else role,
                extractor=NAME,
                confidence=confidence * arg1.mention.confidence * arg2.mention.confidence,
                attributed_to=attribution(holder.head, reading) if holder.dep_ != "ROOT" else None,
                kind="role",
                extra=(Argument(role_token.text, role_token.idx, role_token.idx + len(role_token.text), None, "role"),),
            )


def _titles(sent: Span, reading: Reading, roles: frozenset[str]) -> Iterator[Extraction]:
    """ "Russian President Vladimir Putin", "Apple CEO Tim Cook", "President Tayyip Erdogan in Turkey"."""
    for name in sent:
        if reading.names.get(name.i) is None or reading.names[name.i].ner not in ("PERSON", "PER"):
            continue
        for title in name.lefts:
            if title.dep_ != "compound" or title.i in reading.names:
                continue
            role = _role_phrase(title, roles)
            if role is None:
                continue
            targets = _related(title, reading)
            confidence = 0.9
            if not targets:
                # "President Tayyip Erdogan in Turkey": a bare title and a country attached to the name
                targets = [
                    (t, p)
                    for t, p in _related(name, reading, frozenset({"of", "in"}))
                    if reading.names.get(t.i) and reading.names[t.i].ner == "GPE"
                ]
                confidence = 0.55
            for target, prep in targets:
                rel = f"is {title.text} of" if not prep else f"is {title.text} {prep}"
                yield from _make(reading, sent, name, role, target, rel, confidence, title, prep)


def _appositions(sent: Span, reading: Reading, roles: frozenset[str]) -> Iterator[Extraction]:
    """ "X, an expert on Syria" / "Soleimani, the Iranian general" / "Assad's ally, Iran"."""
    for token in sent:
        if token.dep_ != "appos":
            continue
        head = token.head
        for noun, name in ((token, head), (head, token)):
            if noun.pos_ != "NOUN" or not reading.names.get(name.i):
                continue
            role = _role_phrase(noun, roles)
            if role is None:
                continue
            for target, prep in _related(noun, reading):
                article = "the" if any(c.lower_ == "the" for c in noun.children) else "a"
                rel = f"is {article} {noun.text} {prep}".strip() if prep else f"is {article} {noun.text} of"
                yield from _make(reading, sent, name, role, target, rel, 0.85, noun, prep)


def _copulas(sent: Span, reading: Reading, roles: frozenset[str]) -> Iterator[Extraction]:
    """ "Iran is Assad's ally", "X was the president of Y"."""
    for verb in sent:
        if verb.lemma_ != "be":
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        attrs = [c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        for subject in subjects:
            for attr in attrs:
                role = _role_phrase(attr, roles)
                if role is None:
                    continue
                for target, prep in _related(attr, reading):
                    rel = f"{verb.text} {attr.text} {prep}".strip() if prep else f"{verb.text} {attr.text} of"
                    yield from _make(reading, sent, subject, role, target, rel, 0.8, attr, prep)


def _places(sent: Span, reading: Reading) -> Iterator[Extraction]:
    """Places in places and organisations' bases, from appositions, "in" phrases and modifiers."""
    sentence = reading.sentence(sent)
    for token in sent:
        mention = reading.names.get(token.i)
        if mention is None or mention.ner not in _PLACE_TYPES | _ORG_TYPES:
            continue
        known = reading.ontology.gazetteer.lookup(mention.label)
        if known is not None and known.type == "Country":
            continue  # a state is not "in" another place ("Iran in Syria" is about its influence)
        pairs: list[tuple[Token, str, str, float]] = []
        for child in token.children:
            other = reading.names.get(child.i)
            if child.dep_ == "appos" and other and other.ner in ("GPE", "LOC") and mention.ner in _PLACE_TYPES:
                pairs.append((child, "is in", "locate in", 0.8))  # "San Francisco, California"
            elif child.dep_ == "prep" and child.lower_ in ("in", "at"):
                for pobj in child.children:
                    inner = reading.names.get(pobj.i)
                    if pobj.dep_ == "pobj" and inner and inner.ner in ("GPE", "LOC"):
                        lemma = "base in" if mention.ner in _ORG_TYPES else "locate in"
                        pairs.append((pobj, f"is {child.text}", lemma, 0.7))
            elif (
                mention.ner in _ORG_TYPES
                and child.dep_ in ("poss", "compound", "amod")
                and other
                and other.ner == "GPE"
            ):
                pairs.append((child, "is based in", "base in", 0.65))  # "Russia's Interfax news agency"
            elif child.dep_ == "amod" and child.lemma_.lower() == "base":
                for grand in child.children:  # "a Boston-based company"
                    inner = reading.names.get(grand.i)
                    if inner and inner.ner in ("GPE", "LOC"):
                        pairs.append((grand, "is based in", "base in", 0.8))
        for target, rel, lemma, confidence in pairs:
            for arg2 in reading.arguments(target):
                arg1 = reading.arguments(token)[0]
                if arg2.mention is None or arg1.mention is None or arg1.mention.label == arg2.mention.label:
                    continue
                yield Extraction(
                    reading.document.id,
                    sentence,
                    arg1,
                    rel,
                    arg2,
                    lemma,
                    NAME,
                    confidence * arg2.mention.confidence,
                    kind="verb",
                )
    # "Syrian state news agency SANA": an organisation noun with a nationality before the name
    for token in sent:
        mention = reading.names.get(token.i)
        if mention is None or mention.ner not in _ORG_TYPES:
            continue
        for child in token.lefts:
            if child.dep_ == "compound" and child.pos_ == "NOUN":
                for modifier in child.subtree:
                    inner = reading.names.get(modifier.i)
                    if modifier is not child and inner and inner.ner in ("NORP", "GPE"):
                        for arg2 in reading.arguments(modifier):
                            arg1 = reading.arguments(token)[0]
                            if arg2.mention is not None:
                                yield Extraction(
                                    reading.document.id,
                                    sentence,
                                    arg1,
                                    "is based in",
                                    arg2,
                                    "base in",
                                    NAME,
                                    0.6 * arg2.mention.confidence,
                                )


def extract_roles(sent: Span, reading: Reading) -> Iterator[Extraction]:
    roles = reading.ontology.lexicon.words("role")
    yield from _titles(sent, reading, roles)
    yield from _appositions(sent, reading, roles)
    yield from _copulas(sent, reading, roles)
    yield from _places(sent, reading)
