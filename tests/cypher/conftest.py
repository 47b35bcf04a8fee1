"""Fixtures for the Cypher stores: a real Neo4j server (NEO4J_URI).

``neo4j_db`` empties the server's database before and after each test that asks for it: this suite is the
only one writing to it, and tests run one at a time.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import unavailable

from .helpers import wipe


@pytest.fixture(scope="session")
def neo4j_settings() -> Any:
    from kg.errors import DatabaseError
    from kg.export.neo4j import Neo4jSettings, connect

    uri = os.environ.get("NEO4J_URI")
    if not uri:
        unavailable('NEO4J_URI is not set: start a server with eval "$(bash .ci/neo4j/start)"')
    settings = Neo4jSettings(
        uri, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD"), os.environ.get("NEO4J_DATABASE")
    )
    try:
        with connect(settings):
            pass
    except DatabaseError as error:
        unavailable(f"Neo4j is not usable: {error}")
    return settings


@pytest.fixture
def neo4j_db(neo4j_settings: Any) -> Iterator[Any]:
    """The server, emptied before the test (and after it, so nothing lingers between runs)."""
    wipe(neo4j_settings)
    yield neo4j_settings
    wipe(neo4j_settings)
