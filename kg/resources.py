"""Where the built-in vocabulary lives: ``ontology/`` in a checkout, ``kg/_ontology`` in an installed wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kg.errors import OntologyError

__all__ = ["ontology_dir", "ontology_file"]


@cache
def ontology_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "_ontology", here.parent / "ontology"):
        if (candidate / "kg.ttl").is_file():
            return candidate
    raise OntologyError(f"the built-in ontology was not found next to {here} (looked for _ontology/ and ../ontology/)")


def ontology_file(name: str) -> Path:
    return ontology_dir() / name
