// The explorer: one page over the JSON API. vis-network draws; the API answers; nothing leaves this origin.
"use strict";

const STYLE = {
  Actor: { color: "#e8743b", shape: "dot", swatch: "dot", label: "Actor" },
  Measure: { color: "#19a979", shape: "diamond", swatch: "diamond", label: "Measure" },
  Theme: { color: "#5899da", shape: "box", swatch: "", label: "Theme" },
  Group: { color: "#bf399e", shape: "triangle", swatch: "dot", label: "Group" },
  Document: { color: "#6c8893", shape: "square", swatch: "", label: "Document" },
};
const EDGE = {
  PROPOSES: { color: "#e8743b", label: "proposes" },
  OPPOSES: { color: "#d62728", label: "opposes", dashes: true },
  REPORTS_AS_EXAMPLE: { color: "#19a979", label: "reports as example" },
  CONCERNS: { color: "#9fb6cc", label: "concerns (theme)" },
  AUTHORED: { color: "#6c8893", label: "authored" },
  PART_OF: { color: "#b0b0b0", label: "part of" },
};
// a measure found in the documents, not named by the vocabulary: a dashed outline on a light fill
const DISCOVERED = { background: "#d4f2e7", border: "#0b6e4f", dashes: [5, 4],
                     label: "Measure discovered in the documents (dashed outline)" };
const DETAIL = { Actor: "actors", Measure: "measures", Theme: "themes", Group: "groups", Document: "documents" };

const nodes = new vis.DataSet();
const edges = new vis.DataSet();
const filters = { types: new Set(Object.keys(STYLE)), edgeTypes: new Set(Object.keys(EDGE)), actorType: "", theme: "" };
const nodeView = new vis.DataView(nodes, { filter: (n) => visible(n) });
const edgeView = new vis.DataView(edges, {
  filter: (e) => filters.edgeTypes.has(e.type) && nodeView.get(e.from) && nodeView.get(e.to),
});
const el = (id) => document.getElementById(id);

function visible(n) {
  if (!filters.types.has(n.group)) return false;
  if (filters.actorType && n.group === "Actor" && n.actorType !== filters.actorType) return false;
  if (filters.theme && n.group !== "Theme" && !(n.themes || []).includes(filters.theme)) return false;
  return true;
}

const network = new vis.Network(el("graph"), { nodes: nodeView, edges: edgeView }, {
  groups: Object.fromEntries(Object.entries(STYLE).map(([k, s]) => [k, { color: s.color, shape: s.shape }])),
  nodes: { size: 14, font: { size: 13 }, borderWidth: 1 },
  edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, smooth: false, width: 1 },
  physics: { solver: "forceAtlas2Based", stabilization: { iterations: 250, fit: true },
             forceAtlas2Based: { gravitationalConstant: -60, springLength: 90 } },
  interaction: { hover: true, tooltipDelay: 150 },
});
network.on("stabilizationIterationsDone", () => network.setOptions({ physics: false }));
window.explorer = { network, nodes, edges, nodeView, edgeView };

async function api(path) {
  const r = await fetch(path);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error ? body.error.message : r.statusText);
  return body;
}

function addGraph(g, replace) {
  if (replace) { nodes.clear(); edges.clear(); }
  nodes.update(g.nodes.map((n) => {
    const discovered = n.label === "Measure" && n.origin === "discovered";
    const node = {
      id: n.id, label: n.name.length > 40 ? n.name.slice(0, 38) + "…" : n.name, group: n.label,
      title: `${n.label}${n.type ? " · " + n.type : ""}${discovered ? " · discovered in the documents" : ""}: ${n.name}`,
      actorType: n.type || "", themes: n.themes, origin: n.origin || "",
    };
    if (discovered) {
      Object.assign(node, { color: { background: DISCOVERED.background, border: DISCOVERED.border },
                            borderWidth: 2, shapeProperties: { borderDashes: DISCOVERED.dashes } });
    }
    return node;
  }));
  edges.update(g.edges.map((e) => ({
    id: `${e.source}|${e.type}|${e.target}`, from: e.source, to: e.target, type: e.type,
    color: { color: EDGE[e.type].color }, dashes: Boolean(EDGE[e.type].dashes),
    width: Math.min(1 + Math.log2(e.count || 1), 5), title: `${EDGE[e.type].label} (${e.count} statements)`,
  })));
  network.setOptions({ physics: true });
  network.stabilize(200);
  refreshFilters();
  el("status").textContent = `${nodeView.length} nodes, ${edgeView.length} edges shown`;
}

function refreshFilters() {
  nodeView.refresh(); edgeView.refresh();
  const types = [...new Set(nodes.get().filter((n) => n.group === "Actor").map((n) => n.actorType).filter(Boolean))];
  fillSelect(el("actor-type-filter"), types.sort().map((t) => [t, t]), filters.actorType);
  el("status").textContent = `${nodeView.length} nodes, ${edgeView.length} edges shown`;
}

function fillSelect(select, options, current) {
  select.replaceChildren(new Option("any", ""), ...options.map(([v, t]) => new Option(t, v)));
  select.value = current;
}

async function startView() { addGraph(await api("/v1/graph"), true); }
async function wholeGraph() { addGraph(await api("/v1/graph?whole=true"), true); }
async function expand(id) { addGraph(await api(`/v1/graph?center=${encodeURIComponent(id)}`), false); }

async function focus(id) {
  if (!nodes.get(id)) await expand(id);
  network.selectNodes([id]);
  network.focus(id, { scale: 1.1, animation: { duration: 400 } });
  await showPanel(id);
}

function text(tag, content, cls) {
  const e = document.createElement(tag);
  e.textContent = content;
  if (cls) e.className = cls;
  return e;
}

function evidenceList(items) {
  const box = document.createElement("div");
  for (const ev of items) {
    const d = document.createElement("div");
    d.className = "evidence";
    d.append(text("q", ev.quote));
    // a PDF's quote by its page, a text file's by its line
    const page = ev.page !== null && ev.page !== undefined ? `p. ${ev.page}`
      : ev.line !== null && ev.line !== undefined ? `line ${ev.line}` : "page unknown";
    d.append(text("span", `${ev.document}, ${page}${ev.kind ? " · " + ev.kind : ""}`, "source"));
    box.append(d);
  }
  return box;
}

async function showPanel(id) {
  const node = nodes.get(id);
  if (!node) return;
  const panel = el("panel");
  panel.replaceChildren(text("h2", node.title.split(": ").slice(1).join(": ") || id),
                        text("div", node.title.split(":")[0], "kind"));
  const more = text("button", "Expand neighbours");
  more.type = "button";
  more.id = "expand";
  more.onclick = () => expand(id);
  panel.append(more);
  if (node.group === "Theme") panel.append(briefLinks(id));
  const body = await api(`/v1/${DETAIL[node.group]}/${encodeURIComponent(id)}`);
  if (body.measure) measureOrigin(panel, body);
  if (body.relations) {
    panel.append(text("h3", `Relations (${body.relations.length})`));
    for (const r of body.relations) {
      const box = document.createElement("div");
      box.className = "relation";
      const other = node.group === "Actor" ? r.measure : r.actor;
      box.append(text("strong", `${EDGE[r.relation].label}: ${other}`), evidenceList(r.evidence));
      panel.append(box);
    }
  }
  if (body.measures) {
    panel.append(text("h3", `Measures (${body.measures.length})`));
    for (const m of body.measures) {
      const opposed = (m.opposed_by || []).length ? `; opposed by ${m.opposed_by.join(", ")}` : "";
      panel.append(text("div", `${m.name} — proposed by ${m.proposed_by.join(", ") || "none"}; ` +
                               `examples: ${m.reported_by.join(", ") || "none"}${opposed}`, "relation"));
    }
  }
  if (body.statements) {
    panel.append(text("h3", `Statements (${body.statements.length})`));
    panel.append(evidenceList(body.statements.map((s) => ({ ...s, document: s.document || id,
      kind: `${s.kind}${s.actor || s.speaker ? " · " + (s.actor || s.speaker) : ""}` }))));
  }
}

// the theme's brief (counts, tables and quotes with their sources) in each format the API renders
function briefLinks(id) {
  const box = text("div", "Brief: ", "brief-links");
  box.id = "brief-links";
  const formats = [["html", "HTML"], ["md", "Markdown"], ["docx", "Word"]];
  formats.forEach(([fmt, label], i) => {
    const a = text("a", label);
    a.href = `/v1/briefs/${encodeURIComponent(id)}?format=${fmt}`;
    a.target = "_blank";
    a.dataset.format = fmt;
    if (i) box.append(" · ");
    box.append(a);
  });
  return box;
}

// where a measure comes from: the vocabulary, or the documents (with every wording it was found by); the
// discovered measures that qualify it, or the vocabulary measure it qualifies
function measureOrigin(panel, body) {
  const m = body.measure;
  if (m.origin === "discovered" || m.origin === "curated") {
    panel.append(text("p", m.origin === "curated" ? "discovered in the documents, accepted by a curator"
                                                  : "discovered in the documents (not in the vocabulary)", "origin"));
    const wordings = [...new Set([m.name, ...(m.aliases || [])])];
    panel.append(text("h3", `Wordings (${wordings.length})`));
    const list = document.createElement("ul");
    list.className = "wordings";
    list.append(...wordings.map((w) => text("li", w)));
    panel.append(list);
  }
  if (m.broader) panel.append(text("p", `narrower than: ${m.broader}`, "origin"));
  if ((body.narrower || []).length) {
    panel.append(text("h3", `Narrower, discovered (${body.narrower.length})`));
    const list = document.createElement("ul");
    list.className = "wordings";
    list.append(...body.narrower.map((n) => text("li", n.name)));
    panel.append(list);
  }
}

// every item of a list, page by page (the corpus alone has hundreds of discovered measures)
async function every(kind) {
  const items = [];
  for (let offset = 0; offset < 20000; offset += 500) {
    const b = await api(`/v1/${kind}?limit=500&offset=${offset}`);
    items.push(...b.items);
    if (items.length >= b.total || !b.items.length) break;
  }
  return items;
}

async function loadSuggestions() {
  const lists = await Promise.all(["actors", "measures", "themes", "groups"].map(
    (k) => every(k).then((items) => items.map((i) => ({ ...i, kind: k })))));
  const options = lists.flat().map((i) => {
    const o = document.createElement("option");
    o.value = i.name;
    o.dataset.id = i.id;
    o.label = `${i.name} (${i.kind.slice(0, -1)})`;
    return o;
  });
  el("suggestions").replaceChildren(...options);
  fillSelect(el("theme-filter"), lists[2].map((t) => [t.id, t.name]), "");
}

function findSuggestion(value) {
  const v = value.trim().toLowerCase();
  const opts = [...el("suggestions").options];
  return opts.find((o) => o.value.toLowerCase() === v) || opts.find((o) => o.value.toLowerCase().startsWith(v))
      || opts.find((o) => o.value.toLowerCase().includes(v));
}

function buildLegend() {
  const legend = el("legend");
  const fs = el("type-filter");
  for (const [key, s] of Object.entries(STYLE)) {
    const li = document.createElement("li");
    const sw = text("span", "", `swatch ${s.swatch}`);
    sw.style.background = s.color;
    li.append(sw, text("span", s.label));
    legend.append(li);
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.value = key; box.id = `type-${key}`;
    box.onchange = () => { box.checked ? filters.types.add(key) : filters.types.delete(key); refreshFilters(); };
    label.append(box, ` ${s.label}`);
    fs.append(label);
  }
  const found = document.createElement("li");
  found.dataset.origin = "discovered";
  const dsw = text("span", "", "swatch diamond dashed-outline");
  dsw.style.background = DISCOVERED.background;
  dsw.style.borderColor = DISCOVERED.border;
  found.append(dsw, text("span", DISCOVERED.label));
  legend.append(found);
  const edgeFs = el("edge-filter");
  for (const [key, e] of Object.entries(EDGE)) {
    const li = document.createElement("li");
    li.dataset.edge = key;
    const sw = text("span", "", `swatch line${e.dashes ? " dashed" : ""}`);
    sw.style.color = e.color;
    if (!e.dashes) sw.style.background = e.color;
    li.append(sw, text("span", e.label));
    legend.append(li);
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.value = key; box.id = `edge-${key}`;
    box.onchange = () => { box.checked ? filters.edgeTypes.add(key) : filters.edgeTypes.delete(key); refreshFilters(); };
    label.append(box, ` ${e.label}`);
    edgeFs.append(label);
  }
}

async function askQuestion(q) {
  const body = await api(`/v1/ask?q=${encodeURIComponent(q)}`);
  const panel = el("panel");
  const it = body.interpretation;
  panel.replaceChildren(text("h2", q), text("div", `understood as ${it.intent}` + (it.note ? ` — ${it.note}` : ""),
                                             "kind"));
  if (!body.answers.length) panel.append(text("p", "No answers: nothing in the graph says this."));
  for (const a of body.answers) {
    const box = document.createElement("div");
    box.className = "relation";
    const rel = EDGE[a.relation] ? EDGE[a.relation].label : a.relation === "MENTIONED" ? "is named in" : "says";
    box.append(text("strong", `${a.actor.name} ${rel}${a.measure ? ": " + a.measure.name : ""}`),
               evidenceList(a.evidence));
    panel.append(box);
  }
}

network.on("click", (p) => { if (p.nodes.length) showPanel(p.nodes[0]).catch(report); });
network.on("doubleClick", (p) => { if (p.nodes.length) expand(p.nodes[0]).catch(report); });
el("search-form").onsubmit = (ev) => {
  ev.preventDefault();
  const hit = findSuggestion(el("search").value);
  if (hit) focus(hit.dataset.id).catch(report); else el("status").textContent = "nothing by that name";
};
el("ask-form").onsubmit = (ev) => { ev.preventDefault(); askQuestion(el("ask").value).catch(report); };
el("actor-type-filter").onchange = (ev) => { filters.actorType = ev.target.value; refreshFilters(); };
el("theme-filter").onchange = (ev) => { filters.theme = ev.target.value; refreshFilters(); };
el("start-view").onclick = () => startView().catch(report);
el("whole-graph").onclick = () => wholeGraph().catch(report);

function report(err) { el("status").textContent = `error: ${err.message}`; }

buildLegend();
Promise.all([startView(), loadSuggestions()]).then(() => { document.body.dataset.ready = "true"; }).catch(report);
