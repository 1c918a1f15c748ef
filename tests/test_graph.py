"""The built graph: deterministic, idempotent, one named graph per article, provenance, shapes."""
from __future__ import annotations

import pyoxigraph
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic, to_isomorphic

from kg.build import build_articles
from kg.export import serialize, union_graph
from rdflib.namespace import RDF

from kg.namespaces import DK, NIF, PROV, SCHEMA
from kg.store import open_dataset
from kg.validate import validate

from .conftest import SEEDS


def build(spec="memory", base=None):
    ds = open_dataset(spec)
    build_articles(ds, [SEEDS], **({"base_iri": base} if base else {}))
    return ds


def test_two_builds_are_isomorphic_and_byte_identical():
    a, b = build(), build()
    assert isomorphic(union_graph(a), union_graph(b))
    assert serialize(a, "nq") == serialize(b, "nq")


def test_rebuilding_replaces_each_article_graph(tmp_path):
    ds = open_dataset(str(tmp_path / "store"))
    build_articles(ds, [SEEDS])
    first = serialize(ds, "nq")
    build_articles(ds, [SEEDS])
    assert serialize(ds, "nq") == first
    ds.close()


def test_oxigraph_and_memory_stores_hold_the_same_graph(tmp_path):
    on_disk = build(str(tmp_path / "store"))
    assert to_isomorphic(union_graph(on_disk)) == to_isomorphic(union_graph(build()))
    on_disk.close()


def test_oxigraph_writes_the_same_exports_as_rdflib(tmp_path):
    """On an on-disk store Oxigraph streams Turtle, TriG and N-Quads itself; read back, they hold the
    graphs rdflib writes from a Memory store, without the build's index."""
    on_disk, memory = build(str(tmp_path / "store")), build()
    for fmt, parse_as in (("ttl", "turtle"), ("trig", "trig"), ("nq", "nquads")):
        native, reference = Dataset(), Dataset()
        native.parse(data=serialize(on_disk, fmt), format=parse_as)
        reference.parse(data=serialize(memory, fmt), format=parse_as)
        assert "urn:kg:build" not in serialize(on_disk, fmt)
        if fmt == "ttl":
            assert to_isomorphic(native.default_graph) == to_isomorphic(reference.default_graph)
        else:
            graphs = {g.identifier for g in reference.graphs()}
            assert {g.identifier for g in native.graphs()} == graphs
            for name in graphs:
                assert set(native.graph(name)) == set(reference.graph(name)), (fmt, name)
    assert serialize(on_disk, "nq") == serialize(on_disk, "nq")
    on_disk.close()


def test_each_article_has_its_own_named_graph(seeds_dataset):
    graphs = {str(g.identifier) for g in seeds_dataset.graphs() if isinstance(g.identifier, URIRef)}
    for article in SEEDS.glob("*.txt"):
        assert any(g.endswith(f"/graph/{article.stem}") for g in graphs), article.stem
    assert any(g.endswith("/graph/vocabulary") for g in graphs)


def test_no_blank_nodes(seeds_dataset):
    from rdflib import BNode
    assert not any(isinstance(t, BNode) for q in seeds_dataset.quads((None, None, None, None)) for t in q[:3])


def test_base_iri_is_configurable():
    ds = build(base="http://example.org/kg/")
    subjects = {str(s) for s, _, _, _ in ds.quads((None, None, None, None)) if str(s).startswith("http://example.org")}
    assert any("/person/" in s for s in subjects)


def test_every_fact_has_provenance_and_evidence(seeds_dataset):
    g = union_graph(seeds_dataset)
    for cls in (SCHEMA.Person, SCHEMA.Event, DK.Commitment):
        for node in g.subjects(RDF.type, cls):
            assert g.value(node, PROV.wasDerivedFrom) is not None, node
            mention = g.value(node, DK.mention)
            assert mention is not None, node
            sentence = g.value(mention, NIF.sentence)
            begin, end = int(g.value(mention, NIF.beginIndex)), int(g.value(mention, NIF.endIndex))
            article_text = str(g.value(g.value(sentence, NIF.referenceContext), NIF.isString))
            assert article_text[begin:end] == str(g.value(mention, NIF.anchorOf))
            assert str(g.value(mention, NIF.anchorOf)) in str(g.value(sentence, NIF.anchorOf))


def test_the_graph_conforms_to_the_shapes(seeds_dataset):
    conforms, report = validate(seeds_dataset)
    assert conforms, report


def test_the_shapes_catch_a_broken_graph(seeds_dataset):
    broken = Dataset()
    for q in seeds_dataset.quads((None, None, None, None)):
        if q[1] != SCHEMA.name:
            broken.add(q)
    conforms, report = validate(broken)
    assert not conforms and "schema:name" in report


def test_turtle_parses_in_pyoxigraph(seeds_export):
    store = pyoxigraph.Store()
    store.load(path=str(seeds_export / "kg.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) > 1000
    trig = Dataset()
    trig.parse(seeds_export / "kg.trig", format="trig")
    ttl = Graph().parse(seeds_export / "kg.ttl", format="turtle")
    assert isomorphic(union_graph(trig), ttl)
