"""kg.role.v1: what noun phrases say about who someone is and where something is.

* **titles**: a title before a name, with the state or organisation modifying it ("Kenyan President
  Daniel Mwangi", "Ohio Gov. Ann Lee", "former Navy commander Tom Hale");
* **appositions and copulas**: "Grace Otieno, an expert on water policy", "Lindqvist, the Swedish envoy",
  "Kenya's closest trading partner, Uganda", "X was chief accountant at the Nairobi Hospital";
* **affiliations**: "Li Wei at the Institute of Optics", "Ann Moss of the design studio of Dunmore Reed",
  "Tove Ruud, 43, of Skien" (a person "of" a place lives there);
* **places and bases**: "San Francisco, California", "the Grand Theatre, in Leeds",
  "Nairobi's Uhuru Park", "a Boston-based company", "Norway's NTB news agency",
  "Acme Holdings, a Toronto shipping firm", "the Finnish Green Party".

A role noun the lexicon knows (kind ``role``) gives its own relation. A role noun it does not know
("columnist", "goalkeeper", "businessman") still says something: with an organisation it is an
affiliation (the lexicon's ``* at``/``* of`` rows), with a nationality a citizenship, with a city a residence.

>>> from spacy.vocab import Vocab
>>> from spacy.tokens import Doc
>>> from kg.model import Document
>>> from kg.mentions import read_mentions
>>> from kg.ontology import load_ontology
>>> doc = Doc(Vocab(), words=["Kenyan", "President", "Mwangi", "spoke", "."], heads=[1, 2, 3, 3, 3],
...           deps=["amod", "compound", "nsubj", "ROOT", "punct"], pos=["ADJ", "PROPN", "PROPN", "VERB", "PUNCT"],
...           lemmas=["kenyan", "President", "Mwangi", "speak", "."], ents=["B-NORP", "O", "B-PERSON", "O", "O"])
>>> reading = read_mentions(doc, Document("d", doc.text), load_ontology())
>>> [(e.arg1.mention.label, e.rel, e.arg2.mention.label) for e in extract_roles(doc[:], reading)]
[('Mwangi', 'is President of', 'Kenyan')]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extract.arguments import arguments
from kg.extract.clauses import attribution
from kg.extract.spans import conjuncts
from kg.extract.svo import verb_subjects
from kg.mentions import DocumentMentions
from kg.model import Argument, Extraction, Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["NAME", "extract_roles"]

NAME = "kg.role.v1"
_ROLE_PREPS = frozenset({"of", "for", "at", "on", "in", "to", "with", "from"})
_AFFILIATION_PREPS = frozenset({"of", "at", "with", "from"})
_PERSON = frozenset({"PERSON", "PER"})
_ORG = frozenset({"ORG"})
_PLACE = frozenset({"GPE", "LOC", "FAC"})


def _role_phrase(noun: Token, roles: frozenset[str]) -> str | None:
    """The lexicon role a noun expresses, with a modifier before it ("foreign minister", "prime minister")."""
    lemma = noun.lemma_.lower()
    for c in noun.lefts:
        if c.dep_ in ("compound", "amod") and not c.ent_type_:
            joined = f"{c.lower_} {lemma}"
            if joined in roles:
                return joined
    if lemma in roles:
        return lemma
    return noun.lower_ if noun.lower_ in roles else None


def _kind(reading: DocumentMentions, mention: Mention) -> str:
    """ "org", "country", "city" or "" for what a role's target is."""
    if mention.ner in _ORG:
        return "org"
    name = reading.ontology.gazetteer.lookup(mention.label)
    if name is not None and name.type == "Country":
        return "country"
    if mention.ner in ("GPE",) or (name is not None and name.type == "City"):
        return "city"
    return ""


_AGENTIVE = (
    "er",
    "or",
    "ist",
    "ian",
    "ant",
    "ent",
    "man",
    "woman",
    "eer",
    "ee",
    "ive",
    "ary",
    "ess",
    "smith",
    "wright",
)


def _agentive(noun: str) -> bool:
    """Whether a noun the lexicon does not know names a person by what they do ("columnist", "economist",
    "businessman", "auditor"), as English agent suffixes say; "victim" or "subject" do not."""
    return noun.lower().endswith(_AGENTIVE) and len(noun) > 4


def _lemma_for(
    reading: DocumentMentions, role: str | None, target: Mention, preposition: str, noun_text: str = ""
) -> str | None:
    """The lexicon key for a role and its target: the role's own, or for a role noun the lexicon does not
    know, what its target makes it: an affiliation, a citizenship, a residence."""
    kind = _kind(reading, target)
    if role is None and kind == "org" and not _agentive(noun_text):
        return None  # "the subject of a UN inquiry" does not work for the UN
    if role is not None:
        lemma = f"{role} {preposition}" if preposition else role
        entry = reading.ontology.lexicon.lookup("role", lemma)
        vocab = reading.ontology.vocabulary
        if (
            kind == "city"
            and entry is not None
            and entry.relation in vocab.relations
            and not vocab.is_a("City", vocab.relation(entry.relation).range)
        ):
            return "resident"  # "the Chicago dentist" works in Chicago, not for it
        return lemma
    if kind == "org":
        return f"* {preposition or 'of'}"
    if kind == "country" and preposition in ("", "from"):
        return "citizen"
    if kind == "city" and preposition in ("", "from", "of"):
        return "resident"
    return None


def _named_modifiers(noun: Token, reading: DocumentMentions) -> list[Token]:
    """Names among a title's modifiers, however deep ("Acme Radiation Safety Director": Acme)."""
    found = []
    for token in noun.subtree:
        if token.i == noun.i or token.i >= noun.i:
            continue
        if token.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod") and reading.mentions_for(token):
            found.extend(conjuncts(token))
    return found


def _related(noun: Token, reading: DocumentMentions, preps: frozenset[str] = _ROLE_PREPS) -> list[tuple[Token, str]]:
    """Names a role noun relates to: its nationality or name modifiers, possessor, or prepositional object."""
    found: list[tuple[Token, str]] = [(t, "") for t in _named_modifiers(noun, reading)]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    for t in conjuncts(pobj):
                        target = _affiliated(t, reading)
                        if target is not None:
                            found.append((target, child.lower_))
    return found


def _extraction(
    reading: DocumentMentions,
    sent: Span,
    arg1: Argument,
    arg2: Argument,
    rel: str,
    lemma: str,
    confidence: float,
    role_token: Token | None = None,
    kind: str = "role",
) -> Extraction:
    assert arg1.mention is not None and arg2.mention is not None
    extra: tuple[Argument, ...] = ()
    if role_token is not None:
        extra = (Argument(role_token.text, role_token.idx, role_token.idx + len(role_token.text), None, "role"),)
    return Extraction(
        document=reading.document.id,
        sentence=reading.sentence(sent),
        arg1=arg1,
        rel=rel,
        arg2=arg2,
        lemma=lemma,
        extractor=NAME,
        confidence=confidence * arg1.mention.confidence * arg2.mention.confidence,
        kind=kind,
        extra=extra,
    )


def _roles(
    reading: DocumentMentions,
    sent: Span,
    holder: Token,
    noun: Token,
    targets: list[tuple[Token, str]],
    rel_for: str,
    confidence: float,
) -> Iterator[Extraction]:
    """Extractions for a person holding the role ``noun`` towards each target."""
    role = _role_phrase(noun, reading.ontology.lexicon.words("role"))
    said_by = attribution(holder.head, reading) if holder.dep_ != "ROOT" else None
    for target, preposition in targets:
        for arg1 in arguments(reading, holder):
            for arg2 in arguments(reading, target):
                if arg1.mention is None or arg2.mention is None or arg1.mention.label == arg2.mention.label:
                    continue
                lemma = _lemma_for(reading, role, arg2.mention, preposition, noun.lemma_)
                if lemma is None:
                    continue
                rel = f"{rel_for} {noun.text} {preposition or 'of'}".strip()
                known = role is not None
                extraction = _extraction(
                    reading, sent, arg1, arg2, rel, lemma, confidence if known else confidence * 0.8, noun
                )
                yield extraction if said_by is None else _with_attribution(extraction, said_by)


def _with_attribution(extraction: Extraction, said_by: str) -> Extraction:
    from dataclasses import replace

    return replace(extraction, attributed_to=said_by)


def _titles(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """ "Kenyan President Daniel Mwangi", "Acme CEO Jo Park", "President Ana Silva in Brazil"."""
    roles = reading.ontology.lexicon.words("role")
    for name in reading.tokens(sent):
        mention = reading.names.get(name.i)
        if mention is None or mention.ner not in _PERSON:
            continue
        for title in name.lefts:
            if title.dep_ != "compound" or title.i in reading.names or title.pos_ not in ("NOUN", "PROPN"):
                continue
            targets = _related(title, reading, frozenset({"of"}))
            targets += [(t, "") for t in name.lefts if t.i < title.i and t.i in reading.names]
            if targets:
                yield from _roles(reading, sent, name, title, targets, "is", 0.9)
            elif _role_phrase(title, roles) is not None:
                # "President Ana Silva in Brazil": a bare title and a country attached to the name
                around = [
                    (t, "")
                    for t, p in _related(name, reading, frozenset({"of", "in"}))
                    if _kind(reading, reading.mentions_for(t)[0]) == "country"
                ]
                yield from _roles(reading, sent, name, title, around, "is", 0.55)


def _loose_apposition(name: Token, reading: DocumentMentions) -> Token | None:
    """Find the noun a name is set off from by a comma, as in "the mayor's deputy, Ruth Cole, who":
    it is in apposition with it, even when the parser attached it elsewhere."""
    doc = name.doc
    if name.dep_ in ("appos", "conj") or name.i < 2 or doc[name.i - 1].text != ",":
        return None
    head = doc[name.i - 2]
    while head.head.i < name.i and head.head.i != head.i and head.pos_ != "NOUN" and head.dep_ in ("pobj", "prep"):
        head = head.head
    if head.pos_ != "NOUN" or head.i in reading.names or head.head.i == name.i:
        return None
    return head


def _one_of(token: Token) -> list[Token]:
    """The noun in "one of the strategists", "among the founders"."""
    if token.lower_ not in ("one", "some", "many", "among", "each"):
        return []
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _appositions(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """Roles in appositions: "X, an expert on water policy" / "Lindqvist, the Swedish envoy" / "Kenya's ally,
    Uganda"."""
    pairs: list[tuple[Token, Token]] = []
    for token in reading.tokens(sent):
        if token.dep_ == "appos":
            pairs.append((token, token.head))
        elif token.i in reading.names and reading.names[token.i].ner in _PERSON:
            loose = _loose_apposition(token, reading)
            if loose is not None:
                pairs.append((loose, token))
    # "X, one of the leading surgeons in Norway": X is one of them
    pairs += [(inner, head) for token, head in list(pairs) for inner in _one_of(token)]
    # "X, editor and critic at the Daily Ledger", "Y, head of A and treasurer of B": each coordinated noun
    pairs += [(c, head) for token, head in list(pairs) for c in token.conjuncts if c.pos_ == "NOUN"]
    for token, head in pairs:
        for noun, name in ((token, head), (head, token)):
            if name.i not in reading.names or name.i == noun.i:
                continue
            # "Olsen, a Democrat from Denver": a nationality or party can be the appositive noun
            described = noun.i in reading.names and reading.names[noun.i].ner == "NORP"
            if noun.pos_ != "NOUN" and not described:
                continue
            article = "the" if any(c.lower_ == "the" for c in noun.children) else "a"
            yield from _roles(reading, sent, name, noun, _related(noun, reading), f"is {article}", 0.85)


def _copulas(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """ "Uganda is Kenya's ally", "X was chief accountant at the Nairobi Hospital"."""
    for verb in reading.tokens(sent):
        if verb.lemma_ != "be":
            continue
        subjects = [c for c in verb_subjects(verb) if reading.mentions_for(c)]
        attrs = [c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        for subject in subjects:
            for attr in attrs:
                yield from _roles(reading, sent, subject, attr, _related(attr, reading), verb.text, 0.8)
    for verb in reading.tokens(sent):
        if verb.pos_ != "VERB":
            continue
        # "made Ana Silva interim president of Brazil", "named X chairman": the object is the role
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubj") and reading.mentions_for(c)]
        predicates = [
            c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp") and c.pos_ == "NOUN" and c.i > verb.i
        ]
        for obj in objects:
            for noun in predicates:
                yield from _roles(reading, sent, obj, noun, _related(noun, reading), f"{verb.text}", 0.7)


def _affiliations(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """ "Li Wei at the Institute", "Ann Moss of the studio of Dunmore Reed", "Jane Roe, 41, of Springfield"."""
    for name in reading.tokens(sent):
        mention = reading.names.get(name.i)
        if mention is None or mention.ner not in _PERSON:
            continue
        # the phrase may hang on the name or on an age set off after it ("X, 43, of Skien")
        anchors = [name, *(c for c in name.children if c.dep_ in ("appos", "amod", "npadvmod") and c.like_num)]
        for anchor in anchors:
            for prep in anchor.children:
                if prep.dep_ != "prep" or prep.lower_ not in _AFFILIATION_PREPS:
                    continue
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    target = _affiliated(pobj, reading)
                    if target is None:
                        continue
                    for arg2 in arguments(reading, target):
                        if arg2.mention is None:
                            continue
                        kind = _kind(reading, arg2.mention)
                        if kind == "org":
                            lemma = f"* {prep.lower_}"
                        elif kind in ("city", "country") and prep.lower_ in ("of", "from"):
                            lemma = "resident"
                        else:
                            continue
                        arg1 = arguments(reading, name)[0]
                        yield _extraction(reading, sent, arg1, arg2, f"is {prep.text}", lemma, 0.7)


def _affiliated(pobj: Token, reading: DocumentMentions) -> Token | None:
    """The named organisation or place a prepositional object points to, one level down at most
    ("the design studio of Dunmore Reed", "the ministry's water office")."""
    if reading.mentions_for(pobj):
        return pobj
    for child in pobj.children:
        if child.dep_ == "poss" and reading.mentions_for(child):
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            inner = next((g for g in child.children if g.dep_ == "pobj"), None)
            if inner is not None and reading.mentions_for(inner):
                return inner
    return None


def _places(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """Places in places and organisations' bases, from appositions, "in" phrases and modifiers."""
    gazetteer = reading.ontology.gazetteer
    for token in reading.tokens(sent):
        mention = reading.names.get(token.i)
        if mention is None or mention.ner not in _PLACE | _ORG:
            continue
        is_org = mention.ner in _ORG
        own = gazetteer.lookup(mention.label)
        own_country = own is not None and own.type == "Country"
        pairs: list[tuple[Token, str, str, float]] = []
        for child in token.children:
            other = reading.names.get(child.i)
            if child.dep_ == "appos" and other and other.ner in ("GPE", "LOC") and not is_org and not own_country:
                pairs.append((child, "is in", "locate in", 0.6))  # "San Francisco, California"
            elif child.dep_ == "prep" and (child.lower_ in ("in", "at") or (is_org and child.lower_ == "of")):
                # "the Grand Theatre, in Leeds"; for organisations also "Acme Freight Co. of Boston"
                for pobj in child.children:
                    inner = reading.names.get(pobj.i)
                    if pobj.dep_ == "pobj" and inner and inner.ner in ("GPE", "LOC"):
                        if own_country and _kind(reading, inner) in ("country", "city"):
                            continue  # a state is not "in" another state ("Norway in Kenya" is its influence)
                        pairs.append((pobj, f"is {child.text}", "base in" if is_org else "locate in", 0.65))
            elif child.dep_ == "appos" and child.pos_ == "NOUN" and not is_org:
                # "Tarvik, Norway's third-largest port": the place noun says where it lies
                for outer, _ in _related(child, reading, frozenset({"in", "of"})):
                    if reading.names.get(outer.i) and reading.names[outer.i].ner in ("GPE", "LOC"):
                        pairs.append((outer, "is in", "locate in", 0.6))
            elif child.dep_ == "poss" and other and other.ner == "GPE" and not own_country:
                # "Nairobi's Uhuru Park", "Norway's NTB news agency"
                pairs.append((child, "is in", "base in" if is_org else "locate in", 0.55))
            elif is_org and child.dep_ in ("compound", "amod", "nmod") and other and other.ner in ("GPE", "NORP"):
                pairs.append((child, "is based in", "base in", 0.55))  # "the Norwegian Storting"
            elif child.dep_ == "amod" and child.lemma_.lower() == "base":
                for grand in child.children:  # "a Boston-based company"
                    inner = reading.names.get(grand.i)
                    if inner and inner.ner in ("GPE", "LOC"):
                        pairs.append((grand, "is based in", "base in", 0.8))
            elif is_org and child.dep_ == "appos" and child.pos_ == "NOUN":
                # "Acme Holdings, a Toronto shipping firm"
                for modifier in _named_modifiers(child, reading):
                    if reading.names.get(modifier.i) and reading.names[modifier.i].ner in ("GPE", "NORP"):
                        pairs.append((modifier, "is based in", "base in", 0.6))
        for target, rel, lemma, confidence in pairs:
            # "Kisumu, Kakamega and Bungoma in western Kenya": a phrase after the last conjunct holds
            # for every conjunct that has none of its own
            shared = rel in ("is in", "is at") and lemma == "locate in" and all(c.i < token.i for c in token.conjuncts)
            holders = [token]
            if shared and target.head.head.i == token.i:
                holders += [
                    c
                    for c in token.conjuncts
                    if not any(g.dep_ == "prep" and g.lower_ in ("in", "at") for g in c.children)
                ]
            for holder in holders:
                yield from _place_pair(reading, sent, holder, target, rel, lemma, confidence)
    yield from _adjacent_places(sent, reading)
    yield from _named_after_country(sent, reading)
    yield from _owned(sent, reading)
    yield from _homes(sent, reading)
    yield from _premises(sent, reading)


def _place_pair(
    reading: DocumentMentions, sent: Span, token: Token, target: Token, rel: str, lemma: str, confidence: float
) -> Iterator[Extraction]:
    if token.i not in reading.names or reading.names[token.i].ner not in _PLACE | _ORG:
        return
    arg1 = arguments(reading, token)[0]
    for arg2 in arguments(reading, target):
        if arg2.mention is None or arg1.mention is None or arg1.mention.label == arg2.mention.label:
            continue
        yield _extraction(reading, sent, arg1, arg2, rel, lemma, confidence, kind="verb")


def _adjacent_places(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """Places written right before a larger one lie in it: "SPRINGFIELD, Ill.", "a Tulsa, Oklahoma, lawyer",
    "Garissa in eastern Kenya" (after a comma, or "in" and its modifiers), however the parser attached
    them. Lists ("Lyon, Lille and Nantes") and states next to states are not."""
    doc = sent.doc
    for token in reading.tokens(sent):
        first = reading.names.get(token.i)
        if first is None or first.ner not in _PLACE | _ORG or token.i + 2 >= sent.end:
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
        coordinated = doc[k].i in {t.i for t in token.conjuncts}
        with_and = any(c.dep_ == "cc" for t in (token, *token.conjuncts) for c in t.children) or any(
            doc[j].lower_ in ("and", "or") for j in range(k + 1, min(k + 3, sent.end))
        )
        if (coordinated and with_and) or (not coordinated and with_and and link.text == ","):
            continue  # a list of places ("Lyon, Lille and Nantes"), not a place in a place
        inner, outer = _kind(reading, first), _kind(reading, second)
        if inner == "country" and outer in ("country", "city"):
            continue
        arg1, arg2 = arguments(reading, token)[0], arguments(reading, doc[k])[0]
        if arg1.mention is None or arg2.mention is None or arg1.mention.label == arg2.mention.label:
            continue
        lemma = "base in" if first.ner in _ORG else "locate in"
        yield _extraction(reading, sent, arg1, arg2, f"is {link.text}", lemma, 0.55, kind="verb")


def _homes(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """Where someone is from: "Reed's hometown of Tarvik", "Moss's Vermont home", "in her native
    Vermont", "Bangor, Maine, Reed's hometown"."""
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
            places += _named_modifiers(token, reading)
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
                        if arg1.mention is None or arg2.mention is None or arg1.mention.ner not in _PERSON:
                            continue
                        if _kind(reading, arg2.mention) in ("city", "country") or arg2.mention.ner in ("GPE", "LOC"):
                            yield _extraction(reading, sent, arg1, arg2, f"'s {token.text} is", "resident", 0.7)


def _premises(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """An organisation's premises locate it: "at Acme headquarters in Boston", "the agency's offices in Lyon"."""
    premises = reading.cues.premises_nouns
    for noun in reading.tokens(sent):
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in premises:
            continue
        owners = [
            c
            for c in noun.children
            if c.dep_ in ("compound", "poss") and reading.names.get(c.i) and reading.names[c.i].ner in _ORG
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
                    yield _extraction(reading, sent, arg1, arg2, f"{noun.text} in", "base in", 0.65, kind="verb")


def _owned(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """A person's organisation is one they belong to: "Petra Lindqvist's Harbour Union"."""
    for token in reading.tokens(sent):
        mention = reading.names.get(token.i)
        if mention is None or mention.ner not in _ORG:
            continue
        for child in token.children:
            owner = reading.names.get(child.i)
            if child.dep_ == "poss" and owner is not None and owner.ner in _PERSON:
                arg1, arg2 = arguments(reading, child)[0], arguments(reading, token)[0]
                if arg1.mention is not None and arg2.mention is not None:
                    yield _extraction(reading, sent, arg1, arg2, "'s", "* of", 0.6)


def _named_after_country(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """ "Kenyan state broadcaster KBC", "the Finnish Green Party": an organisation named or described
    by a nationality is based in that country."""
    gazetteer = reading.ontology.gazetteer
    for token in reading.tokens(sent):
        mention = reading.names.get(token.i)
        if mention is None or mention.ner not in _ORG:
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
                yield _extraction(reading, sent, arg1, arg2, "is based in", "base in", 0.6, kind="verb")
                continue
        first = words[0] if words else ""
        country = gazetteer.lookup(first)
        if country is not None and country.type == "Country" and len(words) > 1:
            start = token.idx + token.text.find(first)
            found = Mention(reading.document.id, start, start + len(first), first, country.label, "NORP", "name", 0.9)
            arg2 = Argument(first, found.start, found.end, found)
            yield _extraction(reading, sent, arg1, arg2, "is based in", "base in", 0.45, kind="verb")
            continue
        for child in token.lefts:
            if child.dep_ == "compound" and child.pos_ == "NOUN":
                for modifier in child.subtree:
                    inner = reading.names.get(modifier.i)
                    if modifier.i != child.i and inner and inner.ner in ("NORP", "GPE"):
                        for arg2 in arguments(reading, modifier):
                            if arg2.mention is not None:
                                yield _extraction(
                                    reading, sent, arg1, arg2, "is based in", "base in", 0.45, kind="verb"
                                )


def extract_roles(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    yield from _titles(sent, reading)
    yield from _appositions(sent, reading)
    yield from _copulas(sent, reading)
    yield from _affiliations(sent, reading)
    yield from _places(sent, reading)
