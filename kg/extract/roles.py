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
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.extract.arguments import arguments
from kg.extract.clauses import attribution, is_hedged
from kg.extract.places import extract_places
from kg.extract.svo import verb_subjects
from kg.extract.targets import (
    NAME,
    ORG,
    PERSON,
    affiliated,
    function_lemma,
    institution_argument,
    related_names,
    role_extraction,
    role_lemma,
    target_kind,
)
from kg.extract.titles import extract_titles, is_party
from kg.mentions import DocumentMentions
from kg.mentions.classes import has_org_word
from kg.mentions.coref.appositions import titled_apposition
from kg.model import Extraction, Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["NAME", "extract_roles"]

_AFFILIATION_PREPS = frozenset({"of", "at", "with", "from"})
# Modifiers that make a role a prospect, not a post: "a possible nominee", "the would-be successor".
_MAYBE = frozenset({"possible", "potential", "prospective", "would-be", "likely", "future", "expected", "rumoured"})
_PERSON = PERSON


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


def _heads_a_function(noun: Token, reading: DocumentMentions) -> bool:
    """ "director of emergency response", "head of communications": the role leads a part of the organisation
    named by a common noun, not the organisation."""
    return any(
        p.dep_ == "prep"
        and p.lower_ in ("of", "for")
        and g.dep_ == "pobj"
        and g.pos_ == "NOUN"
        and g.i not in reading.names
        and not any(c.dep_ == "appos" and c.i in reading.names for c in g.children)  # "the review site Clear Verdict"
        for p in noun.children
        for g in p.children
    )


def _has_of(noun: Token) -> bool:
    """ "vice president of Launch Systems at Acme": the role is of something else than the organisation it is at."""
    return any(p.dep_ == "prep" and p.lower_ == "of" for p in noun.children)


def _relation_of(reading: DocumentMentions, lemma: str) -> str | None:
    entry = reading.ontology.lexicon.lookup("role", lemma)
    return entry.relation if entry is not None else None


def _roles(
    reading: DocumentMentions,
    sent: Span,
    holder: Token,
    noun: Token,
    targets: list[tuple[Token, str]],
    rel_for: str,
    confidence: float,
    job: bool = False,
) -> Iterator[Extraction]:
    """Extractions for a person holding the role ``noun`` towards each target (``job``: the sentence says the
    noun is a job, see :func:`role_lemma`)."""
    # complex: one role phrase against each target: the lexicon key, the attribution and the confidence are read
    # together.
    role = _role_phrase(noun, reading.ontology.lexicon.words("role"))
    if (
        noun.tag_ in ("NNS", "NNPS")
        and not holder.conjuncts
        and _one_person(holder, reading)
        and not _one_of_them(noun)
    ):
        return  # "Dobson, two county warrants": one person is no plural noun, so the noun describes something else
    said_by = attribution(holder.head, reading) if holder.dep_ != "ROOT" else None
    for target, preposition in targets:
        # "Hong Kong's police commissioner": the role is in the place's police
        inside = [c for c in noun.lefts if c.dep_ == "compound" and c.i > target.i]
        institution = institution_argument(reading, target, inside) if not preposition else None
        for arg1 in arguments(reading, holder):
            for arg2 in [institution] if institution is not None else arguments(reading, target):
                if arg1.mention is None or arg2.mention is None or arg1.mention.label == arg2.mention.label:
                    continue
                before = [c.text for c in noun.lefts if c.dep_ in ("compound", "amod")]
                lemma = role_lemma(reading, role, arg2.mention, preposition, noun.lemma_, before, job)
                if lemma is None:
                    continue
                if institution is None:  # "Oslo's police chief" leads the Oslo police, not a function in it
                    modifiers = [c for c in noun.lefts if c.dep_ in ("compound", "amod")]
                    lemma = function_lemma(reading, lemma, modifiers, role, noun)
                heads_other = preposition not in ("", "of") and _has_of(noun)  # "VP of Programs at Acme"
                if (_heads_a_function(noun, reading) or heads_other) and _relation_of(reading, lemma) == "kg:leads":
                    lemma = "* of"  # "Acme's director of marketing" works for Acme; the role leads a function
                rel = f"{rel_for} {noun.text} {preposition or 'of'}".strip()
                known = role is not None
                kind = "role"
                if lemma == "resident" and not preposition and arg1.mention.ner in ORG:
                    lemma, kind = "base in", "verb"  # "Clear Verdict, the Oslo-based site": its base
                extraction = role_extraction(
                    reading, sent, arg1, arg2, rel, lemma, confidence if known else confidence * 0.8, noun, kind
                )
                yield extraction if said_by is None else _with_attribution(extraction, said_by)


def _one_of_them(noun: Token) -> bool:
    """ "one of Acme's engineers", "among the planners", "Acme's players, including X": a plural that one
    person belongs to."""
    head = noun.head
    if any(c.dep_ == "prep" and c.lower_ == "including" for c in noun.children):
        return True
    return (head.lower_ == "of" and (head.head.lower_ == "one" or head.head.like_num)) or head.lower_ == "among"


def _listed(token: Token, reading: DocumentMentions) -> list[Token]:
    """The people a plural role noun lists: "Acme's engineers, including Ola Berg and Jo Park"."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS":
        return []
    listed = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "including" for g in c.children]
    listed += [c for g in listed for c in g.conjuncts]
    return [
        g for g in listed if g.dep_ in ("pobj", "conj") and g.i in reading.names and reading.names[g.i].ner in _PERSON
    ]


def _one_person(token: Token, reading: DocumentMentions) -> bool:
    mention = reading.names.get(token.i)
    return mention is not None and mention.ner in _PERSON


def _with_attribution(extraction: Extraction, said_by: str) -> Extraction:
    return replace(extraction, attributed_to=said_by)


def _bare_titles(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """ "President Ana Silva in Brazil": a bare title (no name before it) and a country attached to the name.
    Titles with what they are about before them are kg.extract.titles' (read along the words)."""
    # complex: guards that keep a bare title apart from a title chain (kg.extract.titles); one pattern.
    roles = reading.ontology.lexicon.words("role")
    for name in reading.tokens(sent):
        mention = reading.names.get(name.i)
        if mention is None or mention.ner not in _PERSON:
            continue
        for title in name.lefts:
            if title.dep_ != "compound" or title.i in reading.names or title.pos_ not in ("NOUN", "PROPN"):
                continue
            own = {c.i for c in title.lefts if f"{c.lower_} {title.lemma_.lower()}" in roles}  # "Prime Minister"
            if any(t.i < title.i and t.i in reading.names for t in name.lefts) or any(
                c.i not in own for c in title.lefts
            ):
                continue  # a title with words before it is a title chain's (kg.extract.titles)
            if _role_phrase(title, roles) is not None:
                around = [
                    (t, "")
                    for t, p in related_names(name, reading, frozenset({"of", "in"}))
                    if target_kind(reading, reading.mentions_for(t)[0]) == "country"
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
    """The noun in "one of the founders", "among the partners"."""
    if token.lower_ not in ("one", "some", "many", "among", "each"):
        return []
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _later_name(noun: Token, name: Token) -> bool:
    """Whether a singular title has another appositive name before ``name`` (the parser hangs a list after
    "X, Y and Z" on the title)."""
    return any(c.dep_ == "appos" and c.i < name.i and c.pos_ == "PROPN" for c in noun.children)


def _appositions(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """Roles in appositions: "X, an expert on water policy" / "Lindqvist, the Swedish envoy" / "Kenya's ally,
    Uganda"."""
    # complex: appositions and the pairs they imply (one of, coordinated roles) gathered before one loop.
    pairs: list[tuple[Token, Token]] = []
    roles = reading.ontology.lexicon.words("role")
    for token in reading.tokens(sent):
        titled = None
        if token.i in reading.names and reading.names[token.i].ner in _PERSON:
            # "the chief executive of Acme, Jo Park,": the parser may hang the name on "Acme"
            titled = titled_apposition(reading.names, reading.sentence_numbers, roles, token)
        if titled is not None:
            pairs.append((titled, token))
        elif token.dep_ == "appos":
            pairs.append((token, token.head))
        elif token.i in reading.names and reading.names[token.i].ner in _PERSON:
            loose = _loose_apposition(token, reading)
            if loose is not None:
                pairs.append((loose, token))
    # "X, one of the leading surgeons in Norway": X is one of them; "Acme's engineers, including X": so is X
    pairs += [(inner, head) for token, head in list(pairs) for inner in _one_of(token)]
    pairs += [(token, name) for token in reading.tokens(sent) for name in _listed(token, reading)]
    # "X, editor and critic at the Daily Ledger", "Y, head of A and treasurer of B": each coordinated noun
    pairs += [(c, head) for token, head in list(pairs) for c in token.conjuncts if c.pos_ == "NOUN"]
    for token, head in pairs:
        for noun, name in ((token, head), (head, token)):
            if name.i not in reading.names or name.i == noun.i:
                continue
            # "Olsen, a Democrat from Denver": a nationality or party can be the appositive noun
            described = noun.i in reading.names and reading.names[noun.i].ner == "NORP"
            # "Chair of the Assembly, Ola Berg,": a capitalised title is a role noun all the same
            title = noun.pos_ == "PROPN" and noun.i not in reading.names and noun.lower_ in roles
            if noun.pos_ != "NOUN" and not (described or title):
                continue
            if (
                noun.tag_ in ("NN", "NNP")
                and name.dep_ == "appos"
                and name.head.i == noun.i
                and _later_name(noun, name)
            ):
                continue  # "Chair of the Assembly, Ola Berg, Deputy Jon Moe and ...": one holder, the first
            article = "the" if any(c.lower_ == "the" for c in noun.children) else "a"
            yield from _roles(reading, sent, name, noun, related_names(noun, reading), f"is {article}", 0.85)


# Verbs by which a subject is, or comes to be, what its complement says ("seem" and "appear" only look it).
_HOLDING = frozenset({"be", "become", "remain"})


def _copulas(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """ "Uganda is Kenya's ally", "X was chief accountant at the Nairobi Hospital", "X became Acme's chairman"."""
    # complex: the two copular patterns (X is Y's Z; made X Z) share the role-reading loop.
    for verb in reading.tokens(sent):
        if verb.lemma_ not in _HOLDING:
            continue
        subjects = [c for c in verb_subjects(verb) if reading.mentions_for(c)]
        attrs = [c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        # "X, who will be the company's chairman": a role to come is not held yet
        hedged = is_hedged(verb, reading)
        for subject in subjects:
            for attr in attrs:
                for found in _roles(reading, sent, subject, attr, related_names(attr, reading), verb.text, 0.8):
                    yield replace(found, hedged=True) if hedged else found
    for verb in reading.tokens(sent):
        if verb.pos_ != "VERB":
            continue
        # "made Ana Silva interim president of Brazil", "named X chairman", "X was named chairman": the object
        # (or the passive's subject) is the role
        objects = [c for c in verb.children if _role_object(verb, c) and reading.mentions_for(c)]
        predicates = [
            c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp") and c.pos_ == "NOUN" and c.i > verb.i
        ]
        for obj in objects:
            for noun in predicates:
                targets = related_names(noun, reading) or _appointer(verb, reading)
                yield from _hedged_as(verb, reading, _roles(reading, sent, obj, noun, targets, f"{verb.text}", 0.7))


def _role_object(verb: Token, child: Token) -> bool:
    """The object a predicate noun describes: the object, the passive's subject, or a subject the parser put
    after the verb ("made [Ana Silva president]"); never the subject who made or named them."""
    return child.dep_ in ("dobj", "nsubjpass") or (child.dep_ == "nsubj" and child.i > verb.i)


def _appointer(verb: Token, reading: DocumentMentions) -> list[tuple[Token, str]]:
    """ "Acme named Ola Berg chief executive": a role with no organisation of its own is held in the
    organisation that appointed to it."""
    if verb.lemma_.lower() not in reading.cues.appoint_verbs:
        return []
    return [(s, "") for s in verb_subjects(verb) if any(m.ner in ORG for m in reading.mentions_for(s))]


def _hedged_as(verb: Token, reading: DocumentMentions, found: Iterator[Extraction]) -> Iterator[Extraction]:
    """ "Acme will name Ola Berg chief executive": a role to be given is not held yet."""
    hedged = is_hedged(verb, reading)
    for extraction in found:
        yield replace(extraction, hedged=True) if hedged else extraction


def _as_roles(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """ "replaced Ruth Cole as the club's manager", "tapped Ola Berg as envoy to Kenya": a role after "as"
    is held by the verb's object when the verb appoints ("name", "tap", "hire"), else by its subject."""
    # complex: 'as' roles: who holds the role depends on the verb (appointing verbs give it to the object); one pattern.
    appointing = reading.cues.appoint_verbs
    for verb in reading.tokens(sent):
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
            for noun in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"):
                if any(m.lower_ in reading.cues.hedge_adverbs or m.lower_ in _MAYBE for m in noun.children):
                    continue  # "tipped as a possible successor" holds no role
                # "hired Ola Berg as X", "Ola Berg was hired as X": the object, or the passive's subject
                objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
                holders = objects if verb.lemma_.lower() in appointing else verb_subjects(verb)
                targets = related_names(noun, reading) or _appointer(verb, reading)
                job = verb.lemma_.lower() in appointing or verb.lemma_.lower() in reading.cues.job_verbs
                for holder in (h for h in holders if reading.mentions_for(h)):
                    found = _roles(reading, sent, holder, noun, targets, "as", 0.75, job)
                    yield from _hedged_as(verb, reading, found)


def _titled(name: Token, reading: DocumentMentions) -> bool:
    """Whether a role word stands right before the name as its title ("President Xi of China")."""
    roles = reading.ontology.lexicon.words("role")
    return any(c.dep_ == "compound" and c.i < name.i and _role_phrase(c, roles) for c in name.lefts)


def _affiliations(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """ "Li Wei at the Institute", "Ann Moss of the studio of Dunmore Reed", "Jane Roe, 41, of Springfield"."""
    # complex: an affiliation phrase may hang on the name or on an age after it; both read the same way.
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
                    target = affiliated(pobj, reading)
                    if target is None:
                        continue
                    for arg2 in arguments(reading, target):
                        if arg2.mention is None:
                            continue
                        kind = target_kind(reading, arg2.mention)
                        if kind == "org":
                            # "Mei Lin of the Green Party": a party is one belongs to, not one's employer
                            lemma = "member" if is_party(reading, target) else f"* {prep.lower_}"
                        elif kind in ("city", "country") and prep.lower_ == "from":
                            lemma = "resident"
                        elif kind in ("city", "country") and prep.lower_ == "of" and not _titled(name, reading):
                            lemma = "resident"  # "President X of China" is the title's (kg.extract.titles, bare titles)
                        else:
                            continue
                        arg1 = arguments(reading, name)[0]
                        yield role_extraction(reading, sent, arg1, arg2, f"is {prep.text}", lemma, 0.7)


def _surely_an_organisation(reading: DocumentMentions, mention: Mention) -> bool:
    """An organisation by more than the NER's word (which often takes a surname for one): an acronym ("BBC"),
    a company or newspaper word ("Tarvik Herald"), or the gazetteer's."""
    if target_kind(reading, mention) != "org":
        return False
    known = reading.ontology.gazetteer.lookup(mention.label)
    acronym = mention.label.replace(".", "").isupper() and len(mention.label) > 1
    return acronym or has_org_word(mention.label) or (known is not None and known.type == "Organization")


def _possessed_people(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """ "the BBC's Ana Lind", "Labour's Jon Moe": a person an organisation's possessive introduces is with
    it (a party's are members). A place's ("Norway's Berg": leader? citizen?) or a person's says too little."""
    for name in reading.tokens(sent):
        mention = reading.names.get(name.i)
        if mention is None or mention.ner not in _PERSON:
            continue
        for owner in (c for c in name.children if c.dep_ == "poss" and c.i in reading.names):
            party = is_party(reading, owner)
            for arg2 in arguments(reading, owner):
                if arg2.mention is None or not (party or _surely_an_organisation(reading, arg2.mention)):
                    continue
                lemma = "member" if party else "* of"
                yield role_extraction(reading, sent, arguments(reading, name)[0], arg2, "'s", lemma, 0.6)


def extract_roles(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    yield from extract_titles(sent, reading)
    yield from _bare_titles(sent, reading)
    yield from _appositions(sent, reading)
    yield from _copulas(sent, reading)
    yield from _affiliations(sent, reading)
    yield from _possessed_people(sent, reading)
    yield from _as_roles(sent, reading)
    yield from extract_places(sent, reading)
