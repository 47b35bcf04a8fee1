"""Normalisation on Spark (temporary form: every reading collected to the driver and normalised there).

>>> Normalised.__name__
'Normalised'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.model import Entity, Triple
from kg.normalise import Settings, normalise
from kg.ontology import Ontology
from kg.spark.worker import reading_of

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

__all__ = ["Normalised", "normalise_readings"]


@dataclass(frozen=True, slots=True)
class Normalised:
    """The triples and entities of a corpus, as distributed collections, and why extractions made no fact."""

    triples: RDD[Triple]
    entities: RDD[Entity]
    dropped: dict[str, int]


def normalise_readings(
    spark: SparkSession, records: RDD[tuple[tuple[int, int, int], str]], ontology: Ontology, settings: Settings
) -> Normalised:
    """Entities and triples of the readings (``(place in input order, reading JSON)`` pairs)."""
    readings = [reading_of(record) for _, record in sorted(records.collect())]
    result = normalise(readings, ontology, settings)
    context = spark.sparkContext
    return Normalised(context.parallelize(result.triples), context.parallelize(result.entities), dict(result.dropped))
