"""`kg serve`: the SPARQL 1.1 Protocol, driven by SPARQLWrapper as a real client over HTTP."""
from __future__ import annotations

import threading
from urllib.error import HTTPError
from urllib.parse import quote, urlencode, urlsplit
from urllib.request import Request, urlopen

import pytest

from kg.sparql.endpoint import make_server, negotiate
from kg.store import open_dataset

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML  # noqa: E402

PERSONS = """PREFIX schema: <https://schema.org/>
SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"""


def serve(ds, allow_update=False):
    server = make_server(ds, "127.0.0.1", 0, allow_update)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/sparql"


@pytest.fixture(scope="module")
def endpoint(seeds_dataset):
    server, url = serve(seeds_dataset)
    yield url
    server.shutdown()
    server.server_close()


def client(url, query, fmt, method=None):
    sw = SPARQLWrapper.SPARQLWrapper(url)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    if method:
        sw.setMethod(method)
    return sw.query()


@pytest.mark.parametrize("method", [None, POST])
def test_select_in_json_by_get_and_post(endpoint, method):
    data = client(endpoint, PERSONS, JSON, method).convert()
    names = [b["name"]["value"] for b in data["results"]["bindings"]]
    assert "Tô Lâm" in names and names == sorted(names)
    assert data["results"]["bindings"][0]["name"]["xml:lang"] == "vi"


def test_select_in_xml_csv_and_tsv(endpoint):
    xml = client(endpoint, PERSONS, XML).convert()
    assert "Tô Lâm" in [n.firstChild.data for n in xml.getElementsByTagName("literal")]
    csv_text = client(endpoint, PERSONS, CSV).convert().decode("utf-8")
    assert csv_text.splitlines()[0] == "name" and "Tô Lâm" in csv_text
    tsv = client(endpoint, PERSONS, TSV).convert().decode("utf-8").splitlines()
    assert tsv[0] == "?name" and '"Tô Lâm"@vi' in tsv


def test_construct_answers_turtle(endpoint):
    query = """PREFIX schema: <https://schema.org/>
    CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }"""
    graph = client(endpoint, query, TURTLE).convert()
    from rdflib import Graph, Literal
    g = Graph().parse(data=graph, format="turtle") if isinstance(graph, bytes) else graph
    assert Literal("Tô Lâm", lang="vi") in set(g.objects())


def test_accept_header_is_negotiated():
    assert negotiate("text/csv;q=0.5, application/sparql-results+xml", graph=False) == "application/sparql-results+xml"
    assert negotiate("*/*", graph=False) == "application/sparql-results+json"
    assert negotiate("application/n-triples, text/turtle;q=0.9", graph=True) == "application/n-triples"
    assert negotiate("", graph=True, short="json") == "text/turtle"


def test_no_cors_by_default_and_errors(endpoint):
    with urlopen(Request(endpoint + "?query=ASK%7B%7D")) as res:
        assert res.status == 200 and res.headers["Access-Control-Allow-Origin"] is None
    with urlopen(Request(endpoint, method="OPTIONS")) as res:
        assert res.status == 204 and res.headers["Access-Control-Allow-Methods"] is None
    with pytest.raises(HTTPError) as bad:
        urlopen(Request(endpoint + "?query=SELECT%20WHERE%20%7B"))
    assert bad.value.code == 400 and "the query failed" in bad.value.read().decode()


def test_updates_are_refused_unless_allowed(endpoint):
    update = urlencode({"update": 'INSERT DATA { GRAPH <http://ex/g> { <http://ex/a> <http://ex/p> "x" } }'}).encode()
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    with pytest.raises(HTTPError) as refused:
        urlopen(Request(endpoint, data=update, headers=form))
    assert refused.value.code == 403
    ds = open_dataset("memory")
    server, url = serve(ds, allow_update=True)
    try:
        with urlopen(Request(url, data=update, headers=form)) as res:
            assert res.status == 200
        assert client(url, "ASK { <http://ex/a> <http://ex/p> \"x\" }", JSON).convert()["boolean"] is True
    finally:
        server.shutdown()
        server.server_close()


def test_query_page_offers_the_library_offline(endpoint):
    with urlopen(endpoint.rsplit("/", 1)[0] + "/") as res:
        page = res.read().decode("utf-8")
    assert "who-met-whom" in page and "pledge-progress" in page
    assert "<script src" not in page and "<link" not in page


@pytest.fixture(scope="module")
def large():
    """An answer of several chunks: 30,000 rows of about 120 bytes each in JSON."""
    from rdflib import Literal, URIRef
    ds = open_dataset("memory")
    g = ds.graph(URIRef("http://example.org/graph/large"))
    for i in range(30000):
        g.add((URIRef(f"http://example.org/city/{i}"), URIRef("http://example.org/name"),
               Literal(f"Almaty, Mombasa, Trondheim, Arequipa or Fès {i:05d}", lang="en")))
    server, url = serve(ds)
    yield url
    server.shutdown()
    server.server_close()


LARGE = "SELECT ?s ?name WHERE { ?s <http://example.org/name> ?name }"


def test_a_large_answer_arrives_whole_in_chunks(large):
    from kg.sparql.endpoint import CHUNK
    with urlopen(Request(large, LARGE.encode(), {"Content-Type": "application/sparql-query",
                                                 "Accept": "text/csv"}), timeout=120) as res:
        body = res.read()
        assert int(res.headers["Content-Length"]) == len(body) > 2 * CHUNK
    assert len(body.decode("utf-8").splitlines()) == 30001
    with urlopen(Request(large + "?query=" + quote(LARGE), method="HEAD"), timeout=120) as res:
        assert res.read() == b"" and int(res.headers["Content-Length"]) > 2 * CHUNK


def test_a_client_leaving_mid_answer_frees_its_worker(large):
    import socket
    host, port = urlsplit(large).netloc.split(":")
    for _ in range(3):           # more times than there are workers: each must have been given back
        with socket.create_connection((host, int(port)), timeout=60) as s:
            s.sendall(f"GET /sparql?query={quote(LARGE)} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
            assert s.recv(1024).startswith(b"HTTP/1.0 200")
    with urlopen(large + "?query=" + quote("ASK { ?s ?p ?o }"), timeout=60) as res:
        assert res.status == 200
