"""The triple store behind the graph, chosen by name through rdflib's plugin registry:
`memory` → rdflib's Memory store, a folder path → Oxigraph on disk (oxrdflib), an http(s) URL →
a SPARQL 1.1 server (kg.remote_store, plugin `KgSPARQL`). Every article's
statements live in a named graph of their own; the vocabulary lives in one more."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from rdflib import Dataset, URIRef
from rdflib.plugin import PluginException

from kg.errors import KgError
from kg.namespaces import DEFAULT_BASE_IRI, graphs_base

DEFAULT_STORE = ".kg"


def store_plugin(spec: str) -> tuple[str, str | None]:
    """(rdflib store plugin name, what to open it with) for a `--store` value."""
    if spec == "memory":
        return "Memory", None
    if spec.startswith(("http://", "https://")):
        return "KgSPARQL", spec
    return "Oxigraph", str(Path(spec))


def open_dataset(spec: str = DEFAULT_STORE, create: bool = True, base_iri: str = DEFAULT_BASE_IRI) -> Dataset:
    plugin, location = store_plugin(spec)
    try:
        ds = Dataset(store=plugin, default_union=True)
    except PluginException as e:
        raise KgError(f"store '{plugin}' is not installed ({e}); reinstall kg with pip install -e .") from None
    if plugin == "KgSPARQL":
        ds.open(location)
        ds.store.graph_prefix = graphs_base(base_iri)   # a shared server holds other graphs too
        ds.query("ASK { }")                          # fails with a clear line if nobody answers
    elif location is not None:
        path = Path(location)
        if not create and not path.exists():
            raise KgError(f"{location}: no store here; run `kg build` first")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # oxrdflib refuses create=True on an existing folder: reopen what is there
            ds.open(location, create=not path.exists())
        except (OSError, ValueError) as e:
            raise KgError(f"{location}: cannot open the store ({e}); is another kg process using it?") from None
    return ds


def replace_graph(ds: Dataset, graph: URIRef, triples: Iterable[tuple]) -> None:
    """Building an article again replaces its graph: the store never holds two versions of one article."""
    ds.remove_graph(ds.graph(graph))
    g = ds.graph(graph)
    ds.addN((s, p, o, g) for s, p, o in triples)



class ArticleWriter:
    """Puts built articles into the store: for each, its old graph and index entry out, then the new
    graph and entry in. With Oxigraph each batch is one transaction parsed natively from N-Quads, so a
    build killed midway leaves whole articles or none; other stores go through rdflib."""

    def __init__(self, ds: Dataset, index_graph: URIRef):
        self.ds = ds
        self.index_graph = index_graph
        inner = getattr(ds.store, "_inner", None)
        self.native = inner if _is_oxigraph(inner) else None

    def write(self, batch: list[tuple[URIRef, URIRef, str, list[tuple]]]) -> None:
        """batch: (article IRI, graph IRI, the graph as N-Quads, the index entry's triples)."""
        from kg.rdf.nquads import nquads
        if not batch:
            return
        self.remove([(article, graph) for article, graph, _, _ in batch])
        entries = "".join(nquads(self.index_graph, entry) for _, _, _, entry in batch)
        if self.native is not None:
            import pyoxigraph as ox
            # the graphs by Oxigraph's bulk loader (fast, not atomic), then the index entries in one
            # transaction: an entry is the mark that its graph is whole, so a build killed in between
            # leaves graphs without entries, which the next build replaces
            self.native.bulk_load("".join(text for _, _, text, _ in batch).encode("utf-8"),
                                  format=ox.RdfFormat.N_QUADS)
            self.native.load(entries.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
            return
        data = "".join(text for _, _, text, _ in batch) + entries
        parsed = Dataset()
        parsed.parse(data=data, format="nquads")
        for _, graph, _, _ in batch:
            self.ds.addN((s, p, o, self.ds.graph(graph)) for s, p, o in parsed.graph(graph))
        index = self.ds.graph(self.index_graph)
        self.ds.addN((s, p, o, index) for s, p, o in parsed.graph(self.index_graph))

    def remove(self, articles: list[tuple[URIRef, URIRef]]) -> None:
        """The index entry goes first: a store cut short between the two only holds a graph that the next
        build, finding no entry, replaces."""
        index = self.ds.graph(self.index_graph)
        if self.native is not None:
            import pyoxigraph as ox
            g = ox.NamedNode(str(self.index_graph))
            for article, _ in articles:
                for q in list(self.native.quads_for_pattern(ox.NamedNode(str(article)), None, None, g)):
                    self.native.remove(q)
            for _, graph in articles:
                if self.native.contains_named_graph(ox.NamedNode(str(graph))):
                    self.native.remove_graph(ox.NamedNode(str(graph)))
            return
        for article, graph in articles:
            index.remove((article, None, None))
            self.ds.remove_graph(self.ds.graph(graph))

    def replace(self, graph: URIRef, triples: Iterable[tuple]) -> None:
        if self.native is None:
            replace_graph(self.ds, graph, triples)
            return
        import pyoxigraph as ox
        from kg.rdf.nquads import nquads
        self.native.remove_graph(ox.NamedNode(str(graph)))
        self.native.load(nquads(graph, triples).encode("utf-8"), format=ox.RdfFormat.N_QUADS)


def statements(ds: Dataset, graph: URIRef, predicate: URIRef) -> Iterable[tuple[str, str]]:
    """(subject, object) strings of one predicate in one graph; natively on Oxigraph, where going through
    rdflib terms costs seconds on a large store."""
    inner = getattr(ds.store, "_inner", None)
    if _is_oxigraph(inner):
        import pyoxigraph as ox
        for q in inner.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, ox.NamedNode(str(graph))):
            yield q.subject.value, q.object.value
        return
    for s, _, o in ds.graph(graph).triples((None, predicate, None)):
        yield str(s), str(o)


def _is_oxigraph(inner) -> bool:
    try:
        import pyoxigraph
    except ImportError:
        return False
    return isinstance(inner, pyoxigraph.Store)
