"""What the store keeps: no RocksDB log piling up with every open, mention nodes without what no reader needs,
and the shapes still checking every mention."""
from __future__ import annotations

import pytest
from rdflib import Dataset
from rdflib.namespace import RDF

from kg.build import build_articles
from kg.namespaces import DK, NIF
from kg.store import open_dataset
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
