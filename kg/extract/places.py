"""Where things are (part of kg.role.v1): places in places, organisations' bases, homes and premises.

* appositions and phrases: "Springfield, Illinois", "the Grand Theatre, in Leeds", "Tarvik, Norway's third-largest
  port", "Nairobi's Uhuru Park", "a Boston-based company", "Acme Holdings, a Toronto shipping firm";
* adjacency: "SPRINGFIELD, Ill.", "Garissa in eastern Kenya";
* names: "the University of Nairobi", "the Finnish Green Party", "Kenyan state broadcaster KBC";
* homes ("Reed's hometown of Tarvik") and premises ("the agency's offices in Lyon").

A person's party ("Ola Berg's Green Party") is one they belong to; any other organisation of theirs ("Ola
Berg's Harbour Union") makes no fact: the possessive says they own it, founded it, lead it or belong to it, and
the sentence does not say which.

Each construction is one small rule; :func:`extract_places` runs them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from kg.extract.arguments import arguments
from kg.extract.targets import (
    ORG,
    PERSON,
    PLACE,
    agentive,
    named_modifiers,
    related_names,
    role_extraction,
    target_kind,
)
from kg.mentions import DocumentMentions
from kg.model import Argument, Extraction, Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["extract_places"]

# (target token, surface relation, lexicon key, confidence)
Pair = tuple["Token", str, str, float]


@dataclass(frozen=True, slots=True)
class _Holder:
    """The place or organisation a phrase is attached to, and what the rules need to know of it."""

    token: Token
    is_org: bool
    is_country: bool


def _appos_place(dm: DocumentMentions, holder: _Holder, child: Token) -> list[Pair] | None:
    """ "Springfield, Illinois": a place in apposition to a place lies in it."""
    other = dm.names.get(child.i)
    if child.dep_ == "appos" and other and other.ner in ("GPE", "LOC") and not holder.is_org and not holder.is_country:
        if _listed_pair(dm, holder.token.i, child.i):
            return None  # "Latvia, Malta, Abkhazia, Estonia": items of a list, not a place in a place
        return [(child, "is in", "locate in", 0.6)]
    return None


def _listed_pair(dm: DocumentMentions, first: int, second: int) -> bool:
    """Whether two places written "A, B" are items of a longer list (:func:`_in_a_list`)."""
    doc = dm.doc
    before = first - 2 if first >= 2 and doc[first - 1].text in (",", ":") else None
    after = second + 2 if second + 2 < len(doc) and doc[second + 1].text == "," else None
    return _in_a_list(dm, before, first, second, after)


def _in_phrase(dm: DocumentMentions, holder: _Holder, child: Token) -> list[Pair] | None:
    """ "the Grand Theatre, in Leeds"; for organisations also "Acme Freight Co. of Boston"."""
    if child.dep_ != "prep" or not (child.lower_ in ("in", "at") or (holder.is_org and child.lower_ == "of")):
        return None
    pairs: list[Pair] = []
    for pobj in child.children:
        inner = dm.names.get(pobj.i)
        if pobj.dep_ == "pobj" and inner and inner.ner in ("GPE", "LOC"):
            if holder.is_country and target_kind(dm, inner) in ("country", "city"):
                continue  # a state is not "in" another state ("Norway in Kenya" is its influence)
            pairs.append((pobj, f"is {child.text}", "base in" if holder.is_org else "locate in", 0.65))
    return pairs


def _appos_description(dm: DocumentMentions, holder: _Holder, child: Token) -> list[Pair] | None:
    """ "Tarvik, Norway's third-largest port": the place noun says where it lies."""
    if child.dep_ != "appos" or child.pos_ != "NOUN" or holder.is_org:
        return None
    return [
        (outer, "is in", "locate in", 0.6)
        for outer, _ in related_names(child, dm, frozenset({"in", "of"}))
        if dm.names.get(outer.i) and dm.names[outer.i].ner in ("GPE", "LOC")
    ]


def _state_body(dm: DocumentMentions, holder: _Holder, child: Token) -> list[Pair]:
    """ "Norway's Ministry of Fisheries", "the Kenyan Interior Ministry": a ministry or department named by its
    state is a body of that state (its name's first or last word says so), which says more than that it is
    based there (so it is said instead)."""
    mention = dm.names.get(holder.token.i)
    words = mention.label.lower().split() if mention is not None else []
    if not holder.is_org or not words or not {words[0], words[-1]} & dm.cues.state_bodies:
        return []
    return [(child, "is a body of", "be body of", 0.55)]


def _possessor(dm: DocumentMentions, holder: _Holder, child: Token) -> list[Pair] | None:
    """ "Nairobi's Uhuru Park", "Norway's NTB news agency"."""
    other = dm.names.get(child.i)
    if child.dep_ == "poss" and other and other.ner == "GPE" and not holder.is_country:
        return _state_body(dm, holder, child) or [(child, "is in", "base in" if holder.is_org else "locate in", 0.55)]
    return None


def _org_modifier(dm: DocumentMentions, holder: _Holder, child: Token) -> list[Pair] | None:
    """ "the Norwegian Storting": a nationality or place modifying an organisation's name."""
    other = dm.names.get(child.i)
    if holder.is_org and child.dep_ in ("compound", "amod", "nmod") and other and other.ner in ("GPE", "NORP"):
        return _state_body(dm, holder, child) or [(child, "is based in", "base in", 0.55)]
    return None


def _based(dm: DocumentMentions, holder: _Holder, child: Token) -> list[Pair] | None:
    """ "a Boston-based company"."""
    if child.dep_ != "amod" or child.lemma_.lower() != "base":
        return None
    pairs: list[Pair] = []
    for grand in child.children:
        inner = dm.names.get(grand.i)
        if inner and inner.ner in ("GPE", "LOC"):
            pairs.append((grand, "is based in", "base in", 0.8))
    return pairs


def _org_description(dm: DocumentMentions, holder: _Holder, child: Token) -> list[Pair] | None:
    """ "Acme Holdings, a Toronto shipping firm": a noun that can describe an organisation (not "a Leeds page")."""
    if not holder.is_org or child.dep_ != "appos" or child.pos_ != "NOUN":
        return None
    lemma, cues = child.lemma_.lower(), dm.cues
    if lemma not in cues.organization_nouns and lemma not in cues.named_thing_nouns and not agentive(lemma):
        return []
    return [
        (modifier, "is based in", "base in", 0.6)
        for modifier in named_modifiers(child, dm)
        if dm.names.get(modifier.i) and dm.names[modifier.i].ner in ("GPE", "NORP")
    ]


# The first rule whose construction a dependent is decides for it (even when it finds no place).
_CHILD_RULES: tuple[Callable[[DocumentMentions, _Holder, Token], list[Pair] | None], ...] = (
    _appos_place,
    _in_phrase,
    _appos_description,
    _possessor,
    _org_modifier,
    _based,
    _org_description,
)


def _kind_possessors(reading: DocumentMentions, token: Token) -> list[Token]:
    """ "Tarvik's Grand Plaza hotel": a place's possessive on the kind noun after a name is the name's (the
    parser hangs it on the noun the name modifies)."""
    head, cues = token.head, reading.cues
    if token.dep_ != "compound" or head.pos_ != "NOUN" or head.i in reading.names:
        return []
    if head.lemma_.lower() not in cues.facility_nouns and head.lemma_.lower() not in cues.organization_nouns:
        return []  # (two lookups: this runs for every name, a union would build a set each time)
    return [c for c in head.children if c.dep_ == "poss"]


def _holders(holder: Token, target: Token, rel: str, lemma: str) -> list[Token]:
    """ "Kisumu, Kakamega and Bungoma in western Kenya": a phrase after the last conjunct holds for every
    conjunct that has none of its own."""
    shared = rel in ("is in", "is at") and lemma == "locate in" and all(c.i < holder.i for c in holder.conjuncts)
    if not (shared and target.head.head.i == holder.i):
        return [holder]
    others = [c for c in holder.conjuncts if not any(g.dep_ == "prep" and g.lower_ in ("in", "at") for g in c.children)]
    return [holder, *others]


def _places(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """Places in places and organisations' bases, from appositions, "in" phrases and modifiers."""
    gazetteer = reading.ontology.gazetteer
    for token in reading.tokens(sent):
        mention = reading.names.get(token.i)
        if mention is None or mention.ner not in PLACE | ORG:
            continue
        own = gazetteer.lookup(mention.label)
        holder = _Holder(token, mention.ner in ORG, own is not None and own.type == "Country")
        for child in (*token.children, *_kind_possessors(reading, token)):
            pairs = next((p for rule in _CHILD_RULES if (p := rule(reading, holder, child)) is not None), [])
            for target, rel, lemma, confidence in pairs:
                for one in _holders(token, target, rel, lemma):
                    yield from _place_pair(reading, sent, one, target, rel, lemma, confidence)


def _place_pair(
    reading: DocumentMentions, sent: Span, token: Token, target: Token, rel: str, lemma: str, confidence: float
) -> Iterator[Extraction]:
    if token.i not in reading.names or reading.names[token.i].ner not in PLACE | ORG:
        return
    arg1 = arguments(reading, token)[0]
    if token.dep_ == "compound" and token.head.lemma_.lower() in reading.cues.facility_nouns:
        # the name with its facility noun is the place the other rules name ("the Grand Plaza hotel")
        arg1 = next((a for a in arguments(reading, token.head) if a.mention is not None), arg1)
        lemma = "locate in" if lemma == "base in" else lemma
    for arg2 in arguments(reading, target):
        if arg2.mention is None or arg1.mention is None or arg1.mention.label == arg2.mention.label:
            continue
        yield role_extraction(reading, sent, arg1, arg2, rel, lemma, confidence, kind="verb")


_RANK = {"City": 0, "Region": 1, "Country": 2}


def _rank(reading: DocumentMentions, i: int) -> int | None:
    """How large a place named at token ``i`` is (city 0, region 1, country 2; a place the gazetteer does not
    know counts as a city); None when no place is named there."""
    mention = reading.names.get(i)
    if mention is None or mention.ner not in ("GPE", "LOC"):
        return None
    name = reading.ontology.gazetteer.lookup(mention.label) or reading.ontology.gazetteer.place(mention.label)
    return _RANK.get(name.type, 0) if name is not None else 0


def _in_a_list(reading: DocumentMentions, before: int | None, first: int, second: int, after: int | None) -> bool:
    """Whether a comma pair of places is two items of a list ("Latvia, Malta, Kosovo, Norway"): a place next to
    them that does not make an address growing from small to large ("Hawthorne, California, United States"),
    before them only when it is itself a list item (so "Oslo, Viken, Norway" stays an address)."""
    ranks = [_rank(reading, i) if i is not None and i >= 0 else None for i in (before, first, second, after)]
    prev, inner, outer, nxt = ranks
    if inner is None or outer is None:
        return False
    if prev is not None and prev >= inner and before is not None and _listed(reading, before):
        return True
    return nxt is not None and nxt <= outer and after is not None and _goes_on(reading, after)


def _goes_on(reading: DocumentMentions, i: int) -> bool:
    """Whether the name starting at token ``i`` is followed by a comma, a conjunction or the sentence's end
    (a list goes on or ends there; a name followed by its verb is the next clause's subject)."""
    doc = reading.doc  # a name is one token here (kg.mentions.names.prepare merged it)
    return i + 1 >= len(doc) or doc[i + 1].text in (",", ";", ".") or doc[i + 1].lower_ in ("and", "or")


def _listed(reading: DocumentMentions, i: int) -> bool:
    """Whether the name ending at token ``i`` follows a comma or a colon (a third item of a list)."""
    return i >= 1 and reading.doc[i - 1].text in (",", ":")  # a name is one token here


def _adjacent_places(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """Places written right before a larger one lie in it: "SPRINGFIELD, Ill.", "a Tulsa, Oklahoma, lawyer",
    "Garissa in eastern Kenya" (after a comma, or "in" and its modifiers), however the parser attached
    them. Lists ("Lyon, Lille and Nantes") and states next to states are not."""
    # complex: adjacency is one pattern with its exceptions (lists, states beside states), checked in order.
    doc = sent.doc
    for token in reading.tokens(sent):
        first = reading.names.get(token.i)
        if first is None or first.ner not in PLACE | ORG or token.i + 2 >= sent.end:
            continue
        link = doc[token.i + 1]
        if link.text != "," and link.lower_ != "in":
            continue
        # the larger place may carry modifiers first ("in eastern Kenya", ", north-west Norway")
        k = next(
            (
                k
                for k in range(token.i + 2, min(token.i + 6, sent.end))
                if k in reading.names and all(doc[j] in doc[k].subtree for j in range(token.i + 2, k))
            ),
            None,
        )
        second = reading.names.get(k) if k is not None else None
        if k is None or second is None or second.ner not in ("GPE", "LOC"):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "in" for c in doc[k].children):
            continue  # "A in B, C in D": C is the next item of a list, not where A lies
        listed_before = token.i > sent.start and doc[token.i - 1].text in (",", ":")
        listed_after = k + 2 < sent.end and doc[k + 1].text == "," and doc[k + 2].i in reading.names
        if listed_before and listed_after:
            continue  # "Lyon, Lille, Nantes": a list that goes on both sides is no place in a place
        if _in_a_list(reading, token.i - 2 if listed_before else None, token.i, k, k + 2 if listed_after else None):
            continue
        coordinated = doc[k].i in {t.i for t in token.conjuncts}
        with_and = any(c.dep_ == "cc" for t in (token, *token.conjuncts) for c in t.children) or any(
            doc[j].lower_ in ("and", "or") for j in range(k + 1, min(k + 3, sent.end))
        )
        if (coordinated and with_and) or (not coordinated and with_and and link.text == ","):
            continue  # a list of places ("Lyon, Lille and Nantes"), not a place in a place
        inner, outer = target_kind(reading, first), target_kind(reading, second)
        if inner == "country" and outer in ("country", "city"):
            continue
        arg1, arg2 = arguments(reading, token)[0], arguments(reading, doc[k])[0]
        if arg1.mention is None or arg2.mention is None or arg1.mention.label == arg2.mention.label:
            continue
        lemma = "base in" if first.ner in ORG else "locate in"
        yield role_extraction(reading, sent, arg1, arg2, f"is {link.text}", lemma, 0.55, kind="verb")


def _homes(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """Where someone is from: "Reed's hometown of Tarvik", "Moss's Vermont home", "in her native
    Vermont", "Bangor, Maine, Reed's hometown"."""
    # complex: the owner and the place of a home noun come from three attachments of one construction.
    home_nouns = reading.cues.home_nouns
    for token in reading.tokens(sent):
        if token.lower_ not in home_nouns and token.lemma_.lower() not in home_nouns:
            continue
        places: list[Token] = []
        owner_of = token
        if token.pos_ == "ADJ":  # "her native Vermont": the place is the noun it modifies
            owner_of = token.head
            places.append(token.head)
        else:
            places += named_modifiers(token, reading)
            places += [
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            if token.dep_ == "appos":
                places.append(token.head)
        owners = [c for c in owner_of.children if c.dep_ == "poss"]
        for owner in owners:
            for place in places:
                for arg1 in arguments(reading, owner):
                    for arg2 in arguments(reading, place):
                        if arg1.mention is None or arg2.mention is None or arg1.mention.ner not in PERSON:
                            continue
                        if target_kind(reading, arg2.mention) in ("city", "country") or arg2.mention.ner in (
                            "GPE",
                            "LOC",
                        ):
                            yield role_extraction(reading, sent, arg1, arg2, f"'s {token.text} is", "resident", 0.7)


def _premises(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """An organisation's seat locates it: "at Acme headquarters in Boston", "the agency's base in Lyon" (an
    office or plant somewhere is one of its sites, not its base)."""
    # complex: one construction: an organisation's premises noun with a place phrase.
    premises = reading.cues.premises_nouns
    for noun in reading.tokens(sent):
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in premises:
            continue
        owners = [
            c
            for c in noun.children
            if c.dep_ in ("compound", "poss") and reading.names.get(c.i) and reading.names[c.i].ner in ORG
        ]
        places = [
            g
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in ("in", "at")
            for g in c.children
            if g.dep_ == "pobj" and reading.names.get(g.i) and reading.names[g.i].ner in ("GPE", "LOC")
        ]
        for owner in owners:
            for place in places:
                arg1, arg2 = arguments(reading, owner)[0], arguments(reading, place)[0]
                if arg1.mention is not None and arg2.mention is not None:
                    yield role_extraction(reading, sent, arg1, arg2, f"{noun.text} in", "base in", 0.65, kind="verb")


def _party_of(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """ "Ola Berg's Green Party": a person's party is one they belong to."""
    for token in reading.tokens(sent):
        mention = reading.names.get(token.i)
        if mention is None or mention.ner not in ORG or not _is_party_name(mention.label, reading):
            continue
        for child in token.children:
            owner = reading.names.get(child.i)
            if child.dep_ == "poss" and owner is not None and owner.ner in PERSON:
                arg1, arg2 = arguments(reading, child)[0], arguments(reading, token)[0]
                if arg1.mention is not None and arg2.mention is not None:
                    yield role_extraction(reading, sent, arg1, arg2, "'s", "member", 0.6)


def _is_party_name(label: str, reading: DocumentMentions) -> bool:
    return label.lower().split()[-1] == "party" or label.lower() in reading.cues.party_names


def _named_after_country(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """ "Kenyan state broadcaster KBC", "the Finnish Green Party": an organisation named or described
    by a nationality is based in that country."""
    # complex: three ways a name carries its country, tried in order (the first that applies wins).
    gazetteer = reading.ontology.gazetteer
    for token in reading.tokens(sent):
        mention = reading.names.get(token.i)
        if mention is None or mention.ner not in ORG:
            continue
        arg1 = arguments(reading, token)[0]
        words = mention.label.split()
        # "the University of Nairobi", "Bank of Canada": the place after "of" in the name
        if "of" in words[1:-1]:
            place_text = " ".join(words[words.index("of") + 1 :])
            place = gazetteer.lookup(place_text)
            if place is not None and place.type in ("Country", "City"):
                start = token.idx + token.text.rfind(place_text)
                found = Mention(
                    reading.document.id, start, start + len(place_text), place_text, place.label, "GPE", "name", 0.9
                )
                arg2 = Argument(place_text, found.start, found.end, found)
                yield role_extraction(reading, sent, arg1, arg2, "is based in", "base in", 0.6, kind="verb")
                continue
        first = words[0] if words else ""
        country = gazetteer.lookup(first)
        if country is not None and country.type == "Country" and len(words) > 1:
            start = token.idx + token.text.find(first)
            found = Mention(reading.document.id, start, start + len(first), first, country.label, "NORP", "name", 0.9)
            arg2 = Argument(first, found.start, found.end, found)
            if {words[1].lower(), words[-1].lower()} & reading.cues.state_bodies:  # "Kenyan Interior Ministry"
                yield role_extraction(reading, sent, arg1, arg2, "is a body of", "be body of", 0.45, kind="verb")
            else:
                yield role_extraction(reading, sent, arg1, arg2, "is based in", "base in", 0.45, kind="verb")
            continue
        for child in token.lefts:
            if child.dep_ == "compound" and child.pos_ == "NOUN":
                for modifier in child.subtree:
                    inner = reading.names.get(modifier.i)
                    if modifier.i != child.i and inner and inner.ner in ("NORP", "GPE"):
                        for arg2 in arguments(reading, modifier):
                            if arg2.mention is not None:
                                yield role_extraction(
                                    reading, sent, arg1, arg2, "is based in", "base in", 0.45, kind="verb"
                                )


def _a_place(reading: DocumentMentions, mention: Mention) -> bool:
    """A place by its NER label, or a city or region the gazetteer knows that the NER took for an organisation
    ("the Tempe studio": the small model often tags a mid-sized city ORG). A person's name stays a person's."""
    if mention.ner in ("GPE", "LOC"):
        return True
    known = reading.ontology.gazetteer.place(mention.label)
    return mention.ner == "ORG" and known is not None and known.type in ("City", "Region")


def _described_bases(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """ "the Toledo food giant launched X": a description of an organisation the text already named, with a
    place modifying it, says where the organisation is based."""
    for noun in reading.tokens(sent):
        resolved = reading.coref.get(noun.i)
        if noun.pos_ != "NOUN" or not resolved or resolved[0].ner != "ORG" or resolved[0].rule != "coref.description":
            continue
        for modifier in noun.lefts:
            place = reading.names.get(modifier.i)
            if modifier.dep_ in ("compound", "amod", "nmod") and place is not None and _a_place(reading, place):
                for arg1 in arguments(reading, noun):
                    arg2 = arguments(reading, modifier)[0]
                    if arg2.mention is not None and arg2.mention.ner == "ORG":
                        arg2 = replace(arg2, mention=replace(arg2.mention, ner="GPE"))  # the gazetteer's city
                    if arg1.mention is not None and arg2.mention is not None:
                        yield role_extraction(reading, sent, arg1, arg2, "is based in", "base in", 0.6, kind="verb")


def _born(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """ "Kenyan-born Ruth Cole", "Oslo-born writer Ola Berg": where a person was born."""
    # complex: the birthplace may hang on the name or on a title before it, and be a name or a demonym; guards of one
    # pattern.
    for token in reading.tokens(sent):
        mention = reading.names.get(token.i)
        if mention is None or mention.ner not in PERSON:
            continue
        # "born" may hang on the name or on a title before it ("Oslo-born writer Ola Berg").
        heads = [token, *(c for c in token.children if c.dep_ == "compound" and c.i < token.i)]
        participles = [
            c for h in heads for c in h.children if c.dep_ == "amod" and c.lemma_.lower() in ("bear", "born")
        ]
        for participle in participles:
            for place in participle.children:
                named = reading.names.get(place.i)
                if named is not None and named.ner in ("GPE", "LOC", "NORP") and place.i < participle.i:
                    arg1, arg2 = arguments(reading, token)[0], arguments(reading, place)[0]
                    if arg1.mention is not None and arg2.mention is not None:
                        yield role_extraction(reading, sent, arg1, arg2, "was born in", "bear in", 0.75, kind="verb")


def extract_places(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    yield from _places(sent, reading)
    yield from _described_bases(sent, reading)
    yield from _born(sent, reading)
    yield from _adjacent_places(sent, reading)
    yield from _named_after_country(sent, reading)
    yield from _party_of(sent, reading)
    yield from _homes(sent, reading)
    yield from _premises(sent, reading)
