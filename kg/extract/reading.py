"""A document as the extractors read it: sentences, entity mentions, coreference and argument building.

:func:`prepare` commits the one change kg makes to a parsed Doc (named-entity spans merged into single
tokens); :class:`Reading` then computes, without touching the Doc, what each noun or pronoun names.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from kg.extract.spans import expand_noun
from kg.model import Argument, Document, Mention, Sentence
from kg.ontology import Ontology, load_ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["ENTITY_LABELS", "Reading", "prepare"]

# spaCy labels that name things a graph keeps (numbers, dates, money... are qualifiers, not nodes).
ENTITY_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "PER", "MISC"}
)
QUALIFIER_LABELS = frozenset({"DATE", "TIME"})
_PREPARED = "kg_prepared"


def prepare(doc: Doc) -> Doc:
    """Merge every named-entity span into one token (idempotent): "Karim al-Nasser" becomes one argument
    however the parser attached its pieces."""
    if doc.user_data.get(_PREPARED):
        return doc
    with doc.retokenize() as retokenizer:
        for ent in doc.ents:
            if len(ent) > 1:
                retokenizer.merge(ent)
    doc.user_data[_PREPARED] = True
    return doc


def has_age(token: Token) -> bool:
    """A name followed by an age between commas is a person's, whatever the NER said: "Tove Ruud, 43,"."""
    return any(
        c.dep_ in ("appos", "amod", "npadvmod") and c.text.isdigit() and 0 < int(c.text) < 120 for c in token.rights
    )


def clean_label(text: str) -> str:
    """A mention's text as a name: no leading article, no possessive, single spaces."""
    words = text.replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    label = " ".join(words)
    for suffix in ("'s", "'"):
        if label.endswith(suffix) and len(label) > len(suffix) + 1:
            label = label[: -len(suffix)]
    return label.strip(" \"'“”")


class Reading:
    """Everything extractors ask about one document."""

    def __init__(self, doc: Doc, document: Document, ontology: Ontology | None = None) -> None:
        from kg.extract.coref import resolve

        self.doc = doc
        self.document = document
        self.ontology = ontology or load_ontology()
        self.cues = self.ontology.cues
        self._sentences: dict[int, Sentence] = {}
        self._tokens: dict[int, list[Token]] = {}
        # token index -> number of its sentence (blank "sentences" share the previous number)
        self.sentence_numbers: list[int] = [0] * len(doc)
        for index, sent in enumerate(s for s in doc.sents if s.text.strip()):
            self.sentence_numbers[sent.start : sent.end] = [index] * (sent.end - sent.start)
            text = sent.text
            start = sent.start_char + (len(text) - len(text.lstrip()))
            end = sent.end_char - (len(text) - len(text.rstrip()))
            self._sentences[sent.start] = Sentence(document.id, index, start, end, doc.text[start:end])
        self.names: dict[int, Mention] = {}
        gazetteer = self.ontology.gazetteer
        for token in doc:
            if token.ent_type_ in ENTITY_LABELS and token.ent_iob_ == "B":
                label = clean_label(token.text)
                ner = "PERSON" if has_age(token) else self._corrected(label, token.ent_type_)
                self.names[token.i] = self.mention(token, label, ner, "ner")
            elif not token.ent_type_ and token.pos_ == "PROPN" and token.text[:1].isupper():
                # a country or capital the NER missed is still a place
                known = gazetteer.lookup(token.text)
                if known is not None and known.type in ("Country", "City") and known.rule == "name":
                    self.names[token.i] = self.mention(token, token.text, "GPE", "ner")
        # token index -> what a pronoun, description or surname stands for
        self.coref: dict[int, tuple[Mention, ...]] = resolve(self)

    def _corrected(self, label: str, ner: str) -> str:
        """The NER label, unless the gazetteer knows the name as a country or capital: "Moldova" tagged as
        an organisation is a place (people keep their label: "Jordan" may be a person)."""
        if ner in ("GPE", "PERSON", "PER", "NORP"):
            return ner
        known = self.ontology.gazetteer.lookup(label)
        if known is not None and known.type in ("Country", "City") and known.rule in ("name", "alias"):
            return "GPE"
        return ner

    # -- records ------------------------------------------------------------------------------------

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(self._sentences.values())

    @cached_property
    def mentions(self) -> tuple[Mention, ...]:
        """Every entity mention, resolved where coreference applies (in document order)."""
        found = [self.coref[i][0] if i in self.coref else m for i, m in sorted(self.names.items())]
        return tuple(found)

    def sentence(self, span: Span) -> Sentence:
        return self._sentences[span.start]

    def tokens(self, span: Span) -> list[Token]:
        """The sentence's tokens, made once: every extractor walks them, and spaCy builds a new Token object
        on each access."""
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

    # -- what a token names -------------------------------------------------------------------------

    def mentions_for(self, token: Token) -> tuple[Mention, ...]:
        """The entities a noun phrase head names: itself if it is a name, its antecedent(s) if it is a
        pronoun or description, the name it is in apposition with, the actor behind an instrument, the
        group a nationality-modified noun phrase names."""
        if token.i in self.coref:
            return self.coref[token.i]
        described = self.appositive_of(token)
        if described is not None:
            return (described,)
        if token.i in self.names:
            return (self.names[token.i],)
        appositive = next((c for c in token.children if c.dep_ == "appos" and c.i in self.names), None)
        if appositive is not None:
            return (self.names[appositive.i],)
        for rule in (self.facility_mention, self.group_mention, self.event_place):
            found = rule(token)
            if found is not None:
                return (found,)
        return ()

    def facility_mention(self, token: Token) -> Mention | None:
        """A place named by a name and a facility noun: "Manda Bay air base", "the Kivuli mosque"."""
        if token.pos_ != "NOUN" or token.lemma_.lower() not in self.cues.facility_nouns:
            return None
        start = token.i
        while start > 0:
            prev = self.doc[start - 1]
            attached = prev.dep_ in ("compound", "amod", "nmod") and start <= prev.head.i <= token.i
            if not attached or prev.ent_type_ in QUALIFIER_LABELS or prev.pos_ not in ("PROPN", "NOUN", "ADJ"):
                break
            if prev.pos_ == "ADJ" and prev.i not in self.names:
                break
            start -= 1
        while start < token.i and not (self.doc[start].pos_ == "PROPN" or start in self.names):
            start += 1  # "air base" alone is not a name: it starts at the name
        if start == token.i:
            return None
        label = clean_label(self.doc[start : token.i + 1].text)
        return self.span_mention(start, token.i + 1, label, "FAC", "named-facility", 0.85)

    def event_place(self, token: Token) -> Mention | None:
        """An event noun stands for the place it happens in: "the nation's long drought" -> the nation."""
        if token.pos_ != "NOUN" or token.lemma_.lower() not in self.cues.event_nouns:
            return None
        for child in token.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod"):
                for m in self.mentions_for(child) if child.i != token.i else ():
                    place = self.ontology.gazetteer.lookup(m.label)
                    if m.ner in ("GPE", "LOC") or (place is not None and place.type in ("Country", "City")):
                        return Mention(
                            m.document,
                            m.start,
                            m.end,
                            m.text,
                            m.label,
                            "GPE",
                            "metonym.event-place",
                            0.7 * m.confidence,
                        )
        return None

    def appositive_of(self, token: Token) -> Mention | None:
        """ "Olsen, a Democrat from Denver (who chaired ...)": an appositive noun phrase, or a
        nationality or party used as one, names what the name it stands beside names."""
        head = token.head
        if token.dep_ != "appos" or head.i == token.i or head.i not in self.names:
            return None
        if token.pos_ != "NOUN" and not (token.i in self.names and self.names[token.i].ner == "NORP"):
            return None
        named = self.coref.get(head.i, (self.names[head.i],))[0]
        return self.mention(token, named.label, named.ner, "coref.appos", 0.95 * named.confidence)

    def wielder(self, token: Token) -> Mention | None:
        """ "the gunman fired the bullets that wounded the guard": an instrument someone used stands for them."""
        if token.dep_ not in ("dobj", "obj"):
            return None
        for subject in token.head.children:
            if subject.dep_ == "nsubj":
                found = self.coref.get(subject.i) or ((self.names[subject.i],) if subject.i in self.names else ())
                if found:
                    return found[0]
        return None

    def modifier_actor(self, token: Token) -> Mention | None:
        """The named actor modifying a noun: "a Somali drone", "Kenyan jets", "Uganda's forces"."""
        for child in token.children:
            if child.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod") and child.i in self.names:
                return self.names[child.i]
        return None

    def group_mention(self, token: Token) -> Mention | None:
        """Instruments stand for their actor ("a Somali drone" -> Somalia); group nouns with a named modifier
        are groups of their own ("Kenyan forces", "UN-led forces")."""
        if token.pos_ not in ("NOUN", "PROPN") or token.i in self.names:
            return None
        lemma = token.lemma_.lower()
        cues = self.cues
        if lemma in cues.instrument_nouns and lemma not in cues.group_nouns:
            actor = self.modifier_actor(token) or self.wielder(token)
            if actor is not None:
                return Mention(
                    actor.document,
                    actor.start,
                    actor.end,
                    actor.text,
                    actor.label,
                    actor.ner,
                    "metonym.instrument",
                    0.85,
                )
        if lemma in cues.group_nouns or lemma in cues.government_nouns:
            modifiers = [c for c in token.lefts if c.dep_ in ("amod", "compound", "npadvmod", "nmod")]
            named = [m for m in modifiers if any(t.i in self.names for t in m.subtree)]
            if not named:
                return None
            start = min(m.left_edge.i for m in named)
            if lemma in cues.government_nouns and len(named) == 1 and named[0].i in self.names:
                # "the Kenyan government": the state itself, recorded as a metonym
                actor = self.names[named[0].i]
                return self.span_mention(start, token.i + 1, actor.label, actor.ner, "metonym.government", 0.9)
            label = clean_label(self.doc[start : token.i + 1].text)
            return self.span_mention(start, token.i + 1, label, "GROUP", "group", 0.8)
        return None

    def arguments(self, token: Token, role: str = "") -> list[Argument]:
        """One Argument per entity the token names (a plural pronoun may name two), or one without a
        mention when it names none; the phrase is the full noun phrase, for Open IE."""
        start, end = expand_noun(token)
        span = self.doc[start:end]
        mentions = self.mentions_for(token)
        if not mentions:
            return [Argument(span.text, span.start_char, span.end_char, None, role)]
        return [Argument(span.text, span.start_char, span.end_char, m, role) for m in mentions]
