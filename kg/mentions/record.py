"""The per-document mention record: sentences, names and what coreference resolved, built once and then
only read (:func:`kg.mentions.read_mentions` builds it).

Extractors ask it what a token names (:meth:`DocumentMentions.mentions_for`): the name itself, the antecedent
of a pronoun or description, the name an apposition describes, or a metonym (:mod:`kg.mentions.metonyms`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.mentions import metonyms
from kg.model import Document, Mention, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kg.ontology import Ontology
    from kg.ontology.cues import Cues

__all__ = ["DocumentMentions"]


@dataclass(frozen=True, slots=True)
class DocumentMentions:
    """Everything extractors ask about one parsed document; nothing here changes after it is built."""

    doc: Doc
    document: Document
    ontology: Ontology
    sentences: tuple[Sentence, ...]
    # token index -> number of its sentence (blank "sentences" share the previous number)
    sentence_numbers: tuple[int, ...]
    names: Mapping[int, Mention]  # token index -> the name it is
    coref: Mapping[int, tuple[Mention, ...]]  # token index -> what a pronoun, description or surname stands for
    mentions: tuple[Mention, ...]  # every entity mention, resolved where coreference applies, in document order
    _by_start: Mapping[int, Sentence] = field(repr=False, compare=False, default_factory=dict)
    # The sentence's tokens, made once: every extractor walks them, and spaCy builds a new Token object on each
    # access. A cache, not state: it never changes what a query answers.
    _tokens: dict[int, list[Token]] = field(repr=False, compare=False, default_factory=dict)

    @property
    def cues(self) -> Cues:
        return self.ontology.cues

    def sentence(self, span: Span) -> Sentence:
        return self._by_start[span.start]

    def tokens(self, span: Span) -> list[Token]:
        cached = self._tokens.get(span.start)
        if cached is None:
            cached = self._tokens[span.start] = list(span)
        return cached

    def mention(self, token: Token, label: str, ner: str | None, rule: str, confidence: float = 1.0) -> Mention:
        return Mention(
            self.document.id, token.idx, token.idx + len(token.text), token.text, label, ner, rule, confidence
        )

    def span_mention(
        self, start: int, end: int, label: str, ner: str | None, rule: str, confidence: float = 1.0
    ) -> Mention:
        span = self.doc[start:end]
        return Mention(self.document.id, span.start_char, span.end_char, span.text, label, ner, rule, confidence)

    def mentions_for(self, token: Token) -> tuple[Mention, ...]:
        """The entities a noun phrase head names: itself if it is a name, its antecedent(s) if it is a
        pronoun or description, the name it is in apposition with, the actor behind an instrument, the
        group a nationality-modified noun phrase names."""
        if token.i in self.coref:
            return self.coref[token.i]
        described = metonyms.appositive_of(self, token)
        if described is not None:
            return (described,)
        if token.i in self.names:
            return (self.names[token.i],)
        appositive = next((c for c in token.children if c.dep_ == "appos" and c.i in self.names), None)
        if appositive is not None:  # what the name stands for, if coreference resolved it
            return self.coref.get(appositive.i) or (self.names[appositive.i],)
        listed = metonyms.examples(self, token)
        if listed:
            return listed
        rules = (
            metonyms.facility_mention,
            metonyms.members_of,
            metonyms.group_mention,
            metonyms.event_place,
            metonyms.conduct_of,
            metonyms.named_thing,
        )
        for rule in rules:
            found = rule(self, token)
            if found is not None:
                return (found,)
        return ()
