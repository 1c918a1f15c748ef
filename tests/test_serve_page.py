"""The page of `kg serve` (issues 16 and 18): a field per declared parameter, bound when run, a required one
left empty refused; plain values (no language tags, no datatypes, nodes by label, linked to their evidence);
a page of rows at a time with the total, while the SPARQL protocol still answers every row."""
from __future__ import annotations

import json
import re
import threading
from decimal import Decimal
from urllib.error import HTTPError
from urllib.parse import quote
from urllib.request import Request, urlopen

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.sparql.endpoint import make_server, page, page_bindings, short_iri
from kg.errors import KgError
from kg.namespaces import DCTERMS, DK, NIF, PROV, SCHEMA, SKOS
from kg.sparql.query import Parameter, declared_parameters, library, plain
from kg.store import open_dataset

ID = "https://w3id.org/diplomacy-kg/id/"


@pytest.mark.parametrize("header, expected", [
    ("none", []),
    ("", []),
    ("none (the first 25)", []),
    ('?leader the leader\'s name as written, e.g. --param leader="William Ruto"',
     [Parameter("leader", True, "the leader's name as written", "William Ruto")]),
    ('?sector (optional) a sector notation such as "mining"',
     [Parameter("sector", False, 'a sector notation such as "mining"', "mining")]),
    ("?state an ISO code, e.g. --param state=KE (without it: every state)",
     [Parameter("state", False, "an ISO code", "KE")]),
    ('?start and ?stop ISO dates, e.g. --param start=2024-03-01 --param stop=2024-06-30;\n'
     '?kind (optional) a kind such as "talks"',
     [Parameter("start", True, "ISO dates", "2024-03-01"), Parameter("stop", True, "ISO dates", "2024-06-30"),
      Parameter("kind", False, 'a kind such as "talks"', "talks")]),
])
def test_parameters_are_read_from_the_header(header, expected):
    assert declared_parameters(header) == expected


def test_every_library_parameter_is_a_variable_of_its_query():
    for q in library():
        text = q.path.read_text(encoding="utf-8")
        for p in declared_parameters(q.params):
            assert f"?{p.name}" in text, (q.name, p.name)


@pytest.mark.parametrize("term, shown", [
    (Literal("Nairobi", lang="vi"), "Nairobi"),
    (Literal(5000000000.0), "5000000000"),
    (Literal(16.7), "16.7"),
    (Literal(42), "42"),
    (Literal(Decimal("1.50")), "1.5"),
    (Literal("2400000000", datatype=XSD.decimal), "2400000000"),
    (Literal("2024-03-05", datatype=XSD.date), "2024-03-05"),
    (Literal("2024-03", datatype=XSD.gYearMonth), "2024-03"),
    (None, ""),
])
def test_literals_are_shown_plain(term, shown):
    assert plain(term) == shown


@pytest.mark.parametrize("iri, shown", [
    ("https://schema.org/attendee", "schema:attendee"),
    ("https://w3id.org/diplomacy-kg/vocab/event-type/talks", "etype:talks"),
    (ID + "commitment/trade-1a2b3c", "commitment/trade-1a2b3c"),
    ("https://schema.org/", "schema:"),                  # a vocabulary's own IRI
    ("http://example.org/", "example.org"),              # nothing after the host: the host
    ("urn:isbn:0451450523", "isbn:0451450523"),
])
def test_iris_without_a_label_are_shortened(iri, shown):
    assert short_iri(iri) == shown


@pytest.mark.parametrize("values, query, expected", [
    ({"actor": "William Ruto"}, "actor-timeline", {"actor": Literal("William Ruto")}),
    ({"topic": "  "}, "commitments", {}),                                 # an empty field stays unbound
    ({"node": ID + "person/x"}, "evidence", {"node": URIRef(ID + "person/x")}),
    ({"node": f"<{ID}person/x>"}, "evidence", {"node": URIRef(ID + "person/x")}),
    ({"from": "2024-01-01", "to": "2024-12-31"}, "events-in-range",
     {"from": Literal("2024-01-01"), "to": Literal("2024-12-31")}),
    ({"x": "1"}, None, {"x": Literal("1")}),                              # a typed query: no declared fields
])
def test_fields_become_bindings(values, query, expected):
    assert page_bindings(values, query) == expected


@pytest.mark.parametrize("values, query, message", [
    ({}, "actor-timeline", "needs ?actor"),
    ({"actor": ""}, "posts-over-time", "needs ?actor"),
    ({"from": "2024-01-01"}, "events-in-range", "needs ?to"),
    ({}, "../../etc/passwd", "no such library query"),
    ({"bad name": "x"}, None, "not a variable name"),
])
def test_fields_are_refused(values, query, message):
    with pytest.raises(KgError, match=re.escape(message)):
        page_bindings(values, query)


def test_the_page_has_a_field_per_parameter_and_loads_nothing():
    text = page()
    data = json.loads(text.split("const LIBRARY = ", 1)[1].split(";\n", 1)[0])
    assert data["actor-timeline"]["params"][0]["name"] == "actor" and data["actor-timeline"]["params"][0]["required"]
    assert data["persons"]["params"] == []
    assert "<script src" not in text and "<link" not in text and "@import" not in text


# a store of its own: 250 persons of made-up names (more than a page), one of them with a mention
def synthetic():
    ds = open_dataset("memory")
    g = ds.graph(URIRef(ID + "graph/a1"))
    for i in range(250):
        person = URIRef(f"{ID}person/p{i:03d}")
        g.add((person, RDF.type, SCHEMA.Person))
        g.add((person, SCHEMA.name, Literal(f"Amina Njeri {i:03d}", lang="vi")))
        g.add((person, SCHEMA.birthYear, Literal(1950 + i % 40)))
    mention = BNode()
    g.add((URIRef(ID + "person/p007"), DK.mention, mention))
    context = URIRef(ID + "article/a1")
    for p, o in ((NIF.beginIndex, Literal(10)), (NIF.endIndex, Literal(27)), (NIF.anchorOf, Literal("Amina Njeri 007")),
                 (NIF.referenceContext, context), (NIF.sentence, URIRef(ID + "article/a1#s1"))):
        g.add((mention, p, o))
    g.add((context, SCHEMA.identifier, Literal("a1")))
    g.add((URIRef(ID + "article/a1#s1"), NIF.anchorOf, Literal("In Nairobi, Amina Njeri 007 opened the forum.")))
    g.add((URIRef(ID + "article/a1#s1"), NIF.referenceContext, context))
    g.add((URIRef("http://example.org/an odd{iri}"), URIRef("http://example.org/seenIn"), Literal("Lima")))
    # a person with diacritics who attended talks, for the actor queries
    person, talks, kind = URIRef(ID + "person/jose-jeri"), URIRef(ID + "event/talks-lima"), URIRef(ID + "type/talks")
    for s, p, o in ((person, RDF.type, SCHEMA.Person), (person, SCHEMA.name, Literal("José Jerí", lang="vi")),
                    (talks, RDF.type, SCHEMA.Event), (talks, SCHEMA.name, Literal("Hội đàm tại Lima", lang="vi")),
                    (talks, SCHEMA.attendee, person), (talks, DCTERMS.type, kind), (kind, SKOS.notation, Literal("talks")),
                    (talks, PROV.wasDerivedFrom, context)):
        g.add((s, p, o))
    return ds


PERSONS = """PREFIX schema: <https://schema.org/>
SELECT ?person ?name ?born WHERE { ?person a schema:Person ; schema:name ?name ; schema:birthYear ?born } ORDER BY ?name"""


@pytest.fixture(scope="module")
def served():
    server = make_server(synthetic(), "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def ask(base, request, **headers):
    body = request if isinstance(request, bytes) else json.dumps(request).encode("utf-8")
    try:
        with urlopen(Request(base + "/page", body, {"Content-Type": "application/json", **headers}), timeout=60) as res:
            return res.status, json.loads(res.read())
    except HTTPError as e:
        return e.code, e.read().decode("utf-8")


def test_rows_come_a_page_at_a_time_with_the_total(served):
    pages = [ask(served, {"text": PERSONS, "offset": offset})[1] for offset in (0, 100, 200)]
    assert [p["total"] for p in pages] == [250] * 3
    assert [len(p["rows"]) for p in pages] == [100, 100, 50]
    names = [row[1]["text"] for p in pages for row in p["rows"]]
    assert names == [f"Amina Njeri {i:03d}" for i in range(250)]
    with urlopen(f"{served}/sparql?query={quote(PERSONS)}&format=json", timeout=60) as res:
        assert len(json.loads(res.read())["results"]["bindings"]) == 250     # the protocol answers in full


def test_cells_are_plain_and_nodes_link_to_their_evidence(served):
    _, data = ask(served, {"text": PERSONS, "limit": 10})
    shown = [c["text"] for row in data["rows"] for c in row]
    assert not [t for t in shown if "@" in t or t.startswith("http") or "^^" in t]
    person, name, born = data["rows"][7]
    assert person == {"text": "Amina Njeri 007", "iri": ID + "person/p007", "evidence": True}
    assert data["rows"][6][0]["evidence"] is False and born == {"text": str(1950 + 7)}
    _, evidence = ask(served, {"query": "evidence", "bindings": {"node": f"<{ID}person/p007>"}})
    assert evidence["total"] == 1
    row = dict(zip(evidence["vars"], evidence["rows"][0]))
    assert row["article"]["text"] == "a1" and row["anchor"]["text"] == "Amina Njeri 007"
    assert row["sentence"]["text"].startswith("In Nairobi")


@pytest.mark.parametrize("request_, code, message", [
    ({"query": "actor-timeline"}, 400, "needs ?actor"),
    ({"query": "actor-timeline", "bindings": {"actor": "Amina Njeri 007"}}, 200, None),
    ({"query": "no-such-query"}, 400, "no such library query"),
    ({"text": PERSONS, "limit": 0}, 400, "limit"),
    ({"text": PERSONS, "limit": 5000}, 400, "limit"),
    ({"text": PERSONS, "offset": -1}, 400, "JSON object"),
    ({"text": ""}, 400, "choose one from the library"),
    ({"query": "actor-timeline", "bindings": {"actor": "jose JERI"}}, 200, None),     # case and diacritics aside
    ({"query": "actor-timeline", "bindings": {"actor": "Jose Jery"}}, 400, 'no person named "Jose Jery"; did you mean José Jerí'),
    (b"not json", 400, "JSON object"),
    (b"[1, 2]", 400, "JSON object"),
    ({"text": "SELECT * WHERE {"}, 400, "the query failed"),
    ({"text": 'INSERT DATA { <http://e/a> <http://e/b> "c" }'}, 400, "the query failed"),
])
def test_bad_requests_get_a_line(served, request_, code, message):
    got, answer = ask(served, request_)
    assert got == code
    if message:
        assert message in answer


def test_ask_and_construct_are_shown_too(served):
    assert ask(served, {"text": "ASK { ?s ?p ?o }"})[1] == {"form": "ASK", "boolean": True}
    _, graph = ask(served, {"text": "PREFIX schema: <https://schema.org/>\n"
                                    "CONSTRUCT { ?p schema:name ?n } WHERE { ?p schema:name ?n ; schema:birthYear ?b }",
                          "limit": 5})
    assert graph["vars"] == ["subject", "predicate", "object"] and graph["total"] == 250
    assert graph["rows"][0][1]["text"] == "schema:name" and not graph["rows"][0][0]["text"].startswith("http")


def test_an_iri_sparql_cannot_write_is_shown_short(served):
    _, data = ask(served, {"text": "SELECT ?s WHERE { ?s <http://example.org/seenIn> ?o }"})
    assert data["rows"] == [[{"text": "an odd{iri}", "iri": "http://example.org/an odd{iri}", "evidence": False}]]


@pytest.mark.parametrize("headers", [{"Origin": "http://evil.example"}, {"Sec-Fetch-Site": "cross-site"},
                                     {"Host": "evil.example"}])
def test_the_page_api_is_refused_to_other_sites(served, headers):
    assert ask(served, {"text": PERSONS}, **headers)[0] == 403


@pytest.mark.parametrize("typed", ["José Jerí", "jose jeri", "JOSÉ JERÍ"])
def test_a_named_person_is_found_whatever_the_case_and_diacritics(served, typed):
    _, data = ask(served, {"query": "actor-timeline", "bindings": {"actor": typed}})
    row = dict(zip(data["vars"], data["rows"][0]))
    assert data["total"] == 1 and row["actor"]["text"] == "José Jerí" and row["type"]["text"] == "talks"
