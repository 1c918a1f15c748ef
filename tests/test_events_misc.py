"""Issue 15, events right on real text: a named event dated by the year of its own name, a document's name that
ends before a second act, habits that are no event. Invented sentences about countries no set covers."""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract.dates import name_date
from kg.extract.pipeline import extract_article

PUBLISHED = date(2025, 6, 11)


def extracted(text, published=PUBLISHED):
    x = extract_article("t", text, published)
    names = {k: p.name for k, p in x.persons.items()} | {k: o.label or o.name for k, o in x.organizations.items()}
    return x, names


def events(text, published=PUBLISHED):
    x, names = extracted(text, published)
    return [(e.type, sorted(names.get(a, a) for a in e.attendees), e.start and e.start.iso(), e.name)
            for e in x.events]


@pytest.mark.parametrize("name, year", [
    ("Tuần lễ Cấp cao APEC 2019", 2019),
    ("Hội nghị Bộ trưởng Nông nghiệp châu Phi năm 2023", 2023),
    ("Hội nghị Thượng đỉnh G20 năm 2018 (G20)", 2018),
    # a horizon, a period's end, an agenda's number: no year the event is held in
    ("Hội nghị về Chiến lược phát triển đến năm 2030", None),
    ("Diễn đàn về Chương trình nghị sự 2030", None),
    ("Diễn đàn hợp tác 2021 - 2025", None),
    ("Diễn đàn Kinh tế Thế giới", None),
])
def test_the_year_a_name_ends_with(name, year):
    assert (name_date(name) and name_date(name).year) == year


@pytest.mark.parametrize("text, etype, start", [
    # the name's year dates the summit when its clause gives no day
    ("Tổng thống Kenya William Ruto đã đến Lima tham dự Hội nghị Cấp cao APEC 2016 cùng các hoạt động khác "
     "trong khuôn khổ Tuần lễ Cấp cao APEC 2016.", "conference", "2016"),
    ("Thủ tướng Na Uy Jonas Gahr Støre khẳng định sẽ tham dự Hội nghị Bộ trưởng Năng lượng Bắc Âu năm 2026.",
     "conference", "2026"),
    # a month and year closing the name date it to the month
    ("Thủ tướng Na Uy Jonas Gahr Støre đề nghị phối hợp tổ chức Diễn đàn Nghị viện châu Phi APF 3/2026.", "forum",
     "2026-03"),
    # a day told in the clause stays the event's day
    ("Ngày 5/3, Tổng thống Kenya William Ruto dự Hội nghị Cấp cao APEC 2025 tại Seoul.", "conference", "2025-03-05"),
])
def test_a_named_event_is_dated_by_its_name(text, etype, start):
    assert [d for t, _, d, _ in events(text) if t == etype][:1] == [start]


@pytest.mark.parametrize("text, name", [
    # the document's name ends before the signers' second act
    ("Sáng 4/6, Tổng thống Kenya William Ruto và Tổng thống Peru Dina Boluarte đã ký Tuyên bố chung về quan hệ "
     "đối tác toàn diện và đã cùng gặp gỡ báo chí.", "Ký kết Tuyên bố chung về quan hệ đối tác toàn diện"),
    ("Sáng 4/6, hai Bộ trưởng đã ký Hiệp định hợp tác nghề cá giai đoạn 2025 - 2030 là cơ sở để hai bên mở rộng "
     "đánh bắt chung.", "Ký kết Hiệp định hợp tác nghề cá giai đoạn 2025 - 2030"),
    # 'và' between two bodies goes on with the name
    ("Sáng 4/6, hai Bộ trưởng đã ký Bản ghi nhớ giữa Bộ Nông nghiệp Kenya và Bộ Thủy sản Peru về hợp tác nghề cá.",
     "Ký kết Bản ghi nhớ giữa Bộ Nông nghiệp Kenya và Bộ Thủy sản Peru về hợp tác nghề cá"),
])
def test_a_document_name_ends_before_a_second_act(text, name):
    assert [n for t, _, _, n in events(text) if t == "signing"] == [name]


@pytest.mark.parametrize("text, etype, count", [
    # acts told as habits are no event
    ("Hội Hữu nghị Kenya - Peru hằng năm cử đoàn sang thăm Peru.", "visit", 0),
    ("Hội đã tổ chức thường xuyên các hoạt động giao lưu nhân dân (trong đó có việc cử đoàn hữu nghị sang thăm "
     "Kenya, tổ chức các buổi biểu diễn văn hóa).", "visit", 0),
    ("Bộ trưởng Ngoại giao Kenya Musalia Mudavadi và Bộ trưởng Ngoại giao Peru Elmer Schialer thường xuyên gặp "
     "gỡ bên lề các diễn đàn đa phương.", "meeting", 0),
    ("Bộ trưởng Ngoại giao Kenya Musalia Mudavadi và Bộ trưởng Ngoại giao Peru Elmer Schialer gặp nhau định kỳ.",
     "meeting", 0),
    ("Hai nước thường xuyên tổ chức Diễn đàn Doanh nghiệp Kenya - Na Uy.", "forum", 0),
    ("Kenya hằng năm cử đoàn dự Hội nghị Bộ trưởng Nông nghiệp châu Phi.", "conference", 0),
    # one of the series named by its number or year is one event
    ("Hằng năm, hai nước tổ chức Hội nghị Bộ trưởng Kinh tế Kenya - Na Uy lần thứ 5.", "conference", 1),
    # one act told with its day is an event, whatever habit the sentence told before
    ("Hội Hữu nghị Kenya - Peru hằng năm tổ chức giao lưu; ngày 3/6, Chủ tịch Hội Otieno Kamau đã sang thăm Peru.",
     "visit", 1),
    ("Tổng thống Kenya William Ruto đã sang thăm Peru từ ngày 2 - 4/6.", "visit", 1),
])
def test_habits_are_no_event(text, etype, count):
    assert len([t for t, *_ in events(text) if t == etype]) == count


@pytest.mark.parametrize("text, sides", [
    # a foreign official's work session with a ministry: the official and the ministry, not the leader who
    # welcomes him nor the one who received him before
    ("Ngày 4/6, Tổng thống Kenya William Ruto tiếp Bộ trưởng Nội vụ Na Uy Emilie Mehl. Tổng thống William Ruto "
     "nhiệt liệt chào mừng Bộ trưởng Emilie Mehl và Đoàn đại biểu cấp cao Na Uy sang thăm và làm việc với Bộ Nội vụ "
     "Kenya.", ["Bộ Nội vụ Kenya", "Emilie Mehl"]),
    ("Bộ trưởng Nội vụ Na Uy Emilie Mehl sang thăm và làm việc với Bộ Nội vụ Kenya từ ngày 3 - 5/6.",
     ["Bộ Nội vụ Kenya", "Emilie Mehl"]),
    # the clause's subject past a ';'
    ("Ngày 4/6, Bộ trưởng Nội vụ Na Uy Emilie Mehl đã thăm Đại học Nairobi; làm việc với Bộ Nội vụ Kenya.",
     ["Bộ Nội vụ Kenya", "Emilie Mehl"]),
])
def test_a_work_session_with_a_ministry(text, sides):
    assert [p for t, p, _, n in events(text) if t == "meeting" and "Bộ Nội vụ Kenya" in p] == [sides]


@pytest.mark.parametrize("text, meetings", [
    # told in passing after the ministry's head received the guest: that reception
    ("Chiều 5/6, Bộ trưởng Nội vụ Kenya Kithure Kindiki tiếp Bộ trưởng Nội vụ Na Uy Emilie Mehl. Bộ trưởng Kithure "
     "Kindiki chào mừng Bộ trưởng Emilie Mehl sang thăm và làm việc với Bộ Nội vụ Kenya.",
     [["Emilie Mehl", "Kithure Kindiki"]]),
    # told with a day of its own: a work session of its own
    ("Chiều 5/6, Bộ trưởng Nội vụ Kenya Kithure Kindiki tiếp Bộ trưởng Nội vụ Na Uy Emilie Mehl. Chiều cùng ngày, Bộ "
     "trưởng Emilie Mehl làm việc với Bộ Nội vụ Kenya.",
     [["Emilie Mehl", "Kithure Kindiki"], ["Bộ Nội vụ Kenya", "Emilie Mehl"]]),
])
def test_a_work_session_and_the_ministers_reception(text, meetings):
    assert [p for t, p, _, _ in events(text) if t == "meeting"] == meetings


@pytest.mark.parametrize("text", [
    # a group with no one named is no side; a person whose title names the body is met, not the body
    "Ngày 4/6, 30 doanh nghiệp Na Uy đã sang Kenya, làm việc với Bộ Nội vụ Kenya.",
    "Ngày 4/6, Bộ trưởng Nội vụ Na Uy Emilie Mehl đã làm việc với Bộ trưởng Bộ Nội vụ (Kenya) Kithure Kindiki.",
])
def test_no_ministry_as_a_side(text):
    assert not [p for t, p, _, _ in events(text) if t == "meeting" and "Bộ Nội vụ Kenya" in p]


@pytest.mark.parametrize("text, name, country, org", [
    # a title naming the country marks the person, in an article about two sides as well
    ("Tổng thống Chile Gabriel Boric và Tổng thống Peru Dina Boluarte đã gặp nhau tại Lima. Quan hệ Chile - Peru "
     "căng thẳng sau khi Chủ tịch Hạ viện Chile Maria Soto đã đến thăm Bolivia.", "Maria Soto", "CL", "CL"),
    # a foreign name with no country told: the chamber is of a country the text does not give, not the publisher's
    ("Tổng thống Chile Gabriel Boric và Tổng thống Peru Dina Boluarte đã gặp nhau tại Lima. Quan hệ Chile - Peru "
     "căng thẳng sau khi Chủ tịch Hạ viện Maria Soto đã đến thăm Bolivia.", "Maria Soto", None, None),
    # one of ours keeps our body
    ("Ngày 5/6, Chủ tịch Quốc hội Trần Thanh Mẫn tiếp Chủ tịch Hạ viện Chile Maria Soto.", "Trần Thanh Mẫn", "VN",
     "VN"),
])
def test_a_speaker_of_a_chamber(text, name, country, org):
    x, _ = extracted(text)
    person = next(p for p in x.persons.values() if p.name == name)
    bodies = [x.organizations[q.org_key].country for q in person.posts if q.org_key]
    assert (person.country, bodies[0] if bodies else None) == (country, org)


@pytest.mark.parametrize("text, expected", [
    # a headline 'A đón tiếp B' and the body's 'A đón tiếp B' on the day of the welcome ceremony: that welcome
    ("Tổng thống Kenya William Ruto đón tiếp Thủ tướng Na Uy Jonas Gahr Støre\n\nSáng 5/6, Tổng thống Kenya William "
     "Ruto đón tiếp Thủ tướng Na Uy Jonas Gahr Støre tại Phủ Tổng thống. Lễ đón chính thức được tổ chức trọng thể "
     "với đầy đủ nghi thức.", [("ceremony", "2025-06-05")]),
    ("Tổng thống Kenya William Ruto đón tiếp Thủ tướng Na Uy Jonas Gahr Støre\n\nSáng 5/6, Tổng thống Kenya William "
     "Ruto đã chủ trì lễ đón chính thức Thủ tướng Na Uy Jonas Gahr Støre.", [("ceremony", "2025-06-05")]),
    # a welcome of another day stays a meeting of its own
    ("Sáng 5/6, Tổng thống Kenya William Ruto chủ trì lễ đón chính thức Thủ tướng Na Uy Jonas Gahr Støre. Chiều "
     "6/6, Tổng thống Kenya William Ruto đón tiếp Thủ tướng Na Uy Jonas Gahr Støre tại dinh thự riêng.",
     [("ceremony", "2025-06-05"), ("meeting", "2025-06-06")]),
])
def test_a_welcome_told_by_a_verb_is_the_ceremony(text, expected):
    assert [(t, d) for t, _, d, _ in events(text) if t in ("meeting", "ceremony")] == expected


@pytest.mark.parametrize("text, name", [
    # a ceremony's name takes a capitalised object only ('đ' of 'được' is no capital)
    ("Sáng 5/6, Tổng thống Kenya William Ruto gặp Thủ tướng Na Uy Jonas Gahr Støre. Lễ đón chính thức được tổ chức "
     "trọng thể với đầy đủ nghi thức.", "Lễ đón chính thức William Ruto – Jonas Gahr Støre"),
    ("Sáng 5/6, Tổng thống Kenya William Ruto dự Lễ khánh thành Bệnh viện Hữu nghị Kenya - Na Uy.",
     "Lễ khánh thành Bệnh viện Hữu nghị Kenya - Na Uy"),
])
def test_a_ceremony_name(text, name):
    assert [n for t, _, _, n in events(text) if t == "ceremony"] == [name]


@pytest.mark.parametrize("text, place", [
    # a place is a capitalised name: 'đây' is no capital, though the letter range À-Ỹ holds it
    ("Sáng 5/6, Tổng thống Kenya William Ruto gặp Thủ tướng Na Uy Jonas Gahr Støre tại đây.", None),
    ("Sáng 5/6, Tổng thống Kenya William Ruto gặp Thủ tướng Na Uy Jonas Gahr Støre tại Oslo.", "Oslo"),
    ("Sáng 5/6, Tổng thống Kenya William Ruto gặp Thủ tướng Na Uy Jonas Gahr Støre tại Ứng Hòa.", "Ứng Hòa"),
])
def test_a_place_is_a_name(text, place):
    x, _ = extracted(text)
    assert [e.place for e in x.events if e.type == "meeting"] == [place]


@pytest.mark.parametrize("text, names", [
    # the one attending is no part of the name
    ("Đây là sự kiện trong khuôn khổ chuyến thăm Na Uy và tham dự Hội nghị Tương lai châu Phi lần thứ 12 của Tổng "
     "thống Kenya William Ruto.", ["Hội nghị Tương lai châu Phi lần thứ 12"]),
    # a name goes on past 'và' to its acronym, or with a capitalised word
    ("Chiều 6/7, nhân dịp dự Hội nghị thượng đỉnh Nhóm các nền kinh tế phát triển và mới nổi hàng đầu thế giới (G20), "
     "Tổng thống Kenya William Ruto đã tiếp Thủ tướng Na Uy Jonas Gahr Støre.",
     ["Hội nghị thượng đỉnh Nhóm các nền kinh tế phát triển và mới nổi hàng đầu thế giới (G20)"]),
    ("Tổng thống Kenya William Ruto dự Hội nghị Bộ trưởng Kinh tế và Thương mại châu Phi tại Nairobi.",
     ["Hội nghị Bộ trưởng Kinh tế và Thương mại châu Phi"]),
    # but not into another event or a person
    ("Tổng thống Kenya William Ruto dự Hội nghị Bộ trưởng Kinh tế và Diễn đàn Doanh nghiệp châu Phi.",
     ["Hội nghị Bộ trưởng Kinh tế", "Diễn đàn Doanh nghiệp châu Phi"]),
    ("Tổng thống Kenya William Ruto dự Hội nghị ASEAN và Tổng thống Peru Dina Boluarte cũng tới.", ["Hội nghị ASEAN"]),
    # nor past words pointing back
    ("Việc Kenya được mời tham dự Hội nghị G20 lần này cho thấy vị thế của Kenya.", ["Hội nghị G20"]),
])
def test_a_named_event_name(text, names):
    assert [n for t, _, _, n in events(text) if t in ("conference", "forum")] == names


@pytest.mark.parametrize("text, name", [
    # a run of lower-case words after the body's acronym is a clause of its own
    ("Tổng thống Kenya William Ruto cho biết Tuần lễ cấp cao APEC một lần nữa chuyển tải thông điệp mạnh mẽ về một "
     "Kenya đang phát triển.", "Tuần lễ cấp cao APEC"),
    # words qualifying the body stay
    ("Tổng thống Kenya William Ruto dự Hội nghị Bộ trưởng Quốc phòng các nước ASEAN mở rộng lần thứ 7.",
     "Hội nghị Bộ trưởng Quốc phòng các nước ASEAN mở rộng lần thứ 7"),
    ("Tổng thống Kenya William Ruto dự Hội nghị thượng đỉnh G20 về biến đổi khí hậu toàn cầu.",
     "Hội nghị thượng đỉnh G20 về biến đổi khí hậu toàn cầu"),
])
def test_a_name_ends_at_its_acronym(text, name):
    assert [n for t, _, _, n in events(text) if t in ("conference", "forum")] == [name]
