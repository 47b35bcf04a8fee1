"""Fixtures for the CLI tests: run ``kg`` in-process with the session's spaCy pipeline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kg.cli import main


@pytest.fixture
def kg_cli(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> Callable[..., int]:
    """``kg_cli("build", ...)`` runs the real command line; only the model load is shared, to keep tests fast."""
    monkeypatch.setattr("kg.pipeline.load_pipeline", lambda name=None: nlp)
    monkeypatch.setattr("kg.store.load_pipeline", lambda name=None: nlp)

    def run(*argv: str) -> int:
        return main(list(argv))

    return run
