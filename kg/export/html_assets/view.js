// The kg graph view: draws the pyvis/vis-network data and fills the side panel.
// Every piece of article text is inserted with textContent or as an attribute value, never parsed as HTML.
(function () {
  "use strict";

  function json(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }

  var FACT_LIST_LIMIT = 200;
  var data = json("kg-data");
  var options = json("kg-options");
  var entities = new Map();
  var facts = new Map();
  var factsOf = new Map();
  // The data leaves empty fields out.
  data.entities.forEach(function (e) {
    e.aliases = e.aliases || [];
    e.degree = e.degree || 0;
    e.evidence = e.evidence || 0;
    entities.set(e.id, e);
  });
  data.facts.forEach(function (f) {
    f.time = f.time || [];
    f.place = f.place || [];
    f.flags = f.flags || [];
    f.evidence = f.evidence || [];
    f.marks = f.marks || [];
    f.evidence.forEach(function (ev) { ev.marks = ev.marks || []; });
    facts.set(f.id, f);
    [f.s, f.o].forEach(function (end, i) {
      if (i === 1 && f.o === f.s) return;
      if (!factsOf.has(end)) factsOf.set(end, []);
      factsOf.get(end).push(f);
    });
  });
  var groups = options.groups || {};

  // Tooltips are plain text: vis-network shows a string title with innerText.
  function clip(text, size) {
    text = String(text).replace(/\s+/g, " ").trim();
    return text.length <= size ? text : text.slice(0, size - 1) + "…";
  }
  function entityTooltip(e) {
    var lines = [e.label, e.type + " · " + plural(e.degree, "fact") + " · " + e.evidence + " evidence"];
    if (e.aliases.length) lines.push("also: " + clip(e.aliases.join(", "), 120));
    lines.push("click for details");
    return lines.join("\n");
  }
  function factTooltip(f) {
    var s = entities.get(f.s);
    var o = entities.get(f.o);
    var lines = [
      (s ? s.label : f.s) + " — " + f.label + " → " + (o ? o.label : f.o),
      status(f) + " · confidence " + f.confidence.toFixed(2) + " · " + f.evidence.length + " evidence",
    ];
    if (f.attributed_to) lines.push("said by " + f.attributed_to);
    if (f.evidence.length) lines.push("“" + clip(f.evidence[0].sentence, 140) + "”");
    lines.push("click for the evidence");
    return lines.join("\n");
  }

  var nodes = new vis.DataSet(json("kg-nodes").map(function (n) {
    var e = entities.get(n.id);
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
    ready: false,
    firstDraw: null,
    readyAt: null,
    showEntity: showEntity,
    showFact: showFact,
    find: find,
  };
  window.kgView = view;

  network.once("afterDrawing", function () {
    view.firstDraw = performance.now();
    if (!data.physics) markReady();
  });
  if (data.physics) {
    // A short run from the Python layout, then still: nodes stay where the reader drags them.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      markReady();
    });
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

  function plural(n, word) {
    return n.toLocaleString() + " " + word + (n === 1 ? "" : "s");
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

  // -- entity details --------------------------------------------------------------------------------

  function showEntity(id) {
    var e = entities.get(id);
    if (!e) return false;
    var list = (factsOf.get(id) || []).slice().sort(function (a, b) { return b.confidence - a.confidence; });
    var items = list.slice(0, FACT_LIST_LIMIT).map(function (f) {
      var outgoing = f.s === id;
      var other = entities.get(outgoing ? f.o : f.s);
      return el("li", null,
        el("button", { type: "button", className: "kg-fact-link " + status(f), onclick: function () { selectFact(f.id); } },
          outgoing ? "→ " : "← ",
          el("span", { className: "kg-rel", text: f.label }),
          " ",
          other ? other.label : "",
          el("span", { className: "kg-muted", text: "  " + f.confidence.toFixed(2) })));
    });
    fill(panel, [
      el("p", { className: "kg-kind" }, swatch(e.type), e.type),
      el("h2", { className: "kg-name", text: e.label }),
      e.aliases.length ? el("p", null, el("span", { className: "kg-key", text: "Also called " }), e.aliases.join(", ")) : null,
      e.note ? el("p", { className: "kg-note", text: e.note }) : null,
      el("p", { className: "kg-muted", text: plural(e.degree, "fact") + " · " + plural(e.evidence, "evidence sentence") }),
      el("p", { className: "kg-id" }, "id ", el("code", { text: e.id })),
      items.length ? el("h3", { text: "Facts" }) : null,
      items.length ? el("ul", { className: "kg-facts" }, ...items) : null,
      list.length > items.length ?
        el("p", { className: "kg-muted", text: "and " + (list.length - items.length).toLocaleString() + " more (lower confidence)" }) : null,
    ]);
    return true;
  }

  // -- fact details ----------------------------------------------------------------------------------

  function status(f) {
    return f.negated ? "negated" : f.hedged ? "hedged" : "stated";
  }

  function showFact(id) {
    var f = facts.get(id);
    if (!f) return false;
    var rows = [
      ["Relation", f.p + (f.surface ? " (“" + f.surface + "”)" : "")],
      ["Confidence", f.confidence.toFixed(2)],
      ["Said by", f.attributed_to],
      ["When", f.time.join("; ")],
      ["Where", f.place.join("; ")],
      ["Flags", f.flags.join(", ")],
    ].filter(function (row) { return row[1]; });
    fill(panel, [
      el("p", { className: "kg-kind" }, el("span", { className: "kg-status " + status(f), text: status(f) })),
      el("h2", { className: "kg-triple" }, entityButton(f.s), " ", el("span", { className: "kg-rel", text: f.label }), " ",
        entityButton(f.o)),
      el("dl", { className: "kg-props" }, ...rows.flatMap(function (row) {
        return [el("dt", { text: row[0] }), el("dd", { text: row[1] })];
      })),
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

  function selectEntity(id) {
    if (!entities.has(id)) return false;
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 400 } });
    return showEntity(id);
  }

  function selectFact(id) {
    var f = facts.get(id);
    if (!f) return false;
    network.selectEdges([id]);
    var pos = network.getPositions([f.s, f.o]);
    if (pos[f.s] && pos[f.o]) {
      network.moveTo({
        position: { x: (pos[f.s].x + pos[f.o].x) / 2, y: (pos[f.s].y + pos[f.o].y) / 2 },
        scale: Math.max(network.getScale(), 1.0),
        animation: { duration: 400 },
      });
    }
    return showFact(id);
  }

  function showHint(message) {
    fill(panel, [el("p", { className: "kg-hint", text: message ||
      "Click an entity or a fact to see its details and the sentences it was read from." })]);
  }

  network.on("click", function (params) {
    if (params.nodes.length) showEntity(params.nodes[0]);
    else if (params.edges.length) showFact(params.edges[0]);
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
  document.getElementById("kg-find").addEventListener("submit", function (event) {
    event.preventDefault();
    var query = document.getElementById("kg-search").value;
    var id = find(query);
    if (id) selectEntity(id);
    else if (query.trim()) showHint("No entity matches “" + query.trim() + "”.");
  });
  document.getElementById("kg-search").addEventListener("change", function (event) {
    var id = find(event.target.value);
    if (id) selectEntity(id);
  });
  document.getElementById("kg-fit").addEventListener("click", function () {
    network.fit({ animation: { duration: 300 } });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      network.unselectAll();
      showHint();
    }
  });

  var byClass = new Map();
  data.entities.forEach(function (e) {
    if (!byClass.has(e.type)) byClass.set(e.type, []);
    byClass.get(e.type).push(e.id);
  });
  document.querySelectorAll("button.kg-class").forEach(function (button) {
    button.addEventListener("click", function () {
      var shown = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", String(shown));
      var ids = byClass.get(button.getAttribute("data-class")) || [];
      nodes.update(ids.map(function (id) { return { id: id, hidden: !shown }; }));
    });
  });
})();
