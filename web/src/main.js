// The graph page of kg serve: the actor graph drawn with sigma.js, laid
// out with ForceAtlas2, and questioned through the server's API.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import Sigma from "sigma";

const $ = (id) => document.getElementById(id);
const state = { graph: null, renderer: null, highlight: null };

// Cooperation green-blue, conflict red, neutral grey: an edge's colour is
// the sign of its mean Goldstein score.
const signColour = { 1: "#2b8cbe", "-1": "#e34a33", 0: "#9a9a9a" };

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else if (v !== "" && v !== undefined && v !== null) q.append(k, v);
  }
  return q.toString();
}

async function api(path, params) {
  const resp = await fetch(`/api/${path}?${query(params)}`);
  const body = await resp.json();
  if (!resp.ok) throw new Error(body.error || resp.statusText);
  return body;
}

// The filters of the page, as the API's parameters.
function filters() {
  const f = { level: $("level").value };
  if ($("since").value) f.since = $("since").value;
  if ($("until").value) f.until = $("until").value;
  if ($("quad").value) f.quad = $("quad").value;
  if ($("modality").value) f.modality = $("modality").value;
  return f;
}

function status(text) {
  $("status").textContent = text;
}

async function load() {
  status("loading…");
  let data;
  try {
    data = await api("graph", { ...filters(), "with-centrality": "true" });
  } catch (e) {
    status(e.message);
    return;
  }
  const g = new Graph({ type: "directed", multi: false, allowSelfLoops: false });
  for (const n of data.nodes) g.addNode(n.key, { ...n.attributes });
  for (const e of data.edges) {
    if (e.source !== e.target && !g.hasEdge(e.source, e.target)) g.addEdgeWithKey(e.key, e.source, e.target, { ...e.attributes });
  }
  // Sizes run from the smallest score to the largest: PageRank is flat
  // enough that sizes in proportion to it would all look alike.
  const sizeBy = $("size").value;
  let lo = Infinity;
  let hi = -Infinity;
  g.forEachNode((n, a) => {
    lo = Math.min(lo, a[sizeBy] || 0);
    hi = Math.max(hi, a[sizeBy] || 0);
  });
  let i = 0;
  g.forEachNode((n, a) => {
    const angle = (2 * Math.PI * i++) / g.order;
    g.mergeNodeAttributes(n, {
      x: Math.cos(angle),
      y: Math.sin(angle),
      size: 3 + 15 * (hi > lo ? ((a[sizeBy] || 0) - lo) / (hi - lo) : 0.3),
      color: a.type === "country" ? "#444" : "#8c6bb1",
    });
  });
  g.forEachEdge((e, a) => {
    g.mergeEdgeAttributes(e, { color: signColour[a.sign] || signColour[0], size: 1 + Math.log2(1 + (a.weight || 1)), type: "arrow" });
  });
  if (g.order > 1) {
    forceAtlas2.assign(g, { iterations: g.order > 2000 ? 60 : 200, settings: forceAtlas2.inferSettings(g) });
  }
  initYears(g);
  state.graph = g;
  state.highlight = null; // another graph: the old selection means nothing in it
  if (state.renderer) state.renderer.kill();
  state.renderer = new Sigma(g, $("graph"), {
    renderEdgeLabels: false,
    nodeReducer: (n, a) => (state.highlight && !state.highlight.has(n) ? { ...a, color: "#ddd", label: "" } : a),
    edgeReducer: (e, a) =>
      state.highlight && !(state.highlight.has(g.source(e)) && state.highlight.has(g.target(e))) ? { ...a, hidden: true } : a,
  });
  state.renderer.on("clickEdge", ({ edge }) => showEdge(g.source(edge), g.target(edge)));
  state.renderer.on("clickNode", ({ node }) => focus(node));
  status(`${g.order} actors, ${g.size} edges`);
  window.kgReady = { nodes: g.order, edges: g.size };
}

// initYears sets the year slider to the span of the first graph's dates,
// once: later graphs are that one filtered.
function initYears(g) {
  if (state.years) return;
  let lo = Infinity;
  let hi = -Infinity;
  g.forEachNode((n, a) => {
    for (const d of [a.first_seen, a.last_seen]) {
      const y = parseInt(String(d || "").slice(0, 4), 10);
      if (y) {
        lo = Math.min(lo, y);
        hi = Math.max(hi, y);
      }
    }
  });
  if (!isFinite(lo)) return;
  state.years = [lo, hi];
  for (const id of ["yfrom", "yto"]) {
    $(id).min = lo;
    $(id).max = hi;
  }
  $("yfrom").value = lo;
  $("yto").value = hi;
  $("ylabel").textContent = `${lo}–${hi}`;
}

// The year slider sets the date range, the two ends kept in order.
function years() {
  let a = parseInt($("yfrom").value, 10);
  let b = parseInt($("yto").value, 10);
  if (a > b) [a, b] = [b, a];
  $("ylabel").textContent = `${a}–${b}`;
  $("since").value = a === state.years[0] ? "" : String(a);
  $("until").value = b === state.years[1] ? "" : String(b);
  load();
}

// focus highlights an actor and its neighbours.
function focus(node) {
  const g = state.graph;
  if (!g || !g.hasNode(node)) return false;
  state.highlight = new Set([node, ...g.neighbors(node)]);
  state.renderer.refresh();
  const a = g.getNodeAttributes(node);
  state.renderer.getCamera().animate(state.renderer.getNodeDisplayData(node), { duration: 300 });
  status(`${a.label}: ${g.degree(node)} ties`);
  return true;
}

// search finds an actor as the CLI does (names, aliases, codes,
// surnames) and focuses it.
async function search(name) {
  try {
    // kg neighbors resolves the name as every command does; its answer
    // names the actor as the "via" of its first ring.
    const ring = await api("neighbors", { ...filters(), arg: name });
    const id = ring.length > 0 ? ring[0].via.id : null;
    if (!id || !focus(id)) throw new Error(`${name}: in no edge of this graph`);
    return id;
  } catch (e) {
    status(e.message);
    return null;
  }
}

// showEdge lists the evidence of the events between two actors.
async function showEdge(a, b) {
  const panel = $("panel");
  panel.innerHTML = "";
  const g = state.graph;
  const title = document.createElement("h2");
  title.textContent = `${g.getNodeAttribute(a, "label")} – ${g.getNodeAttribute(b, "label")}`;
  panel.append(title);
  const rows = await api("triples", { ...filters(), between: `${a},${b}`, sort: "date" });
  for (const t of rows) {
    const p = document.createElement("p");
    p.className = "evidence";
    const head = document.createElement("b");
    head.textContent = `${t.date || "undated"} ${t.source.name} ${t.relation} ${t.target.name} `;
    const doc = document.createElement("span");
    doc.className = "doc";
    doc.textContent = ` (${t.doc})`;
    p.append(head, document.createTextNode(t.sentence || ""), doc);
    panel.append(p);
  }
  return rows.length;
}

// link answers "how does X link A and B" in the side panel.
async function link(x, a, b) {
  const panel = $("panel");
  panel.innerHTML = "";
  try {
    const resp = await fetch(`/api/link?${query({ ...filters(), arg: [x, a, b], format: "json" })}`);
    const r = await resp.json();
    if (!resp.ok) throw new Error(r.error);
    const pre = document.createElement("pre");
    pre.textContent = r.summary;
    panel.append(pre);
    return r.summary;
  } catch (e) {
    status(e.message);
    return null;
  }
}

for (const id of ["level", "since", "until", "quad", "modality", "size"]) $(id).addEventListener("change", load);
for (const id of ["yfrom", "yto"]) $(id).addEventListener("change", years);
$("search").addEventListener("keydown", (e) => {
  if (e.key === "Enter") search(e.target.value);
});
$("linkform").addEventListener("submit", (e) => {
  e.preventDefault();
  link($("lx").value, $("la").value, $("lb").value);
});
window.kg = { load, search, focus, showEdge, link };
load();
