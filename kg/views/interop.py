"""The view graph for other tools: GraphML and GEXF (Gephi, Cytoscape, yEd) with class, labels, country,
dates and centrality as node attributes, and a CSV of actor centrality."""
from __future__ import annotations

import csv
import io

import networkx as nx

ACTORS = ("Person", "Organization", "Country")


def _for_export(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        out.add_node(n, **{("class" if k == "cls" else k): v for k, v in d.items()})
    for i, (s, o, d) in enumerate(sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2]["kind"], e[2]["label"]))):
        out.add_edge(s, o, key=f"e{i}", **d)
    return out


def graphml(g: nx.MultiDiGraph) -> str:
    return "\n".join(nx.generate_graphml(_for_export(g))) + "\n"


def gexf(g: nx.MultiDiGraph) -> str:
    return "\n".join(nx.generate_gexf(_for_export(g))) + "\n"


def centrality_csv(g: nx.MultiDiGraph) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["node", "class", "label", "country", "degree", "betweenness"])
    rows = [(n, d["cls"], d["label"], d.get("country", ""), d["degree"], d["betweenness"])
            for n, d in g.nodes(data=True) if d["cls"] in ACTORS]
    writer.writerows(sorted(rows, key=lambda r: (-r[5], -r[4], r[2])))
    return buf.getvalue()
