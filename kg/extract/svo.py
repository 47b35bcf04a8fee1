"""kg.svo.v1: who did what to whom, from verb clauses.

For every verb: its subjects (through coordination, control, relative and purpose clauses), and each of its
objects: direct and indirect objects, prepositional objects ("met with X", "arrived in Y"), the passive
agent ("was hit by a Somali drone" turned around by the ontology module), the subject of a small clause
("helped Kenya expand"), and the object of a light-verb noun ("hold talks with X", "signed a deal with Y").
A participle modifier with a named agent ("Norway-funded plants", "UN-run clinics") counts as a clause.

>>> from spacy.vocab import Vocab
>>> from spacy.tokens import Doc
>>> from kg.model import Document
>>> from kg.mentions import read_mentions
>>> from kg.ontology import load_ontology
>>> doc = Doc(Vocab(), words=["Russia", "supports", "Assad", "."], heads=[1, 1, 1, 1],
...           deps=["nsubj", "ROOT", "dobj", "punct"], pos=["PROPN", "VERB", "PROPN", "PUNCT"],
...           lemmas=["Russia", "support", "Assad", "."], ents=["B-GPE", "O", "B-PERSON", "O"])
>>> mentions = read_mentions(doc, Document("d", doc.text), load_ontology())
>>> [(e.arg1.text, e.lemma, e.arg2.text) for e in extract_svo(doc[:], mentions)]
[('Russia', 'support', 'Assad')]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from kg.extract.arguments import arguments, extraction
from kg.extract.clauses import Clause, clause_of, place_of
from kg.extract.sense import SCORE, with_sense
from kg.extract.spans import conjuncts, particle
from kg.mentions import DocumentMentions
from kg.model import Argument, Extraction, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["NAME", "extract_svo"]

NAME = "kg.svo.v1"
# Linking verbs: their complement describes the subject ("It was an early model for X"). Open IE reads
# them; the lexicon relates them to nothing, and kg.role.v1 reads the roles they state.
LINKING = frozenset({"be", "become", "remain", "seem", "appear", "stay", "prove"})
_LOCATION_PARTICIPLES = frozenset({"base", "locate", "headquarter", "station", "situate", "bear", "born"})
_QUANTITY = frozenset({"much", "most", "part", "parts", "all", "some", "many", "half", "area", "areas", "swath"})
_CLAUSE_SUBJECT_DEPS = frozenset({"advcl", "xcomp", "conj"})


@dataclass(frozen=True, slots=True)
class Slot:
    """One object of a verb: the head token, the words between verb and object that belong to the
    relation ("with", "talks with"), and whether it is the passive agent."""

    token: Token
    words: tuple[str, ...]  # lemmas added to the relation key
    surface: str  # words added to the surface relation
    agent: bool = False


def _descend(pobj: Token) -> Token:
    """ "most of western Kenya" -> Kenya: a quantity word stands for what it quantifies."""
    if pobj.lemma_.lower() in _QUANTITY:
        for child in pobj.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                inner = next((c for c in child.children if c.dep_ == "pobj"), None)
                if inner is not None:
                    return _descend(inner)
    return pobj


def is_small_clause(clause: Token) -> bool:
    """ "helped Kenya expand", "let them go": an xcomp, or a bare infinitive with its own subject and no
    auxiliary or complementiser (the parser files those as ccomp too)."""
    if clause.dep_ == "xcomp":
        return True
    return (
        clause.dep_ == "ccomp"
        and clause.tag_ == "VB"
        and not any(c.dep_ in ("aux", "mark", "auxpass") for c in clause.children)
    )


def is_lethal(verb: Token, reading: DocumentMentions) -> bool:
    """ "beaten to death", "mortally wounded", "shot dead": the verb's result is a killing."""
    cues = reading.cues
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in cues.lethal_adverbs:
            return True
        if child.dep_ in ("oprd", "acomp", "advmod", "prt") and child.lower_ in cues.lethal_results:
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "to"
            and any(p.dep_ == "pobj" and p.lower_ in cues.lethal_results for p in child.children)
        ):
            return True
    return False


def _prep_objects(head: Token) -> Iterator[tuple[Token, Token]]:
    """(preposition, object) pairs under a token, coordinated objects included."""
    for prep in head.children:
        if prep.dep_ not in ("prep", "agent", "dative") or prep.pos_ not in ("ADP", "PART", "SCONJ"):
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                for obj in conjuncts(pobj):
                    yield prep, _descend(obj)


def _relative_antecedent(verb: Token, pronoun: Token) -> Token:
    """The noun a relative clause is about. "which" never means a person and "who" always does, so when
    the parser hung the clause on the wrong noun ("Ana Silva in Brazil, which has pledged ...") the nearest
    fitting noun before the pronoun is taken instead."""
    head = verb.head
    wants_person = pronoun.lower_ in ("who", "whom", "whose")
    if pronoun.lower_ in ("who", "whom", "whose", "which") and (head.ent_type_ in ("PERSON", "PER")) != wants_person:
        for token in reversed(verb.doc[head.i + 1 : pronoun.i]):
            if token.pos_ in ("NOUN", "PROPN") and (token.ent_type_ in ("PERSON", "PER")) == wants_person:
                return token
    return head


def _reduced_relative(verb: Token) -> Token | None:
    """The noun a participle set off by a comma describes: "Tom Reed, convicted of robbing
    Ivo Marsh" (the parser often hangs the participle on the main verb instead)."""
    if (
        verb.tag_ not in ("VBN", "VBG")
        or verb.dep_ not in ("advcl", "acl")
        or any(c.dep_ in ("aux", "auxpass", "mark", "nsubj", "nsubjpass") for c in verb.children)
    ):
        return None
    start = verb.left_edge.i
    doc = verb.doc
    if start < 2 or doc[start - 1].text != ",":
        return None
    before = doc[start - 2]
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and before.dep_ in ("pobj", "dobj"):
        return None  # "played in Oslo, bringing out X", "sued Tarvik, claiming X": the clause's own subject acts
    return before if before.pos_ == "PROPN" and before.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") else None


# Verbs whose object, not subject, does what their infinitive says: "urged Norway to act", "asked her to stay".
_OBJECT_CONTROL = frozenset(
    {
        "ask", "urge", "tell", "order", "force", "persuade", "convince", "get", "want", "allow", "encourage",
        "invite", "press", "pressure", "push", "require", "compel", "oblige", "beg", "lead", "prompt", "help",
        "enable", "permit", "instruct", "direct", "advise", "warn", "remind", "expect", "need",
    }
)  # fmt: skip


def _object_controller(verb: Token) -> Token | None:
    """The object of an object-control verb is the subject of its infinitive: "urged Norway to sanction X"."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in _OBJECT_CONTROL:
        return None
    return next((c for c in verb.head.children if c.dep_ in ("dobj", "obj") and c.i < verb.i), None)


def _bare_demonym(token: Token, argument: Argument, reading: DocumentMentions) -> bool:
    """A nationality adjective standing as an argument (its noun elided or coordinated away), or one person
    named by nationality ("relayed to the Ukrainian"): neither is the country."""
    mention = argument.mention
    if mention is not None and mention.ner == "NORP" and token.pos_ == "ADJ" and mention.rule == "ner":
        return True
    known = reading.ontology.gazetteer.lookup(token.text)
    one = any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in token.children) and token.tag_ != "NNPS"
    return one and known is not None and known.rule == "demonym" and not token.text.endswith("s")


def _noun_infinitive(verb: Token) -> bool:
    """ "a plan to close X", "the board's vote to fire X": an infinitive completing a noun."""
    return (
        verb.dep_ in ("acl", "relcl")
        and verb.head.pos_ == "NOUN"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _noun_controller(noun: Token) -> list[Token]:
    """Who does what a noun's infinitive says: the noun's possessor ("the board's vote to fire"), or
    the subject of the verb the noun is the object of ("signed a contract to coach"); a plan, deal or decision
    does nothing itself."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return [owner]
    # "the selection of Acme to build the lander": the one selected does what follows
    chosen = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for") for p in c.children]
    if any(p.dep_ == "pobj" and p.pos_ == "PROPN" for p in chosen):
        return [p for p in chosen if p.dep_ == "pobj"]
    if noun.dep_ in ("dobj", "obj") and noun.head.pos_ in ("VERB", "AUX"):
        return verb_subjects(noun.head)
    return []


def verb_subjects(verb: Token) -> list[Token]:
    """Subjects, looking through relative clauses ("Uganda, which has pledged"), coordination ("arrived and
    met"), control ("is expected to sign"), purpose and participle clauses ("sent engineers to repair") and
    gerunds ("played a role in building")."""
    # complex: one branch per clause type that borrows its subject (relative, control, purpose, participle, gerund).
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    found: list[Token] = []
    for subject in own:
        if subject.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            antecedent = _relative_antecedent(verb, subject)
            # "Ann Lee, who founded Acme, and Tom Hale": conjuncts after the clause are not its subject
            return [t for t in conjuncts(antecedent) if t.i < subject.i]
        found.append(subject)
    if not own:
        if _noun_infinitive(verb):
            # with no one named to do it, the noun is the subject as written ("the ship to enter the bay",
            # "the decision to close X": Open IE reads it so; it names no entity, so it makes no fact)
            found.extend(_noun_controller(verb.head) or [verb.head])
        elif verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            found.append(verb.head)
        elif verb.dep_ == "pcomp":
            governor = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if governor is not None:
                found.extend(verb_subjects(governor))
        elif (reduced := _reduced_relative(verb)) is not None:
            found.append(reduced)
        elif (controller := _object_controller(verb)) is not None:
            found.append(controller)
        elif verb.dep_ in _CLAUSE_SUBJECT_DEPS and verb.head.i != verb.i:
            governor = verb.head
            while governor.dep_ in ("acomp", "xcomp", "advcl") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in governor.children
            ):
                if governor.head.i == governor.i:
                    break
                governor = governor.head
            if governor.pos_ in ("VERB", "AUX", "ADJ"):
                found.extend(verb_subjects(governor))
    # "Berg, Acme's chairman, said": a possessor the parser coordinated with the subject owns a noun it lost
    return [s for subject in found for s in conjuncts(subject) if s.i == subject.i or not _possessor(s)]


def _possessor(token: Token) -> bool:
    return any(c.dep_ == "case" and c.lower_ in ("'s", "’s", "'") for c in token.children)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "advcl") and not any(c.dep_ == "aux" for c in verb.children)
    )


def _behalf(prep: Token, pobj: Token) -> tuple[Token, tuple[str, ...], str] | None:
    """ "on X's behalf" / "on behalf of X": X is the object, the relation is "V on behalf of"."""
    if pobj.lower_ != "behalf":
        return None
    owner = next((c for c in pobj.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((g for c in pobj.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"), None)
    if owner is None:
        return None
    return owner, (prep.lower_, "behalf", "of"), f"{prep.text} behalf of"


def _slots(verb: Token, reading: DocumentMentions) -> Iterator[Slot]:
    # complex: one branch per kind of object a verb takes; they share the prepositions a light verb used.
    light = reading.cues.light_verbs.get(verb.lemma_.lower(), frozenset())
    used: set[int] = set()  # prepositions already read as part of a light-verb relation
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "obj") and c.pos_ != "ADP"]
    objects += _scored_objects(verb, reading)
    if len(objects) > 1 and any(reading.mentions_for(o) for o in objects):
        # Two direct objects is a misparse ("met Mwangi ..., the minister's first visit"): keep the named one.
        objects = [o for o in objects if reading.mentions_for(o)]
    for child in verb.children:
        if child.dep_ in ("attr", "acomp", "oprd") and verb.lemma_.lower() in LINKING:
            yield Slot(child, (), "")
        if is_small_clause(child):
            # "helped Kenya build up": the small clause's subject is the verb's object.
            for sub in child.children:
                if sub.dep_ == "nsubj":
                    yield Slot(sub, (), "")
    for child in objects:
        for obj in conjuncts(child):
            yield Slot(obj, (), "")
            # A light-verb or common-noun object joins the relation when a named entity follows it:
            # "hold talks with Bekele", "sent engineers to Kenya", "delivered a letter to X".
            # (a plural standing for the names it lists, "symbols such as X", is still a common noun here)
            named = obj.i in reading.names or any(m.rule != "metonym.example" for m in reading.mentions_for(obj))
            if obj.pos_ == "NOUN" and (obj.lemma_.lower() in light or not named):
                preps = list(_prep_objects(obj)) + [
                    p for p in _prep_objects(verb) if p[0].dep_ != "agent" and p[0].i > obj.i
                ]
                if obj.lemma_.lower() in light:
                    preps += _against_inside(preps, reading)
                for prep, pobj in preps:
                    if pobj.ent_type_ in ("DATE", "TIME"):
                        continue
                    used.add(prep.i)
                    yield Slot(pobj, (obj.lemma_.lower(), prep.lower_), f"{obj.text} {prep.text}")
    for prep, pobj in _prep_objects(verb):
        if prep.i in used:
            continue
        behalf = _behalf(prep, pobj)
        if behalf is not None:
            yield Slot(behalf[0], behalf[1], behalf[2])
            # "behalf" takes no complement but "of": a phrase after it belongs to the verb
            # ("lobbied on the union's behalf at the ministry").
            for inner, inner_obj in _prep_objects(pobj):
                if inner.lower_ != "of" and inner_obj.ent_type_ not in ("DATE", "TIME"):
                    yield Slot(inner_obj, (inner.lower_,), inner.text)
        elif prep.dep_ == "agent":
            yield Slot(pobj, (), "by", agent=True)
        elif pobj.ent_type_ not in ("DATE", "TIME"):
            carried = _carried(verb, prep, objects, reading)
            if carried is not None:
                yield Slot(pobj, (carried.lemma_.lower(), prep.lower_), f"{carried.text} {prep.text}")
            else:
                yield Slot(pobj, (prep.lower_,), prep.text)


def _against_inside(preps: list[tuple[Token, Token]], reading: DocumentMentions) -> list[tuple[Token, Token]]:
    """ "dropped an investigation into claims against X", "dropped the case over complaints against X": whom the
    matter a light verb's noun is about is against, is the verb's target too (one level down, "against" only)."""
    return [
        (inner, target)
        for _, pobj in preps
        if pobj.pos_ == "NOUN" and not reading.mentions_for(pobj)
        for inner, target in _prep_objects(pobj)
        if inner.lower_ == "against"
    ]


def _scored_objects(verb: Token, reading: DocumentMentions) -> list[Token]:
    """ "Norway beat Sweden 2-1": the parser reads the score as a measure and the beaten side as an adverbial
    of it; a name right after the verb of a clause with a score is the verb's object."""
    after = [c for c in verb.children if c.dep_ == "npadvmod" and c.i == verb.i + 1 and c.pos_ == "PROPN"]
    if not after or not SCORE.search(verb.sent.text) or any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return []
    return [c for c in after if reading.mentions_for(c)]


def _carried(verb: Token, prep: Token, objects: list[Token], reading: DocumentMentions) -> Token | None:
    """ "returned the island to Norway", "flew the wounded to Oslo": a verb of going with an object is one
    of taking; its "to" phrase says where the object went, not where the subject travelled (the object joins
    the relation words, as a common noun's does)."""
    if not objects:
        return None
    entry = reading.ontology.lexicon.lookup("verb", f"{verb.lemma_.lower()} {prep.lower_}")
    return objects[0] if entry is not None and entry.relation == "kg:visits" else None


def _reciprocal_lemma(verb: Token, reading: DocumentMentions) -> str | None:
    """ "Norway and Denmark worked together", "they have been competing": a verb whose "V with" is a symmetric
    relation, said of several subjects, relates each pair of them."""
    lemma = " ".join(w for w in (verb.lemma_.lower(), particle(verb)) if w) + " with"
    entry = reading.ontology.lexicon.lookup("verb", lemma)
    if entry is None or not reading.ontology.vocabulary.relation(entry.relation).symmetric:
        return None
    return lemma


def _participle_agent(verb: Token, reading: DocumentMentions) -> Token | None:
    """The named agent of a participle modifier: "Norway-funded plants", "UN-run clinics"."""
    if verb.dep_ != "amod" or verb.tag_ not in ("VBN", "VBD") or verb.lemma_.lower() in _LOCATION_PARTICIPLES:
        return None  # "Detroit-based" says where, not who (kg.role.v1 reads it)
    return next(
        (c for c in verb.children if c.dep_ in ("npadvmod", "compound", "nmod") and c.i in reading.names),
        None,
    )


def _adjuncts(verb: Token, slot: Slot) -> tuple[Argument, ...]:
    """The clause's other prepositional and time phrases, as further Open IE arguments ("at Port Elm",
    "two weeks later"), in sentence order."""
    doc = verb.doc
    found = []
    used = {t.i for t in slot.token.ancestors} | {slot.token.i}
    for child in verb.children:
        if child.i in used:
            continue
        time_phrase = child.dep_ in ("npadvmod", "tmod") and child.ent_type_ in ("DATE", "TIME")
        if (child.dep_ == "prep" and child.i != slot.token.head.i and child.dep_ != "agent") or time_phrase:
            span = doc[child.left_edge.i : child.right_edge.i + 1]
            found.append(
                Argument(span.text, span.start_char, span.end_char, None, child.lower_ if not time_phrase else "time")
            )
    return tuple(sorted(found, key=lambda a: a.start))


def _idiom(verb: Token, reading: DocumentMentions) -> str | None:
    """The verb an idiom means: "dragged the minister to court" sues her (cues' [idioms]). Read along the
    words after the verb (within its clause), as the parser often takes "to court" for an infinitive."""
    lemma = verb.lemma_.lower()
    phrases = {
        key.split(" ", 1)[1]: meaning for key, meaning in reading.cues.idioms.items() if key.startswith(lemma + " ")
    }
    if not phrases:
        return None
    words = [t for t in verb.subtree if t.i > verb.i and t.pos_ != "DET"]
    for first, second in pairwise(words):
        meaning = phrases.get(f"{first.lower_} {second.lemma_.lower()}")
        if meaning is not None:
            return meaning
    return None


def _base_lemma(verb: Token, reading: DocumentMentions) -> str:
    """The relation key of a verb before its object's words: a lethal result is a killing, an idiom its
    meaning, else the verb with its particle."""
    if is_lethal(verb, reading):
        return "kill"
    if any(c.dep_ == "prep" and c.lower_ in ("past", "over") for c in verb.children) and verb.lemma_.lower() in (
        "lead",
        "carry",
        "power",
        "propel",
        "lift",
        "push",
    ):
        return f"{verb.lemma_.lower()} past"  # "scored twice to lead Tarvik past Bremen": a result, not leadership
    return _idiom(verb, reading) or " ".join(w for w in (verb.lemma_.lower(), particle(verb)) if w)


def _title_word(verb: Token, reading: DocumentMentions) -> bool:
    """ "threw to running back Ana Lind": a "verb" that opens a two-word title of the lexicon right before a
    name is the title the tagger misread ("running back", "pass rusher"), no clause of its own."""
    if verb.i + 2 >= len(verb.doc):
        return False
    name = verb.doc[verb.i + 2]
    if name.i not in reading.names and not (name.pos_ == "PROPN" and name.text[:1].isupper()):
        return False
    phrase = f"{verb.lower_} {verb.doc[verb.i + 1].lower_}"
    return phrase in reading.ontology.lexicon.words("role")


def _dateline(token: Token) -> bool:
    """ "Indianapolis – Teachers marched...": a place opening the sentence before a dash is the dateline the
    parser took for a subject (ingest cuts the capitalised ones; this is what is left)."""
    doc = token.doc
    return (
        token.i == token.sent.start
        and token.ent_type_ in ("GPE", "LOC")
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text in ("–", "—", "-", "--")
    )


def _passive_lemma(lemma: str, verb: Token, reading: DocumentMentions) -> str:
    """ "X was shot down over Hanoi", "Y was elected to the Senate": with no agent the subject is what the verb
    happened to, so a relation the lexicon does not read itself keeps the passive ("be shot down over"); read
    as "shoot down over" it would say X did the shooting."""
    if reading.ontology.lexicon.lookup("verb", lemma) is not None:
        return lemma
    words = lemma.split()
    return " ".join(["be", verb.text.lower(), *words[1:]])


def _relation_surface(verb: Token, slot: Slot) -> str:
    words = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg")]
    words.append(verb)
    words.extend(c for c in verb.rights if c.dep_ in ("prt", "neg"))
    text = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
    return f"{text} {slot.surface}".strip()


def _confidence(verb: Token, arg1: Argument, arg2: Argument, sentence_length: int) -> float:
    """Higher when both sides are names, the arguments sit close to the verb and the sentence is short;
    lower for every coreference step the rules were unsure of."""
    score = 0.9
    for arg in (arg1, arg2):
        if arg.mention is None:
            score -= 0.25
        else:
            score *= arg.mention.confidence
            if arg.mention.rule == "group":
                score -= 0.05
    distance = max(abs(verb.idx - arg1.start), abs(verb.idx - arg2.start))
    score -= min(0.2, distance / 600)
    score -= min(0.15, max(0, sentence_length - 25) / 200)
    return max(0.05, min(0.99, score))


def _each_pair(
    verb: Token,
    subjects: list[Token],
    lemma: str,
    reading: DocumentMentions,
    sentence: Sentence,
    clause: Clause,
) -> Iterator[Extraction]:
    named = [a for s in subjects for a in arguments(reading, s) if a.mention is not None]
    rel = _relation_surface(verb, Slot(verb, ("with",), "with"))
    for i, first in enumerate(named):
        for second in named[i + 1 :]:
            assert first.mention is not None and second.mention is not None
            if first.mention.label == second.mention.label:
                continue
            confidence = 0.8 * first.mention.confidence * second.mention.confidence
            yield extraction(sentence, first, rel, second, lemma, NAME, confidence, clause)


def extract_svo(sent: Span, reading: DocumentMentions) -> Iterator[Extraction]:
    # complex: the verb loop: subjects, slots, clause status, then every argument pair.
    sentence = reading.sentence(sent)
    length = len(sent)
    for verb in reading.tokens(sent):
        if verb.text[:1].isupper() and verb.i != sent.start and verb.pos_ == "VERB" and not verb.is_sent_start:
            continue  # a capitalised "verb" inside a sentence is a name the tagger misread ("Lakers great")
        if _title_word(verb, reading):
            continue
        agent_token = _participle_agent(verb, reading)
        linking = verb.lemma_.lower() in LINKING and any(c.dep_ in ("attr", "acomp", "oprd") for c in verb.children)
        if verb.pos_ != "VERB" and agent_token is None and not linking:
            continue
        if agent_token is not None:
            subjects, slots, passive = [verb.head], [Slot(agent_token, (), "by", agent=True)], True
        else:
            subjects, slots, passive = verb_subjects(verb), list(_slots(verb, reading)), _is_passive(verb)
        if not subjects:
            continue
        clause = clause_of(verb, reading)
        base_lemma = _base_lemma(verb, reading)
        pairs = [(subject, slot, " ".join((base_lemma, *slot.words))) for slot in slots for subject in subjects]
        reciprocal = _reciprocal_lemma(verb, reading)
        if reciprocal and not any(slot.words == ("with",) for slot in slots):
            yield from _each_pair(verb, subjects, reciprocal, reading, sentence, replace(clause, place=None))
        for subject, slot, lemma in pairs:
            if subject.i == slot.token.i or _dateline(subject):
                continue
            place = place_of(verb, reading, {slot.token.i})
            rel = _relation_surface(verb, slot)
            extra = _adjuncts(verb, slot)
            for arg1 in arguments(reading, subject):
                for arg2 in arguments(reading, slot.token):
                    if arg1.mention and arg2.mention and arg1.mention.label == arg2.mention.label:
                        continue  # "Mwangi ... he": a clause does not relate a thing to itself
                    if _bare_demonym(subject, arg1, reading) or _bare_demonym(slot.token, arg2, reading):
                        continue  # "American and Dutch tourists were stranded": people, not the states
                    lemma = with_sense(lemma, verb, arg1.mention, arg2.mention, reading)
                    if passive and not slot.agent:
                        lemma = _passive_lemma(lemma, verb, reading)
                    said_by = clause.attributed_to
                    speaker = said_by if not (arg1.mention and said_by == arg1.mention.label) else None
                    confidence = _confidence(verb, arg1, arg2, length)
                    status = replace(clause, attributed_to=speaker, place=place)
                    if len(slot.words) > 1 and verb.lemma_.lower() in reading.cues.intent_verbs:
                        # "plans a merger with X", "seeks talks with Y": the event noun is intended, not done
                        status = replace(status, hedged=True)
                    passive_agent = slot.agent and passive
                    yield extraction(
                        sentence, arg1, rel, arg2, lemma, NAME, confidence, status, passive=passive_agent, extra=extra
                    )
