"""The constructions real news is full of, on sentences written for these tests, each in several wordings:
titles before names, roles after "as", what someone wants or asks for, idioms, people standing for their
organisation, business events, and the facts that must not be made.

The real spaCy pipeline parses them (its mistakes are part of what the rules must survive).
"""

from __future__ import annotations

from typing import Any

import pytest

import kg
from kg.model import Document
from kg.pipeline import build_documents

pytestmark = pytest.mark.model


def graph_of(nlp: Any, *texts: str) -> kg.KnowledgeGraph:
    return build_documents([Document(f"t{i}", text) for i, text in enumerate(texts)], nlp=nlp)


def facts(nlp: Any, *texts: str) -> set[tuple[str, str, str]]:
    return {(t.subject.label, t.predicate.id, t.object.label) for t in graph_of(nlp, *texts).triples if not t.negated}


def fact(nlp: Any, text: str, subject: str, relation: str, obj: str) -> kg.Triple:
    found = [
        t
        for t in graph_of(nlp, text).triples
        if (t.subject.label, t.predicate.id, t.object.label) == (subject, relation, obj)
    ]
    assert found, (text, facts(nlp, text))
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The coach said Tarvik goalkeeper Sam Dyer saved two penalties.", ("Sam Dyer", "kg:playsFor", "Tarvik")),
        ("The club fined Rovers striker Tom Okafor on Friday.", ("Tom Okafor", "kg:playsFor", "Rovers")),
        ("Acme Foods CEO Jo Park said sales rose.", ("Jo Park", "kg:leads", "Acme Foods")),
        (
            "Harbour Union founder and co-chair Petra Lindqvist spoke.",
            ("Petra Lindqvist", "kg:founderOf", "Harbour Union"),
        ),
        ("Harbour Union founder and co-chair Petra Lindqvist spoke.", ("Petra Lindqvist", "kg:leads", "Harbour Union")),
        ("Taliban spokesman Qari Omar said the convoy was hit.", ("Qari Omar", "kg:spokespersonFor", "Taliban")),
        ("Norway's ambassador to Kenya Ola Berg met the press.", ("Ola Berg", "kg:ambassadorTo", "Kenya")),
        ("Norway's ambassador to Kenya Ola Berg met the press.", ("Ola Berg", "kg:ambassadorOf", "Norway")),
        ("Jupiter's moon Io has active volcanoes.", ("Io", "kg:orbits", "Jupiter")),
        ("The league fined Sabres defenseman Ola Berg on Friday.", ("Ola Berg", "kg:playsFor", "Sabres")),
        ("Tarvik FC goaltender Ola Berg made 30 saves.", ("Ola Berg", "kg:playsFor", "Tarvik FC")),
    ],
)
def test_titles_before_a_name(nlp: Any, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in facts(nlp, text), facts(nlp, text)


def test_a_title_opened_by_a_bare_organisation_noun_is_about_the_organisation_just_named(nlp: Any) -> None:
    text = "Tarvik Power raised its prices in March. Company CEO Lena Dahl defended the increase."
    assert ("Lena Dahl", "kg:leads", "Tarvik Power") in facts(nlp, text)


def test_a_former_title_keeps_former_as_its_time(nlp: Any) -> None:
    triple = fact(nlp, "Former Acme Foods CEO Jo Park joined the board.", "Jo Park", "kg:leads", "Acme Foods")
    assert triple.time == ("former",)


def test_a_party_before_a_title_is_a_membership_and_the_office_is_the_places(nlp: Any) -> None:
    found = facts(nlp, "Voters rejected Ohio Republican Gov. Ann Lee on Tuesday.")
    assert ("Ann Lee", "kg:memberOf", "Republican") in found
    assert ("Ann Lee", "kg:leads", "Republican") not in found


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Opposition Green Party leader Ola Berg spoke first at the rally.", "kg:leads"),
        ("Green Party leader Ola Berg spoke to farmers on Tuesday.", "kg:leads"),
        ("Voters heard from Green Party chairman Ola Berg in Tarvik.", "kg:leads"),
        ("Green Party spokeswoman Ola Berg denied the claim.", "kg:spokespersonFor"),
    ],
)
def test_a_partys_own_office_is_held_in_the_party(nlp: Any, text: str, relation: str) -> None:
    """A leader, chair or spokesperson named by their party holds an office of the party itself."""
    assert ("Ola Berg", relation, "Green Party") in facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ola Berg visited Oracle's OpenWorld conference in Oslo on Tuesday.", "kg:attends"),
        ("Ola Berg attended Oracle's OpenWorld conference in Oslo.", "kg:attends"),
        ("Oracle's OpenWorld conference drew 40,000 people to Oslo.", None),
    ],
)
def test_a_named_event_is_an_event_its_owner_holds_and_visitors_attend(
    nlp: Any, text: str, expected: str | None
) -> None:
    graph = graph_of(nlp, text)
    found = {(t.subject.label, t.predicate.id, t.object.label) for t in graph.triples}
    assert ("Oracle", "kg:hosts", "OpenWorld") in found
    assert {e.label: e.type for e in graph.entities}["OpenWorld"] == "Event"
    if expected is not None:
        assert ("Ola Berg", expected, "OpenWorld") in found
    assert not any(r == "kg:visits" for _, r, _ in found)  # a conference is no place to travel to


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Tarvik Herons assistant coach Ola Berg was fired on Sunday.", "kg:worksFor"),
        ("Tarvik Herons head coach Ola Berg was fired on Sunday.", "kg:manages"),
        ("Acme Labs deputy director Ola Berg resigned on Friday.", "kg:worksFor"),
        ("Ola Berg, the deputy director of Acme Labs, resigned on Friday.", "kg:worksFor"),
        ("Ola Berg, the director of Acme Labs, resigned on Friday.", "kg:leads"),
    ],
)
def test_an_assistant_or_deputy_works_under_the_leader(nlp: Any, text: str, relation: str) -> None:
    found = facts(nlp, text)
    obj = "Tarvik Herons" if "Herons" in text else "Acme Labs"
    assert ("Ola Berg", relation, obj) in found
    assert relation in ("kg:leads", "kg:manages") or not any(r in ("kg:leads", "kg:manages") for _, r, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deputies charged Ola Berg, 27, of Oakdale, with theft on Friday.", ("kg:livesIn", "Oakdale")),
        ("Police said Ola Berg, 41, of Oslo, was hurt in the crash.", ("kg:livesIn", "Oslo")),
        ("Ola Berg, 41, of Acme Corp, was hurt in the crash.", ("kg:worksFor", "Acme Corp")),
    ],
)
def test_after_an_age_a_bare_of_name_is_a_hometown(nlp: Any, text: str, expected: tuple[str, str]) -> None:
    relation, obj = expected
    found = facts(nlp, text)
    assert ("Ola Berg", relation, obj) in found
    assert relation == "kg:worksFor" or ("Ola Berg", "kg:worksFor", obj) not in found


def test_a_name_right_after_the_publication_noun_it_names_is_that_organisation(nlp: Any) -> None:
    """The small model calls "Clear Verdict" a person; the noun before it says what it is, and the chief
    executive of the site it names leads it."""
    text = "Ola Berg, the chief executive of the Oslo-based review site Clear Verdict, said prices would rise."
    graph = graph_of(nlp, text)
    assert {e.label: e.type for e in graph.entities}["Clear Verdict"] == "Organization"
    found = {(t.subject.label, t.predicate.id, t.object.label) for t in graph.triples}
    assert ("Ola Berg", "kg:leads", "Clear Verdict") in found
    assert ("Clear Verdict", "kg:basedIn", "Oslo") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ola Berg left politics in 2018. Berg now works for Facebook.", ("Ola Berg", "kg:worksFor", "Facebook")),
        ("Ola Berg joined Spotify in 2019.", ("Ola Berg", "kg:memberOf", "Spotify")),
        ("Ola Berg plays for Arsenal.", ("Ola Berg", "kg:playsFor", "Arsenal")),
        ("Ola Berg, who managed Tarvik, Real Oviedo and Dunmore City, left.", ("Ola Berg", "kg:leads", "Real Oviedo")),
        ("Maria Lopez works for the Trade Department.", ("Maria Lopez", "kg:worksFor", "Trade Department")),
        ("Jon Moe coached Tarvik Athletic for ten years.", ("Jon Moe", "kg:manages", "Tarvik Athletic")),
    ],
)
def test_a_name_the_ner_missed_as_an_employer_or_team_is_an_organisation(
    nlp: Any, text: str, expected: tuple[str, str, str]
) -> None:
    graph = graph_of(nlp, text)
    assert expected in {(t.subject.label, t.predicate.id, t.object.label) for t in graph.triples}


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("Ola Berg scored twice for Tarvik Rovers on Saturday.", "Tarvik Rovers"),
        ("Maria Lopez scored 20 points for the Tarvik Herons.", "Tarvik Herons"),
        ("Jon Moe made eight saves for the Tarvik Falcons.", "Tarvik Falcons"),
        ("Ola Berg scored again for the Storm on Friday.", "Storm"),
    ],
)
def test_a_players_statistics_for_a_team_say_they_play_for_it(nlp: Any, text: str, team: str) -> None:
    person = text.split(" ")[0] + " " + text.split(" ")[1]
    assert (person, "kg:playsFor", team) in facts(nlp, text), facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ola Berg hired a guide to help him reach Norway.", ("Ola Berg", "kg:relatedTo", "Norway")),
        ("Ola Berg flew to Oslo to meet Jon Moe.", ("Jon Moe", "kg:meets", "Ola Berg")),
        ("Kenya sent engineers to repair the Tarvik bridge.", ("Kenya", "kg:relatedTo", "Tarvik bridge")),
    ],
)
def test_an_infinitive_of_purpose_is_what_was_meant_not_what_happened(
    nlp: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert fact(nlp, text, *expected).hedged


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya has sought Ola Berg's extradition for years.", ("Kenya", "kg:seeksExtraditionOf", "Ola Berg")),
        ("Kenya requested the extradition of Maria Lopez.", ("Kenya", "kg:seeksExtraditionOf", "Maria Lopez")),
        ("Norway extradited Jon Moe to Kenya in May.", ("Norway", "kg:extradites", "Jon Moe")),
    ],
)
def test_the_state_that_seeks_an_extradition_is_not_the_one_that_extradites(
    nlp: Any, text: str, expected: tuple[str, str, str]
) -> None:
    found = facts(nlp, text)
    assert expected in found, found
    assert len({r for _, r, _ in found if "xtradit" in r}) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Norway's fisheries envoy to Chile criticised Acme Foods on Monday. Talks stalled. "
            "Norway's fisheries envoy to Chile Ola Berg said the talks would resume.",
            ("Ola Berg", "kg:criticises", "Acme Foods"),
        ),
        (
            "The Swedish minister sued Acme Foods on Tuesday. Prices fell. "
            "Swedish minister Eva Lind said the case was strong.",
            ("Eva Lind", "kg:sues", "Acme Foods"),
        ),
    ],
)
def test_a_lead_that_describes_someone_before_naming_them_is_the_one_later_titled_so(
    nlp: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in facts(nlp, text), facts(nlp, text)


def test_a_bare_role_before_any_name_stays_unresolved(nlp: Any) -> None:
    text = "The minister sued Acme Foods on Tuesday. Prices fell. Minister Eva Lind said the case was strong."
    assert not any(r == "kg:sues" for _, r, _ in facts(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Ola Berg joked during a chat with Jon Moe that sales rose.",
        "Jon Moe said in talks with Ola Berg that the plan would work.",
        "In a long conversation with Ola Berg, Jon Moe defended the plan.",
    ],
)
def test_a_conversation_a_clause_is_said_in_is_its_subjects(nlp: Any, text: str) -> None:
    assert ("Jon Moe", "kg:holdsTalksWith", "Ola Berg") in facts(nlp, text), facts(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ola Berg watched the talks between Jon Moe and Ana Lind.",
        "Ola Berg described a meeting between Jon Moe and Ana Lind.",
    ],
)
def test_one_who_watches_or_tells_an_event_takes_no_part_in_it(nlp: Any, text: str) -> None:
    found = facts(nlp, text)
    assert not any("Ola Berg" in (s, o) for s, _, o in found), found


def test_a_passive_subject_did_not_do_the_event_it_underwent(nlp: Any) -> None:
    found = facts(nlp, "Ola Berg was arrested in a raid on Acme Foods.")
    assert not any(s == "Ola Berg" and o == "Acme Foods" for s, _, o in found), found


def test_an_infinitive_beside_a_score_is_the_result(nlp: Any) -> None:
    text = "Acme United scored late to beat Tarvik City 2-1 on Sunday."
    hedged = [x.hedged for x in graph_of(nlp, text).extractions if x.lemma.startswith("beat")]
    assert hedged == [False]


def test_what_was_decided_or_done_first_is_no_purpose(nlp: Any) -> None:
    decided = "Acme Foods announced its decision to fire Ola Berg."
    assert not fact(nlp, decided, "Acme Foods", "kg:dismisses", "Ola Berg").hedged


@pytest.mark.parametrize(
    "text",
    [
        "Protests went on in Valdora. Norway returned Valdora to Kenya after the war.",
        "The army flew Jon Moe to Oslo on Friday.",
    ],
)
def test_a_verb_of_going_with_an_object_is_no_visit_of_the_subject(nlp: Any, text: str) -> None:
    found = facts(nlp, text)
    assert not any(r == "kg:visits" for _, r, _ in found), found
    assert ("Ola Berg", "kg:visits", "Oslo") in facts(nlp, "Ola Berg returned to Oslo on Monday.")


def test_a_vehicle_one_sits_in_does_not_act_for_its_owner(nlp: Any) -> None:
    found = facts(nlp, "The driver Jon Moe was trapped in his Kenyan tank near Tarvik for a day.")
    assert not any("Kenya" in (s, o) for s, _, o in found), found
    assert ("Kenya", "kg:kills", "Ola Berg") in facts(nlp, "A Kenyan drone killed Ola Berg on Monday.")


def test_an_event_stands_for_its_place_only_in_a_relation_the_lexicon_knows(nlp: Any) -> None:
    assert not facts(nlp, "Kenya vowed to calm Uganda unrest.")
    assert ("Norway", "kg:intervenesIn", "Kenya") in facts(nlp, "Norway intervened in Kenya's war.")


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Reporter Jon Moe, who writes for NRK, broke the story.", "NRK"),
        ("Jon Moe, who writes for the Tarvik Herald, disagreed.", "Tarvik Herald"),
        ("Jon Moe reports for NRK from Oslo.", "NRK"),
    ],
)
def test_a_journalist_works_for_the_outlet_they_report_for(nlp: Any, text: str, outlet: str) -> None:
    assert any(r == "kg:worksFor" and o == outlet for _, r, o in facts(nlp, text)), facts(nlp, text)


def test_playing_for_a_title_is_no_team(nlp: Any) -> None:
    found = facts(nlp, "Ola Berg and the Tarvik Herons played for the title on Sunday.")
    assert not any(r == "kg:playsFor" for _, r, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "Norway also hosts several refineries, including Acme Oil.",
        "Norway hosts big refineries such as Acme Oil and Tarvik Energy.",
    ],
)
def test_what_a_place_hosts_is_based_there_and_a_plural_stands_for_the_names_it_lists(nlp: Any, text: str) -> None:
    assert ("Acme Oil", "kg:basedIn", "Norway") in facts(nlp, text)


def test_a_description_is_not_a_co_argument_of_its_own_verb(nlp: Any) -> None:
    # the regulator is not one of the firms that sued it
    found = facts(nlp, "Tech giants including Acme Corp and Tarvik Labs sued the regulator.")
    assert not any(r == "kg:sues" and {s, o} == {"Acme Corp", "Tarvik Labs"} for s, r, o in found)


def test_hosting_a_named_summit_places_nothing(nlp: Any) -> None:
    assert not any(r == "kg:basedIn" for _, r, _ in facts(nlp, "Norway will host the Techfest summit."))


def test_a_head_that_heads_nothing_is_no_person(nlp: Any) -> None:
    found = facts(nlp, "Ola Berg and Jon Moe argued. Later Maria Lopez hit Jon Moe in the head with a bottle.")
    assert not any(o == "Ola Berg" for s, _, o in found if s == "Maria Lopez")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Herons' young players, including Ola Berg, trained in the rain.", ("Ola Berg", "kg:playsFor", "Herons")),
        ("Scouts praised the Herons' defenders, including Ola Berg and Jon Moe.", ("Jon Moe", "kg:playsFor", "Herons")),
        ("Acme's engineers, including Ola Berg and Maria Lopez, walked out.", ("Maria Lopez", "kg:worksFor", "Acme")),
    ],
)
def test_a_person_a_plural_role_lists_holds_the_role(nlp: Any, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in facts(nlp, text)


def test_what_an_event_noun_lists_is_no_instance_of_it(nlp: Any) -> None:
    # "acquisitions including Acme Labs": Acme Labs was acquired; nobody leads it for that
    assert not any(
        r == "kg:leads" for _, r, _ in facts(nlp, "Ola Berg led two acquisitions last year, including Acme Labs.")
    )


@pytest.mark.parametrize(
    "text",
    [
        "Ola Berg, commander of the Bergen South district, said the streets were calm.",
        "Ola Berg, police commander of the Bergen South district, visited the scene.",
    ],
)
def test_an_area_named_before_its_generic_noun_is_that_area(nlp: Any, text: str) -> None:
    assert ("Ola Berg", "kg:commands", "Bergen South") in facts(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ola Berg made plans for travelling to Oslo in the spring.",
        "Ola Berg has hopes of visiting Oslo next year.",
    ],
)
def test_a_trip_someone_plans_or_hopes_for_is_hedged(nlp: Any, text: str) -> None:
    assert fact(nlp, text, "Ola Berg", "kg:visits", "Oslo").hedged


@pytest.mark.parametrize(
    "text",
    [
        "Their complaint rests on charges that Ola Berg is appeasing Valdora.",
        "The claim that Acme Corp bribed Ola Berg was false.",
    ],
)
def test_what_a_claim_or_charge_says_is_not_asserted(nlp: Any, text: str) -> None:
    triples = [t for t in graph_of(nlp, text).triples if "Ola Berg" in (t.subject.label, t.object.label)]
    assert triples and all(t.hedged for t in triples)


def test_one_person_named_by_nationality_is_not_the_country(nlp: Any) -> None:
    found = facts(nlp, "Ola Berg spoke with the Kenyan after the match.")
    assert not any("Kenya" in (s, o) for s, _, o in found)
    # the people of a country, in the plural, still stand for it
    assert ("Ukraine", "kg:meets", "Ola Berg") in facts(nlp, "Ola Berg met the Ukrainians in Kyiv.")


def test_a_companys_seat_places_it_and_its_offices_do_not(nlp: Any) -> None:
    assert ("Acme", "kg:basedIn", "London") in facts(nlp, "Acme's headquarters in London were evacuated.")
    found = facts(nlp, "Inspectors searched Acme's offices in London on Tuesday.")
    assert ("Acme", "kg:basedIn", "London") not in found


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("Ola Berg will be the chairman of Acme Foods from May.", True),
        ("Ola Berg, who will be the chairman of Acme Foods from June, thanked the staff.", True),
        ("Ola Berg is the chairman of Acme Foods.", False),
    ],
)
def test_a_role_to_come_is_not_held_yet(nlp: Any, text: str, hedged: bool) -> None:
    assert fact(nlp, text, "Ola Berg", "kg:leads", "Acme Foods").hedged is hedged


def test_the_league_is_the_league_named_earlier_even_some_sentences_back(nlp: Any) -> None:
    """ "the league", "the party", "the university": a description whose noun the name must bear reaches back
    over the whole story so far, not just the last two sentences."""
    text = (
        "The NFL fined Ola Berg in March. Fans were angry. Reporters waited for days. "
        "Then the league banned Jon Moe for a year."
    )
    assert ("NFL", "kg:suspends", "Jon Moe") in facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "body", "state"),
    [
        ("Norway's Ministry of Fisheries set new quotas for cod.", "Ministry of Fisheries", "Norway"),
        ("The Kenyan Ministry of Health said the clinic would close.", "Kenyan Ministry of Health", "Kenya"),
        ("The Kenyan Interior Ministry said the curfew would end.", "Kenyan Interior Ministry", "Kenya"),
    ],
)
def test_a_ministry_named_by_its_state_is_a_body_of_it(nlp: Any, text: str, body: str, state: str) -> None:
    found = facts(nlp, text)
    assert (body, "kg:partOf", state) in found
    assert (body, "kg:basedIn", state) not in found  # the narrower fact is said instead


def test_a_company_named_by_its_country_is_only_based_there(nlp: Any) -> None:
    found = facts(nlp, "Norway's Acme Foods closed the plant.")
    assert ("Acme Foods", "kg:basedIn", "Norway") in found
    assert ("Acme Foods", "kg:partOf", "Norway") not in found


@pytest.mark.parametrize(
    ("text", "place", "city"),
    [
        ("Guests left Leeds's Grand Plaza hotel on Friday.", "Grand Plaza hotel", "Leeds"),
        ("Workers at Ohio's Brightwell factory went on strike.", "Brightwell factory", "Ohio"),
        ("Ola Berg flew out of Oslo's Gardermoen airport.", "Gardermoen airport", "Oslo"),
    ],
)
def test_a_places_possessive_on_the_noun_after_a_name_places_the_named_facility(
    nlp: Any, text: str, place: str, city: str
) -> None:
    """The parser hangs "Leeds's" on "hotel", not on the name before it; the place is the named hotel's."""
    found = facts(nlp, text)
    assert (place, "kg:locatedIn", city) in found, found
    assert not any(s == place.rsplit(" ", 1)[0] for s, _, _ in found)  # one entity: the name with its noun


@pytest.mark.parametrize(
    "text",
    [
        "Acme Studios cut 300 jobs on Monday. The Glendale studio said demand had fallen.",
        "Acme Studios cut 300 jobs on Monday. The Tempe studio said demand had fallen.",
    ],
)
def test_a_description_of_a_named_company_with_a_gazetteer_city_places_it(nlp: Any, text: str) -> None:
    """The small model tags these cities organisations; the generated city gazetteer knows them."""
    city = "Glendale" if "Glendale" in text else "Tempe"
    assert ("Acme Studios", "kg:basedIn", city) in facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "relation", "obj"),
    [
        ("Ola Berg, a quarterback for the Denver Herons, was injured on Sunday.", "kg:playsFor", "Denver Herons"),
        ("Ola Berg, spokeswoman for Acme Foods, said the plant would close.", "kg:spokespersonFor", "Acme Foods"),
        ("Ola Berg, the head coach for the Denver Herons, was fired on Sunday.", "kg:manages", "Denver Herons"),
        ("Ola Berg, an expert at Tarvik University, said the plant would close.", "kg:worksFor", "Tarvik University"),
        ("Ola Berg, vice president of Launch Systems at Acme Foods, said no.", "kg:worksFor", "Acme Foods"),
    ],
)
def test_a_role_that_says_what_someone_is_in_an_organisation_keeps_it_after_any_preposition(
    nlp: Any, text: str, relation: str, obj: str
) -> None:
    """ "for" and "at" make a topic role ("expert") an affiliation; a player, spokesperson or coach stays one,
    and a role of a unit at an organisation works for the organisation."""
    assert ("Ola Berg", relation, obj) in facts(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez threw a short pass to running back Ola Berg late in the game.",
        "Maria Lopez pitched to running back Ola Berg on the last play.",
    ],
)
def test_a_title_the_tagger_reads_as_a_verb_makes_no_clause(nlp: Any, text: str) -> None:
    assert not any(r == "kg:leads" for _, r, _ in facts(nlp, text))


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Ola Berg urged Tarvik Power to cut its prices.", "kg:urges"),
        ("Ola Berg called on Tarvik Power to cut its prices.", "kg:urges"),
        ("Ola Berg encouraged Tarvik Power to cut its prices.", "kg:urges"),
        ("Ola Berg warned Tarvik Power that prices would rise.", "kg:warns"),
    ],
)
def test_an_appeal_to_act_is_no_warning(nlp: Any, text: str, relation: str) -> None:
    found = facts(nlp, text)
    assert ("Ola Berg", relation, "Tarvik Power") in found
    assert len({r for s, r, o in found if (s, o) == ("Ola Berg", "Tarvik Power")}) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Former Liberal Democrat leader Ola Berg now teaches law in Oslo.",
        "The Liberal Democrats' leader, Ola Berg, resigned on Friday.",
        "Ola Berg, the Liberal Democrats leader, resigned on Friday.",
    ],
)
def test_a_two_word_party_the_ner_cuts_is_one_party_named_in_the_plural(nlp: Any, text: str) -> None:
    assert ("Ola Berg", "kg:leads", "Liberal Democrats") in facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jorge Alves signed a contract to succeed Ruth Cole as Rovers' manager.",
            ("Jorge Alves", "kg:manages", "Rovers"),
        ),
        (
            "Jorge Alves signed a contract to succeed Ruth Cole as Rovers' manager.",
            ("Jorge Alves", "kg:replaces", "Ruth Cole"),
        ),
        ("Acme Foods named Jo Park as chief executive of Atlas Group.", ("Jo Park", "kg:leads", "Atlas Group")),
        ("Ana Silva was appointed as ambassador to Kenya in May.", ("Ana Silva", "kg:ambassadorTo", "Kenya")),
        ("Acme Foods hired Sara Holm as its finance director.", ("Sara Holm", "kg:worksFor", "Acme Foods")),
        ("Atlas Group appointed Jon Moe as chief executive.", ("Jon Moe", "kg:leads", "Atlas Group")),
        # a verb of holding a job makes any noun after "as" a job, one the role lexicon lacks too
        ("Ola Berg worked as a pundit for Valdora TV.", ("Ola Berg", "kg:worksFor", "Valdora TV")),
        ("Since May, Jon Moe has served as an intern at Acme Corp.", ("Jon Moe", "kg:worksFor", "Acme Corp.")),
    ],
)
def test_roles_after_as(nlp: Any, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in facts(nlp, text), facts(nlp, text)


@pytest.mark.parametrize(
    "text", ["Jon Moe was seen as a threat to Acme Corp.", "Jon Moe was described as a friend of Acme Corp."]
)
def test_a_noun_after_as_is_no_job_unless_a_verb_of_working_says_so(nlp: Any, text: str) -> None:
    assert not {f for f in facts(nlp, text) if f[1] == "kg:worksFor"}, facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NRK's Ana Lind asked the minister about the budget.", ("Ana Lind", "kg:worksFor", "NRK")),
        ("Acme Corp's Jon Moe declined to comment.", ("Jon Moe", "kg:worksFor", "Acme Corp")),
        ("Labour's Jon Moe spoke first.", ("Jon Moe", "kg:memberOf", "Labour")),
    ],
)
def test_a_person_an_organisations_possessive_introduces_is_with_it(
    nlp: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in facts(nlp, text), facts(nlp, text)


@pytest.mark.parametrize(
    "text",
    ["Norway's Ola Berg won the race.", "Trump's Rudy Giuliani left the room.", "Lind's Jon Moe said no."],
)
def test_a_place_or_a_person_before_a_name_makes_no_affiliation(nlp: Any, text: str) -> None:
    assert not any(r in ("kg:worksFor", "kg:memberOf") for _, r, _ in facts(nlp, text)), facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "speaker", "audience"),
    [
        ("Berg warned in a lecture to the Tarvik Rotary Club that prices would rise.", "Berg", "Tarvik Rotary Club"),
        ("Jon Moe's lecture at Tarvik University drew protests.", "Jon Moe", "Tarvik University"),
        ("Jon Moe gave a speech at Tarvik University on Monday.", "Jon Moe", "Tarvik University"),
        ("Speaking at the Nova Summit, Ola Berg praised the deal.", "Ola Berg", "Nova Summit"),
        ("Ola Berg said at Tarvik Media's Nova conference that prices would fall.", "Ola Berg", "Nova"),
    ],
)
def test_a_speech_to_an_audience_or_at_an_event_is_speaking_at_it(
    nlp: Any, text: str, speaker: str, audience: str
) -> None:
    assert (speaker, "kg:speaksAt", audience) in facts(nlp, text), facts(nlp, text)


@pytest.mark.parametrize(
    "text",
    ["Jon Moe gave a speech about Tarvik University on Monday.", "Jon Moe said at the White House that talks resumed."],
)
def test_a_speech_about_something_or_words_said_at_a_place_are_not_speaking_at_it(nlp: Any, text: str) -> None:
    found = facts(nlp, text)
    assert not any(r == "kg:speaksAt" for _, r, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Some Norwegian troops are still in Mali.",
        "Norwegian forces in Mali came under fire on Sunday.",
        "Norway's soldiers stationed in Mali were sent home.",
    ],
)
def test_a_countrys_forces_in_a_place_are_deployed_there(nlp: Any, text: str) -> None:
    assert ("Norway", "kg:deploysForcesTo", "Mali") in facts(nlp, text), facts(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Malian troops in Mali held the line.",
        "Norwegian troops left Mali in May.",
        "Norwegian soldiers from Mali returned home.",
        "The campaign was made by Tarvik Group's design unit in Oslo.",
    ],
)
def test_forces_at_home_leaving_or_coming_from_a_place_are_not_deployed_there(nlp: Any, text: str) -> None:
    assert not any(r == "kg:deploysForcesTo" for _, r, _ in facts(nlp, text)), facts(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ola Berg and Jon Moe observed Io from a Tarvik hilltop.",
        "Ola Berg has studied Io for twenty years.",
        "Io was examined by Ola Berg in 2019.",
    ],
)
def test_research_news_studies_what_it_observes(nlp: Any, text: str) -> None:
    assert ("Ola Berg", "kg:studies", "Io") in facts(nlp, text), facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chair of the Assembly, Ola Berg, said the vote would wait.", ("Ola Berg", "kg:leads", "Assembly")),
        ("Ola Berg, Chairman of Acme Foods, resigned on Friday.", ("Ola Berg", "kg:leads", "Acme Foods")),
    ],
)
def test_a_capitalised_title_in_apposition_is_a_role(nlp: Any, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in facts(nlp, text), facts(nlp, text)


def test_a_portfolio_the_ner_runs_into_the_country_is_the_titles(nlp: Any) -> None:
    found = facts(nlp, "Last year the Norway Fisheries Minister, Jon Moe, signed the permit.")
    assert ("Jon Moe", "kg:ministerOf", "Norway") in found, found
    assert not any("Fisheries" in o for _, _, o in found), found
    # a force keeps its name when what is left is no place
    assert ("Ana Lind", "kg:commands", "Air Force") in facts(nlp, "Former Air Force commander Ana Lind spoke.")


def test_a_title_before_a_list_of_names_is_only_the_firsts(nlp: Any) -> None:
    text = "Speaker of the Assembly, Ola Berg, Senator Jon Moe and Senator Ana Lind have sued the mayor."
    found = facts(nlp, text)
    assert ("Ola Berg", "kg:leads", "Assembly") in found
    assert ("Jon Moe", "kg:leads", "Assembly") not in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ola Berg was named chief executive of Acme Foods in May.", ("Ola Berg", "kg:leads", "Acme Foods")),
        (
            "Ana Silva was elected president of the Tarvik Rowing Club.",
            ("Ana Silva", "kg:presidentOf", "Tarvik Rowing Club"),
        ),
        ("Tarvik Bank named Maria Lopez its new chair.", ("Maria Lopez", "kg:leads", "Tarvik Bank")),
    ],
)
def test_a_role_given_by_naming_someone_is_held_by_the_one_named(nlp: Any, text: str, expected: tuple) -> None:
    """The passive's subject holds it; with no organisation of its own the role is the appointer's."""
    found = facts(nlp, text)
    assert expected in found, found
    assert not any(s == "Tarvik Bank" and r == "kg:leads" for s, r, _ in found)


def test_a_role_to_be_given_is_hedged(nlp: Any) -> None:
    triple = fact(nlp, "Acme Foods will appoint Jon Moe as chief executive.", "Jon Moe", "kg:leads", "Acme Foods")
    assert triple.hedged


@pytest.mark.parametrize(
    ("text", "subject", "relation", "obj"),
    [
        ("Ann Lee wanted Kenya to investigate Tomas Berg.", "Kenya", "kg:investigates", "Tomas Berg"),
        (
            "The senator pressed for efforts to get Kenya to investigate Tomas Berg.",
            "Kenya",
            "kg:investigates",
            "Tomas Berg",
        ),
        ("Ola Berg urged Norway to sanction Kenya.", "Norway", "kg:sanctions", "Kenya"),
        ("If Acme Foods buys Atlas Media, prices will rise.", "Acme Foods", "kg:acquires", "Atlas Media"),
        ("Ann Lee promised to visit Kenya.", "Ann Lee", "kg:visits", "Kenya"),
    ],
)
def test_what_is_wanted_asked_planned_or_conditional_is_hedged(
    nlp: Any, text: str, subject: str, relation: str, obj: str
) -> None:
    assert fact(nlp, text, subject, relation, obj).hedged


def test_the_object_of_urge_or_ask_does_what_follows(nlp: Any) -> None:
    found = facts(nlp, "Ola Berg urged Norway to sanction Kenya.")
    assert ("Ola Berg", "kg:sanctions", "Kenya") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Senator Ola Hansen has dragged Tomas Berg to court over the arrests.",
        "Ann Lee took Acme Corp. to court last year.",
    ],
)
def test_taking_someone_to_court_is_suing_them(nlp: Any, text: str) -> None:
    assert any(r == "kg:sues" for _, r, _ in facts(nlp, text)), facts(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Officers from the Tarvik Police Department later arrested Ann Lee.",
        "Investigators from the Tarvik Police Department arrested Ann Lee on Friday.",
    ],
)
def test_people_named_by_their_post_stand_for_their_organisation(nlp: Any, text: str) -> None:
    assert ("Tarvik Police Department", "kg:arrests", "Ann Lee") in facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme Corp. launched the Hydra Network, its new streaming service.",
            ("Acme Corp.", "kg:launches", "Hydra Network"),
        ),
        ("Acme Foods sued Atlas Group over the recipe.", ("Acme Foods", "kg:sues", "Atlas Group")),
        ("The league suspended Sam Dyer for three games.", None),
        (
            "Acme Foods formed a partnership with Ann Lee to sell her sauces.",
            ("Acme Foods", "kg:partnersWith", "Ann Lee"),
        ),
    ],
)
def test_business_and_institutional_events(nlp: Any, text: str, expected: tuple[str, str, str] | None) -> None:
    found = facts(nlp, text)
    if expected is None:
        assert all(r != "kg:attacks" for _, r, _ in found)
    else:
        assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The club shared a photo of Sam Dyer signing the contract.",
        "At the State House, Ann Lee said she had watched the hearing.",
        "Kenya made it to the final as Tom Okafor scored twice.",
        "Ann Lee, also known as Annie Lee, wrote the column.",
    ],
)
def test_no_generic_relation_from_a_noun_a_setting_an_it_or_an_alias(nlp: Any, text: str) -> None:
    generic = {t.predicate.surface for t in graph_of(nlp, text).triples if t.predicate.id == "kg:relatedTo"}
    assert not {s for s in generic if s and ("photo" in s or s.startswith(("say", "make", "know")))}, generic


def test_agency_members_acting_alone_are_the_agency_just_named(nlp: Any) -> None:
    text = "The Tarvik Police Department set up a checkpoint on Friday. Officers later arrested Ann Lee there."
    assert ("Tarvik Police Department", "kg:arrests", "Ann Lee") in facts(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The court heard a case against Tarvik co-founder Ola Berg in 2010.",
        "Critics of Tarvik co-founder Ola Berg spoke.",
    ],
)
def test_hyphenated_titles_keep_what_they_are_about(nlp: Any, text: str) -> None:
    assert ("Ola Berg", "kg:founderOf", "Tarvik") in facts(nlp, text), facts(nlp, text)


def test_a_merger_of_parties_named_in_apposition(nlp: Any) -> None:
    found = facts(nlp, "Shareholders approved the merger of the grocers Acme Corp. and Atlas Inc. last spring.")
    assert ("Acme Corp.", "kg:mergesWith", "Atlas Inc.") in found


def test_a_description_with_a_place_says_where_the_organisation_is_and_is_not_the_place(nlp: Any) -> None:
    text = "Acme Foods posted record sales. This spring the Toledo food company launched the Hydra Network."
    found = facts(nlp, text)
    assert ("Acme Foods", "kg:basedIn", "Toledo") in found
    assert ("Acme Foods", "kg:launches", "Hydra Network") in found
    assert not any(s == "Toledo" and r == "kg:launches" for s, r, _ in found)


@pytest.mark.parametrize(
    ("text", "expected", "never"),
    [
        ("Acme Corp. beat Atlas Inc. in the final on Sunday.", "kg:defeats", "kg:attacks"),
        ("Democrats beat Ann Lee in the election.", "kg:defeats", "kg:attacks"),
        ("Senator Tom Hale attacked Governor Ann Lee over the budget.", "kg:criticises", "kg:attacks"),
        ("Ann Lee struck Tom Hale on the arm with a baseball bat.", "kg:attacks", "kg:criticises"),
        ("Kenyan troops attacked Somali fighters near the border.", "kg:attacks", "kg:criticises"),
    ],
)
def test_conflict_verbs_take_the_sense_of_their_clause(nlp: Any, text: str, expected: str, never: str) -> None:
    relations = {r for _, r, _ in facts(nlp, text)}
    assert expected in relations and never not in relations, relations


@pytest.mark.parametrize(
    ("text", "person", "place"),
    [
        ("Kenyan-born Ruth Cole won the race in Boston.", "Ruth Cole", "Kenya"),
        ("Oslo-born writer Ola Berg lives in Paris.", "Ola Berg", "Oslo"),
        ("He met Swedish-born chemist Karin Holm in Oslo.", "Karin Holm", "Sweden"),
    ],
)
def test_a_birthplace_before_a_name_is_where_the_person_was_born_and_nothing_else(
    nlp: Any, text: str, person: str, place: str
) -> None:
    found = facts(nlp, text)
    about = {(r, o) for s, r, o in found if s == person and o == place}
    assert about == {("kg:bornIn", place)}, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The chief executive of Nordic Mining Group, Jo Park, resigned on Monday.",
            ("Jo Park", "kg:leads", "Nordic Mining Group"),
        ),
        (
            "He called the head of the Norwegian Football Association, Tor Olsen, a liar.",
            ("Tor Olsen", "kg:leads", "Norwegian Football Association"),
        ),
        (
            "The chief executive of Nordic Mining Group, Jo Park, fired the company's treasurer, Lee Hunt.",
            ("Jo Park", "kg:dismisses", "Lee Hunt"),
        ),
    ],
)
def test_a_title_set_off_beside_a_name_is_that_person(nlp: Any, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in facts(nlp, text), facts(nlp, text)


def test_a_name_in_a_list_after_a_title_is_not_the_title(nlp: Any) -> None:
    found = facts(nlp, "The minister, Ola Berg and Kari Lund met the Tarvik Council in Oslo.")
    assert not any(s == "Ola Berg" and o == "Kari Lund" for s, _, o in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Interior Minister Ola Berg defended the party's decisions on Tuesday.",
        "Finance Minister Kari Lund met the press in Oslo.",
        "Defence Secretary Tom Hall visited the troops.",
    ],
)
def test_a_portfolio_before_a_title_is_not_an_organisation(nlp: Any, text: str) -> None:
    graph = graph_of(nlp, text)
    assert not [e for e in graph.entities if e.label.lower() in ("interior", "finance", "defence")], graph.entities


def test_a_government_department_before_a_title_is_one(nlp: Any) -> None:
    text = "Last week Treasury Department official Ana Lind revealed the plan to investigators."
    assert ("Ana Lind", "kg:worksFor", "Treasury Department") in facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senator Ann Fox criticised Acme Corp's handling of the spill.", ("Ann Fox", "kg:criticises", "Acme Corp")),
        ("Foreign Secretary Ola Berg praised Norway's response.", ("Ola Berg", "kg:praises", "Norway")),
    ],
)
def test_someones_conduct_stands_for_them(nlp: Any, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in facts(nlp, text), facts(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The debate between Ana Silva and Tom Berg was tense.",
        "Viewers watched a televised debate between Senator Ana Silva and Governor Tom Berg.",
        "Ana Silva debated Tom Berg on Tuesday.",
    ],
)
def test_debates_are_between_their_parties(nlp: Any, text: str) -> None:
    assert ("Ana Silva", "kg:debates", "Tom Berg") in facts(nlp, text), facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "person", "institution"),
    [
        ("Ola Berg, Oslo's new police commissioner, promised more patrols.", "Ola Berg", "Oslo police"),
        ("Acting Tarvik Police Chief Nina Holt described the raid to reporters.", "Nina Holt", "Tarvik Police"),
        ("Kenya's police chief Tom Oduya denied the report.", "Tom Oduya", "Kenya police"),
    ],
)
def test_a_title_inside_an_institution_is_about_the_institution_not_its_place(
    nlp: Any, text: str, person: str, institution: str
) -> None:
    found = facts(nlp, text)
    assert (person, "kg:leads", institution) in found, found
    assert not any(s == person and r == "kg:leads" and o != institution for s, r, o in found), found


def test_a_result_in_a_sentence_about_a_match_is_not_an_assault(nlp: Any) -> None:
    found = facts(nlp, "Ola Berg converted two penalties and Tarvik beat Bremen at home.")
    assert not any(r in ("kg:attacks", "kg:fights") for _, r, _ in found), found


def test_armed_men_beating_people_after_a_vote_is_no_contest(nlp: Any) -> None:
    found = facts(nlp, "After the vote, Zimbabwean soldiers beat Ola Berg in Harare.")
    assert not any(r == "kg:defeats" for _, r, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Brazilians migrate to Portugal each year.",
        "Thousands of Brazilians migrate to Portugal each year.",
    ],
)
def test_a_nationalitys_people_are_not_their_country_in_a_generic_relation(nlp: Any, text: str) -> None:
    found = facts(nlp, text)
    assert not any(r == "kg:relatedTo" for _, r, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ola Dahl stopped the small boy as he and his father crossed Harbour Road.",
        "Ola Berg told the man that he should leave Oslo.",
    ],
)
def test_a_pronoun_with_a_nearer_person_noun_of_its_gender_is_left_alone(nlp: Any, text: str) -> None:
    graph = graph_of(nlp, text)
    assert not [t for t in graph.triples for e in t.evidence if e.subject_rule == "coref.pronoun"], graph.triples


def test_a_pronoun_after_a_noun_describing_the_name_still_resolves(nlp: Any) -> None:
    text = "Jane Doe, a mother of two, said she had met Tom Berg."
    assert ("Jane Doe", "kg:meets", "Tom Berg") in facts(nlp, text), facts(nlp, text)


def test_a_verb_inside_a_persons_name_splits_it(nlp: Any) -> None:
    graph = graph_of(nlp, '"I know," Tom rang Taylor later.')
    assert not [e for e in graph.entities if " rang " in e.label], graph.entities


@pytest.mark.parametrize(
    "text",
    ["The NFL fined Tom Berg on Monday.", "Tom Berg was fined by the NFL.", "The NFL is fining Tom Berg."],
)
def test_a_fine_is_found_whatever_the_lemmatizer_guesses(nlp: Any, text: str) -> None:
    found = facts(nlp, text)
    assert ("NFL", "kg:fines", "Tom Berg") in found, found


def test_of_a_country_after_a_titled_name_is_the_titles_not_a_residence(nlp: Any) -> None:
    found = facts(nlp, "On Monday, President Ana Silva of Brazil is expected to visit Lisbon.")
    assert ("Ana Silva", "kg:presidentOf", "Brazil") in found, found
    assert ("Ana Silva", "kg:livesIn", "Brazil") not in found, found


def test_of_a_place_after_an_untitled_name_is_where_they_live(nlp: Any) -> None:
    assert ("Tom Baker", "kg:livesIn", "Leeds") in facts(nlp, "Tom Baker, 52, of Leeds wrote the letter.")


@pytest.mark.parametrize(
    "text", ["Norway captain Ola Berg thanked the fans.", "Denver quarterback Sam Dyer threw three passes."]
)
def test_a_place_before_a_team_role_is_a_team_not_a_home(nlp: Any, text: str) -> None:
    found = facts(nlp, text)
    assert not any(r == "kg:livesIn" for _, r, _ in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The BBC reported that the Labour Party lost. Ola Berg defended the party's actions.",
            ("Ola Berg", "Labour Party"),
        ),
        ("The BBC reported the vote. Ola Berg defended the party's actions.", None),
        ("The NBA fined Tom Berg. Ola Lund questioned the league's handling of the case.", ("Ola Lund", "NBA")),
    ],
)
def test_the_party_is_a_party_and_the_league_a_league(nlp: Any, text: str, expected: tuple[str, str] | None) -> None:
    found = {(s, o) for s, _, o in facts(nlp, text)}
    assert ("Ola Berg", "BBC") not in found, found
    if expected is not None:
        assert expected in found, found


def test_a_two_word_title_before_a_name_takes_of_a_country_after_it(nlp: Any) -> None:
    found = facts(nlp, "Prime Minister Ana Costa of Portugal opened the new bridge on Friday.")
    assert ("Ana Costa", "kg:leads", "Portugal") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acme Corp bought a startup named Pixel Labs last year.", ("Acme Corp", "kg:acquires", "Pixel Labs")),
        ("Boeing will launch its Starliner mission in 2030.", ("Boeing", "kg:launches", "Starliner")),
        (
            "Acme Corp is building a rover called Sandpiper, which will ship in 2026.",
            ("Acme Corp", "kg:relatedTo", "Sandpiper"),
        ),
    ],
)
def test_a_thing_named_beside_its_generic_noun_is_the_named_thing(
    nlp: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in facts(nlp, text), facts(nlp, text)


@pytest.mark.parametrize(
    "text", ["Acme editor-in-chief Karl Berg resigned on Monday.", "Tarvik Post editor-in-chief Karl Berg resigned."]
)
def test_hyphenated_titles_with_a_preposition_inside_keep_their_anchor(nlp: Any, text: str) -> None:
    found = facts(nlp, text)
    assert any(s == "Karl Berg" and r == "kg:leads" for s, r, _ in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Browns DL Sam Dyer weighed in on the fight.", ("Sam Dyer", "kg:playsFor", "Browns")),
        ("Rovers QB Tom Okafor threw two touchdowns.", ("Tom Okafor", "kg:playsFor", "Rovers")),
        ("Acme CEO Jo Park resigned.", ("Jo Park", "kg:leads", "Acme")),
    ],
)
def test_an_abbreviated_title_inside_a_person_entity_splits_it(
    nlp: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in facts(nlp, text), facts(nlp, text)


def test_a_name_that_starts_with_a_title_word_stays_whole(nlp: Any) -> None:
    graph = graph_of(nlp, "Prince Andrew met the Queen at Windsor.")
    assert not [e for e in graph.entities if e.label == "Andrew"], graph.entities


def test_officers_are_an_agency_not_the_last_organisation_named(nlp: Any) -> None:
    text = "Nora Lind works at Acme Corp. Officers later arrested Ann Lee there."
    assert not any(r == "kg:arrests" for _, r, _ in facts(nlp, text)), facts(nlp, text)
    text = (
        "The Tarvik Police Department set up a checkpoint on Friday. "
        "Officers later arrested Ann Lee at 12 Harbour Place."
    )
    assert ("Tarvik Police Department", "kg:arrests", "Ann Lee") in facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("The merger of Acme Corp. and Atlas Inc., which closed on Tuesday, will create a bigger grocer.", False),
        ("The merger of Acme Corp. and Atlas Inc. did not save any jobs.", False),
        ("Acme Corp. plans a merger with Atlas Inc. next year.", True),
        ("Acme Corp. completed its merger with Atlas Inc. in May.", False),
    ],
)
def test_an_event_as_its_clauses_subject_is_given_and_one_planned_is_not(nlp: Any, text: str, hedged: bool) -> None:
    triple = fact(nlp, text, "Acme Corp.", "kg:mergesWith", "Atlas Inc.")
    assert triple.hedged is hedged and not triple.negated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Acme Corp. is "ready for the next step," CEO Jo Park told reporters.',
            ("Jo Park", "kg:leads", "Acme Corp."),
        ),
        ("Norway will send aid, President Ana Lind said.", None),
        ("The deal is off, CEO Jo Park said.", None),
    ],
)
def test_a_company_title_alone_is_about_the_company_its_speaker_talks_about(
    nlp: Any, text: str, expected: tuple[str, str, str] | None
) -> None:
    found = facts(nlp, text)
    if expected is None:
        assert not any(r in ("kg:leads", "kg:presidentOf") for _, r, _ in found), found
    else:
        assert expected in found, found


@pytest.mark.parametrize(
    ("text", "governs"),
    [
        ("Teachers rallied in Ohio on Monday. Gov. Ann Lee said the budget was fair.", True),
        ("Teachers rallied in Ohio and Texas. Gov. Ann Lee said the budget was fair.", False),
    ],
)
def test_a_governor_alone_governs_the_one_state_the_story_names(nlp: Any, text: str, governs: bool) -> None:
    assert (("Ann Lee", "kg:leads", "Ohio") in facts(nlp, text)) is governs


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Sales will recover, said Mark Quist, Acme's head of customer care.", "kg:worksFor"),
        ("Jo Park, the head of communications at Acme Corp, resigned.", "kg:worksFor"),
        ("Jo Park, Acme's chief executive, said sales rose.", "kg:leads"),
    ],
)
def test_heading_a_function_is_working_for_the_organisation(nlp: Any, text: str, relation: str) -> None:
    found = {r for s, r, o in facts(nlp, text) if s in ("Mark Quist", "Jo Park") and o.startswith("Acme")}
    assert found == {relation}, facts(nlp, text)


def test_a_persons_organisation_by_possessive_alone_makes_no_fact(nlp: Any) -> None:
    found = facts(nlp, "Investors praised Ola Berg's Tarvik Holdings on Monday.")
    assert not any(s == "Ola Berg" for s, _, _ in found), found


def test_a_persons_party_by_possessive_is_their_party(nlp: Any) -> None:
    assert ("Ola Berg", "kg:memberOf", "Green Party") in facts(
        nlp, "Voters backed Ola Berg's Green Party in the election."
    )


def test_the_company_is_the_one_the_story_names_most(nlp: Any) -> None:
    text = (
        "Acme Corp. grew fast. Acme Corp. hired 500 people. Its rival Atlas Inc. shrank. "
        "Jo Park left the company in May."
    )
    found = facts(nlp, text)
    assert any(s == "Jo Park" and o == "Acme Corp." for s, _, o in found), found
    assert not any(s == "Jo Park" and o == "Atlas Inc." for s, _, o in found), found


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Senator Tom Hale was shot down over Tarvik in 1971.", "be shot down over"),
        ("Tom Hale was elected to the Senate in 2010.", "be elected to"),
    ],
)
def test_a_passive_with_no_agent_stays_passive(nlp: Any, text: str, surface: str) -> None:
    generic = [t.predicate.surface for t in graph_of(nlp, text).triples if t.predicate.id == "kg:relatedTo"]
    assert generic == [surface], generic


def test_a_dateline_before_a_dash_is_no_subject(nlp: Any) -> None:
    found = facts(nlp, "Tarvik – Several thousand nurses surrounded the Tarvik Statehouse on Tuesday.")
    assert not any(s == "Tarvik" for s, _, _ in found), found


def test_kin_is_read_but_relates_nothing(nlp: Any) -> None:
    graph = graph_of(nlp, "Tom Hale's son Peter Hale joined the army.")
    assert any(e.lemma == "kin" for e in graph.extractions), graph.extractions
    assert not any({t.subject.label, t.object.label} == {"Tom Hale", "Peter Hale"} for t in graph.triples)


def test_a_first_name_alone_is_the_one_person_the_story_names_so(nlp: Any) -> None:
    graph = graph_of(nlp, "Jose Alves joined Rovers on Tuesday. The club posted a message: Welcome Jose. He smiled.")
    assert not [e for e in graph.entities if e.label == "Jose"], graph.entities
    shared = graph_of(nlp, "Jose Alves and Jose Lima met in Oslo. Jose left early.")
    assert not any(e.label in ("Jose Alves", "Jose Lima") and "coref.firstname" in e.merged_by for e in shared.entities)


@pytest.mark.parametrize(
    "text",
    [
        "Mei Lin of the Green Party said the vote was unfair.",
        "The bill was backed by Omar Haddad of the Republican Party and two independents.",
    ],
)
def test_someone_of_a_party_is_a_member_not_an_employee(nlp: Any, text: str) -> None:
    found = {(s, r) for s, r, _ in facts(nlp, text)}
    assert any(r == "kg:memberOf" for _, r in found), found
    assert not any(r == "kg:worksFor" for _, r in found), found


def test_someone_of_a_company_still_works_for_it(nlp: Any) -> None:
    assert ("Lucas Berg", "kg:worksFor", "Acme Corp.") in facts(
        nlp, "Lucas Berg of Acme Corp. said the plant would close."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Qualifying groups: Norway, Latvia, Kosovo, Malta.",
        "Qualifiers: Latvia, Malta, Abkhazia, Estonia.",
        "The tour stops in Lyon, Lille, Nantes and Paris.",
    ],
)
def test_a_list_of_places_puts_no_place_in_another(nlp: Any, text: str) -> None:
    assert not [f for f in facts(nlp, text) if f[1] == "kg:locatedIn"], facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plant in Hawthorne, California, United States closed.", ("Hawthorne", "kg:locatedIn", "California")),
        ("The plant in Hawthorne, California, United States closed.", ("California", "kg:locatedIn", "United States")),
        (
            "Ana Silva of Springfield, Illinois, said the plant would close.",
            ("Springfield", "kg:locatedIn", "Illinois"),
        ),
    ],
)
def test_an_address_from_small_to_large_still_places_each_in_the_next(
    nlp: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in facts(nlp, text), facts(nlp, text)


def test_a_city_its_district_and_its_country_are_an_address(nlp: Any) -> None:
    text = "Washington, DC, United States: the agency opened an office."
    assert ("DC", "kg:locatedIn", "United States") in facts(nlp, text), facts(nlp, text)


def test_a_place_in_its_county_before_the_next_clause_is_an_address(nlp: Any) -> None:
    text = "After leaving Milton Township, Greene County, the river enters the valley."
    assert ("Milton Township", "kg:locatedIn", "Greene County") in facts(nlp, text), facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tarvik FC coach Ola Berg resigned.", ("Ola Berg", "kg:manages", "Tarvik FC")),
        ("Ola Berg, the coach of Tarvik FC, resigned.", ("Ola Berg", "kg:manages", "Tarvik FC")),
    ],
)
def test_a_coach_manages_the_club(nlp: Any, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in facts(nlp, text), facts(nlp, text)


@pytest.mark.parametrize(
    "text",
    ["Denver coach Mike Malone said the team was tired.", "“We played well,” Tarvik City coach Ola Berg said."],
)
def test_a_coach_named_by_a_city_coaches_its_team_and_lives_nowhere_said(nlp: Any, text: str) -> None:
    assert not [f for f in facts(nlp, text) if f[1] in ("kg:livesIn", "kg:worksFor")], facts(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Berg was known as the Norwegian envoy in Nairobi.",
        "Ana Silva, the Portuguese ambassador in Oslo, met the minister.",
    ],
)
def test_a_diplomat_in_a_city_is_posted_there_not_living_there(nlp: Any, text: str) -> None:
    found = facts(nlp, text)
    assert not [f for f in found if f[1] == "kg:livesIn"], found
    assert [f for f in found if f[1] == "kg:ambassadorOf"], found


@pytest.mark.parametrize(
    "text",
    [
        "Mark Dobson, two Greene County warrants, was held.",
        "Lena Ortiz: three Harlan County warrants and a probation violation.",
    ],
)
def test_a_plural_noun_beside_one_persons_name_says_nothing_about_the_person(nlp: Any, text: str) -> None:
    assert not [f for f in facts(nlp, text) if f[1] in ("kg:livesIn", "kg:worksFor", "kg:citizenOf")], facts(nlp, text)


def test_one_of_a_companys_engineers_still_works_for_it(nlp: Any) -> None:
    text = "Tom Berg, one of the senior engineers at Boeing, resigned."
    assert ("Tom Berg", "kg:worksFor", "Boeing") in facts(nlp, text), facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hosting Berg at the dinner, Ana Lind praised the plan.", "Berg"),
        ("Hosting Okafor at the summit, Lind thanked Norway.", "Okafor"),
        ('Hosting Tarvik at the summit "is our honour," Lind said.', "Tarvik"),  # tagged a proper noun
    ],
)
def test_a_participle_opening_the_sentence_is_not_part_of_the_name_after_it(nlp: Any, text: str, name: str) -> None:
    labels = {e.label for e in graph_of(nlp, text).entities}
    assert name in labels and not any(label.startswith("Hosting") for label in labels), labels


@pytest.mark.parametrize(
    "text",
    [
        "Tove Brandt sold the company in May. Danish-born Brandt now lives in Oslo.",
        "Tove Brandt founded Acme in 2001. Danish-born Brandt later moved to Oslo.",
    ],
)
def test_a_surname_the_ner_calls_an_organisation_is_still_the_person(nlp: Any, text: str) -> None:
    # the small model tags the bare "Brandt" an organisation; the full name earlier makes it the person,
    # so the person's own rules (a birthplace before the name) read it
    assert ("Tove Brandt", "kg:bornIn", "Denmark") in facts(nlp, text), facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "town", "region"),
    [
        ("The firm is based in Atlanta, Georgia.", "Atlanta", "Georgia"),
        ("Ana Lind grew up in Albany, New York.", "Albany", "New York"),
        ("The plant in Tacoma, Washington, closed in May.", "Tacoma", "Washington"),
    ],
)
def test_a_region_after_a_town_and_a_comma_is_the_region_not_its_namesake(
    nlp: Any, text: str, town: str, region: str
) -> None:
    graph = graph_of(nlp, text)
    types = {e.label: e.type for e in graph.entities}
    assert types.get(region) == "Region", types
    assert (town, "kg:locatedIn", region) in facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Ana Lind lives in Tbilisi, Georgia.", "Georgia", "Country"),  # a city of another country
        ("Talks in Washington, Moscow and Kyiv failed.", "Moscow", "City"),  # a list of places
    ],
)
def test_a_place_after_a_comma_stays_itself_in_a_list_or_another_country(
    nlp: Any, text: str, name: str, kind: str
) -> None:
    types = {e.label: e.type for e in graph_of(nlp, text).entities}
    assert types.get(name) == kind, types


@pytest.mark.parametrize(
    "text",
    [
        "Jon Moe levelled late when his shot at Ola Berg slipped under the goaltender.",
        "In the third period Jon Moe shot at Ola Berg, but the goalie saved it.",
        "Jon Moe fired at Ola Berg from close range, and the goaltender made the save.",
    ],
)
def test_a_shot_in_a_sentence_naming_a_players_position_is_no_attack(nlp: Any, text: str) -> None:
    assert not any(r == "kg:attacks" for _, r, _ in facts(nlp, text)), facts(nlp, text)


def test_a_shot_with_nothing_of_a_game_near_it_is_still_an_attack(nlp: Any) -> None:
    assert ("Jon Moe", "kg:attacks", "Ola Berg") in facts(nlp, "Jon Moe fired at Ola Berg outside his home.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“I sold the boat in May. Then I moved to Tarvik,” said Jon Moe.", ("Jon Moe", "Tarvik")),
        ("“We signed the deal on Monday. I then flew to Oslo,” said Ana Lind.", ("Ana Lind", "Oslo")),
    ],
)
def test_i_in_a_quotation_over_several_sentences_is_its_speaker(nlp: Any, text: str, expected: tuple[str, str]) -> None:
    assert expected in {(s, o) for s, _, o in facts(nlp, text)}, facts(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Jon Moe hired a guide in Oslo. “He drove me to Tarvik that night,” he said.",
        "Jon Moe hired a driver. “He took me to Oslo that night,” Moe said.",
    ],
)
def test_he_in_a_quotation_is_not_its_speaker(nlp: Any, text: str) -> None:
    assert not {f for f in facts(nlp, text) if f[0] == "Jon Moe"}, facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Lars Holm Dahl scored twice. Holm Dahl later praised Acme Corp.", "Lars Holm Dahl"),
        ("Maria van Roon joined Acme Corp in May. Van Roon later praised Acme Corp.", "Maria van Roon"),
    ],
)
def test_a_surname_of_several_words_is_the_one_full_name_ending_with_it(nlp: Any, text: str, person: str) -> None:
    graph = graph_of(nlp, text)
    assert [e.label for e in graph.entities if e.type == "Person"] == [person], graph.entities
    assert any(s == person and r == "kg:praises" for s, r, _ in facts(nlp, text)), facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jon Moe, a portfolio manager at Acme Capital, expects more deals.",
            ("Jon Moe", "kg:worksFor", "Acme Capital"),
        ),
        ("Acme Corp marketing director Jon Moe resigned.", ("Jon Moe", "kg:worksFor", "Acme Corp")),
        ("Jon Moe, finance director of Acme Corp, resigned.", ("Jon Moe", "kg:worksFor", "Acme Corp")),
        # a role word or the whole body before the role keeps it a leading one
        ("Jon Moe, general manager of Acme FC, resigned.", ("Jon Moe", "kg:manages", "Acme FC")),
        ("Jon Moe, executive director of Acme Foundation, resigned.", ("Jon Moe", "kg:leads", "Acme Foundation")),
    ],
)
def test_a_common_noun_before_a_leading_role_names_a_function_not_the_organisation(
    nlp: Any, text: str, expected: tuple[str, str, str]
) -> None:
    found = facts(nlp, text)
    assert expected in found, found
    assert len({f for f in found if f[0] == expected[0] and f[2] == expected[2]}) == 1, found


@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        (
            "Acme Corp sued Tarvik Corp, accusing Ola Berg of theft.",
            ("Acme Corp", "kg:accuses", "Ola Berg"),
            ("Tarvik Corp", "kg:accuses", "Ola Berg"),
        ),
        (
            "Norway criticised the talks in Oslo, accusing Jon Moe of lying.",
            ("Norway", "kg:accuses", "Jon Moe"),
            ("Oslo", "kg:accuses", "Jon Moe"),
        ),
    ],
)
def test_a_present_participle_after_the_clause_has_the_clauses_subject_not_its_object(
    nlp: Any, text: str, expected: tuple[str, str, str], wrong: tuple[str, str, str]
) -> None:
    found = facts(nlp, text)
    assert expected in found and wrong not in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway dropped the charges against Jon Moe.", ("Norway", "drop charge against", "Jon Moe")),
        ("Tarvik Corp brought a case against Acme Corp in May.", ("Tarvik Corp", "bring case against", "Acme Corp")),
    ],
)
def test_a_legal_step_against_someone_relates_them(nlp: Any, text: str, expected: tuple[str, str, str]) -> None:
    generic = {
        (t.subject.label, t.predicate.surface, t.object.label)
        for t in graph_of(nlp, text).triples
        if t.predicate.id == "kg:relatedTo"
    }
    assert expected in generic, generic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway beat Sweden 2-1.", ("Norway", "kg:defeats", "Sweden")),
        ("Portugal thrashed Luxembourg 4-0 on Sunday.", ("Portugal", "kg:defeats", "Luxembourg")),
    ],
)
def test_the_side_a_score_follows_is_the_beaten_one(nlp: Any, text: str, expected: tuple[str, str, str]) -> None:
    # the parser takes the score for a measure and the beaten side for its adverbial
    assert expected in facts(nlp, text), facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme Corp's partnership with Tarvik Media was announced on Monday.",
            ("Acme Corp", "kg:partnersWith", "Tarvik Media"),
        ),
        ("The Herons' 3-1 win over Tarvik FC lifted them to second.", ("Herons", "kg:defeats", "Tarvik FC")),
        ("Norway's 5-0 rout of Tarvik FC ended their season.", ("Norway", "kg:defeats", "Tarvik FC")),
    ],
)
def test_an_event_noun_the_lexicon_lists_with_its_preposition(
    nlp: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in facts(nlp, text), facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Herons sealed the title with a 2-0 win over Tarvik FC.", ("Herons", "kg:defeats", "Tarvik FC")),
        ("Acme Corp ended the year with a merger with Tarvik Media.", ("Acme Corp", "kg:mergesWith", "Tarvik Media")),
    ],
)
def test_an_event_the_subject_did_something_with_is_its_own(
    nlp: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in facts(nlp, text), facts(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Jon Moe leads the Premier League with 14 goals.",
        "Acme Corp leads Valdora Holdings with a 30 percent share of the market.",
    ],
)
def test_being_ahead_with_a_figure_is_no_leadership(nlp: Any, text: str) -> None:
    assert not any(r == "kg:leads" for _, r, _ in facts(nlp, text)), facts(nlp, text)


def test_leading_with_no_figure_is_still_leadership(nlp: Any) -> None:
    assert ("Jon Moe", "kg:leads", "Acme Corp") in facts(nlp, "Jon Moe leads Acme Corp with a firm hand.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acme Capital became the largest shareholder of Tarvik Media.", ("Acme Capital", "kg:owns", "Tarvik Media")),
        ("Jon Moe became chairman of Acme Corp in 2010.", ("Jon Moe", "kg:leads", "Acme Corp")),
    ],
)
def test_a_role_one_becomes_is_held(nlp: Any, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in facts(nlp, text), facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jon Moe, director general of the Tarvik Agency, resigned.", ("Jon Moe", "kg:leads", "Tarvik Agency")),
        ("Norway's attorney general, Jon Moe, sued Acme Corp.", ("Jon Moe", "kg:ministerOf", "Norway")),
        ("Jon Moe, inspector general of the Tarvik Agency, resigned.", ("Jon Moe", "kg:worksFor", "Tarvik Agency")),
        # the rank alone stays a rank
        ("Jon Moe, a general in the Tarvik Army, resigned.", ("Jon Moe", "kg:memberOf", "Tarvik Army")),
    ],
)
def test_an_office_named_general_is_that_office_not_a_rank(nlp: Any, text: str, expected: tuple[str, str, str]) -> None:
    found = facts(nlp, text)
    assert expected in found, found
    assert len({f for f in found if f[0] == expected[0] and f[2] == expected[2]}) == 1, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prosecutors in Sweden charged Jon Moe with fraud.", ("Prosecutors in Sweden", "kg:charges", "Jon Moe")),
        ("Officials in Norway criticised Acme Corp.", ("Officials in Norway", "kg:criticises", "Acme Corp.")),
        ("Authorities in Kenya arrested Jon Moe on Friday.", ("Kenya", "kg:arrests", "Jon Moe")),
    ],
)
def test_a_group_placed_in_a_country_acts_as_that_countrys_group(
    nlp: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in facts(nlp, text), facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway dropped its probe into claims against Acme Corp.", ("Norway", "drop probe against", "Acme Corp.")),
        (
            "Acme Corp brought a case over fraud claims against Tarvik Media.",
            ("Acme Corp", "bring case against", "Tarvik Media"),
        ),
    ],
)
def test_whom_the_matter_of_a_legal_step_is_against_is_its_target(
    nlp: Any, text: str, expected: tuple[str, str, str]
) -> None:
    generic = {
        (t.subject.label, t.predicate.surface, t.object.label)
        for t in graph_of(nlp, text).triples
        if t.predicate.id == "kg:relatedTo"
    }
    assert expected in generic, generic


def test_a_country_before_a_noun_that_describes_no_one_makes_no_citizen(nlp: Any) -> None:
    found = facts(nlp, "Norway hosts Acme Oil and Tarvik Energy.")
    assert not any(r == "kg:citizenOf" for _, r, _ in found), found
