"""Events told by several articles settle on one node with one of each thing an event has: one place (the
narrowest the articles give), and a year in the key of a day, so that the same two meeting on the same day of
two years are two events. Invented sentences about countries no set covers."""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract.events import place_rank
from kg.extract.pipeline import extract_corpus

SUMMIT = "Ngày 5/7/2025, Tổng thống Kenya Daniel Kiprono dự Hội nghị Thượng đỉnh G20 tại {}."


@pytest.mark.parametrize("place, rank", [
    ("Na Uy", 0), ("Chile", 0),
    ("Astana", 1), ("Santiago", 1), ("thành phố Bergen", 1), ("tỉnh Nakuru", 1), ("Hà Nội", 1),
    ("Bergen", 2), ("trụ sở Liên hợp quốc", 2),
])
def test_place_rank(place, rank):
    assert place_rank(place) == rank


@pytest.mark.parametrize("places, settled", [
    (["Na Uy", "thành phố Bergen", "Bergen"], "Bergen"),
    (["Kazakhstan", "Astana"], "Astana"),
    (["thành phố Bergen", "Na Uy"], "thành phố Bergen"),
    (["Na Uy"], "Na Uy"),
])
def test_one_event_told_in_several_places_takes_the_narrowest(places, settled):
    xs = extract_corpus([(f"a{i}", SUMMIT.format(p), date(2025, 7, 6)) for i, p in enumerate(places)])
    told = {(ev.key, ev.place) for x in xs for ev in x.events}
    assert len({k for k, _ in told}) == 1
    assert {p for _, p in told} == {settled}


TALKS = "Ngày 5/3{}, Tổng thống Kenya Daniel Kiprono đã hội đàm với Thủ tướng Na Uy Ingrid Solvang tại Nairobi."


@pytest.mark.parametrize("items, nodes", [
    # the same two on the same day of two years: two talks, whether the text or the publication gives the year
    ([("a", TALKS.format("/2024"), date(2024, 3, 6)), ("b", TALKS.format("/2025"), date(2025, 3, 6))], 2),
    ([("a", TALKS.format(""), date(2024, 3, 6)), ("b", TALKS.format(""), date(2025, 3, 6))], 2),
    # an article giving no year learns it from the one that does: one talks
    ([("a", TALKS.format(""), None), ("b", TALKS.format("/2025"), date(2025, 3, 6))], 1),
    ([("a", TALKS.format(""), None), ("b", TALKS.format(""), date(2025, 3, 6))], 1),
    ([("a", TALKS.format("/2025"), None), ("b", TALKS.format(""), date(2025, 3, 7))], 1),
])
def test_talks_on_one_day_of_two_years_are_two(items, nodes):
    keys = {ev.key for x in extract_corpus(items) for ev in x.events if ev.type == "talks"}
    assert len(keys) == nodes


FORUM_SPAN = "Tổng thống Kenya Daniel Kiprono đã dự Diễn đàn Kinh tế Bắc Âu tại Oslo từ ngày 11-15/5/2025."
FORUM_DAY = "Ngày {}, Thủ tướng Na Uy Ingrid Solvang dự Diễn đàn Kinh tế Bắc Âu tại Oslo."
FORUM_OTHER = "Ngày 15/5, Thủ tướng Na Uy Ingrid Solvang dự Diễn đàn Doanh nhân Andes tại Oslo."


@pytest.mark.parametrize("items, nodes", [
    # a day within the other's span, of the same name: one forum (either order of ids)
    ([("a", FORUM_SPAN, date(2025, 5, 11)), ("b", FORUM_DAY.format("15/5"), date(2025, 5, 15))], 1),
    ([("b", FORUM_SPAN, date(2025, 5, 11)), ("a", FORUM_DAY.format("13/5"), date(2025, 5, 15))], 1),
    # two single days of one name within days: one forum
    ([("a", FORUM_DAY.format("11/5/2025"), date(2025, 5, 11)), ("b", FORUM_DAY.format("14/5"), date(2025, 5, 15))], 1),
    # months or a year apart, or another name: two
    ([("a", FORUM_SPAN, date(2025, 5, 11)), ("b", FORUM_DAY.format("15/9"), date(2025, 9, 15))], 2),
    ([("a", FORUM_SPAN, date(2025, 5, 11)), ("b", FORUM_DAY.format("15/5"), date(2026, 5, 15))], 2),
    ([("a", FORUM_SPAN, date(2025, 5, 11)), ("b", FORUM_OTHER, date(2025, 5, 15))], 2),
])
def test_a_named_forum_told_on_a_day_of_its_span_is_one(items, nodes):
    keys = {ev.key for x in extract_corpus(items) for ev in x.events if ev.type == "forum"}
    assert len(keys) == nodes


HISTORY = [
    # recalled in passing, its guest the one who tells it: a visit of its own, apart from the one going on
    ("Ngày 10/6, Tổng thống Chile Mateo Rivas đã hội đàm với Tổng thống Kenya Daniel Kiprono trong chuyến thăm "
     "chính thức Kenya. Đây là lần thứ hai Tổng thống Mateo Rivas đến thăm Kenya, sau chuyến thăm đầu tiên hồi "
     "tháng 3/2015.", ("mateo rivas", 2015, "Kenya")),
    ("Ngày 10/6, Tổng thống Kenya Daniel Kiprono đã hội đàm với Tổng thống Chile Mateo Rivas. Tổng thống Mateo Rivas "
     "chia sẻ những ấn tượng tốt đẹp về Kenya từ chuyến thăm năm 2008 trên cương vị Thị trưởng Santiago.",
     ("mateo rivas", 2008, "Kenya")),
]


@pytest.mark.parametrize("text, expected", HISTORY)
def test_a_visit_of_years_ago_told_in_passing_has_its_guest(text, expected):
    guest, year, place = expected
    [x] = extract_corpus([("a", text, date(2025, 6, 11))])
    past = [ev for ev in x.events if ev.type == "visit" and ev.start and ev.start.year == year]
    assert [(ev.guests, ev.place) for ev in past] == [([guest], place)]
    # the visit going on stays its own
    assert any(ev.type == "visit" and not (ev.start and ev.start.year == year) for ev in x.events) == (year == 2015)


@pytest.mark.parametrize("text, span", [
    # the day its guest arrives, the forum's first day, then its span: the span
    ("Sáng 11/5, Tổng thống Kenya Daniel Kiprono lên đường dự Diễn đàn Kinh tế Bắc Âu tổ chức tại Oslo từ ngày "
     "11-15/5. Đúng 12h ngày 11/5, Tổng thống Daniel Kiprono đã đến Oslo dự Diễn đàn Kinh tế Bắc Âu.",
     ("2025-05-11", "2025-05-15")),
])
def test_a_forum_told_on_its_first_day_keeps_its_span(text, span):
    [x] = extract_corpus([("a", text, date(2025, 5, 11))])
    forums = [ev for ev in x.events if ev.type == "forum"]
    assert [(ev.start.iso(), ev.end.iso() if ev.end else None) for ev in forums] == [span]
