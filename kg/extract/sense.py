"""Which sense a verb of conflict has in its clause: a contest, words, or violence (and, for any verb, an
event as its object: ``~event``).

News writes match and election results, verbal attacks and real violence with the same verbs ("beat",
"crushed", "attacked", "hit", "fought"). A violent relation needs a violent sense:

* **competition**: the clause names a contest (a score such as "3-1", or "the final", "the election",
  "the title", "the race" among its phrases), so "Rovers beat Tarvik 3-1" is a result, not an assault; so
  does the sentence, when the verb's own clause has nothing violent ("X scored twice as Rovers beat Tarvik");
* **verbal**: a person or organisation attacking another person or organisation with nothing violent in the
  clause (no weapon, no wound, no body part struck) is criticising them: "the senator attacked the
  governor's plan", "Acme hit back at its critics";
* **standing**: a figure the subject is ahead with ("leads the league with 14 goals", "leads the poll
  with 30 percent") is a standing in a table, not leadership of what it leads;
* otherwise the lexicon's own relation stands.

The sense is written into the lemma (``"beat ~competition"``) when the lexicon has a row for it, so
sense-specific readings are data (``ontology/lexicon.tsv``), not code.

>>> SCORE.search("Rovers beat Tarvik 3-1 on Sunday") is not None, SCORE.search("in 2019-20") is None
(True, True)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.mentions import DocumentMentions
    from kg.model import Mention

__all__ = ["SCORE", "sense_of", "with_sense"]

# A match score: small numbers either side of a dash ("3-1", "0–0"); a season "2019-20" is not one.
SCORE = re.compile(r"(?<![\d-])\d{1,2}\s?[-–]\s?\d{1,2}(?![\d-])")
_ACTORS = frozenset({"PERSON", "PER", "ORG", "NORP"})


def _clause_words(verb: Token) -> list[Token]:
    """The verb's own phrases (not clauses embedded under it)."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "parataxis", "conj"):
            continue
        found.extend(child.subtree)
    return found


def _arguments(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj")]


def sense_of(verb: Token, subject: Mention | None, obj: Mention | None, dm: DocumentMentions) -> str | None:
    """ "standing", "competition", "verbal" or None (the lexicon's relation stands) for one verb and its
    arguments."""
    # complex: the senses are tried in a fixed order on the same clause words.
    if _with_a_figure(verb):
        return "standing"
    words = _clause_words(verb)
    cues = dm.cues
    text = " ".join(t.text for t in words)
    # "soldiers beat protesters after the vote": armed men at either end are no contest
    armed = any(t.lemma_.lower() in cues.force_nouns or t.lemma_.lower() == "police" for t in _arguments(verb))
    if not armed and (SCORE.search(text) or any(t.lemma_.lower() in cues.contest_nouns for t in words)):
        return "competition"
    if not armed and _contest_sentence(verb, dm):
        return "competition"
    if subject is None or obj is None or subject.ner not in _ACTORS or obj.ner not in _ACTORS:
        return None  # a state, an army or a place attacked: the lexicon's violent reading stands
    if any(t.lemma_.lower() in cues.violence_words for t in (*words, *verb.children)):
        return None
    return "verbal"


def _with_a_figure(verb: Token) -> bool:
    """ "with 14 goals", "with 30 percent": a "with" phrase of the verb that is a number of something."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if any(_figure(t) for t in pobj.subtree if t.i <= pobj.i):
                return True  # "with 14 goals", "with a 30 percent share"
    return False


def _figure(token: Token) -> bool:
    return token.like_num or token.text[:1].isdigit() or token.ent_type_ in ("CARDINAL", "PERCENT", "QUANTITY")


def _contest_sentence(verb: Token, dm: DocumentMentions) -> bool:
    """A sentence about a contest ("Ola Berg converted two penalties and Tarvik beat Bremen"): a score or contest
    noun in another of its clauses, and nothing violent in the verb's own."""
    sent = verb.sent
    if not (SCORE.search(sent.text) or any(t.lemma_.lower() in dm.cues.contest_nouns for t in sent)):
        return False
    return not any(t.lemma_.lower() in dm.cues.violence_words for t in (*_clause_words(verb), *verb.children))


def with_sense(lemma: str, verb: Token, subject: Mention | None, obj: Mention | None, dm: DocumentMentions) -> str:
    """The lemma with its sense when the lexicon reads that sense differently (``"attack ~verbal"``; ``"visit
    ~event"``: visiting a conference is attending it, not a trip to a place)."""
    lexicon = dm.ontology.lexicon
    if lexicon.lookup("verb", lemma) is None:
        return lemma
    if obj is not None and obj.ner == "EVENT":
        sense: str | None = "event"
    elif (
        subject is not None
        and obj is not None
        and subject.ner in ("GPE", "LOC")
        and obj.ner in ("ORG", "FAC")
        and obj.rule != "metonym.named"  # "hosts the Techfest summit": a named thing, no firm based there
    ):
        sense = "place"  # "Norway hosts two refineries": a place's verb of having is where the thing is
    else:
        sense = sense_of(verb, subject, obj, dm)
    if sense is None:
        return lemma
    keyed = f"{lemma} ~{sense}"
    return keyed if lexicon.entries.get(("verb", keyed)) is not None else lemma
