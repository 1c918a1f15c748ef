"""The triple store behind the graph, chosen by name through rdflib's plugin registry:
`memory` → rdflib's Memory store, a folder path → Oxigraph on disk (oxrdflib), an http(s) URL →
a SPARQL 1.1 server (kg.store.remote, plugin `KgSPARQL`). Every article's
statements live in a named graph of their own; the vocabulary lives in one more. Writing goes through
kg.store.writer."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugin import PluginException

from kg.errors import KgError
from kg.namespaces import DEFAULT_BASE_IRI, graphs_base

DEFAULT_STORE = ".kg"
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:")     # a URL scheme other than http(s); two letters at least


def store_plugin(spec: str) -> tuple[str, str | None]:
    """(rdflib store plugin name, what to open it with) for a `--store` value."""
    if spec == "memory":
        return "Memory", None
    if spec.startswith(("http://", "https://")):
        return "KgSPARQL", spec
    if SCHEME.match(spec):
        # 'oxigraph:/data/kg' would otherwise become a folder named 'oxigraph:' beside the user
        folder = re.sub(r"^/+", "/", spec.split(":", 1)[1]) or "./kg-store"
        raise KgError(f"--store {spec}: not a store kg knows; give a folder (e.g. {folder}), "
                      "'memory', or a SPARQL server's http(s) URL")
    return "Oxigraph", str(Path(spec))


def open_dataset(spec: str = DEFAULT_STORE, create: bool = True, base_iri: str = DEFAULT_BASE_IRI,
                 read_only: bool = False) -> Dataset:
    """`read_only` opens an Oxigraph folder without its writer's lock, so that several readers (`kg serve`,
    `kg query`) share it; a write to such a dataset fails. On Oxigraph the default graph is the union of the named graphs, kept by the build (kg.store.writer):
    Oxigraph's own union is a bag, where a statement made in a thousand articles joins a thousand times.
    rdflib's Memory store answers the union of its named graphs, a set, as the default graph; a SPARQL server
    is read through the union graph the build keeps there (kg.store.remote)."""
    plugin, location = store_plugin(spec)
    try:
        ds = Dataset(store=plugin, default_union=plugin != "Oxigraph")
    except PluginException as e:
        raise KgError(f"store '{plugin}' is not installed ({e}); reinstall kg with pip install -e .") from None
    if plugin == "KgSPARQL":
        ds.open(location)
        ds.store.graph_prefix = graphs_base(base_iri)   # a shared server holds other graphs too
        ds.store.use_union(union_graph_iri(base_iri), index_graph=URIRef(graphs_base(base_iri) + "build/index"))
        ds.query("ASK { }")                          # fails with a clear line if nobody answers
    elif location is not None:
        path = Path(location)
        if (read_only or not create) and not path.exists():
            raise KgError(f"{location}: no store here; run `kg build` first")
        if read_only:
            try:
                # oxrdflib opens only for writing; it uses a pyoxigraph Store set before the first operation
                ds.store._store = ox.Store.read_only(location)
            except OSError as e:
                raise KgError(f"{location}: cannot open the store to read ({e})") from None
            return ds
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # oxrdflib refuses create=True on an existing folder: reopen what is there
            ds.open(location, create=not path.exists())
        except (OSError, ValueError) as e:
            raise KgError(f"{location}: cannot open the store ({e}); is another kg process using it?") from None
        drop_old_logs(path)
    return ds


def union_graph_iri(base_iri: str) -> URIRef:
    """Where a build keeps the union of the article graphs on a SPARQL server (kg.store.remote.use_union):
    Oxigraph's embedded store keeps it in its default graph."""
    return URIRef(graphs_base(base_iri) + "build/union")


def drop_old_logs(path: Path) -> None:
    """RocksDB starts a new info log at every read-write open and keeps the last one as LOG.old.<time>, up to
    a thousand of them: diagnostics nobody reads, which would grow the folder with every `kg build`. The
    current LOG stays."""
    for old in path.glob("LOG.old.*"):
        try:
            old.unlink()
        except OSError:
            pass          # another process's, or already gone: harmless either way


def replace_graph(ds: Dataset, graph: URIRef, triples: Iterable[tuple]) -> None:
    """Building an article again replaces its graph: the store never holds two versions of one article."""
    ds.remove_graph(ds.graph(graph))
    g = ds.graph(graph)
    ds.addN((s, p, o, g) for s, p, o in triples)



def native_store(ds: Dataset):
    """The pyoxigraph Store under an Oxigraph dataset, for what rdflib's API makes slow; else None."""
    inner = getattr(ds.store, "_inner", None)
    return inner if isinstance(inner, ox.Store) else None


def statements(ds: Dataset, graph: URIRef, predicate: URIRef) -> Iterable[tuple[str, str]]:
    """(subject, object) strings of one predicate in one graph; natively on Oxigraph, where going through
    rdflib terms costs seconds on a large store."""
    inner = native_store(ds)
    if inner is not None:
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
        return [q.subject.value for q in inner.quads_for_pattern(None, native_term(predicate), native_term(value),
                                                                 native_term(graph))]
    return [str(s) for s in ds.graph(graph).subjects(predicate, value)]


def objects(ds: Dataset, graph: URIRef, subject: URIRef, predicate: URIRef) -> list[str]:
    """Objects (as strings) of the statements `subject predicate ?` in one graph: an index lookup."""
    inner = native_store(ds)
    if inner is not None:
        return [q.object.value for q in inner.quads_for_pattern(native_term(subject), native_term(predicate), None,
                                                                native_term(graph))]
    return [str(o) for o in ds.graph(graph).objects(subject, predicate)]


def native_term(term):
    """An rdflib IRI or literal as a pyoxigraph term."""
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))) if term.datatype else ox.Literal(str(term))
    return ox.NamedNode(str(term))


def rdflib_term(term, plain_strings: bool = False):
    """A pyoxigraph term as rdflib's (anything else as it is): as oxrdflib gives it, or with xsd:string literals
    plain (`plain_strings`, so that they equal the literals rdflib parses from N-Triples)."""
    if term is None or not isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return term
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if plain_strings and datatype == str(XSD.string) else URIRef(datatype))
