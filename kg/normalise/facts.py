"""Facts: one extraction at a time into a draft fact (keyed by its content-addressed id), then every
draft into a :class:`~kg.model.Triple` with all its evidence."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from kg.dates import resolve
from kg.ids import statement_id
from kg.model import Entity, Evidence, Extraction, Mention, Relation, Triple
from kg.normalise.relations import LOCATIVE, RELATED, Resolver, as_actor, relation_for
from kg.ontology import Ontology
from kg.ontology.lexicon import NOTHING

__all__ = ["Draft", "Settings", "add_extraction", "evidence_of", "evidence_order", "finish", "merge_drafts"]


@dataclass(frozen=True, slots=True)
class Settings:
    """How strict normalisation is.

    ``unmapped``: keep a relation the lexicon does not know as ``kg:relatedTo`` (with its surface verb), or
    drop it. ``domain_range``: drop a triple whose classes contradict the relation, or keep it flagged.
    ``min_confidence``: drop triples below this confidence.
    """

    unmapped: Literal["keep", "drop"] = "keep"
    domain_range: Literal["drop", "flag"] = "drop"
    min_confidence: float = 0.0


@dataclass(slots=True)
class Draft:
    """A fact being gathered: its ends (entity keys), relation, polarity, and the evidence so far."""

    subject: str
    relation: Relation
    object: str
    negated: bool
    evidence: list[Evidence]
    hedged: list[bool]
    attributed: list[str | None]
    flags: set[str]


def _future(extraction: Extraction) -> bool:
    """A clause about what will happen ("will meet on Friday") reads its dates forward."""
    return any(word in ("will", "'ll", "shall") for word in extraction.rel.lower().split())


def evidence_of(extraction: Extraction, subject: Mention, obj: Mention, published: date | None = None) -> Evidence:
    """The evidence entry an extraction gives, with both ends as the sentence wrote them, the article's
    publication date and the event date its time phrase gives, resolved against that date (kg.dates)."""
    s = extraction.sentence
    when = resolve(extraction.time, published, "future" if _future(extraction) else "past") if extraction.time else None
    return Evidence(
        document=extraction.document,
        sentence=s.text,
        start=s.start,
        end=s.end,
        subject_text=subject.text,
        subject_start=subject.start,
        subject_end=subject.end,
        object_text=obj.text,
        object_start=obj.start,
        object_end=obj.end,
        extractor=extraction.extractor,
        confidence=extraction.confidence,
        hedged=extraction.hedged,
        attributed_to=extraction.attributed_to,
        time=extraction.time,
        place=extraction.place,
        subject_rule=subject.rule,
        object_rule=obj.rule,
        published=published.isoformat() if published else None,
        event_start=when.start.isoformat() if when else None,
        event_end=when.end.isoformat() if when else None,
        date_rule=when.rule if when else None,
    )


# Words that may follow a verb in a kg:relatedTo relation: particles and prepositions ("take over", "talk to").
_RELATION_WORDS = frozenset(
    [
        "about",
        "above",
        "across",
        "after",
        "against",
        "along",
        "among",
        "around",
        "as",
        "at",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "between",
        "beyond",
        "by",
        "despite",
        "down",
        "during",
        "except",
        "for",
        "from",
        "in",
        "inside",
        "into",
        "like",
        "near",
        "of",
        "off",
        "on",
        "onto",
        "out",
        "outside",
        "over",
        "past",
        "since",
        "through",
        "throughout",
        "to",
        "toward",
        "towards",
        "under",
        "until",
        "up",
        "upon",
        "with",
        "within",
        "without",
        "away",
        "back",
        "forward",
        "apart",
        "aside",
        "together",
    ]
)


def _generic_relation(e: Extraction, ontology: Ontology) -> str | None:
    """Why an unmapped verb makes no kg:relatedTo fact, or None when it does. A generic relation must be a
    verb (with its particle and preposition) a reader can take as what the subject does to the object:
    not a verb through an ordinary noun ("shared a photo of X": the photo is what was shared), not a
    speech verb's setting ("said in the town hall"), not a mis-tagged name."""
    words = e.lemma.split()
    if words[0] == "be" and len(words) > 1:
        words = words[1:]  # a passive kept as such ("be elected to"): the participle is the verb
    light = ontology.cues.light_verbs.get(words[0], frozenset())
    if any(w not in _RELATION_WORDS and not (k == 1 and w in light) for k, w in enumerate(words[1:], 1)):
        return "verb through a noun, not a relation"
    if words[0] in ontology.cues.report_verbs and len(words) > 1:
        return "where or how something was said, not a relation"
    return _generic_argument(e)


def _generic_argument(e: Extraction) -> str | None:
    """Why an argument cannot take part in a kg:relatedTo fact, or None."""
    mentions = [a.mention for a in (e.arg1, e.arg2) if a is not None and a.mention is not None]
    if any(m.rule == "metonym.event-place" for m in mentions):
        # "to calm Uganda unrest" calms the unrest, not Uganda: an event stands for its place only in a relation
        # the lexicon knows ("intervened in Syria's war")
        return "an event, not its place"
    if any(m.ner == "NORP" for m in mentions):
        # "Indians returned home", "American tourists were stranded": people of a nationality doing what
        # people do is not their country acting (the lexicon's relations read nationalities on purpose)
        return "a nationality's people, not its country"
    return None


def _mapped(e: Extraction, ontology: Ontology, settings: Settings) -> tuple[Relation, bool] | str:
    """The extraction's relation and whether the lexicon turns it around, or the reason it makes no fact."""
    mapped = relation_for(e, ontology)
    if mapped == NOTHING:
        return "words that relate nothing (lexicon '-')"
    if mapped is None:
        if settings.unmapped == "drop" or e.kind != "verb":
            return "relation not in the lexicon"
        return _generic_relation(e, ontology) or (Relation(RELATED, "related to", e.lemma), False)
    assert not isinstance(mapped, str)
    return mapped


def add_extraction(
    e: Extraction,
    resolver: Resolver,
    ontology: Ontology,
    settings: Settings,
    drafts: dict[str, Draft],
    published: date | None = None,
) -> str | None:
    """Add one extraction's evidence to its fact's draft; the reason when it makes no fact."""
    # complex: the normalisation steps of the module docstring, in order; each is one or two lines.
    if e.arg2 is None or e.arg1.mention is None or e.arg2.mention is None:
        return "argument names no entity"
    mapped = _mapped(e, ontology, settings)
    if isinstance(mapped, str):
        return mapped
    relation, inverse = mapped
    vocab = ontology.vocabulary
    subject, obj = e.arg1.mention, e.arg2.mention
    if (
        relation.id == RELATED
        and e.lemma.split()[-1] in LOCATIVE
        and vocab.is_a(resolver.type_of(resolver.key_of(obj)), "Place")
    ):
        return "place qualifier, not a relation"
    if e.passive != inverse:
        subject, obj = obj, subject
    info = vocab.relations.get(relation.id)
    domain = info.domain if info else "Actor"  # the subject of an unknown verb still acts
    range_ = info.range if info else None
    s_key = as_actor(resolver, resolver.key_of(subject), domain, subject, vocab, acting=True)
    o_key = as_actor(resolver, resolver.key_of(obj), range_, obj, vocab, acting=False)
    if s_key == o_key:
        return "both ends are the same entity"
    flags: set[str] = set()
    if not vocab.is_a(resolver.type_of(s_key), domain if info else None) or not vocab.is_a(
        resolver.type_of(o_key), range_
    ):
        if settings.domain_range == "drop":
            return "domain or range violated"
        flags.add("domain-range-violation")
    if info and info.symmetric and o_key < s_key:
        s_key, o_key = o_key, s_key
        subject, obj = obj, subject
    sid = statement_id(s_key, relation_key(relation), o_key, e.negated)
    draft = drafts.get(sid)
    if draft is None:
        draft = drafts[sid] = Draft(s_key, relation, o_key, e.negated, [], [], [], set())
    draft.evidence.append(evidence_of(e, subject, obj, published))
    draft.hedged.append(e.hedged)
    draft.attributed.append(e.attributed_to)
    draft.flags |= flags
    return None


def _noisy_or(values: Iterable[float]) -> float:
    remaining = 1.0
    for value in values:
        remaining *= 1.0 - value
    return 1.0 - remaining


def relation_key(relation: Relation) -> str:
    """What makes two relations the same in a statement id (the verb, for the generic kg:relatedTo)."""
    return relation.id + (f"#{relation.surface}" if relation.surface else "")


def twin_of(draft: Draft) -> str:
    """The id of the statement that says the opposite: the same fact, asserted where this is denied."""
    return statement_id(draft.subject, relation_key(draft.relation), draft.object, not draft.negated)


def evidence_order(e: Evidence) -> tuple[object, ...]:
    """A total order of evidence: by document, sentence, subject and extractor, then every other field (so that
    two pieces of evidence that tie on the first come out in the same order on every run)."""
    return (
        *e.sort_key(),
        *(e.end, e.subject_end, e.object_start, e.object_end, e.subject_text, e.object_text, e.confidence),
        *(e.hedged, e.subject_rule, e.object_rule, e.sentence),
        *(v or "" for v in (e.attributed_to, e.time, e.place, e.published, e.event_start, e.event_end, e.date_rule)),
    )


def merge_drafts(held: Draft, more: Draft) -> Draft:
    """One fact's drafts from two sets of documents, as one (phase d: ``held`` is extended in place)."""
    held.evidence.extend(more.evidence)
    held.hedged.extend(more.hedged)
    held.attributed.extend(more.attributed)
    held.flags |= more.flags
    return held


def finish(
    sid: str, draft: Draft, entities: Mapping[str, Entity], disputed_by: tuple[str, ...] = (), sources: int = 0
) -> Triple:
    """The triple a draft becomes: evidence sorted and de-duplicated, confidence the noisy-or of it;
    ``disputed_by`` names the statement that says the opposite, when some evidence does; ``sources`` counts
    its independent sources (0: not counted)."""
    evidence = sorted(set(draft.evidence), key=evidence_order)
    attributed = set(draft.attributed)
    return Triple(
        id=sid,
        subject=entities[draft.subject],
        predicate=draft.relation,
        object=entities[draft.object],
        confidence=_noisy_or(ev.confidence for ev in evidence),
        negated=draft.negated,
        hedged=all(draft.hedged),
        attributed_to=next(iter(attributed)) if len(attributed) == 1 else None,
        time=tuple(sorted({ev.time for ev in evidence if ev.time})),
        place=tuple(sorted({ev.place for ev in evidence if ev.place})),
        evidence=tuple(evidence),
        flags=tuple(sorted(draft.flags)),
        disputed_by=disputed_by,
        sources=sources,
    )
