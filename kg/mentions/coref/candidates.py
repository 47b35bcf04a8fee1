"""Antecedent candidates (every name, with its sentence and whether it is a subject or a speaker) and the
salience ranking that picks one: recent, a subject, in the same sentence; confidence from the margin."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.mentions.coref.context import Context, Resolved
from kg.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["WINDOW", "Candidate", "best", "candidates", "governing_verb", "is_subject", "window"]

WINDOW = 2  # sentences back


@dataclass(slots=True)
class Candidate:
    token: Token
    mention: Mention
    sentence: int
    subject: bool
    speaker: bool


def is_subject(token: Token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "appos" and token.head.dep_ == "nsubj")


def governing_verb(token: Token, *, clause: bool = False) -> Token:
    """The nearest verb above the token; with ``clause``, the verb of its clause: a participle used as a
    preposition ("including Acme", "following the vote") opens no clause of its own."""
    head = token.head
    while (head.pos_ not in ("VERB", "AUX") or (clause and head.dep_ == "prep")) and head.head.i != head.i:
        head = head.head
    return head


def candidates(ctx: Context, resolved: Resolved) -> Iterator[Candidate]:
    """Every name in document order, with what ranks it as an antecedent."""
    report_verbs = ctx.cues.report_verbs
    sentence_of = ctx.sentence_numbers
    for i in sorted(ctx.names):
        token = ctx.doc[i]
        mention = resolved[i][0] if i in resolved else ctx.names[i]
        verb = governing_verb(token)
        yield Candidate(
            token,
            mention,
            sentence_of[i],
            is_subject(token),
            is_subject(token) and verb.lemma_.lower() in report_verbs,
        )


def window(pool: list[Candidate], token: Token, ctx: Context) -> list[Candidate]:
    """The candidates before ``token`` in its sentence and the ``WINDOW`` sentences before it."""
    here = ctx.sentence_numbers[token.i]
    return [c for c in pool if c.token.i < token.i and here - c.sentence <= WINDOW]


def best(pool: list[Candidate], token: Token) -> tuple[Candidate, float] | None:
    """The most salient candidate: recent, a subject, in the same sentence; confidence from the margin."""
    if not pool:
        return None

    def score(c: Candidate) -> float:
        distance = token.i - c.token.i
        return (2.0 if c.subject else 0.0) + (1.0 if c.speaker else 0.0) - distance / 25.0

    ranked = sorted(pool, key=score, reverse=True)
    distinct = {c.mention.label for c in pool}
    if len(distinct) == 1:
        return ranked[0], 0.9
    margin = score(ranked[0]) - max(score(c) for c in ranked if c.mention.label != ranked[0].mention.label)
    return ranked[0], 0.85 if margin > 1.5 else 0.7 if margin > 0.5 else 0.55
