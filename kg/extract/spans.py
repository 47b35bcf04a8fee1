"""Tiny named helpers over the dependency parse: how arguments and relations grow from their heads.

Everything here is a pure function of spaCy tokens, so extractors read like the grammar they follow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["conjuncts", "expand_noun", "particle"]

# Dependents that start a new clause or aside: an argument's phrase stops before them.
_CLAUSE_EDGES = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "appos", "punct", "cc", "conj", "mark"})


def conjuncts(token: Token) -> list[Token]:
    """The token and everything coordinated with it ("Norway and Denmark" -> [Norway, Denmark])."""
    return [token, *token.conjuncts]


def particle(verb: Token) -> str:
    """The verb's particle ("set up" -> "up"), or ""."""
    return next((c.text.lower() for c in verb.children if c.dep_ == "prt"), "")


def expand_noun(head: Token, *, keep_clauses: bool = False) -> tuple[int, int]:
    """Token range [start, end) of a noun phrase: its head with modifiers, prepositional phrases included,
    stopping at clauses, appositions, coordination and punctuation that set off an aside."""
    start, end = head.i, head.i + 1
    for child in head.lefts:
        if child.dep_ in ("punct", "cc") or (child.dep_ in _CLAUSE_EDGES and not keep_clauses):
            continue
        start = min(start, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in _CLAUSE_EDGES and not keep_clauses:
            break
        end = max(end, child.right_edge.i + 1)
    doc = head.doc
    while end - 1 > start and doc[end - 1].is_punct and doc[end - 1].text not in (")", "]", '"', "”", "’"):
        end -= 1
    while start < end - 1 and doc[start].is_punct:
        start += 1
    return start, end
