"""Arguments: what a noun phrase head contributes to an extraction, its whole phrase (for Open IE) and the
entity or entities it names (for the graph)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.spans import expand_noun
from kg.model import Argument

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.mentions import DocumentMentions

__all__ = ["arguments"]


def arguments(dm: DocumentMentions, token: Token, role: str = "") -> list[Argument]:
    """One Argument per entity the token names (a plural pronoun may name two), or one without a
    mention when it names none; the phrase is the full noun phrase, for Open IE."""
    start, end = expand_noun(token)
    span = dm.doc[start:end]
    mentions = dm.mentions_for(token)
    if not mentions:
        return [Argument(span.text, span.start_char, span.end_char, None, role)]
    return [Argument(span.text, span.start_char, span.end_char, m, role) for m in mentions]
