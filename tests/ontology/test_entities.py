"""Entity identity: one entity per real thing, its class decided from all the evidence (sentences written for
these tests, parsed by hand so a model upgrade cannot change them)."""

from __future__ import annotations

from kg.ontology import load_ontology
from kg.ontology.gazetteer import load_gazetteer
from tests.extract.handparse import graph_of

# word, head, dep, pos, tag, lemma, entity
STATE_SUES = [
    ("Ohio", 1, "nsubj", "PROPN", "NNP", "Ohio", "B-GPE"),
    ("sued", 1, "ROOT", "VERB", "VBD", "sue", "O"),
    ("Brightwater", 3, "compound", "PROPN", "NNP", "Brightwater", "B-ORG"),
    ("Mills", 1, "dobj", "PROPN", "NNP", "Mills", "I-ORG"),
    ("in", 1, "prep", "ADP", "IN", "in", "O"),
    ("Leeds", 4, "pobj", "PROPN", "NNP", "Leeds", "B-GPE"),
    (".", 1, "punct", "PUNCT", ".", ".", "O"),
]


def test_states_and_provinces_are_regions_and_known_cities_are_cities() -> None:
    gazetteer = load_gazetteer()
    assert (gazetteer.place("Ohio").type, gazetteer.place("Ontario").type) == ("Region", "Region")
    assert gazetteer.place("Leeds").type == "City"
    assert gazetteer.place("Scotland").key == "region:GB-SCT"
    # a region named after a city of its own country is the city; a name a country has stays the country's
    assert gazetteer.place("Konya").type == "City"
    assert gazetteer.place("Georgia").type == "Country"
    # regions and cities settle what the NER calls a place; the names every extractor reads stay as they were
    assert gazetteer.lookup("Ohio") is None and gazetteer.lookup("Leeds") is None
    # names that only describe ("North West", "Central") are not regions
    assert gazetteer.place("North West") is None and gazetteer.place("Central") is None


def test_a_state_the_ner_calls_a_place_is_a_region_with_a_stable_id() -> None:
    entities = {e.label: e for e in graph_of(STATE_SUES).entities}
    assert entities["Ohio"].type == "Region" and entities["Ohio"].id.startswith("region-us-oh-")
    assert entities["Leeds"].type == "City"
    assert load_ontology().vocabulary.is_a("Region", "Place") and load_ontology().vocabulary.is_a("Region", "Actor")
