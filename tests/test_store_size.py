"""What the store keeps: no RocksDB log piling up with every open, mention nodes without what no reader needs,
and the shapes still checking every mention."""
from __future__ import annotations

import pytest
from pyoxigraph import DefaultGraph
from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from kg.build import build_articles
from kg.errors import KgError
from kg.namespaces import DK, NIF
from kg.store import native_store, open_dataset
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


def test_mentions_keep_offsets_and_sentence_but_no_type_statement(kenya):
    mentions = set(kenya.objects(None, DK.mention))
    assert mentions
    for m in mentions:
        assert (m, RDF.type, None) not in kenya
        for p in (NIF.beginIndex, NIF.endIndex, NIF.anchorOf, NIF.referenceContext, NIF.sentence):
            assert kenya.value(m, p) is not None, (m, p)


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
    the article's graph and in the union, either way."""
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
    assert named == expected and expected <= union
    ds.close()


@pytest.mark.parametrize("spec", ["oxigraph:/tmp/kg-store", "file:///tmp/kg", "sqlite:kg.db"])
def test_a_store_spec_with_an_unknown_scheme_is_refused_not_made_a_folder(spec, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(KgError, match="not a store kg knows"):
        open_dataset(spec)
    assert not any(tmp_path.iterdir())
