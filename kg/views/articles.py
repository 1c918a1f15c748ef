"""The article view: one page per article with its text and every fact the graph took from it marked
where it was read (as displaCy shows entities and brat relations), each mark linked to its node's
label, IRI and key facts in a side panel, and an index page with each article's counts per class.

Spans come from the mention nodes the build keeps (nif:beginIndex/endIndex on the article's
nif:isString). Countries, posts and targets carry no mention of their own: they are located in the
text by the names the lexicons give them (countries anywhere, a post next to its holder's mention, a
target's figure inside its commitment's span) and drawn dashed, so a reader knows which is which.
Overlapping spans nest; a span crossing another is cut into fragments that share its id, never lost.
Pages are static: inline CSS and a few lines of script, no network."""
from __future__ import annotations

import hashlib
import heapq
import html
import json
import os
import re
import stat
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from rdflib import Dataset, URIRef

from kg import lexicons
from kg.errors import KgError
from kg.extract.quantities import find_quantities
from kg.views.model import AMOUNTS, KIND_LABELS, PREFIXES, amount_label, view_graph

# display class → (colour, Vietnamese name, English name); the order is the legend's and the index's
KINDS = {
    "Person": ("#e4572e", "Người", "person"),
    "Post": ("#f28e6b", "Chức vụ", "post"),
    "Organization": ("#2e86ab", "Tổ chức", "organization"),
    "Country": ("#76b041", "Quốc gia", "country"),
    "Event": ("#f3a712", "Sự kiện", "event (trigger)"),
    "Commitment": ("#8e5ea2", "Cam kết", "commitment"),
    "Target": ("#c9a227", "Mục tiêu", "target"),
    "Figure": ("#6c757d", "Số liệu", "figure"),
    "Project": ("#17a398", "Dự án", "project"),
    "Agreement": ("#3d5a80", "Hiệp định", "agreement"),
}
# a node with several types shows as the first of these it has
TYPE_KIND = (("https://schema.org/Person", "Person"), ("https://schema.org/Country", "Country"),
             ("https://schema.org/Event", "Event"), ("https://w3id.org/diplomacy-kg/ontology#Commitment", "Commitment"),
             ("https://w3id.org/diplomacy-kg/ontology#Observation", "Figure"),
             ("https://w3id.org/diplomacy-kg/ontology#Project", "Project"),
             ("https://w3id.org/diplomacy-kg/ontology#Agreement", "Agreement"),
             ("https://schema.org/Organization", "Organization"))

ARTICLES = PREFIXES + """
SELECT ?article ?id ?text ?date WHERE {
  ?article a schema:NewsArticle ; schema:identifier ?id ; nif:isString ?text .
  OPTIONAL { ?article schema:datePublished ?date }
}"""
MENTIONS = PREFIXES + """
SELECT DISTINCT ?article ?node ?type ?begin ?end WHERE {
  ?m nif:referenceContext ?article ; nif:beginIndex ?begin ; nif:endIndex ?end .
  ?node dk:mention ?m ; a ?type .
}"""
COUNTRIES = PREFIXES + """
SELECT DISTINCT ?article ?node ?code WHERE {
  GRAPH ?g { ?article a schema:NewsArticle . ?node a schema:Country ; schema:identifier ?code }
}"""
POSTS = PREFIXES + """
SELECT DISTINCT ?article ?ms ?person ?role ?label ?orgNode ?org WHERE {
  ?ms org:member ?person ; prov:wasDerivedFrom ?article ; org:role ?role .
  OPTIONAL { ?role skos:prefLabel ?label FILTER(LANG(?label) = "vi") }
  OPTIONAL { ?ms org:organization ?orgNode .
             OPTIONAL { ?orgNode skos:prefLabel ?org FILTER(LANG(?org) = "vi" || LANG(?org) = "") } }
}"""
TARGETS = PREFIXES + """
SELECT DISTINCT ?article ?commitment ?target ?value ?lo ?hi ?unit WHERE {
  ?commitment prov:wasDerivedFrom ?article ; dk:target ?target .
  ?target schema:unitText ?unit .
  OPTIONAL { ?target schema:value ?value } OPTIONAL { ?target schema:minValue ?lo ; schema:maxValue ?hi }
}"""


@dataclass
class Span:
    begin: int
    end: int
    kind: str
    node: str               # the node's IRI (a post: its membership)
    located: bool = False   # found by name, not by offsets the graph keeps


@dataclass
class Article:
    iri: str
    id: str
    text: str
    date: str = ""
    spans: list[Span] = field(default_factory=list)
    posts: dict[str, tuple] = field(default_factory=dict)   # membership → (title – org, holder, org or None)

    @property
    def title(self) -> str:
        first = self.text.strip().split("\n", 1)[0].strip()
        return first[:160] + ("…" if len(first) > 160 else "") if first else self.id

    def counts(self) -> Counter:
        """Distinct nodes per class (a person named five times counts once)."""
        return Counter(kind for kind, _ in {(s.kind, s.node) for s in self.spans})


# -- reading the store ----------------------------------------------------------------------------------

def read_articles(ds: Dataset) -> list[Article]:
    """Every article with its spans, sorted by id. Each query is asked per article with the article's
    IRI bound, so no value is ever written into SPARQL text."""
    articles = {}
    for iri, ident, text, date in ds.query(ARTICLES):
        articles.setdefault(str(iri), Article(str(iri), str(ident), str(text), str(date or "")))
    countries = lexicons.countries()
    roles = {r["notation"]: r for r in lexicons.load("roles")}
    for a in sorted(articles.values(), key=lambda a: a.id):
        bound = {"article": URIRef(a.iri)}
        kinds: dict[str, set] = defaultdict(set)
        where: dict[str, set] = defaultdict(set)
        for _, node, type_, begin, end in ds.query(MENTIONS, initBindings=bound):
            kinds[str(node)].add(str(type_))
            where[str(node)].add((int(begin), int(end)))
        for node, spans in where.items():
            kind = next((k for t, k in TYPE_KIND if t in kinds[node]), None)
            if kind is not None:
                a.spans.extend(Span(b, e, kind, node) for b, e in sorted(spans) if 0 <= b < e <= len(a.text))
        for _, node, code in ds.query(COUNTRIES, initBindings=bound):
            forms = countries.get(str(code), {}).get("forms", [])
            a.spans.extend(Span(b, e, "Country", str(node), True) for b, e in find_names(a.text, forms))
        holders = {s.node: s for s in a.spans if s.kind == "Person"}
        mentions_of = defaultdict(list)
        for s in a.spans:
            mentions_of[s.node].append(s)
        for _, ms, person, role, label, org_node, org in ds.query(POSTS, initBindings=bound):
            notation = str(role).rstrip("/").rsplit("/", 1)[-1]
            a.posts[str(ms)] = ((str(label) if label else notation) + (f" – {org}" if org else ""), str(person),
                                str(org_node) if org_node else None)
            if str(person) not in holders:
                continue
            forms = list(roles.get(notation, {}).get("forms", [])) + ([str(label)] if label else [])
            a.spans.extend(Span(b, e, "Post", str(ms), True)
                           for b, e in post_spans(a.text, forms, mentions_of[str(person)]))
        for _, commitment, target, value, lo, hi, unit in ds.query(TARGETS, initBindings=bound):
            amounts = {float(v) for v in (value, lo, hi) if v is not None}
            for s in mentions_of.get(str(commitment), ()):
                a.spans.extend(Span(s.begin + b, s.begin + e, "Target", str(target), True)
                               for b, e in figure_spans(a.text[s.begin:s.end], amounts, str(unit)))
        a.spans = sorted({(s.begin, s.end, s.kind, s.node): s for s in a.spans}.values(),
                         key=lambda s: (s.begin, -s.end, list(KINDS).index(s.kind), s.node))
    return sorted(articles.values(), key=lambda a: a.id)


def find_names(text: str, forms) -> list[tuple[int, int]]:
    """Whole-word occurrences of any of `forms` (case kept as written; the longest form wins)."""
    found = []
    for form in sorted({f for f in forms if f}, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\wÀ-ỹ]){re.escape(form)}(?![\wÀ-ỹ])", text):
            if not any(b <= m.start() < e for b, e in found):
                found.append((m.start(), m.end()))
    return sorted(found)


POST_REACH = 120     # characters before (or after) the holder's name where the title is looked for


def post_spans(text: str, forms, holder: list[Span]) -> list[tuple[int, int]]:
    """The nearest occurrence of the post's title before each mention of its holder (after it when
    none precedes), within the same line; case-insensitive, since titles open sentences."""
    out = set()
    # matched on the text itself, not a case-folded copy, whose length may differ ('ß' → 'ss')
    patterns = [re.compile(rf"(?<![\wÀ-ỹ]){re.escape(f)}(?![\wÀ-ỹ])", re.IGNORECASE) for f in
                sorted({f for f in forms if f}, key=len, reverse=True)]
    for s in holder:
        lo = max(text.rfind("\n", 0, s.begin) + 1, s.begin - POST_REACH)
        nl = text.find("\n", s.end)
        hi = min(nl if nl >= 0 else len(text), s.end + POST_REACH)
        before = [m.span() for p in patterns for m in p.finditer(text, lo, s.begin)]
        after = [m.span() for p in patterns for m in p.finditer(text, s.end, hi)]
        if before:
            out.add(max(before, key=lambda x: (x[1], -x[0])))
        elif after:
            out.add(min(after))
    return sorted(out)


def figure_spans(text: str, amounts: set[float], unit: str) -> list[tuple[int, int]]:
    """Figures inside a commitment's span whose amount and unit are the target's."""
    out = []
    for q in find_quantities(text):
        values = {v for v in (q.quantity.value, q.quantity.min, q.quantity.max) if v is not None}
        if q.quantity.unit == unit and values and values <= amounts:
            out.append((q.begin, q.end))
    return out


# -- what the side panel says about each node -----------------------------------------------------------

def node_facts(ds: Dataset, g: nx.MultiDiGraph, articles: list[Article]) -> dict[str, dict]:
    """{IRI: {label, kind, facts: [lines], articles: [ids], related: [IRIs]}} for every node an article
    marks; related are the nodes an edge of the graph joins it to (a post: its holder and organization)."""
    wanted = {s.node: s.kind for a in articles for s in a.spans}
    in_articles = defaultdict(set)
    for a in articles:
        for s in a.spans:
            in_articles[s.node].add(a.id)
    amounts = {str(row[0]): row[1:] for row in ds.query(AMOUNTS)}

    def name(n: str) -> str:
        return amount_label(amounts[n]) if n in amounts else g.nodes[n].get("label", "")

    posts = {ms: post for a in articles for ms, post in a.posts.items()}
    kind_label = {str(n): str(label) for n, label in ds.query(KIND_LABELS)}   # 'hội đàm', not 'talks'
    out = {}
    for node, kind in wanted.items():
        facts, related = [], set()
        if node in amounts:      # a target or a figure, said in Vietnamese: '5 tỷ USD – kim ngạch thương mại (2030)'
            label, period = name(node), amounts[node][5]
            facts += [f"Thời kỳ (period): {period}"] if period else []
            if node in g:
                facts += [f"{short(name(s))} → {e['label']}"
                          for s, _, e in sorted(g.in_edges(node, data=True), key=lambda x: (x[2]["label"], x[0]))]
                related = set(nx.all_neighbors(g, node))
        elif node in g:
            d = g.nodes[node]
            label = name(node)
            shown = {**d, "type": kind_label.get(node, d.get("type", ""))}
            for title, attr in (("Quốc gia", "country"), ("Loại", "type"), ("Bắt đầu", "start"), ("Kết thúc", "end"),
                                ("Chức vụ", "posts")):
                if shown.get(attr):
                    facts.append(f"{title}: {shown[attr].replace(';', '; ')}")
            # edges in a fixed order before the cut: the store gives the rows of a DISTINCT in hash order
            for _, o, e in sorted(g.out_edges(node, data=True), key=lambda x: (x[2]["label"], x[1]))[:12]:
                facts.append(f"{e['label']} → {short(name(o))}")
            for s, _, e in sorted(g.in_edges(node, data=True), key=lambda x: (x[2]["label"], x[0]))[:12]:
                facts.append(f"{short(name(s))} → {e['label']}")
            related = set(nx.all_neighbors(g, node))
        elif node in posts:
            label, person, org = posts[node]
            related = {person, org} - {None}
            if person in g:
                facts.append(f"người giữ (held by): {g.nodes[person].get('label', '')}")
        else:
            label = ""
        if not label or label.startswith("http"):
            label = KINDS[kind][1]
        out[node] = {"label": label, "kind": kind, "facts": facts, "articles": sorted(in_articles[node]),
                     "related": sorted(related)}
    return out


def short(text: str, size: int = 90) -> str:
    """A commitment's whole statement is its label; in a list of facts its first words say which."""
    return text if len(text) <= size else text[:size].rsplit(" ", 1)[0] + " …"


# -- drawing --------------------------------------------------------------------------------------------

def fragments(spans: list[Span]) -> list[tuple[int, int, int, list]]:
    """The spans as a forest of properly nested fragments: (begin, end, span index, children). A span that
    crosses the one it starts inside is cut where that one ends, and its rest placed after."""
    queue = [(s.begin, -s.end, i, s.begin, s.end) for i, s in enumerate(spans)]
    heapq.heapify(queue)
    roots: list = []
    stack: list = []
    while queue:
        _, _, i, b, e = heapq.heappop(queue)
        while stack and stack[-1][1] <= b:
            stack.pop()
        if stack and stack[-1][1] < e:
            heapq.heappush(queue, (stack[-1][1], -e, i, stack[-1][1], e))
            e = stack[-1][1]
        frag = (b, e, i, [])
        (stack[-1][3] if stack else roots).append(frag)
        stack.append(frag)
    return roots


def _height(frag) -> int:
    return 1 + max((_height(c) for c in frag[3]), default=0)


def marked_text(text: str, spans: list[Span], nodes: dict[str, dict]) -> str:
    def draw(frags, begin, end) -> str:
        out, at = [], begin
        for frag in frags:
            b, e, i, children = frag
            out.append(html.escape(text[at:b]))
            s = spans[i]
            info = nodes.get(s.node, {})
            tip = f"{info.get('label', '')} · {KINDS[s.kind][1]} ({KINDS[s.kind][2]})"
            cls = f"m k-{s.kind}" + (" located" if s.located else "")
            out.append(f'<mark class="{cls}" data-span="{i}" data-node="{html.escape(s.node)}" '
                       f'style="--h:{_height(frag)}" title="{html.escape(tip)}">{draw(children, b, e)}</mark>')
            at = e
        out.append(html.escape(text[at:end]))
        return "".join(out)
    return draw(fragments(spans), 0, len(text))


def legend(present: Counter | None = None) -> str:
    items = []
    for kind, (colour, vi, en) in KINDS.items():
        n = f" <b>{present[kind]}</b>" if present is not None else ""
        items.append(f'<span class="lg"><mark class="m k-{kind}" style="--h:1">{vi}</mark> {en}{n}</span>')
    return '<div class="legend">' + "".join(items) + \
        '<span class="lg"><mark class="m located" style="--h:1">…</mark> vị trí tìm theo tên (located by name)</span></div>'


CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222;display:flex;min-height:100vh}
main{flex:1;padding:16px 24px;max-width:62em} aside{width:340px;border-left:1px solid #ddd;padding:16px;
background:#fafafa;position:sticky;top:0;height:100vh;overflow:auto;box-sizing:border-box;font-size:13px}
h1{font-size:20px;margin:0 0 4px} .meta{color:#666;font-size:13px;margin-bottom:8px}
#text{white-space:pre-wrap;line-height:2.6}
mark.m{background:color-mix(in srgb,var(--c) 16%,transparent);color:inherit;border-bottom:2px solid var(--c);
padding:0 1px calc((var(--h) - 1)*4px);border-radius:2px;cursor:pointer}
mark.m.located{border-bottom-style:dashed}
mark.k-Commitment{background:color-mix(in srgb,var(--c) 6%,transparent)}
mark.m:hover,mark.m.on{outline:2px solid var(--c)} mark.m.rel{outline:1px dashed var(--c)}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;margin:8px 0 14px}
.legend mark.located{--c:#999}
aside h2{font-size:15px;margin:0 0 6px} aside .iri{font:11px monospace;color:#666;word-break:break-all}
aside ul{padding-left:16px} table{border-collapse:collapse;font-size:13px} td,th{border:1px solid #ddd;padding:3px 6px}
th{background:#f3f3f3;position:sticky;top:0} td.n{text-align:right}
""" + "".join(f"mark.k-{k}{{--c:{c}}}" for k, (c, _, _) in KINDS.items())

SCRIPT = """
const NODES = {{nodes}};
const SPANS = {{spans}};
const panel = document.getElementById("panel");
function show(i) {
  const s = SPANS[i], n = NODES[s.node] || {label: "", facts: [], articles: []};
  document.querySelectorAll("mark.on, mark.rel").forEach(m => m.classList.remove("on", "rel"));
  const marks = iri => document.querySelectorAll('mark[data-node="' + CSS.escape(iri) + '"]');
  marks(s.node).forEach(m => m.classList.add("on"));
  for (const r of n.related || []) marks(r).forEach(m => m.classList.add("rel"));    // what an edge joins it to
  panel.replaceChildren();
  const add = (tag, text, cls) => { const e = document.createElement(tag); e.textContent = text;
    if (cls) e.className = cls; panel.appendChild(e); return e; };
  add("h2", n.label);
  add("div", KINDS[s.kind] + (s.located ? " · vị trí tìm theo tên (located by name)" : ""));
  add("div", s.node, "iri");
  add("p", "«" + CHARS.slice(s.begin, s.end).join("") + "»");
  const ul = add("ul", "");
  for (const f of n.facts) { const li = document.createElement("li"); li.textContent = f; ul.appendChild(li); }
  if (n.articles.length) {
    add("div", "Bài (articles):");
    const list = add("ul", "");
    for (const a of n.articles) {
      const li = document.createElement("li"), link = document.createElement("a");
      link.textContent = a; link.href = PAGES[a] || "#"; li.appendChild(link); list.appendChild(li);
    }
  }
}
const CHARS = Array.from(TEXT);     // the graph's offsets count code points, JavaScript's strings UTF-16 units
let pinned = false;                 // hovering previews a node in the panel; a click keeps it there
const text = document.getElementById("text");
text.addEventListener("click", e => {
  const m = e.target.closest("mark[data-span]");
  pinned = !!m;
  if (m) show(+m.dataset.span);
});
text.addEventListener("mouseover", e => {
  const m = e.target.closest("mark[data-span]");
  if (m && !pinned) show(+m.dataset.span);
});
window.kgMarked = document.querySelectorAll("#text mark[data-span]").length;
window.kgSettled = true;
"""


def article_page(a: Article, nodes: dict[str, dict], pages: dict[str, str]) -> str:
    present = a.counts()
    marked = dict.fromkeys(s.node for s in a.spans)     # in span order: a set's changes with the hash seed
    # a post and its holder are joined in the panel both ways; the graph has no edge for it
    holders = defaultdict(list)
    for ms, (_, person, _) in a.posts.items():
        holders[person].append(ms)
    used = {n: {**nodes[n], "related": [r for r in nodes[n]["related"] + holders.get(n, []) if r in marked]}
            for n in marked}
    data = {"nodes": used, "spans": [{"begin": s.begin, "end": s.end, "kind": s.kind, "node": s.node,
                                      "located": s.located} for s in a.spans]}
    script = (f"const TEXT = {_json(a.text)};\nconst PAGES = {_json(pages)};\n"
              + f"const KINDS = {_json({k: f'{vi} ({en})' for k, (_, vi, en) in KINDS.items()})};\n"
              + SCRIPT.replace("{{nodes}}", _json(data["nodes"])).replace("{{spans}}", _json(data["spans"])))
    meta = " · ".join(x for x in (f"Bài {a.id}", a.date, ", ".join(f"{KINDS[k][1]}: {present[k]}"
                                                                   for k in KINDS if present[k])) if x)
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{html.escape(a.title)} — kg</title><style>{CSS}</style></head><body>
<main><div class="meta"><a href="index.html">← tất cả bài (all articles)</a></div>
<h1>{html.escape(a.title)}</h1><div class="meta">{html.escape(meta)}</div>
{legend()}
<div id="text">{marked_text(a.text, a.spans, nodes)}</div></main>
<aside id="panel"><h2>Chi tiết (details)</h2><p>Nhấp vào một đoạn được đánh dấu để xem nút của nó trong đồ thị
(click a marked span for its node in the graph: label, IRI, facts, other articles).</p></aside>
<script>{script}</script></body></html>
"""


def index_page(articles: list[Article], pages: dict[str, str]) -> str:
    total = Counter()
    rows = []
    for a in articles:
        c = a.counts()
        total.update(c)
        cells = "".join(f'<td class="n">{c[k] or ""}</td>' for k in KINDS)
        rows.append(f'<tr><td><a href="{html.escape(pages[a.id])}">{html.escape(a.id)}</a></td>'
                    f'<td>{html.escape(a.date)}</td><td>{html.escape(a.title)}</td>{cells}</tr>')
    head = "".join(f"<th>{vi}<br><small>{en}</small></th>" for _, vi, en in KINDS.values())
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Các bài báo và dữ kiện đọc được — kg</title>
<style>{CSS} body{{display:block;padding:16px}}</style></head><body>
<h1>Các bài báo và dữ kiện đọc được (articles and the facts read from them)</h1>
<div class="meta">{len(articles)} bài (articles); số nút mỗi lớp trong mỗi bài (distinct nodes per class in each
article; the legend sums them over the articles)</div>
{legend(total)}
<table><thead><tr><th>Bài (id)</th><th>Ngày (date)</th><th>Tiêu đề (title)</th>{head}</tr></thead>
<tbody>{''.join(rows)}</tbody></table>
<script>window.kgSettled = true;</script></body></html>
"""


def _json(value) -> str:
    """JSON safe inside <script>: no '<' at all, so neither '</script>' nor '<!--' in a text can end it."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


# -- files ----------------------------------------------------------------------------------------------

def page_names(ids: list[str]) -> dict[str, str]:
    """A file name per article id, safe whatever the id holds ('/', '..', NUL, any script) and unique even
    on a case-insensitive file system: a readable ASCII slug, then a digest of the exact id."""
    names, used = {}, {"index.html"}
    for ident in sorted(ids):
        folded = unicodedata.normalize("NFKD", ident.replace("đ", "d").replace("Đ", "D"))
        readable = re.sub(r"[^A-Za-z0-9_-]+", "-", "".join(c for c in folded if not unicodedata.combining(c)))
        readable = readable.strip("-_")[:60].strip("-_") or "article"
        full = hashlib.sha1(ident.encode("utf-8", "surrogatepass")).hexdigest()
        name = f"{readable}-{full[:8]}.html"
        if name.casefold() in used:
            name = f"{readable}-{full}.html"
        used.add(name.casefold())
        names[ident] = name
    return names


def check_replaceable(path: Path) -> None:
    """A page replaces only a regular file: a symlink, folder or device of that name is left alone."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise KgError(f"{path}: exists and is not a regular file (a link, folder or device); not replaced")


def write_article_pages(ds: Dataset, folder: Path, write) -> list[Path]:
    """index.html and one page per article into `folder`; `write(path, text)` writes atomically.
    Every target is checked before any is written."""
    folder = Path(folder)
    articles = read_articles(ds)
    nodes = node_facts(ds, view_graph(ds), articles)
    pages = page_names([a.id for a in articles])
    targets = [folder / "index.html"] + [folder / pages[a.id] for a in articles]
    for path in targets:
        check_replaceable(path)
    write(targets[0], index_page(articles, pages))
    for a, path in zip(articles, targets[1:]):
        write(path, article_page(a, nodes, pages))
    return targets
