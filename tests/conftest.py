"""Shared fixtures: where the evaluation data lives, one spaCy pipeline per session, the sample graph.

Tests that need ``../shared/eval`` skip with a reason where it is absent, and fail when ``CI`` is set;
the same holds for the spaCy pipeline.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_EVAL = REPO.parent / "shared" / "eval"
SAMPLE_ARTICLE = REPO / "notebooks" / "data" / "sample-article.txt"


def unavailable(reason: str) -> None:
    """Skip locally; fail in CI, where nothing may be silently missing."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)")
    pytest.skip(reason)


def shared_file(name: str) -> Path:
    path = SHARED_EVAL / name
    if not path.exists():
        unavailable(f"{path} is not here (the evaluation data lives in ../shared/eval)")
    return path


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Nightly-length runs are deselected unless the marker expression names them (``pytest -m nightly``)."""
    if "nightly" in (config.getoption("markexpr") or ""):
        return
    nightly = [item for item in items if item.get_closest_marker("nightly")]
    if nightly:
        config.hook.pytest_deselected(items=nightly)
        items[:] = [item for item in items if not item.get_closest_marker("nightly")]


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    if not SHARED_EVAL.is_dir():
        unavailable(f"{SHARED_EVAL} is not here (the evaluation data lives in ../shared/eval)")
    return SHARED_EVAL


@pytest.fixture(scope="session")
def nlp() -> Any:
    from kg.errors import ModelError
    from kg.nlp import load_pipeline

    try:
        return load_pipeline()
    except ModelError as error:
        unavailable(str(error))


@pytest.fixture(scope="session")
def sample_graph(nlp: Any) -> Any:
    """The graph of the README's sample article (built once per session)."""
    import kg

    return kg.build([SAMPLE_ARTICLE], nlp=nlp)


@pytest.fixture(scope="session")
def sample_out(sample_graph: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder holding the sample graph's JSONL files, as `kg build --out` writes them."""
    from kg.export.jsonl import write_outputs

    out = tmp_path_factory.mktemp("sample-out")
    write_outputs(sample_graph, out)
    return out
