"""Hand-made knowledge graphs for the HTML view tests and benchmark: no NLP model needed.

:func:`news_like` builds a graph shaped like one read from news: a few hubs (countries, leaders) with many
facts, a long tail of entities mentioned once or twice, some negated and hedged facts, and documents with
publication dates.
"""

from __future__ import annotations

import random

from kg.graph import KnowledgeGraph
from kg.model import Document, Entity, Evidence, Relation, Triple

__all__ = ["evidence", "news_like"]

CLASSES = (
    ("Person", 40),
    ("Organization", 18),
    ("Country", 8),
    ("City", 8),
    ("Location", 6),
    ("Group", 6),
    ("Government", 4),
    ("Facility", 4),
    ("Event", 4),
    ("Force", 2),
)
RELATIONS = (
    Relation("kg:meets", "meets"),
    Relation("kg:supports", "supports"),
    Relation("kg:criticises", "criticises"),
    Relation("kg:visits", "visits"),
    Relation("kg:worksFor", "works for"),
    Relation("kg:leads", "leads"),
    Relation("kg:accuses", "accuses"),
    Relation("kg:relatedTo", "related to", "signs deal with"),
)


def evidence(document: str, subject: str, verb: str, obj: str, **extra: object) -> Evidence:
    """One evidence sentence "<subject> <verb> <obj>." with correct spans (document offsets from 0)."""
    sentence = f"{subject} {verb} {obj}."
    o_start = len(subject) + len(verb) + 2
    fields: dict[str, object] = {"extractor": "kg.svo.v1", "confidence": 0.8, **extra}
    return Evidence(
        document=document,
        sentence=sentence,
        start=0,
        end=len(sentence),
        subject_text=subject,
        subject_start=0,
        subject_end=len(subject),
        object_text=obj,
        object_start=o_start,
        object_end=o_start + len(obj),
        **fields,  # type: ignore[arg-type]
    )


def news_like(nodes: int, facts_per_node: float = 2.0, seed: int = 1) -> KnowledgeGraph:
    """A connected-ish graph of ``nodes`` entities and about ``nodes * facts_per_node`` facts."""
    rng = random.Random(seed)
    names = [c for c, _ in CLASSES]
    weights = [w for _, w in CLASSES]
    entities = [
        Entity(f"e{i:05d}", f"Entity {i}", rng.choices(names, weights)[0], aliases=(f"E{i}",) if i % 7 == 0 else ())
        for i in range(nodes)
    ]
    # Heavy-tailed popularity: a few hubs, a long tail.
    popularity = [1.0 / (i + 1) ** 0.8 for i in range(nodes)]
    documents = tuple(
        Document(id=f"doc-{d:04d}", text="", title=f"Article {d}", published=f"2024-{1 + d % 12:02d}-{1 + d % 28:02d}")
        for d in range(max(1, nodes // 10))
    )
    triples: list[Triple] = []
    # Every entity takes part in at least one fact, so nobody floats alone.
    for i in range(1, nodes):
        j = (
            rng.choices(range(i), popularity[:i])[0]
            if i < 200
            else rng.randrange(0, i)
            if rng.random() < 0.3
            else (rng.choices(range(200), popularity[:200])[0])
        )
        triples.append(_fact(rng, len(triples), entities[i], entities[j], documents))
    extra = int(nodes * facts_per_node) - len(triples)
    for _ in range(max(0, extra)):
        a, b = rng.choices(range(nodes), popularity, k=2)
        if a != b:
            triples.append(_fact(rng, len(triples), entities[a], entities[b], documents))
    return KnowledgeGraph(triples=tuple(triples), entities=tuple(entities), documents=documents)


def _fact(rng: random.Random, n: int, s: Entity, o: Entity, documents: tuple[Document, ...]) -> Triple:
    relation = rng.choice(RELATIONS)
    negated = rng.random() < 0.05
    hedged = not negated and rng.random() < 0.1
    docs = rng.sample(documents, k=min(len(documents), rng.choice((1, 1, 1, 2, 3))))
    verb = relation.surface or relation.label
    return Triple(
        id=f"st-{n:016x}",
        subject=s,
        predicate=relation,
        object=o,
        confidence=round(rng.uniform(0.4, 0.99), 3),
        negated=negated,
        hedged=hedged,
        evidence=tuple(evidence(d.id, s.label, verb, o.label, hedged=hedged) for d in docs),
    )


# -- small graphs with every feature the page shows ----------------------------------------------------

HALVORSEN = Entity("person-ingrid-halvorsen", "Ingrid Halvorsen", "Person", aliases=("Halvorsen",))
MWANGI = Entity("person-daniel-mwangi", "Daniel Mwangi", "Person", aliases=("Mwangi", "the Kenyan president"))
NORWAY = Entity("country-no", "Norway", "Country", aliases=("Norwegian",))
KENYA = Entity("country-ke", "Kenya", "Country", aliases=("Kenyan",))
TANZANIA = Entity("country-tz", "Tanzania", "Country")
UGANDA = Entity("country-ug", "Uganda", "Country")
RED_CROSS = Entity("organization-red-cross", "Kenyan Red Cross", "Organization")
CAMP = Entity("facility-kakuma", "Kakuma refugee camp", "Facility")
NAIROBI = Entity("city-nairobi", "Nairobi", "City")  # mentioned, in no fact

DOCS = (
    Document(
        "doc-jan", "", title="Norway and Kenya sign water pact", url="https://example.com/pact", published="2024-01-10"
    ),
    Document(
        "doc-mar", "", title="Drought talks continue", published="2024-03-05", source="Nordic Wire", author="Ola Berg"
    ),
    Document("doc-undated", "", title="Undated wire copy"),
)


def small_graph() -> KnowledgeGraph:
    """Eight entities in facts plus one without, seven facts: negated, hedged, attributed, relatedTo, parallel."""
    meets = Relation("kg:meets", "meets")
    rel = (
        (
            "st-meets",
            HALVORSEN,
            meets,
            MWANGI,
            0.9,
            {"time": ("on Monday",), "place": ("Nairobi",)},
            [("doc-jan", "met", {"time": "on Monday", "place": "Nairobi"}), ("doc-mar", "met", {})],
        ),
        ("st-praises", HALVORSEN, Relation("kg:praises", "praises"), MWANGI, 0.75, {}, [("doc-jan", "praised", {})]),
        (
            "st-supports",
            NORWAY,
            Relation("kg:supports", "supports"),
            KENYA,
            0.8,
            {"attributed_to": "officials"},
            [("doc-mar", "supports", {"attributed_to": "officials"})],
        ),
        (
            "st-accuses",
            TANZANIA,
            Relation("kg:accuses", "accuses"),
            UGANDA,
            0.7,
            {"negated": True},
            [("doc-undated", "did not accuse", {})],
        ),
        (
            "st-visits",
            HALVORSEN,
            Relation("kg:visits", "visits"),
            CAMP,
            0.6,
            {"hedged": True},
            [("doc-mar", "may visit", {"hedged": True})],
        ),
        (
            "st-border",
            TANZANIA,
            Relation("kg:relatedTo", "related to", "share basin with"),
            KENYA,
            0.55,
            {},
            [("doc-jan", "shares a basin with", {})],
        ),
        ("st-based", RED_CROSS, Relation("kg:basedIn", "based in"), KENYA, 0.95, {}, [("doc-mar", "works in", {})]),
    )
    triples = []
    for sid, s, p, o, confidence, extra, evidence_rows in rel:
        triples.append(
            Triple(
                id=sid,
                subject=s,
                predicate=p,
                object=o,
                confidence=confidence,
                evidence=tuple(evidence(doc, s.label, verb, o.label, **ev) for doc, verb, ev in evidence_rows),
                **extra,  # type: ignore[arg-type]
            )
        )
    entities = (HALVORSEN, MWANGI, NORWAY, KENYA, TANZANIA, UGANDA, RED_CROSS, CAMP, NAIROBI)
    return KnowledgeGraph(triples=tuple(triples), entities=entities, documents=DOCS)


PWN_LABEL = "<img src=x onerror=\"window.__pwned='label'\">Mallory"
PWN_SENTENCE_VERB = (
    "said <script>window.__pwned='sentence'</script> and <img src=x onerror=\"window.__pwned='img'\"> to"
)


def hostile_graph() -> KnowledgeGraph:
    """Markup everywhere article text can reach the page: labels, aliases, sentence, attribution, title, URL."""
    mallory = Entity("person-mallory", PWN_LABEL, "Person", aliases=("<svg onload=\"window.__pwned='alias'\">",))
    bob = Entity(
        "person-bob",
        "Bob </script><script>window.__pwned='bob'</script>",
        "Person</script><script>window.__pwned='type'</script>",  # a class from a hand-edited entities.jsonl
    )
    doc = Document(
        "doc-<b>evil</b>",
        "",
        title="<iframe src=\"javascript:window.__pwned='title'\"></iframe>Breaking",
        url="javascript:window.__pwned='url'",
        published="2024-05-01",
    )
    triple = Triple(
        id="st-hostile",
        subject=mallory,
        predicate=Relation("kg:relatedTo", "related to", "<b onmouseover=\"window.__pwned='verb'\">tells</b>"),
        object=bob,
        confidence=0.8,
        attributed_to="<img src=x onerror=\"window.__pwned='attr'\">",
        time=("<script>window.__pwned='time'</script>",),
        evidence=(
            evidence(doc.id, mallory.label, PWN_SENTENCE_VERB, bob.label, attributed_to="<i onclick=x>someone</i>"),
        ),
    )
    return KnowledgeGraph(triples=(triple,), entities=(mallory, bob), documents=(doc,))
