"""kg.coref.v1: rule-based coreference over the parse and the named entities.

No pretrained coreference model installs offline, and news needs only a few, well-understood rules, applied
in this order (each step a module):

* **short names** (:mod:`.surnames`): "Mwangi" is "Daniel Mwangi" when the document names exactly one person
  so; a one-word name the NER mislabelled as a place ("Okafor" as GPE) is taken back as that person; a proper
  noun the NER missed that repeats a surname or an organisation's first word joins it;
* **short forms** (:mod:`.shortforms`): "Lindgren" after "Lindgren Motor Co.", a city's name for its club
  ("Bergen" and "FC Bergen"), a nationality in front of a name ("Norwegian Herons" beside "Herons");
* **profiles** (:mod:`.profiles`): what titles and appositions say of each person;
* **pronouns** (:mod:`.pronouns`): he/she/it/they to the nearest compatible antecedent;
* **descriptions** (:mod:`.descriptions`): "the Kenyan president", "the minister", "the country";
* **titled appositions** (:mod:`.appositions`): "the mayor of Tarvik, Ola Berg," (the comma pattern outranks
  a description's guess);
* **speakers** (:mod:`.speakers`): "I" inside a quotation.

Each resolution keeps the mention's own text and offsets, records its rule (``coref.surname``,
``coref.short``, ``coref.pronoun``, ``coref.description``, ``coref.speaker``) and a confidence that drops when several
antecedents compete.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.mentions.classes import person_titles
from kg.mentions.coref.appositions import resolve_titled_appositions
from kg.mentions.coref.candidates import candidates
from kg.mentions.coref.context import Context, Resolved
from kg.mentions.coref.descriptions import description_kinds, resolve_description
from kg.mentions.coref.profiles import Profile, profiles
from kg.mentions.coref.pronouns import PRONOUNS, coordinated, resolve_pronoun
from kg.mentions.coref.shortforms import resolve_short_forms
from kg.mentions.coref.speakers import resolve_speakers
from kg.mentions.coref.surnames import (
    resolve_first_names,
    resolve_long_surnames,
    resolve_short_names,
    resolve_surnames,
)
from kg.mentions.titled import person_roles
from kg.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.ontology import Ontology

__all__ = ["NAME", "Coreference", "resolve"]

NAME = "kg.coref.v1"


@dataclass(frozen=True, slots=True)
class Coreference:
    """The names (with the short names the NER missed added) and what each resolved token stands for."""

    names: Mapping[int, Mention]
    resolved: Mapping[int, tuple[Mention, ...]]


def resolve(
    doc: Doc, document: str, names: Mapping[int, Mention], ontology: Ontology, sentence_numbers: tuple[int, ...]
) -> Coreference:
    """Resolve one document's short names, pronouns, descriptions and quoted speakers."""
    ctx = Context(
        doc, document, dict(names), ontology.cues, ontology.gazetteer, sentence_numbers, person_titles(ontology)
    )
    resolved: Resolved = {}
    resolve_short_names(ctx, resolved)
    resolve_short_forms(ctx, resolved)
    resolve_surnames(ctx, resolved)
    resolve_long_surnames(ctx, resolved)
    resolve_first_names(ctx, resolved)
    _resolve_references(ctx, resolved, profiles(ctx, resolved))
    resolve_titled_appositions(ctx, resolved, person_roles(ontology))
    resolve_speakers(ctx, resolved)
    return Coreference(ctx.names, resolved)


def _resolve_references(ctx: Context, resolved: Resolved, people: dict[str, Profile]) -> None:
    """Pronouns and definite descriptions, in document order, against the names before them."""
    pool = list(candidates(ctx, resolved))
    groups = coordinated(pool)
    kinds = description_kinds(ctx.cues)
    for token in ctx.doc:
        if token.pos_ == "PRON" and token.lower_ in PRONOUNS:
            found = resolve_pronoun(ctx, token, pool, groups, people)
        elif token.pos_ == "NOUN" and token.i not in ctx.names and token.lemma_.lower() in kinds:
            found = resolve_description(ctx, token, kinds[token.lemma_.lower()], pool, people)
        else:
            continue
        if found is not None:
            resolved[token.i] = found
