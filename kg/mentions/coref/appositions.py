"""A title set off beside a person's name is that person: "the finance minister, Ola Berg, said",
"the chief executive of Acme, Jo Park, resigned".

The parser often attaches such a name to the last noun before the comma ("Acme") or leaves it as a loose
clause (``parataxis``, ``dep``); the title phrase then names nobody. The comma pattern settles it: a person's
name between commas (or closing the sentence) right after a noun phrase headed by a role word. A name that is
one of a list ("the minister, Ola Berg and Kari Lund") is not an apposition.

>>> from spacy.vocab import Vocab
>>> from spacy.tokens import Doc
>>> from kg.mentions.coref.context import Context
>>> from kg.mentions.names import prepare
>>> from kg.model import Mention
>>> from kg.ontology import load_ontology
>>> words = ["The", "mayor", "of", "Tarvik", ",", "Ola Berg", ",", "resigned", "."]
>>> doc = prepare(Doc(Vocab(), words=words, heads=[1, 7, 1, 2, 5, 3, 5, 7, 7],
...     deps=["det", "nsubj", "prep", "pobj", "punct", "appos", "punct", "ROOT", "punct"],
...     pos=["DET", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "VERB", "PUNCT"],
...     ents=["O", "O", "O", "B-GPE", "O", "B-PERSON", "O", "O", "O"]))
>>> onto = load_ontology()
>>> names = {3: Mention("d", 14, 20, "Tarvik", "Tarvik", "GPE", "ner"),
...          5: Mention("d", 23, 31, "Ola Berg", "Ola Berg", "PERSON", "ner")}
>>> ctx = Context(doc, "d", names, onto.cues, onto.gazetteer, (0,) * len(doc))
>>> resolved = {}
>>> resolve_titled_appositions(ctx, resolved, frozenset({"mayor"}))
>>> [(doc[i].text, m[0].label, m[0].rule) for i, m in resolved.items()]
[('mayor', 'Ola Berg', 'coref.appos')]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from kg.mentions.coref.context import Context, Resolved

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.model import Mention

__all__ = ["resolve_titled_appositions", "titled_apposition"]

_PERSON = ("PERSON", "PER")
_CLOSERS = frozenset({",", ".", "!", "?", ";", ")", "—", "–"})
# The words a title phrase before the comma is made of: "the chief executive of the Acme group".
_TITLE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"})
_TITLE_PREPS = frozenset({"of", "for", "at", "to", "in", "and", "&"})
_LONGEST_TITLE = 8


def _in_title(token: Token) -> bool:
    return token.pos_ in _TITLE_POS or token.text.lower() in _TITLE_PREPS


def _is_role(token: Token, roles: frozenset[str]) -> bool:
    word = token.text.lower()
    before = token.nbor(-1).text.lower() if token.i > 0 else ""
    return token.pos_ in ("NOUN", "PROPN") and (word in roles or f"{before} {word}" in roles)


def _set_off(name: Token) -> bool:
    """A name between commas (or closing the sentence) and in no list: "..., Ola Berg, said"."""
    doc = name.doc
    if name.i < 2 or doc[name.i - 1].text != ",":
        return False
    after = doc[name.i + 1].text if name.i + 1 < len(doc) else None
    if after is not None and after not in _CLOSERS:
        return False  # "the minister, Ola Berg and Kari Lund": a list, or the name starts a clause
    if after == "," and name.i + 2 < len(doc) and doc[name.i + 2].text.lower() in ("and", "or"):
        return False  # "the minister, Ola Berg, and Kari Lund": a list with a final comma
    return name.dep_ != "conj" and not any(c.dep_ == "conj" for c in name.children)


def _role_before(token: Token, roles: frozenset[str]) -> Token | None:
    """The role word heading the title phrase that ends at ``token``, walked by its words, not its parse: the
    parser often hangs "for the police" on the verb before it ("asked the spokesman for the police, X,")."""
    for _ in range(_LONGEST_TITLE):
        if _is_role(token, roles):
            return token
        if token.i == 0 or not _in_title(token):
            return None
        token = token.doc[token.i - 1]
    return None


def titled_apposition(
    names: Mapping[int, Mention], sentence_numbers: tuple[int, ...], roles: frozenset[str], name: Token
) -> Token | None:
    """The role word a person's name is set off beside ("the mayor of Tarvik, Ola Berg,"), or None."""
    mention = names.get(name.i)
    if mention is None or mention.ner not in _PERSON or not _set_off(name):
        return None
    role = _role_before(name.doc[name.i - 2], roles)
    if role is None or role.i in names or sentence_numbers[role.i] != sentence_numbers[name.i]:
        return None
    return role


def resolve_titled_appositions(ctx: Context, resolved: Resolved, roles: frozenset[str]) -> None:
    """Resolve every title set off beside a person's name to that person (rule ``coref.appos``)."""
    for i in sorted(ctx.names):
        name = ctx.doc[i]
        title = titled_apposition(ctx.names, ctx.sentence_numbers, roles, name)
        if title is not None:
            person = ctx.named(i, resolved)[0]
            resolved[title.i] = (ctx.mention(title, person.label, person.ner, "coref.appos", 0.95 * person.confidence),)
