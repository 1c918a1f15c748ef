"""Event rules on real sentence shapes, several about countries other than Laos."""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract.crossdoc import apply_dates, corpus_hints
from kg.extract.events import NAMED_TYPES
from kg.extract.pipeline import extract, extract_article, extract_corpus


def events(text, published=None):
    x = extract_article("t", text, published)
    names = {k: p.name for k, p in x.persons.items()} | {k: o.label or o.name for k, o in x.organizations.items()}
    return [(e.type, sorted(names.get(a, a) for a in e.attendees), e.start and e.start.iso(), e.ordinal)
            for e in x.events]


def test_talks_then_two_separate_courtesy_calls():
    got = events("Ngày 1-12, Tổng Bí thư Tô Lâm đã hội đàm với Tổng thống Indonesia Prabowo Subianto; hội kiến "
                 "Chủ tịch Quốc hội Indonesia Puan Maharani và Thủ tướng Malaysia Anwar Ibrahim.")
    assert ("talks", ["Prabowo Subianto", "Tô Lâm"], "--12-01", None) in got
    assert ("meeting", ["Puan Maharani", "Tô Lâm"], "--12-01", None) in got
    assert ("meeting", ["Anwar Ibrahim", "Tô Lâm"], "--12-01", None) in got


def test_respectively_splits_by_subject():
    got = events("Chiều 16/5, Tổng Bí thư Tô Lâm và Chủ tịch nước Lương Cường lần lượt tiếp Thủ tướng "
                 "Campuchia Hun Manet.", published=None)
    meetings = sorted(a for t, a, _, _ in got if t == "meeting")
    assert meetings == [["Hun Manet", "Lương Cường"], ["Hun Manet", "Tô Lâm"]]


def test_visit_guest_host_span_and_numbered_session():
    text = ("Thủ tướng Nhật Bản Ishiba Shigeru có chuyến thăm chính thức Việt Nam từ ngày 27/4 đến ngày 29/4/2025 "
            "theo lời mời của Thủ tướng Phạm Minh Chính. Hai Thủ tướng đồng chủ trì Kỳ họp lần thứ XII "
            "Ủy ban Hợp tác Việt Nam - Nhật Bản.")
    x = extract_article("t", text)
    visit = next(e for e in x.events if e.type == "visit")
    assert visit.guests == ["ishiba shigeru"] and visit.hosts == ["phạm minh chính"]
    assert (visit.start.iso(), visit.end.iso()) == ("2025-04-27", "2025-04-29")
    session = next(e for e in x.events if e.type == "session")
    assert session.ordinal == 12 and set(session.chairs) == {"ishiba shigeru", "phạm minh chính"}
    assert session.super_event == visit.key


def test_announced_event_and_common_nouns_are_not_events():
    got = events("Hai bên phối hợp chặt chẽ tại các diễn đàn đa phương. Bộ trưởng Ngoại giao Wang Yi "
                 "sẽ hội đàm với Bộ trưởng Ngoại giao Bùi Thanh Sơn.")
    assert [t for t, *_ in got] == ["talks"]
    x = extract_article("t", "Bộ trưởng Ngoại giao Trung Quốc Wang Yi sẽ hội đàm với Bộ trưởng Bùi Thanh Sơn.")
    assert x.events[0].status == "announced"


def test_same_numbered_session_is_one_node_across_articles_and_lends_its_year():
    a = ("Thủ tướng Phạm Minh Chính tới Phnom Penh ngày 5/3 để đồng chủ trì Kỳ họp lần thứ 20 Ủy ban liên "
         "Chính phủ Việt Nam - Campuchia.")
    b = ("Cập nhật: 06/03/2026 10:00\nThủ tướng Campuchia Hun Manet và Thủ tướng Phạm Minh Chính đồng chủ trì "
         "kỳ họp lần thứ 20 Ủy ban liên Chính phủ về hợp tác song phương Campuchia – Việt Nam.")
    xa, xb = extract_corpus([("a", a), ("b", b)])
    sa = next(e for e in xa.events if e.type == "session")
    sb = next(e for e in xb.events if e.type == "session")
    assert sa.key == sb.key
    assert sa.start.iso() == "2026-03-05"      # the year comes from the dated article about the same session


def test_bare_title_resolves_to_the_holder_named_in_another_article():
    a = "Thủ tướng Phạm Minh Chính sẽ cùng Thủ tướng Campuchia đồng chủ trì kỳ họp lần thứ 20 Ủy ban Hỗn hợp."
    b = "Thủ tướng Campuchia Hun Manet tiếp Đại sứ Việt Nam tại Campuchia Nguyễn Minh Vũ."
    xa, _ = extract_corpus([("a", a), ("b", b)])
    assert "hun manet" in xa.persons and xa.persons["hun manet"].country == "KH"


def test_cung_x_chu_tri_makes_the_subject_a_co_chair():
    text = ("Thủ tướng Phạm Minh Chính đón Thủ tướng Campuchia Hun Manet ngày 15/5. "
            "Ông thăm chính thức Việt Nam, đồng thời cùng Thủ tướng Phạm Minh Chính chủ trì Kỳ họp lần thứ 3 "
            "Ủy ban Hỗn hợp Việt Nam - Campuchia.")
    x = extract_article("t", text)
    session = next(e for e in x.events if e.type == "session")
    assert set(session.chairs) == {"hun manet", "phạm minh chính"}


# -- issue 15: both sides, modality, the event's own day, names and keys (countries none of the sets covers) --

MEETING_SHAPES = [
    # the counterpart of 'tiếp' is an attendee
    ("Chiều 12/3, Chủ tịch nước Lương Cường tiếp Tổng thống Chile Gabriel Boric tại Phủ Chủ tịch.",
     ("meeting", ["Gabriel Boric", "Lương Cường"], "2025-03-12")),
    # an opening participle: the subject is after the comma, a possessor after 'của' is no attendee
    ("Ngày 4/6. Điện đàm với Tổng thống Kenya William Ruto, Thủ tướng Phạm Minh Chính chuyển lời thăm hỏi của "
     "Chủ tịch nước Lương Cường.",
     ("phone-call", ["Phạm Minh Chính", "William Ruto"], "2025-06-04")),
    # 'lần lượt … với A và B': one call with each
    ("Tối 9/6, Thủ tướng Phạm Minh Chính lần lượt điện đàm với Tổng thống Peru Dina Boluarte và Tổng thống "
     "Chile Gabriel Boric.",
     ("phone-call", ["Dina Boluarte", "Phạm Minh Chính"], "2025-06-09")),
    # the sentence's opening date dates the meeting on the occasion's margin
    ("Chiều 15/11, bên lề Hội nghị Cấp cao APEC tại Lima, Thủ tướng Phạm Minh Chính gặp Tổng thống Peru "
     "Dina Boluarte.",
     ("meeting", ["Dina Boluarte", "Phạm Minh Chính"], "2025-11-15")),
    # history told in passing: its own month, not the article's day
    ("Hồi tháng 9 năm ngoái, Tổng thống Kazakhstan Kassym-Jomart Tokayev đã thăm chính thức Việt Nam.",
     ("visit", ["Kassym-Jomart Tokayev"], "2024-09")),
    # a day relative to the publication date
    ("Hôm qua, Thủ tướng Phạm Minh Chính điện đàm với Thủ tướng Maroc Aziz Akhannouch.",
     ("phone-call", ["Aziz Akhannouch", "Phạm Minh Chính"], "2025-06-10")),
    # 'Sau lễ đón, hai nhà lãnh đạo hội đàm': the same two, the welcome's day
    ("Sáng 5/5, Chủ tịch nước Lương Cường chủ trì lễ đón chính thức Tổng thống Kenya William Ruto. "
     "Sau lễ đón, hai nhà lãnh đạo hội đàm.",
     ("talks", ["Lương Cường", "William Ruto"], "2025-05-05")),
    # the clause's subject visits, not the last person thanked; 'Y, người vừa thăm' is Y's visit
    ("Ngày 2/6, Chủ tịch nước Lương Cường cảm ơn Thị trưởng Almaty Yerbolat Dossayev, bày tỏ vui mừng đến thăm "
     "thành phố Almaty.",
     ("visit", ["Lương Cường"], "2025-06-02")),
    ("Ngày 2/6, ông Jonas Gahr Støre chuyển lời chào của Thủ tướng Na Uy Erna Solberg, người vừa thăm chính thức "
     "Việt Nam vào tháng 5/2025.",
     ("visit", ["Erna Solberg"], "2025-05")),
    # a headline dated nowhere stays undated: the record's day is the report's, not the meeting's
    ("Thủ tướng Phạm Minh Chính tiếp Tổng thống Kenya William Ruto",
     ("meeting", ["Phạm Minh Chính", "William Ruto"], None)),
    # 'X dự … hội đàm giữa A với B': A and B
    ("Sáng 9/9, Bộ trưởng Bùi Thanh Sơn dự hội đàm giữa Thủ tướng Phạm Minh Chính với Thủ tướng Maroc Aziz "
     "Akhannouch.",
     ("talks", ["Aziz Akhannouch", "Phạm Minh Chính"], "2025-09-09")),
    # coordinated acts share the day told after the second
    ("Tổng thống Chile Gabriel Boric đã đến thăm Đại sứ quán Chile và gặp gỡ cộng đồng trong chiều 9-6.",
     ("visit", ["Gabriel Boric"], "2025-06-09")),
    # a visit told first on one of its days ('nhân chuyến thăm'), then as a span: the span
    ("Sáng 9/9, hai bộ ký bản ghi nhớ nhân chuyến thăm chính thức Việt Nam của Tổng thống Kenya William Ruto. "
     "Tổng thống Kenya William Ruto thăm chính thức Việt Nam từ ngày 8-10/9/2025.",
     ("visit", ["William Ruto"], "2025-09-08")),
    # 'cùng ngày' after a month told before shares no day
    ("Hội nghị APEC sẽ diễn ra vào tháng 11. Trước đó sáng cùng ngày, Tổng thống Chile Gabriel Boric đã thăm trụ sở "
     "Tập đoàn Codelco.", ("visit", ["Gabriel Boric"], None)),
    # a month ahead ('vào tháng 11') is no day the article tells: 'cùng ngày' is the day told before it
    ("Ngày 9/6, Tổng thống Chile Gabriel Boric hội đàm với Tổng thống Peru Dina Boluarte. Hai bên hy vọng hợp tác "
     "tốt tại APEC vào tháng 11. Sáng cùng ngày, Tổng thống Chile Gabriel Boric đã thăm trụ sở Tập đoàn Codelco.",
     ("visit", ["Gabriel Boric"], "2025-06-09")),
    # a delegation list attends the event just told
    ("Chiều 8/7, Thủ tướng Phạm Minh Chính tiếp Thủ tướng Na Uy Jonas Gahr Støre. Cùng dự có Bộ trưởng "
     "Ngoại giao Bùi Thanh Sơn.",
     ("meeting", ["Bùi Thanh Sơn", "Jonas Gahr Støre", "Phạm Minh Chính"], "2025-07-08")),
]


@pytest.mark.parametrize("text,expected", MEETING_SHAPES)
def test_both_sides_and_the_events_own_day(text, expected):
    assert expected in [(t, a, d) for t, a, d, _ in events(text, published=date(2025, 6, 11))]


# each event of one type told, with all of its sides and no one else
EXACT_SIDES = [
    # 'đang thăm' after an apposition between commas tells of the object of 'tiếp' ('Thư ký' holds no 'ký')
    ("Chiều 6/7, Chủ tịch nước Lương Cường tiếp Ngài Erlan Karin, Thư ký Nhà nước Cộng hòa Kazakhstan, đang thăm "
     "và làm việc tại Việt Nam.", "visit", [["Erlan Karin"]]),
    # the one welcomed visits, not the one who welcomes
    ("Chiều 3/6, Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Nội vụ Peru Juan José Santiváñez. Thủ tướng Phạm Minh "
     "Chính hoan nghênh đoàn đại biểu Bộ Nội vụ Peru thăm Việt Nam.", "visit", [["Juan José Santiváñez"]]),
    # 'giữa A với B, <B's titles>, hai bên …': A and B, not a leader of another sentence
    ("Ngày 10/10, Thủ tướng Maroc Aziz Akhannouch tiếp Chủ tịch nước Lương Cường. Tại cuộc hội đàm giữa đồng chí "
     "Trần Cẩm Tú với đồng chí Nizar Baraka, Tổng Thư ký Đảng Istiqlal, Bộ trưởng Bộ Thiết bị Maroc, hai bên nhất "
     "trí tăng cường hợp tác.", "talks", [["Nizar Baraka", "Trần Cẩm Tú"]]),
    ("Quang cảnh hội đàm giữa Thủ tướng Na Uy Jonas Gahr Støre và Tổng thống Kenya William Ruto.", "talks",
     [["Jonas Gahr Støre", "William Ruto"]]),
    # a spokesperson reporting a call is no side of it; 'kéo dài 20 phút' is no day of its own
    ("Ngày 8/5, Thủ tướng Na Uy Jonas Gahr Støre điện đàm với Tổng thống Kenya William Ruto. Người phát ngôn Chính "
     "phủ Kenya Isaac Mwaura cho biết, trong cuộc điện đàm kéo dài 20 phút, hai bên đã trao đổi nhiều vấn đề.",
     "phone-call", [["Jonas Gahr Støre", "William Ruto"]]),
    # a press conference after a meeting: given by the meeting's two sides
    ("Chiều 4/6, Tổng thống Chile Gabriel Boric gặp Tổng thống Peru Dina Boluarte tại Lima. Hai nhà lãnh đạo tổ "
     "chức họp báo ngay sau buổi gặp gỡ.", "conference", [["Dina Boluarte", "Gabriel Boric"]]),
    # 'gặp A; gặp gỡ B': two meetings
    ("Ngày 7/7, Thủ tướng Phạm Minh Chính gặp Thủ tướng Na Uy Jonas Gahr Støre; gặp gỡ Chủ tịch Quốc hội Na Uy "
     "Masud Gharahkhani.", "meeting", [["Jonas Gahr Støre", "Phạm Minh Chính"],
                                      ["Masud Gharahkhani", "Phạm Minh Chính"]]),
    # 'A sẽ đến chào B và thăm C': A visits ('Theo kế hoạch' is no source)
    ("Theo kế hoạch, Chủ tịch Thượng viện Chile Manuel Ossandón sẽ đến chào Tổng thống Peru Dina Boluarte và thăm "
     "Đại sứ quán Chile tại Peru vào ngày 30/6.", "visit", [["Manuel Ossandón"]]),
    # one who welcomes a signing of the two sides is none of them
    ("Chiều 5/5, Tổng thống Kenya William Ruto hoan nghênh việc hai bên đã ký kết Hiệp định hợp tác giáo dục năm "
     "2014.", "signing", [[]]),
    # those who judge an exchange of the two countries are not its sides: the two governments are (an exchange of
    # ratification instruments is a ceremony, no signing)
    ("Ngày 5/5, Thủ tướng Peru Gustavo Adrianzén hội đàm với Tổng thống Chile Gabriel Boric. Hai nhà lãnh đạo cũng "
     "đánh giá cao việc Peru và Chile đã trao đổi văn kiện phê chuẩn hiệp định biên giới.", "ceremony",
     [["Chính phủ Chile", "Chính phủ Peru"]]),
    # 'hai Bộ trưởng' when only one minister's title was recognised: the other side's one named earlier who
    # leads no state ('Ủy viên Bộ Chính trị' is no ministry), not its President
    ("Sáng 5/6, Tổng thống Chile Gabriel Boric tiếp Bộ trưởng Quốc phòng Peru Walter Astudillo. Trước đó, lễ đón "
     "chính thức đã được tổ chức cho đồng chí Maya Fernández, Ủy viên Bộ Chính trị Đảng Xã hội Chile. Sau lễ đón, "
     "hai Bộ trưởng đã tiến hành hội đàm.", "talks", [["Maya Fernández", "Walter Astudillo"]]),
    # those whose greetings are passed on ('chuyển lời thăm hỏi của A và <titles> B') are no side
    ("Chiều 6/6, Tổng thống Kenya William Ruto tiếp Bộ trưởng Ngoại giao Na Uy Lars Hovland. Tại buổi tiếp, Bộ "
     "trưởng Lars Hovland cảm ơn Tổng thống William Ruto đã dành thời gian tiếp đoàn và chuyển lời thăm hỏi của "
     "Thủ tướng Erik Solvang và Chủ tịch Quốc hội Ingrid Moen tới Tổng thống William Ruto.", "meeting",
     [["Lars Hovland", "William Ruto"]]),
    # 'có sự tham dự của X': X attends
    ("Chiều 6/6, Tổng thống Kenya William Ruto tiếp Bộ trưởng Ngoại giao Na Uy Lars Hovland, có sự tham dự của "
     "Thứ trưởng Erik Solvang.", "meeting", [["Erik Solvang", "Lars Hovland", "William Ruto"]]),
    # a former ambassador quoted on the talks ('Theo ông X, …', 'X nhận định cuộc hội đàm …') is no side
    ("Chiều 6/6, Tổng thống Kenya William Ruto hội đàm với Thủ tướng Na Uy Erik Solvang. Theo ông Anders Berg, "
     "nguyên Đại sứ Na Uy tại Kenya, cuộc hội đàm mở ra giai đoạn mới.", "talks", [["Erik Solvang", "William Ruto"]]),
    ("Chiều 6/6, Tổng thống Kenya William Ruto hội đàm với Thủ tướng Na Uy Erik Solvang. Nguyên Đại sứ Na Uy tại "
     "Kenya Anders Berg nhận định cuộc hội đàm mở ra giai đoạn mới.", "talks", [["Erik Solvang", "William Ruto"]]),
    # a spokesperson telling of a meeting is no side of it, comma or not
    ("Người phát ngôn Bộ Ngoại giao Peru Ana Torres cho biết Tổng thống Peru Dina Boluarte sẽ gặp Tổng thống "
     "Kenya William Ruto.", "meeting", [["Dina Boluarte", "William Ruto"]]),
    # meeting the press is a press conference, no meeting
    ("Chiều 6/6, Tổng thống Kenya William Ruto và Tổng thống Peru Dina Boluarte đã có cuộc gặp gỡ với báo chí.",
     "meeting", []),
    ("Chiều 6/6, Tổng thống Kenya William Ruto và Tổng thống Peru Dina Boluarte đã có cuộc gặp gỡ với báo chí.",
     "conference", [["Dina Boluarte", "William Ruto"]]),
    # 'Tại cuộc gặp với X <occasion>, Y khẳng định …': Y is the other side, past another event's name
    ("Tại cuộc gặp với Tổng thống Kenya William Ruto sau Hội nghị thượng đỉnh châu Phi, Thủ tướng Na Uy Erik "
     "Solvang khẳng định Na Uy coi trọng quan hệ với Kenya.", "meeting", [["Erik Solvang", "William Ruto"]]),
    # 'Tại cuộc gặp với X, hai bên …': the article's own side
    ("Tổng thống Peru Dina Boluarte dự Diễn đàn Kinh tế thế giới tại Davos. Tại cuộc gặp với Thủ tướng Na Uy Erik "
     "Solvang, hai bên nhất trí tăng cường hợp tác.", "meeting", [["Dina Boluarte", "Erik Solvang"]]),
    # 'A và B đã có cuộc gặp': both sides are the subject, no object follows
    ("Chiều 6/6, Tổng thống Kenya William Ruto và Tổng thống Peru Dina Boluarte đã có cuộc gặp tại Nairobi.",
     "meeting", [["Dina Boluarte", "William Ruto"]]),
    # 'X … sau khi gặp Y': one meeting (not 'khi gặp nhau', meetings in general), X's
    ("Tổng thống Kenya William Ruto phát biểu trước báo chí sau khi gặp Tổng thống Peru Dina Boluarte ngày 6/6.",
     "meeting", [["Dina Boluarte", "William Ruto"]]),
    # lists of those present at the event just told: after a comma and a side, or 'Cũng có mặt trong … là'
    ("Sáng 7/6, Tổng thống Kenya William Ruto chủ trì Lễ đón Tổng thống Peru Dina Boluarte. Tham dự Lễ đón, về phía "
     "Kenya có: Phó Tổng thống Kithure Kindiki; Bộ trưởng Ngoại giao Musalia Mudavadi.", "ceremony",
     [["Dina Boluarte", "Kithure Kindiki", "Musalia Mudavadi", "William Ruto"]]),
    ("Chiều 7/6, Tổng thống Kenya William Ruto gặp Tổng thống Peru Dina Boluarte. Cũng có mặt trong cuộc gặp của hai "
     "nhà lãnh đạo là Bộ trưởng Ngoại giao Kenya Musalia Mudavadi, Ngoại trưởng Peru Elmer Schialer.", "meeting",
     [["Dina Boluarte", "Elmer Schialer", "Musalia Mudavadi", "William Ruto"]]),
    # 'Đánh giá cao kết quả hội đàm giữa A và B, X hoan nghênh …': X judges the talks, A and B held them
    ("Chiều 6/6, Tổng thống Kenya William Ruto tiếp Bộ trưởng Nội vụ Peru Juan Santiváñez. Đánh giá cao kết quả hội "
     "đàm giữa Bộ trưởng Nội vụ Peru Juan Santiváñez và Bộ trưởng Nội vụ Kenya Kipchumba Murkomen, Tổng thống "
     "William Ruto hoan nghênh sự hợp tác giữa hai bộ.", "talks", [["Juan Santiváñez", "Kipchumba Murkomen"]]),
    # a list's 'Cố vấn của Tổng thống X' names X for his adviser: X is not present
    ("Chiều 7/6, Tổng thống Kenya William Ruto gặp Tổng thống Peru Dina Boluarte. Tham dự cuộc gặp còn có Bộ trưởng "
     "Ngoại giao Kenya Musalia Mudavadi và Cố vấn của Thủ tướng Peru Gustavo Adrianzén.", "meeting",
     [["Dina Boluarte", "Musalia Mudavadi", "William Ruto"]]),
    # 'Hai nhà lãnh đạo … gặp nhau' read as one person only: the pair of the event just told
    ("Chiều 6/6, Tổng thống Kenya William Ruto điện đàm với Thủ tướng Na Uy Erik Solvang. Hai nhà lãnh đạo nhất trí "
     "sẽ gặp nhau vào ngày 25/6 tại Oslo.", "meeting", [["Erik Solvang", "William Ruto"]]),
    # 'hai bên sẽ ký kết …' with no one named: the two sides of the meeting just told
    ("Chiều 3/7, Tổng thống Kenya William Ruto đã tiếp đón Tổng thống Peru Dina Boluarte đang ở thăm Nairobi. Dự "
     "kiến, hai bên sẽ ký kết nhiều văn kiện hợp tác về thương mại.", "signing", [["Dina Boluarte", "William Ruto"]]),
    # the list names its event: the meeting, not the press conference told after it
    ("Chiều 7/6, Tổng thống Kenya William Ruto gặp Tổng thống Peru Dina Boluarte. Sau đó hai nhà lãnh đạo có cuộc "
     "gặp gỡ với báo chí. Cũng có mặt trong cuộc gặp của hai nhà lãnh đạo là Bộ trưởng Ngoại giao Kenya Musalia "
     "Mudavadi, Ngoại trưởng Peru Elmer Schialer.", "meeting",
     [["Dina Boluarte", "Elmer Schialer", "Musalia Mudavadi", "William Ruto"]]),
    # 'A nhắc lại lời B … sau khi gặp <no one named>': no meeting of A's
    ("Tổng thống Chile Gabriel Boric nhắc lại lời cố Tổng thống Peru Alan García bày tỏ sau khi gặp Chủ tịch Hồ Chí "
     "Minh trong chuyến thăm Việt Nam tháng 5-1969.", "meeting", []),
    # 'Sau hội đàm, hai Bộ trưởng …' with one minister's title recognised: the pair of the talks named back, though
    # another event was told after them
    ("Ngày 5/6, Bộ trưởng Quốc phòng Chile Maya Fernández hội đàm với Đại tướng Walter Astudillo. Đại tướng Walter Astudillo từng thăm Chile trong chuyến thăm tháng 3/2024. Sau hội đàm, hai Bộ "
     "trưởng đã chứng kiến Lễ ký Thỏa thuận hợp tác giữa Bộ Tư lệnh Lục quân Chile và Cục Quân y Peru.", "signing",
     [["Maya Fernández", "Walter Astudillo"]]),
    # a clause with no subject after ';' goes on with the sentence's subject, not the last event's
    ("Trong chuyến thăm, Chủ tịch Quốc hội Kenya Moses Wetangula hội đàm với Chủ tịch Quốc hội Peru Eduardo "
     "Salhuana; chào xã giao Tổng thống Peru Dina Boluarte. Nhân dịp này, tại thành phố Cusco, Chủ tịch Quốc hội Peru Eduardo Salhuana và Chủ tịch Quốc hội "
     "Kenya Moses Wetangula đồng chủ trì hội thảo về nông nghiệp; dự Lễ khai mạc Ngày hội văn hóa Peru - Kenya lần "
     "thứ II năm 2025; trồng cây lưu niệm.", "ceremony", [["Eduardo Salhuana", "Moses Wetangula"]]),
    # another's success told in passing is no ceremony of the article
    ("Chiều 6/6, Tổng thống Kenya William Ruto tiếp Thủ tướng Na Uy Erik Solvang. Tổng thống William Ruto chúc mừng "
     "Na Uy đã tổ chức thành công Lễ kỷ niệm 200 năm Hiến pháp.", "ceremony", []),
    ("Sáng 6/6, tại Nairobi đã diễn ra Lễ khánh thành Bệnh viện Hữu nghị Kenya - Na Uy với sự tham dự của Tổng "
     "thống Kenya William Ruto.", "ceremony", [["William Ruto"]]),
    # the list names 'cuộc gặp' after talks and a press encounter: the talks, not the press conference
    ("Chiều 7/6, Tổng thống Kenya William Ruto hội đàm với Tổng thống Peru Dina Boluarte. Sau đó hai nhà lãnh đạo có "
     "cuộc gặp gỡ với báo chí. Cũng có mặt trong cuộc gặp gỡ của hai nhà lãnh đạo là Bộ trưởng Ngoại giao Kenya "
     "Musalia Mudavadi, Ngoại trưởng Peru Elmer Schialer.", "talks",
     [["Dina Boluarte", "Elmer Schialer", "Musalia Mudavadi", "William Ruto"]]),
    # a session co-chaired on the other side's invitation: the inviter is the other chair
    ("Ngày 7/2, Thủ tướng Na Uy Jonas Gahr Støre dẫn đầu Đoàn đại biểu Chính phủ Na Uy tới Kenya tham dự và đồng chủ "
     "trì Kỳ họp lần thứ 9 Ủy ban liên Chính phủ Kenya - Na Uy tại Nairobi, theo lời mời của Tổng thống Kenya William "
     "Ruto.", "session", [["Jonas Gahr Støre", "William Ruto"]]),
    # witnesses of a signing attend it beside the signers, the first one's titles cut by a comma
    ("Sau hội đàm, dưới sự chứng kiến của Tổng Bí thư, Tổng thống Kenya William Ruto và Thủ tướng Na Uy Jonas Gahr "
     "Støre, Bộ trưởng Năng lượng Kenya Opiyo Wandayi đã cùng Bộ trưởng Ngoại giao Na Uy Espen Barth Eide ký Bản Ghi "
     "nhớ (MoU) về hợp tác năng lượng.", "signing",
     [["Espen Barth Eide", "Jonas Gahr Støre", "Opiyo Wandayi", "William Ruto"]]),
    # a document handed over, told passively: its witnesses
    ("Tối 30/5, tại Nairobi, hai Thống đốc đã ký Thỏa thuận hợp tác giữa hạt Mombasa và hạt Nakuru. Ngày 1/6, thỏa "
     "thuận được trao dưới sự chứng kiến của Tổng thống Kenya William Ruto và Thủ tướng Na Uy Jonas Gahr Støre.",
     "signing", [[], ["Jonas Gahr Støre", "William Ruto"]]),
    # a welcome coordinated with talks 'giữa A với B': A and B are its sides too, not the minister attending
    ("Sáng 9/6, Bộ trưởng Năng lượng Kenya Opiyo Wandayi đã tham dự Lễ đón, Hội đàm giữa Tổng thống Kenya William "
     "Ruto với Thủ tướng Na Uy Jonas Gahr Støre tại Nairobi.", "ceremony", [["Jonas Gahr Støre", "William Ruto"]]),
    # the talks of a state visit told with the guest only: held with the one who invited him
    ("Nhận lời mời của Tổng thống Kenya William Ruto, Thủ tướng Na Uy Jonas Gahr Støre thăm cấp Nhà nước Kenya từ "
     "ngày 8 đến 10/6. Sáng 9/6, Tổng thống William Ruto chủ trì lễ đón Thủ tướng Jonas Gahr Støre. Tại hội đàm ngay "
     "sau đó, Thủ tướng Jonas Gahr Støre nhấn mạnh Kenya là đối tác quan trọng.", "talks",
     [["Jonas Gahr Støre", "William Ruto"]]),
    # … and so are the signing and the press encounter after them ('hai nhà lãnh đạo …, rồi cùng gặp gỡ báo chí')
    ("Nhận lời mời của Tổng thống Kenya William Ruto, Thủ tướng Na Uy Jonas Gahr Støre thăm cấp Nhà nước Kenya từ "
     "ngày 8 đến 10/6. Sáng 9/6, Tổng thống William Ruto chủ trì lễ đón Thủ tướng Jonas Gahr Støre. Tại hội đàm ngay "
     "sau đó, Thủ tướng Jonas Gahr Støre nhấn mạnh Kenya là đối tác quan trọng. Sau hội đàm, hai nhà lãnh đạo chứng "
     "kiến lễ trao Bản ghi nhớ về hợp tác nghề cá, rồi cùng gặp gỡ báo chí.", "conference",
     [["Jonas Gahr Støre", "William Ruto"]]),
    # 'hai Thống đốc' read as one holder of the title: the other side's holder signs too
    ("Chiều 9/2, tại Nairobi, Thống đốc Kenya Peter Kiprono tiếp thân mật Đoàn đại biểu cấp cao hạt Vestland do Thống "
     "đốc Na Uy Jon Askeland dẫn đầu. Tối 30/11 năm ngoái, tại thủ đô Oslo, hai Thống đốc đã ký Thỏa thuận hợp tác "
     "giữa hạt Kericho và hạt Vestland.", "signing", [["Jon Askeland", "Peter Kiprono"]]),
    # a body met: the other side
    ("Chủ tịch Quốc hội Peru Eduardo Salhuana cùng đoàn đã thăm Đại học Nairobi; làm việc với Ngân hàng Trung ương "
     "Kenya; thăm tỉnh Mombasa.", "meeting", [["Eduardo Salhuana", "Ngân hàng Trung ương Kenya"]]),
    # one told of the talks' results is no side of them, nor the object of the act before the cue
    ("Chiều 6/6, Tổng thống Kenya William Ruto hội đàm với Tổng thống Peru Dina Boluarte. Sau đó, Tổng thống William "
     "Ruto đã thông báo với Thủ tướng Na Uy Jonas Gahr Støre về kết quả cuộc hội đàm.", "talks",
     [["Dina Boluarte", "William Ruto"]]),
    ("Chiều 6/6, Tổng thống Kenya William Ruto điện đàm với Thủ tướng Na Uy Jonas Gahr Støre, thông báo với ông về "
     "kết quả cuộc hội đàm với Tổng thống Peru Dina Boluarte.", "talks", [["Dina Boluarte", "William Ruto"]]),
    # leaders of places in the plural, none named: no one met to tell; nor a community met
    ("Chiều 6/6, Tổng thống Kenya William Ruto gặp lãnh đạo các bang của Nigeria.", "meeting", []),
    ("Chiều 9/6, Tổng thống Kenya William Ruto đã đến thăm đại sứ quán và gặp gỡ kiều bào tại Oslo.", "meeting", []),
    ("Tại Na Uy, Tổng thống Kenya William Ruto còn gặp Thống đốc, Thị trưởng của 4 hạt lớn là Oslo, Bergen, Viken "
     "và Rogaland.", "meeting", []),
    # a country attends: not the person named last in the sentence before
    ("Chiều 4/5, Tổng thống Chile Gabriel Boric tiếp Thủ tướng Peru Gustavo Adrianzén. Năm 2010, Chile đã tham dự "
     "Hội nghị Thượng đỉnh G20 tại Canada.", "conference", [[]]),
]


@pytest.mark.parametrize("text,etype,expected", EXACT_SIDES)
def test_every_side_and_no_one_else(text, etype, expected):
    assert [a for t, a, _, _ in events(text, published=date(2025, 6, 11)) if t == etype] == expected


NO_EVENT = [
    "Hai nước sẽ cùng nhau viết tiếp những trang mới trong quan hệ hữu nghị.",        # 'viết tiếp'
    "Có thể Tổng thống Kenya William Ruto muốn gặp Thủ tướng Phạm Minh Chính.",        # speculation
    "Liệu Tổng thống Peru Dina Boluarte có gặp Chủ tịch nước Lương Cường?",            # a question
    "Chuyến thăm được kỳ vọng sẽ mở ra giai đoạn mới; Tổng thống Chile Gabriel Boric được kỳ vọng sẽ hội đàm "
    "với Chủ tịch nước Lương Cường.",                                                   # hoped
    "Tại các cuộc gặp, hai bên nhất trí tăng cường hợp tác.",                           # meetings in general
    "Chính phủ Việt Nam trao tặng nhân dân Peru 100 tấn gạo.",                           # a gift, no award
    "Hai nước cần tiến tới ký thỏa thuận dài hạn về gạo.",                               # no document, a wish
    "Hai bên sẽ triển khai các thỏa thuận đã ký kết giữa Chile và Việt Nam.",            # signed some time
    "Tại Na Uy, 12 thỏa thuận về năng lượng, hàng hải và thủy sản đã được ký kết.",     # counted, not told
    "Hai Phu nhân nhớ lại những kỷ niệm khi gặp nhau ở Nairobi và Hà Nội.",             # 'khi gặp': no one event
    "Ông Akhannouch cảm ơn Thủ tướng Phạm Minh Chính về sự đón tiếp trọng thị.",        # hospitality, no meeting
    "Hai bên duy trì chương trình Gặp gỡ đầu Xuân giữa các tỉnh biên giới Kenya.",       # a programme's name
    "Hai nước kỷ niệm 30 năm Ngày ký Hiệp ước hữu nghị Việt Nam - Kazakhstan.",           # an anniversary
    "[Báo chí Na Uy đưa đậm về hội đàm giữa Thủ tướng Phạm Minh Chính và Thủ tướng Jonas Gahr Støre]",  # a link
    # objects counted vaguely: meetings in general
    "Tại Kenya, Thủ tướng Na Uy Jonas Gahr Støre đã làm việc với một số Bộ, ngành kinh tế; gặp nhiều lãnh đạo "
    "doanh nghiệp.",
    # agreeing to negotiate so as to sign soon: no signing told
    "Tổng thống Kenya William Ruto đồng ý với đề nghị của Thủ tướng Phạm Minh Chính về việc hai bên tiếp tục đàm "
    "phán để sớm ký Hiệp định Thương mại Việt Nam - Kenya để thay thế Hiệp định ký năm 2001.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_what_is_not_an_event(text):
    assert [t for t, *_ in events(text, published=date(2025, 6, 11))
            if t in ("meeting", "talks", "phone-call", "award", "signing")] == []


@pytest.mark.parametrize("text,status", [
    ("Theo kế hoạch, Thủ tướng Na Uy Jonas Gahr Støre sẽ hội đàm với Thủ tướng Phạm Minh Chính.", "announced"),
    ("Dự kiến, Tổng thống Chile Gabriel Boric hội đàm với Chủ tịch nước Lương Cường.", "announced"),
    ("Chiều 3/3, Tổng thống Chile Gabriel Boric hội đàm với Chủ tịch nước Lương Cường.", "held"),
])
def test_modality_decides_status(text, status):
    x = extract_article("t", text, date(2025, 3, 3))
    assert [e.status for e in x.events if e.type == "talks"] == [status]


@pytest.mark.parametrize("text,statuses", [
    # the plan told in the first clause goes on in the next one, which has no subject of its own
    ("Theo chương trình, Thủ tướng Phạm Minh Chính sẽ gặp Thủ tướng Na Uy Jonas Gahr Støre; gặp gỡ Chủ tịch Quốc "
     "hội Na Uy Masud Gharahkhani.", ["announced", "announced"]),
    ("Theo chương trình, dự kiến trong thời gian thăm Peru, Tổng thống Chile Gabriel Boric sẽ có cuộc gặp Tổng "
     "thống Peru Dina Boluarte.", ["announced"]),
    # a clause marked as done is held whatever came before
    ("Tổng thống Chile Gabriel Boric sẽ thăm Peru; ông đã gặp Tổng thống Peru Dina Boluarte hôm qua.", ["held"]),
])
def test_a_plan_told_earlier_in_the_sentence_goes_on(text, statuses):
    x = extract_article("t", text, date(2025, 3, 3))
    assert [e.status for e in x.events if e.type == "meeting"] == statuses


@pytest.mark.parametrize("text,name", [
    ("Ngày 18/11, Tổng thống Chile Gabriel Boric dự Hội nghị thượng đỉnh G20 lần thứ 19 tại Rio de Janeiro "
     "theo lời mời của Chính phủ Brazil.", "Hội nghị thượng đỉnh G20 lần thứ 19"),
    ("Ngày 18/11, Tổng thống Chile Gabriel Boric dự Hội nghị thượng đỉnh G20 lần thứ 19 có chủ đề \"Xây dựng một "
     "thế giới công bằng\".", "Hội nghị thượng đỉnh G20 lần thứ 19"),
    ("Hai Thủ tướng đồng chủ trì Kỳ họp thứ 7 Ủy ban liên Chính phủ Việt Nam - Kazakhstan.",
     "Kỳ họp lần thứ 7 Ủy ban liên chính phủ Kazakhstan - Việt Nam"),   # the joint body's one label
])
def test_numbered_events_are_named_after_their_body(text, name):
    x = extract_article("t", text, date(2025, 11, 19))
    assert name in [e.name for e in x.events]


def test_mentions_of_one_summit_are_one_event_named_with_its_number():
    text = ("Chiều 18/11, Tổng thống Chile Gabriel Boric dự Hội nghị thượng đỉnh G20 lần thứ 19 tại Rio de Janeiro. "
            "Ông Gabriel Boric cho biết Hội nghị thượng đỉnh G20 năm nay mang ý nghĩa đặc biệt. "
            "Tổng thống Peru Dina Boluarte cũng dự Hội nghị thượng đỉnh APEC tại Lima.")
    x = extract_article("t", text, date(2024, 11, 19))
    names = sorted(e.name for e in x.events if e.type == "conference")
    assert names == ["Hội nghị thượng đỉnh APEC", "Hội nghị thượng đỉnh G20 lần thứ 19"]


def test_one_node_per_visit_and_signing_across_articles():
    a = ("Cập nhật: 12/03/2025\nTừ ngày 10 đến 12/3/2025, Tổng thống Kazakhstan Kassym-Jomart Tokayev thăm cấp "
         "Nhà nước Việt Nam. Ngày 11/3, Tổng thống Kassym-Jomart Tokayev và Chủ tịch nước Lương Cường chứng kiến "
         "lễ ký Hiệp định Thương mại tự do Việt Nam - Kazakhstan (KVFTA).")
    b = ("Cập nhật: 20/06/2025\nHồi tháng 3/2025, Tổng thống Kazakhstan Kassym-Jomart Tokayev đã thăm cấp Nhà "
         "nước Việt Nam. Trong chuyến thăm đó, hai nước ký Hiệp định Thương mại tự do (KVFTA).")
    xa, xb = extract_corpus([("a", a), ("b", b)])
    for kind in ("visit", "signing"):
        ka = [e.key for e in xa.events if e.type == kind]
        kb = [e.key for e in xb.events if e.type == kind]
        assert ka and ka == kb, kind
    other = extract_article("c", "Hồi tháng 3/2025, Tổng thống Kazakhstan Kassym-Jomart Tokayev đã thăm "
                                 "chính thức Maroc.")
    assert [e.key for e in other.events if e.type == "visit"] != [e.key for e in xa.events if e.type == "visit"]


def test_one_node_takes_the_most_precise_date_its_articles_give():
    """Told to the day by one article and to the month by another, the node keeps one start date."""
    a = ("Cập nhật: 12/03/2025\nTừ ngày 10 đến 12/3/2025, Tổng thống Kazakhstan Kassym-Jomart Tokayev thăm cấp "
         "Nhà nước Việt Nam.")
    b = "Cập nhật: 20/06/2025\nHồi tháng 3/2025, Tổng thống Kazakhstan Kassym-Jomart Tokayev đã thăm Việt Nam."
    (xa, sa), (xb, sb) = extract("a", a), extract("b", b)
    hints = corpus_hints([sa, sb])
    assert not hints["a"].dates and hints["b"].dates
    apply_dates(xb.events, hints["b"])
    assert [e.start.iso() for e in xb.events if e.type == "visit"] == ["2025-03-10"]


@pytest.mark.parametrize("text, published, visits, status", [
    # the end of a visit already told is one more mention of it, not a second visit
    ("Tổng thống Chile Gabriel Boric thăm chính thức Kenya vào tháng 9/2024. "
     "Ngày 1/7, Tổng thống Kenya William Ruto tiếp Ngoại trưởng Peru Elmer Schialer. "
     "Trong thông báo chính thức về chuyến thăm của Tổng thống Gabriel Boric, Văn phòng Tổng thống Kenya nêu rõ "
     "hai bên đã ký nhiều văn kiện.", date(2025, 7, 2), 1, "held"),
    # a plan ('sẽ') and a mention without it: the visit is still ahead of the publication day
    ("Thủ tướng Na Uy Jonas Gahr Store sẽ thăm chính thức Kazakhstan từ ngày 10 đến ngày 12/9/2025. "
     "Thủ tướng Jonas Gahr Store thăm chính thức Kazakhstan từ ngày 10 đến ngày 12/9/2025 theo lời mời của "
     "Thủ tướng Kazakhstan Olzhas Bektenov.", date(2025, 9, 1), 1, "announced"),
    ("Thủ tướng Na Uy Jonas Gahr Store sẽ thăm chính thức Kazakhstan từ ngày 10 đến ngày 12/9/2025. "
     "Thủ tướng Jonas Gahr Store thăm chính thức Kazakhstan từ ngày 10 đến ngày 12/9/2025 theo lời mời của "
     "Thủ tướng Kazakhstan Olzhas Bektenov.", date(2025, 9, 12), 1, "held"),
])
def test_a_visit_told_again_is_the_same_visit_with_the_status_its_day_allows(text, published, visits, status):
    x = extract_article("t", text, published)
    found = [e for e in x.events if e.type == "visit"]
    assert len(found) == visits
    assert found[0].status == status


@pytest.mark.parametrize("text, day", [
    # history told with a bare earlier year: that year, never the publication day
    ("Vào 2019, Tổng thống Kenya William Ruto hội đàm với Tổng thống Peru Martín Vizcarra tại Lima.", "2019"),
    ("2018: Tổng thống Kenya William Ruto hội đàm với Tổng thống Peru Martín Vizcarra tại Lima.", "2018"),
    # a year that is part of a name or the article's own year dates nothing of the past (nor is the record's
    # day the talks')
    ("Tổng thống Kenya William Ruto hội đàm với Tổng thống Peru Dina Boluarte tại Lima, bàn về APEC 2019.",
     None),
    ("Ngày 3/7, Tổng thống Kenya William Ruto hội đàm với Tổng thống Peru Dina Boluarte, nhắc lại quan hệ từ 1963.",
     "2025-07-03"),
])
def test_a_bare_earlier_year_dates_history(text, day):
    got = events(text, date(2025, 7, 4))
    assert [d for t, _, d, _ in got if t == "talks"] == [day]


# -- issue 15 on real text: invitations, aims, the visitor, and the visit's own days --

@pytest.mark.parametrize("text", [
    # an invitation is no visit held, nor one planned
    "Tổng thống Kenya William Ruto đề nghị tăng cường trao đổi đoàn; trân trọng mời Tổng thống Peru Dina Boluarte "
    "và phu nhân sang thăm Kenya.",
    "Ông Musalia Mudavadi đã chuyển tới Tổng thống Peru Dina Boluarte lời mời sang thăm Kenya.",
])
def test_an_invitation_is_no_visit(text):
    assert [t for t, *_ in events(text, published=date(2025, 6, 11)) if t == "visit"] == []


@pytest.mark.parametrize("text", [
    # signing as an activity, a document's history in a relative clause, an aim
    "Hai bên giúp đỡ lẫn nhau trong quá trình ký kết, gia nhập và thực hiện các điều ước quốc tế.",
    "Hai bên triển khai Tuyên bố tầm nhìn chung về hợp tác quốc phòng mà Kenya và Peru đã ký kết vào tháng 1/2024.",
    "Tổng thống Peru Dina Boluarte đề nghị thúc đẩy ký kết, phê chuẩn Hiệp định Thương mại tự do Peru - Kenya.",
])
def test_no_signing_told(text):
    assert [t for t, *_ in events(text, published=date(2025, 6, 11)) if t == "signing"] == []


@pytest.mark.parametrize("text, guests", [
    # a visit named by its destination only: the one in its clause who is not of that country
    ("Ngày 31/5, Thủ tướng Na Uy Jonas Gahr Støre và Bộ trưởng Thương mại Peru Juan Mathews chứng kiến lễ trao các "
     "thỏa thuận trong khuôn khổ chuyến thăm Peru.", ["Jonas Gahr Støre"]),
    ("Ông Gustavo Adrianzén cảm ơn Tổng thống Kenya William Ruto đã quan tâm đến nông nghiệp Peru thông qua chuyến "
     "thăm Peru vào năm 2011.", ["William Ruto"]),
    # nobody before it: the main clause's subject
    ("Trong chuyến thăm Na Uy dự các hoạt động kỷ niệm, Phó Thủ tướng Kenya Musalia Mudavadi đã gặp Thủ tướng Na "
     "Uy Jonas Gahr Støre.", ["Musalia Mudavadi"]),
    # past the comma after another country's title comes the next clause's subject, not the visitor
    ("Tổng thống Kenya William Ruto đến Lima, bắt đầu chuyến thăm Peru. Phát biểu trước thềm chuyến thăm của Tổng "
     "thống Kenya, Thủ tướng Peru Gustavo Adrianzén tuyên bố hợp tác.", ["William Ruto"]),
])
def test_the_visitor_is_not_of_the_country_visited(text, guests):
    x = extract_article("t", text, date(2025, 6, 11))
    names = {k: p.name for k, p in x.persons.items()}
    assert [[names[g] for g in e.guests] for e in x.events if e.type == "visit"] == [guests]


@pytest.mark.parametrize("text, published, span", [
    # 'đang thăm' on the day of a reception: a day of the visit, not its first
    ("Chiều 3/6, Thủ tướng Na Uy Jonas Gahr Støre tiếp Phó Thủ tướng Peru Gustavo Adrianzén đang thăm, làm việc "
     "tại Na Uy.", date(2025, 6, 3), (None, None)),
    ("Chiều 3/6, Thủ tướng Na Uy Jonas Gahr Støre tiếp Phó Thủ tướng Peru Gustavo Adrianzén đang có chuyến thăm "
     "Na Uy từ ngày 1-5/6.", date(2025, 6, 3), ("2025-06-01", "2025-06-05")),
    # a span without 'từ': its first day and its last
    ("Theo kế hoạch, Tổng thống Kenya William Ruto sẽ sang thăm Peru vào ngày 19 - 20/6.", date(2025, 6, 17),
     ("2025-06-19", "2025-06-20")),
    # 'kết thúc chuyến thăm vào ngày X': X is its last day
    ("Theo kế hoạch, Chủ tịch Thượng viện Chile Manuel Ossandón sẽ đến chào Tổng thống Peru Dina Boluarte vào ngày "
     "30/6 trước khi kết thúc chuyến thăm Peru vào ngày 1/7.", date(2025, 6, 29), (None, "2025-07-01")),
])
def test_a_visit_keeps_its_own_first_and_last_day(text, published, span):
    x = extract_article("t", text, published)
    names = {k: p.name for k, p in x.persons.items()}
    visits = [e for e in x.events if e.type == "visit"]
    assert [(e.start and e.start.iso(), e.end and e.end.iso()) for e in visits] == [span]
    assert all(names[g] not in ("Dina Boluarte", "Jonas Gahr Støre") for e in visits for g in e.guests)


@pytest.mark.parametrize("text, etype, day", [
    # the day an article tells is one day of a visit to a country, not its first
    ("Chiều 3/6, Thủ tướng Na Uy Jonas Gahr Støre tiếp Bộ trưởng Nội vụ Peru Juan José Santiváñez. Tại buổi tiếp, "
     "Thủ tướng Jonas Gahr Støre hoan nghênh đoàn đại biểu Bộ Nội vụ Peru thăm Na Uy.", "visit", None),
    # a city toured that day is dated by it
    ("Chiều 1/7, Tổng thống Kenya William Ruto gặp Thống đốc Almaty Yerbolat Dossayev. Ông Yerbolat Dossayev chào "
     "mừng Tổng thống William Ruto tới thăm Almaty.", "visit", "2025-07-01"),
    # a day after a phrase opening on an occasion belongs to the main clause, not to the occasion
    ("Theo phóng viên, nhân dịp dự Hội nghị thượng đỉnh Bắc Cực, chiều 6/7, Tổng thống Kenya William Ruto đã tiếp "
     "Bộ trưởng Kinh tế Na Uy Jan Christian Vestre.", "conference", None),
    ("Theo phóng viên, nhân dịp dự Hội nghị thượng đỉnh Bắc Cực, chiều 6/7, Tổng thống Kenya William Ruto đã tiếp "
     "Bộ trưởng Kinh tế Na Uy Jan Christian Vestre.", "meeting", "2025-07-06"),
    # 'của' in a purpose phrase after the visit names no one: the guest is the one who has the visit
    ("Chiều 29/6, đoàn đại biểu Quốc hội Kenya do ông Moses Wetangula, Chủ tịch Quốc hội, làm Trưởng đoàn đang có "
     "chuyến thăm Peru từ ngày 29/6-1/7 nhằm tăng cường quan hệ giữa cơ quan lập pháp của hai nước.", "visit",
     "2025-06-29"),
])
def test_the_day_told_and_the_events_own_day(text, etype, day):
    assert [d for t, _, d, _ in events(text, published=date(2025, 7, 7)) if t == etype] == [day]


def test_a_noun_coordinated_with_a_general_plural_is_general():
    text = ("Ông Sadyr Japarov hoan nghênh kết quả của các cuộc hội đàm, hội kiến giữa Tổng thống Kenya William Ruto "
            "với Tổng thống Kazakhstan Kassym-Jomart Tokayev.")
    assert [t for t, *_ in events(text, published=date(2025, 7, 7)) if t in ("talks", "meeting")] == []


def test_the_inviter_the_guest_and_the_visit_the_other_way():
    """'Nhận lời mời của A, <A's titles>, B sẽ thăm nước …': A hosts, B visits; a later mention ('ở thăm
    Kazakhstan') is that visit; the host's own earlier visit to the guest's country is another one."""
    text = ("Ngày 15/8, người phát ngôn cho biết, nhận lời mời của Tổng thống Kazakhstan Kassym-Jomart Tokayev, "
            "Tổng thống Kenya William Ruto sẽ thăm cấp Nhà nước đến nước Cộng hòa Kazakhstan từ ngày 18-20/8. "
            "Trong thời gian ở thăm Kazakhstan, Tổng thống Kassym-Jomart Tokayev sẽ hội đàm với Tổng thống William "
            "Ruto. Hai nước đang thực hiện kết quả chuyến thăm lịch sử tới Kenya của Tổng thống Kassym-Jomart "
            "Tokayev năm ngoái.")
    x = extract_article("t", text, date(2025, 8, 16))
    names = {k: p.name for k, p in x.persons.items()}
    visits = sorted(([names[g] for g in e.guests], [names[h] for h in e.hosts], e.status)
                    for e in x.events if e.type == "visit")
    assert visits == [(["Kassym-Jomart Tokayev"], [], "held"),
                      (["William Ruto"], ["Kassym-Jomart Tokayev"], "announced")]


@pytest.mark.parametrize("text, etype, expected", [
    # a wish anywhere in the trigger's own clause: no visit ('theo lời mời của X' is no wish)
    ("Thủ tướng Peru Gustavo Adrianzén mong muốn được đón Tổng thống Kenya William Ruto thăm Peru.", "visit", []),
    ("Tổng thống Kenya William Ruto đã thăm Peru vào tháng 9/2023 theo lời mời của Tổng thống Peru Dina "
     "Boluarte và bà Dina Boluarte chủ trì lễ tiếp đón ông.", "visit", [("held", ["William Ruto"])]),
    # the inviter is no attendee of the session it invites to; agreeing to hold one plans it
    ("Chủ tịch Quốc hội Peru Eduardo Salhuana trân trọng mời lãnh đạo Quốc hội Kenya sang dự Hội nghị APPF 35 "
     "tại Peru.", "conference", [("announced", [])]),
    ("Hai Thủ tướng nhất trí tổ chức trong năm nay Kỳ họp thứ 6 Ủy ban Hỗn hợp Kenya - Peru.", "session",
     [("announced", [])]),
    # a title before 'Hội nghị' makes it a body's name
    ("Chiều 11/5, Tổng thống Kenya William Ruto tiếp Phó Chủ tịch Hội nghị Hiệp thương chính trị Peru Juan "
     "Pérez.", "conference", []),
    # 'thăm Peru của X': X's visit, not the subject's
    ("Ông Jonas Gahr Støre trả lời phỏng vấn về kết quả chuyến công tác và thăm Peru của Tổng thống Kenya William "
     "Ruto từ ngày 5-11/7/2025.", "visit", [("held", ["William Ruto"])]),
])
def test_wishes_invitations_and_owners(text, etype, expected):
    x = extract_article("t", text, date(2025, 7, 12))
    names = {k: p.name for k, p in x.persons.items()}
    assert [(e.status, [names[a] for a in e.attendees]) for e in x.events if e.type == etype] == expected


def test_a_visit_framing_another_act_is_not_dated_by_the_acts_day():
    text = ("Chiều 1/7, tiếp tục các hoạt động trong chuyến thăm chính thức Kazakhstan, Tổng thống Kenya William "
            "Ruto đã gặp Thị trưởng Almaty Yerbolat Dossayev.")
    x = extract_article("t", text, date(2025, 7, 2))
    assert [e.start for e in x.events if e.type == "visit"] == [None]
    assert [e.start.iso() for e in x.events if e.type == "meeting"] == ["2025-07-01"]


@pytest.mark.parametrize("text", [
    # a memoir told without a year is not the publication day's news
    "Ông Jonas Gahr Støre nhớ lại chuyến công tác ở Nairobi. Khi đó, Tổng thống Kenya William Ruto đã tiếp ông "
    "Jonas Gahr Støre tại Phủ Tổng thống.",
    "Hồi đó, Tổng thống Peru Dina Boluarte đã hội đàm với Tổng thống Chile Gabriel Boric tại Lima.",
])
def test_history_without_a_year_stays_undated(text):
    assert {d for _, _, d, _ in events(text, published=date(2025, 7, 7))} == {None}


@pytest.mark.parametrize("text, expected", [
    # the object a pronoun: the one person of the other country the sentence names
    ('Tổng thống Kenya William Ruto đã gửi lời chào tới người đồng cấp Peru Dina Boluarte: "Rất hân hạnh được '
     'gặp bà".', [["Dina Boluarte", "William Ruto"]]),
    # a visit's nameless guest ('chuyến thăm của Tổng thống Kenya') is the guest of that country told before
    ("Tổng thống Kenya William Ruto đến Lima, bắt đầu chuyến thăm Peru. Phát biểu trước thềm chuyến thăm của Tổng "
     "thống Kenya, Thủ tướng Peru Gustavo Adrianzén tuyên bố hợp tác.", []),
])
def test_the_other_side_from_the_sentence(text, expected):
    assert [a for t, a, _, _ in events(text, published=date(2025, 7, 7)) if t == "meeting"] == expected


def test_a_nameless_guest_of_a_country_is_that_countrys_guest_told_before():
    text = ("Tổng thống Kenya William Ruto đến Lima, bắt đầu chuyến thăm Peru. Phát biểu trước thềm chuyến thăm của "
            "Tổng thống Kenya, Thủ tướng Peru Gustavo Adrianzén tuyên bố hợp tác.")
    x = extract_article("t", text, date(2025, 7, 7))
    visits = [e for e in x.events if e.type == "visit"]
    assert [(e.guests, len(e.mentions)) for e in visits] == [(["william ruto"], 2)]


@pytest.mark.parametrize("text, span", [
    # 'kết thúc tốt đẹp chuyến thăm' on a day: its last day
    ("Chiều 16/11, Tổng thống Kenya William Ruto rời Lima, kết thúc tốt đẹp chuyến thăm chính thức Peru.",
     (None, "2025-11-16")),
    # a year told before 'trong chuyến thăm' holds the visit too (a day there is the act's, not the visit's)
    ("Hai bên nâng cấp quan hệ lên Đối tác Toàn diện năm 2019 trong chuyến thăm của Tổng thống Kenya William Ruto "
     "tới Peru.", ("2019", None)),
])
def test_the_visits_last_day_and_its_year(text, span):
    x = extract_article("t", text, date(2025, 11, 17))
    assert [(e.start and e.start.iso(), e.end and e.end.iso()) for e in x.events if e.type == "visit"] == [span]


def test_an_unnumbered_headline_session_is_the_numbered_one_of_its_body():
    text = ("Thủ tướng Kenya tới Peru, đồng chủ trì Kỳ họp Ủy ban liên Chính phủ\n\nNgày 7/2, Thủ tướng Kenya Musalia "
            "Mudavadi tới Lima đồng chủ trì Kỳ họp lần thứ 9 Ủy ban liên Chính phủ Kenya - Peru. Hai bên tiến hành "
            "kỳ họp lần thứ 9 Ủy ban liên Chính phủ Kenya - Peru tại Lima.")
    x = extract_article("t", text, date(2025, 2, 8))
    sessions = [e for e in x.events if e.type == "session"]
    assert [(e.ordinal, len(e.mentions), e.start.iso()) for e in sessions] == [(9, 3, "2025-02-07")]


def test_a_place_toured_on_the_day_told_keeps_that_day():
    text = ("Sáng 10/11, Tổng thống Kenya William Ruto gặp Tổng thống Chile Gabriel Boric. Tổng thống William Ruto và "
            "đoàn đến thăm, dâng hoa tượng đài Pablo Neruda.")
    assert [d for t, _, d, _ in events(text, published=date(2025, 11, 11)) if t == "visit"] == ["2025-11-10"]


def test_an_act_within_a_visits_span_is_not_dated_by_its_first_day():
    # (past the lead: a headline or lead told nowhere else would take the record's day)
    text = ("Chủ tịch Quốc hội Kenya Moses Wetangula thăm chính thức Peru từ ngày 11 đến 18/6. Hai nước có quan hệ "
            "hữu nghị. Quan hệ kinh tế phát triển. Trong khuôn khổ chuyến thăm, ông Moses Wetangula đã hội đàm với "
            "Chủ tịch Quốc hội Peru Eduardo Salhuana.")
    assert [d for t, _, d, _ in events(text, published=date(2025, 6, 18)) if t == "talks"] == [None]


def _visits(text, published=date(2025, 7, 6)):
    x = extract_article("t", text, published)
    name = lambda k: x.persons[k].name if k in x.persons else k  # noqa: E731
    return [([name(k) for k in e.guests], [name(k) for k in e.hosts], e.start and e.start.iso())
            for e in x.events if e.type == "visit"]


@pytest.mark.parametrize("text, expected", [
    # the receiver of a guest 'đang thăm …' hosts that visit; the reception's day is not the visit's first
    ("Chiều 6/7, tại Phủ Tổng thống, Tổng thống Kenya William Ruto đã tiếp Bộ trưởng Ngoại giao Na Uy Espen "
     "Barth Eide đang có chuyến thăm và làm việc tại Kenya.", (["Espen Barth Eide"], ["William Ruto"], None)),
    ("Tối 3/7, tại Astana, Tổng thống Kazakhstan Kassym-Jomart Tokayev đã tiếp đón và có cuộc gặp không chính "
     "thức Tổng thống Peru Dina Boluarte đang ở thăm Astana.", (["Dina Boluarte"], ["Kassym-Jomart Tokayev"], None)),
    ("Thủ tướng Kenya William Ruto thăm chính thức Maroc theo lời mời của Quốc vương Maroc Mohammed VI.",
     (["William Ruto"], ["Mohammed VI"], None)),
    # visits counted in passing are history, not the current visit, and lend it no year
    ("Đây là lần thứ 3 Tổng thống Peru Dina Boluarte thăm Việt Nam. Trước đó, bà Dina Boluarte đã có 2 lần "
     "sang thăm Việt Nam vào các năm 2001 và 2013.", (["Dina Boluarte"], [], None)),
    # a year after 'kể từ' is a point of reference: the visit's own day wins
    ("Tổng thống Chile Gabriel Boric đến Hà Nội ngày 20/6, chuyến thăm đầu tiên kể từ năm 2001.",
     (["Gabriel Boric"], [], "2025-06-20")),
    # an envoy visits, not the principal who sent him
    ("Đặc phái viên của Thủ tướng Kenya thăm chính thức Peru\n\nNgày 24/5, ông Musalia Mudavadi, Đặc phái viên "
     "của Thủ tướng Kenya, đã làm việc với Ngoại trưởng Peru Javier González-Olaechea trong khuôn khổ chuyến "
     "thăm chính thức Peru. Ông chuyển lời thăm hỏi của Thủ tướng Kenya Patrick Ole Ntutu tới Tổng thống Peru "
     "Dina Boluarte.", (["Musalia Mudavadi"], [], None)),
    # the governor who welcomes a visitor to his city hosts that visit; a state visit's welcomer does not, nor
    # one thanked for 'sự đón tiếp' (a noun)
    ("Chiều 6/7, Thống đốc Mombasa Abdulswamad Nassir nhiệt liệt chào mừng Thủ tướng Na Uy Erik Solvang và đoàn "
     "đại biểu cấp cao Na Uy tới thăm Mombasa.", (["Erik Solvang"], ["Abdulswamad Nassir"], "2025-07-06")),
    ("Chiều 6/7, Tỉnh trưởng tỉnh Cusco Jean Benavente bày tỏ vui mừng được đón Bộ trưởng Ngoại giao Kenya "
     "Musalia Mudavadi và đoàn đại biểu Kenya đến thăm tỉnh Cusco.", (["Musalia Mudavadi"], ["Jean Benavente"],
                                                                        "2025-07-06")),
    ("Tổng thống Chile Gabriel Boric nhiệt liệt chào mừng Tổng thống Peru Dina Boluarte thăm chính thức Chile.",
     (["Dina Boluarte"], [], None)),
    ("Thủ tướng Na Uy Erik Solvang cảm ơn Thống đốc Abdulswamad Nassir đã dành cho đoàn sự đón tiếp trọng thị, "
     "nồng hậu; bày tỏ vui mừng đến thăm Mombasa.", (["Erik Solvang"], [], None)),
    # a person visited is the host; one named in the visitor's apposition by a relation ('Phu nhân …') is no guest
    ("Sáng 10/7, bà Rachel Ruto - Phu nhân Tổng thống Kenya William Ruto đã đến thăm Phu nhân Ingrid Solvang - "
     "Phu nhân cố Thủ tướng Na Uy Erik Solvang.", (["Rachel Ruto"], ["Ingrid Solvang"], "2025-07-10")),
    ("Chiều 5/7, Thủ tướng Na Uy Erik Solvang đến thăm nguyên Tổng thống Kenya Uhuru Kenyatta tại nhà riêng.",
     (["Erik Solvang"], ["Uhuru Kenyatta"], "2025-07-05")),
    # a clause with no subject after ';' ('…; bày tỏ vui mừng đến thăm …') is the sentence subject's visit, not the
    # article's protagonist's
    ("Thống đốc Nairobi Johnson Sakaja tiếp Chủ tịch Quốc hội Peru\n\nChiều 1/7, Thống đốc Nairobi Johnson Sakaja, "
     "Kenya, đã tiếp Chủ tịch Quốc hội Peru Eduardo Salhuana. Chủ tịch Quốc hội Eduardo Salhuana cảm ơn Thống đốc "
     "Johnson Sakaja, nhân dân thành phố Nairobi đã dành cho đoàn sự đón tiếp trọng thị, nồng hậu; bày tỏ vui mừng "
     "đến thăm Nairobi.", (["Eduardo Salhuana"], [], "2025-07-01")),
    # a visit called off, visits in general: none
    ("Trước đó, ông Ruto hủy kế hoạch thăm Peru hồi tháng 10/2024 sau khi Tổng thống Dina Boluarte chỉ trích "
     "Kenya.", None),
    ("Tổng thống Chile Michelle Bachelet nhắc lại những kỷ niệm trong những chuyến thăm tới Kenya ở nhiều cương vị "
     "khác nhau.", None),
    # 'chuyến thăm của ông <a name the text gives short>': his visit, not that of one named further on
    ("Ông Berg viết: \"Tôi phải cho thấy rằng chuyến thăm của ông Ruto có thể giúp thúc đẩy hơn nữa các tiến triển "
     "mà Thủ tướng Na Uy Erik Solvang, người đã khởi động quan hệ đối tác, đã đạt được.\"", None),
    # two joined by 'và' visit a site together
    ("Sau khi dâng hương tại Khu di tích, Chủ tịch Quốc hội Kenya Moses Wetangula và Chủ tịch Quốc hội Peru Eduardo "
     "Salhuana cùng đoàn đại biểu hai nước đã tới thăm trang trại bò sữa.",
     (["Moses Wetangula", "Eduardo Salhuana"], [], None)),
    # a friendship society's chairman who welcomes the visitor holds no office of the place: no host; a mayor does
    ("Chiều 6/7, Chủ tịch Hội hữu nghị Kenya - Na Uy Peter Kamau vui mừng chào đón Thủ tướng Na Uy Erik Solvang "
     "đến thăm thành phố Mombasa.", (["Erik Solvang"], [], "2025-07-06")),
    ("Chiều 6/7, Thị trưởng thành phố Kisumu Peter Anyang chào đón Thủ tướng Na Uy Erik Solvang tới thăm thành "
     "phố.", (["Erik Solvang"], ["Peter Anyang"], "2025-07-06")),
    # a company's plant toured, then its chairman welcoming the guest 'đến thăm công ty': one visit, his the host
    ("Sáng 6/7, Thủ tướng Na Uy Erik Solvang đã đến thăm nhà máy của Công ty Nyota tại Kericho. Chủ tịch "
     "Công ty Nyota Peter Mwangi vui mừng được đón Thủ tướng Erik Solvang đến thăm công ty.",
     (["Erik Solvang"], ["Peter Mwangi"], "2025-07-06")),
    # a plant toured with its chairman showing the guest round: his the host (not 'do X dẫn đầu', the leader)
    ("Cùng ngày 6/7, Thủ tướng Na Uy Erik Solvang thăm Tổ hợp nhà máy chè Nyota tại Kericho, do Chủ tịch Tập đoàn "
     "Nyota Peter Mwangi trực tiếp dẫn đi tham quan.", (["Erik Solvang"], ["Peter Mwangi"], "2025-07-06")),
])
def test_visit_guest_host_and_date(text, expected):
    assert _visits(text) == ([expected] if expected else [])


# (text, type, expected dates of that type) — background named events keep no day but their own; a summit
# takes no day of a meeting told during it
BACKGROUND_DATES = [
    ("Sáng 9/6, Tổng thống Kenya William Ruto tiếp Thủ tướng Na Uy Jonas Gahr Støre. Thủ tướng Na Uy chúc mừng "
     "Kenya đã tổ chức thành công Hội nghị thượng đỉnh Khí hậu châu Phi lần thứ nhất.", "conference", [None]),
    ("Sáng 9/6, Tổng thống Kenya William Ruto tiếp Thủ tướng Na Uy Jonas Gahr Støre. Hai bên nhắc tới việc Na Uy "
     "đã tổ chức thành công Diễn đàn Kinh tế Kenya - Na Uy lần thứ hai năm 2020.", "forum", ["2020"]),
    ("Trong cuộc hội đàm ngày 8/6 với Tổng thống Peru Dina Boluarte, Tổng thống Chile Gabriel Boric nhấn mạnh "
     "Hội nghị thượng đỉnh APEC lần thứ 31 năm nay có ý nghĩa quan trọng.", "conference", [None]),
]


@pytest.mark.parametrize("text,etype,expected", BACKGROUND_DATES)
def test_background_event_keeps_only_its_own_date(text, etype, expected):
    got = [d for t, _, d, _ in events(text, published=date(2025, 6, 11)) if t == etype]
    assert [str(d) if d else None for d in got] == expected


@pytest.mark.parametrize("text", [
    "Chủ tịch nước Kenya tiếp Đại sứ Na Uy Jonas Gahr Støre đến trình Quốc thư, nhân dịp nhận nhiệm kỳ công tác "
    "tại Kenya.",
    "Tổng thống Peru Dina Boluarte tiếp Đại sứ Chile Gabriel Boric đến chào kết thúc nhiệm kỳ công tác tại Peru.",
])
def test_an_envoys_term_is_no_visit(text):
    assert [t for t, *_ in events(text, published=date(2025, 6, 11)) if t == "visit"] == []


@pytest.mark.parametrize("text,expected", [
    ("Chiều 5/5, trước sự chứng kiến của Tổng thống Kenya William Ruto và Thủ tướng Na Uy Jonas Gahr Støre, đại "
     "diện hai nước đã trao đổi văn kiện hợp tác về năng lượng.", [["Jonas Gahr Støre", "William Ruto"]]),
])
def test_a_signing_without_sides_takes_the_persons_of_its_sentence(text, expected):
    got = [sorted(a) for t, a, _, _ in events(text, published=date(2025, 6, 11)) if t == "signing"]
    assert got == expected


FILLER = " Hai nước có quan hệ hữu nghị. Quan hệ kinh tế phát triển."


@pytest.mark.parametrize("text, etype, day", [
    # the day told before is the visit's last, not that of an act on one of its days
    ("Ngày 18/6, Tổng thống Chile Gabriel Boric đã kết thúc chuyến thăm chính thức Kenya từ ngày 11 - 18/6." + FILLER
     + " Trong khuôn khổ chuyến thăm, Tổng thống Gabriel Boric đã hội kiến Thủ tướng Kenya Musalia Mudavadi.",
     "meeting", None),
    ("Ngày 18/6, Tổng thống Chile Gabriel Boric đã kết thúc chuyến thăm chính thức Kenya từ ngày 11 - 18/6." + FILLER
     + " Trong khuôn khổ chuyến thăm, Tổng thống Gabriel Boric đã đặt vòng hoa tại Đài tưởng niệm.", "ceremony", None),
    # the day of a reception during the visit is that reception's, not that of the acts told afterwards
    ("Chiều 18/6, Tổng thống Kenya William Ruto đã tiếp Thủ tướng Na Uy Jonas Gahr Støre đang có chuyến thăm chính "
     "thức Kenya từ ngày 15 - 19/6." + FILLER + " Trong khuôn khổ chuyến thăm, Thủ tướng Jonas Gahr Støre đã đặt "
     "vòng hoa tại Đài tưởng niệm các anh hùng.", "ceremony", None),
    ("Chiều 18/6, Tổng thống Kenya William Ruto đã tiếp Thủ tướng Na Uy Jonas Gahr Støre đang có chuyến thăm chính "
     "thức Kenya từ ngày 15 - 19/6." + FILLER + " Trong khuôn khổ chuyến thăm, Thủ tướng Jonas Gahr Støre đã đặt "
     "vòng hoa tại Đài tưởng niệm các anh hùng.", "meeting", "2025-06-18"),
    # in the lead too: an act during the visit is not dated by the record's day
    ("Tổng thống Peru Dina Boluarte thăm chính thức Maroc từ ngày 11 - 18/6. Trong chuyến thăm, bà đã hội kiến Thủ "
     "tướng Maroc Aziz Akhannouch.", "meeting", None),
    # the visit's span in the same sentence is the visit's, not the act's first day
    ("Trong khuôn khổ chuyến thăm chính thức Kenya từ ngày 11 - 18/6, Tổng thống Chile Gabriel Boric đã hội kiến "
     "Thủ tướng Kenya Musalia Mudavadi.", "meeting", None),
    # a day of its own dates the act
    ("Trong khuôn khổ chuyến thăm chính thức Kenya của Tổng thống Chile Gabriel Boric, chiều 14/6, ông đã hội kiến "
     "Thủ tướng Kenya Musalia Mudavadi.", "meeting", "2025-06-14"),
    # a visit recalled in passing is not the one a bare 'chuyến thăm' frames afterwards
    ("Chiều 18/6, Tổng thống Kenya William Ruto đã tiếp Thủ tướng Na Uy Jonas Gahr Støre đang có chuyến thăm chính "
     "thức Kenya từ ngày 15 - 19/6. Ông nhắc lại chuyến thăm Na Uy của Tổng thống William Ruto hồi tháng 3 vừa qua."
     + FILLER + " Trong khuôn khổ chuyến thăm, Thủ tướng Jonas Gahr Støre đã đặt vòng hoa tại Đài tưởng niệm các "
     "anh hùng.", "ceremony", None),
    # a visit told by its month lends the act that month
    ("Hồi tháng 3/2025, Tổng thống Peru Dina Boluarte đã thăm chính thức Maroc." + FILLER + " Trong chuyến thăm đó, "
     "bà hội kiến Thủ tướng Maroc Aziz Akhannouch.", "meeting", "2025-03"),
])
def test_an_act_during_a_visit_without_its_own_day_is_undated(text, etype, day):
    assert [d for t, _, d, _ in events(text, published=date(2025, 6, 20)) if t == etype] == [day]


@pytest.mark.parametrize("text, expected", [
    ("Chiều 5/6, tại Nairobi, Tổng thống Chile Gabriel Boric đã có cuộc gặp cùng Chủ tịch Quốc hội Kenya Moses "
     "Wetangula.", ["Gabriel Boric", "Moses Wetangula"]),
    ("Cũng trong chiều 5/6, Thủ tướng Na Uy Jonas Gahr Støre đã có cuộc gặp với Tổng thống Peru Dina Boluarte tại "
     "Lima.", ["Dina Boluarte", "Jonas Gahr Støre"]),
    ("Tại cuộc gặp với Thủ tướng Maroc Aziz Akhannouch, Tổng thống Chile Gabriel Boric khẳng định hai nước coi trọng "
     "quan hệ.", ["Aziz Akhannouch", "Gabriel Boric"]),
])
def test_a_meeting_noun_with_its_counterpart_after_voi_or_cung(text, expected):
    assert [a for t, a, _, _ in events(text, published=date(2025, 6, 6)) if t == "meeting"] == [expected]


@pytest.mark.parametrize("text, etype, day", [
    # the page's time stamp dates no event; neither does the record's day
    ("Thứ tư, 11/06/2025 17:27 (GMT+7)\n\nTổng thống Kenya William Ruto hội đàm với Tổng thống Peru Dina "
     "Boluarte.", "talks", None),
    # an undated event told as following another at once takes that one's day
    ("Tổng thống Kenya William Ruto hội đàm với Tổng thống Peru Dina Boluarte. Sáng 9/6, Tổng thống Kenya William "
     "Ruto chủ trì lễ đón chính thức Tổng thống Peru Dina Boluarte. Tại hội đàm ngay sau lễ đón, hai bên nhất trí "
     "tăng cường hợp tác.", "talks", "2025-06-09"),
    # a month told in passing is no day for the sentences after: the day told before it holds
    ("Ngày 10/6, Tổng thống Kenya William Ruto gặp Thủ tướng Na Uy Jonas Gahr Støre. Hai bên nhắc lại Kỳ họp "
     "Ủy ban hỗn hợp tháng 2/2025. Tại cuộc gặp với Tổng thống Peru Dina Boluarte, hai bên nhất trí tăng cường "
     "hợp tác.", "meeting", "2025-06-10"),
    # a quoted 'hôm nay' is the speaker's, not the report's day
    ("Tổng thống Peru Dina Boluarte nói: “Hôm nay là ngày vui”. Tổng thống Kenya William Ruto gặp Thủ tướng Na Uy "
     "Jonas Gahr Støre.", "meeting", None),
    # a session of a body told with its month: that month, not the day of the reception the sentence is about
    ("Ngày 10/6, Tổng thống Kenya William Ruto tiếp Thủ tướng Na Uy Jonas Gahr Støre. Tại cuộc tiếp, ông William "
     "Ruto cho biết, nhân dịp tham dự Hội nghị thường niên lần thứ 12 của Diễn đàn Kinh tế Bắc Cực vào tháng 1/2025, "
     "Kenya đã ký nhiều thỏa thuận.", "conference", "2025-01"),
    # 'sáng nay' from the publication day (2025-06-11)
    ("Sáng nay, Tổng thống Kenya William Ruto gặp Thủ tướng Na Uy Jonas Gahr Støre.", "meeting", "2025-06-11"),
])
def test_the_days_a_text_really_tells(text, etype, day):
    got = [d for t, _, d, _ in events(text, published=date(2025, 6, 11)) if t == etype]
    assert got and set(got) == {day}


@pytest.mark.parametrize("text, etype, expected", [
    # a working session is not the reception of the same day
    ("Chiều 5/6, Tổng thống Kenya William Ruto tiếp Đại sứ Peru Carlos Mendoza. Cùng ngày, Tổng thống Kenya "
     "William Ruto làm việc với Phòng Thương mại và Công nghiệp Kenya.", "meeting",
     [["Carlos Mendoza", "William Ruto"], ["Phòng Thương mại và Công nghiệp Kenya", "William Ruto"]]),
    # a working session told after a meeting is not a mention of that meeting
    ("Ngày 24/5, Đặc phái viên Kenya Amina Odhiambo gặp Ngoại trưởng Peru Elmer Schialer. Trong buổi làm việc với "
     "Bộ Giáo dục Peru, Đặc phái viên Amina Odhiambo ca ngợi mô hình giáo dục của Peru.", "meeting",
     [["Amina Odhiambo", "Elmer Schialer"], ["Amina Odhiambo", "Bộ Giáo dục Peru"]]),
    # two verbs of one act
    ("Sáng 5/6, Bộ trưởng Ngoại giao Na Uy Espen Barth Eide tiếp và làm việc với Bộ trưởng Ngoại giao Peru Elmer "
     "Schialer.", "meeting", [["Elmer Schialer", "Espen Barth Eide"]]),
    # two receptions of one evening by different hosts for one guest
    ("Tối 5/6, Tổng thống Kenya William Ruto chiêu đãi Tổng thống Peru Dina Boluarte. Cũng tối 5/6, Thủ tướng "
     "Kenya Musalia Mudavadi chiêu đãi Tổng thống Peru Dina Boluarte.", "ceremony",
     [["Dina Boluarte", "William Ruto"], ["Dina Boluarte", "Musalia Mudavadi"]]),
])
def test_one_node_per_real_event(text, etype, expected):
    assert [a for t, a, _, _ in events(text, published=date(2025, 6, 11)) if t == etype] == expected


def test_a_day_of_another_event_in_a_phrase_is_not_the_day_told():
    text = ("Ngày 20/6, Tổng thống Kenya William Ruto gặp Tổng thống Peru Dina Boluarte. Bà Dina Boluarte vui mừng "
            "gặp lại ông ngay sau cuộc điện đàm giữa hai Tổng thống ngày 2/3. Tại cuộc gặp với Thủ tướng Na Uy "
            "Jonas Gahr Støre, Tổng thống William Ruto đề nghị tăng cường hợp tác.")
    got = [(a, d) for t, a, d, _ in events(text, published=date(2025, 6, 21)) if t == "meeting"]
    assert (["Jonas Gahr Støre", "William Ruto"], "2025-06-20") in got


@pytest.mark.parametrize("text", [
    # a wish for a visit is not the visit of years ago told before it
    "Tổng thống Peru Dina Boluarte chia sẻ ấn tượng từ chuyến thăm năm 2008. Tổng thống Kenya William Ruto hoan "
    "nghênh Thủ tướng Na Uy Jonas Gahr Støre thăm Kenya.",
    "Tổng thống Kenya William Ruto mong sớm đón Thủ tướng Na Uy Jonas Gahr Støre sang thăm Kenya, nhắc lại chuyến "
    "thăm Na Uy năm 2016.",
])
def test_an_old_visit_and_one_hoped_for_stay_apart(text):
    got = [(a, d) for t, a, d, _ in events(text, published=date(2025, 6, 11)) if t == "visit"]
    assert not any("Jonas Gahr Støre" in a and d and d < "2025" for a, d in got)


def _status_dates(text, published, etype):
    x = extract_article("t", text, published)
    return [(e.status, e.start and e.start.iso(), e.end and e.end.iso()) for e in x.events if e.type == etype]


@pytest.mark.parametrize("text, etype, expected", [
    # a summit dated by the day its guest set out, then by its own span: the span
    ("Thủ tướng lên đường thăm Na Uy và dự Hội nghị Thượng đỉnh G20\nĐêm 4/7, Thủ tướng Kenya William Ruto rời "
     "Nairobi, lên đường bắt đầu thăm Na Uy, theo lời mời của Thủ tướng Na Uy Erna Solberg.\nTheo chương trình, Thủ "
     "tướng William Ruto sẽ thăm Na Uy và tham dự Hội nghị Thượng đỉnh G20 tại Oslo từ ngày 5 -8/7/2017.",
     "conference", [("held", "2017-07-05", "2017-07-08")]),
    # a day of the summit within its span still beats the span
    ("Hội nghị Thượng đỉnh G20 diễn ra tại Oslo từ ngày 5-8/7/2017. Ngày 7/7, Tổng thống Kenya William Ruto phát "
     "biểu tại Hội nghị Thượng đỉnh G20.", "conference", [("held", "2017-07-07", None)]),
    # one signing done and one ahead in the same sentence are two
    ("Ngày 6/7, Bộ trưởng Na Uy Jonas Berg cho biết doanh nghiệp Na Uy vừa ký kết cơ chế phản ứng nhanh với Bộ "
     "Kinh tế Peru, trong bối cảnh Peru và Liên minh châu Âu (EU) sắp ký Hiệp định Thương mại tự do.", "signing",
     [("held", "2017-07-06", None), ("announced", None, None)]),
    # a congress wished success is one ahead, not one held on the day of the wish
    ("Ngày 8/7, Tổng thống Kenya William Ruto chúc Đại hội lần thứ 12 Đảng Dân chủ Na Uy thành công tốt đẹp.",
     "congress", [("announced", None, None)]),
    # congratulations on one held: held
    ("Ngày 9/7, Tổng thống Kenya William Ruto chúc mừng Đại hội lần thứ 11 Đảng Lao động Peru đã thành công.",
     "congress", [("held", "2017-07-09", None)]),
    # the day of an announcement is not the day of the visit it announces
    ("Theo thông cáo ngày 6/7 của Bộ Ngoại giao, Tổng thống Kenya William Ruto sẽ thăm chính thức Chile.",
     "visit", [("announced", None, None)]),
    ("Chiều 10/7, Tổng thống Kenya William Ruto sẽ hội đàm với Tổng thống Chile Gabriel Boric.",
     "talks", [("announced", "2017-07-10", None)]),
    # a hope to receive guests some day is no visit at all
    ("Tổng thống Kenya William Ruto mong sẽ có nhiều dịp được đón tiếp các chuyên gia Chile sang thăm Kenya.",
     "visit", []),
])
def test_a_plans_day_and_a_spans_day(text, etype, expected):
    assert _status_dates(text, date(2017, 7, 10), etype) == expected


@pytest.mark.parametrize("text, expected", [
    # 'được X tiếp đón': the guest received by X, the reception told again with 'tiếp'
    ("Năm 2015, ông Juan Pérez trở thành Tổng thống Chile đầu tiên thăm Na Uy và được Thủ tướng Na Uy Erna Solberg "
     "tiếp đón tại dinh thự. Sau đó, Thủ tướng Erna Solberg tiếp Tổng thống Juan Pérez trong hai giờ.",
     [("meeting", ["Erna Solberg", "Juan Pérez"])]),
    # the welcome ceremony told as 'lễ tiếp đón' is no reception
    ("Ngày 5/6, Thủ tướng Kenya Musalia Mudavadi chủ trì lễ tiếp đón Tổng thống Peru Dina Boluarte. Sau đó, Thủ "
     "tướng Musalia Mudavadi tiếp Tổng thống Dina Boluarte.",
     [("ceremony", ["Dina Boluarte", "Musalia Mudavadi"]), ("meeting", ["Dina Boluarte", "Musalia Mudavadi"])]),
    # 'đón tiếp' in a headline is that reception, not a welcome beside it
    ("Tổng thống Chile đón tiếp Tổng thống Kenya tại dinh La Moneda\nTối 3/7, Tổng thống Chile Gabriel Boric đã "
     "tiếp đón Tổng thống Kenya William Ruto đang ở thăm Santiago.", [("meeting", ["Gabriel Boric", "William Ruto"])]),
])
def test_a_reception_told_passively(text, expected):
    got = [(t, a) for t, a, _, _ in events(text, published=date(2024, 6, 11)) if t in ("meeting", "ceremony")]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # the visit going on ('đang có chuyến thăm') and 'chuyến thăm … lần này' are one; the one of 2011 another
    ("Ngày 31/5, Tổng thống Kenya William Ruto tiếp Thủ tướng Na Uy Jonas Gahr Støre đang có chuyến thăm Kenya. "
     "Tổng thống cảm ơn Thủ tướng Jonas Gahr Støre đã quan tâm đến Kenya qua chuyến thăm Kenya vào năm 2011. Ông "
     "đánh giá cao mục đích chuyến thăm Kenya lần này của Thủ tướng Jonas Gahr Støre.", [(None, 2), ("2011", 1)]),
])
def test_a_visit_going_on_is_not_one_of_years_ago(text, expected):
    x = extract_article("t", text, date(2017, 5, 31))
    assert [(e.start and e.start.iso(), len(e.mentions)) for e in x.events if e.type == "visit"] == expected


def test_dates_in_brackets_of_events_recalled_are_theirs():
    text = ("Ngày 15/5, Tổng thống Kenya William Ruto có các cuộc tiếp xúc ngắn bên lề Diễn đàn. Vui mừng gặp lại "
            "Tổng thống Peru Dina Boluarte, Tổng thống William Ruto đề nghị hai bên triển khai hiệu quả thỏa thuận "
            "của Cuộc gặp cấp cao thường niên hai nước (tháng 1/2017) và kết quả Kỳ họp lần thứ 9 Ủy ban hỗn hợp "
            "kinh tế và thương mại hai nước (tháng 2/2017).")
    got = [(e.type, e.status, e.start and e.start.iso()) for e in extract_article("t", text, date(2017, 5, 15)).events]
    assert ("meeting", "held", "2017-05-15") in got
    assert ("high-level-meeting", "held", "2017-01") in got and ("session", "held", "2017-02") in got


@pytest.mark.parametrize("text, expected", [
    # a place toured within a visit is no visit of its own; an institution visited is one
    ("Tổng thống Kenya William Ruto và Phu nhân đã đi thăm khu phố cổ của thủ đô Lima.", []),
    ("Tổng thống Kenya William Ruto thăm một ngôi chùa cổ ở ngoại ô Oslo.", []),
    ("Thủ tướng Na Uy Jonas Gahr Støre đã đến thăm Khu lưu niệm nhà thơ Pablo Neruda tại Santiago.", []),
    ("Tổng thống Kenya William Ruto thăm Tổ hợp nhà máy ô tô ở Lima.", [("held", ["William Ruto"])]),
    # visitors welcomed only as a general plural: visits in general, none told
    ("Thủ tướng Peru Gustavo Adrianzén hoan nghênh các nhà lãnh đạo Kenya sang thăm Peru trong năm 2025.", []),
    ("Thủ tướng Peru Gustavo Adrianzén hoan nghênh Tổng thống Kenya William Ruto và các thành viên đoàn sang "
     "thăm Peru.", [("held", ["William Ruto"])]),
    # a plan called off: nothing took place
    ("Trước đó, Tổng thống Kenya William Ruto hủy kế hoạch thăm Peru hồi tháng 10/2024.", []),
    ("Thủ tướng Na Uy Jonas Gahr Støre đã hoãn chuyến thăm Chile vì bão.", []),
    # a visit welcomed while the article's meetings take place abroad is one to come
    ("Ngày 15/5, Tổng thống Kenya William Ruto đã gặp Thủ tướng Na Uy Jonas Gahr Støre bên lề Diễn đàn kinh tế "
     "tại Lima, Peru. Tổng thống William Ruto đề nghị hai bên sớm ký kết các thỏa thuận, và hoan nghênh Thủ "
     "tướng Jonas Gahr Støre thăm Kenya.", [("announced", ["Jonas Gahr Støre"])]),
    # (one welcomed at home is the visit going on)
    ("Ngày 15/5, tại Nairobi, Tổng thống Kenya William Ruto đã tiếp Thủ tướng Na Uy Jonas Gahr Støre. Tổng thống "
     "William Ruto hoan nghênh Thủ tướng Jonas Gahr Støre thăm Kenya.", [("held", ["Jonas Gahr Støre"])]),
])
def test_which_visits_exist_and_their_status(text, expected):
    x = extract_article("t", text, date(2025, 5, 16))
    names = {k: p.name for k, p in x.persons.items()}
    assert [(e.status, [names[a] for a in e.attendees]) for e in x.events if e.type == "visit"] == expected


@pytest.mark.parametrize("text, etype, expected", [
    # a ceremony held today keeps its day and sides (another's success told in passing is none: above)
    ("Chiều 3/5, Bộ trưởng Quốc phòng Kenya Aden Duale và Bộ trưởng Quốc phòng Peru Walter Astudillo dự Lễ kỷ "
     "niệm 20 năm thành lập Diễn đàn an ninh khu vực.", "ceremony",
     [(["Aden Duale", "Walter Astudillo"], "2025-05-03")]),
    # history told in passing: a date right after another event's cue is that event's, not the visit's
    ("Tổng thống Chile Gabriel Boric và Tổng thống Peru Dina Boluarte đã xây dựng dựa trên hội nghị thượng đỉnh "
     "một năm trước tại Lima, nơi đã thiết lập lại quan hệ sau khi cựu Chủ tịch Quốc hội Kenya Moses Wetangula "
     "đã đến thăm Bolivia.", "visit", [(["Moses Wetangula"], None)]),
])
def test_background_events_keep_only_their_own_day_and_sides(text, etype, expected):
    x = extract_article("t", text, date(2025, 5, 4))
    names = {k: p.name for k, p in x.persons.items()}
    assert [(sorted(names[a] for a in e.attendees), e.start and e.start.iso()) for e in x.events
            if e.type == etype] == expected


@pytest.mark.parametrize("text, name", [
    # a ceremony is named after its object, a country pair and all, up to the verb that follows it
    ("Sáng 6/6, tại Nairobi đã diễn ra Lễ khánh thành Bệnh viện Hữu nghị Kenya - Na Uy với sự tham dự của Tổng "
     "thống Kenya William Ruto.", "Lễ khánh thành Bệnh viện Hữu nghị Kenya - Na Uy"),
    ("Sáng 7/6, Tổng thống Kenya William Ruto dự Lễ khai mạc Ngày hội văn hóa Kenya - Peru lần thứ II năm 2025.",
     "Lễ khai mạc Ngày hội văn hóa Kenya - Peru lần thứ II năm 2025"),
    ("Sáng 27/6, tại Nairobi, Lễ khánh thành Nhà máy điện gió Lamu đã được tổ chức trọng thể.",
     "Lễ khánh thành Nhà máy điện gió Lamu"),
])
def test_ceremony_names_run_to_their_end(text, name):
    x = extract_article("t", text, date(2025, 6, 11))
    assert [e.name for e in x.events if e.type == "ceremony"] == [name]


@pytest.mark.parametrize("text, expected", [
    # a welcome on arrival at the airport is a ceremony of its own, apart from the official welcome
    ("Chiều 3/6, Tổng thống Chile Gabriel Boric đến Nairobi. Đón Tổng thống tại sân bay quốc tế Jomo Kenyatta có "
     "Bộ trưởng Ngoại giao Kenya Musalia Mudavadi. Sáng 4/6, Tổng thống Kenya William Ruto chủ trì lễ đón chính thức "
     "Tổng thống Gabriel Boric tại Dinh Tổng thống.",
     [("ceremony", "arrival", ["Gabriel Boric", "Musalia Mudavadi"]), ("ceremony", "đón",
                                                                      ["Gabriel Boric", "William Ruto"])]),
    ("Bộ trưởng Ngoại giao Peru Elmer Schialer đón Thủ tướng Na Uy Jonas Gahr Støre tại sân bay Jorge Chávez.",
     [("ceremony", "arrival", ["Elmer Schialer", "Jonas Gahr Støre"])]),
    # a welcome elsewhere stays as it was told
    ("Tổng thống Kenya William Ruto đón Tổng thống Chile Gabriel Boric tại Dinh Tổng thống.",
     [("meeting", "", ["Gabriel Boric", "William Ruto"])]),
    # 'A đón B' and 'lễ đón B … với nghi thức dành đón …' tell one welcome, not a meeting besides
    ("Tổng thống Kenya William Ruto đón, hội đàm với Tổng thống Chile Gabriel Boric. Sáng 4/6, tại Dinh Tổng thống, "
     "lễ đón Tổng thống Gabriel Boric đã được tổ chức trọng thể với nghi thức dành đón Nguyên thủ quốc gia.",
     [("ceremony", "đón", ["Gabriel Boric", "William Ruto"])]),
])
def test_welcomes_on_arrival_and_told_twice(text, expected):
    x = extract_article("t", text, date(2025, 6, 4))
    names = {k: p.name for k, p in x.persons.items()}
    got = [(e.type, e.kind, sorted(names.get(a, a) for a in e.attendees)) for e in x.events
           if e.family == "đón"]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # the counterpart's visit of an earlier month, recalled, is not the visit the meeting was held during
    ("Ngày 5/6, tại Nairobi, Tổng thống Chile Gabriel Boric đã hội kiến Chủ tịch Quốc hội Kenya Moses Wetangula "
     "nhân chuyến thăm chính thức nước này. Tổng thống Gabriel Boric đánh giá cao kết quả chuyến thăm Chile của "
     "Chủ tịch Quốc hội Moses Wetangula hồi tháng 3 vừa qua.",
     [("Gabriel Boric", None), ("Moses Wetangula", "2025-03")]),
    # 'chuyến thăm lần đầu tiên tới Chile' goes to Chile, not to the country of the visit told before
    ("Tổng thống Gabriel Boric đang có chuyến thăm chính thức Kenya. Tổng thống Kenya William Ruto nhắc lại chuyến "
     "thăm lần đầu tiên tới Chile của ông vào tháng 2 vừa qua.",
     [("Gabriel Boric", None), ("William Ruto", "2025-02")]),
])
def test_visits_with_different_guests_stay_apart(text, expected):
    x = extract_article("t", text, date(2025, 6, 6))
    names = {k: p.name for k, p in x.persons.items()}
    got = sorted((", ".join(names[g] for g in e.guests), e.start and e.start.iso()) for e in x.events
                 if e.type == "visit")
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # two summits named by different words are two, whatever else they share
    ("Ông ghi nhận sự tham gia của Kenya tại Hội nghị thượng đỉnh Đối tác Xanh Toàn cầu vừa qua do Peru chủ trì. "
     "Diễn đàn Doanh nghiệp Kenya - Peru được tổ chức bên lề Hội nghị thượng đỉnh Andes Mining vào tháng 1/2025.",
     2),
    # the same summit named shorter or longer is one
    ("Tổng thống Kenya William Ruto dự Hội nghị thượng đỉnh Đối tác Xanh Toàn cầu tại Lima. Tại Hội nghị thượng đỉnh "
     "Đối tác Xanh, Tổng thống William Ruto kêu gọi hợp tác.", 1),
])
def test_summits_named_apart_are_apart(text, expected):
    x = extract_article("t", text, date(2025, 6, 4))
    assert len([e for e in x.events if e.type == "conference"]) == expected


@pytest.mark.parametrize("text", [
    # meeting the press right after the talks is the press encounter, not a second meeting of the sides
    "Sáng 5/6, Tổng thống Kenya William Ruto hội đàm với Tổng thống Chile Gabriel Boric. Sau hội đàm, hai nhà lãnh "
    "đạo đã có cuộc gặp gỡ với các phóng viên.",
    "Sáng 5/6, Tổng thống Kenya William Ruto hội đàm với Tổng thống Chile Gabriel Boric. Sau hội đàm, hai nhà lãnh "
    "đạo đã gặp các nhà báo.",
])
def test_meeting_the_press_after_the_talks_is_a_press_encounter(text):
    got = [(t, a) for t, a, _, _ in events(text, published=date(2025, 6, 5))]
    assert got == [("talks", ["Gabriel Boric", "William Ruto"]), ("conference", ["Gabriel Boric", "William Ruto"])]


@pytest.mark.parametrize("text, expected", [
    # two receptions of one day whose counterparts are named by mostly different words are two, even when the
    # graph holds no one for a name
    ("Tổng thống Chile tiếp các quan chức Kenya\n\nChiều 5/6, Tổng thống Chile Gabriel Boric đã tiếp Chủ tịch Ủy ban "
     "Đối ngoại Quốc hội Kenya. Cùng ngày, Tổng thống Gabriel Boric tiếp Bộ trưởng Ngoại giao Kenya.", 2),
    # a reception told again with the same title, or a headline's short title, is one
    ("Tổng thống Chile tiếp Bộ trưởng Ngoại giao Kenya\n\nChiều 5/6, Tổng thống Chile Gabriel Boric đã tiếp Bộ "
     "trưởng Ngoại giao Kenya Musalia Mudavadi. Tại buổi tiếp, hai bên nhất trí tăng cường hợp tác. Tổng thống "
     "Gabriel Boric tiếp Bộ trưởng Ngoại giao Kenya Musalia Mudavadi.", 1),
])
def test_receptions_of_different_counterparts_stay_apart(text, expected):
    x = extract_article("t", text, date(2025, 6, 6))
    assert len([e for e in x.events if e.type == "meeting"]) == expected


@pytest.mark.parametrize("text, expected", [
    # a success believed ahead is no achievement; a kind of event ('các cấp', 'hằng năm') is no event
    ("Ngày 5/6, Tổng thống Kenya William Ruto tiếp Chủ tịch Đảng Cộng sản Chile Lautaro Carmona. Tổng thống William "
     "Ruto tin tưởng Đảng Cộng sản Chile sẽ thực hiện thắng lợi Nghị quyết Đại hội lần thứ XXVI của Đảng, tổ chức "
     "thành công Đại hội Đảng bộ các cấp tiến tới Đại hội lần thứ XXVII của Đảng.",
     [("congress", "announced", "Đại hội lần thứ XXVII của Đảng", [])]),
    ("Ngày 5/6, Tổng thống Kenya William Ruto tiếp Tổng Thư ký Interpol Valdecy Urquiza. Tổng thống William Ruto đề "
     "nghị hai bên duy trì tiếp xúc thông qua gặp gỡ tại Kỳ họp Đại hội đồng Interpol hằng năm.", []),
    # one who congratulates the host on a meeting achieved is not among its participants
    ("Ngày 5/6, Tổng thống Kenya William Ruto tiếp Thủ tướng Na Uy Jonas Gahr Støre. Tổng thống William Ruto chúc "
     "mừng Na Uy đã tổ chức thành công Hội nghị Bắc Cực lần thứ 5.",
     [("conference", "held", "Hội nghị Bắc Cực lần thứ 5", [])]),
])
def test_named_events_wished_achieved_or_general(text, expected):
    x = extract_article("t", text, date(2025, 6, 6))
    assert [(e.type, e.status, e.name, e.attendees) for e in x.events if e.type in NAMED_TYPES] == expected


@pytest.mark.parametrize("text, expected", [
    # groups in general in a summary ('một số địa phương', 'lãnh đạo các doanh nghiệp'): no one visit or meeting
    ("Ngày 5/6, Tổng thống Kenya William Ruto tiếp Thủ tướng Na Uy Jonas Gahr Støre. Tại Na Uy, Tổng thống William "
     "Ruto đã hội đàm với Thủ tướng Jonas Gahr Støre; làm việc với một số Bộ, ngành kinh tế; tiếp lãnh đạo các "
     "doanh nghiệp hàng đầu châu Âu; thăm một số địa phương và cơ sở kinh tế của Na Uy.",
     [("meeting", ["Jonas Gahr Støre", "William Ruto"]), ("talks", ["Jonas Gahr Støre", "William Ruto"])]),
    # a ship's port call is no one's visit
    ("Ngày 5/6, Tổng thống Kenya William Ruto tiếp Thủ tướng Na Uy Jonas Gahr Støre. Tàu hộ vệ HNoMS Fridtjof "
     "Nansen thăm cảng Mombasa vào tháng 5/2025.", [("meeting", ["Jonas Gahr Støre", "William Ruto"])]),
    # a named meeting right after a plural ('tham gia các Hội nghị …'): such meetings in general
    ("Ngày 5/6, Tổng thống Kenya William Ruto tiếp Thủ tướng Na Uy Jonas Gahr Støre. Na Uy thường xuyên tham gia "
     "các Hội nghị quốc tế tài trợ cho Kenya.", [("meeting", ["Jonas Gahr Støre", "William Ruto"])]),
    # (the people of one body in the plural, or a plural with its members named, make one meeting)
    ("Chiều 8/7, Thủ tướng Na Uy Jonas Gahr Støre tới Mombasa. Ngay sau đó, Thủ tướng Jonas Gahr Støre đã làm việc "
     "với các đồng chí lãnh đạo tỉnh Mombasa.", [("meeting", ["Jonas Gahr Støre"])]),
    ("Ngày 5/6, Tổng thống Kenya William Ruto tiếp các thành viên đoàn đại biểu Quốc hội Na Uy do Chủ tịch Quốc hội "
     "Masud Gharahkhani dẫn đầu.", [("meeting", ["Masud Gharahkhani", "William Ruto"])]),
])
def test_groups_in_general_and_ships_make_no_event(text, expected):
    x = extract_article("t", text, date(2025, 6, 6))
    names = {k: p.name for k, p in x.persons.items()}
    assert [(e.type, sorted(names[a] for a in e.attendees)) for e in x.events] == expected


@pytest.mark.parametrize("text, etype, expected", [
    # a day between commas before a new subject opens the next clause: not the day of the summit named before it
    ("Tiếp tục các hoạt động bên lề Hội nghị Thượng đỉnh Liên minh châu Phi, ngày 8/7, Tổng thống Kenya William "
     "Ruto đã gặp Thủ tướng Na Uy Jonas Gahr Støre.", "conference", [None]),
    ("Tiếp tục các hoạt động bên lề Hội nghị Thượng đỉnh Liên minh châu Phi, ngày 8/7, Tổng thống Kenya William "
     "Ruto đã gặp Thủ tướng Na Uy Jonas Gahr Støre.", "meeting", ["2025-07-08"]),
    ("Tổng thống Chile Gabriel Boric sẽ dự Hội nghị Thượng đỉnh Thương mại Andes tại Lima, sáng 23/6, Tổng thống "
     "Gabriel Boric đã qua cửa khẩu tới Peru.", "conference", [None]),
    # (a span there is still the event's own)
    ("Tổng thống Kenya William Ruto thăm chính thức Na Uy, từ ngày 3 - 5/6, theo lời mời của Thủ tướng Jonas Gahr "
     "Støre.", "visit", [("2025-06-03", "2025-06-05")]),
    # the departure day told with the visit's span: the span; what the text recaps after has no day of its own
    ("Chiều 8/6, Tổng thống Kenya William Ruto rời Oslo, kết thúc chuyến thăm Na Uy và dự các hoạt động chào mừng "
     "kỷ niệm 50 năm quan hệ ngoại giao Kenya - Na Uy, 40 năm Ngày ký Hiệp ước Hữu nghị Kenya - Na Uy, tại Bergen, từ ngày 3 - 8/6, theo lời mời của Thủ tướng "
     "Jonas Gahr Støre.", "visit", [("2025-06-03", "2025-06-08")]),
    ("Chiều 8/6, Tổng thống Kenya William Ruto rời Oslo, kết thúc chuyến thăm chính thức Na Uy từ ngày 3 - 8/6, "
     "theo lời mời của Thủ tướng Jonas Gahr Støre. Ngay sau lễ đón, Tổng thống William Ruto đã làm việc với Thị "
     "trưởng Bergen Marte Mjøs Persen.", "meeting", [None]),
])
def test_a_day_of_another_clause_or_a_recap_is_no_events_day(text, etype, expected):
    x = extract_article("t", text, date(2025, 7, 9))
    got = [e.start and e.start.iso() if e.end is None else (e.start and e.start.iso(), e.end.iso())
           for e in x.events if e.type == etype]
    assert got == expected


@pytest.mark.parametrize("text, names", [
    # two summits named after different things are two, though one is told without a day
    ("Ngày 5/6, Bộ trưởng Quốc phòng Kenya Soipan Tuya tiếp Đại sứ Na Uy Hilde Berg. Bà ghi nhận sự tham gia của "
     "Na Uy tại Hội nghị thượng đỉnh Tiếng nói Bắc Cực lần thứ ba vừa qua. Diễn đàn Doanh nghiệp Kenya - Na Uy được tổ chức bên lề Hội nghị thượng đỉnh "
     "Rift Valley vào tháng 1/2025.",
     ["Hội nghị thượng đỉnh Rift Valley", "Hội nghị thượng đỉnh Tiếng nói Bắc Cực lần thứ ba"]),
    # one held and one planned for a month still ahead are two as well
    ("Bên lề Hội nghị Thượng đỉnh Nhóm các nước Andes, ngày 8/7, Tổng thống Chile Gabriel Boric đã gặp Tổng thống "
     "Peru Dina Boluarte. Tổng thống Gabriel Boric mời Tổng thống Dina Boluarte dự Hội nghị cấp cao APEC tại "
     "Santiago tháng 11/2025.",
     ["Hội nghị Thượng đỉnh Nhóm các nước Andes", "Hội nghị cấp cao APEC"]),
])
def test_summits_named_after_different_things_are_not_merged(text, names):
    x = extract_article("t", text, date(2025, 7, 9))
    assert sorted(e.name for e in x.events if e.type == "conference") == sorted(names)


@pytest.mark.parametrize("text, etype, expected", [
    # a year told relative to the article's, after the visit's owner
    ("Ngày 5/6, Tổng thống Kenya William Ruto tiếp Đại sứ Na Uy Hilde Berg. Hai nước đang thực hiện kết quả chuyến "
     "thăm lịch sử tới Kenya của Thủ tướng Na Uy Jonas Gahr Støre cuối năm ngoái.", "visit", ["2024"]),
    # a day of last year
    ("Quan hệ hai tỉnh vừa bước sang giai đoạn mới. Tối 30/11 năm ngoái, tại Nairobi, Thống đốc Mombasa Abdulswamad "
     "Nassir và Thống đốc Oslo Anne Lindboe đã ký Thỏa thuận hợp tác giữa hai thành phố.", "signing", ["2024-11-30"]),
    # the day told beats a year naming the document ('Thỏa thuận hợp tác năm 2024')
    ("Ngày 5/6, Tổng thống Kenya William Ruto tiếp Đại sứ Na Uy Hilde Berg. Trước đó, ngày 14/5/2024, Thống đốc "
     "Mombasa Abdulswamad Nassir đã ký kết Thỏa thuận hợp tác năm 2024 với Thống đốc Oslo Anne Lindboe.",
     "signing", ["2024-05-14"]),
    # a month before the publication day
    ("Tháng trước, Tổng thống Chile Gabriel Boric đã thăm chính thức Peru.", "visit", ["2025-05"]),
])
def test_relative_days_months_and_years(text, etype, expected):
    x = extract_article("t", text, date(2025, 6, 11))
    assert [e.start and e.start.iso() for e in x.events if e.type == etype] == expected


def test_one_country_named_two_ways_is_one_visits_destination():
    text = ("Tổng thống Kenya William Ruto sẽ thăm cấp Nhà nước đến nước Cộng hoà nhân dân Trung Hoa từ ngày 18-20/8. "
            "Trong thời gian ở thăm Trung Quốc, Tổng thống William Ruto sẽ hội đàm với Chủ tịch Tập Cận Bình.")
    x = extract_article("t", text, date(2025, 8, 16))
    assert [(e.start.iso(), e.end.iso()) for e in x.events if e.type == "visit"] == [("2025-08-18", "2025-08-20")]


@pytest.mark.parametrize("text, expected", [
    # the day of talks held on a summit's margin is the talks', not the summit's
    ("Tổng thống Chile Gabriel Boric và Tổng thống Peru Dina Boluarte hôm nay 7/7 đã hội đàm bên lề Hội nghị thượng "
     "đỉnh Mercosur ở Lima.", {"talks": ["2025-07-07"], "conference": [None]}),
    # (a summit told first, opening the sentence, shares the day it opens with)
    ("Ngày 9/6, nhân dịp dự Hội nghị thượng đỉnh Mercosur tại Lima, Tổng thống Chile Gabriel Boric đã gặp Tổng thống "
     "Peru Dina Boluarte.", {"meeting": ["2025-06-09"], "conference": ["2025-06-09"]}),
    # told from an earlier time ('kể từ khi … dự Hội nghị …'): not the day the text is on
    ("Ngày 7/7, Tổng thống Chile Gabriel Boric hội đàm với Tổng thống Peru Dina Boluarte. Đây là lần gặp thứ hai giữa "
     "họ kể từ khi tới Lima dự Hội nghị thượng đỉnh Mercosur.", {"talks": ["2025-07-07"], "conference": [None]}),
    # a summit told undated, named again in the sentence of talks held during it: no day from the talks
    ("Tổng thống Chile Gabriel Boric đang tham dự Hội nghị thượng đỉnh Mercosur tại Lima. Trong cuộc hội đàm ngày 17/6 "
     "với Tổng thống Peru Dina Boluarte, Tổng thống Gabriel Boric nhấn mạnh Hội nghị thượng đỉnh Mercosur năm nay rất "
     "quan trọng. Tổng thống Dina Boluarte chào mừng Tổng thống Gabriel Boric dự Hội nghị thượng đỉnh Mercosur.",
     {"talks": ["2025-06-17"], "conference": [None]}),
    # a date opening a new clause after ';' is that clause's, the summit's told in it
    ("Trước đó, Tổng thống Chile Gabriel Boric đã 4 lần sang thăm Peru vào các năm 2001, 2006 và 2013; riêng năm "
     "2017, Tổng thống Gabriel Boric đã đến Lima tham dự Hội nghị thượng đỉnh Mercosur.",
     {"conference": ["2017"]}),
    # the day a trip ends is not the day of a summit attended on it
    ("Chiều 16/7, Tổng thống Chile Gabriel Boric đã rời Lima, kết thúc tốt đẹp chuyến thăm chính thức Peru, cũng như "
     "tham dự Hội nghị thượng đỉnh Mercosur.", {"conference": [None]}),
])
def test_a_summit_does_not_take_the_day_of_what_is_held_during_it(text, expected):
    x = extract_article("t", text, date(2025, 7, 8))
    for etype, days in expected.items():
        assert [e.start and e.start.iso() for e in x.events if e.type == etype] == days


@pytest.mark.parametrize("text, etype, expected", [
    # the month of a visit the call is placed before is the visit's
    ("Trước chuyến thăm của Tổng thống Chile Gabriel Boric đến Nairobi hồi tháng 3/2025, ông Gabriel Boric đã điện "
     "đàm với Tổng thống Kenya William Ruto vào sáu tháng trước đó.", "phone-call", [None]),
    # (what follows a ceremony of a day told is on that day)
    ("Sau lễ dâng hoa tại tượng đài sáng 10/6, Tổng thống Kenya William Ruto và Thị trưởng Lima Renzo Reggiardo đã "
     "chứng kiến lễ trao bản ghi nhớ hợp tác.", "signing", ["2025-06-10"]),
    # an earlier leg of a trip ('Trước khi đến Lima, …'): not the day the text is on
    # a thing done lately, told in passing ('… vừa được Bộ X ký kết'): its own day, untold
    ("Chiều 6/6, Tổng thống Kenya William Ruto tiếp Bộ trưởng Kinh tế Na Uy Cecilie Myrseth. Hai bên nhất trí triển "
     "khai cơ chế phản ứng nhanh vừa được Bộ Thương mại Kenya ký kết với Bộ Kinh tế Na Uy.", "signing", [None]),
    ("Ngày 9/6, Tổng thống Kenya William Ruto hội đàm với Tổng thống Peru Dina Boluarte tại Lima. Trước khi đến Lima, "
     "ông William Ruto đã gặp Tổng thống Chile Gabriel Boric tại Santiago.", "meeting", [None]),
])
def test_an_earlier_time_told_keeps_its_day_from_the_event(text, etype, expected):
    x = extract_article("t", text, date(2025, 6, 11))
    assert [e.start and e.start.iso() for e in x.events if e.type == etype] == expected


def test_the_day_of_an_act_told_with_a_plan_is_the_day_the_text_goes_on_with():
    # 'sẽ dự Hội nghị …, sáng 23/6, X đã qua cửa khẩu': 'Trưa cùng ngày' is 23/6; the summit named again with its
    # number that day is the one planned, with no day of its own
    text = ("Tổng thống Chile Gabriel Boric sẽ dự Hội nghị Thượng đỉnh Thương mại và Đầu tư Andes lần thứ 21 tại Lima, "
            "sáng 23/6, Tổng thống Gabriel Boric đã qua cửa khẩu tới Peru. Trưa cùng ngày, Tổng thống Gabriel Boric đã "
            "gặp Thị trưởng Lima Renzo Reggiardo. Hai bên trao đổi về Hội nghị Thượng đỉnh Andes lần thứ 21.")
    x = extract_article("t", text, date(2025, 6, 23))
    assert [e.start and e.start.iso() for e in x.events if e.type == "meeting"] == ["2025-06-23"]
    assert [(e.start, e.status, e.ordinal) for e in x.events if e.type == "conference"] == [(None, "announced", 21)]


@pytest.mark.parametrize("text, expected", [
    # a trip's span told after 'thăm X và (tham) dự Hội nghị …' is the trip's, not the summit's
    ("Tổng thống Kenya William Ruto trả lời về kết quả chuyến thăm và tham dự Hội nghị Thượng đỉnh G20 tại Na Uy và thăm "
     "Chile từ ngày 05-11/7/2025.", [None]),
    # (and the summit's own days told elsewhere are its days)
    ("Tổng thống Kenya William Ruto sẽ thăm Na Uy và tham dự Hội nghị Thượng đỉnh G20 tại Oslo từ ngày 5 -8/7/2025. "
     "Từ ngày 7-8/7, Tổng thống William Ruto tham dự Hội nghị Thượng đỉnh G20.", [("2025-07-07", "2025-07-08")]),
])
def test_a_trips_span_is_not_the_summits(text, expected):
    x = extract_article("t", text, date(2025, 7, 4))
    assert [e.start and (e.start.iso(), e.end.iso()) for e in x.events if e.type == "conference"] == expected


@pytest.mark.parametrize("text, expected", [
    # a meeting of years ago and one still planned are two
    ("Tổng thống Chile Gabriel Boric gặp Tổng thống Peru Dina Boluarte tại Lima vào tháng 9/2023. Theo thông lệ, "
     "Tổng thống Gabriel Boric sẽ có cuộc gặp với Tổng thống Dina Boluarte trong thời gian ở Lima.",
     [("meeting", "held", "2023-09"), ("meeting", "announced", None)]),
    # the margin told after the main clause ('…, bên lề Hội nghị …') lends the summit no day; a summit planned for a
    # later year is another
    ("Tổng thống Chile Gabriel Boric đã có cuộc họp với Tổng thống Peru Dina Boluarte vào ngày 16/11/2025, bên lề Hội "
     "nghị thượng đỉnh APEC tại Lima. Tổng thống Dina Boluarte cho biết Peru sẽ tổ chức Hội nghị thượng đỉnh APEC vào "
     "năm 2027.",
     [("conference", "held", None), ("conference", "announced", "2027")]),
])
def test_history_plans_and_margins_keep_their_own_dates(text, expected):
    x = extract_article("t", text, date(2025, 11, 17))
    assert sorted((e.type, e.status, e.start and e.start.iso()) for e in x.events
                  if e.type in ("meeting", "conference")) == sorted(expected, key=lambda t: (t[0], t[1], t[2] or ""))


@pytest.mark.parametrize("text, expected", [
    # a visit dated nowhere whose guest is told arriving on a day: that day is its first
    ("Bộ trưởng Quốc phòng Na Uy Tore Sandvik thăm Kenya\nBộ trưởng Quốc phòng Na Uy Tore Sandvik ngày 21/10 đã đến "
     "Nairobi nhằm thể hiện sự ủng hộ đối với Kenya. Chuyến thăm của ông Tore Sandvik diễn ra trong bối cảnh đặc biệt.",
     ["2025-10-21"]),
    # (arriving in another country is another leg)
    ("Bộ trưởng Quốc phòng Na Uy Tore Sandvik thăm Kenya\nBộ trưởng Quốc phòng Na Uy Tore Sandvik ngày 19/10 đã đến "
     "Santiago để dự hội thảo. Chuyến thăm Kenya của ông Tore Sandvik diễn ra trong bối cảnh đặc biệt.", [None]),
])
def test_a_visit_dated_nowhere_starts_the_day_its_guest_arrives(text, expected):
    x = extract_article("t", text, date(2025, 10, 21))
    assert [e.start and e.start.iso() for e in x.events if e.type == "visit"] == expected


@pytest.mark.parametrize("text, etype, expected", [
    # the departure day of a visit told ending ('rời Lima, kết thúc chuyến thăm …'): what the text recaps after it
    # has no day of its own
    ("Chiều 16/11, Tổng thống Kenya William Ruto đã rời Lima, kết thúc tốt đẹp chuyến thăm chính thức Chile và Peru. "
     "Tổng thống William Ruto và Tổng thống Chile Gabriel Boric đã hội đàm tại Santiago.", "talks", [None]),
    # talks named as the ground of what is said were held before, on a day not told here
    ("Ngày 16/5, Tổng thống Kenya William Ruto tiếp Chủ tịch Quốc hội Na Uy Masud Gharahkhani. Trên cơ sở kết quả cuộc "
     "hội đàm giữa Chủ tịch Quốc hội Masud Gharahkhani với Chủ tịch Quốc hội Kenya Moses Wetangula, Tổng thống "
     "William Ruto ủng hộ việc hai Quốc hội tăng cường hợp tác.", "talks", [None]),
])
def test_a_recap_or_a_result_takes_no_day_of_the_text(text, etype, expected):
    x = extract_article("t", text, date(2025, 11, 17))
    assert [e.start and e.start.iso() for e in x.events if e.type == etype] == expected


def test_a_meeting_attended_spoken_of_on_the_day_of_a_talk_keeps_its_own_day():
    text = ("Chiều 16/5, Tổng thống Kenya William Ruto tiếp Chủ tịch Quốc hội Na Uy Masud Gharahkhani. Chủ tịch Quốc hội "
            "Masud Gharahkhani bày tỏ vui mừng dẫn đầu đoàn sang Kenya tham dự Hội nghị chuyên đề của IPU khu vực châu "
            "Phi.")
    x = extract_article("t", text, date(2025, 5, 16))
    assert [e.start for e in x.events if e.type == "conference"] == [None]
    assert [e.start.iso() for e in x.events if e.type == "meeting"] == ["2025-05-16"]


def test_a_meeting_thanked_for_is_the_one_told_before():
    text = ("Chiều 25/4, Bộ trưởng Quốc phòng Kenya Soipan Tuya hội đàm với Bộ trưởng Quốc phòng Na Uy Tore Sandvik. "
            "Bộ trưởng Tore Sandvik cảm ơn Bộ trưởng Soipan Tuya dành thời gian đón tiếp, hội đàm.")
    x = extract_article("t", text, date(2025, 4, 25))
    assert [e.type for e in x.events] == ["talks"]


def test_a_delegation_received_on_a_day_is_on_a_visit_going_on():
    text = ("Ngày 21/6, tại Nairobi, Phó Tổng thống Kenya Kithure Kindiki đã tiếp Đoàn cán bộ cao cấp của Bộ Viễn thông "
            "Na Uy do Bộ trưởng Karianne Tung dẫn đầu sang thăm và làm việc tại Kenya.")
    x = extract_article("t", text, date(2025, 6, 21))
    assert [e.start for e in x.events if e.type == "visit"] == [None]
    assert [e.start.iso() for e in x.events if e.type == "meeting"] == ["2025-06-21"]


def test_an_event_on_whose_eve_something_is_said_takes_not_the_day_it_is_said():
    text = ("Trả lời phỏng vấn trước thềm chuyến thăm, Tổng thống Chile Gabriel Boric ngày 3/7 tuyên bố hợp tác với "
            "Kenya là ưu tiên.")
    x = extract_article("t", text, date(2025, 7, 4))
    assert [e.start for e in x.events if e.type == "visit"] in ([], [None])


BOTH_SIDES_SHAPES = [
    # a royal couple received or met together: one meeting with both
    ("Ngày 3/5, Tổng thống Kenya William Otieno đã hội kiến Nhà vua Na Uy Harald Berg và Hoàng hậu Sonja Berg.",
     [("meeting", ["Harald Berg", "Sonja Berg", "William Otieno"])]),
    ("Ngày 3/5, Nhà vua Na Uy Harald Berg và Hoàng hậu Sonja Berg đã tiếp Tổng thống Kenya William Otieno.",
     [("meeting", ["Harald Berg", "Sonja Berg", "William Otieno"])]),
    # two office holders of one country met in one clause stay two calls
    ("Ngày 3/5, Tổng thống Kenya William Otieno đã hội kiến Chủ tịch Quốc hội Na Uy Harald Berg và Thủ tướng Na Uy "
     "Ola Dahl.",
     [("meeting", ["Harald Berg", "William Otieno"]), ("meeting", ["Ola Dahl", "William Otieno"])]),
    # a spokesperson speaks, not the leader whose spokesperson she is
    ("Ngày 2/3, người phát ngôn của Tổng thống Kazakhstan Nursultan Abenov, bà Aida Serikova, trả lời phỏng vấn "
     "báo chí về quan hệ hai nước.",
     [("interview", ["Aida Serikova"])]),
    # the one named before a spokesperson is not the one interviewed; an unknown spokesperson gives no event
    ("Về phía Vargas, người phát ngôn của ông, Maria Lopez trong cuộc trả lời phỏng vấn kênh truyền hình CNN hôm qua "
     "cũng xác nhận cuộc điện đàm.", []),
    ("Ngày 2/3, Tổng thống Kazakhstan Nursultan Abenov trả lời phỏng vấn báo chí về quan hệ hai nước.",
     [("interview", ["Nursultan Abenov"])]),
    # both sides of a meeting on the sidelines of a summit attend the summit
    ("Ngày 16/11, Tổng thống Chile Pedro Soto đã có cuộc gặp với Tổng thống Kenya Jomo Mwangi bên lề Hội nghị "
     "thượng đỉnh APEC tại Lima.",
     [("meeting", ["Jomo Mwangi", "Pedro Soto"]), ("conference", ["Jomo Mwangi", "Pedro Soto"])]),
    # meetings in the plural with persons listed: one with each
    ("Ngày 8/7, Thủ tướng Peru Luis Vargas đã có các cuộc gặp với Tổng thống Kenya William Otieno, Thủ tướng Na Uy "
     "Ola Dahl và Tổng Giám đốc WHO Ali Hassan.",
     [("meeting", ["Luis Vargas", "William Otieno"]), ("meeting", ["Luis Vargas", "Ola Dahl"]),
      ("meeting", ["Ali Hassan", "Luis Vargas"])]),
    # (the listing clause's own subject, not the one met before its comma)
    ("Sau cuộc gặp kéo dài 20 phút với Tổng thống Kenya William Otieno, ông Luis Vargas sẽ có các cuộc gặp với "
     "Tổng thống Na Uy Harald Berg và Thủ tướng Na Uy Ola Dahl.",
     [("meeting", ["Harald Berg", "Luis Vargas"]), ("meeting", ["Luis Vargas", "Ola Dahl"])]),
    # those a summit's attendance list names, and one attending 'cùng với' the subject
    ("Tham dự Hội nghị thượng đỉnh Nam - Nam có Tổng thống Kenya William Otieno, Thủ tướng Na Uy Ola Dahl và Thủ "
     "tướng Peru Luis Vargas.",
     [("conference", ["Luis Vargas", "Ola Dahl", "William Otieno"])]),
    ("Ngày 5/6, Thủ tướng Peru Luis Vargas dự Hội nghị thượng đỉnh Nam - Nam cùng với Tổng thống Kenya William "
     "Otieno và lãnh đạo các nước.",
     [("conference", ["Luis Vargas", "William Otieno"])]),
]


@pytest.mark.parametrize("text,expected", BOTH_SIDES_SHAPES)
def test_every_one_of_both_sides_attends(text, expected):
    got = [(t, a) for t, a, _, _ in events(text, published=date(2025, 6, 11))]
    assert sorted(got) == sorted(expected)


VISIT_HOST_SHAPES = [
    # a trip to two countries at the invitation of both heads of government: both host it
    ("Ngày 4/6, Thủ tướng Peru Luis Vargas thăm chính thức Đức và Hà Lan theo lời mời của Thủ tướng Đức Karl Weber "
     "và Thủ tướng Hà Lan Jan de Vries.", ["jan de vries", "karl weber"]),
    # 'thăm … và được X tiếp đón': X receives the guest, the visit's host
    ("Tháng 7/2015, Tổng thống Chile Pedro Soto thăm chính thức Kenya và được Tổng thống Kenya Jomo Mwangi tiếp đón "
     "tại dinh thự.", ["jomo mwangi"]),
    # one inviter only
    ("Ngày 4/6, Thủ tướng Peru Luis Vargas thăm chính thức Maroc theo lời mời của Thủ tướng Maroc Aziz Alami, "
     "cùng đi có Bộ trưởng Ana Flores.", ["aziz alami"]),
]


@pytest.mark.parametrize("text,hosts", VISIT_HOST_SHAPES)
def test_visit_hosts(text, hosts):
    visit = next(e for e in extract_article("t", text).events if e.type == "visit")
    assert sorted(visit.hosts) == hosts


@pytest.mark.parametrize("second,guest", [
    # the title before the comma is the visitor's; the other country's leader after it only speaks
    ("Phát biểu trước thềm chuyến thăm của Tổng thống Kenya, Thủ tướng Maroc Aziz Alami tuyên bố hai nước là đối "
     "tác tin cậy.", "william otieno"),
    ("Ngày 23/5, trong chuyến thăm của Tổng thống Kenya William Otieno, Thủ tướng Maroc Aziz Alami tuyên bố hai nước "
     "là đối tác.", "william otieno"),
])
def test_visit_of_a_title_before_another_countrys_speaker(second, guest):
    text = "Tổng thống Kenya William Otieno ngày 22/5 bắt đầu chuyến thăm Maroc. " + second
    visits = [e for e in extract_article("t", text).events if e.type == "visit"]
    assert [v.guests for v in visits] == [[guest]]


@pytest.mark.parametrize("text,expected", [
    # a meeting spoken of as another's ('cuộc gặp của A với B'): the speaker is no side of it
    ("Ngày 9/5, Tổng thống Kenya William Otieno khẳng định cuộc gặp gỡ của đoàn đại biểu Na Uy với nhân dân Nairobi "
     "là biểu tượng của tình hữu nghị.", []),
    ("Bà Ana Flores, Bộ trưởng Ngoại giao Peru, khẳng định cuộc gặp gỡ của Tổng thống Kenya William Otieno với nhân "
     "dân Lima là biểu tượng của tình hữu nghị.", []),
    # a meeting of no one named is none to tell
    ("Chính sách mới cho phép giới chức Peru gặp gỡ giới chức Chile tự do hơn.", []),
    # the reciprocal 'hai bên … gặp nhau' is the pair just told
    ("Ngày 7/5, Tổng thống Kenya William Otieno điện đàm với Thủ tướng Na Uy Ola Dahl. Hai bên nhất trí sẽ gặp nhau "
     "vào ngày 25/5 tại Brussels.",
     [("phone-call", ["Ola Dahl", "William Otieno"]), ("meeting", ["Ola Dahl", "William Otieno"])]),
])
def test_no_meeting_without_its_sides(text, expected):
    assert [(t, a) for t, a, _, _ in events(text, published=date(2025, 5, 9))] == expected


@pytest.mark.parametrize("text,guests", [
    # two persons listed with a comma, titles between, go together
    ("Sáng 10/11, Tổng thống Kenya William Otieno, nguyên Thủ tướng Chile Ana Flores và đoàn đại biểu cấp cao Kenya "
     "đến thăm, dâng hoa tượng đài tại Santiago.", ["ana flores", "william otieno"]),
    # a person's own apposition names no second one
    ("Sáng 10/11, ông Peter Kamau, Đại sứ Kenya tại Chile, đến thăm trường đại học Santiago.", ["peter kamau"]),
    # an act between the two makes them two sides, not one pair of visitors
    ("Ông Peter Kamau, Chủ tịch Hội Hữu nghị Kenya - Peru tỉnh Nairobi, cảm ơn Thủ tướng Peru Luis Vargas dành thời "
     "gian thăm Nairobi.", ["luis vargas"]),
    ("Tổng Bí thư Kenya Peter Kamau, Bí thư Quân ủy Trung ương tiếp Bộ trưởng Quốc phòng Na Uy Ola Dahl và đoàn "
     "sang thăm Kenya.", ["ola dahl"]),
])
def test_visitors_listed_together(text, guests):
    visit = next(e for e in extract_article("t", text).events if e.type == "visit")
    assert sorted(visit.guests) == guests


@pytest.mark.parametrize("text,attendees", [
    # a reported clause opened by 'nhân dịp': the one accompanied there attends, not the reporter
    ("Tại cuộc tiếp, Bộ trưởng Ana Flores cũng cho biết, nhân dịp tháp tùng Thủ tướng Peru Luis Vargas tham dự Hội "
     "nghị thượng đỉnh Nam - Nam tại Nairobi vào tháng 1.2024, đoàn đã có nhiều buổi làm việc.", ["Luis Vargas"]),
    # one who remarks on another's presence at a summit is not there for it
    ("Ông Peter Kamau ghi nhận sự tham gia của Peru tại Hội nghị thượng đỉnh Nam - Nam lần thứ ba do Kenya chủ trì.",
     []),
    ("Tổng thống Kenya William Otieno đánh giá cao sự tham dự của Thủ tướng Peru Luis Vargas tại Hội nghị thượng đỉnh "
     "Nam - Nam.", ["Luis Vargas"]),
])
def test_summit_attendees_not_who_speaks_of_it(text, attendees):
    got = [a for t, a, _, _ in events(text, published=date(2025, 6, 11)) if t == "conference"]
    assert got == [attendees]


def test_thanks_for_a_reception_is_no_new_meeting():
    text = ("Ngày 25/4, Bộ trưởng Quốc phòng Kenya Peter Kamau hội đàm với Bộ trưởng Quốc phòng Peru Luis Vargas. "
            "Bộ trưởng Peter Kamau cảm ơn Bộ trưởng Luis Vargas dành thời gian đón tiếp, hội đàm; khẳng định quan hệ "
            "hai nước tốt đẹp.")
    assert [t for t, *_ in events(text, published=date(2025, 4, 26))] == ["talks"]


@pytest.mark.parametrize("text,etype,attendees", [
    # whoever meets on the sidelines of a summit attends it, whatever the meeting is called
    ("Tổng thống Mỹ Joe Miller đã có cuộc họp với Chủ tịch Kenya William Otieno vào ngày 16/11, bên lề Hội nghị "
     "thượng đỉnh APEC tại Lima.", "conference", ["Joe Miller", "William Otieno"]),
    # a scene set by 'trong bối cảnh A và B sắp ký …' is not the speaker's signing
    ("Bộ trưởng Ana Flores khẳng định sẽ khuyến khích doanh nghiệp Peru đầu tư vào Kenya, đặc biệt trong bối cảnh "
     "Kenya và Liên minh châu Âu (EU) sắp ký Hiệp định Thương mại tự do; phối hợp thúc đẩy hợp tác.",
     "signing", ["Liên minh châu Âu"]),
])
def test_sides_of_a_scene(text, etype, attendees):
    got = [a for t, a, _, _ in events(text, published=date(2025, 6, 11)) if t == etype]
    assert got == [attendees]


def test_a_welcome_told_twice_in_its_sentence_is_one_ceremony():
    text = ("Sáng 27/6, tại Cung Độc lập ở thủ đô Nairobi, lễ đón Thủ tướng Na Uy Ola Dahl đã được tổ chức trọng thể "
            "với nghi thức dành đón người đứng đầu Chính phủ, sau đó Tổng thống Kenya William Otieno ra đón.")
    assert [(t, a) for t, a, *_ in events(text, published=date(2025, 6, 28))] == [
        ("ceremony", ["Ola Dahl", "William Otieno"])]


def test_two_leaders_read_as_one_are_the_pair_told_before():
    text = ("Ngày 7/7, Tổng thống Kenya William Otieno hội đàm với Tổng thống Peru Luis Vargas tại Lima. Reuters cho "
            "biết, trước khi bắt đầu hội đàm chính thức, hai nhà lãnh đạo Kenya, Peru đã có cuộc gặp gỡ với báo chí.")
    got = events(text, published=date(2025, 7, 8))
    assert all(a == ["Luis Vargas", "William Otieno"] for _, a, _, _ in got) and "conference" in [t for t, *_ in got]


def test_a_signing_between_two_bodies_has_them_as_sides():
    got = events("Lễ ký kết Bản Ghi nhớ giữa Bộ Thương mại Kenya và Bộ Năng lượng Peru về hợp tác trong lĩnh vực "
                 "năng lượng.")
    assert [(t, a) for t, a, *_ in got] == [("signing", ["Bộ Năng lượng Peru", "Bộ Thương mại Kenya"])]


def test_a_reciprocal_meeting_is_the_pair_told_not_a_group_named_after_it():
    text = ("Tổng thống Kenya William Otieno ngày 8/5 đã có cuộc điện đàm với ông Luis Vargas. Thông báo từ Phủ Tổng "
            "thống cho biết, hai bên nhất trí sẽ gặp nhau vào ngày 25/5 tới tại cuộc họp các nhà lãnh đạo châu Phi "
            "tại Nairobi.")
    got = [(t, a) for t, a, *_ in events(text, published=date(2025, 5, 9))]
    assert ("meeting", ["Luis Vargas", "William Otieno"]) in got


def test_a_press_conference_and_the_summit_of_one_day_are_two_nodes():
    text = ("Ngày 7/7, Tổng thống Kenya William Otieno và Tổng thống Peru Luis Vargas hội đàm bên lề Hội nghị thượng "
            "đỉnh G-20 ở Hamburg. Trước khi bắt đầu hội đàm, hai nhà lãnh đạo đã có cuộc gặp gỡ với báo chí.")
    x = extract_article("t", text)
    named = [e for e in x.events if e.type == "conference"]
    assert len(named) == 2 and len({e.key for e in named}) == 2


@pytest.mark.parametrize("second", [
    "Buổi gặp gỡ bắt đầu bằng cái bắt tay giữa hai nhà lãnh đạo.",
    "Tại cuộc gặp, hai bên nhất trí tăng cường hợp tác thương mại.",
    "Cuộc gặp kéo dài hai giờ.",
])
def test_a_meeting_noun_after_the_talks_is_the_talks_again(second):
    x = extract_article("t", "Chiều 5/6, Tổng thống Chile Mateo Rojas hội đàm với Thủ tướng Kenya Peter Otieno tại "
                             "Santiago. " + second)
    assert [(e.type, len(e.mentions)) for e in x.events] == [("talks", 2)]


def test_a_meeting_noun_after_a_reception_is_that_reception():
    x = extract_article("t", "Chiều 5/6, Tổng thống Chile Mateo Rojas hội đàm với Thủ tướng Kenya Peter Otieno. Tối "
                             "cùng ngày, ông Mateo Rojas tiếp Bộ trưởng Ngoại giao Kenya Grace Wanjiru. Tại buổi tiếp, "
                             "hai bên trao đổi về thương mại.")
    assert sorted((e.type, len(e.mentions)) for e in x.events) == [("meeting", 2), ("talks", 1)]


@pytest.mark.parametrize("text, inner", [
    ("Ngày 3/10, Tổng thống Kenya Peter Otieno tới Lima dự Tuần lễ cấp cao Diễn đàn Hợp tác Nam Đại Tây Dương "
     "(SAFC). Trong chương trình, ông sẽ dự Đối thoại giữa các nhà lãnh đạo SAFC và các khách mời.", ["forum"]),
    ("Ngày 3/10, Tổng thống Kenya Peter Otieno tới Lima dự Tuần lễ cấp cao SAFC. Ông sẽ dự Hội nghị các nhà lãnh "
     "đạo SAFC lần thứ 12 và Đối thoại giữa các nhà lãnh đạo SAFC.", ["conference", "forum"]),
])
def test_a_week_of_meetings_and_its_own_meetings_are_apart(text, inner):
    x = extract_article("t", text)
    week = [e for e in x.events if e.name.startswith("Tuần lễ")]
    assert len(week) == 1
    assert sorted(e.type for e in x.events if e is not week[0]) == inner
    assert all(e.super_event == week[0].key for e in x.events if e is not week[0])


@pytest.mark.parametrize("quote", [
    'Tổng thống Ruiz nói với người đồng cấp: "Rất vui được gặp ngài".',
    'Thủ tướng Halvorsen đáp lại: "Rất vui được hội đàm riêng với ông".',
    'Chúng tôi chuẩn bị hội đàm ngay bây giờ.',
])
def test_a_greeting_quoted_is_no_meeting(quote):
    x = extract_article("t", "Ngày 2/9, Tổng thống Peru Diego Ruiz hội đàm với Thủ tướng Na Uy Erik Halvorsen tại Oslo. "
                             + quote)
    assert [e.type for e in x.events] == ["talks"]


@pytest.mark.parametrize("second, nodes", [
    # a title in lower case, a name not known as a person: still another counterpart, another reception
    ("Cũng trong ngày, tại Mombasa, Thủ tướng Erik Halvorsen đã tiếp chủ tịch điều hành Ngân hàng Trung ương Kenya "
     "Joseph Mwangi, đề nghị hợp tác tài chính.", 2),
    ("Cũng trong ngày, tại Mombasa, Thủ tướng Erik Halvorsen đã tiếp Thống đốc Ngân hàng Trung ương Kenya.", 2),
])
def test_receptions_of_counterparts_named_differently_are_two_nodes(second, nodes):
    x = extract_article("t", "Thủ tướng Na Uy thăm Kenya\nNgày 4/3, Thủ tướng Na Uy Erik Halvorsen đã tiếp Cố vấn an "
                             "ninh quốc gia kiêm Phó Tổng thống Kenya. " + second)
    assert len({e.key for e in x.events if e.type == "meeting"}) == nodes


@pytest.mark.parametrize("trigger", ["thăm cấp Nhà nước", "thăm chính thức", "có chuyến thăm cấp Nhà nước tới"])
def test_a_state_visit_and_its_headline_are_one_visit(trigger):
    x = extract_article("t", f"Tổng thống Chile thăm Kenya\nTổng thống Chile Mateo Rojas {trigger} Kenya từ ngày 9 "
                             "đến 12/3 theo lời mời của Tổng thống Kenya Peter Otieno.")
    visits = [e for e in x.events if e.type == "visit"]
    assert len(visits) == 1 and visits[0].place == "Kenya"


def test_a_site_toured_on_a_day_of_a_visit_is_inside_it():
    x = extract_article("t", "Tổng thống Chile thăm Kenya\nTổng thống Chile Mateo Rojas thăm cấp Nhà nước Kenya từ ngày "
                             "9 đến 12/3. Trong khuôn khổ chuyến thăm, chiều 11/3, Tổng thống Mateo Rojas đã thăm Học "
                             "viện Nông nghiệp Kenya. Sáng 10/3, Tổng thống Mateo Rojas hội đàm với Tổng thống Kenya "
                             "Peter Otieno.")
    visit, site = sorted((e for e in x.events if e.type == "visit"), key=lambda e: e.super_event or "")
    talks = next(e for e in x.events if e.type == "talks")
    assert visit.place == "Kenya" and site.super_event == visit.key and talks.super_event == visit.key


@pytest.mark.parametrize("second, visits", [
    ("Đây là chuyến thăm Chile thứ hai của Tổng thống Peter Otieno.", 1),
    ("Tổng thống Peter Otieno cũng đã thăm Valparaíso.", 2),    # a city not the capital: a place toured
])
def test_a_visit_to_the_capital_is_the_visit_to_the_country(second, visits):
    x = extract_article("t", "Tổng thống Kenya thăm Chile\nChiều 3/7, Tổng thống Chile Mateo Rojas đã tiếp Tổng thống "
                             "Kenya Peter Otieno đang ở thăm Santiago. " + second)
    assert len([e for e in x.events if e.type == "visit"]) == visits


def test_a_visit_framing_a_day_of_it_is_the_visit_to_the_country_not_the_place_toured():
    x = extract_article("t", "Tổng thống Chile thăm thành phố Mombasa\nTiếp tục các hoạt động trong chuyến thăm cấp Nhà "
                             "nước tới Kenya, ngày 11/3/2025, Tổng thống Chile Mateo Rojas đã tới thăm thành phố "
                             "Mombasa.")
    visits = {e.place: e for e in x.events if e.type == "visit"}
    assert set(visits) == {"Kenya", "thành phố Mombasa"}
    assert visits["Kenya"].start.iso() == "2025-03"         # the day is the tour's, the month the visit's
    assert visits["thành phố Mombasa"].start.iso() == "2025-03-11"
    assert visits["thành phố Mombasa"].super_event == visits["Kenya"].key
