"""The network view: pyvis (vis.js inlined, so the page opens from disk with no network), nodes coloured
by class and labelled in Vietnamese, a legend, evidence in the tooltips."""
from __future__ import annotations

import re
from pathlib import Path

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

EDGES = """
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dk: <https://w3id.org/diplomacy-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?s ?sclass ?slabel ?p ?o ?oclass ?olabel WHERE {
  { ?s schema:nationality ?o . BIND("quốc tịch" AS ?p) }
  UNION { ?m org:member ?s ; org:organization ?o ; org:role/skos:prefLabel ?p . FILTER(LANG(?p) = "vi") }
  UNION { ?s dk:country ?o . BIND("thuộc" AS ?p) }
  UNION { ?o schema:attendee ?s . BIND("tham dự" AS ?p) }
  UNION { ?s dk:party ?o . BIND("bên cam kết" AS ?p) }
  UNION { ?s dk:madeAt ?o . BIND("tại" AS ?p) }
  ?s a ?sc . ?o a ?oc .
  VALUES (?sc ?sclass) { (schema:Person "Person") (schema:Organization "Organization") (schema:Event "Event")
                         (dk:Commitment "Commitment") (schema:Country "Country") }
  VALUES (?oc ?oclass) { (schema:Person "Person") (schema:Organization "Organization") (schema:Event "Event")
                         (dk:Commitment "Commitment") (schema:Country "Country") }
  OPTIONAL { ?s schema:name|dk:statement ?slabel }
  OPTIONAL { ?o schema:name|dk:statement ?olabel }
}"""


def network_html(ds: Dataset) -> str:
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    net.barnes_hut()
    seen: dict[str, str] = {}
    edges: set[tuple[str, str, str]] = set()
    for s, sclass, slabel, p, o, oclass, olabel in ds.query(EDGES):
        for node, cls, label in ((s, sclass, slabel), (o, oclass, olabel)):
            key = str(node)
            text = str(label) if label is not None else key.rsplit("/", 1)[-1]
            if key not in seen or (cls == "Country" and "@" not in seen[key]):
                seen[key] = text
                color, shape, legend = CLASSES[str(cls)]
                short = text if len(text) <= 40 else text[:37] + "…"
                net.add_node(key, label=short, title=f"{legend}: {text}", color=color, shape=shape,
                             group=str(cls))
        edges.add((str(s), str(o), str(p)))
    for s, o, p in sorted(edges):
        net.add_edge(s, o, label=p, title=p)
    net.toggle_physics(True)
    html = net.generate_html(notebook=False)
    html = CDN_TAG.sub("", html)
    legend = "".join(f'<span style="margin-right:1em"><b style="color:{c}">●</b> {name}</span>'
                     for c, _, name in CLASSES.values())
    return html.replace("<body>", f'<body><div id="legend" style="font-family:sans-serif;padding:4px">{legend}</div>', 1)
