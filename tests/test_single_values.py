"""One value per event of what a reader expects once: its name, start, end, status and type; one name per project
and agreement; in each article's graph and in the union of the corpus."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest
from rdflib import Namespace
from rdflib.namespace import DCTERMS

from kg.build import build_articles
from kg.extract.pipeline import extract_article, extract_corpus
from kg.rdf.emit import emit
from kg.store import open_dataset

from .conftest import SEEDS, shared_or_skip

SCHEMA = Namespace("https://schema.org/")
DK = Namespace("https://w3id.org/diplomacy-kg/ontology#")
ONCE = (SCHEMA.name, SCHEMA.startDate, SCHEMA.endDate, DK.eventStatus, DCTERMS.type)


def _several(triples) -> dict:
    """(node, property) → the values of a property a node should carry once, where it carries more."""
    values = defaultdict(set)
    for s, p, o in triples:
        if p in ONCE and any(f"/{kind}/" in str(s) for kind in ("event", "project", "agreement")):
            values[(s, p, getattr(o, "language", None))].add(o)
    return {k: v for k, v in values.items() if len(v) > 1}


@pytest.mark.parametrize("text, names", [
    # a welcome, then the reception of the same two the same day: one event, one name
    ("Chiều 5/6, tại Hà Nội, Thủ tướng Trần Văn Hòa đã đón Thủ tướng Na Uy Erik Haugland. Sau đó, Thủ tướng "
     "Trần Văn Hòa tiếp Thủ tướng Erik Haugland.", ["Cuộc gặp Trần Văn Hòa – Erik Haugland"]),
    # a reception, then the guest welcomed 'đến làm việc với' the host's ministry: one event, named once
    ("Ngày 5/6, Bộ trưởng Bộ Công an Lê Quang Minh tiếp Đại sứ Kenya tại Việt Nam Peter Kamau. Chào mừng Đại sứ "
     "Peter Kamau đến làm việc với Bộ Công an Việt Nam, Bộ trưởng Lê Quang Minh đánh giá cao quan hệ hai nước.",
     ["Cuộc gặp Lê Quang Minh – Peter Kamau"]),
    # the publisher's side first, whichever side the sentence opens with: every article names the event alike
    ("Chiều 5/6, Thủ tướng Na Uy Erik Haugland gặp Thủ tướng Trần Văn Hòa tại Oslo.",
     ["Cuộc gặp Trần Văn Hòa – Erik Haugland"]),
    # two receptions of counterparts named by their posts only stay two nodes, not one node told twice; the body each
    # unnamed one heads is the other side
    ("Tổng thống Kenya tiếp các quan chức Na Uy\n\nChiều 5/6, Tổng thống Kenya Daniel Mwangi đã tiếp Chủ tịch Ủy ban "
     "Đối ngoại Quốc hội Na Uy. Cùng ngày, Tổng thống Daniel Mwangi tiếp Bộ trưởng Ngoại giao Na Uy.",
     ["Cuộc gặp Daniel Mwangi – Ủy ban Đối ngoại Quốc hội Na Uy", "Cuộc gặp Daniel Mwangi – Bộ Ngoại giao Na Uy"]),
])
def test_one_node_one_name(text, names):
    x = extract_article("t", text, date(2025, 6, 6))
    meetings = [e for e in x.events if e.type == "meeting"]
    assert [e.name for e in meetings] == names
    assert len({e.key for e in x.events}) == len(x.events)       # no two events of the article share a node
    _, triples = emit(x, "https://example.org/")
    assert _several(triples) == {}


NORWAY_FIRST = ("n", "Chiều 5/6, Thủ tướng Na Uy Erik Haugland gặp Tổng thống Kenya Daniel Mwangi tại Nairobi.",
                date(2025, 6, 5))
KENYA_FIRST = ("k", "Chiều 5/6, Tổng thống Kenya Daniel Mwangi đã gặp Thủ tướng Na Uy Erik Haugland bên lề hội nghị.",
               date(2025, 6, 6))


@pytest.mark.parametrize("items, name", [
    # one meeting told by two articles, each naming its sides in its own order: the earliest article's name
    ([NORWAY_FIRST, KENYA_FIRST], "Cuộc gặp Erik Haugland – Daniel Mwangi"),
    ([KENYA_FIRST, NORWAY_FIRST], "Cuộc gặp Erik Haugland – Daniel Mwangi"),
    ([KENYA_FIRST[:2] + (date(2025, 6, 5),), NORWAY_FIRST[:2] + (date(2025, 6, 6),)],
     "Cuộc gặp Daniel Mwangi – Erik Haugland"),
])
def test_articles_naming_one_event_otherwise_settle_on_one_name(items, name):
    got = {(e.key, e.name) for x in extract_corpus(items) for e in x.events}
    assert [n for _, n in got] == [name]


@pytest.mark.parametrize("texts, name", [
    # one agreement written by its acronym, in full, and in full with its sides: the fullest name, in every article
    (["Hai bên ký Hiệp định Đối tác kinh tế toàn diện (KNEPA). Từ đó, KNEPA giúp thương mại tăng mạnh.",
      "Kenya và Na Uy thúc đẩy Hiệp định Đối tác kinh tế toàn diện Kenya - Na Uy (KNEPA)."],
     "Hiệp định Đối tác kinh tế toàn diện Kenya - Na Uy (KNEPA)"),
    # a project told of ('trường Đại học …') and named: its name, capitalised
    (["Hai bên nhất trí xây dựng trường Đại học Kenya - Na Uy tại Nairobi.",
      "Đại học Kenya - Na Uy sẽ khai giảng năm 2026."], "Đại học Kenya - Na Uy"),
])
def test_one_project_or_agreement_one_name(texts, name):
    xs = extract_corpus([(f"a{n}", text, date(2025, 6, 5 + n)) for n, text in enumerate(texts)])
    assert {t.name for x in xs for t in x.named} == {name}
    for x in xs:
        assert _several(emit(x, "https://example.org/")[1]) == {}


@pytest.fixture(scope="module")
def corpus():
    ds = open_dataset("memory")
    build_articles(ds, [SEEDS, shared_or_skip("dev2", "articles")])
    return ds


def test_built_events_carry_one_value(corpus):
    by_graph = defaultdict(list)
    for s, p, o, g in corpus.quads((None, None, None, None)):
        by_graph[g].append((s, p, o))
    assert _several(t for ts in by_graph.values() for t in ts) == {}        # the union of the corpus
    assert {str(g): many for g, ts in by_graph.items() if (many := _several(ts))} == {}   # each article's graph
