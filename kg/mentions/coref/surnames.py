"""Short names: a surname or first word the NER missed, and one-word person names, joined to the full name
the document gives ("Lopez" after "Maria Lopez", "Acme" after "Acme Motors")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.mentions.coref.context import Context, Resolved

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "THING_TYPES",
    "compatible",
    "name_parts",
    "resolve_first_names",
    "resolve_long_surnames",
    "resolve_short_names",
    "resolve_surnames",
    "titles_of",
]

THING_TYPES = frozenset({"GPE", "ORG", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})


_GENERIC_FIRST = frozenset({"new", "national", "united", "general", "international", "first", "american", "royal"})


def name_parts(label: str) -> list[str]:
    parts = label.replace("’", "'").split()
    keys = []
    if parts:
        last = parts[-1]
        keys.append(last.lower())
        if "-" in last:  # "al-Nasser" is also "Nasser"
            keys.append(last.split("-", 1)[1].lower())
    return keys


def resolve_short_names(ctx: Context, resolved: Resolved) -> None:
    """A proper noun the NER missed that repeats a person's surname ("Lopez" after "Maria Lopez") or an
    organisation's first word ("Acme" after "Acme Motors") is that person or organisation."""
    # complex: the people and organisation tables are built and used in one function so they stay local.
    people: dict[str, set[str]] = {}
    organisations: dict[str, set[str]] = {}
    full_titles = _full_titles(ctx)
    for m in ctx.names.values():
        words = m.label.split()
        if len(words) < 2:
            continue
        if m.ner in ("PERSON", "PER"):
            for key in name_parts(m.label):
                people.setdefault(key, set()).add(m.label)
        elif m.ner == "ORG" and words[0][:1].isupper() and words[0].lower() not in _GENERIC_FIRST:
            organisations.setdefault(words[0].lower(), set()).add(m.label)
    for token in ctx.doc:
        if token.i in ctx.names or token.ent_type_ or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        if token.head.i in ctx.names and token.dep_ == "compound":
            continue  # part of a longer name
        key = token.text.lower()
        titles = titles_of(ctx, token)
        for table, ner in ((people, "PERSON"), (organisations, "ORG")):
            labels = table.get(key, set())
            if ner == "PERSON":
                labels = {
                    label
                    for label in labels
                    if compatible(titles, full_titles.get(label, set()), ctx.cues.family_nouns)
                }
            if len(labels) == 1:
                label = next(iter(labels))
                mention = ctx.mention(token, label, ner, "coref.surname", 0.85)
                ctx.names[token.i] = mention
                resolved[token.i] = (mention,)
                break


def titles_of(ctx: Context, token: Token) -> set[str]:
    """The titles and roles the text gives one mention of a person: "Vice President Lind" -> {vice,
    president}; "Lind, the senator" -> {senator}; "his son Ivar Lind" -> {son}."""
    found = set()
    for child in token.children:
        if child.dep_ not in ("compound", "amod", "appos", "nmod") or child.i in ctx.names:
            continue
        for word in (child, *(c for c in child.children if c.dep_ in ("compound", "amod"))):
            low = word.text.lower()
            if low in ctx.titles or low.rstrip(".") in ctx.titles:
                found.add(low.rstrip("."))
    return found


_MALE = frozenset({"mr", "sir", "lord"})
_DEPUTY = frozenset({"vice", "deputy", "assistant"})
_FEMALE = frozenset({"mrs", "ms", "miss", "dame", "lady", "madam"})


def compatible(short: set[str], full: set[str], kin: frozenset[str] = frozenset()) -> bool:
    """A title never merges with a conflicting one: "Vice President Lind" is not "Ivar Lind", whom the text
    calls a son, nor "President Ivar Lind", and "Mrs. Lind" is not "Mr. Lind"; a short name without roles, or
    a full name without them, is compatible ("Mr. Lind" after "President Ivar Lind"), and so are two offices
    one person can hold ("Acme executive Ivar Lind" is "Lind, Acme's chairman").

    >>> compatible({"chairman"}, {"executive"}), compatible({"vice", "president"}, {"son"}, frozenset({"son"}))
    (True, False)
    """
    for gender, other in ((_MALE, _FEMALE), (_FEMALE, _MALE)):
        if short & gender and full & other and not full & gender:
            return False
    roles, full_roles = short - _MALE - _FEMALE, full - _MALE - _FEMALE
    if not roles or not full_roles or roles & full_roles:
        return True

    def kind(words: set[str]) -> tuple[bool, bool]:  # a relative; a deputy (who is not the principal)
        return bool(words & kin), bool(words & _DEPUTY)

    return kind(roles) == kind(full_roles)


def _full_titles(ctx: Context) -> dict[str, set[str]]:
    """Every title the document gives each multi-word person name."""
    titles: dict[str, set[str]] = {}
    for i, m in ctx.names.items():
        if m.ner in ("PERSON", "PER") and len(m.label.split()) > 1:
            titles.setdefault(m.label, set()).update(titles_of(ctx, ctx.doc[i]))
    return titles


def resolve_surnames(ctx: Context, resolved: Resolved) -> None:
    """A one-word person name (or a thing the NER took for one) is the one full name in the document that
    ends with it; with several, the nearest one named before, less surely."""
    # complex: the table of full names and the one-word names it settles are one step.
    full: dict[str, list[tuple[int, str]]] = {}
    for i, m in ctx.names.items():
        if m.ner in ("PERSON", "PER") and len(m.label.split()) > 1:
            for key in name_parts(m.label):
                full.setdefault(key, []).append((i, m.label))
    gazetteer = ctx.gazetteer
    full_titles = _full_titles(ctx)
    for i, m in ctx.names.items():
        words = m.label.split()
        if len(words) != 1 or i in resolved:
            continue
        is_person = m.ner in ("PERSON", "PER")
        if not is_person and (m.ner not in THING_TYPES or gazetteer.lookup(m.label) is not None):
            continue  # a known place or organisation keeps its label
        titles = titles_of(ctx, ctx.doc[i])
        matches = [
            (j, label)
            for j, label in full.get(words[0].lower(), [])
            if compatible(titles, full_titles[label], ctx.cues.family_nouns)
        ]
        names = sorted({label for _, label in matches})
        roles = titles - _MALE - _FEMALE
        if len(names) > 1 and roles:
            # several people share the surname and the text gives this one a role: only someone the text
            # gives that role too ("Vice President Lind" is neither Ivar nor Ana Lind, unless one is called so)
            names = [label for label in names if roles & full_titles[label]]
            matches = [(j, label) for j, label in matches if label in names]
        if not names:
            continue
        if len(names) == 1:
            label, confidence = names[0], 0.95 if is_person else 0.85
        else:
            # several people share the surname: the nearest one named before, with less confidence
            before = [(j, label) for j, label in matches if j < i] or matches
            label, confidence = max(before)[1], 0.6
        token = ctx.doc[i]
        resolved[i] = (ctx.mention(token, label, "PERSON", "coref.surname", confidence),)


def resolve_long_surnames(ctx: Context, resolved: Resolved) -> None:
    """A person name of several words that ends exactly one longer person name of the document is that
    person: a surname of two words or with a particle ("Holm Dahl" after "Lars Holm Dahl", "van Roon"
    after "Pieter van Roon"). Two longer names ending so ("Ivar von Holt", "Ana von Holt"): left alone."""
    people = [m.label for m in ctx.names.values() if m.ner in ("PERSON", "PER") and len(m.label.split()) > 2]
    for i, m in ctx.names.items():
        words = m.label.casefold().split()
        if len(words) < 2 or i in resolved or m.ner not in ("PERSON", "PER"):
            continue
        longer = {p for p in people if len(p.split()) > len(words) and p.casefold().split()[-len(words) :] == words}
        if len(longer) == 1:
            label = next(iter(longer))
            resolved[i] = (ctx.mention(ctx.doc[i], label, "PERSON", "coref.surname", 0.9),)


def resolve_first_names(ctx: Context, resolved: Resolved) -> None:
    """A one-word person name no full name ends with, that exactly one full name in the document begins with,
    is that person ("Welcome, Jose!" in a story about Jose Alves): sports and celebrity copy uses first names.
    Two people sharing the first name, or none: the name stays its own."""
    firsts: dict[str, set[str]] = {}
    for m in ctx.names.values():
        words = m.label.split()
        if m.ner in ("PERSON", "PER") and len(words) > 1:
            firsts.setdefault(words[0].lower(), set()).add(m.label)
    for i, m in ctx.names.items():
        words = m.label.split()
        if len(words) != 1 or i in resolved or m.ner not in ("PERSON", "PER"):
            continue
        labels = firsts.get(words[0].lower(), set())
        if len(labels) == 1:
            resolved[i] = (ctx.mention(ctx.doc[i], next(iter(labels)), "PERSON", "coref.firstname", 0.8),)
