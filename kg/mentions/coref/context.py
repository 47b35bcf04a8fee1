"""What every coreference step reads: the parse, the names found so far, the cue words and gazetteer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from kg.ontology.cues import Cues
    from kg.ontology.gazetteer import Gazetteer

__all__ = ["Context", "Resolved", "place_slot"]

# token index -> the mention(s) a pronoun, description or surname stands for
Resolved = dict[int, tuple[Mention, ...]]

# Prepositions of place and route: "in Tarvik", "via Oslo" name a town, never its club or a "they"
# ("lost to Tarvik", "a player from Tarvik" may be the club, so "to" and "from" are not here).
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "around", "across", "inside", "throughout", "into", "via", "through"}
)


def place_slot(token: Token) -> bool:
    """The object of a preposition of place or route, or a later item of its list ("via Oslo and Bergen")."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPOSITIONS


@dataclass(frozen=True, slots=True)
class Context:
    """The inputs of one document's coreference. ``names`` is the resolution's own copy: the short-name step
    adds the surnames the NER missed, which later steps read as names."""

    doc: Doc
    document: str
    names: dict[int, Mention]
    cues: Cues
    gazetteer: Gazetteer
    sentence_numbers: tuple[int, ...]
    titles: frozenset[str] = frozenset()  # words that, before a name, are a person's title or role

    def mention(self, token: Token, label: str, ner: str | None, rule: str, confidence: float = 1.0) -> Mention:
        return Mention(self.document, token.idx, token.idx + len(token.text), token.text, label, ner, rule, confidence)

    def span_mention(
        self, start: int, end: int, label: str, ner: str | None, rule: str, confidence: float = 1.0
    ) -> Mention:
        span = self.doc[start:end]
        return Mention(self.document, span.start_char, span.end_char, span.text, label, ner, rule, confidence)

    def named(self, i: int, resolved: Resolved) -> tuple[Mention, ...]:
        """What token ``i`` names so far: its resolution, else its name, else nothing."""
        return resolved.get(i) or ((self.names[i],) if i in self.names else ())
