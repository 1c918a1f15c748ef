"""Builds pushed into real triple stores (Virtuoso, the Oxigraph server) and read back: every library
query gives the same rows on Memory, Oxigraph on disk, and both servers; Virtuoso's silent traps each
have a test."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.build import build_articles
from kg.cli import main
from kg.namespaces import DEFAULT_BASE_IRI, SCHEMA, graphs_base
from kg.sparql.query import library, run
from kg.store import open_dataset

from .conftest import SEEDS
from .servers import oxigraph_server, virtuoso

GRAPH_PREFIX = graphs_base(DEFAULT_BASE_IRI)


def build_cli(store, out):
    from click.testing import CliRunner
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--store", store, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def virtuoso_url(tmp_path_factory):
    with virtuoso(tmp_path_factory.mktemp("virtuoso")) as url:
        yield url


@pytest.fixture(scope="module")
def oxigraph_url(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph-server")) as url:
        yield url


@pytest.fixture(scope="module")
def stores(tmp_path_factory, virtuoso_url, oxigraph_url):
    """name → (dataset, exports folder) of the seeds built by `kg build` into each store."""
    base = tmp_path_factory.mktemp("stores")
    memory = open_dataset("memory")
    build_articles(memory, [SEEDS])
    built = {"memory": (memory, None)}
    for name, spec in (("oxigraph", str(base / "oxigraph")), ("virtuoso", virtuoso_url), ("oxigraph-server", oxigraph_url)):
        out = build_cli(spec, base / f"exports-{name}")
        built[name] = (open_dataset(spec, create=False), out)
    yield built
    built["oxigraph"][0].close()


def params_for(name, memory):
    person = next(memory.subjects(SCHEMA.name, Literal("Tô Lâm", lang="vi")))
    return {"actor-graph": {"actor": Literal("Tô Lâm")}, "actor-timeline": {"actor": Literal("Tô Lâm")},
            "posts-over-time": {"actor": Literal("Thongloun Sisoulith")},
            "events-in-range": {"from": Literal("2025-01-01"), "to": Literal("2025-12-31")},
            "organizations-of-country": {"country": Literal("LA")}, "commitments": {"topic": Literal("trade")},
            "events": {"type": Literal("talks")}, "evidence": {"node": URIRef(person)}}.get(name, {})


def cell(value):
    """A comparable cell: numbers by value (engines write 4 or 4.0), and GROUP_CONCAT lists sorted,
    since SPARQL leaves their order to the engine."""
    if value is None:
        return None
    if isinstance(value, Literal) and isinstance(value.toPython(), (int, float)) and not isinstance(value.toPython(), bool):
        return float(value.toPython())
    text = str(value)
    for sep in ("; ", "+", ", "):
        if sep in text:
            return sep.join(sorted(text.split(sep)))
    return text


def answer(ds, query, bindings):
    result = run(ds, query.path.read_text(encoding="utf-8"), bindings)
    if result.type == "CONSTRUCT":
        return sorted(map(str, result.graph))
    return sorted((tuple(cell(v) for v in row) for row in result), key=repr)


@pytest.mark.parametrize("query", library(), ids=lambda q: q.name)
def test_every_library_query_gives_the_same_rows_on_every_store(stores, query):
    memory = stores["memory"][0]
    bindings = params_for(query.name, memory)
    expected = answer(memory, query, bindings)
    assert expected, f"{query.name} answers nothing on the seeds: the comparison would prove nothing"
    for name, (ds, _) in stores.items():
        assert answer(ds, query, bindings) == expected, f"{query.name} differs on {name}"


def test_exports_read_back_from_a_server_equal_the_local_build(stores):
    local = Dataset().parse(stores["oxigraph"][1] / "kg.trig", format="trig")
    for name in ("virtuoso", "oxigraph-server"):
        remote = Dataset().parse(stores[name][1] / "kg.trig", format="trig")
        ours = {g.identifier: g for g in local.graphs() if len(g)}
        theirs = {g.identifier: g for g in remote.graphs() if len(g)}
        assert set(ours) == set(theirs), name
        assert all(isomorphic(ours[i], theirs[i]) for i in ours), name


# --- Virtuoso's traps: each loses data without an error unless handled --------------------------------

def test_iris_and_literals_that_turtle_would_escape_arrive_intact(virtuoso_url):
    ds = open_dataset(virtuoso_url)
    graph = URIRef(GRAPH_PREFIX + "trap-escapes")
    tricky = {
        (URIRef(DEFAULT_BASE_IRI + "x/a/b(c)~d"), URIRef(DEFAULT_BASE_IRI + "p#q"), URIRef(DEFAULT_BASE_IRI + "o,e;f")),
        (URIRef(DEFAULT_BASE_IRI + "x/a/b(c)~d"), SCHEMA.name, Literal('say "xin chào"\nline\\2 — Tô Lâm', lang="vi")),
        (URIRef(DEFAULT_BASE_IRI + "x/%C3%A9t%C3%A9"), SCHEMA.name, Literal("tab\there")),
    }
    from kg.store import replace_graph
    replace_graph(ds, graph, tricky)
    back = {t for t, _ in ds.store.triples((None, None, None), Graph(identifier=graph))}
    assert back == tricky


def test_accept_order_does_not_change_the_answer(virtuoso_url, stores):
    """rdflib's Accept header follows the hash seed; ours asks for SPARQL JSON only."""
    outputs = []
    for seed in ("0", "1", "2"):
        done = subprocess.run([sys.executable, "-m", "kg.cli", "query", "persons", "--format", "json",
                               "--store", virtuoso_url], capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120)
        assert done.returncode == 0, done.stderr
        rows = json.loads(done.stdout)["results"]["bindings"]
        outputs.append(sorted(json.dumps(r, sort_keys=True) for r in rows))
    assert outputs[0] and outputs[0] == outputs[1] == outputs[2]


def test_building_again_replaces_graphs_without_create_or_nested_graph(virtuoso_url, stores, tmp_path):
    ds = stores["virtuoso"][0]
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = int(next(iter(run(ds, count)))[0])
    build_cli(virtuoso_url, tmp_path / "again")            # CREATE GRAPH would fail, a duplicate would add
    assert int(next(iter(run(ds, count)))[0]) == before


def test_results_beyond_ten_thousand_rows_are_not_truncated(virtuoso_url):
    ds = open_dataset(virtuoso_url)
    graph = URIRef(GRAPH_PREFIX + "trap-rows")
    from kg.store import replace_graph
    replace_graph(ds, graph, ((URIRef(f"{DEFAULT_BASE_IRI}row/{i}"), SCHEMA.position, Literal(i)) for i in range(12_000)))
    result = run(ds, "SELECT ?s ?i WHERE { GRAPH ?g { ?s <https://schema.org/position> ?i } }", {"g": graph})
    assert len(result) == 12_000
    ds.store.remove_graph(Graph(identifier=graph))


# --- the default graph a query reads -------------------------------------------------------------------

@pytest.mark.parametrize("server, named_graphs_stay", [("virtuoso_url", True), ("oxigraph_url", False)])
def test_a_default_graph_named_in_the_store_url_is_what_queries_read(server, named_graphs_stay, request):
    """A statement told in two article graphs and kept once in a union graph: with `?default-graph-uri=` in
    the store URL a query without FROM reads that graph alone (one row, where Virtuoso's own default graph
    is the bag of every graph), and writes go through. GRAPH ?g still ranges over every graph on Virtuoso;
    the Oxigraph server keeps to the protocol (a dataset named in the request has no other named graphs),
    so there the parameter is for queries that read the default graph only."""
    from urllib.parse import quote
    from kg.store import replace_graph
    url = request.getfixturevalue(server)
    kenya = (URIRef(DEFAULT_BASE_IRI + "org/kenya-trap"), SCHEMA.name, Literal("Cộng hòa Kenya", lang="vi"))
    union = URIRef(GRAPH_PREFIX + "trap-union")
    articles = [URIRef(GRAPH_PREFIX + f"trap-article-{i}") for i in (1, 2)]
    plain = open_dataset(url)
    for graph in articles + [union]:
        replace_graph(plain, graph, [kenya])
    plain.store.flush()                        # writes wait until this store reads or flushes
    named = open_dataset(f"{url}?default-graph-uri={quote(str(union), safe='')}")
    ask = "SELECT ?n WHERE { <%s> <https://schema.org/name> ?n }" % kenya[0]
    in_graphs = "SELECT ?g WHERE { GRAPH ?g { <%s> <https://schema.org/name> ?n } }" % kenya[0]
    try:
        assert [str(row[0]) for row in run(named, ask)] == [str(kenya[2])]
        seen = {URIRef(str(row[0])) for row in run(named, in_graphs)}
        assert seen == (set(articles) | {union} if named_graphs_stay else set())
        extra = URIRef(GRAPH_PREFIX + "trap-written")
        replace_graph(named, extra, [kenya])
        named.store.flush()
        assert URIRef(str(extra)) in {URIRef(str(row[0])) for row in run(plain, in_graphs)}
    finally:
        for graph in articles + [union, URIRef(GRAPH_PREFIX + "trap-written")]:
            plain.store.remove_graph(Graph(identifier=graph))
        plain.store.flush()


# --- the union a build keeps on the server, article by article ------------------------------------------

@pytest.fixture(scope="module")
def virtuoso_bulk(tmp_path_factory):
    """(SPARQL URL, loader spec) of a private Virtuoso of its own, for builds that change it step by step."""
    import shutil
    from .servers import free_port, required_or_skip, running
    required_or_skip("Virtuoso (virtuoso-opensource)", bool(shutil.which("virtuoso-t") and shutil.which("isql-vt")))
    http, sql = free_port(), free_port()
    with running("virtuoso.sh", tmp_path_factory.mktemp("virtuoso-union"),
                 {"KG_VIRTUOSO_HTTP": str(http), "KG_VIRTUOSO_SQL": str(sql), "KG_VIRTUOSO_BUFFERS": "20000"}):
        yield f"http://127.0.0.1:{http}/sparql", f"isql://127.0.0.1:{sql}"


def default_graph(ds) -> Graph:
    """What a query without FROM reads, as a graph: Oxigraph's default graph (the union the embedded store
    keeps), or a server's default graph as the store names it."""
    from kg.store import native_store, rdflib_term
    import pyoxigraph as ox
    native = native_store(ds)
    graph = Graph()
    if native is not None:
        for q in native.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            graph.add(tuple(rdflib_term(t, plain_strings=True) for t in (q.subject, q.predicate, q.object)))
        return graph
    for triple in run(ds, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").graph:
        graph.add(triple)
    return graph


def seeds_but(folder, *left_out):
    import shutil
    folder.mkdir(exist_ok=True)
    for path in sorted(SEEDS.iterdir()):
        if path.name not in left_out:
            shutil.copy(path, folder / path.name)
    return folder


def shortened(folder, name, lines):
    """An article told again, shorter: building it replaces its graph, and what only it said goes."""
    path = folder / name
    path.write_text("\n".join(path.read_text(encoding="utf-8").splitlines()[:lines]) + "\n", encoding="utf-8")


CHANGES = [   # (step, what changes the corpus folder or the store, the kg command)
    ("build four", lambda folder: seeds_but(folder, "004_e34eb4834493822a.txt"), "build"),
    ("add one", lambda folder: seeds_but(folder), "build"),
    ("replace one", lambda folder: shortened(folder, "001_c964caefb48d5e4e.txt", 12), "build"),
    ("remove one", lambda folder: None, "remove 003_2b285149d3990448"),
    ("build again, nothing changed", lambda folder: None, "build"),
]


def kg_runs(step, command, folder, targets):
    from click.testing import CliRunner
    for store, extra in targets:
        args = command.split() + ([str(folder), *extra] if command == "build" else [])   # `remove`: no loader
        result = CliRunner().invoke(main, [*args, "--store", store, "--no-exports"])
        assert result.exit_code == 0, f"{step}: {result.output}"


def same_answers(step, local, url):
    embedded, remote = open_dataset(local, create=False), open_dataset(url, create=False)
    try:
        expected = default_graph(embedded)
        assert len(expected) > 1000
        assert isomorphic(default_graph(remote), expected), step
        for query in library():
            bindings = params_for(query.name, embedded)
            assert answer(remote, query, bindings) == answer(embedded, query, bindings), f"{step}: {query.name}"
    finally:
        embedded.close()
        remote.close()


def test_the_union_a_build_keeps_on_virtuoso_is_the_embedded_one_after_every_change(virtuoso_bulk, tmp_path):
    """Built step by step into the embedded store and into Virtuoso (by its bulk loader), the union a query
    reads as its default graph is the same set of statements after each change, with no evidence statement
    and no statement of an article taken out, and every library query gives the same rows. A store built
    before kg kept the union graph is read from the server's default graph until a build changes it, which
    makes the union whole."""
    from kg.store import union_graph_iri
    url, loader = virtuoso_bulk
    folder, local = tmp_path / "corpus", str(tmp_path / "embedded")
    targets = [(local, []), (url, ["--loader", loader])]
    for step, change, command in CHANGES:
        change(folder)
        kg_runs(step, command, folder, targets)
        same_answers(step, local, url)
    union = union_graph_iri(DEFAULT_BASE_IRI)
    old = open_dataset(url)
    old.store.update(f"DROP SILENT GRAPH {union.n3()}")
    assert ("default-graph-uri", str(union)) not in open_dataset(url).store.dataset
    shortened(folder, "000_998607ccfd196e44.txt", 14)
    kg_runs("an older store", "build", folder, targets)
    assert ("default-graph-uri", str(union)) in open_dataset(url).store.dataset
    same_answers("an older store", local, url)


@pytest.mark.parametrize("server, keeps_union", [("virtuoso_url", True), ("oxigraph_url", False)])
def test_which_servers_read_the_union_graph(server, keeps_union, request, stores):
    """Virtuoso's own default graph is the bag of every graph, so the store names the build's union graph as
    the default graph of its queries; the Oxigraph server's union default graph is read as it is, since
    naming a default graph there hides the named graphs from GRAPH ?g. Virtuoso, with a default graph
    named, answers nothing for GRAPH <iri> { … }: the store sends it with a variable."""
    from kg.store import union_graph_iri
    from kg.store.index import index_graph_iri
    url = request.getfixturevalue(server)
    ds = open_dataset(url)
    union = union_graph_iri(DEFAULT_BASE_IRI)
    assert (ds.store.union_graph == union) == keeps_union
    assert (("default-graph-uri", str(union)) in ds.store.dataset) == keeps_union
    index = index_graph_iri(DEFAULT_BASE_IRI)
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH %s { ?s ?p ?o } }"
    expected = len(stores["oxigraph"][0].graph(index))
    assert expected > 0 and int(next(iter(run(ds, count % index.n3())))[0]) == expected
    other = "https://example.org/graph/chile"
    assert open_dataset(f"{url}?default-graph-uri={other}").store.dataset == [("default-graph-uri", other)]
