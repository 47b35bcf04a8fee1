"""The page as a file: self-contained, escaped, stable ids, one style per kind of fact (no browser needed)."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from synthetic_graphs import PWN_LABEL, corpus_like, hostile_graph, news_like, small_graph

from kg.errors import ExportError
from kg.export import get_exporter
from kg.export.html import COLLAPSE_MIN, FIT_NODES, generate_html, write_html
from kg.export.layout import components, layout
from kg.graph import KnowledgeGraph
from kg.model import Entity, Relation, Triple

REPO = Path(__file__).resolve().parents[2]


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each <script> by type."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[str, str]] = []
        self._script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs).get("type") or "text/javascript"
            self.scripts.append((self._script, ""))

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


def json_block(page: str, block: str) -> Any:
    match = re.search(rf'<script type="application/json" id="{block}">(.*?)</script>', page, re.S)
    assert match, block
    return json.loads(match.group(1))


def test_nothing_is_loaded_from_anywhere() -> None:
    page = generate_html(small_graph())
    tags = parse(page)
    for tag, attrs in tags.tags:
        for name in ("src", "href", "data", "action", "srcset", "poster"):
            assert not attrs.get(name), f"<{tag} {name}={attrs[name]!r}>"
    assert not any(tag in ("link", "iframe", "object", "embed", "base") for tag, _ in tags.tags)
    # Remote URLs remain only as inert text (vis-network's licence comment, an article's address in the data).
    for match in re.finditer(r"(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", page):
        pytest.fail(f"remote reference: {page[match.start() - 40 : match.end() + 40]!r}")
    # url(...) in the inlined CSS is data: only.
    assert all(u.startswith(("data:", '"data:', "'data:")) for u in re.findall(r"url\(\s*([^)]*)\)", page))
    # The pyvis template's Bootstrap CDN is not used.
    assert "cdn.jsdelivr.net" not in page and "cdnjs" not in page


def test_only_our_own_scripts_may_run() -> None:
    page = generate_html(small_graph())
    tags = parse(page)
    csp = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    runnable = [text for kind, text in tags.scripts if kind == "text/javascript"]
    assert len(runnable) == 2  # vis-network and the view
    for text in runnable:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_ids_are_the_exported_ids() -> None:
    graph = small_graph()
    page = generate_html(graph)
    assert sorted(n["id"] for n in json_block(page, "kg-nodes")) == sorted(e.id for e in graph.entities)
    assert sorted(e["id"] for e in json_block(page, "kg-edges")) == sorted(t.id for t in graph.triples)
    edges = {e["id"]: e for e in json_block(page, "kg-edges")}
    assert edges["st-supports"]["from"] == "country-no" and edges["st-supports"]["to"] == "country-ke"


def test_labels_colours_and_line_styles() -> None:
    page = generate_html(small_graph())
    nodes = {n["id"]: n for n in json_block(page, "kg-nodes")}
    edges = {e["id"]: e for e in json_block(page, "kg-edges")}
    groups = json_block(page, "kg-options")["groups"]
    assert nodes["country-ke"]["group"] == "Country" and nodes["country-ke"]["shape"] == groups["Country"]["shape"]
    assert groups["Person"]["color"]["background"] != groups["Country"]["color"]["background"]
    # Size follows the number of facts: Kenya (3) is bigger than Uganda (1).
    assert nodes["country-ke"]["size"] > nodes["country-ug"]["size"]
    assert edges["st-supports"]["label"] == "supports"
    assert edges["st-border"]["label"] == "share basin with"  # kg:relatedTo shows its verb
    assert edges["st-accuses"]["dashes"] == [8, 5] and edges["st-accuses"]["color"]["color"] == "#d62728"
    assert edges["st-visits"]["dashes"] == [2, 4]
    assert "dashes" not in edges["st-supports"]
    # Two facts between the same people bend apart; a single one is straight.
    assert edges["st-meets"]["smooth"]["type"] != edges["st-praises"]["smooth"]["type"]
    assert "smooth" not in edges["st-supports"]
    # More evidence, thicker line.
    assert edges["st-meets"]["width"] > edges["st-praises"]["width"]
    legend = re.findall(r'data-class="([^"]+)"', page)
    assert legend[0] == "Country" and set(legend) == {"Country", "Person", "Organization", "Facility", "City"}


def test_evidence_carries_article_offsets_and_attribution() -> None:
    data = json_block(generate_html(small_graph()), "kg-data")
    facts = {f["id"]: f for f in data["facts"]}
    documents = data["documents"]
    supports = facts["st-supports"]
    assert supports["attributed_to"] == "officials"
    (ev,) = supports["evidence"]
    assert documents[ev["doc"]]["title"] == "Drought talks continue"
    assert [ev["sentence"][a:b] for a, b, _ in ev["marks"]] == ["Norway", "Kenya"]
    meets = facts["st-meets"]
    assert meets["time"] == ["on Monday"] and meets["place"] == ["Nairobi"]
    assert {documents[e["doc"]]["published"] for e in meets["evidence"]} == {"2024-01-10", "2024-03-05"}


def test_marks_count_in_utf16_units() -> None:
    """JavaScript indexes strings in UTF-16 units; an emoji before the subject shifts it by two."""
    from synthetic_graphs import evidence

    a, b = Entity("a", "Ana", "Person"), Entity("b", "Bo", "Person")
    ev = evidence("d", "🙂 Ana", "meets", "Bo")
    ev = type(ev)(**{**{f: getattr(ev, f) for f in ev.__slots__}, "subject_text": "Ana", "subject_start": 2})
    graph = KnowledgeGraph(triples=(Triple("st-1", a, Relation("kg:meets", "meets"), b, 0.9, evidence=(ev,)),))
    marks = json_block(generate_html(graph), "kg-data")["facts"][0]["evidence"][0]["marks"]
    assert marks[0] == [3, 6, "subject"]  # the emoji is one code point, two UTF-16 units
    assert marks[1][2] == "object"


def test_article_text_never_appears_as_markup() -> None:
    page = generate_html(hostile_graph())
    body = page.split("</title>", 1)[1]
    for raw in (
        "<script>window.__pwned",
        "<img src=x",
        "<iframe",
        "<svg onload",
        "</script><script>",
        "<b onmouseover",
    ):
        assert raw not in body, raw
    assert "&lt;iframe" in page.split("</title>")[0]  # the title, escaped
    # The data still holds the text exactly, for the page to show as text.
    data = json_block(page, "kg-data")
    assert data["entities"][0]["label"] == PWN_LABEL or data["entities"][1]["label"] == PWN_LABEL
    # A javascript: address is not kept as a link target.
    assert "url" not in data["documents"][0]


def test_layout_is_deterministic_and_keeps_nodes_apart() -> None:
    graph = news_like(300)
    nodes = [e.id for e in graph.entities]
    edges = [(t.subject.id, t.object.id) for t in graph.triples]
    first, second = layout(nodes, edges), layout(nodes, edges)
    assert first == second
    assert len(set(first.values())) == len(nodes)
    assert generate_html(graph) == generate_html(graph)


def test_components_do_not_overlap() -> None:
    pairs = [(f"a{i}", f"a{i + 1}") for i in range(30)] + [("b0", "b1"), ("b1", "b2")]
    nodes = sorted({n for p in pairs for n in p} | {"lonely"})
    pos = layout(nodes, pairs)

    def box(prefix: str) -> tuple[float, float, float, float]:
        xs = [pos[n][0] for n in nodes if n.startswith(prefix)]
        ys = [pos[n][1] for n in nodes if n.startswith(prefix)]
        return min(xs), min(ys), max(xs), max(ys)

    a, b = box("a"), box("b")
    assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1]


def test_big_graphs_switch_physics_off() -> None:
    small = json_block(generate_html(small_graph()), "kg-options")
    big = json_block(generate_html(news_like(400)), "kg-options")
    assert small["physics"]["enabled"] is True
    assert big["physics"]["enabled"] is False and big["layout"]["improvedLayout"] is False
    assert all("x" in n and "y" in n for n in json_block(generate_html(news_like(400)), "kg-nodes"))


def test_write_html_to_a_path_or_an_open_file(tmp_path: Path) -> None:
    graph = small_graph()
    written = get_exporter("html").write(graph, tmp_path / "sub" / "graph.html")
    (path,) = written.paths
    assert path == tmp_path / "sub" / "graph.html" and written.summary.startswith("HTML: graph.html")
    handle = io.StringIO()
    assert write_html(graph, handle) is None
    assert handle.getvalue() == path.read_text(encoding="utf-8")
    assert not [p for p in path.parent.iterdir() if p.name != "graph.html"]  # no temporary file left


def test_bad_size_option_is_one_clear_error() -> None:
    with pytest.raises(ExportError, match="size_by"):
        generate_html(small_graph(), size_by="colour")


def test_an_empty_graph_still_makes_a_page() -> None:
    page = generate_html(KnowledgeGraph())
    assert json_block(page, "kg-nodes") == [] and "0 entities · 0 facts" in page


# -- corpus views: entities without facts, communities, the first frame, the data the filters read ---------


def test_entities_without_facts_are_hidden_and_left_out_of_physics() -> None:
    page = generate_html(small_graph())
    nodes = {n["id"]: n for n in json_block(page, "kg-nodes")}
    assert nodes["city-nairobi"]["hidden"] is True and nodes["city-nairobi"]["physics"] is False
    assert not any(n.get("hidden") for i, n in nodes.items() if i != "city-nairobi")
    assert 'entities without facts <span class="kg-muted">1</span>' in page
    # The legend counts what is drawn.
    assert re.search(r'data-class="City".*?<span class="kg-muted">0</span>', page, re.S)


def test_communities_are_computed_here_largest_first() -> None:
    graph = corpus_like(1500)
    data = json_block(generate_html(graph), "kg-data")
    sizes = [c["size"] for c in data["communities"]]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] >= COLLAPSE_MIN
    members = [e for e in data["entities"] if "c" in e]
    assert {e["id"] for e in members} == {x for t in graph.triples for x in (t.subject.id, t.object.id)}
    assert sum(sizes) == len(members)
    for index, community in enumerate(data["communities"][:5]):
        inside = [e for e in members if e["c"] == index]
        assert len(inside) == community["size"] and community["top"] in {e["id"] for e in inside}
        # Named after its most connected member.
        assert (
            max(e.get("degree", 0) for e in inside) == next(e for e in inside if e["id"] == community["top"])["degree"]
        )
    # A Louvain community never spans two components.
    edges = [(t.subject.id, t.object.id) for t in graph.triples]
    component_of = {
        n: i for i, group in enumerate(components(sorted({x for e in edges for x in e}), edges)) for n in group
    }
    for index in range(len(sizes)):
        assert len({component_of[e["id"]] for e in members if e["c"] == index}) == 1


def test_the_page_is_the_same_in_every_process() -> None:
    """Louvain walks sets of nodes: communities must not depend on Python's string hashing."""
    script = (
        "import hashlib, sys; sys.path.insert(0, 'tests/html'); from synthetic_graphs import corpus_like; "
        "from kg.export.html import generate_html; "
        "print(hashlib.sha256(generate_html(corpus_like(600)).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO)},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def test_the_first_frame_is_the_largest_components() -> None:
    graph = corpus_like(2000)
    data = json_block(generate_html(graph), "kg-data")
    nodes = [e.id for e in graph.entities]
    edges = [(t.subject.id, t.object.id) for t in graph.triples]
    largest = components([n for n in nodes if any(n in e for e in edges)], edges)[0]
    assert len(largest) > FIT_NODES  # so the frame is its core: its most connected entities
    assert len(data["fit"]) == FIT_NODES and set(data["fit"]) <= set(largest)
    degree = {e["id"]: e.get("degree", 0) for e in data["entities"]}
    assert min(degree[n] for n in data["fit"]) >= max(degree[n] for n in set(largest) - set(data["fit"]))
    small = json_block(generate_html(small_graph()), "kg-data")["fit"]
    assert sorted(small) == sorted(e.id for e in small_graph().entities if e.id != "city-nairobi")


def test_facts_carry_what_the_filters_read() -> None:
    graph = corpus_like(800)
    data = json_block(generate_html(graph), "kg-data")
    facts = {f["id"]: f for f in data["facts"]}
    syndicated = next(t for t in graph.triples if t.sources and t.sources < len(t.documents))
    assert facts[syndicated.id]["sources"] == syndicated.sources
    plain = next(t for t in graph.triples if not t.sources)
    assert facts[plain.id]["sources"] == len(plain.documents)
    disputed = next(t for t in graph.triples if t.disputed)
    assert facts[disputed.id]["disputed_by"] == list(disputed.disputed_by)
    with_event = next(t for t in graph.triples if any(ev.event_start for ev in t.evidence))
    ev = next(ev for ev in with_event.evidence if ev.event_start)
    assert [ev.event_start, ev.event_end or ev.event_start] in facts[with_event.id]["dates"]
    days = sorted(day for f in data["facts"] for interval in f.get("dates", ()) for day in interval)
    assert data["dates"] == [days[0], days[-1]]
    assert json_block(generate_html(small_graph()), "kg-data")["dates"] == ["2024-01-10", "2024-03-05"]
    # Disputed facts are drawn orange (unless negated or hedged, which keep their own style).
    edges = {e["id"]: e for e in json_block(generate_html(graph), "kg-edges")}
    stated_but_disputed = next(t for t in graph.triples if t.disputed and not (t.negated or t.hedged))
    assert edges[stated_but_disputed.id]["color"]["color"] == "#e08214"


def test_node_size_by_sources_says_so() -> None:
    page = generate_html(corpus_like(400), size_by="sources")
    assert "Node size: number of independent sources reporting its facts." in page
    data = json_block(page, "kg-data")
    nodes = {n["id"]: n for n in json_block(page, "kg-nodes")}
    by_sources = sorted(data["entities"], key=lambda e: e.get("sources", 0))
    assert nodes[by_sources[-1]["id"]]["size"] > nodes[by_sources[0]["id"]]["size"]
    assert all(e.get("weight", 0) == e.get("sources", 0) for e in data["entities"])


def test_many_small_components_are_laid_out_apart() -> None:
    """Components of one size are simulated as one batch: each still keeps its own box."""
    pairs = [(f"c{c}-{i}", f"c{c}-{i + 1}") for c in range(60) for i in range(3)]
    nodes = sorted({n for p in pairs for n in p})
    pos = layout(nodes, pairs)
    boxes = []
    for c in range(60):
        xs = [pos[f"c{c}-{i}"][0] for i in range(4)]
        ys = [pos[f"c{c}-{i}"][1] for i in range(4)]
        assert len({(x, y) for x, y in zip(xs, ys, strict=True)}) == 4
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1]
