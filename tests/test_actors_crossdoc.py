"""A bare title resolved across articles takes the holder of the article's own time, or none (issue 15)."""
from __future__ import annotations

import pytest

from kg.extract.crossdoc import Summary, corpus_hints, role_key
from kg.extract.pipeline import extract_corpus

ROLE, COUNTRY = "president", "CL"


def naming(aid: str, published: str | None, holder: str) -> Summary:
    """An article naming `holder` as Chile's president."""
    return Summary(aid, published, published, roster=[[holder.lower(), holder, COUNTRY, [ROLE], True]])


@pytest.mark.parametrize("published, others, expected", [
    # the one holder named in the article's own year
    ("2020-06-01", [("2020-02-01", "Ana Soto")], "Ana Soto"),
    # a holder named only in a later or an earlier year may not have held the post then, however near
    ("2020-06-01", [("2021-01-25", "Ana Soto")], None),
    ("2020-06-01", [("2019-12-20", "Ana Soto")], None),
    # two holders in that year, neither named on both sides of the article: unsure
    ("2020-06-01", [("2020-02-01", "Ana Soto"), ("2020-11-01", "Luis Vera")], None),
    # a predecessor recalled in spring; the holder named before and after the article, no one else between
    ("2020-06-01", [("2020-05-01", "Luis Vera"), ("2020-05-20", "Ana Soto"), ("2020-07-01", "Ana Soto")],
     "Ana Soto"),
    ("2020-06-01", [("2020-05-20", "Ana Soto"), ("2020-05-25", "Luis Vera"), ("2020-07-01", "Ana Soto")], None),
    # an undated article: the corpus's one holder, if there is one
    (None, [("2020-02-01", "Ana Soto")], "Ana Soto"),
    (None, [("2020-02-01", "Ana Soto"), ("2023-02-01", "Luis Vera")], None),
])
def test_a_bare_title_takes_the_holder_of_the_articles_time(published, others, expected):
    wanting = Summary("w", published, published, wanted=[[ROLE, COUNTRY]])
    summaries = [wanting] + [naming(f"a{i}", day, name) for i, (day, name) in enumerate(others)]
    found = corpus_hints(summaries)["w"].names.get(role_key(ROLE, COUNTRY))
    assert (found[1] if found else None) == expected


@pytest.mark.parametrize("later, expected", [
    ("Cập nhật: 10/03/2021\nTổng thống Chile Ana Soto tiếp Ngoại trưởng Kenya Amos Wako.", set()),
    ("Cập nhật: 10/09/2020\nTổng thống Chile Ana Soto tiếp Ngoại trưởng Kenya Amos Wako.", {"Ana Soto"}),
])
def test_the_bare_title_of_a_built_article_follows_its_date(later, expected):
    bare = "Cập nhật: 01/06/2020\nNgày 1/6, Tổng thống Chile đã điện đàm với Thủ tướng Na Uy Erna Berg."
    x, _ = extract_corpus([("bare", bare), ("later", later)])
    assert {p.name for p in x.persons.values()} - {"Erna Berg"} == expected
