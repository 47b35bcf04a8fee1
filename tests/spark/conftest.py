"""One Spark session for the whole test run (local mode, 2 cores): starting Spark costs seconds, so every Spark
test shares it. Without pyspark or Java the Spark tests skip with the reason, and fail when CI is set."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import unavailable

from tests.cypher.conftest import neo4j_db, neo4j_settings  # noqa: F401 (the Neo4j fixtures, shared)


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """A local[2] session; ``kg build --engine spark`` in the same process reuses it (getOrCreate)."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        unavailable("pyspark is not installed: pip install '.[spark]' (the test extra has it)")
    if not os.environ.get("JAVA_HOME") and shutil.which("java") is None:
        unavailable("Spark needs Java (JAVA_HOME or java on PATH): apt-get install openjdk-17-jre-headless")
    from kg.errors import UsageError
    from kg.spark import SparkOptions
    from kg.spark.session import spark_session

    options = SparkOptions(master="local[2]", conf={"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "4"})
    try:
        session = spark_session(options)
    except UsageError as error:
        unavailable(str(error))
    yield session
    session.stop()
