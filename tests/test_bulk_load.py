"""Builds loaded into servers by their bulk paths (Virtuoso's bulk loader through isql, an Oxigraph
server's Graph Store upload) hold exactly what a local build holds; INSERT DATA stays the path of any
other SPARQL server; a loader that cannot be used is one clear line."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from kg.build import build_articles
from kg.cli import main
from kg.namespaces import DEFAULT_BASE_IRI, SCHEMA, graphs_base
from kg.store.remote import GraphStoreLoader, Loader, VirtuosoLoader
from kg.store import open_dataset, replace_graph

from .conftest import SEEDS
from .servers import free_port, oxigraph_server, required_or_skip, running

PREFIX = graphs_base(DEFAULT_BASE_IRI)


@pytest.fixture(scope="module")
def virtuoso_ports(tmp_path_factory):
    """(SPARQL URL, loader spec) of a private Virtuoso."""
    required_or_skip("Virtuoso (virtuoso-opensource)", bool(shutil.which("virtuoso-t") and shutil.which("isql-vt")))
    http, sql = free_port(), free_port()
    with running("virtuoso.sh", tmp_path_factory.mktemp("virtuoso-bulk"),
                 {"KG_VIRTUOSO_HTTP": str(http), "KG_VIRTUOSO_SQL": str(sql)}):
        yield f"http://127.0.0.1:{http}/sparql", f"isql://127.0.0.1:{sql}"


@pytest.fixture(scope="module")
def oxigraph_url(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph-bulk")) as url:
        yield url


@pytest.fixture(scope="module")
def local():
    ds = open_dataset("memory")
    build_articles(ds, [SEEDS])
    return ours(ds)


def ours(ds) -> dict:
    """graph IRI → its statements, for the graphs kg writes (a server may hold others)."""
    graphs = {}
    for s, p, o, g in ds.quads((None, None, None, None)):
        name = getattr(g, "identifier", g)
        if str(name).startswith(PREFIX):
            graphs.setdefault(str(name), set()).add((s, p, o))
    return graphs


class Counting(Loader):
    """Counts the bulk loads a server's own loader makes, and passes them on."""

    def __init__(self, inner: Loader):
        self.inner, self.loads = inner, 0

    def load(self, nquads: bytes) -> None:
        self.loads += 1
        self.inner.load(nquads)


def server(name, virtuoso_ports, oxigraph_url):
    return {"virtuoso": virtuoso_ports[0], "oxigraph-server": oxigraph_url}[name]


@pytest.mark.parametrize("name, loader", [("virtuoso", VirtuosoLoader), ("oxigraph-server", GraphStoreLoader)])
def test_a_build_by_the_bulk_path_holds_what_a_local_build_holds(name, loader, virtuoso_ports, oxigraph_url, local):
    url = server(name, virtuoso_ports, oxigraph_url)
    args = ["--loader", virtuoso_ports[1]] if name == "virtuoso" else []
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--store", url, "--no-exports", *args])
    assert result.exit_code == 0, result.output
    ds = open_dataset(url, create=False)
    if name == "virtuoso":
        assert ds.store.loader is None         # only when asked: the loader needs isql and the server's folder
        ds.store.loader = VirtuosoLoader(virtuoso_ports[1])
    assert isinstance(ds.store.loader, loader)
    assert ours(ds) == local
    # building again over the bulk path replaces each graph: nothing doubles, nothing is left behind
    ds.store.loader = counting = Counting(ds.store.loader)
    extra = URIRef(PREFIX + "bulk-extra")
    replace_graph(ds, extra, [(URIRef(DEFAULT_BASE_IRI + "x/1"), SCHEMA.name, Literal("Santiago", lang="es"))])
    assert ours(ds) == {**local, str(extra): {(URIRef(DEFAULT_BASE_IRI + "x/1"), SCHEMA.name, Literal("Santiago", lang="es"))}}
    assert counting.loads == 1
    ds.store.remove_graph(Graph(identifier=extra))
    assert ours(ds) == local


TRICKY = {
    (URIRef(DEFAULT_BASE_IRI + "x/a/b(c)~d"), URIRef(DEFAULT_BASE_IRI + "p#q"), URIRef(DEFAULT_BASE_IRI + "o,e;f")),
    (URIRef(DEFAULT_BASE_IRI + "x/a/b(c)~d"), SCHEMA.name, Literal('nói "xin chào"\nNairobi\\2 — Lima <g> .', lang="vi")),
    (URIRef(DEFAULT_BASE_IRI + "x/%C3%A9t%C3%A9"), SCHEMA.name, Literal("tab\there")),
    (URIRef(DEFAULT_BASE_IRI + "x/n"), SCHEMA.position, Literal(7)),
}


@pytest.mark.parametrize("path", ["virtuoso loader", "oxigraph upload", "insert data"])
def test_terms_that_turtle_would_escape_arrive_intact_by_every_path(path, virtuoso_ports, oxigraph_url):
    url = oxigraph_url if path == "oxigraph upload" else virtuoso_ports[0]
    ds = open_dataset(url)
    ds.store.loader = VirtuosoLoader(virtuoso_ports[1]) if path == "virtuoso loader" else ds.store.loader
    assert (ds.store.loader is None) == (path == "insert data")
    graph = URIRef(PREFIX + "bulk-escapes-" + path.replace(" ", "-"))
    replace_graph(ds, graph, TRICKY)
    assert {t for t, _ in ds.store.triples((None, None, None), Graph(identifier=graph))} == TRICKY
    ds.store.remove_graph(Graph(identifier=graph))
    ds.close()


def test_writes_wait_in_order_and_go_together(oxigraph_url):
    """A graph replaced twice over ends as the second: the drop and the loads keep their order."""
    ds = open_dataset(oxigraph_url)
    requests, ds.store.loader = ds.store._updates, Counting(ds.store.loader)
    graph = URIRef(PREFIX + "bulk-order")
    for city in ("Oslo", "Rabat", "Astana"):
        replace_graph(ds, graph, [(URIRef(DEFAULT_BASE_IRI + "x/city"), SCHEMA.name, Literal(city))])
    assert (ds.store._updates, ds.store.loader.loads) == (requests, 0)     # nothing sent before a read
    assert {t for t, _ in ds.store.triples((None, None, None), Graph(identifier=graph))} == {
        (URIRef(DEFAULT_BASE_IRI + "x/city"), SCHEMA.name, Literal("Astana"))}
    assert (ds.store._updates - requests, ds.store.loader.loads) == (3, 3)    # each drop, then each upload
    ds.store.remove_graph(Graph(identifier=graph))
    ds.close()


@pytest.mark.parametrize("args, message", [
    (["--store", "memory", "--loader", "isql://127.0.0.1:1111"], "only for a SPARQL server"),
    (["--loader", "http://127.0.0.1:1111"], "give isql://[USER:PASSWORD@]HOST:PORT"),
    (["--loader", "isql://127.0.0.1"], "give isql://[USER:PASSWORD@]HOST:PORT"),
    (["--loader", "isql://127.0.0.1:{free}"], "isql 127.0.0.1:"),
])
def test_a_loader_that_cannot_be_used_is_one_clear_line(args, message, virtuoso_ports):
    args = [a.format(free=free_port()) for a in args]
    store = [] if "--store" in args else ["--store", virtuoso_ports[0]]
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--no-exports", *store, *args])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1



class Recording(Loader):
    """Records what a store sends, in order, without a server: each update request, each load (its graphs),
    each save."""

    def __init__(self, sent: list):
        self.sent = sent

    def load(self, nquads: bytes) -> None:
        self.sent.append(("load", sorted({line.rsplit(b" <", 1)[1][:-3].decode() for line in nquads.splitlines()})))

    def save(self) -> None:
        self.sent.append(("save",))


class Closed:
    def close(self):
        pass


def recording_store(drops_by_delete: bool):
    from kg.store.remote import RemoteStore
    store, sent = RemoteStore(), []
    store.update_endpoint = "http://127.0.0.1:9/none"
    store.loader, store.drops_by_delete = Recording(sent), drops_by_delete
    store._post = lambda url, form, accept=None: (sent.append(("update", form["update"])), Closed())[1]
    return store, sent


NAIROBI, LIMA = URIRef(PREFIX + "kenya-1"), URIRef(PREFIX + "peru-1")
INDEX = URIRef(PREFIX + "build/index")
ENTRY = URIRef("urn:kg:build#entry")


def article(store, graph):
    """As kg's writer replaces an article on a server: its graph and index entry out, both back in."""
    store.remove_graph(Graph(identifier=graph))
    store.remove((graph, None, None), Graph(identifier=INDEX))
    store.addN([(graph, SCHEMA.name, Literal(graph[-7:]), Graph(identifier=graph)),
                (graph, ENTRY, Literal("whole"), Graph(identifier=INDEX))])


def mark(store):
    store.add((INDEX, SCHEMA.name, Literal("settled")), Graph(identifier=INDEX))


@pytest.mark.parametrize("steps, expected", [
    # two batches of articles: every removal goes first, joined; then one load; durable at the end
    ([lambda s: article(s, NAIROBI), lambda s: article(s, LIMA)],
     ["update", ("load", sorted(map(str, (INDEX, LIMA, NAIROBI)))), ("save",)]),
    # the same article twice: the second removal touches the waiting statements, so it waits for them
    ([lambda s: article(s, NAIROBI), lambda s: article(s, NAIROBI)],
     ["update", ("load", [str(INDEX), str(NAIROBI)]), "update", ("load", [str(INDEX), str(NAIROBI)]), ("save",)]),
    # a mark saying the loads are whole is sent only once they are durable
    ([lambda s: article(s, NAIROBI), mark],
     ["update", ("load", [str(INDEX), str(NAIROBI)]), ("save",), "update"]),
])
def test_removals_go_ahead_of_loads_they_do_not_touch(steps, expected):
    store, sent = recording_store(drops_by_delete=True)
    for step in steps:
        step(store)
    assert sent == []          # nothing sent before a read or a flush
    store.flush()
    assert [s if s[0] != "update" else "update" for s in sent] == expected


@pytest.mark.parametrize("drops_by_delete, expected", [
    (True, ["DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { VALUES (?g) { (<{kenya}>) (<{peru}>) } GRAPH ?g { ?s ?p ?o } }",
            "DELETE { GRAPH <{index}> { ?s ?p ?o } } WHERE { VALUES (?s) { (<{kenya}>) (<{peru}>) } "
            "GRAPH <{index}> { ?s ?p ?o } }"]),
    (False, ["DROP SILENT GRAPH <{kenya}>", "DROP SILENT GRAPH <{peru}>",
             "DELETE { GRAPH <{index}> { ?s ?p ?o } } WHERE { VALUES (?s) { (<{kenya}>) (<{peru}>) } "
             "GRAPH <{index}> { ?s ?p ?o } }"]),
])
def test_removals_are_joined_by_shape(drops_by_delete, expected):
    """Virtuoso removes graphs by one DELETE over VALUES (a DROP each is slow there); other servers DROP."""
    store, sent = recording_store(drops_by_delete)
    article(store, NAIROBI)
    article(store, LIMA)
    store.flush()
    assert sent[0][1].split(" ;\n") == [e.replace("{kenya}", str(NAIROBI)).replace("{peru}", str(LIMA))
                                        .replace("{index}", str(INDEX)) for e in expected]


UNION = URIRef(PREFIX + "build/union")


@pytest.mark.parametrize("drops_by_delete, drop", [
    (True, "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { VALUES (?g) { (<{kenya}>) (<{peru}>) } GRAPH ?g { ?s ?p ?o } }"),
    (False, "DROP SILENT GRAPH <{kenya}>\nDROP SILENT GRAPH <{peru}>"),
])
def test_graphs_leaving_the_union_go_in_one_delete_just_before_their_drop(drops_by_delete, drop):
    """Two articles out: one DELETE takes out of the union what neither the other graphs nor those outside the
    union hold, then the graphs go, in the same request."""
    store, sent = recording_store(drops_by_delete)
    store.union_graph = UNION
    for graph in (NAIROBI, LIMA):
        store.leave(graph, None, {INDEX})
    store.flush()
    fill = {"{kenya}": str(NAIROBI), "{peru}": str(LIMA), "{index}": str(INDEX), "{union}": str(UNION)}
    expected = ("DELETE { GRAPH <{union}> { ?s ?p ?o } } WHERE { VALUES (?g) { (<{kenya}>) (<{peru}>) } "
                "GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { GRAPH ?other { ?s ?p ?o } "
                "FILTER (?other NOT IN (<{union}>, <{index}>, <{kenya}>, <{peru}>)) } }\n" + drop)
    for key, value in fill.items():
        expected = expected.replace(key, value)
    assert [s[0] for s in sent] == ["update"]
    assert sent[0][1].split(" ;\n") == expected.split("\n")


@pytest.mark.parametrize("query, sent", [
    ("SELECT * WHERE { GRAPH <urn:x:a> { ?s ?p ?o } }",
     "SELECT * WHERE { GRAPH ?kg_graph_0 { VALUES ?kg_graph_0 { <urn:x:a> } ?s ?p ?o } }"),
    ("SELECT ?s WHERE { graph<urn:x:a>{ ?s ?p ?o } GRAPH ?g { ?s ?q ?r } GRAPH <urn:x:b> { ?s ?p 1 } }",
     "SELECT ?s WHERE { GRAPH ?kg_graph_0 { VALUES ?kg_graph_0 { <urn:x:a> } ?s ?p ?o } GRAPH ?g { ?s ?q ?r } "
     "GRAPH ?kg_graph_1 { VALUES ?kg_graph_1 { <urn:x:b> } ?s ?p 1 } }"),
    ("SELECT ?s WHERE { ?s <urn:x:graph> <urn:x:a> }", "SELECT ?s WHERE { ?s <urn:x:graph> <urn:x:a> }"),
])
def test_graph_patterns_with_an_iri_are_sent_with_a_variable(query, sent):
    from kg.store.remote import graphs_as_variables
    assert " ".join(graphs_as_variables(query).split()) == sent
