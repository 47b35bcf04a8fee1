"""End to end on sentences written for these tests, with the real spaCy pipeline.

Where a known parse error of the small English model defeats a rule, the case is ``xfail(strict=True)``: it
starts failing loudly the day a better parse makes it pass.
"""

from __future__ import annotations

from typing import Any

import pytest

import kg
from kg.model import Document
from kg.pipeline import build_documents

pytestmark = pytest.mark.model


SYMMETRIC = {"kg:meets", "kg:holdsTalksWith", "kg:cooperatesWith", "kg:competesWith", "kg:signsAgreementWith"}


def facts_of(nlp: Any, *texts: str) -> set[tuple[str, str, str]]:
    """Asserted facts; symmetric ones in both directions, since their stored order is canonical, not textual."""
    graph = build_documents([Document(f"t{i}", text) for i, text in enumerate(texts)], nlp=nlp)
    found = {(t.subject.label, t.predicate.id, t.object.label) for t in graph.triples if not t.negated}
    return found | {(o, r, s) for s, r, o in found if r in SYMMETRIC}


def triples_of(nlp: Any, text: str) -> list[kg.Triple]:
    return list(build_documents([Document("t", text)], nlp=nlp).triples)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chancellor Olaf Berg met Spanish President Elena Ruiz in Madrid on Monday.",
            ("Olaf Berg", "kg:meets", "Elena Ruiz"),
        ),
        ("The delegation arrived in Nairobi on Sunday.", None),
        ("Kenya will retaliate against Somalia for the raid.", ("Kenya", "kg:retaliatesAgainst", "Somalia")),
        ("Mwangi was thanked by Halvorsen for the aid.", ("Halvorsen", "kg:thanks", "Mwangi")),
        ("The rebels were backed by Uganda.", None),
        ("Canadian Prime Minister Anne Dubois visited Japan last week.", ("Anne Dubois", "kg:visits", "Japan")),
        ("Canadian Prime Minister Anne Dubois visited Japan last week.", ("Anne Dubois", "kg:leads", "Canada")),
        (
            "Grace Otieno, an expert on water policy at the University of Nairobi, spoke.",
            ("Grace Otieno", "kg:worksFor", "University of Nairobi"),
        ),
        (
            "Tanzania, which shares a border with Kenya, has accused Uganda of theft.",
            ("Tanzania", "kg:accuses", "Uganda"),
        ),
        ("Norway and Denmark have sent aid to Kenya.", ("Norway", "kg:supports", "Kenya")),
        ("Norway and Denmark have sent aid to Kenya.", ("Denmark", "kg:supports", "Kenya")),
        ("Halvorsen's visit to Ethiopia was cancelled.", ("Halvorsen", "kg:visits", "Ethiopia")),
    ],
)
def test_constructions_in_running_text(nlp: Any, text: str, expected: tuple[str, str, str] | None) -> None:
    found = facts_of(nlp, text)
    if expected is None:
        assert all(label not in ("The delegation", "The rebels") for s, _, o in found for label in (s, o))
    else:
        assert expected in found, found


def test_a_nationality_as_actor_is_the_country(nlp: Any) -> None:
    found = facts_of(nlp, "Norwegian and Danish support has helped Kenya build new wells.")
    assert ("Norway", "kg:supports", "Kenya") in found and ("Denmark", "kg:supports", "Kenya") in found


def test_capital_as_actor_is_the_state_but_as_a_place_stays_a_city(nlp: Any) -> None:
    found = facts_of(nlp, "Nairobi backed Mwangi. Halvorsen visited Nairobi.")
    assert ("Kenya", "kg:supports", "Mwangi") in found
    assert any(o == "Nairobi" for s, r, o in found if r == "kg:visits")


def test_attribution_and_hedging(nlp: Any) -> None:
    (triple,) = [
        t for t in triples_of(nlp, "Iran may attack Israel, the agency reported.") if t.predicate.id == "kg:attacks"
    ]
    assert triple.hedged
    (reported,) = [
        t for t in triples_of(nlp, "Kenya accused Uganda of theft, Reuters reported.") if t.predicate.id == "kg:accuses"
    ]
    assert reported.attributed_to == "Reuters"


def test_denial_negates_the_fact(nlp: Any) -> None:
    triples = triples_of(nlp, "Uganda did not attack Tanzania.")
    (triple,) = [t for t in triples if t.predicate.id == "kg:attacks"]
    assert triple.negated


def test_definite_description_and_surname_resolve_within_the_document(nlp: Any) -> None:
    text = (
        "Kenyan President Daniel Mwangi met Norwegian Foreign Minister Ingrid Halvorsen on Monday. "
        "Mwangi thanked Halvorsen for the aid. The Kenyan president later visited Oslo."
    )
    triples = triples_of(nlp, text)
    labels = {(t.subject.label, t.predicate.id, t.object.label) for t in triples}
    assert ("Daniel Mwangi", "kg:thanks", "Ingrid Halvorsen") in labels
    visit = next(t for t in triples if t.predicate.id == "kg:visits")
    assert visit.subject.label == "Daniel Mwangi"
    assert visit.evidence[0].subject_text == "The Kenyan president"
    assert visit.evidence[0].subject_rule == "coref.description"


def test_pronouns_prefer_compatible_antecedents(nlp: Any) -> None:
    text = "Ingrid Halvorsen flew to Kenya. She met Daniel Mwangi there, and it welcomed her."
    labels = facts_of(nlp, text)
    assert ("Ingrid Halvorsen", "kg:meets", "Daniel Mwangi") in labels


def test_site_furniture_makes_no_triples(nlp: Any) -> None:
    text = "Kenya signed a deal with Norway.\n\nSubscribe to our newsletter and support us!\n\nRead more"
    from kg.ingest import document_from_text

    document = document_from_text(text, "page.txt")
    graph = build_documents([document], nlp=nlp)
    assert all("newsletter" not in e.sentence for t in graph.triples for e in t.evidence)
    found = {(t.subject.label, t.predicate.id, t.object.label) for t in graph.triples}
    assert found & {("Kenya", "kg:signsAgreementWith", "Norway"), ("Norway", "kg:signsAgreementWith", "Kenya")}


@pytest.mark.xfail(
    strict=True,
    reason="en_core_web_sm tags the town 'Grafenau' as a PERSON, so 'the town' finds "
    "no place to stand for and the mayor's town is lost",
)
def test_a_town_description_resolves_for_a_title(nlp: Any) -> None:
    found = facts_of(nlp, "Heavy snow has cut off Grafenau, and the town's mayor Lukas Weber asked the army for help.")
    assert ("Lukas Weber", "kg:leads", "Grafenau") in found
