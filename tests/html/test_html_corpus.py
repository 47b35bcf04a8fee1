"""Views of whole corpora in headless Chromium (network blocked), at the size a reader first sees them (1280×800).

Two corpora: CoNLL04 dev as ``kg build`` reads it (../shared/eval; 231 short articles, about half the entities
in no fact), and a 5,000-entity synthetic corpus (tests/html/synthetic_graphs.py ``corpus_like``: three large
components, hundreds of small ones, 45 % of entities in no fact, outlets, syndicated copies, event dates,
disputed facts). Expected counts are computed here from the graph with kg.views' own rules (sources, dates),
and compared with what vis-network holds after each filter is set through the page's controls.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from browser_support import BrowserMissing, Page, chromium, legible_labels, open_offline, shown, wait_ready
from conftest import shared_file, unavailable
from synthetic_graphs import corpus_like

from kg.export.html import relation_name, write_html
from kg.graph import KnowledgeGraph
from kg.model import Triple
from kg.views import evidence_dates, fact_sources

pytestmark = pytest.mark.browser

VIEWPORT = (1280, 800)
LEGIBLE_PX = 10.0
READY_SECONDS = 30.0  # a smoke bound; tests/bench/bench_html.py measures


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        with chromium(viewport=VIEWPORT) as context:
            yield context
    except BrowserMissing as error:
        unavailable(str(error))


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[KnowledgeGraph, Path]:
    graph = corpus_like(5000)
    path = tmp_path_factory.mktemp("corpus") / "synthetic-5000.html"
    write_html(graph, path)
    return graph, path


@pytest.fixture(scope="module")
def conll04(nlp: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[KnowledgeGraph, Path]:
    import kg

    graph = kg.build([shared_file("conll04-dev.jsonl")], nlp=nlp)
    path = tmp_path_factory.mktemp("corpus") / "conll04-dev.html"
    write_html(graph, path)
    return graph, path


@pytest.fixture(
    params=[
        pytest.param("synthetic", id="synthetic-5000"),
        pytest.param("conll04", id="conll04-dev", marks=[pytest.mark.shared, pytest.mark.model]),
    ]
)
def corpus(request: pytest.FixtureRequest) -> tuple[KnowledgeGraph, Path]:
    built: tuple[KnowledgeGraph, Path] = request.getfixturevalue(request.param)
    return built


@pytest.fixture
def opened(browser: Any, corpus: tuple[KnowledgeGraph, Path]) -> Iterator[tuple[KnowledgeGraph, Page]]:
    graph, path = corpus
    page = open_offline(browser, path)
    wait_ready(page, READY_SECONDS * 2)
    yield graph, page
    assert page.requests == [] and page.errors == []
    page.page.close()


def with_facts(graph: KnowledgeGraph) -> set[str]:
    return {x for t in graph.triples for x in (t.subject.id, t.object.id)}


def expect(graph: KnowledgeGraph, keep: Callable[[Triple], bool]) -> tuple[list[str], int]:
    """The entities and the number of facts the page should draw when only the facts ``keep`` accepts are."""
    facts = [t for t in graph.triples if keep(t)]
    return sorted({x for t in facts for x in (t.subject.id, t.object.id)}), len(facts)


def counts(page: Page) -> tuple[list[str], int]:
    now = shown(page)
    return sorted(now["entities"]), now["facts"]


def test_the_page_opens_with_no_entity_without_facts_drawn(opened: tuple[KnowledgeGraph, Page]) -> None:
    graph, page = opened
    assert page.js("kgView.readyAt") / 1000 < READY_SECONDS
    drawn = set(shown(page)["drawn"])
    assert drawn == with_facts(graph)
    factless = sorted({e.id for e in graph.entities} - with_facts(graph))
    assert len(factless) > 0.3 * len(graph.entities)  # both corpora: a third or more of their entities
    # Listed in the side panel, found by search, drawn on request.
    page.page.click("#kg-factless summary")
    page.page.locator("#kg-factless-list li").first.wait_for()  # filled when first opened ("toggle" is async)
    listed = page.page.locator("#kg-factless-list li").count()
    assert listed == min(len(factless), 300) + (len(factless) > 300)
    entity = next(e for e in graph.entities if e.id == factless[0])
    page.page.fill("#kg-search", entity.id)
    page.page.press("#kg-search", "Enter")
    details = page.page.text_content("#kg-details") or ""
    assert entity.label in details and "No fact" in details and "Not drawn" in details
    page.page.check("#kg-f-factless")
    assert set(shown(page)["drawn"]) == {e.id for e in graph.entities}


def test_labels_of_the_most_connected_entities_are_legible_at_the_initial_zoom(
    opened: tuple[KnowledgeGraph, Page],
) -> None:
    graph, page = opened
    assert page.js("[innerWidth, innerHeight]") == list(VIEWPORT)
    legible = legible_labels(page, LEGIBLE_PX)
    assert len(legible) >= 10, legible
    framed = page.js("kgView.data.fit")
    degree = {x: 0 for x in framed}
    for t in graph.triples:
        for end in {t.subject.id, t.object.id} & degree.keys():
            degree[end] += 1
    hub = min(framed, key=lambda x: (-degree[x], x))
    assert hub in {label["id"] for label in legible}
    # Zooming in and out again keeps the most connected entities in view legible.
    page.js("kgView.network.moveTo({scale: kgView.network.getScale() * 0.6})")
    page.js("kgView.relabel()")
    assert len(legible_labels(page, LEGIBLE_PX)) >= 10


def test_filters_change_what_is_drawn(opened: tuple[KnowledgeGraph, Page]) -> None:
    graph, page = opened
    everything = expect(graph, lambda t: True)
    assert counts(page) == everything
    relations: dict[str, int] = {}
    for t in graph.triples:
        relations[relation_name(t)] = relations.get(relation_name(t), 0) + 1
    common = max(sorted(relations), key=relations.__getitem__)
    page.page.select_option("#kg-f-relation", common)
    assert counts(page) == expect(graph, lambda t: relation_name(t) == common)
    page.page.click("#kg-f-reset")
    assert counts(page) == everything

    page.page.fill("#kg-f-sources", "2")
    assert counts(page) == expect(graph, lambda t: fact_sources(t) >= 2)
    page.page.uncheck("#kg-f-kinds input[value=hedged]")
    assert counts(page) == expect(graph, lambda t: fact_sources(t) >= 2 and not t.hedged)
    page.page.click("#kg-f-reset")

    page.page.locator("button.kg-class[data-class='Person']").click()
    assert counts(page) == expect(graph, lambda t: "Person" not in (t.subject.type, t.object.type))
    page.page.locator("button.kg-class[data-class='Person']").click()
    assert counts(page) == everything


def test_outlet_and_time_filters_on_a_dated_corpus(browser: Any, synthetic: tuple[KnowledgeGraph, Path]) -> None:
    graph, path = synthetic
    page = open_offline(browser, path)
    wait_ready(page, READY_SECONDS * 2)
    sources = {d.id: d.source for d in graph.documents}
    page.page.select_option("#kg-f-outlet", "Valdora Post")
    assert counts(page) == expect(graph, lambda t: any(sources[ev.document] == "Valdora Post" for ev in t.evidence))
    page.page.click("#kg-f-reset")

    assert page.page.is_visible("#kg-f-time")
    first = date.fromisoformat(page.js("kgView.data.dates[0]"))
    low, high = first + timedelta(days=200), first + timedelta(days=230)
    page.page.evaluate(
        """([from, to]) => {
          for (const [id, value] of [['kg-f-to', to], ['kg-f-from', from]]) {
            const input = document.getElementById(id);
            input.value = String(value);
            input.dispatchEvent(new Event('input'));
          }
        }""",
        [200, 230],
    )
    published = {d.id: d.published for d in graph.documents}

    def inside(t: Triple) -> bool:
        dates = [evidence_dates(ev, published) for ev in t.evidence]
        return any(d is not None and d[1] >= low and d[0] <= high for d in dates)

    wanted = expect(graph, inside)
    page.page.wait_for_function("(n) => kgView.shown.facts === n", arg=wanted[1], timeout=5000)
    assert counts(page) == wanted
    assert low.isoformat() in (page.page.text_content("#kg-f-window") or "")
    assert page.requests == [] and page.errors == []
    page.page.close()


def test_the_time_filter_shows_only_where_there_are_dates(opened: tuple[KnowledgeGraph, Page]) -> None:
    """CoNLL04 has no dates and no outlets: its page hides the time slider and the outlet filter."""
    graph, page = opened
    dated = any(d.published for d in graph.documents) or any(ev.event_start for t in graph.triples for ev in t.evidence)
    assert page.page.is_visible("#kg-f-time") == dated
    assert page.page.is_visible("#kg-f-outlet") == any(d.source for d in graph.documents)


def test_a_community_collapses_into_one_node_and_expands_on_click(opened: tuple[KnowledgeGraph, Page]) -> None:
    graph, page = opened
    before = shown(page)
    size = page.js("kgView.data.communities[0].size")
    assert size >= page.js("kgView.data.collapse_min")
    page.page.locator("#kg-community-list button.kg-toggle").first.click()
    after = shown(page)
    members = set(page.js("kgView.data.entities.filter((e) => e.c === 0).map((e) => e.id)"))
    assert len(members) == size
    assert set(after["drawn"]) == (set(before["drawn"]) - members) | {"community:0"}
    # The facts that left the community are drawn as one edge per neighbour, labelled with their number.
    leaving: dict[str, int] = {}
    for t in graph.triples:
        inside = {t.subject.id, t.object.id} & members
        if len(inside) == 1:
            other = ({t.subject.id, t.object.id} - members).pop()
            leaving[other] = leaving.get(other, 0) + 1
    links = page.js(
        """() => kgView.edges.get({filter: (e) => !e.hidden && String(e.id).startsWith('link:')})
                   .map((e) => [e.from === 'community:0' ? e.to : e.from, e.label])"""
    )
    assert sorted(links) == sorted([other, f"{n} fact" + ("s" if n > 1 else "")] for other, n in leaving.items())
    assert page.page.locator("#kg-community-list button.kg-toggle").first.inner_text() == "expand"
    # A click on the collapsed community opens it again and lists its members.
    page.js("kgView.network.moveTo({position: kgView.network.getPositions(['community:0'])['community:0'], scale: 1})")
    # vis-network finds a node under the pointer from the box of its last draw, so wait until the new summary node
    # has been drawn where it now stands (one animation frame, later on a slow machine).
    page.page.wait_for_function(
        """() => {
          const net = kgView.network;
          return net.getNodeAt(net.canvasToDOM(net.getPositions(['community:0'])['community:0'])) === 'community:0';
        }""",
        timeout=5000,
    )
    point = page.js(
        """() => {
          const net = kgView.network, dom = net.canvasToDOM(net.getPositions(['community:0'])['community:0']);
          const box = document.getElementById('mynetwork').getBoundingClientRect();
          return {x: box.left + dom.x, y: box.top + dom.y, node: net.getNodeAt(dom)};
        }"""
    )
    assert point["node"] == "community:0"
    page.page.mouse.click(point["x"], point["y"])
    assert sorted(shown(page)["drawn"]) == sorted(before["drawn"])
    assert shown(page)["facts"] == before["facts"]
    assert "Community" in (page.page.text_content("#kg-details") or "")


def test_every_community_collapses_at_once_and_filters_keep_them_collapsed(
    opened: tuple[KnowledgeGraph, Page],
) -> None:
    graph, page = opened
    page.page.click("#kg-collapse-all")
    collapsible = page.js("kgView.data.communities.filter((c) => c.size >= kgView.data.collapse_min).length")
    drawn = shown(page)["drawn"]
    assert sum(1 for d in drawn if d.startswith("community:")) == collapsible
    page.page.uncheck("#kg-f-kinds input[value=stated]")
    # Only the communities with a member left by the filter are still drawn, still collapsed.
    kept = {x for t in graph.triples if t.negated or t.hedged for x in (t.subject.id, t.object.id)}
    kept_communities = set(
        page.js("(kept) => kgView.data.entities.filter((e) => kept.includes(e.id)).map((e) => e.c)", sorted(kept))
    )
    drawn = shown(page)["drawn"]
    summaries = {int(d.split(":")[1]) for d in drawn if d.startswith("community:")}
    assert summaries == {c for c in kept_communities if c is not None and c < collapsible}
    page.page.click("#kg-expand-all")
    assert not any(d.startswith("community:") for d in shown(page)["drawn"])


def test_colour_by_community(opened: tuple[KnowledgeGraph, Page]) -> None:
    _, page = opened
    page.page.select_option("#kg-colour", "community")
    first = page.js("kgView.data.entities.find((e) => e.c === 0)")
    colour = page.js("kgView.data.communities[0].color")
    assert page.js(f"kgView.nodes.get({first['id']!r}).color.background") == colour
    page.page.select_option("#kg-colour", "class")
    own = page.js(f"kgView.options.groups[{first['type']!r}].color.background")
    assert page.js(f"kgView.nodes.get({first['id']!r}).color.background") == own
