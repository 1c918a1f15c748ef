"""Attacks on `kg serve` and `kg query` (issue 17): each request is answered with an error status, never a
crash, and the endpoint keeps answering others while it lasts."""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from urllib.error import HTTPError
from urllib.parse import quote, urlencode
from urllib.request import Request, urlopen

import pytest

from kg.sparql.endpoint import make_server
from kg.errors import KgError
from kg.sparql.query import check_query, library, run
from kg.sparql.text import Shape, shape
from kg.store import open_dataset

NESTED_BRACES = "ASK { " + "{" * 3000 + "}" * 3000 + " }"                  # 12 KB: segfaulted Oxigraph
NESTED_PARENS = "ASK { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"
BIND_CHAIN = "SELECT * { " + " ".join(f"BIND({i} AS ?v{i})" for i in range(3000)) + " }"
UNION_CHAIN = "ASK { {} " + "UNION {} " * 7000 + "}"
NOT_CHAIN = "ASK { FILTER(" + "!" * 10000 + "true) }"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SERVICE = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"


@pytest.mark.parametrize("text, depth, operators, remote", [
    ("ASK { }", 1, 1, False),
    ('ASK { FILTER("{{{(((" != "}") }', 2, 4, False),              # brackets inside strings count nothing
    ("ASK { FILTER('''it's {{ a ''quoted'' (' ''' = 'x') }", 2, 4, False),
    ('ASK { FILTER("a \\" {{" = "") }', 2, 4, False),               # an escaped quote does not end it
    ("ASK { ?s <http://x/a(b)#c> ?o }", 1, 1, False),                 # nor inside IRIs, '#' included
    ("ASK { # {{{ ((( SERVICE\n }", 1, 1, False),                  # nor in comments
    ("ASK { FILTER(?a < ?b && ?c <= 3) }", 2, 6, False),           # '<' as an operator, not an IRI
    ("ASK { ?service ex:service ?o . ?o service:x 1 }", 1, 1, False),  # names, not the keyword
    ("SELECT * { service <http://e/s> { ?s ?p ?o } }", 2, 4, True),   # '*' counts too  # keywords are case-insensitive
    ("ASK { {{ }} } # }}}}", 3, 3, False),
    ("LOAD <http://e/data.ttl>", 0, 0, True),
])
def test_shape_counts_only_what_the_parser_nests(text, depth, operators, remote):
    assert shape(text) == Shape(depth, operators, remote)


@pytest.mark.parametrize("text, message", [
    (NESTED_BRACES, "nests brackets"),
    (NESTED_PARENS, "nests brackets"),
    (BIND_CHAIN, "operators"),
    (UNION_CHAIN, "operators"),
    (NOT_CHAIN, "operators"),
    (SERVICE, "SERVICE"),
])
def test_queries_that_crash_or_reach_out_are_refused(text, message):
    with pytest.raises(KgError, match=message):
        check_query(text, allow_service=False)


def test_the_library_passes_the_check():
    for q in library():
        check_query(q.path.read_text(encoding="utf-8"), allow_service=False)


def test_from_does_not_load_a_file(tmp_path):
    data = tmp_path / "secret.nt"
    data.write_text("<http://e/a> <http://e/b> <http://e/c> .\n")
    result = run(open_dataset("memory"), f"ASK FROM <{data.as_uri()}> {{ <http://e/a> ?p ?o }}")
    assert result.askAnswer is False


@pytest.mark.parametrize("text", [NESTED_BRACES, NESTED_PARENS, BIND_CHAIN])
def test_kg_query_answers_a_crashing_query_with_a_line(text):
    done = subprocess.run([sys.executable, "-m", "kg.cli", "query", "--store", "memory", "-e", text],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "Error:" in done.stderr and "Traceback" not in done.stderr


def serve(ds, **options):
    server = make_server(ds, "127.0.0.1", 0, **options)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/sparql"


def status(url, data=None, headers=None, method=None):
    try:
        with urlopen(Request(url, data=data, headers=headers or {}, method=method), timeout=60) as res:
            return res.status, res.read().decode("utf-8"), res.headers
    except HTTPError as e:
        return e.code, e.read().decode("utf-8"), e.headers


def post_query(url, text, **headers):
    return status(url, text.encode("utf-8"), {"Content-Type": "application/sparql-query", **headers})


def alive(url):
    return status(url + "?query=" + quote("ASK {}"), headers={"Accept": "application/sparql-results+json"})[0] == 200


@pytest.fixture(scope="module")
def endpoint(seeds_dataset):
    server, url = serve(seeds_dataset, timeout=2.0, cors="http://app.example")
    yield url
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("text, code", [
    (NESTED_BRACES, 400),
    (NESTED_PARENS, 400),
    (BIND_CHAIN, 400),
    (SERVICE, 400),
    ("select * { SeRvIcE SILENT <http://127.0.0.1:9/> { ?s ?p ?o } }", 400),
    ('ASK { FILTER("SERVICE {{{" != "") }', 200),       # the word and braces in a string are data
])
def test_hostile_queries_get_an_error_status_and_the_server_lives(endpoint, text, code):
    assert post_query(endpoint, text)[0] == code
    assert alive(endpoint)


def test_an_expensive_query_is_stopped_while_others_are_answered(endpoint):
    answers = {}
    slow = threading.Thread(target=lambda: answers.setdefault("slow", post_query(endpoint, CARTESIAN)))
    started = time.monotonic()
    slow.start()
    time.sleep(0.3)
    waits = []
    while slow.is_alive() and time.monotonic() - started < 30:
        t = time.monotonic()
        assert alive(endpoint)
        waits.append(time.monotonic() - t)
        time.sleep(0.1)
    slow.join(30)
    assert answers["slow"][0] == 503 and "time limit" in answers["slow"][1]
    assert time.monotonic() - started < 10
    assert waits and max(waits) < 1.0
    assert alive(endpoint)     # the killed worker was replaced


def test_oversized_bodies_are_refused(endpoint):
    body = "ASK { }" + " " * (2 << 20)
    assert post_query(endpoint, body)[0] == 413
    assert alive(endpoint)


@pytest.mark.parametrize("headers, code", [
    ({"Origin": "http://evil.example"}, 403),
    ({"Origin": "null"}, 403),
    ({"Host": "evil.example:7879"}, 403),               # DNS rebinding: a foreign name for our address
    ({"Sec-Fetch-Site": "cross-site"}, 403),
    ({"Origin": "http://app.example"}, 200),            # the one origin invited by --cors
    ({"Host": "localhost"}, 200),
    ({}, 200),
])
def test_cross_origin_requests_are_refused(endpoint, headers, code):
    got, _, answer = status(endpoint + "?query=" + quote("ASK {}"), headers=headers)
    assert got == code
    allowed = answer["Access-Control-Allow-Origin"]
    assert allowed == ("http://app.example" if headers.get("Origin") == "http://app.example" else None)


def test_updates_only_when_allowed_and_from_our_own_origin():
    ds = open_dataset("memory")
    server, url = serve(ds, allow_update=True, cors="http://app.example")
    own = url.rsplit("/", 1)[0]
    form = {"Content-Type": "application/x-www-form-urlencoded"}

    def update(text, **headers):
        return status(url, urlencode({"update": text}).encode(), {**form, **headers})[0]

    try:
        assert update('INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/p> "x" } }') == 200            # a local client
        assert update("DROP ALL", Origin="http://evil.example") == 403                  # a cross-site form
        assert update("DROP ALL", Origin="http://app.example") == 403                   # CORS is for reading
        assert update("DROP ALL", Referer="http://evil.example/page") == 403
        assert update("LOAD <http://127.0.0.1:9/data.ttl>", Origin=own) == 400          # LOAD is a fetch
        assert status(url + "?query=" + quote('ASK { <http://e/a> <http://e/p> "x" }'),
                      headers={"Accept": "application/sparql-results+json"})[1].count("true") == 1
        assert update('INSERT DATA { GRAPH <http://e/g> { <http://e/b> <http://e/p> "y" } }', Origin=own, Referer=own + "/") == 200
        got = status(url + "?query=" + quote('ASK { <http://e/b> <http://e/p> "y" }'),
                     headers={"Accept": "application/sparql-results+json"})[1]
        assert "true" in got   # workers forked before the update were replaced
    finally:
        server.shutdown()
        server.server_close()


def test_a_served_folder_is_shared_with_readers(tmp_path):
    folder = str(tmp_path / "store")
    ds = open_dataset(folder)
    ds.update("INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/p> 1 } }")
    ds.close()
    served = open_dataset(folder, read_only=True)
    server, url = serve(served, reopen=lambda: open_dataset(folder, read_only=True))
    try:
        other = open_dataset(folder, read_only=True)        # `kg query` while `kg serve` runs
        assert run(other, "ASK { GRAPH ?g { <http://e/a> ?p 1 } }").askAnswer is True
        other.close()
        assert "true" in post_query(url, "ASK { GRAPH ?g { <http://e/a> ?p 1 } }",
                                    Accept="application/sparql-results+json")[1]
        with pytest.raises(Exception):
            served.update("INSERT DATA { <http://e/x> <http://e/p> 2 }")
    finally:
        server.shutdown()
        server.server_close()


def test_a_query_past_its_memory_is_stopped_alone(seeds_dataset):
    server, url = serve(seeds_dataset, timeout=60.0, memory=100)
    try:
        started = time.monotonic()
        got, text, _ = post_query(url, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d ?c ?f")
        assert got == 503 and "memory" in text and time.monotonic() - started < 60
        assert alive(url)
    finally:
        server.shutdown()
        server.server_close()


def test_the_invited_origin_gets_a_preflight_answer(endpoint):
    _, _, invited = status(endpoint, method="OPTIONS", headers={"Origin": "http://app.example"})
    assert invited["Access-Control-Allow-Origin"] == "http://app.example" and "POST" in invited["Access-Control-Allow-Methods"]
    assert status(endpoint, method="OPTIONS", headers={"Origin": "http://evil.example"})[0] == 403
