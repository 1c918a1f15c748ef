"""What every view shows, read once from the store: nodes (class, label, country, event type, dates,
posts, articles, an evidence sentence) and labelled edges, as a networkx MultiDiGraph. The network and
timeline pages, the focused views, GraphML/GEXF and the centrality figures all start from it."""
from __future__ import annotations

import difflib
from collections import defaultdict
from functools import lru_cache

import networkx as nx
from rdflib import Dataset

from kg import lexicons
from kg.text.normalize import fold

CLASSES = {  # class → (colour, vis.js shape, Vietnamese name, English name)
    "Person": ("#e4572e", "dot", "Người", "person"),
    "Organization": ("#2e86ab", "square", "Tổ chức", "organization"),
    "Country": ("#76b041", "triangle", "Quốc gia", "country"),
    "Event": ("#f3a712", "diamond", "Sự kiện", "event"),
    "Commitment": ("#8e5ea2", "star", "Cam kết", "commitment"),
    "Project": ("#17a398", "hexagon", "Dự án / Hiệp định", "project or agreement"),
    "Target": ("#c9a227", "box", "Mục tiêu", "target"),
}
PREFIXES = """PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dk: <https://w3id.org/diplomacy-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
"""
# a node's articles joined by the store: a person named in hundreds of articles is one row, not hundreds
NODES = PREFIXES + """
SELECT ?node ?class ?label (GROUP_CONCAT(DISTINCT ?article; separator=";") AS ?articles) WHERE {
  VALUES (?c ?class) { (schema:Person "Person") (schema:Organization "Organization") (schema:Event "Event")
                       (dk:Commitment "Commitment") (schema:Country "Country") (dk:Project "Project")
                       (dk:Agreement "Project") (schema:QuantitativeValue "Target") }
  ?node a ?c .
  OPTIONAL { ?node skos:prefLabel ?pref FILTER(LANG(?pref) = "vi" || LANG(?pref) = "") }
  OPTIONAL { ?node schema:name ?name FILTER(LANG(?name) = "vi" || LANG(?name) = "") }
  OPTIONAL { ?node dk:statement ?statement }
  BIND(COALESCE(?pref, ?statement, ?name) AS ?label)
  OPTIONAL { ?node prov:wasDerivedFrom/schema:identifier ?source }
  BIND(COALESCE(?source, "") AS ?article)     # bound always: rdflib's GROUP_CONCAT DISTINCT fails on unbound
} GROUP BY ?node ?class ?label"""
# targets and reported figures, said in Vietnamese by amount_label (the article view reads the same rows)
AMOUNTS = PREFIXES + """
SELECT DISTINCT ?node ?value ?lo ?hi ?unit ?measure ?period ?year WHERE {
  VALUES ?class { dk:Observation schema:QuantitativeValue }
  ?node a ?class ; schema:unitText ?unit .
  OPTIONAL { ?node schema:value ?value } OPTIONAL { ?node schema:minValue ?lo ; schema:maxValue ?hi }
  OPTIONAL { ?node dk:measure/skos:prefLabel ?measure FILTER(LANG(?measure) = "vi") }
  OPTIONAL { ?node dk:period ?period } OPTIONAL { ?node dk:targetYear ?year }
}"""
FACETS = PREFIXES + """
SELECT DISTINCT ?node ?country ?type ?start ?end WHERE {
  { ?node schema:nationality/schema:identifier ?country }
  UNION { ?node a schema:Organization ; dk:country/schema:identifier ?country }
  UNION { ?node a schema:Country ; schema:identifier ?country }
  UNION { ?node a schema:Event ; dcterms:type/skos:notation ?type .
          OPTIONAL { ?node schema:startDate ?start } OPTIONAL { ?node schema:endDate ?end } }
  UNION { ?node a dk:Commitment ; dk:topic/skos:notation ?type }
}"""
# the Vietnamese name of an event's type or a commitment's topic ('hội đàm', not 'talks')
KIND_LABELS = PREFIXES + """
SELECT DISTINCT ?node ?label WHERE {
  { ?node dcterms:type ?c } UNION { ?node dk:topic ?c }
  ?c skos:prefLabel ?label FILTER(LANG(?label) = "vi")
}"""
# each node's earliest mention (first article id, then first offset, padded to sort as text) chosen by the
# store: a node is named in hundreds of articles at scale, and sending every mention to Python cost most of
# view_graph's time
EVIDENCE = PREFIXES + """
SELECT ?node (MIN(CONCAT(?article, "\\t", STR(1000000000 + ?begin), "\\t", ?sentence)) AS ?first) WHERE {
  ?node dk:mention ?m .
  ?m nif:referenceContext/schema:identifier ?article ; nif:beginIndex ?begin ; nif:sentence/nif:anchorOf ?sentence .
} GROUP BY ?node"""
EDGES = PREFIXES + """
SELECT DISTINCT ?s ?p ?o ?kind WHERE {
  { ?s schema:nationality ?o . BIND("quốc tịch" AS ?p) BIND("nationality" AS ?kind) }
  UNION { ?m org:member ?s ; org:organization ?o ; org:role/skos:prefLabel ?p . FILTER(LANG(?p) = "vi")
          BIND("holds post" AS ?kind) }
  UNION { ?s dk:country ?o . ?s a schema:Organization . BIND("thuộc" AS ?p) BIND("belongs to" AS ?kind) }
  UNION { ?o schema:attendee ?s . BIND("tham dự" AS ?p) BIND("attended" AS ?kind) }
  UNION { ?o dk:chair ?s . BIND("chủ trì" AS ?p) BIND("co-chaired" AS ?kind) }
  UNION { ?o dk:host ?s . BIND("chủ nhà" AS ?p) BIND("hosted" AS ?kind) }
  UNION { ?s dk:party ?o . ?s a dk:Commitment . BIND("bên cam kết" AS ?p) BIND("committed to" AS ?kind) }
  UNION { ?s dk:madeAt ?o . BIND("tại" AS ?p) BIND("made at" AS ?kind) }
  UNION { ?s dk:target ?o . BIND("mục tiêu" AS ?p) BIND("targets" AS ?kind) }
  UNION { ?o schema:organizer ?s . BIND("tổ chức" AS ?p) BIND("organized" AS ?kind) }
}"""
POSTS = PREFIXES + """
SELECT DISTINCT ?person ?role ?observed WHERE {
  ?m org:member ?person ; org:role/skos:prefLabel ?roleLabel . FILTER(LANG(?roleLabel) = "vi")
  OPTIONAL { ?m org:organization/skos:prefLabel ?orgLabel FILTER(LANG(?orgLabel) = "vi" || LANG(?orgLabel) = "") }
  OPTIONAL { ?m dk:observedOn ?observed }
  BIND(IF(BOUND(?orgLabel), CONCAT(?roleLabel, " – ", ?orgLabel), ?roleLabel) AS ?role)
}"""
ARTICLE_DATES = PREFIXES + """
SELECT DISTINCT ?article ?date ?opening WHERE {
  ?a a schema:NewsArticle ; schema:identifier ?article .
  OPTIONAL { ?a schema:datePublished ?date } OPTIONAL { ?a nif:isString ?text BIND(SUBSTR(?text, 1, 160) AS ?opening) }
}"""


@lru_cache(maxsize=1)
def _unit_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for form, code in lexicons.load("quantities")["units"].items():
        forms.setdefault(code, form)
    return forms


def unit_text(unit: str) -> str:
    """A unit code as the news writes it: the first surface form the quantities lexicon gives it."""
    surface = _unit_forms().get(unit, unit)
    return surface if surface == "%" else f" {surface}"


def human(value) -> str:
    """An amount as Vietnamese news writes it: '1,6 tỷ', '1.300', '16,7'."""
    value = float(value)
    for size, word in ((1e9, " tỷ"), (1e6, " triệu")):
        if abs(value) >= size:
            return _digits(value / size) + word
    return _digits(value)


def _digits(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.translate(str.maketrans(",.", ".,"))


def amount_label(row) -> str:
    """'5 tỷ USD – kim ngạch thương mại (2030)' from an AMOUNTS row without its node."""
    v, lo, hi, unit, measure, _, year = row
    amount = human(v) if v is not None else f"{human(lo)}–{human(hi)}" if lo is not None else ""
    return " ".join(x for x in (amount + unit_text(str(unit)), f"– {measure}" if measure else "",
                                f"({year})" if year else "") if x).strip()


def first_line(text: str, size: int = 80) -> str:
    """An article's first non-empty line, cut at a word: what a reader knows it by (there is no headline)."""
    line = next((x.strip() for x in text.splitlines() if x.strip()), "")
    return line if len(line) <= size else line[:size].rsplit(" ", 1)[0] + " …"


def commitment_label(topic: str, statement: str, words: int = 8) -> str:
    """'kinh tế: Hai bên nhất trí tăng cường kết nối …': the topic, then the statement's first words."""
    head = statement.split()
    text = " ".join(head[:words]) + (" …" if len(head) > words else "")
    return f"{topic}: {text}" if topic else text


def _precise_early(day: str) -> tuple:
    """Sort key of dates as the view writes them ('2024-10-28', '2024-10', '--10-28'): a year first, then the
    longer, then the earlier."""
    return day.startswith("--"), -len(day), day


def _precise_late(day: str) -> tuple:
    return not day.startswith("--"), len(day), day


def view_graph(ds: Dataset) -> nx.MultiDiGraph:
    """Node attributes: cls, label, country (;-joined codes), type, start, end, posts, articles, dates,
    evidence, evidence_article. Edge attributes: label (Vietnamese), kind (English)."""
    g = nx.MultiDiGraph()
    articles: dict[str, set] = defaultdict(set)
    for node, cls, label, joined in ds.query(NODES):
        key = str(node)
        if key not in g:
            g.add_node(key, cls=str(cls), label="")
        data = g.nodes[key]
        # the shortest name, then the first in code order: rows come in the store's order, which differs
        # between an Oxigraph store and the memory one
        if label is not None and (not data["label"] or (len(str(label)), str(label)) < (len(data["label"]), data["label"])):
            data["label"] = str(label)
        if joined:
            articles[key].update(a for a in str(joined).split(";") if a)
    countries: dict[str, set] = defaultdict(set)
    for node, country, kind, start, end in ds.query(FACETS):
        key = str(node)
        if key not in g:
            continue
        if country is not None:
            countries[key].add(str(country))
        # a node two articles date or type differently: the most precise dates (the earliest start, the
        # latest end), the first kind in code order, whatever order the store gives the rows in
        data = g.nodes[key]
        if kind is not None:
            data["type"] = min(data.get("type", str(kind)), str(kind))
        if start is not None:
            data["start"] = min(data.get("start", str(start)), str(start), key=_precise_early)
        if end is not None:
            data["end"] = max(data.get("end", str(end)), str(end), key=_precise_late)
    posts: dict[str, set] = defaultdict(set)
    observed: dict[str, set] = defaultdict(set)
    for person, role, day in ds.query(POSTS):
        posts[str(person)].add(str(role))
        if day is not None:
            observed[str(person)].add(str(day))
    published: dict[str, str] = {}
    g.graph["article_titles"] = titles = {}     # id → its first line, for the pages' article lists
    for article, day, opening in ds.query(ARTICLE_DATES):
        if day is not None:
            published[str(article)] = str(day)
        titles[str(article)] = first_line(str(opening or "")) or str(article)
    evidence: dict[str, tuple] = {}
    for node, first in ds.query(EVIDENCE):
        if first is not None:
            article, _, sentence = str(first).split("\t", 2)
            evidence[str(node)] = (article, sentence)
    kind_labels = {str(n): str(label) for n, label in ds.query(KIND_LABELS)}
    amounts = {str(row[0]): amount_label(row[1:]) for row in ds.query(AMOUNTS)}
    for key, data in g.nodes(data=True):
        if not data["label"]:       # never the IRI: a reader sees the class, the tooltip says the rest
            data["label"] = CLASSES[data["cls"]][2]
        data["type_label"] = kind_labels.get(key, "")
        if key in amounts:
            data["label"] = amounts[key]
        if data["cls"] == "Commitment":
            data["statement"] = data["label"]
            data["label"] = commitment_label(data["type_label"], data["statement"])
        data["country"] = ";".join(sorted(countries.get(key, ())))
        data["posts"] = "\n".join(sorted(posts.get(key, ())))
        data["articles"] = ";".join(sorted(articles.get(key, ())))
        dates = sorted(observed.get(key, ())) or sorted(published[a] for a in articles.get(key, ()) if a in published)
        data["dates"] = ";".join(dates)
        data.setdefault("type", "")
        data.setdefault("start", "")
        data.setdefault("end", "")
        data["evidence_article"], data["evidence"] = evidence.get(key, ("", ""))
    for s, p, o, kind in ds.query(EDGES):
        s, o = str(s), str(o)
        if s in g and o in g and not any(d["kind"] == str(kind) and d["label"] == str(p)
                                         for d in g.get_edge_data(s, o, default={}).values()):
            g.add_edge(s, o, label=str(p), kind=str(kind))
    return g


def add_centrality(g: nx.MultiDiGraph) -> None:
    """Degree and betweenness (on the undirected simple graph) as node attributes, computed once per graph."""
    if g.graph.get("centrality"):
        return
    g.graph["centrality"] = True
    simple = nx.Graph()
    simple.add_nodes_from(sorted(g))     # the pivots are sampled from the node order: the same for every store
    simple.add_edges_from(g.edges())
    betweenness = nx.betweenness_centrality(simple, k=_pivots(simple), seed=0) if len(simple) else {}
    for key, data in g.nodes(data=True):
        data["degree"] = simple.degree(key)
        data["betweenness"] = round(betweenness.get(key, 0.0), 6)


PIVOT_WORK = 3_000_000     # edges visited in all: each pivot is one breadth-first search of the graph


def _pivots(simple: nx.Graph) -> int:
    """How many source nodes betweenness is estimated from (seeded, so the same graph gives the same
    values): every node for a small graph, fewer as the graph grows, so that a corpus of thousands of
    articles takes seconds and not hours; never fewer than 50."""
    return min(len(simple), max(50, min(500, PIVOT_WORK // max(1, simple.number_of_edges()))))


def _matches(data: dict, text: str) -> bool:
    return text.casefold() in data.get("label", "").casefold()


ACTORS = ("Person", "Organization", "Country")


def focus_centres(g: nx.MultiDiGraph, name: str) -> list[str]:
    """The actors a user means by `name`, typed with or without diacritics and in any case: those whose
    label is the name, else those whose label contains it."""
    wanted = fold(name)
    actors = [(n, fold(d.get("label", ""))) for n, d in g.nodes(data=True) if d["cls"] in ACTORS]
    return [n for n, label in actors if label == wanted] or [n for n, label in actors if wanted and wanted in label]


def closest_names(g: nx.MultiDiGraph, name: str, n: int = 3) -> list[str]:
    """The actors' names nearest to a name that matched none (compared folded), for 'did you mean'."""
    by_fold: dict[str, str] = {}
    for _, d in g.nodes(data=True):
        if d["cls"] in ACTORS and d.get("label"):
            by_fold.setdefault(fold(d["label"]), d["label"])
    return [by_fold[k] for k in difflib.get_close_matches(fold(name), list(by_fold), n=n, cutoff=0.5)]


def focus(g: nx.MultiDiGraph, name: str, hops: int = 2) -> nx.MultiDiGraph:
    """The ego network of the actors named `name` (see focus_centres) within `hops` edges. A country is
    reached but never walked through: every body and commitment of a country touches it, so a walk
    through it would bring in the whole country."""
    centres = focus_centres(g, name)
    undirected = g.to_undirected(as_view=True)
    keep = set(centres)
    for c in centres:
        frontier = {c}
        for _ in range(hops):
            step = set()
            for n in frontier:
                if n != c and g.nodes[n]["cls"] == "Country":
                    continue
                step.update(m for m in undirected[n] if m not in keep)
            keep |= step
            frontier = step
    out = g.subgraph(keep).copy()
    out.graph["focus"] = sorted({g.nodes[c]["label"] for c in centres})   # the names as the graph spells them
    return out


def event_view(g: nx.MultiDiGraph, wanted: str) -> nx.MultiDiGraph:
    """One meeting (by IRI, or label containing the text) with its participants, commitments made at it
    and those commitments' parties."""
    events = [n for n, d in g.nodes(data=True) if d["cls"] == "Event" and (n == wanted or _matches(d, wanted))]
    keep = set(events)
    for e in events:
        for n in nx.all_neighbors(g, e):
            keep.add(n)
            if g.nodes[n]["cls"] == "Commitment":
                keep |= set(g.successors(n))
    return g.subgraph(keep).copy()


def between(g: nx.MultiDiGraph, start: str, end: str) -> nx.MultiDiGraph:
    """Events that start within [start, end] (at their own date precision) and everything next to them."""
    def inside(day: str) -> bool:
        return bool(day) and not day.startswith("--") and start[:len(day)] <= day <= end
    events = [n for n, d in g.nodes(data=True) if d["cls"] == "Event" and inside(d.get("start", ""))]
    keep = set(events)
    for e in events:
        keep |= set(nx.all_neighbors(g, e))
    return g.subgraph(keep).copy()
