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
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.ids import entity_id
from kg.model import Entity, Mention
from kg.ontology import Ontology
from kg.ontology.gazetteer import Name, fold_name

__all__ = ["EntityResolver", "Resolved"]

_GENERIC_ORG = re.compile(
    r"\s+(?:news agency|agency|inc\.?|corp\.?|corporation|co\.?|ltd\.?|llc|plc|group|company)$", re.IGNORECASE
)
# Words that end many organisations' names and name none of them alone.
_GENERIC_WORDS = frozenset(
    {"united", "city", "group", "bank", "news", "times", "party", "council", "union", "association"}
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_NAME_RULES = frozenset({"ner", "coref.surname", "coref.short", "group", "named-facility", "title.institution"})


# Ties between classes a name was given equally often go to the earlier one: a person or organisation is what
# the NER misses most often.
_CLASS_ORDER = ("Person", "Organization", "Country", "Region", "City", "Group", "Force", "Facility", "Location")


def _rank(kind: str) -> int:
    return _CLASS_ORDER.index(kind) if kind in _CLASS_ORDER else len(_CLASS_ORDER)


@dataclass(frozen=True, slots=True)
class Resolved:
    """Where one mention landed: the entity key, the rule that put it there."""

    key: str
    rule: str


# (mention, key, class of the mention, rule, gazetteer name) before corpus-wide merging
_First = tuple[Mention, str, str, str, Name | None]


@dataclass(slots=True)
class _Cluster:
    key: str
    type: str
    labels: dict[str, int] = field(default_factory=dict)  # label -> count
    canonical: str | None = None  # fixed label (gazetteer) if any
    note: str | None = None
    mentions: list[tuple[Mention, str]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)  # other names that are never the label (short forms)


def _initials(label: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", label) if w[0].isupper())


class EntityResolver:
    """Collects mentions from a whole corpus, then decides entities (deterministically)."""

    def __init__(self, ontology: Ontology) -> None:
        self.ontology = ontology
        self.gazetteer = ontology.gazetteer
        self.cues = ontology.cues
        self._clusters: dict[str, _Cluster] = {}
        self._resolved: dict[tuple[str, int, int, str], Resolved] = {}
        self._pending: list[Mention] = []
        self._nationality: dict[tuple[str, str], set[str]] = {}
        self._roles: dict[str, set[str]] = {}  # folded name -> roles the corpus gives it

    # -- typing ---------------------------------------------------------------------------------------

    def _class_of(self, mention: Mention) -> str:
        ner = mention.ner or ""
        if ner == "GROUP":
            head = mention.label.split()[-1].lower().rstrip("s")
            words = mention.label.lower()
            if any(w in words for w in self.cues.force_nouns) or head in self.cues.force_nouns:
                return "Force"
            return "Group"
        if ner == "GPE":
            return "City"  # a GPE the gazetteer does not know is a city or region, not a state
        return self.ontology.vocabulary.class_for_ner(ner) or "Concept"

    def gazetteer_name(self, mention: Mention) -> Name | None:
        name = self.gazetteer.lookup(mention.label)
        if name is None and mention.ner in ("GPE", "LOC"):
            name = self.gazetteer.place(mention.label)  # a state or city the NER calls a place
        if name is None:
            return None
        if mention.ner in ("PERSON", "PER") and name.type not in ("Person",):
            return None  # "Jordan" the person is not Jordan the country
        return name

    # -- collection -------------------------------------------------------------------------------------

    def add(self, mentions: Iterable[Mention]) -> None:
        self._pending.extend(mentions)

    def _first_key(self, mention: Mention) -> tuple[str, str, str, Name | None]:
        """(key, class, rule, gazetteer name) before corpus-wide merging. A name the gazetteer does not know
        is keyed by its folded form alone: its class is decided from all its mentions (``_classes``)."""
        name = self.gazetteer_name(mention)
        if name is not None:
            return name.key, name.type, name.rule, name
        kind = self._class_of(mention)
        rule = "exact" if mention.rule in _NAME_RULES else mention.rule
        return fold_name(mention.label), kind, rule, None

    def describe(self, document: str, label: str, country: str) -> None:
        """Record that a document says the person named ``label`` is of ``country`` (from titles and roles:
        "Kenyan President Daniel Mwangi", "Lindqvist, the Swedish envoy")."""
        self._nationality.setdefault((document, fold_name(label)), set()).add(country)

    def _split_by_nationality(self, firsts: list[_First]) -> list[_First]:
        """People who share a name but whom different documents give different nationalities are different
        people: the group of the first such document (in document-id order) keeps the plain key, each other
        group gets its nationality in the key; documents that say nothing join the plain key."""
        by_key: dict[str, dict[str, set[str]]] = {}
        for m, key, kind, _, name in firsts:
            if kind == "Person" and name is None:
                countries = self._nationality.get((m.document, fold_name(m.label)), set())
                by_key.setdefault(key, {}).setdefault(m.document, set()).update(countries)
        renamed: dict[tuple[str, str], str] = {}
        for key, documents in by_key.items():
            groups: list[set[str]] = []  # disjoint nationality sets, in document order
            for document in sorted(documents):
                countries = documents[document]
                if not countries:
                    continue
                group = next((g for g in groups if g & countries), None)
                if group is None:
                    groups.append(set(countries))
                    group = groups[-1]
                else:
                    group |= countries
                if group is not groups[0]:
                    renamed[(key, document)] = f"{key}@{min(group).casefold()}"
        if not renamed:
            return firsts
        return [
            (m, renamed.get((key, m.document), key), kind, rule if (key, m.document) not in renamed else "exact", name)
            for m, key, kind, rule, name in firsts
        ]

    def _classes(self, firsts: list[_First]) -> dict[str, str]:
        """The class of every name key: the class most of its mentions were given, across the corpus (ties
        go to the earlier class of ``_CLASS_ORDER``). A name is one thing; its class is evidence about it."""
        tallies: dict[str, Counter[str]] = {}
        for _, key, kind, _, name in firsts:
            tallies.setdefault(key, Counter())[name.type if name else kind] += 1
        return {key: min(t, key=lambda c: (-t[c], _rank(c), c)) for key, t in tallies.items()}

    def describe_role(self, label: str, role: str) -> None:
        """Record a role the corpus gives the person or organisation named ``label`` ("minister")."""
        self._roles.setdefault(fold_name(label), set()).add(role)

    def _roles_of(self, key: str) -> set[str]:
        return self._roles.get(key, set())

    def _spelling_variants(self, firsts: list[_First], classes: dict[str, str]) -> dict[str, str]:
        """Names that are romanisations of one name ("Petrovskiy", "Petrovsky": ``Spellings.key``) are one when
        the evidence says so: both in one document, or given the same role. The most-mentioned spelling keeps
        the key; the others join it (rule ``spelling``). A surname alone joins a full name whose surname it
        spells otherwise ("Petrovsky" and "Ivan Petrovskiy") on the same evidence."""
        # complex: spelling variants join only on evidence (one document names both, or both hold one role): read
        # together.
        documents: dict[str, set[str]] = {}
        for m, key, _, _, name in firsts:
            if name is None and "@" not in key and classes[key] in ("Person", "Organization"):
                documents.setdefault(key, set()).add(m.document)
        counts = Counter(key for _, key, _, _, _ in firsts)

        def evidence(a: str, b: str) -> bool:
            same = classes[a] == classes[b]
            return same and bool(documents[a] & documents[b] or self._roles_of(a) & self._roles_of(b))

        groups: dict[str, list[str]] = {}
        for key in documents:
            groups.setdefault(self.gazetteer.spellings.key(key), []).append(key)
        variants: dict[str, str] = {}
        for keys in groups.values():
            roots: list[str] = []
            for key in sorted(keys, key=lambda k: (-counts[k], k)):
                target = next((r for r in roots if evidence(r, key)), None)
                if target is None:
                    roots.append(key)
                else:
                    variants[key] = target
        surnames: dict[str, list[str]] = {}
        for key in sorted(documents):
            if key not in variants and " " in key and classes[key] == "Person":
                surnames.setdefault(self.gazetteer.spellings.key(key.split()[-1]), []).append(key)
        for key in sorted(documents):
            if key in variants or " " in key or classes[key] != "Person":
                continue
            full = [f for f in surnames.get(self.gazetteer.spellings.key(key), []) if evidence(f, key)]
            if len(full) == 1 and full[0].split()[-1] != key:  # the same spelling: the surname merge's
                variants[key] = full[0]
        return variants

    def _merge_tables(
        self, firsts: list[_First], classes: dict[str, str]
    ) -> tuple[dict[str, set[str]], dict[str, str]]:
        """Full person names by surname, and organisation keys by their short forms and initials."""
        # complex: the corpus-wide merge tables (surnames, abbreviations, suffixes) are built in one pass over the
        # mentions.
        persons: dict[str, set[str]] = {}
        orgs: dict[str, str] = {}
        last_words: dict[str, set[str]] = {}
        for m, key, _, _, name in sorted(firsts, key=lambda f: f[1]):
            label, kind = m.label, classes[key]
            if kind == "Person" and name is None and len(label.split()) > 1:
                persons.setdefault(label.split()[-1].split("-")[-1].lower(), set()).add(key)
            if kind == "Organization" and name is None and len(label.split()) > 1:
                last_words.setdefault(fold_name(_GENERIC_ORG.sub("", label).split()[-1]), set()).add(key)
            if kind == "Organization" and name is None:
                stripped = _GENERIC_ORG.sub("", label)
                if stripped != label:
                    orgs.setdefault(fold_name(stripped), key)
                initials = _initials(label)
                if len(initials) >= 3 and len(label.split()) >= 3:
                    orgs.setdefault(initials.casefold(), key)
        # "Herons" in one story, "Tarvik Herons" in another: the one organisation whose name ends so.
        # Only plurals (team names): a singular word ("House", "Court") is also a noun many names end with.
        for word, keys in last_words.items():
            if len(keys) == 1 and word not in _GENERIC_WORDS and word.endswith("s") and not word.endswith("ss"):
                orgs.setdefault(word, next(iter(keys)))
        return persons, orgs

    def resolve_all(self) -> None:
        """Decide every pending mention's entity."""
        # complex: the corpus-wide merges read the same tables in one pass.
        firsts = self._split_by_nationality([(m, *self._first_key(m)) for m in self._pending])
        classes = self._classes(firsts)
        variants = self._spelling_variants(firsts, classes)
        firsts = [(m, variants.get(k, k), kind, "spelling" if k in variants else r, n) for m, k, kind, r, n in firsts]
        # Corpus-wide merges: surnames to full names, abbreviations to organisation names.
        persons, orgs = self._merge_tables(firsts, classes)
        # A surname left alone in a document that names someone in full with it was kept apart there (a
        # conflicting title: "Vice President Lind" beside "Ivar Lind, his son"): the corpus keeps it apart too.
        refused = {
            (m.document, m.label.split()[-1].casefold())
            for m, key, _, _, name in firsts
            if name is None and classes[key] == "Person" and len(m.label.split()) > 1
        }
        for m, key, _, rule, name in firsts:
            kind = classes[key]
            words = m.label.split()
            if kind == "Person" and name is None and len(words) == 1 and "@" not in key:
                if (m.document, words[0].casefold()) in refused:
                    self._record(m, key, kind, rule, name)
                    continue
                targets = persons.get(words[0].split("-")[-1].lower(), set())
                if len(targets) == 1:
                    key, rule = next(iter(targets)), "surname"
            elif kind == "Organization" and name is None:
                target = orgs.get(fold_name(m.label)) or orgs.get(fold_name(_GENERIC_ORG.sub("", m.label)))
                if target and target != key:
                    key, rule = target, "abbreviation" if m.label.isupper() else "alias"
            self._record(m, key, classes[key], rule, name)
        self._pending.clear()

    def _record(self, m: Mention, key: str, kind: str, rule: str, name: Name | None) -> None:
        cluster = self._clusters.get(key)
        if cluster is None:
            cluster = _Cluster(key, kind, canonical=name.label if name else None, note=name.note if name else None)
            self._clusters[key] = cluster
        if m.rule in _NAME_RULES or m.rule.startswith("metonym"):
            label = m.text if m.rule.startswith("metonym.instrument") else m.label
            cluster.labels[label] = cluster.labels.get(label, 0) + 1
        if m.rule == "coref.short":  # "Lindgren" names Lindgren Motor Co.: an alias, never the label
            cluster.aliases.add(_POSSESSIVE.sub("", m.text))
        trace = (m, m.rule if m.rule.startswith(("coref", "metonym")) else rule)
        if trace not in cluster.mentions:
            cluster.mentions.append(trace)
        self._resolved[(m.document, m.start, m.end, m.label)] = Resolved(key, rule)

    # -- results --------------------------------------------------------------------------------------

    def key_of(self, mention: Mention) -> str:
        return self._resolved[(mention.document, mention.start, mention.end, mention.label)].key

    def stands_for(self, key: str) -> str | None:
        """The country a capital or a government metonym stands for, as an entity key (ensured to exist)."""
        cluster = self._clusters[key]
        name = self.gazetteer.canonical(cluster.canonical) if cluster.canonical else None
        if name is None or not name.stands_for:
            return None
        target = self.gazetteer.canonical(name.stands_for)
        if target is None:
            return None
        if target.key not in self._clusters:
            self._clusters[target.key] = _Cluster(target.key, target.type, canonical=target.label)
        return target.key

    def add_metonym(self, key: str, mention: Mention, source_key: str) -> None:
        """Record that a mention of a capital or metonym was read as the actor it stands for."""
        cluster = self._clusters[key]
        source = self._clusters[source_key]
        rule = "metonym.capital" if source.type == "City" else "metonym.government"
        cluster.mentions.append((mention, rule))
        label = next(iter(sorted(source.labels)), mention.label) if source.labels else mention.label
        cluster.labels[label] = cluster.labels.get(label, 0) + 1

    def entities(self) -> dict[str, Entity]:
        """Entity per key, with canonical label, aliases and the merge trace."""
        result: dict[str, Entity] = {}
        for key in sorted(self._clusters):
            cluster = self._clusters[key]
            labels = sorted(cluster.labels, key=lambda label: (-len(label.split()), -cluster.labels[label], label))
            label = cluster.canonical or (labels[0] if labels else key.split(":", 1)[-1])
            aliases = tuple(sorted({a for a in (*cluster.labels, *cluster.aliases) if a != label}))
            ordered = sorted(cluster.mentions, key=lambda mr: (mr[0].document, mr[0].start, mr[0].end, mr[1]))
            result[key] = Entity(
                # a name's id does not depend on its class: more evidence may change the class, never the id
                id=entity_id(cluster.type if cluster.canonical else "", key),
                label=label,
                type=cluster.type,
                aliases=aliases,
                mentions=tuple(m for m, _ in ordered),
                merged_by=tuple(r for _, r in ordered),
                note=cluster.note,
            )
        return result

    def type_of(self, key: str) -> str:
        return self._clusters[key].type
