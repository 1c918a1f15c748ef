"""The network view: pyvis with vis.js inlined (the page opens from disk with no network). Nodes are
shaped and coloured by class with a legend and sized by degree; edges carry their label; hovering or
clicking a node shows its posts, dates, evidence sentence and article. A side panel filters by class,
country, event type, date range and article and searches for a node. Physics settles, then stops.
Large graphs fold commitments and targets into their event's tooltip, then keep the best-connected
nodes, and say so on the page."""
from __future__ import annotations

import html
import json
import re
from collections import Counter

import networkx as nx
from pyvis.network import Network

from kg.views.model import CLASSES

CDN_TAG = re.compile(r"<(?:link|script)[^>]+(?:href|src)=\"https?://[^\"]+\"[^>]*>(?:\s*</script>)?", re.I)
FOLD_ABOVE = 2500      # nodes: fold commitments and targets into their events
KEEP_AT_MOST = 4000    # nodes: then keep the best connected
BIG = 1000             # nodes: no edge labels, a quicker layout


def tooltip(data: dict) -> str:
    lines = [f"{CLASSES[data['cls']][2]}: {data['label']}"]
    if data.get("type"):
        lines.append(f"Loại: {data['type']}")
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
        lines.append(f"Bài: {', '.join(data['articles'].split(';'))}")
    return "\n".join(lines)


def reduce_for_display(g: nx.MultiDiGraph) -> tuple[nx.MultiDiGraph, str]:
    """(graph to draw, note for the page). Small graphs are drawn whole."""
    if len(g) <= FOLD_ABOVE:
        return g, ""
    g = g.copy()
    folded = Counter()
    for n, d in list(g.nodes(data=True)):
        if d["cls"] == "Commitment":
            for e in g.successors(n):
                if g.nodes[e]["cls"] == "Event":
                    folded[e] += 1
    g.remove_nodes_from([n for n, d in list(g.nodes(data=True)) if d["cls"] in ("Commitment", "Target")])
    for e, count in folded.items():
        g.nodes[e]["folded"] = f"{count} cam kết"
    note = f"Đồ thị lớn: cam kết và mục tiêu được gộp vào sự kiện ({sum(folded.values())} cam kết)."
    if len(g) > KEEP_AT_MOST:
        total = len(g)
        degree = dict(nx.Graph(g).degree())
        keep = sorted(g, key=lambda n: (-degree[n], n))[:KEEP_AT_MOST]
        g = g.subgraph(keep).copy()
        note += f" Hiển thị {KEEP_AT_MOST} trên {total} nút có nhiều liên kết nhất; dùng --focus, --event hoặc --between để xem phần còn lại."
    return g, note


def network_html(g: nx.MultiDiGraph, title: str = "kg") -> str:
    g, note = reduce_for_display(g)
    big = len(g) > BIG
    degree = dict(nx.Graph(g).degree()) if len(g) else {}
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    net.barnes_hut(gravity=-6000, spring_length=140)
    for key in sorted(g):
        d = g.nodes[key]
        color, shape, _, _ = CLASSES[d["cls"]]
        text = d["label"]
        short = "" if d["cls"] in ("Commitment",) else (text if len(text) <= 34 else text[:32] + "…")
        net.add_node(key, label=short, title=tooltip(d), color=color, shape=shape, value=1 + degree.get(key, 0),
                     font={"size": 16 if d["cls"] != "Commitment" else 10},
                     kgClass=d["cls"], kgLabel=text, country=d.get("country", ""), eventType=d.get("type", "") if d["cls"] == "Event" else "",
                     start=d.get("start", ""), articles=d.get("articles", ""))
    for s, o, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2]["kind"], e[2]["label"])):
        show = not big and g.nodes[s]["cls"] != "Commitment"
        net.add_edge(s, o, title=f"{d['label']} ({d['kind']})", label=d["label"] if show else "", arrows="to",
                     kind=d["kind"], color={"color": "#bbbbbb", "opacity": 0.6}, font={"size": 9, "color": "#777777"})
    options = {"physics": {"stabilization": {"iterations": 200 if big else 400}},
               "layout": {"improvedLayout": not big},
               "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big}}
    net.set_options(json.dumps(options))
    page = CDN_TAG.sub("", net.generate_html(notebook=False))
    page = page.replace("<head>", f"<head><title>{html.escape(title)}</title>", 1)
    return page.replace("<body>", "<body>" + panel(g, note), 1).replace("</body>", SCRIPT + "</body>", 1)


def panel(g: nx.MultiDiGraph, note: str) -> str:
    def options(values):
        return "".join(f'<option value="{html.escape(v)}">{html.escape(v)}</option>' for v in sorted(values) if v)
    countries = {c for _, d in g.nodes(data=True) for c in d.get("country", "").split(";")}
    types = {d.get("type", "") for _, d in g.nodes(data=True) if d["cls"] == "Event"}
    articles = {a for _, d in g.nodes(data=True) for a in d.get("articles", "").split(";")}
    present = {d["cls"] for _, d in g.nodes(data=True)}
    classes = "".join(
        f'<label style="display:block"><input type="checkbox" class="kg-class" value="{c}" checked> '
        f'<b style="color:{color}">●</b> {html.escape(vi)} <small>({html.escape(en)})</small></label>'
        for c, (color, _, vi, en) in CLASSES.items() if c in present)
    names = "".join(f'<option value="{html.escape(d["label"])}">' for _, d in sorted(g.nodes(data=True), key=lambda x: x[1]["label"])
                    if d["cls"] != "Commitment")
    return f"""<div id="kg-panel">
<div id="legend"><b>Lớp (class)</b>{classes}</div>
<label>Quốc gia <select id="kg-country"><option value="">tất cả</option>{options(countries)}</select></label>
<label>Loại sự kiện <select id="kg-type"><option value="">tất cả</option>{options(types)}</select></label>
<label>Từ ngày <input id="kg-from" type="date"></label>
<label>Đến ngày <input id="kg-to" type="date"></label>
<label>Bài báo <select id="kg-article"><option value="">tất cả</option>{options(articles)}</select></label>
<label>Tìm <input id="kg-search" list="kg-names" placeholder="tên người, sự kiện…"></label>
<datalist id="kg-names">{names}</datalist>
<div id="kg-count"></div>
<div id="kg-note">{html.escape(note)}</div>
<div id="kg-details">Nhấp vào một nút để xem chi tiết và câu trích dẫn.</div>
</div>
<style>
html,body{{height:100%;margin:0}}
body{{display:flex;font-family:system-ui,sans-serif;font-size:13px}}
#kg-panel{{width:270px;flex:none;overflow:auto;padding:8px;border-right:1px solid #ddd;background:#fafafa}}
#kg-panel label{{display:block;margin:6px 0}} #kg-panel select,#kg-panel input[type=date],#kg-search{{width:100%}}
#kg-details{{white-space:pre-wrap;margin-top:10px;padding:6px;background:#fff;border:1px solid #eee}}
#kg-note{{color:#a33;margin-top:6px}} .card{{flex:1;height:100%}} #mynetwork{{height:100%!important;border:0!important}}
div.vis-tooltip{{white-space:pre-wrap;max-width:420px}}
</style>"""


SCRIPT = """<script>
(function () {
  const all = nodes.get();
  const byId = new Map(all.map((n) => [n.id, n]));
  const $ = (id) => document.getElementById(id);
  function neighbours(id) { return network.getConnectedNodes(id); }
  function wanted(n, f) {   // class, event type and date range
    if (!f.classes.has(n.kgClass)) return false;
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
  function apply() {
    const f = {classes: new Set([...document.querySelectorAll(".kg-class:checked")].map((c) => c.value)),
               country: $("kg-country").value, type: $("kg-type").value, from: $("kg-from").value,
               to: $("kg-to").value, article: $("kg-article").value};
    const keep = new Set(), pending = [];
    for (const n of all) {
      if (!wanted(n, f)) continue;
      const c = own(n, "country", f.country), a = own(n, "articles", f.article);
      if (c === false || a === false) continue;
      if (c === null || a === null) pending.push(n); else keep.add(n.id);
    }
    // nodes with no country or article of their own (events, targets …) stay next to a kept node
    for (const n of pending) if (neighbours(n.id).some((m) => keep.has(m))) keep.add(n.id);
    nodes.update(all.map((n) => ({id: n.id, hidden: !keep.has(n.id)})));
    $("kg-count").textContent = keep.size + " / " + all.length + " nút hiển thị";
    window.kgVisibleCount = keep.size;
  }
  function show(id) {
    const n = byId.get(id);
    if (n) $("kg-details").textContent = n.title;
  }
  document.querySelectorAll("#kg-panel select, #kg-panel input.kg-class, #kg-panel input[type=date]")
    .forEach((el) => el.addEventListener("change", apply));
  $("kg-search").addEventListener("change", (e) => {
    const text = e.target.value.trim().toLowerCase();
    const hit = all.find((n) => n.kgLabel.toLowerCase() === text) || all.find((n) => n.kgLabel.toLowerCase().includes(text));
    if (!hit) return;
    if (hit.hidden) { nodes.update({id: hit.id, hidden: false}); }
    network.selectNodes([hit.id]);
    network.focus(hit.id, {scale: 1.3, animation: true});
    show(hit.id);
  });
  network.on("click", (p) => { if (p.nodes.length) show(p.nodes[0]); });
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({physics: false});
    const bar = document.getElementById("loadingBar");
    if (bar) bar.style.display = "none";
    network.fit();
    window.kgSettled = true;
  });
  apply();
})();
</script>
"""
