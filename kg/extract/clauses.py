"""What a clause says about its own truth: negation, hedging, attribution, time and place.

Pure functions of a verb token and the cue words, shared by every extractor.

>>> from spacy.vocab import Vocab
>>> from spacy.tokens import Doc
>>> from kg.model import Document
>>> from kg.mentions import read_mentions
>>> from kg.ontology import load_ontology
>>> doc = Doc(Vocab(), words=["Uganda", "did", "not", "attack", "Tanzania", "on", "Monday", "."],
...           heads=[3, 3, 3, 3, 3, 3, 5, 3], deps=["nsubj", "aux", "neg", "ROOT", "dobj", "prep", "pobj", "punct"],
...           ents=["B-GPE", "O", "O", "O", "B-GPE", "O", "B-DATE", "O"])
>>> verb, reading = doc[3], read_mentions(doc, Document("d", doc.text), load_ontology())
>>> is_negated(verb, reading), is_hedged(verb, reading), time_of(verb)
(True, False, 'on Monday')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract.sense import SCORE
from kg.mentions import QUALIFIER_LABELS, DocumentMentions, clean_label

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "Clause",
    "attribution",
    "clause_of",
    "governors",
    "is_hedged",
    "is_irrealis",
    "is_negated",
    "place_of",
    "time_of",
]

_UPWARD = frozenset({"ccomp", "xcomp", "conj", "advcl", "relcl", "acomp", "parataxis", "pcomp"})
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "from"})


def governors(verb: Token) -> list[Token]:
    """The chain of predicates a clause is embedded under ("said" > "will resign")."""
    chain, current = [], verb
    while current.dep_ in _UPWARD and current.head.i != current.i:
        current = current.head
        chain.append(current)
    return chain


def _embedded_under(verb: Token, words: frozenset[str], via: frozenset[str]) -> Token | None:
    """The nearest governor whose lemma is in ``words``, reached through one of the ``via`` relations."""
    current = verb
    while current.dep_ in _UPWARD and current.head.i != current.i:
        relation, current = current.dep_, current.head
        if current.lemma_.lower() in words and relation in via:
            return current
        if relation == "relcl":
            break
    return None


def is_negated(verb: Token, reading: DocumentMentions) -> bool:
    """ "did not", "never", "Nor does X ...", or embedded under "denied"/"refused"."""
    cues = reading.cues
    if any(c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in cues.negation_words) for c in verb.children):
        return True
    if any(c.dep_ in ("cc", "preconj") and c.lower_ in ("nor", "neither") and c.i < verb.i for c in verb.children):
        return True  # "Nor does Acme back Tarvik", "neither confirmed nor denied": nothing is asserted
    under = _embedded_under(verb, cues.negation_verbs, frozenset({"xcomp", "ccomp", "pcomp", "advcl"}))
    # Only what follows a denial is denied ("denied arming the rebels"); a clause before it is the report
    # the denial answers ("X accused Y, a charge Z denied": the accusation was made).
    if under is not None and under.i < verb.i:
        return not any(c.dep_ == "neg" for c in under.children)  # "did not deny" asserts it
    return False


def is_hedged(verb: Token, reading: DocumentMentions) -> bool:
    """A modal or future auxiliary, a hedging adverb, or an intention ("vowed to", "is set to")."""
    # complex: one test per kind of hedge (modal, adverb, intention, allegation), each a line.
    cues = reading.cues
    for child in verb.children:
        word = child.lower_
        if child.dep_ == "aux" and (word in cues.hedge_modals or word in cues.future_modals):
            return True
        if child.dep_ == "advmod" and word in cues.hedge_adverbs:
            return True
    if _embedded_under(verb, cues.intent_verbs, frozenset({"xcomp", "acomp"})) is not None:
        return True
    if verb.dep_ == "pcomp" and verb.head.head.lemma_.lower() in cues.alleged_by:
        return True  # "suspected of killing X" is an allegation
    for governor in governors(verb)[:2]:
        if governor.lemma_.lower() in cues.intent_verbs and verb.dep_ == "xcomp":
            return True
        if any(c.dep_ == "aux" and c.lower_ in cues.future_modals for c in governor.children) and verb.dep_ == "xcomp":
            return True
    return is_irrealis(verb, reading)


def _intended(verb: Token, intent_nouns: frozenset[str]) -> bool:
    """ "a plan to buy", "efforts to get X to act", "plans for travelling to Oslo", "hopes of winning": a verb
    under a noun of intention."""
    head = verb.head
    if verb.dep_ in ("acl", "relcl") and head.pos_ == "NOUN" and head.lemma_.lower() in intent_nouns:
        return True
    return verb.dep_ == "pcomp" and head.lower_ in ("for", "of") and head.head.lemma_.lower() in intent_nouns


def _claimed(verb: Token, claim_nouns: frozenset[str]) -> bool:
    """ "charges that Acme bribed X", "fears that Y would invade": the clause of a noun of claim or fear."""
    head = verb.head
    return verb.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_.lower() in claim_nouns


# "the first player to score twice": after these an infinitive tells what happened, not what was meant to
_FACTUAL_RANKS = frozenset({"first", "last", "only", "second", "third", "next", "latest"})


def _purpose(verb: Token) -> bool:
    """ "hired a guide to lead them across the border", "flew to Oslo to meet Berg": an infinitive of purpose
    says what was meant, not what happened ("the first player to score twice", "the decision to close it" are
    no purpose)."""
    if verb.dep_ not in ("acl", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if verb.dep_ == "advcl":
        # "caught the pass to beat Rovers 24-23": in a sentence with a score the infinitive tells the result
        scored = SCORE.search(verb.sent.text) is not None
        return head.pos_ in ("VERB", "AUX") and not scored
    # "a guide to lead them": what someone is there for; "the board's decision to close X" is what was decided
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
    ranked = any(c.lower_ in _FACTUAL_RANKS or c.tag_ == "JJS" or c.ent_type_ == "ORDINAL" for c in head.children)
    return head.pos_ == "NOUN" and indefinite and not ranked


def is_irrealis(verb: Token, reading: DocumentMentions) -> bool:
    """What someone wants, asks for, plans or sets as a condition did not (yet) happen: "wanted Kenya to
    investigate X", "urged Oslo to sanction Y", "efforts to get Acme to drop Z", "plans for travelling to
    Oslo", "if Acme buys Atlas"."""
    cues = reading.cues
    current, steps = verb, 0
    while steps < 4 and current.head.i != current.i:
        relation, head = current.dep_, current.head
        if relation == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in current.children):
            return True
        if relation in ("xcomp", "ccomp") and head.lemma_.lower() in cues.request_verbs:
            return True  # the object is asked to act: "asked him to resign"
        if _intended(current, cues.intent_nouns) or _claimed(current, cues.claim_nouns) or _purpose(current):
            return True
        if relation not in ("xcomp", "ccomp", "acl", "relcl", "advcl", "conj"):
            return False
        current, steps = head, steps + 1
    return False


def _speaker(verb: Token, reading: DocumentMentions) -> str | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            mentions = reading.mentions_for(child)
            if mentions:
                return mentions[0].label
            return clean_label(reading.doc[child.left_edge.i : child.i + 1].text)
    return None


def attribution(verb: Token, reading: DocumentMentions) -> str | None:
    """Who says so: the subject of a reporting verb the clause is embedded under ("the union has warned it
    will ..."), of a reporting verb attached to the clause ("..., NTB reported"), or "according to X"."""
    cues = reading.cues
    report = _embedded_under(verb, cues.report_verbs, frozenset({"ccomp", "parataxis", "conj", "advcl"}))
    if report is not None:
        return _speaker(report, reading)
    for child in verb.children:
        if (
            child.dep_ in ("parataxis", "ccomp", "advcl")
            and child.lemma_.lower() in cues.report_verbs
            and not any(c.dep_ in ("ccomp", "dobj") for c in child.children)
        ):
            return _speaker(child, reading)
        if child.dep_ == "prep" and child.lower_ == "according":
            pobj = next((t for t in child.subtree if t.dep_ == "pobj"), None)
            if pobj is not None:
                mentions = reading.mentions_for(pobj)
                return mentions[0].label if mentions else clean_label(pobj.text)
    return None


def time_of(verb: Token) -> str | None:
    """ "on Monday", "in 2019", "next month": a date or time phrase attached to the clause."""
    for child in verb.children:
        if child.dep_ in ("npadvmod", "tmod") and child.ent_type_ in QUALIFIER_LABELS:
            return child.text
        if child.dep_ == "prep":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in QUALIFIER_LABELS:
                    return f"{child.text} {pobj.text}"
    return None


def place_of(verb: Token, reading: DocumentMentions, exclude: set[int]) -> str | None:
    """ "in Nairobi", "at Kisumu airport": a place phrase attached to the clause (not an argument)."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.i not in exclude and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                    mention = reading.names.get(pobj.i)
                    return mention.label if mention else pobj.text
    return None


@dataclass(frozen=True, slots=True)
class Clause:
    """What a clause says about its own truth and circumstances, carried by each of its extractions."""

    negated: bool = False
    hedged: bool = False
    attributed_to: str | None = None
    time: str | None = None
    place: str | None = None


def clause_of(verb: Token, reading: DocumentMentions) -> Clause:
    """Negation, hedging, attribution and time of the clause ``verb`` heads (the place depends on which
    phrase is an argument, so extractors add it per extraction)."""
    return Clause(is_negated(verb, reading), is_hedged(verb, reading), attribution(verb, reading), time_of(verb))
