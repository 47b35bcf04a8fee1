"""Relations: what an extraction's words mean in the ontology, and which way round.

The lexicon maps a verb, event noun or role noun to a relation (or to nothing, its ``-`` rows); a passive
with an agent and the lexicon's inverse rows turn the arguments around; a capital or government metonym in a
slot that needs an actor stands for its state ("Nairobi protested" -> Kenya), while in a place slot it stays
a place ("visited Nairobi").
"""

from __future__ import annotations

from typing import Protocol

from kg.model import Extraction, Mention, Relation
from kg.ontology import Ontology
from kg.ontology.lexicon import NOTHING
from kg.ontology.vocabulary import Vocabulary

__all__ = ["LOCATIVE", "RELATED", "Resolver", "as_actor", "relation_for"]

RELATED = "kg:relatedTo"
# An unmapped verb whose object is a place after one of these is saying where something happened
# ("was arrested at Kisumu airport"), which the triple keeps as its place, not as a relation.
LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "across", "around", "throughout", "within"})


class Resolver(Protocol):
    """Where a document's mentions landed (:class:`kg.normalise.mapping.RecordResolver`)."""

    def key_of(self, mention: Mention) -> str: ...

    def type_of(self, key: str) -> str: ...

    def stands_for(self, key: str) -> str | None: ...

    def add_metonym(self, key: str, mention: Mention, source_key: str) -> None: ...


def relation_for(extraction: Extraction, ontology: Ontology) -> tuple[Relation, bool] | str | None:
    """(relation, inverse) from the lexicon, None when it has no entry, NOTHING when it relates nothing.
    A verb with an event noun means what the noun means: "formed a partnership with", "completed a residency at"
    are the nouns' rows when the lexicon has none for the verb phrase (not after a verb of watching or telling:
    "watched the talks between X and Y")."""
    entry = ontology.lexicon.lookup(extraction.kind, extraction.lemma)
    words = extraction.lemma.split()
    observed = words[0] in ontology.cues.observer_verbs  # "watched the talks": no part in them
    if entry is None and extraction.kind == "verb" and len(words) == 3 and not observed:
        entry = ontology.lexicon.lookup("noun", " ".join(words[1:])) or ontology.lexicon.lookup("noun", words[1])
    if entry is None:
        return None
    if entry.relation == NOTHING:
        return NOTHING
    info = ontology.vocabulary.relation(entry.relation)
    return Relation(info.id, info.label), entry.inverse


def as_actor(
    resolver: Resolver, key: str, slot: str | None, mention: Mention, vocab: Vocabulary, *, acting: bool
) -> str:
    """A place or metonym read as the state it stands for: a capital wherever an actor is needed ("Nairobi
    protested", "sanctions against Oslo"), a government seat only when it acts ("the State House said");
    someone who "works at the State House" works at the State House."""
    kind = resolver.type_of(key)
    if (slot is None or vocab.is_a(kind, slot)) and not (acting and kind == "Government"):
        return key
    if kind not in ("City", "Government") or not vocab.is_a("Country", slot or "Actor"):
        return key
    target = resolver.stands_for(key)
    if target is None:
        return key
    resolver.add_metonym(target, mention, key)
    return target
