"""``graph.html``: one self-contained interactive page to explore the graph and the evidence behind each edge.

Drawn with vis-network 9.1.2, the copy pyvis bundles, inlined into a template of our own. The nodes, edges
and options are vis-network's own data format, written here rather than through pyvis's ``Network``: its
``add_node``/``add_edge`` look ids up in lists (quadratic: seconds at 20,000 entities), and its template
loads Bootstrap from a CDN even in ``in_line`` mode and sets tooltips that contain links with
``innerHTML``. The page:

* opens from disk with no network: every script and style is inline, and a Content-Security-Policy allows
  only those scripts (by hash) and no connections at all;
* colours and shapes nodes by ontology class (legend; click a class to hide it) or by community (Louvain,
  computed here, so the page never runs it), sizes them by facts, independent sources or evidence, labels
  edges with the relation (the surface verb for ``kg:relatedTo``), draws negated facts dashed red, hedged
  ones dotted grey and disputed ones orange;
* does not draw entities without facts (the side panel lists them, search finds them, a filter shows them),
  frames the largest components on load and gives the most connected entities in view labels a person can
  read at that zoom;
* filters in the page by relation, class, minimum number of sources, outlet, time (event dates, else
  publication dates) and kind of fact, and collapses a large community into one node (click to expand);
* shows details on hover (plain-text tooltip) and on click (side panel, built with ``textContent``):
  aliases and type of an entity, and for a fact every evidence sentence with its article, confidence,
  time, place and who said it. Article text is never parsed as HTML;
* lays the graph out in Python (:mod:`kg.export.layout`) and draws it with physics off above
  ``PHYSICS_LIMIT`` drawn nodes, so 20,000 entities are interactive in seconds.

Node ids are entity ids and edge ids statement ids, as in the JSONL, RDF and Neo4j outputs. The same graph
gives the same bytes on every run.

>>> from kg.model import Entity, Relation, Triple
>>> a, b = Entity("a", "Alice", "Person"), Entity("b", "Bob", "Person")
>>> page = generate_html(KnowledgeGraph(triples=(Triple("st-1", a, Relation("kg:meets", "meets"), b, 0.9),)))
>>> page.startswith("<!DOCTYPE html>"), "st-1" in page
(True, True)
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from kg.errors import ExportError
from kg.export import Written, in_folder
from kg.export.files import PathOrFile, open_output
from kg.graph import KnowledgeGraph
from kg.model import Document, Entity, Evidence, Triple
from kg.views import entity_sources, evidence_dates, fact_sources

__all__ = ["CLASS_STYLES", "COLLAPSE_MIN", "FIT_NODES", "PHYSICS_LIMIT", "generate_html", "relation_name", "write_html"]

# Up to this many drawn nodes the browser refines the Python layout with a short physics run; above, physics is off.
PHYSICS_LIMIT = 300
# The page opens framing the largest components, up to this many entities (or the most connected of a bigger one).
FIT_NODES = 120
# A community of at least this many entities can be collapsed into one node.
COLLAPSE_MIN = 6

# What node size shows, as the legend says it.
SIZE_BY = {
    "degree": "number of facts",
    "sources": "number of independent sources reporting its facts",
    "evidence": "number of evidence sentences",
}

# class -> (colour, vis-network shape). Shapes with the label outside, so size shows degree.
CLASS_STYLES: dict[str, tuple[str, str]] = {
    "Person": ("#4e79a7", "dot"),
    "Organization": ("#f28e2b", "square"),
    "Government": ("#e15759", "square"),
    "Country": ("#59a14f", "hexagon"),
    "City": ("#8cd17d", "triangle"),
    "Region": ("#499894", "hexagon"),
    "Location": ("#76b7b2", "triangle"),
    "Place": ("#76b7b2", "triangle"),
    "Facility": ("#9c755f", "triangleDown"),
    "Group": ("#b07aa1", "diamond"),
    "Force": ("#86352c", "diamond"),
    "Event": ("#edc948", "star"),
    "Work": ("#ff9da7", "square"),
    "Concept": ("#d4a6c8", "dot"),
    "Actor": ("#9aa5b1", "dot"),
    "Entity": ("#9aa5b1", "dot"),
}
_EXTRA_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#17becf")
# Communities in the order of their size (a qualitative palette, distinct side by side); small ones are grey.
_COMMUNITY_COLOURS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
    "#e377c2", "#17becf", "#bcbd22", "#393b79", "#ad494a", "#637939",
)  # fmt: skip
_SMALL_COMMUNITY = "#b8c0cc"

_EDGE = {"stated": "#4a586e", "negated": "#d62728", "hedged": "#8c8c8c", "disputed": "#e08214"}
_DASHES = {"negated": [8, 5], "hedged": [2, 4]}
_ASSETS = "kg.export.html_assets"
_LABEL_SIZE = 14  # node label font size at zoom 1 (view.js reads it from the options)


def generate_html(
    graph: KnowledgeGraph,
    *,
    title: str | None = None,
    notes: Sequence[str] = (),
    focus: Sequence[str] = (),
    size_by: str = "degree",
    physics: bool | None = None,
    seed: int = 7,
) -> str:
    """The page as a string.

    ``notes`` are shown above the details (what a filter kept or left out); ``focus`` entity ids are selected
    on load. ``size_by`` is ``"degree"`` (facts), ``"sources"`` (independent sources) or ``"evidence"``
    (evidence sentences). ``physics``: None decides by size (on up to ``PHYSICS_LIMIT`` drawn nodes).
    """
    if size_by not in SIZE_BY:
        raise ExportError(f"size_by must be one of {', '.join(map(repr, SIZE_BY))}, not {size_by!r}")
    scene = _scene(graph, size_by=size_by, physics=physics, seed=seed, focus=focus)
    vis = _vis_data(scene, seed=seed)
    data = _page_data(graph, scene)
    return _render(vis, scene, data, title=title or _default_title(graph), notes=notes)


def write_html(graph: KnowledgeGraph, target: PathOrFile, **options: Any) -> Path | None:
    """Write :func:`generate_html` to a path (atomically) or an open text file; returns the path if given one."""
    page = generate_html(graph, **options)
    with open_output(target) as handle:
        handle.write(page)
    return Path(target) if isinstance(target, (str, Path)) else None


def relation_name(t: Triple) -> str:
    """What an edge is labelled with: the relation label, or the verb as written for the generic kg:relatedTo."""
    if t.predicate.id == "kg:relatedTo" and t.predicate.surface:
        return t.predicate.surface
    return t.predicate.label


# -- the steps: what to draw and where, the vis-network data, the page's own data, the page ---------------


@dataclass(frozen=True, slots=True)
class _Scene:
    """Everything the page is made of, computed once: entities and facts, their measures, places and groups."""

    entities: list[Entity]  # the graph's entities, then any fact end it does not list
    triples: list[Triple]  # sorted by id
    degree: Counter[str]  # facts per entity
    evidence: Counter[str]  # evidence sentences per entity
    sources: Counter[str]  # independent sources per entity (estimated, see kg.views.entity_sources)
    size_by: str
    weight: Counter[str]  # what node size shows: one of the three above
    community: dict[str, int]  # entity id -> index into communities (entities with facts only)
    communities: list[list[str]]  # largest first
    positions: dict[str, tuple[float, float]]
    fit: list[str]  # what the page frames on load
    focus: list[str]  # entities asked for by name: selected on load, drawn even without facts
    physics: bool
    styles: dict[str, tuple[str, str]]


def _scene(graph: KnowledgeGraph, *, size_by: str, physics: bool | None, seed: int, focus: Sequence[str]) -> _Scene:
    # complex: the page's first frame is one decision over components, sizes and the label budget, read together.
    from kg.export.layout import communities, grid_below, layout

    entities, triples = _entities_and_facts(graph)
    degree = Counter(x for t in triples for x in (t.subject.id, t.object.id))
    evidence = Counter(x for t in triples for x in (t.subject.id, t.object.id) for _ in t.evidence)
    sources = entity_sources(triples)
    weight = {"degree": degree, "sources": sources, "evidence": evidence}[size_by]
    with_facts = [e.id for e in entities if degree[e.id]]
    pairs = [(t.subject.id, t.object.id) for t in triples]
    groups = communities(with_facts, pairs, seed=seed)
    # Entities without facts are not drawn until the reader asks: they wait in rows under the graph.
    positions = layout(with_facts, pairs, seed=seed, scale=150)
    positions.update(grid_below([e.id for e in entities if not degree[e.id]], positions))
    return _Scene(
        entities=entities,
        triples=triples,
        degree=degree,
        evidence=evidence,
        sources=sources,
        size_by=size_by,
        weight=weight,
        community={member: i for i, group in enumerate(groups) for member in group},
        communities=groups,
        positions=positions,
        fit=_initial_fit(with_facts, pairs, weight),
        focus=[f for f in dict.fromkeys(focus) if f in positions],
        # Nothing to simulate without facts (and vis-network would never say it had settled).
        physics=0 < len(with_facts) <= PHYSICS_LIMIT if physics is None else physics,
        styles={e.type: _style(e.type) for e in entities},
    )


def _entities_and_facts(graph: KnowledgeGraph) -> tuple[list[Entity], list[Triple]]:
    entities = list(graph.entities)
    known = {e.id for e in entities}
    for t in graph.triples:
        for end in (t.subject, t.object):
            if end.id not in known:
                entities.append(end)
                known.add(end.id)
    return entities, sorted(graph.triples, key=lambda t: t.id)


def _initial_fit(nodes: Sequence[str], pairs: Sequence[tuple[str, str]], weight: Mapping[str, int]) -> list[str]:
    """The entities framed on load: the largest components while they fit in ``FIT_NODES`` entities.

    When the largest component alone is bigger, its ``FIT_NODES`` most connected entities: the layout puts
    hubs near its middle, so the frame is its core rather than a cloud too small to read.
    """
    from kg.export.layout import components

    fit: list[str] = []
    for component in components(nodes, pairs):
        if fit and len(fit) + len(component) > FIT_NODES:
            break
        fit.extend(component)
    if len(fit) > FIT_NODES:
        core = set(sorted(fit, key=lambda n: (-weight[n], n))[:FIT_NODES])
        fit = [n for n in fit if n in core]
    return fit


@dataclass(frozen=True, slots=True)
class _VisData:
    """vis-network's input: nodes, edges and options."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    options: dict[str, Any]


def _vis_data(scene: _Scene, *, seed: int) -> _VisData:
    """One node per entity (hidden without facts), one edge per fact, and the options with one group per class."""
    nodes = []
    for e in scene.entities:
        x, y = scene.positions[e.id]
        # Colours come from the class's vis-network group; the shape is repeated so the node's shape is set
        # even where a group is not. Tooltips are made in the page from the data.
        node: dict[str, Any] = {"id": e.id, "label": e.label, "group": e.type, "shape": scene.styles[e.type][1]}
        node.update(size=_node_size(scene.weight[e.id]), x=x, y=y)
        if not scene.degree[e.id]:
            # Out of the physics run (vis-network simulates hidden nodes too), and hidden until the reader
            # asks, unless asked for by name.
            node.update(hidden=e.id not in scene.focus, physics=False)
        nodes.append(node)
    edges = [
        {"from": t.subject.id, "to": t.object.id, **_edge(t, smooth)}
        for t, smooth in zip(scene.triples, _curves(scene.triples), strict=True)
    ]
    drawn = sum(1 for e in scene.entities if scene.degree[e.id])
    options = _options(physics=scene.physics, big=drawn > PHYSICS_LIMIT, edges=len(scene.triples), seed=seed)
    options["groups"] = {
        name: {"color": _colours(colour), "shape": shape} for name, (colour, shape) in sorted(scene.styles.items())
    }
    return _VisData(nodes, edges, options)


def _node_size(weight: int) -> float:
    return round(min(50.0, 9 + 5 * math.sqrt(weight)), 1)


def _kind_counts(triples: Sequence[Triple]) -> Counter[str]:
    counts = Counter(kind for t in triples for kind in ("negated", "hedged") if getattr(t, kind))
    counts.update(stated=sum(1 for t in triples if not (t.negated or t.hedged)))
    counts.update(disputed=sum(1 for t in triples if t.disputed))
    return counts


def _kind(t: Triple) -> str:
    return "negated" if t.negated else "hedged" if t.hedged else "disputed" if t.disputed else "stated"


def _edge(t: Triple, smooth: Any) -> dict[str, Any]:
    kind = _kind(t)
    edge: dict[str, Any] = {
        "id": t.id,
        "label": relation_name(t),
        "width": round(1 + min(4.0, math.log2(max(1, len(t.evidence)))), 1),
        # Less sure facts are fainter.
        "color": {"opacity": round(0.45 + 0.5 * max(0.0, min(1.0, t.confidence)), 2)},
    }
    if kind != "stated":
        edge["color"]["color"] = _EDGE[kind]
    if kind in _DASHES:
        edge["dashes"] = [2, 4] if t.negated and t.hedged else _DASHES[kind]
    if smooth:
        edge["smooth"] = smooth
    return edge


def _page_data(graph: KnowledgeGraph, scene: _Scene) -> dict[str, Any]:
    """What view.js reads besides the vis-network nodes and edges: details, filters, communities, the frame."""
    documents = _documents(graph, scene.triples)
    doc_index = {doc: i for i, doc in enumerate(documents)}
    published = {d.id: d.published for d in documents.values()}
    facts = [_fact_data(t, doc_index, published) for t in scene.triples]
    days = [day for f in facts for interval in f.get("dates", ()) for day in interval]
    return {
        "entities": [_entity_data(e, scene) for e in scene.entities],
        "facts": facts,
        "documents": [_document_data(d) for d in documents.values()],
        "focus": scene.focus,
        "physics": scene.physics,
        "fit": scene.fit,
        "communities": [_community_data(i, group, scene) for i, group in enumerate(scene.communities)],
        "collapse_min": COLLAPSE_MIN,
        "size_by": scene.size_by,
        "dates": [min(days), max(days)] if days else None,
    }


def _legend(scene: _Scene) -> list[dict[str, Any]]:
    """One row per class: its swatch and how many of its entities are drawn (have facts)."""
    drawn = Counter(e.type for e in scene.entities if scene.degree[e.id])
    classes = sorted({e.type for e in scene.entities}, key=lambda c: (-drawn[c], c))
    return [{"name": c, "color": scene.styles[c][0], "shape": scene.styles[c][1], "count": drawn[c]} for c in classes]


def _render(vis: _VisData, scene: _Scene, data: dict[str, Any], *, title: str, notes: Sequence[str]) -> str:
    """The page: our template with the vis-network data, vis-network and our script and style inlined."""
    from jinja2 import Environment, FunctionLoader, select_autoescape

    assets = {name: _asset(name) for name in ("view.js", "view.css")}
    vis_js = _pyvis_asset("lib/vis-9.1.2/vis-network.min.js")
    vis_css = _pyvis_asset("lib/vis-9.1.2/vis-network.css")
    for name, text, tag in (
        ("vis-network.min.js", vis_js, "script"),
        ("view.js", assets["view.js"], "script"),
        ("vis-network.css", vis_css, "style"),
        ("view.css", assets["view.css"], "style"),
    ):
        if re.search(f"</{tag}", text, re.IGNORECASE):
            raise ExportError(f"{name} contains '</{tag}' and cannot be inlined")
    env = Environment(loader=FunctionLoader(_template), autoescape=select_autoescape(default=True))
    # Article text lands in <script type="application/json"> blocks: jinja's tojson escapes <, >, & and '.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":"), "ensure_ascii": False}
    page: str = env.get_template("view.html.j2").render(
        kg={
            "title": title,
            "counts": f"{len(scene.entities):,} entities · {len(scene.triples):,} facts",
            "without_facts": sum(1 for e in scene.entities if not scene.degree[e.id]),
            "notes": list(notes),
            "legend": _legend(scene),
            "styles": Counter(_kind(t) for t in scene.triples),  # how edges are drawn (one style each)
            "kinds": _kind_counts(scene.triples),  # what the filters count (a fact can be two kinds)
            "data": data,
            "options": vis.options,
            "script_hashes": [_sha256(vis_js), _sha256(assets["view.js"])],
            "size_note": SIZE_BY[scene.size_by],
        },
        nodes=vis.nodes,
        edges=vis.edges,
        # Our own files, checked above; the template inserts them verbatim (|safe) so the CSP hashes match.
        vis_js=vis_js,
        vis_css=vis_css,
        view_js=assets["view.js"],
        view_css=assets["view.css"],
    )
    return page


# -- styling -------------------------------------------------------------------------------------------


def _style(cls: str) -> tuple[str, str]:
    if cls in CLASS_STYLES:
        return CLASS_STYLES[cls]
    # Classes from an ontology extension get a stable colour of their own.
    return _EXTRA_COLOURS[zlib.crc32(cls.encode()) % len(_EXTRA_COLOURS)], "dot"


def _colours(colour: str) -> dict[str, Any]:
    return {
        "background": colour,
        "border": _darker(colour),
        "highlight": {"background": colour, "border": "#111111"},
        "hover": {"background": colour, "border": "#111111"},
    }


def _darker(colour: str) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * 0.7) for c in (r, g, b)))


def _curves(triples: Sequence[Triple]) -> list[Any]:
    """Straight edges, except between nodes joined more than once, which bend apart so each stays visible."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, t in enumerate(triples):
        groups[(min(t.subject.id, t.object.id), max(t.subject.id, t.object.id))].append(i)
    smooth: list[Any] = [False] * len(triples)
    for (first, _), members in groups.items():
        if len(members) < 2:
            continue
        for rank, i in enumerate(members):
            t = triples[i]
            clockwise = rank % 2 == 0
            if t.subject.id != first:  # drawn the other way round, so the same side is the other turn
                clockwise = not clockwise
            roundness = 0.18 * (rank // 2 + 1) if len(members) > 1 else 0.0
            smooth[i] = {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW", "roundness": roundness}
    return smooth


def _options(*, physics: bool, big: bool, edges: int, seed: int) -> dict[str, Any]:
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": seed},
        "nodes": {
            "borderWidth": 1,
            "borderWidthSelected": 3,
            "font": {"size": _LABEL_SIZE, "color": "#1f2328", "strokeWidth": 3, "strokeColor": "#ffffff"},
            # Labels too small to read are not drawn at all; the page enlarges the most connected ones in view
            # (view.js, relabel) and never beyond maxVisible pixels on screen.
            "scaling": {"label": {"drawThreshold": 9, "maxVisible": 22}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "color": {"color": _EDGE["stated"], "highlight": "#1f6feb", "hover": "#1f6feb", "inherit": False},
            "font": {"size": 12, "color": "#3d4b5c", "strokeWidth": 4, "strokeColor": "#ffffff"},
            "smooth": False,
            "selectionWidth": 2,
            "hoverWidth": 1,
            "scaling": {"label": {"drawThreshold": 6}},
        },
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -4000,
                "springLength": 150,
                "springConstant": 0.03,
                "damping": 0.4,
                "avoidOverlap": 0.2,
            },
            "stabilization": {"enabled": physics, "iterations": 150, "updateInterval": 50, "fit": True},
            "minVelocity": 1.0,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big or edges > 3000,
            "hideEdgesOnZoom": big or edges > 3000,
            "navigationButtons": False,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "multiselect": False,
        },
    }


# -- tooltips and panel data (plain text; the page never parses it as HTML) -----------------------------


def _documents(graph: KnowledgeGraph, triples: Sequence[Triple]) -> dict[str, Document]:
    """Documents the evidence cites, in order of first citation; ones the graph does not describe get a stub."""
    known = {d.id: d for d in graph.documents}
    cited: dict[str, Document] = {}
    for t in triples:
        for ev in t.evidence:
            if ev.document not in cited:
                cited[ev.document] = known.get(ev.document) or Document(id=ev.document, text="")
    return cited


def _document_data(d: Document) -> dict[str, Any]:
    url = d.url if d.url and re.match(r"https?://", d.url, re.IGNORECASE) else None
    return _compact(
        {"id": d.id, "title": d.title, "url": url, "published": d.published, "source": d.source, "author": d.author}
    )


def _compact(row: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty fields: the page treats a missing key as empty, and big graphs carry a lot of them."""
    return {k: v for k, v in row.items() if not (v is None or v is False or v == [] or v == "")}


def _entity_data(e: Entity, scene: _Scene) -> dict[str, Any]:
    return _compact(
        {
            "id": e.id,
            "label": e.label,
            "type": e.type,
            "aliases": list(e.aliases),
            "note": e.note,
            "degree": scene.degree[e.id],
            "evidence": scene.evidence[e.id],
            "sources": scene.sources[e.id],
            "weight": scene.weight[e.id],
            "c": scene.community.get(e.id),
            # For entities without facts, the panel says where they were mentioned.
            "articles": len({m.document for m in e.mentions}),
        }
    )


def _community_data(index: int, members: Sequence[str], scene: _Scene) -> dict[str, Any]:
    """Its size, colour, and the member that names it (the most connected one)."""
    top = min(members, key=lambda m: (-scene.weight[m], -scene.degree[m], m))
    coloured = len(members) >= 3 and index < len(_COMMUNITY_COLOURS)
    return {"size": len(members), "top": top, "color": _COMMUNITY_COLOURS[index] if coloured else _SMALL_COMMUNITY}


def _fact_data(t: Triple, index: dict[str, int], published: Mapping[str, str | None]) -> dict[str, Any]:
    return _compact(
        {
            "id": t.id,
            "s": t.subject.id,
            "o": t.object.id,
            "p": t.predicate.id,
            "label": relation_name(t),
            "surface": t.predicate.surface,
            "confidence": round(t.confidence, 3),
            "negated": t.negated,
            "hedged": t.hedged,
            "disputed_by": list(t.disputed_by),
            "sources": fact_sources(t),
            "dates": _fact_dates(t, published),
            "attributed_to": t.attributed_to,
            "time": list(t.time),
            "place": list(t.place),
            "flags": list(t.flags),
            "evidence": [_evidence_data(ev, index[ev.document]) for ev in t.evidence],
        }
    )


def _fact_dates(t: Triple, published: Mapping[str, str | None]) -> list[list[str]]:
    """The distinct day intervals its evidence is dated by (kg.views.evidence_dates), for the time slider."""
    intervals = {evidence_dates(ev, published) for ev in t.evidence}
    return [[lo.isoformat(), hi.isoformat()] for lo, hi in sorted(i for i in intervals if i is not None)]


def _evidence_data(ev: Evidence, doc: int) -> dict[str, Any]:
    return _compact(
        {
            "doc": doc,
            "sentence": ev.sentence,
            "marks": _marks(ev),
            "extractor": ev.extractor,
            "confidence": round(ev.confidence, 3),
            "hedged": ev.hedged,
            "attributed_to": ev.attributed_to,
            "time": ev.time,
            "place": ev.place,
        }
    )


def _marks(ev: Evidence) -> list[tuple[int, int, str]]:
    """Subject and object spans in the sentence, in UTF-16 units (JavaScript string indices), if they fit."""
    marks: list[tuple[int, int, str]] = []
    for start, end, text, role in (
        (ev.subject_start, ev.subject_end, ev.subject_text, "subject"),
        (ev.object_start, ev.object_end, ev.object_text, "object"),
    ):
        lo, hi = start - ev.start, end - ev.start
        if not (0 <= lo < hi <= len(ev.sentence)) or ev.sentence[lo:hi] != text:
            found = ev.sentence.find(text) if text else -1
            if found < 0:
                continue
            lo, hi = found, found + len(text)
        marks.append((_utf16(ev.sentence, lo), _utf16(ev.sentence, hi), role))
    marks.sort()
    # Overlapping spans (a subject inside the object phrase) would garble the sentence: keep the first.
    return [m for i, m in enumerate(marks) if i == 0 or m[0] >= marks[i - 1][1]]


def _utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def _default_title(graph: KnowledgeGraph) -> str:
    if len(graph.documents) == 1:
        d = graph.documents[0]
        return d.title or d.id
    if graph.documents:
        return f"{len(graph.documents):,} articles"
    return "Knowledge graph"


# -- assets --------------------------------------------------------------------------------------------


def _asset(name: str) -> str:
    return resources.files(_ASSETS).joinpath(name).read_text(encoding="utf-8")


def _template(name: str) -> str | None:
    return _asset(name) if name == "view.html.j2" else None


def _pyvis_asset(relative: str) -> str:
    import pyvis

    path = Path(pyvis.__file__).parent / "templates" / relative
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise ExportError(f"pyvis asset {path} is missing ({error.strerror or error})") from None


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


# `kg build` draws at most this many entities in graph.html (the most connected); `kg view --top` goes further.
BUILD_LIMIT = 5000


class HtmlExporter:
    """``graph.html``; a whole build's view keeps the ``BUILD_LIMIT`` most connected entities."""

    name = "html"
    default_target = "graph.html"

    def generate(self, graph: KnowledgeGraph, **options: Any) -> list[str]:
        return [generate_html(graph, **options)]

    def write(self, graph: KnowledgeGraph, target: str | Path, **options: Any) -> Written:
        from kg.views import select

        path = in_folder(target, self.default_target)
        if len(graph.entities) <= BUILD_LIMIT:
            write_html(graph, path, **options)
            note = f"{path.name} ({len(graph.entities):,} entities, {len(graph.triples):,} facts)"
            return Written(self.name, (path,), len(graph.entities), f"HTML: {note}")
        view = select(graph, top=BUILD_LIMIT)
        write_html(view.graph, path, notes=view.notes, **options)
        note = (
            f"{path.name} shows the {BUILD_LIMIT:,} most connected of {len(graph.entities):,} entities "
            f"(kg view {path.parent} --top N for more)"
        )
        return Written(self.name, (path,), len(view.graph.entities), f"HTML: {note}")


EXPORTER = HtmlExporter()
