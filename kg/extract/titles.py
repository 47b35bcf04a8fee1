"""Titles before a name (part of kg.role), read along the words rather than the parse: the small parser often
takes a title apart ("pass" read as a verb in "Rovers pass rusher X"), while the words keep their order.

A **title chain** is the run of words between something named and the person it titles, ending in a role
word: "Acme CEO Jo Park", "Harbour Union general secretary Petra Lindqvist", "Rovers goalkeeper Sam Dyer",
"Norway's ambassador to Kenya Ola Berg", "former Navy commander Tom Hale", "company spokeswoman Ana Lima"
("company" is the firm the text is about, through coreference). What the title is about is the name (or
described noun) just before the chain, with or without "'s", and any name after "of", "to", "for" or "at"
inside it. Coordinated titles share the name before them unless they have modifiers of their own:
"Acme founder and co-CEO Jo Park" is both of Acme; "Tarvik Lab chemist and paper co-author X" is a chemist of
Tarvik Lab only.

>>> from spacy.vocab import Vocab
>>> from spacy.tokens import Doc
>>> from kg.model import Document
>>> from kg.mentions import read_mentions
>>> from kg.ontology import load_ontology
>>> words = ["Rovers", "pass", "rusher", "Sam", "Dyer", "left", "."]
>>> doc = Doc(Vocab(), words=words, pos=["PROPN", "VERB", "ADJ", "PROPN", "PROPN", "VERB", "PUNCT"],
...           heads=[1, 5, 1, 4, 1, 5, 5], deps=["compound", "nsubj", "amod", "compound", "dobj", "ROOT", "punct"],
...           ents=["B-ORG", "O", "O", "B-PERSON", "I-PERSON", "O", "O"])
>>> dm = read_mentions(doc, Document("d", doc.text), load_ontology())
>>> [(e.arg1.mention.label, e.lemma, e.arg2.mention.label) for e in extract_titles(doc[:], dm)]
[('Sam Dyer', 'pass rusher', 'Rovers')]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from kg.extract.arguments import arguments
from kg.extract.clauses import attribution
from kg.extract.targets import PERSON, function_lemma, institution_argument, role_extraction, role_lemma
from kg.mentions import DocumentMentions
from kg.model import Argument, Extraction, Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Title", "extract_titles", "find_titles", "role_key"]

_PREPS = frozenset({"of", "to", "for", "at"})
_LONGEST = 7  # words in a title chain; longer runs are sentences, not titles
# Words that end a chain: a verb or a determiner starts the clause the title is not part of.
_STOP_POS = frozenset({"DET", "PRON", "AUX", "NUM", "PART", "SCONJ", "PUNCT", "SYM", "X", "SPACE", "INTJ"})
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "eer", "ee", "ary", "ess")


@dataclass(frozen=True, slots=True)
class Title:
    """A person, the role words before them (one coordinated title), and what the title is about."""

    person: Token
    words: tuple[Token, ...]  # the title's own words, left to right ("general secretary")
    targets: tuple[tuple[Token, str], ...]  # (name, preposition or "") the title is about


def role_key(words: list[str], roles: frozenset[str]) -> str | None:
    """The role a title's words express: the longest ending the lexicon knows ("foreign minister"), or a
    hyphenated or "co-" form of one ("co-founder", "editor-in-chief").

    >>> role_key(["senior", "foreign", "minister"], frozenset({"minister", "foreign minister"}))
    'foreign minister'
    >>> role_key(["co-ceo"], frozenset({"ceo"})), role_key(["editor-in-chief"], frozenset({"editor"}))
    ('ceo', 'editor')
    """
    for start in range(len(words)):
        phrase = " ".join(words[start:])
        for candidate in (phrase, phrase.removeprefix("co-"), phrase.split("-")[0]):
            if candidate in roles:
                return candidate
    return None


def _is_role_word(token: Token, roles: frozenset[str]) -> bool:
    """A word that can end a title: a role the lexicon knows, an agent noun ("columnist", "auditor"), or a
    common noun (what it says then depends on what it is about: "Soviet pianist", "Kenyan first lady" say
    where someone is from; role_lemma keeps organisations for roles and agent nouns)."""
    low = token.text.lower()
    if role_key([low], roles) is not None or token.lemma_.lower() in roles:
        return True
    return low.isalpha() and (token.pos_ == "NOUN" or (len(low) > 4 and low.endswith(_AGENT_SUFFIXES)))


def _joined(token: Token) -> bool:
    """A hyphen written inside a word ("co-chair" read as three tokens)."""
    doc = token.doc
    return token.text == "-" and token.i > 0 and not doc[token.i - 1].whitespace_ and not token.whitespace_


def _word_texts(tokens: tuple[Token, ...] | list[Token]) -> list[str]:
    """The words of a title in lower case, hyphenated pieces joined again ("co", "-", "chair": "co-chair")."""
    words: list[str] = []
    for k, token in enumerate(tokens):
        glued = k > 0 and not tokens[k - 1].whitespace_ and (token.text == "-" or tokens[k - 1].text == "-")
        if glued and words:
            words[-1] += token.text.lower()
        else:
            words.append(token.text.lower())
    return words


def _hyphenated(token: Token) -> bool:
    """A word inside a hyphenated compound ("in" of "editor-in-chief", "of" of "commander-of-the-guard")."""
    doc = token.doc
    after = token.i + 1 < len(doc) and not token.whitespace_ and doc[token.i + 1].text == "-"
    before = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    return after and before


def _title_word(token: Token, chain: list[Token]) -> bool:
    """Whether a word (walking left from the person) can belong to a title."""
    if _joined(token) or _hyphenated(token):
        return bool(chain)
    if token.is_punct or (token.pos_ in _STOP_POS and token.ent_type_ != "ORDINAL") or token.text[:1].isdigit():
        return False  # "first lady", "second deputy" keep their ordinal
    if token.lower_ == "born":
        return False  # "Oslo-born writer": where the person was born, not what the title is about
    if token.text.lower() in _PREPS or token.text.lower() == "and":
        return bool(chain)  # only inside a title: "founder and CEO", "ambassador to"
    if token.pos_ in ("ADP", "CCONJ"):
        return False
    return token.pos_ != "VERB" or bool(chain)  # a mis-tagged title word ("pass" in "pass rusher") stays


def _chain(dm: DocumentMentions, person: Token, roles: frozenset[str]) -> list[Token]:
    """The words between the person and what the title is about, nearest first; names governed by a
    preposition of the title are part of it ("ambassador to Kenya Ola Berg")."""
    doc = dm.doc
    chain: list[Token] = []
    i = person.i - 1
    while i >= 0 and len(chain) < _LONGEST:
        token = doc[i]
        if token.i in dm.names:
            if i > 1 and doc[i - 1].text.lower() in _PREPS and _is_role_word(doc[i - 2], roles):
                chain.extend([token, doc[i - 1]])
                i -= 2
                continue
            break
        if not _title_word(token, chain):
            break
        chain.append(token)
        i -= 1
    while chain and (chain[-1].text.lower() in _PREPS or chain[-1].text.lower() == "and"):
        chain.pop()  # "of" or "and" at the far end belongs to the clause, not the title
    return chain


def _anchor(dm: DocumentMentions, first: Token) -> Token | None:
    """What the whole title is about: the name before it ("Acme CEO"), with "'s" ("Norway's ambassador"),
    or a description the text resolves ("the company's spokeswoman"); the first word of the chain itself
    when it is a bare organisation noun ("company spokeswoman": see :func:`_described_organisation`)."""
    doc = dm.doc
    i = first.i - 1
    if i >= 0 and doc[i].lower_ in ("'s", "’s", "'"):
        i -= 1
    if i < 0:
        return None
    token = doc[i]
    if token.i in dm.names or (token.i in dm.coref and token.pos_ == "NOUN"):
        return token
    return None


def _described_organisation(dm: DocumentMentions, noun: Token) -> Mention | None:
    """ "company CEO X", "agency spokesman Y": a bare organisation noun opening a title is the organisation
    the text has just named (the nearest organisation within the coreference window)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in dm.cues.organization_nouns:
        return None
    here = dm.sentence_numbers[noun.i]
    before = [m for i, m in dm.names.items() if i < noun.i and here - dm.sentence_numbers[i] <= 2 and m.ner == "ORG"]
    return max(before, key=lambda m: m.start) if before else None


_PARTY = "party"  # the "preposition" that marks a party membership in a Title's targets


def is_party(dm: DocumentMentions, token: Token) -> bool:
    """Whether a name is a political party ("Republican", "the GOP", "Labour", "the Green Party")."""
    named = dm.coref.get(token.i) or ((dm.names[token.i],) if token.i in dm.names else ())
    if not named:
        return False
    label = named[0].label.lower()
    return label.endswith(" party") or label in dm.cues.party_names


def _for_things(dm: DocumentMentions, words: list[str], roles: frozenset[str]) -> bool:
    """Whether a title can name something other than a person: its relation does not need one."""
    role = role_key(words, roles)
    entry = dm.ontology.lexicon.lookup("role", role) if role else None
    if entry is None or entry.relation not in dm.ontology.vocabulary.relations:
        return False
    return not dm.ontology.vocabulary.is_a(dm.ontology.vocabulary.relation(entry.relation).domain or "", "Person")


def _quoted_organisation(dm: DocumentMentions, person: Token, words: list[str], roles: frozenset[str]) -> Token | None:
    """ "Acme will grow, CEO Jo Park said": a company title with nothing before it, on the speaker of a reported
    clause whose subject is an organisation, is that organisation's (a chief executive speaks for their own
    company). Only titles that need a company ("CEO", "chairman", "spokeswoman"), not "President"."""
    role = role_key(words, roles)
    if role is None or role not in dm.cues.company_titles or person.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = person.head
    if verb.lemma_.lower() not in dm.cues.report_verbs:
        return None
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "parataxis")):
        for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
            found = dm.mentions_for(subject)
            if found and found[0].ner == "ORG":
                return subject
    return None


def _only_state(dm: DocumentMentions, words: list[Token], roles: frozenset[str]) -> Token | None:
    """ "Gov. Ann Lee" in a story that names one state or province: she governs it (a governor governs a
    region, and the story is about one). Two regions named, or none: no guess."""
    if role_key(_word_texts(words), roles) not in ("governor", "gov.", "lieutenant governor", "lt. gov."):
        return None
    gazetteer = dm.ontology.gazetteer
    regions: dict[str, int] = {}
    for i, m in dm.names.items():
        name = gazetteer.place(m.label)
        if m.ner == "GPE" and name is not None and name.type == "Region":
            regions.setdefault(name.label, i)
    return dm.doc[next(iter(regions.values()))] if len(regions) == 1 else None


def _what_about(
    dm: DocumentMentions, person: Token, chain: list[Token], words: list[Token], roles: frozenset[str]
) -> tuple[Token | None, list[Token]]:
    """The title's anchor (and the chain left once a bare organisation noun opening it is taken as one): the name
    before it, else the organisation it describes, else, for a title with no name at all, the company its
    speaker talks about or the one state the story names."""
    anchor = _anchor(dm, chain[0])
    if anchor is None and len(words) > 1 and _described_organisation(dm, words[0]) is not None:
        return words[0], chain[chain.index(words[0]) + 1 :]
    if anchor is None and not any(t.i in dm.names for t in chain):
        anchor = _quoted_organisation(dm, person, _word_texts(words), roles) or _only_state(dm, words, roles)
    return anchor, chain


def find_titles(dm: DocumentMentions, sent: Span) -> Iterator[Title]:
    """Every title chain before a person in the sentence, one per coordinated title."""
    roles = dm.ontology.lexicon.words("role")
    for person in dm.tokens(sent):
        mention = dm.names.get(person.i)
        if mention is None:
            continue
        chain = list(reversed(_chain(dm, person, roles)))
        words = [t for t in chain if t.i not in dm.names and t.text.lower() not in _PREPS]
        if not words or not _is_role_word(words[-1], roles):
            continue
        if mention.ner not in PERSON and not _for_things(dm, _word_texts(words), roles):
            continue  # "Acme chief" titles people; "Jupiter's moon Io", "Acme parent Atlas Group" name things
        anchor, chain = _what_about(dm, person, chain, words, roles)
        if anchor is not None and is_party(dm, anchor) and role_key(_word_texts(words), dm.cues.party_offices) is None:
            # "Ohio Republican Gov. Ann Lee": she is a member of the party; the office is the place's. A party's own
            # office ("Green Party leader") falls through: the party is what the title is about.
            yield Title(person, (anchor,), ((anchor, _PARTY),))
            anchor = _anchor(dm, anchor)
        yield from _split(dm, person, chain, anchor, roles)


def _split(
    dm: DocumentMentions,
    person: Token,
    chain: list[Token],
    anchor: Token | None,
    roles: frozenset[str],
) -> Iterator[Title]:
    """One title per conjunct of the chain; a later conjunct shares the anchor only when it is a bare role."""
    # complex: coordinated titles share the anchor only when bare: one pass over the segments.
    segments: list[list[Token]] = [[]]
    for token in chain:
        if token.text.lower() == "and":
            segments.append([])
        else:
            segments[-1].append(token)
    for k, segment in enumerate(segments):
        own = [(t, segment[j - 1].lower_) for j, t in enumerate(segment) if t.i in dm.names and j > 0]
        words = [t for t in segment if t.i not in dm.names and t.text.lower() not in _PREPS]
        if not words or not _is_role_word(words[-1], roles):
            continue
        bare = len(_word_texts(words)) == 1
        targets = list(own)
        if anchor is not None and (k == 0 or bare):
            targets.insert(0, (anchor, ""))
        if targets:
            yield Title(person, tuple(words), tuple(targets))


def _former(title: Title, dm: DocumentMentions) -> bool:
    """ "former Navy commander X", "ex-CEO Y", "the then foreign minister Z": a role held in the past (kept,
    with "former" as its time, so the fact does not read as current)."""
    doc = dm.doc
    first = title.words[0].i
    window = [doc[k].text.lower() for k in range(max(0, first - 3), title.person.i)]
    return any(w in dm.cues.past_role_words or w.startswith("ex-") for w in window)


def _target_arguments(dm: DocumentMentions, target: Token) -> list[Argument]:
    """What a title's target names: its own mentions, or the organisation a bare noun describes."""
    found = arguments(dm, target)
    if any(a.mention is not None for a in found):
        return found
    described = _described_organisation(dm, target)
    if described is None:
        return found
    mention = Mention(
        described.document,
        target.idx,
        target.idx + len(target.text),
        target.text,
        described.label,
        described.ner,
        "coref.description",
        0.8 * described.confidence,
    )
    return [Argument(target.text, mention.start, mention.end, mention)]


def _institution(dm: DocumentMentions, title: Title, anchor: Token) -> tuple[Argument, tuple[Token, ...]] | None:
    """ "Tarvik police chief X": the title sits in an institution of the name before it (see
    :func:`~kg.extract.targets.institution_argument`); the title words left for the role come with it."""
    words = title.words
    last = max((k for k, w in enumerate(words[:-1]) if w.lemma_.lower() in dm.cues.institution_nouns), default=None)
    if last is None:
        return None
    found = institution_argument(dm, anchor, words[: last + 1])
    return (found, words[last + 1 :]) if found is not None else None


def _one_role(
    reading: DocumentMentions, sent: Span, title: Title, role: str | None, pair: tuple[Argument, Argument], prep: str
) -> Extraction | None:
    """The extraction for one person and one thing their title is about, or None when the role says nothing
    about that kind of thing."""
    arg1, arg2 = pair
    noun = title.words[-1]
    if arg1.mention is None or arg2.mention is None or arg1.mention.label == arg2.mention.label:
        return None
    if prep == _PARTY:
        return role_extraction(reading, sent, arg1, arg2, "is member of", "member", 0.8, noun)
    before = [t.text for t in title.words[: len(title.words) - len((role or "").split())]]
    lemma = role_lemma(reading, role, arg2.mention, prep, noun.text, before)
    if lemma is None:
        return None
    if arg2.mention.rule != "title.institution":  # "Oslo police chief" leads the Oslo police
        modifiers = title.words[: len(title.words) - len((role or "").split())]
        lemma = function_lemma(reading, lemma, modifiers, role, noun)
    rel = f"is {' '.join(t.text for t in title.words)} {prep or 'of'}"
    extraction = role_extraction(reading, sent, arg1, arg2, rel, lemma, 0.85 if role is not None else 0.65, noun)
    return replace(extraction, time="former") if _former(title, reading) else extraction


def extract_titles(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """Role extractions from every title chain: the person holds the role towards each name it is about."""
    roles = reading.ontology.lexicon.words("role")
    for title in find_titles(reading, sent):
        said_by = attribution(title.person.head, reading) if title.person.dep_ != "ROOT" else None
        for target, preposition in title.targets:
            role = role_key(_word_texts(title.words), roles)
            institution = _institution(reading, title, target) if not preposition else None
            if institution is not None:
                role = role_key(_word_texts(institution[1]), roles)
            targets = [institution[0]] if institution is not None else _target_arguments(reading, target)
            for pair in ((a1, a2) for a1 in arguments(reading, title.person) for a2 in targets):
                extraction = _one_role(reading, sent, title, role, pair, preposition)
                if extraction is not None:
                    yield extraction if said_by is None else replace(extraction, attributed_to=said_by)
