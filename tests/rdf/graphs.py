"""Hand-made graphs for the RDF tests (no spaCy needed), and small helpers to read RDF back."""

from __future__ import annotations

from typing import Any

from kg.graph import KnowledgeGraph
from kg.model import Document, Entity, Evidence, Relation, Triple

# Text that has broken serializers: quotes, angle brackets, line breaks, escapes, scripts, emoji, and
# strings shaped like Turtle, N-Triples or JSON-LD that try to close a literal or an IRI and add a triple.
HOSTILE = [
    "He said \"hi\" and 'bye'",
    "<angle> brackets > and <http://evil.example/x>",
    "line one\nline two\r\nline three\ttab",
    "naïve café – Ελληνικά – Кремль – 北京 – العربية – 🙂🇺🇦",
    "hash # and space and percent %25 and %",
    "back\\slash \\' \\\" and \\u0041 and \\n",
    'ends with a quote"',
    "ends with a backslash\\",
    '""" triple quotes """',
    '" . <http://evil.example/s> <http://evil.example/p> "pwned',
    "> <http://evil.example/p> <http://evil.example/o> .\n<x",
    '{"@id": "http://evil.example/", "@context": null}',
    "control \x01 \x7f \x1f chars and \u2028 separator, \x85 next line, \u2029 paragraph",
    "..",
    ".",
    "-leading hyphen",
    "trailing dot.",
    "~tilde:colon/slash?query&amp",
    "http://evil.example/path#frag",
]


def evidence(doc: str, sentence: str, subject: str, obj: str, extractor: str = "kg.svo.v1", **extra: Any) -> Evidence:
    s = max(sentence.find(subject), 0)
    o = max(sentence.find(obj), 0)
    return Evidence(
        doc,
        sentence,
        100,
        100 + len(sentence),
        subject,
        100 + s,
        100 + s + len(subject),
        obj,
        100 + o,
        100 + o + len(obj),
        extractor,
        **extra,
    )


def triple(tid: str, s: Entity, rel: str, o: Entity, conf: float, evs: tuple[Evidence, ...], **extra: Any) -> Triple:
    label = rel.split(":", 1)[1]
    surface = extra.pop("surface", None)
    return Triple(tid, s, Relation(rel, label, surface), o, conf, evidence=evs, **extra)


def research_graph() -> KnowledgeGraph:
    """Three articles from two outlets: supports, an ally, a negated claim, a visit and an unmapped verb."""
    norway = Entity("country-no", "Norway", "Country", ("Norwegian",))
    denmark = Entity("country-dk", "Denmark", "Country", ("Danish",))
    kenya = Entity("country-ke", "Kenya", "Country", ("Kenyan",))
    uganda = Entity("country-ug", "Uganda", "Country")
    halvorsen = Entity("person-halvorsen", "Ingrid Halvorsen", "Person", (), note="Norwegian foreign minister")
    s1 = "Norway supports Kenya with water funding."
    s2 = "Norwegian aid keeps supporting Kenya, NRK reports."
    s3 = "Denmark, Kenya's ally, sent engineers."
    s4 = "Uganda does not support Kenya in the dispute."
    s5 = "Halvorsen visited Kenya on Monday."
    s6 = "Uganda borders Kenya."
    documents = (
        Document("d1", "", "Water pact signed", "https://nation.example/water", "2024-03-04", "Daily Nation"),
        Document("d2", "", "Minister in Nairobi", "https://nrk.example/a?b=1", "2024-03-01T08:00:00Z", "NRK"),
        Document("d3", "", "Border talks", None, "March 2024", "Daily Nation", author="A. Writer"),
    )
    triples = (
        triple(
            "st-supports",
            norway,
            "kg:supports",
            kenya,
            0.9,
            (evidence("d1", s1, "Norway", "Kenya"), evidence("d2", s2, "Norwegian", "Kenya", "kg.nominal.v1")),
        ),
        triple(
            "st-ally", denmark, "kg:alliedWith", kenya, 0.8, (evidence("d1", s3, "Denmark", "Kenya", "kg.role.v1"),)
        ),
        triple("st-neg", uganda, "kg:supports", kenya, 0.7, (evidence("d3", s4, "Uganda", "Kenya"),), negated=True),
        triple(
            "st-visit",
            halvorsen,
            "kg:visits",
            kenya,
            0.675,
            (evidence("d2", s5, "Halvorsen", "Kenya", time="on Monday"),),
            time=("on Monday",),
        ),
        triple(
            "st-borders",
            uganda,
            "kg:relatedTo",
            kenya,
            0.5,
            (evidence("d3", s6, "Uganda", "Kenya", hedged=True),),
            surface="borders",
            hedged=True,
            attributed_to="officials",
            place=("East Africa",),
            flags=("unmapped",),
        ),
    )
    return KnowledgeGraph(triples=triples, documents=documents)


def hostile_graph() -> KnowledgeGraph:
    """One document, entity pair and fact per hostile string, the string in every field that holds text."""
    triples = []
    documents = []
    for i, text in enumerate(HOSTILE):
        documents.append(Document(text, "", title=text, url=text, published=text, source=text, author=text))
        subject = Entity(f"{text}-s", text, "Person", (text, text + " alias"), note=text)
        obj = Entity(f"{text}-o", text + " object", "Country")
        ev = Evidence(
            text, text, i, i + len(text), text, i, i + 1, text, i, i + 1, text, 0.5, True, text, text, text, text, text
        )
        triples.append(
            Triple(
                f"st-{i}",
                subject,
                Relation("kg:relatedTo", "related to", text),
                obj,
                0.5,
                False,
                True,
                text,
                (text,),
                (text,),
                (ev,),
                (text,),
            )
        )
        triples.append(
            Triple(f"st-{i}-neg", subject, Relation("kg:supports", "supports"), obj, 0.25, True, evidence=(ev,))
        )
    return KnowledgeGraph(triples=tuple(triples), documents=tuple(documents))
