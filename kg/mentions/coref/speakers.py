"""Speakers: inside a quotation, "I" is whoever the text says spoke, and "he" or "she" is someone else.

A quotation runs from an opening to a closing quotation mark, over sentence ends but not over a paragraph
break (an unclosed mark must not swallow the rest of the article). Its speaker is the subject of a reporting
verb outside the quotation, in the sentence that closes it (""..., " said Grace Otieno") or the one that opens
it ("Otieno said: "...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.mentions.coref.context import Context, Resolved

if TYPE_CHECKING:
    from spacy.tokens import Span

    from kg.model import Mention

__all__ = ["quotations", "resolve_speakers"]

_OPENING = frozenset({"“", "``"})
_CLOSING = frozenset({"”", "''"})
_EITHER = frozenset({'"'})
_FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine"})
_THIRD_PERSON = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})


def quotations(tokens: Span) -> list[tuple[int, int]]:
    """(first, last) token indices of the words inside each quotation (the marks themselves excluded).

    >>> import spacy
    >>> doc = spacy.blank("en")("“I left. I won,” he said. “Yes.")
    >>> [doc[a : b + 1].text for a, b in quotations(doc[:])]
    ['I left. I won,']
    """
    found: list[tuple[int, int]] = []
    start: int | None = None
    for token in tokens:
        mark = token.text
        if start is not None and (mark in _CLOSING or mark in _EITHER):
            if token.i > start:
                found.append((start, token.i - 1))
            start = None
        elif mark in _OPENING or mark in _EITHER:
            start = token.i + 1
        elif start is not None and "\n" in token.text_with_ws and token.text.strip() == "":
            start = None  # a paragraph break ends an unclosed quotation
    return found


def _speaker(ctx: Context, resolved: Resolved, first: int, last: int) -> Mention | None:
    """The person or organisation a reporting verb outside the quotation says spoke it."""
    doc = ctx.doc
    for sent in (doc[last].sent, doc[first].sent):
        for token in sent:
            if first <= token.i <= last or token.lemma_.lower() not in ctx.cues.report_verbs:
                continue
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass") and not first <= child.i <= last:
                    found = resolved.get(child.i) or ((ctx.names[child.i],) if child.i in ctx.names else ())
                    if found and found[0].ner in ("PERSON", "PER", "ORG"):
                        return found[0]
    return None


def resolve_speakers(ctx: Context, resolved: Resolved) -> None:
    """ "I think ...," said Grace Otieno: "I" inside the quotation is Otieno, and a "he" or "she" in it that
    pronoun resolution gave Otieno is someone else (left unresolved): speakers do not call themselves "he"."""
    for first, last in quotations(ctx.doc[:]):
        speaker = _speaker(ctx, resolved, first, last)
        if speaker is None:
            continue
        for i in range(first, last + 1):
            token = ctx.doc[i]
            if token.pos_ != "PRON":
                continue
            if token.lower_ in _FIRST_PERSON:
                resolved[i] = (ctx.mention(token, speaker.label, speaker.ner, "coref.speaker", 0.85),)
            elif token.lower_ in _THIRD_PERSON and i in resolved and resolved[i][0].label == speaker.label:
                del resolved[i]
