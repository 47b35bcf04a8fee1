"""Streaming N-Triples, N-Quads and Turtle writers: one pass over the triples, constant memory.

rdflib's ``Graph.serialize`` first needs the whole graph in memory, and its Turtle serializer sorts and
analyses it before writing (see ``tests/bench/bench_rdf.py`` for the figures). kg already produces the triples
grouped by subject, so it can write them as they come. Every literal is written in the short quoted form
with the escapes N-Triples and Turtle share; every IRI is checked for characters that would break it.

>>> import io
>>> from rdflib import Literal, URIRef
>>> out = io.StringIO()
>>> write_ntriples([(URIRef("urn:a"), URIRef("urn:p"), Literal('say "hi"\\n'), None)], out)
1
>>> out.getvalue()
'<urn:a> <urn:p> "say \\\\"hi\\\\"\\\\n" .\\n'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import IO, TYPE_CHECKING

from kg.errors import ExportError

if TYPE_CHECKING:
    from rdflib.term import Node

__all__ = ["Quad", "nt_term", "write_ntriples", "write_turtle", "write_turtle_header"]

Quad = tuple["Node", "Node", "Node", "Node | None"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# ECHAR for the characters that must be escaped, UCHAR for every other control character.
_ESCAPES: dict[int, str] = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}
# Unicode line and paragraph separators too: legal raw, but str.splitlines() and some editors break lines there.
_ESCAPES.update({c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F, 0x85, 0x2028, 0x2029] if c not in _ESCAPES})

_XSD = "http://www.w3.org/2001/XMLSchema#"
# Literals Turtle can write bare (`42`, `0.9`, `true`) when their lexical form is already the bare syntax.
_BARE = {
    _XSD + "integer": re.compile(r"[+-]?\d+"),
    _XSD + "decimal": re.compile(r"[+-]?\d*\.\d+"),
    _XSD + "boolean": re.compile(r"true|false"),
}

_BAD_IRI = re.compile(r"[\x00-\x20<>\"{}|^`\\\x7f]")
# Turtle's PN_LOCAL, restricted to what kg's IRIs hold (ASCII, percent-encoded): anything else is written <...>.
_PN_LOCAL = re.compile(
    r"(?:[A-Za-z0-9_:]|%[0-9A-Fa-f]{2})(?:(?:[A-Za-z0-9_.:\-]|%[0-9A-Fa-f]{2})*(?:[A-Za-z0-9_:\-]|%[0-9A-Fa-f]{2}))?"
)


def _iri(value: str) -> str:
    if _BAD_IRI.search(value):
        raise ExportError(f"refusing to write an IRI that would need escaping: {value[:80]!r}")
    return f"<{value}>"


def _quoted(text: str) -> str:
    return '"' + text.translate(_ESCAPES) + '"'


def nt_term(term: Node) -> str:
    """One term as N-Triples writes it."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return _iri(term)
    if isinstance(term, Literal):
        if term.language:
            return f"{_quoted(term)}@{term.language}"
        if term.datatype is not None and term.datatype != _XSD_STRING:
            return f"{_quoted(term)}^^{_iri(term.datatype)}"
        return _quoted(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    raise ExportError(f"cannot write {term!r} as an RDF term")


def write_ntriples(quads: Iterable[Quad], handle: IO[str], *, graphs: bool = False) -> int:
    """N-Triples, or N-Quads when ``graphs`` (the fourth term, when not None, names the graph)."""
    count = 0
    write = handle.write
    for s, p, o, g in quads:
        if graphs and g is not None:
            write(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} {nt_term(g)} .\n")
        else:
            write(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n")
        count += 1
    return count


class _Compactor:
    """IRIs as prefixed names where Turtle allows, full ``<IRI>`` otherwise."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        # Longest namespace first: the base's sub-namespaces (entity:) win over the base itself (id:).
        self._spaces = sorted(((ns, name) for name, ns in prefixes.items()), key=lambda item: -len(item[0]))
        self._by_namespace = {ns: name for ns, name in reversed(self._spaces)}
        self._cache: dict[str, str] = {}
        self._predicates: dict[Node, str] = {}

    def iri(self, value: str) -> str:
        # Fast path: kg's IRIs end in one segment after the last / or #, so its namespace is what precedes it.
        cut = max(value.rfind("/"), value.rfind("#")) + 1
        name = self._by_namespace.get(value[:cut])
        if name is not None and _PN_LOCAL.fullmatch(value, cut):
            return f"{name}:{value[cut:]}"
        for namespace, name in self._spaces:
            if value.startswith(namespace):
                local = value[len(namespace) :]
                if not local or _PN_LOCAL.fullmatch(local):
                    return f"{name}:{local}"
        return _iri(value)

    def term(self, term: Node) -> str:
        from rdflib import Literal, URIRef

        if isinstance(term, URIRef):
            return self.iri(term)
        if isinstance(term, Literal) and term.datatype is not None and term.datatype != _XSD_STRING:
            key = str(term.datatype)  # rdflib terms hash apart from equal str keys
            bare = _BARE.get(key)
            if bare is not None and bare.fullmatch(term):
                return str(term)
            datatype = self._cache.get(key)
            if datatype is None:
                datatype = self._cache[key] = self.iri(key)
            return f"{_quoted(term)}^^{datatype}"
        return nt_term(term)

    def predicate(self, term: Node) -> str:
        cached = self._predicates.get(term)
        if cached is None:
            cached = self._predicates[term] = "a" if str(term) == _RDF_TYPE else self.term(term)
        return cached


def write_turtle(triples: Iterable[Quad], handle: IO[str], prefixes: Mapping[str, str], *, header: bool = True) -> int:
    """Turtle with the prefixes declared once; consecutive triples of a subject share one block.

    The fourth member of each item (a graph name) is ignored: Turtle has one graph. Without ``header`` the
    prefixes compact the IRIs but are not declared: parts written so (each subject's triples in one part)
    concatenate after one header to the file a single writer writes.
    """
    compact = _Compactor(prefixes)
    write = handle.write
    if header:
        write_turtle_header(handle, prefixes)
    count = 0
    subject: Node | None = None
    predicate: Node | None = None
    for s, p, o, _ in triples:
        if s != subject:
            write(" .\n\n" if subject is not None else "\n")
            write(f"{compact.term(s)} {compact.predicate(p)} {compact.term(o)}")
            subject, predicate = s, p
        elif p != predicate:
            write(f" ;\n    {compact.predicate(p)} {compact.term(o)}")
            predicate = p
        else:
            write(f", {compact.term(o)}")
        count += 1
    if subject is not None:
        write(" .\n")
    return count


def write_turtle_header(handle: IO[str], prefixes: Mapping[str, str]) -> None:
    """The ``@prefix`` lines that open a Turtle file."""
    width = max((len(name) for name in prefixes), default=0)
    for name, namespace in prefixes.items():
        handle.write(f"@prefix {name + ':':<{width + 1}} {_iri(namespace)} .\n")
