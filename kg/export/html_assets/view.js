// The kg graph view: draws the pyvis/vis-network data, filters it, collapses communities, fills the side panel.
// Every piece of article text is inserted with textContent or as an attribute value, never parsed as HTML.
(function () {
  "use strict";

  function json(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }

  var FACT_LIST_LIMIT = 200;
  var FACTLESS_LIST_LIMIT = 300;
  var COMMUNITY_LIST_LIMIT = 30;
  // Labels enlarged in view, by rank: the first 5 at 16 px on screen, the next 10 at 13 px, then 11 px up to 30.
  var LABEL_TIERS = [[5, 16], [15, 13], [30, 11]];
  var LABEL_BACKGROUND = "rgba(255,255,255,0.8)";
  var DAY = 864e5;
  // One formatter for every number: Number.toLocaleString builds a new one per call (a second for 20,000 tooltips).
  var numbers = new Intl.NumberFormat();
  var data = json("kg-data");
  var options = json("kg-options");
  var groups = options.groups || {};
  var BASE_FONT = options.nodes.font.size;
  var MAX_VISIBLE = options.nodes.scaling.label.maxVisible;

  var entities = new Map();
  var facts = new Map();
  var factsOf = new Map();
  var outletCount = new Map();
  var relationCount = new Map();
  prepare();

  // The data leaves empty fields out; fill them in and index what the filters ask about.
  function prepare() {
    data.entities.forEach(function (e) {
      e.aliases = e.aliases || [];
      e.degree = e.degree || 0;
      e.evidence = e.evidence || 0;
      e.sources = e.sources || 0;
      e.weight = e.weight || 0;
      e.articles = e.articles || 0;
      e.c = e.c === undefined ? null : e.c;
      entities.set(e.id, e);
    });
    data.facts.forEach(function (f) {
      f.time = f.time || [];
      f.place = f.place || [];
      f.flags = f.flags || [];
      f.evidence = f.evidence || [];
      f.disputed_by = f.disputed_by || [];
      f.sources = f.sources || 0;
      f.evidence.forEach(function (ev) { ev.marks = ev.marks || []; });
      f.kinds = [f.negated ? "negated" : null, f.hedged ? "hedged" : null].filter(Boolean);
      if (!f.kinds.length) f.kinds.push("stated");
      if (f.disputed_by.length) f.kinds.push("disputed");
      f.days = (f.dates || []).map(function (d) { return [dayNumber(d[0]), dayNumber(d[1])]; });
      f.outlets = new Set();
      f.evidence.forEach(function (ev) {
        var doc = data.documents[ev.doc];
        if (doc && doc.source) f.outlets.add(doc.source);
      });
      f.outlets.forEach(function (o) { outletCount.set(o, (outletCount.get(o) || 0) + 1); });
      relationCount.set(f.label, (relationCount.get(f.label) || 0) + 1);
      facts.set(f.id, f);
      [f.s, f.o].forEach(function (end, i) {
        if (i === 1 && f.o === f.s) return;
        if (!factsOf.has(end)) factsOf.set(end, []);
        factsOf.get(end).push(f);
      });
    });
  }

  function dayNumber(iso) {
    var p = iso.split("-");
    return Date.UTC(+p[0], +p[1] - 1, +p[2]) / DAY;
  }

  function isoDay(day) {
    return new Date(day * DAY).toISOString().slice(0, 10);
  }

  // Tooltips are plain text: vis-network shows a string title with innerText.
  function clip(text, size) {
    text = String(text).replace(/\s+/g, " ").trim();
    return text.length <= size ? text : text.slice(0, size - 1) + "…";
  }
  function entityTooltip(e) {
    var counts = [e.type, plural(e.degree, "fact"), plural(e.sources, "source"), e.evidence + " evidence"];
    var lines = [e.label, counts.join(" · ")];
    if (e.aliases.length) lines.push("also: " + clip(e.aliases.join(", "), 120));
    lines.push("click for details");
    return lines.join("\n");
  }
  function factTooltip(f) {
    var s = entities.get(f.s);
    var o = entities.get(f.o);
    var lines = [
      (s ? s.label : f.s) + " — " + f.label + " → " + (o ? o.label : f.o),
      f.kinds.join(", ") + " · confidence " + f.confidence.toFixed(2) + " · " + f.evidence.length + " evidence",
    ];
    if (f.attributed_to) lines.push("said by " + f.attributed_to);
    if (f.evidence.length) lines.push("“" + clip(f.evidence[0].sentence, 140) + "”");
    lines.push("click for the evidence");
    return lines.join("\n");
  }

  var sizeOf = new Map();
  var nodes = new vis.DataSet(json("kg-nodes").map(function (n) {
    var e = entities.get(n.id);
    sizeOf.set(n.id, n.size);
    if (e) n.title = entityTooltip(e);
    return n;
  }));
  var edges = new vis.DataSet(json("kg-edges").map(function (edge) {
    var f = facts.get(edge.id);
    if (f) edge.title = factTooltip(f);
    return edge;
  }));
  var container = document.getElementById("mynetwork");
  var panel = document.getElementById("kg-details");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);

  var view = {
    network: network,
    nodes: nodes,
    edges: edges,
    data: data,
    options: options,
    ready: false,
    firstDraw: null,
    readyAt: null,
    showEntity: showEntity,
    showFact: showFact,
    find: find,
    shown: null,
    applyFilters: render,
    collapse: collapse,
    expand: expand,
    collapsed: null,
    relabel: relabel,
  };
  window.kgView = view;

  network.once("afterDrawing", function () { view.firstDraw = performance.now(); });

  // Frame the largest components and enlarge the labels in view before the first frame is drawn (vis-network
  // draws on the next animation frame); with physics, after its short run. Ready once that frame is drawn.
  function settle() {
    var fit = data.fit.filter(function (id) { return drawnIds.has(id); });
    network.fit(fit.length ? { nodes: fit, animation: false } : { animation: false });
    if (fit.length && fit.length < drawnIds.size) alignTop(fit);
    relabel();
    network.once("afterDrawing", markReady);
    network.redraw();
  }

  // The rest of the graph lies below the largest components (the layout packs them first): start the frame
  // at the top of the canvas rather than centred, so more of it shows.
  function alignTop(ids) {
    var positions = network.getPositions(ids);
    var top = Math.min.apply(null, ids.map(function (id) { return positions[id].y; }));
    var gap = network.canvasToDOM({ x: 0, y: top }).y - 40;
    if (gap <= 0) return;
    var scale = network.getScale();
    var centre = network.getViewPosition();
    network.moveTo({ position: { x: centre.x, y: centre.y + gap / scale }, scale: scale, animation: false });
  }

  function markReady() {
    if (view.ready) return;
    view.ready = true;
    view.readyAt = performance.now();
    var loading = document.getElementById("kg-loading");
    if (loading) loading.hidden = true;
    document.documentElement.setAttribute("data-kg-ready", "true");
    if (data.focus.length) {
      network.selectNodes(data.focus.slice(0, 1));
      showEntity(data.focus[0]);
    }
  }

  // -- DOM helpers -----------------------------------------------------------------------------------

  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        var value = props[key];
        if (value === null || value === undefined) return;
        if (key === "text") node.textContent = String(value);
        else if (key === "className") node.className = value;
        else if (key === "onclick") node.addEventListener("click", value);
        else node.setAttribute(key, String(value));
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  // replaceChildren would turn a null into the text "null": leave the gaps out.
  function fill(node, children) {
    node.replaceChildren.apply(node, children.filter(function (c) { return c !== null && c !== undefined && c !== false; }));
  }

  function number(n) {
    return numbers.format(n);
  }

  function plural(n, word, words) {
    return number(n) + " " + (n === 1 ? word : words || word + "s");
  }

  function swatch(type) {
    var group = Object.prototype.hasOwnProperty.call(groups, type) ? groups[type] : null;
    var shape = group ? group.shape : "dot";
    var span = el("span", { className: "kg-swatch kg-shape-" + shape, "aria-hidden": "true" });
    span.style.background = group ? group.color.background : "#9aa5b1";
    return span;
  }

  function entityButton(id) {
    var e = entities.get(id);
    return el("button", { type: "button", className: "kg-link", onclick: function () { selectEntity(id); } },
      e ? e.label : id);
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  // -- labels a person can read ------------------------------------------------------------------------
  // vis-network draws every label at one font size, too small to read when a large graph is framed. The most
  // connected entities in view get a larger font (in graph units) so their labels are 11-16 px on screen,
  // skipping any that would overlap one already placed; labels keep within maxVisible pixels when zoomed in.
  // Redone after every zoom, pan and filter, like place names on a map.

  var boosted = new Map();
  var measure = document.createElement("canvas").getContext("2d");

  function tierSize(rank) {
    for (var i = 0; i < LABEL_TIERS.length; i++) if (rank < LABEL_TIERS[i][0]) return LABEL_TIERS[i][1];
    return 0;
  }

  function labelBox(c, px, scale) {
    var point = c.point;
    measure.font = px + "px arial";
    var width = measure.measureText(c.label).width;
    var top = point.y + c.size * scale + 2;
    return [point.x - width / 2 - 2, top, point.x + width / 2 + 2, top + px * 1.25];
  }

  function overlaps(box, placed) {
    return placed.some(function (b) { return box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]; });
  }

  // What competes for a label: drawn entities, and collapsed communities first of all (they stand for many).
  function labelCandidates() {
    var list = [];
    drawnIds.forEach(function (id) {
      var e = entities.get(id);
      list.push({ id: id, label: e.label, rank: [0, e.weight, e.degree], size: sizeOf.get(id) || 10 });
    });
    summaryShown.forEach(function (id) {
      var info = summaryInfo.get(id);
      list.push({ id: id, label: info.label, rank: [1, info.members, 0], size: info.size });
    });
    return list;
  }

  function byRank(a, b) {
    for (var i = 0; i < 3; i++) if (a.rank[i] !== b.rank[i]) return b.rank[i] - a.rank[i];
    return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
  }

  function relabel() {
    var scale = network.getScale();
    var width = container.clientWidth;
    var height = container.clientHeight;
    var candidates = labelCandidates();
    var positions = network.getPositions(candidates.map(function (c) { return c.id; }));
    var inView = candidates.filter(function (c) {
      c.point = network.canvasToDOM(positions[c.id]);
      return c.point.x >= 0 && c.point.y >= 0 && c.point.x <= width && c.point.y <= height;
    }).sort(byRank);
    var placed = [];
    var next = new Map();
    var limit = LABEL_TIERS[LABEL_TIERS.length - 1][0];
    var base = Math.min(BASE_FONT * scale, MAX_VISIBLE);
    for (var i = 0; i < inView.length && placed.length < limit; i++) {
      var target = tierSize(placed.length);
      var box = labelBox(inView[i], Math.max(target, base), scale);
      if (box[0] < 0 || box[2] > width || box[3] > height || overlaps(box, placed)) continue;
      placed.push(box);
      if (base < target) next.set(inView[i].id, Math.round((target / scale) * 10) / 10);
    }
    var updates = [];
    boosted.forEach(function (size, id) {
      if (!next.has(id)) updates.push({ id: id, font: { size: BASE_FONT, background: "none" } });
    });
    next.forEach(function (size, id) {
      // A light box behind an enlarged label keeps it readable over a dense part of the graph.
      if (boosted.get(id) !== size) updates.push({ id: id, font: { size: size, background: LABEL_BACKGROUND } });
    });
    boosted = next;
    // Straight onto vis-network's node objects: a DataSet update makes it reconnect every edge and recount
    // every cluster (a second at 20,000 entities), too slow after each zoom. Nothing reads fonts back from
    // the DataSet, and its later updates (hidden, colour) leave the font alone.
    updates.forEach(function (u) {
      var node = network.body.nodes[u.id];
      if (node) node.setOptions({ font: u.font });
    });
    if (updates.length && view.ready) network.redraw();
  }

  var relabelSoon = debounce(function () { if (view.ready) relabel(); }, 150);
  network.on("zoom", relabelSoon);
  network.on("dragEnd", relabelSoon);
  network.on("animationFinished", relabelSoon);
  window.addEventListener("resize", relabelSoon);

  // -- filters ---------------------------------------------------------------------------------------
  // Which facts are drawn: relation, outlet, sources, time window, kinds; classes hide their entities.
  // An entity is drawn when one of its facts is, or, if asked, when it has no fact at all.

  var span = data.dates ? dayNumber(data.dates[1]) - dayNumber(data.dates[0]) : 0;
  var firstDay = data.dates ? dayNumber(data.dates[0]) : 0;
  var state = defaults();
  var shownIds = new Set();  // entities the filters keep
  var drawnIds = new Set();  // ... and not inside a collapsed community
  nodes.forEach(function (n) { if (!n.hidden) drawnIds.add(n.id); });
  var edgeShown = new Set(edges.getIds());

  function defaults() {
    return {
      relation: "",
      outlet: "",
      minSources: 1,
      from: 0,
      to: span,
      kinds: { stated: true, negated: true, hedged: true, disputed: true },
      hiddenClasses: new Set(),
      factless: false,
    };
  }

  function factShown(f) {
    if (state.relation && f.label !== state.relation) return false;
    if (state.minSources > 1 && f.sources < state.minSources) return false;  // facts read from no document count too
    if (state.outlet && !f.outlets.has(state.outlet)) return false;
    if (!f.kinds.every(function (k) { return state.kinds[k]; })) return false;
    if (state.from > 0 || state.to < span) {
      var lo = firstDay + state.from;
      var hi = firstDay + state.to;
      if (!f.days.some(function (d) { return d[1] >= lo && d[0] <= hi; })) return false;
    }
    var s = entities.get(f.s);
    var o = entities.get(f.o);
    return !(s && state.hiddenClasses.has(s.type)) && !(o && state.hiddenClasses.has(o.type));
  }

  // Draw what the filters keep, with each collapsed community as one node: the state of every node and edge
  // is worked out here and handed to vis-network as one node update and one edge update (each update makes
  // vis-network revisit the whole graph, about half a second at 20,000 entities).
  function render() {
    var keepFacts = new Set();
    var keepEntities = new Set();
    data.facts.forEach(function (f) {
      if (!factShown(f)) return;
      keepFacts.add(f.id);
      keepEntities.add(f.s);
      keepEntities.add(f.o);
    });
    data.entities.forEach(function (e) {
      // Entities without facts on request; those the view was made for (kg view --entity) always.
      var asked = state.factless || data.focus.indexOf(e.id) >= 0;
      if (e.degree === 0 && asked && !state.hiddenClasses.has(e.type)) keepEntities.add(e.id);
    });
    var folded = foldedMembers(keepEntities);
    var nodeUpdates = [];
    var drawn = new Set();
    data.entities.forEach(function (e) {
      var show = keepEntities.has(e.id) && !(e.c !== null && folded.has(e.c));
      if (show) drawn.add(e.id);
      if (show !== drawnIds.has(e.id)) nodeUpdates.push({ id: e.id, hidden: !show });
    });
    var edgeUpdates = [];
    var drawnFacts = new Set();
    var links = new Map();
    data.facts.forEach(function (f) {
      var show = keepFacts.has(f.id) && drawn.has(f.s) && drawn.has(f.o);
      if (show) drawnFacts.add(f.id);
      else if (keepFacts.has(f.id)) countLink(links, representative(f.s, folded), representative(f.o, folded));
      if (show !== edgeShown.has(f.id)) edgeUpdates.push({ id: f.id, hidden: !show });
    });
    summaryNodes(folded, nodeUpdates);
    summaryEdges(links, edgeUpdates);
    shownIds = keepEntities;
    drawnIds = drawn;
    edgeShown = drawnFacts;
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    view.shown = { entities: keepEntities.size, facts: keepFacts.size };
    var counts = document.getElementById("kg-shown");
    counts.textContent = keepEntities.size === data.entities.length && keepFacts.size === data.facts.length ? "" :
      "· showing " + plural(keepEntities.size, "entity", "entities") + ", " + plural(keepFacts.size, "fact");
    renderCommunities();
    if (view.ready) relabel();
  }

  function setUpFilters() {
    var relation = document.getElementById("kg-f-relation");
    sortedCounts(relationCount).forEach(function (kv) {
      relation.appendChild(el("option", { value: kv[0] }, kv[0] + " (" + number(kv[1]) + ")"));
    });
    var outlet = document.getElementById("kg-f-outlet");
    sortedCounts(outletCount).forEach(function (kv) {
      outlet.appendChild(el("option", { value: kv[0] }, kv[0] + " (" + number(kv[1]) + ")"));
    });
    document.querySelectorAll(".kg-outlet").forEach(function (node) { node.hidden = outletCount.size === 0; });
    var sources = document.getElementById("kg-f-sources");
    sources.max = String(Math.max(1, data.facts.reduce(function (m, f) { return Math.max(m, f.sources); }, 1)));
    var time = document.getElementById("kg-f-time");
    time.hidden = !data.dates;
    ["kg-f-from", "kg-f-to"].forEach(function (id) { document.getElementById(id).max = String(span); });
    relation.addEventListener("change", function () { state.relation = relation.value; render(); });
    outlet.addEventListener("change", function () { state.outlet = outlet.value; render(); });
    sources.addEventListener("input", function () {
      state.minSources = Math.max(1, parseInt(sources.value, 10) || 1);
      render();
    });
    var timeSoon = debounce(render, 80);
    ["kg-f-from", "kg-f-to"].forEach(function (id) {
      document.getElementById(id).addEventListener("input", function (event) { moveWindow(event.target); timeSoon(); });
    });
    document.querySelectorAll("#kg-f-kinds input").forEach(function (box) {
      box.addEventListener("change", function () { state.kinds[box.value] = box.checked; render(); });
    });
    var factless = document.getElementById("kg-f-factless");
    factless.addEventListener("change", function () { state.factless = factless.checked; render(); });
    document.getElementById("kg-f-reset").addEventListener("click", function () {
      state = defaults();
      showControls();
      render();
    });
    showControls();
  }

  function sortedCounts(map) {
    return Array.from(map.entries()).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
  }

  // The two handles never cross: the one moved pushes the other.
  function moveWindow(input) {
    var from = document.getElementById("kg-f-from");
    var to = document.getElementById("kg-f-to");
    state.from = +from.value;
    state.to = +to.value;
    if (state.from > state.to) {
      if (input === from) state.to = state.from;
      else state.from = state.to;
    }
    showControls();
  }

  function showControls() {
    document.getElementById("kg-f-relation").value = state.relation;
    document.getElementById("kg-f-outlet").value = state.outlet;
    document.getElementById("kg-f-sources").value = String(state.minSources);
    document.getElementById("kg-f-from").value = String(state.from);
    document.getElementById("kg-f-to").value = String(state.to);
    document.getElementById("kg-f-factless").checked = state.factless;
    document.querySelectorAll("#kg-f-kinds input").forEach(function (box) { box.checked = state.kinds[box.value]; });
    document.querySelectorAll("button.kg-class").forEach(function (button) {
      button.setAttribute("aria-pressed", String(!state.hiddenClasses.has(button.getAttribute("data-class"))));
    });
    if (data.dates) {
      var narrowed = state.from > 0 || state.to < span;
      document.getElementById("kg-f-window").textContent = isoDay(firstDay + state.from) + " – " +
        isoDay(firstDay + state.to) + (narrowed ? " (undated facts hidden)" : "");
    }
  }

  // -- communities -----------------------------------------------------------------------------------
  // Computed in Python (Louvain); here they colour nodes on request, and a collapsed one is drawn as one node
  // (its members hidden) joined to the rest by one edge per neighbour, labelled with the number of facts.
  // vis-network's own clustering is not used: each cluster it makes or opens revisits the whole graph, so
  // collapsing all the communities of a 20,000-entity graph took a minute, and every filter had to open and
  // remake them; here any number collapse in one update.

  var collapsed = new Set();
  view.collapsed = collapsed;
  var membersOf = new Map();
  data.entities.forEach(function (e) {
    if (e.c === null) return;
    if (!membersOf.has(e.c)) membersOf.set(e.c, []);
    membersOf.get(e.c).push(e.id);
  });
  var summaryShown = new Set();
  var summaryInfo = new Map();  // summary node id -> its label, size and number of members, for relabel
  var linkShown = new Set();

  function clusterId(index) {
    return "community:" + index;  // entity ids never hold a colon
  }

  function communityOf(id) {
    var text = String(id);
    return text.indexOf("community:") === 0 ? +text.slice("community:".length) : null;
  }

  function communityName(index) {
    var c = data.communities[index];
    var top = entities.get(c.top);
    return (top ? top.label : c.top);
  }

  // Collapsed communities with at least one member the filters keep: index -> those members.
  function foldedMembers(keep) {
    var folded = new Map();
    collapsed.forEach(function (index) {
      var kept = (membersOf.get(index) || []).filter(function (id) { return keep.has(id); });
      if (kept.length) folded.set(index, kept);
    });
    return folded;
  }

  function representative(id, folded) {
    var e = entities.get(id);
    return e && e.c !== null && folded.has(e.c) ? clusterId(e.c) : id;
  }

  function countLink(links, a, b) {
    if (a === b) return;  // a fact inside one collapsed community
    var key = a < b ? a + "\n" + b : b + "\n" + a;
    links.set(key, (links.get(key) || 0) + 1);
  }

  // One node per collapsed community, at the centre of its members (relabel sizes its label).
  function summaryNodes(folded, updates) {
    var next = new Set();
    folded.forEach(function (members, index) {
      var id = clusterId(index);
      var positions = network.getPositions(members);
      var x = 0;
      var y = 0;
      members.forEach(function (m) { x += positions[m].x / members.length; y += positions[m].y / members.length; });
      var info = { label: communityName(index) + " +" + number(members.length - 1), members: members.length,
        size: Math.min(80, 16 + 4 * Math.sqrt(members.length)) };
      summaryInfo.set(id, info);
      next.add(id);
      updates.push({
        id: id,
        hidden: false,
        x: x,
        y: y,
        label: info.label,
        title: "A community of " + plural(members.length, "entity", "entities") + " around " + communityName(index) +
          "\nclick to expand",
        shape: "dot",
        size: info.size,
        borderWidth: 3,
        color: colours(data.communities[index].color),
        physics: false,
      });
    });
    summaryShown.forEach(function (id) { if (!next.has(id)) updates.push({ id: id, hidden: true }); });
    summaryShown = next;
  }

  function summaryEdges(links, updates) {
    var next = new Set();
    links.forEach(function (count, key) {
      var ends = key.split("\n");
      var id = "link:" + key;
      next.add(id);
      updates.push({ id: id, from: ends[0], to: ends[1], hidden: false, label: plural(count, "fact"),
        title: plural(count, "fact") + " between them", width: Math.min(8, 1 + Math.log2(count)), arrows: { to: { enabled: false } },
        dashes: [6, 3], physics: false });
    });
    linkShown.forEach(function (id) { if (!next.has(id)) updates.push({ id: id, hidden: true }); });
    linkShown = next;
  }

  function collapse(index) {
    var c = data.communities[index];
    if (!c || c.size < data.collapse_min || collapsed.has(index)) return false;
    collapsed.add(index);
    render();
    return true;
  }

  function expand(index) {
    if (!collapsed.delete(index)) return false;
    render();
    return true;
  }

  function colours(colour) {
    return { background: colour, border: colour, highlight: { background: colour, border: "#111111" },
      hover: { background: colour, border: "#111111" } };
  }

  function colourBy(mode) {
    var updates = data.entities.map(function (e) {
      if (mode === "community") {
        var c = e.c === null ? null : data.communities[e.c];
        return { id: e.id, color: colours(c ? c.color : "#b8c0cc") };
      }
      var group = Object.prototype.hasOwnProperty.call(groups, e.type) ? groups[e.type] : null;
      return { id: e.id, color: group ? group.color : colours("#9aa5b1") };
    });
    nodes.update(updates);  // members of a collapsed community show their colour when it opens
  }

  function renderCommunities() {
    var list = document.getElementById("kg-community-list");
    var items = [];
    for (var i = 0; i < data.communities.length && items.length < COMMUNITY_LIST_LIMIT; i++) {
      if (data.communities[i].size < data.collapse_min) break;
      items.push(communityItem(i));
    }
    fill(list, items);
    document.getElementById("kg-communities").hidden = items.length === 0;
  }

  function communityItem(index) {
    var c = data.communities[index];
    var open = !collapsed.has(index);
    var dot = el("span", { className: "kg-swatch kg-shape-dot", "aria-hidden": "true" });
    dot.style.background = c.color;
    return el("li", null, dot, " ",
      el("button", { type: "button", className: "kg-link", onclick: function () { selectEntity(c.top); } }, communityName(index)),
      el("span", { className: "kg-muted", text: " " + number(c.size) + " " }),
      el("button", { type: "button", className: "kg-toggle", "data-community": index,
        onclick: function () { if (open) collapse(index); else expand(index); } }, open ? "collapse" : "expand"));
  }

  function showCommunity(index) {
    var c = data.communities[index];
    var members = (membersOf.get(index) || []).slice().sort(function (a, b) {
      return entities.get(b).weight - entities.get(a).weight;
    });
    fill(panel, [
      el("p", { className: "kg-kind", text: "Community" }),
      el("h2", { className: "kg-name", text: communityName(index) + " and " + number(c.size - 1) + " more" }),
      el("p", { className: "kg-muted", text: plural(c.size, "entity", "entities") + "; expanded." }),
      el("ul", { className: "kg-plain-list" }, ...members.slice(0, FACT_LIST_LIMIT).map(function (id) {
        return el("li", null, entityButton(id));
      })),
    ]);
  }

  document.getElementById("kg-colour").addEventListener("change", function (event) { colourBy(event.target.value); });
  document.getElementById("kg-collapse-all").addEventListener("click", function () {
    data.communities.forEach(function (c, i) { if (c.size >= data.collapse_min) collapsed.add(i); });
    render();
  });
  document.getElementById("kg-expand-all").addEventListener("click", function () {
    collapsed.clear();
    render();
  });

  // -- entities without facts ------------------------------------------------------------------------

  var factlessList = document.getElementById("kg-factless");
  factlessList.addEventListener("toggle", function () {
    var list = document.getElementById("kg-factless-list");
    if (!factlessList.open || list.childElementCount) return;
    var without = data.entities.filter(function (e) { return e.degree === 0; }).sort(function (a, b) {
      return b.articles - a.articles || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
    });
    var items = without.slice(0, FACTLESS_LIST_LIMIT).map(function (e) {
      return el("li", null, el("button", { type: "button", className: "kg-link", onclick: function () { showEntity(e.id); } },
        e.label), el("span", { className: "kg-muted", text: " " + e.type }));
    });
    if (without.length > items.length) {
      items.push(el("li", { className: "kg-muted", text: "and " + number(without.length - items.length) +
        " more: type a name in the search box" }));
    }
    fill(list, items);
  });

  // -- entity details --------------------------------------------------------------------------------

  function showEntity(id) {
    var e = entities.get(id);
    if (!e) return false;
    var list = (factsOf.get(id) || []).slice().sort(function (a, b) { return b.confidence - a.confidence; });
    var items = list.slice(0, FACT_LIST_LIMIT).map(function (f) {
      var outgoing = f.s === id;
      var other = entities.get(outgoing ? f.o : f.s);
      return el("li", null,
        el("button", { type: "button", className: "kg-fact-link " + f.kinds.join(" "), onclick: function () { selectFact(f.id); } },
          outgoing ? "→ " : "← ",
          el("span", { className: "kg-rel", text: f.label }),
          " ",
          other ? other.label : "",
          el("span", { className: "kg-muted", text: "  " + f.confidence.toFixed(2) })));
    });
    var community = e.c === null ? null : data.communities[e.c];
    fill(panel, [
      el("p", { className: "kg-kind" }, swatch(e.type), e.type),
      el("h2", { className: "kg-name", text: e.label }),
      e.aliases.length ? el("p", null, el("span", { className: "kg-key", text: "Also called " }), e.aliases.join(", ")) : null,
      e.note ? el("p", { className: "kg-note", text: e.note }) : null,
      el("p", { className: "kg-muted", text: e.degree ?
        plural(e.degree, "fact") + " · " + plural(e.sources, "independent source") + " · " + plural(e.evidence, "evidence sentence") :
        "No fact" + (e.articles ? "; named in " + plural(e.articles, "article") : "") + "." }),
      notDrawn(e),
      community && community.size > 1 ? el("p", { className: "kg-muted" }, "In a community of " + number(community.size) +
        " around ", entityButton(community.top)) : null,
      el("p", { className: "kg-id" }, "id ", el("code", { text: e.id })),
      items.length ? el("h3", { text: "Facts" }) : null,
      items.length ? el("ul", { className: "kg-facts" }, ...items) : null,
      list.length > items.length ?
        el("p", { className: "kg-muted", text: "and " + number(list.length - items.length) + " more (lower confidence)" }) : null,
    ]);
    return true;
  }

  function notDrawn(e) {
    if (shownIds.has(e.id)) return null;
    if (e.degree > 0) return el("p", { className: "kg-note", text: "Not drawn: the filters hide its facts." });
    return el("p", { className: "kg-note" }, "Not drawn: entities without facts are hidden. ",
      el("button", { type: "button", className: "kg-toggle", onclick: function () {
        state.factless = true;
        showControls();
        render();
        selectEntity(e.id);
      } }, "draw them"));
  }

  // -- fact details ----------------------------------------------------------------------------------

  function showFact(id) {
    var f = facts.get(id);
    if (!f) return false;
    var rows = [
      ["Relation", f.p + (f.surface ? " (“" + f.surface + "”)" : "")],
      ["Confidence", f.confidence.toFixed(2)],
      ["Sources", plural(f.sources, "independent source")],
      ["Said by", f.attributed_to],
      ["When", f.time.join("; ")],
      ["Where", f.place.join("; ")],
      ["Flags", f.flags.join(", ")],
    ].filter(function (row) { return row[1]; });
    var disputes = f.disputed_by.filter(function (other) { return facts.has(other); });
    fill(panel, [
      el("p", { className: "kg-kind" }, ...f.kinds.map(function (k) { return el("span", { className: "kg-status " + k, text: k }); })),
      el("h2", { className: "kg-triple" }, entityButton(f.s), " ", el("span", { className: "kg-rel", text: f.label }), " ",
        entityButton(f.o)),
      el("dl", { className: "kg-props" }, ...rows.flatMap(function (row) {
        return [el("dt", { text: row[0] }), el("dd", { text: row[1] })];
      })),
      disputes.length ? el("p", { className: "kg-note" }, "Disputed by ", ...disputes.map(function (other) {
        var g = facts.get(other);
        return el("button", { type: "button", className: "kg-link", onclick: function () { selectFact(other); } },
          g.kinds.indexOf("negated") >= 0 ? "not " + g.label : g.label);
      })) : null,
      el("p", { className: "kg-id" }, "statement ", el("code", { text: f.id })),
      el("h3", { text: "Evidence (" + f.evidence.length + ")" }),
      el("ol", { className: "kg-evidence" }, ...f.evidence.map(evidenceItem)),
    ]);
    return true;
  }

  function evidenceItem(ev) {
    var doc = data.documents[ev.doc] || { id: "?" };
    var source = [doc.published, doc.source, doc.author].filter(Boolean).join(" · ");
    var meta = [
      ev.attributed_to ? "said by " + ev.attributed_to : null,
      ev.time ? "when: " + ev.time : null,
      ev.place ? "where: " + ev.place : null,
      ev.hedged ? "hedged" : null,
      "confidence " + ev.confidence.toFixed(2),
      ev.extractor,
    ].filter(Boolean).join(" · ");
    var link = doc.url ? el("a", { href: doc.url, target: "_blank", rel: "noopener noreferrer nofollow", text: "open" }) : null;
    return el("li", null,
      el("p", { className: "kg-article" }, el("span", { className: "kg-article-title", text: doc.title || doc.id }),
        source ? el("span", { className: "kg-muted", text: " — " + source }) : null, link ? " " : null, link),
      sentence(ev),
      el("p", { className: "kg-muted kg-small", text: meta }));
  }

  function sentence(ev) {
    var quote = el("blockquote", { className: "kg-sentence" });
    var at = 0;
    ev.marks.forEach(function (mark) {
      if (mark[0] < at) return;
      quote.appendChild(document.createTextNode(ev.sentence.slice(at, mark[0])));
      quote.appendChild(el("mark", { className: "kg-" + mark[2], title: mark[2], text: ev.sentence.slice(mark[0], mark[1]) }));
      at = mark[1];
    });
    quote.appendChild(document.createTextNode(ev.sentence.slice(at)));
    return quote;
  }

  // -- selection, search, legend ---------------------------------------------------------------------

  function reveal(id) {
    var e = entities.get(id);
    if (e && e.c !== null && collapsed.has(e.c)) expand(e.c);
  }

  function selectEntity(id) {
    if (!entities.has(id)) return false;
    if (shownIds.has(id)) {
      reveal(id);
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 400 } });
    } else {
      network.unselectAll();
    }
    return showEntity(id);
  }

  function selectFact(id) {
    var f = facts.get(id);
    if (!f) return false;
    if (edgeShown.has(id)) {
      reveal(f.s);
      reveal(f.o);
      network.selectEdges([id]);
      var pos = network.getPositions([f.s, f.o]);
      if (pos[f.s] && pos[f.o]) {
        network.moveTo({
          position: { x: (pos[f.s].x + pos[f.o].x) / 2, y: (pos[f.s].y + pos[f.o].y) / 2 },
          scale: Math.max(network.getScale(), 1.0),
          animation: { duration: 400 },
        });
      }
    }
    return showFact(id);
  }

  function showHint(message) {
    fill(panel, [el("p", { className: "kg-hint", text: message ||
      "Click an entity or a fact to see its details and the sentences it was read from." })]);
  }

  network.on("click", function (params) {
    var node = params.nodes.length ? params.nodes[0] : null;
    var index = node === null ? null : communityOf(node);
    if (index !== null) {
      expand(index);
      showCommunity(index);
    } else if (node !== null) showEntity(node);
    else if (params.edges.length && facts.has(params.edges[0])) showFact(params.edges[0]);
    else if (params.edges.length) showHint("Facts between collapsed communities: click a community to expand it.");
    else showHint();
  });

  function find(query) {
    var q = String(query).trim().toLocaleLowerCase();
    if (!q) return null;
    var exact = null;
    var prefix = null;
    var inside = null;
    data.entities.forEach(function (e) {
      var names = [e.label, e.id].concat(e.aliases).map(function (s) { return s.toLocaleLowerCase(); });
      if (!exact && names.indexOf(q) >= 0) exact = e.id;
      else if (!prefix && names.some(function (s) { return s.indexOf(q) === 0; })) prefix = e.id;
      else if (!inside && names.some(function (s) { return s.indexOf(q) > 0; })) inside = e.id;
    });
    return exact || prefix || inside;
  }

  var names = document.getElementById("kg-names");
  data.entities.slice().sort(function (a, b) { return b.degree - a.degree; }).forEach(function (e) {
    names.appendChild(el("option", { value: e.label }));
  });
  // Enter fires "change" and then "submit": one search, one move (two focus animations at once leave
  // vis-network's view off the node).
  var searched = null;
  function search(query, sayMissing) {
    if (query === searched) return;
    var id = find(query);
    if (id) {
      searched = query;
      selectEntity(id);
    } else if (sayMissing && query.trim()) showHint("No entity matches “" + query.trim() + "”.");
  }
  document.getElementById("kg-find").addEventListener("submit", function (event) {
    event.preventDefault();
    search(document.getElementById("kg-search").value, true);
  });
  document.getElementById("kg-search").addEventListener("change", function (event) { search(event.target.value, false); });
  document.getElementById("kg-search").addEventListener("input", function () { searched = null; });
  document.getElementById("kg-fit").addEventListener("click", function () {
    network.fit({ animation: { duration: 300 } });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      network.unselectAll();
      showHint();
    }
  });

  document.querySelectorAll("button.kg-class").forEach(function (button) {
    button.addEventListener("click", function () {
      var type = button.getAttribute("data-class");
      if (state.hiddenClasses.has(type)) state.hiddenClasses.delete(type);
      else state.hiddenClasses.add(type);
      showControls();
      render();
    });
  });

  setUpFilters();
  render();
  if (data.physics) {
    // A short run from the Python layout, then still: nodes stay where the reader drags them.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      settle();
    });
  } else {
    settle();
  }
})();
