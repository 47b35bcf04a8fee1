"""The seam where curation plugs in: a transform applied after entity decisions, the same locally and on Spark.

A :class:`Curation` sees the corpus's :class:`~kg.normalise.entities.Decisions` before any document is mapped
(to join, split or rename names for good), then every entity and every fact as it is assembled (to relabel or
drop one). Each step is a pure function of one item, so a streaming build and a Spark job apply it alike.
:data:`NO_CURATION` changes nothing; it is what every build uses until curation rules exist.

>>> from kg.model import Entity
>>> NO_CURATION.entity(Entity("e1", "Ana Silva", "Person")).label
'Ana Silva'
"""

from __future__ import annotations

from typing import Protocol

from kg.model import Entity, Triple
from kg.normalise.entities import Decisions

__all__ = ["NO_CURATION", "Curation", "NoCuration"]


class Curation(Protocol):
    def decisions(self, decisions: Decisions) -> Decisions:
        """The corpus's entity decisions, changed (before phase c maps any document with them)."""
        ...

    def entity(self, entity: Entity) -> Entity | None:
        """An assembled entity, changed, or None to leave it out."""
        ...

    def triple(self, triple: Triple) -> Triple | None:
        """An assembled fact, changed, or None to leave it out."""
        ...


class NoCuration:
    """The identity: what the rules decided stands."""

    def decisions(self, decisions: Decisions) -> Decisions:
        return decisions

    def entity(self, entity: Entity) -> Entity | None:
        return entity

    def triple(self, triple: Triple) -> Triple | None:
        return triple


NO_CURATION: Curation = NoCuration()
