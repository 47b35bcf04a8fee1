"""Profiles: what the document says about each person (nationalities, roles, gender), from titles
("Kenyan President X") and appositions ("X, the Swedish envoy"); a gender no title gives, from the first name
(the gazetteer's ``given_names.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.mentions.coref.context import Context, Resolved

__all__ = ["Profile", "person_label", "profiles"]

_MALE_TITLES = frozenset({"mr", "mr.", "sir", "king", "prince", "lord"})
_FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "madam", "queen", "princess", "lady", "dame"})


@dataclass(slots=True)
class Profile:
    """What the document says about one person: nationalities, roles, gender."""

    countries: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    gender: str | None = None
    # the gender a rarer first name suggests: names cross borders ("Ola" is a man in Norway, a woman in the US
    # census), so it only ranks antecedents; a title's or a common first name's gender decides
    named_gender: str | None = None


def person_label(ctx: Context, i: int, resolved: Resolved) -> str:
    return resolved[i][0].label if i in resolved else ctx.names[i].label


def profiles(ctx: Context, resolved: Resolved) -> dict[str, Profile]:
    """Nationality and role of each person from titles ("Kenyan President X") and appositions
    ("X, the Swedish envoy")."""
    # complex: what titles and appositions say of a person is read in one walk over the descriptors.
    profiles: dict[str, Profile] = {}
    gazetteer = ctx.gazetteer
    for i, m in ctx.names.items():
        label = person_label(ctx, i, resolved)
        token = ctx.doc[i]
        if (resolved[i][0].ner if i in resolved else m.ner) not in ("PERSON", "PER"):
            continue
        profile = profiles.setdefault(label, Profile())
        descriptors = [c for c in token.children if c.dep_ in ("compound", "appos", "amod")]
        if token.dep_ == "appos":
            descriptors.append(token.head)
        for d in descriptors:
            words = [d, *(c for c in d.children if c.dep_ in ("amod", "compound", "poss", "nmod"))]
            for w in words:
                name = gazetteer.lookup(w.text) if w.i in ctx.names or w.pos_ in ("ADJ", "PROPN") else None
                if name is not None and name.type == "Country":
                    profile.countries.add(name.label)
                low = w.text.lower()
                if low in _MALE_TITLES:
                    profile.gender = "male"
                elif low in _FEMALE_TITLES:
                    profile.gender = "female"
            if d.pos_ in ("NOUN", "PROPN") and d.i not in ctx.names:
                profile.roles.add(d.lemma_.lower())
    for label, profile in profiles.items():
        named = gazetteer.gender(label)
        if named is not None and named[1]:
            profile.gender = profile.gender or named[0]  # "Karen", "Michael": the name settles it
        elif named is not None:
            profile.named_gender = named[0]
    return profiles
