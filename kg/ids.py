"""Stable, content-addressed identifiers: the same input gives the same ids on every run and in every export.

Ids are short, readable where the text allows, and safe in Cypher parameters, IRIs and HTML attributes:
only ``[a-z0-9-]``.

>>> content_id("Halvorsen met Mwangi.")
'doc-5ac0ccf08dd9cfa0'
>>> slug("Karim al-Nasser")
'karim-al-nasser'
>>> entity_id("Person", "Karim al-Nasser")
'karim-al-nasser-6590d6'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["content_id", "digest", "entity_id", "slug", "statement_id"]

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def digest(*parts: str, size: int = 16) -> str:
    """Hex digest of the parts, joined by a separator no text part contains."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


def content_id(text: str) -> str:
    """A document id from its text."""
    return "doc-" + digest(text)


def slug(text: str, limit: int = 48) -> str:
    """ASCII, lower case, hyphenated; empty when the text has no Latin letters or digits."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")[:limit].strip("-")


def entity_id(kind: str, key: str) -> str:
    """An entity id from its class and canonical key: readable slug plus a short hash of both."""
    tail = digest(kind, key, size=6)
    head = slug(key)
    return f"{head}-{tail}" if head else f"e-{tail}"


def statement_id(subject: str, predicate: str, obj: str, negated: bool) -> str:
    """A statement id from its parts: one id per fact, whatever the evidence."""
    return "st-" + digest(subject, predicate, obj, "neg" if negated else "pos")
