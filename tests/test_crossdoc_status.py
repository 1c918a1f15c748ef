"""One node per real event across articles, one status: an article published before a visit announces it,
one published after reports it held; every article telling it says what the latest one says."""
from __future__ import annotations

from datetime import date

import pytest
from rdflib import Namespace
from rdflib.namespace import RDF

from kg.extract.crossdoc import Summary, corpus_hints
from kg.extract.pipeline import extract_corpus
from kg.store import open_dataset
from tests.corpus_builds import assert_same, build_one_at_a_time, clean_build, write_articles

SCHEMA = Namespace("https://schema.org/")
DK = Namespace("https://w3id.org/diplomacy-kg/ontology#")

KENYA_BEFORE = ("Tổng thống Kenya Daniel Kiprono sẽ thăm chính thức Việt Nam từ ngày 10 đến ngày 12/3/2025 "
                "theo lời mời của Chủ tịch nước Lê Văn An.")
KENYA_AFTER = ("Tổng thống Kenya Daniel Kiprono đã thăm chính thức Việt Nam từ ngày 10 đến ngày 12/3/2025 "
               "theo lời mời của Chủ tịch nước Lê Văn An.")
NORWAY_BEFORE = ("Thủ tướng Trần Minh Khoa sẽ thăm chính thức Na Uy từ ngày 4 đến ngày 6/6/2024 theo lời mời "
                 "của Thủ tướng Na Uy Ingrid Solvang.")
NORWAY_AFTER = ("Thủ tướng Trần Minh Khoa đã thăm chính thức Na Uy từ ngày 4 đến ngày 6/6/2024 theo lời mời "
                "của Thủ tướng Na Uy Ingrid Solvang.")


@pytest.mark.parametrize("items, status", [
    # told before and after: held, whichever article comes first by id
    ([("a", KENYA_BEFORE, date(2025, 3, 2)), ("b", KENYA_AFTER, date(2025, 3, 13))], "held"),
    ([("b", NORWAY_BEFORE, date(2024, 5, 28)), ("a", NORWAY_AFTER, date(2024, 6, 7))], "held"),
    # told twice before it: still announced
    ([("a", NORWAY_BEFORE, date(2024, 5, 28)), ("b", NORWAY_BEFORE, date(2024, 6, 1))], "announced"),
])
def test_an_event_told_by_several_articles_has_one_status(items, status):
    extractions = extract_corpus(items)
    visits = [e for x in extractions for e in x.events if e.type == "visit"]
    assert len({e.key for e in visits}) == 1, [e.key for e in visits]
    assert [e.status for e in visits] == [status] * len(items)


def summary(aid, published, status, start="2025-03-10"):
    return Summary(aid, published, published, dated=[["ev", start]], statuses=[["ev", status]])


@pytest.mark.parametrize("told, expected", [
    # the latest article says it; before the start, an announcement stays one
    ([("a", "2025-03-02", "held"), ("b", "2025-03-05", "announced")], {"a": "announced"}),
    # the latest announces it on or after the start: it has begun, so held
    ([("a", "2025-03-02", "held"), ("b", "2025-03-10", "announced")], {"b": "held"}),
    ([("a", "2025-03-02", "announced"), ("b", "2025-03-12", "held")], {"a": "held"}),
    # an article with no day of its own ranks before the dated ones
    ([("a", None, "held"), ("b", "2025-03-02", "announced")], {"a": "announced"}),
    # two of one day: held beats announced
    ([("a", "2025-03-05", "held"), ("b", "2025-03-05", "announced")], {"b": "held"}),
    # one status told: nothing to settle
    ([("a", "2025-03-02", "announced"), ("b", "2025-03-05", "announced")], {}),
])
def test_the_status_hint_follows_the_latest_article(told, expected):
    hints = corpus_hints([summary(*t) for t in told])
    assert {aid: h.statuses["ev"] for aid, h in hints.items() if h.statuses} == expected


def dated(aid, published, start, end):
    return Summary(aid, published, published, dated=[["ev", start]], ends=[["ev", end]])


@pytest.mark.parametrize("told, expected", [
    # announced by its programme, recalled later by the day of one of its meetings: the programme's days
    ([("a", "2025-03-02", "2025-03-10", "2025-03-12"), ("b", "2025-03-13", "2025-03-12", None)],
     {"b": ["2025-03-10", "2025-03-12"]}),
    # recalled later inside the span of a longer trip
    ([("b", "2025-03-02", "2025-03-10", "2025-03-12"), ("a", "2025-03-20", "2025-03-10", "2025-03-18")],
     {"a": ["2025-03-10", "2025-03-12"]}),
    # the earliest article tells the month only: the earliest one telling the day
    ([("a", "2025-02-02", "2025-03", None), ("b", "2025-03-09", "2025-03-10", None),
      ("c", "2025-03-13", "2025-03-11", None)], {"a": ["2025-03-10", None], "c": ["2025-03-10", None]}),
    # one date told more precisely by another is no disagreement (the date hint settles it)
    ([("a", "2025-02-02", "2025-03", None), ("b", "2025-03-09", "2025-03-10", "2025-03-12")], {}),
])
def test_days_the_articles_disagree_on_are_the_earliest_precise_ones(told, expected):
    hints = corpus_hints([dated(*t) for t in told])
    assert {aid: h.spans["ev"] for aid, h in hints.items() if h.spans} == expected


ARTICLES = {"k1": (KENYA_BEFORE, "2025-03-02"), "k2": (KENYA_AFTER, "2025-03-13"),
            "n1": (NORWAY_BEFORE, "2024-05-28"), "n2": (NORWAY_AFTER, "2024-06-07")}


@pytest.mark.parametrize("order", [["k1", "n2", "k2", "n1"], ["k2", "n1", "k1", "n2"]])
def test_one_article_at_a_time_ends_in_the_clean_build(tmp_path, order):
    folder = tmp_path / "in"
    write_articles(folder, ARTICLES)
    expected = clean_build(folder)
    ds = open_dataset(str(tmp_path / "store"))
    build_one_at_a_time(ds, folder, order)
    assert_same(ds, expected)
    ds.close()
    for ev in set(expected.subjects(RDF.type, SCHEMA.Event)):
        for prop in (DK.eventStatus, SCHEMA.startDate, SCHEMA.endDate, SCHEMA.name):
            assert len(set(expected.objects(ev, prop))) <= 1, (ev, prop)
    visits = {str(expected.value(ev, SCHEMA.name)): ev for ev in expected.subjects(RDF.type, SCHEMA.Event)}
    for name, start in (("Chuyến thăm Daniel Kiprono", "2025-03-10"), ("Chuyến thăm Trần Minh Khoa", "2024-06-04")):
        assert str(expected.value(visits[name], DK.eventStatus)).endswith("/held")
        assert str(expected.value(visits[name], SCHEMA.startDate)) == start
