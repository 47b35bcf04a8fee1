"""``graph.html``: one self-contained interactive page to explore the graph and the evidence behind each edge.

Built with pyvis (its ``Network`` holds the nodes, edges and vis-network options; its bundled vis-network
9.1.2 is inlined) and a template of our own: pyvis's template loads Bootstrap from a CDN even in
``in_line`` mode, and sets tooltips that contain links with ``innerHTML``. The page:

* opens from disk with no network: every script and style is inline, and a Content-Security-Policy allows
  only those scripts (by hash) and no connections at all;
* colours and shapes nodes by ontology class (legend; click a class to hide it), sizes them by facts or
  evidence, labels edges with the relation (the surface verb for ``kg:relatedTo``), draws negated facts
  dashed red and hedged ones dotted grey;
* shows details on hover (plain-text tooltip) and on click (side panel, built with ``textContent``):
  aliases and type of an entity, and for a fact every evidence sentence with its article, confidence,
  time, place and who said it. Article text is never parsed as HTML;
* lays the graph out in Python (:mod:`kg.export.layout`) and draws it with physics off above
  ``PHYSICS_LIMIT`` nodes, so 5,000 nodes are interactive in seconds.

Node ids are entity ids and edge ids statement ids, as in the JSONL, RDF and Neo4j outputs.

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
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from kg.errors import ExportError
from kg.export import Written, in_folder
from kg.export.files import PathOrFile, open_output
from kg.graph import KnowledgeGraph
from kg.model import Document, Entity, Evidence, Triple

__all__ = ["CLASS_STYLES", "PHYSICS_LIMIT", "generate_html", "relation_name", "write_html"]

# Up to this many nodes the browser refines the Python layout with a short physics run; above, physics is off.
PHYSICS_LIMIT = 300

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

_EDGE = {"stated": "#4a586e", "negated": "#d62728", "hedged": "#8c8c8c"}
_DASHES = {"negated": [8, 5], "hedged": [2, 4]}
_ASSETS = "kg.export.html_assets"


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
    on load. ``size_by`` is ``"degree"`` (facts) or ``"evidence"`` (evidence sentences). ``physics``: None
    decides by size (on up to ``PHYSICS_LIMIT`` nodes).
    """
    from jinja2 import Environment, FunctionLoader, select_autoescape
    from pyvis.network import Network

    from kg.export.layout import layout

    if size_by not in ("degree", "evidence"):
        raise ExportError(f"size_by must be 'degree' or 'evidence', not {size_by!r}")
    entities = list(graph.entities)
    known = {e.id for e in entities}
    for t in graph.triples:
        for end in (t.subject, t.object):
            if end.id not in known:
                entities.append(end)
                known.add(end.id)
    triples = sorted(graph.triples, key=lambda t: t.id)
    physics = len(entities) <= PHYSICS_LIMIT if physics is None else physics
    big = len(entities) > PHYSICS_LIMIT

    degree = Counter(x for t in triples for x in (t.subject.id, t.object.id))
    evidence_count = Counter(x for t in triples for x in (t.subject.id, t.object.id) for _ in t.evidence)
    weight = degree if size_by == "degree" else evidence_count
    positions = layout([e.id for e in entities], [(t.subject.id, t.object.id) for t in triples], seed=seed, scale=150)
    styles = {e.type: _style(e.type) for e in entities}

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    for e in entities:
        x, y = positions[e.id]
        # Colours come from the class's vis-network group; the shape is repeated because pyvis defaults every
        # node to a dot, which would override the group. Tooltips are made in the page from the data.
        size = round(min(50.0, 9 + 5 * math.sqrt(weight[e.id])), 1)
        net.add_node(e.id, label=e.label, group=e.type, shape=styles[e.type][1], size=size, x=x, y=y)
    for t, smooth in zip(triples, _curves(triples), strict=True):
        kind = "negated" if t.negated else "hedged" if t.hedged else "stated"
        edge: dict[str, Any] = {
            "id": t.id,
            "label": relation_name(t),
            "width": round(1 + min(4.0, math.log2(max(1, len(t.evidence)))), 1),
            # Less sure facts are fainter.
            "color": {"opacity": round(0.45 + 0.5 * max(0.0, min(1.0, t.confidence)), 2)},
        }
        if kind != "stated":
            edge["color"]["color"] = _EDGE[kind]
            edge["dashes"] = [2, 4] if t.negated and t.hedged else _DASHES[kind]
        if smooth:
            edge["smooth"] = smooth
        net.add_edge(t.subject.id, t.object.id, **edge)
    net.options = _options(physics=physics, big=big, edges=len(triples), seed=seed)
    net.options["groups"] = {
        name: {"color": _colours(colour), "shape": shape} for name, (colour, shape) in sorted(styles.items())
    }

    documents = _documents(graph, triples)
    doc_index = {doc: i for i, doc in enumerate(documents)}
    data = {
        "entities": [_entity_data(e, degree[e.id], evidence_count[e.id]) for e in entities],
        "facts": [_fact_data(t, doc_index) for t in triples],
        "documents": [_document_data(d) for d in documents.values()],
        "focus": [f for f in focus if f in known],
        "physics": physics,
    }
    legend = [
        {"name": name, "color": styles[name][0], "shape": styles[name][1], "count": count}
        for name, count in sorted(Counter(e.type for e in entities).items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    kinds = Counter("negated" if t.negated else "hedged" if t.hedged else "stated" for t in triples)
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
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":"), "ensure_ascii": False}
    env.globals.update(
        kg={
            "title": title or _default_title(graph),
            "counts": f"{len(entities):,} entities · {len(triples):,} facts",
            "notes": list(notes),
            "legend": legend,
            "kinds": kinds,
            "data": data,
            # pyvis hands the template its options as plain json.dumps; class names in them come from the
            # graph's files, so the page embeds its own HTML-safe copy instead.
            "options": net.options,
            "script_hashes": [_sha256(vis_js), _sha256(assets["view.js"])],
            "size_note": "number of facts" if size_by == "degree" else "number of evidence sentences",
        },
        # Our own files, checked above; the template inserts them verbatim (|safe) so the CSP hashes match.
        vis_js=vis_js,
        vis_css=vis_css,
        view_js=assets["view.js"],
        view_css=assets["view.css"],
    )
    net.templateEnv = env
    net.path = "view.html.j2"
    page: str = net.generate_html()
    return page


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
            "font": {"size": 14, "color": "#1f2328", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"label": {"drawThreshold": 8}},
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


def _entity_data(e: Entity, degree: int, evidence: int) -> dict[str, Any]:
    return _compact(
        {
            "id": e.id,
            "label": e.label,
            "type": e.type,
            "aliases": list(e.aliases),
            "note": e.note,
            "degree": degree,
            "evidence": evidence,
        }
    )


def _fact_data(t: Triple, index: dict[str, int]) -> dict[str, Any]:
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
            "attributed_to": t.attributed_to,
            "time": list(t.time),
            "place": list(t.place),
            "flags": list(t.flags),
            "evidence": [_evidence_data(ev, index[ev.document]) for ev in t.evidence],
        }
    )


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
