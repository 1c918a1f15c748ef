"""The triple store behind the graph, chosen by name through rdflib's plugin registry:
`memory` → rdflib's Memory store, a folder path → Oxigraph on disk (oxrdflib), an http(s) URL →
a SPARQL 1.1 server (kg.remote_store, plugin `KgSPARQL`). Every article's
statements live in a named graph of their own; the vocabulary lives in one more."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from rdflib import Dataset, Literal, URIRef
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
    """Puts built articles into the store: for each, its old index entry and graph out, then the new graph
    and entry in. On Oxigraph the graphs go through the bulk loader and each batch's entries follow in one
    transaction, as the mark that those graphs are whole; other stores go through rdflib."""

    def __init__(self, ds: Dataset, index_graph: URIRef):
        self.ds = ds
        self.index_graph = index_graph
        self.native = native_store(ds)

    @property
    def wants_text(self) -> bool:
        """Oxigraph parses N-Quads text natively; other stores take rdflib triples."""
        return self.native is not None

    def write(self, batch: list[tuple[URIRef, URIRef, str | list, list[tuple]]]) -> None:
        """batch: (article IRI, graph IRI, the graph as N-Quads text if `wants_text` else its triples,
        the index entry's triples)."""
        from kg.rdf.nquads import nquads
        if not batch:
            return
        self.remove([(article, graph) for article, graph, _, _ in batch])
        if self.native is not None:
            import pyoxigraph as ox
            # not atomic, so the entries come after: a build killed in between leaves graphs without
            # entries, which the next build replaces
            self.native.bulk_load("".join(text for _, _, text, _ in batch).encode("utf-8"),
                                  format=ox.RdfFormat.N_QUADS)
            entries = "".join(nquads(self.index_graph, entry) for _, _, _, entry in batch)
            self.native.load(entries.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
            return
        for _, graph, triples, _ in batch:
            g = self.ds.graph(graph)
            self.ds.addN((s, p, o, g) for s, p, o in triples)
        index = self.ds.graph(self.index_graph)
        self.ds.addN((s, p, o, index) for _, _, _, entry in batch for s, p, o in entry)

    def remove(self, articles: list[tuple[URIRef, URIRef]]) -> None:
        """The index entry goes first: a store cut short between the two only holds a graph that the next
        build, finding no entry, replaces."""
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
        index = self.ds.graph(self.index_graph)
        for article, graph in articles:
            index.remove((article, None, None))
            self.ds.remove_graph(self.ds.graph(graph))

    def replace(self, graph: URIRef, triples, fingerprint: str | None = None) -> None:
        """Replace a whole graph (vocabulary, links) unless the index says it already holds `fingerprint`;
        `triples` may be a function giving them, called only when needed. As with articles, the mark
        goes out first and comes back last."""
        if fingerprint is not None and self.mark(graph) == fingerprint:
            return
        self.set_mark(graph, None)
        self._replace(graph, triples() if callable(triples) else triples)
        if fingerprint is not None:
            self.set_mark(graph, fingerprint)

    def edit(self, graph: URIRef, subjects: Iterable[URIRef], triples: Iterable[tuple]) -> None:
        """Take out of `graph` every statement about `subjects`, then put `triples` in."""
        if self.native is not None:
            import pyoxigraph as ox
            from kg.rdf.nquads import nquads
            g = _native(graph)
            for subject in subjects:
                for q in list(self.native.quads_for_pattern(_native(subject), None, None, g)):
                    self.native.remove(q)
            self.native.load(nquads(graph, list(triples)).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
            return
        g = self.ds.graph(graph)
        for subject in subjects:
            g.remove((subject, None, None))
        self.ds.addN((s, p, o, g) for s, p, o in triples)

    def mark(self, graph: URIRef) -> str | None:
        """What the index says a whole graph holds (a fingerprint), if anything."""
        from kg.index import BUILD
        values = objects(self.ds, self.index_graph, graph, BUILD.fingerprint)
        return values[0] if values else None

    def set_mark(self, graph: URIRef, value: str | None) -> None:
        from kg.index import BUILD
        index = self.ds.graph(self.index_graph)
        index.remove((graph, BUILD.fingerprint, None))
        if value is not None:
            index.add((graph, BUILD.fingerprint, Literal(value)))

    def _replace(self, graph: URIRef, triples: Iterable[tuple]) -> None:
        if self.native is None:
            replace_graph(self.ds, graph, triples)
            return
        import pyoxigraph as ox
        from kg.rdf.nquads import nquads
        self.native.remove_graph(ox.NamedNode(str(graph)))
        self.native.load(nquads(graph, triples).encode("utf-8"), format=ox.RdfFormat.N_QUADS)


def native_store(ds: Dataset):
    """The pyoxigraph Store under an Oxigraph dataset, for what rdflib's API makes slow; else None."""
    inner = getattr(ds.store, "_inner", None)
    try:
        import pyoxigraph
    except ImportError:
        return None
    return inner if isinstance(inner, pyoxigraph.Store) else None


def statements(ds: Dataset, graph: URIRef, predicate: URIRef) -> Iterable[tuple[str, str]]:
    """(subject, object) strings of one predicate in one graph; natively on Oxigraph, where going through
    rdflib terms costs seconds on a large store."""
    inner = native_store(ds)
    if inner is not None:
        import pyoxigraph as ox
        # a query is three times quicker than quads_for_pattern over a large graph
        rows = inner.query("SELECT ?s ?o ?g ?p WHERE { GRAPH ?g { ?s ?p ?o } }",
                           substitutions={ox.Variable("g"): ox.NamedNode(str(graph)),
                                          ox.Variable("p"): ox.NamedNode(str(predicate))})
        for row in rows:
            yield row[0].value, row[1].value
        return
    for s, _, o in ds.graph(graph).triples((None, predicate, None)):
        yield str(s), str(o)


def subjects(ds: Dataset, graph: URIRef, predicate: URIRef, value) -> list[str]:
    """Subjects (as strings) of the statements `? predicate value` in one graph: an index lookup."""
    inner = native_store(ds)
    if inner is not None:
        return [q.subject.value for q in inner.quads_for_pattern(None, _native(predicate), _native(value),
                                                                 _native(graph))]
    return [str(s) for s in ds.graph(graph).subjects(predicate, value)]


def objects(ds: Dataset, graph: URIRef, subject: URIRef, predicate: URIRef) -> list[str]:
    """Objects (as strings) of the statements `subject predicate ?` in one graph: an index lookup."""
    inner = native_store(ds)
    if inner is not None:
        return [q.object.value for q in inner.quads_for_pattern(_native(subject), _native(predicate), None,
                                                                _native(graph))]
    return [str(o) for o in ds.graph(graph).objects(subject, predicate)]


def _native(term):
    import pyoxigraph as ox
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))) if term.datatype else ox.Literal(str(term))
    return ox.NamedNode(str(term))


def deduplicated(ds: Dataset, skip_graphs: tuple[URIRef, ...] = ()):
    """For heavy read-only analysis (the views): each statement once, in an in-memory store.

    Oxigraph's union of named graphs is a bag: a person's label stated in a thousand articles comes back
    a thousand times, and a join of three such patterns a billion times. Copied into one in-memory
    default graph, statements are a set again. Other stores already answer the union as a set."""
    inner = native_store(ds)
    if inner is None or getattr(ds, "is_deduplicated", False):
        return ds
    import pyoxigraph as ox
    skip = {str(g) for g in skip_graphs}
    copy = Dataset(store="Oxigraph", default_union=True)      # not opened: Oxigraph in memory
    target = copy.store._inner
    graphs = [g for g in inner.named_graphs() if isinstance(g, ox.NamedNode) and g.value not in skip]
    for i in range(0, len(graphs), 500):       # dumped and loaded natively, a few hundred graphs at a time
        chunk = b"".join(inner.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g) for g in graphs[i:i + 500])
        target.bulk_load(chunk, format=ox.RdfFormat.N_TRIPLES)
    copy.is_deduplicated = True
    return copy
