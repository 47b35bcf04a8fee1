"""One name in a document is one thing: the class of a name is decided from all its mentions, not mention by
mention (the NER may call "Rena Holt" an organisation in one sentence and a person in three others).

Evidence, each a named rule with its weight:

* ``ner``: every mention votes for its NER label (1);
* ``gazetteer``: a country or capital the gazetteer knows is a place (2, only for names the NER ever called a
  place or organisation: "Jordan" the person stays a person);
* ``title``: a person's title or role right before the name ("coach", "Sen.", "Mr."), an age after it
  ("Tove Ruud, 43,") or a family word it possesses ("Holt's wife") is a person (3);
* ``surname``: a one-word person name that ends longer names in the same document ("Holt" after "Rena Holt")
  votes for each of them being a person (1 per mention);
* ``full-name``: a one-word name that ends a longer name the NER calls a person in the same document is that
  person's surname, whatever the NER calls it alone ("Webb" as an organisation after "Ina Webb"): each of its
  mentions votes person (2), so the NER's label is outweighed but an organisation's own evidence (suffix,
  apposition, 3) is not;
* ``org-suffix``: a name ending in a company, club or newspaper word ("Inc.", "Co.", "Group", "FC", "Studios",
  "Herald"), or a known town's name and a club word ("Leeds United"), is an organisation (3);
* ``described``: a name right after the organisation or publication noun it names ("the review site Clear
  Verdict"), or a one-word name in apposition with one ("the publishers Halvorsen and Tarvik Media",
  "Halvorsen, the publisher,") is an organisation (3), never a person (the person vote is struck). A full
  name with an apposition after a comma keeps its class: the parser often attaches a neighbour's there ("Jo
  Park, head of the Acme Society, a charity");
* ``hometown``: a bare name after a person's age and "of" ("Jo Roe, 27, of Oakdale") is a place (3);
* ``event``: a name right before an event noun with an owner of its own ("Acme's Techfest conference") is an
  event (3), and not an organisation (the organisation vote is struck: the owner is the organisation);
* ``plural-article``: a plural name after "the" ("the Herons", "the Greens") is a team, band or party,
  never one person: the person vote is struck.

>>> from spacy.vocab import Vocab
>>> from spacy.tokens import Doc
>>> from kg.mentions.names import find_names, prepare
>>> from kg.ontology import load_ontology
>>> words = ["Coach", "Rena", "Holt", "joined", "Velvet", "Harbor", ".", "Holt", "smiled", "."]
>>> doc = Doc(Vocab(), words=words, heads=[2, 2, 3, 3, 5, 3, 3, 8, 8, 8],
...           deps=["compound", "compound", "nsubj", "ROOT", "compound", "dobj", "punct", "nsubj", "ROOT", "punct"],
...           pos=["NOUN", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"],
...           lemmas=["coach", "Rena", "Holt", "join", "Velvet", "Harbor", ".", "Holt", "smile", "."],
...           ents=["O", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O", "B-PERSON", "O", "O"])
>>> onto = load_ontology()
>>> names = decide_classes(prepare(doc), find_names(doc, "d1", onto.gazetteer), onto)
>>> [(m.label, m.ner) for m in names.values()]
[('Rena Holt', 'PERSON'), ('Velvet Harbor', 'ORG'), ('Holt', 'PERSON')]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.mentions.names import employer_slot, has_age
from kg.model import Mention
from kg.ontology.gazetteer import fold_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kg.ontology import Ontology

__all__ = ["decide_classes", "extend_org_names", "has_org_word", "join_party_names", "person_titles"]

PERSON_LABELS = frozenset({"PERSON", "PER"})
# Labels a document-wide vote may change: names of things. NORP, EVENT, LAW... keep their own label.
_VOTING = frozenset({"PERSON", "PER", "ORG", "GPE", "LOC", "FAC", "EVENT"})
# Role words that name what people and organisations alike are ("ally", "member", "partner"): no evidence.
_EITHER = frozenset({"ally", "partner", "rival", "enemy", "opponent", "critic", "member", "agent", "representative"})
_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "madam", "mr.", "mrs.", "ms.", "dr."}
)
_FAMILY = frozenset(
    {"son", "daughter", "brother", "sister", "father", "mother", "uncle", "aunt", "nephew", "niece", "cousin",
     "grandson", "granddaughter", "grandfather", "grandmother", "widow", "widower", "stepson", "stepdaughter"}
)  # fmt: skip
# What only a person has: "Lind's wife", "Holt's children".
_KIN = _FAMILY | {"wife", "husband", "spouse", "children", "parents", "girlfriend", "boyfriend", "grandchildren"}
_ORG_SUFFIX = re.compile(
    r"(?:^(?:fc|afc|ac|cf|sc)\s|\s(?:inc\.?|corp\.?|corporation|co\.?|company|ltd\.?|llc|plc|group|holdings|"
    r"ag|gmbh|s\.?a\.?|n\.?v\.?|fc|afc|club|bank|university|institute|foundation|association|council|party|"
    # company words ("Harbor Studios", "Lind Capital") and newspaper words ("Tarvik Herald", "Lind Gazette")
    r"studios?|labs|systems|technologies|partners|ventures|associates|industries|media|capital|airlines|"
    r"airways|motors|entertainment|pictures|records|times|post|herald|tribune|journal|gazette|chronicle|courant|"
    r"intelligencer)$)",
    re.IGNORECASE,
)


def has_org_word(label: str) -> bool:
    """Whether a name ends in (or opens with) a company, club or newspaper word.

    >>> has_org_word("Acme Corp."), has_org_word("Tarvik Herald"), has_org_word("Oakdale")
    (True, True, False)
    """
    return bool(_ORG_SUFFIX.search(" " + label))


def _company_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and bool(_ORG_SUFFIX.search(" " + token.text))


def extend_org_names(doc: Doc) -> Doc:
    """An organisation entity the NER stopped one word short of its company word ("Harbor" then "Media",
    "Lind" then "Capital", left out or made a name of its own) takes the word back, so the word is not read as
    another organisation.

    >>> from spacy.vocab import Vocab
    >>> from spacy.tokens import Doc
    >>> doc = Doc(Vocab(), words=["Harbor", "Media", "grew", "."], pos=["PROPN", "PROPN", "VERB", "PUNCT"],
    ...           ents=["B-ORG", "O", "O", "O"])
    >>> [e.text for e in extend_org_names(doc).ents]
    ['Harbor Media']
    >>> doc = Doc(Vocab(), words=["Harbor", "Media", "grew", "."], pos=["PROPN", "PROPN", "VERB", "PUNCT"],
    ...           ents=["B-ORG", "B-ORG", "O", "O"])
    >>> [e.text for e in extend_org_names(doc).ents]
    ['Harbor Media']
    """
    from spacy.tokens import Span

    ents: list[Span] = []
    changed = False
    for ent in doc.ents:
        previous = ents[-1] if ents else None
        alone = len(ent) == 1 and ent.label_ == "ORG" and _company_word(ent[0])  # the NER made "Media" a name
        if alone and previous is not None and previous.label_ == "ORG" and previous.end == ent.start:
            ents[-1] = Span(doc, previous.start, ent.end, label="ORG")
            changed = True
            continue
        after = doc[ent.end] if ent.end < len(doc) else None
        if ent.label_ == "ORG" and after is not None and not after.ent_type_ and _company_word(after):
            ents.append(Span(doc, ent.start, ent.end + 1, label="ORG"))
            changed = True
        else:
            ents.append(ent)
    if changed:
        doc.set_ents(ents)
    return doc


def join_party_names(doc: Doc, party_names: frozenset[str]) -> Doc:
    """A party whose name is two capitalised words the NER cut in two ("Liberal" an organisation, "Democrat" a
    nationality) is one organisation: the multi-word names of ``party_names``, singular or plural. The span's
    ``kb_id_`` is the party's name as written in the plural, the label :func:`~kg.mentions.names.find_names` gives.

    >>> from spacy.vocab import Vocab
    >>> from spacy.tokens import Doc
    >>> doc = Doc(Vocab(), words=["former", "Social", "Democrat", "leader", "Lind"],
    ...           ents=["O", "B-ORG", "B-NORP", "O", "B-PERSON"])
    >>> [(e.text, e.label_, e.kb_id_) for e in join_party_names(doc, frozenset({"social democrats"})).ents]
    [('Social Democrat', 'ORG', 'Social Democrats'), ('Lind', 'PERSON', '')]
    """
    joined: list[Span] = []
    for found in _party_spans(doc, party_names):
        if not any(j.start < found.end and found.start < j.end for j in joined):
            joined.append(found)
    if joined:
        taken = {i for span in joined for i in range(span.start, span.end)}
        kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.set_ents(sorted(kept + joined, key=lambda e: e.start))
    return doc


def _party_spans(doc: Doc, party_names: frozenset[str]) -> Iterator[Span]:
    """Every place a multi-word party name is written (sought at its first word only)."""
    lowered = [t.text.lower() for t in doc]
    for name in (n for n in party_names if " " in n):
        first, size = name.split()[0], name.count(" ") + 1
        for begin in (i for i, word in enumerate(lowered[: len(doc) - size + 1]) if word == first):
            found = _party_span(doc[begin : begin + size], name)
            if found is not None:
                yield found


def _party_span(words: Span, name: str) -> Span | None:
    """``words`` as the party ``name`` (an ORG span carrying the plural name), or None when they are not it."""
    from spacy.tokens import Span

    text = words.text.lower()
    if not all(t.text[:1].isupper() for t in words) or name not in (text, text + "s"):
        return None
    # the party's own (plural) name rides on the span, so "Liberal Democrat leader" names the party
    plural = words.text if text == name else words.text + "s"
    return Span(words.doc, words.start, words.end, label="ORG", kb_id=plural)


# Words after a town's name that make it a sports club: "Leeds United", "Tarvik Athletic" ("City", "County" and
# "Town" also end the names of places: "Quebec City", "Orange County").
_CLUB_WORDS = frozenset({"united", "athletic", "rovers", "wanderers", "albion"})


def person_titles(ontology: Ontology) -> frozenset[str]:
    """Words that, right before a name, say it is a person's: the lexicon's roles, the cues' person nouns,
    honorifics and family words, less the words organisations share ("ally", "member")."""
    roles = {w for w in ontology.lexicon.words("role") if not w.startswith("*") and " " not in w}
    titles = roles | ontology.cues.person_nouns | _HONORIFICS | _FAMILY
    return frozenset(titles - _EITHER - {"capital", "resident", "native"})


def _titled(token: Token, titles: frozenset[str]) -> bool:
    """A title or role right before the name ("quarterback Rena Holt", "Sen. Holt"), or an age after it."""
    if has_age(token):
        return True
    return any(
        c.dep_ in ("compound", "amod", "appos") and c.i < token.i and c.text.lower() in titles for c in token.lefts
    )


def _club(label: str, ontology: Ontology) -> bool:
    """ "Leeds United", "Bergen Athletic": a town the gazetteer knows and a club word, and not itself a place
    ("Kansas City" is a city)."""
    town, _, word = label.rpartition(" ")
    places = ontology.gazetteer
    return word.casefold() in _CLUB_WORDS and places.place(town) is not None and places.place(label) is None


def _kin_of(token: Token) -> bool:
    """ "Holt's wife", "Holt's children and parents": the possessor of a family word is a person."""
    possessor = token.dep_ == "poss" or (token.dep_ == "nmod" and any(c.dep_ == "case" for c in token.children))
    return possessor and any(t.text.lower() in _KIN for t in (token.head, *token.head.conjuncts))


def _plural_with_article(token: Token) -> bool:
    """ "the Herons", "The Greens": a plural name after the article."""
    words = token.text.split()
    before = (
        words[0] if len(words) > 1 and words[0].lower() == "the" else token.doc[token.i - 1].text if token.i else ""
    )
    last = words[-1]
    plural = token.tag_ == "NNPS" or (last.endswith("s") and not last.endswith(("ss", "us", "is")))
    return before.lower() == "the" and plural


def _plural_subject(token: Token) -> bool:
    """ "Herons have lost four games", "Rovers were beaten": a name alone that a plural verb agrees with is a
    team or a group, never one person (British English makes clubs plural: "Tarvik are top")."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.conjuncts or " " in token.text:
        return False
    verb = token.head
    finite = min(
        (t for t in (verb, *verb.children) if t.i == verb.i or t.dep_ in ("aux", "auxpass")), key=lambda t: t.i
    )
    return finite.tag_ == "VBP" or finite.lower_ == "were"


def _hometown(token: Token) -> bool:
    """ "Jo Roe, 27, of Oakdale": after a person's age, a bare "of" name (no article, no company or club word)
    is where the person lives (crime and court reports write hometowns so)."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "of" or any(c.lower_ == "the" for c in token.children):
        return False
    person = prep.head if prep.head.dep_ not in ("appos", "amod", "npadvmod") else prep.head.head
    return has_age(person) and person.ent_type_ in ("PERSON", "PER") and not has_org_word(token.text)


def _names_an_event(token: Token, nouns: frozenset[str]) -> bool:
    """ "Acme's Nova summit", "its Techfest conference": a name right before an event noun that has an owner of
    its own. Without an owner the name may be the owner ("the NATO summit", "the Acme conference")."""
    head = token.head
    if token.dep_ not in ("compound", "nmod") or head.i != token.i + 1 or head.lemma_.lower() not in nouns:
        return False
    return any(c.dep_ == "poss" and c.i != token.i for c in head.children)


def _described_as_organisation(token: Token, nouns: frozenset[str]) -> bool:
    """ "the publishers Halvorsen and Tarvik Media", "Halvorsen, the publisher,": a name in apposition
    with an organisation noun (or a conjunct of such a name)."""
    for name in (token, *(c for c in token.conjuncts if c.i < token.i)):
        if _named_by_noun(name, nouns):
            return True
        if any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in nouns for c in name.children):
            return True
    return False


def _named_by_noun(name: Token, nouns: frozenset[str]) -> bool:
    """ "the review site Clear Verdict": a name right after the noun it names (no comma between)."""
    head = name.head
    return name.dep_ == "appos" and head.pos_ == "NOUN" and head.lemma_.lower() in nouns and head.i == name.i - 1


def _longer_names(mentions: Iterable[Mention]) -> dict[str, dict[str, bool]]:
    """Last word of every longer name (case-folded) -> each such name (folded) and whether the NER called it a
    person: "Webb" -> {"ina webb": True}."""
    longer: dict[str, dict[str, bool]] = {}
    for m in mentions:
        words = m.label.split()
        if len(words) > 1:
            owners, key = longer.setdefault(words[-1].casefold(), {}), fold_name(m.label)
            owners[key] = owners.get(key, False) or m.ner in PERSON_LABELS
    return longer


def _votes(doc: Doc, names: Mapping[int, Mention], ontology: Ontology) -> dict[str, Counter[str]]:
    """Folded name -> weighted votes for its NER label, over every mention in the document."""
    # complex: each named rule of the module docstring adds its weight in one walk over the names.
    titles = person_titles(ontology)
    votes: dict[str, Counter[str]] = {}
    vetoed: set[str] = set()
    events: set[str] = set()
    things = ontology.cues.organization_nouns | ontology.cues.named_thing_nouns
    longer = _longer_names(names.values())
    for i, m in names.items():
        key = fold_name(m.label)
        tally = votes.setdefault(key, Counter())
        tally["PERSON" if m.ner == "PER" else str(m.ner)] += 1
        token = doc[i]
        if _titled(token, titles) or _kin_of(token):
            tally["PERSON"] += 3
        if any(longer.get(m.label.casefold(), {}).values()):  # the surname of a person named in full
            tally["PERSON"] += 2
        party = m.label.lower() in ontology.cues.party_names  # "Labour" is no one's name
        if party or _ORG_SUFFIX.search(" " + m.label) or _club(m.label, ontology):  # "Herald" alone too
            tally["ORG"] += 3
        if _hometown(token):
            tally["GPE"] += 3
        if token.dep_ != "conj" and employer_slot(token, ontology) and ontology.gazetteer.place(m.label) is None:
            # "scored for the Falcons", "works for Acme": what one plays or works for is an organisation (a place
            # the gazetteer knows stays one: "scored for Tarvik" is a club the place names)
            tally["ORG"] += 2
        if _names_an_event(token, ontology.cues.event_name_nouns):
            tally["EVENT"] += 3
            events.add(key)
        if (" " not in m.label and _described_as_organisation(token, things)) or _named_by_noun(token, things):
            tally["ORG"] += 3  # a "person" the text calls a company is none, whatever the NER says
            vetoed.add(key)
        if _plural_with_article(token) or _plural_subject(token):
            vetoed.add(key)
        known = ontology.gazetteer.lookup(m.label)
        if known is not None and known.type in ("Country", "City") and known.rule in ("name", "alias", "code"):
            tally["GPE"] += 2
    for m in names.values():
        for owner in longer.get(m.label.casefold(), {}) if m.ner in PERSON_LABELS else ():
            votes[owner]["PERSON"] += 1
    for key in vetoed:
        votes[key]["PERSON"] = 0
    for key in events:
        votes[key]["ORG"] = 0  # the owner is the organisation; the name is its event's
    return votes


# Ties go to the earlier label: a person or an organisation is what the NER misses most often.
_ORDER = ("PERSON", "ORG", "GPE", "LOC", "FAC", "PER", "EVENT")


def _winner(tally: Counter[str]) -> str | None:
    ranked = [label for label, n in tally.items() if label in _VOTING and n > 0]
    return min(ranked, key=lambda label: (-tally[label], _ORDER.index(label))) if ranked else None


def decide_classes(doc: Doc, names: Mapping[int, Mention], ontology: Ontology) -> dict[int, Mention]:
    """Every name mention with the NER label its name wins in the document (labels outside the vote, such
    as NORP or DATE, are kept; a vetoed person with no other vote becomes an organisation)."""
    votes = _votes(doc, names, ontology)
    decided: dict[int, Mention] = {}
    for i, m in names.items():
        tally = votes[fold_name(m.label)]
        label = _winner(tally)
        if m.ner not in _VOTING or label is None:
            if m.ner in PERSON_LABELS and tally["PERSON"] == 0:
                label = "ORG"
            else:
                decided[i] = m
                continue
        decided[i] = m if label == m.ner else replace(m, ner=label)
    return decided
