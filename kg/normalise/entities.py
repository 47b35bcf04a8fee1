"""Entity resolution: one entity per real thing, with a trace of the rule that joined each mention.

Rules, in order (the first that applies decides):

* ``name`` / ``alias`` / ``code`` / ``demonym``: the gazetteer knows the name ("U.S.", "Kenyan", "Nairobi");
* ``surname``: a one-word person name joins the only full name in the corpus that ends with it
  (two different full names with that surname: it stays apart);
* ``abbreviation``: an all-capital organisation name joins the organisation whose initials it spells
  ("NWA" and "National Water Authority");
* ``alias``: an organisation name joins the one organisation of the corpus whose name it is without its company
  word ("Acme" and "Acme Corp."), or whose last word it is when it is a plural ("Herons" and "Tarvik Herons");
* ``spelling``: romanisations of one Russian or Ukrainian name ("Petrovskiy", "Petrovsky") are one entity when
  both are in one document or the corpus gives both the same role;
* ``exact``: otherwise, mentions with the same folded label are one entity, whatever class the NER gave each
  (its class is the one most of its mentions were given).

Coreference resolved inside documents has already given pronouns and descriptions their antecedent's
label; such mentions join that entity but never add an alias (a pronoun is not a name).

Ids come from the canonical key (a country's ISO code, a region's ISO 3166-2 code, otherwise the folded name),
so adding articles does not rename existing entities, even when more evidence changes a name's class.

Every corpus-wide rule is *statistics, then decisions*: :mod:`kg.normalise.stats` gathers what each document
says about names (phase a), :func:`decide` turns the merged statistics into :class:`Decisions` (phase b), and
:meth:`Decisions.resolve` places each mention of a document (phase c, :mod:`kg.normalise.mapping`).

>>> from kg.model import Mention
>>> from kg.ontology import load_ontology
>>> f = first_key(Mention("d1", 0, 6, "Kenyan", "Kenyan", "NORP"), load_ontology())
>>> f.key, f.kind, f.rule
('country:KE', 'Country', 'demonym')
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from kg.extract import DocumentReading
from kg.mentions.names import REGION_AFTER_TOWN
from kg.model import Mention
from kg.ontology import Ontology
from kg.ontology.gazetteer import Name, fold_name

if TYPE_CHECKING:
    from kg.normalise.stats import KeyStats, NameStats

__all__ = ["Decisions", "First", "decide", "first_key", "pending"]

GENERIC_ORG = re.compile(
    r"\s+(?:news agency|agency|inc\.?|corp\.?|corporation|co\.?|ltd\.?|llc|plc|group|company)$", re.IGNORECASE
)
# Words that end many organisations' names and name none of them alone.
_GENERIC_WORDS = frozenset(
    {"united", "city", "group", "bank", "news", "times", "party", "council", "union", "association"}
)
_NAME_RULES = frozenset(
    {"ner", "range", "coref.surname", "coref.short", "group", "named-facility", "title.institution"}
)


# Ties between classes a name was given equally often go to the earlier one: a person or organisation is what
# the NER misses most often.
_CLASS_ORDER = ("Person", "Organization", "Country", "Region", "City", "Group", "Force", "Facility", "Location")


def _rank(kind: str) -> int:
    return _CLASS_ORDER.index(kind) if kind in _CLASS_ORDER else len(_CLASS_ORDER)


class First(NamedTuple):
    """Where a mention lands before corpus-wide merging: its key, class, rule and gazetteer entry."""

    mention: Mention
    key: str
    kind: str
    rule: str
    name: Name | None


def pending(reading: DocumentReading) -> Iterator[Mention]:
    """The mentions a document gives entity resolution, in order: its named mentions, then every extraction's
    two arguments (a mention may come twice; each time counts as evidence of its class)."""
    yield from reading.mentions
    for e in reading.extractions:
        yield from (a.mention for a in (e.arg1, e.arg2) if a is not None and a.mention is not None)


def _class_of(mention: Mention, ontology: Ontology) -> str:
    ner = mention.ner or ""
    if ner == "GROUP":
        head = mention.label.split()[-1].lower().rstrip("s")
        words = mention.label.lower()
        if any(w in words for w in ontology.cues.force_nouns) or head in ontology.cues.force_nouns:
            return "Force"
        return "Group"
    if ner == "GPE":
        return "City"  # a GPE the gazetteer does not know is a city or region, not a state
    return ontology.vocabulary.class_for_ner(ner) or "Concept"


def gazetteer_name(mention: Mention, ontology: Ontology) -> Name | None:
    gazetteer = ontology.gazetteer
    if mention.rule == REGION_AFTER_TOWN:
        return gazetteer.region(mention.label)  # "Tacoma, Washington": the state, not the capital
    name = gazetteer.lookup(mention.label)
    if name is None and mention.ner in ("GPE", "LOC"):
        name = gazetteer.place(mention.label)  # a state or city the NER calls a place
    if name is None:
        return None
    if mention.ner in ("PERSON", "PER") and name.type not in ("Person",):
        return None  # "Jordan" the person is not Jordan the country
    return name


def first_key(mention: Mention, ontology: Ontology) -> First:
    """A mention's key, class, rule and gazetteer entry before corpus-wide merging. A name the gazetteer does
    not know is keyed by its folded form alone: its class is decided from all its mentions (:func:`decide`)."""
    name = gazetteer_name(mention, ontology)
    if name is not None:
        return First(mention, name.key, name.type, name.rule, name)
    rule = "exact" if mention.rule in _NAME_RULES else mention.rule
    return First(mention, fold_name(mention.label), _class_of(mention, ontology), rule, None)


@dataclass(slots=True)
class Decisions:
    """Phase (b): what the corpus decided about names, enough to place any mention of any document.

    ``renamed``: (key, document) -> key of a namesake of another nationality; ``classes``: the class of every
    key; ``variants``: a spelling -> the spelling it joins; ``surnames``: a surname -> the one full name it
    joins; ``orgs``: a short form, initials or plural last word -> the organisation; ``canonical``: the
    gazetteer's (label, note) of a key; ``source_labels``: the name a capital or government seat is read by
    when it stands for its country.
    """

    renamed: dict[tuple[str, str], str] = field(default_factory=dict)
    classes: dict[str, str] = field(default_factory=dict)
    variants: dict[str, str] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)
    orgs: dict[str, str] = field(default_factory=dict)
    canonical: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    source_labels: dict[str, str] = field(default_factory=dict)

    def refused(self, firsts: list[First]) -> set[str]:
        """A document's surnames that stay apart from the corpus's full names: it names someone in full with
        them, and its own coreference left a surname alone (a conflicting title: "Vice President Lind" beside
        "Ivar Lind, his son")."""
        return {
            f.mention.label.split()[-1].casefold()
            for f in firsts
            if f.name is None and self.classes[self.variant(f)[0]] == "Person" and len(f.mention.label.split()) > 1
        }

    def variant(self, f: First) -> tuple[str, str]:
        """(key, rule) after the nationality split and the spelling variants."""
        key, rule = f.key, f.rule
        renamed = self.renamed.get((key, f.mention.document))
        if renamed is not None:
            key, rule = renamed, "exact"
        if key in self.variants:
            return self.variants[key], "spelling"
        return key, rule

    def resolve(self, f: First, refused: set[str]) -> tuple[str, str]:
        """Phase (c) for one mention: (entity key, rule). ``refused`` is :meth:`refused` of its document."""
        key, rule = self.variant(f)
        kind, label, words = self.classes[key], f.mention.label, f.mention.label.split()
        if kind == "Person" and f.name is None and len(words) == 1 and "@" not in key:
            if words[0].casefold() in refused:
                return key, rule
            target = self.surnames.get(words[0].split("-")[-1].lower())
            if target is not None:
                return target, "surname"
        elif kind == "Organization" and f.name is None:
            target = self.orgs.get(fold_name(label)) or self.orgs.get(fold_name(GENERIC_ORG.sub("", label)))
            if target and target != key:
                return target, "abbreviation" if label.isupper() else "alias"
        return key, rule


def _nationality_groups(stats: NameStats) -> dict[tuple[str, str], str]:
    """People who share a name but whom different documents give different nationalities are different
    people: the group of the first such document (in document-id order) keeps the plain key, each other
    group gets its nationality in the key; documents that say nothing join the plain key."""
    by_key: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for (key, document), bucket in sorted(stats.buckets.items()):
        by_key.setdefault(key, []).append((document, bucket.countries))
    renamed: dict[tuple[str, str], str] = {}
    for key, documents in by_key.items():
        groups: list[set[str]] = []  # disjoint nationality sets, in document order
        for document, countries in documents:
            group = next((g for g in groups if g & countries), None)
            if group is None:
                groups.append(set(countries))
                group = groups[-1]
            else:
                group |= countries
            if group is not groups[0]:
                renamed[(key, document)] = f"{key}@{min(group).casefold()}"
    return renamed


def _effective(stats: NameStats, renamed: dict[tuple[str, str], str]) -> dict[str, KeyStats]:
    """Statistics per key once every nationality bucket has joined its plain or its renamed key."""
    keys = dict(stats.keys)
    for (key, document), bucket in stats.buckets.items():
        target = renamed.get((key, document), key)
        held = keys.get(target)
        keys[target] = bucket.stats if held is None else held.merge(bucket.stats)
    return keys


def _class(tally: Counter[str]) -> str:
    """The class most mentions gave a name (ties go to the earlier class of ``_CLASS_ORDER``)."""
    return min(tally, key=lambda c: (-tally[c], _rank(c), c))


def _spelling_variants(
    keys: dict[str, KeyStats], classes: dict[str, str], pairs: set[tuple[str, str]], stats: NameStats, onto: Ontology
) -> dict[str, str]:
    """Names that are romanisations of one name ("Petrovskiy", "Petrovsky": ``Spellings.key``) are one when
    the evidence says so: both in one document, or given the same role. The most-mentioned spelling keeps
    the key; the others join it (rule ``spelling``). A surname alone joins a full name whose surname it
    spells otherwise ("Petrovsky" and "Ivan Petrovskiy") on the same evidence."""
    spell = onto.gazetteer.spellings.key
    documented = sorted(
        k for k, s in keys.items() if s.labels and "@" not in k and classes[k] in ("Person", "Organization")
    )

    def evidence(a: str, b: str) -> bool:
        if classes[a] != classes[b]:
            return False
        return (min(a, b), max(a, b)) in pairs or bool(stats.roles.get(a, set()) & stats.roles.get(b, set()))

    variants = _spelling_roots(documented, keys, spell, evidence)
    people = [k for k in documented if k not in variants and classes[k] == "Person"]
    variants.update(_surname_spellings(people, spell, evidence))
    return variants


def _spelling_roots(
    documented: list[str], keys: dict[str, KeyStats], spell: Callable[[str], str], evidence: Callable[[str, str], bool]
) -> dict[str, str]:
    """Within each spelling group, every name joins the most-mentioned earlier one the evidence ties it to."""
    groups: dict[str, list[str]] = {}
    for key in documented:
        groups.setdefault(spell(key), []).append(key)
    variants: dict[str, str] = {}
    for group in groups.values():
        roots: list[str] = []
        for key in sorted(group, key=lambda k: (-sum(keys[k].classes.values()), k)):
            target = next((r for r in roots if evidence(r, key)), None)
            if target is None:
                roots.append(key)
            else:
                variants[key] = target
    return variants


def _surname_spellings(
    people: list[str], spell: Callable[[str], str], evidence: Callable[[str, str], bool]
) -> dict[str, str]:
    """A surname alone joins the one full name whose surname it spells otherwise, on the same evidence."""
    surnames: dict[str, list[str]] = {}
    for key in people:
        if " " in key:
            surnames.setdefault(spell(key.split()[-1]), []).append(key)
    variants: dict[str, str] = {}
    for key in people:
        full = [f for f in surnames.get(spell(key), []) if evidence(f, key)] if " " not in key else []
        if len(full) == 1 and full[0].split()[-1] != key:  # the same spelling: the surname merge's
            variants[key] = full[0]
    return variants


def _merge_tables(
    keys: dict[str, KeyStats], classes: dict[str, str], variants: dict[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """Full person names by surname (only surnames one full name has), and organisation keys by their short
    forms, initials and plural last words (the first key in key order wins)."""
    persons: dict[str, set[str]] = {}
    orgs: dict[str, str] = {}
    last_words: dict[str, set[str]] = {}

    for first_key_, stats in keys.items():
        key = variants.get(first_key_, first_key_)
        kind = classes[key]
        for label in stats.labels:
            if kind == "Person" and len(label.split()) > 1:
                persons.setdefault(label.split()[-1].split("-")[-1].lower(), set()).add(key)
            elif kind == "Organization":
                for form in _short_forms(label):
                    if form not in orgs or key < orgs[form]:
                        orgs[form] = key
                if len(label.split()) > 1:
                    last_words.setdefault(fold_name(GENERIC_ORG.sub("", label).split()[-1]), set()).add(key)
    for word, key in _team_names(last_words).items():
        orgs.setdefault(word, key)
    surnames = {surname: next(iter(found)) for surname, found in persons.items() if len(found) == 1}
    return surnames, orgs


def _team_names(last_words: dict[str, set[str]]) -> dict[str, str]:
    """ "Herons" in one story, "Tarvik Herons" in another: the one organisation whose name ends so. Only plurals
    (team names): a singular word ("House", "Court") is also a noun many names end with."""
    return {
        word: next(iter(found))
        for word, found in last_words.items()
        if len(found) == 1 and word not in _GENERIC_WORDS and word.endswith("s") and not word.endswith("ss")
    }


def _short_forms(label: str) -> list[str]:
    """What else an organisation's name may be written as: without its company word ("Acme" for "Acme Corp."),
    its initials ("NWA" for "National Water Authority")."""
    forms = []
    stripped = GENERIC_ORG.sub("", label)
    if stripped != label:
        forms.append(fold_name(stripped))
    initials = _initials(label)
    if len(initials) >= 3 and len(label.split()) >= 3:
        forms.append(initials.casefold())
    return forms


def _initials(label: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", label) if w[0].isupper())


def _canonical(names: set[tuple[str, str | None]]) -> tuple[str, str | None]:
    """The gazetteer entry a key stands for. Entries of one key differ only where a capital is also listed as a
    city ("Bogotá", "Bogota"): the one that says what it is (its note) wins, whatever order documents came in."""
    return min(names, key=lambda n: (n[1] is None, n[0], n[1] or ""))


def decide(stats: NameStats, ontology: Ontology) -> Decisions:
    """Phase (b): entity decisions from the merged name statistics of the whole corpus (pure)."""
    renamed = _nationality_groups(stats)
    keys = _effective(stats, renamed)
    classes = {key: _class(s.classes) for key, s in keys.items()}
    pairs = set(stats.pairs)
    pairs.update((a, b) for a, b, d in stats.document_pairs if (a, d) not in renamed and (b, d) not in renamed)
    variants = _spelling_variants(keys, classes, pairs, stats, ontology)
    surnames, orgs = _merge_tables(keys, classes, variants)
    canonical = {key: _canonical(s.names) for key, s in keys.items() if s.names}
    sources = {}
    for key, (label, _) in canonical.items():
        entry = ontology.gazetteer.canonical(label)
        if entry is not None and entry.stands_for and keys[key].counted:
            sources[key] = min(keys[key].counted)
    return Decisions(renamed, classes, variants, surnames, orgs, canonical, sources)
