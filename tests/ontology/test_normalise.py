"""Normalisation against the ontology: entities merged and kept apart, relations turned, checked, kept stable."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.model import Document
from kg.normalise import Settings
from kg.pipeline import build_documents
from tests.extract.handparse import facts, graph_of

# word, head, dep, pos, tag, lemma, entity
EMPLOYS = [
    ("Reuters", 1, "nsubj", "PROPN", "NNP", "Reuters", "B-ORG"),
    ("employs", 1, "ROOT", "VERB", "VBZ", "employ", "O"),
    ("Jane", 3, "compound", "PROPN", "NNP", "Jane", "B-PERSON"),
    ("Doe", 1, "dobj", "PROPN", "NNP", "Doe", "I-PERSON"),
    (".", 1, "punct", "PUNCT", ".", ".", "O"),
]
BACKED_BY = [
    ("Uganda", 3, "nsubjpass", "PROPN", "NNP", "Uganda", "B-GPE"),
    ("was", 3, "auxpass", "AUX", "VBD", "be", "O"),
    ("largely", 3, "advmod", "ADV", "RB", "largely", "O"),
    ("backed", 3, "ROOT", "VERB", "VBN", "back", "O"),
    ("by", 3, "agent", "ADP", "IN", "by", "O"),
    ("Washington", 4, "pobj", "PROPN", "NNP", "Washington", "B-GPE"),
    (".", 3, "punct", "PUNCT", ".", ".", "O"),
]
MET = [
    ("Mwangi", 1, "nsubj", "PROPN", "NNP", "Mwangi", "B-PERSON"),
    ("met", 1, "ROOT", "VERB", "VBD", "meet", "O"),
    ("Halvorsen", 1, "dobj", "PROPN", "NNP", "Halvorsen", "B-PERSON"),
    (".", 1, "punct", "PUNCT", ".", ".", "O"),
]
MET_BACKWARDS = [
    ("Halvorsen", 1, "nsubj", "PROPN", "NNP", "Halvorsen", "B-PERSON"),
    ("met", 1, "ROOT", "VERB", "VBD", "meet", "O"),
    ("Mwangi", 1, "dobj", "PROPN", "NNP", "Mwangi", "B-PERSON"),
    (".", 1, "punct", "PUNCT", ".", ".", "O"),
]
KILLED_A_CITY = [
    ("Russia", 1, "nsubj", "PROPN", "NNP", "Russia", "B-GPE"),
    ("killed", 1, "ROOT", "VERB", "VBD", "kill", "O"),
    ("Paris", 1, "dobj", "PROPN", "NNP", "Paris", "B-GPE"),
    (".", 1, "punct", "PUNCT", ".", ".", "O"),
]
UNMAPPED = [
    ("Norway", 1, "nsubj", "PROPN", "NNP", "Norway", "B-GPE"),
    ("outbid", 1, "ROOT", "VERB", "VBD", "outbid", "O"),
    ("Sweden", 1, "dobj", "PROPN", "NNP", "Sweden", "B-GPE"),
    (".", 1, "punct", "PUNCT", ".", ".", "O"),
]


def test_an_inverse_lexicon_entry_turns_the_arguments_around() -> None:
    assert facts(graph_of(EMPLOYS)) == {("Jane Doe", "kg:worksFor", "Reuters")}


def test_a_passive_with_agent_is_turned_around_and_a_capital_acting_is_its_state() -> None:
    graph = graph_of(BACKED_BY)
    assert facts(graph) == {("United States", "kg:supports", "Uganda")}
    united_states = next(e for e in graph.entities if e.label == "United States")
    assert "metonym.capital" in united_states.merged_by and "Washington" in united_states.aliases


def test_a_symmetric_relation_is_one_fact_whichever_way_it_is_told() -> None:
    (one,), (other,) = graph_of(MET).triples, graph_of(MET_BACKWARDS).triples
    assert one.id == other.id and (one.subject.label, one.object.label) == (other.subject.label, other.object.label)


def test_domain_and_range_violations_are_dropped_or_flagged_never_silently_kept() -> None:
    assert graph_of(KILLED_A_CITY).triples == ()
    (flagged,) = graph_of(KILLED_A_CITY, Settings(domain_range="flag")).triples
    assert flagged.flags == ("domain-range-violation",) and flagged.predicate.id == "kg:kills"


def test_unmapped_verbs_are_kept_as_related_to_with_their_surface_or_dropped() -> None:
    (kept,) = graph_of(UNMAPPED).triples
    assert (kept.predicate.id, kept.predicate.surface) == ("kg:relatedTo", "outbid")
    assert graph_of(UNMAPPED, Settings(unmapped="drop")).triples == ()


def test_min_confidence_drops_weak_triples() -> None:
    assert graph_of(MET, Settings(min_confidence=0.99)).triples == ()


@pytest.mark.model
def test_aliases_demonyms_and_surnames_merge_into_one_entity_with_a_trace(nlp: Any) -> None:
    documents = [
        Document("a", "The U.S. imposed sanctions on Iran. Iranian officials condemned the United States."),
        Document(
            "b",
            "President Hassan Rouhani met Chinese leaders in Beijing on Monday. "
            "Later, Mr. Rouhani thanked China for its support.",
        ),
    ]
    graph = build_documents(documents, nlp=nlp)
    us = [e for e in graph.entities if e.label == "United States"]
    assert len(us) == 1 and {"U.S."} <= set(us[0].aliases)
    rouhani = [e for e in graph.entities if "Rouhani" in e.label]
    assert len(rouhani) == 1 and rouhani[0].label == "Hassan Rouhani"
    rules = dict(zip([m.text for m in rouhani[0].mentions], rouhani[0].merged_by, strict=True))
    assert rules["Rouhani"] == "coref.surname"
    china = next(e for e in graph.entities if e.label == "China")
    assert "demonym" in china.merged_by  # "Chinese leaders"


@pytest.mark.model
def test_two_people_who_share_a_name_stay_two_when_the_evidence_conflicts(nlp: Any) -> None:
    documents = [
        Document("a", "British Foreign Secretary John Smith met French officials in Paris. Smith praised France."),
        Document("b", "Australian cricketer John Smith scored a century in Sydney. Smith thanked his coach."),
        Document("c", "Canadian Senator Mary Smith visited Japan."),
    ]
    graph = build_documents(documents, nlp=nlp)
    johns = [e for e in graph.entities if e.label == "John Smith"]
    assert len(johns) == 2 and len({e.id for e in johns}) == 2
    marys = [e for e in graph.entities if e.label == "Mary Smith"]
    assert len(marys) == 1
    # "Smith" alone in document a is the British John Smith, not the cricketer and not Mary
    british = next(e for e in johns if any(m.document == "a" for m in e.mentions))
    assert all(m.document == "a" for m in british.mentions)


@pytest.mark.model
def test_a_surname_that_two_people_share_is_not_guessed_across_documents(nlp: Any) -> None:
    documents = [
        Document("a", "John Smith met Iranian officials."),
        Document("b", "Jane Smith met Syrian officials."),
        Document("c", "Officials said Smith condemned Iran on Tuesday."),
    ]
    graph = build_documents(documents, nlp=nlp)
    labels = sorted(e.label for e in graph.entities if e.type == "Person")
    assert labels == ["Jane Smith", "John Smith", "Smith"]


@pytest.mark.model
def test_the_same_input_gives_byte_identical_output_and_more_articles_rename_nothing(nlp: Any, tmp_path: Path) -> None:
    from kg.export.jsonl import write_outputs

    first = [Document("a", "Kenyan President Daniel Mwangi met Norwegian officials in Oslo on Monday.")]
    more = [*first, Document("b", "Mwangi later visited Sweden, where King Carl Gustaf welcomed him.")]
    write_outputs(build_documents(first, nlp=nlp), tmp_path / "one")
    write_outputs(build_documents(first, nlp=nlp), tmp_path / "two")
    write_outputs(build_documents(more, nlp=nlp), tmp_path / "three")
    for name in ("triples.jsonl", "entities.jsonl"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    ids_before = {
        json.loads(line)["label"]: json.loads(line)["id"] for line in (tmp_path / "one" / "entities.jsonl").open()
    }
    ids_after = {
        json.loads(line)["label"]: json.loads(line)["id"] for line in (tmp_path / "three" / "entities.jsonl").open()
    }
    assert ids_before and all(ids_after[label] == entity_id for label, entity_id in ids_before.items())
