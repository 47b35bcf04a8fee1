"""The graph stage: the knowledge graph in memory (:class:`KnowledgeGraph`), and reading an output folder
back (:func:`load`).

A :class:`KnowledgeGraph` is what ``kg.build`` returns and what every exporter reads. It carries the vocabulary
it was built with; saved to an output folder (``triples.jsonl``, ``entities.jsonl``, ``documents.jsonl``) it
loads back, so exporters and views work on earlier runs too.
"""

from kg.graph.graph import KnowledgeGraph
from kg.graph.read import load, triple_from_dict

__all__ = ["KnowledgeGraph", "load", "triple_from_dict"]
