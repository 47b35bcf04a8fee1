"""Definite descriptions: "the Kenyan president" goes to the person the text already described with that
nationality (titles and appositions); "the minister" to whoever the text called a minister, however far
back; "the country", "the city", "the agency" to the nearest place or organisation of that class. A lead's
description before any name ("the Tarvik harbour master said") goes to the person later titled with its words."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from kg.mentions.coref.candidates import Candidate, best, governing_verb, window
from kg.mentions.coref.context import Context
from kg.mentions.coref.profiles import Profile
from kg.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.ontology.cues import Cues
    from kg.ontology.gazetteer import Gazetteer

__all__ = ["description_kinds", "resolve_description"]


def description_kinds(cues: Cues) -> dict[str, str]:
    """Head noun -> what it describes: a person, an organisation, a city or a country."""
    return {
        **dict.fromkeys(cues.person_nouns, "person"),
        **dict.fromkeys(cues.organization_nouns, "organization"),
        **dict.fromkeys(cues.city_nouns, "city"),
        **dict.fromkeys(cues.country_nouns, "country"),
    }


def is_definite(token: Token) -> bool:
    """ "the country", "the Kenyan leader's": a definite description without a complement that would
    make it new information ("the head of the Kenyan army" introduces someone)."""
    determiners = [c.lower_ for c in token.children if c.dep_ == "det"]
    owned = any(c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") for c in token.children)
    if "the" not in determiners and not owned:
        return False  # "a minister" is someone new; "the minister" and "Kenya's minister" someone known
    # A superlative or ordinal picks out someone new: "the biggest grocer", "the first woman".
    if any(c.tag_ == "JJS" or c.lower_ in ("first", "only", "new", "next", "last") for c in token.children):
        return False
    # A restrictive modifier introduces someone new: "the woman charged with ...", "the man who ...".
    return not any(
        (c.dep_ == "prep" and c.lower_ in ("of", "for")) or c.dep_ in ("acl", "relcl") for c in token.children
    )


def fits(kind: str, candidate: Candidate, countries: set[str], gazetteer: Gazetteer) -> bool:
    """Whether a candidate is of the kind a description describes (a country other than the ones named)."""
    ner = candidate.mention.ner
    if kind == "person":
        return ner in ("PERSON", "PER")
    if kind == "organization":
        return ner == "ORG" and not _launched(candidate.token)
    name = gazetteer.lookup(candidate.mention.label)
    if kind == "country":
        return ner == "GPE" and name is not None and name.type == "Country" and name.label not in countries
    if kind == "city":
        return ner == "GPE" and (name is None or name.type == "City")
    return False


# Verbs whose object is a product or a service, not a company: "Acme launched Zeta. The company said ..." is Acme.
_LAUNCH_VERBS = frozenset({"launch", "unveil", "debut", "release", "introduce", "roll"})


def _launched(token: Token) -> bool:
    return token.dep_ in ("dobj", "obj") and token.head.lemma_.lower() in _LAUNCH_VERBS


# Organisation nouns that say what kind of organisation, which its name says too ("the party" is the Labour
# Party, not the nearest company; "the league" the Premier League): the description needs a name of that kind.
_NAMED_KINDS = frozenset({"party", "league", "bank", "university", "ministry", "department", "alliance", "union"})


def _most_named(pool: list[Candidate], candidates: list[Candidate], token: Token) -> list[Candidate]:
    """ "the company" in a story about Acme is Acme, even when another firm was named last: among the
    organisations in reach, those the text has named most often so far (then the nearest, by :func:`best`)."""
    counts = Counter(c.mention.label for c in candidates if c.token.i < token.i)
    top = max((counts[c.mention.label] for c in pool), default=0)
    return [c for c in pool if counts[c.mention.label] == top]


def _named_as(noun: str, label: str, ctx: Context) -> bool:
    """Whether an organisation's name says it is a ``noun`` ("Labour Party"; a party by its short name); leagues
    and unions go by acronyms too ("NFL", "UAW")."""
    words = label.lower().split()
    acronym = noun in ("league", "union") and label.replace(".", "").isupper()
    return acronym or noun in words or (noun == "party" and label.lower() in ctx.cues.party_names)


def _countries(ctx: Context, token: Token) -> set[str]:
    """The countries a description's nationality words name: "the Kenyan president" -> {Kenya}."""
    demonyms = [
        ctx.gazetteer.lookup(c.text) for c in token.children if c.dep_ in ("amod", "compound") and c.i in ctx.names
    ]
    return {n.label for n in demonyms if n is not None and n.type == "Country"}


def _people(
    ctx: Context,
    token: Token,
    candidates: list[Candidate],
    pool: list[Candidate],
    countries: set[str],
    profiles: dict[str, Profile],
) -> list[Candidate]:
    """Narrow a person description: whoever holds the role ("the minister"), of the nationality it says."""
    role = token.lemma_.lower()
    titled = [
        c
        for c in candidates
        if c.token.i < token.i
        and role in profiles.get(c.mention.label, Profile()).roles
        and fits("person", c, countries, ctx.gazetteer)
    ]
    pool = titled or pool
    if countries:
        described = [c for c in pool if profiles.get(c.mention.label, Profile()).countries & countries]
        pool = described or [c for c in pool if not profiles.get(c.mention.label, Profile()).countries]
    return pool


def _whole_description(token: Token) -> int:
    """Where the description starts: the evidence shows "the Kenyan president", not just "president"."""
    modifiers = [c.left_edge.i for c in token.lefts if c.dep_ in ("det", "amod", "compound")]
    return min(modifiers) if modifiers else token.i


def _named_later(ctx: Context, token: Token, candidates: list[Candidate]) -> tuple[Mention, ...] | None:
    """ "the Tarvik harbour master said ... Tarvik harbour master Ola Berg added": a lead that describes
    someone before naming them is the one person the story later names with those very words as a title (the
    words must name a country or organisation, so "the minister" alone waits for an antecedent)."""
    doc = token.doc
    start, end = _whole_description(token), token.right_edge.i + 1
    if not any(i in ctx.names for i in range(start, end)):
        return None
    words = [t.lower_ for t in doc[start:end] if t.lower_ != "the"]
    later = {
        c.mention.label: c
        for c in candidates
        if c.token.i > end
        and c.mention.ner in ("PERSON", "PER")
        and [t.lower_ for t in doc[max(c.token.i - len(words), 0) : c.token.i]] == words
    }
    if len(later) != 1:
        return None
    (candidate,) = later.values()
    return (
        ctx.span_mention(start, token.i + 1, candidate.mention.label, candidate.mention.ner, "coref.description", 0.7),
    )


def resolve_description(
    ctx: Context, token: Token, kind: str, candidates: list[Candidate], profiles: dict[str, Profile]
) -> tuple[Mention, ...] | None:
    """What a definite description stands for, or None."""
    # complex: a description's constraints (definite, not an apposition, kind, nationality, role) narrow one pool in
    # order.
    if not is_definite(token) or token.tag_ in ("NNS", "NNPS"):
        return None  # "the men" is not one person
    if token.dep_ == "appos" or any(c.dep_ == "appos" for c in token.children):
        return None  # "Lindqvist, the Swedish envoy": the apposition names it already
    if token.lemma_.lower() == "head" and not any(c.lower_ == "of" for c in token.children):
        return None  # "hit him in the head": a head with nothing it heads is the body's
    countries = _countries(ctx, token)
    start = _whole_description(token)
    # the description's own words are not what it describes ("the Toledo food giant" is not Toledo)
    # "the league", "the party": a name that says it is one is rare enough to be sought in the whole story so far
    named_kind = kind == "organization" and token.lemma_.lower() in _NAMED_KINDS
    reach = candidates if named_kind else window(candidates, token, ctx)
    # a description is not a co-argument of its own verb ("firms such as Acme sued the regulator")
    verb = governing_verb(token, clause=True)
    before = [c for c in reach if c.token.i < start and governing_verb(c.token, clause=True).i != verb.i]
    pool = [c for c in before if fits(kind, c, countries, ctx.gazetteer)]
    if kind == "person":
        pool = _people(ctx, token, candidates, pool, countries, profiles)
    elif named_kind:
        pool = [c for c in pool if _named_as(token.lemma_.lower(), c.mention.label, ctx)]
    elif kind == "organization":
        pool = _most_named(pool, candidates, token)
    found = best(pool, token)
    if found is None:
        return _named_later(ctx, token, candidates) if kind == "person" else None
    candidate, confidence = found
    if kind == "person" and countries and not (profiles.get(candidate.mention.label, Profile()).countries & countries):
        confidence = min(confidence, 0.6)  # nationality not confirmed by the text
    label, ner = candidate.mention.label, candidate.mention.ner
    return (ctx.span_mention(_whole_description(token), token.i + 1, label, ner, "coref.description", confidence),)
