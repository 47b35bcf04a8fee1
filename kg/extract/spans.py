"""Tiny named helpers over the dependency parse: how arguments and relations grow from their heads.

Everything here is a pure function of spaCy tokens, so extractors read like the grammar they follow.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "CLAUSAL",
    "OBJECTS",
    "SUBJECTS",
    "conjuncts",
    "expand_noun",
    "is_negated",
    "particle",
    "span_text",
    "subjects",
]

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
OBJECTS = frozenset({"dobj", "obj", "attr", "oprd", "dative"})
CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "pcomp"})
# Dependents that start a new clause or aside: an argument's phrase stops before them.
_CLAUSE_EDGES = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "appos", "punct", "cc", "conj", "mark"})
_WH = frozenset({"who", "which", "that", "whom", "whose"})


def conjuncts(token: Token) -> list[Token]:
    """The token and everything coordinated with it ("Iran and Russia" -> [Iran, Russia])."""
    return [token, *token.conjuncts]


def particle(verb: Token) -> str:
    """The verb's particle ("win back" -> "back"), or ""."""
    return next((c.text.lower() for c in verb.children if c.dep_ == "prt"), "")


def is_negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


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


def span_text(doc_or_span: Span, start: int, end: int) -> str:
    doc = doc_or_span.doc
    return doc[start:end].text


def subjects(verb: Token) -> Iterator[Token]:
    """Subjects of a verb, looking through coordination ("X arrived and met Y"), control ("X is due to
    hold talks", "X tried to overthrow") and relative clauses ("Turkey, which has sent ...")."""
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for subject in own:
        if subject.lower_ in _WH and verb.dep_ == "relcl":
            yield verb.head  # the noun the relative clause hangs on
        else:
            yield subject
    if own:
        return
    if verb.dep_ == "relcl":
        yield verb.head
    elif verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        yield from subjects(verb.head)
    elif verb.dep_ == "xcomp":
        # Control: the subject of "due/tried/plans to V" is the subject of the governing predicate.
        governor = verb.head
        while governor.dep_ in ("acomp", "xcomp") and governor.head.i != governor.i:
            governor = governor.head
        yield from subjects(governor)
