"""Fixtures for the RDF tests."""

from __future__ import annotations

import pytest
from conftest import unavailable


@pytest.fixture(scope="session")
def shacl() -> None:
    """pyshacl (the shacl extra, installed by kg[test]): skipped locally without it, a failure in CI."""
    try:
        import pyshacl  # noqa: F401
    except ImportError:
        unavailable("pyshacl is not installed (pip install 'kg[shacl]')")
