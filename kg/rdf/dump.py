"""Serializations written by Oxigraph itself, for on-disk stores: rdflib's serializers need the whole
graph as Python objects (minutes and GBs at ten thousand articles); Oxigraph streams them."""
from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

from kg.rdf.nquads import in_graph


def _skipping(store: ox.Store, skip: set[str]) -> list[ox.NamedNode]:
    """The store's named graphs but `skip`, in IRI order so that the same store gives the same file."""
    return sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value not in skip),
                  key=lambda g: g.value)


def turtle(store: ox.Store, out: BinaryIO, prefixes: dict[str, str]) -> None:
    """The store's default graph (kept as the union of the named graphs, kg.writer) as Turtle."""
    store.dump(out, format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=prefixes)


def trig(store: ox.Store, out: BinaryIO, prefixes: dict[str, str], skip: set[str]) -> None:
    """Every named graph but `skip` as TriG, one graph at a time: the prefixes once, then each graph's
    Turtle body (its own prefix lines cut) inside its braces."""
    out.write("".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items()).encode("utf-8"))
    for graph in _skipping(store, skip):
        body = store.dump(format=ox.RdfFormat.TURTLE, from_graph=graph, prefixes=prefixes)
        while body.startswith(b"@prefix "):
            body = body[body.index(b"\n") + 1:]
        out.write(b"\n" + str(graph).encode("utf-8") + b" {\n" + body + b"}\n")


def nquads_sorted(store: ox.Store, out: BinaryIO, skip: set[str]) -> None:
    """Every named graph but `skip` as N-Quads, lines sorted: byte-identical for the same statements."""
    lines = []
    for graph in _skipping(store, skip):
        ntriples = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).decode("utf-8")
        # split on '\n' only: str.splitlines would also break at a U+2028 inside a literal
        lines += [line for line in in_graph(graph.value, ntriples).split("\n") if line]
    out.write(("\n".join(sorted(lines)) + "\n").encode("utf-8"))
