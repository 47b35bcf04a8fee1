"""Hand-made graphs for the Cypher tests, and helpers that read Neo4j back through the driver."""

from __future__ import annotations

from typing import Any

from kg.graph import KnowledgeGraph
from kg.model import Document, Entity, Evidence, Mention, Relation, Triple

HOSTILE = [
    "Robert'); DROP TABLE students;--",
    'He said "hi"',
    "back`tick` name",
    "}) DETACH DELETE n //",
    "MATCH (n) DETACH DELETE n",
    "{braces: 1} and $param",
    "line one\nline two\r\nline three",
    "tab\there, comma, [bracket]",
    "percent %25 and unit\x1fseparator and ~tilde",
    "back\\slash \\' \\\" ",
    "",
    " leading and trailing ",
    "NULL",
    "naïve café – Ελληνικά – 中文 – 🙂",
]


def entity(label: str, kind: str = "Country", eid: str | None = None, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(eid or label.lower().replace(" ", "-"), label, kind, aliases)


def evidence(
    doc: str, sentence: str, start: int, subject: Entity, obj: Entity, extractor: str = "kg.svo.v1"
) -> Evidence:
    return Evidence(
        document=doc,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        subject_text=subject.label,
        subject_start=start,
        subject_end=start + 3,
        object_text=obj.label,
        object_start=start + 5,
        object_end=start + 8,
        extractor=extractor,
        confidence=0.8,
    )


def triple(
    tid: str, subject: Entity, rel: str, obj: Entity, *items: Evidence, surface: str | None = None, **extra: Any
) -> Triple:
    label = rel.split(":")[1]
    return Triple(tid, subject, Relation(rel, label, surface), obj, 0.8, evidence=tuple(items), **extra)


NORWAY = entity("Norway", aliases=("Kingdom of Norway",))
MWANGI = entity("Daniel Mwangi", "Person", "daniel-mwangi")
DENMARK = entity("Denmark")
KENYA = entity("Kenya")
HALVORSEN = entity("Ingrid Halvorsen", "Person", "ingrid-halvorsen")


def small_graph(documents: int = 1) -> KnowledgeGraph:
    """A few facts over ``documents`` articles; article k adds evidence to the same facts and a fact of its own."""
    docs = [
        Document(f"doc-{k}", f"text {k}", title=f"Article {k}", url=f"https://example.org/{k}")
        for k in range(documents)
    ]
    triples = {}
    for k, doc in enumerate(docs):
        s1 = f"Norway supports Mwangi, article {k} says."
        s2 = f"Denmark backs Mwangi too ({k})."
        found = [
            ("st-supports-no", NORWAY, "kg:supports", MWANGI, evidence(doc.id, s1, 0, NORWAY, MWANGI)),
            ("st-supports-dk", DENMARK, "kg:supports", MWANGI, evidence(doc.id, s2, 50, DENMARK, MWANGI)),
            (
                "st-president",
                MWANGI,
                "kg:presidentOf",
                KENYA,
                evidence(doc.id, "Mwangi, Kenya's president.", 90, MWANGI, KENYA, "kg.role.v1"),
            ),
            (
                "st-meets",
                HALVORSEN,
                "kg:meets",
                MWANGI,
                evidence(doc.id, "Halvorsen met Mwangi.", 120, HALVORSEN, MWANGI),
            ),
            (
                f"st-related-{k}",
                NORWAY,
                "kg:relatedTo",
                KENYA,
                evidence(doc.id, f"Norway flew over Kenya ({k}).", 200, NORWAY, KENYA),
            ),
        ]
        for tid, s, rel, o, ev in found:
            surface = "fly over" if rel == "kg:relatedTo" else None
            old = triples.get(tid)
            items = (*old.evidence, ev) if old else (ev,)
            triples[tid] = triple(tid, s, rel, o, *items, surface=surface, time=("Monday",))
    return KnowledgeGraph(triples=tuple(triples.values()), documents=tuple(docs))


def hostile_graph() -> KnowledgeGraph:
    """Every string the exporters see, set to text that would break or rewrite an interpolated query."""
    triples = []
    docs = []
    for i, text in enumerate(HOSTILE):
        doc_id = f"doc {i} '\"`}}) DETACH DELETE n // {text}"
        docs.append(Document(doc_id, "x", title=text, url=text, published=text, source=text, author=text))
        a = Entity(
            f"a-{i}-{text}",
            text,
            "Person",
            (text, f"alias {i}"),
            (Mention(doc_id, 0, 1, text, text),),
            ("exact",),
            text,
        )
        b = Entity(f"b-{i}-{text}", f"{text} (object)", "Country")
        ev = evidence(doc_id, text, i, a, b, extractor=text or "x")
        triples.append(
            Triple(
                f"st-{i}-{text}",
                a,
                Relation("kg:relatedTo", "related to", surface=text),
                b,
                0.5,
                attributed_to=text,
                time=(text,),
                place=(text, "x"),
                evidence=(ev,),
                flags=(text,),
            )
        )
        triples.append(triple(f"st-s-{i}", a, "kg:supports", b, ev))
    return KnowledgeGraph(triples=tuple(triples), documents=tuple(docs))


# -- reading Neo4j back ----------------------------------------------------------------------------


def run_cypher(settings: Any, query: str, **params: Any) -> list[dict[str, Any]]:
    """A query straight through the driver, for checking what the exporter wrote."""
    import neo4j

    with neo4j.GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password)) as driver:
        records, _, _ = driver.execute_query(query, params, database_=settings.database)
    return [record.data() for record in records]


def wipe(settings: Any) -> None:
    """Empty the database in batches (auto-commit), so that even a benchmark-sized graph goes."""
    import neo4j

    with (
        neo4j.GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password)) as driver,
        driver.session(database=settings.database) as session,
    ):
        session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
        session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def snapshot(settings: Any) -> dict[str, Any]:
    """Every node and relationship with its labels or type and all its properties, sorted."""
    nodes = run_cypher(settings, "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels = run_cypher(
        settings,
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props",
    )
    key = repr
    return {
        "nodes": sorted(((sorted(n["labels"]), n["props"]) for n in nodes), key=key),
        "relationships": sorted(((r["a"], r["type"], r["b"], r["props"]) for r in rels), key=key),
    }
