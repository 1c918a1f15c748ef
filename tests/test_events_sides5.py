"""Issue 15: both sides of every meeting and visit (invented sentences about countries no set covers)."""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract.pipeline import extract_article

PUBLISHED = date(2025, 6, 11)


def events(text, etype):
    x = extract_article("t", text, PUBLISHED)
    names = {k: p.name for k, p in x.persons.items()} | {k: o.label or o.name for k, o in x.organizations.items()}
    return [(sorted(names.get(k, k) for k in e.attendees), sorted(names.get(k, k) for k in e.hosts),
             sorted(names.get(k, k) for k in e.guests)) for e in x.events if e.type == etype]


@pytest.mark.parametrize("text, attendees", [
    # a name hidden behind a title the grammar does not know, written in full elsewhere, is that person there too
    ("Chiều 28/5, Tổng thống Kenya William Ruto đã hội đàm với Thủ tướng Na Uy Jonas Gahr Støre. Tổng thống đã tiếp "
     "Cố vấn an ninh quốc gia kiêm Phó toàn quyền Ahmed bin Khalid Al Saud. Với tư cách giám đốc Tập đoàn "
     "Fjord, ông Ahmed bin Khalid Al Saud mong muốn đầu tư.", ["Ahmed bin Khalid Al Saud", "William Ruto"]),
    ("Chiều 28/5, Tổng thống Kenya William Ruto đã hội đàm với Thủ tướng Na Uy Jonas Gahr Støre. Còn tại Bergen, "
     "Tổng thống William Ruto đã tiếp chủ tịch điều hành Trung tâm Tài chính Bergen Lars Berg, đề nghị hợp tác. "
     "Ông Lars Berg khuyến nghị Kenya cần phát triển.", ["Lars Berg", "William Ruto"]),
    # (a name whose first word reads as Vietnamese but which is not all Vietnamese)
    ("Tổng thống Mông Cổ Kim Bat-Erdene đã mời Tổng thống Kenya William Ruto thăm Ulaanbaatar. Tổng thống Ruto sẽ "
     "có cuộc gặp với nhà lãnh đạo Kim Bat-Erdene trong thời gian ở Ulaanbaatar.", ["Kim Bat-Erdene", "William Ruto"]),
    # 'tiếp lãnh đạo Tập đoàn X': the company met, or its head the text names
    ("Sáng 9/6, Tổng thống Kenya William Ruto thăm Na Uy. Tổng thống tiếp lãnh đạo Tập đoàn Equinor.",
     ["Tập đoàn Equinor", "William Ruto"]),
    ("Sáng 9/6, Tổng thống Kenya William Ruto thăm Na Uy. Tổng thống tiếp lãnh đạo Tập đoàn Equinor. Chủ tịch Tập "
     "đoàn Equinor Anders Opedal cảm ơn Tổng thống.", ["Anders Opedal", "William Ruto"]),
    ("Ngày 30/5, Tổng thống Kenya William Ruto gặp gỡ các quan chức cao cấp của Liên Hợp Quốc.",
     ["Liên Hợp Quốc", "William Ruto"]),
    ("Sáng 9/6, Tổng thống Kenya William Ruto thăm Na Uy. Tổng thống William Ruto làm việc với Ngân hàng Trung "
     "ương Na Uy.", ["Ngân hàng Trung ương Na Uy", "William Ruto"]),
])
def test_the_other_side_of_a_meeting(text, attendees):
    assert [a for a, _, _ in events(text, "meeting")] == [attendees]


@pytest.mark.parametrize("text, hosts", [
    # a company's site visited: the company hosts, unless its head is named (then he does)
    ("Sáng 9/6, Tổng thống Kenya William Ruto đến thăm trụ sở Tập đoàn Equinor.", ["Tập đoàn Equinor"]),
    ("Sáng 9/6, Tổng thống Kenya William Ruto đến thăm trụ sở chính và nhà máy của Tập đoàn Equinor.",
     ["Tập đoàn Equinor"]),
    ("Sáng 8/6, Tổng thống Kenya William Ruto đã đến thăm trụ sở chính và Công ty Fjord Tech thuộc Tập đoàn Fjord. "
     "Chủ tịch Tập đoàn Fjord Lars Nilsen vui mừng được đón Tổng thống William Ruto đến thăm công ty.",
     ["Lars Nilsen"]),
    # no state organ nor mission hosts that way
    ("Sáng 9/6, Tổng thống Kenya William Ruto đã tới thăm Đại sứ quán Kenya tại Oslo.", []),
    ("Sáng 9/6, Tổng thống Kenya William Ruto đến thăm Bộ Quốc phòng Na Uy.", []),
])
def test_the_host_of_a_site_visited(text, hosts):
    assert [h for _, h, _ in events(text, "visit")] == [hosts]


@pytest.mark.parametrize("text, guests", [
    # a royal couple's visit of years ago: the couple are its guests, never the king of today who recalls it
    ("Sáng 9/6, Nhà vua Na Uy Harald V tiếp Tổng thống Kenya William Ruto. Nhà vua nhắc lại những ấn tượng tốt đẹp "
     "của Vua Olav Berg và Hoàng hậu Sonja trong chuyến thăm Kenya năm 2006.", ["Olav Berg", "Sonja"]),
    ("Sáng 9/6, Nhà vua Na Uy Harald V tiếp Tổng thống Kenya William Ruto. Nhà vua nhắc lại chuyến thăm Kenya năm "
     "2006 của Nhà vua Olav Berg và Hoàng hậu Sonja Haraldsen.", ["Olav Berg", "Sonja Haraldsen"]),
    # the one told visiting years ago is its guest, a past visit of its own
    ("Sáng 9/6, Tổng thống Kenya William Ruto hội đàm với Thủ tướng Na Uy Jonas Gahr Støre. Thủ tướng nhắc lại năm "
     "2000 ông Erik Solberg đã thăm Kenya.", ["Erik Solberg"]),
])
def test_the_guests_of_a_visit_told_as_history(text, guests):
    assert [g for _, _, g in events(text, "visit")] == [guests]


@pytest.mark.parametrize("text, attendees", [
    # a welcome told with its guest only, then 'Sau lễ đón, hai Bộ trưởng hội đàm': the other of the talks welcomed
    ("Chiều 25/4, tại Oslo, lễ đón chính thức Bộ trưởng Quốc phòng Kenya Soipan Tuya đã được tổ chức. Sau lễ đón, "
     "hai Bộ trưởng đã hội đàm. Bộ trưởng Quốc phòng Na Uy Tore Sandvik khẳng định quan hệ tốt đẹp.",
     ["Soipan Tuya", "Tore Sandvik"]),
    ("Chiều 25/4, tại Oslo, Bộ trưởng Quốc phòng Na Uy Tore Sandvik chủ trì lễ đón Bộ trưởng Quốc phòng Kenya "
     "Soipan Tuya. Sau lễ đón, hai Bộ trưởng đã hội đàm.", ["Soipan Tuya", "Tore Sandvik"]),
])
def test_the_host_of_a_welcome_named_after_it(text, attendees):
    assert [a for a, _, _ in events(text, "ceremony")] == [attendees]


@pytest.mark.parametrize("text, kinds", [
    # the meeting told last, named again as talks: one encounter, not two
    ("Ngày 18/11, bên lề Hội nghị thượng đỉnh G20, Thủ tướng Kenya Peter Mwangi đã gặp Tổng thống Chile Gabriel "
     "Rojas. Tại cuộc hội đàm, hai nhà lãnh đạo nhất trí tăng cường hợp tác.", ["meeting"]),
    # (not when other events were told between: talks never told before are new)
    ("Ngày 18/11, Thủ tướng Kenya Peter Mwangi tiếp ông Alberto Soto, Chủ tịch Tập đoàn Andes Mining. Sáng 19/11, "
     "Tổng thống Chile Gabriel Rojas chủ trì lễ đón chính thức Thủ tướng Peter Mwangi. Tại hội đàm, hai nhà lãnh "
     "đạo nhất trí tăng cường hợp tác.", ["ceremony", "meeting", "talks"]),
])
def test_one_encounter_told_by_two_nouns(text, kinds):
    x = extract_article("t", text, PUBLISHED)
    assert sorted(e.type for e in x.events if e.type in ("meeting", "talks", "ceremony")) == kinds


@pytest.mark.parametrize("text, attendees", [
    # a long title before a name with 'bin … Al …': the person received, though named nowhere else
    ("Chiều 28/5, Tổng thống Kenya William Ruto đã tiếp Cố vấn an ninh quốc gia kiêm Phó toàn quyền "
     "Hamdan bin Saeed Al Kazhy.", ["Hamdan bin Saeed Al Kazhy", "William Ruto"]),
    ("Chiều 28/5, Tổng thống Kenya William Ruto đã tiếp Phó toàn quyền Hamdan bin Saeed Al Kazhy.",
     ["Hamdan bin Saeed Al Kazhy", "William Ruto"]),
])
def test_a_reception_of_one_with_a_long_title(text, attendees):
    assert [a for a, _, _ in events(text, "meeting")] == [attendees]


@pytest.mark.parametrize("text", [
    # a planned meeting reported by the one who will meet: both sides, not the counterpart alone
    "Tổng thống Chile Gabriel Rojas cho biết, dự kiến ông sẽ gặp Tổng thống Peru Ana Quispe tại Lima.",
    "Tổng thống Chile Gabriel Rojas tới Lima hôm qua. Ông cho biết, dự kiến ông sẽ gặp Tổng thống Peru Ana Quispe.",
    "Tổng thống Chile Gabriel Rojas cho biết, dự kiến sẽ gặp Tổng thống Peru Ana Quispe tại Lima.",
    "Tổng thống Chile Gabriel Rojas cho biết ông sẽ gặp Tổng thống Peru Ana Quispe tại Lima.",
])
def test_a_planned_meeting_keeps_both_sides(text):
    assert [a for a, _, _ in events(text, "meeting")] == [["Ana Quispe", "Gabriel Rojas"]]


def test_the_pair_of_talks_witnesses_the_signing_after_them():
    # 'Sau hội đàm, hai nhà lãnh đạo chứng kiến …': the head of government just named, not the side's most-named
    # person (a guard: the real failure needed more of an article than this)
    text = ("Chiều 28/5 (giờ địa phương) Tổng thống Kenya William Ruto đã có cuộc hội đàm với Phó Tổng thống kiêm Thủ "
            "tướng Maroc Aziz Akhannouch. Sau hội đàm, hai nhà lãnh đạo đã chứng kiến lễ ký kết Hiệp định thương mại "
            "tự do và sáu văn kiện hợp tác. Tổng thống đã tiếp Cố vấn an ninh quốc gia Maroc Karim Bennani. Với tư "
            "cách giám đốc Tập đoàn Atlas, ông Karim Bennani mong muốn đầu tư. Ông Karim Bennani cho biết Maroc sẵn "
            "sàng.")
    assert [a for a, _, _ in events(text, "signing")] == [["Aziz Akhannouch", "William Ruto"]]


@pytest.mark.parametrize("text", [
    # 'A hội kiến B và gặp C': two meetings of A, one with each (not one of three)
    "Ngày 5/6, Thủ tướng Kenya Peter Mwangi đã hội kiến Tổng thống Peru Ana Quispe và gặp Chủ tịch Quốc hội Peru "
    "Eduardo Salhuana.",
    "Thủ tướng Kenya Peter Mwangi dự kiến sẽ hội kiến Tổng thống Peru Ana Quispe và gặp Chủ tịch Quốc hội Peru "
    "Eduardo Salhuana.",
])
def test_two_verbs_with_two_counterparts_are_two_meetings(text):
    assert sorted(a for a, _, _ in events(text, "meeting")) == [["Ana Quispe", "Peter Mwangi"],
                                                                ["Eduardo Salhuana", "Peter Mwangi"]]


def test_a_royal_couple_received_together_is_one_meeting():
    # a consort named by one word after her title ('Hoàng hậu Sonja'): the couple is one side of one meeting
    text = ("Sáng 6/6, tại Cung điện Hoàng gia ở Oslo, Thủ tướng Kenya Peter Mwangi và Phu nhân hội kiến Nhà vua Na Uy "
            "Harald V và Hoàng hậu Sonja.")
    assert [a for a, _, _ in events(text, "meeting")] == [["Harald V", "Peter Mwangi", "Sonja"]]


def test_an_earlier_visit_told_beside_the_current_one_is_the_same_guests():
    # 'chuyến thăm thứ hai của ông …, sau chuyến thăm năm 2010': his earlier visit, a past event of its own
    text = ("Tổng thống Kenya William Ruto đang thăm chính thức Na Uy. Đây là chuyến thăm thứ hai của ông tới Na Uy, "
            "sau chuyến thăm năm 2010.")
    x = extract_article("t", text, PUBLISHED)
    visits = sorted((e.start.iso() if e.start else "", [x.persons[k].name for k in e.guests])
                    for e in x.events if e.type == "visit")
    assert visits == [("", ["William Ruto"]), ("2010", ["William Ruto"])]
