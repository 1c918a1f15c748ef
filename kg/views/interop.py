"""The view graph for other tools: GraphML and GEXF (Gephi, Cytoscape, yEd) with class, labels, country,
dates and centrality as node attributes, and a CSV of actor centrality.

GraphML and GEXF are written element by element into the file (networkx's writers build an XML tree of
the whole graph first: 1.7 GB at ten thousand articles), in UTF-8 with an XML declaration, so that a
Vietnamese letter is itself and not a character reference."""
from __future__ import annotations

import csv
import io
import re
from typing import BinaryIO, Iterator

import networkx as nx

from kg.views.model import add_centrality

ACTORS = ("Person", "Organization", "Country")
DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
# what XML 1.0 cannot hold at all, even as a reference: dropped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
# in an attribute a line break or tab would be read back as a space unless written as a reference
_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;",
                       "\t": "&#9;"})
_TYPES = ((bool, "boolean"), (int, "long"), (float, "double"))


def text(value) -> str:
    return _NOT_XML.sub("", str(value)).translate(_TEXT)


def attr(value) -> str:
    return _NOT_XML.sub("", str(value)).translate(_ATTR)


def degrees(g: nx.MultiDiGraph) -> dict[str, int]:
    """Neighbours of each node in either direction, counted once (the degree of the undirected simple
    graph), without building that graph."""
    return {n: len((set(g.pred[n]) | set(g.succ[n])) - {n}) for n in g}


def with_centrality(g: nx.MultiDiGraph, betweenness: bool) -> nx.MultiDiGraph:
    """Degree always; betweenness (estimated from a seeded sample of pivots, kg.views.model) only when
    asked: at ten thousand articles it costs a minute."""
    if betweenness:
        add_centrality(g)
    elif not g.graph.get("centrality"):
        for n, d in degrees(g).items():
            g.nodes[n]["degree"] = d
    return g


def _node_data(d: dict) -> dict:
    return {("class" if k == "cls" else k): v for k, v in d.items() if v is not None}


def _keys(items: Iterator[dict], skip: tuple = ()) -> dict[str, str]:
    """Attribute name → XML type, in the order first seen."""
    keys: dict[str, str] = {}
    for d in items:
        for k, v in d.items():
            if k not in keys and k not in skip:
                keys[k] = next((name for kind, name in _TYPES if isinstance(v, kind)), "string")
    return keys


def _edges(g: nx.MultiDiGraph) -> list[tuple]:
    """(source, target, data) in a stable order, so that the same graph gives the same file."""
    return sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("kind", ""), e[2].get("label", "")))


def _value(v) -> str:
    return ("true" if v else "false") if isinstance(v, bool) else str(v)


def write_graphml(g: nx.MultiDiGraph, out: BinaryIO, betweenness: bool = False) -> None:
    with_centrality(g, betweenness)
    nodes = sorted(g)
    node_keys = _keys(_node_data(g.nodes[n]) for n in nodes)
    edges = _edges(g)
    edge_keys = _keys(d for _, _, d in edges)
    ids = {("node", k): f"n{i}" for i, k in enumerate(node_keys)}
    ids.update({("edge", k): f"e{i}" for i, k in enumerate(edge_keys)})
    write = out.write
    write(DECLARATION)
    write(b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
          b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
          b'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
          b'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    for (kind, keys) in (("node", node_keys), ("edge", edge_keys)):
        for k, t in keys.items():
            write(f'  <key id="{ids[kind, k]}" for="{kind}" attr.name="{attr(k)}" attr.type="{t}"/>\n'
                  .encode("utf-8"))
    write(b'  <graph edgedefault="directed">\n')
    for n in nodes:
        data = "".join(f'\n      <data key="{ids["node", k]}">{text(_value(v))}</data>'
                       for k, v in _node_data(g.nodes[n]).items())
        write(f'    <node id="{attr(n)}">{data}\n    </node>\n'.encode("utf-8"))
    for i, (s, o, d) in enumerate(edges):
        data = "".join(f'\n      <data key="{ids["edge", k]}">{text(_value(v))}</data>' for k, v in d.items())
        write(f'    <edge id="e{i}" source="{attr(s)}" target="{attr(o)}">{data}\n    </edge>\n'.encode("utf-8"))
    write(b"  </graph>\n</graphml>\n")


def write_gexf(g: nx.MultiDiGraph, out: BinaryIO, betweenness: bool = False) -> None:
    """GEXF 1.2 (what networkx and Gephi read): a node's and an edge's label as their `label`, every other
    attribute declared once and given as an attvalue."""
    with_centrality(g, betweenness)
    nodes = sorted(g)
    node_keys = _keys((_node_data(g.nodes[n]) for n in nodes), skip=("label",))
    edges = _edges(g)
    edge_keys = _keys((d for _, _, d in edges), skip=("label",))
    ids = {("node", k): str(i) for i, k in enumerate(node_keys)}
    ids.update({("edge", k): str(len(node_keys) + i) for i, k in enumerate(edge_keys)})
    write = out.write
    write(DECLARATION)
    write(b'<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
          b'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
          b'  <meta>\n    <creator>kg</creator>\n  </meta>\n'
          b'  <graph defaultedgetype="directed" mode="static">\n')
    for kind, keys in (("node", node_keys), ("edge", edge_keys)):
        write(f'    <attributes class="{kind}" mode="static">\n'.encode("utf-8"))
        for k, t in keys.items():
            write(f'      <attribute id="{ids[kind, k]}" title="{attr(k)}" type="{t}"/>\n'.encode("utf-8"))
        write(b"    </attributes>\n")
    write(b"    <nodes>\n")
    for n in nodes:
        d = _node_data(g.nodes[n])
        values = "".join(f'\n          <attvalue for="{ids["node", k]}" value="{attr(_value(v))}"/>'
                         for k, v in d.items() if k != "label")
        write(f'      <node id="{attr(n)}" label="{attr(d.get("label", n))}">\n        <attvalues>{values}\n'
              f'        </attvalues>\n      </node>\n'.encode("utf-8"))
    write(b"    </nodes>\n    <edges>\n")
    for i, (s, o, d) in enumerate(edges):
        values = "".join(f'\n          <attvalue for="{ids["edge", k]}" value="{attr(_value(v))}"/>'
                         for k, v in d.items() if k != "label")
        label = f' label="{attr(d["label"])}"' if "label" in d else ""
        write(f'      <edge id="{i}" source="{attr(s)}" target="{attr(o)}"{label}>\n        <attvalues>{values}\n'
              f'        </attvalues>\n      </edge>\n'.encode("utf-8"))
    write(b"    </edges>\n  </graph>\n</gexf>\n")


def graphml(g: nx.MultiDiGraph, betweenness: bool = False) -> str:
    buf = io.BytesIO()
    write_graphml(g, buf, betweenness)
    return buf.getvalue().decode("utf-8")


def gexf(g: nx.MultiDiGraph, betweenness: bool = False) -> str:
    buf = io.BytesIO()
    write_gexf(g, buf, betweenness)
    return buf.getvalue().decode("utf-8")


def centrality_csv(g: nx.MultiDiGraph) -> str:
    add_centrality(g)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["node", "class", "label", "country", "degree", "betweenness"])
    rows = [(n, d["cls"], d["label"], d.get("country", ""), d["degree"], d["betweenness"])
            for n, d in g.nodes(data=True) if d["cls"] in ACTORS]
    writer.writerows(sorted(rows, key=lambda r: (-r[5], -r[4], r[2])))
    return buf.getvalue()
