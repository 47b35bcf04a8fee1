"""Arguments: what a noun phrase head contributes to an extraction, its whole phrase (for Open IE) and the
entity or entities it names (for the graph)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.clauses import Clause
from kg.extract.spans import expand_noun
from kg.model import Argument, Extraction, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.mentions import DocumentMentions

__all__ = ["PLAIN", "arguments", "extraction"]

PLAIN = Clause()  # asserted, unhedged, nobody quoted, no time or place


def arguments(dm: DocumentMentions, token: Token, role: str = "") -> list[Argument]:
    """One Argument per entity the token names (a plural pronoun may name two), or one without a
    mention when it names none; the phrase is the full noun phrase, for Open IE."""
    start, end = expand_noun(token)
    span = dm.doc[start:end]
    mentions = dm.mentions_for(token)
    if not mentions:
        return [Argument(span.text, span.start_char, span.end_char, None, role)]
    return [Argument(span.text, span.start_char, span.end_char, m, role) for m in mentions]


def extraction(
    sentence: Sentence,
    arg1: Argument,
    rel: str,
    arg2: Argument,
    lemma: str,
    extractor: str,
    confidence: float,
    clause: Clause = PLAIN,
    *,
    passive: bool = False,
    kind: str = "verb",
    extra: tuple[Argument, ...] = (),
) -> Extraction:
    """The one place an Extraction is assembled: arguments, relation, rule and the clause's status."""
    return Extraction(
        document=sentence.document,
        sentence=sentence,
        arg1=arg1,
        rel=rel,
        arg2=arg2,
        lemma=lemma,
        extractor=extractor,
        confidence=confidence,
        passive=passive,
        negated=clause.negated,
        hedged=clause.hedged,
        attributed_to=clause.attributed_to,
        time=clause.time,
        place=clause.place,
        extra=extra,
        kind=kind,
    )
