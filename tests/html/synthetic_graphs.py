"""Hand-made knowledge graphs for the HTML view tests and benchmark: no NLP model needed.

:func:`news_like` builds a graph shaped like one read from news: a few hubs (countries, leaders) with many
facts, a long tail of entities mentioned once or twice, some negated and hedged facts, and documents with
publication dates. :func:`corpus_like` is shaped like a corpus build (kg build over many short articles):
a few large components around hubs, many small ones, almost half the entities in no fact, outlets,
syndicated copies (fewer sources than documents), event dates on part of the evidence and disputed facts.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import date, timedelta

from kg.graph import KnowledgeGraph
from kg.model import Document, Entity, Evidence, Relation, Triple

__all__ = ["corpus_like", "evidence", "news_like"]

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


# -- a corpus build: components of every size, entities without facts, dates, outlets, disputes ----------

OUTLETS = (
    "Nordic Wire",
    "Harbour Times",
    "Valdora Post",
    "The Ledger",
    "Coastal Daily",
    "Metro Bulletin",
    "Evening Courier",
    "Plains Herald",
    "Union Press",
    "River Gazette",
    "Summit News",
    "Island Star",
)
_SYLLABLES = (
    "ka",
    "ro",
    "mi",
    "sel",
    "van",
    "tor",
    "li",
    "den",
    "ash",
    "bor",
    "ne",
    "quist",
    "ul",
    "fen",
    "ga",
    "mar",
    "os",
    "ti",
    "bel",
    "run",
    "ek",
    "sa",
    "dov",
    "hal",
    "in",
    "pe",
    "zar",
    "ol",
    "wen",
    "chi",
)
_SUFFIX = {
    "Organization": " Group",
    "Government": " Ministry",
    "Facility": " Plant",
    "Event": " Summit",
    "Force": " Brigade",
    "Group": " Movement",
    "Location": " Valley",
    "City": "",
    "Country": "ia",
}


def _name(rng: random.Random, cls: str, taken: set[str]) -> str:
    """A made-up, pronounceable name ("Kasel Torvan", "Denashia", "Borli Group"), unique in the graph.

    Names grow a syllable whenever the shorter ones keep colliding, so any number of them can be made.
    """
    syllables = 2
    while True:
        for _ in range(8):
            first, last = _word(rng, syllables), _word(rng, rng.choice((2, 3)))
            name = f"{first} {last}" if cls == "Person" else first + _SUFFIX.get(cls, " Office")
            if name not in taken:
                taken.add(name)
                return name
        syllables += 1


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables)).capitalize()


def corpus_like(entities: int, seed: int = 3, factless: float = 0.45) -> KnowledgeGraph:
    """A corpus-shaped graph of ``entities`` entities, ``factless`` of them in no fact.

    The rest form three large components (40, 15 and 6 % of them, grown by preferential attachment, so each
    has hubs) and many small ones of 2 to 7 entities. Documents span 2023-01-01 to 2024-12-31 across twelve
    outlets; a tenth of the facts come with syndicated copies (more documents than sources); 40 % of the
    evidence gives an event date, which may lie before its publication; 2 % of the facts have a negated twin
    that disputes them.
    """
    rng = random.Random(seed)
    names = [c for c, _ in CLASSES]
    weights = [w for _, w in CLASSES]
    taken: set[str] = set()
    classes = [rng.choices(names, weights)[0] for _ in range(entities)]
    every = [Entity(f"{cls.lower()}-{i:05d}", _name(rng, cls, taken), cls) for i, cls in enumerate(classes)]
    with_facts = every[: round(entities * (1 - factless))]
    documents = _corpus_documents(rng, max(20, entities // 4))
    pairs: list[tuple[Entity, Entity]] = []
    start = 0
    for share in (0.40, 0.15, 0.06):
        size = max(2, round(len(with_facts) * share))
        pairs += _grown_component(rng, with_facts[start : start + size])
        start += size
    while start < len(with_facts):
        size = min(rng.choice((2, 2, 2, 3, 3, 4, 5, 7)), len(with_facts) - start)
        pairs += _grown_component(rng, with_facts[start : max(start + size, start + 2)]) if size > 1 else []
        start += max(size, 1)
    triples = [_corpus_fact(rng, i, s, o, documents) for i, (s, o) in enumerate(pairs)]
    triples += _disputes(rng, triples)
    return KnowledgeGraph(triples=tuple(triples), entities=tuple(every), documents=documents)


def _corpus_documents(rng: random.Random, n: int) -> tuple[Document, ...]:
    day0 = date(2023, 1, 1)
    return tuple(
        Document(
            id=f"doc-{d:05d}",
            text="",
            title=f"Report {d}",
            published=(day0 + timedelta(days=rng.randrange(730))).isoformat(),
            source=rng.choice(OUTLETS),
        )
        for d in range(n)
    )


def _grown_component(rng: random.Random, members: list[Entity]) -> list[tuple[Entity, Entity]]:
    """Edges joining ``members`` into one component: each newcomer links to a popular earlier one, then extras."""
    if len(members) < 2:
        return []
    degree = [1] * len(members)
    pairs = []
    for i in range(1, len(members)):
        j = rng.choices(range(i), degree[:i])[0]
        degree[i] += 1
        degree[j] += 1
        pairs.append((members[i], members[j]) if rng.random() < 0.5 else (members[j], members[i]))
    for _ in range(len(members) // 3):
        a, b = rng.choices(range(len(members)), degree, k=2)
        if a != b:
            pairs.append((members[a], members[b]))
    return pairs


def _corpus_fact(rng: random.Random, n: int, s: Entity, o: Entity, documents: tuple[Document, ...]) -> Triple:
    relation = rng.choice(RELATIONS)
    negated = rng.random() < 0.05
    hedged = not negated and rng.random() < 0.1
    k = rng.choice((1, 1, 1, 1, 2, 2, 3))
    syndicated = rng.random() < 0.1
    docs = rng.sample(documents, k=k + (rng.choice((2, 3, 4)) if syndicated else 0))
    verb = relation.surface or relation.label
    rows = []
    for d in docs:
        dated: dict[str, object] = {"published": d.published}
        if rng.random() < 0.4 and d.published:
            start = date.fromisoformat(d.published) - timedelta(days=rng.randrange(0, 20))
            dated.update(event_start=start.isoformat(), date_rule="synthetic")
            if rng.random() < 0.3:
                dated["event_end"] = (start + timedelta(days=rng.randrange(1, 7))).isoformat()
        rows.append(evidence(d.id, s.label, verb, o.label, hedged=hedged, **dated))
    return Triple(
        id=f"st-{n:016x}",
        subject=s,
        predicate=relation,
        object=o,
        confidence=round(rng.uniform(0.4, 0.99), 3),
        negated=negated,
        hedged=hedged,
        evidence=tuple(sorted(rows, key=lambda e: e.sort_key())),
        sources=k if syndicated else 0,
    )


def _disputes(rng: random.Random, triples: list[Triple]) -> list[Triple]:
    """Negated twins for 2 % of the asserted facts, each disputing the other."""
    twins = []
    for i, t in enumerate(triples):
        if t.negated or rng.random() >= 0.02:
            continue
        twin_id = f"st-{len(triples) + len(twins):016x}"
        twin = dataclasses.replace(t, id=twin_id, negated=True, disputed_by=(t.id,), sources=0, evidence=t.evidence[:1])
        triples[i] = dataclasses.replace(t, disputed_by=(twin_id,))
        twins.append(twin)
    return twins


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
        source="<img src=x onerror=\"window.__pwned='outlet'\">Wire",
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
