"""Short names: a surname or first word the NER missed, and one-word person names, joined to the full name
the document gives ("Lopez" after "Maria Lopez", "Acme" after "Acme Motors")."""

from __future__ import annotations

from kg.mentions.coref.context import Context, Resolved

__all__ = ["THING_TYPES", "name_parts", "resolve_short_names", "resolve_surnames"]

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
        for table, ner in ((people, "PERSON"), (organisations, "ORG")):
            labels = table.get(key, set())
            if len(labels) == 1:
                label = next(iter(labels))
                mention = ctx.mention(token, label, ner, "coref.surname", 0.85)
                ctx.names[token.i] = mention
                resolved[token.i] = (mention,)
                break


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
    for i, m in ctx.names.items():
        words = m.label.split()
        if len(words) != 1 or i in resolved:
            continue
        is_person = m.ner in ("PERSON", "PER")
        if not is_person and (m.ner not in THING_TYPES or gazetteer.lookup(m.label) is not None):
            continue  # a known place or organisation keeps its label
        matches = full.get(words[0].lower(), [])
        names = sorted({label for _, label in matches})
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
