"""The network view: pyvis with vis.js inlined (the page opens from disk with no network). Nodes are
shaped and coloured by class with a legend and sized by degree; a node's border is its country's colour.
Countries are a colour and a filter, not hubs: edges to country nodes are hidden unless asked for, and
nodes left with no visible edge are hidden behind a switch. The page fits the largest connected part on
load and after every filter. Hovering or clicking a node shows its posts, dates, evidence sentence and
article. A side panel filters by class, country, event type, date range and article (by their names)
and searches for a node. Physics settles, then stops. A graph too large to draw is shown as an overview
of its best-connected actors, and the page says so."""
from __future__ import annotations

import html
import json
import re
from collections import Counter, defaultdict
from itertools import combinations

import networkx as nx
from pyvis.network import Network

from kg import lexicons
from kg.views.model import CLASSES

CDN_TAG = re.compile(r"<(?:link|script)[^>]+(?:href|src)=\"https?://[^\"]+\"[^>]*>(?:\s*</script>)?", re.I)
OVERVIEW_ABOVE = 2000  # nodes: draw an overview of the best-connected actors instead
OVERVIEW_ACTORS = 300  # actors in the overview
PARTNERS = 8           # overview: the strongest ties kept per actor, so that it is no hairball
BIG = 1000             # nodes: no edge labels, a quicker layout
LABEL_CHARS = 40
SPREAD_BELOW = 60     # nodes: a sparser layout
DEFAULT_TITLE = "kg"
# border colours of countries, most frequent first (a qualitative palette that stays apart from the class colours)
COUNTRY_COLOURS = ("#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
                   "#bcbd22", "#7f7f7f")
OTHER_COUNTRY = "#555555"
NO_COUNTRY = "#999999"
PARTICIPATION = ("attended", "co-chaired", "hosted", "organized", "committed to")


ARTICLES_LISTED = 5   # a tooltip names at most this many articles, then says how many more


def tooltip(data: dict, titles: dict[str, str] | None = None) -> str:
    lines = [f"{CLASSES[data['cls']][2]}: {data['label']}"]
    if data.get("statement") and data["statement"] != data["label"]:
        lines.append(data["statement"])
    if data.get("type_label") or data.get("type"):
        lines.append(f"Loại: {data.get('type_label') or data['type']}")
    if data.get("start"):
        lines.append(f"Ngày: {data['start']}" + (f" – {data['end']}" if data.get("end") else ""))
    if data.get("posts"):
        lines += data["posts"].split("\n")
    if data.get("dates") and data["cls"] == "Person":
        lines.append(f"Ghi nhận: {', '.join(data['dates'].split(';'))}")
    if data.get("folded"):
        lines.append(data["folded"])
    if data.get("evidence"):
        lines.append(f"«{data['evidence']}»")
    if data.get("articles"):
        ids = data["articles"].split(";")
        named = [f"{(titles or {}).get(a, a)} [{a}]" if (titles or {}).get(a, a) != a else a for a in ids[:ARTICLES_LISTED]]
        more = f"\n… và {len(ids) - ARTICLES_LISTED} bài khác" if len(ids) > ARTICLES_LISTED else ""
        lines.append("Bài: " + "\n".join(named) + more)
    return "\n".join(lines)


def overview(g: nx.MultiDiGraph, size: int = OVERVIEW_ACTORS) -> tuple[nx.MultiDiGraph, str]:
    """(graph to draw, note). The `size` persons and organizations with most links, joined by their posts
    and by the events and commitments they took part in together (an edge's weight is how many); each
    actor keeps its PARTNERS strongest ties."""
    degree = dict(nx.Graph(g).degree())
    actors = sorted((n for n, d in g.nodes(data=True) if d["cls"] in ("Person", "Organization")),
                    key=lambda n: (-degree[n], n))[:size]
    chosen = set(actors)
    out = nx.MultiDiGraph(**g.graph)
    for n in actors:
        out.add_node(n, **g.nodes[n])
    for s, o, d in g.edges(data=True):
        if s in chosen and o in chosen:
            out.add_edge(s, o, **d)
    together: Counter = Counter()
    for n, d in g.nodes(data=True):
        if d["cls"] in ("Event", "Commitment"):
            parts = sorted({m for m in nx.all_neighbors(g, n) if m in chosen})
            together.update(combinations(parts, 2))
    ties: dict[str, list] = defaultdict(list)
    for (a, b), count in together.items():
        ties[a].append((count, b))
        ties[b].append((count, a))
    kept = set()
    for a, near in ties.items():
        for count, b in sorted(near, key=lambda t: (-t[0], t[1]))[:PARTNERS]:
            kept.add((min(a, b), max(a, b), count))
    for a, b, count in sorted(kept):
        out.add_edge(a, b, label=f"cùng tham gia {count}", kind="took part together", weight=count)
    note = (f"Đồ thị lớn ({len(g)} nút): đây là tổng quan {len(actors)} người và tổ chức có nhiều liên kết nhất, "
            f"nối với nhau khi cùng tham gia sự kiện hoặc cam kết. Dùng --focus, --event hoặc --between để xem chi tiết.")
    return out, note


def reduce_for_display(g: nx.MultiDiGraph) -> tuple[nx.MultiDiGraph, str]:
    """(graph to draw, note for the page). Small graphs are drawn whole."""
    return overview(g) if len(g) > OVERVIEW_ABOVE else (g, "")


def country_names(g: nx.MultiDiGraph) -> dict[str, str]:
    """Code → the country's Vietnamese name (its node's label, else the countries lexicon)."""
    known = lexicons.countries()
    names = {c: known[c]["vi"] for _, d in g.nodes(data=True) for c in d.get("country", "").split(";") if c in known}
    for _, d in g.nodes(data=True):
        if d["cls"] == "Country" and d.get("country"):
            names[d["country"]] = d["label"]
    return names


def country_colours(g: nx.MultiDiGraph) -> dict[str, str]:
    counts = Counter(c for _, d in g.nodes(data=True) for c in d.get("country", "").split(";") if c)
    ranked = [c for c, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))]
    return {c: COUNTRY_COLOURS[i] if i < len(COUNTRY_COLOURS) else OTHER_COUNTRY for i, c in enumerate(ranked)}


def short_label(text: str, size: int = LABEL_CHARS) -> str:
    return text if len(text) <= size else text[:size - 1].rsplit(" ", 1)[0] + " …"


def initially_shown(g: nx.MultiDiGraph) -> tuple[set, set]:
    """(nodes, edge keys) drawn before any filter: no country node and no edge to one; no node left alone."""
    edges = {(s, o, k) for s, o, k in g.edges(keys=True)
             if g.nodes[s]["cls"] != "Country" and g.nodes[o]["cls"] != "Country"}
    nodes = {n for s, o, _ in edges for n in (s, o)}
    if not nodes:       # nothing is linked (a focus of 0 hops, one lone actor): show the nodes themselves
        nodes = {n for n, d in g.nodes(data=True) if d["cls"] != "Country"} or set(g)
    return nodes, edges


def network_html(g: nx.MultiDiGraph, title: str = DEFAULT_TITLE) -> str:
    g, note = reduce_for_display(g)
    big = len(g) > BIG
    degree = dict(nx.Graph(g).degree()) if len(g) else {}
    colours = country_colours(g)
    shown, shown_edges = initially_shown(g)
    titles = g.graph.get("article_titles", {})
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    # a few nodes get long springs so that their labels stand apart; many get short ones so that the
    # whole fits at a scale where labels can still be read
    net.barnes_hut(gravity=-3000, spring_length=80 if len(g) > SPREAD_BELOW else 160)
    for key in sorted(g):
        d = g.nodes[key]
        color, shape, _, _ = CLASSES[d["cls"]]
        codes = [c for c in d.get("country", "").split(";") if c]
        border = colours.get(codes[0], NO_COUNTRY) if codes else NO_COUNTRY
        if d["cls"] == "Country":
            color = border
        small = d["cls"] in ("Commitment", "Target")
        net.add_node(key, label=short_label(d["label"]), title=tooltip(d, titles),
                     color={"background": color, "border": border,
                            "highlight": {"background": color, "border": "#000000"}},
                     borderWidth=3 if codes else 1, shape=shape, value=1 + degree.get(key, 0),
                     font={"size": 14 if small else 20}, hidden=key not in shown, physics=key in shown,
                     kgClass=d["cls"], kgLabel=d["label"], country=d.get("country", ""),
                     eventType=d.get("type", "") if d["cls"] == "Event" else "",
                     start=d.get("start", ""), articles=d.get("articles", ""))
    for s, o, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[3]["kind"], e[3]["label"])):
        label = d["label"] if not big and g.nodes[s]["cls"] != "Commitment" else ""
        visible = (s, o, k) in shown_edges
        net.add_edge(s, o, title=f"{d['label']} ({d['kind']})", label=label, arrows="" if "weight" in d else "to",
                     kind=d["kind"], toCountry=g.nodes[s]["cls"] == "Country" or g.nodes[o]["cls"] == "Country",
                     hidden=not visible, physics=visible, width=min(1 + d.get("weight", 1) / 2, 6),
                     color={"color": "#bbbbbb", "opacity": 0.6}, font={"size": 9, "color": "#777777"})
    options = {"physics": {"stabilization": {"iterations": 200 if big else 400}},
               "layout": {"improvedLayout": not big},
               "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big}}
    net.set_options(json.dumps(options))
    page = CDN_TAG.sub("", net.generate_html(notebook=False))
    heading = page_heading(g, title, bool(note))
    page = page.replace("<head>", f"<head><title>{html.escape(heading)}</title>", 1)
    return page.replace("<body>", "<body>" + panel(g, note, heading, colours), 1).replace("</body>", SCRIPT + "</body>", 1)


def page_heading(g: nx.MultiDiGraph, title: str, overview_shown: bool) -> str:
    """What the page shows: the title the caller gives (a selection's), else the whole graph's."""
    if title and title != DEFAULT_TITLE:
        return title
    return "Mạng lưới quan hệ: tổng quan" if overview_shown else "Mạng lưới quan hệ: toàn bộ đồ thị"


def panel(g: nx.MultiDiGraph, note: str, heading: str, colours: dict[str, str]) -> str:
    def options(pairs):
        return "".join(f'<option value="{html.escape(v)}">{html.escape(text)}</option>'
                       for v, text in sorted(pairs, key=lambda p: p[1].casefold()) if v)
    names = country_names(g)
    countries = {c for _, d in g.nodes(data=True) for c in d.get("country", "").split(";") if c}
    country_options = "".join(
        f'<option value="{html.escape(c)}" style="color:{colours.get(c, NO_COUNTRY)}">■ {html.escape(names.get(c, c))}</option>'
        for c in sorted(countries, key=lambda c: names.get(c, c).casefold()))
    coloured = [c for c in colours if colours[c] != OTHER_COUNTRY]
    swatches = " ".join(f'<span class="kg-swatch"><b style="color:{colours[c]}">■</b> {html.escape(names.get(c, c))}</span>'
                        for c in coloured)
    if len(coloured) < len(countries):
        swatches += f' <span class="kg-swatch"><b style="color:{OTHER_COUNTRY}">■</b> khác</span>'

    types = {(d.get("type", ""), d.get("type_label") or d.get("type", "")) for _, d in g.nodes(data=True) if d["cls"] == "Event"}
    titles = g.graph.get("article_titles", {})
    articles = {(a, titles.get(a, a)) for _, d in g.nodes(data=True) for a in d.get("articles", "").split(";") if a}
    present = Counter(d["cls"] for _, d in g.nodes(data=True))
    classes = "".join(
        f'<label style="display:block"><input type="checkbox" class="kg-class" value="{c}" checked> '
        f'<b style="color:{color}">●</b> {html.escape(vi)} <small>({html.escape(en)}, {present[c]})</small></label>'
        for c, (color, _, vi, en) in CLASSES.items() if c in present)
    datalist = "".join(f'<option value="{html.escape(d["label"])}">'
                       for _, d in sorted(g.nodes(data=True), key=lambda x: x[1]["label"]))
    counts = ", ".join(f"{present[c]} {CLASSES[c][2].casefold()}" for c in CLASSES if present[c])
    return f"""<div id="kg-panel">
<h1 id="kg-heading">{html.escape(heading)}</h1>
<div id="kg-summary">{html.escape(counts)}</div>
<div id="legend"><b>Lớp (class)</b>{classes}</div>
<label><input type="checkbox" id="kg-country-edges"> Hiện quốc gia và các cạnh nối tới quốc gia</label>
<label><input type="checkbox" id="kg-isolated"> Hiện các nút không có liên kết hiển thị</label>
<label>Quốc gia (viền nút) <select id="kg-country"><option value="">tất cả</option>{country_options}</select></label>
<div id="kg-countries">{swatches}</div>
<label>Loại sự kiện <select id="kg-type"><option value="">tất cả</option>{options(types)}</select></label>
<label>Từ ngày <input id="kg-from" type="date"></label>
<label>Đến ngày <input id="kg-to" type="date"></label>
<label>Bài báo <select id="kg-article"><option value="">tất cả</option>{options(articles)}</select></label>
<label>Tìm <input id="kg-search" list="kg-names" placeholder="tên người, sự kiện…"></label>
<datalist id="kg-names">{datalist}</datalist>
<div id="kg-count"></div>
<div id="kg-note">{html.escape(note)}</div>
<div id="kg-details">Nhấp vào một nút để xem chi tiết và câu trích dẫn.</div>
</div>
<style>
html,body{{height:100%;margin:0}}
body{{display:flex;font-family:system-ui,sans-serif;font-size:13px}}
#kg-panel{{width:280px;flex:none;overflow:auto;padding:8px;border-right:1px solid #ddd;background:#fafafa}}
#kg-panel h1{{font-size:16px;margin:0 0 4px}} #kg-summary{{color:#555;margin-bottom:6px}}
#kg-panel label{{display:block;margin:6px 0}} #kg-panel select,#kg-panel input[type=date],#kg-search{{width:100%}}
#kg-details{{white-space:pre-wrap;margin-top:10px;padding:6px;background:#fff;border:1px solid #eee}}
.kg-swatch{{margin-right:8px;white-space:nowrap}}
#kg-note{{color:#a33;margin-top:6px}} .card{{flex:1;height:100%}} #mynetwork{{height:100%!important;border:0!important}}
div.vis-tooltip{{white-space:pre-wrap;max-width:420px}}
</style>"""


SCRIPT = """<script>
(function () {
  const all = nodes.get();
  const allEdges = edges.get();
  const byId = new Map(all.map((n) => [n.id, n]));
  const $ = (id) => document.getElementById(id);
  let placed = new Set(all.filter((n) => !n.hidden).map((n) => n.id));   // nodes the layout has placed
  function wanted(n, f) {   // class, event type and date range
    if (!f.classes.has(n.kgClass)) return false;
    if (n.kgClass === "Country" && !f.countries) return false;
    if (f.type && n.kgClass === "Event" && n.eventType !== f.type) return false;
    if ((f.from || f.to) && n.kgClass === "Event") {
      const d = n.start || "";
      if (!d || d.startsWith("--")) return false;
      if (f.from && d < f.from.slice(0, d.length)) return false;
      if (f.to && d > f.to) return false;
    }
    return true;
  }
  function own(n, key, value) {  // true / false, or null when the node has no such data of its own
    if (!value) return true;
    return n[key] ? n[key].split(";").includes(value) : null;
  }
  function largestPart(ids, shownEdges) {   // the largest connected set of the shown nodes
    const next = new Map([...ids].map((id) => [id, []]));
    for (const e of shownEdges) { next.get(e.from).push(e.to); next.get(e.to).push(e.from); }
    let best = [];
    const seen = new Set();
    for (const id of ids) {
      if (seen.has(id)) continue;
      const part = [id];
      seen.add(id);
      for (let i = 0; i < part.length; i++)
        for (const m of next.get(part[i])) if (!seen.has(m)) { seen.add(m); part.push(m); }
      if (part.length > best.length) best = part;
    }
    return best;
  }
  function fit() {
    const part = window.kgLargest || [];
    const how = {animation: false};     // a handful of nodes is drawn at most at 1:1 (vis.js), labels readable
    if (part.length) network.fit({...how, nodes: part}); else network.fit(how);
  }
  function apply() {
    const f = {classes: new Set([...document.querySelectorAll(".kg-class:checked")].map((c) => c.value)),
               country: $("kg-country").value, type: $("kg-type").value, from: $("kg-from").value,
               to: $("kg-to").value, article: $("kg-article").value,
               countries: $("kg-country-edges").checked, isolated: $("kg-isolated").checked};
    const keep = new Set(), pending = [];
    for (const n of all) {
      if (!wanted(n, f)) continue;
      const c = own(n, "country", f.country), a = own(n, "articles", f.article);
      if (c === false || a === false) continue;
      if (c === null || a === null) pending.push(n); else keep.add(n.id);
    }
    const usable = (e) => !e.toCountry || f.countries;
    // nodes with no country or article of their own (events, targets …) stay next to a kept node
    const near = new Map();
    for (const e of allEdges) if (usable(e)) {
      (near.get(e.from) || near.set(e.from, []).get(e.from)).push(e.to);
      (near.get(e.to) || near.set(e.to, []).get(e.to)).push(e.from);
    }
    for (const n of pending) if ((near.get(n.id) || []).some((m) => keep.has(m))) keep.add(n.id);
    const shownEdges = allEdges.filter((e) => usable(e) && keep.has(e.from) && keep.has(e.to));
    const linked = new Set(shownEdges.flatMap((e) => [e.from, e.to]));
    let visible = new Set([...keep].filter((id) => f.isolated || linked.has(id)));   // what no longer connects goes
    if (!visible.size) visible = keep;      // nothing linked at all: the kept nodes themselves, not an empty page
    nodes.update(all.map((n) => ({id: n.id, hidden: !visible.has(n.id), physics: visible.has(n.id)})));
    const on = new Set(shownEdges.map((e) => e.id));
    edges.update(allEdges.map((e) => ({id: e.id, hidden: !on.has(e.id), physics: on.has(e.id)})));
    window.kgLargest = largestPart(visible, shownEdges);
    $("kg-count").textContent = visible.size + " / " + all.length + " nút hiển thị; phần liên thông lớn nhất: "
      + window.kgLargest.length;
    window.kgVisibleCount = visible.size;
    const fresh = [...visible].some((id) => !placed.has(id));
    if (fresh && window.kgSettled) {   // nodes never laid out (countries, loners): settle them, then fit
      visible.forEach((id) => placed.add(id));
      window.kgSettled = false;
      network.setOptions({physics: {enabled: true}});
      network.stabilize(150);
    } else if (window.kgSettled) {
      fit();
    }
  }
  function show(id) {
    const n = byId.get(id);
    if (n) $("kg-details").textContent = n.title;
  }
  document.querySelectorAll("#kg-panel select, #kg-panel input[type=checkbox], #kg-panel input[type=date]")
    .forEach((el) => el.addEventListener("change", apply));
  $("kg-search").addEventListener("change", (e) => {
    const text = e.target.value.trim().toLowerCase();
    const hit = all.find((n) => n.kgLabel.toLowerCase() === text) || all.find((n) => n.kgLabel.toLowerCase().includes(text));
    if (!hit) return;
    if (nodes.get(hit.id).hidden) { nodes.update({id: hit.id, hidden: false}); }
    network.selectNodes([hit.id]);
    network.focus(hit.id, {scale: 1.3, animation: false});
    show(hit.id);
  });
  network.on("click", (p) => { if (p.nodes.length) show(p.nodes[0]); });
  network.on("stabilizationIterationsDone", () => {
    network.setOptions({physics: {enabled: false}});
    const bar = document.getElementById("loadingBar");
    if (bar) bar.style.display = "none";
    fit();
    window.kgSettled = true;
  });
  apply();
})();
</script>
"""
