"""A small hand-made graph (no NLP model): two documents, four entities, three triples, one of them negated."""

from __future__ import annotations

from kg.graph import KnowledgeGraph
from kg.model import Document, Entity, Evidence, Mention, Relation, Triple

# The keys of a triples.jsonl row, as the README's contract lists them ("flags" only when there are some).
CONTRACT_KEYS = frozenset(
    {
        "id",
        "subject",
        "predicate",
        "object",
        "confidence",
        "negated",
        "hedged",
        "attributed_to",
        "time",
        "place",
        "evidence",
    }
)
# What a build adds to every row: its documents and its independent sources (near-duplicates counted once).
COUNT_KEYS = frozenset({"document_count", "sources"})

S1 = "Petra Lindqvist met Tomas Reyes in Lisbon on Monday."
S2 = "Lindqvist leads the Harbour Union."
S3 = "Tomas Reyes did not meet Petra Lindqvist on Friday, his office said."

D1 = Document(
    id="courier-1",
    text=f"{S1} {S2}",
    title="Union Leader Meets Prime Minister",
    url="https://courier.example/1",
    published="2024-03-11",
    source="The Valdora Courier",
    author="Marta Oliveira",
    origin="corpus.jsonl:1",
)
D2 = Document(
    id="doc-2",
    text=S3,
    origin="second.txt",
)


def span(doc: Document, text: str, after: int = 0) -> tuple[int, int]:
    start = doc.text.index(text, after)
    return start, start + len(text)


def evidence(doc: Document, sentence: str, subject: str, obj: str, extractor: str, **kwargs: object) -> Evidence:
    s_start, s_end = span(doc, sentence)
    sub = span(doc, subject, s_start)
    ob = span(doc, obj, s_start)
    return Evidence(
        document=doc.id,
        sentence=sentence,
        start=s_start,
        end=s_end,
        subject_text=subject,
        subject_start=sub[0],
        subject_end=sub[1],
        object_text=obj,
        object_start=ob[0],
        object_end=ob[1],
        extractor=extractor,
        **kwargs,  # type: ignore[arg-type]
    )


PETRA = Entity(
    "person-petra-lindqvist-3cb1c2",
    "Petra Lindqvist",
    "Person",
    aliases=("Lindqvist",),
    mentions=(
        Mention(D1.id, *span(D1, "Petra Lindqvist"), "Petra Lindqvist", "Petra Lindqvist", ner="PERSON"),
        Mention(D1.id, *span(D1, "Lindqvist", D1.text.index(S2)), "Lindqvist", "Petra Lindqvist", rule="coref.surname"),
    ),
    merged_by=("exact", "surname"),
)
TOMAS = Entity(
    "person-tomas-reyes-52c18c",
    "Tomas Reyes",
    "Person",
    mentions=(Mention(D1.id, *span(D1, "Tomas Reyes"), "Tomas Reyes", "Tomas Reyes", ner="PERSON"),),
    merged_by=("exact",),
)
UNION = Entity("organization-harbour-union-1ee97f", "Harbour Union", "Organization", note="a dock workers' union")
LISBON = Entity("city-pt-b92c04", "Lisbon", "City")

MEETS = Relation("kg:meets", "meets")
LEADS = Relation("kg:leads", "leads")

MEETING = Triple(
    "st-00000000000000a1",
    PETRA,
    MEETS,
    TOMAS,
    0.85,
    time=("on Monday",),
    place=("Lisbon",),
    evidence=(evidence(D1, S1, "Petra Lindqvist", "Tomas Reyes", "kg.svo.v1", confidence=0.85, time="on Monday"),),
)
LEADING = Triple(
    "st-00000000000000b2",
    PETRA,
    LEADS,
    UNION,
    0.9,
    evidence=(
        evidence(D1, S2, "Lindqvist", "Harbour Union", "kg.svo.v1", confidence=0.9, subject_rule="coref.surname"),
    ),
    flags=("range-violation",),
)
NOT_MEETING = Triple(
    "st-00000000000000c3",
    TOMAS,
    Relation("kg:relatedTo", "related to", surface="meet"),
    PETRA,
    0.6,
    negated=True,
    hedged=True,
    attributed_to="his office",
    time=("on Friday",),
    evidence=(
        evidence(
            D2,
            S3,
            "Tomas Reyes",
            "Petra Lindqvist",
            "kg.svo.v1",
            confidence=0.6,
            hedged=True,
            attributed_to="his office",
        ),
        evidence(D2, S3, "Tomas Reyes", "Petra Lindqvist", "kg.nominal.v1", confidence=0.5),
    ),
)


def small_graph() -> KnowledgeGraph:
    return KnowledgeGraph(
        triples=(MEETING, LEADING, NOT_MEETING),
        entities=(PETRA, TOMAS, UNION, LISBON),
        documents=(D1, D2),
    )
