"""The view filters (kg.views.select) on hand-made graphs: what each keeps, what it says it left out."""

from __future__ import annotations

from datetime import date

import pytest
from synthetic_graphs import small_graph

from kg.errors import InputError
from kg.graph import KnowledgeGraph
from kg.model import Entity, Relation, Triple
from kg.views import find_entities, parse_date, select


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
    (note,) = view.notes
    assert note.startswith("evidence published on or after 2024-03-01: 4 of 7 facts")
    assert "1 document(s) have no publication date" in note


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
