"""People the NER missed or mistyped after a title: "Rovers goalkeeper Sam Dyer", "Acme CEO Jo Park".

A run of one to three capitalised proper nouns right after a role word (a role the lexicon knows, or a
title abbreviation such as "Gov." or "Sen.") is a person's name, whatever the NER said of it: the small
model tags such names as organisations or places, or only half of them ("Ana" left out, "Lima" a city).
Entities that lie wholly inside the run are replaced; one that reaches beyond it is left alone. The spans are
set on the Doc before entities are merged (compute, then commit), so every later step sees one PERSON token.

>>> from spacy.vocab import Vocab
>>> from spacy.tokens import Doc
>>> doc = Doc(Vocab(), words=["Rovers", "goalkeeper", "Sam", "Dyer", "saved", "it", "."],
...           pos=["PROPN", "NOUN", "PROPN", "PROPN", "VERB", "PRON", "PUNCT"], ents=["B-ORG"] + ["O"] * 6)
>>> [(e.text, e.label_) for e in add_titled_names(doc, frozenset({"goalkeeper"})).ents]
[('Rovers', 'ORG'), ('Sam Dyer', 'PERSON')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.mentions.names import NAME_PARTICLES

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span

    from kg.ontology import Ontology
    from kg.ontology.gazetteer import Gazetteer

__all__ = [
    "add_titled_names",
    "person_roles",
    "split_fused_names",
    "split_titled_entities",
    "title_anchors",
    "titled_names",
]

_LONGEST_NAME = 3


def person_roles(ontology: Ontology) -> frozenset[str]:
    """The role words that title people: roles whose relation a person can hold (not "moon of", "parent
    company of")."""
    vocab, lexicon = ontology.vocabulary, ontology.lexicon
    found = set()
    for role in lexicon.words("role"):
        entry = lexicon.lookup("role", role)
        if entry is None or entry.relation not in vocab.relations:
            continue
        domain = vocab.relation(entry.relation).domain
        if domain is None or vocab.is_a("Person", domain):
            found.add(role)
    return frozenset(found)


def _is_name_word(text: str, pos: str) -> bool:
    return pos == "PROPN" and text[:1].isupper() and text[1:2] != "." and any(c.islower() for c in text)


def _inside(doc: Doc, start: int, end: int) -> bool:
    """Whether every entity touching tokens [start, end) lies wholly inside them."""
    return all(e.start >= start and e.end <= end for e in doc.ents if e.start < end and e.end > start)


def _name_start(doc: Doc, end: int) -> int:
    """Where the capitalised words the NER left unnamed before ``end`` start, hyphenated pieces included
    ("Q-Tel", "Coca-Cola": a hyphen with no space around it joins one name's pieces)."""
    start = end
    while start > 0 and not doc[start - 1].ent_type_:
        before = doc[start - 1]
        if _is_name_word(before.text, before.pos_):
            start -= 1
        elif before.text == "-" and start > 1 and start < end and not before.whitespace_:
            first = doc[start - 2]
            if first.whitespace_ or first.ent_type_ or not first.text[:1].isupper():
                break
            start -= 2
        else:
            break
    return start


def title_anchors(doc: Doc, roles: frozenset[str], generic: frozenset[str] = frozenset()) -> list[Span]:
    """Capitalised proper nouns right before a role word that the NER left out: what the title is about
    ("Rovers goalkeeper Sam Dyer": Rovers), an organisation when nothing else says what it is. Generic
    nouns capitalised as part of a rank ("Police Major", "Army Colonel") are not names."""
    # complex: the anchor's extent depends on the role's own extent (multi-word, hyphenated) and on what precedes it.
    found = []
    for token in doc[1:]:
        two_words = f"{doc[token.i - 1].text.lower()} {token.text.lower()}"  # "pass rusher", "wide receiver"
        if token.text.lower() not in roles and two_words not in roles:
            continue
        if token.ent_type_ or token.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        end = token.i
        while end > 0 and f"{doc[end - 1].text.lower()} {doc[end].text.lower()}" in roles:
            end -= 1  # "Prime Minister", "Vice President": the whole role, not a name before "Minister"
        if end > 1 and doc[end - 1].text == "-" and not doc[end - 2].whitespace_ and doc[end - 2].text.isalpha():
            end -= 2  # "co-founder", "ex-chairman" read as three tokens
        start = _name_start(doc, end)
        # after a name ("Acme Radiology Director X") the capitalised words are the title's, not a second name
        named_before = start > 0 and bool(doc[start - 1].ent_type_) and doc[start - 1].ent_type_ not in ("DATE", "TIME")
        generic_word = any(doc[k].text.lower() in generic for k in range(start, end))
        if start < end and not named_before and not generic_word and _inside(doc, start, end):
            found.append(doc[start:end])
    return found


def split_titled_entities(doc: Doc, roles: frozenset[str]) -> Doc:
    """A person entity the NER ran over an abbreviated title ("Browns DL Sam Dyer", "Acme CEO Jo Park") is the
    title's owner, the title and the person: the words after the abbreviation are the person, those before it
    (if any) an organisation. Only all-capital abbreviations split ("Prince Andrew" stays one name)."""
    from spacy.tokens import Span

    ents, changed = [], False
    for ent in doc.ents:
        cut = next((t.i for t in ent if t.text.isupper() and len(t.text) <= 4 and t.text.lower() in roles), None)
        if ent.label_ not in ("PERSON", "PER") or cut is None:
            ents.append(ent)
            continue
        if cut > ent.start:  # "Rovers QB": the team; the title word is no one's name
            ents.append(Span(doc, ent.start, cut, label="ORG"))
        if cut + 1 < ent.end:
            ents.append(Span(doc, cut + 1, ent.end, label=ent.label_))
        changed = True
    if changed:
        doc.set_ents(ents)
    return doc


def titled_names(doc: Doc, roles: frozenset[str]) -> list[Span]:
    """Spans of proper nouns after a role word (the role word itself names nothing)."""
    # complex: a titled name's extent: name words after the role, stopped by title words and other entities.
    found = []
    i = 0
    while i < len(doc) - 1:
        token = doc[i]
        word = token.text.lower()
        # a role's plural by its lemma ("Ministers"), never a verb's ("coached Tarvik Athletic" names no coach)
        plural = token.pos_ != "VERB" and token.lemma_.lower() in roles
        role = word.rstrip(".") in roles or word in roles or plural
        if not role or token.ent_type_ or (not token.text.isalpha() and not word.endswith(".")):
            i += 1
            continue
        # "Chief Executive Jo Park": capitalised role words after the first still belong to the title
        while i + 1 < len(doc) and doc[i + 1].text.lower() in roles and not doc[i + 1].ent_type_:
            i += 1
        end = i + 1
        while end < len(doc) and end - i - 1 < _LONGEST_NAME and _is_name_word(doc[end].text, doc[end].pos_):
            end += 1
        title_words = doc[end - 1].text.lower() in roles  # "Chief Strategy Officer": a title, not a name
        if end > i + 1 and not title_words and _inside(doc, i + 1, end):
            found.append(doc[i + 1 : end])
        i = max(end, i + 1)
    return found


def _drop_rank_words(
    doc: Doc, roles: frozenset[str], generic: frozenset[str], is_place: Callable[[str], bool] | None = None
) -> None:
    """ "Interior Minister", "Army Colonel", "Norway Fisheries Minister": a generic word the NER took for (the end of)
    a name is the title's, not the name's ("State Department official": two words make an organisation's
    name)."""
    from spacy.tokens import Span

    titled = [e for e in doc.ents if e.end < len(doc) and doc[e.end].text.lower() in roles]
    # "Norway Fisheries Minister": the NER ran a place and the portfolio together; the place stays a name ("Air Force
    # commander" keeps its force: "Air" is no place)
    ranked = {
        e
        for e in titled
        if e[-1].text.lower() in generic and (len(e) == 1 or (is_place is not None and is_place(e[:-1].text)))
    }
    if ranked:
        kept = [Span(doc, e.start, e.end - 1, label=e.label_) if e in ranked else e for e in doc.ents]
        doc.set_ents([e for e in kept if len(e)])


def add_titled_names(
    doc: Doc,
    roles: frozenset[str],
    generic: frozenset[str] = frozenset(),
    ranks: frozenset[str] = frozenset(),
    is_place: Callable[[str], bool] | None = None,
) -> Doc:
    """The Doc with each titled name added as a PERSON entity (existing entities are kept). ``generic`` nouns
    never anchor a title; a ``ranks`` word the NER took for a name before a title is the title's ("Army
    Colonel", "Interior Minister"), while "Party President" stays a named party's office."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    _drop_rank_words(doc, roles, ranks, is_place)
    people = [Span(doc, s.start, s.end, label="PERSON") for s in titled_names(doc, roles)]
    anchors = [Span(doc, s.start, s.end, label="ORG") for s in title_anchors(doc, roles, generic)]
    # people first, then the longest anchors that overlap nothing already chosen
    spans = filter_spans(people)
    taken = {i for s in spans for i in range(s.start, s.end)}
    spans += [s for s in filter_spans(anchors) if not any(i in taken for i in range(s.start, s.end))]
    if not spans:
        return doc
    covered = {i for s in spans for i in range(s.start, s.end)}
    kept = [e for e in doc.ents if not any(i in covered for i in range(e.start, e.end))]
    doc.set_ents(sorted([*kept, *spans], key=lambda span: span.start))
    return doc


# Lower-case words that belong inside names ("Ludwig van Beethoven", "Osama bin Laden", "Bank of England").
_NAME_PARTICLES = NAME_PARTICLES | {"of", "the", "and", "for", "on", "in", "&", "'s", "’s"}
# What may follow a comma inside one name: "Acme, Inc.", "Ola Berg, Jr."
_NAME_SUFFIXES = frozenset(
    {
        "inc",
        "inc.",
        "ltd",
        "ltd.",
        "llc",
        "co",
        "co.",
        "corp",
        "corp.",
        "plc",
        "jr",
        "jr.",
        "sr",
        "sr.",
        "s.a.",
        "ag",
        "gmbh",
        "lp",
        "l.p.",
    }
)


def _pieces(ent: Span) -> list[tuple[int, int]]:
    """The names inside one person entity, split at a comma between names and at a lower-case word no name
    has ("Tom rang Taylor"). One piece when nothing splits it."""
    if ent.label_ not in ("PERSON", "PER"):
        return [(ent.start, ent.end)]  # firms keep their commas: "Skadden, Arps"
    cuts = []
    for t in ent[1:-1]:
        listed = t.text == "," and t.nbor(1).text.lower() not in _NAME_SUFFIXES and t.nbor(1).text[:1].isupper()
        if listed or (t.text.isalpha() and t.text.islower() and t.text not in _NAME_PARTICLES):
            cuts.append(t.i)
    if not cuts:
        return [(ent.start, ent.end)]
    bounds, start = [], ent.start
    for cut in cuts:
        bounds.append((start, cut))
        start = cut + 1
    bounds.append((start, ent.end))
    return [(a, b) for a, b in bounds if b > a and any(t.text[:1].isupper() for t in ent.doc[a:b])]


def _owner_split(ent: Span) -> list[tuple[int, int, str]] | None:
    """ "Jeff Bezos's Blue Origin": the owner, then the thing."""
    inner = next((t.i for t in ent[1:-1] if t.text.lower() in ("'s", "’s")), None)
    return None if inner is None else [(ent.start, inner, "PERSON"), (inner + 1, ent.end, ent.label_)]


def _verb_first(ent: Span) -> list[tuple[int, int, str]] | None:
    """ "Hosting Cook": a verb, then the name."""
    if ent.label_ in ("PERSON", "PER") and len(ent) > 1 and ent[0].tag_ in ("VBG", "VBN", "VBD", "VB"):
        return [(ent.start + 1, ent.end, ent.label_)]
    return None


def _score_split(ent: Span) -> list[tuple[int, int, str]] | None:
    """ "Iceland 0 - 0": a team and the score (the score is no name)."""
    if ent.label_ not in ("ORG", "GPE", "PERSON", "PER", "NORP", "LOC", "FAC"):
        return None  # "less than a third" is a number, not a team with its score
    doc, end = ent.doc, ent.end
    while end - 1 > ent.start and (doc[end - 1].text.isdecimal() or doc[end - 1].text in ("-", "–")):
        end -= 1
    if end == ent.end or not any(t.text in ("-", "–") for t in doc[end : ent.end]):
        return None  # "Attack Squadron 725", "Apollo 11": a number in a name; a score has its dash
    return [(ent.start, end, ent.label_)] if end > ent.start and doc[end - 1].text[:1].isalpha() else []


def _place_first(ent: Span, gazetteer: Gazetteer) -> list[tuple[int, int, str]] | None:
    """ "ambassador to Kenya Ola Berg": a person entity (or any entity right after "envoy to", "chief of")
    that starts with a country or capital the gazetteer knows is the place, then the person."""
    doc = ent.doc
    titled = ent.start > 1 and doc[ent.start - 1].text.lower() in ("to", "of", "for", "at")
    titled = titled and not doc[ent.start - 2].ent_type_
    person_like = ent.label_ in ("PERSON", "PER") or (titled and all(_is_name_word(t.text, t.pos_) for t in ent[1:]))
    place = gazetteer.lookup(ent[0].text) if person_like and len(ent) >= 3 else None
    if place is None or place.type not in ("Country", "City") or place.rule not in ("name", "alias"):
        return None
    return [(ent.start, ent.start + 1, "GPE"), (ent.start + 1, ent.end, "PERSON")]


def split_fused_names(doc: Doc, gazetteer: Gazetteer) -> Doc:
    """Names the NER ran together: two people in a list ("Ola Berg, Tom Dyer"), an owner and what they own
    ("Ola Berg's Tarvik Media"), a verb before a name, a team and its score ("Kenya 2-1"), a place before a
    person ("ambassador to Kenya Ola Berg"). The first splitter that applies to an entity decides."""
    from spacy.tokens import Span

    changed, ents = False, []
    for ent in doc.ents:
        pieces = _pieces(ent)
        found = [(a, b, ent.label_) for a, b in pieces] if len(pieces) > 1 else None
        for splitter in (_owner_split, _verb_first, _score_split):
            found = found if found is not None else splitter(ent)
        found = found if found is not None else _place_first(ent, gazetteer)
        if found is None:
            ents.append(ent)
            continue
        ents += [Span(doc, a, b, label=label) for a, b, label in found]
        changed = True
    if changed:
        doc.set_ents(ents)
    return doc
