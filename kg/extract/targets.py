"""What a role or place phrase points at: the named target of a title, apposition or "in" phrase, what kind of
thing it is (organisation, country, city), and the one way role extractions are made."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.arguments import extraction
from kg.extract.spans import conjuncts
from kg.mentions import DocumentMentions
from kg.model import Argument, Extraction, Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "NAME",
    "ORG",
    "PERSON",
    "PLACE",
    "ROLE_PREPS",
    "affiliated",
    "agentive",
    "function_lemma",
    "named_modifiers",
    "related_names",
    "role_extraction",
    "role_lemma",
    "target_kind",
]

NAME = "kg.role.v1"
ROLE_PREPS = frozenset({"of", "for", "at", "on", "in", "to", "with", "from"})
PERSON = frozenset({"PERSON", "PER"})
ORG = frozenset({"ORG"})
PLACE = frozenset({"GPE", "LOC", "FAC"})


def target_kind(reading: DocumentMentions, mention: Mention) -> str:
    """ "org", "country", "city" or "" for what a role's target is."""
    if mention.ner in ORG:
        return "org"
    name = reading.ontology.gazetteer.lookup(mention.label)
    if name is not None and name.type == "Country":
        return "country"
    if mention.ner in ("GPE",) or (name is not None and name.type == "City"):
        return "city"
    return ""


def named_modifiers(noun: Token, reading: DocumentMentions) -> list[Token]:
    """Names among a title's modifiers, however deep ("Acme Radiation Safety Director": Acme)."""
    found = []
    for token in noun.subtree:
        if token.i == noun.i or token.i >= noun.i:
            continue
        if token.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod") and reading.mentions_for(token):
            found.extend(conjuncts(token))
    return found


def related_names(
    noun: Token, reading: DocumentMentions, preps: frozenset[str] = ROLE_PREPS
) -> list[tuple[Token, str]]:
    """Names a role noun relates to: its nationality or name modifiers, possessor, or prepositional object."""
    found: list[tuple[Token, str]] = [(t, "") for t in named_modifiers(noun, reading)]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    for t in conjuncts(pobj):
                        target = affiliated(t, reading)
                        if target is not None:
                            found.append((target, child.lower_))
    return found


def role_extraction(
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
    confidence *= arg1.mention.confidence * arg2.mention.confidence
    return extraction(reading.sentence(sent), arg1, rel, arg2, lemma, NAME, confidence, kind=kind, extra=extra)


def affiliated(pobj: Token, reading: DocumentMentions) -> Token | None:
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


def agentive(noun: str) -> bool:
    """Whether a noun the lexicon does not know names a person by what they do ("columnist", "economist",
    "businessman", "auditor"), as English agent suffixes say; "victim" or "subject" do not."""
    return noun.lower().endswith(_AGENTIVE) and len(noun) > 4


# Relations of roles in a team: a place before such a role stands for its club or national side.
_TEAM_RELATIONS = frozenset({"kg:playsFor", "kg:manages"})


def _team_role(role: str, relation: str) -> bool:
    return relation in _TEAM_RELATIONS or role in ("captain", "co-captain", "vice-captain", "skipper")


# Relations that say what someone is in an organisation (their place in it), more than that they work there.
_PLACES_IN = ("kg:memberOf", "kg:leads", "kg:founderOf")


def _own_place(reading: DocumentMentions, role: str, preposition: str) -> bool:
    """ "a quarterback for the Herons", "spokeswoman for Acme", "president at Acme": a role that already says
    what the person is in an organisation keeps its relation whatever the preposition; the preposition's own
    row ("* for": works for) is for roles about a subject ("an analyst at Acme" works there, "an Acme analyst"
    only covers it). "of" and "in" keep the lexicon's order (see :meth:`~kg.ontology.lexicon.Lexicon.lookup`)."""
    entries = reading.ontology.lexicon.entries
    if preposition in ("of", "in") or ("role", f"{role} {preposition}") in entries:
        return False  # "ambassador to": a row for the role with this preposition says it all
    own = entries.get(("role", role))
    if own is None or own.relation not in reading.ontology.vocabulary.relations:
        return False
    ancestors = reading.ontology.vocabulary.relation_ancestors(own.relation)
    return any(place in ancestors for place in _PLACES_IN)


# Words that make a leading role a post under the leader: "assistant coach", "deputy director".
SUBORDINATE = frozenset({"assistant", "deputy", "associate", "acting-deputy", "under", "sub"})


def role_lemma(
    reading: DocumentMentions,
    role: str | None,
    target: Mention,
    preposition: str,
    noun_text: str = "",
    before: Sequence[str] = (),
    job: bool = False,
) -> str | None:
    """The lexicon key for a role and its target: the role's own, or for a role noun the lexicon does not
    know, what its target makes it: an affiliation, a citizenship, a residence. ``before`` are the title's
    words before the role: an assistant or deputy of a leading role works for the organisation, not leads it.
    ``job``: the sentence says the noun is a job ("worked as a pundit for X"), whatever the noun."""
    lemma = _role_lemma(reading, role, target, preposition, noun_text, job)
    if lemma is None or not SUBORDINATE & {w.lower() for w in before}:
        return lemma
    entry = reading.ontology.lexicon.lookup("role", lemma)
    vocab = reading.ontology.vocabulary
    if (
        entry is not None
        and entry.relation in vocab.relations
        and "kg:leads" in vocab.relation_ancestors(entry.relation)
    ):
        return "* of"
    return lemma


def _role_lemma(
    reading: DocumentMentions, role: str | None, target: Mention, preposition: str, noun_text: str, job: bool
) -> str | None:
    # complex: the lexicon key of a role depends on the role and on its target's kind together.
    kind = target_kind(reading, target)
    if target.ner in PERSON and noun_text.lower() in reading.cues.family_nouns:
        return "kin"  # "Ola's grandmother Naima": read, but the ontology relates no kin (lexicon "-")
    if role is None and noun_text.lower() in reading.cues.facility_nouns:
        return None  # "in Tarvik jail, Moe ...": a building is nobody's role, whatever the parse attached
    if role is None and kind == "org" and not (job or agentive(noun_text)):
        return None  # "the target of a council review" does not work for the council
    if role is not None:
        vocab = reading.ontology.vocabulary
        lemma = f"{role} {preposition}" if preposition and not _own_place(reading, role, preposition) else role
        entry = reading.ontology.lexicon.lookup("role", lemma)
        if entry is not None and kind in ("city", "country") and _team_role(role, entry.relation):
            return None  # "England captain X", "Pittsburgh quarterback Y": the place names a team kg cannot name
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
    if kind == "country" and preposition in ("", "from") and _describes_someone(reading, noun_text, job):
        return "citizen"
    if kind == "city" and preposition in ("", "from", "of") and _describes_someone(reading, noun_text, job):
        return "resident"
    return None


def _describes_someone(reading: DocumentMentions, noun: str, job: bool) -> bool:
    """Whether a noun the role lexicon lacks can describe a person or an organisation ("a Tarvik man", "the
    Oslo dentist", "a Republican from Leeds", "the Leeds company"), not a thing ("a Contact page")."""
    word = noun.lower()
    cues = reading.cues
    capitalised = noun[:1].isupper()  # a party's or a nation's member: "a Republican", "a Norwegian"
    return job or capitalised or agentive(noun) or word in cues.person_nouns or word in cues.organization_nouns


# Nouns before a leading role that name what the person leads, not a function inside it ("club manager").
_WHOLE_BODY = frozenset(
    {"club", "team", "company", "group", "party", "board", "state", "country", "city", "government", "agency",
     "firm", "bank", "union", "league", "network", "station", "school", "hospital", "museum", "church", "police",
     "army", "navy", "military", "district", "region", "province", "county"}
)  # fmt: skip


def function_lemma(
    reading: DocumentMentions, lemma: str, modifiers: Sequence[Token], role: str | None, noun: Token
) -> str:
    """ "Acme's portfolio manager", "Acme marketing director": a common noun right before a leading role names
    the part of the organisation the person heads, so they work for the organisation ("* of") rather than lead
    it. A role word ("executive director", "general manager") or the whole body ("club manager") is no part."""
    own = set((role or "").split())  # "vice" of "vice president" is the role's own word
    modifiers = [m for m in modifiers if m.lower_ not in own]
    if not modifiers or _relation_of_role(reading, lemma) not in ("kg:leads", "kg:manages"):
        return lemma  # a commander commands whatever the noun before says ("police commander of the district")
    last = modifiers[-1]
    if last.i != noun.i - max(len(own), 1):
        return lemma  # "a rival of Acme Chief Executive X": the noun must be right before the role
    word = last.lemma_.lower()
    if last.pos_ != "NOUN" or not last.text.islower() or word in _WHOLE_BODY:
        return lemma
    if word in reading.ontology.lexicon.words("role") or last.ent_type_:
        return lemma
    return "* of"


def _relation_of_role(reading: DocumentMentions, lemma: str) -> str | None:
    entry = reading.ontology.lexicon.lookup("role", lemma)
    return entry.relation if entry is not None else None


def institution_argument(reading: DocumentMentions, owner: Token, words: Sequence[Token]) -> Argument | None:
    """ "Hong Kong's police commissioner", "Tarvik health ministry spokesman": a title that sits in an
    institution of the place or organisation before it is about the institution, named by the owner's name and
    the institution's own words ("Hong Kong police"). ``words`` run from after the owner to the institution
    noun; None when they end in no institution noun or the owner names nothing."""
    if not words or words[-1].lemma_.lower() not in reading.cues.institution_nouns:
        return None
    found = reading.mentions_for(owner)
    if not found:
        return None
    named = found[0]
    # the institution's own words: the nouns before it ("health ministry"), not "new" in "new police chief"
    first = len(words) - 1
    while first > 0 and words[first - 1].pos_ in ("NOUN", "PROPN") and words[first - 1].i not in reading.names:
        first -= 1
    inner = " ".join(w.text for w in words[first:])
    # typed as the group phrases are ("the Hong Kong police"), so both spellings are one entity
    start, end = owner.idx, words[-1].idx + len(words[-1].text)
    text = owner.doc.text[start:end]
    mention = Mention(
        named.document, start, end, text, f"{named.label} {inner}", "GROUP", "title.institution", 0.9 * named.confidence
    )
    return Argument(text, start, end, mention)
