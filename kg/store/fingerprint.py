"""What a build's stored work depends on: the pipeline fingerprint, in two parts.

* **parse**: what the per-document stage depends on. ``model`` (the spaCy pipeline's name and version), the
  spaCy and kg versions and ``nlp`` (kg's own pipeline component) decide the *parse*; ``extractors`` (their
  versioned names) and ``rules`` (a digest of kg's mention and extraction code) decide the *reading* of a
  parse. ``ingest`` (a digest of kg's ingest rules) is recorded for reports: a document read differently has
  different content, and is parsed again as a changed document.
* **normalise**: ``ontology`` (a digest of every vocabulary file loaded, the built-in ones and ``--ontology``
  extensions) and ``settings`` (normalisation's).

Records depend on the ontology too (mentions use the gazetteer, extractors the lexicon and cues), so a changed
ontology re-reads every stored parse (no spaCy) before it re-normalises; changed settings only re-normalise.
Every shard of records carries the hashes it was made under, so a build interrupted half-way through such a
change resumes with the documents still to do.

>>> fp = Fingerprint(model="en_core_web_sm-3.8.0", spacy="3.8.7", kg="0.1.0", nlp="a", extractors=("kg.svo.v1",),
...                  rules="b", ingest="c", ontology="d", ontology_files=("kg.ttl",), settings={"unmapped": "keep"})
>>> fp.parse_hash == fp.replace(rules="x").parse_hash, fp.read_hash == fp.replace(rules="x").read_hash
(True, False)
>>> fp.changes(fp.replace(ontology="e", settings={"unmapped": "drop"}))
['ontology', 'settings']
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Fingerprint", "code_digest", "file_digest", "fingerprint"]

_PARSE = ("model", "spacy", "kg", "nlp", "duplicates")
_READ = ("extractors", "rules", "ontology")
_NORMALISE = ("ontology", "settings")
_KG = Path(__file__).resolve().parents[1]


def _hash(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def file_digest(paths: list[Path], root: Path | None = None) -> str:
    """A digest of files' names (relative to ``root``) and contents."""
    h = hashlib.sha256()
    for path in paths:
        name = str(path.relative_to(root)) if root is not None and path.is_relative_to(root) else str(path)
        h.update(name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def code_digest(*packages: str) -> str:
    """A digest of the Python sources of kg's subpackages (``"mentions"``, ``"extract"``...)."""
    files = sorted(p for name in packages for p in (_KG / name).rglob("*.py"))
    return file_digest(files, _KG)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    model: str
    spacy: str
    kg: str
    nlp: str
    extractors: tuple[str, ...]
    rules: str
    ingest: str
    ontology: str
    ontology_files: tuple[str, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)
    duplicates: str = ""

    @property
    def parse_hash(self) -> str:
        """Stored parses are valid while this holds."""
        return _hash([getattr(self, name) for name in _PARSE])

    @property
    def read_hash(self) -> str:
        """Stored records (readings of parses) are valid while this holds."""
        return _hash([self.parse_hash, *(getattr(self, name) for name in _READ)])

    @property
    def normalise_hash(self) -> str:
        return _hash([getattr(self, name) for name in _NORMALISE])

    def replace(self, **changes: Any) -> Fingerprint:
        return dataclasses.replace(self, **changes)

    def changes(self, other: Fingerprint) -> list[str]:
        """The fields that differ, in a fixed order."""
        names = (*_PARSE, "extractors", "rules", "ingest", "ontology", "settings")
        return [name for name in names if getattr(self, name) != getattr(other, name)]

    def to_dict(self) -> dict[str, Any]:
        """The two parts as ``state.json`` shows them."""
        return {
            "parse": {
                "model": self.model,
                "spacy": self.spacy,
                "kg": self.kg,
                "nlp": self.nlp,
                "extractors": list(self.extractors),
                "rules": self.rules,
                "ingest": self.ingest,
                "duplicates": self.duplicates,
                "parse_hash": self.parse_hash,
                "read_hash": self.read_hash,
            },
            "normalise": {
                "ontology": self.ontology,
                "ontology_files": list(self.ontology_files),
                "settings": self.settings,
                "normalise_hash": self.normalise_hash,
            },
        }

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> Fingerprint:
        parse, normalise = row["parse"], row["normalise"]
        return cls(
            model=parse["model"],
            spacy=parse["spacy"],
            kg=parse["kg"],
            nlp=parse["nlp"],
            extractors=tuple(parse["extractors"]),
            rules=parse["rules"],
            ingest=parse["ingest"],
            duplicates=parse.get("duplicates", ""),
            ontology=normalise["ontology"],
            ontology_files=tuple(normalise["ontology_files"]),
            settings=normalise["settings"],
        )


def fingerprint(
    model: str, extractors: tuple[str, ...], ontology_files: list[Path], settings: dict[str, Any]
) -> Fingerprint:
    """The fingerprint of a build with this model, these extractors, vocabulary files and settings."""
    from importlib.metadata import version

    from kg import __version__
    from kg.duplicates import VERSION
    from kg.resources import ontology_dir

    root = ontology_dir()
    builtin = sorted(p for p in root.iterdir() if p.suffix in (".ttl", ".tsv", ".toml") and p.name != "shapes.ttl")
    extra = [p.resolve() for p in ontology_files]
    return Fingerprint(
        model=model,
        spacy=version("spacy"),
        kg=__version__,
        # kg.nlp's lemma component takes verb lemmas from LemmInflect's dictionary: a new one changes parses
        nlp=_hash([code_digest("nlp"), version("lemminflect")]),
        extractors=tuple(extractors),
        rules=code_digest("mentions", "extract"),
        ingest=code_digest("ingest"),
        ontology=file_digest([*builtin, *extra], root),
        ontology_files=tuple(str(p) for p in extra),
        settings=settings,
        duplicates=VERSION,
    )
