"""Exports written as streams: sorted N-Quads by an external sort, readable Turtle from sorted lines,
GraphML and GEXF element by element in UTF-8 — the same graph as before, read back by other parsers."""
from __future__ import annotations

import io
import re

import networkx as nx
import pytest
from pyoxigraph import RdfFormat
from rdflib import Graph
from rdflib.compare import to_isomorphic

from kg.build import build_articles
from kg.export import serialize, union_graph
from kg.store.index import index_graph_iri
from kg.store.summary import summary_graph_iri
from kg.namespaces import DEFAULT_BASE_IRI
from kg.rdf import dump
from kg.rdf.turtle import Shortener, write_body
from kg.store import native_store, open_dataset
from kg.views import interop

from .conftest import SEEDS


@pytest.fixture(scope="module")
def on_disk(tmp_path_factory):
    ds = open_dataset(str(tmp_path_factory.mktemp("stream") / "store"))
    build_articles(ds, [SEEDS])
    yield ds
    ds.close()


LINES = [b"<http://x/b> <http://x/p> \"Nairobi\" .", b"<http://x/a> <http://x/p> \"\xc4\x90\xc3\xa0 L\xe1\xba\xa1t\" .",
         b"<http://x/a> <http://x/p> \"a\xe2\x80\xa8b\" .", b"<http://x/a> <http://x/p> \"Lima\" .",
         b"<http://x/b> <http://x/p> \"Nairobi\" .", b"<http://x/c> <http://x/q> \"z\" ."]


@pytest.mark.parametrize("chunk_bytes", [1, 40, 100, 1 << 20])
def test_external_sort_gives_the_lines_sorted_once_whatever_the_chunks(chunk_bytes):
    got = list(dump.sorted_unique(iter(LINES), chunk_bytes=chunk_bytes))
    assert got == sorted(set(LINES))
    # byte order is the order Python gives the same lines as text
    assert [line.decode("utf-8") for line in got] == sorted({line.decode("utf-8") for line in LINES})


@pytest.mark.parametrize("chunk_bytes", [2_000, 1 << 26])
def test_sorted_nquads_are_the_same_bytes_in_bounded_memory(on_disk, chunk_bytes):
    store = native_store(on_disk)
    skip = {str(index_graph_iri(DEFAULT_BASE_IRI)), str(summary_graph_iri(DEFAULT_BASE_IRI))}   # as kg export skips them
    out = io.BytesIO()
    sorted_lines = dump.sorted_unique_batches(dump.quad_lines(store, skip), chunk_bytes=chunk_bytes)
    out.writelines(line + b"\n" for line in sorted_lines)
    whole = serialize(on_disk, "nq").encode("utf-8")
    assert out.getvalue() == whole
    lines = whole.decode("utf-8").split("\n")[:-1]
    assert lines == sorted(set(lines)) and len(lines) > 1000


@pytest.mark.parametrize("graphs_at_once", [1, 2, 10_000])
def test_evidence_comes_back_whole_however_the_graphs_are_batched(on_disk, graphs_at_once):
    """Each mention and sentence statement of the article graphs once, in batches of any size."""
    native = native_store(on_disk)
    evidence = tuple(f"<{DEFAULT_BASE_IRI}{kind}/".encode("utf-8") for kind in ("mention", "sentence"))
    expected = {line for g in native.named_graphs()
                for line in native.dump(format=RdfFormat.N_TRIPLES, from_graph=g).split(b"\n")
                if line.startswith(evidence)}
    lines = list(dump.evidence_lines(native, graphs_at_once))
    assert expected and sorted(set(lines)) == sorted(expected)


@pytest.mark.parametrize("where", ["oxigraph", "memory"])
def test_turtle_is_readable_and_holds_the_union(on_disk, seeds_dataset, where):
    ds = on_disk if where == "oxigraph" else seeds_dataset
    text = serialize(ds, "ttl")
    assert to_isomorphic(Graph().parse(data=text, format="turtle")) == to_isomorphic(union_graph(ds))
    head, _, body = text.partition("\n\n")
    assert all(line.startswith("@prefix ") for line in head.splitlines())
    assert "\t" not in text
    blocks = body.split("\n\n")
    assert " a owl:Ontology" in blocks[0].split("\n")[0]               # the header first
    assert "@prefix person: <https://w3id.org/diplomacy-kg/id/person/> ." in head
    assert re.search(r"^person:[a-z0-9-]+ a schema:Person", body, re.M)
    subjects = [b.split(" ", 1)[0] for b in blocks if b.startswith("person:")]
    assert subjects == sorted(subjects) and len(subjects) > 5                # in IRI order


@pytest.mark.parametrize("lines,expect", [
    ([b'<https://schema.org/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Event> .',
      b'<https://schema.org/x> <https://schema.org/startDate> "2024-05-02"^^<http://www.w3.org/2001/XMLSchema#date> .'],
     'schema:x a schema:Event ;\n    schema:startDate "2024-05-02"^^xsd:date .'),
    ([b'<https://schema.org/x> <https://schema.org/value> "12"^^<http://www.w3.org/2001/XMLSchema#integer> .',
      b'<https://schema.org/x> <https://schema.org/value> "1.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .'],
     "schema:x schema:value 12 , 1.5 ."),
    ([b'<https://schema.org/a/b%20c> <https://schema.org/name> "Oslo"@no .'],
     '<https://schema.org/a/b%20c> schema:name "Oslo"@no .'),
    ([b'<http://other.example/k> <https://schema.org/name> "x\\"y" .'],
     '<http://other.example/k> schema:name "x\\"y" .'),
    ([b'<https://schema.org/k> <https://schema.org/text> "Nairobi.\\n\\nLima \\\\n\\"q\\""@vi .'],
     'schema:k schema:text """Nairobi.\n\nLima \\\\n\\"q\\""""@vi .'),
])
def test_turtle_writer_shortens_only_what_stays_legal(lines, expect):
    out = io.BytesIO()
    names = {"schema": "https://schema.org/", "xsd": "http://www.w3.org/2001/XMLSchema#"}
    assert write_body(lines, out, Shortener(names)) == len(lines)
    assert out.getvalue().decode("utf-8").strip() == expect


def small_view() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("http://x/p/1", cls="Person", label="Nguyễn Thị Hồng", country="VN", posts="Bộ trưởng\nĐại sứ",
               start="", evidence='Bà nói: "Hợp tác & phát triển" <Kenya>\x0b')
    g.add_node("http://x/p/2", cls="Person", label="Amina Mohamed", country="KE", posts="", start="")
    g.add_node("http://x/e/1", cls="Event", label="Hội đàm tại Nairobi", country="", posts="", start="2024-03-05")
    g.add_edge("http://x/p/1", "http://x/e/1", label="tham dự", kind="attended")
    g.add_edge("http://x/p/2", "http://x/e/1", label="tham dự", kind="attended")
    g.add_edge("http://x/p/2", "http://x/e/1", label="chủ trì", kind="co-chaired")
    return g


@pytest.mark.parametrize("write,read", [(interop.write_graphml, nx.read_graphml), (interop.write_gexf, nx.read_gexf)])
@pytest.mark.parametrize("betweenness", [False, True])
def test_graphml_and_gexf_are_utf8_and_open_in_networkx(tmp_path, write, read, betweenness):
    path = tmp_path / "view.xml"
    with path.open("wb") as out:
        write(small_view(), out, betweenness)
    raw = path.read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    text = raw.decode("utf-8")
    assert "Nguyễn Thị Hồng" in text and "Hội đàm" in text and not re.search(r"&#\d{3,};", text)
    g = read(path)
    assert len(g) == 3 and g.number_of_edges() == 3
    person = g.nodes["http://x/p/1"]
    assert person["label"] == "Nguyễn Thị Hồng" and person["class"] == "Person" and person["degree"] == 1
    assert person["posts"] == "Bộ trưởng\nĐại sứ"                       # a line break survives an attribute
    assert person["evidence"] == 'Bà nói: "Hợp tác & phát triển" <Kenya>'  # a control character is dropped
    assert g.nodes["http://x/e/1"]["start"] == "2024-03-05"
    assert ("betweenness" in person) == betweenness
    assert {d["kind"] for _, _, d in g.edges(data=True)} == {"attended", "co-chaired"}


def test_the_same_view_gives_the_same_file():
    first, second = io.BytesIO(), io.BytesIO()
    interop.write_graphml(small_view(), first)
    interop.write_graphml(small_view(), second)
    assert first.getvalue() == second.getvalue()
