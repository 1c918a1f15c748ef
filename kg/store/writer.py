"""Puts built articles, and the graphs the build keeps whole (vocabulary, reaffirmation links), into the
store.

On Oxigraph the default graph holds the union of the named graphs (the index aside) as a set, for
queries (kg.store.open_dataset), evidence aside: the statements about mention and sentence nodes (offsets,
anchors, sentence text) are each one article's own, so they live only in its graph, where readers find
them with GRAPH ?g { } (they were half the union and a quarter of the store). Adding a graph adds its statements there too; taking one out takes out
those no other graph holds, statement by statement, which is quick for a few articles. When many change
(`tidy_union` False) the union is left alone while writing and rebuilt once at the end.

On a SPARQL server that keeps a union graph (kg.store.remote.use_union: Virtuoso) the same union
is kept there, always statement by statement: the article's statements go to the union graph with the
article's, and a graph removed or edited takes out of the union what no other graph holds, all in the
store's joined requests."""
from __future__ import annotations

from typing import Iterable

import pyoxigraph as ox
from rdflib import Dataset, Literal, URIRef

from kg.namespaces import DEFAULT_BASE_IRI
from kg.store.index import BUILD
from kg.store.summary import summary_graph_iri
from kg.rdf.emit import evidence_subjects
from kg.rdf.nquads import nquads
from kg.store import native_store, native_term, objects

UNION_GRAPHS = 100     # graphs copied into a server's union graph by one update
UNION_CHUNK = 500      # graphs dumped and loaded together when the union is rebuilt
# statements below which a batch goes in by one transaction, not the bulk loader: each bulk load writes and
# ingests a dozen new table files (~0.2 s, and they pile up), where a transaction takes ~10 ms an article
BULK_FROM = 20_000


class ArticleWriter:
    """For each built article: its old index entry and graph out, then the new graph and entry in. On
    Oxigraph the graphs go through the bulk loader (a small batch through one transaction) and each batch's
    entries follow in one transaction, as the mark that those graphs are whole; other stores go through
    rdflib."""

    def __init__(self, ds: Dataset, index_graph: URIRef, base_iri: str = DEFAULT_BASE_IRI):
        self.ds = ds
        self.index_graph = index_graph
        self.evidence = evidence_subjects(base_iri)
        self._evidence_iris = tuple(prefix[1:].decode("utf-8") for prefix in self.evidence)
        self.native = native_store(ds)
        self.tidy_union = True
        self.outside_union = {index_graph}   # the build's own graphs, which the union never holds
        self.union = getattr(ds.store, "union_graph", None)   # a server's union graph (kg.store.remote)
        self._union_checked = False
        self.base_iri = base_iri

    @property
    def wants_text(self) -> bool:
        """Oxigraph parses N-Triples text natively; other stores take rdflib triples."""
        return self.native is not None

    def write(self, batch: list[tuple[URIRef, URIRef, str | list, list[tuple]]]) -> None:
        """batch: (article IRI, graph IRI, the graph as N-Triples text if `wants_text` else its triples,
        the index entry's triples).

        On Oxigraph nothing here is one transaction, so the order is what keeps a killed run safe: the
        entries go out first, the new statements are added to the old graph, then what only the old graph
        said goes, then the entries come back as the mark that those graphs are whole. An article's text
        and metadata stay in its graph throughout, so a graph left without an entry (a run killed midway)
        can always be built again from itself (kg.build.Builder recovers such graphs)."""
        if not batch:
            return
        if self.native is None:
            self._union_ready()
            self.remove([(article, graph) for article, graph, _, _ in batch])
            for _, graph, triples, _ in batch:
                self._add(graph, triples)
            index = self.ds.graph(self.index_graph)
            self.ds.addN((s, p, o, index) for _, _, _, entry in batch for s, p, o in entry)
            return
        for article, _, _, _ in batch:
            self._drop_entry(article)
        old = {graph: set(self.native.quads_for_pattern(None, None, None, native_term(graph)))
               for _, graph, _, _ in batch if self.native.contains_named_graph(native_term(graph))}
        data = b"".join(_with_union(graph, text, self.evidence) for _, graph, text, _ in batch)
        if data.count(b"\n") < BULK_FROM:
            self.native.load(data, format=ox.RdfFormat.N_QUADS)
        else:
            self.native.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        for _, graph, text, _ in batch:
            if graph in old:
                g = native_term(graph)
                new = ox.Store()     # read back as the store keeps them: a double's form may change
                new.load(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=g)
                for q in old[graph] - set(new):
                    self.native.remove(q)
                    self._leave_union(q, g)
        entries = "".join(nquads(self.index_graph, entry) for _, _, _, entry in batch)
        self.native.load(entries.encode("utf-8"), format=ox.RdfFormat.N_QUADS)

    def remove(self, articles: list[tuple[URIRef, URIRef]]) -> None:
        """Each graph goes before its index entry: a run cut short leaves entries whose graphs are gone or
        going, which the next run (a `kg remove` again, or any build) finishes taking out."""
        if self.native is not None:
            for article, graph in articles:
                self._drop_graph(native_term(graph))
                self._drop_entry(article)
            return
        self._union_ready()
        index = self.ds.graph(self.index_graph)
        for article, graph in articles:
            self._drop_remote(graph)
            index.remove((article, None, None))

    # -- the union on a SPARQL server ------------------------------------------------------------------------

    def _union_ready(self) -> None:
        """Before the first change to a server's store built before kg kept its union graph: the union made
        from every graph of the store but the build's own, once, and named as the default graph of queries."""
        if self.union is None or self._union_checked:
            return
        self._union_checked = True
        store = self.ds.store
        if store.holds(self.union) or not store.holds(self.index_graph):
            return
        outside = self.outside_union | {summary_graph_iri(self.base_iri), self.union}
        graphs = [g for g in store.graphs() if g not in outside]
        keep = " && ".join(f'!STRSTARTS(STR(?s), "{prefix}")' for prefix in self._evidence_iris)
        for i in range(0, len(graphs), UNION_GRAPHS):
            block = " ".join(g.n3() for g in graphs[i:i + UNION_GRAPHS])
            store.update(f"INSERT {{ GRAPH {self.union.n3()} {{ ?s ?p ?o }} }} WHERE {{ VALUES ?g {{ {block} }} "
                         f"GRAPH ?g {{ ?s ?p ?o }} FILTER ({keep}) }}")
        if not any(k == "default-graph-uri" for k, _ in store.dataset):
            store.dataset.append(("default-graph-uri", str(self.union)))

    def _add(self, graph: URIRef, triples: Iterable[tuple]) -> None:
        """`triples` into `graph` and, evidence aside, into the server's union graph, if it keeps one."""
        g = self.ds.graph(graph)
        if self.union is None or graph in self.outside_union:
            self.ds.addN((s, p, o, g) for s, p, o in triples)
            return
        union = self.ds.graph(self.union)
        self.ds.addN(q for s, p, o in triples for q in (
            ((s, p, o, g),) if str(s).startswith(self._evidence_iris) else ((s, p, o, g), (s, p, o, union))))

    def _drop_remote(self, graph: URIRef, subjects: Iterable[URIRef] | None = None) -> None:
        """`graph` out (or the statements about `subjects` in it), and from the union what no other graph holds."""
        if self.union is None or graph in self.outside_union:
            if subjects is None:
                self.ds.remove_graph(self.ds.graph(graph))
            else:
                g = self.ds.graph(graph)
                for subject in subjects:
                    g.remove((subject, None, None))
            return
        for subject in (None,) if subjects is None else subjects:
            self.ds.store.leave(graph, subject, self.outside_union)

    def _drop_entry(self, article: URIRef) -> None:
        index = native_term(self.index_graph)
        for q in list(self.native.quads_for_pattern(native_term(article), None, None, index)):
            self.native.remove(q)

    def named_graphs(self) -> list[str]:
        if self.native is not None:
            return [g.value for g in self.native.named_graphs() if isinstance(g, ox.NamedNode)]
        return [str(g.identifier) for g in self.ds.contexts() if isinstance(g.identifier, URIRef)]

    def replace(self, graph: URIRef, triples, fingerprint: str | None = None) -> None:
        """Replace a whole graph (vocabulary, links) unless the index says it already holds `fingerprint`;
        `triples` may be a function giving them, called only when needed. As with articles, the mark
        goes out first and comes back last."""
        if fingerprint is not None and self.mark(graph) == fingerprint:
            return
        self.set_mark(graph, None)
        triples = triples() if callable(triples) else triples
        if self.native is None:
            self._union_ready()
            self._drop_remote(graph)
            self._add(graph, triples)
        else:
            self._drop_graph(native_term(graph))
            self.native.load(_with_union(graph, nquads(None, triples), self.evidence), format=ox.RdfFormat.N_QUADS)
        if fingerprint is not None:
            self.set_mark(graph, fingerprint)

    def edit(self, graph: URIRef, subjects: Iterable[URIRef], triples: Iterable[tuple]) -> None:
        """Take out of `graph` every statement about `subjects`, then put `triples` in."""
        if self.native is None:
            self._union_ready()
            self._drop_remote(graph, subjects)
            self._add(graph, triples)
            return
        g = native_term(graph)
        for subject in subjects:
            for q in list(self.native.quads_for_pattern(native_term(subject), None, None, g)):
                self.native.remove(q)
                self._leave_union(q, g)
        self.native.load(_with_union(graph, nquads(None, triples), self.evidence), format=ox.RdfFormat.N_QUADS)

    def mark(self, graph: URIRef) -> str | None:
        """What the index says a whole graph holds (a fingerprint), if anything."""
        values = objects(self.ds, self.index_graph, graph, BUILD.fingerprint)
        return values[0] if values else None

    def set_mark(self, graph: URIRef, value: str | None) -> None:
        index = self.ds.graph(self.index_graph)
        index.remove((graph, BUILD.fingerprint, None))
        if value is not None:
            index.add((graph, BUILD.fingerprint, Literal(value)))

    def notes(self, subject: URIRef, kind: URIRef) -> set[str]:
        """Values the index keeps about a run in progress (e.g. the ids a removal takes out)."""
        return set(objects(self.ds, self.index_graph, subject, kind))

    def set_notes(self, subject: URIRef, kind: URIRef, values: Iterable[str]) -> None:
        """All at once (one transaction on Oxigraph), replacing the notes there were."""
        index = self.ds.graph(self.index_graph)
        index.remove((subject, kind, None))
        triples = [(subject, kind, Literal(v)) for v in sorted(values)]
        if self.native is None:
            self.ds.addN((s, p, o, index) for s, p, o in triples)
        elif triples:
            self.native.load(nquads(self.index_graph, triples).encode("utf-8"), format=ox.RdfFormat.N_QUADS)

    # -- the union in Oxigraph's default graph -----------------------------------------------------------

    def is_empty(self) -> bool:
        """Nothing at all in the store (then the union, built as graphs arrive, needs no tidying)."""
        return self.native is None or next(iter(self.native.quads_for_pattern(None, None, None, None)), None) is None

    def _drop_graph(self, graph) -> None:
        if not self.native.contains_named_graph(graph):
            return
        if self.tidy_union:
            for q in list(self.native.quads_for_pattern(None, None, None, graph)):
                self._leave_union(q, graph)
        self.native.remove_graph(graph)

    def _leave_union(self, quad, graph) -> None:
        """`quad` leaves `graph`: its statement leaves the union unless another graph still holds it."""
        if not self.tidy_union or quad.subject.value.startswith(self._evidence_iris):
            return
        index = native_term(self.index_graph)
        for other in self.native.quads_for_pattern(quad.subject, quad.predicate, quad.object, None):
            if isinstance(other.graph_name, ox.NamedNode) and other.graph_name not in (graph, index):
                return
        self.native.remove(ox.Quad(quad.subject, quad.predicate, quad.object, ox.DefaultGraph()))

    def rebuild_union(self) -> None:
        """The default graph made again from every named graph but the build's own (index, summary): after many
        changes, or a run cut short."""
        if self.native is None:
            return
        outside = {native_term(g) for g in self.outside_union}
        self.native.clear_graph(ox.DefaultGraph())
        graphs = [g for g in self.native.named_graphs() if g not in outside]
        for i in range(0, len(graphs), UNION_CHUNK):
            chunk = b"".join(self.native.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g)
                             for g in graphs[i:i + UNION_CHUNK])
            self.native.bulk_load(union_part(chunk, self.evidence), format=ox.RdfFormat.N_TRIPLES)


def union_part(ntriples: bytes, evidence: tuple[bytes, ...]) -> bytes:
    """The lines of `ntriples` that the union keeps: all but those about evidence nodes."""
    if not any(prefix in ntriples for prefix in evidence):
        return ntriples
    lines = ntriples.split(b"\n")
    return b"\n".join(line for line in lines if not line.startswith(evidence))


def _with_union(graph: URIRef, ntriples: str, evidence: tuple[bytes, ...]) -> bytes:
    """N-Quads putting the statements into `graph` and, evidence aside, into the default graph (the
    union). As UTF-8 bytes: replacing in bytes is three times quicker than in a str of Vietnamese text, and
    the store takes bytes. Literals escape their line breaks, so every b' .\n' ends a statement (as
    kg.rdf.nquads.in_graph)."""
    lines = ntriples.encode("utf-8")
    return lines.replace(b" .\n", b" <" + str(graph).encode("utf-8") + b"> .\n") + union_part(lines, evidence)
