"""The vocabulary: the data in ``ontology/`` and its loaders (no pipeline stage lives here).

:func:`load_ontology` reads the built-in vocabulary and any user extensions (``--ontology PATH``: Turtle
files extend the classes and relations, ``lexicon*.tsv`` the relation lexicon, ``aliases*.tsv`` the names,
``cues*.toml`` the cue words; ``conll04*.tsv`` benchmark mappings are read by ``kg eval``, not here).

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
from kg.ontology.vocabulary import Vocabulary, load_vocabulary

__all__ = ["Ontology", "load_ontology"]


@dataclass(frozen=True, slots=True)
class Ontology:
    vocabulary: Vocabulary
    lexicon: Lexicon
    gazetteer: Gazetteer
    cues: Cues
    sources: tuple[Path, ...] = ()


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


def load_ontology(extra: Sequence[str | Path] = ()) -> Ontology:
    """The built-in ontology merged with user files or folders (see the module docstring)."""
    if not extra:
        return _builtin()
    return _load(tuple(_expand(extra)))


@cache
def _builtin() -> Ontology:
    return _load(())


def _load(files: tuple[Path, ...]) -> Ontology:
    # complex: sorting user files by kind; each kind is one line.
    known_kinds = {".ttl", ".tsv", ".toml"}
    for path in files:
        if path.suffix not in known_kinds:
            raise OntologyError(f"{path}: not an ontology file (expected .ttl, lexicon*.tsv, aliases*.tsv, *.toml)")
    turtle = [p for p in files if p.suffix == ".ttl"]
    lexicons = [p for p in files if p.suffix == ".tsv" and p.name.startswith("lexicon")]
    aliases = [p for p in files if p.suffix == ".tsv" and p.name.startswith("aliases")]
    # Benchmark mappings (conll04*.tsv) are kg eval's (kg.eval.mapping), not the vocabulary's.
    mappings = [p for p in files if p.suffix == ".tsv" and p.name.startswith("conll04")]
    cues = [p for p in files if p.suffix == ".toml"]
    unknown = [p for p in files if p.suffix == ".tsv" and p not in lexicons + aliases + mappings]
    if unknown:
        raise OntologyError(f"{unknown[0]}: a table's name must start with lexicon, aliases or conll04")
    vocabulary = load_vocabulary(turtle)
    return Ontology(
        vocabulary=vocabulary,
        lexicon=load_lexicon(lexicons, set(vocabulary.relations)),
        gazetteer=load_gazetteer(aliases, vocabulary.classes),
        cues=load_cues(cues),
        sources=files,
    )
