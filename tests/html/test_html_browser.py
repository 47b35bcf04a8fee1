"""The HTML view in a real headless Chromium, opened from file:// with every remote request aborted.

Clicks are real mouse clicks at positions read from the vis-network instance (``getPositions`` and
``canvasToDOM``), so they go through the same event path as a reader's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import BrowserMissing, Page, chromium, open_offline, wait_ready
from conftest import unavailable
from synthetic_graphs import PWN_LABEL, hostile_graph, news_like, small_graph

from kg.export.html import write_html
from kg.graph import KnowledgeGraph
from kg.views import select

pytestmark = pytest.mark.browser

# A smoke bound, not a benchmark (tests/bench/bench_html.py measures): 5,000 nodes must be interactive by then.
BIG_VIEW_SECONDS = 30.0

MIDPOINT = """(id) => {
  const net = kgView.network, edge = kgView.edges.get(id), pos = net.getPositions([edge.from, edge.to]);
  const dom = net.canvasToDOM({x: (pos[edge.from].x + pos[edge.to].x) / 2, y: (pos[edge.from].y + pos[edge.to].y) / 2});
  const box = document.getElementById('mynetwork').getBoundingClientRect();
  return {x: box.left + dom.x, y: box.top + dom.y, node: net.getNodeAt(dom) ?? null, edge: net.getEdgeAt(dom) ?? null};
}"""
NODE_POINT = """(id) => {
  const net = kgView.network, dom = net.canvasToDOM(net.getPositions([id])[id]);
  const box = document.getElementById('mynetwork').getBoundingClientRect();
  return {x: box.left + dom.x, y: box.top + dom.y, node: net.getNodeAt(dom) ?? null};
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        with chromium() as context:
            yield context
    except BrowserMissing as error:
        unavailable(str(error))


@pytest.fixture
def view(browser: Any, tmp_path: Path) -> Iterator[Callable[..., Page]]:
    """view(graph, timeout=..., **write_html options) -> the page, loaded and ready."""
    opened: list[Page] = []

    def load(graph: KnowledgeGraph, timeout: float = 30.0, **options: Any) -> Page:
        path = tmp_path / f"view-{len(opened)}.html"
        write_html(graph, path, **options)
        page = open_offline(browser, path)
        opened.append(page)
        wait_ready(page, timeout)
        return page

    yield load
    for page in opened:
        page.page.close()


def click_edge(page: Page, edge_id: str) -> None:
    point = page.js(MIDPOINT, edge_id)
    assert point["node"] is None, f"a node covers the middle of {edge_id}: {point}"
    assert point["edge"] == edge_id, point
    page.page.mouse.click(point["x"], point["y"])


def click_node(page: Page, node_id: str) -> None:
    point = page.js(NODE_POINT, node_id)
    assert point["node"] == node_id, point
    page.page.mouse.click(point["x"], point["y"])


def details(page: Page) -> str:
    text: str = page.page.text_content("#kg-details") or ""
    return text


def test_view_opens_offline_and_draws_every_node_and_edge(view: Callable[..., Page]) -> None:
    graph = small_graph()
    page = view(graph)
    assert page.requests == []
    assert page.errors == []
    drawn = page.js("[kgView.network.body.data.nodes.length, kgView.network.body.data.edges.length]")
    assert drawn == [len(graph.entities), len(graph.triples)]
    # The ids other exports use.
    assert sorted(page.js("kgView.nodes.getIds()")) == sorted(e.id for e in graph.entities)
    assert sorted(page.js("kgView.edges.getIds()")) == sorted(t.id for t in graph.triples)
    assert page.js("typeof kgView.firstDraw") == "number"
    negated, hedged, related = (page.js(f"kgView.edges.get('{i}')") for i in ("st-accuses", "st-visits", "st-border"))
    assert negated["dashes"] == [8, 5] and negated["color"]["color"] == "#d62728"
    assert hedged["dashes"] == [2, 4]
    assert related["label"] == "share basin with"
    assert page.js("kgView.nodes.get('country-ke').shape") == "hexagon"
    assert page.js("kgView.nodes.get('country-ke').group") == "Country"
    page.screenshot("html-small.png")


def test_clicking_an_edge_shows_its_evidence(view: Callable[..., Page]) -> None:
    page = view(small_graph())
    click_edge(page, "st-supports")
    text = details(page)
    assert page.js("kgView.network.getSelectedEdges()") == ["st-supports"]
    assert "Norway supports Kenya." in text  # the sentence
    assert "Drought talks continue" in text  # its article
    assert "2024-03-05" in text and "Nordic Wire" in text
    assert "officials" in text  # who said it
    assert "0.80" in text  # confidence
    assert "st-supports" in text
    assert "null" not in text and "undefined" not in text


def test_a_node_panel_leads_to_a_fact_with_time_and_place(view: Callable[..., Page]) -> None:
    page = view(small_graph())
    click_node(page, "person-ingrid-halvorsen")
    text = details(page)
    assert "Ingrid Halvorsen" in text and "Person" in text and "Also called Halvorsen" in text
    assert "3 facts" in text
    assert "null" not in text and "undefined" not in text
    page.page.get_by_role("button", name="meets").click()
    text = details(page)
    assert "Evidence (2)" in text
    assert "on Monday" in text and "Nairobi" in text
    assert "Norway and Kenya sign water pact" in text
    link = page.page.locator("#kg-details a")
    assert link.count() == 1 and link.get_attribute("href") == "https://example.com/pact"
    # The link is a link: nothing was fetched.
    assert page.requests == []


def test_hovering_a_node_shows_a_plain_text_tooltip(view: Callable[..., Page]) -> None:
    page = view(small_graph())
    point = page.js(NODE_POINT, "person-daniel-mwangi")
    page.page.mouse.move(point["x"], point["y"])
    tooltip = page.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    text = tooltip.inner_text()
    assert "Daniel Mwangi" in text and "Person" in text and "the Kenyan president" in text


def test_markup_in_article_text_is_shown_as_text_and_never_runs(view: Callable[..., Page]) -> None:
    page = view(hostile_graph())
    click_edge(page, "st-hostile")
    text = details(page)
    assert "<script>window.__pwned='sentence'</script>" in text
    assert "<img src=x onerror=\"window.__pwned='attr'\">" in text
    assert "<iframe src=\"javascript:window.__pwned='title'\"></iframe>Breaking" in text
    # The javascript: URL did not become a link.
    assert page.page.locator("#kg-details a").count() == 0
    point = page.js(NODE_POINT, "person-mallory")
    page.page.mouse.move(point["x"], point["y"])
    page.page.locator("div.vis-tooltip").wait_for(state="visible", timeout=5000)
    assert PWN_LABEL in page.page.locator("div.vis-tooltip").inner_text()
    page.page.fill("#kg-search", "mallory")
    page.page.press("#kg-search", "Enter")
    assert PWN_LABEL in details(page)
    assert "<svg onload" in details(page)
    page.page.wait_for_timeout(300)
    assert page.js("typeof window.__pwned") == "undefined"
    injected = (
        "#kg-details script, #kg-details img, #kg-details iframe, #kg-details svg, .vis-tooltip :not(br), "
        "#kg-side img, #kg-side b, #kg-side script"
    )
    assert page.js(f"document.querySelectorAll({injected!r}).length") == 0
    assert "<iframe" in page.js("document.title")
    # The filters' lists are text too: the outlet and the relation verb as written.
    outlets = page.page.locator("#kg-f-outlet option").all_inner_texts()
    assert any(o.startswith("<img src=x onerror=") for o in outlets)
    assert any("<b onmouseover" in r for r in page.page.locator("#kg-f-relation option").all_inner_texts())
    assert "Person</script><script>" in (page.page.text_content("#kg-legend") or "")
    # Only the page itself was loaded: no <img src=x>, no frame.
    assert len(page.loads) == 1 and page.loads[0].startswith("file:")
    assert page.errors == []  # a blocked inline handler would have logged a CSP violation


def test_search_and_legend(view: Callable[..., Page]) -> None:
    page = view(small_graph())
    page.page.fill("#kg-search", "kenyan")  # an alias
    page.page.press("#kg-search", "Enter")
    assert page.js("kgView.network.getSelectedNodes()") == ["country-ke"]
    assert "Kenya" in details(page)
    page.page.fill("#kg-search", "Atlantis")
    page.page.press("#kg-search", "Enter")
    assert "No entity matches “Atlantis”" in details(page)
    legend = page.page.locator("button.kg-class[data-class='Country']")
    legend.click()
    assert page.js("kgView.nodes.get('country-ke').hidden") is True
    assert legend.get_attribute("aria-pressed") == "false"
    legend.click()
    assert page.js("kgView.nodes.get('country-ke').hidden") is False


def test_a_filtered_view_says_what_it_left_out_and_selects_its_focus(view: Callable[..., Page]) -> None:
    chosen = select(small_graph(), entity="Halvorsen", top=2)
    page = view(chosen.graph, notes=chosen.notes, focus=chosen.focus)
    notes = page.page.inner_text("#kg-notes")
    assert "neighbourhood of Ingrid Halvorsen" in notes and "left out" in notes
    assert page.js("kgView.network.getSelectedNodes()") == ["person-ingrid-halvorsen"]
    assert "Ingrid Halvorsen" in details(page)
    assert page.js("kgView.nodes.length") == 2


def test_five_thousand_nodes_are_interactive_within_the_bound(view: Callable[..., Page]) -> None:
    graph = news_like(5000)
    page = view(graph, timeout=BIG_VIEW_SECONDS * 2)
    ready = page.js("kgView.readyAt") / 1000  # seconds since navigation started
    assert ready < BIG_VIEW_SECONDS, f"first interactive draw after {ready:.1f} s"
    assert page.js("[kgView.nodes.length, kgView.edges.length]") == [5000, len(graph.triples)]
    assert page.js("kgView.network.physics.options.enabled") is False
    # It answers a click: the node under the hub's position is shown in the panel.
    point = page.js(NODE_POINT, "e00000")
    page.page.mouse.click(point["x"], point["y"])
    shown = page.js("kgView.network.getSelectedNodes()")
    assert shown and page.js(f"kgView.nodes.get({shown[0]!r}).label") in details(page)
    assert page.requests == [] and page.errors == []
    page.screenshot("html-5000.png")


def test_a_view_of_an_entity_without_facts_still_draws_it(view: Callable[..., Page]) -> None:
    chosen = select(small_graph(), entity="Nairobi")
    page = view(chosen.graph, notes=chosen.notes, focus=chosen.focus)
    assert page.js("kgView.network.body.nodeIndices") == ["city-nairobi"]
    assert page.js("kgView.network.getSelectedNodes()") == ["city-nairobi"]
    text = details(page)
    assert "Nairobi" in text and "No fact" in text and "Not drawn" not in text
    # In the whole graph it is listed, not drawn.
    page = view(small_graph())
    assert "city-nairobi" not in page.js("kgView.network.body.nodeIndices")


def test_an_empty_graph_is_a_page_that_says_ready(view: Callable[..., Page]) -> None:
    page = view(KnowledgeGraph())
    assert page.js("kgView.nodes.length") == 0 and page.errors == []


def test_search_moves_the_view_onto_the_entity(view: Callable[..., Page]) -> None:
    """Enter fires both "change" and "submit"; one animation must win, ending on the entity."""
    page = view(news_like(400))
    page.js("() => { kgView.network.on('animationFinished', () => { window.__moved = (window.__moved || 0) + 1; }); }")
    page.page.fill("#kg-search", "Entity 123")
    page.page.press("#kg-search", "Enter")
    page.page.wait_for_function("() => window.__moved >= 1")
    page.page.wait_for_timeout(300)  # a second animation, if any, would have started
    where = page.js(
        """() => { const net = kgView.network, canvas = net.canvas.frame.canvas;
                   const dom = net.canvasToDOM(net.getPositions(['e00123'])['e00123']);
                   return [dom.x - canvas.clientWidth / 2, dom.y - canvas.clientHeight / 2]; }"""
    )
    assert abs(where[0]) < 5 and abs(where[1]) < 5, where
    assert page.js("window.__moved") == 1
    assert page.js("kgView.network.getSelectedNodes()") == ["e00123"]


def test_facts_without_evidence_are_drawn(view: Callable[..., Page]) -> None:
    """A graph made from triples alone (no evidence, so no sources) still shows every fact."""
    graph = KnowledgeGraph(triples=tuple(dataclasses.replace(t, evidence=()) for t in small_graph().triples))
    page = view(graph)
    assert page.js("kgView.edges.get({filter: (e) => !e.hidden}).length") == len(graph.triples)
