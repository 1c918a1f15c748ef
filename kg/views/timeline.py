"""The timeline view: events on a time axis, one row per actor or per country (a switch on the page),
each event linked to its evidence sentence and article. Plain SVG drawn by a few lines of script:
no library, no network."""
from __future__ import annotations

import html
import json

import networkx as nx

from kg.views.model import CLASSES

PEOPLE_EDGES = {"attended", "co-chaired", "hosted"}


def timeline_events(g: nx.MultiDiGraph) -> tuple[list[dict], list[dict]]:
    """(dated events, events known only by day and month or not at all)."""
    dated, undated = [], []
    for key, d in sorted(g.nodes(data=True), key=lambda x: (x[1].get("start", ""), x[0])):
        if d["cls"] != "Event":
            continue
        actors = sorted({g.nodes[s]["label"] for s, _, e in g.in_edges(key, data=True)
                         if e["kind"] in PEOPLE_EDGES and g.nodes[s]["cls"] == "Person"})
        countries = sorted({c for s, _, e in g.in_edges(key, data=True) if e["kind"] in PEOPLE_EDGES
                            for c in g.nodes[s].get("country", "").split(";") if c})
        item = {"id": key, "label": d["label"], "type": d.get("type", ""), "start": d.get("start", ""),
                "end": d.get("end", ""), "actors": actors, "countries": countries,
                "evidence": d.get("evidence", ""), "article": d.get("evidence_article", ""),
                "articles": [a for a in d.get("articles", "").split(";") if a]}
        start = item["start"]
        (dated if start and not start.startswith("--") else undated).append(item)
    return dated, undated


def timeline_html(g: nx.MultiDiGraph, title: str = "kg timeline") -> str:
    dated, undated = timeline_events(g)
    data = json.dumps({"events": dated, "undated": undated}, ensure_ascii=False).replace("</", "<\\/")
    colour = CLASSES["Event"][0]
    return PAGE.replace("{{title}}", html.escape(title)).replace("{{data}}", data).replace("{{colour}}", colour)


PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{{title}}</title>
<style>
body{font:13px system-ui,sans-serif;margin:12px;color:#222}
#controls{margin-bottom:8px} svg{border:1px solid #eee;background:#fff}
.row-label{font-size:12px;fill:#333} .axis{font-size:11px;fill:#777} .grid{stroke:#eee}
.ev{cursor:pointer;fill:{{colour}};stroke:#8a5a00} .ev:hover{fill:#e4572e}
#details{white-space:pre-wrap;margin-top:10px;padding:8px;border:1px solid #eee;max-width:900px}
</style></head><body>
<h2>{{title}}</h2>
<div id="controls">Nhóm theo (group by):
<label><input type="radio" name="group" value="actors" checked> người (actor)</label>
<label><input type="radio" name="group" value="countries"> quốc gia (country)</label>
<span id="count"></span></div>
<div id="chart"></div>
<div id="details">Nhấp vào một sự kiện để xem câu trích dẫn và bài báo (click an event for its evidence).</div>
<div id="undated"></div>
<script>
const DATA = {{data}};
const NS = "http://www.w3.org/2000/svg";
function day(s) {            // "2025", "2025-09" or "2025-09-10" → ms since epoch (start of the period)
  const p = s.split("-").map(Number);
  return Date.UTC(p[0], (p[1] || 1) - 1, p[2] || 1);
}
function el(name, attrs, text) {
  const e = document.createElementNS(NS, name);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  if (text !== undefined) e.textContent = text;
  return e;
}
function details(ev) {
  const lines = [ev.label, "Loại: " + ev.type, "Ngày: " + ev.start + (ev.end ? " – " + ev.end : ""),
                 "Người: " + ev.actors.join(", "), "Quốc gia: " + ev.countries.join(", ")];
  if (ev.evidence) lines.push("«" + ev.evidence + "»");
  lines.push("Bài: " + ev.articles.join(", "));
  document.getElementById("details").textContent = lines.join("\\n");
}
function draw(group) {
  const rows = new Map();
  for (const ev of DATA.events) {
    const keys = ev[group].length ? ev[group] : ["(không rõ)"];
    for (const k of keys) { if (!rows.has(k)) rows.set(k, []); rows.get(k).push(ev); }
  }
  const names = [...rows.keys()].sort((a, b) => rows.get(b).length - rows.get(a).length || a.localeCompare(b));
  const times = DATA.events.map((e) => day(e.start));
  const lo = Math.min(...times), hi = Math.max(...times);
  const pad = Math.max((hi - lo) * 0.03, 86400000 * 15);
  const left = 190, width = Math.max(700, window.innerWidth - 60), rowH = 26, top = 30;
  const x = (t) => left + (t - (lo - pad)) / ((hi + pad) - (lo - pad)) * (width - left - 20);
  // events of one row that would overlap go to lanes below each other
  const layout = names.map((name) => {
    const lanes = [];
    const bars = rows.get(name).slice().sort((a, b) => day(a.start) - day(b.start)).map((ev) => {
      const x0 = x(day(ev.start)) - 4, x1 = Math.max(ev.end ? x(day(ev.end)) : x0, x0 + 12);
      let lane = lanes.findIndex((end) => end < x0);
      if (lane < 0) { lane = lanes.length; lanes.push(0); }
      lanes[lane] = x1 + 2;
      return {ev, x0, x1, lane};
    });
    return {name, bars, height: Math.max(rowH, lanes.length * 16 + 10)};
  });
  const total = layout.reduce((h, r) => h + r.height, 0);
  const svg = el("svg", {width: width, height: top + total + 10});
  const years = [];
  for (let y = new Date(lo - pad).getUTCFullYear(); y <= new Date(hi + pad).getUTCFullYear(); y++) years.push(y);
  for (const y of years) for (let m = 0; m < 12; m += (years.length > 3 ? 12 : 3)) {
    const t = Date.UTC(y, m, 1);
    if (t < lo - pad || t > hi + pad) continue;
    svg.appendChild(el("line", {x1: x(t), x2: x(t), y1: top - 5, y2: top + total, class: "grid"}));
    svg.appendChild(el("text", {x: x(t) + 2, y: top - 10, class: "axis"}, m ? y + "-" + String(m + 1).padStart(2, "0") : String(y)));
  }
  let y0 = top;
  for (const row of layout) {
    svg.appendChild(el("text", {x: 4, y: y0 + 16, class: "row-label"}, row.name.length > 28 ? row.name.slice(0, 27) + "…" : row.name));
    svg.appendChild(el("line", {x1: 0, x2: width, y1: y0, y2: y0, class: "grid"}));
    for (const b of row.bars) {
      const r = el("rect", {x: b.x0, y: y0 + 5 + b.lane * 16, width: b.x1 - b.x0, height: 13, rx: 4, class: "ev", "data-id": b.ev.id});
      r.appendChild(el("title", {}, b.ev.label + " (" + b.ev.start + ")"));
      r.addEventListener("click", () => details(b.ev));
      svg.appendChild(r);
    }
    y0 += row.height;
  }
  const chart = document.getElementById("chart");
  chart.textContent = "";
  chart.appendChild(svg);
  document.getElementById("count").textContent = " — " + DATA.events.length + " sự kiện có ngày, " + names.length + " hàng";
  window.kgRows = names.length;
}
document.querySelectorAll("input[name=group]").forEach((r) => r.addEventListener("change", (e) => draw(e.target.value)));
if (DATA.events.length) draw("actors"); else document.getElementById("chart").textContent = "Không có sự kiện nào có ngày.";
if (DATA.undated.length) {
  const box = document.getElementById("undated");
  box.appendChild(Object.assign(document.createElement("h3"), {textContent: "Chưa rõ năm (no year): " + DATA.undated.length}));
  const list = document.createElement("ul");
  for (const ev of DATA.undated) {
    const li = document.createElement("li");
    const a = Object.assign(document.createElement("a"), {href: "#", textContent: ev.label + (ev.start ? " (" + ev.start + ")" : "")});
    a.addEventListener("click", (e) => { e.preventDefault(); details(ev); });
    li.appendChild(a); list.appendChild(li);
  }
  box.appendChild(list);
}
</script></body></html>
"""
