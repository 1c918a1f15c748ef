"""What the store keeps: no RocksDB log piling up with every open, mention nodes without what no reader needs,
and the shapes still checking every mention."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from kg.build import build_articles
from kg.errors import KgError
from kg.export import write_serialization
from kg.namespaces import DEFAULT_BASE_IRI, DK, NIF
from kg.rdf.emit import EVIDENCE_KINDS, EVIDENCE_STATEMENTS
from kg.sparql.query import run
from kg.store import native_store, native_term, open_dataset
from kg.validate import validate

ARTICLE = ("Ngày 3/4, tại Nairobi, Bộ trưởng Ngoại giao Kenya Musalia Mudavadi đã hội đàm với Bộ trưởng "
           "Ngoại giao Bùi Thanh Sơn. Hai bên nhất trí tăng cường hợp tác thương mại.")


@pytest.mark.parametrize("opens", [2, 4])
def test_reopening_a_store_leaves_no_old_rocksdb_logs(tmp_path, opens):
    store = tmp_path / "store"
    for _ in range(opens):
        ds = open_dataset(str(store))
        ds.close()
    assert sorted(p.name for p in store.glob("LOG*")) == ["LOG"]


@pytest.fixture(scope="module")
def kenya(tmp_path_factory) -> Dataset:
    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "kenya.txt").write_text(ARTICLE, encoding="utf-8")
    ds = open_dataset("memory")
    assert not build_articles(ds, [corpus], jobs=1).failed
    return ds


def test_mentions_keep_offsets_and_sentence_but_no_type_or_context_statement(kenya):
    """The article of a mention is its sentence's context: stating it again cost one statement in six."""
    mentions = set(kenya.objects(None, DK.mention))
    assert mentions
    for m in mentions:
        assert (m, RDF.type, None) not in kenya and (m, NIF.referenceContext, None) not in kenya
        for p in (NIF.beginIndex, NIF.endIndex, NIF.anchorOf, NIF.sentence):
            assert kenya.value(m, p) is not None, (m, p)
        assert kenya.value(kenya.value(m, NIF.sentence), NIF.referenceContext) is not None


@pytest.mark.parametrize("kind", EVIDENCE_KINDS)
def test_evidence_statements_are_all_an_evidence_node_states_and_no_other_node(kenya, kind):
    """The Turtle export takes the evidence back from the article graphs by these (predicate, object)
    pairs alone (kg.rdf.dump): one missing would lose lines of kg.ttl, one shared would lose nothing but time."""
    prefix = f"{DEFAULT_BASE_IRI}{kind}/"
    evidence = tuple(f"{DEFAULT_BASE_IRI}{k}/" for k in EVIDENCE_KINDS)
    stated = [(s, p, o) for s, p, o, _ in kenya.quads((None, None, None, None))]
    assert any(str(s).startswith(prefix) for s, _, _ in stated)
    for s, p, o in stated:
        matched = any(p == pp and oo in (None, o) for pp, oo in EVIDENCE_STATEMENTS)
        if str(s).startswith(prefix):
            assert matched, (s, p, o)
        elif not str(s).startswith(evidence):
            assert not matched, (s, p, o)


@pytest.mark.parametrize("dropped", [NIF.beginIndex, NIF.sentence])
def test_the_shapes_still_check_every_mention(kenya, dropped):
    assert validate(kenya)[0]
    broken = Dataset()
    for q in kenya.quads((None, None, None, None)):
        if q[1] != dropped:
            broken.add(q)
    conforms, report = validate(broken)
    assert not conforms and dropped.fragment in report


@pytest.mark.parametrize("bulk_from", [0, 10**9])
def test_bulk_loader_or_one_transaction_store_the_same(tmp_path, monkeypatch, kenya, bulk_from):
    """A small batch goes in by one transaction, a large one by the bulk loader: the same statements, in
    the article's graph and in the union (evidence aside), either way."""
    monkeypatch.setattr("kg.store.writer.BULK_FROM", bulk_from)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "kenya.txt").write_text(ARTICLE, encoding="utf-8")
    ds = open_dataset(str(tmp_path / "store"))
    assert not build_articles(ds, [corpus], jobs=1).failed
    native = native_store(ds)
    graph = next(g for g in native.named_graphs() if g.value.endswith("/kenya"))
    named = {(q.subject.value, q.predicate.value, q.object.value) for q in native.quads_for_pattern(None, None, None, graph)}
    union = {(q.subject.value, q.predicate.value, q.object.value)
             for q in native.quads_for_pattern(None, None, None, DefaultGraph())}
    expected = {(str(s), str(p), str(o)) for s, p, o, _ in kenya.quads((None, None, None, URIRef(graph.value)))}
    evidence = tuple(f"{DEFAULT_BASE_IRI}{kind}/" for kind in ("mention", "sentence"))
    assert named == expected and {t for t in expected if not t[0].startswith(evidence)} <= union
    ds.close()


@pytest.mark.parametrize("spec", ["oxigraph:/tmp/kg-store", "file:///tmp/kg", "sqlite:kg.db"])
def test_a_store_spec_with_an_unknown_scheme_is_refused_not_made_a_folder(spec, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(KgError, match="not a store kg knows"):
        open_dataset(spec)
    assert not any(tmp_path.iterdir())


@pytest.fixture(scope="module")
def kenya_store(tmp_path_factory):
    """The same article built into Oxigraph, where the default graph is the union the build keeps."""
    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "kenya.txt").write_text(ARTICLE, encoding="utf-8")
    ds = open_dataset(str(tmp_path_factory.mktemp("store") / "store"))
    assert not build_articles(ds, [corpus], jobs=1).failed
    yield ds
    ds.close()


@pytest.mark.parametrize("kind", ["mention", "sentence"])
def test_evidence_nodes_live_in_the_article_graph_only(kenya_store, kind):
    """Mention and sentence nodes are one article's each: the union leaves them out (they were half of it),
    the article's graph keeps them, and the links to them stay in the union."""
    native = native_store(kenya_store)
    prefix = f"{DEFAULT_BASE_IRI}{kind}/"
    named = [q for q in native.quads_for_pattern(None, None, None, None)
             if q.subject.value.startswith(prefix) and not isinstance(q.graph_name, DefaultGraph)]
    union = [q for q in native.quads_for_pattern(None, None, None, DefaultGraph()) if q.subject.value.startswith(prefix)]
    assert named and not union
    links = list(native.quads_for_pattern(None, native_term(DK.mention), None, DefaultGraph()))
    assert links


def test_the_evidence_query_reads_the_article_graphs(kenya_store, kenya):
    """queries/evidence.rq answers the same rows from Oxigraph (evidence in the article graphs only) as
    from rdflib's Memory store (whose default graph is the union of everything)."""
    node = next(iter(kenya.subjects(DK.mention, None)))
    text = (Path(__file__).resolve().parents[1] / "queries" / "evidence.rq").read_text(encoding="utf-8")
    rows = {}
    for name, ds in (("oxigraph", kenya_store), ("memory", kenya)):
        rows[name] = sorted(tuple(str(v) for v in row) for row in run(ds, text, {"node": node}))
    assert rows["oxigraph"] and rows["oxigraph"] == rows["memory"]
    assert all(row[-1].startswith("Ngày 3/4") or "Hai bên" in row[-1] for row in rows["oxigraph"])


@pytest.mark.parametrize("predicate", [NIF.beginIndex, NIF.anchorOf, NIF.sentence, NIF.referenceContext])
def test_the_turtle_export_still_holds_the_evidence(kenya_store, kenya, predicate):
    """kg.ttl is the union of the named graphs: the evidence the store's union leaves out is added back."""
    out = io.BytesIO()
    write_serialization(kenya_store, "ttl", out)
    g = Graph().parse(data=out.getvalue().decode("utf-8"), format="turtle")
    expected = {(s, o) for s, _, o in kenya.triples((None, predicate, None))}
    assert expected and {(s, o) for s, _, o in g.triples((None, predicate, None))} == expected
