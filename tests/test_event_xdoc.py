"""One node per real trip across articles: an article telling a visit without its days joins the one visit of
that guest and place another article dates near its own day; tellings far apart in time stay apart. Built
together or one article at a time, the graph is the same."""
from __future__ import annotations

from datetime import date

import pytest
from rdflib import Namespace
from rdflib.namespace import DCTERMS, RDF

from kg.build import remove_articles
from kg.extract.crossdoc import Summary, corpus_hints
from kg.extract.pipeline import extract_corpus
from kg.store import open_dataset
from tests.corpus_builds import assert_same, build_one_at_a_time, clean_build, write_articles
from kg.text.normalize import digest

SCHEMA = Namespace("https://schema.org/")

# invented: Kenya's president visits Norway
DATED = ("Tổng thống Kenya Daniel Kiprono sẽ thăm chính thức Na Uy từ ngày 10 đến ngày 12/3/2025 theo lời mời "
         "của Thủ tướng Na Uy Ingrid Solvang.")
DATED_OCTOBER = ("Tổng thống Kenya Daniel Kiprono đã thăm Na Uy từ ngày 6 đến ngày 8/10/2025 theo lời mời "
                 "của Thủ tướng Na Uy Ingrid Solvang.")
DATED_LATER = ("Tổng thống Kenya Daniel Kiprono sẽ thăm chính thức Na Uy từ ngày 5 đến ngày 7/3/2027 theo lời mời "
               "của Thủ tướng Na Uy Ingrid Solvang.")
UNDATED = ("Thủ tướng Na Uy Ingrid Solvang cảm ơn Tổng thống Kenya Daniel Kiprono về chuyến thăm chính thức Na Uy. "
           "Hai bên nhất trí tăng cường hợp tác thương mại.")
UNDATED_TALKS = ("Tổng thống Kenya Daniel Kiprono đã hội đàm với Thủ tướng Na Uy Ingrid Solvang trong chuyến thăm "
                 "chính thức Na Uy.")
UNDATED_AHEAD = ("Tổng thống Kenya Daniel Kiprono sẽ thăm chính thức Na Uy theo lời mời của Thủ tướng Na Uy "
                 "Ingrid Solvang.")
# another guest, another place: never joined with the above
OTHER_GUEST = ("Tổng thống Chile Mateo Rivas đã thăm chính thức Na Uy từ ngày 10 đến ngày 12/3/2025 theo lời mời "
               "của Thủ tướng Na Uy Ingrid Solvang.")
OTHER_PLACE = ("Tổng thống Kenya Daniel Kiprono cảm ơn Tổng thống Peru Lucía Quispe về chuyến thăm chính thức Peru.")


def visit_nodes(items) -> dict[str, int]:
    """Guest key → how many visit nodes the corpus makes of that guest's visits."""
    keys: dict[str, set[str]] = {}
    for x in extract_corpus(items):
        for ev in x.events:
            if ev.type == "visit":
                for guest in ev.guests:
                    keys.setdefault(guest, set()).add(ev.key)
    return {guest: len(k) for guest, k in keys.items()}


@pytest.mark.parametrize("items, nodes", [
    # an undated telling a few days after the dated one: one trip (either order of ids)
    ([("a", DATED, date(2025, 3, 2)), ("b", UNDATED, date(2025, 3, 14))], 1),
    ([("b", DATED, date(2025, 3, 2)), ("a", UNDATED_TALKS, date(2025, 3, 14))], 1),
    # told ahead, undated, by an article published a month before
    ([("a", UNDATED_AHEAD, date(2025, 2, 5)), ("b", DATED, date(2025, 3, 9))], 1),
    # told done before it began, or ahead once it was over: another trip
    ([("a", UNDATED, date(2025, 2, 5)), ("b", DATED, date(2025, 3, 9))], 2),
    ([("a", DATED, date(2025, 3, 2)), ("b", UNDATED_AHEAD, date(2025, 4, 1))], 2),
    # undated only: told done, then ahead: the trip over and the next
    ([("a", UNDATED, date(2025, 3, 12)), ("b", UNDATED_AHEAD, date(2025, 3, 30))], 2),
    ([("a", UNDATED_AHEAD, date(2025, 3, 12)), ("b", UNDATED, date(2025, 3, 30))], 1),
    # months apart: another trip
    ([("a", DATED, date(2025, 3, 2)), ("b", UNDATED, date(2025, 7, 20))], 2),
    # two undated tellings a few days apart: one trip; a year apart: two
    ([("a", UNDATED, date(2025, 3, 12)), ("b", UNDATED_TALKS, date(2025, 3, 14))], 1),
    ([("a", UNDATED, date(2024, 3, 12)), ("b", UNDATED_TALKS, date(2025, 3, 14))], 2),
    # the same month two years apart: two trips, each joined by the undated telling near it
    ([("a", DATED, date(2025, 3, 2)), ("b", DATED_LATER, date(2027, 3, 1))], 2),
    ([("a", DATED, date(2025, 3, 2)), ("b", DATED_LATER, date(2027, 3, 1)), ("c", UNDATED, date(2025, 3, 14)),
      ("d", UNDATED_TALKS, date(2027, 3, 9))], 2),
    # two dated trips months apart, an undated telling near the second: it joins that one
    ([("a", DATED, date(2025, 3, 2)), ("b", DATED_OCTOBER, date(2025, 10, 9)),
      ("c", UNDATED, date(2025, 10, 20))], 2),
])
def test_an_undated_telling_joins_the_one_trip_near_it(items, nodes):
    assert visit_nodes(items) == {"daniel kiprono": nodes}


@pytest.mark.parametrize("items", [
    [("a", OTHER_GUEST, date(2025, 3, 2)), ("b", UNDATED, date(2025, 3, 14))],
    [("a", DATED, date(2025, 3, 2)), ("b", OTHER_PLACE, date(2025, 3, 14))],
])
def test_another_guest_or_place_is_another_trip(items):
    found = visit_nodes(items)
    assert sum(found.values()) == 2, found


WITH_TALKS = ("Tổng thống Kenya Daniel Kiprono thăm chính thức Na Uy từ ngày 10 đến ngày 12/3/2025 theo lời mời của "
              "Thủ tướng Na Uy Ingrid Solvang. Ngày 10/3, Tổng thống Kenya Daniel Kiprono hội đàm với Thủ tướng Na Uy "
              "Ingrid Solvang.")


@pytest.mark.parametrize("items, nodes", [
    # the talks of the visit an undated article joins are the talks of that visit
    ([("a", WITH_TALKS, date(2025, 3, 13)), ("b", UNDATED_TALKS, date(2025, 3, 14))], 1),
    # of another visit, months later: other talks
    ([("a", WITH_TALKS, date(2025, 3, 13)), ("b", UNDATED_TALKS, date(2025, 9, 14))], 2),
])
def test_the_acts_of_one_trip_are_one_across_articles(items, nodes):
    assert len({ev.key for x in extract_corpus(items) for ev in x.events if ev.type == "talks"}) == nodes


# invented: the African Union's summit, told by several articles
SUMMIT = ("Ngày 22/8/2025, Tổng thống Kenya Daniel Kiprono dự Hội nghị Thượng đỉnh Liên minh châu Phi "
          "tại thủ đô Nairobi.")
SUMMIT_BEFORE = ("Ngày 20/8/2024, Tổng thống Kenya Daniel Kiprono dự Hội nghị Thượng đỉnh Liên minh châu Phi "
                 "tại Addis Ababa.")
SUMMIT_UNDATED = ("Thủ tướng Na Uy Ingrid Solvang chúc mừng Tổng thống Kenya Daniel Kiprono đã tổ chức thành công "
                  "Hội nghị Thượng đỉnh Liên minh châu Phi.")
SUMMIT_YEAR = ("Tổng thống Kenya Daniel Kiprono cho biết Hội nghị Thượng đỉnh Liên minh châu Phi {year} đã thông qua "
               "nhiều nghị quyết quan trọng.")
MINISTERS = "Bộ trưởng Ngoại giao Kenya Amina Wanjiru dự Hội nghị Bộ trưởng Liên minh châu Phi tại Addis Ababa."
TOPIC = ("Ngày 25/8/2025, Tổng thống Kenya Daniel Kiprono dự Hội nghị Liên minh châu Phi về an ninh lương thực "
         "tại Addis Ababa.")


def conference_nodes(items) -> int:
    return len({ev.key for x in extract_corpus(items) for ev in x.events if ev.type == "conference"})


@pytest.mark.parametrize("items, nodes", [
    # told undated near its day, or by its year: one summit
    ([("a", SUMMIT, date(2025, 8, 23)), ("b", SUMMIT_UNDATED, date(2025, 9, 1))], 1),
    ([("b", SUMMIT, date(2025, 8, 23)), ("a", SUMMIT_YEAR.format(year=2025), date(2025, 12, 1))], 1),
    ([("a", SUMMIT, date(2025, 8, 23)), ("b", SUMMIT_YEAR.format(year=2025), date(2025, 12, 1)),
      ("c", SUMMIT_UNDATED, date(2025, 8, 30))], 1),
    # two tellings of one year, neither dated to the month: one summit
    ([("a", SUMMIT_YEAR.format(year=2025), date(2025, 9, 1)), ("b", SUMMIT_YEAR.format(year=2025),
                                                                date(2025, 12, 1))], 1),
    # undated far from its day, another year, a summit a year before: another summit
    ([("a", SUMMIT, date(2025, 8, 23)), ("b", SUMMIT_UNDATED, date(2026, 3, 1))], 2),
    ([("a", SUMMIT, date(2025, 8, 23)), ("b", SUMMIT_YEAR.format(year=2024), date(2025, 12, 1))], 2),
    ([("a", SUMMIT, date(2025, 8, 23)), ("b", SUMMIT_BEFORE, date(2024, 8, 21))], 2),
    # the body's ministers meet: not its summit
    ([("a", SUMMIT, date(2025, 8, 23)), ("b", MINISTERS, date(2025, 8, 25))], 2),
    # one on a topic, the same month: not its summit either
    ([("a", SUMMIT, date(2025, 8, 23)), ("b", TOPIC, date(2025, 8, 26))], 2),
])
def test_a_summit_told_by_several_articles_is_one_node(items, nodes):
    assert conference_nodes(items) == nodes


@pytest.mark.parametrize("name", [
    "Hội nghị Cấp cao Liên minh châu Phi - Na Uy",     # with a partner, the same week as the body's own
    "Hội nghị Cấp cao Liên minh châu Phi+3",
    "Hội nghị Cấp cao Liên minh châu Phi mở rộng",
    "Hội nghị Thượng đỉnh Doanh nghiệp Liên minh châu Phi",
])
def test_a_summit_with_partners_or_of_others_is_not_the_bodys_own(name):
    other = f"Ngày 23/8/2025, Tổng thống Kenya Daniel Kiprono dự {name} tại thủ đô Nairobi."
    assert conference_nodes([("a", SUMMIT, date(2025, 8, 23)), ("b", other, date(2025, 8, 24))]) == 2


def trips(aid, published, *rows):
    return Summary(aid, published, published, trips=[list(r) for r in rows])


T = "visit|g|p"


@pytest.mark.parametrize("summaries, expected", [
    # one dated trip near: joined
    ([trips("a", "2025-03-01", ["ka", T, "2025-03-10"]), trips("b", "2025-04-20", ["kb", T, None])],
     {"b": {"kb": "ka"}}),
    # told to the month only, the whole month counts; a day without its year takes the article's
    ([trips("a", "2025-03-01", ["ka", T, "2025-03"]), trips("b", "2025-05-10", ["kb", T, None])],
     {"b": {"kb": "ka"}}),
    ([trips("a", "2025-03-12", ["ka", T, "--03-10"]), trips("b", "2025-04-20", ["kb", T, None])],
     {"b": {"kb": "ka"}}),
    # too far
    ([trips("a", "2025-03-01", ["ka", T, "2025-03-10"]), trips("b", "2025-04-30", ["kb", T, None])], {}),
    # two dated trips near: unsure, none
    ([trips("a", "2025-03-01", ["ka", T, "2025-03-10"]), trips("c", "2025-04-01", ["kc", T, "2025-04-02"]),
      trips("b", "2025-03-20", ["kb", T, None])], {}),
    # an article that dates the trip itself, or tells it twice, keeps its own
    ([trips("a", "2025-03-01", ["ka", T, "2025-03-10"]), trips("b", "2025-03-20", ["kb", T, None],
                                                               ["kb2", T, "2024-05"])], {}),
    ([trips("a", "2025-03-01", ["ka", T, "2025-03-10"]), trips("b", "2025-03-20", ["kb", T, None],
                                                               ["kb2", T, None])], {}),
    # a year told: the one trip dated in that year, however far from the article's day
    ([trips("a", "2025-03-01", ["ka", T, "2025-03-10"]), trips("c", "2024-03-01", ["kc", T, "2024-03-02"]),
      trips("b", "2025-12-20", ["kb", T, "2025"])], {"b": {"kb": "ka"}}),
    # an article with no day of its own joins nothing
    ([trips("a", "2025-03-01", ["ka", T, "2025-03-10"]), trips("b", None, ["kb", T, None])], {}),
    # undated only: each joins the first told within 45 days before it; a year later, another trip
    ([trips("a", "2025-03-01", ["ka", T, None]), trips("b", "2025-03-20", ["kb", T, None]),
      trips("c", "2025-04-30", ["kc", T, None]), trips("d", "2025-05-02", ["kd", T, None])],
     {"b": {"kb": "ka"}, "c": {"kc": "kb"}, "d": {"kd": "kb"}}),
    ([trips("a", "2025-03-01", ["ka", T, None]), trips("b", "2026-03-01", ["kb", T, None])], {}),
    # undated near a dated trip joins it, not the undated telling before it
    ([trips("a", "2025-03-01", ["ka", T, None]), trips("c", "2025-03-20", ["kc", T, "2025-03-28"]),
      trips("b", "2025-04-01", ["kb", T, None])], {"a": {"ka": "kc"}, "b": {"kb": "kc"}}),
])
def test_the_key_hint(summaries, expected):
    hints = corpus_hints(summaries)
    assert {aid: h.keys for aid, h in hints.items() if h.keys} == {
        aid: {digest(own): k for own, k in keys.items()} for aid, keys in expected.items()}


ARTICLES = {"d1": (DATED, "2025-03-02"), "u1": (UNDATED, "2025-03-14"), "u2": (UNDATED_TALKS, "2025-03-15"),
            "d2": (DATED_OCTOBER, "2025-10-09"), "u3": (UNDATED, "2025-10-20"),
            "s1": (SUMMIT_YEAR.format(year=2025), "2025-12-01"), "s2": (SUMMIT, "2025-08-23"),
            "u4": (UNDATED_TALKS, "2026-06-01"), "d3": (DATED_LATER, "2027-03-01"), "u5": (UNDATED, "2027-03-09"),
            "t1": (WITH_TALKS, "2025-03-13")}


@pytest.mark.parametrize("order", [["u1", "s1", "u5", "u2", "d3", "d1", "u4", "t1", "u3", "d2", "s2"],
                                   ["s2", "t1", "d3", "d2", "u3", "u4", "u2", "u5", "d1", "s1", "u1"]])
def test_one_article_at_a_time_ends_in_the_clean_build(tmp_path, order):
    folder = tmp_path / "in"
    write_articles(folder, ARTICLES)
    expected = clean_build(folder)
    visits = {ev for ev in expected.subjects(RDF.type, SCHEMA.Event)
              if str(expected.value(ev, DCTERMS.type)).endswith("/visit")}
    assert len(visits) == 4, visits
    summits = {ev for ev in expected.subjects(RDF.type, SCHEMA.Event)
               if str(expected.value(ev, DCTERMS.type)).endswith("/conference")}
    assert len(summits) == 1, summits
    ds = open_dataset(str(tmp_path / "store"))
    build_one_at_a_time(ds, folder, order)
    assert_same(ds, expected)
    # the dated telling taken out again: the undated ones fall back to what the others tell them
    remove_articles(ds, ["d1", "s2"])
    for name in ("d1", "s2"):
        (folder / f"{name}.json").unlink()
    assert_same(ds, clean_build(folder))
    ds.close()


@pytest.mark.parametrize("text", [
    "Ngày 5/9/2025, Tổng thống Kenya Daniel Kiprono dự Hội nghị thượng đỉnh doanh nghiệp "
    "tại Hội nghị trung tâm Nairobi.",
    "Ngày 5/9/2025, Tổng thống Kenya Daniel Kiprono có bài phát biểu tại Hội nghị thượng đỉnh Liên minh châu Phi.",
    "Ngày 5/9/2025, Tổng thống Kenya Daniel Kiprono gặp Thủ tướng Na Uy Ingrid Solvang "
    "tại Hội nghị thượng đỉnh về khí hậu.",
])
def test_a_meeting_named_after_at_is_no_place(text):
    """'tại Hội nghị thượng đỉnh …' names the occasion, not a place 'Hội': a summit told by several articles
    would otherwise gather that junk place from each."""
    [x] = extract_corpus([("a", text, date(2025, 9, 6))])
    assert [ev.place for ev in x.events if ev.place and ev.place.startswith("Hội")] == []
