"""Noun phrases that name something without being a name: a facility ("Manda Bay air base"), a group with a
named modifier ("Kenyan forces"), a government ("the Kenyan government" -> Kenya), an instrument standing for
whoever wields it ("a Somali drone" -> Somalia), an event standing for its place ("the nation's drought"),
someone's conduct standing for them ("defended the party's decisions" -> the party), a thing named beside
its generic noun ("a mission called Dragonfly", "its Dragonfly mission").

Each rule is a pure function of a token and the document's :class:`~kg.mentions.record.DocumentMentions`;
:meth:`DocumentMentions.mentions_for` tries them in order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.mentions.names import QUALIFIER_LABELS, clean_label
from kg.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.mentions.record import DocumentMentions

__all__ = [
    "appositive_of",
    "conduct_of",
    "event_place",
    "examples",
    "facility_mention",
    "group_mention",
    "members_of",
    "modifier_actor",
    "named_thing",
    "wielder",
]


def facility_mention(dm: DocumentMentions, token: Token) -> Mention | None:
    """A place named by a name and a facility noun: "Manda Bay air base", "the Kivuli mosque"."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in dm.cues.facility_nouns:
        return None
    doc = dm.doc
    start = token.i
    while start > 0:
        prev = doc[start - 1]
        attached = prev.dep_ in ("compound", "amod", "nmod") and start <= prev.head.i <= token.i
        if not attached or prev.ent_type_ in QUALIFIER_LABELS or prev.pos_ not in ("PROPN", "NOUN", "ADJ"):
            break
        if prev.pos_ == "ADJ" and prev.i not in dm.names:
            break
        start -= 1
    while start < token.i and not (doc[start].pos_ == "PROPN" or start in dm.names):
        start += 1  # "air base" alone is not a name: it starts at the name
    if start == token.i:
        return None
    label = clean_label(doc[start : token.i + 1].text)
    return dm.span_mention(start, token.i + 1, label, "FAC", "named-facility", 0.85)


def event_place(dm: DocumentMentions, token: Token) -> Mention | None:
    """An event noun stands for the place it happens in: "the nation's long drought" -> the nation."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in dm.cues.event_nouns:
        return None
    for child in token.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod"):
            for m in dm.mentions_for(child) if child.i != token.i else ():
                place = dm.ontology.gazetteer.lookup(m.label)
                if m.ner in ("GPE", "LOC") or (place is not None and place.type in ("Country", "City")):
                    return Mention(
                        m.document, m.start, m.end, m.text, m.label, "GPE", "metonym.event-place", 0.7 * m.confidence
                    )
    return None


def appositive_of(dm: DocumentMentions, token: Token) -> Mention | None:
    """ "Olsen, a Democrat from Denver (who chaired ...)": an appositive noun phrase, or a
    nationality or party used as one, names what the name it stands beside names."""
    head = token.head
    if token.dep_ != "appos" or head.i == token.i or head.i not in dm.names:
        return None
    if token.pos_ != "NOUN" and not (token.i in dm.names and dm.names[token.i].ner == "NORP"):
        return None
    named = dm.coref.get(head.i, (dm.names[head.i],))[0]
    return dm.mention(token, named.label, named.ner, "coref.appos", 0.95 * named.confidence)


def examples(dm: DocumentMentions, token: Token) -> tuple[Mention, ...]:
    """ "refineries, including Acme Oil and Tarvik Energy", "militants such as Ola Berg": a plural noun that names
    a kind of thing (an organisation, person, group, place or facility noun, or an agent noun) stands for the
    names it lists as its examples (what the clause says of the refineries it says of each one named)."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS":
        return ()
    prep = next((p for p in token.children if _lists_examples(p)), None)
    if prep is None or not _a_kind(dm, token.lemma_.lower()):
        return ()  # "acquisitions including Acme": what is listed is acquired, not an acquisition
    listed = [p for p in prep.children if p.dep_ == "pobj"]
    listed += [c for p in listed for c in p.conjuncts]
    return tuple(
        Mention(m.document, m.start, m.end, m.text, m.label, m.ner, "metonym.example", 0.85 * m.confidence)
        for m in (dm.names[t.i] for t in listed if t.i in dm.names)
    )


def _a_kind(dm: DocumentMentions, lemma: str) -> bool:
    """Whether a noun names a kind of thing names can be examples of: an organisation, person, group, place or
    facility noun, or an agent noun ("militants", "lawmakers")."""
    cues = dm.cues
    kinds = cues.organization_nouns | cues.person_nouns | cues.group_nouns | cues.country_nouns | cues.city_nouns
    agent = len(lemma) > 4 and lemma.endswith(("ant", "ist", "er", "or", "man", "woman"))
    return lemma in kinds or lemma in cues.facility_nouns or agent


def _lists_examples(prep: Token) -> bool:
    """ "including", "such as": a preposition that lists instances of the noun it follows."""
    such_as = prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
    return prep.dep_ == "prep" and (prep.lower_ == "including" or such_as)


def conduct_of(dm: DocumentMentions, token: Token) -> Mention | None:
    """ "criticised Acme's handling of the spill": what someone did or said, owned by them, stands for them."""
    if token.pos_ != "NOUN" or token.lower_ not in dm.cues.conduct_nouns:
        return None
    for owner in token.children:
        if owner.dep_ == "poss" and owner.i != token.i:
            found = dm.mentions_for(owner)
            if found:
                m = found[0]
                return dm.mention(token, m.label, m.ner, "metonym.conduct", 0.8 * m.confidence)
    return None


_NAMING_VERBS = frozenset({"call", "name", "dub", "title", "brand"})
_THING_NAMES = frozenset({"ORG", "PRODUCT", "EVENT", "FAC", "WORK_OF_ART", "LAW"})
_PLACE_NAMES = frozenset({"GPE", "LOC"})


def _given_name(dm: DocumentMentions, token: Token) -> Mention | None:
    """ "a startup named Pixel Labs": the name a naming participle gives the noun."""
    for acl in token.children:
        if acl.dep_ != "acl" or acl.lemma_.lower() not in _NAMING_VERBS or acl.tag_ != "VBN":
            continue
        for given in acl.children:
            if given.dep_ in ("oprd", "xcomp", "attr", "dobj") and given.i in dm.names:
                m = dm.names[given.i]
                return Mention(m.document, m.start, m.end, m.text, m.label, m.ner, "metonym.named", m.confidence)
    return None


def _name_before(dm: DocumentMentions, token: Token) -> Mention | None:
    """ "its Dragonfly mission", "the Bergen South district": a thing's (or an area's) name right before a
    generic head noun."""
    lemma = token.lemma_.lower()
    if lemma not in dm.cues.named_thing_nouns and lemma not in dm.cues.area_nouns:
        return None
    named = dm.names.get(token.i - 1) if token.i > 0 else None
    if named is None and lemma in dm.cues.named_thing_nouns:
        named = _unnamed_before(dm, token)
    kinds = _THING_NAMES if lemma in dm.cues.named_thing_nouns else _PLACE_NAMES  # "the Bergen South district"
    if named is None or named.ner not in kinds or token.doc[token.i - 1].head.i != token.i:
        return None
    return Mention(
        named.document,
        named.start,
        named.end,
        named.text,
        named.label,
        named.ner,
        "metonym.named",
        0.9 * named.confidence,
    )


def _unnamed_before(dm: DocumentMentions, token: Token) -> Mention | None:
    """ "Acme's Zephyr probe": capitalised words the NER left unnamed before a thing's generic noun name
    it all the same (the noun says a name is there); an event noun's name is an event."""
    doc, start = token.doc, token.i
    while start > 0 and _name_word(doc[start - 1], token):
        start -= 1
    if start == token.i or doc[start].is_sent_start:
        return None
    span = doc[start : token.i]
    ner = "EVENT" if token.lemma_.lower() in dm.cues.event_name_nouns else "PRODUCT"
    return Mention(dm.document.id, span.start_char, span.end_char, span.text, span.text, ner, "metonym.named", 0.8)


def _name_word(word: Token, head: Token) -> bool:
    capitalised = word.text[:1].isupper() and word.text.isalpha()
    return (
        word.pos_ == "PROPN"
        and capitalised
        and word.dep_ == "compound"
        and word.head.i == head.i
        and not word.ent_type_
    )


def named_thing(dm: DocumentMentions, token: Token) -> Mention | None:
    """ "a mission called Dragonfly", "a startup named Pixel Labs": the name given is the thing; "its
    Dragonfly mission", "the Techfest conference": so is the name before a generic head noun (a thing's
    name only: "Kenyan forces" and "the Tarvik mayor" are other rules')."""
    if token.pos_ != "NOUN" or token.i in dm.names:
        return None
    return _given_name(dm, token) or _name_before(dm, token)


def wielder(dm: DocumentMentions, token: Token) -> Mention | None:
    """ "the gunman fired the bullets that wounded the guard": an instrument someone used stands for them."""
    if token.dep_ not in ("dobj", "obj"):
        return None
    for subject in token.head.children:
        if subject.dep_ == "nsubj":
            found = dm.coref.get(subject.i) or ((dm.names[subject.i],) if subject.i in dm.names else ())
            if found:
                return found[0]
    return None


def modifier_actor(dm: DocumentMentions, token: Token) -> Mention | None:
    """The named actor modifying a noun: "a Somali drone", "Kenyan jets", "Uganda's forces"."""
    for child in token.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod") and child.i in dm.names:
            return dm.names[child.i]
    return None


def _owners(token: Token) -> list[Token]:
    """What a member noun says it belongs to: "the agency's investigators", "officers from the department"."""
    owners = [c for c in token.children if c.dep_ == "poss"]
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "with")]
    owners += [g for c in preps for g in c.children if g.dep_ == "pobj"]
    # "officers from the Tarvik Police Department Street Crimes Unit": a unit the NER left unnamed belongs to
    # the organisation named in it
    return owners + [c for o in owners if o.pos_ == "PROPN" for c in o.lefts]


def _agency_like(label: str, dm: DocumentMentions) -> bool:
    """Whether a name can employ officers and agents: one of the agency words in it ("Tarvik Police Department",
    "Federal Bureau of Investigation") or an acronym ("FBI"); a street or a firm cannot."""
    words = set(label.lower().replace("'s", "").split())
    return label.replace(".", "").isupper() or bool(words & dm.cues.agency_words)


def _agency_just_named(dm: DocumentMentions, token: Token) -> Mention | None:
    """ "Officers also arrested X": officers acting alone are the agency the text named last."""
    if token.lemma_.lower() not in dm.cues.agency_members or token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    # the most recent agency before them, however far back: an agency's name is not repeated in every paragraph
    near = [m for i, m in dm.names.items() if i < token.i and m.ner == "ORG" and _agency_like(m.label, dm)]
    if not near:
        return None
    m = max(near, key=lambda x: x.start)
    return Mention(
        dm.document.id, token.idx, token.idx + len(token.text), token.text, m.label, m.ner, "metonym.members", 0.6
    )


def members_of(dm: DocumentMentions, token: Token) -> Mention | None:
    """ "officers from the Tarvik Police Department arrested X": people named by what they are in an
    organisation stand for it when they act ("agents of the bureau", "the agency's investigators")."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in dm.cues.member_nouns or token.i in dm.names:
        return None
    owners = _owners(token)
    for owner in owners:
        named = dm.coref.get(owner.i) or ((dm.names[owner.i],) if owner.i in dm.names else ())
        if named and named[0].ner == "ORG":
            m = named[0]
            return Mention(m.document, m.start, m.end, m.text, m.label, m.ner, "metonym.members", 0.8 * m.confidence)
    return None if owners else _agency_just_named(dm, token)


def _group_in_place(dm: DocumentMentions, token: Token) -> Mention | None:
    """ "Prosecutors in Sweden", "officials in Oslo", "authorities in Kenya": a group that acts, placed by "in" and
    a country or city, is that place's group, named as written; authorities and governments so placed are the
    state."""
    place = next(
        (
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "in"
            for g in c.children
            if g.dep_ == "pobj" and g.i in dm.names and dm.names[g.i].ner == "GPE"
        ),
        None,
    )
    if place is None or token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    actor = dm.names[place.i]
    if token.lemma_.lower() in ("authority", "government") or token.lower_ in dm.cues.government_nouns:
        return dm.span_mention(token.i, place.i + 1, actor.label, actor.ner, "metonym.government", 0.8)
    label = clean_label(dm.doc[token.i : place.i + 1].text)
    return dm.span_mention(token.i, place.i + 1, label, "GROUP", "group", 0.75)


def group_mention(dm: DocumentMentions, token: Token) -> Mention | None:
    """Instruments stand for their actor ("a Somali drone" -> Somalia); group nouns with a named modifier
    are groups of their own ("Kenyan forces", "UN-led forces")."""
    # complex: instruments and group nouns share the modifier search.
    if token.pos_ not in ("NOUN", "PROPN") or token.i in dm.names:
        return None
    lemma = token.lemma_.lower()
    cues = dm.cues
    # "trapped in a Kenyan tank", "hit Y with Kenyan drones": a vehicle one sits in or a tool another
    # uses does not act for its owner
    used = token.dep_ == "pobj" and token.head.lower_ in ("in", "on", "aboard", "inside", "into", "from", "with")
    if lemma in cues.instrument_nouns and lemma not in cues.group_nouns and not used:
        actor = modifier_actor(dm, token) or wielder(dm, token)
        if actor is not None:
            a = actor
            return Mention(a.document, a.start, a.end, a.text, a.label, a.ner, "metonym.instrument", 0.85)
    if lemma in cues.group_nouns or lemma in cues.government_nouns:
        modifiers = [c for c in token.lefts if c.dep_ in ("amod", "compound", "npadvmod", "nmod")]
        named = [m for m in modifiers if any(t.i in dm.names for t in m.subtree)]
        if not named:
            return _group_in_place(dm, token)
        start = min(m.left_edge.i for m in named)
        if lemma in cues.government_nouns and len(named) == 1 and named[0].i in dm.names:
            # "the Kenyan government": the state itself, recorded as a metonym
            actor = dm.names[named[0].i]
            return dm.span_mention(start, token.i + 1, actor.label, actor.ner, "metonym.government", 0.9)
        label = clean_label(dm.doc[start : token.i + 1].text)
        return dm.span_mention(start, token.i + 1, label, "GROUP", "group", 0.8)
    return None
