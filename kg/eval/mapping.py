"""How kg relations map onto CoNLL04's five relations, by the classes of both ends: benchmark data, kept
with the scorers rather than in the vocabulary (``kg/eval/mappings/conll04.tsv``; ``kg eval --ontology`` adds
rows from files named ``conll04*.tsv``).

>>> from kg.ontology import load_ontology
>>> mapping = load_mapping(load_ontology())
>>> mapping.label("kg:worksFor", "Person", "Organization"), mapping.label("kg:meets", "Person", "Person")
('Work_For', None)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import OntologyError
from kg.ontology import Ontology
from kg.ontology.tables import read_tsv
from kg.ontology.vocabulary import Vocabulary

__all__ = ["BUILTIN", "Conll04Mapping", "MappingRow", "load_mapping"]

BUILTIN = Path(__file__).resolve().parent / "mappings" / "conll04.tsv"


@dataclass(frozen=True, slots=True)
class MappingRow:
    """One row: relation + classes of both ends -> benchmark label."""

    relation: str
    subject_class: str
    object_class: str
    label: str


@dataclass(frozen=True, slots=True)
class Conll04Mapping:
    rows: tuple[MappingRow, ...]
    vocabulary: Vocabulary

    def label(self, relation: str, subject_type: str, object_type: str) -> str | None:
        """The CoNLL04 label of a typed triple (the first row that fits; a class fits its subclasses)."""
        vocab = self.vocabulary
        for row in self.rows:
            if (
                row.relation == relation
                and vocab.is_a(subject_type, row.subject_class)
                and vocab.is_a(object_type, row.object_class)
            ):
                return row.label
        return None


def _rows(paths: Iterable[Path], relations: set[str]) -> tuple[MappingRow, ...]:
    rows: list[MappingRow] = []
    for path in paths:
        for number, row in read_tsv(path, ("relation", "subject_class", "object_class", "conll04")):
            if row["relation"] not in relations:
                raise OntologyError(f"{path}:{number}: relation {row['relation']} is not declared in the ontology")
            rows.append(MappingRow(row["relation"], row["subject_class"], row["object_class"], row["conll04"]))
    return tuple(rows)


def load_mapping(ontology: Ontology, extra: Sequence[str | Path] = ()) -> Conll04Mapping:
    """The built-in mapping, then rows from any ``conll04*.tsv`` among ``extra`` files and folders."""
    files: list[Path] = []
    for raw in extra:
        path = Path(raw)
        found = sorted(path.rglob("conll04*.tsv")) if path.is_dir() else [path]
        files.extend(p for p in found if p.name.startswith("conll04") and p.suffix == ".tsv")
    vocab = ontology.vocabulary
    return Conll04Mapping(_rows([BUILTIN, *files], set(vocab.relations)), vocab)
