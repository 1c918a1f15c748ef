"""The timeline view: events on a time axis drawn by vis-timeline (inlined from kg/views/assets, so the
page works offline as one file), one row per person or per country (a switch on the page), coloured by
event type with a legend, each event linked to its evidence sentence and article. Events whose year is
unknown are listed under the axis with their day and month written out."""
from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from importlib import resources

import networkx as nx

from kg import lexicons

PEOPLE_EDGES = {"attended", "co-chaired", "hosted"}
ASSETS = "assets"
LIBRARY = "vis-timeline-graph2d.min.js"
STYLES = "vis-timeline-graph2d.min.css"
# Tableau 20's strong hues, one per event type in the order of the events lexicon: distinct side by side
# and readable under dark text once lightened (the page lightens the fill, the border keeps the hue).
PALETTE = ("#4e79a7", "#e15759", "#f28e2b", "#76b7b2", "#59a14f", "#b07aa1", "#9c755f", "#edc948",
           "#17becf", "#ff9da7", "#8cd17d", "#d37295", "#b6992d", "#499894", "#86bcb6", "#bab0ac")
OTHER = "#9d9d9d"
BUDGET = 150       # events of one row in view at most: the widest zoom of a very dense timeline


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return resources.files("kg.views").joinpath(ASSETS, name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def event_types() -> dict[str, tuple[str, str]]:
    """Event type notation → (Vietnamese name, colour), in the order of the events lexicon."""
    types = lexicons.load("events")["types"]
    return {t["notation"]: (t["vi"], PALETTE[i % len(PALETTE)]) for i, t in enumerate(types)}


def country_name(code: str) -> str:
    entry = lexicons.countries().get(code)
    return entry["vi"] if entry and entry.get("vi") else code


def when(start: str, end: str = "") -> str:
    """A date as a Vietnamese reader writes it, at the precision it is known: '1/12/2025', 'tháng 1/2023',
    'năm 2023', 'ngày 10/9, năm không rõ' (an XSD --MM-DD), a range 'ngày 10/9 – 13/9, năm không rõ'."""
    if not start:
        return "chưa rõ ngày"
    if start.startswith("--"):
        first, last = _month_day(start), _month_day(end) if end.startswith("--") else ""
        unit = "ngày" if start.count("-") == 3 else "tháng"
        span = f"{first} – {last}" if last and last != first else first
        return f"{unit} {span}, năm không rõ"
    first, last = _dated(start), _dated(end) if end and not end.startswith("--") else ""
    return f"{first} – {last}" if last and last != first else first


def _month_day(value: str) -> str:
    parts = [int(p) for p in value.strip("-").split("-")]
    return f"{parts[1]}/{parts[0]}" if len(parts) == 2 else str(parts[0])


def _dated(value: str) -> str:
    day, _, clock = value.partition("T")
    parts = [int(p) for p in day.split("-")]
    if len(parts) == 1:
        return f"năm {parts[0]}"
    if len(parts) == 2:
        return f"tháng {parts[1]}/{parts[0]}"
    text = f"{parts[2]}/{parts[1]}/{parts[0]}"
    return f"{clock[:5]} {text}" if clock[:5] not in ("", "00:00") else text


def timeline_events(g: nx.MultiDiGraph) -> tuple[list[dict], list[dict]]:
    """(dated events, events known only by day and month or not at all). Each event: id, label, type and
    its Vietnamese name, start, end, `when` (the date written out), the persons taking part (`actors`),
    the organizations taking part (`bodies`), the countries of both, evidence sentence and articles."""
    dated, undated = [], []
    types = event_types()
    for key, d in sorted(g.nodes(data=True), key=lambda x: (x[1].get("start", ""), x[0])):
        if d["cls"] != "Event":
            continue
        takers = [g.nodes[s] for s, _, e in g.in_edges(key, data=True) if e["kind"] in PEOPLE_EDGES]
        actors = sorted({t["label"] for t in takers if t["cls"] == "Person"})
        bodies = sorted({t["label"] for t in takers if t["cls"] == "Organization"})
        countries = sorted({country_name(c) for t in takers for c in t.get("country", "").split(";") if c})
        kind = d.get("type", "")
        item = {"id": key, "label": d["label"], "type": kind, "type_name": types.get(kind, (kind or "khác",))[0],
                "start": d.get("start", ""), "end": d.get("end", ""), "when": when(d.get("start", ""), d.get("end", "")),
                "actors": actors, "bodies": bodies, "countries": countries,
                "evidence": d.get("evidence", ""), "article": d.get("evidence_article", ""),
                "articles": [a for a in d.get("articles", "").split(";") if a]}
        start = item["start"]
        (dated if start and not start.startswith("--") else undated).append(item)
    return dated, undated


def summary(dated: list[dict], undated: list[dict]) -> str:
    """One line saying what the page shows: how many events, over which span, how many without a year."""
    if dated:
        first, last = dated[0]["start"], max(e["end"] or e["start"] for e in dated)
        span = _dated(first) if first == last else f"từ {_dated(first)} đến {_dated(last)}"
        text = f"{len(dated)} sự kiện có ngày, {span}"
    else:
        text = "Không có sự kiện nào có ngày"
    if undated:
        text += f"; {len(undated)} sự kiện chưa rõ năm, liệt kê bên dưới"
    return text + "."


def _tint(colour: str, white: float = 0.55) -> str:
    """The colour mixed with white: a fill that dark text stays readable on."""
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * white):02x}" for c in rgb)


def _type_styles() -> str:
    rules = [f".vis-timeline .vis-item.kg-t-{code}{{background:{_tint(colour)};border-color:{colour}}}"
             f".kg-sw-{code}{{fill:{colour};background:{colour}}}" for code, (_, colour) in event_types().items()]
    rules.append(f".vis-timeline .vis-item.kg-t-other{{background:{_tint(OTHER)};border-color:{OTHER}}}.kg-sw-other{{fill:{OTHER};background:{OTHER}}}")
    return "\n".join(rules)


def legend(events: list[dict]) -> list[dict]:
    """The event types on the page in the order of the lexicon, each with its name, CSS class and count;
    a type the lexicon does not know is counted under 'khác' (other)."""
    known = event_types()
    counts: dict[str, int] = {}
    for e in events:
        key = e["type"] if e["type"] in known else "other"
        counts[key] = counts.get(key, 0) + 1
    order = list(known) + ["other"]
    return [{"type": key, "name": known.get(key, ("khác",))[0], "count": counts[key]}
            for key in sorted(counts, key=order.index)]


def timeline_html(g: nx.MultiDiGraph, title: str = "Dòng thời gian sự kiện", budget: int = BUDGET) -> str:
    """The page; `budget` bounds the events of one row in view, which bounds how far out a dense timeline zooms."""
    dated, undated = timeline_events(g)
    data = {"events": dated, "undated": undated, "legend": legend(dated + undated)}
    parts = {"title": html.escape(title), "summary": html.escape(summary(dated, undated)), "types": _type_styles(),
             "known": json.dumps(sorted(event_types())), "budget": str(budget), "styles": _asset(STYLES), "library": _asset(LIBRARY),
             "data": json.dumps(data, ensure_ascii=False).replace("</", "<\\/")}
    # one pass, so that no inserted text (an article's words, the library) is read as a placeholder
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], PAGE)


PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{{title}}</title>
<style>{{styles}}</style>
<style>
body{font:14px system-ui,sans-serif;margin:12px 16px;color:#222}
h1{font-size:20px;margin:0 0 2px} #kg-summary{margin:0 0 8px;color:#555}
#controls{display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center;margin-bottom:6px}
#controls button{font:inherit;padding:1px 8px}
#legend{display:flex;flex-wrap:wrap;gap:4px 14px;margin:4px 0 8px}
#legend label{cursor:pointer;white-space:nowrap}
.sw{display:inline-block;width:11px;height:11px;border-radius:2px;vertical-align:-1px;margin-right:4px}
.vis-timeline{border:1px solid #ddd;background:#fff}
.vis-item{color:#1a1a1a;font-size:12px;border-width:1px}
.vis-item.vis-point{border:1px solid;border-radius:4px;padding-right:2px}
.vis-item.vis-point .vis-dot{display:none}
.vis-item .vis-item-content{padding:2px 5px}
.vis-item.kg-vague{border-style:dashed}
.vis-item.vis-selected{border-color:#222;box-shadow:0 0 0 2px #2226}
.vis-item svg{vertical-align:-1px;margin-right:4px}
.vis-labelset .vis-label .vis-inner{max-width:230px;white-space:normal;line-height:1.25}
.vis-time-axis .vis-text{color:#444} .vis-time-axis .vis-text.vis-major{font-weight:600}
#details{white-space:pre-wrap;margin-top:10px;padding:8px;border:1px solid #eee;max-width:960px}
#undated ul{columns:2 420px;padding-left:18px} #undated li{margin:2px 0;break-inside:avoid}
#undated .when{color:#555}
{{types}}
</style></head><body>
<h1>{{title}}</h1>
<p id="kg-summary">{{summary}}</p>
<div id="controls">
<span>Nhóm theo:
<label><input type="radio" name="group" value="actors" checked> người tham dự</label>
<label><input type="radio" name="group" value="countries"> quốc gia</label></span>
<span>Thu phóng:
<button type="button" data-zoom="fit">toàn bộ</button>
<button type="button" data-zoom="decade">thập kỷ</button>
<button type="button" data-zoom="year">năm</button>
<button type="button" data-zoom="month">tháng</button>
<button type="button" data-zoom="day">ngày</button></span>
<span id="count"></span>
</div>
<div id="legend" aria-label="Loại sự kiện"></div>
<div id="chart"></div>
<div id="details">Nhấp vào một sự kiện để xem câu trích dẫn và bài báo.</div>
<div id="undated"></div>
<script>{{library}}</script>
<script>
const DATA = {{data}};
const KNOWN = new Set({{known}});
const BUDGET = {{budget}};
const LISTED = 2000;     // undated events listed at most: past that a list is no longer read
const HOUR = 3600000, DAY = 24 * HOUR, YEAR = 365.25 * DAY;
const NOBODY = {actors: "Không nêu người tham dự", countries: "Không rõ quốc gia"};
const NOBODY_WHY = {actors: "Bài báo không nêu tên người hay tổ chức nào tham dự các sự kiện này",
                    countries: "Không biết quốc gia của người hay tổ chức nào tham dự các sự kiện này"};
function typeClass(ev) { return KNOWN.has(ev.type) ? ev.type : "other"; }
function parse(s) {          // "2025", "2025-09", "2025-09-10" or a date-time → a local Date at the period's start
  if (s.includes("T")) return new Date(s);
  const p = s.split("-").map(Number);
  return new Date(p[0], (p[1] || 1) - 1, p[2] || 1);
}
function swatch(ev) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("width", "10"); svg.setAttribute("height", "10");
  const r = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  r.setAttribute("width", "10"); r.setAttribute("height", "10"); r.setAttribute("rx", "2");
  r.setAttribute("class", "ev kg-sw-" + typeClass(ev));
  svg.appendChild(r);
  return svg;
}
function shorten(label, row) {
  // in a person's row the person's own name is said by the row: the item keeps the rest, cut at a word
  let text = label;
  if (row && label.includes(row) && label.replace(row, "").replace(/[–\\s]/g, "")) {
    text = label.replace(row, "").replace(/\\s*–\\s*(–\\s*)+/g, " – ").replace(/^[\\s–]+|[\\s–]+$/g, "")
                .replace(/\\s{2,}/g, " ");
  }
  if (text.length <= 42) return text;
  const cut = text.slice(0, 41);
  return cut.slice(0, Math.max(cut.lastIndexOf(" "), 24)).replace(/[\\s–,]+$/, "") + "…";
}
function details(ev) {
  const lines = [ev.label, "Loại: " + ev.type_name, "Thời gian: " + ev.when];
  if (ev.actors.length) lines.push("Người: " + ev.actors.join(", "));
  if (ev.bodies.length) lines.push("Tổ chức: " + ev.bodies.join(", "));
  if (ev.countries.length) lines.push("Quốc gia: " + ev.countries.join(", "));
  if (ev.evidence) lines.push("«" + ev.evidence + "»");
  lines.push("Bài: " + ev.articles.join(", "));
  document.getElementById("details").textContent = lines.join("\\n");
}
function rowsOf(ev, group) {
  const keys = group === "actors" ? (ev.actors.length ? ev.actors : ev.bodies) : ev.countries;
  return keys.length ? keys : [NOBODY[group]];
}
const byId = new Map();
const WIDEST = {actors: densest("actors"), countries: densest("countries")};
let widest = WIDEST.actors;
const shown = new Set(DATA.legend.map((l) => l.type));
const items = new vis.DataSet(), groups = new vis.DataSet();
let grouping = "actors", timeline = null, rows = 0;
function fill() {
  const count = new Map();
  for (const ev of DATA.events) {
    if (shown.has(typeClass(ev))) for (const row of rowsOf(ev, grouping)) count.set(row, (count.get(row) || 0) + 1);
  }
  const names = [...count.keys()].sort((a, b) => (a === NOBODY[grouping]) - (b === NOBODY[grouping])
                                             || count.get(b) - count.get(a) || a.localeCompare(b, "vi"));
  const list = [];
  byId.clear();
  for (const ev of DATA.events) {
    if (!shown.has(typeClass(ev))) continue;
    for (const row of rowsOf(ev, grouping)) {
      const id = ev.id + "\u0001" + row;
      byId.set(id, ev);
      const content = document.createElement("span");
      content.appendChild(swatch(ev));
      content.appendChild(document.createTextNode(shorten(ev.label, grouping === "actors" ? row : "")));
      const vague = !ev.start.includes("T") && ev.start.split("-").length < 3;
      const tip = document.createElement("div");
      tip.textContent = ev.label + " — " + ev.type_name + ", " + ev.when;
      list.push({id, group: row, start: parse(ev.start), content, title: tip.innerHTML, type: "point",
                 className: "kg-t-" + typeClass(ev) + (vague ? " kg-vague" : "")});
    }
  }
  items.clear(); groups.clear();
  groups.add(names.map((name, order) => ({id: name, content: name, order,
                                          title: name === NOBODY[grouping] ? NOBODY_WHY[grouping] : name})));
  items.add(list);
  rows = names.length;
  if (window.kgSettled) window.kgRows = rows;   // before the first drawing has settled, tests must wait
  window.kgItems = list.length;
  const n = (x) => x.toLocaleString("vi");
  document.getElementById("count").textContent = n(list.length) + " mục trên " + n(names.length) + " hàng"
    + (widest < Infinity ? "; hàng đông nhất dày sự kiện nên khung nhìn rộng nhất là " + Math.ceil(widest / DAY)
       + " ngày (chọn --focus hoặc --between để xem ít sự kiện hơn)" : "");
}
function densest(group) {
  // the widest window in which no row holds BUDGET events: vis-timeline measures every label of a row in
  // view to stack them, so a row of thousands in view would hang the page
  let widest = Infinity;
  {
    const times = new Map();
    for (const ev of DATA.events) for (const row of rowsOf(ev, group)) {
      if (!times.has(row)) times.set(row, []);
      times.get(row).push(parse(ev.start).valueOf());
    }
    for (const t of times.values()) {
      if (t.length < BUDGET) continue;
      t.sort((a, b) => a - b);
      for (let i = 0; i + BUDGET - 1 < t.length; i++) widest = Math.min(widest, t[i + BUDGET - 1] - t[i]);
    }
  }
  return widest < Infinity ? Math.max(widest, 2 * DAY) : Infinity;
}
// Vietnamese tick labels at every scale (moment's own locale would print English month names)
const FORMAT = {
  minorLabels: {millisecond: "SSS", second: "s", minute: "HH:mm", hour: "HH:mm", weekday: "D/M", day: "D",
                week: "D/M", month: "[tháng] M", year: "YYYY"},
  majorLabels: {millisecond: "HH:mm:ss", second: "HH:mm D/M/YYYY", minute: "D/M/YYYY", hour: "D/M/YYYY",
                weekday: "[tháng] M/YYYY", day: "[tháng] M/YYYY", week: "[tháng] M/YYYY", month: "[năm] YYYY",
                year: ""},
};
function fitAll() {
  // vis-timeline's own fit() counts a point item as its date only (and measures only the rows in view),
  // so a late event's label would run past the right edge: each label's width is measured here and the
  // window chosen in which every label ends inside the chart
  const all = items.get();
  if (!all.length) return;
  if (widest < Infinity) {     // too dense to show whole: the latest events, in the widest window allowed
    const last = Math.max(...all.map((i) => i.start.valueOf()));
    return timeline.setWindow(last - widest * 0.8, last + widest * 0.2, {animation: false});
  }
  const chart = document.querySelector("#chart .vis-panel.vis-center").clientWidth;
  const probe = document.querySelector("#chart .vis-item-content") || document.body;
  const pen = document.createElement("canvas").getContext("2d");
  pen.font = getComputedStyle(probe).font;
  const lo = Math.min(...all.map((i) => i.start.valueOf()));
  const start = lo - 6 * HOUR - (Math.max(...all.map((i) => i.start.valueOf())) - lo) * 0.02;
  let span = 14 * DAY;     // events are known to the day: a narrower window would only show empty hours
  for (const i of all) {
    const share = (pen.measureText(i.content.textContent).width + 40) / chart;   // + swatch, padding, border
    span = Math.max(span, (i.start.valueOf() - start) / Math.max(0.2, 1 - share));
  }
  timeline.setWindow(start, start + span, {animation: false});
}
function uncut() {
  // a tick label drawn across an edge is clipped by the chart ("202" for 2027, "0" for "tháng 10"):
  // hide it rather than show a cut one
  for (const axis of document.querySelectorAll("#chart .vis-time-axis.vis-foreground")) {
    const box = axis.getBoundingClientRect();
    for (const t of axis.querySelectorAll(".vis-text:not(.vis-measure)")) {
      const r = t.getBoundingClientRect();
      t.style.visibility = r.right > box.right + 0.5 || r.left < box.left - 0.5 ? "hidden" : "";
    }
  }
}
function zoom(kind) {
  if (kind === "fit") return fitAll();
  const w = timeline.getWindow(), mid = (w.start.valueOf() + w.end.valueOf()) / 2;
  const half = {decade: 5 * YEAR, year: YEAR / 2, month: 15 * DAY, day: DAY / 2}[kind];
  timeline.setWindow(mid - half, mid + half);
}
function legend() {
  const box = document.getElementById("legend");
  box.appendChild(document.createTextNode("Loại sự kiện:"));
  for (const l of DATA.legend) {
    const label = document.createElement("label");
    const box2 = Object.assign(document.createElement("input"), {type: "checkbox", checked: true, value: l.type, className: "kg-type"});
    box2.addEventListener("change", () => { box2.checked ? shown.add(l.type) : shown.delete(l.type); fill(); });
    const sw = Object.assign(document.createElement("span"), {className: "sw kg-sw-" + l.type});
    label.append(box2, sw, l.name + " (" + l.count + ")");
    box.appendChild(label);
  }
}
function undatedList() {
  if (!DATA.undated.length) return;
  const box = document.getElementById("undated");
  box.appendChild(Object.assign(document.createElement("h2"), {textContent: "Sự kiện chưa rõ năm (" + DATA.undated.length + ")"}));
  box.appendChild(Object.assign(document.createElement("p"),
    {textContent: "Bài báo không cho biết năm của các sự kiện này nên chúng không được đặt trên trục thời gian."}));
  const list = document.createElement("ul");
  for (const ev of DATA.undated.slice(0, LISTED)) {
    const li = document.createElement("li");
    const a = Object.assign(document.createElement("a"), {href: "#", textContent: ev.label});
    a.addEventListener("click", (e) => { e.preventDefault(); details(ev); });
    const who = ev.actors.length ? ev.actors : ev.bodies;
    li.append(Object.assign(document.createElement("span"), {className: "sw kg-sw-" + typeClass(ev), title: ev.type_name}), a,
              Object.assign(document.createElement("span"), {className: "when",
                textContent: " — " + ev.when + (who.length ? "; " + who.join(", ") : "")}));
    list.appendChild(li);
  }
  box.appendChild(list);
  if (DATA.undated.length > LISTED) {
    box.appendChild(Object.assign(document.createElement("p"), {textContent: "… và " +
      (DATA.undated.length - LISTED).toLocaleString("vi") + " sự kiện khác; chọn --focus hoặc --between để xem."}));
  }
}
legend();
undatedList();
if (DATA.events.length) {
  fill();
  const times = DATA.events.map((e) => parse(e.start).valueOf());
  const lo = Math.min(...times), hi = Math.max(...times), pad = Math.max((hi - lo) * 0.05, DAY);
  // out to decades, and farther when the events span more: fitAll's window never exceeds six spans
  const farthest = Math.max(60 * YEAR, 6 * (hi - lo) + YEAR);
  const zoomMax = Math.min(widest, farthest);
  timeline = new vis.Timeline(document.getElementById("chart"), items, groups, {
    start: Math.max(lo - pad, hi - zoomMax * 0.8), end: Math.min(hi + 4 * pad, hi + zoomMax * 0.2), stack: true, orientation: {axis: "both", item: "top"}, maxHeight: Math.max(420, window.innerHeight - 240),
    verticalScroll: true, zoomMin: 6 * HOUR, zoomMax, format: FORMAT, maxMinorChars: 8,
    margin: {item: {horizontal: 6, vertical: 4}, axis: 6}, groupOrder: "order", showCurrentTime: false,
    tooltip: {followMouse: true, overflowMethod: "flip"}, xss: {disabled: false},
  });
  timeline.on("changed", uncut);
  timeline.on("select", (p) => { if (p.items.length) details(byId.get(p.items[0])); });
  // the first drawing measures the labels; the window is then widened so that every label fits inside
  timeline.once("changed", () => {
    timeline.once("changed", () => { window.kgSettled = true; window.kgRows = rows; });
    fitAll();
  });
  window.kgTimeline = timeline;
  document.querySelectorAll("input[name=group]").forEach((r) => r.addEventListener("change", (e) => {
    grouping = e.target.value;
    widest = WIDEST[grouping];
    timeline.setOptions({zoomMax: Math.min(widest, farthest)});
    const w = timeline.getWindow();
    if (w.end - w.start > widest) timeline.setWindow(w.end - widest, w.end, {animation: false});
    fill(); }));
  document.querySelectorAll("button[data-zoom]").forEach((b) => b.addEventListener("click", () => zoom(b.dataset.zoom)));
} else {
  document.getElementById("chart").textContent = "Không có sự kiện nào có ngày để đặt trên trục thời gian.";
  window.kgRows = 0;
  window.kgSettled = true;
}
</script></body></html>
"""
