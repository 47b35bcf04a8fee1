"""Cue words the extractors read (``cues.toml``): attribution verbs, hedges, negators, actor nouns, light verbs.

>>> cues = load_cues()
>>> "say" in cues.report_verbs, "reportedly" in cues.hedge_adverbs, "drone" in cues.instrument_nouns
(True, True, True)
>>> "talk" in cues.light_verbs["hold"]
True
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import OntologyError

__all__ = ["Cues", "load_cues"]


@dataclass(frozen=True, slots=True)
class Cues:
    report_verbs: frozenset[str] = frozenset()
    report_prepositions: frozenset[str] = frozenset()
    hedge_modals: frozenset[str] = frozenset()
    future_modals: frozenset[str] = frozenset()
    hedge_adverbs: frozenset[str] = frozenset()
    intent_verbs: frozenset[str] = frozenset()
    party_names: frozenset[str] = frozenset()
    party_offices: frozenset[str] = frozenset()
    state_bodies: frozenset[str] = frozenset()
    past_role_words: frozenset[str] = frozenset()
    request_verbs: frozenset[str] = frozenset()
    intent_nouns: frozenset[str] = frozenset()
    negation_verbs: frozenset[str] = frozenset()
    negation_words: frozenset[str] = frozenset()
    instrument_nouns: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    force_nouns: frozenset[str] = frozenset()
    government_nouns: frozenset[str] = frozenset()
    member_nouns: frozenset[str] = frozenset()
    agency_members: frozenset[str] = frozenset()
    agency_words: frozenset[str] = frozenset()
    company_titles: frozenset[str] = frozenset()
    light_verbs: Mapping[str, frozenset[str]] = field(default_factory=dict)
    idioms: Mapping[str, str] = field(default_factory=dict)
    country_nouns: frozenset[str] = frozenset()
    city_nouns: frozenset[str] = frozenset()
    organization_nouns: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    appoint_verbs: frozenset[str] = frozenset()
    job_verbs: frozenset[str] = frozenset()
    benefactive_verbs: frozenset[str] = frozenset()
    facility_nouns: frozenset[str] = frozenset()
    patient_possessor: frozenset[str] = frozenset()
    alleged_by: frozenset[str] = frozenset()
    found_by: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()
    observer_verbs: frozenset[str] = frozenset()
    lethal_adverbs: frozenset[str] = frozenset()
    lethal_results: frozenset[str] = frozenset()
    contest_nouns: frozenset[str] = frozenset()
    violence_words: frozenset[str] = frozenset()
    event_nouns: frozenset[str] = frozenset()
    home_nouns: frozenset[str] = frozenset()
    premises_nouns: frozenset[str] = frozenset()
    portfolio_words: frozenset[str] = frozenset()
    institution_nouns: frozenset[str] = frozenset()
    named_thing_nouns: frozenset[str] = frozenset()
    event_name_nouns: frozenset[str] = frozenset()
    area_nouns: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()
    female_nouns: frozenset[str] = frozenset()
    male_nouns: frozenset[str] = frozenset()
    family_nouns: frozenset[str] = frozenset()
    conduct_nouns: frozenset[str] = frozenset()


# (field, table, key) for every word list in cues.toml
_LISTS = (
    ("report_verbs", "attribution", "verbs"),
    ("report_prepositions", "attribution", "prepositions"),
    ("hedge_modals", "modality", "hedge_modals"),
    ("future_modals", "modality", "future_modals"),
    ("hedge_adverbs", "modality", "hedge_adverbs"),
    ("intent_verbs", "modality", "intent_verbs"),
    ("party_names", "actors", "party_names"),
    ("party_offices", "actors", "party_offices"),
    ("state_bodies", "actors", "state_bodies"),
    ("past_role_words", "modality", "past_role_words"),
    ("request_verbs", "modality", "request_verbs"),
    ("intent_nouns", "modality", "intent_nouns"),
    ("negation_verbs", "modality", "negation_verbs"),
    ("negation_words", "modality", "negation_words"),
    ("instrument_nouns", "actors", "instrument_nouns"),
    ("group_nouns", "actors", "group_nouns"),
    ("force_nouns", "actors", "force_nouns"),
    ("government_nouns", "actors", "government_nouns"),
    ("member_nouns", "actors", "member_nouns"),
    ("agency_members", "actors", "agency_members"),
    ("agency_words", "actors", "agency_words"),
    ("company_titles", "actors", "company_titles"),
    ("country_nouns", "coreference", "country_nouns"),
    ("city_nouns", "coreference", "city_nouns"),
    ("organization_nouns", "coreference", "organization_nouns"),
    ("person_nouns", "coreference", "person_nouns"),
    ("appoint_verbs", "coreference", "appoint_verbs"),
    ("job_verbs", "coreference", "job_verbs"),
    ("benefactive_verbs", "nominal", "benefactive_verbs"),
    ("facility_nouns", "classes", "facility_nouns"),
    ("patient_possessor", "nominal", "patient_possessor"),
    ("alleged_by", "nominal", "alleged_by"),
    ("found_by", "nominal", "found_by"),
    ("speech_nouns", "nominal", "speech_nouns"),
    ("observer_verbs", "nominal", "observer_verbs"),
    ("lethal_adverbs", "results", "lethal_adverbs"),
    ("lethal_results", "results", "lethal_results"),
    ("contest_nouns", "sense", "contest_nouns"),
    ("violence_words", "sense", "violence_words"),
    ("event_nouns", "classes", "event_nouns"),
    ("home_nouns", "classes", "home_nouns"),
    ("premises_nouns", "classes", "premises_nouns"),
    ("portfolio_words", "actors", "portfolio_words"),
    ("institution_nouns", "actors", "institution_nouns"),
    ("named_thing_nouns", "classes", "named_thing_nouns"),
    ("event_name_nouns", "classes", "event_name_nouns"),
    ("area_nouns", "classes", "area_nouns"),
    ("claim_nouns", "nominal", "claim_nouns"),
    ("female_nouns", "coreference", "female_nouns"),
    ("male_nouns", "coreference", "male_nouns"),
    ("family_nouns", "coreference", "family_nouns"),
    ("conduct_nouns", "nominal", "conduct_nouns"),
)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise OntologyError(f"{path}: no such file") from None
    except tomllib.TOMLDecodeError as error:
        raise OntologyError(f"{path}: invalid TOML: {error}") from None


def load_cues(paths: Iterable[Path] = ()) -> Cues:
    """The built-in cues, extended (never shrunk) by extra TOML files of the same shape."""
    # complex: reads and checks one TOML file; each check names the file and key.
    from kg.resources import ontology_file

    lists: dict[str, set[str]] = {name: set() for name, _, _ in _LISTS}
    light: dict[str, set[str]] = {}
    idioms: dict[str, str] = {}
    for path in [ontology_file("cues.toml"), *paths]:
        data = _read(path)
        known = {(table, key) for _, table, key in _LISTS}
        for table, values in data.items():
            if table in ("version", "light_verbs", "idioms"):
                continue
            if not isinstance(values, dict):
                raise OntologyError(f"{path}: {table} must be a [table] of word lists")
            for key in values:
                if (table, key) not in known:
                    raise OntologyError(f"{path}: unknown cue list [{table}] {key} (known: see ontology/cues.toml)")
        for name, table, key in _LISTS:
            values = data.get(table, {}).get(key, [])
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise OntologyError(f"{path}: [{table}] {key} must be a list of strings")
            lists[name].update(v.lower() for v in values)
        for phrase, lemma in data.get("idioms", {}).items():
            if not isinstance(lemma, str) or len(phrase.split()) != 3:
                raise OntologyError(f"{path}: [idioms] {phrase!r} must be 'verb preposition noun' = 'lemma'")
            idioms[" ".join(phrase.lower().split())] = lemma.lower()
        for verb, nouns in data.get("light_verbs", {}).items():
            if not isinstance(nouns, list):
                raise OntologyError(f"{path}: [light_verbs] {verb} must be a list of strings")
            light.setdefault(verb, set()).update(n.lower() for n in nouns)
    return Cues(
        **{name: frozenset(values) for name, values in lists.items()},
        light_verbs={verb: frozenset(nouns) for verb, nouns in light.items()},
        idioms=idioms,
    )
