"""Issue 15: the day of the clause an event is told in (and only that), its type, and what is no event."""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract.pipeline import extract_article, extract_corpus

PUBLISHED = date(2025, 6, 11)


def events(text, published=PUBLISHED):
    x = extract_article("t", text, published)
    names = {k: p.name for k, p in x.persons.items()} | {k: o.label or o.name for k, o in x.organizations.items()}
    return [(e.type, sorted(names.get(a, a) for a in e.attendees), e.start and e.start.iso()) for e in x.events]


@pytest.mark.parametrize("text, etype, days", [
    # a document's name written with a capital second word ('Bản Ghi nhớ') is a document: the signing is told,
    # on the day of the talks it follows
    ("Sáng 9/6, Tổng thống Kenya William Ruto hội đàm với Tổng thống Peru Dina Boluarte. Sau hội đàm, Bộ trưởng "
     "Công Thương Kenya Lee Kinyanjui đã cùng Bộ trưởng Ngoại giao Peru Elmer Schialer ký Bản Ghi nhớ (MoU) về "
     "hợp tác năng lượng.", "signing", ["2025-06-09"]),
    # a city toured on the day told, thanked for by the host, is toured that day (a visit to the country told
    # again would not be)
    ("Sáng 8/6, Tổng thống Kenya William Ruto đã đến thăm trụ sở Tập đoàn Equinor. Chiều cùng ngày, Tổng thống "
     "William Ruto tiếp Thị trưởng Bergen Marte Mjøs Persen. Bà Marte Mjøs Persen cảm ơn Tổng thống William Ruto "
     "dành thời gian thăm Bergen.", "visit", ["2025-06-08"]),
    # history told in a later clause, past a ';', does not undate the clause the welcome is told in
    ("Sáng 8/6, Tổng thống Kenya William Ruto đã đến thăm trụ sở Tập đoàn Equinor. Chủ tịch Tập đoàn Equinor "
     "Anders Opedal vui mừng được đón Tổng thống William Ruto đến thăm công ty; giới thiệu quá trình phát triển "
     "của tập đoàn từ năm 1972.", "meeting", ["2025-06-08"]),
    # a second verb coordinated with the first shares the day told before both
    ("Tiếp tục chuyến thăm Peru, chiều 31/5, Tổng thống Kenya William Ruto đã tới thăm hỏi và nói chuyện với cán "
     "bộ Đại sứ quán Kenya tại Peru.", "speech", ["2025-05-31"]),
    # a photo's caption before any day is told shows the act on the day the next sentence tells
    ("Tổng thống Kenya William Ruto gặp gỡ Thị trưởng Lima Renzo Reggiardo - Ảnh: TTXVN\n\nChiều 31/5, Tổng "
     "thống Kenya William Ruto đã tới Lima.", "meeting", ["2025-05-31"]),
    # a day qualified by its clock opens the next clause: the visit continued is not dated by it
    ("Tiếp tục chuyến thăm chính thức Peru, chiều 31/5 theo giờ Lima (rạng sáng 1/6 theo giờ Nairobi), Tổng thống "
     "Kenya William Ruto đã tới thăm Đại sứ quán Kenya.", "visit", [None, "2025-05-31"]),
])
def test_the_day_of_the_clause_is_taken(text, etype, days):
    assert [d for t, _, d in events(text) if t == etype] == days


@pytest.mark.parametrize("text, etype, days", [
    # history told in the trigger's own clause stays history
    ("Chủ tịch Tập đoàn Equinor Anders Opedal nhớ lại lần đón Tổng thống Kenya William Ruto năm 2019.",
     "meeting", ["2019"]),
    # a visit to the country told again on a day of it: one of its days, not its first
    ("Tổng thống Kenya William Ruto đang thăm chính thức Na Uy. Chiều 8/6, Tổng thống William Ruto gặp Thủ tướng "
     "Na Uy Jonas Gahr Støre. Thủ tướng Jonas Gahr Støre cảm ơn Tổng thống William Ruto đã thăm Na Uy.",
     "visit", [None]),
    # a caption followed by a plan, or by history, takes no day from it
    ("Tổng thống Kenya William Ruto gặp gỡ Thị trưởng Lima Renzo Reggiardo - Ảnh: TTXVN\n\nNgày 20/6, Tổng thống "
     "Kenya William Ruto sẽ tới Lima.", "meeting", [None]),
    ("Tổng thống Kenya William Ruto gặp gỡ Thị trưởng Lima Renzo Reggiardo - Ảnh: TTXVN\n\nNgày 3/4/2019, Tổng "
     "thống Kenya William Ruto lần đầu tới Lima.", "meeting", [None]),
    # nor from a day the next sentence tells of another event ('Trong cuộc hội đàm ngày 17/11 …')
    ("Tổng thống Peru Dina Boluarte đón Tổng thống Kenya William Ruto - Ảnh: TTXVN\n\nTrong cuộc hội đàm ngày 9/6 "
     "với Tổng thống Peru Dina Boluarte, Tổng thống William Ruto nhấn mạnh quan hệ hai nước.", "meeting", [None]),
])
def test_no_day_from_another_clause(text, etype, days):
    assert [d for t, _, d in events(text) if t == etype] == days


@pytest.mark.parametrize("text", [
    # a standing mechanism named among the ones to carry out or keep
    "Hai Bộ trưởng nhất trí triển khai hiệu quả các cơ chế giao lưu, hợp tác hiện có, đặc biệt là Đối thoại Chiến "
    "lược quốc phòng cấp Thứ trưởng, Giao lưu hữu nghị quốc phòng biên giới Kenya - Peru.",
    "Hai bên nhất trí duy trì cơ chế tham vấn chính trị và Hội nghị Ủy ban hỗn hợp giữa hai Bộ Ngoại giao.",
    # one item of a list of areas of cooperation
    "Thời gian tới, hai bên tập trung vào một số nội dung: trao đổi đoàn các cấp; Đối thoại Chiến lược an ninh; "
    "hợp tác đào tạo.",
])
def test_a_standing_mechanism_is_no_event(text):
    assert [t for t, *_ in events(text) if t in ("forum", "conference", "session")] == []


@pytest.mark.parametrize("text, etype", [
    # numbered, or dated, it is one meeting of the mechanism
    ("Ngày 5/6, Thứ trưởng Quốc phòng Kenya Patrick Mariru và Thứ trưởng Quốc phòng Peru Walter Astudillo đồng chủ "
     "trì Đối thoại Chiến lược quốc phòng lần thứ 3 tại Lima.", "forum"),
    ("Trong khuôn khổ cơ chế hợp tác, hai bên tổ chức Hội nghị Ủy ban hỗn hợp lần thứ 5 tại Nairobi.", "conference"),
    # a list of what the visit holds, each with its own day
    ("Chương trình chuyến thăm gồm: Hội nghị Thượng đỉnh Kenya - Peru ngày 5/6; Diễn đàn Doanh nghiệp ngày 6/6.",
     "conference"),
])
def test_one_meeting_of_a_mechanism_is_an_event(text, etype):
    assert etype in [t for t, *_ in events(text)]


@pytest.mark.parametrize("text, expected", [
    # a summit of two leaders, no body's: their talks; a summit meeting: a meeting
    ("Tổng thống Kenya William Ruto và Tổng thống Peru Dina Boluarte đã có hội nghị thượng đỉnh tại Lima ngày 5/6.",
     ("talks", ["Dina Boluarte", "William Ruto"], "2025-06-05")),
    ("Tổng thống Chile Gabriel Boric và Tổng thống Peru Dina Boluarte tìm cách xây dựng dựa trên hội nghị thượng "
     "đỉnh năm 2023 tại Lima.", ("talks", ["Dina Boluarte", "Gabriel Boric"], "2023")),
    ("Cuộc gặp thượng đỉnh giữa Tổng thống Kenya William Ruto và Tổng thống Peru Dina Boluarte diễn ra ngày 5/6 tại "
     "Lima.", ("meeting", ["Dina Boluarte", "William Ruto"], "2025-06-05")),
    # a named summit of many stays a conference, whoever of it the sentence names
    ("Ngày 5/6, Tổng thống Kenya William Ruto và Tổng thống Peru Dina Boluarte dự Hội nghị thượng đỉnh G20 tại "
     "Rio de Janeiro.", ("conference", ["Dina Boluarte", "William Ruto"], "2025-06-05")),
    # an exchange of ratification instruments: a ceremony, no signing
    ("Sáng 5/6, tại Nairobi, Ngoại trưởng Kenya Musalia Mudavadi và Ngoại trưởng Peru Elmer Schialer đã trao đổi thư "
     "phê chuẩn Hiệp định hợp tác hàng hải.", ("ceremony", ["Elmer Schialer", "Musalia Mudavadi"], "2025-06-05")),
])
def test_the_type_of_a_summit_and_of_an_exchange(text, expected):
    assert events(text) == [expected]


def test_a_visit_told_by_its_last_day_is_the_visit_planned_in_another_article():
    plan = ("Tổng thống Kenya William Ruto sẽ thăm chính thức Peru từ 29-31/5 theo lời mời của Tổng thống Peru Dina "
            "Boluarte.")
    done = ("Tổng thống Kenya William Ruto kết thúc tốt đẹp chuyến thăm Peru. Tiếp tục chuyến thăm chính thức Peru, "
            "chiều 31/5, Tổng thống William Ruto đã gặp Thị trưởng Lima Renzo Reggiardo. Tối cùng ngày, Tổng thống "
            "William Ruto đã rời thủ đô Lima lên đường về nước, kết thúc tốt đẹp chuyến thăm chính thức Peru theo lời "
            "mời của Tổng thống Dina Boluarte.")
    xa, xb = extract_corpus([("a", plan, date(2025, 5, 25)), ("b", done, date(2025, 5, 31))])
    ka = [e.key for e in xa.events if e.type == "visit"]
    kb = [e.key for e in xb.events if e.type == "visit"]
    assert ka and ka == kb
    # (the node takes the first day the plan told)
    assert [(e.start.iso(), e.end.iso()) for e in xb.events if e.type == "visit"] == [("2025-05-29", "2025-05-31")]


@pytest.mark.parametrize("text", [
    "Chiều 4/7, Thủ tướng Kenya William Ruto tiếp Đại sứ Na Uy Tone Tinnes tới chào xã giao nhân dịp nhận nhiệm vụ "
    "công tác tại Kenya.",
    "Chiều 4/7, Thủ tướng Kenya William Ruto tiếp Đại sứ Na Uy Tone Tinnes chào từ biệt nhân dịp kết thúc nhiệm vụ "
    "công tác tại Kenya.",
])
def test_an_envoys_mission_is_no_visit(text):
    assert [t for t, *_ in events(text) if t == "visit"] == []


def test_a_memorandum_is_named_past_its_kind_in_brackets():
    """'Bản Ghi nhớ (MoU) về …': the bracket names the kind of document, not the one signed; two memoranda on two
    matters are two signings, and the headline's signing takes the day its body tells."""
    energy = ("Lễ ký kết Bản Ghi nhớ giữa Bộ Năng lượng Kenya và Bộ Năng lượng Peru về hợp tác năng lượng\n\nSáng 9/6, "
              "Tổng thống Kenya William Ruto hội đàm với Tổng thống Peru Dina Boluarte. Sau hội đàm, Bộ trưởng "
              "Năng lượng Kenya Opiyo Wandayi đã cùng Bộ trưởng Năng lượng Peru Jorge Montero ký Bản Ghi nhớ (MoU) "
              "giữa Bộ Năng lượng Kenya và Bộ Năng lượng Peru về hợp tác năng lượng.")
    school = ("Sáng 9/6, Bộ trưởng Giáo dục Kenya Julius Ogamba đã cùng Bộ trưởng Giáo dục Peru Morgan Quero ký Bản "
              "Ghi nhớ (MoU) về hợp tác giáo dục đại học.")
    xa, xb = extract_corpus([("a", energy, date(2025, 6, 9)), ("b", school, date(2025, 6, 9))])
    signings = [e for e in xa.events if e.type == "signing"]
    assert [e.start.iso() for e in signings] == ["2025-06-09"]
    assert {e.key for e in signings}.isdisjoint(e.key for e in xb.events if e.type == "signing")


def test_a_host_told_by_a_later_mention_of_the_visit_stays_its_host():
    text = ("Ngày 13/6, Tổng thống Kenya William Ruto thăm tỉnh Cusco, Peru. Ông William Ruto đã tới thăm Trung tâm "
            "hành chính Cusco. Thống đốc Cusco Werner Salcedo vui mừng được đón Tổng thống William Ruto đến thăm tỉnh "
            "Cusco.")
    x = extract_article("t", text, date(2025, 6, 14))
    names = {k: p.name for k, p in x.persons.items()}
    hosts = [[names[h] for h in e.hosts] for e in x.events if e.type == "visit" and any(
        x.persons[g].name == "William Ruto" for g in e.guests) and e.hosts]
    assert hosts == [["Werner Salcedo"]]
