"""kg: turn news articles into a knowledge graph with evidence on every edge.

>>> import kg
>>> graph = kg.build(["notebooks/data/sample-article.txt"])  # doctest: +SKIP
>>> nx_graph = graph.to_networkx()                            # doctest: +SKIP
>>> same = kg.load("out/sample")  # doctest: +SKIP

``kg.build`` needs the spaCy model, and ``kg.load`` a folder an earlier ``kg build --out out/sample`` wrote
(:func:`kg.graph.load` shows one written and read back).

Importing kg is cheap: spaCy, rdflib and the exporters load when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.errors import (
    DatabaseError,
    ExportError,
    InputError,
    KgError,
    ModelError,
    OntologyError,
    OutputError,
    QueryError,
)
from kg.graph import KnowledgeGraph, load
from kg.model import Document, Entity, Evidence, Extraction, Mention, Relation, Sentence, Triple

if TYPE_CHECKING:
    from kg.pipeline import build

__version__ = "0.1.0"

__all__ = [
    "DatabaseError",
    "Document",
    "Entity",
    "Evidence",
    "ExportError",
    "Extraction",
    "InputError",
    "KgError",
    "KnowledgeGraph",
    "Mention",
    "ModelError",
    "OntologyError",
    "OutputError",
    "QueryError",
    "Relation",
    "Sentence",
    "Triple",
    "__version__",
    "build",
    "load",
]


def __getattr__(name: str) -> Any:
    # build() pulls in spaCy; keep `import kg` light until it is called.
    if name == "build":
        from kg.pipeline import build

        return build
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
