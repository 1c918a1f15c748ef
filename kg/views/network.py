"""The network view: pyvis (vis.js inlined, so the page opens from disk with no network), nodes shaped and
coloured by class with a legend, sized by degree, labelled in Vietnamese; hovering shows the full name,
posts or statement and the articles a node comes from. Physics settles, then stops."""
from __future__ import annotations

import html as html_text
import re
from collections import Counter, defaultdict

from pyvis.network import Network
from rdflib import Dataset

CLASSES = {
    "Person": ("#e4572e", "dot", "Người"),
    "Organization": ("#2e86ab", "square", "Tổ chức"),
    "Country": ("#76b041", "triangle", "Quốc gia"),
    "Event": ("#f3a712", "diamond", "Sự kiện"),
    "Commitment": ("#8e5ea2", "star", "Cam kết"),
}
CDN_TAG = re.compile(r"<(?:link|script)[^>]+(?:href|src)=\"https?://[^\"]+\"[^>]*>(?:\s*</script>)?", re.I)
PREFIXES = """PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dk: <https://w3id.org/diplomacy-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
NODES = PREFIXES + """
SELECT DISTINCT ?node ?class ?label ?article WHERE {
  VALUES (?c ?class) { (schema:Person "Person") (schema:Organization "Organization") (schema:Event "Event")
                       (dk:Commitment "Commitment") (schema:Country "Country") }
  ?node a ?c .
  OPTIONAL { ?node skos:prefLabel ?pref }
  OPTIONAL { ?node schema:name ?name FILTER(LANG(?name) = "vi" || LANG(?name) = "") }
  OPTIONAL { ?node dk:statement ?statement }
  BIND(COALESCE(?pref, ?statement, ?name) AS ?label)
  OPTIONAL { ?node prov:wasDerivedFrom/schema:identifier ?article }
}"""
EDGES = PREFIXES + """
SELECT DISTINCT ?s ?p ?o WHERE {
  { ?s schema:nationality ?o . BIND("quốc tịch" AS ?p) }
  UNION { ?m org:member ?s ; org:organization ?o ; org:role/skos:prefLabel ?p . FILTER(LANG(?p) = "vi") }
  UNION { ?s dk:country ?o . ?s a schema:Organization . BIND("thuộc" AS ?p) }
  UNION { ?o schema:attendee ?s . BIND("tham dự" AS ?p) }
  UNION { ?o dk:chair ?s . BIND("chủ trì" AS ?p) }
  UNION { ?o dk:host ?s . BIND("chủ nhà" AS ?p) }
  UNION { ?s dk:party ?o . ?s a dk:Commitment . BIND("bên cam kết" AS ?p) }
  UNION { ?s dk:madeAt ?o . BIND("tại" AS ?p) }
  UNION { ?o schema:organizer ?s . BIND("tổ chức" AS ?p) }
}"""
POSTS = PREFIXES + """
SELECT DISTINCT ?person ?role WHERE {
  ?m org:member ?person ; org:role/skos:prefLabel ?roleLabel . FILTER(LANG(?roleLabel) = "vi")
  OPTIONAL { ?m org:organization/skos:prefLabel ?orgLabel }
  BIND(IF(BOUND(?orgLabel), CONCAT(?roleLabel, " – ", ?orgLabel), ?roleLabel) AS ?role)
}"""
SETTLE = """<script>
network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: false }); });
</script>
</body>"""


def network_html(ds: Dataset) -> str:
    labels: dict[str, str] = {}
    classes: dict[str, str] = {}
    articles: dict[str, set] = defaultdict(set)
    for node, cls, label, article in ds.query(NODES):
        key = str(node)
        classes.setdefault(key, str(cls))
        if label is not None and (key not in labels or len(str(label)) < len(labels[key])):
            labels[key] = str(label)
        if article is not None:
            articles[key].add(str(article))
    posts: dict[str, set] = defaultdict(set)
    for person, role in ds.query(POSTS):
        posts[str(person)].add(str(role))
    edges = sorted({(str(s), str(o), str(p)) for s, p, o in ds.query(EDGES)
                    if str(s) in classes and str(o) in classes})
    degree = Counter(n for s, o, _ in edges for n in (s, o))

    net = Network(height="820px", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    net.barnes_hut(gravity=-6000, spring_length=140)
    for key in sorted(classes):
        cls = classes[key]
        color, shape, legend = CLASSES[cls]
        text = labels.get(key, key.rsplit("/", 1)[-1])
        short = "" if cls == "Commitment" else (text if len(text) <= 34 else text[:32] + "…")
        tooltip = [f"{legend}: {text}"] + sorted(posts.get(key, ())) + \
                  ([f"Bài: {', '.join(sorted(articles[key]))}"] if articles.get(key) else [])
        net.add_node(key, label=short, title="\n".join(tooltip), color=color, shape=shape,
                     value=1 + degree[key], font={"size": 16 if cls != "Commitment" else 10})
    for s, o, p in edges:
        net.add_edge(s, o, title=p, label=p if classes[s] != "Commitment" else "", arrows="to",
                     color={"color": "#bbbbbb", "opacity": 0.6}, font={"size": 9, "color": "#777777"})
    net.set_options('{"physics": {"stabilization": {"iterations": 400}}, '
                    '"interaction": {"hover": true, "navigationButtons": false}}')
    page = CDN_TAG.sub("", net.generate_html(notebook=False))
    legend = "".join(f'<span style="margin-right:1.2em"><b style="color:{c}">●</b> {html_text.escape(name)}</span>'
                     for c, _, name in CLASSES.values())
    page = page.replace("<body>", f'<body><div id="legend" style="font-family:sans-serif;padding:6px">{legend}'
                                  '</div>', 1)
    return page.replace("</body>", SETTLE, 1)
