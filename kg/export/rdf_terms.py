"""Namespaces, prefixes and IRIs of the RDF export, in one place.

Every IRI kg writes is either a vocabulary term (``kg:``, ``rdf:``, ``prov:``...) or one of ours under a base
namespace, built from an id that is percent-encoded as a single path segment. Article text never becomes
part of an IRI unescaped: a document id such as ``a b>#c`` becomes ``.../document/a%20b%3E%23c``.

>>> iris = Iris("https://example.org/id/")
>>> iris.document("a b>#c")
rdflib.term.URIRef('https://example.org/id/document/a%20b%3E%23c')
>>> iris.relation("kg:supports")
rdflib.term.URIRef('https://w3id.org/kg-news/ontology#supports')
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING
from urllib.parse import quote

from kg.errors import ExportError
from kg.ids import digest
from kg.ontology.vocabulary import KG  # the ontology namespace is the vocabulary's own

if TYPE_CHECKING:
    from rdflib import Literal, URIRef

    from kg.model import Evidence

__all__ = [
    "DEFAULT_BASE_IRI",
    "KG",
    "ONTOLOGY_IRI",
    "STANDARD_PREFIXES",
    "Iris",
    "check_base_iri",
    "date_literal",
    "decimal_literal",
    "prefixes",
    "segment",
]

ONTOLOGY_IRI = "https://w3id.org/kg-news/ontology"
DEFAULT_BASE_IRI = "https://w3id.org/kg-news/id/"

STANDARD_PREFIXES: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "kg": KG,
}

# Sub-namespaces of the base, one per kind of node, so that Turtle can write `entity:putin-993338`.
_KINDS = {"entity": "entity/", "statement": "statement/", "evidence": "evidence/", "doc": "document/"}

# Absolute IRI: a scheme, then nothing Turtle, N-Triples or JSON-LD would have to escape.
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\\x7f]*")
# rdflib rewrites a date's lexical form from its value and drops a time zone there, so only plain dates are typed;
# a dateTime keeps its instant ("...Z" reads back as "...+00:00").
_XSD_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_XSD_DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")


def check_base_iri(base_iri: str) -> str:
    """The base namespace, checked: absolute, nothing to escape, ending in ``/`` or ``#``."""
    if not _IRI.fullmatch(base_iri) or not base_iri.endswith(("/", "#")):
        raise ExportError(f"base IRI {base_iri!r} must be an absolute IRI ending in / or # (no spaces, <, >, quotes)")
    return base_iri


def prefixes(base_iri: str = DEFAULT_BASE_IRI) -> dict[str, str]:
    """Every prefix an export binds: the standard ones, ``kg``, the base (``id``) and its sub-namespaces."""
    check_base_iri(base_iri)
    return {**STANDARD_PREFIXES, "id": base_iri, **{name: base_iri + path for name, path in _KINDS.items()}}


def segment(value: str) -> str:
    """``value`` as one IRI path segment: percent-encoded UTF-8, so it can neither break out nor collide.

    >>> segment("naïve #1/2"), segment("..")
    ('na%C3%AFve%20%231%2F2', '%2E%2E')
    """
    if not value:
        raise ExportError("an id is empty, so it cannot name an IRI")
    encoded = quote(value, safe="")
    # "." and ".." are dot-segments a resolver would collapse; everything else is left as quote() wrote it.
    return encoded if encoded.strip(".") else encoded.replace(".", "%2E")


class Iris:
    """The IRIs of one export, under ``base_iri``."""

    def __init__(self, base_iri: str = DEFAULT_BASE_IRI) -> None:
        from rdflib import URIRef

        self._uri = URIRef
        self.prefixes = prefixes(base_iri)
        self.base = base_iri
        self._cache: dict[str, URIRef] = {}

    def _term(self, iri: str) -> URIRef:
        # Vocabulary terms repeat on every node; build each once.
        term = self._cache.get(iri)
        if term is None:
            term = self._cache[iri] = self._uri(iri)
        return term

    def vocab(self, prefix: str, local: str) -> URIRef:
        return self._term(STANDARD_PREFIXES[prefix] + local)

    def entity(self, entity_id: str) -> URIRef:
        return self._uri(self.prefixes["entity"] + segment(entity_id))

    def statement(self, statement_id: str) -> URIRef:
        return self._uri(self.prefixes["statement"] + segment(statement_id))

    def document(self, document_id: str) -> URIRef:
        return self._term(self.prefixes["doc"] + segment(document_id))

    def evidence(self, statement_id: str, evidence: Evidence) -> URIRef:
        """Content-addressed: the same evidence of the same statement keeps its IRI across runs."""
        key = json.dumps(evidence.to_dict(), sort_keys=True, ensure_ascii=False)
        return self._uri(self.prefixes["evidence"] + "ev-" + digest(statement_id, key))

    def entity_class(self, name: str) -> URIRef:
        return self._term(KG + segment(name))

    def relation(self, relation_id: str) -> URIRef:
        """A relation CURIE (``kg:supports``) as an IRI; any known prefix works, the local part is encoded."""
        prefix, colon, local = relation_id.partition(":")
        if not colon or prefix not in STANDARD_PREFIXES or not local:
            known = ", ".join(STANDARD_PREFIXES)
            raise ExportError(f"relation {relation_id!r} is not a CURIE with a known prefix ({known})")
        return self._term(STANDARD_PREFIXES[prefix] + segment(local))


def decimal_literal(value: float) -> Literal:
    """A confidence as ``xsd:decimal``, rounded as ``triples.jsonl`` rounds it (4 places)."""
    from rdflib import XSD, Literal

    if not math.isfinite(value):
        raise ExportError(f"confidence {value!r} is not a finite number")
    return Literal(format(Decimal(repr(round(float(value), 4))), "f"), datatype=XSD.decimal)


def date_literal(text: str) -> Literal:
    """A publication date: ``xsd:date`` or ``xsd:dateTime`` when it is one, else the text as it was given.

    >>> [lit.datatype.split("#")[-1] if lit.datatype else None for lit in map(date_literal, ["2024-03-01",
    ...     "2024-03-01T09:30:00+01:00", "2024-13-01", "1 March 2024"])]
    ['date', 'dateTime', None, None]
    """
    from rdflib import XSD, Literal

    try:
        if _XSD_DATE.fullmatch(text):
            date.fromisoformat(text[:10])
            return Literal(text, datatype=XSD.date)
        if _XSD_DATETIME.fullmatch(text):
            datetime.fromisoformat(text.replace("Z", "+00:00"))
            return Literal(text, datatype=XSD.dateTime)
    except ValueError:
        pass  # shaped like a date but not one (month 13): keep the text, untyped
    return Literal(text)
