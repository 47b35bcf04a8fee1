"""kg.nominal.v1: events told as nouns ("Norwegian support", "Halvorsen's visit to Kenya", "the killing of X by Y").

An event noun is one the lexicon lists with kind ``noun``. Its **agent** is its possessor ("Halvorsen's visit",
"its intervention"), a nationality or name modifying it ("Norwegian and Danish support", "U.S. support"), or
its "by" phrase; its **patient** is its first prepositional object that names something ("visit to Kenya",
"support for Uganda"), or, when the noun is the subject of a verb of helping, that verb's object
("Danish support has helped Kenya").

>>> from spacy.vocab import Vocab
>>> from spacy.tokens import Doc
>>> from kg.model import Document
>>> from kg.mentions import read_mentions
>>> from kg.ontology import load_ontology
>>> doc = Doc(Vocab(), words=["Danish", "support", "helped", "Kenya", "."], heads=[1, 2, 2, 2, 2],
...           deps=["amod", "nsubj", "ROOT", "dobj", "punct"], pos=["ADJ", "NOUN", "VERB", "PROPN", "PUNCT"],
...           lemmas=["danish", "support", "help", "Kenya", "."], ents=["B-NORP", "O", "O", "B-GPE", "O"])
>>> mentions = read_mentions(doc, Document("d", doc.text), load_ontology())
>>> [(e.arg1.text, e.lemma, e.arg2.text) for e in extract_nominal(doc[:], mentions)]
[('Danish', 'support', 'Kenya')]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extract.arguments import arguments, extraction
from kg.extract.clauses import Clause, attribution, is_hedged, is_negated, time_of
from kg.extract.spans import conjuncts
from kg.extract.svo import is_small_clause, verb_subjects
from kg.mentions import DocumentMentions
from kg.model import Argument, Extraction

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["NAME", "extract_nominal"]

NAME = "kg.nominal.v1"


def _accuser(noun: Token, reading: DocumentMentions) -> Token | None:
    """ "(X was) found guilty of the murder of Y", "X, accused of the kidnapping of Y": the verb of
    accusation or finding that governs the event noun, whose subject is the event's agent."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("of", "for", "with", "in"):
        return None
    verb = prep.head
    cues = reading.cues
    return verb if verb.lemma_.lower() in cues.alleged_by | cues.found_by else None


def _agents(noun: Token, reading: DocumentMentions) -> list[Token]:
    # complex: the three ways an event noun names its agent, tried in order.
    found: list[Token] = []
    patient_possessor = noun.lemma_.lower() in reading.cues.patient_possessor
    for child in noun.children:
        if child.dep_ == "poss" and patient_possessor:
            continue  # "Marsh's killing": Marsh was killed
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and child.i in reading.names):
            found.extend(conjuncts(child))
        elif child.dep_ == "prep" and child.lower_ == "by":
            found.extend(t for p in child.children if p.dep_ == "pobj" for t in conjuncts(p))
    accuser = _accuser(noun, reading)
    if not found and accuser is not None:
        found.extend(verb_subjects(accuser))
    if not found and _setting(noun):
        found.extend(verb_subjects(noun.head.head))  # "Berg agreed in talks with Moe": Berg held the talks
    return [t for t in found if reading.mentions_for(t)]


def _setting(noun: Token) -> bool:
    """An event noun that is where its clause's subject did what the verb says ("joked during a chat with X",
    "during a meeting with X, Berg agreed"; "in an attack by X" has its own agent), or how it did it
    ("sealed the title with a win over X")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "during", "with") or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    # "was arrested in a raid on X": a passive's subject underwent the event, it did not do it
    return not any(c.dep_ in ("nsubjpass", "auxpass") for c in prep.head.children)


def _patients(noun: Token, reading: DocumentMentions) -> list[tuple[Token, str]]:
    # complex: the patient of an event noun: possessor, prepositional object or the governing verb's object.
    if noun.lemma_.lower() in reading.cues.patient_possessor:
        owners = [t for c in noun.children if c.dep_ == "poss" for t in conjuncts(c) if reading.mentions_for(t)]
        if owners:
            return [(t, "of") for t in owners]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ != "by":
            objects = [t for p in child.children if p.dep_ == "pobj" for t in conjuncts(p)]
            named = [t for t in objects if reading.mentions_for(t)]
            if named:
                return [(t, child.text) for t in named]
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in reading.cues.benefactive_verbs:
        verb = noun.head
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects += [s for x in verb.children if is_small_clause(x) for s in x.children if s.dep_ == "nsubj"]
        return [(t, verb.text) for obj in objects for t in conjuncts(obj) if reading.mentions_for(t)]
    return []


def _coordinated_parties(noun: Token, reading: DocumentMentions) -> tuple[list[Token], list[tuple[Token, str]]]:
    """ "the merger of Acme and Atlas", "talks between Norway and Kenya": a symmetric event's parties,
    coordinated after "of" or "between", are each other's partners (the first with every other)."""
    # complex: a symmetric event's parties hang off 'of'/'between', with appositions and conjuncts; one walk.
    entry = reading.ontology.lexicon.lookup("noun", noun.lemma_.lower())
    vocab = reading.ontology.vocabulary
    if entry is None or entry.relation not in vocab.relations or not vocab.relation(entry.relation).symmetric:
        return [], []
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "between"):
            heads = [p for p in prep.children if p.dep_ == "pobj"]
            # "the merger of the grocers Acme and Atlas": the parties are named in apposition
            heads += [a for p in heads for a in p.children if a.dep_ == "appos"]
            parties = [t for p in heads for t in conjuncts(p) if p.i in reading.names or t.i in reading.names]
            if len(parties) > 1:
                return parties[:1], [(t, noun.head.text) for t in parties[1:]]
    return [], []


def _presupposed(noun: Token) -> bool:
    """A definite event noun that is its clause's subject: "the merger", "Acme's takeover of Atlas"."""
    definite = any((c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in noun.children)
    return noun.dep_ in ("nsubj", "nsubjpass") and definite


def _clause_verb(noun: Token) -> Token:
    """The verb whose clause the noun phrase sits in (for negation, hedging and attribution)."""
    head = noun
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def _named_event_noun(noun: Token, reading: DocumentMentions) -> bool:
    """An event noun right after the event's name that modifies it ("OpenWorld conference")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in reading.cues.event_name_nouns or noun.i == 0:
        return False
    named = reading.names.get(noun.i - 1)
    return named is not None and named.ner == "EVENT" and noun.doc[noun.i - 1].head.i == noun.i


def _hosted_events(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """ "Oracle's OpenWorld conference": the owner of a named event holds it (its name before the event noun)."""
    sentence = reading.sentence(sent)
    for noun in (t for t in reading.tokens(sent) if _named_event_noun(t, reading)):
        for owner in (c for c in noun.children if c.dep_ == "poss" and c.i in reading.names):
            for arg1 in arguments(reading, owner):
                for arg2 in arguments(reading, noun.doc[noun.i - 1]):
                    if arg1.mention is None or arg2.mention is None or arg1.mention.label == arg2.mention.label:
                        continue
                    confidence = 0.7 * arg1.mention.confidence * arg2.mention.confidence
                    yield extraction(sentence, arg1, f"'s {noun.text}", arg2, "host", NAME, confidence)


# Verbs that say where troops are, not where they go or come from ("remain in", "stationed in"; not "left").
_STAY_VERBS = frozenset({"be", "remain", "stay", "station", "base", "deploy", "serve", "operate"})


def _where_forces_are(noun: Token) -> list[Token]:
    """The "in" places of a force noun: its own ("Norwegian troops in Mali"), its participle's ("soldiers
    stationed in Mali") or its clause's when it is the subject of a verb of staying ("troops are still in Mali")."""
    holders = [noun, *(c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in _STAY_VERBS)]
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in _STAY_VERBS:
        holders.append(noun.head)
    return [
        p
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "in"
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _clause_of(verb: Token, reading: DocumentMentions) -> Clause:
    return Clause(is_negated(verb, reading), is_hedged(verb, reading), attribution(verb, reading), time_of(verb))


def _paired(
    reading: DocumentMentions,
    sent: Span,
    pair: tuple[list[Token], list[Token]],
    rel: str,
    lemma: str,
    clause: Clause,
    weight: float = 0.7,
) -> Iterator[Extraction]:
    """One extraction for each (first, second) token pair whose arguments name two different things."""
    sentence = reading.sentence(sent)
    firsts, seconds = pair
    for arg1 in (a for t in firsts for a in arguments(reading, t)):
        for arg2 in (a for t in seconds for a in arguments(reading, t)):
            if arg1.mention is None or arg2.mention is None or arg1.mention.label == arg2.mention.label:
                continue
            confidence = weight * arg1.mention.confidence * arg2.mention.confidence
            yield extraction(sentence, arg1, rel, arg2, lemma, NAME, confidence, clause)


def _a_state(token: Token, reading: DocumentMentions) -> bool:
    """A country or an alliance the gazetteer knows ("Norwegian", "NATO"): what has forces ("WPP Group's
    Ogilvy unit" is a firm's unit; "the Scottish forces" name no state the gazetteer has)."""
    mention = reading.names.get(token.i)
    known = reading.ontology.gazetteer.lookup(mention.label) if mention is not None else None
    return known is not None and known.type in ("Country", "Organization")


def _forces_abroad(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """ "Norwegian troops in Mali", "some Danish soldiers are still in Mali": a country whose forces are in a
    place has deployed them there (its own soil is no deployment)."""
    for noun in reading.tokens(sent):
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in reading.cues.force_nouns:
            continue
        owners = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod") and _a_state(c, reading)]
        places = [
            p for p in _where_forces_are(noun) if p.i in reading.names and reading.names[p.i].ner in ("GPE", "LOC")
        ]
        if owners and places:
            clause = _clause_of(_clause_verb(noun), reading)
            yield from _paired(reading, sent, (owners, places), f"{noun.text} in", "deploy force in", clause)


def _speakers(noun: Token, reading: DocumentMentions) -> list[Token]:
    """Who gives a speech: its possessor ("Berg's speech at X"), or the subject of the verb the speech is the
    setting of ("warned in a lecture to X", "In a speech at X, Berg warned")."""
    owners = [c for c in noun.children if c.dep_ == "poss" and reading.mentions_for(c)]
    if owners or not _setting(noun):
        return owners
    return [s for s in verb_subjects(noun.head.head) if reading.mentions_for(s)]


def _speeches(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """ "warned in a lecture to the Tarvik Rotary Club", "Berg's lecture at Tarvik University": the speaker speaks
    at the audience or event the speech is "to" or "at"."""
    for noun in reading.tokens(sent):
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in reading.cues.speech_nouns:
            continue
        audiences = [
            p
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in ("to", "at", "before")
            for p in c.children
            if p.dep_ == "pobj" and reading.mentions_for(p)
        ]
        speakers = _speakers(noun, reading) if audiences else []
        if speakers:
            clause = _clause_of(_clause_verb(noun), reading)
            yield from _paired(reading, sent, (speakers, audiences), f"{noun.text} at", "speak at", clause)


def _possessed_objects(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """ "Norway has sought Berg's extradition": a verb and its object noun the lexicon knows with "of" ("seek
    extradition of") relate the verb's subject to the noun's possessor, as "seeking the extradition of Berg"
    does."""
    for noun in reading.tokens(sent):
        verb = noun.head
        if noun.dep_ != "dobj" or noun.pos_ != "NOUN" or verb.pos_ != "VERB":
            continue
        lemma = f"{verb.lemma_.lower()} {noun.lemma_.lower()} of"
        owners = [c for c in noun.children if c.dep_ == "poss" and reading.mentions_for(c)]
        if owners and reading.ontology.lexicon.lookup("verb", lemma) is not None:
            pair = (verb_subjects(verb), owners)
            yield from _paired(
                reading, sent, pair, f"{verb.text} {noun.text} of", lemma, _clause_of(verb, reading), 0.75
            )


def extract_nominal(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    """Facts named by nouns: event nouns with their agent and patient ("Norway's support for Kenya", "the
    merger of A and B"), the owner of a named event ("Oracle's OpenWorld conference"), forces abroad
    ("Norwegian troops in Mali") and speeches ("warned in a lecture to the Tarvik Rotary Club")."""
    yield from _hosted_events(sent, reading)
    yield from _event_nouns(sent, reading)
    yield from _forces_abroad(sent, reading)
    yield from _speeches(sent, reading)
    yield from _possessed_objects(sent, reading)


def _with_preposition(noun: Token, nouns: frozenset[str]) -> bool:
    """Whether the lexicon lists the noun with one of its prepositions ("partnership with", "win over")."""
    lemma = noun.lemma_.lower()
    return any(c.dep_ == "prep" and f"{lemma} {c.lower_}" in nouns for c in noun.children)


def _event_nouns(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    # complex: the clause status of a noun phrase depends on its governing verb; the loop pairs agents and patients.
    nouns = reading.ontology.lexicon.words("noun")
    sentence = reading.sentence(sent)
    for noun in reading.tokens(sent):
        if noun.pos_ != "NOUN" or not (noun.lemma_.lower() in nouns or _with_preposition(noun, nouns)):
            continue
        agents, patients = _agents(noun, reading), _patients(noun, reading)
        if not agents:
            agents, patients = _coordinated_parties(noun, reading)
        if not agents or not patients:
            continue
        verb = _clause_verb(noun)
        # "The merger of A and B will create jobs", "...did not save the firm": an event named as the subject of
        # its clause is taken as given; what the clause says of it (will, did not) is about something else
        governed = verb.i != noun.i and not _presupposed(noun)
        negated = is_negated(verb, reading) if governed else False
        hedged = is_hedged(verb, reading) if governed else False
        # "Acme plans a merger with Atlas", "Kenya seeks talks with Norway": the event is intended, not done
        hedged = hedged or (
            governed and noun.dep_ in ("dobj", "obj") and verb.lemma_.lower() in reading.cues.intent_verbs
        )
        accuser = _accuser(noun, reading)
        hedged = hedged or (accuser is not None and accuser.lemma_.lower() in reading.cues.alleged_by)
        said_by = attribution(verb, reading) if verb.i != noun.i else None
        time = time_of(noun) or (time_of(verb) if verb.i != noun.i else None)
        clause = Clause(negated, hedged, said_by, time)
        event = (Argument(noun.text, noun.idx, noun.idx + len(noun.text), None, "event"),)
        for agent in agents:
            for patient, via in patients:
                for arg1 in arguments(reading, agent):
                    for arg2 in arguments(reading, patient):
                        if arg1.mention is None or arg2.mention is None or arg1.mention.label == arg2.mention.label:
                            continue
                        confidence = 0.75 * arg1.mention.confidence * arg2.mention.confidence
                        rel = f"{noun.text} {via}" if via != noun.head.text else noun.text
                        lemma = noun.lemma_.lower()
                        if lemma not in nouns:  # a row for the noun with this preposition only ("win over")
                            lemma = f"{lemma} {via.lower()}"
                            if lemma not in nouns:
                                continue
                        yield extraction(
                            sentence, arg1, rel, arg2, lemma, NAME, confidence, clause, kind="noun", extra=event
                        )
