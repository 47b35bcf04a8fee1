"""The view filters (kg.views.select) on hand-made graphs: what each keeps, what it says it left out."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from synthetic_graphs import NAIROBI, evidence, small_graph

from kg.errors import InputError
from kg.graph import KnowledgeGraph
from kg.model import Document, Entity, Relation, Triple
from kg.views import entity_sources, evidence_dates, fact_sources, find_entities, parse_date, parse_period, select


def ids(view_graph: KnowledgeGraph) -> tuple[list[str], list[str]]:
    return sorted(t.id for t in view_graph.triples), sorted(e.id for e in view_graph.entities)


def test_no_filter_keeps_everything_even_entities_without_facts() -> None:
    graph = small_graph()
    view = select(graph)
    assert ids(view.graph) == ids(graph)
    assert "city-nairobi" in {e.id for e in view.graph.entities}
    assert view.notes == () and view.focus == ()


@pytest.mark.parametrize(
    "name", ["Daniel Mwangi", "daniel mwangi", "MWANGI", "the kenyan president", "person-daniel-mwangi"]
)
def test_entity_is_found_by_label_alias_or_id_in_any_case(name: str) -> None:
    view = select(small_graph(), entity=name)
    assert view.focus == ("person-daniel-mwangi",)
    assert ids(view.graph) == (["st-meets", "st-praises"], ["person-daniel-mwangi", "person-ingrid-halvorsen"])
    assert view.notes == ("neighbourhood of Daniel Mwangi (1 step): 2 entities, 2 facts",)


def test_entity_neighbourhood_depth() -> None:
    one = select(small_graph(), entity="Norway")
    assert ids(one.graph)[1] == ["country-ke", "country-no"]
    # Kenya's other neighbours, and the facts among them, two steps out.
    two = select(small_graph(), entity="Norway", depth=2)
    assert ids(two.graph) == (
        ["st-based", "st-border", "st-supports"],
        ["country-ke", "country-no", "country-tz", "organization-red-cross"],
    )
    alone = select(small_graph(), entity="Nairobi")
    assert ids(alone.graph) == ([], ["city-nairobi"])  # an entity without facts is still drawn


def test_unknown_entity_is_one_line_with_close_names() -> None:
    with pytest.raises(InputError) as caught:
        select(small_graph(), entity="Ingrid Halvorsn")
    message = str(caught.value)
    assert message.startswith("--entity: no entity named 'Ingrid Halvorsn'")
    assert "did you mean 'Ingrid Halvorsen'" in message and "\n" not in message
    with pytest.raises(InputError, match="did you mean 'Kenya'"):
        find_entities(small_graph(), "Kenia")
    with pytest.raises(InputError, match=r"no entity named 'zzz' in this graph$"):
        select(small_graph(), entity="zzz")


@pytest.mark.parametrize("relation", ["kg:supports", "supports", "SUPPORTS", "Supports"])
def test_relation_by_curie_local_name_or_label(relation: str) -> None:
    view = select(small_graph(), relation=relation)
    assert ids(view.graph) == (["st-supports"], ["country-ke", "country-no"])
    assert view.notes == (f"relation {relation}: 1 of 7 facts",)


def test_relation_by_surface_verb_and_several_at_once() -> None:
    assert ids(select(small_graph(), relation="share basin with").graph)[0] == ["st-border"]
    assert ids(select(small_graph(), relation="kg:relatedTo").graph)[0] == ["st-border"]
    assert ids(select(small_graph(), relation=["meets", "kg:basedIn", "based-in"]).graph)[0] == ["st-based", "st-meets"]


def test_unknown_relation_suggests_present_ones() -> None:
    with pytest.raises(
        InputError, match=r"^--relation: no fact in this graph has relation 'suports' \(did you mean 'supports'\?\)$"
    ):
        select(small_graph(), relation="suports")


def test_min_confidence_is_inclusive_and_checked() -> None:
    view = select(small_graph(), min_confidence=0.8)
    assert ids(view.graph)[0] == ["st-based", "st-meets", "st-supports"]
    assert view.notes == ("confidence ≥ 0.8: 3 of 7 facts",)
    assert "city-nairobi" not in ids(view.graph)[1]  # filtered views draw the entities of their facts
    with pytest.raises(InputError, match="between 0 and 1"):
        select(small_graph(), min_confidence=1.5)


def test_since_keeps_later_evidence_only() -> None:
    view = select(small_graph(), since="2024-03-01")
    triples = {t.id: t for t in view.graph.triples}
    assert sorted(triples) == ["st-based", "st-meets", "st-supports", "st-visits"]
    # st-meets was read in January and in March: only the March sentence remains.
    assert [ev.document for ev in triples["st-meets"].evidence] == ["doc-mar"]
    assert [d.id for d in view.graph.documents] == ["doc-mar"]
    assert view.notes == (
        "evidence dated on or after 2024-03-01 (event date, else publication date): 4 of 7 facts; "
        "left out evidence sentences: 3 outside the window, 1 undated",
    )


def test_since_is_inclusive_and_accepts_partial_dates() -> None:
    assert ids(select(small_graph(), since="2024-03-05").graph) == ids(select(small_graph(), since="2024-03").graph)
    assert (
        ids(select(small_graph(), since=date(2024, 1, 10)).graph)[0]
        == ids(select(small_graph(), since="2024").graph)[0]
    )
    assert select(small_graph(), since="2025").graph.triples == ()
    with pytest.raises(InputError, match="not a date"):
        select(small_graph(), since="last week")


def test_parse_date() -> None:
    assert parse_date("2024-03-05T10:00:00Z") == date(2024, 3, 5)
    assert parse_date("2024-03") == date(2024, 3, 1)
    assert parse_date("2024-13-40") is None
    assert parse_date("March 2024") is None


def test_top_keeps_the_most_connected_and_says_what_it_left_out() -> None:
    view = select(small_graph(), top=3)
    # Kenya (3 facts), Halvorsen (3), then Mwangi and Tanzania (2 each): Mwangi has more evidence.
    assert ids(view.graph) == (
        ["st-meets", "st-praises"],
        ["country-ke", "person-daniel-mwangi", "person-ingrid-halvorsen"],
    )
    assert (view.left_out_entities, view.left_out_triples) == (6, 5)
    assert view.notes == ("top 3 most connected of 9 entities: left out 6 entities (≤ 2 facts each) and 5 of 7 facts",)


def test_top_larger_than_the_graph_says_nothing() -> None:
    view = select(small_graph(), top=100)
    assert ids(view.graph) == ids(small_graph()) and view.notes == ()
    with pytest.raises(InputError, match="positive"):
        select(small_graph(), top=0)


def test_filters_apply_facts_first_then_neighbourhood_then_top() -> None:
    view = select(small_graph(), entity="Kenya", relation=["supports", "based in", "share basin with"], top=2)
    # Kenya comes first because it was asked for, then the most connected of its neighbours (ties by label).
    assert ids(view.graph) == (["st-based"], ["country-ke", "organization-red-cross"])
    assert [n.split(":")[0] for n in view.notes] == [
        "relation supports, based in, share basin with",
        "neighbourhood of Kenya (1 step)",
        "top 2 most connected of 4 entities",
    ]


def test_top_keeps_ties_in_a_stable_order() -> None:
    hub = Entity("hub", "Hub", "Person")
    leaves = [Entity(f"leaf-{c}", f"Leaf {c}", "Person") for c in "dcba"]
    knows = Relation("kg:knows", "knows")
    graph = KnowledgeGraph(triples=tuple(Triple(f"st-{x.id}", hub, knows, x, 0.5) for x in leaves))
    assert ids(select(graph, top=3).graph)[1] == ["hub", "leaf-a", "leaf-b"]


# -- dates, sources, outlets: the fields a corpus build adds ----------------------------------------------

WIRE = (
    Document("wire-1", "", title="Port strike", published="2024-05-02", source="Nordic Wire"),
    Document("wire-2", "", title="Port strike (copy)", published="2024-05-02", source="Harbour Times"),
    Document("wire-3", "", title="Port strike (copy)", published="2024-05-03", source="Valdora Post"),
    Document("own-1", "", title="Strike ends", published="2024-06-20", source="Valdora Post"),
)


def dated_graph() -> KnowledgeGraph:
    """Three facts: a syndicated one (3 copies, 1 source), one dated by its event, one by publication only."""
    union, port, city = Entity("u", "Dock Union", "Group"), Entity("p", "Port Authority", "Organization"), NAIROBI
    strikes = Relation("kg:opposes", "opposes")
    syndicated = Triple(
        "st-syndicated",
        union,
        strikes,
        port,
        0.8,
        evidence=tuple(evidence(d.id, "Dock Union", "opposes", "Port Authority") for d in WIRE[:3]),
        sources=1,
    )
    # Read in June about something that happened in March: the event date decides.
    remembered = Triple(
        "st-remembered",
        union,
        Relation("kg:meets", "meets"),
        port,
        0.7,
        evidence=(
            evidence("own-1", "Dock Union", "met", "Port Authority", event_start="2024-03-04", date_rule="explicit"),
        ),
    )
    # The evidence's own publication date wins over its document's (a later edition of the page).
    based = Triple(
        "st-based",
        port,
        Relation("kg:basedIn", "based in"),
        city,
        0.9,
        evidence=(evidence("own-1", "Port Authority", "is based in", "Nairobi", published="2024-07-01"),),
    )
    return KnowledgeGraph(triples=(syndicated, remembered, based), documents=WIRE)


def test_dates_are_event_dates_else_publication_dates() -> None:
    graph = dated_graph()
    published = {d.id: d.published for d in graph.documents}
    (remembered,) = [t for t in graph.triples if t.id == "st-remembered"]
    assert evidence_dates(remembered.evidence[0], published) == (date(2024, 3, 4), date(2024, 3, 4))
    (based,) = [t for t in graph.triples if t.id == "st-based"]
    assert evidence_dates(based.evidence[0], published) == (date(2024, 7, 1), date(2024, 7, 1))
    ranged = dataclasses.replace(remembered.evidence[0], event_start="2024-03", event_end="2024-04-02")
    assert evidence_dates(ranged, published) == (date(2024, 3, 1), date(2024, 4, 2))
    undated = dataclasses.replace(remembered.evidence[0], event_start=None, document="elsewhere")
    assert evidence_dates(undated, published) is None


def test_a_time_window_keeps_what_happened_in_it() -> None:
    march = select(dated_graph(), since="2024-03", until="2024-03")
    assert ids(march.graph)[0] == ["st-remembered"]  # published in June, happened in March
    assert march.notes == (
        "evidence dated from 2024-03-01 to 2024-03-31 (event date, else publication date): 1 of 3 facts; "
        "left out evidence sentences: 4 outside the window",
    )
    spring = {t.id: t for t in select(dated_graph(), until="2024-05-02").graph.triples}
    assert sorted(spring) == ["st-remembered", "st-syndicated"]
    # The copy published on 3 May is outside the window: the panel shows the two inside it.
    assert [ev.document for ev in spring["st-syndicated"].evidence] == ["wire-1", "wire-2"]
    assert ids(select(dated_graph(), since="2024-07").graph)[0] == ["st-based"]
    assert ids(select(dated_graph(), until="2024").graph)[0] == ["st-based", "st-remembered", "st-syndicated"]


def test_a_window_that_ends_before_it_starts_is_one_clear_error() -> None:
    with pytest.raises(InputError, match=r"^--until: 2024-02-29 is before --since 2024-03-01$"):
        select(dated_graph(), since="2024-03", until="2024-02")
    with pytest.raises(InputError, match="--until: 'soon' is not a date"):
        select(dated_graph(), until="soon")


def test_parse_period_covers_the_named_month_or_year() -> None:
    assert parse_period("2023-02") == (date(2023, 2, 1), date(2023, 2, 28))
    assert parse_period("2024") == (date(2024, 1, 1), date(2024, 12, 31))
    assert parse_period("2024-13") is None and parse_period("spring") is None


def test_sources_count_syndicated_copies_once() -> None:
    graph = dated_graph()
    facts = {t.id: t for t in graph.triples}
    assert fact_sources(facts["st-syndicated"]) == 1  # three copies of one wire story
    assert fact_sources(facts["st-remembered"]) == 1  # unknown: its one document
    # The union: the wire story (three copies, one source) and its own June article.
    assert entity_sources(graph.triples)["u"] == 2
    assert entity_sources(graph.triples)["p"] == 2
    assert entity_sources(graph.triples)[NAIROBI.id] == 1


def test_min_sources_and_outlet() -> None:
    graph = dataclasses.replace(
        dated_graph(),
        triples=(*dated_graph().triples, dataclasses.replace(dated_graph().triples[0], id="st-twice", sources=2)),
    )
    view = select(graph, min_sources=2)
    assert ids(view.graph)[0] == ["st-twice"]
    assert view.notes == ("at least 2 independent sources: 1 of 4 facts",)
    outlet = select(dated_graph(), outlet="valdora post")
    assert ids(outlet.graph)[0] == ["st-based", "st-remembered", "st-syndicated"]
    assert outlet.notes == ("reported by Valdora Post: 3 of 3 facts",)
    assert ids(select(dated_graph(), outlet=["Harbour Times"]).graph)[0] == ["st-syndicated"]
    with pytest.raises(InputError, match=r"^--outlet: no article in this graph is from 'Nordic' \(did you mean"):
        select(dated_graph(), outlet="Nordic")
    with pytest.raises(InputError, match="no article names its outlet"):
        select(KnowledgeGraph(triples=small_graph().triples), outlet="Nordic")
    with pytest.raises(InputError, match="--min-sources: 0 is not a positive number"):
        select(dated_graph(), min_sources=0)


def test_top_by_sources_ranks_the_most_reported() -> None:
    hub = Entity("hub", "Hub", "Person")
    quiet, loud = Entity("quiet", "Quiet", "Person"), Entity("loud", "Loud", "Person")
    knows = Relation("kg:knows", "knows")
    one_article = [
        Triple(f"st-q{i}", quiet, knows, hub, 0.5, evidence=(evidence("d1", "Quiet", "knows", "Hub"),))
        for i in range(3)
    ]
    many = tuple(evidence(f"d{i}", "Loud", "knows", "Hub") for i in range(2, 6))
    graph = KnowledgeGraph(triples=(*one_article, Triple("st-loud", loud, knows, hub, 0.5, evidence=many)))
    assert ids(select(graph, top=2).graph)[1] == ["hub", "quiet"]  # 3 facts beat 1
    by_sources = select(graph, top=2, top_by="sources")
    assert ids(by_sources.graph)[1] == ["hub", "loud"]  # 4 articles beat 1
    assert by_sources.notes[0].startswith("top 2 most reported (by independent sources) of 3 entities")
    assert "(≤ 1 sources each)" in by_sources.notes[0]
    with pytest.raises(InputError, match="--top-by"):
        select(graph, top=2, top_by="fame")
