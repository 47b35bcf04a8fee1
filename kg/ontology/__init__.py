"""The ontology module: the vocabulary as data (``ontology/``), and normalisation against it.

:func:`load_ontology` reads the built-in vocabulary and any user extensions (``--ontology PATH``: Turtle
files extend the classes and relations, ``lexicon*.tsv`` the relation lexicon, ``aliases*.tsv`` the names,
``cues*.toml`` the cue words, ``mappings/*.tsv`` benchmark mappings). :func:`kg.normalise.normalise`
turns surface extractions into triples.

>>> onto = load_ontology()
>>> onto.lexicon.lookup("verb", "back").relation, onto.gazetteer.lookup("Kenyan").label
('kg:supports', 'Kenya')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.errors import OntologyError
from kg.ontology.cues import Cues, load_cues
from kg.ontology.gazetteer import Gazetteer, load_gazetteer
from kg.ontology.lexicon import Lexicon, load_lexicon
from kg.ontology.tables import read_tsv
from kg.ontology.vocabulary import Vocabulary, load_vocabulary

__all__ = ["Mapping", "Ontology", "load_ontology"]


@dataclass(frozen=True, slots=True)
class Mapping:
    """One row of a benchmark mapping: relation + classes of both ends -> benchmark label."""

    relation: str
    subject_class: str
    object_class: str
    label: str


@dataclass(frozen=True, slots=True)
class Ontology:
    vocabulary: Vocabulary
    lexicon: Lexicon
    gazetteer: Gazetteer
    cues: Cues
    conll04: tuple[Mapping, ...]
    sources: tuple[Path, ...] = ()

    def map_conll04(self, relation: str, subject_type: str, object_type: str) -> str | None:
        """The CoNLL04 label of a typed triple, or None."""
        vocab = self.vocabulary
        for row in self.conll04:
            if (
                row.relation == relation
                and vocab.is_a(subject_type, row.subject_class)
                and vocab.is_a(object_type, row.object_class)
            ):
                return row.label
        return None


def _expand(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in (".ttl", ".tsv", ".toml")))
        elif path.is_file():
            files.append(path)
        else:
            raise OntologyError(f"{path}: no such file or directory")
    return files


def _mappings(paths: Iterable[Path], relations: set[str]) -> tuple[Mapping, ...]:
    rows: list[Mapping] = []
    for path in paths:
        for number, row in read_tsv(path, ("relation", "subject_class", "object_class", "conll04")):
            if row["relation"] not in relations:
                raise OntologyError(f"{path}:{number}: relation {row['relation']} is not declared in the ontology")
            rows.append(Mapping(row["relation"], row["subject_class"], row["object_class"], row["conll04"]))
    return tuple(rows)


def load_ontology(extra: Sequence[str | Path] = ()) -> Ontology:
    """The built-in ontology merged with user files or folders (see the module docstring)."""
    if not extra:
        return _builtin()
    return _load(tuple(_expand(extra)))


@cache
def _builtin() -> Ontology:
    return _load(())


def _load(files: tuple[Path, ...]) -> Ontology:
    from kg.resources import ontology_file

    known_kinds = {".ttl", ".tsv", ".toml"}
    for path in files:
        if path.suffix not in known_kinds:
            raise OntologyError(f"{path}: not an ontology file (expected .ttl, lexicon*.tsv, aliases*.tsv, *.toml)")
    turtle = [p for p in files if p.suffix == ".ttl"]
    lexicons = [p for p in files if p.suffix == ".tsv" and p.name.startswith("lexicon")]
    aliases = [p for p in files if p.suffix == ".tsv" and p.name.startswith("aliases")]
    mappings = [p for p in files if p.suffix == ".tsv" and p.name.startswith("conll04")]
    cues = [p for p in files if p.suffix == ".toml"]
    unknown = [p for p in files if p.suffix == ".tsv" and p not in lexicons + aliases + mappings]
    if unknown:
        raise OntologyError(f"{unknown[0]}: a table's name must start with lexicon, aliases or conll04")
    vocabulary = load_vocabulary(turtle)
    relations = set(vocabulary.relations)
    return Ontology(
        vocabulary=vocabulary,
        lexicon=load_lexicon(lexicons, relations),
        gazetteer=load_gazetteer(aliases, vocabulary.classes),
        cues=load_cues(cues),
        conll04=_mappings([ontology_file("mappings/conll04.tsv"), *mappings], relations),
        sources=files,
    )
