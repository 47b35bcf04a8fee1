"""Pronouns: he/she/it/they go to the nearest compatible antecedent in the same or the two previous
sentences, preferring subjects, never the co-argument of the same verb (a possessive may be: "Acme raised
its forecast"); the subject of a reporting verb ("..., it stated") goes to the last speaker; "they" may
stand for a coordination ("Mwangi and Halvorsen")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.mentions.coref.candidates import WINDOW, Candidate, best, governing_verb, is_subject, window
from kg.mentions.coref.context import Context, place_slot
from kg.mentions.coref.profiles import Profile
from kg.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["PRONOUNS", "coordinated", "resolve_pronoun"]

_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_NEUTER = frozenset({"it", "its", "itself"})
_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
_REFLEXIVE = frozenset({"himself", "herself", "itself", "themselves"})
PRONOUNS = _MALE | _FEMALE | _NEUTER | _PLURAL
# "it" and "them" as objects are left unresolved (see resolve_pronoun)
_OBJECT_FORMS = frozenset({"it", "them"})
_THING_TYPES = frozenset({"GPE", "ORG", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})


def compatible(pronoun: str, candidate: Candidate, profiles: dict[str, Profile]) -> bool:
    """Person or thing, and gender where the text shows it: "he" is a person not known to be a woman."""
    ner = candidate.mention.ner
    if pronoun in _MALE or pronoun in _FEMALE:
        if ner not in ("PERSON", "PER"):
            return False
        gender = profiles.get(candidate.mention.label, Profile()).gender
        return gender is None or gender == ("male" if pronoun in _MALE else "female")
    if pronoun in _NEUTER:
        return ner in _THING_TYPES
    if pronoun in _PLURAL:
        return ner in ("ORG", "NORP")
    return False


def _place_slot(token: Token) -> bool:
    """Where a place goes (see :func:`place_slot`), or where something is based ("an Oslo-based agent")."""
    based = token.head.lemma_.lower() == "base" and token.head.i == token.i + 2
    return based or place_slot(token)


def _a_place(ctx: Context, candidate: Candidate) -> bool:
    return candidate.mention.ner in ("GPE", "LOC", "FAC") or ctx.gazetteer.place(candidate.mention.label) is not None


def _route(ctx: Context, group: tuple[Candidate, ...]) -> bool:
    """Places listed as where something happened or went ("via Oslo and Bergen") are no "they": only places
    acting ("Norway and Denmark said they ...") are."""
    return all(_a_place(ctx, c) for c in group) and _place_slot(group[0].token)


def _named_gender_fits(pronoun: str, candidate: Candidate, profiles: dict[str, Profile]) -> bool:
    """Whether the candidate's first name does not suggest the other gender ("she" and "Jon Moe")."""
    named = profiles.get(candidate.mention.label, Profile()).named_gender
    if named is None or (pronoun not in _MALE and pronoun not in _FEMALE):
        return True
    return named == ("male" if pronoun in _MALE else "female")


def _nearer_person_noun(ctx: Context, pronoun: Token, candidate: Candidate) -> bool:
    """ "Webb grabbed the girl as she walked home": a person named by a noun of the pronoun's gender, in the
    pronoun's sentence and nearer than the name, is the likelier antecedent (kg resolves pronouns to names
    only, so the pronoun is left alone). A noun describing the name itself ("Lund, a mother of two") is no rival."""
    low = pronoun.lower_
    nouns = ctx.cues.female_nouns if low in _FEMALE else ctx.cues.male_nouns if low in _MALE else frozenset()
    if not nouns:
        return False
    doc = ctx.doc
    start = max(candidate.token.i + 1, pronoun.sent.start)
    for t in doc[start : pronoun.i]:
        describes = t.dep_ in ("appos", "attr", "poss", "compound") or t.head.i == candidate.token.i
        if t.pos_ == "NOUN" and t.lemma_.lower() in nouns and not describes:
            return True
    return False


def coordinated(candidates: list[Candidate]) -> list[tuple[Candidate, ...]]:
    """Named entities joined by "and" ("Mwangi and Halvorsen"): antecedents for "they"."""
    by_token = {c.token.i: c for c in candidates}
    groups = []
    for c in candidates:
        conj = [by_token[t.i] for t in c.token.conjuncts if t.i in by_token and t.i > c.token.i]
        if conj and c.token.dep_ != "conj":
            groups.append((c, *conj))
    return groups


def resolve_pronoun(
    ctx: Context,
    token: Token,
    candidates: list[Candidate],
    groups: list[tuple[Candidate, ...]],
    profiles: dict[str, Profile],
) -> tuple[Mention, ...] | None:
    """What a third-person pronoun stands for, or None when no antecedent fits."""
    # complex: the pronoun constraints (number, gender, co-arguments, speakers) narrow one pool in order.
    low = token.lower_
    if low in _OBJECT_FORMS and token.dep_ in ("dobj", "obj", "pobj", "dative"):
        return None  # "made it", "loved it", "express them": objects are mostly things, not the names near them
    verb = governing_verb(token)
    # a possessive is no argument of the verb: "Acme raised its forecast" (its = Acme, the verb's subject)
    co_arguments = {c.i for c in verb.children} if low not in _REFLEXIVE and token.dep_ != "poss" else set()
    pool = [c for c in window(candidates, token, ctx) if compatible(low, c, profiles) and c.token.i not in co_arguments]
    if low in _PLURAL:  # "flew via Oslo. They stopped him": a known place on a route is no "they"
        pool = [c for c in pool if not (_place_slot(c.token) and _a_place(ctx, c))]
    pool = [c for c in pool if _named_gender_fits(low, c, profiles)] or pool
    if is_subject(token) and verb.lemma_.lower() in ctx.cues.report_verbs:
        pool = [c for c in pool if c.speaker] or pool  # "..., it stated": the last speaker
    if low in _PLURAL:
        here = ctx.sentence_numbers[token.i]
        plural = [g for g in groups if g[0].token.i < token.i and here - g[0].sentence <= WINDOW and not _route(ctx, g)]
        if plural and (not pool or plural[-1][-1].token.i > pool[-1].token.i):
            return tuple(ctx.mention(token, c.mention.label, c.mention.ner, "coref.pronoun", 0.75) for c in plural[-1])
    found = best(pool, token)
    if found is None:
        return None
    candidate, confidence = found
    if _nearer_person_noun(ctx, token, candidate):
        return None
    return (ctx.mention(token, candidate.mention.label, candidate.mention.ner, "coref.pronoun", confidence),)
